//! 신고 (reports) and moderation. A report is an insert that the unique key allows once per student and
//! target; the target's counter moves in the same transaction, and at the threshold the target is hidden.
//! Targets are posts, comments and 쪽지 (messages).

use sqlx::{AnyConnection, FromRow};

use super::{Db, Flag, Stored};
use crate::model::community::{QueuePosition, ReportReason, ReportTarget};

const POST_AUTHOR: &str =
    "SELECT author_id FROM posts WHERE id = $1 AND school_id = $2 AND deleted_at IS NULL";
const COMMENT_AUTHOR: &str = "SELECT c.author_id FROM comments c JOIN posts p ON p.id = c.post_id \
     WHERE c.id = $1 AND p.school_id = $2 AND c.deleted_at IS NULL AND p.deleted_at IS NULL";
const MESSAGE_SENDER: &str =
    "SELECT m.sender_id FROM messages m JOIN conversations c ON c.id = m.conversation_id \
     WHERE m.id = $1 AND c.school_id = $2 AND m.deleted_at IS NULL";

/// The author of a live post, comment or 쪽지 of the school.
pub async fn target_author(
    conn: &mut AnyConnection,
    school_id: i64,
    target: ReportTarget,
    id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let sql = match target {
        ReportTarget::Post => POST_AUTHOR,
        ReportTarget::Comment => COMMENT_AUTHOR,
        ReportTarget::Message => MESSAGE_SENDER,
    };
    sqlx::query_scalar(sql).bind(id).bind(school_id).fetch_optional(conn).await
}

/// Records the student's report; `false` when they had reported this target already.
pub async fn insert(
    conn: &mut AnyConnection,
    target: ReportTarget,
    id: i64,
    reporter_id: i64,
    reason: ReportReason,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let inserted = sqlx::query(
        "INSERT INTO reports (target_kind, target_id, reporter_id, reason, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (target_kind, target_id, reporter_id) DO NOTHING",
    )
    .bind(Stored(target))
    .bind(id)
    .bind(reporter_id)
    .bind(Stored(reason))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

const COUNT_POST_REPORT: &str = "UPDATE posts SET report_count = report_count + 1, \
     is_hidden = CASE WHEN report_count + 1 >= $2 THEN 1 ELSE is_hidden END WHERE id = $1";
const COUNT_COMMENT_REPORT: &str = "UPDATE comments SET report_count = report_count + 1, \
     is_hidden = CASE WHEN report_count + 1 >= $2 THEN 1 ELSE is_hidden END WHERE id = $1";
const COUNT_MESSAGE_REPORT: &str = "UPDATE messages SET report_count = report_count + 1, \
     is_hidden = CASE WHEN report_count + 1 >= $2 THEN 1 ELSE is_hidden END WHERE id = $1";

/// Counts one more report on the target and hides it once `hide_threshold` students reported it.
pub async fn count(
    conn: &mut AnyConnection,
    target: ReportTarget,
    id: i64,
    hide_threshold: i64,
) -> Result<(), sqlx::Error> {
    let sql = match target {
        ReportTarget::Post => COUNT_POST_REPORT,
        ReportTarget::Comment => COUNT_COMMENT_REPORT,
        ReportTarget::Message => COUNT_MESSAGE_REPORT,
    };
    sqlx::query(sql).bind(id).bind(hide_threshold).execute(conn).await?;
    Ok(())
}

/// A reported post, comment or 쪽지, without anything about its author.
#[derive(Debug, FromRow)]
pub struct ReportedRow {
    pub target_kind: Stored<ReportTarget>,
    pub id: i64,
    pub post_id: Option<i64>,
    pub title: Option<String>,
    pub body_head: String,
    pub report_count: i64,
    pub is_hidden: Flag,
}

/// At most `limit` of the school's reported content after `after`: hidden first, then by report count, then
/// posts, 쪽지 and comments (their codes' descending order), newest first. Keyset paging on that whole order: deciding on items never shifts
/// the pages after them.
pub async fn queue(
    db: &Db,
    school_id: i64,
    after: Option<QueuePosition>,
    limit: i64,
) -> Result<Vec<ReportedRow>, sqlx::Error> {
    // With no position, one past the start of the order: no item is hidden more than 1.
    let (hidden, reports, kind, id) = match after {
        Some(p) => (i64::from(p.is_hidden), p.report_count, p.target, p.id),
        None => (2, i64::MAX, ReportTarget::Post, i64::MAX),
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
           UNION ALL \
           SELECT 'message' AS target_kind, m.id, NULL AS post_id, NULL AS title, \
                  SUBSTR(m.body, 1, 200) AS body_head, m.report_count, m.is_hidden \
           FROM messages m JOIN conversations c ON c.id = m.conversation_id \
           WHERE c.school_id = $1 AND m.report_count > 0 AND m.deleted_at IS NULL \
         ) queue \
         WHERE (is_hidden, report_count, target_kind, id) < ($2, $3, $4, $5) \
         ORDER BY is_hidden DESC, report_count DESC, target_kind DESC, id DESC LIMIT $6",
    )
    .bind(school_id)
    .bind(hidden)
    .bind(reports)
    .bind(Stored(kind))
    .bind(id)
    .bind(limit)
    .fetch_all(db.pool())
    .await
}

const RESTORE_POST: &str = "UPDATE posts SET is_hidden = 0, report_count = 0 WHERE id = $1";
const RESTORE_COMMENT: &str = "UPDATE comments SET is_hidden = 0, report_count = 0 WHERE id = $1";
const RESTORE_MESSAGE: &str = "UPDATE messages SET is_hidden = 0, report_count = 0 WHERE id = $1";

/// Makes the target visible again and forgets its reports.
pub async fn restore(conn: &mut AnyConnection, target: ReportTarget, id: i64) -> Result<(), sqlx::Error> {
    let sql = match target {
        ReportTarget::Post => RESTORE_POST,
        ReportTarget::Comment => RESTORE_COMMENT,
        ReportTarget::Message => RESTORE_MESSAGE,
    };
    sqlx::query(sql).bind(id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM reports WHERE target_kind = $1 AND target_id = $2")
        .bind(Stored(target))
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}
