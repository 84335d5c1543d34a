//! The lists that are not boards: HOT, BEST, 내가 쓴 글, 댓글 단 글, 내 스크랩, and search.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::community::list_posts;
use crate::components::loaded::Loaded;
use crate::components::post_feed::PostFeed;
use crate::components::require_login::{encode_query_value, RequireLogin};
use crate::error::AppError;
use crate::model::community::ListKind;
use crate::pages::params::{query_before, route_list};
use crate::text::{app, community as t};

#[component]
pub fn ListPage() -> impl IntoView {
    // A list the app does not have is a page that does not exist: 404 without asking the server.
    let (kind, before) = (route_list(), query_before());
    let fetch = move |kind: Option<ListKind>, before: Option<i64>| async move {
        match kind {
            Some(kind) => list_posts(kind.into(), None, before).await,
            None => Err(AppError::NotFound),
        }
    };
    let first_page = Resource::new(move || (kind(), before()), move |(kind, before)| fetch(kind, before));
    let more = Action::new(move |cursor: &i64| fetch(kind(), Some(*cursor)));
    let title = move || kind().map_or(app::NOT_FOUND_TITLE, ListKind::title);
    view! {
        // The title is a plain string, made again when the list changes: leptos_meta reads a title after the
        // page's reactive values are gone, so a closure over the route's params could read a disposed value
        // (under load the server panicked on exactly that).
        {move || view! { <Title text=title() /> }}
        <RequireLogin let:_me>
            <header class="page-header"><h1>{title}</h1></header>
            <Loaded resource=first_page let:page>
                {
                    let key = kind().map(|kind| kind.to_string()).unwrap_or_default();
                    let empty_text = kind().map_or_else(|| t::EMPTY_LIST.to_owned(), ListKind::empty_text);
                    view! {
                        <PostFeed
                            first=page
                            more
                            href=move |next: i64| format!("/lists/{key}?before={next}")
                            empty_text
                        />
                    }
                }
            </Loaded>
        </RequireLogin>
    }
}

/// Search within the school. The form is a plain GET form, so it works before hydration too.
#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let text = move || query.read().get("q").unwrap_or_default();
    let before = query_before();
    let results = Resource::new(
        move || (text(), before()),
        |(text, before)| async move {
            if text.is_empty() {
                Ok(None)
            } else {
                list_posts(ListKind::Search.into(), Some(text), before).await.map(Some)
            }
        },
    );
    let more =
        Action::new(move |cursor: &i64| list_posts(ListKind::Search.into(), Some(text()), Some(*cursor)));
    view! {
        <Title text=t::SEARCH />
        <RequireLogin let:_me>
            <a href="/boards" class="back-link">{t::BOARDS_TITLE}</a>
            // The search box says what the page is; the heading says it to a screen reader.
            <h1 class="visually-hidden">{t::SEARCH}</h1>
            <form class="search-form" method="get" action="/search" role="search">
                <label class="visually-hidden" for="search-q">{t::SEARCH}</label>
                // No `minlength`: the browser would answer a one-letter query with its own (English) tooltip;
                // the server's Korean message shows instead.
                <input id="search-q" type="search" name="q" placeholder=t::SEARCH_PLACEHOLDER value=text />
                <button type="submit" class="button primary small">{t::SEARCH}</button>
            </form>
            // Nothing is searched until there is a query.
            <Loaded resource=results let:found>
                {found.map(|page| {
                    let q = text();
                    let link_q = encode_query_value(&q);
                    view! {
                        <PostFeed
                            first=page
                            more
                            href=move |next: i64| format!("/search?q={link_q}&before={next}")
                            empty_text=t::NO_RESULTS
                            searching=q.clone()
                        />
                    }
                })}
            </Loaded>
        </RequireLogin>
    }
}
