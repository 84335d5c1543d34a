//! The second column of a wide screen (≥ 1,024 px), as 에브리타임's web keeps one beside every page: a few
//! of the newest HOT and BEST posts, and today's classes from the student's primary timetable.
//!
//! Only a wide screen shows it, so neither the server nor a phone pays for it. The server renders the column
//! empty (the layout reserves its width, so nothing moves when it fills), and the browser fetches its lists
//! in one call ([`side_column_lists`]) once hydration has finished and `matchMedia` says the screen is wide: on a
//! phone never, and in a window widened later when it becomes wide. The lists are fetched once per login
//! and stay while the student moves between pages.

use leptos::prelude::*;

use crate::api::community::side_column_lists;
use crate::components::post_feed::Counts;
use crate::error::AppError;
use crate::model::community::{ListKind, PostSummary, SideLists};
use crate::model::timetable::{clock, TodayClass};
use crate::session::use_session;
use crate::text::{app as t, community as ct};

/// The media query of the wide layout; `style/main.css` switches to it at the same width.
pub const WIDE_SCREEN: &str = "(min-width: 1024px)";

/// What the column holds: nothing asked yet (on the server, on a phone), on its way, or the answer.
#[derive(Clone, Debug)]
enum Column {
    Idle,
    Loading,
    Ready(Result<SideLists, AppError>),
}

impl Column {
    /// For tests (`data-state`): whether the column has its content yet.
    fn state(&self) -> &'static str {
        match self {
            Column::Idle => "idle",
            Column::Loading => "loading",
            Column::Ready(Ok(_)) => "loaded",
            Column::Ready(Err(_)) => "failed",
        }
    }
}

#[component]
pub fn SideColumn() -> impl IntoView {
    let session = use_session();
    let wide = wide_screen();
    let column = RwSignal::new(Column::Idle);
    let student = move || match session.user.get() {
        Some(Ok(Some(me))) => Some(me.id),
        _ => None,
    };
    // Runs in the browser only. Returns the login whose lists were asked for, so that they are asked once per
    // login, not again on every page.
    Effect::new(move |asked_for: Option<Option<i64>>| {
        let asked_for = asked_for.flatten();
        let Some(id) = student() else {
            column.set(Column::Idle);
            return None;
        };
        if !wide.get() || asked_for == Some(id) {
            return asked_for;
        }
        column.set(Column::Loading);
        leptos::task::spawn_local(async move { column.set(Column::Ready(side_column_lists().await)) });
        Some(id)
    });
    view! {
        <Transition>
            <Show when=move || student().is_some()>
                <aside
                    class="side-column"
                    aria-label=t::SIDE_COLUMN
                    data-testid="side-column"
                    data-state=move || column.with(Column::state)
                >
                    {move || match column.get() {
                        Column::Idle => None,
                        Column::Loading => Some(view! { <p class="loading">{t::LOADING}</p> }.into_any()),
                        Column::Ready(Err(error)) => {
                            Some(view! { <p class="form-error" role="alert">{error.to_string()}</p> }.into_any())
                        }
                        Column::Ready(Ok(lists)) => Some(view! { <Lists lists /> }.into_any()),
                    }}
                </aside>
            </Show>
        </Transition>
    }
}

#[component]
fn Lists(lists: SideLists) -> impl IntoView {
    view! {
        <SidePosts kind=ListKind::Hot title=ct::HOT_ON_HOME posts=lists.hot />
        <SidePosts kind=ListKind::Best title=ct::BEST_ON_HOME posts=lists.best />
        <section class="side-section">
            <header class="section-header">
                <h2>{t::TODAY_CLASSES}</h2>
                <a href="/timetable">{t::TAB_TIMETABLE}</a>
            </header>
            {match lists.today {
                None => view! { <p class="side-empty">{t::NO_TIMETABLE}</p> }.into_any(),
                Some(classes) if classes.is_empty() => view! { <p class="side-empty">{t::NO_CLASSES_TODAY}</p> }.into_any(),
                Some(classes) => view! {
                    <ul class="today-list">
                        {classes.into_iter().map(|class| view! { <TodayItem class /> }).collect_view()}
                    </ul>
                }
                .into_any(),
            }}
        </section>
    }
}

/// A few posts of HOT or BEST: one line of title each, with the 공감 and 댓글 counts (also on the home).
#[component]
pub fn SidePosts(kind: ListKind, title: &'static str, posts: Vec<PostSummary>) -> impl IntoView {
    view! {
        <section class="side-section">
            <header class="section-header">
                <h2>{title}</h2>
                <a href=format!("/lists/{kind}")>{ct::SEE_ALL}<span class="visually-hidden">{format!(" {title}")}</span></a>
            </header>
            {if posts.is_empty() {
                view! { <p class="side-empty">{kind.empty_text()}</p> }.into_any()
            } else {
                view! {
                    <ul class="side-posts">
                        {posts.into_iter().map(|post| view! {
                            <li>
                                <a href=format!("/posts/{}", post.id)>
                                    <span class="side-post-title">{post.title}</span>
                                    <Counts likes=post.like_count comments=post.comment_count />
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// One of today's classes: its time, name and room (also on the home).
#[component]
pub fn TodayItem(class: TodayClass) -> impl IntoView {
    view! {
        <li class="today-item">
            <span class="today-time">{format!("{}–{}", clock(class.start_minute), clock(class.end_minute))}</span>
            <span class="today-name">{class.name}</span>
            {(!class.room.is_empty()).then(|| view! { <span class="today-room">{class.room}</span> })}
        </li>
    }
}

/// Whether the screen is wide ([`WIDE_SCREEN`]), followed as the window changes. False on the server and
/// until hydration has finished: the page is rendered as on a phone, and the column fills in afterwards.
fn wide_screen() -> ReadSignal<bool> {
    let (wide, set_wide) = signal(false);
    Effect::new(move || {
        if crate::hydration::hydrated() {
            media::follow(WIDE_SCREEN, set_wide);
        }
    });
    wide
}

#[cfg(feature = "hydrate")]
mod media {
    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    /// Sets `matches` now and whenever the query's answer changes. The listener lives as long as the page:
    /// the app shell that asks is never unmounted.
    pub fn follow(query: &str, matches: WriteSignal<bool>) {
        let Ok(Some(list)) = window().match_media(query) else { return };
        matches.set(list.matches());
        let watched = list.clone();
        let on_change = Closure::<dyn FnMut()>::new(move || matches.set(watched.matches()));
        let _ = list.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        on_change.forget();
    }
}

#[cfg(not(feature = "hydrate"))]
mod media {
    use leptos::prelude::*;

    /// The server has no screen.
    pub fn follow(_query: &str, _matches: WriteSignal<bool>) {}
}
