//! A list of posts with "더 보기": the first page comes rendered from the server; further pages are fetched
//! and appended once the page is interactive, and before that the button is a plain link to the next page.

use leptos::prelude::*;

use crate::components::relative_time::{now_seconds, relative_time};
use crate::error::AppError;
use crate::model::community::{PostPage, PostSummary};
use crate::text::{community as t, fill, images as t_images};

/// `more` fetches the page after a cursor; `href` is the no-JavaScript link to that page.
///
/// A search page may come back short, even empty, with a cursor to continue into older posts (a search looks
/// through a bounded number of posts per request): `searching` (the query) labels the button and the empty
/// state for that, counts what was found, and marks the query in each title and excerpt. A board's own page
/// sets `in_board`, since every post there is of that board and naming it on each card says nothing.
#[component]
pub fn PostFeed(
    first: PostPage,
    more: Action<i64, Result<PostPage, AppError>>,
    #[prop(into)] href: Callback<i64, String>,
    #[prop(into)] empty_text: String,
    #[prop(optional, into)] searching: Option<String>,
    #[prop(optional)] in_board: bool,
) -> impl IntoView {
    let show = ItemOptions { board: !in_board, highlight: searching.clone().map(|q| q.trim().to_owned()) };
    let (extra, set_extra) = signal(Vec::<PostSummary>::new());
    let (cursor, set_cursor) = signal(first.next_cursor);
    let (error, set_error) = signal(None::<String>);
    // What the empty state says while no post has been found: a search with older posts left to look
    // through has not finished.
    let search_query = searching.clone();
    let empty_state = move || {
        extra.with(Vec::is_empty).then(|| {
            let text = if search_query.is_some() && cursor.get().is_some() {
                t::NO_RESULTS_YET.to_owned()
            } else {
                empty_text.clone()
            };
            view! { <p class="card empty-state" data-testid="empty-list">{text}</p> }
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
    let first_count = first.posts.len();
    // How many posts the search has found so far, and whether older posts are left to look through.
    let result_count = searching.is_some().then_some(move || {
            let found = first_count + extra.with(Vec::len);
            let text = if cursor.get().is_some() { t::RESULT_COUNT_SO_FAR } else { t::RESULT_COUNT };
            (found > 0).then(|| view! { <p class="result-count" role="status" data-testid="result-count">{fill(text, found)}</p> })
        });
    let more_label = if searching.is_some() { t::SEARCH_OLDER } else { t::MORE };
    let extra_show = show.clone();
    view! {
        {result_count}
        {empty.then_some(empty_state)}
        <ul class="post-list" data-testid="post-list">
            {first.posts.into_iter().map(|post| view! { <PostItem post show=show.clone() /> }).collect_view()}
            <For each=move || extra.get() key=|post| post.id let:post>
                <PostItem post show=extra_show.clone() />
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

/// What a list shows of each post beyond the post itself.
#[derive(Clone, Debug)]
pub struct ItemOptions {
    /// The board's name on each card (not on the board's own page).
    pub board: bool,
    /// A search query to mark in the title and excerpt.
    pub highlight: Option<String>,
}

impl Default for ItemOptions {
    fn default() -> Self {
        ItemOptions { board: true, highlight: None }
    }
}

/// One post in a list: title, excerpt, and one line of time, author, board and counts (the author and
/// board shorten first, so the counts always stay on the line).
#[component]
pub fn PostItem(post: PostSummary, #[prop(optional)] show: ItemOptions) -> impl IntoView {
    let now = now_seconds();
    let needle = show.highlight.unwrap_or_default();
    let (title, excerpt) = (highlighted(post.title, &needle), highlighted(post.excerpt, &needle));
    let has_thumb = post.thumbnail.is_some();
    view! {
        <li class="post-item">
            <a href=format!("/posts/{}", post.id) class=has_thumb.then_some("has-thumb")>
                {post.thumbnail.map(|key| view! {
                    <img class="post-thumb" src=key.thumb_url() alt=t_images::HAS_PHOTOS width="60" height="60" loading="lazy" />
                })}
                <p class="post-title">
                    {post.is_question.then(|| view! { <span class="badge">{t::QUESTION}</span> })}
                    {title}
                </p>
                <p class="post-excerpt">{excerpt}</p>
                <p class="post-meta" data-testid="post-meta">
                    <span class="meta-time">{relative_time(post.created_at, now)}</span>
                    <span class="meta-author">{post.author.to_string()}</span>
                    {show.board.then(|| view! { <span class="board-tag">{post.board_name}</span> })}
                    <Counts likes=post.like_count comments=post.comment_count />
                </p>
            </a>
        </li>
    }
}

/// A post's 공감 and 댓글 counts: an icon and the number for the eye, the word for a screen reader (a
/// `<span>` has no role, so an `aria-label` on it would name nothing).
#[component]
pub fn Counts(likes: i64, comments: i64) -> impl IntoView {
    view! {
        <span class="count like-count"><span class="visually-hidden">{t::LIKE}</span>{likes}</span>
        <span class="count comment-count"><span class="visually-hidden">{t::COMMENTS}</span>{comments}</span>
    }
}

/// `text` with every occurrence of `needle` marked (ASCII letters in either case, as the search matches
/// them); the text itself when there is nothing to mark.
fn highlighted(text: String, needle: &str) -> AnyView {
    let spans = match_spans(&text, needle);
    if spans.is_empty() {
        return text.into_any();
    }
    let mut parts = Vec::with_capacity(spans.len() * 2 + 1);
    let mut at = 0;
    for (start, end) in spans {
        parts.push(view! { {text[at..start].to_owned()} }.into_any());
        parts.push(view! { <mark>{text[start..end].to_owned()}</mark> }.into_any());
        at = end;
    }
    parts.push(text[at..].to_owned().into_any());
    parts.collect_view().into_any()
}

/// The byte ranges of `needle` in `text`, left to right, not overlapping. ASCII case folding keeps every
/// byte offset of the folded text valid in the original.
fn match_spans(text: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    let (haystack, needle) = (text.to_ascii_lowercase(), needle.to_ascii_lowercase());
    haystack.match_indices(&needle).map(|(start, found)| (start, start + found.len())).collect()
}

#[cfg(test)]
mod tests {
    use super::match_spans;

    #[test]
    fn a_query_is_found_in_either_ascii_case_and_korean_as_it_is() {
        assert_eq!(match_spans("Rust와 rust 스터디", "RUST"), vec![(0, 4), (8, 12)]);
        assert_eq!(match_spans("중간고사 족보 중간", "중간"), vec![(0, 6), (20, 26)]);
        assert!(match_spans("아무것도", "").is_empty());
        assert!(match_spans("아무것도", "없음").is_empty());
    }
}
