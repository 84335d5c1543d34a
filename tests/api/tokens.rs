//! Access and refresh tokens: rotation, reuse detection, and forged or stale tokens.

use base64::Engine as _;
use campus::server::auth::tokens::TokenKeys;
use reqwest::StatusCode;

use crate::helpers::*;

fn now() -> i64 {
    campus::server::now()
}

async fn me_with_bearer(app: &TestApp, token: &str) -> StatusCode {
    new_client().post(app.url("/api/me")).bearer_auth(token).send().await.expect("request").status()
}

async fn refresh_with(app: &TestApp, refresh_token: &str) -> reqwest::Response {
    new_client()
        .post(app.url("/api/auth/refresh"))
        .header("cookie", format!("campus_refresh={refresh_token}"))
        .send()
        .await
        .expect("request")
}

/// Logs a new student in and returns (user id, access token, refresh token).
async fn logged_in(app: &TestApp) -> (i64, String, String) {
    let (student, _) = app.signed_up_student().await;
    let response = app.log_in(&new_client(), &student.username, PASSWORD).await;
    let refresh = cookie_value(&set_cookie(&response, "campus_refresh").expect("refresh cookie"));
    let body: serde_json::Value = response.json().await.expect("json");
    (
        body["me"]["id"].as_i64().expect("id"),
        body["access_token"].as_str().expect("token").to_owned(),
        refresh,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_bearer_access_token_identifies_an_api_client() {
    let app = spawn_app().await;
    let (_, access, _) = logged_in(&app).await;
    assert_eq!(me_with_bearer(&app, &access).await, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn expired_not_yet_valid_and_foreign_tokens_are_rejected() {
    let app = spawn_app().await;
    let (user_id, access, _) = logged_in(&app).await;
    let (_, session_id) = TokenKeys::new(TEST_SECRET).verify_login(&access).expect("our own token");
    let keys = TokenKeys::new(TEST_SECRET);

    let expired = keys.issue(user_id, session_id, now() - 3600, 1800).expect("signed");
    let not_yet_valid = keys.issue(user_id, session_id, now() + 3600, 1800).expect("signed");
    let wrong_secret = TokenKeys::new("some-other-secret-some-other-secret!")
        .issue(user_id, session_id, now(), 1800)
        .expect("signed");

    for token in [expired, not_yet_valid, wrong_secret, "garbage".to_owned(), String::new()] {
        assert_eq!(me_with_bearer(&app, &token).await, StatusCode::UNAUTHORIZED, "{token}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_tampered_or_unsigned_token_is_rejected() {
    let app = spawn_app().await;
    let (_, access, _) = logged_in(&app).await;
    let (other_id, _, _) = logged_in(&app).await;
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let parts: Vec<&str> = access.split('.').collect();
    let mut claims: serde_json::Value =
        serde_json::from_slice(&engine.decode(parts[1]).expect("b64")).expect("json");
    claims["sub"] = other_id.to_string().into();
    let forged_payload = engine.encode(serde_json::to_vec(&claims).expect("json"));

    let tampered = format!("{}.{}.{}", parts[0], forged_payload, parts[2]);
    let alg_none = format!("{}.{}.", engine.encode(br#"{"alg":"none","typ":"JWT"}"#), forged_payload);

    assert_eq!(me_with_bearer(&app, &tampered).await, StatusCode::UNAUTHORIZED);
    assert_eq!(me_with_bearer(&app, &alg_none).await, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_refresh_rotates_the_token_and_a_reused_one_revokes_the_login() {
    let app = spawn_app().await;
    let (_, access, first_refresh) = logged_in(&app).await;

    let rotated = refresh_with(&app, &first_refresh).await;
    assert_eq!(rotated.status(), StatusCode::OK);
    let second_refresh = cookie_value(&set_cookie(&rotated, "campus_refresh").expect("new refresh cookie"));
    assert!(set_cookie(&rotated, "campus_access").is_some());
    assert_ne!(second_refresh, first_refresh);

    // Someone replays the spent token after the reuse window: the whole login ends, for the thief and the
    // owner alike.
    age_spent_refresh_tokens(app.database_url(), 31).await;
    let replay = refresh_with(&app, &first_refresh).await;
    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(refresh_with(&app, &second_refresh).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(me_with_bearer(&app, &access).await, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn calls_fired_at_once_with_one_refresh_cookie_all_succeed_and_keep_the_login() {
    let app = spawn_app().await;
    let (user_id, _, refresh) = logged_in(&app).await;

    // A screen opened after the access cookie lapsed: six calls at once, each with only the refresh cookie.
    let responses = me_at_once_with_refresh_cookie(&[&app; 6], &refresh).await;

    let statuses: Vec<u16> = responses.iter().map(|r| r.status().as_u16()).collect();
    println!("six calls with one refresh cookie: {statuses:?}");
    let mut successors = std::collections::HashSet::new();
    for response in responses {
        assert_eq!(response.status(), StatusCode::OK, "every call is the student's");
        successors.insert(cookie_value(&set_cookie(&response, "campus_refresh").expect("successor")));
        assert_eq!(response.json::<serde_json::Value>().await.expect("json")["id"], user_id);
    }
    assert_eq!(successors.len(), 1, "all continue the login with one successor: {successors:?}");
    let successor = successors.into_iter().next().expect("one");
    assert_ne!(successor, refresh);
    // Still logged in afterwards: the successor continues the login, and so does the spent token a moment
    // later (a slow request of the same screen).
    assert_eq!(refresh_with(&app, &successor).await.status(), StatusCode::OK);
    assert_eq!(app.me_with_cookies(&format!("campus_refresh={refresh}")).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_spent_refresh_token_outside_the_reuse_window_revokes_the_login() {
    let app = spawn_app().await;
    let (_, access, refresh) = logged_in(&app).await;
    let exchanged = app.me_with_cookies(&format!("campus_refresh={refresh}")).await;
    assert_eq!(exchanged.status(), StatusCode::OK);
    let successor = cookie_value(&set_cookie(&exchanged, "campus_refresh").expect("successor"));

    age_spent_refresh_tokens(app.database_url(), 31).await;
    let replay = app.me_with_cookies(&format!("campus_refresh={refresh}")).await;

    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(refresh_with(&app, &successor).await.status(), StatusCode::UNAUTHORIZED, "the login is over");
    assert_eq!(me_with_bearer(&app, &access).await, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_browser_without_an_access_cookie_is_refreshed_transparently() {
    let app = spawn_app().await;
    let (_, _, refresh) = logged_in(&app).await;

    // Only the refresh cookie, as after the access cookie's 30 minutes ran out.
    let response = app.me_with_cookies(&format!("campus_refresh={refresh}")).await;

    assert_eq!(response.status(), StatusCode::OK);
    assert!(set_cookie(&response, "campus_access").is_some());
    let successor = cookie_value(&set_cookie(&response, "campus_refresh").expect("rotated"));
    assert_ne!(successor, refresh);
    assert_eq!(refresh_with(&app, &successor).await.status(), StatusCode::OK);
}

/// Whether a `Set-Cookie` value makes a session cookie (no lifetime: the browser drops it when it closes).
fn is_session_cookie(set_cookie: &str) -> bool {
    !set_cookie.contains("Max-Age") && !set_cookie.contains("Expires")
}

/// The login cookies of a response: (access, refresh) `Set-Cookie` values.
fn login_cookies(response: &reqwest::Response) -> (String, String) {
    let access = set_cookie(response, "campus_access").expect("access cookie");
    (access, set_cookie(response, "campus_refresh").expect("refresh cookie"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_login_without_keep_logged_in_has_session_cookies_through_every_refresh() {
    let app = spawn_app().await;
    let (student, _) = app.signed_up_student().await;

    let login = app.log_in(&new_client(), &student.username, PASSWORD).await;
    assert_eq!(login.status(), StatusCode::OK);
    let (access, refresh) = login_cookies(&login);
    assert!(is_session_cookie(&access) && is_session_cookie(&refresh), "{access} / {refresh}");

    // The choice belongs to the login: the rotated tokens come in session cookies too, whichever way the
    // refresh happens.
    let rotated = refresh_with(&app, &cookie_value(&refresh)).await;
    assert_eq!(rotated.status(), StatusCode::OK);
    let (access, refresh) = login_cookies(&rotated);
    assert!(is_session_cookie(&access) && is_session_cookie(&refresh), "{access} / {refresh}");
    let transparent = app.me_with_cookies(&format!("campus_refresh={}", cookie_value(&refresh))).await;
    assert_eq!(transparent.status(), StatusCode::OK);
    let (access, refresh) = login_cookies(&transparent);
    assert!(is_session_cookie(&access) && is_session_cookie(&refresh), "{access} / {refresh}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_login_with_keep_logged_in_keeps_lasting_cookies_through_every_refresh() {
    let app = spawn_app().await;
    let (student, _) = app.signed_up_student().await;

    let login = app.log_in_kept(&new_client(), &student.username, PASSWORD).await;
    assert_eq!(login.status(), StatusCode::OK);
    let (access, refresh) = login_cookies(&login);
    assert!(access.contains("Max-Age=1800"), "{access}");
    assert!(refresh.contains("Max-Age=604800"), "{refresh}");

    let rotated = refresh_with(&app, &cookie_value(&refresh)).await;
    assert_eq!(rotated.status(), StatusCode::OK);
    let (access, refresh) = login_cookies(&rotated);
    assert!(access.contains("Max-Age=1800"), "{access}");
    assert!(refresh.contains("Max-Age=604800"), "{refresh}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_login_without_keep_logged_in_ends_twelve_hours_after_it_started() {
    let app = spawn_app().await;
    let (student, _) = app.signed_up_student().await;
    let brief = app.log_in(&new_client(), &student.username, PASSWORD).await;
    let brief_refresh = cookie_value(&login_cookies(&brief).1);
    let kept = app.log_in_kept(&new_client(), &student.username, PASSWORD).await;
    let kept_refresh = cookie_value(&login_cookies(&kept).1);

    // Eleven hours on, the brief login still refreshes; its access token never reaches past its end.
    age_logins(app.database_url(), 11 * 3600).await;
    let rotated = refresh_with(&app, &brief_refresh).await;
    assert_eq!(rotated.status(), StatusCode::OK, "within its twelve hours");
    let brief_refresh = cookie_value(&login_cookies(&rotated).1);
    let access = cookie_value(&login_cookies(&rotated).0);
    let expires = access_token_expiry(&access);
    assert!(expires <= now() + 3600, "the access token ends with the login: {}", expires - now());

    // Past twelve hours its refresh token is refused, though it has days left; the kept login goes on.
    age_logins(app.database_url(), 3600 + 1).await;
    let late = refresh_with(&app, &brief_refresh).await;
    assert_eq!(late.status(), StatusCode::UNAUTHORIZED, "the brief login is over");
    let transparent = app.me_with_cookies(&format!("campus_refresh={brief_refresh}")).await;
    assert_eq!(transparent.status(), StatusCode::UNAUTHORIZED);
    let kept_rotated = refresh_with(&app, &kept_refresh).await;
    assert_eq!(kept_rotated.status(), StatusCode::OK, "a kept login is not bound to twelve hours");
    assert!(login_cookies(&kept_rotated).1.contains("Max-Age=604800"));

    // Days after it started, a kept login still refreshes: only each refresh token's own seven days count.
    age_logins(app.database_url(), 6 * 86_400).await;
    let kept_refresh = cookie_value(&login_cookies(&kept_rotated).1);
    assert_eq!(refresh_with(&app, &kept_refresh).await.status(), StatusCode::OK);
}

/// The `exp` claim of an access token (read, not verified: the test trusts its own server).
fn access_token_expiry(token: &str) -> i64 {
    let payload = token.split('.').nth(1).expect("a JWT");
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload).expect("base64");
    serde_json::from_slice::<serde_json::Value>(&payload).expect("json")["exp"].as_i64().expect("exp")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_unknown_refresh_token_is_rejected() {
    let app = spawn_app().await;
    assert_eq!(refresh_with(&app, "not-a-real-token").await.status(), StatusCode::UNAUTHORIZED);
    let no_cookie = app.call(&new_client(), "auth/refresh", &[]).await;
    assert_eq!(no_cookie.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn another_algorithm_or_another_students_session_is_rejected() {
    use jsonwebtoken::{Algorithm, EncodingKey, Header};
    let app = spawn_app().await;
    let (user_id, access, _) = logged_in(&app).await;
    let (other_id, _, _) = logged_in(&app).await;
    let keys = TokenKeys::new(TEST_SECRET);
    let (_, session_id) = keys.verify_login(&access).expect("our own token");
    let claims = campus::server::auth::tokens::Claims {
        sub: user_id.to_string(),
        sid: session_id,
        iat: now(),
        nbf: now(),
        exp: now() + 1800,
    };
    let secret = EncodingKey::from_secret(TEST_SECRET.as_bytes());
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;

    // The right secret under another HMAC: only HS256 is accepted.
    let hs512 = jsonwebtoken::encode(&Header::new(Algorithm::HS512), &claims, &secret).expect("sign");
    // HS/RS confusion: an RS256 header over an HMAC signature, as if the secret were a public key.
    let signed_part = format!(
        "{}.{}",
        engine.encode(br#"{"alg":"RS256","typ":"JWT"}"#),
        engine.encode(serde_json::to_vec(&claims).expect("json"))
    );
    let signature =
        jsonwebtoken::crypto::sign(signed_part.as_bytes(), &secret, Algorithm::HS256).expect("sign");
    let rs256_confused = format!("{signed_part}.{signature}");
    // A genuine signature over a login that is not the named student's.
    let someone_elses_session = keys.issue(other_id, session_id, now(), 1800).expect("signed");
    // The same token twice, or with a second signature.
    let doubled = format!("{access}.{access}");

    for token in [hs512, rs256_confused, someone_elses_session, doubled] {
        assert_eq!(me_with_bearer(&app, &token).await, StatusCode::UNAUTHORIZED, "{token}");
        let as_cookie = app.me_with_cookies(&format!("campus_access={token}")).await;
        assert_eq!(as_cookie.status(), StatusCode::UNAUTHORIZED, "cookie {token}");
    }
    assert_eq!(me_with_bearer(&app, &access).await, StatusCode::OK, "the genuine token still works");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_refresh_token_only_ever_continues_its_own_login() {
    let app = spawn_app().await;
    let (mine, my_access, _) = logged_in(&app).await;
    let (theirs, _, their_refresh) = logged_in(&app).await;

    // My access cookie beside someone else's refresh cookie: the access token decides, and nothing rotates.
    let mixed =
        app.me_with_cookies(&format!("campus_access={my_access}; campus_refresh={their_refresh}")).await;
    assert_eq!(mixed.status(), StatusCode::OK);
    assert!(set_cookie(&mixed, "campus_refresh").is_none());
    assert_eq!(mixed.json::<serde_json::Value>().await.expect("json")["id"], mine);

    // Their refresh token, exchanged by itself, logs in as them and never as me.
    let exchanged = refresh_with(&app, &their_refresh).await;
    assert_eq!(exchanged.status(), StatusCode::OK);
    let access = cookie_value(&set_cookie(&exchanged, "campus_access").expect("access"));
    let (user, _) = TokenKeys::new(TEST_SECRET).verify_login(&access).expect("valid");
    assert_eq!(user, theirs);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn cookies_are_http_only_lax_and_secure_when_configured() {
    for secure in [false, true] {
        let app = spawn_app_with(Settings { secure_cookies: Some(secure), ..Default::default() }).await;
        let student = app.new_student(0).await;
        let response = app.sign_up_as(&new_client(), &student, PASSWORD).await;
        for name in ["campus_access", "campus_refresh"] {
            let cookie = set_cookie(&response, name).expect("cookie");
            assert!(cookie.contains("HttpOnly"), "{cookie}");
            assert!(cookie.contains("SameSite=Lax"), "{cookie}");
            assert_eq!(cookie.contains("Secure"), secure, "{cookie}");
            assert!(cookie.contains("Path=/"), "{cookie}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_login_survives_a_restart_of_the_embedded_server() {
    let folder = std::env::temp_dir().join(format!("campus-restart-{}", campus::server::now_ms()));
    let database_url = format!("sqlite://{}/campus.db", folder.display());
    // No CAMPUS_JWT_SECRET, as `scripts/run` starts the embedded mode.
    let unset_secret = [("CAMPUS_JWT_SECRET", "")];
    let first = ServerProcess::start_with(&database_url, &unset_secret).await;
    let student = first.app.new_student(0).await;
    let signed_up = first.app.sign_up_as(&new_client(), &student, PASSWORD).await;
    assert_eq!(signed_up.status(), StatusCode::OK);
    let access = cookie_value(&set_cookie(&signed_up, "campus_access").expect("access cookie"));
    drop(first);

    let second = ServerProcess::start_with(&database_url, &unset_secret).await;
    let me = second.app.me_with_cookies(&format!("campus_access={access}")).await;

    assert_eq!(me.status(), StatusCode::OK, "the restarted server still knows the student");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let secret =
            std::fs::metadata(folder.join("jwt-secret")).expect("the secret is kept in the data folder");
        assert_eq!(secret.permissions().mode() & 0o777, 0o600);
    }
    drop(second);
    let _ = std::fs::remove_dir_all(folder);
}
