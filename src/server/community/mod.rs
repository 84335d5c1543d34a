//! The community's service: boards, lists of posts, threads, and everything a student writes or does there.
//! Every call is confined to the student's school: another school's board, post or comment is not found,
//! exactly like a missing one.
//!
//! Where each rule lives: the posting interval, the duplicate rule and the question lock in [`posts`];
//! who takes an anonymous number and how every author is labelled in [`anonymous`]; the one-level thread and
//! its tombstones in [`views`]; 공감 and 스크랩 in [`reactions`].

pub mod anonymous;
pub mod comments;
pub mod directory;
pub mod heat;
pub mod posts;
pub mod reactions;
pub mod views;

use crate::error::AppError;
use crate::model::community::{
    validate_search, Board, BoardListing, ListKind, PostDetail, PostPage, PostSummary, PAGE_SIZE,
};
use crate::model::Me;
use crate::server::db::posts::Listing;
use crate::server::db::{comments as comment_rows, posts as post_rows};
use crate::server::state::AppState;

/// How many post ids one search request looks through, newest first. A search reads the posts themselves
/// (a substring of Korean text, which no index serves), so it is bounded per request: its cost stays the
/// same however many posts a school has, and the student continues into older posts page by page.
pub const SEARCH_WINDOW: i64 = 5_000;

/// The boards of the student's school, in their order.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn boards(state: &AppState, me: &Me) -> Result<Vec<Board>, AppError> {
    Ok(state.boards.of_school(me.school_id).to_vec())
}

/// A board of the student's school.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn board(state: &AppState, me: &Me, board_id: i64) -> Result<Board, AppError> {
    state.boards.find(me.school_id, board_id).cloned().ok_or(AppError::NotFound)
}

/// A board and one page of its posts, below `before`.
#[tracing::instrument(skip_all, fields(user = me.id, board_id))]
pub async fn board_listing(
    state: &AppState,
    me: &Me,
    board_id: i64,
    before: Option<i64>,
) -> Result<BoardListing, AppError> {
    let board = board(state, me, board_id).await?;
    let (rows, pinned) = post_rows::board_page(&state.db, me.id, board.id, before, PAGE_SIZE + 1).await?;
    Ok(BoardListing { board, pinned, page: views::page(rows, None) })
}

/// The newest `limit` posts of HOT and of BEST, for the second column of a wide screen and for the home.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn hot_and_best(
    state: &AppState,
    me: &Me,
    limit: i64,
) -> Result<(Vec<PostSummary>, Vec<PostSummary>), AppError> {
    let (hot, best) = post_rows::hot_and_best(&state.db, me.school_id, me.id, limit).await?;
    Ok((views::summaries(hot), views::summaries(best)))
}

/// One page of a list that is not a board; a search needs `query`.
#[tracing::instrument(skip_all, fields(user = me.id, kind = %kind))]
pub async fn list(
    state: &AppState,
    me: &Me,
    kind: ListKind,
    query: Option<&str>,
    before: Option<i64>,
) -> Result<PostPage, AppError> {
    let listing = match kind {
        ListKind::Recent => Listing::Recent,
        ListKind::Hot => Listing::Hot,
        ListKind::Best => Listing::Best,
        ListKind::Mine => Listing::Mine,
        ListKind::Commented => Listing::Commented,
        ListKind::Scraps => Listing::Scraps,
        ListKind::Search => {
            return search(state, me, &validate_search(query.unwrap_or_default())?, before).await
        }
    };
    let rows = post_rows::list(&state.db, me.school_id, me.id, &listing, before, PAGE_SIZE + 1).await?;
    Ok(views::page(rows, None))
}

/// One page of search results below `before`, looking through at most [`SEARCH_WINDOW`] post ids. The page
/// may hold fewer than a page of results, even none, and still continue into older posts.
async fn search(state: &AppState, me: &Me, text: &str, before: Option<i64>) -> Result<PostPage, AppError> {
    let Some(newest) = post_rows::newest_id(&state.db, me.school_id).await? else {
        return Ok(PostPage::default());
    };
    let upper = before.unwrap_or(i64::MAX).min(newest + 1);
    // `before` comes from the request: a far-out value must not overflow.
    let floor = upper.saturating_sub(SEARCH_WINDOW);
    let listing = Listing::Search { text: text.to_owned(), floor };
    let rows = post_rows::list(&state.db, me.school_id, me.id, &listing, Some(upper), PAGE_SIZE + 1).await?;
    let older = post_rows::any_older(&state.db, me.school_id, floor).await?;
    Ok(views::page(rows, older.then_some(floor)))
}

/// A post and its thread as the student sees it. Hidden posts show to their author and admins only.
#[tracing::instrument(skip_all, fields(user = me.id, post_id))]
pub async fn post(state: &AppState, me: &Me, post_id: i64) -> Result<PostDetail, AppError> {
    let db = &state.db;
    let post = post_rows::find(db, me.school_id, post_id, me.id).await?.ok_or(AppError::NotFound)?;
    let board = state.boards.find(me.school_id, post.board_id).cloned().ok_or(AppError::NotFound)?;
    let comments = comment_rows::for_post(db, post_id, me.id).await?;
    // Most posts have no photos: their count on the row spares them the query.
    let images =
        if post.image_count > 0 { crate::server::images::of_post(state, post_id).await? } else { vec![] };
    Ok(views::detail(post, board, comments, images, me.id))
}
