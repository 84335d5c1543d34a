//! One board: newest posts first, 20 at a time, and the way to write one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::community::board_posts;
use crate::components::relative_time::{now_seconds, relative_time};
use crate::components::require_login::RequireLogin;
use crate::components::status::{ErrorNotice, Loading};
use crate::model::community::PostSummary;
use crate::text::community as t;

#[component]
pub fn BoardPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let board_id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or_default();
    let before = move || query.read().get("before").and_then(|v| v.parse::<i64>().ok());
    let first_page = Resource::new(move || (board_id(), before()), |(id, before)| board_posts(id, before));
    // Pages loaded with "더 보기" after hydration are appended here; without JavaScript the button is a link.
    let more = Action::new(move |cursor: &i64| board_posts(board_id(), Some(*cursor)));
    let (extra, set_extra) = signal(Vec::<PostSummary>::new());
    let (extra_cursor, set_extra_cursor) = signal(None::<Option<i64>>);
    Effect::new(move || {
        if let Some(Ok(page)) = more.value().get() {
            set_extra.update(|posts| posts.extend(page.page.posts));
            set_extra_cursor.set(Some(page.page.next_cursor));
        }
    });
    Effect::new(move || {
        board_id();
        set_extra.set(Vec::new());
        set_extra_cursor.set(None);
    });

    view! {
        <RequireLogin let:_me>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match first_page.await {
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        Ok(page) => {
                            let board = page.board.clone();
                            let first_cursor = page.page.next_cursor;
                            let cursor = move || extra_cursor.get().unwrap_or(first_cursor);
                            let empty = page.page.posts.is_empty();
                            view! {
                                <Title text=board.name.clone() />
                                <header class="page-header board-header">
                                    <h1>{board.name.clone()}</h1>
                                    <A href=format!("/boards/{}/write", board.id) attr:class="button primary small">
                                        {t::WRITE}
                                    </A>
                                </header>
                                <Show when=move || empty>
                                    <p class="card empty-state">{t::NO_POSTS}</p>
                                </Show>
                                <ul class="post-list" data-testid="post-list">
                                    {page.page.posts.into_iter().map(|post| view! { <PostItem post /> }).collect_view()}
                                    <For each=move || extra.get() key=|post| post.id let:post>
                                        <PostItem post />
                                    </For>
                                </ul>
                                {move || cursor().map(|next| view! {
                                    <a
                                        class="button block more"
                                        href=format!("/boards/{}?before={next}", board.id)
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            more.dispatch(next);
                                        }
                                    >
                                        {t::MORE}
                                    </a>
                                })}
                            }
                            .into_any()
                        }
                    }
                })}
            </Suspense>
        </RequireLogin>
    }
}

/// One post in a list: title, excerpt, and a line of author, time and counts.
#[component]
pub fn PostItem(post: PostSummary) -> impl IntoView {
    let now = now_seconds();
    view! {
        <li class="post-item">
            <A href=format!("/posts/{}", post.id)>
                <p class="post-title">
                    {post.is_question.then(|| view! { <span class="badge">{t::QUESTION}</span> })}
                    {post.title}
                </p>
                <p class="post-excerpt">{post.excerpt}</p>
                <p class="post-meta">
                    <span>{relative_time(post.created_at, now)}</span>
                    <span>{post.author.to_string()}</span>
                    <span class="count like" aria-label=t::LIKE>{post.like_count}</span>
                    <span class="count comment" aria-label="댓글">{post.comment_count}</span>
                </p>
            </A>
        </li>
    }
}
