//! Writing, editing and deleting posts, with the rules that hold them:
//!
//! - **The posting interval.** A student posts at most once per board per configured interval (30 seconds).
//! - **The duplicate rule.** Nobody posts the same title and body as their own previous post, anywhere.
//! - **The question lock.** A question post that has had a comment — even one deleted since — can be neither
//!   edited nor deleted, and its question flag never comes off: answers never lose what they answered.
//!
//! Each check and its write share one transaction that holds a row lock (the author's for a new post, the
//! post's for a change, which every comment also takes), so two requests at the same moment cannot both pass
//! a check on PostgreSQL; on SQLite writers take turns anyway.

use crate::error::AppError;
use crate::model::community::{validate_post, PostInput};
use crate::model::images::parse_attachments;
use crate::model::Me;
use crate::server::db::posts::{self as rows, Authorship, NewPost};
use crate::server::now;
use crate::server::state::AppState;
use crate::text::{self, community as t};

/// Writes a post on a board of the student's school, with the student's waiting photo uploads (`images`:
/// the form's list of ids, see `model::images::parse_attachments`); the board decides anonymity when it
/// forces or forbids it. Returns the new post's id.
#[tracing::instrument(skip_all, fields(user = me.id, board_id))]
pub async fn write(
    state: &AppState,
    me: &Me,
    board_id: i64,
    input: PostInput,
    images: Option<&str>,
) -> Result<i64, AppError> {
    let (title, body) = validate_post(&input.title, &input.body)?;
    let image_ids = parse_attachments(images, crate::server::images::limits_of(state))?;
    let board = state.boards.find(me.school_id, board_id).ok_or(AppError::NotFound)?;
    let now = now();
    let interval = state.config.post_interval_seconds;
    let mut tx = state.db.begin_for_student(me.id).await?;
    if let Some(last) =
        rows::last_on_board(&mut tx, me.id, board.id).await?.filter(|last| now - last < interval)
    {
        return Err(AppError::TooManyRequests(text::fill(t::POSTING_TOO_FAST, interval - (now - last))));
    }
    if rows::latest_text(&mut tx, me.id).await?.is_some_and(|(t, b)| t == title && b == body) {
        return Err(AppError::field("body", t::DUPLICATE_POST));
    }
    let post = NewPost {
        board_id: board.id,
        school_id: me.school_id,
        author_id: me.id,
        title: &title,
        body: &body,
        anonymous: board.anonymity.resolve(input.anonymous),
        question: input.question,
    };
    let id = rows::insert(&mut tx, &post, now).await?;
    crate::server::images::attach(&mut tx, me, id, &image_ids).await?;
    tx.commit().await?;
    Ok(id)
}

/// The author changes their post's title, body or question flag.
#[tracing::instrument(skip_all, fields(user = me.id, post_id))]
pub async fn edit(state: &AppState, me: &Me, post_id: i64, input: PostInput) -> Result<(), AppError> {
    let (title, body) = validate_post(&input.title, &input.body)?;
    let mut tx = state.db.begin_for_post(post_id).await?;
    let post = rows::authorship(&mut tx, me.school_id, post_id).await?.ok_or(AppError::NotFound)?;
    may_change(&post, me)?;
    if post.is_question.into() && !input.question {
        return Err(AppError::field("question", t::QUESTION_FLAG_FIXED));
    }
    rows::update(&mut tx, post_id, &title, &body, input.question, now()).await?;
    tx.commit().await?;
    Ok(())
}

/// The author deletes their post (soft delete: gone from every list, its thread no longer readable). Its
/// photos are deleted outright: a student who takes a post down expects its pictures gone.
#[tracing::instrument(skip_all, fields(user = me.id, post_id))]
pub async fn delete(state: &AppState, me: &Me, post_id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_for_post(post_id).await?;
    let post = rows::authorship(&mut tx, me.school_id, post_id).await?.ok_or(AppError::NotFound)?;
    may_change(&post, me)?;
    rows::soft_delete(&mut tx, post_id, now()).await?;
    let photos = crate::server::images::detach(&mut tx, post_id).await?;
    tx.commit().await?;
    crate::server::images::forget(state, &photos).await;
    Ok(())
}

/// Whether a post is a question that has been answered (see the module comment).
pub fn question_locked(is_question: bool, first_comment_at: Option<i64>) -> bool {
    is_question && first_comment_at.is_some()
}

/// Only the author changes a post, and not a locked question.
fn may_change(post: &Authorship, me: &Me) -> Result<(), AppError> {
    if post.author_id != me.id {
        return Err(AppError::Forbidden(t::NOT_YOURS.into()));
    }
    if question_locked(post.is_question.into(), post.first_comment_at) {
        return Err(AppError::Conflict(t::QUESTION_LOCKED.into()));
    }
    Ok(())
}
