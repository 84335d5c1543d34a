//! Crash safety: several students write at once (posts, comments, 공감, timetable edits) to a real server
//! process, which is killed with SIGKILL in the middle of the burst and started again on the same database.
//! Every write a client saw acknowledged must be there, every counter must agree with the rows it counts,
//! and the database must pass its own checks.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::{Client, StatusCode};
use serde_json::Value;

use crate::helpers::*;

/// What the server acknowledged (answered 200 to) during the burst.
#[derive(Default)]
struct Acknowledged {
    posts: Vec<i64>,
    comments: Vec<i64>,
    /// (student id, post id)
    likes: Vec<(i64, i64)>,
    /// Timetable entries added and not removed again, and those acknowledged removed.
    entries: Vec<i64>,
    removed_entries: Vec<i64>,
    /// Entries whose removal was sent but never answered: either outcome is right.
    uncertain_entries: Vec<i64>,
}

impl Acknowledged {
    fn total(&self) -> usize {
        self.posts.len()
            + self.comments.len()
            + self.likes.len()
            + self.entries.len()
            + self.removed_entries.len()
    }
}

/// One student writing during the burst, and what they write to.
struct Writer {
    app: TestApp,
    client: Client,
    me: i64,
    board: i64,
    targets: Vec<i64>,
    timetable: i64,
    courses: Vec<i64>,
}

/// One writer's loop: a post, a comment, a like and a timetable edit in turn, until the server is gone.
async fn write_until_the_server_dies(writer: Writer, acknowledged: Arc<Mutex<Acknowledged>>) {
    let Writer { app, client, me, board, targets, timetable, courses } = writer;
    let mut added: Vec<i64> = Vec::new();
    for round in 0.. {
        let n = round.to_string();
        let target = targets[round % targets.len()].to_string();
        let board = board.to_string();
        let (endpoint, form): (&str, Vec<(&str, String)>) = match round % 4 {
            0 => (
                "posts/write",
                vec![("board_id", board), ("title", format!("글 {n}")), ("body", "본문".into())],
            ),
            1 => ("comments/write", vec![("post_id", target), ("body", format!("댓글 {n}"))]),
            2 => ("posts/like", vec![("post_id", targets[round / 4 % targets.len()].to_string())]),
            _ => match added.last() {
                Some(entry) if round % 8 == 7 => {
                    ("timetables/remove-entry", vec![("entry_id", entry.to_string())])
                }
                _ => {
                    let course = courses[round / 8 % courses.len()];
                    (
                        "timetables/add-course",
                        vec![("timetable_id", timetable.to_string()), ("course_id", course.to_string())],
                    )
                }
            },
        };
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let removing = (endpoint == "timetables/remove-entry").then(|| added.last().copied()).flatten();
        if let Some(entry) = removing {
            let mut seen = acknowledged.lock().expect("lock");
            seen.entries.retain(|e| *e != entry);
            seen.uncertain_entries.push(entry);
        }
        let Ok(response) = client.post(app.url(&format!("/api/{endpoint}"))).form(&form).send().await else {
            return; // the server is gone
        };
        if response.status() != StatusCode::OK {
            // A like of a post already liked, or a course that clashes: refused, nothing written.
            continue;
        }
        let Ok(body) = response.text().await else { return };
        let mut seen = acknowledged.lock().expect("lock");
        match endpoint {
            "posts/write" => seen.posts.push(body.parse().expect("post id")),
            "comments/write" => seen.comments.push(body.parse().expect("comment id")),
            "posts/like" => seen.likes.push((me, form[0].1.parse().expect("post id"))),
            "timetables/add-course" => {
                let entry = body.parse().expect("entry id");
                added.push(entry);
                // SQLite hands the id of a removed last row to the next row: it is this entry now.
                seen.removed_entries.retain(|e| *e != entry);
                seen.uncertain_entries.retain(|e| *e != entry);
                seen.entries.push(entry);
            }
            _ => {
                let entry = added.pop().expect("an entry to remove");
                seen.uncertain_entries.retain(|e| *e != entry);
                seen.removed_entries.push(entry);
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn writes_acknowledged_before_a_sigkill_survive_the_restart() {
    let database_url = fresh_database_url().await;
    let mut server = ServerProcess::start(&database_url).await;
    let app = &server.app;

    // Posts to comment on and like, and eight writers with a timetable each.
    let (_, author) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let mut targets = Vec::new();
    for n in 0..40 {
        targets.push(app.write_post(&author, board, &format!("공감 받을 글 {n}"), false).await);
    }
    let courses: Value =
        app.call(&author, "courses/search", &[("sort", "code")]).await.json().await.expect("courses");
    let courses: Vec<i64> =
        courses["courses"].as_array().expect("courses").iter().filter_map(|c| c["id"].as_i64()).collect();
    let semester: Value = app.call(&author, "timetables/mine", &[]).await.json().await.expect("timetables");
    let semester = semester["semester"].as_i64().expect("semester").to_string();

    let acknowledged = Arc::new(Mutex::new(Acknowledged::default()));
    let mut writers = Vec::new();
    for _ in 0..8 {
        let (_, client) = app.signed_up_student().await;
        let me = app.whoami(&client).await.expect("me")["id"].as_i64().expect("id");
        let timetable =
            app.call(&client, "timetables/create", &[("semester", &semester), ("name", "시간표")]).await;
        let timetable: i64 = timetable.text().await.expect("id").parse().expect("timetable id");
        let writer = Writer {
            app: TestApp::remote(app.base.clone()),
            client,
            me,
            board,
            targets: targets.clone(),
            timetable,
            courses: courses.clone(),
        };
        let task = write_until_the_server_dies(writer, acknowledged.clone());
        writers.push(tokio::spawn(task));
    }

    // Kill the server in the middle of the burst, once a good number of writes went through.
    let started = Instant::now();
    while acknowledged.lock().expect("lock").total() < 150 && started.elapsed() < Duration::from_secs(30) {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    server.child.kill().expect("SIGKILL");
    server.child.wait().expect("reaped");
    for writer in writers {
        writer.await.expect("writer");
    }
    let seen = std::mem::take(&mut *acknowledged.lock().expect("lock"));
    assert!(seen.total() >= 150, "the burst was under way when the server died");

    // Start again on the same database and look for every acknowledged write.
    let restarted = ServerProcess::start(&database_url).await;
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&database_url).await.expect("database");
    let count = |sql: &'static str, ids: Vec<i64>| {
        let pool = pool.clone();
        async move {
            let mut found = 0;
            for id in ids {
                found += sqlx::query_scalar::<_, i64>(sql).bind(id).fetch_one(&pool).await.expect("query");
            }
            found
        }
    };
    let posts = count("SELECT COUNT(*) FROM posts WHERE id = $1", seen.posts.clone()).await;
    let comments = count("SELECT COUNT(*) FROM comments WHERE id = $1", seen.comments.clone()).await;
    let entries = count("SELECT COUNT(*) FROM timetable_entries WHERE id = $1", seen.entries.clone()).await;
    let removed =
        count("SELECT COUNT(*) FROM timetable_entries WHERE id = $1", seen.removed_entries.clone()).await;
    let mut likes = 0;
    for (user, post) in &seen.likes {
        likes += sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM post_likes WHERE user_id = $1 AND post_id = $2",
        )
        .bind(user)
        .bind(post)
        .fetch_one(&pool)
        .await
        .expect("query");
    }
    let acknowledged_count = |v: &Vec<i64>| v.len() as i64;
    let survived = posts + comments + likes + entries + (acknowledged_count(&seen.removed_entries) - removed);
    eprintln!(
        "crash test ({}): {} writes acknowledged before SIGKILL ({} posts, {} comments, {} likes, {} entries added, {} removed, {} removals unanswered); {survived} found after the restart",
        if database_url.starts_with("sqlite") { "SQLite" } else { "PostgreSQL" },
        seen.total(),
        seen.posts.len(),
        seen.comments.len(),
        seen.likes.len(),
        seen.entries.len(),
        seen.removed_entries.len(),
        seen.uncertain_entries.len()
    );
    assert_eq!(
        (posts, comments, likes, entries, removed),
        (
            acknowledged_count(&seen.posts),
            acknowledged_count(&seen.comments),
            seen.likes.len() as i64,
            acknowledged_count(&seen.entries),
            0
        )
    );

    // No half-written transaction: every counter agrees with the rows it counts, every timetable entry has
    // its slots.
    let disagreements: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM posts p WHERE p.like_count <> (SELECT COUNT(*) FROM post_likes l WHERE l.post_id = p.id) \
            OR p.comment_count <> (SELECT COUNT(*) FROM comments c WHERE c.post_id = p.id AND c.deleted_at IS NULL)",
    )
    .fetch_one(&pool)
    .await
    .expect("counters");
    assert_eq!(disagreements, 0, "counters that disagree with their rows");
    let entries_without_slots: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM timetable_entries e WHERE NOT EXISTS (SELECT 1 FROM timetable_slots s WHERE s.entry_id = e.id)",
    )
    .fetch_one(&pool)
    .await
    .expect("slots");
    assert_eq!(entries_without_slots, 0);
    if database_url.starts_with("sqlite") {
        let check: String =
            sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&pool).await.expect("check");
        assert_eq!(check, "ok");
        let dangling: Vec<(String,)> = sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
            .fetch_all(&pool)
            .await
            .expect("fk check");
        assert!(dangling.is_empty(), "rows that refer to missing rows: {dangling:?}");
    }
    // And the restarted server serves them.
    let last = *seen.posts.last().expect("a post");
    assert!(restarted.app.get_post(&author, last).await.is_ok());
}
