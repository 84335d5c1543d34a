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

    let directory = app.directory().await;
    let named = |list: &str, id: i64| {
        directory[list].as_array().expect("list").iter().find(|e| e["id"] == id).expect("entry")["name"]
            .as_str()
            .expect("name")
            .to_owned()
    };
    assert!(html.contains(&student.nickname));
    assert!(html.contains(&named("schools", student.school_id)), "school missing");
    assert!(html.contains(&named("departments", student.department_id)), "department missing");
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
async fn cross_site_writes_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let board = app.board_id(&client, "free").await.to_string();
    let host = app.base.trim_start_matches("http://").to_owned();
    // What another site's page can make a browser send: a foreign Origin (also one that merely starts with
    // ours, or differs only in port), the opaque `null` of sandboxed frames and data: URLs, or no Origin but
    // Sec-Fetch-Site: cross-site.
    let forged: Vec<(&str, String)> = vec![
        ("origin", "https://evil.example".into()),
        ("origin", format!("http://{host}.evil.example")),
        ("origin", "http://127.0.0.1:1".into()),
        ("origin", "null".into()),
        ("sec-fetch-site", "cross-site".into()),
    ];
    let writes: [(&str, Vec<(&str, &str)>); 5] = [
        ("posts/write", vec![("board_id", &board), ("title", "위조"), ("body", "위조된 글")]),
        ("account/nickname", vec![("nickname", "위조닉")]),
        ("friends/request", vec![("username", "someone_else")]),
        ("timetables/create", vec![("semester", "20261"), ("name", "위조")]),
        ("auth/logout", vec![]),
    ];
    let posts_before = app.call(&client, "posts/list", &[("kind", "mine")]).await.text().await.expect("list");
    let me_before = app.whoami(&client).await.expect("me");

    let mut refused = 0;
    for (header, value) in &forged {
        for (endpoint, form) in &writes {
            let response = client
                .post(app.url(&format!("/api/{endpoint}")))
                .header(*header, value)
                .form(form)
                .send()
                .await
                .expect("request");
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{endpoint} with {header}: {value}");
            refused += 1;
        }
    }

    let posts_after = app.call(&client, "posts/list", &[("kind", "mine")]).await.text().await.expect("list");
    assert_eq!(posts_after, posts_before, "no post was written");
    assert_eq!(app.whoami(&client).await.expect("the login survives"), me_before, "nothing changed");
    // The page's own origin still writes.
    let same_site = client
        .post(app.url("/api/posts/write"))
        .header("origin", format!("http://{host}"))
        .header("sec-fetch-site", "same-origin")
        .form(&[("board_id", board.as_str()), ("title", "진짜"), ("body", "진짜 글")])
        .send()
        .await
        .expect("request");
    assert_eq!(same_site.status(), StatusCode::OK);
    println!("cross-site writes: {refused} forged requests refused");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_manifest_and_service_worker_are_served() {
    // The public files as cargo-leptos copies them into the site, served from where they are written.
    let public = concat!(env!("CARGO_MANIFEST_DIR"), "/public");
    let app = spawn_app_with(Settings { site_root: Some(public.to_owned()), ..Default::default() }).await;
    let page = app.client.get(app.url("/login")).send().await.expect("page").text().await.expect("html");
    assert!(page.contains(r#"<link rel="manifest" href="/manifest.webmanifest""#), "pages link the manifest");
    let response = app.client.get(app.url("/manifest.webmanifest")).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let manifest: serde_json::Value = response.json().await.expect("the manifest is JSON");
    assert_eq!(manifest["short_name"], "Campus");
    assert!(manifest["name"].as_str().is_some_and(|name| name.starts_with("Campus")));
    assert_eq!(manifest["display"], "standalone");
    assert!(manifest["start_url"].as_str().is_some_and(|url| url.starts_with('/')));
    assert_eq!(manifest["theme_color"], "#c62917");
    let icons = manifest["icons"].as_array().expect("icons");
    let has =
        |sizes: &str, purpose: &str| icons.iter().any(|i| i["sizes"] == sizes && i["purpose"] == purpose);
    assert!(has("192x192", "any") && has("512x512", "any") && has("512x512", "maskable"), "{icons:?}");
    for icon in icons {
        let src = icon["src"].as_str().expect("src");
        let image = app.client.get(app.url(src)).send().await.expect("icon");
        assert_eq!(image.status(), StatusCode::OK, "{src}");
        assert_eq!(image.headers()["content-type"], "image/png", "{src}");
    }

    let sw = app.client.get(app.url("/sw.js")).send().await.expect("request");
    assert_eq!(sw.status(), StatusCode::OK);
    assert!(sw.headers()["content-type"].to_str().expect("type").starts_with("text/javascript"));
    let body = sw.text().await.expect("js");
    assert!(body.contains("/offline.html") && !body.contains("__VERSION__"));
    // The bundle's files are in the list cached at install (the site here has no build: their plain names).
    assert!(!body.contains("__BUNDLE__"), "{body}");
    for file in ["/pkg/campus.js", "/pkg/campus.wasm", "/pkg/campus.css"] {
        assert!(body.contains(&format!("\"{file}\"")), "{file} is not cached at install");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_chosen_theme_is_rendered_into_every_page_until_the_device_setting_is_chosen_again() {
    let app = spawn_app().await;
    let client = new_client();
    let page = |client: &reqwest::Client, path: &'static str| {
        let request = client.get(app.url(path));
        async move { request.send().await.expect("request").text().await.expect("html") }
    };
    assert!(!page(&client, "/login").await.contains("data-theme"), "the device decides by default");

    let chosen = app.call(&client, "account/theme", &[("theme", "dark")]).await;
    assert_eq!(chosen.status(), StatusCode::OK);
    let cookie = set_cookie(&chosen, "campus_theme").expect("theme cookie");
    assert!(cookie.contains("Max-Age=31536000") && cookie.contains("SameSite=Lax"), "{cookie}");
    for path in ["/login", "/signup", "/"] {
        let html = page(&client, path).await;
        assert!(html.contains("<html lang=\"ko\" data-theme=\"dark\""), "{path} not dark");
        assert!(html.contains("name=\"theme-color\" content=\"#1e1e1e\""), "{path}: the bar is not dark");
    }

    let system = app.call(&client, "account/theme", &[("theme", "system")]).await;
    assert_eq!(system.status(), StatusCode::OK);
    assert!(set_cookie(&system, "campus_theme").expect("deletion").contains("Max-Age=0"));
    let html = page(&client, "/login").await;
    assert!(!html.contains("data-theme"), "the device decides again");
    assert!(html.contains("media=\"(prefers-color-scheme: dark)\""), "each scheme's bar colour");

    let unknown = app.call(&client, "account/theme", &[("theme", "sepia")]).await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_json(unknown).await;
    assert!(error.to_string().contains("theme"), "the field at fault is named: {error}");
}
