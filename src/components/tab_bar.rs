//! The bottom tab bar (홈 · 게시판 · 시간표 · 친구 · 내 정보), shown to logged-in students.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::session::use_session;
use crate::text::app as t;

#[component]
pub fn TabBar() -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let tabs = [
        ("/", t::TAB_HOME, "home"),
        ("/boards", t::TAB_BOARDS, "boards"),
        ("/timetable", t::TAB_TIMETABLE, "timetable"),
        ("/friends", t::TAB_FRIENDS, "friends"),
        ("/me", t::TAB_ME, "me"),
    ];
    let logged_in = move || matches!(session.user.get(), Some(Ok(Some(_))));
    view! {
        <Transition>
            <Show when=logged_in>
                <nav class="tab-bar" aria-label=t::MAIN_MENU>
                    {tabs
                        .into_iter()
                        .map(|(href, label, icon)| {
                            let current = move || {
                                let path = location.pathname.get();
                                if href == "/" { path == "/" } else { path.starts_with(href) }
                            };
                            view! {
                                <A href=href attr:class="tab" attr:aria-current=move || current().then_some("page")>
                                    <span class=format!("tab-icon icon-{icon}") aria-hidden="true"></span>
                                    <span class="tab-label">{label}</span>
                                </A>
                            }
                        })
                        .collect_view()}
                </nav>
            </Show>
        </Transition>
    }
}
