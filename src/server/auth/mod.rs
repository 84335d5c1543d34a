//! Authentication: password hashing, tokens, cookies, the per-request identity, and the account operations
//! (sign-up, log-in, refresh, log-out) that the server functions in `api::auth` call.
//!
//! A login is a row in `sessions`. The browser holds two HttpOnly cookies: a short-lived JWT access token
//! naming the user and the session, and a single-use refresh token. Every request checks the access token's
//! signature and that its session is still live, so log-out and theft detection take effect at once.

pub mod accounts;
pub mod cookies;
pub mod identity;
pub mod password;
pub mod tokens;

pub use identity::{ClientAddr, Identity};
