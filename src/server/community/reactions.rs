//! 공감 and 스크랩. A 공감 is once per student, never on one's own content, and not undoable; a post reaching
//! [`HOT_LIKES`] enters HOT unless its board is left out of HOT, and one reaching [`BEST_LIKES`] enters BEST
//! whatever its board; its author is told when it enters HOT. Each like is a point of the post's 실시간 인기
//! score ([`heat`]). A 스크랩 is any post but one's own, and can be taken back. Likes and new scraps skip
//! content hidden by reports: it is frozen until an admin reviews it.

use super::heat;
use crate::error::AppError;
use crate::model::community::{BEST_LIKES, HOT_LIKES};
use crate::model::notifications::NotificationKind;
use crate::model::Me;
use crate::server::db::reactions::{self as rows, Thresholds};
use crate::server::notifications::{notify, Cause};
use crate::server::now;
use crate::server::state::AppState;
use crate::text::community as t;

/// 공감 on a post; the new count.
#[tracing::instrument(skip_all, fields(user = me.id, post_id))]
pub async fn like_post(state: &AppState, me: &Me, post_id: i64) -> Result<i64, AppError> {
    let mut tx = state.db.begin_write().await?;
    let (author_id, hot_excluded) =
        rows::likable_post(&mut tx, me.school_id, post_id).await?.ok_or(AppError::NotFound)?;
    if author_id == me.id {
        return Err(AppError::Forbidden(t::OWN_LIKE.into()));
    }
    let thresholds =
        Thresholds { hot_likes: HOT_LIKES, best_likes: BEST_LIKES, hot_allowed: !bool::from(hot_excluded) };
    let now = now();
    let liked = rows::like_post(&mut tx, post_id, me.id, &thresholds, now)
        .await?
        .ok_or_else(|| AppError::Conflict(t::ALREADY_LIKED.into()))?;
    heat::add(&mut tx, post_id, 1, now, now).await?;
    if liked.entered_hot.into() {
        let cause = Cause {
            kind: NotificationKind::Hot,
            recipient_id: author_id,
            actor: None,
            post_id: Some(post_id),
            comment_id: None,
            conversation_id: None,
        };
        notify(&mut tx, state, cause, now).await?;
    }
    tx.commit().await?;
    Ok(liked.likes)
}

/// 공감 on a comment; the new count.
#[tracing::instrument(skip_all, fields(user = me.id, comment_id))]
pub async fn like_comment(state: &AppState, me: &Me, comment_id: i64) -> Result<i64, AppError> {
    let mut tx = state.db.begin_write().await?;
    let author_id =
        rows::likable_comment(&mut tx, me.school_id, comment_id).await?.ok_or(AppError::NotFound)?;
    if author_id == me.id {
        return Err(AppError::Forbidden(t::OWN_LIKE_COMMENT.into()));
    }
    let likes = rows::like_comment(&mut tx, comment_id, me.id, now())
        .await?
        .ok_or_else(|| AppError::Conflict(t::ALREADY_LIKED_COMMENT.into()))?;
    tx.commit().await?;
    Ok(likes)
}

/// 스크랩 (`scrapped`) or un-scrap; whether it is scrapped now. Repeating either is harmless.
#[tracing::instrument(skip_all, fields(user = me.id, post_id))]
pub async fn scrap(state: &AppState, me: &Me, post_id: i64, scrapped: bool) -> Result<bool, AppError> {
    let mut tx = state.db.begin_write().await?;
    let author_id =
        rows::scrappable_post(&mut tx, me.school_id, post_id, scrapped).await?.ok_or(AppError::NotFound)?;
    if author_id == me.id {
        return Err(AppError::Forbidden(t::OWN_SCRAP.into()));
    }
    rows::set_scrap(&mut tx, post_id, me.id, scrapped, now()).await?;
    tx.commit().await?;
    Ok(scrapped)
}
