//! 신고 (reports) and moderation. A report is an insert that the unique key allows once per student and
//! target; the target's counter moves in the same transaction, and at the threshold the target is hidden
//! pending an admin's review.

use sqlx::FromRow;

use super::{throttle, Db};
use crate::error::AppError;
use crate::model::community::{QueuePosition, ReportTarget, PAGE_SIZE};
use crate::server::config::RateLimit;
use crate::text::community as t;

/// Author and school of a live post or comment, to check a report or a moderation against.
async fn target_owner(
    tx: &mut super::Tx,
    school_id: i64,
    target: ReportTarget,
    id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let sql = match target {
        ReportTarget::Post => {
            "SELECT author_id FROM posts WHERE id = $1 AND school_id = $2 AND deleted_at IS NULL"
        }
        ReportTarget::Comment => {
            "SELECT c.author_id FROM comments c JOIN posts p ON p.id = c.post_id \
             WHERE c.id = $1 AND p.school_id = $2 AND c.deleted_at IS NULL AND p.deleted_at IS NULL"
        }
    };
    sqlx::query_scalar(sql).bind(id).bind(school_id).fetch_optional(&mut **tx).await
}

fn table(target: ReportTarget) -> &'static str {
    match target {
        ReportTarget::Post => "posts",
        ReportTarget::Comment => "comments",
    }
}

#[allow(clippy::too_many_arguments)]
pub async fn report(
    db: &Db,
    school_id: i64,
    target: ReportTarget,
    id: i64,
    reporter_id: i64,
    reason: i64,
    hide_threshold: i64,
    limit: RateLimit,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    let author = target_owner(&mut tx, school_id, target, id).await?.ok_or(AppError::NotFound)?;
    if author == reporter_id {
        return Err(AppError::Forbidden(t::OWN_REPORT.into()));
    }
    let inserted = sqlx::query(
        "INSERT INTO reports (target_kind, target_id, reporter_id, reason, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (target_kind, target_id, reporter_id) DO NOTHING",
    )
    .bind(target.key())
    .bind(id)
    .bind(reporter_id)
    .bind(reason)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(AppError::Conflict(t::ALREADY_REPORTED.into()));
    }
    // Counted after the checks above, so that a refusal for those reasons says what is really wrong.
    throttle::take(&mut tx, limit, throttle::Action::Report, &reporter_id.to_string(), now).await?;
    let sql = format!(
        "UPDATE {} SET report_count = report_count + 1, \
         is_hidden = CASE WHEN report_count + 1 >= $2 THEN 1 ELSE is_hidden END WHERE id = $1",
        table(target)
    );
    sqlx::query(&sql).bind(id).bind(hide_threshold).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

/// A reported post or comment, without anything about its author.
#[derive(Debug, FromRow)]
pub struct ReportedRow {
    pub target_kind: String,
    pub id: i64,
    pub post_id: i64,
    pub title: Option<String>,
    pub body_head: String,
    pub report_count: i64,
    pub is_hidden: i64,
}

/// One page of the school's reported content after `after`: hidden first, then by report count, then posts
/// before comments, newest first (fetched one longer than a page, so the caller knows whether more follow).
/// Keyset paging on that whole order: deciding on items never shifts the pages after them.
pub async fn queue(
    db: &Db,
    school_id: i64,
    after: Option<QueuePosition>,
) -> Result<Vec<ReportedRow>, sqlx::Error> {
    // With no position, one past the start of the order: no item is hidden more than 1.
    let (hidden, reports, kind, id) = match after {
        Some(p) => (i64::from(p.is_hidden), p.report_count, p.target.key(), p.id),
        None => (2, i64::MAX, "post", i64::MAX),
    };
    sqlx::query_as(
        "SELECT target_kind, id, post_id, title, body_head, report_count, is_hidden FROM ( \
           SELECT 'post' AS target_kind, p.id, p.id AS post_id, p.title, SUBSTR(p.body, 1, 200) AS body_head, \
                  p.report_count, p.is_hidden \
           FROM posts p WHERE p.school_id = $1 AND p.report_count > 0 AND p.deleted_at IS NULL \
           UNION ALL \
           SELECT 'comment' AS target_kind, c.id, c.post_id, NULL AS title, SUBSTR(c.body, 1, 200) AS body_head, \
                  c.report_count, c.is_hidden \
           FROM comments c JOIN posts p ON p.id = c.post_id \
           WHERE p.school_id = $1 AND c.report_count > 0 AND c.deleted_at IS NULL AND p.deleted_at IS NULL \
         ) queue \
         WHERE (is_hidden, report_count, target_kind, id) < ($2, $3, $4, $5) \
         ORDER BY is_hidden DESC, report_count DESC, target_kind DESC, id DESC LIMIT $6",
    )
    .bind(school_id)
    .bind(hidden)
    .bind(reports)
    .bind(kind)
    .bind(id)
    .bind(PAGE_SIZE + 1)
    .fetch_all(db.pool())
    .await
}

/// An admin's decision: restore (visible again, reports cleared) or remove (soft-deleted).
pub async fn moderate(
    db: &Db,
    school_id: i64,
    target: ReportTarget,
    id: i64,
    remove: bool,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    target_owner(&mut tx, school_id, target, id).await?.ok_or(AppError::NotFound)?;
    if remove {
        match target {
            ReportTarget::Comment => super::comments::soft_delete(&mut tx, id, now).await?,
            ReportTarget::Post => {
                sqlx::query("UPDATE posts SET deleted_at = $2 WHERE id = $1")
                    .bind(id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
        }
    } else {
        let sql = format!("UPDATE {} SET is_hidden = 0, report_count = 0 WHERE id = $1", table(target));
        sqlx::query(&sql).bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM reports WHERE target_kind = $1 AND target_id = $2")
            .bind(target.key())
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
