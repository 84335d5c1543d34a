//! Configuration from environment variables, with defaults that run the embedded mode with no setup.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `CAMPUS_ENV` | `development` | `production` makes `CAMPUS_JWT_SECRET` required and cookies `Secure` |
//! | `DATABASE_URL` | `sqlite://data/campus.db` | SQLite file (created) or `postgres://…` |
//! | `CAMPUS_DB_MAX_CONNECTIONS` | `16` | pool size |
//! | `CAMPUS_JWT_SECRET` | random per start (development only) | HMAC key for access tokens, ≥ 32 bytes |
//! | `CAMPUS_ACCESS_TOKEN_MINUTES` | `30` | access token lifetime |
//! | `CAMPUS_REFRESH_TOKEN_DAYS` | `7` | refresh token lifetime |
//! | `CAMPUS_LOGIN_MAX_FAILURES` | `5` | failed log-ins per account before it is locked for the window |
//! | `CAMPUS_LOGIN_MAX_FAILURES_PER_ADDRESS` | `30` | failed log-ins per client address in the window |
//! | `CAMPUS_LOGIN_WINDOW_MINUTES` | `15` | the window of both log-in throttles |
//! | `CAMPUS_POST_INTERVAL_SECONDS` | `30` | least time between two posts of one student on one board |
//! | `CAMPUS_REPORT_HIDE_THRESHOLD` | `10` | distinct reporters that hide a post or comment pending review |
//! | `CAMPUS_COMMENTS_PER_MINUTE` | `10` | comments (and replies) one student may write per minute |
//! | `CAMPUS_REPORTS_PER_HOUR` | `20` | reports one student may file per hour |
//! | `CAMPUS_SIGNUPS_PER_ADDRESS_PER_HOUR` | `20` | new accounts per client address per hour (raise it behind a campus-wide NAT) |
//! | `CAMPUS_SECURE_COOKIES` | on in production | mark cookies `Secure` (needs https) |
//! | `CAMPUS_TRUST_PROXY` | `false` | take the client address from `X-Forwarded-For` (behind a proxy only) |
//! | `CAMPUS_ADDR` / `LEPTOS_SITE_ADDR` | `127.0.0.1:3000` | address to listen on |
//! | `LEPTOS_SITE_ROOT` | `target/site` | the built site (JS, WASM, CSS, public files) |

use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

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

#[derive(Debug, Clone)]
pub struct Config {
    pub production: bool,
    pub database_url: String,
    pub db_max_connections: u32,
    pub jwt_secret: Secret,
    pub access_token_ttl: Duration,
    pub refresh_token_ttl: Duration,
    pub login_max_failures: i64,
    pub login_max_failures_per_address: i64,
    pub login_window: Duration,
    pub post_interval_seconds: i64,
    pub report_hide_threshold: i64,
    pub comment_limit: RateLimit,
    pub report_limit: RateLimit,
    pub signup_limit: RateLimit,
    /// How long after a nickname change the next one is refused.
    pub nickname_cooldown: Duration,
    pub secure_cookies: bool,
    pub trust_proxy: bool,
    pub addr: SocketAddr,
    pub site_root: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0} is required when CAMPUS_ENV=production")]
    Required(&'static str),
    #[error("{name} has an invalid value {value:?}: {reason}")]
    Invalid { name: &'static str, value: String, reason: String },
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
            None => {
                tracing::warn!(
                    "CAMPUS_JWT_SECRET is not set: generated a random one for this run (development only); \
                     logins will not survive a restart"
                );
                Secret(crate::server::auth::tokens::random_token())
            }
        };
        let addr_text =
            get("CAMPUS_ADDR").or_else(|| get("LEPTOS_SITE_ADDR")).unwrap_or("127.0.0.1:3000".into());
        let addr = addr_text.parse().map_err(|e: std::net::AddrParseError| ConfigError::Invalid {
            name: "CAMPUS_ADDR",
            value: addr_text.clone(),
            reason: e.to_string(),
        })?;
        Ok(Config {
            production,
            database_url: get("DATABASE_URL").unwrap_or_else(|| "sqlite://data/campus.db".into()),
            db_max_connections: number(&get, "CAMPUS_DB_MAX_CONNECTIONS", 16)?,
            jwt_secret,
            access_token_ttl: Duration::from_secs(60 * number(&get, "CAMPUS_ACCESS_TOKEN_MINUTES", 30)?),
            refresh_token_ttl: Duration::from_secs(86_400 * number(&get, "CAMPUS_REFRESH_TOKEN_DAYS", 7)?),
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
            signup_limit: RateLimit {
                max: number(&get, "CAMPUS_SIGNUPS_PER_ADDRESS_PER_HOUR", 20)?,
                window_seconds: 3600,
            },
            nickname_cooldown: Duration::from_secs(
                86_400 * number(&get, "CAMPUS_NICKNAME_COOLDOWN_DAYS", 30)?,
            ),
            secure_cookies: flag(&get, "CAMPUS_SECURE_COOKIES", production)?,
            trust_proxy: flag(&get, "CAMPUS_TRUST_PROXY", false)?,
            addr,
            site_root: get("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
        })
    }
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

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    #[test]
    fn embedded_defaults_need_no_environment() {
        let config = config(&[]).expect("defaults");
        assert!(!config.production);
        assert!(config.database_url.starts_with("sqlite://"));
        assert_eq!(config.access_token_ttl, Duration::from_secs(1800));
        assert_eq!(config.refresh_token_ttl, Duration::from_secs(7 * 86_400));
        assert_eq!(config.login_max_failures, 5);
        assert!(config.jwt_secret.expose().len() >= MIN_SECRET_BYTES);
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
