//! 내 정보 settings: nickname cooldown, password change, logging out everywhere, account deletion.

use reqwest::{Client, StatusCode};

use crate::helpers::*;

async fn change_nickname(app: &TestApp, client: &Client, nickname: &str) -> reqwest::Response {
    app.call(client, "account/nickname", &[("nickname", nickname)]).await
}

/// A second login of the same student, on its own client.
async fn second_login(app: &TestApp, username: &str) -> Client {
    let client = new_client();
    assert_eq!(app.log_in(&client, username, PASSWORD).await.status(), StatusCode::OK);
    client
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_nickname_changes_once_per_cooldown_and_must_be_free_in_the_school() {
    let app = spawn_app().await;
    let (student, client) = app.signed_up_student().await;
    let (other, _) = app.signed_up_student().await;
    let (far_away, _) = app.student_of(1).await;

    let taken = change_nickname(&app, &client, &other.nickname.to_uppercase()).await;
    assert_eq!(
        error_json(taken).await["Invalid"]["fields"][0]["message"],
        "같은 학교에 이미 있는 닉네임입니다."
    );
    let same = change_nickname(&app, &client, &student.nickname).await;
    assert_eq!(same.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let invalid = change_nickname(&app, &client, "a b").await;
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Another school's nickname is free here.
    let changed = change_nickname(&app, &client, &far_away.nickname).await;
    assert_eq!(changed.status(), StatusCode::OK);
    assert_eq!(app.whoami(&client).await.expect("me")["nickname"], far_away.nickname.as_str());
    let too_soon = change_nickname(&app, &client, "또바꿀래").await;
    assert_eq!(too_soon.status(), StatusCode::CONFLICT);
    let message = error_json(too_soon).await["Conflict"].as_str().expect("message").to_owned();
    assert!(message.starts_with("닉네임은 30일에 한 번만 바꿀 수 있습니다."), "{message}");

    // With no cooldown configured, a second change goes through; the old nickname is free again.
    let app = spawn_app_with(Settings { nickname_cooldown_days: Some(0), ..Default::default() }).await;
    let (first, client) = app.signed_up_student().await;
    assert_eq!(change_nickname(&app, &client, "첫변경").await.status(), StatusCode::OK);
    assert_eq!(change_nickname(&app, &client, "두번째").await.status(), StatusCode::OK);
    let (_, newcomer) = app.signed_up_student().await;
    assert_eq!(change_nickname(&app, &newcomer, &first.nickname).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_nickname_rule_speaks_of_the_configured_cooldown() {
    let app = spawn_app_with(Settings { nickname_cooldown_days: Some(7), ..Default::default() }).await;
    let (_, client) = app.signed_up_student().await;
    let rule: serde_json::Value =
        app.call(&client, "account/nickname-rule", &[]).await.json().await.expect("rule");
    assert_eq!(rule, serde_json::json!({ "cooldown_days": 7, "changeable_from": null }));

    assert_eq!(change_nickname(&app, &client, "일주일뒤").await.status(), StatusCode::OK);
    let too_soon = change_nickname(&app, &client, "또바꿀래").await;

    let message = error_json(too_soon).await["Conflict"].as_str().expect("message").to_owned();
    assert!(message.starts_with("닉네임은 7일에 한 번만 바꿀 수 있습니다."), "{message}");
    let rule: serde_json::Value =
        app.call(&client, "account/nickname-rule", &[]).await.json().await.expect("rule");
    let from = rule["changeable_from"].as_i64().expect("a date ahead");
    assert!((from - campus::server::now() - 7 * 86_400).abs() < 60, "{rule}");
    let page = client.get(app.url("/me")).send().await.expect("page").text().await.expect("html");
    assert!(page.contains("닉네임은 7일에 한 번 바꿀 수 있습니다."), "the settings page says 7 days");
    let date = campus::model::time::KstDate::from_unix(from).to_string();
    assert!(page.contains(&format!("{date}부터 다시 바꿀 수 있어요.")), "and from when");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_password_change_ends_every_other_login() {
    let app = spawn_app().await;
    let (student, client) = app.signed_up_student().await;
    let elsewhere = second_login(&app, &student.username).await;

    let wrong = app
        .call(
            &client,
            "account/password",
            &[
                ("current_password", "not-my-pass-1"),
                ("new_password", "new-pass-22"),
                ("new_password_confirm", "new-pass-22"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_json(wrong).await["Invalid"]["fields"][0]["field"], "current_password");
    let weak = app
        .call(
            &client,
            "account/password",
            &[("current_password", PASSWORD), ("new_password", "short"), ("new_password_confirm", "short")],
        )
        .await;
    assert_eq!(error_json(weak).await["Invalid"]["fields"][0]["field"], "new_password");
    // Typed differently the second time: refused on the server too, under the confirmation field.
    let mistyped = app
        .call(
            &client,
            "account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "new-pass-22"),
                ("new_password_confirm", "new-pass-23"),
            ],
        )
        .await;
    assert_eq!(mistyped.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = error_json(mistyped).await;
    assert_eq!(body["Invalid"]["fields"][0]["field"], "new_password_confirm");
    assert_eq!(body["Invalid"]["message"], "비밀번호가 일치하지 않습니다.");
    assert!(app.whoami(&elsewhere).await.is_ok(), "failed attempts end nothing");

    let changed = app
        .call(
            &client,
            "account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "new-pass-22"),
                ("new_password_confirm", "new-pass-22"),
            ],
        )
        .await;
    assert_eq!(changed.status(), StatusCode::OK);
    assert!(app.whoami(&client).await.is_ok(), "this login continues");
    assert_eq!(app.whoami(&elsewhere).await, Err(StatusCode::UNAUTHORIZED), "the other login ended");
    assert_eq!(
        app.log_in(&new_client(), &student.username, PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.log_in(&new_client(), &student.username, "new-pass-22").await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn guessing_the_current_password_is_throttled_like_log_in() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let guess = |password: &'static str| {
        let app = &app;
        let client = client.clone();
        async move { app.call(&client, "account/delete", &[("password", password)]).await.status() }
    };
    for _ in 0..5 {
        assert_eq!(guess("guess-pass-1").await, StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert_eq!(guess("guess-pass-1").await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(guess(PASSWORD).await, StatusCode::TOO_MANY_REQUESTS, "even the right one, while locked");
    assert!(app.whoami(&client).await.is_ok(), "the account is still there");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn logging_out_everywhere_ends_every_login() {
    let app = spawn_app().await;
    let (student, client) = app.signed_up_student().await;
    let elsewhere = second_login(&app, &student.username).await;
    let response = app.call(&client, "account/logout-everywhere", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(set_cookie(&response, "campus_access").is_some_and(|c| c.contains("Max-Age=0")));
    assert_eq!(app.whoami(&client).await, Err(StatusCode::UNAUTHORIZED));
    assert_eq!(app.whoami(&elsewhere).await, Err(StatusCode::UNAUTHORIZED));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_deleted_account_leaves_its_posts_as_withdrawn_and_its_name_reserved() {
    let app = spawn_app().await;
    let (student, client) = app.signed_up_student().await;
    let (_, reader) = app.signed_up_student().await;
    let board = app.board_id(&client, "free").await;
    let named = app.write_post(&client, board, "이름 붙은 글", false).await;
    let anonymous = app.write_post(&client, board, "익명 글", true).await;
    app.comment(&client, named, None, "내 댓글", false).await;
    let semester = campus::model::timetable::Semester::current(campus::server::now()).0.to_string();
    let timetable =
        app.call(&client, "timetables/create", &[("semester", &semester), ("name", "곧 사라질")]).await;
    assert_eq!(timetable.status(), StatusCode::OK);

    let (friend, friend_client) = app.signed_up_student().await;
    let asked = app.call(&client, "friends/request", &[("username", &friend.username)]).await;
    assert_eq!(asked.status(), StatusCode::OK);
    let accepted = app.call(&friend_client, "friends/accept", &[("username", &student.username)]).await;
    assert_eq!(accepted.status(), StatusCode::OK);

    let wrong = app.call(&client, "account/delete", &[("password", "not-my-pass-1")]).await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let deleted = app.call(&client, "account/delete", &[("password", PASSWORD)]).await;
    assert_eq!(deleted.status(), StatusCode::OK);
    assert_eq!(app.whoami(&client).await, Err(StatusCode::UNAUTHORIZED));

    let post = app.get_post(&reader, named).await.expect("the post stays");
    assert_eq!(post["author"], serde_json::json!("Withdrawn"));
    assert_eq!(post["comments"][0]["author"], serde_json::json!("Withdrawn"));
    let html = reader
        .get(app.url(&format!("/posts/{named}")))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(html.contains("(탈퇴한 사용자)") && !html.contains(&student.nickname));
    let hidden = app.get_post(&reader, anonymous).await.expect("the anonymous post stays");
    assert_eq!(hidden["author"], serde_json::json!("Anonymous"));

    // The name cannot log in, cannot be taken again, and the student is gone from lookups.
    assert_eq!(
        app.log_in(&new_client(), &student.username, PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let again = app.sign_up_as(&new_client(), &student, PASSWORD).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_json(again).await["Invalid"]["fields"][0]["field"], "username");
    let lookup = app.call(&reader, "timetables/of", &[("username", &student.username)]).await;
    assert_eq!(lookup.status(), StatusCode::NOT_FOUND);
    // The nickname is free for someone else.
    let mut successor = app.new_student(0).await;
    successor.nickname = student.nickname.clone();
    assert_eq!(app.sign_up_as(&new_client(), &successor, PASSWORD).await.status(), StatusCode::OK);
    let tables: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM timetables")
        .fetch_one(app.db().pool())
        .await
        .expect("count");
    assert_eq!(tables, 0, "timetables are removed");
    let friends: serde_json::Value =
        app.call(&friend_client, "friends/list", &[]).await.json().await.expect("friends");
    assert_eq!(friends["friends"], serde_json::json!([]), "friendships are removed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_nickname_changed_six_times_at_once_changes_once() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let names: Vec<String> = (0..6).map(|n| format!("동시변경{n}")).collect();
    let calls =
        names.iter().map(|name| app.spawn_call(&client, "account/nickname", &[("nickname", name)])).collect();
    let statuses = statuses(calls).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == StatusCode::OK || *s == StatusCode::CONFLICT), "{statuses:?}");
    let now = app.whoami(&client).await.expect("me")["nickname"].as_str().expect("nickname").to_owned();
    assert!(names.contains(&now));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_students_taking_one_nickname_at_once_leave_it_to_one() {
    let app = spawn_app_with(Settings { nickname_cooldown_days: Some(0), ..Default::default() }).await;
    let students = app.many_students(6).await;
    let calls = students
        .iter()
        .map(|c| app.spawn_call(c, "account/nickname", &[("nickname", "인기닉네임")]))
        .collect();
    let statuses = statuses(calls).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
    assert!(
        statuses.iter().all(|s| *s == StatusCode::OK || *s == StatusCode::UNPROCESSABLE_ENTITY),
        "{statuses:?}"
    );
}
