//! Flood limits: sign-ups per client address, comments and reports per student. Each refuses with 429 and a
//! message that says how long to wait, stores nothing, counts exactly under concurrency, and leaves every
//! other student (or address) free. (Log-in guessing and the posting interval are tested in `accounts` and
//! `community`.)

use reqwest::StatusCode;

use crate::helpers::{error_json, new_client, spawn_app_with, statuses, Settings, TestApp, PASSWORD};

/// The limits count in fixed windows (a minute, an hour) aligned to the clock. A test that needs all its
/// attempts in one window waits out the last few seconds of the current one first.
async fn clear_of_window_edge(window_seconds: u64) {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("clock").as_secs();
    let left = window_seconds - now % window_seconds;
    if left < 15 {
        tokio::time::sleep(std::time::Duration::from_secs(left + 1)).await;
    }
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(app.db().pool()).await.expect("count")
}

async fn too_many_message(response: reqwest::Response) -> String {
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    error_json(response).await["TooManyRequests"].as_str().expect("message").to_owned()
}

/// A client whose requests come through the test's trusted proxy from `address`.
fn client_from(address: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .default_headers(
            [(reqwest::header::HeaderName::from_static("x-forwarded-for"), address.parse().expect("ip"))]
                .into_iter()
                .collect(),
        )
        .build()
        .expect("client")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_campus_behind_one_address_signs_up_thirty_at_once_and_a_script_is_paced() {
    // The production defaults: 30 at once, 10 a minute after that, 500 an hour.
    let app =
        spawn_app_with(Settings { production_sign_up_limits: true, trust_proxy: true, ..Default::default() })
            .await;
    clear_of_window_edge(3600).await;
    let mut handles = Vec::new();
    for _ in 0..30 {
        let student = app.new_student(0).await;
        let app_url = app.url("/api/auth/signup");
        let form = [
            ("username", student.username.clone()),
            ("password", PASSWORD.to_owned()),
            ("password_confirm", PASSWORD.to_owned()),
            ("nickname", student.nickname.clone()),
            ("school_id", student.school_id.to_string()),
            ("department_id", student.department_id.to_string()),
            ("admission_year", "2024".to_owned()),
        ];
        let request = client_from("203.0.113.50").post(app_url).form(&form);
        handles.push(tokio::spawn(async move { request.send().await.expect("request") }));
    }
    let statuses = statuses(handles).await;
    assert!(statuses.iter().all(|s| *s == StatusCode::OK), "a lecture hall signs up at once: {statuses:?}");

    // The 31st at the same moment waits its turn at the pace, told for how long in seconds.
    let student = app.new_student(0).await;
    let paced = app.sign_up_as(&client_from("203.0.113.50"), &student, PASSWORD).await;
    assert!(too_many_message(paced).await.contains("초 후에"));
    let elsewhere = app.new_student(0).await;
    assert_eq!(
        app.sign_up_as(&client_from("198.51.100.9"), &elsewhere, PASSWORD).await.status(),
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sign_ups_refused_for_taken_names_are_limited_per_address_and_successes_are_not() {
    let app = spawn_app_with(Settings {
        signup_failures_per_address_per_hour: Some(3),
        trust_proxy: true,
        ..Default::default()
    })
    .await;
    clear_of_window_edge(3600).await;
    let prober = client_from("203.0.113.66");
    // Successes count nothing against the failure limit.
    for _ in 0..5 {
        let student = app.new_student(0).await;
        assert_eq!(app.sign_up_as(&prober, &student, PASSWORD).await.status(), StatusCode::OK);
    }
    let (taken, _) = app.signed_up_student().await;
    for _ in 0..3 {
        let mut probe = app.new_student(0).await;
        probe.username = taken.username.clone();
        assert_eq!(
            app.sign_up_as(&prober, &probe, PASSWORD).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    let users_before = count(&app, "SELECT COUNT(*) FROM users").await;

    let student = app.new_student(0).await;
    let refused = app.sign_up_as(&prober, &student, PASSWORD).await;

    assert!(too_many_message(refused).await.contains("실패한 가입 시도"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM users").await, users_before, "nothing was created");
    let elsewhere = app.new_student(0).await;
    assert_eq!(
        app.sign_up_as(&client_from("198.51.100.70"), &elsewhere, PASSWORD).await.status(),
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sign_ups_from_one_address_are_limited_and_other_addresses_are_not() {
    let app = spawn_app_with(Settings {
        signups_per_address_per_hour: Some(3),
        trust_proxy: true,
        ..Default::default()
    })
    .await;
    clear_of_window_edge(3600).await;
    let sign_up_from = |address: &'static str| {
        let app = &app;
        async move {
            let student = app.new_student(0).await;
            let client = reqwest::Client::builder()
                .default_headers(
                    [(
                        reqwest::header::HeaderName::from_static("x-forwarded-for"),
                        address.parse().expect("ip"),
                    )]
                    .into_iter()
                    .collect(),
                )
                .build()
                .expect("client");
            (student.clone(), app.sign_up_as(&client, &student, PASSWORD).await)
        }
    };
    for _ in 0..3 {
        assert_eq!(sign_up_from("203.0.113.7").await.1.status(), StatusCode::OK);
    }
    let users_before = count(&app, "SELECT COUNT(*) FROM users").await;

    let (refused, response) = sign_up_from("203.0.113.7").await;

    assert!(too_many_message(response).await.contains("분 후에"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM users").await, users_before, "nothing was created");
    assert_eq!(
        app.log_in(&new_client(), &refused.username, PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    // Another address signs up as usual, and students from the throttled one still log in.
    assert_eq!(sign_up_from("198.51.100.20").await.1.status(), StatusCode::OK);
    let (earlier, _) = sign_up_from("198.51.100.21").await;
    assert_eq!(app.log_in(&new_client(), &earlier.username, PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_comment_flood_is_cut_at_the_limit_even_when_sent_at_once_and_others_still_comment() {
    let app = spawn_app_with(Settings { comments_per_minute: Some(5), ..Default::default() }).await;
    let (_, flooder, _, post) = app.post_with_reader("도배 당하는 글").await;
    let (_, bystander) = app.signed_up_student().await;
    clear_of_window_edge(60).await;

    let post_text = post.to_string();
    let burst: Vec<_> = (0..20)
        .map(|i| {
            let body = format!("도배 {i}");
            app.spawn_call(&flooder, "comments/write", &[("post_id", &post_text), ("body", &body)])
        })
        .collect();
    let statuses = statuses(burst).await;

    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 5, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count(), 15, "{statuses:?}");
    let again = app.comment(&flooder, post, None, "한 번 더", false).await;
    assert!(too_many_message(again).await.contains("초 후에"));
    let stored = format!("SELECT COUNT(*) FROM comments WHERE post_id = {post}");
    assert_eq!(count(&app, &stored).await, 5);
    assert_eq!(app.get_post(&flooder, post).await.expect("post")["comment_count"], 5);
    assert_eq!(app.comment(&bystander, post, None, "저는 처음 써요", false).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_report_flood_is_limited_per_student_and_refused_reports_count_nothing() {
    let app = spawn_app_with(Settings { reports_per_hour: Some(2), ..Default::default() }).await;
    let (author, reporter, board, first) = app.post_with_reader("첫째").await;
    let (_, other_reporter) = app.signed_up_student().await;
    let second = app.write_post(&author, board, "둘째", false).await;
    let third = app.write_post(&author, board, "셋째", false).await;
    clear_of_window_edge(3600).await;
    let report = |client: &reqwest::Client, post: i64| {
        let post = post.to_string();
        let client = client.clone();
        let app = &app;
        async move {
            app.call(
                &client,
                "reports/create",
                &[("target", "post"), ("target_id", &post), ("reason", "abuse")],
            )
            .await
        }
    };
    assert_eq!(report(&reporter, first).await.status(), StatusCode::OK);
    assert_eq!(report(&reporter, second).await.status(), StatusCode::OK);
    // A report refused for another reason (a repeat) is not counted and says what is really wrong.
    assert_eq!(report(&reporter, first).await.status(), StatusCode::CONFLICT);

    let flood = report(&reporter, third).await;

    assert!(too_many_message(flood).await.contains("분 후에"));
    assert_eq!(count(&app, &format!("SELECT report_count FROM posts WHERE id = {third}")).await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM reports").await, 2);
    assert_eq!(report(&other_reporter, third).await.status(), StatusCode::OK);
}
