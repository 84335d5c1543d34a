//! Authentication: password hashing, tokens, cookies, the life of a login, and the per-request identity.
//! The account operations that use them (sign-up, log-in, the settings) are the `server::accounts` service.
//!
//! A login is a row in `sessions`. The browser holds two HttpOnly cookies: a short-lived JWT access token
//! naming the user and the session, and a single-use refresh token. Every request checks the access token's
//! signature and that its session is still live, so log-out and theft detection take effect at once.

pub mod cookies;
pub mod identity;
pub mod logins;
pub mod password;
pub mod tokens;

pub use identity::{ClientAddr, Identity};
