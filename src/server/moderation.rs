//! 신고 and its review: students report others' posts and comments once each, with a reason; at the
//! configured number of distinct reporters the content is hidden from everyone but its author and admins;
//! an admin of the school restores or removes it. Admins see what was written, never who wrote it.
//!
//! A 쪽지 is private: only its recipient can report it, and an admin sees it only once it is reported (the
//! queue holds only reported content, and a decision on anything else is 404). A hidden 쪽지 still shows to
//! its sender; admins never open the conversation.

use crate::error::AppError;
use crate::model::community::{
    excerpt, ModerationAction, QueuePosition, ReportReason, ReportTarget, ReportedItem, ReviewQueuePage,
    PAGE_SIZE,
};
use crate::model::Me;
use crate::server::db::throttle::Action;
use crate::server::db::{messages, posts, reports};
use crate::server::state::AppState;
use crate::server::{limits, now};
use crate::text::community as t;

/// Reports a post or comment of someone else's, once. Reports per student are limited; the limit is counted
/// after the other checks, so that a refusal for those says what is really wrong.
#[tracing::instrument(skip_all, fields(user = me.id, %target, target_id))]
pub async fn report(
    state: &AppState,
    me: &Me,
    target: ReportTarget,
    target_id: i64,
    reason: ReportReason,
) -> Result<(), AppError> {
    let now = now();
    let mut tx = state.db.begin_write().await?;
    let author =
        reports::target_author(&mut tx, me.school_id, target, target_id).await?.ok_or(AppError::NotFound)?;
    if author == me.id {
        return Err(AppError::Forbidden(t::OWN_REPORT.into()));
    }
    if target == ReportTarget::Message {
        let parties = messages::parties(&mut tx, me.school_id, target_id).await?;
        if parties.is_none_or(|parties| parties.recipient_id != me.id) {
            return Err(AppError::NotFound);
        }
    }
    if !reports::insert(&mut tx, target, target_id, me.id, reason, now).await? {
        return Err(AppError::Conflict(t::ALREADY_REPORTED.into()));
    }
    limits::take(&mut tx, state.config.report_limit, Action::Report, &me.id.to_string(), now).await?;
    // A 쪽지 has one possible reporter, its recipient, and their report hides it from them at once.
    let threshold = match target {
        ReportTarget::Message => 1,
        ReportTarget::Post | ReportTarget::Comment => state.config.report_hide_threshold,
    };
    reports::count(&mut tx, target, target_id, threshold).await?;
    tx.commit().await?;
    Ok(())
}

/// One page of the school's review queue after `after`.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn queue(
    state: &AppState,
    me: &Me,
    after: Option<QueuePosition>,
) -> Result<ReviewQueuePage, AppError> {
    require_admin(me)?;
    let mut rows = reports::queue(&state.db, me.school_id, after, PAGE_SIZE + 1).await?;
    let more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let items: Vec<ReportedItem> = rows
        .into_iter()
        .map(|row| ReportedItem {
            target: row.target_kind.0,
            id: row.id,
            post_id: row.post_id,
            title: row.title,
            excerpt: excerpt(&row.body_head),
            report_count: row.report_count,
            is_hidden: row.is_hidden.into(),
        })
        .collect();
    let next = if more { items.last().map(ReportedItem::position) } else { None };
    Ok(ReviewQueuePage { items, next })
}

/// An admin's decision on reported content of their school.
#[tracing::instrument(skip_all, fields(user = me.id, %target, target_id, %action))]
pub async fn decide(
    state: &AppState,
    me: &Me,
    target: ReportTarget,
    target_id: i64,
    action: ModerationAction,
) -> Result<(), AppError> {
    require_admin(me)?;
    let mut tx = state.db.begin_write().await?;
    reports::target_author(&mut tx, me.school_id, target, target_id).await?.ok_or(AppError::NotFound)?;
    if target == ReportTarget::Message {
        let parties = messages::parties(&mut tx, me.school_id, target_id).await?;
        if parties.is_none_or(|parties| parties.report_count == 0) {
            return Err(AppError::NotFound);
        }
    }
    match (action, target) {
        (ModerationAction::Restore, _) => reports::restore(&mut tx, target, target_id).await?,
        (ModerationAction::Remove, ReportTarget::Post) => {
            posts::soft_delete(&mut tx, target_id, now()).await?
        }
        (ModerationAction::Remove, ReportTarget::Comment) => {
            crate::server::community::comments::remove(&mut tx, target_id, now()).await?
        }
        (ModerationAction::Remove, ReportTarget::Message) => {
            messages::soft_delete(&mut tx, target_id, now()).await?
        }
    }
    tx.commit().await?;
    Ok(())
}

fn require_admin(me: &Me) -> Result<(), AppError> {
    if me.is_admin {
        Ok(())
    } else {
        Err(AppError::Forbidden(t::ADMIN_ONLY.into()))
    }
}
