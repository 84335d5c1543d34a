//! View pieces reused across pages.

pub mod field;
pub mod post_feed;
pub mod relative_time;
pub mod report_form;
pub mod require_login;
pub mod status;
pub mod tab_bar;
