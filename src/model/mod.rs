//! Types shared by the server and the browser, and the validation rules both apply.
//!
//! The browser runs the same validation for quick feedback; the server runs it again and is the authority.
//! Secrets (password hashes, token hashes) never appear here: they live in server-only types.

pub mod account;
pub mod chars;
pub mod codes;
pub mod community;
pub mod friends;
pub mod gpa;
pub mod home;
pub mod images;
pub mod messages;
pub mod notifications;
pub mod reviews;
pub mod school;
pub mod theme;
pub mod time;
pub mod timetable;
pub mod week_grid;

pub use account::{LoginResult, Me, SignupInput};
pub use school::{Department, School, SchoolDirectory};
