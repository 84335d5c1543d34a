//! View pieces reused across pages.

pub mod composer;
pub mod field;
pub mod live;
pub mod loaded;
pub mod more;
pub mod photos;
pub mod pin_toggle;
pub mod post_feed;
pub mod relative_time;
pub mod report_form;
pub mod require_login;
pub mod review_card;
pub mod segmented;
pub mod shared_timetable;
pub mod sheet;
pub mod side_column;
pub mod status;
pub mod tab_bar;
pub mod timetable_grid;

/// Text for the two places where Leptos writes a string into the server-rendered page as it is: the
/// `<title>` (leptos_meta 0.8) and the content of a `<textarea>` (tachys does not escape its children).
/// There a post titled `</title><script>…`, or a body holding `</textarea><script>…`, would end the element
/// and inject markup, so the server escapes `&`, `<` and `>`. The browser sets both as plain text and keeps
/// the text as it is.
pub fn escaped_on_server(text: String) -> String {
    if cfg!(feature = "ssr") {
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    } else {
        text
    }
}

/// Asks the student to confirm in the browser's own dialog (공감, 신고, 삭제 and other acts that stick).
pub fn confirmed(message: &str) -> bool {
    leptos::prelude::window().confirm_with_message(message).unwrap_or(false)
}
