//! Sign-up, log-in, throttling and log-out.

use reqwest::StatusCode;

use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sign_up_logs_the_new_student_in_with_http_only_cookies() {
    let app = spawn_app().await;
    let student = app.new_student(0).await;
    let client = new_client();

    let response = app.sign_up_as(&client, &student, PASSWORD).await;

    assert_eq!(response.status(), StatusCode::OK);
    let access = set_cookie(&response, "campus_access").expect("access cookie");
    let refresh = set_cookie(&response, "campus_refresh").expect("refresh cookie");
    for cookie in [&access, &refresh] {
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
        // 로그인 유지 was not ticked: cookies that end with the browser.
        assert!(!cookie.contains("Max-Age") && !cookie.contains("Expires"), "{cookie}");
    }
    let me = app.whoami(&client).await.expect("logged in");
    assert_eq!(me["nickname"], student.nickname.as_str());
    assert_eq!(me["username"], student.username.as_str());
    assert_eq!(me["admission_year"], 2024);
    assert!(me["joined_at"].as_i64().expect("joined") > 1_700_000_000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_sign_up_with_keep_logged_in_gets_lasting_cookies() {
    let app = spawn_app().await;
    let student = app.new_student(0).await;

    let response = app.sign_up_with(&new_client(), &student, &[("keep_logged_in", "on")]).await;

    assert_eq!(response.status(), StatusCode::OK);
    let access = set_cookie(&response, "campus_access").expect("access cookie");
    let refresh = set_cookie(&response, "campus_refresh").expect("refresh cookie");
    assert!(access.contains("Max-Age=1800"), "{access}");
    assert!(refresh.contains("Max-Age=604800"), "{refresh}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_password_confirmation_that_differs_is_refused_under_its_field() {
    let app = spawn_app().await;
    let student = app.new_student(0).await;

    let mistyped = app.sign_up_with(&new_client(), &student, &[("password_confirm", "campus-pass-2")]).await;

    assert_eq!(mistyped.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = error_json(mistyped).await;
    assert_eq!(body["Invalid"]["fields"][0]["field"], "password_confirm");
    assert_eq!(body["Invalid"]["message"], "비밀번호가 일치하지 않습니다.");
    let missing = app.sign_up_with(&new_client(), &student, &[("password_confirm", "")]).await;
    assert_eq!(error_json(missing).await["Invalid"]["fields"][0]["field"], "password_confirm");
    let users: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(app.db().pool()).await.expect("count");
    assert_eq!(users, 0, "nothing was created");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_year_the_form_does_not_offer_is_refused() {
    let app = spawn_app().await;
    let this_year = campus::server::current_year();
    let directory = app.directory().await;
    let offered: Vec<i64> = directory["admission_years"]
        .as_array()
        .expect("years")
        .iter()
        .map(|year| year.as_i64().expect("year"))
        .collect();
    assert_eq!(offered, (this_year - 15..=this_year).rev().collect::<Vec<_>>(), "newest first, 16 years");

    for year in [this_year - 16, this_year + 1, 1950] {
        let student = app.new_student(0).await;
        let response =
            app.sign_up_with(&new_client(), &student, &[("admission_year", &year.to_string())]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{year}");
        let body = error_json(response).await;
        assert_eq!(body["Invalid"]["fields"][0]["field"], "admission_year");
        assert_eq!(body["Invalid"]["message"], "입학년도는 올해부터 15년 전까지만 선택할 수 있습니다.");
    }
    let student = app.new_student(0).await;
    let oldest = (this_year - 15).to_string();
    let response = app.sign_up_with(&new_client(), &student, &[("admission_year", &oldest)]).await;
    assert_eq!(response.status(), StatusCode::OK, "the oldest year offered");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_username_taken_in_another_case_is_refused() {
    let app = spawn_app().await;
    let (first, _) = app.signed_up_student().await;
    let mut second = app.new_student(0).await;
    second.username = first.username.to_uppercase();

    let response = app.sign_up_as(&new_client(), &second, PASSWORD).await;

    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = error_json(response).await;
    assert_eq!(body["Invalid"]["fields"][0]["field"], "username");
    assert_eq!(body["Invalid"]["message"], "이미 사용 중인 아이디입니다.");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_weak_password_is_refused_with_its_reason() {
    let app = spawn_app().await;
    let student = app.new_student(0).await;

    let only_letters = app.sign_up_as(&new_client(), &student, "onlyletters").await;
    assert_eq!(only_letters.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = error_json(only_letters).await;
    assert_eq!(body["Invalid"]["fields"][0]["field"], "password");
    assert_eq!(body["Invalid"]["message"], "비밀번호는 영문, 숫자, 기호 중 2가지 이상을 섞어야 합니다.");

    let too_short = app.sign_up_as(&new_client(), &student, "ab1").await;
    assert_eq!(too_short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_json(too_short).await["Invalid"]["message"], "비밀번호는 8~64자여야 합니다.");
    assert_eq!(
        app.log_in(&new_client(), &student.username, "onlyletters").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn nicknames_are_unique_within_a_school_only() {
    let app = spawn_app().await;
    let (first, _) = app.signed_up_student().await;

    let mut same_school = app.new_student(0).await;
    same_school.nickname = first.nickname.clone();
    let response = app.sign_up_as(&new_client(), &same_school, PASSWORD).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_json(response).await["Invalid"]["fields"][0]["field"], "nickname");

    let mut other_school = app.new_student(1).await;
    other_school.nickname = first.nickname.clone();
    assert_eq!(app.sign_up_as(&new_client(), &other_school, PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_department_of_another_school_is_refused() {
    let app = spawn_app().await;
    let mut student = app.new_student(0).await;
    student.department_id = app.new_student(1).await.department_id;

    let response = app.sign_up_as(&new_client(), &student, PASSWORD).await;

    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_json(response).await["Invalid"]["message"], "선택한 학교의 학과가 아닙니다.");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_invalid_field_is_reported_and_nothing_is_created() {
    let app = spawn_app().await;
    let response = app
        .call(
            &app.client,
            "auth/signup",
            &[
                ("username", "a b"),
                ("password", "x"),
                ("password_confirm", "y"),
                ("nickname", "<script>"),
                ("school_id", ""),
                ("department_id", "nope"),
                ("admission_year", "99"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = error_json(response).await;
    let fields: Vec<&str> = body["Invalid"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|f| f["field"].as_str())
        .collect();
    assert_eq!(
        fields,
        [
            "username",
            "password",
            "password_confirm",
            "nickname",
            "school_id",
            "department_id",
            "admission_year"
        ]
    );
    let users: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(app.db().pool()).await.expect("count");
    assert_eq!(users, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_request_with_missing_arguments_is_a_400_not_a_500() {
    let app = spawn_app().await;
    let response = app.call(&app.client, "auth/signup", &[("username", "only_this")]).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_json(response).await["BadRequest"], "요청 형식이 올바르지 않습니다.");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn log_in_with_the_right_password_works_in_any_case_of_the_username() {
    let app = spawn_app().await;
    let (student, _) = app.signed_up_student().await;
    let client = new_client();

    let response = app.log_in(&client, &student.username.to_uppercase(), PASSWORD).await;

    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["me"]["username"], student.username.as_str());
    assert!(body["access_token"].as_str().is_some_and(|t| t.split('.').count() == 3));
    assert!(app.whoami(&client).await.is_ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_wrong_password_and_an_unknown_username_get_the_same_answer() {
    let app = spawn_app().await;
    let (student, _) = app.signed_up_student().await;

    let wrong_password = app.log_in(&new_client(), &student.username, "wrong-pass-1").await;
    let unknown_user = app.log_in(&new_client(), "nobody_here", "wrong-pass-1").await;

    assert_eq!(wrong_password.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown_user.status(), StatusCode::UNAUTHORIZED);
    assert!(set_cookie(&wrong_password, "campus_access").is_none());
    assert_eq!(error_json(wrong_password).await, error_json(unknown_user).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn five_failures_lock_the_account_but_not_other_students() {
    let app = spawn_app().await;
    let (victim, _) = app.signed_up_student().await;
    let (bystander, _) = app.signed_up_student().await;

    for _ in 0..5 {
        let response = app.log_in(&new_client(), &victim.username, "wrong-pass-1").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let locked = app.log_in(&new_client(), &victim.username, PASSWORD).await;

    assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);
    let message = error_json(locked).await["TooManyRequests"].as_str().expect("message").to_owned();
    assert!(message.starts_with("로그인 시도가 너무 많습니다. 15분 후에"), "{message}");
    assert_eq!(app.log_in(&new_client(), &bystander.username, PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_guesses_sent_at_once_get_five_password_checks() {
    let app = spawn_app().await;
    let (victim, _) = app.signed_up_student().await;

    let guesses = (0..20)
        .map(|n| {
            app.spawn_call(
                &new_client(),
                "auth/login",
                &[("username", victim.username.as_str()), ("password", &format!("wrong-pass-{n}"))],
            )
        })
        .collect();
    let statuses = statuses(guesses).await;

    let checked = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    let refused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!((checked, refused), (5, 15), "{statuses:?}");
    // The account is locked now, for the right password too.
    let locked = app.log_in(&new_client(), &victim.username, PASSWORD).await;
    assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn failures_from_one_address_are_limited_across_accounts() {
    let app =
        spawn_app_with(Settings { login_max_failures_per_address: Some(3), ..Default::default() }).await;
    let (student, _) = app.signed_up_student().await;
    for name in ["guess_one", "guess_two", "guess_three"] {
        assert_eq!(app.log_in(&new_client(), name, "wrong-pass-1").await.status(), StatusCode::UNAUTHORIZED);
    }

    let response = app.log_in(&new_client(), &student.username, PASSWORD).await;

    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(error_json(response).await["TooManyRequests"].as_str().expect("message").contains("네트워크"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn log_out_revokes_both_tokens() {
    let app = spawn_app().await;
    let (student, client) = app.signed_up_student().await;
    let response = app.log_in(&client, &student.username, PASSWORD).await;
    let access = cookie_value(&set_cookie(&response, "campus_access").expect("access"));
    let refresh = cookie_value(&set_cookie(&response, "campus_refresh").expect("refresh"));

    let logout = app.call(&client, "auth/logout", &[]).await;
    assert_eq!(logout.status(), StatusCode::OK);
    assert!(set_cookie(&logout, "campus_access").is_some_and(|c| c.contains("Max-Age=0")));

    // The old tokens, replayed by someone who kept them, no longer work.
    let stale_access = app.me_with_cookies(&format!("campus_access={access}")).await;
    assert_eq!(stale_access.status(), StatusCode::UNAUTHORIZED);
    let stale_refresh = new_client()
        .post(app.url("/api/auth/refresh"))
        .header("cookie", format!("campus_refresh={refresh}"))
        .send()
        .await
        .expect("request");
    assert_eq!(stale_refresh.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.whoami(&client).await, Err(StatusCode::UNAUTHORIZED));
}
