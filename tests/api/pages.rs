//! Server-rendered pages, security headers and the installable-app files.

use reqwest::StatusCode;

use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_home_page_greets_a_logged_in_student_by_nickname_on_first_render() {
    let app = spawn_app().await;
    let (student, client) = app.signed_up_student().await;

    let response = client.get(app.url("/")).send().await.expect("request");

    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("html");
    assert!(html.contains(&student.nickname), "nickname missing from the server-rendered page");
    assert!(html.contains("lang=\"ko\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_visitor_is_sent_to_log_in_and_back() {
    let app = spawn_app().await;

    let response =
        app.client.get(app.url("/me")).header("accept", "text/html").send().await.expect("request");

    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()["location"], "/login?next=/me");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_profile_page_shows_school_department_year_and_join_date() {
    let app = spawn_app().await;
    let (student, client) = app.signed_up_student().await;

    let html = client.get(app.url("/me")).send().await.expect("request").text().await.expect("html");

    assert!(html.contains(&student.nickname));
    assert!(html.contains("24학번"));
    let today = campus::model::time::KstDate::from_unix(campus::server::now()).to_string();
    assert!(html.contains(&today), "join date {today} missing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_unknown_page_is_a_404() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/no/such/page")).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pages_carry_a_nonce_based_csp_and_security_headers() {
    let app = spawn_app().await;

    let response = app.client.get(app.url("/login")).send().await.expect("request");

    let headers = response.headers().clone();
    let csp = headers["content-security-policy"].to_str().expect("csp").to_owned();
    assert!(csp.contains("frame-ancestors 'none'"));
    let nonce =
        csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("nonce").to_owned();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "strict-origin-when-cross-origin");
    let html = response.text().await.expect("html");
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "inline scripts must carry the nonce");
    let second = app.client.get(app.url("/login")).send().await.expect("request");
    assert!(
        !second.headers()["content-security-policy"].to_str().expect("csp").contains(&nonce),
        "nonce reused"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_cross_site_post_is_refused() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;

    let response = client
        .post(app.url("/api/auth/logout"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .expect("request");

    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(app.whoami(&client).await.is_ok(), "the login must survive");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_manifest_and_service_worker_are_served() {
    let app = spawn_app().await;
    let sw = app.client.get(app.url("/sw.js")).send().await.expect("request");
    assert_eq!(sw.status(), StatusCode::OK);
    assert!(sw.headers()["content-type"].to_str().expect("type").starts_with("text/javascript"));
    let body = sw.text().await.expect("js");
    assert!(body.contains("/offline.html") && !body.contains("__VERSION__"));
}
