//! Boards, posts, comments, 공감, 스크랩 and 신고. Each function finds out who is asking and calls one service
//! (`server::community`, `server::moderation`), which owns the rules and the refusals.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::checked;
use crate::error::AppError;
use crate::model::codes::Pick;
use crate::model::community::{
    Board, BoardListing, ListKind, ModerationAction, PostDetail, PostPage, QueuePosition, ReportReason,
    ReportTarget, ReviewQueuePage, SideLists,
};
use crate::model::images::ImageLimits;
#[cfg(feature = "ssr")]
use crate::{
    model::community::{CommentInput, PostInput, SIDE_PREVIEW},
    server::{auth::identity::require_student, community, moderation, state::app_state, timetable},
};

#[server(prefix = "/api", endpoint = "boards")]
pub async fn list_boards() -> Result<Vec<Board>, AppError> {
    community::boards(&app_state()?, &require_student()?.me).await
}

#[server(prefix = "/api", endpoint = "boards/get")]
pub async fn get_board(board_id: i64) -> Result<Board, AppError> {
    community::board(&app_state()?, &require_student()?.me, board_id).await
}

#[server(prefix = "/api", endpoint = "boards/posts")]
pub async fn board_posts(board_id: i64, before: Option<i64>) -> Result<BoardListing, AppError> {
    community::board_listing(&app_state()?, &require_student()?.me, board_id, before).await
}

/// The second column of a wide screen, in one call: a few posts of HOT and of BEST, and today's classes.
/// Only the browser asks, after hydration and on a wide screen (`components::side_column`), so no page
/// render pays for it.
#[server(prefix = "/api", endpoint = "side")]
pub async fn side_column_lists() -> Result<SideLists, AppError> {
    let (state, student) = (app_state()?, require_student()?);
    let (hot, best) = community::hot_and_best(&state, &student.me, SIDE_PREVIEW).await?;
    let today = timetable::today(&state, &student.me).await?;
    Ok(SideLists { hot, best, today })
}

/// The lists that are not boards; a search takes `query` (at least 2 characters; each page looks through a
/// bounded range of posts, so it may be short or empty and still have a next cursor).
#[server(prefix = "/api", endpoint = "posts/list")]
pub async fn list_posts(
    kind: Pick<ListKind>,
    query: Option<String>,
    before: Option<i64>,
) -> Result<PostPage, AppError> {
    let student = require_student()?;
    community::list(&app_state()?, &student.me, kind.known("kind")?, query.as_deref(), before).await
}

#[server(prefix = "/api", endpoint = "posts/get")]
pub async fn get_post(post_id: i64) -> Result<PostDetail, AppError> {
    community::post(&app_state()?, &require_student()?.me, post_id).await
}

/// The operator's photo limits, which the write screen checks before it uploads (the server checks again).
#[server(prefix = "/api", endpoint = "images/limits")]
pub async fn photo_limits() -> Result<ImageLimits, AppError> {
    require_student()?;
    Ok(crate::server::images::limits_of(&app_state()?))
}

/// Writes a post with its uploaded photos and goes to it.
#[server(prefix = "/api", endpoint = "posts/write")]
pub async fn write_post(
    board_id: i64,
    title: String,
    body: String,
    anonymous: Option<String>,
    question: Option<String>,
    images: Option<String>,
) -> Result<i64, AppError> {
    let student = require_student()?;
    let input = PostInput { title, body, anonymous: checked(&anonymous), question: checked(&question) };
    let id = community::posts::write(&app_state()?, &student.me, board_id, input, images.as_deref()).await?;
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
    let student = require_student()?;
    let input = PostInput { title, body, anonymous: false, question: checked(&question) };
    community::posts::edit(&app_state()?, &student.me, post_id, input).await?;
    leptos_axum::redirect(&format!("/posts/{post_id}"));
    Ok(())
}

/// Deletes one's own post; then goes to `next` when a confirmation page asks (see [`super::go_next`]).
#[server(prefix = "/api", endpoint = "posts/delete")]
pub async fn delete_post(post_id: i64, next: Option<String>) -> Result<(), AppError> {
    community::posts::delete(&app_state()?, &require_student()?.me, post_id).await?;
    super::go_next(next.as_deref());
    Ok(())
}

#[server(prefix = "/api", endpoint = "comments/write")]
pub async fn write_comment(
    post_id: i64,
    parent_id: Option<i64>,
    body: String,
    anonymous: Option<String>,
) -> Result<i64, AppError> {
    let student = require_student()?;
    let input = CommentInput { post_id, parent_id, body, anonymous: checked(&anonymous) };
    community::comments::write(&app_state()?, &student.me, input).await
}

#[server(prefix = "/api", endpoint = "comments/edit")]
pub async fn edit_comment(comment_id: i64, body: String) -> Result<(), AppError> {
    community::comments::edit(&app_state()?, &require_student()?.me, comment_id, &body).await
}

/// Deletes one's own comment; then goes to `next` when a confirmation page asks.
#[server(prefix = "/api", endpoint = "comments/delete")]
pub async fn delete_comment(comment_id: i64, next: Option<String>) -> Result<(), AppError> {
    community::comments::delete(&app_state()?, &require_student()?.me, comment_id).await?;
    super::go_next(next.as_deref());
    Ok(())
}

/// 공감 on a post; returns the new count, or goes to `next` when a confirmation page asks.
#[server(prefix = "/api", endpoint = "posts/like")]
pub async fn like_post(post_id: i64, next: Option<String>) -> Result<i64, AppError> {
    let likes = community::reactions::like_post(&app_state()?, &require_student()?.me, post_id).await?;
    super::go_next(next.as_deref());
    Ok(likes)
}

/// 공감 on a comment; returns the new count, or goes to `next` when a confirmation page asks.
#[server(prefix = "/api", endpoint = "comments/like")]
pub async fn like_comment(comment_id: i64, next: Option<String>) -> Result<i64, AppError> {
    let likes = community::reactions::like_comment(&app_state()?, &require_student()?.me, comment_id).await?;
    super::go_next(next.as_deref());
    Ok(likes)
}

/// 스크랩 (`scrapped = true`) or un-scrap; returns the new state. Posted by a plain form (before the page
/// hydrates), it answers with a redirect back to the page.
#[server(prefix = "/api", endpoint = "posts/scrap")]
pub async fn scrap_post(post_id: i64, scrapped: bool) -> Result<bool, AppError> {
    community::reactions::scrap(&app_state()?, &require_student()?.me, post_id, scrapped).await
}

/// 신고 with a reason. Once per student per post or comment.
#[server(prefix = "/api", endpoint = "reports/create")]
pub async fn report(
    target: Pick<ReportTarget>,
    target_id: i64,
    reason: Pick<ReportReason>,
) -> Result<(), AppError> {
    let student = require_student()?;
    let target = target.known("target")?;
    let reason = reason.known_or("reason", crate::text::community::REPORT_REASON_INVALID)?;
    moderation::report(&app_state()?, &student.me, target, target_id, reason).await
}

/// One page of the admin's review queue for their school, after `after` (the first page without it).
#[server(prefix = "/api", endpoint = "reports/queue")]
pub async fn moderation_queue(after: Option<QueuePosition>) -> Result<ReviewQueuePage, AppError> {
    moderation::queue(&app_state()?, &require_student()?.me, after).await
}

/// An admin restores or removes reported content.
#[server(prefix = "/api", endpoint = "reports/moderate")]
pub async fn moderate(
    target: Pick<ReportTarget>,
    target_id: i64,
    action: Pick<ModerationAction>,
) -> Result<(), AppError> {
    let student = require_student()?;
    let (target, action) = (target.known("target")?, action.known("action")?);
    moderation::decide(&app_state()?, &student.me, target, target_id, action).await
}
