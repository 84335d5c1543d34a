//! Boards, posts, comments, 공감 and 스크랩. Every call needs a login and is confined to the student's school:
//! another school's board, post or comment answers 404, exactly like a missing one.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::model::community::{Board, PostDetail, PostPage};
#[cfg(feature = "ssr")]
use crate::server::{auth::identity::require_student, community, db, now, state::app_state};

/// A board and one page of its posts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardPage {
    pub board: Board,
    pub page: PostPage,
}

/// A checkbox in a form is sent as "on" when ticked and not at all otherwise.
pub fn checked(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|v| matches!(v, "on" | "true" | "1"))
}

#[server(prefix = "/api", endpoint = "boards")]
pub async fn list_boards() -> Result<Vec<Board>, AppError> {
    let (me, _) = require_student()?;
    Ok(db::boards::for_school(&app_state()?.db, me.school_id).await?)
}

#[server(prefix = "/api", endpoint = "boards/get")]
pub async fn get_board(board_id: i64) -> Result<Board, AppError> {
    let (me, _) = require_student()?;
    db::boards::find(&app_state()?.db, me.school_id, board_id).await?.ok_or(AppError::NotFound)
}

#[server(prefix = "/api", endpoint = "boards/posts")]
pub async fn board_posts(board_id: i64, before: Option<i64>) -> Result<BoardPage, AppError> {
    let (me, _) = require_student()?;
    let state = app_state()?;
    let board = db::boards::find(&state.db, me.school_id, board_id).await?.ok_or(AppError::NotFound)?;
    let listing = db::posts::Listing::Board(board.id);
    let rows = db::posts::list(&state.db, me.school_id, me.id, &listing, before).await?;
    Ok(BoardPage { board, page: community::page(rows) })
}

/// The lists that are not boards: `recent` (every board), `hot`, `best`, `mine` (내가 쓴 글), `commented` (댓글 단 글), `scraps`
/// (내 스크랩) and `search` (with `query`, at least 2 characters; each page looks through a bounded range of
/// posts, so it may be short or empty and still have a next cursor).
#[server(prefix = "/api", endpoint = "posts/list")]
pub async fn list_posts(
    kind: String,
    query: Option<String>,
    before: Option<i64>,
) -> Result<PostPage, AppError> {
    use db::posts::Listing;
    let (me, _) = require_student()?;
    let listing = match kind.as_str() {
        "recent" => Listing::Recent,
        "hot" => Listing::Hot,
        "best" => Listing::Best,
        "mine" => Listing::Mine,
        "commented" => Listing::Commented,
        "scraps" => Listing::Scraps,
        "search" => {
            let text = crate::model::community::validate_search(query.as_deref().unwrap_or_default())?;
            let (rows, older) =
                db::posts::search(&app_state()?.db, me.school_id, me.id, text, before).await?;
            return Ok(community::page_or_continue(rows, older));
        }
        _ => return Err(AppError::NotFound),
    };
    let rows = db::posts::list(&app_state()?.db, me.school_id, me.id, &listing, before).await?;
    Ok(community::page(rows))
}

#[server(prefix = "/api", endpoint = "posts/get")]
pub async fn get_post(post_id: i64) -> Result<PostDetail, AppError> {
    let (me, _) = require_student()?;
    community::post_detail(&app_state()?.db, me.school_id, post_id, me.id).await
}

/// Writes a post and goes to it. The board decides whether it is anonymous when the board forces or forbids.
#[server(prefix = "/api", endpoint = "posts/write")]
pub async fn write_post(
    board_id: i64,
    title: String,
    body: String,
    anonymous: Option<String>,
    question: Option<String>,
) -> Result<i64, AppError> {
    let (me, _) = require_student()?;
    let state = app_state()?;
    let (title, body) = crate::model::community::validate_post(&title, &body)?;
    let board = db::boards::find(&state.db, me.school_id, board_id).await?.ok_or(AppError::NotFound)?;
    let post = db::posts::NewPost {
        board_id: board.id,
        school_id: me.school_id,
        author_id: me.id,
        title: &title,
        body: &body,
        anonymous: board.anonymity.resolve(checked(&anonymous)),
        question: checked(&question),
    };
    let id = db::posts::create(&state.db, post, now(), state.config.post_interval_seconds).await?;
    leptos_axum::redirect(&format!("/posts/{id}"));
    Ok(id)
}

#[server(prefix = "/api", endpoint = "posts/edit")]
pub async fn edit_post(
    post_id: i64,
    title: String,
    body: String,
    question: Option<String>,
) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    let (title, body) = crate::model::community::validate_post(&title, &body)?;
    let state = app_state()?;
    db::posts::update(&state.db, me.school_id, post_id, me.id, &title, &body, checked(&question), now())
        .await?;
    leptos_axum::redirect(&format!("/posts/{post_id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "posts/delete")]
pub async fn delete_post(post_id: i64) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    db::posts::delete(&app_state()?.db, me.school_id, post_id, me.id, now()).await
}

#[server(prefix = "/api", endpoint = "comments/write")]
pub async fn write_comment(
    post_id: i64,
    parent_id: Option<i64>,
    body: String,
    anonymous: Option<String>,
) -> Result<i64, AppError> {
    let (me, _) = require_student()?;
    let body = crate::model::community::validate_comment(&body)?;
    let comment = db::comments::NewComment {
        school_id: me.school_id,
        post_id,
        parent_id,
        author_id: me.id,
        body: &body,
        anonymous: checked(&anonymous),
    };
    let state = app_state()?;
    db::comments::create(&state.db, comment, state.config.comment_limit, now()).await
}

#[server(prefix = "/api", endpoint = "comments/edit")]
pub async fn edit_comment(comment_id: i64, body: String) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    let body = crate::model::community::validate_comment(&body)?;
    db::comments::update(&app_state()?.db, me.school_id, comment_id, me.id, &body, now()).await
}

#[server(prefix = "/api", endpoint = "comments/delete")]
pub async fn delete_comment(comment_id: i64) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    db::comments::delete(&app_state()?.db, me.school_id, comment_id, me.id, now()).await
}

/// 공감 on a post; returns the new count.
#[server(prefix = "/api", endpoint = "posts/like")]
pub async fn like_post(post_id: i64) -> Result<i64, AppError> {
    let (me, _) = require_student()?;
    db::reactions::like_post(&app_state()?.db, me.school_id, post_id, me.id, now()).await
}

/// 공감 on a comment; returns the new count.
#[server(prefix = "/api", endpoint = "comments/like")]
pub async fn like_comment(comment_id: i64) -> Result<i64, AppError> {
    let (me, _) = require_student()?;
    db::reactions::like_comment(&app_state()?.db, me.school_id, comment_id, me.id, now()).await
}

/// 스크랩 (`scrapped = true`) or un-scrap; returns the new state.
#[server(prefix = "/api", endpoint = "posts/scrap")]
pub async fn scrap_post(post_id: i64, scrapped: bool) -> Result<bool, AppError> {
    let (me, _) = require_student()?;
    db::reactions::set_scrap(&app_state()?.db, me.school_id, post_id, me.id, scrapped, now()).await
}

/// 신고 with a reason (an index into the reason list). Once per student per post or comment.
#[server(prefix = "/api", endpoint = "reports/create")]
pub async fn report(target: String, target_id: i64, reason: String) -> Result<(), AppError> {
    use crate::model::community::ReportTarget;
    use crate::text::community::{REPORT_REASONS, REPORT_REASON_INVALID};
    let (me, _) = require_student()?;
    let target = ReportTarget::from_key(&target).ok_or(AppError::NotFound)?;
    let reason = reason
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|r| (0..REPORT_REASONS.len() as i64).contains(r))
        .ok_or_else(|| AppError::field("reason", REPORT_REASON_INVALID))?;
    let state = app_state()?;
    let threshold = state.config.report_hide_threshold;
    let limit = state.config.report_limit;
    db::reports::report(&state.db, me.school_id, target, target_id, me.id, reason, threshold, limit, now())
        .await
}

/// One page of the admin's review queue for their school, after `after` (the first page without it).
#[server(prefix = "/api", endpoint = "reports/queue")]
pub async fn moderation_queue(
    after: Option<crate::model::community::QueuePosition>,
) -> Result<crate::model::community::ReviewQueuePage, AppError> {
    use crate::model::community::{excerpt, ReportTarget, ReportedItem, ReviewQueuePage, PAGE_SIZE};
    let me = require_admin()?;
    let mut rows = db::reports::queue(&app_state()?.db, me.school_id, after).await?;
    let more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let items: Vec<ReportedItem> = rows
        .into_iter()
        .filter_map(|row| {
            Some(ReportedItem {
                target: ReportTarget::from_key(&row.target_kind)?,
                id: row.id,
                post_id: row.post_id,
                title: row.title,
                excerpt: excerpt(&row.body_head),
                report_count: row.report_count,
                is_hidden: row.is_hidden != 0,
            })
        })
        .collect();
    let next = if more { items.last().map(ReportedItem::position) } else { None };
    Ok(ReviewQueuePage { items, next })
}

/// An admin restores (`remove = false`) or removes reported content.
#[server(prefix = "/api", endpoint = "reports/moderate")]
pub async fn moderate(target: String, target_id: i64, remove: bool) -> Result<(), AppError> {
    use crate::model::community::ReportTarget;
    let me = require_admin()?;
    let target = ReportTarget::from_key(&target).ok_or(AppError::NotFound)?;
    db::reports::moderate(&app_state()?.db, me.school_id, target, target_id, remove, now()).await
}

#[cfg(feature = "ssr")]
fn require_admin() -> Result<crate::model::Me, AppError> {
    let (me, _) = require_student()?;
    if !me.is_admin {
        return Err(AppError::Forbidden(crate::text::community::ADMIN_ONLY.into()));
    }
    Ok(me)
}
