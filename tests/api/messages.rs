//! 쪽지: a conversation starts from a post, a comment or a friend, once per pair and origin; it is anonymous
//! both ways when its content was; refusals that depend on the other student all read the same; leaving is
//! for oneself; reading clears the unread count and its 알림; reports reach the queue; floods are limited;
//! the live stream tells both sides.

use std::time::Duration;

use reqwest::{Client, StatusCode};
use serde_json::Value;

use crate::helpers::*;

async fn outcome(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    let body = response.text().await.expect("body");
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

/// Starts (or continues) a conversation from `origin` ("post_id", "comment_id" or "friend").
async fn start(
    app: &TestApp,
    client: &Client,
    origin: &str,
    target: &str,
    body: &str,
) -> (StatusCode, Value) {
    outcome(app.call(client, "messages/start", &[(origin, target), ("body", body)]).await).await
}

/// Starts a conversation that must succeed; its id.
async fn started(app: &TestApp, client: &Client, origin: &str, target: i64, body: &str) -> i64 {
    let (status, value) = start(app, client, origin, &target.to_string(), body).await;
    assert_eq!(status, StatusCode::OK, "start: {value}");
    value["conversation_id"].as_i64().expect("conversation id")
}

async fn send(app: &TestApp, client: &Client, conversation: i64, body: &str) -> (StatusCode, Value) {
    let id = conversation.to_string();
    outcome(app.call(client, "messages/send", &[("conversation_id", &id), ("body", body)]).await).await
}

async fn inbox(app: &TestApp, client: &Client) -> Value {
    let response = app.call(client, "messages/list", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("page")
}

async fn open(app: &TestApp, client: &Client, conversation: i64) -> (StatusCode, Value) {
    outcome(app.call(client, "messages/open", &[("conversation_id", &conversation.to_string())]).await).await
}

fn bodies(conversation: &Value) -> Vec<Value> {
    conversation["messages"]["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .map(|m| m["body"].clone())
        .collect()
}

/// The message of an error body, whatever its kind.
fn message(error: &Value) -> String {
    let body = error.as_object().and_then(|kinds| kinds.values().next()).cloned().unwrap_or_default();
    body.as_str()
        .map(str::to_owned)
        .or_else(|| body["message"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

async fn befriend(app: &TestApp, (a, a_client): (&Student, &Client), (b, b_client): (&Student, &Client)) {
    let asked = app.call(a_client, "friends/request", &[("username", &b.username)]).await;
    assert_eq!(asked.status(), StatusCode::OK);
    let accepted = app.call(b_client, "friends/accept", &[("username", &a.username)]).await;
    assert_eq!(accepted.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_message_to_an_anonymous_post_reaches_its_author_and_names_neither_side() {
    let app = spawn_app().await;
    app.distinctive_user_ids().await;
    let (author, author_client) = app.signed_up_student().await;
    // Another department: each page names its viewer's own department, which must not be the other's.
    let sender = app.new_student_in(0, 1).await;
    let sender_client = new_client();
    assert_eq!(app.sign_up_as(&sender_client, &sender, PASSWORD).await.status(), StatusCode::OK);
    let author_ids = app.identifiers(&author, &author_client).await;
    let sender_ids = app.identifiers(&sender, &sender_client).await;
    let board = app.board_id(&author_client, "free").await;
    let post = app.write_post(&author_client, board, "익명으로 쓴 장터 글", true).await;

    let conversation = started(&app, &sender_client, "post_id", post, "아직 파시나요?").await;
    let (status, reply) = send(&app, &author_client, conversation, "네, 팝니다").await;
    assert_eq!(status, StatusCode::OK, "{reply}");

    let author_inbox = inbox(&app, &author_client).await;
    let item = &author_inbox["items"][0];
    assert_eq!(item["id"], conversation);
    assert_eq!(item["with"], "Anonymous");
    assert_eq!(item["board_name"], "자유게시판");
    assert_eq!(item["last"]["body"], "네, 팝니다");
    assert_eq!(item["last"]["mine"], true);
    let (_, seen_by_sender) = open(&app, &sender_client, conversation).await;
    assert_eq!(seen_by_sender["with"], "Anonymous", "anonymous both ways");
    assert_eq!(seen_by_sender["anonymous"], true);
    assert_eq!(seen_by_sender["post_id"], post);
    assert_eq!(bodies(&seen_by_sender), ["아직 파시나요?", "네, 팝니다"]);

    // Nothing that leaves the server names either side to the other: lists, conversations, the 알림.
    for (client, other, who) in
        [(&author_client, &sender_ids, "author"), (&sender_client, &author_ids, "sender")]
    {
        for endpoint in ["messages/list", "notifications"] {
            let raw = app.call(client, endpoint, &[]).await.text().await.expect("body");
            assert_identifies_nobody(&raw, &[other], &format!("{endpoint} of the {who}"));
        }
        let id = conversation.to_string();
        let raw =
            app.call(client, "messages/open", &[("conversation_id", &id)]).await.text().await.expect("body");
        assert_identifies_nobody(&raw, &[other], &format!("the conversation as the {who} sees it"));
        let page = client.get(app.url(&format!("/messages/{conversation}"))).send().await.expect("page");
        assert_eq!(page.status(), StatusCode::OK);
        let html = page.text().await.expect("html");
        assert!(html.contains("자유게시판에 작성된 글을 통해 시작된 쪽지입니다"), "the origin line");
        assert_identifies_nobody(&html, &[other], &format!("the conversation page of the {who}"));
    }
    let notifications: Value =
        app.call(&author_client, "notifications", &[]).await.json().await.expect("page");
    assert_eq!(notifications["items"][0]["kind"], "message");
    assert_eq!(notifications["items"][0]["actor"], "Anonymous");
    assert_eq!(notifications["items"][0]["conversation_id"], conversation);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn conversations_from_named_content_and_from_friends_show_nicknames() {
    let app = spawn_app().await;
    let (author, author_client) = app.signed_up_student().await;
    let (sender, sender_client) = app.signed_up_student().await;
    let board = app.board_id(&author_client, "free").await;
    let post = app.write_post(&author_client, board, "실명 글", false).await;
    let comment: i64 =
        app.comment(&author_client, post, None, "실명 댓글", false).await.json().await.expect("id");
    let anonymous_comment: i64 =
        app.comment(&author_client, post, None, "익명 댓글", true).await.json().await.expect("id");

    let from_post = started(&app, &sender_client, "post_id", post, "글 보고 연락드려요").await;
    let from_comment = started(&app, &sender_client, "comment_id", comment, "댓글 보고 연락드려요").await;
    let from_anonymous_comment =
        started(&app, &sender_client, "comment_id", anonymous_comment, "익명 댓글에 답해요").await;
    assert_eq!(open(&app, &sender_client, from_post).await.1["with"]["Named"], author.nickname.as_str());
    assert_eq!(open(&app, &author_client, from_comment).await.1["with"]["Named"], sender.nickname.as_str());
    // The anonymous comment under a named post makes an anonymous conversation.
    assert_eq!(open(&app, &author_client, from_anonymous_comment).await.1["with"], "Anonymous");

    // From a friend: only friends, and by nickname.
    let (status, refused) = start(&app, &sender_client, "friend", &author.username, "친구야").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{refused}");
    befriend(&app, (&author, &author_client), (&sender, &sender_client)).await;
    let with_friend = started_with_friend(&app, &sender_client, &author.username).await;
    let (_, seen) = open(&app, &author_client, with_friend).await;
    assert_eq!(seen["with"]["Named"], sender.nickname.as_str());
    assert_eq!(seen["origin"], "friend");
    let ids = [from_post, from_comment, from_anonymous_comment, with_friend];
    assert_eq!(ids.iter().collect::<std::collections::BTreeSet<_>>().len(), 4, "one per origin: {ids:?}");
}

async fn started_with_friend(app: &TestApp, client: &Client, username: &str) -> i64 {
    let (status, value) = start(app, client, "friend", username, "친구에게 쪽지").await;
    assert_eq!(status, StatusCode::OK, "{value}");
    value["conversation_id"].as_i64().expect("id")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_conversation_per_pair_and_origin_however_many_starts_race() {
    let app = spawn_app().await;
    let (author, sender, _, post) = app.post_with_reader("동시에 쪽지가 오는 글").await;
    let post_id = post.to_string();
    let starts: Vec<_> = (0..6)
        .map(|n| {
            let body = format!("동시에 보낸 쪽지 {n}");
            app.spawn_call(&sender, "messages/start", &[("post_id", &post_id), ("body", &body)])
        })
        .collect();
    let mut ids = std::collections::BTreeSet::new();
    for handle in starts {
        let response = handle.await.expect("task");
        assert_eq!(response.status(), StatusCode::OK);
        let value: Value = response.json().await.expect("json");
        ids.insert(value["conversation_id"].as_i64().expect("id"));
    }
    assert_eq!(ids.len(), 1, "one conversation: {ids:?}");
    let conversation = *ids.first().expect("id");
    assert_eq!(bodies(&open(&app, &author, conversation).await.1).len(), 6, "every message kept");
    assert_eq!(inbox(&app, &author).await["items"].as_array().expect("items").len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn messaging_ones_own_content_or_content_one_cannot_see_is_refused() {
    let app = spawn_app().await;
    let (author, _, _, post) = app.post_with_reader("내 글").await;
    let comment: i64 = app.comment(&author, post, None, "내 댓글", false).await.json().await.expect("id");
    for (origin, id) in [("post_id", post), ("comment_id", comment)] {
        let (status, error) = start(&app, &author, origin, &id.to_string(), "나에게").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{origin}: {error}");
        assert_eq!(message(&error), "내가 쓴 글이나 댓글에는 쪽지를 보낼 수 없습니다.");
    }
    let (_, outsider) = app.student_of(1).await;
    let (status, _) = start(&app, &outsider, "post_id", &post.to_string(), "다른 학교에서").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another school's post is not there");
    let (status, _) = start(&app, &outsider, "post_id", "999999", "없는 글").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = start(&app, &outsider, "friend", "nobody_by_this_name", "없는 친구").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, error) =
        outcome(app.call(&outsider, "messages/start", &[("body", "대상 없음")]).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{error}");
    let both = [("post_id", "1"), ("comment_id", "1"), ("body", "둘 다")];
    assert_eq!(app.call(&outsider, "messages/start", &both).await.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_message_holds_1_to_1000_characters() {
    let app = spawn_app().await;
    let (_, sender, _, post) = app.post_with_reader("길이 제한").await;
    for (body, expected) in [
        ("   ", "쪽지 내용을 입력해 주세요."),
        (&"가".repeat(1_001)[..], "쪽지는 1,000자까지 쓸 수 있습니다."),
    ] {
        let (status, error) = start(&app, &sender, "post_id", &post.to_string(), body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error["Invalid"]["fields"][0]["field"], "body");
        assert_eq!(message(&error), expected);
    }
    let conversation = started(&app, &sender, "post_id", post, &"가".repeat(1_000)).await;
    let (status, _) = send(&app, &sender, conversation, "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_refusal_that_depends_on_the_other_student_reads_the_same() {
    let app = spawn_app().await;
    let (_, author_client) = app.signed_up_student().await;
    let (sender, sender_client) = app.signed_up_student().await;
    let board = app.board_id(&author_client, "free").await;
    let post = app.write_post(&author_client, board, "차단할 학생의 쪽지", true).await;
    let conversation = started(&app, &sender_client, "post_id", post, "처음 보내는 쪽지").await;

    // The author blocks the sender by username: the sender's messages are refused, revealing nothing.
    let blocked = app.call(&author_client, "friends/block", &[("username", &sender.username)]).await;
    assert_eq!(blocked.status(), StatusCode::OK);
    let (status, by_block) = send(&app, &sender_client, conversation, "차단된 뒤의 쪽지").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(message(&by_block), "쪽지를 보낼 수 없는 상대입니다.");
    // The blocker's own block answers the same: it would otherwise tell who wrote an anonymous post.
    let (status, own_block) = send(&app, &author_client, conversation, "내가 차단한 상대에게").await;
    assert_eq!((status, &own_block), (StatusCode::FORBIDDEN, &by_block));
    let unblocked = app.call(&author_client, "friends/unblock", &[("username", &sender.username)]).await;
    assert_eq!(unblocked.status(), StatusCode::OK);
    assert_eq!(send(&app, &sender_client, conversation, "차단이 풀렸어요").await.0, StatusCode::OK);

    // Blocking the conversation itself refuses the other side the same way; the blocker is told why.
    let id = conversation.to_string();
    let block = [("conversation_id", id.as_str()), ("blocked", "true")];
    assert_eq!(app.call(&author_client, "messages/block", &block).await.status(), StatusCode::OK);
    assert_eq!(
        send(&app, &sender_client, conversation, "쪽지방 차단 뒤").await,
        (StatusCode::FORBIDDEN, by_block.clone())
    );
    assert_eq!(open(&app, &author_client, conversation).await.1["blocked"], true);
    assert_eq!(open(&app, &sender_client, conversation).await.1["blocked"], false, "the sender is not told");
    let (status, _) = send(&app, &author_client, conversation, "차단한 쪽지방에서").await;
    assert_eq!(status, StatusCode::CONFLICT);
    let unblock = [("conversation_id", id.as_str()), ("blocked", "false")];
    assert_eq!(app.call(&author_client, "messages/block", &unblock).await.status(), StatusCode::OK);
    assert_eq!(send(&app, &sender_client, conversation, "다시 보내요").await.0, StatusCode::OK);

    // A closed account answers exactly like a block.
    let closed = app.call(&author_client, "account/delete", &[("password", PASSWORD)]).await;
    assert_eq!(closed.status(), StatusCode::OK);
    assert_eq!(
        send(&app, &sender_client, conversation, "탈퇴한 뒤에").await,
        (StatusCode::FORBIDDEN, by_block)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn leaving_clears_a_conversation_for_oneself_until_a_new_message_arrives() {
    let app = spawn_app().await;
    let (author, sender, _, post) = app.post_with_reader("나갈 쪽지방").await;
    let conversation = started(&app, &sender, "post_id", post, "첫 쪽지").await;
    send(&app, &author, conversation, "답장").await;
    let id = conversation.to_string();
    assert_eq!(
        app.call(&author, "messages/leave", &[("conversation_id", &id)]).await.status(),
        StatusCode::OK
    );

    assert!(inbox(&app, &author).await["items"].as_array().expect("items").is_empty(), "gone for the leaver");
    assert_eq!(inbox(&app, &sender).await["items"][0]["id"], conversation, "kept by the other side");
    assert_eq!(bodies(&open(&app, &sender, conversation).await.1), ["첫 쪽지", "답장"]);
    assert!(bodies(&open(&app, &author, conversation).await.1).is_empty());

    send(&app, &sender, conversation, "다시 연락드려요").await;
    let back = inbox(&app, &author).await;
    assert_eq!(back["items"][0]["id"], conversation, "a new message brings it back");
    assert_eq!(back["items"][0]["unread"], 1);
    assert_eq!(
        bodies(&open(&app, &author, conversation).await.1),
        ["다시 연락드려요"],
        "without the old ones"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn opening_a_conversation_reads_its_messages_and_their_one_notification() {
    let app = spawn_app().await;
    let (author, sender, _, post) = app.post_with_reader("읽음 처리").await;
    let conversation = started(&app, &sender, "post_id", post, "하나").await;
    send(&app, &sender, conversation, "둘").await;
    send(&app, &sender, conversation, "셋").await;

    assert_eq!(inbox(&app, &author).await["items"][0]["unread"], 3);
    assert_eq!(inbox(&app, &sender).await["items"][0]["unread"], 0, "one's own messages are read");
    let notifications: Value = app.call(&author, "notifications", &[]).await.json().await.expect("page");
    assert_eq!(notifications["items"].as_array().expect("items").len(), 1, "one 알림 per conversation");
    assert_eq!(notifications["unread"], 1);

    let (status, _) = open(&app, &author, conversation).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(inbox(&app, &author).await["items"][0]["unread"], 0);
    let notifications: Value = app.call(&author, "notifications", &[]).await.json().await.expect("page");
    assert_eq!(notifications["unread"], 0, "opening reads its 알림");

    // The next message, after reading, is a new 알림.
    send(&app, &sender, conversation, "넷").await;
    let notifications: Value = app.call(&author, "notifications", &[]).await.json().await.expect("page");
    assert_eq!(notifications["items"].as_array().expect("items").len(), 2);
    assert_eq!(notifications["unread"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn conversations_and_messages_page_by_keyset() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let (_, sender) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let mut conversations = vec![];
    for n in 0..21 {
        let post = app.write_post(&author, board, &format!("글 {n}"), false).await;
        conversations.push(started(&app, &sender, "post_id", post, &format!("쪽지 {n}")).await);
    }
    let first = inbox(&app, &author).await;
    let items = first["items"].as_array().expect("items");
    assert_eq!(items.len(), 20);
    assert_eq!(items[0]["id"], conversations[20], "newest first");
    let cursor = first["next_cursor"].as_i64().expect("a next page");
    let rest: Value = app
        .call(&author, "messages/list", &[("before", &cursor.to_string())])
        .await
        .json()
        .await
        .expect("page");
    assert_eq!(rest["items"][0]["id"], conversations[0]);
    assert!(rest["next_cursor"].is_null());

    let conversation = conversations[0];
    for n in 1..35 {
        send(&app, &sender, conversation, &format!("쪽지 {n}")).await;
    }
    let (_, newest) = open(&app, &author, conversation).await;
    let shown = bodies(&newest);
    assert_eq!(shown.len(), 30);
    assert_eq!(shown[29], "쪽지 34", "the newest at the bottom");
    assert_eq!(shown[0], "쪽지 5");
    let before = newest["messages"]["older_cursor"].as_i64().expect("older messages");
    let older_form = [("conversation_id", conversation.to_string()), ("before", before.to_string())];
    let older_form: Vec<(&str, &str)> = older_form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let older: Value = app.call(&author, "messages/open", &older_form).await.json().await.expect("page");
    assert_eq!(bodies(&older), ["쪽지 0", "쪽지 1", "쪽지 2", "쪽지 3", "쪽지 4"]);
    assert!(older["messages"]["older_cursor"].is_null());

    // What arrived after a given message, oldest first.
    let after = newest["messages"]["messages"][28]["id"].as_i64().expect("id").to_string();
    let newer: Value = app
        .call(&author, "messages/newer", &[("conversation_id", &conversation.to_string()), ("after", &after)])
        .await
        .json()
        .await
        .expect("messages");
    assert_eq!(newer.as_array().expect("list").len(), 1);
    assert_eq!(newer[0]["body"], "쪽지 34");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn flood_limits_count_messages_per_minute_and_new_conversations_per_hour() {
    let app = spawn_app_with(Settings {
        messages_per_minute: Some(3),
        conversations_per_hour: Some(1),
        ..Default::default()
    })
    .await;
    let (_, author) = app.signed_up_student().await;
    let (_, sender) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let first_post = app.write_post(&author, board, "첫 글", false).await;
    let second_post = app.write_post(&author, board, "둘째 글", false).await;

    let conversation = started(&app, &sender, "post_id", first_post, "1").await;
    let (status, error) = start(&app, &sender, "post_id", &second_post.to_string(), "새 쪽지방").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{error}");
    assert!(message(&error).contains("새 쪽지방을 너무 많이 열었습니다"), "{error}");
    // Continuing the conversation one has is no new conversation.
    assert_eq!(started(&app, &sender, "post_id", first_post, "2").await, conversation);
    assert_eq!(send(&app, &sender, conversation, "3").await.0, StatusCode::OK);
    let (status, error) = send(&app, &sender, conversation, "4").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(message(&error).contains("쪽지를 너무 빨리 보내고 있습니다"), "{error}");
    assert_eq!(bodies(&open(&app, &author, conversation).await.1), ["1", "2", "3"], "nothing half-written");
    // The limit is per student: the other side may answer.
    assert_eq!(send(&app, &author, conversation, "답장").await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_reported_message_hides_from_its_recipient_and_reaches_the_review_queue() {
    let app = spawn_app().await;
    let (author, sender, _, post) = app.post_with_reader("신고할 쪽지").await;
    let (admin, admin_client) = app.signed_up_student().await;
    let conversation = started(&app, &sender, "post_id", post, "불쾌한 쪽지").await;
    let message_id =
        open(&app, &author, conversation).await.1["messages"]["messages"][0]["id"].as_i64().expect("id");
    let report = |client: Client| {
        let app = &app;
        async move {
            app.call(
                &client,
                "reports/create",
                &[("target", "message"), ("target_id", &message_id.to_string()), ("reason", "abuse")],
            )
            .await
            .status()
        }
    };
    assert_eq!(report(sender.clone()).await, StatusCode::FORBIDDEN, "not one's own");
    assert_eq!(report(admin_client.clone()).await, StatusCode::NOT_FOUND, "only its recipient may");
    assert_eq!(report(author.clone()).await, StatusCode::OK);
    assert_eq!(report(author.clone()).await, StatusCode::CONFLICT);

    assert_eq!(bodies(&open(&app, &author, conversation).await.1), [Value::Null], "hidden from the reporter");
    assert_eq!(
        bodies(&open(&app, &sender, conversation).await.1),
        ["불쾌한 쪽지"],
        "its sender still sees it"
    );

    campus::server::db::users::set_admin(app.db(), &admin.username, true).await.expect("grant");
    let queue: Value = app.call(&admin_client, "reports/queue", &[]).await.json().await.expect("queue");
    let item = &queue["items"][0];
    assert_eq!(item["target"], "message");
    assert_eq!(item["id"], message_id);
    assert!(item["post_id"].is_null(), "no page to open: {item}");
    assert_eq!(item["excerpt"], "불쾌한 쪽지");
    let remove = [("target", "message"), ("target_id", &message_id.to_string()[..]), ("action", "remove")];
    assert_eq!(app.call(&admin_client, "reports/moderate", &remove).await.status(), StatusCode::OK);
    assert_eq!(bodies(&open(&app, &sender, conversation).await.1), [Value::Null], "removed for both");
    let queue: Value = app.call(&admin_client, "reports/queue", &[]).await.json().await.expect("queue");
    assert!(queue["items"].as_array().expect("items").is_empty());

    // An admin cannot act on a 쪽지 nobody reported.
    let other = started(&app, &sender, "post_id", post, "평범한 쪽지").await;
    let unreported =
        open(&app, &sender, other).await.1["messages"]["messages"][1]["id"].as_i64().expect("id");
    let remove = [("target", "message"), ("target_id", &unreported.to_string()[..]), ("action", "remove")];
    assert_eq!(app.call(&admin_client, "reports/moderate", &remove).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_conversation_belongs_to_its_two_students_only() {
    let app = spawn_app().await;
    let (_, sender, _, post) = app.post_with_reader("둘만의 쪽지").await;
    let conversation = started(&app, &sender, "post_id", post, "비밀 이야기").await;
    let (_, stranger) = app.signed_up_student().await;
    let id = conversation.to_string();
    for (endpoint, extra) in [
        ("messages/open", None),
        ("messages/send", Some(("body", "끼어들기"))),
        ("messages/newer", Some(("after", "0"))),
        ("messages/leave", None),
        ("messages/block", Some(("blocked", "true"))),
    ] {
        let mut form = vec![("conversation_id", id.as_str())];
        form.extend(extra);
        let (status, body) = outcome(app.call(&stranger, endpoint, &form).await).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{endpoint}: {body}");
        assert!(!body.to_string().contains("비밀 이야기"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_live_stream_tells_both_sides_of_a_new_message_within_a_second() {
    let app = spawn_app().await;
    let (author, sender, _, post) = app.post_with_reader("실시간 쪽지").await;
    let conversation = started(&app, &sender, "post_id", post, "첫 쪽지").await;
    let mut author_stream = LiveStream::open(&app, &author).await;
    let mut sender_stream = LiveStream::open(&app, &sender).await;
    let before = author_stream.next_state(Duration::from_secs(5)).await.expect("opening state");
    sender_stream.next_state(Duration::from_secs(5)).await.expect("opening state");

    // The second counts from the committed send: the send's own time in a debug build is not the stream's.
    let (_, sent) = send(&app, &sender, conversation, "지금 보냄").await;
    let state =
        author_stream.next_state(Duration::from_secs(1)).await.expect("the recipient hears within 1 s");
    assert_eq!(state["newest_message_id"], sent["id"]);
    assert!(state["newest_message_id"].as_i64() > before["newest_message_id"].as_i64());
    let own = sender_stream.next_state(Duration::from_secs(1)).await.expect("the sender's other tabs hear");
    assert_eq!(own["newest_message_id"], sent["id"]);
}
