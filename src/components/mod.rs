//! View pieces reused across pages.

pub mod field;
pub mod post_feed;
pub mod relative_time;
pub mod report_form;
pub mod require_login;
pub mod status;
pub mod tab_bar;
pub mod timetable_grid;

/// Asks the student to confirm in the browser's own dialog (공감, 신고, 삭제 and other acts that stick).
pub fn confirmed(message: &str) -> bool {
    leptos::prelude::window().confirm_with_message(message).unwrap_or(false)
}
