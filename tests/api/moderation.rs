//! 신고 and moderation: once per student, hidden at the threshold, reviewed by admins.

use reqwest::{Client, StatusCode};
use serde_json::Value;

use crate::helpers::*;

async fn report(app: &TestApp, client: &Client, target: &str, id: i64, reason: &str) -> StatusCode {
    app.call(
        client,
        "reports/create",
        &[("target", target), ("target_id", &id.to_string()), ("reason", reason)],
    )
    .await
    .status()
}

async fn board_titles(app: &TestApp, client: &Client, board: i64) -> Vec<String> {
    app.board_page(client, board).await["page"]["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .filter_map(|p| p["title"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_report_needs_a_listed_reason_and_counts_once_per_student() {
    let app = spawn_app().await;
    let (author, reporter, _, post) = app.post_with_reader("문제의 글").await;

    assert_eq!(report(&app, &reporter, "post", post, "nonsense").await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(report(&app, &reporter, "post", post, "욕설").await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(report(&app, &reporter, "banana", post, "abuse").await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(report(&app, &author, "post", post, "abuse").await, StatusCode::FORBIDDEN);
    assert_eq!(report(&app, &reporter, "post", post, "abuse").await, StatusCode::OK);
    assert_eq!(report(&app, &reporter, "post", post, "obscene").await, StatusCode::CONFLICT);
    let (_, outsider) = app.student_of(1).await;
    assert_eq!(report(&app, &outsider, "post", post, "abuse").await, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn enough_reporters_hide_a_post_from_everyone_but_its_author_and_admins() {
    let app = spawn_app_with(Settings { report_hide_threshold: Some(3), ..Default::default() }).await;
    let (_, author) = app.signed_up_student().await;
    let (admin, admin_client) = app.signed_up_student().await;
    let (_, bystander) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let post = app.write_post(&author, board, "신고될 글", false).await;
    for _ in 0..2 {
        let (_, reporter) = app.signed_up_student().await;
        assert_eq!(report(&app, &reporter, "post", post, "spam").await, StatusCode::OK);
    }
    assert!(app.get_post(&bystander, post).await.is_ok(), "two reports do not hide it yet");
    let (_, third) = app.signed_up_student().await;
    assert_eq!(report(&app, &third, "post", post, "off_topic").await, StatusCode::OK);

    assert_eq!(app.get_post(&bystander, post).await, Err(StatusCode::NOT_FOUND));
    assert!(board_titles(&app, &bystander, board).await.is_empty());
    let own_view = app.get_post(&author, post).await.expect("the author still sees it");
    assert_eq!(own_view["is_hidden"], true);
    // Hidden content is frozen: nobody comments on it, likes or scraps it until it is reviewed.
    let id = post.to_string();
    assert_eq!(app.comment(&bystander, post, None, "댓글", false).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.comment(&author, post, None, "해명", false).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.call(&bystander, "posts/like", &[("post_id", &id)]).await.status(), StatusCode::NOT_FOUND);
    let scrap = app.call(&bystander, "posts/scrap", &[("post_id", &id), ("scrapped", "true")]).await;
    assert_eq!(scrap.status(), StatusCode::NOT_FOUND);

    // An operator makes a student an admin; the admin reviews and restores.
    assert!(campus::server::db::users::set_admin(app.db(), &admin.username, true).await.expect("grant"));
    assert_eq!(app.call(&bystander, "reports/queue", &[]).await.status(), StatusCode::FORBIDDEN);
    let queue: Value = app.call(&admin_client, "reports/queue", &[]).await.json().await.expect("queue");
    assert_eq!(queue["items"][0]["id"], post);
    assert_eq!(queue["items"][0]["is_hidden"], true);
    assert_eq!(queue["items"][0]["report_count"], 3);
    assert!(app.get_post(&admin_client, post).await.is_ok(), "admins see hidden content");

    let restore = app
        .call(
            &admin_client,
            "reports/moderate",
            &[("target", "post"), ("target_id", &post.to_string()), ("action", "restore")],
        )
        .await;
    assert_eq!(restore.status(), StatusCode::OK);
    assert!(app.get_post(&bystander, post).await.is_ok());
    assert_eq!(board_titles(&app, &bystander, board).await, ["신고될 글"]);
    assert_eq!(app.comment(&bystander, post, None, "댓글", false).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_admin_removes_a_reported_comment_and_the_queue_never_names_authors() {
    let app = spawn_app_with(Settings { report_hide_threshold: Some(1), ..Default::default() }).await;
    let (_, author) = app.signed_up_student().await;
    let (commenter, commenter_client) = app.signed_up_student().await;
    let (admin, admin_client) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let post = app.write_post(&author, board, "평범한 글", false).await;
    let comment =
        app.comment(&commenter_client, post, None, "광고 댓글", true).await.json::<i64>().await.expect("id");
    assert_eq!(report(&app, &author, "comment", comment, "advertising").await, StatusCode::OK);

    let thread = app.get_post(&author, post).await.expect("post");
    assert!(thread["comments"].as_array().expect("comments").is_empty(), "hidden from others");

    campus::server::db::users::set_admin(app.db(), &admin.username, true).await.expect("grant");
    let queue = app.call(&admin_client, "reports/queue", &[]).await.text().await.expect("queue");
    assert!(queue.contains("광고 댓글"));
    assert!(!queue.contains(&commenter.username) && !queue.contains(&commenter.nickname));
    let remove = app
        .call(
            &admin_client,
            "reports/moderate",
            &[("target", "comment"), ("target_id", &comment.to_string()), ("action", "remove")],
        )
        .await;
    assert_eq!(remove.status(), StatusCode::OK);
    let thread = app.get_post(&commenter_client, post).await.expect("post");
    assert!(thread["comments"].as_array().expect("comments").is_empty(), "removed for its author too");
    assert_eq!(thread["comment_count"], 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_review_queue_pages_through_everything_reported_in_its_order() {
    let app = spawn_app_with(Settings {
        report_hide_threshold: Some(2),
        reports_per_hour: Some(1000),
        ..Default::default()
    })
    .await;
    let (_, author) = app.signed_up_student().await;
    let (_, first_reporter) = app.signed_up_student().await;
    let (_, second_reporter) = app.signed_up_student().await;
    let (admin, admin_client) = app.signed_up_student().await;
    campus::server::db::users::set_admin(app.db(), &admin.username, true).await.expect("grant");
    let board = app.board_id(&author, "free").await;
    // 26 reported posts, every third one reported twice and so hidden, and one reported comment.
    let mut reported = Vec::new();
    for n in 0..26 {
        let post = app.write_post(&author, board, &format!("신고될 글 {n}"), false).await;
        assert_eq!(report(&app, &first_reporter, "post", post, "abuse").await, StatusCode::OK);
        if n % 3 == 0 {
            assert_eq!(report(&app, &second_reporter, "post", post, "abuse").await, StatusCode::OK);
        }
        reported.push(("post".to_owned(), post));
    }
    // On a post that is not hidden (a hidden one takes no comments).
    let comment = app
        .comment(&author, reported[1].1, None, "신고될 댓글", false)
        .await
        .json::<i64>()
        .await
        .expect("id");
    assert_eq!(report(&app, &first_reporter, "comment", comment, "abuse").await, StatusCode::OK);
    reported.push(("comment".to_owned(), comment));

    let mut seen: Vec<(bool, i64, String, i64)> = Vec::new();
    let mut form: Vec<(String, String)> = Vec::new();
    let mut pages = 0;
    loop {
        let borrowed: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let page: Value =
            app.call(&admin_client, "reports/queue", &borrowed).await.json().await.expect("page");
        pages += 1;
        let items = page["items"].as_array().expect("items");
        assert!(items.len() <= 20, "a page holds at most 20");
        for item in items {
            seen.push((
                item["is_hidden"].as_bool().expect("hidden"),
                item["report_count"].as_i64().expect("count"),
                item["target"].as_str().expect("target").to_owned(),
                item["id"].as_i64().expect("id"),
            ));
        }
        let Some(next) = page["next"].as_object() else { break };
        form = ["is_hidden", "report_count", "target", "id"]
            .iter()
            .map(|key| (format!("after[{key}]"), next[*key].to_string().trim_matches('"').to_owned()))
            .collect();
    }
    assert_eq!(pages, 2);
    let mut found: Vec<(String, i64)> = seen.iter().map(|(_, _, kind, id)| (kind.clone(), *id)).collect();
    found.sort();
    reported.sort();
    assert_eq!(found, reported, "every reported post and comment, each once");
    let mut ordered = seen.clone();
    ordered.sort_by(|a, b| (b.0, b.1, &b.2, b.3).cmp(&(a.0, a.1, &a.2, a.3)));
    assert_eq!(seen, ordered, "hidden first, then most reported, posts before comments, newest first");
    assert!(seen[0].0 && !seen[seen.len() - 1].0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_report_sent_six_times_at_once_counts_once() {
    let app = spawn_app_with(Settings { report_hide_threshold: Some(2), ..Default::default() }).await;
    let (_, reader, _, post) = app.post_with_reader("한 번만 신고").await;
    let id = post.to_string();
    let form = [("target", "post"), ("target_id", id.as_str()), ("reason", "abuse")];
    let calls = (0..6).map(|_| app.spawn_call(&reader, "reports/create", &form)).collect();
    let statuses = statuses(calls).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == StatusCode::OK || *s == StatusCode::CONFLICT), "{statuses:?}");
    // One report of two needed: the post is still visible to everyone.
    assert!(app.get_post(&reader, post).await.is_ok());
}
