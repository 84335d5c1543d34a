//! The bottom tab bar (홈 · 게시판 · 시간표 · 친구 · 알림 · 내 정보), shown to logged-in students, with the
//! unread 알림 count that the live stream keeps current.

use leptos::prelude::*;
use leptos_router::components::A;
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
    let logged_in = move || matches!(session.user.get(), Some(Ok(Some(_))));
    view! {
        <Transition>
            <Show when=logged_in>
                <nav class="tab-bar" aria-label=t::MAIN_MENU>
                    {tabs
                        .into_iter()
                        .map(|(href, label, icon, shows_unread)| {
                            let current = move || {
                                let path = location.pathname.get();
                                if href == "/" { path == "/" } else { path.starts_with(href) }
                            };
                            view! {
                                <A href=href attr:class="tab" attr:aria-current=move || current().then_some("page")>
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
                                </A>
                            }
                        })
                        .collect_view()}
                </nav>
            </Show>
        </Transition>
    }
}
