//! `spawn_app()` and one helper per action, so that tests read as the story they tell.

use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use campus::server::config::Config;
use campus::server::state::AppState;
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;

/// The JWT secret of every test app (tests mint their own tokens with it).
pub const TEST_SECRET: &str = "integration-test-secret-0123456789abcdef";
pub const PASSWORD: &str = "campus-pass-1";

pub struct TestApp {
    pub base: String,
    pub client: Client,
    /// The app's state when it runs in this process (not for apps in server processes of their own).
    state: Option<AppState>,
}

/// Overrides for one test's configuration.
#[derive(Default)]
pub struct Settings {
    pub login_max_failures_per_address: Option<i64>,
    /// Seconds between two posts on one board (tests default to 0: no throttle).
    pub post_interval_seconds: Option<i64>,
    /// Distinct reporters that hide content (default 10, as configured in production).
    pub report_hide_threshold: Option<i64>,
    /// Days between nickname changes (default 30, as in production).
    pub nickname_cooldown_days: Option<i64>,
    /// Sign-ups per client address per hour (tests default to 10,000: every test student comes from
    /// 127.0.0.1).
    pub signups_per_address_per_hour: Option<i64>,
    /// The steady pace and the burst of sign-up attempts per client address (tests default to 10,000).
    pub signups_per_address_per_minute: Option<i64>,
    pub signup_burst_per_address: Option<i64>,
    /// Sign-ups refused for a taken name per client address per hour (tests default to 10,000).
    pub signup_failures_per_address_per_hour: Option<i64>,
    /// Comments per student per minute (tests default to 10,000).
    pub comments_per_minute: Option<i64>,
    /// Reports per student per hour (default 20, as in production).
    pub reports_per_hour: Option<i64>,
    /// 쪽지 per student per minute, and conversations started per hour (tests default to 10,000).
    pub messages_per_minute: Option<i64>,
    pub conversations_per_hour: Option<i64>,
    /// Seconds a spent refresh token still continues its login (default 30, as in production).
    pub refresh_reuse_seconds: Option<i64>,
    /// Take the client address from `X-Forwarded-For`, as behind a proxy (tests then pose as many addresses).
    pub trust_proxy: bool,
    /// Leave the sign-up limits at their production defaults (instead of the tests' generous ones).
    pub production_sign_up_limits: bool,
    /// The built site's folder (default `target/site`, which the tests may run before it is built).
    pub site_root: Option<String>,
    /// Mark cookies `Secure` (default off: tests speak plain http).
    pub secure_cookies: Option<bool>,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(Settings::default()).await
}

pub async fn spawn_app_with(settings: Settings) -> TestApp {
    campus::server::telemetry::init();
    let database_url = fresh_database_url().await;
    let per_address = settings.login_max_failures_per_address.unwrap_or(1000).to_string();
    let post_interval = settings.post_interval_seconds.unwrap_or(0).to_string();
    let report_threshold = settings.report_hide_threshold.unwrap_or(10).to_string();
    let nickname_cooldown = settings.nickname_cooldown_days.unwrap_or(30).to_string();
    let signups = settings.signups_per_address_per_hour.unwrap_or(10_000).to_string();
    let signup_pace = settings.signups_per_address_per_minute.unwrap_or(10_000).to_string();
    let signup_burst = settings.signup_burst_per_address.unwrap_or(10_000).to_string();
    let signup_failures = settings.signup_failures_per_address_per_hour.unwrap_or(10_000).to_string();
    let comments = settings.comments_per_minute.unwrap_or(10_000).to_string();
    let reports = settings.reports_per_hour.unwrap_or(20).to_string();
    let messages = settings.messages_per_minute.unwrap_or(10_000).to_string();
    let conversations = settings.conversations_per_hour.unwrap_or(10_000).to_string();
    let refresh_reuse = settings.refresh_reuse_seconds.unwrap_or(30).to_string();
    let site_root = settings.site_root.clone().unwrap_or_else(|| "target/site".to_owned());
    let vars = [
        ("LEPTOS_SITE_ROOT", site_root.as_str()),
        ("DATABASE_URL", database_url.as_str()),
        ("CAMPUS_JWT_SECRET", TEST_SECRET),
        ("CAMPUS_DB_MAX_CONNECTIONS", "8"),
        ("CAMPUS_LOGIN_MAX_FAILURES_PER_ADDRESS", per_address.as_str()),
        ("CAMPUS_POST_INTERVAL_SECONDS", post_interval.as_str()),
        ("CAMPUS_REPORT_HIDE_THRESHOLD", report_threshold.as_str()),
        ("CAMPUS_NICKNAME_COOLDOWN_DAYS", nickname_cooldown.as_str()),
        ("CAMPUS_SIGNUPS_PER_ADDRESS_PER_HOUR", signups.as_str()),
        ("CAMPUS_SIGNUPS_PER_ADDRESS_PER_MINUTE", signup_pace.as_str()),
        ("CAMPUS_SIGNUP_BURST_PER_ADDRESS", signup_burst.as_str()),
        ("CAMPUS_SIGNUP_FAILURES_PER_ADDRESS_PER_HOUR", signup_failures.as_str()),
        ("CAMPUS_COMMENTS_PER_MINUTE", comments.as_str()),
        ("CAMPUS_REPORTS_PER_HOUR", reports.as_str()),
        ("CAMPUS_MESSAGES_PER_MINUTE", messages.as_str()),
        ("CAMPUS_CONVERSATIONS_PER_HOUR", conversations.as_str()),
        ("CAMPUS_REFRESH_REUSE_SECONDS", refresh_reuse.as_str()),
        ("CAMPUS_TRUST_PROXY", if settings.trust_proxy { "true" } else { "false" }),
        ("CAMPUS_SECURE_COOKIES", if settings.secure_cookies.unwrap_or(false) { "true" } else { "false" }),
    ];
    let sign_up_limits = [
        "CAMPUS_SIGNUPS_PER_ADDRESS_PER_HOUR",
        "CAMPUS_SIGNUPS_PER_ADDRESS_PER_MINUTE",
        "CAMPUS_SIGNUP_BURST_PER_ADDRESS",
        "CAMPUS_SIGNUP_FAILURES_PER_ADDRESS_PER_HOUR",
    ];
    let configured = |name: &str| !(settings.production_sign_up_limits && sign_up_limits.contains(&name));
    let config = Config::from_lookup(|name| {
        vars.iter().find(|(k, _)| *k == name && configured(name)).map(|(_, v)| v.to_string())
    })
    .expect("test configuration");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let state = campus::server::start::spawn(config, listener).await.expect("app starts");
    TestApp { base, client: new_client(), state: Some(state) }
}

/// A client that keeps cookies like a browser and does not follow redirects (tests look at them).
pub fn new_client() -> Client {
    Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().expect("client")
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unique_suffix() -> String {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    format!("{}_{}_{}", std::process::id(), nanos % 1_000_000_000, COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// A database of its own for one test: a new PostgreSQL database when the tests run on PostgreSQL,
/// otherwise a new SQLite file.
pub async fn fresh_database_url() -> String {
    match std::env::var("CAMPUS_TEST_DATABASE_URL").ok().filter(|u| u.starts_with("postgres")) {
        Some(server_url) => {
            use sqlx::Connection as _;
            sqlx::any::install_default_drivers();
            let name = format!("campus_test_{}", unique_suffix());
            let mut admin = sqlx::AnyConnection::connect(&server_url).await.expect("connect to PostgreSQL");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut admin)
                .await
                .expect("create database");
            let (prefix, _) = server_url.rsplit_once('/').expect("URL with a database");
            format!("{prefix}/{name}")
        }
        None => {
            let dir = std::env::temp_dir().join("campus-tests");
            std::fs::create_dir_all(&dir).expect("temp dir");
            format!("sqlite://{}/{}.db", dir.display(), unique_suffix())
        }
    }
}

/// A student to sign up.
#[derive(Clone)]
pub struct Student {
    pub username: String,
    pub nickname: String,
    pub school_id: i64,
    pub department_id: i64,
}

impl TestApp {
    /// An app that runs in another process, at `base`.
    pub fn remote(base: String) -> Self {
        TestApp { base, client: new_client(), state: None }
    }

    /// The in-process app's database.
    pub fn db(&self) -> &campus::server::db::Db {
        &self.state.as_ref().expect("an app running in this process").db
    }

    /// The in-process app's database URL (for a connection of the test's own).
    pub fn database_url(&self) -> &str {
        &self.state.as_ref().expect("an app running in this process").config.database_url
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Calls a server function with form-encoded arguments, as a browser's fetch would.
    pub async fn call(&self, client: &Client, endpoint: &str, form: &[(&str, &str)]) -> Response {
        client.post(self.url(&format!("/api/{endpoint}"))).form(form).send().await.expect("request")
    }

    /// The first school and one of its departments, and a department of a second school.
    pub async fn directory(&self) -> Value {
        let response = self.call(&self.client, "schools", &[]).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.expect("json")
    }

    /// A student of the `school_index`-th school with a unique username and nickname.
    pub async fn new_student(&self, school_index: usize) -> Student {
        self.new_student_in(school_index, 0).await
    }

    /// A student of the `department_index`-th department of the `school_index`-th school.
    pub async fn new_student_in(&self, school_index: usize, department_index: usize) -> Student {
        let directory = self.directory().await;
        let school_id = directory["schools"][school_index]["id"].as_i64().expect("school");
        let department_id = directory["departments"]
            .as_array()
            .expect("departments")
            .iter()
            .filter(|d| d["school_id"].as_i64() == Some(school_id))
            .nth(department_index)
            .and_then(|d| d["id"].as_i64())
            .expect("department");
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        Student { username: format!("student_{n}"), nickname: format!("학생{n}"), school_id, department_id }
    }

    pub async fn sign_up_as(&self, client: &Client, student: &Student, password: &str) -> Response {
        self.sign_up_with(client, student, &[("password", password), ("password_confirm", password)]).await
    }

    /// Signs the student up with [`PASSWORD`], with the fields in `changes` changed or added.
    pub async fn sign_up_with(
        &self,
        client: &Client,
        student: &Student,
        changes: &[(&str, &str)],
    ) -> Response {
        let school = student.school_id.to_string();
        let department = student.department_id.to_string();
        let mut form = vec![
            ("username", student.username.as_str()),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
            ("nickname", &student.nickname),
            ("school_id", &school),
            ("department_id", &department),
            ("admission_year", "2024"),
        ];
        for &(name, value) in changes {
            match form.iter_mut().find(|(field, _)| *field == name) {
                Some(field) => field.1 = value,
                None => form.push((name, value)),
            }
        }
        self.call(client, "auth/signup", &form).await
    }

    /// Signs up a new student on a fresh client and returns both (the client holds the login cookies).
    pub async fn signed_up_student(&self) -> (Student, Client) {
        let student = self.new_student(0).await;
        let client = new_client();
        let response = self.sign_up_as(&client, &student, PASSWORD).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "sign-up: {}",
            response.text().await.unwrap_or_default()
        );
        (student, client)
    }

    /// Logs in without 로그인 유지 (the form's default).
    pub async fn log_in(&self, client: &Client, username: &str, password: &str) -> Response {
        self.call(client, "auth/login", &[("username", username), ("password", password)]).await
    }

    /// Logs in with 로그인 유지 ticked.
    pub async fn log_in_kept(&self, client: &Client, username: &str, password: &str) -> Response {
        let form = [("username", username), ("password", password), ("keep_logged_in", "on")];
        self.call(client, "auth/login", &form).await
    }

    /// `/api/me` from a fresh client that sends exactly these cookies, as a kept or stolen token is replayed.
    pub async fn me_with_cookies(&self, cookies: &str) -> Response {
        new_client().post(self.url("/api/me")).header("cookie", cookies).send().await.expect("request")
    }

    /// `/api/me` as this client: the student's JSON, or the error status.
    pub async fn whoami(&self, client: &Client) -> Result<Value, StatusCode> {
        let response = self.call(client, "me", &[]).await;
        match response.status() {
            StatusCode::OK => Ok(response.json().await.expect("json")),
            status => Err(status),
        }
    }
}

/// The `Set-Cookie` value of `name` in a response, if set.
pub fn set_cookie(response: &Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

/// The value part of a `Set-Cookie` header.
pub fn cookie_value(set_cookie: &str) -> String {
    set_cookie
        .split(';')
        .next()
        .and_then(|pair| pair.split_once('='))
        .map(|(_, v)| v.to_owned())
        .unwrap_or_default()
}

/// The JSON error body of a failed call.
pub async fn error_json(response: Response) -> Value {
    response.json().await.expect("error json")
}

impl TestApp {
    /// Signs up a student of the `school_index`-th school on a fresh client.
    pub async fn student_of(&self, school_index: usize) -> (Student, Client) {
        let student = self.new_student(school_index).await;
        let client = new_client();
        let response = self.sign_up_as(&client, &student, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK);
        (student, client)
    }

    /// `n` students of the first school, signed up one after another; their clients.
    pub async fn many_students(&self, n: usize) -> Vec<Client> {
        let mut clients = Vec::with_capacity(n);
        for _ in 0..n {
            clients.push(self.signed_up_student().await.1);
        }
        clients
    }

    /// A named post on 자유게시판 by a new student, and a second student of the same school to react to it:
    /// (author, reader, board id, post id).
    pub async fn post_with_reader(&self, title: &str) -> (Client, Client, i64, i64) {
        let (_, author) = self.signed_up_student().await;
        let (_, reader) = self.signed_up_student().await;
        let board = self.board_id(&author, "free").await;
        let post = self.write_post(&author, board, title, false).await;
        (author, reader, board, post)
    }

    /// The first page of a board as the client reads it (`boards/posts`: the board, `pinned`, and `page`).
    pub async fn board_page(&self, client: &Client, board_id: i64) -> Value {
        self.call(client, "boards/posts", &[("board_id", &board_id.to_string())])
            .await
            .json()
            .await
            .expect("board page")
    }

    /// The id of the board with this slug in the client's school.
    pub async fn board_id(&self, client: &Client, slug: &str) -> i64 {
        let boards: Value = self.call(client, "boards", &[]).await.json().await.expect("boards");
        boards
            .as_array()
            .expect("list")
            .iter()
            .find(|b| b["slug"] == slug)
            .and_then(|b| b["id"].as_i64())
            .expect("board")
    }

    /// Writes a post and returns its id (the call must succeed).
    pub async fn write_post(&self, client: &Client, board_id: i64, title: &str, anonymous: bool) -> i64 {
        let response =
            self.try_write_post(client, board_id, title, &format!("{title}의 본문"), anonymous, false).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "write post: {}",
            response.text().await.unwrap_or_default()
        );
        response.json().await.expect("id")
    }

    pub async fn try_write_post(
        &self,
        client: &Client,
        board_id: i64,
        title: &str,
        body: &str,
        anonymous: bool,
        question: bool,
    ) -> Response {
        let board = board_id.to_string();
        let mut form = vec![("board_id", board.as_str()), ("title", title), ("body", body)];
        if anonymous {
            form.push(("anonymous", "on"));
        }
        if question {
            form.push(("question", "on"));
        }
        self.call(client, "posts/write", &form).await
    }

    /// Comments (or replies, with `parent`) and returns the response.
    pub async fn comment(
        &self,
        client: &Client,
        post_id: i64,
        parent: Option<i64>,
        body: &str,
        anonymous: bool,
    ) -> Response {
        let post = post_id.to_string();
        let parent = parent.map(|p| p.to_string());
        let mut form = vec![("post_id", post.as_str()), ("body", body)];
        if let Some(parent) = parent.as_deref() {
            form.push(("parent_id", parent));
        }
        if anonymous {
            form.push(("anonymous", "on"));
        }
        self.call(client, "comments/write", &form).await
    }

    /// The post as this client sees it (JSON), or the error status.
    pub async fn get_post(&self, client: &Client, post_id: i64) -> Result<Value, StatusCode> {
        let response = self.call(client, "posts/get", &[("post_id", &post_id.to_string())]).await;
        match response.status() {
            StatusCode::OK => Ok(response.json().await.expect("json")),
            status => Err(status),
        }
    }
}

impl TestApp {
    /// Starts a call on its own task, so that many run at the same moment.
    pub fn spawn_call(
        &self,
        client: &Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> tokio::task::JoinHandle<Response> {
        let request = client.post(self.url(&format!("/api/{endpoint}"))).form(form);
        tokio::spawn(async move { request.send().await.expect("request") })
    }
}

/// `/api/me` sent to each of `servers` at the same moment, each from a client of its own carrying only this
/// refresh cookie (as a screen does when its access cookie has lapsed). The connections are opened first and
/// the requests released together, so that they really race.
pub async fn me_at_once_with_refresh_cookie(servers: &[&TestApp], refresh_token: &str) -> Vec<Response> {
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(servers.len()));
    let mut handles = Vec::new();
    for server in servers {
        let client = new_client();
        let warm_up = client.get(server.url("/health")).send().await.expect("health");
        assert_eq!(warm_up.status(), StatusCode::OK);
        let request =
            client.post(server.url("/api/me")).header("cookie", format!("campus_refresh={refresh_token}"));
        let barrier = barrier.clone();
        handles.push(tokio::spawn(async move {
            barrier.wait().await;
            request.send().await.expect("request")
        }));
    }
    let mut responses = Vec::new();
    for handle in handles {
        responses.push(handle.await.expect("task"));
    }
    responses
}

/// Moves every spent refresh token's exchange `seconds` into the past, as if that much time had gone by.
pub async fn age_spent_refresh_tokens(database_url: &str, seconds: i64) {
    use sqlx::Connection as _;
    sqlx::any::install_default_drivers();
    let mut db = sqlx::AnyConnection::connect(database_url).await.expect("connect to the app's database");
    sqlx::query("UPDATE refresh_tokens SET used_at = used_at - $1 WHERE used_at IS NOT NULL")
        .bind(seconds)
        .execute(&mut db)
        .await
        .expect("age the spent tokens");
}

/// Moves the start of every login `seconds` into the past, as if that much time had gone by since each
/// student logged in (a login without 로그인 유지 ends a fixed time after its start).
pub async fn age_logins(database_url: &str, seconds: i64) {
    use sqlx::Connection as _;
    sqlx::any::install_default_drivers();
    let mut db = sqlx::AnyConnection::connect(database_url).await.expect("connect to the app's database");
    sqlx::query("UPDATE sessions SET created_at = created_at - $1")
        .bind(seconds)
        .execute(&mut db)
        .await
        .expect("age the logins");
}

/// The statuses of calls started with [`TestApp::spawn_call`], in order.
pub async fn statuses(handles: Vec<tokio::task::JoinHandle<Response>>) -> Vec<StatusCode> {
    let mut statuses = Vec::new();
    for handle in handles {
        statuses.push(handle.await.expect("task").status());
    }
    statuses
}

/// The server binary in a process of its own.
pub struct ServerProcess {
    pub child: Child,
    pub app: TestApp,
}

impl ServerProcess {
    pub async fn start(database_url: &str) -> ServerProcess {
        Self::start_with(database_url, &[]).await
    }

    /// The server with these variables set on top of the test defaults (or in their place).
    pub async fn start_with(database_url: &str, env: &[(&str, &str)]) -> ServerProcess {
        let port =
            std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
        let mut command = Command::new(env!("CARGO_BIN_EXE_campus"));
        command
            .env("DATABASE_URL", database_url)
            .env("CAMPUS_ADDR", format!("127.0.0.1:{port}"))
            .env("CAMPUS_JWT_SECRET", TEST_SECRET)
            .env("CAMPUS_POST_INTERVAL_SECONDS", "0")
            .env("CAMPUS_SIGNUPS_PER_ADDRESS_PER_HOUR", "10000")
            .env("CAMPUS_SIGNUPS_PER_ADDRESS_PER_MINUTE", "100000")
            .env("CAMPUS_SIGNUP_BURST_PER_ADDRESS", "100000")
            .env("CAMPUS_COMMENTS_PER_MINUTE", "100000")
            .env("CAMPUS_DB_MAX_CONNECTIONS", "8")
            .env("RUST_LOG", "campus=warn")
            .envs(env.iter().copied())
            .stdin(Stdio::null());
        let child = command.spawn().expect("server starts");
        let app = TestApp::remote(format!("http://127.0.0.1:{port}"));
        let started = Instant::now();
        loop {
            let health = app.client.get(app.url("/health")).send().await;
            if health.is_ok_and(|r| r.status() == StatusCode::OK) {
                break;
            }
            assert!(started.elapsed() < Duration::from_secs(60), "the server did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        ServerProcess { child, app }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Everything that could identify a student in what the server sends.
pub struct Identifiers {
    pub username: String,
    pub nickname: String,
    pub department: String,
    pub id: i64,
}

impl TestApp {
    /// Moves the ids of students signed up from now on far from every other number the app sends (counts,
    /// post ids, years), so that a sweep can look for a student's id as a number, under any key.
    pub async fn distinctive_user_ids(&self) {
        const NEXT: i64 = 7_340_033;
        let pool = self.db().pool();
        match self.db().backend() {
            campus::server::db::Backend::Postgres => {
                sqlx::query("SELECT setval(pg_get_serial_sequence('users', 'id'), $1)")
                    .bind(NEXT - 1)
                    .execute(pool)
                    .await
                    .expect("move the id sequence");
            }
            // SQLite hands out one more than the largest id: a spacer row that nobody can log in as.
            campus::server::db::Backend::Sqlite => {
                sqlx::query(
                    "INSERT INTO users (id, username, username_key, password_hash, nickname, nickname_key, \
                     school_id, department_id, admission_year, created_at) \
                     SELECT $1, 'id_spacer', 'id_spacer', '', 'id_spacer', 'id_spacer', d.school_id, d.id, 2000, 0 \
                     FROM departments d ORDER BY d.id LIMIT 1",
                )
                .bind(NEXT - 1)
                .execute(pool)
                .await
                .expect("insert the spacer");
            }
        }
    }

    /// The identifiers of a signed-up student (while the account exists).
    pub async fn identifiers(&self, student: &Student, client: &Client) -> Identifiers {
        let me = self.whoami(client).await.expect("me");
        Identifiers {
            username: student.username.clone(),
            nickname: student.nickname.clone(),
            department: me["department_name"].as_str().expect("department").to_owned(),
            id: me["id"].as_i64().expect("id"),
        }
    }
}

/// Fails when `body` (JSON or HTML) holds an identifier of any of `students`: a name anywhere, the id as a
/// number standing on its own, whatever key or attribute it sits under.
pub fn assert_identifies_nobody(body: &str, students: &[&Identifiers], source: &str) {
    for student in students {
        for text in [&student.username, &student.nickname, &student.department] {
            assert!(!body.contains(text.as_str()), "{text} appears in {source}: {body}");
        }
        let id = student.id.to_string();
        let standalone = body.match_indices(&id).any(|(at, _)| {
            let before = body[..at].chars().next_back();
            let after = body[at + id.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
        });
        assert!(!standalone, "the id {id} appears in {source}: {body}");
    }
}

/// An open live stream (`GET /events`), read event by event.
pub struct LiveStream {
    response: Response,
    buffer: String,
    /// The id of the last state event read.
    pub last_id: Option<String>,
}

impl LiveStream {
    /// Opens the stream as this client; panics unless it answers 200 with an event stream.
    pub async fn open(app: &TestApp, client: &Client) -> LiveStream {
        Self::resume(app, client, None).await
    }

    /// Opens the stream as EventSource reconnects: with the id of the last event it saw.
    pub async fn resume(app: &TestApp, client: &Client, last_id: Option<&str>) -> LiveStream {
        let mut request = client.get(app.url("/events"));
        if let Some(last_id) = last_id {
            request = request.header("last-event-id", last_id);
        }
        let response = request.send().await.expect("stream request");
        assert_eq!(response.status(), StatusCode::OK, "the stream opens");
        let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert!(kind.starts_with("text/event-stream"), "an event stream, not {kind}");
        LiveStream { response, buffer: String::new(), last_id: None }
    }

    /// The data of the next `notifications` event, or `None` if none comes within `wait`.
    pub async fn next_state(&mut self, wait: std::time::Duration) -> Option<Value> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let event: String = self.buffer.drain(..end + 2).collect();
                let is_state = event.lines().any(|line| line == "event: notifications");
                let data = event.lines().find_map(|line| line.strip_prefix("data: ")).map(str::to_owned);
                match (is_state, data) {
                    (true, Some(data)) => {
                        self.last_id =
                            event.lines().find_map(|line| line.strip_prefix("id: ")).map(str::to_owned);
                        return Some(serde_json::from_str(&data).expect("state JSON"));
                    }
                    _ => continue,
                }
            }
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk()).await.ok()?;
            match chunk.expect("stream readable") {
                Some(bytes) => self.buffer.push_str(&String::from_utf8_lossy(&bytes)),
                None => return None,
            }
        }
    }
}
