//! One routed page per file.

pub mod home;
pub mod login;
pub mod me;
pub mod not_found;
pub mod placeholder;
pub mod signup;
