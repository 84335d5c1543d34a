//! 알림: each cause notifies whom it should, once, with a label that never names an anonymous actor; the
//! list pages, reads and expires; the live stream reports every change within a second.

use std::time::Duration;

use reqwest::{Client, StatusCode};
use serde_json::Value;

use crate::helpers::*;

/// The student's first page of notifications.
async fn notifications(app: &TestApp, client: &Client) -> Value {
    let response = app.call(client, "notifications", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("page")
}

fn items(page: &Value) -> &Vec<Value> {
    page["items"].as_array().expect("items")
}

fn kinds(page: &Value) -> Vec<&str> {
    items(page).iter().map(|item| item["kind"].as_str().expect("kind")).collect()
}

async fn comment_id(
    app: &TestApp,
    client: &Client,
    post: i64,
    parent: Option<i64>,
    body: &str,
    anonymous: bool,
) -> i64 {
    let response = app.comment(client, post, parent, body, anonymous).await;
    assert_eq!(response.status(), StatusCode::OK, "comment");
    response.json().await.expect("id")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_comment_on_my_post_notifies_me_by_the_commenters_name_with_a_link() {
    let app = spawn_app().await;
    let (author, _) = app.signed_up_student().await;
    let author_client = new_client();
    app.log_in(&author_client, &author.username, PASSWORD).await;
    let (reader, reader_client) = app.signed_up_student().await;
    let board = app.board_id(&author_client, "free").await;
    let post = app.write_post(&author_client, board, "알림 받을 글", false).await;

    comment_id(&app, &reader_client, post, None, "첫 댓글입니다", false).await;
    // The author's own comment notifies no one.
    comment_id(&app, &author_client, post, None, "글쓴이의 댓글", false).await;

    let page = notifications(&app, &author_client).await;
    assert_eq!(kinds(&page), ["comment"]);
    let item = &items(&page)[0];
    assert_eq!(item["actor"]["Named"], reader.nickname.as_str());
    assert_eq!(item["post"]["id"], post);
    assert_eq!(item["post"]["title"], "알림 받을 글");
    assert_eq!(item["post"]["board_name"], "자유게시판");
    assert_eq!(item["excerpt"], "첫 댓글입니다");
    assert_eq!(item["read"], false);
    assert_eq!(page["unread"], 1);
    assert!(items(&notifications(&app, &reader_client).await).is_empty(), "the commenter is told nothing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_anonymous_comment_notifies_as_anonymous_and_names_no_one() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let (commenter, commenter_client) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let post = app.write_post(&author, board, "익명 댓글이 달릴 글", false).await;
    let mut stream = LiveStream::open(&app, &author).await;
    stream.next_state(Duration::from_secs(5)).await.expect("the opening state");

    comment_id(&app, &commenter_client, post, None, "익명으로 씁니다", true).await;

    let state = stream.next_state(Duration::from_secs(5)).await.expect("a state after the comment");
    let raw = app.call(&author, "notifications", &[]).await.text().await.expect("body");
    for identity in [&commenter.username, &commenter.nickname] {
        assert!(!raw.contains(identity.as_str()), "the list names the anonymous commenter: {raw}");
        assert!(!state.to_string().contains(identity.as_str()), "the stream names them: {state}");
    }
    let page: Value = serde_json::from_str(&raw).expect("json");
    assert_eq!(items(&page)[0]["actor"], "Anonymous");
    assert_eq!(items(&page)[0]["excerpt"], "익명으로 씁니다");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_reply_notifies_the_comment_author_and_the_post_author_once_each() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let (_, first) = app.signed_up_student().await;
    let (_, second) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let post = app.write_post(&author, board, "대댓글이 달릴 글", false).await;

    let top = comment_id(&app, &first, post, None, "첫 번째 댓글", false).await;
    comment_id(&app, &second, post, Some(top), "첫 번째 댓글에 답합니다", false).await;
    assert_eq!(kinds(&notifications(&app, &first).await), ["reply"]);
    assert_eq!(kinds(&notifications(&app, &author).await), ["comment", "comment"]);

    // A reply to the post author's own comment is one notification to them: a reply.
    let own = comment_id(&app, &author, post, None, "글쓴이의 댓글", false).await;
    comment_id(&app, &second, post, Some(own), "글쓴이에게 답합니다", false).await;
    assert_eq!(kinds(&notifications(&app, &author).await), ["reply", "comment", "comment"]);
    assert!(items(&notifications(&app, &second).await).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_post_entering_hot_tells_its_author_once_however_the_likes_race() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let post = app.write_post(&author, board, "HOT에 오를 글", false).await;
    let likers = app.many_students(14).await;
    let post_id = post.to_string();
    let likes: Vec<_> =
        likers.iter().map(|liker| app.spawn_call(liker, "posts/like", &[("post_id", &post_id)])).collect();
    for like in likes {
        assert_eq!(like.await.expect("like").status(), StatusCode::OK);
    }
    let page = notifications(&app, &author).await;
    assert_eq!(kinds(&page), ["hot"]);
    assert_eq!(items(&page)[0]["actor"], Value::Null, "HOT has no actor");
    assert_eq!(items(&page)[0]["post"]["id"], post);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn friend_requests_and_acceptances_notify_the_other_student_by_name() {
    let app = spawn_app().await;
    let (asker, asker_client) = app.signed_up_student().await;
    let (asked, asked_client) = app.signed_up_student().await;
    let response = app.call(&asker_client, "friends/request", &[("username", &asked.username)]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = notifications(&app, &asked_client).await;
    assert_eq!(kinds(&page), ["friend_request"]);
    assert_eq!(items(&page)[0]["actor"]["Named"], asker.nickname.as_str());
    assert_eq!(items(&page)[0]["post"], Value::Null);

    let response = app.call(&asked_client, "friends/accept", &[("username", &asker.username)]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = notifications(&app, &asker_client).await;
    assert_eq!(kinds(&page), ["friend_accepted"]);
    assert_eq!(items(&page)[0]["actor"]["Named"], asked.nickname.as_str());
    assert_eq!(
        kinds(&notifications(&app, &asked_client).await),
        ["friend_request"],
        "accepting tells only the asker"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_student_who_blocked_someone_hears_nothing_of_their_comments() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let (blocked, blocked_client) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let post = app.write_post(&author, board, "차단한 사람의 댓글", false).await;
    let response = app.call(&author, "friends/block", &[("username", &blocked.username)]).await;
    assert_eq!(response.status(), StatusCode::OK);
    comment_id(&app, &blocked_client, post, None, "차단된 학생의 익명 댓글", true).await;
    assert!(items(&notifications(&app, &author).await).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn notifications_are_read_one_at_a_time_or_all_and_only_by_their_student() {
    let app = spawn_app().await;
    let (author, reader, _, post) = app.post_with_reader("읽음 표시").await;
    for body in ["하나", "둘", "셋"] {
        comment_id(&app, &reader, post, None, body, false).await;
    }
    let page = notifications(&app, &author).await;
    assert_eq!(page["unread"], 3);
    let newest = items(&page)[0]["id"].as_i64().expect("id").to_string();

    let response = app.call(&reader, "notifications/read", &[("notification_id", &newest)]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "someone else's notification is not there");
    assert_eq!(error_json(response).await["Missing"], campus::text::notifications::NOT_FOUND);
    let response = app.call(&author, "notifications/read", &[("notification_id", &newest)]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = notifications(&app, &author).await;
    assert_eq!(page["unread"], 2);
    assert_eq!(items(&page)[0]["read"], true);
    assert_eq!(items(&page)[1]["read"], false);

    let response = app.call(&author, "notifications/read_all", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = notifications(&app, &author).await;
    assert_eq!(page["unread"], 0);
    assert!(items(&page).iter().all(|item| item["read"] == true));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_list_pages_twenty_at_a_time_newest_first() {
    let app = spawn_app().await;
    let (author, reader, _, post) = app.post_with_reader("댓글이 많은 글").await;
    for n in 0..25 {
        comment_id(&app, &reader, post, None, &format!("댓글 {n}"), false).await;
    }
    let first = notifications(&app, &author).await;
    assert_eq!(items(&first).len(), 20);
    assert_eq!(items(&first)[0]["excerpt"], "댓글 24");
    assert_eq!(first["unread"], 25);
    let cursor = first["next_cursor"].as_i64().expect("a next page").to_string();
    let response = app.call(&author, "notifications", &[("before", &cursor)]).await;
    let second: Value = response.json().await.expect("page");
    let excerpts: Vec<_> =
        items(&second).iter().map(|item| item["excerpt"].as_str().expect("excerpt")).collect();
    assert_eq!(excerpts, ["댓글 4", "댓글 3", "댓글 2", "댓글 1", "댓글 0"]);
    assert_eq!(second["next_cursor"], Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_notification_of_a_deleted_post_stays_but_no_longer_links_to_it() {
    let app = spawn_app().await;
    let (author, reader, _, post) = app.post_with_reader("지워질 글").await;
    comment_id(&app, &reader, post, None, "지워질 글의 댓글", false).await;
    let response = app.call(&author, "posts/delete", &[("post_id", &post.to_string())]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = notifications(&app, &author).await;
    assert_eq!(kinds(&page), ["comment"]);
    assert_eq!(items(&page)[0]["post"], Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn expired_notifications_are_neither_listed_nor_counted_and_the_next_one_deletes_them() {
    let app = spawn_app().await;
    let (author, reader, _, post) = app.post_with_reader("오래된 알림").await;
    comment_id(&app, &reader, post, None, "한 달도 더 된 댓글", false).await;
    // 31 days ago: past the default 30.
    sqlx::query("UPDATE notifications SET created_at = created_at - 31 * 86400")
        .execute(app.db().pool())
        .await
        .expect("age the notification");
    let page = notifications(&app, &author).await;
    assert!(items(&page).is_empty());
    assert_eq!(page["unread"], 0);

    comment_id(&app, &reader, post, None, "새 댓글", false).await;
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM notifications")
        .fetch_one(app.db().pool())
        .await
        .expect("count");
    assert_eq!(rows, 1, "the expired notification is deleted");
    assert_eq!(kinds(&notifications(&app, &author).await), ["comment"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_live_stream_sends_the_state_on_opening_and_within_a_second_of_each_change() {
    let app = spawn_app().await;
    let (author, reader, board, post) = app.post_with_reader("실시간 알림").await;

    let visitor = new_client().get(app.url("/events")).send().await.expect("request");
    assert_eq!(visitor.status(), StatusCode::UNAUTHORIZED, "a visitor has no stream");

    let mut stream = LiveStream::open(&app, &author).await;
    let opening = stream.next_state(Duration::from_secs(5)).await.expect("the opening state");
    assert_eq!(opening["unread"], 0);

    let written = std::time::Instant::now();
    comment_id(&app, &reader, post, None, "실시간으로 보이나요", false).await;
    let state = stream.next_state(Duration::from_secs(1)).await.expect("a state within a second");
    eprintln!("comment to event: {:?}", written.elapsed());
    assert_eq!(state["unread"], 1);
    let newest = items(&notifications(&app, &author).await)[0]["id"].clone();
    assert_eq!(state["newest_id"], newest);

    app.call(&author, "notifications/read_all", &[]).await;
    let state = stream.next_state(Duration::from_secs(1)).await.expect("a state after reading");
    assert_eq!(state["unread"], 0);

    // Someone else's change is not sent to this stream.
    let (_, other) = app.signed_up_student().await;
    let other_post = app.write_post(&other, board, "남의 글", false).await;
    comment_id(&app, &reader, other_post, None, "남의 글에 댓글", false).await;
    assert!(stream.next_state(Duration::from_millis(300)).await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_stream_ends_when_its_login_is_revoked() {
    let app = spawn_app().await;
    let (author, _) = app.signed_up_student().await;
    let author_client = new_client();
    app.log_in(&author_client, &author.username, PASSWORD).await;
    let (_, reader) = app.signed_up_student().await;
    let board = app.board_id(&author_client, "free").await;
    let post = app.write_post(&author_client, board, "로그아웃할 학생의 글", false).await;
    let mut stream = LiveStream::open(&app, &author_client).await;
    stream.next_state(Duration::from_secs(5)).await.expect("the opening state");
    // Logging out revokes the login the open stream belongs to.
    let response = app.call(&author_client, "auth/logout", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    comment_id(&app, &reader, post, None, "로그아웃 뒤의 댓글", false).await;
    assert!(stream.next_state(Duration::from_secs(2)).await.is_none(), "no state reaches a revoked login");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_closed_account_loses_its_notifications_and_those_it_caused_read_as_withdrawn() {
    let app = spawn_app().await;
    let (author, reader, _, post) = app.post_with_reader("탈퇴할 학생들의 글").await;
    comment_id(&app, &reader, post, None, "곧 탈퇴할 학생의 댓글", false).await;
    let own_post =
        app.write_post(&reader, app.board_id(&reader, "free").await, "탈퇴할 학생의 글", false).await;
    comment_id(&app, &author, own_post, None, "탈퇴할 학생에게 단 댓글", false).await;

    let response = app.call(&reader, "account/delete", &[("password", PASSWORD)]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = notifications(&app, &author).await;
    assert_eq!(items(&page)[0]["actor"], "Withdrawn");
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE post_id = $1")
        .bind(own_post)
        .fetch_one(app.db().pool())
        .await
        .expect("count");
    assert_eq!(left, 0, "the closed account's own notifications are gone");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_reconnecting_stream_resumes_from_its_last_event_id() {
    let app = spawn_app().await;
    let (author, reader, _, post) = app.post_with_reader("다시 연결되는 스트림").await;
    let mut stream = LiveStream::open(&app, &author).await;
    stream.next_state(Duration::from_secs(5)).await.expect("the opening state");
    let seen = stream.last_id.clone().expect("an event id");
    drop(stream);

    // Nothing changed meanwhile: the resumed stream sends nothing until something does.
    let mut resumed = LiveStream::resume(&app, &author, Some(&seen)).await;
    assert!(resumed.next_state(Duration::from_millis(300)).await.is_none(), "nothing to resume");
    comment_id(&app, &reader, post, None, "다시 연결된 뒤의 댓글", false).await;
    let state = resumed.next_state(Duration::from_secs(1)).await.expect("the change");
    assert_eq!(state["unread"], 1);
    drop(resumed);

    // A change while disconnected: the resumed stream opens with it.
    comment_id(&app, &reader, post, None, "연결이 끊긴 사이의 댓글", false).await;
    let mut resumed = LiveStream::resume(&app, &author, Some(&seen)).await;
    let state = resumed.next_state(Duration::from_secs(1)).await.expect("what was missed");
    assert_eq!(state["unread"], 2);
}
