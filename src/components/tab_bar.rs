//! The main menu (홈 · 게시판 · 시간표 · 친구 · 알림 · 내 정보), shown to logged-in students, with the
//! unread 알림 count that the live stream keeps current. One menu for every screen: on a phone it is the
//! bottom tab bar, on a wide screen (≥ 1,024 px) the side navigation at the left of the page, as the
//! stylesheet places it; the destinations, the current one and the badge are the same.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::live::use_live_notifications;
use crate::model::notifications::badge_text;
use crate::session::use_session;
use crate::text::{app as t, fill, notifications as nt};

#[component]
pub fn TabBar() -> impl IntoView {
    let session = use_session();
    let location = use_location();
    // (path, label, icon, whether it carries the unread badge)
    let tabs = [
        ("/", t::TAB_HOME, "home", false),
        ("/boards", t::TAB_BOARDS, "boards", false),
        ("/timetable", t::TAB_TIMETABLE, "timetable", false),
        ("/friends", t::TAB_FRIENDS, "friends", false),
        ("/notifications", nt::TAB, "notifications", true),
        ("/me", t::TAB_ME, "me", false),
    ];
    let live = use_live_notifications();
    let shown = move || matches!(session.user.get(), Some(Ok(Some(_))));
    // A phone puts the bar away while a post is written or edited, where one stray tap on a tab would leave
    // the screen; the side navigation of a wide screen is out of the way and stays.
    let composing = move || is_composing(&location.pathname.get());
    view! {
        <Transition>
            <Show when=shown>
                <nav class="tab-bar" class:composing=composing aria-label=t::MAIN_MENU>
                    <span class="nav-brand" aria-hidden="true">{t::NAME}</span>
                    {tabs
                        .into_iter()
                        .map(|(href, label, icon, shows_unread)| {
                            let current = move || is_current(&location.pathname.get(), href);
                            view! {
                                <a href=href class="tab" aria-current=move || current().then_some("page")>
                                    <span class=format!("tab-icon icon-{icon}") aria-hidden="true"></span>
                                    <span class="tab-label">{label}</span>
                                    {shows_unread.then_some(move || {
                                        let unread = live.0.with(|state| state.unread);
                                        // The count is read out in words; the digits are for the eye.
                                        badge_text(unread).map(|text| view! {
                                            <span class="tab-badge" data-testid="unread-badge" aria-hidden="true">{text}</span>
                                            <span class="visually-hidden">{fill(nt::UNREAD_COUNT, unread)}</span>
                                        })
                                    })}
                                </a>
                            }
                        })
                        .collect_view()}
                </nav>
            </Show>
        </Transition>
    }
}

/// Whether the page at `path` belongs to the tab at `href`: the tab's page and the pages under it, on a
/// segment boundary (`/messages` is not under `/me`). The 쪽지 pages belong to 알림, where the 쪽지함 opens.
fn is_current(path: &str, href: &str) -> bool {
    let under =
        |root: &str| path.strip_prefix(root).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    match href {
        "/" => path == "/",
        "/notifications" => under(href) || under("/messages"),
        _ => under(href),
    }
}

/// Whether `path` is the screen for writing a post (`/boards/3/write`) or editing one (`/posts/7/edit`).
fn is_composing(path: &str) -> bool {
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    matches!(segments.as_slice(), ["", "boards", _, "write"] | ["", "posts", _, "edit"])
}

#[cfg(test)]
mod tests {
    use super::{is_composing, is_current};

    #[test]
    fn a_phone_puts_the_tab_bar_away_while_a_post_is_written_or_edited() {
        assert!(is_composing("/boards/3/write"));
        assert!(is_composing("/posts/7/edit"));
        assert!(!is_composing("/boards/3"));
        assert!(!is_composing("/posts/7"));
        assert!(!is_composing("/write"));
    }

    #[test]
    fn a_tab_is_current_on_its_pages_only() {
        assert!(is_current("/me", "/me"));
        assert!(!is_current("/messages", "/me"), "a shared prefix is not a page under the tab");
        assert!(is_current("/messages/3", "/notifications"));
        assert!(is_current("/boards/2", "/boards"));
        assert!(!is_current("/boards", "/"));
        assert!(is_current("/", "/"));
    }
}
