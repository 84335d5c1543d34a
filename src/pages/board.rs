//! One board: newest posts first, 20 at a time, and the way to write one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::community::board_posts;
use crate::components::post_feed::PostFeed;
use crate::components::require_login::RequireLogin;
use crate::components::status::{ErrorNotice, Loading};
use crate::text::community as t;

#[component]
pub fn BoardPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let board_id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or_default();
    let before = move || query.read().get("before").and_then(|v| v.parse::<i64>().ok());
    let first_page = Resource::new(move || (board_id(), before()), |(id, before)| board_posts(id, before));
    let more = Action::new(move |cursor: &i64| {
        let (id, cursor) = (board_id(), *cursor);
        async move { board_posts(id, Some(cursor)).await.map(|page| page.page) }
    });

    view! {
        <RequireLogin let:_me>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match first_page.await {
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        Ok(page) => {
                            let board = page.board;
                            let id = board.id;
                            view! {
                                <Title text=board.name.clone() />
                                <header class="page-header board-header">
                                    <h1>{board.name.clone()}</h1>
                                    <A href=format!("/boards/{id}/write") attr:class="button primary small">{t::WRITE}</A>
                                </header>
                                <PostFeed
                                    first=page.page
                                    more
                                    href=move |next: i64| format!("/boards/{id}?before={next}")
                                    empty_text=t::NO_POSTS
                                />
                            }
                            .into_any()
                        }
                    }
                })}
            </Suspense>
        </RequireLogin>
    }
}
