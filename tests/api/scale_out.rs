//! Scale-out: two app server processes on one PostgreSQL database behind nginx (`scripts/pair`, the setup the
//! README documents). A student is recognised by whichever server answers (no sticky sessions), and 공감 sent
//! through both at once still counts exactly. PostgreSQL only: on the SQLite pass these tests return at once.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::helpers::*;

/// The pair: nginx in front, and each app server directly (to pin a request to one of them).
struct Pair {
    script: Child,
    database_url: String,
    balancer: TestApp,
    first: TestApp,
    second: TestApp,
}

impl Pair {
    /// Starts `scripts/pair` on a fresh PostgreSQL database, or `None` on the SQLite pass.
    async fn start() -> Option<Pair> {
        if !std::env::var("CAMPUS_TEST_DATABASE_URL").is_ok_and(|url| url.starts_with("postgres")) {
            eprintln!("scale-out tests run on the PostgreSQL pass only");
            return None;
        }
        let database_url = fresh_database_url().await;
        let [balancer_port, first_port, second_port] = free_ports();
        let script = Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/pair"))
            .env("DATABASE_URL", &database_url)
            .env("CAMPUS_JWT_SECRET", TEST_SECRET)
            .env("CAMPUS_BIN", env!("CARGO_BIN_EXE_campus"))
            .env("CAMPUS_PAIR_PORT", balancer_port.to_string())
            .env("CAMPUS_PAIR_APP_PORTS", format!("{first_port} {second_port}"))
            .env("CAMPUS_DB_MAX_CONNECTIONS", "8")
            .env("CAMPUS_POST_INTERVAL_SECONDS", "0")
            .env("CAMPUS_SIGNUPS_PER_ADDRESS_PER_HOUR", "10000")
            .env("CAMPUS_SIGNUPS_PER_ADDRESS_PER_MINUTE", "100000")
            .env("CAMPUS_SIGNUP_BURST_PER_ADDRESS", "100000")
            .env("CAMPUS_COMMENTS_PER_MINUTE", "100000")
            .env("RUST_LOG", "campus=warn")
            .stdin(Stdio::null())
            .spawn()
            .expect("scripts/pair starts");
        let at = |port: u16| TestApp::remote(format!("http://127.0.0.1:{port}"));
        let pair = Pair {
            script,
            database_url,
            balancer: at(balancer_port),
            first: at(first_port),
            second: at(second_port),
        };
        let started = Instant::now();
        while !pair.answers().await {
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the pair did not start within two minutes"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Some(pair)
    }

    async fn answers(&self) -> bool {
        let health = self.balancer.client.get(self.balancer.url("/health")).send().await;
        health.is_ok_and(|response| response.status() == StatusCode::OK)
    }
}

impl Drop for Pair {
    /// SIGINT makes the script stop nginx and both servers before it exits.
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-INT", &self.script.id().to_string()]).status();
        let _ = self.script.wait();
    }
}

/// Three ports that were free a moment ago (the OS hands out a new one per bind).
fn free_ports() -> [u16; 3] {
    let listeners: Vec<_> =
        (0..3).map(|_| std::net::TcpListener::bind("127.0.0.1:0").expect("a free port")).collect();
    let port = |n: usize| listeners[n].local_addr().expect("address").port();
    [port(0), port(1), port(2)]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_student_logged_in_through_one_server_is_recognised_by_the_other() {
    let Some(pair) = Pair::start().await else { return };
    let student = pair.balancer.new_student(0).await;
    let client = new_client();
    // The cookie jar keys cookies by host, not port: the login cookies set by one server go to the other.
    assert_eq!(pair.first.sign_up_as(&client, &student, PASSWORD).await.status(), StatusCode::OK);
    let me = pair.second.whoami(&client).await.expect("the second server knows the student");
    assert_eq!(me["username"], student.username.as_str());

    // Through nginx, requests alternate between the servers and every one of them knows the student.
    let mut upstreams = std::collections::HashSet::new();
    for _ in 0..6 {
        let response = pair.balancer.call(&client, "me", &[]).await;
        assert_eq!(response.status(), StatusCode::OK);
        let upstream = response.headers().get("x-campus-upstream").expect("upstream header");
        upstreams.insert(upstream.to_str().expect("address").to_owned());
    }
    assert_eq!(upstreams.len(), 2, "nginx used both app servers: {upstreams:?}");

    // Log-out through one server ends the login on the other at once (sessions live in the database).
    let kept_access =
        set_cookie(&pair.first.log_in(&client, &student.username, PASSWORD).await, "campus_access")
            .map(|c| cookie_value(&c))
            .expect("access cookie");
    assert_eq!(pair.first.call(&client, "auth/logout", &[]).await.status(), StatusCode::OK);
    let replayed = pair.second.me_with_cookies(&format!("campus_access={kept_access}")).await;
    assert_eq!(replayed.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn likes_sent_through_both_servers_at_once_count_exactly() {
    let Some(pair) = Pair::start().await else { return };
    let (author, _, _, post) = pair.balancer.post_with_reader("둘이서 받는 공감").await;
    let likers = pair.balancer.many_students(24).await;
    let servers = [&pair.first, &pair.second, &pair.balancer];
    let post_id = post.to_string();

    // Every student likes at the same moment, spread over the three entrances.
    let handles = likers
        .iter()
        .enumerate()
        .map(|(n, liker)| servers[n % 3].spawn_call(liker, "posts/like", &[("post_id", &post_id)]))
        .collect();
    assert!(statuses(handles).await.iter().all(|s| *s == StatusCode::OK));

    // And each again, twice at once, through the two servers: one like per student stands.
    let handles = likers
        .iter()
        .flat_map(|liker| {
            [&pair.first, &pair.second]
                .map(|server| server.spawn_call(liker, "posts/like", &[("post_id", &post_id)]))
        })
        .collect();
    assert!(statuses(handles).await.iter().all(|s| *s == StatusCode::CONFLICT));

    let seen = pair.second.get_post(&author, post).await.expect("post");
    assert_eq!(seen["like_count"], 24);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn calls_racing_with_one_refresh_cookie_through_both_servers_keep_the_login() {
    let Some(pair) = Pair::start().await else { return };
    let student = pair.balancer.new_student(0).await;
    let client = new_client();
    let signed_up = pair.first.sign_up_as(&client, &student, PASSWORD).await;
    let refresh = cookie_value(&set_cookie(&signed_up, "campus_refresh").expect("refresh cookie"));

    // Six calls at the same moment, two through each entrance, each with only the refresh cookie.
    let servers = [&pair.first, &pair.second, &pair.balancer, &pair.first, &pair.second, &pair.balancer];
    let responses = me_at_once_with_refresh_cookie(&servers, &refresh).await;
    let mut successors = std::collections::HashSet::new();
    for response in &responses {
        assert_eq!(response.status(), StatusCode::OK);
        successors.insert(cookie_value(&set_cookie(response, "campus_refresh").expect("successor")));
    }
    assert_eq!(successors.len(), 1, "both servers continue the login with one successor");
    let successor = successors.into_iter().next().expect("one");
    let next = pair.second.me_with_cookies(&format!("campus_refresh={successor}")).await;
    assert_eq!(next.status(), StatusCode::OK, "still logged in");
    let latest = cookie_value(&set_cookie(&next, "campus_refresh").expect("the next successor"));

    // The first token, replayed after the reuse window through a server, ends the whole login: even the
    // latest, unspent token no longer works.
    age_spent_refresh_tokens(&pair.database_url, 31).await;
    let replay = pair.second.me_with_cookies(&format!("campus_refresh={refresh}")).await;
    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
    let after = pair.first.me_with_cookies(&format!("campus_refresh={latest}")).await;
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_comment_written_through_one_server_reaches_a_stream_on_the_other_within_a_second() {
    let Some(pair) = Pair::start().await else { return };
    let (author, reader, _, post) = pair.balancer.post_with_reader("다른 서버로 가는 알림").await;
    // One stream on the second server, one through nginx (to either server).
    let mut streams =
        [LiveStream::open(&pair.second, &author).await, LiveStream::open(&pair.balancer, &author).await];
    for stream in &mut streams {
        let opening = stream.next_state(Duration::from_secs(5)).await.expect("the opening state");
        assert_eq!(opening["unread"], 0);
    }
    let written = Instant::now();
    let response = pair.first.comment(&reader, post, None, "첫 번째 서버에서 쓴 댓글", false).await;
    assert_eq!(response.status(), StatusCode::OK);
    for (name, stream) in ["the second server", "nginx"].iter().zip(&mut streams) {
        let state = stream.next_state(Duration::from_secs(1)).await;
        eprintln!("comment through the first server to an event through {name}: {:?}", written.elapsed());
        let state = state.unwrap_or_else(|| panic!("no event through {name} within a second"));
        assert_eq!(state["unread"], 1);
    }
}

/// A 1,000 x 1,000 PNG of noise: about 3 MB, over nginx's default body limit, as a phone photo is.
fn noisy_png() -> Vec<u8> {
    use image::ImageEncoder as _;
    let mut seed = 0x2545_f491_u32;
    let pixels: Vec<u8> = (0..1000 * 1000 * 3)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as u8
        })
        .collect();
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&pixels, 1000, 1000, image::ExtendedColorType::Rgb8)
        .expect("png");
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_photo_uploaded_through_the_balancer_is_served_alike_by_both_servers_until_its_post_is_deleted() {
    let Some(pair) = Pair::start().await else { return };
    let (_, client) = pair.balancer.signed_up_student().await;
    let file = noisy_png();
    assert!(file.len() > 1024 * 1024, "{} bytes", file.len());
    // Bounded: a balancer that cannot take the body must fail the test, not hang it.
    let upload = client.post(pair.balancer.url("/images")).body(file).timeout(Duration::from_secs(60));
    let response = upload.send().await.expect("upload");
    assert_eq!(response.status(), StatusCode::CREATED, "{}", response.text().await.unwrap_or_default());
    let image: serde_json::Value = response.json().await.expect("json");
    let (id, digest) =
        (image["key"]["id"].as_i64().expect("id"), image["key"]["digest"].as_str().expect("digest"));
    let board = pair.balancer.board_id(&client, "free").await;
    let written = pair
        .balancer
        .call(
            &client,
            "posts/write",
            &[
                ("board_id", &board.to_string()),
                ("title", "둘이 나눠 보는 사진"),
                ("body", "본문"),
                ("images", &id.to_string()),
            ],
        )
        .await;
    assert_eq!(written.status(), StatusCode::OK);
    let post: i64 = written.json().await.expect("id");

    let path = format!("/images/{id}-{digest}");
    let mut copies = Vec::new();
    for server in [&pair.first, &pair.second] {
        let served =
            client.get(server.url(&path)).timeout(Duration::from_secs(60)).send().await.expect("get");
        assert_eq!(served.status(), StatusCode::OK);
        copies.push(served.bytes().await.expect("bytes"));
    }
    assert_eq!(copies[0], copies[1], "both servers serve the same stored photo");

    let deleted = pair.balancer.call(&client, "posts/delete", &[("post_id", &post.to_string())]).await;
    assert_eq!(deleted.status(), StatusCode::OK);
    for server in [&pair.first, &pair.second] {
        assert_eq!(client.get(server.url(&path)).send().await.expect("get").status(), StatusCode::NOT_FOUND);
    }
}
