//! A list of posts with "더 보기": the first page comes rendered from the server; further pages are fetched
//! and appended once the page is interactive, and before that the button is a plain link to the next page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::relative_time::{now_seconds, relative_time};
use crate::error::AppError;
use crate::model::community::{PostPage, PostSummary};
use crate::text::community as t;

/// `more` fetches the page after a cursor; `href` is the no-JavaScript link to that page.
///
/// A search page may come back short, even empty, with a cursor to continue into older posts (a search looks
/// through a bounded number of posts per request): `searching` labels the button and the empty state for that.
#[component]
pub fn PostFeed(
    first: PostPage,
    more: Action<i64, Result<PostPage, AppError>>,
    #[prop(into)] href: Callback<i64, String>,
    empty_text: &'static str,
    #[prop(optional)] searching: bool,
) -> impl IntoView {
    let (extra, set_extra) = signal(Vec::<PostSummary>::new());
    let (cursor, set_cursor) = signal(first.next_cursor);
    let (error, set_error) = signal(None::<String>);
    // What the empty state says while no post has been found: a search with older posts left to look
    // through has not finished.
    let empty_state = move || {
        extra.with(Vec::is_empty).then(|| {
            let text = if searching && cursor.get().is_some() { t::NO_RESULTS_YET } else { empty_text };
            view! { <p class="card empty-state">{text}</p> }
        })
    };
    // Only answers to this feed's own requests count: the action may carry an older page's result.
    let started_at = more.version().get_untracked();
    Effect::new(move || {
        if more.version().get() <= started_at {
            return;
        }
        match more.value().get_untracked() {
            Some(Ok(page)) => {
                set_extra.update(|posts| posts.extend(page.posts));
                set_cursor.set(page.next_cursor);
                set_error.set(None);
            }
            Some(Err(e)) => set_error.set(Some(e.to_string())),
            None => {}
        }
    });
    let empty = first.posts.is_empty();
    let more_label = if searching { t::SEARCH_OLDER } else { t::MORE };
    view! {
        {empty.then_some(empty_state)}
        <ul class="post-list" data-testid="post-list">
            {first.posts.into_iter().map(|post| view! { <PostItem post /> }).collect_view()}
            <For each=move || extra.get() key=|post| post.id let:post>
                <PostItem post />
            </For>
        </ul>
        <p class="form-error" role="alert">{move || error.get()}</p>
        {move || cursor.get().map(|next| view! {
            <a
                class="button block more"
                href=href.run(next)
                aria-busy=move || more.pending().get().then_some("true")
                on:click=move |ev| {
                    ev.prevent_default();
                    more.dispatch(next);
                }
            >
                {more_label}
            </a>
        })}
    }
}

/// One post in a list: title, excerpt, and a line of time, author and counts.
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
                    <span class="board-tag">{post.board_name}</span>
                    <span class="count like" aria-label=t::LIKE>{post.like_count}</span>
                    <span class="count comment" aria-label=t::COMMENTS>{post.comment_count}</span>
                </p>
            </A>
        </li>
    }
}
