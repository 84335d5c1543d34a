//! Friends over HTTP: the request state machine and every refusal, requests that cross at the same moment,
//! blocking (and how it hides the blocker), and who sees a timetable as friendship and blocks decide.

use campus::model::timetable::Semester;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

const UNKNOWN_USER: &str = "해당 아이디의 학생을 찾을 수 없습니다.";

/// A friend call's status and JSON body (`Value::Null` when the body is empty).
async fn outcome(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    let body = response.text().await.expect("body");
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

/// The message of an error body, whatever its kind (`{"Conflict": "…"}`, `{"Invalid": {"message": …}}`).
fn message(error: &Value) -> String {
    let body = error.as_object().and_then(|kinds| kinds.values().next()).cloned().unwrap_or_default();
    body.as_str().or(body["message"].as_str()).unwrap_or_default().to_owned()
}

/// The usernames of one of the lists (friends, incoming, outgoing, blocked).
fn usernames(lists: &Value, list: &str) -> Vec<String> {
    lists[list]
        .as_array()
        .expect("list")
        .iter()
        .map(|person| person["username"].as_str().expect("username").to_owned())
        .collect()
}

impl TestApp {
    /// `friends/<action>` with a username.
    pub(crate) async fn friend_action(
        &self,
        client: &Client,
        action: &str,
        username: &str,
    ) -> (StatusCode, Value) {
        outcome(self.call(client, &format!("friends/{action}"), &[("username", username)]).await).await
    }

    /// The 친구 tab's four lists as this client sees them.
    async fn friend_lists(&self, client: &Client) -> Value {
        let response = self.call(client, "friends/list", &[]).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.expect("lists")
    }

    /// Makes two students friends: a request and its acceptance.
    pub(crate) async fn befriend(
        &self,
        (a, a_client): (&Student, &Client),
        (b, b_client): (&Student, &Client),
    ) {
        assert_eq!(
            self.friend_action(a_client, "request", &b.username).await,
            (StatusCode::OK, json!("Sent"))
        );
        assert_eq!(self.friend_action(b_client, "accept", &a.username).await.0, StatusCode::OK);
    }

    /// A primary timetable of the current semester holding one custom entry; its id.
    async fn timetable_with_entry(&self, client: &Client, entry: &str) -> String {
        let semester = Semester::current(campus::server::now()).0.to_string();
        let response =
            self.call(client, "timetables/create", &[("semester", &semester), ("name", "이번 학기")]).await;
        assert_eq!(response.status(), StatusCode::OK);
        let id = response.json::<i64>().await.expect("id").to_string();
        let form = [
            ("timetable_id", id.as_str()),
            ("name", entry),
            ("weekday", "2"),
            ("start", "10:00"),
            ("end", "11:15"),
        ];
        assert_eq!(self.call(client, "timetables/add-custom", &form).await.status(), StatusCode::OK);
        id
    }

    /// What this client is shown of `username`'s timetable: `Ok(Shown)`, `Ok(FriendsOnly)` or
    /// `Ok(Private)`, or the error status.
    async fn sees_timetable_of(&self, client: &Client, username: &str) -> Result<Sees, StatusCode> {
        let (status, body) =
            outcome(self.call(client, "timetables/of", &[("username", username)]).await).await;
        match (status, &body["timetable"]) {
            (StatusCode::OK, timetable) if timetable.is_object() => Ok(Sees::Shown),
            (StatusCode::OK, timetable) if timetable == "FriendsOnly" => Ok(Sees::FriendsOnly),
            (StatusCode::OK, timetable) if timetable == "Private" => Ok(Sees::Private),
            (StatusCode::OK, other) => panic!("unexpected timetable {other}"),
            (status, _) => Err(status),
        }
    }
}

/// What a student is shown of another's timetable (`SharedTimetable`, without its content).
#[derive(Debug, PartialEq)]
enum Sees {
    Shown,
    FriendsOnly,
    Private,
}

/// Everyone whose view of a timetable the visibility rules decide: its owner; a friend; a classmate; one the
/// owner blocked and one who blocked the owner (both friends first, so that only the block can hide it); and
/// a student of another school.
pub(crate) struct Viewers {
    pub owner: Student,
    pub owner_client: Client,
    pub friend_client: Client,
    pub classmate: Client,
    pub blocked_client: Client,
    pub blocker_client: Client,
    pub outsider: Client,
}

impl TestApp {
    pub(crate) async fn viewers_of_a_timetable(&self) -> Viewers {
        let (owner, owner_client) = self.signed_up_student().await;
        let (friend, friend_client) = self.signed_up_student().await;
        let (_, classmate) = self.signed_up_student().await;
        let (blocked, blocked_client) = self.signed_up_student().await;
        let (blocker, blocker_client) = self.signed_up_student().await;
        let (_, outsider) = self.student_of(1).await;
        self.befriend((&owner, &owner_client), (&friend, &friend_client)).await;
        self.befriend((&owner, &owner_client), (&blocked, &blocked_client)).await;
        self.befriend((&owner, &owner_client), (&blocker, &blocker_client)).await;
        assert_eq!(self.friend_action(&owner_client, "block", &blocked.username).await.0, StatusCode::OK);
        assert_eq!(self.friend_action(&blocker_client, "block", &owner.username).await.0, StatusCode::OK);
        Viewers { owner, owner_client, friend_client, classmate, blocked_client, blocker_client, outsider }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_accepted_request_puts_both_students_on_each_others_friend_list() {
    let app = spawn_app().await;
    let (alice, alice_client) = app.signed_up_student().await;
    let (bob, bob_client) = app.signed_up_student().await;

    // Usernames are found regardless of case, as at log-in.
    let sent = app.friend_action(&alice_client, "request", &bob.username.to_uppercase()).await;
    assert_eq!(sent, (StatusCode::OK, json!("Sent")));
    let alice_lists = app.friend_lists(&alice_client).await;
    assert_eq!(alice_lists["outgoing"], json!([{ "username": bob.username, "nickname": bob.nickname }]));
    assert_eq!(usernames(&alice_lists, "incoming"), Vec::<String>::new());
    let bob_lists = app.friend_lists(&bob_client).await;
    assert_eq!(bob_lists["incoming"], json!([{ "username": alice.username, "nickname": alice.nickname }]));

    assert_eq!(app.friend_action(&bob_client, "accept", &alice.username).await.0, StatusCode::OK);
    for (client, other) in [(&alice_client, &bob), (&bob_client, &alice)] {
        let lists = app.friend_lists(client).await;
        assert_eq!(usernames(&lists, "friends"), vec![other.username.clone()]);
        for list in ["incoming", "outgoing", "blocked"] {
            assert!(usernames(&lists, list).is_empty(), "{list}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn impossible_requests_are_refused_with_a_reason() {
    let app = spawn_app().await;
    let (alice, alice_client) = app.signed_up_student().await;
    let (bob, bob_client) = app.signed_up_student().await;
    let (outsider, _) = app.student_of(1).await;

    let (status, body) = app.friend_action(&alice_client, "request", "   ").await;
    assert_eq!(
        (status, message(&body).as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "아이디를 입력해 주세요.")
    );
    let (status, body) = app.friend_action(&alice_client, "request", &alice.username).await;
    assert_eq!(
        (status, message(&body).as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "자기 자신에게는 친구 신청을 할 수 없습니다.")
    );
    let unknown = app.friend_action(&alice_client, "request", "nobody_by_this_name").await;
    assert_eq!((unknown.0, message(&unknown.1).as_str()), (StatusCode::NOT_FOUND, UNKNOWN_USER));
    // Another school's student is exactly an unknown name.
    assert_eq!(app.friend_action(&alice_client, "request", &outsider.username).await, unknown);

    app.friend_action(&alice_client, "request", &bob.username).await;
    let (status, body) = app.friend_action(&alice_client, "request", &bob.username).await;
    assert_eq!(
        (status, message(&body).as_str()),
        (StatusCode::CONFLICT, "이미 친구 신청을 보냈습니다. 상대방의 수락을 기다려 주세요.")
    );
    assert_eq!(app.friend_action(&bob_client, "accept", &alice.username).await.0, StatusCode::OK);

    let already = (StatusCode::CONFLICT, "이미 친구입니다.".to_owned());
    for (client, action, username) in [
        (&alice_client, "request", &bob.username),
        (&bob_client, "request", &alice.username),
        // A second tap on 수락, or a cancel that came too late, says what happened.
        (&bob_client, "accept", &alice.username),
        (&bob_client, "decline", &alice.username),
        (&alice_client, "cancel", &bob.username),
    ] {
        let (status, body) = app.friend_action(client, action, username).await;
        assert_eq!((status, message(&body)), already, "{action}");
    }
    assert_eq!(usernames(&app.friend_lists(&alice_client).await, "friends"), vec![bob.username.clone()]);

    // Nobody logged in: no friends.
    for action in ["list", "request", "accept", "decline", "cancel", "remove", "block", "unblock"] {
        let response =
            app.call(&new_client(), &format!("friends/{action}"), &[("username", &bob.username)]).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{action}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn declined_and_cancelled_requests_disappear_and_answering_them_again_is_refused() {
    let app = spawn_app().await;
    let (alice, alice_client) = app.signed_up_student().await;
    let (bob, bob_client) = app.signed_up_student().await;
    let no_request = "받은 친구 요청이 없습니다. 상대방이 취소했거나 이미 처리된 요청입니다.";
    let no_sent = "보낸 친구 신청이 없습니다. 이미 거절되었거나 취소된 신청입니다.";

    // Declined: gone for both, and neither accepting nor declining it again works.
    app.friend_action(&alice_client, "request", &bob.username).await;
    assert_eq!(app.friend_action(&bob_client, "decline", &alice.username).await.0, StatusCode::OK);
    for action in ["decline", "accept"] {
        let (status, body) = app.friend_action(&bob_client, action, &alice.username).await;
        assert_eq!((status, message(&body).as_str()), (StatusCode::NOT_FOUND, no_request), "{action}");
    }
    assert!(usernames(&app.friend_lists(&alice_client).await, "outgoing").is_empty());
    assert!(usernames(&app.friend_lists(&bob_client).await, "incoming").is_empty());

    // Asking again after a decline is allowed; the sender cancels, and the receiver can no longer accept.
    assert_eq!(app.friend_action(&alice_client, "request", &bob.username).await.0, StatusCode::OK);
    assert_eq!(app.friend_action(&alice_client, "cancel", &bob.username).await.0, StatusCode::OK);
    assert!(usernames(&app.friend_lists(&bob_client).await, "incoming").is_empty());
    let (status, body) = app.friend_action(&bob_client, "accept", &alice.username).await;
    assert_eq!((status, message(&body).as_str()), (StatusCode::NOT_FOUND, no_request));
    let (status, body) = app.friend_action(&alice_client, "cancel", &bob.username).await;
    assert_eq!((status, message(&body).as_str()), (StatusCode::NOT_FOUND, no_sent));
    // Only the receiver answers a request, only the sender cancels it.
    app.friend_action(&alice_client, "request", &bob.username).await;
    let (status, _) = app.friend_action(&alice_client, "accept", &bob.username).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.friend_action(&bob_client, "cancel", &alice.username).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // An unknown name has no request either.
    let (status, body) = app.friend_action(&bob_client, "accept", "nobody_by_this_name").await;
    assert_eq!((status, message(&body).as_str()), (StatusCode::NOT_FOUND, no_request));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn either_friend_can_end_the_friendship() {
    let app = spawn_app().await;
    let (alice, alice_client) = app.signed_up_student().await;
    let (bob, bob_client) = app.signed_up_student().await;
    let not_friends = (StatusCode::NOT_FOUND, "친구가 아닌 사용자입니다.".to_owned());

    let (status, body) = app.friend_action(&alice_client, "remove", &bob.username).await;
    assert_eq!((status, message(&body)), not_friends);
    for (remover, removed) in [(&bob_client, &alice), (&alice_client, &bob)] {
        app.befriend((&alice, &alice_client), (&bob, &bob_client)).await;
        assert_eq!(app.friend_action(remover, "remove", &removed.username).await.0, StatusCode::OK);
        assert!(usernames(&app.friend_lists(&alice_client).await, "friends").is_empty());
        assert!(usernames(&app.friend_lists(&bob_client).await, "friends").is_empty());
        let (status, body) = app.friend_action(remover, "remove", &removed.username).await;
        assert_eq!((status, message(&body)), not_friends);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn asking_someone_who_already_asked_accepts_their_request() {
    let app = spawn_app().await;
    let (alice, alice_client) = app.signed_up_student().await;
    let (bob, bob_client) = app.signed_up_student().await;
    app.friend_action(&alice_client, "request", &bob.username).await;
    let (status, body) = app.friend_action(&bob_client, "request", &alice.username).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({ "BecameFriends": { "username": alice.username, "nickname": alice.nickname } }));
    for (client, other) in [(&alice_client, &bob), (&bob_client, &alice)] {
        let lists = app.friend_lists(client).await;
        assert_eq!(usernames(&lists, "friends"), vec![other.username.clone()]);
        assert!(usernames(&lists, "incoming").is_empty() && usernames(&lists, "outgoing").is_empty());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn two_students_asking_each_other_at_the_same_moment_become_friends_exactly_once() {
    let app = spawn_app().await;
    for round in 0..10 {
        let (alice, alice_client) = app.signed_up_student().await;
        let (bob, bob_client) = app.signed_up_student().await;
        let handles = vec![
            app.spawn_call(&alice_client, "friends/request", &[("username", &bob.username)]),
            app.spawn_call(&bob_client, "friends/request", &[("username", &alice.username)]),
        ];
        let mut bodies = Vec::new();
        for handle in handles {
            let (status, body) = outcome(handle.await.expect("task")).await;
            assert_eq!(status, StatusCode::OK, "round {round}: {body}");
            bodies.push(body);
        }
        // One request was stored; the other found it and accepted it.
        let sent = bodies.iter().filter(|body| **body == json!("Sent")).count();
        let accepted = bodies.iter().filter(|body| body.get("BecameFriends").is_some()).count();
        assert_eq!((sent, accepted), (1, 1), "round {round}: {bodies:?}");
        for (client, other) in [(&alice_client, &bob), (&bob_client, &alice)] {
            let lists = app.friend_lists(client).await;
            assert_eq!(usernames(&lists, "friends"), vec![other.username.clone()], "round {round}");
            assert!(usernames(&lists, "incoming").is_empty(), "round {round}");
            assert!(usernames(&lists, "outgoing").is_empty(), "round {round}");
        }
    }
    let (rows, requests): (i64, i64) =
        sqlx::query_as("SELECT (SELECT COUNT(*) FROM friendships), (SELECT COUNT(*) FROM friend_requests)")
            .fetch_one(app.db().pool())
            .await
            .expect("count");
    assert_eq!((rows, requests), (10, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn blocking_ends_the_friendship_and_requests_and_the_blocked_student_cannot_tell() {
    let app = spawn_app().await;
    let (alice, alice_client) = app.signed_up_student().await;
    let (bob, bob_client) = app.signed_up_student().await;
    let (carol, carol_client) = app.signed_up_student().await;
    let (dave, dave_client) = app.signed_up_student().await;
    app.befriend((&alice, &alice_client), (&bob, &bob_client)).await;
    app.friend_action(&carol_client, "request", &alice.username).await;
    app.friend_action(&alice_client, "request", &dave.username).await;

    // Blocking a friend (from the list) and the two with requests pending, one in each direction.
    for blocked in [&bob, &carol, &dave] {
        assert_eq!(app.friend_action(&alice_client, "block", &blocked.username).await.0, StatusCode::OK);
    }
    let lists = app.friend_lists(&alice_client).await;
    for list in ["friends", "incoming", "outgoing"] {
        assert!(usernames(&lists, list).is_empty(), "{list}");
    }
    let mut blocked = usernames(&lists, "blocked");
    blocked.sort();
    let mut expected = vec![bob.username.clone(), carol.username.clone(), dave.username.clone()];
    expected.sort();
    assert_eq!(blocked, expected);
    for client in [&bob_client, &carol_client, &dave_client] {
        let theirs = app.friend_lists(client).await;
        for list in ["friends", "incoming", "outgoing", "blocked"] {
            assert!(usernames(&theirs, list).is_empty(), "{list}");
        }
    }

    // The blocked student's request reads exactly like one to a name nobody has: status and body.
    let unknown =
        outcome(app.call(&bob_client, "friends/request", &[("username", "nobody_by_this_name")]).await).await;
    let blocked_answer =
        outcome(app.call(&bob_client, "friends/request", &[("username", &alice.username)]).await).await;
    assert_eq!(blocked_answer, unknown);
    assert_eq!((unknown.0, message(&unknown.1).as_str()), (StatusCode::NOT_FOUND, UNKNOWN_USER));

    // The blocker is told why, and cannot block twice or block themselves.
    let (status, body) = app.friend_action(&alice_client, "request", &bob.username).await;
    assert_eq!(
        (status, message(&body).as_str()),
        (StatusCode::CONFLICT, "차단한 사용자입니다. 차단을 해제한 뒤 신청해 주세요.")
    );
    let (status, body) = app.friend_action(&alice_client, "block", &bob.username).await;
    assert_eq!((status, message(&body).as_str()), (StatusCode::CONFLICT, "이미 차단한 사용자입니다."));
    let (status, body) = app.friend_action(&alice_client, "block", &alice.username).await;
    assert_eq!(
        (status, message(&body).as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "자기 자신은 차단할 수 없습니다.")
    );
    let (status, body) = app.friend_action(&alice_client, "block", "nobody_by_this_name").await;
    assert_eq!((status, message(&body).as_str()), (StatusCode::NOT_FOUND, UNKNOWN_USER));

    // Blocked both ways: each side hears about their own block, whatever the other did.
    assert_eq!(app.friend_action(&bob_client, "block", &alice.username).await.0, StatusCode::OK);
    for (client, other) in [(&alice_client, &bob.username), (&bob_client, &alice.username)] {
        let (status, _) = app.friend_action(client, "request", other).await;
        assert_eq!(status, StatusCode::CONFLICT);
    }

    // Alice lifts her block; Bob's still stands, so Alice's request now reads as an unknown name.
    assert_eq!(app.friend_action(&alice_client, "unblock", &bob.username).await.0, StatusCode::OK);
    let (status, body) = app.friend_action(&alice_client, "unblock", &bob.username).await;
    assert_eq!((status, message(&body).as_str()), (StatusCode::NOT_FOUND, "차단한 사용자가 아닙니다."));
    let alice_answer =
        outcome(app.call(&alice_client, "friends/request", &[("username", &bob.username)]).await).await;
    let alice_unknown =
        outcome(app.call(&alice_client, "friends/request", &[("username", "nobody_by_this_name")]).await)
            .await;
    assert_eq!(alice_answer, alice_unknown);
    // Once both have lifted their blocks, nothing of the old friendship comes back, and asking works again.
    assert_eq!(app.friend_action(&bob_client, "unblock", &alice.username).await.0, StatusCode::OK);
    assert!(usernames(&app.friend_lists(&alice_client).await, "friends").is_empty());
    assert_eq!(
        app.friend_action(&alice_client, "request", &bob.username).await,
        (StatusCode::OK, json!("Sent"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn friendship_and_blocks_decide_who_sees_a_timetable() {
    let app = spawn_app().await;
    let Viewers {
        owner,
        owner_client,
        friend_client,
        classmate,
        blocked_client,
        blocker_client,
        outsider,
        ..
    } = app.viewers_of_a_timetable().await;
    let timetable = app.timetable_with_entry(&owner_client, "동아리 정기모임").await;

    // (visibility, friend, classmate, blocked by the owner, who blocked the owner). Across a block a 친구공개
    // timetable reads 비공개 like any other, so the block reveals nothing of its visibility.
    use Sees::{FriendsOnly, Private, Shown};
    let matrix = [
        ("public", Shown, Shown, Private, Private),
        ("friends", Shown, FriendsOnly, Private, Private),
        ("private", Private, Private, Private, Private),
    ];
    for (visibility, to_friend, to_classmate, to_blocked, to_blocker) in matrix {
        let form = [("timetable_id", timetable.as_str()), ("visibility", visibility)];
        assert_eq!(app.call(&owner_client, "timetables/visibility", &form).await.status(), StatusCode::OK);
        let sees = |client: Client| {
            let app = &app;
            let username = owner.username.clone();
            async move { app.sees_timetable_of(&client, &username).await }
        };
        assert_eq!(sees(owner_client.clone()).await, Ok(Shown), "the owner, {visibility}");
        assert_eq!(sees(friend_client.clone()).await, Ok(to_friend), "a friend, {visibility}");
        assert_eq!(sees(classmate.clone()).await, Ok(to_classmate), "a classmate, {visibility}");
        assert_eq!(sees(blocked_client.clone()).await, Ok(to_blocked), "blocked by the owner, {visibility}");
        assert_eq!(sees(blocker_client.clone()).await, Ok(to_blocker), "who blocked the owner, {visibility}");
        assert_eq!(sees(outsider.clone()).await, Err(StatusCode::NOT_FOUND), "another school, {visibility}");
        assert_eq!(sees(new_client()).await, Err(StatusCode::UNAUTHORIZED), "logged out, {visibility}");
    }

    // The page names the student and their school; a 친구공개 timetable shows to the friend only, and stops
    // showing when the friendship ends.
    let form = [("timetable_id", timetable.as_str()), ("visibility", "friends")];
    assert_eq!(app.call(&owner_client, "timetables/visibility", &form).await.status(), StatusCode::OK);
    let school = app.directory().await["schools"][0]["name"].as_str().expect("school").to_owned();
    let found: Value = app
        .call(&friend_client, "timetables/of", &[("username", &owner.username)])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        (found["nickname"].as_str(), found["school_name"].as_str()),
        (Some(owner.nickname.as_str()), Some(school.as_str()))
    );
    let page = |client: &Client| client.get(app.url(&format!("/users/{}/timetable", owner.username))).send();
    let html = page(&friend_client).await.expect("page").text().await.expect("html");
    assert!(
        html.contains(&school) && html.contains("동아리 정기모임") && !html.contains("비공개 시간표입니다")
    );
    let html = page(&classmate).await.expect("page").text().await.expect("html");
    assert!(html.contains("친구에게만 공개된 시간표입니다") && !html.contains("동아리 정기모임"));
    assert_eq!(app.friend_action(&friend_client, "remove", &owner.username).await.0, StatusCode::OK);
    assert_eq!(app.sees_timetable_of(&friend_client, &owner.username).await, Ok(Sees::FriendsOnly));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_non_friend_is_told_a_friends_only_timetable_is_for_friends_and_a_private_one_is_private() {
    let app = spawn_app().await;
    let (owner, owner_client) = app.signed_up_student().await;
    let (_, classmate) = app.signed_up_student().await;
    let (blocked, blocked_client) = app.signed_up_student().await;
    assert_eq!(app.friend_action(&owner_client, "block", &blocked.username).await.0, StatusCode::OK);
    let timetable = app.timetable_with_entry(&owner_client, "동아리 정기모임").await;
    let page = |client: &Client| client.get(app.url(&format!("/users/{}/timetable", owner.username))).send();
    const FRIENDS_ONLY: &str = "친구에게만 공개된 시간표입니다";
    const PRIVATE: &str = "비공개 시간표입니다";

    // (visibility, what the classmate is told, what a blocked student is told)
    for (visibility, to_classmate, to_blocked) in
        [("friends", FRIENDS_ONLY, PRIVATE), ("private", PRIVATE, PRIVATE)]
    {
        let form = [("timetable_id", timetable.as_str()), ("visibility", visibility)];
        assert_eq!(app.call(&owner_client, "timetables/visibility", &form).await.status(), StatusCode::OK);
        for (client, told) in [(&classmate, to_classmate), (&blocked_client, to_blocked)] {
            let html = page(client).await.expect("page").text().await.expect("html");
            let other = if told == PRIVATE { FRIENDS_ONLY } else { PRIVATE };
            assert!(html.contains(told) && !html.contains(other), "{visibility}: told {told}");
            assert!(
                !html.contains("동아리 정기모임") && !html.contains("이번 학기"),
                "{visibility}: no content"
            );
            let answer = app.call(client, "timetables/of", &[("username", &owner.username)]).await;
            let answer = answer.text().await.expect("body");
            assert!(
                !answer.contains("동아리 정기모임") && !answer.contains("이번 학기"),
                "{visibility}: {answer}"
            );
        }
    }
}
