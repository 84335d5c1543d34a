//! Writing, editing and deleting comments and replies. Replies are one level deep, as in 에브리타임: a reply
//! to a reply attaches to the same top-level comment. A comment on someone else's post is a point of that
//! post's 실시간 인기 score ([`heat`]), taken back when the comment is deleted.

use super::anonymous::PostAuthor;
use super::heat;
use crate::error::AppError;
use crate::model::community::{validate_comment, Anonymity, CommentInput};
use crate::model::notifications::NotificationKind;
use crate::model::Me;
use crate::server::db::comments::{self as rows, NewComment};
use crate::server::db::throttle::Action;
use crate::server::db::Tx;
use crate::server::notifications::{notify, Cause};
use crate::server::state::AppState;
use crate::server::{limits, now};
use crate::text::community as t;

/// Writes a comment (or a reply) and returns its id. A post hidden by reports is frozen until an admin
/// reviews it: nobody adds to it meanwhile. Each student may write a configured number of comments per
/// minute, counted in the same transaction; the transaction holds the post's row lock, so a question's lock
/// never races its first comment, and concurrent commenters get distinct numbers.
#[tracing::instrument(skip_all, fields(user = me.id, post_id = input.post_id))]
pub async fn write(state: &AppState, me: &Me, input: CommentInput) -> Result<i64, AppError> {
    let body = validate_comment(&input.body)?;
    let now = now();
    let mut tx = state.db.begin_for_post(input.post_id).await?;
    let post = rows::commented_post(&mut tx, me.school_id, input.post_id).await?.ok_or(AppError::NotFound)?;
    let anonymous = Anonymity::from_code(post.board_anonymity).resolve(input.anonymous);
    let replied = match input.parent_id {
        None => None,
        Some(parent_id) => {
            Some(rows::replied_comment(&mut tx, input.post_id, parent_id).await?.ok_or(AppError::NotFound)?)
        }
    };
    // A reply to a reply attaches to the same top-level comment.
    let parent_id = input.parent_id.map(|id| replied.as_ref().and_then(|c| c.parent_id).unwrap_or(id));
    limits::take(&mut tx, state.config.comment_limit, Action::Comment, &me.id.to_string(), now).await?;
    let post_author = PostAuthor { id: post.author_id, anonymous: post.is_anonymous.into() };
    if anonymous && post_author.numbers(me.id) {
        rows::assign_anon_number(&mut tx, input.post_id, me.id).await?;
    }
    let comment = NewComment { post_id: input.post_id, parent_id, author_id: me.id, body: &body, anonymous };
    let id = rows::insert(&mut tx, &comment, now).await?;
    if me.id != post_author.id {
        heat::add(&mut tx, input.post_id, 1, now, now).await?;
    }
    let answered =
        Answered { post_author_id: post_author.id, comment_author_id: replied.map(|c| c.author_id) };
    tell_who_it_answers(&mut tx, state, &comment, id, answered, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// The 알림 of a new comment: the author of the comment it replies to hears of a reply, and the post's
/// author of a comment (once: a reply to their own comment on their own post is one notification).
async fn tell_who_it_answers(
    tx: &mut Tx,
    state: &AppState,
    comment: &NewComment<'_>,
    comment_id: i64,
    answered: Answered,
    now: i64,
) -> Result<(), AppError> {
    let cause = |kind, recipient_id| Cause {
        kind,
        recipient_id,
        actor: Some((comment.author_id, comment.anonymous)),
        post_id: Some(comment.post_id),
        comment_id: Some(comment_id),
        conversation_id: None,
    };
    if let Some(comment_author_id) = answered.comment_author_id {
        notify(tx, state, cause(NotificationKind::Reply, comment_author_id), now).await?;
    }
    if answered.comment_author_id != Some(answered.post_author_id) {
        notify(tx, state, cause(NotificationKind::Comment, answered.post_author_id), now).await?;
    }
    Ok(())
}

/// Whom a new comment answers: the post's author, and for a reply the author of the comment replied to.
struct Answered {
    post_author_id: i64,
    comment_author_id: Option<i64>,
}

/// The author changes their comment (shown with "(수정됨)").
#[tracing::instrument(skip_all, fields(user = me.id, comment_id))]
pub async fn edit(state: &AppState, me: &Me, comment_id: i64, body: &str) -> Result<(), AppError> {
    let body = validate_comment(body)?;
    let mut tx = state.db.begin_write().await?;
    own_comment(&mut tx, me, comment_id).await?;
    rows::update(&mut tx, comment_id, &body, now()).await?;
    tx.commit().await?;
    Ok(())
}

/// The author deletes their comment.
#[tracing::instrument(skip_all, fields(user = me.id, comment_id))]
pub async fn delete(state: &AppState, me: &Me, comment_id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    own_comment(&mut tx, me, comment_id).await?;
    remove(&mut tx, comment_id, now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes a comment (its author's delete, or an admin's removal) and takes back the point it gave its
/// post's 실시간 인기 score.
pub async fn remove(tx: &mut Tx, comment_id: i64, now: i64) -> Result<(), sqlx::Error> {
    let removed = rows::soft_delete(tx, comment_id, now).await?;
    if removed.author_id != removed.post_author_id {
        heat::add(tx, removed.post_id, -1, removed.created_at, now).await?;
    }
    Ok(())
}

/// A live comment of the school that the student wrote.
async fn own_comment(tx: &mut Tx, me: &Me, comment_id: i64) -> Result<(), AppError> {
    let (author_id, _post_id) =
        rows::authorship(tx, me.school_id, comment_id).await?.ok_or(AppError::NotFound)?;
    if author_id != me.id {
        return Err(AppError::Forbidden(t::NOT_YOUR_COMMENT.into()));
    }
    Ok(())
}
