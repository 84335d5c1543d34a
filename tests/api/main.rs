//! Integration tests: the whole app on a random port with a fresh database per test, driven over HTTP.
//!
//! SQLite by default. With `CAMPUS_TEST_DATABASE_URL=postgres://…` every test runs on its own new database
//! on that server instead (the README's test command runs the suite both ways).
//!
//! Tests run on a multi-threaded runtime, as the server does in production (`#[tokio::main]`), so that the
//! app under test schedules its work the way it really does.

// Test code may panic on the unexpected: that is how a test fails.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod abuse;
mod account;
mod accounts;
mod anonymity;
mod assets;
mod authorization;
mod backup;
mod bad_input;
mod community;
mod crash;
mod friends;
mod gpa;
mod helpers;
mod home;
mod images;
mod messages;
mod moderation;
mod notifications;
mod pages;
mod pool;
mod reviews;
mod scale_out;
mod schema;
mod timetable;
mod timetable_share;
mod tokens;
