//! View pieces reused across pages.

pub mod field;
pub mod require_login;
pub mod tab_bar;
