//! Configuration from environment variables, with defaults that run the embedded mode with no setup.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `CAMPUS_ENV` | `development` | `production` makes `CAMPUS_JWT_SECRET` required and cookies `Secure` |
//! | `DATABASE_URL` | `sqlite://data/campus.db` | SQLite file (created) or `postgres://…` |
//! | `CAMPUS_DB_MAX_CONNECTIONS` | `4` on SQLite, `16` on PostgreSQL | pool size |
//! | `CAMPUS_JWT_SECRET` | kept in `jwt-secret` beside the SQLite file (development only) | HMAC key for access tokens, ≥ 32 bytes |
//! | `CAMPUS_ACCESS_TOKEN_MINUTES` | `30` | access token lifetime |
//! | `CAMPUS_REFRESH_TOKEN_DAYS` | `7` | refresh token lifetime |
//! | `CAMPUS_UNKEPT_LOGIN_HOURS` | `12` | how long a login without 로그인 유지 lasts at most (its cookies end with the browser) |
//! | `CAMPUS_REFRESH_REUSE_SECONDS` | `30` | how long a spent refresh token still continues its login (concurrent requests) |
//! | `CAMPUS_LOGIN_MAX_FAILURES` | `5` | failed log-ins per account before it is locked for the window |
//! | `CAMPUS_LOGIN_MAX_FAILURES_PER_ADDRESS` | `30` | failed log-ins per client address in the window |
//! | `CAMPUS_LOGIN_WINDOW_MINUTES` | `15` | the window of both log-in throttles |
//! | `CAMPUS_POST_INTERVAL_SECONDS` | `30` | least time between two posts of one student on one board |
//! | `CAMPUS_REPORT_HIDE_THRESHOLD` | `10` | distinct reporters that hide a post or comment pending review |
//! | `CAMPUS_COMMENTS_PER_MINUTE` | `10` | comments (and replies) one student may write per minute |
//! | `CAMPUS_REPORTS_PER_HOUR` | `20` | reports one student may file per hour |
//! | `CAMPUS_SIGNUPS_PER_ADDRESS_PER_HOUR` | `500` | accounts created per client address per hour (a campus behind one NAT) |
//! | `CAMPUS_SIGNUPS_PER_ADDRESS_PER_MINUTE` | `10` | the steady pace of sign-up attempts per client address |
//! | `CAMPUS_SIGNUP_BURST_PER_ADDRESS` | `30` | sign-up attempts one client address may make at once, beyond the pace |
//! | `CAMPUS_SIGNUP_FAILURES_PER_ADDRESS_PER_HOUR` | `100` | sign-ups refused for a taken name, per address, before that address must wait |
//! | `CAMPUS_NOTIFICATION_DAYS` | `30` | days a notification is kept and listed |
//! | `CAMPUS_MESSAGES_PER_MINUTE` | `20` | 쪽지 a student may send per minute |
//! | `CAMPUS_CONVERSATIONS_PER_HOUR` | `20` | conversations a student may start per hour |
//! | `CAMPUS_IMAGES_PER_POST` | `10` | photos one post may carry |
//! | `CAMPUS_IMAGE_MAX_MB` | `10` | the largest photo file accepted, in megabytes |
//! | `CAMPUS_IMAGES_PER_HOUR` | `100` | photos one student may upload per hour |
//! | `CAMPUS_SECURE_COOKIES` | on in production | mark cookies `Secure` (needs https) |
//! | `CAMPUS_TRUST_PROXY` | `false` | take the client address from `X-Forwarded-For` (behind a proxy only) |
//! | `CAMPUS_ADDR` / `LEPTOS_SITE_ADDR` | `127.0.0.1:3000` | address to listen on |
//! | `LEPTOS_SITE_ROOT` | `target/site` | the built site (JS, WASM, CSS, public files) |
//! | `CAMPUS_PRECOMPRESS_AT_START` | on in release builds | compress the bundle's missing copies once, in the background |

use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

use crate::model::images::ImageLimits;

/// A secret that never shows in logs or `Debug` output.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// At most `max` actions per subject in each window of `window_seconds` (see `db::throttle::take`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    pub max: i64,
    pub window_seconds: i64,
}

/// A steady pace of `per_minute` actions per subject, with bursts of up to `burst` at once (see
/// `db::throttle::pace_now`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    pub per_minute: i64,
    pub burst: i64,
}

impl Pace {
    /// The time one action takes up, in milliseconds.
    pub fn interval_ms(self) -> i64 {
        60_000 / self.per_minute.max(1)
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub production: bool,
    pub database_url: String,
    pub db_max_connections: u32,
    pub jwt_secret: Secret,
    pub access_token_ttl: Duration,
    pub refresh_token_ttl: Duration,
    /// The whole life of a login not kept (로그인 유지 unticked), counted from its start; see `auth::logins`.
    pub unkept_login_ttl: Duration,
    /// How long after its exchange a refresh token is accepted again, with the same successor: the requests
    /// that one screen fires at once all carry it. Presented later, it is a replay and revokes the login.
    pub refresh_reuse_window: Duration,
    pub login_max_failures: i64,
    pub login_max_failures_per_address: i64,
    pub login_window: Duration,
    pub post_interval_seconds: i64,
    pub report_hide_threshold: i64,
    pub comment_limit: RateLimit,
    pub report_limit: RateLimit,
    /// 쪽지 per student per minute.
    pub message_limit: RateLimit,
    /// New conversations per student per hour.
    pub conversation_limit: RateLimit,
    /// Accounts created per client address: a ceiling high enough for a whole campus behind one address.
    pub signup_limit: RateLimit,
    /// The pace of sign-up attempts per client address, which smooths bursts before any password is hashed.
    pub signup_pace: Pace,
    /// Sign-ups refused for a taken username or nickname, per client address.
    pub signup_failure_limit: RateLimit,
    /// How long after a nickname change the next one is refused.
    pub nickname_cooldown: Duration,
    /// Days a notification is listed before it expires.
    pub notification_days: i64,
    /// Photos per post, and the largest photo file in bytes (`model::images::ImageLimits`).
    pub images_per_post: usize,
    pub image_max_bytes: usize,
    /// Photo uploads per student per hour.
    pub image_upload_limit: RateLimit,
    pub secure_cookies: bool,
    pub trust_proxy: bool,
    pub addr: SocketAddr,
    pub site_root: String,
    /// Whether a server that finds the bundle's compressed copies missing makes them (see `server::bundle`).
    /// Off by default in debug builds, whose bundle changes with every rebuild and is served locally.
    pub precompress_at_start: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0} is required when CAMPUS_ENV=production")]
    Required(&'static str),
    #[error("{name} has an invalid value {value:?}: {reason}")]
    Invalid { name: &'static str, value: String, reason: String },
    #[error("the development JWT secret in {path}: {reason}")]
    SecretFile { path: String, reason: String },
}

/// The minimum HMAC key length (HS256 wants at least the hash size).
const MIN_SECRET_BYTES: usize = 32;

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads configuration through `lookup`, so that tests can configure without touching the environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let production = match get("CAMPUS_ENV").as_deref() {
            None | Some("development") | Some("dev") | Some("test") => false,
            Some("production") | Some("prod") => true,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "CAMPUS_ENV",
                    value: other.to_owned(),
                    reason: "expected development or production".into(),
                })
            }
        };
        let database_url = get("DATABASE_URL").unwrap_or_else(|| "sqlite://data/campus.db".into());
        let jwt_secret = match get("CAMPUS_JWT_SECRET") {
            Some(secret) if secret.len() >= MIN_SECRET_BYTES => Secret(secret),
            Some(secret) => {
                return Err(ConfigError::Invalid {
                    name: "CAMPUS_JWT_SECRET",
                    value: "[redacted]".into(),
                    reason: format!("{} bytes; at least {MIN_SECRET_BYTES} are needed", secret.len()),
                })
            }
            None if production => return Err(ConfigError::Required("CAMPUS_JWT_SECRET")),
            None => embedded_secret(&database_url)?,
        };
        let addr_text =
            get("CAMPUS_ADDR").or_else(|| get("LEPTOS_SITE_ADDR")).unwrap_or("127.0.0.1:3000".into());
        let addr = addr_text.parse().map_err(|e: std::net::AddrParseError| ConfigError::Invalid {
            name: "CAMPUS_ADDR",
            value: addr_text.clone(),
            reason: e.to_string(),
        })?;
        let db_max_connections = number(&get, "CAMPUS_DB_MAX_CONNECTIONS", default_pool_size(&database_url))?;
        Ok(Config {
            production,
            database_url,
            db_max_connections,
            jwt_secret,
            access_token_ttl: Duration::from_secs(60 * number(&get, "CAMPUS_ACCESS_TOKEN_MINUTES", 30)?),
            refresh_token_ttl: Duration::from_secs(86_400 * number(&get, "CAMPUS_REFRESH_TOKEN_DAYS", 7)?),
            unkept_login_ttl: Duration::from_secs(3600 * number(&get, "CAMPUS_UNKEPT_LOGIN_HOURS", 12)?),
            refresh_reuse_window: Duration::from_secs(number(&get, "CAMPUS_REFRESH_REUSE_SECONDS", 30)?),
            login_max_failures: number(&get, "CAMPUS_LOGIN_MAX_FAILURES", 5)?,
            login_max_failures_per_address: number(&get, "CAMPUS_LOGIN_MAX_FAILURES_PER_ADDRESS", 30)?,
            login_window: Duration::from_secs(60 * number(&get, "CAMPUS_LOGIN_WINDOW_MINUTES", 15)?),
            post_interval_seconds: number(&get, "CAMPUS_POST_INTERVAL_SECONDS", 30)?,
            report_hide_threshold: number(&get, "CAMPUS_REPORT_HIDE_THRESHOLD", 10)?,
            comment_limit: RateLimit {
                max: number(&get, "CAMPUS_COMMENTS_PER_MINUTE", 10)?,
                window_seconds: 60,
            },
            report_limit: RateLimit {
                max: number(&get, "CAMPUS_REPORTS_PER_HOUR", 20)?,
                window_seconds: 3600,
            },
            message_limit: RateLimit {
                max: number(&get, "CAMPUS_MESSAGES_PER_MINUTE", 20)?,
                window_seconds: 60,
            },
            conversation_limit: RateLimit {
                max: number(&get, "CAMPUS_CONVERSATIONS_PER_HOUR", 20)?,
                window_seconds: 3600,
            },
            signup_limit: RateLimit {
                max: number(&get, "CAMPUS_SIGNUPS_PER_ADDRESS_PER_HOUR", 500)?,
                window_seconds: 3600,
            },
            signup_pace: Pace {
                per_minute: number(&get, "CAMPUS_SIGNUPS_PER_ADDRESS_PER_MINUTE", 10)?,
                burst: number(&get, "CAMPUS_SIGNUP_BURST_PER_ADDRESS", 30)?,
            },
            signup_failure_limit: RateLimit {
                max: number(&get, "CAMPUS_SIGNUP_FAILURES_PER_ADDRESS_PER_HOUR", 100)?,
                window_seconds: 3600,
            },
            nickname_cooldown: Duration::from_secs(
                86_400 * number(&get, "CAMPUS_NICKNAME_COOLDOWN_DAYS", 30)?,
            ),
            notification_days: number(&get, "CAMPUS_NOTIFICATION_DAYS", 30)?,
            images_per_post: number(&get, "CAMPUS_IMAGES_PER_POST", ImageLimits::DEFAULT.per_post)?,
            image_max_bytes: 1024
                * 1024
                * number(&get, "CAMPUS_IMAGE_MAX_MB", ImageLimits::DEFAULT.max_megabytes())?,
            image_upload_limit: RateLimit {
                max: number(&get, "CAMPUS_IMAGES_PER_HOUR", 100)?,
                window_seconds: 3600,
            },
            secure_cookies: flag(&get, "CAMPUS_SECURE_COOKIES", production)?,
            trust_proxy: flag(&get, "CAMPUS_TRUST_PROXY", false)?,
            addr,
            site_root: get("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            precompress_at_start: flag(&get, "CAMPUS_PRECOMPRESS_AT_START", !cfg!(debug_assertions))?,
        })
    }
}

/// The default pool size. Each SQLite connection is a thread of its own that every query is handed to, and
/// on a 2-core machine 16 of them made a board page cost about a third more CPU than 4 (bench/pages); SQLite
/// writes one at a time anyway. A PostgreSQL connection is a server process, and more of them let queries of
/// one app server run in parallel on the database machine.
fn default_pool_size(database_url: &str) -> u32 {
    match crate::server::db::Backend::of_url(database_url) {
        Some(crate::server::db::Backend::Sqlite) => 4,
        _ => 16,
    }
}

/// The embedded mode's JWT secret: generated once, kept in `jwt-secret` in the data folder (beside the SQLite
/// file; `data/` for a development server on PostgreSQL), readable by its owner only, and read again at every
/// start, so that logins survive a restart. An in-memory database gets a secret for this run only.
fn embedded_secret(database_url: &str) -> Result<Secret, ConfigError> {
    let Some(path) = secret_file_path(database_url) else {
        tracing::warn!("CAMPUS_JWT_SECRET is not set: an in-memory database gets a secret for this run only");
        return Ok(Secret(crate::server::auth::tokens::random_token()));
    };
    let failure = |reason: String| ConfigError::SecretFile { path: path.display().to_string(), reason };
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|e| failure(e.to_string()))?;
    }
    match write_new_secret(&path) {
        Ok(secret) => {
            tracing::warn!(path = %path.display(), "CAMPUS_JWT_SECRET is not set: generated a development secret");
            Ok(secret)
        }
        // Kept from an earlier start (or written a moment ago by a server starting beside this one).
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            let secret =
                std::fs::read_to_string(&path).map_err(|e| failure(e.to_string()))?.trim().to_owned();
            if secret.len() < MIN_SECRET_BYTES {
                return Err(failure(format!(
                    "{} bytes; at least {MIN_SECRET_BYTES} are needed",
                    secret.len()
                )));
            }
            Ok(Secret(secret))
        }
        Err(error) => Err(failure(error.to_string())),
    }
}

/// `jwt-secret` beside a SQLite file, or in `data/` for PostgreSQL; `None` for an in-memory database.
fn secret_file_path(database_url: &str) -> Option<std::path::PathBuf> {
    let folder = match database_url.strip_prefix("sqlite:") {
        Some(rest) => {
            let file = rest.trim_start_matches("//").split('?').next().unwrap_or_default();
            if file.is_empty() || file == ":memory:" {
                return None;
            }
            std::path::Path::new(file).parent().map(std::path::Path::to_path_buf).unwrap_or_default()
        }
        None => std::path::PathBuf::from("data"),
    };
    Some(folder.join("jwt-secret"))
}

/// Creates the secret file, failing with `AlreadyExists` if it is there; the file is the owner's alone
/// (mode 0600) from the moment it exists.
fn write_new_secret(path: &std::path::Path) -> std::io::Result<Secret> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    let secret = crate::server::auth::tokens::random_token();
    file.write_all(secret.as_bytes())?;
    file.sync_all()?;
    Ok(Secret(secret))
}

fn number<T: std::str::FromStr>(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: T,
) -> Result<T, ConfigError>
where
    T::Err: fmt::Display,
{
    match get(name) {
        None => Ok(default),
        Some(value) => value.trim().parse().map_err(|e: T::Err| ConfigError::Invalid {
            name,
            value,
            reason: e.to_string(),
        }),
    }
}

fn flag(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: bool,
) -> Result<bool, ConfigError> {
    match get(name).as_deref().map(str::trim) {
        None => Ok(default),
        Some("1" | "true" | "yes" | "on") => Ok(true),
        Some("0" | "false" | "no" | "off") => Ok(false),
        Some(other) => Err(ConfigError::Invalid {
            name,
            value: other.to_owned(),
            reason: "expected true or false".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The configuration these variables give; without a `DATABASE_URL`, the data folder is a temporary one
    /// (the development secret is written there, not into the project).
    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut vars: Vec<(String, String)> =
            vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        if !vars.iter().any(|(k, _)| k == "DATABASE_URL") {
            let url = format!("sqlite://{}/campus.db", data_folder("scratch").display());
            vars.push(("DATABASE_URL".into(), url));
        }
        Config::from_lookup(move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    /// A data folder of its own for each call.
    fn data_folder(name: &str) -> std::path::PathBuf {
        static CALLS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let folder = std::env::temp_dir().join(format!("campus-config-{name}-{}-{call}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        folder
    }

    #[test]
    fn embedded_defaults_need_no_environment() {
        let defaults = Config::from_lookup(|name| {
            (name == "DATABASE_URL")
                .then(|| format!("sqlite://{}/campus.db", data_folder("defaults").display()))
        })
        .expect("defaults");
        assert!(!defaults.production);
        assert!(defaults.database_url.starts_with("sqlite://"));
        assert_eq!(defaults.access_token_ttl, Duration::from_secs(1800));
        assert_eq!(defaults.refresh_token_ttl, Duration::from_secs(7 * 86_400));
        assert_eq!(defaults.unkept_login_ttl, Duration::from_secs(12 * 3600));
        assert_eq!(defaults.login_max_failures, 5);
        assert!(defaults.jwt_secret.expose().len() >= MIN_SECRET_BYTES);
    }

    #[test]
    fn the_pool_is_small_on_sqlite_and_larger_on_postgres_unless_configured() {
        assert_eq!(config(&[]).expect("sqlite").db_max_connections, 4);
        let secret = "k".repeat(MIN_SECRET_BYTES);
        let postgres = [("DATABASE_URL", "postgres://db/campus"), ("CAMPUS_JWT_SECRET", secret.as_str())];
        assert_eq!(config(&postgres).expect("postgres").db_max_connections, 16);
        let configured = config(&[("CAMPUS_DB_MAX_CONNECTIONS", "9")]).expect("configured");
        assert_eq!(configured.db_max_connections, 9);
    }

    #[test]
    fn the_embedded_secret_is_made_once_kept_private_and_reused() {
        let folder = data_folder("secret");
        let url = format!("sqlite://{}/campus.db", folder.display());
        let first = config(&[("DATABASE_URL", &url)]).expect("first start");
        let second = config(&[("DATABASE_URL", &url)]).expect("restart");
        assert_eq!(first.jwt_secret.expose(), second.jwt_secret.expose(), "logins survive a restart");
        let file = folder.join("jwt-secret");
        assert_eq!(std::fs::read_to_string(&file).expect("kept").trim(), first.jwt_secret.expose());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&file).expect("metadata").permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "readable by its owner only");
        }
        let elsewhere = data_folder("secret-elsewhere");
        let other = config(&[("DATABASE_URL", &format!("sqlite://{}/campus.db", elsewhere.display()))])
            .expect("another data folder");
        assert_ne!(other.jwt_secret.expose(), first.jwt_secret.expose());
        std::fs::write(&file, "short").expect("spoil");
        assert!(matches!(config(&[("DATABASE_URL", &url)]), Err(ConfigError::SecretFile { .. })));
        let _ = std::fs::remove_dir_all(folder);
        let _ = std::fs::remove_dir_all(elsewhere);
    }

    #[test]
    fn production_requires_a_long_secret() {
        assert!(matches!(config(&[("CAMPUS_ENV", "production")]), Err(ConfigError::Required(_))));
        assert!(matches!(
            config(&[("CAMPUS_ENV", "production"), ("CAMPUS_JWT_SECRET", "short")]),
            Err(ConfigError::Invalid { .. })
        ));
        let secret = "x".repeat(40);
        let config = config(&[("CAMPUS_ENV", "production"), ("CAMPUS_JWT_SECRET", &secret)]).expect("valid");
        assert!(config.secure_cookies);
    }

    #[test]
    fn secrets_are_redacted_in_debug_output() {
        let secret = "s".repeat(40);
        let config = config(&[("CAMPUS_JWT_SECRET", &secret)]).expect("valid");
        assert!(!format!("{config:?}").contains(&secret));
    }

    #[test]
    fn a_bad_number_names_its_variable() {
        let error = config(&[("CAMPUS_LOGIN_MAX_FAILURES", "many")]).expect_err("invalid");
        assert!(error.to_string().contains("CAMPUS_LOGIN_MAX_FAILURES"));
    }
}
