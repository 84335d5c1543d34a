//! Everything that runs only on the server: configuration, state, authentication, the database and the HTTP
//! stack around the Leptos app. Compiled with the `ssr` feature only.

pub mod accounts;
pub mod auth;
pub mod bundle;
pub mod catalogue;
pub mod community;
pub mod config;
pub mod db;
pub mod error;
pub mod friends;
pub mod gpa;
pub mod home;
pub mod http;
pub mod images;
pub mod limits;
pub mod live;
pub mod messages;
pub mod moderation;
pub mod notifications;
pub mod operator;
pub mod reviews;
pub mod start;
pub mod state;
pub mod telemetry;
pub mod timetable;
pub mod timetable_svg;

/// The current time as UTC Unix seconds, the unit every timestamp in the database uses.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// The current time in Unix milliseconds (for paces finer than a second).
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

/// The current calendar year in Korea.
pub fn current_year() -> i64 {
    crate::model::time::KstDate::from_unix(now()).year
}
