//! 알림 rows: written inside the transaction of their cause, listed newest first, marked read.

use sqlx::{AnyConnection, FromRow};

use super::{visible_to_viewer, Db, Flag, Stored};
use crate::model::notifications::NotificationKind;

/// A notification to write.
pub struct NewNotification {
    pub recipient_id: i64,
    pub kind: NotificationKind,
    pub post_id: Option<i64>,
    pub comment_id: Option<i64>,
    pub actor_id: Option<i64>,
    /// Whether the actor acted anonymously (the comment was anonymous): then the label is 익명.
    pub actor_anonymous: bool,
    /// The conversation of a new 쪽지.
    pub conversation_id: Option<i64>,
}

/// Writes the notification unless its recipient has blocked its actor, (for HOT) the post has been announced
/// already, or (for a 쪽지) the conversation's last 쪽지 알림 is still unread; whether it was written.
pub async fn insert(conn: &mut AnyConnection, new: &NewNotification, now: i64) -> Result<bool, sqlx::Error> {
    let inserted = sqlx::query(
        "INSERT INTO notifications \
           (user_id, kind, post_id, comment_id, actor_id, actor_anonymous, conversation_id, created_at) \
         SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE NOT EXISTS \
           (SELECT 1 FROM blocks WHERE blocker_id = $1 AND blocked_id = $5) \
         ON CONFLICT DO NOTHING",
    )
    .bind(new.recipient_id)
    .bind(Stored(new.kind))
    .bind(new.post_id)
    .bind(new.comment_id)
    .bind(new.actor_id)
    .bind(Flag(new.actor_anonymous))
    .bind(new.conversation_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(inserted.rows_affected() > 0)
}

/// Deletes the student's notifications older than `expired_before` (their list never shows them anyway).
pub async fn purge_expired(
    conn: &mut AnyConnection,
    user_id: i64,
    expired_before: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM notifications WHERE user_id = $1 AND created_at < $2")
        .bind(user_id)
        .bind(expired_before)
        .execute(conn)
        .await?;
    Ok(())
}

/// A notification as listed, with what its label and link need. `actor_nickname` is `NULL` for anonymous
/// actors (the query never reads their nickname) and for notifications without an actor.
#[derive(Debug, FromRow)]
pub struct NotificationRow {
    pub id: i64,
    pub kind: Stored<NotificationKind>,
    pub has_actor: Flag,
    pub actor_anonymous: Flag,
    pub actor_nickname: Option<String>,
    /// Set only while the post is live and visible to the student.
    pub post_id: Option<i64>,
    pub board_name: Option<String>,
    pub post_title: Option<String>,
    /// The comment's body, while it is live and visible.
    pub comment_body: Option<String>,
    pub conversation_id: Option<i64>,
    pub created_at: i64,
    pub is_read: Flag,
}

const LIST: &str = concat!(
    "SELECT n.id, n.kind, CASE WHEN n.actor_id IS NULL THEN 0 ELSE 1 END AS has_actor, n.actor_anonymous, ",
    "CASE WHEN n.actor_anonymous = 0 THEN actor.nickname END AS actor_nickname, ",
    "p.id AS post_id, b.name AS board_name, p.title AS post_title, c.body AS comment_body, n.conversation_id, ",
    "n.created_at, ",
    "CASE WHEN n.read_at IS NULL THEN 0 ELSE 1 END AS is_read ",
    "FROM notifications n ",
    "LEFT JOIN users actor ON actor.id = n.actor_id ",
    "LEFT JOIN posts p ON p.id = n.post_id AND p.deleted_at IS NULL AND ",
    visible_to_viewer!("p"),
    " LEFT JOIN boards b ON b.id = p.board_id ",
    "LEFT JOIN comments c ON c.id = n.comment_id AND c.deleted_at IS NULL AND ",
    visible_to_viewer!("c"),
    " WHERE n.user_id = $2 AND n.created_at >= $1 AND n.id < $3 ",
    "ORDER BY n.id DESC LIMIT $4"
);

/// The student's notifications since `since`, newest first, before the cursor `before`; at most `limit`.
pub async fn list(
    db: &Db,
    user_id: i64,
    since: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<NotificationRow>, sqlx::Error> {
    sqlx::query_as(LIST)
        .bind(since)
        .bind(user_id)
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(db.pool())
        .await
}

/// What a live stream tells: the unread count since `since`, the newest notification's id, and the newest
/// message id of the student's conversations (each 0 when there is none).
#[derive(Debug, FromRow)]
pub struct LiveRow {
    pub unread: i64,
    pub newest_id: i64,
    pub newest_message_id: i64,
}

pub async fn live_state(db: &Db, user_id: i64, since: i64) -> Result<LiveRow, sqlx::Error> {
    sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN read_at IS NULL AND created_at >= $2 THEN 1 ELSE 0 END), 0) AS unread, \
                COALESCE(MAX(id), 0) AS newest_id, \
                (SELECT COALESCE(MAX(c.last_message_id), 0) FROM conversation_members cm \
                 JOIN conversations c ON c.id = cm.conversation_id WHERE cm.user_id = $1) AS newest_message_id \
         FROM notifications WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(since)
    .fetch_one(db.pool())
    .await
}

/// Marks one of the student's notifications read; whether they have such a notification.
pub async fn mark_read(
    conn: &mut AnyConnection,
    user_id: i64,
    id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING id",
    )
    .bind(id)
    .bind(user_id)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Marks the student's 쪽지 알림 of a conversation read (they opened or left it).
pub async fn mark_conversation_read(
    conn: &mut AnyConnection,
    user_id: i64,
    conversation_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE notifications SET read_at = $3 \
         WHERE user_id = $1 AND conversation_id = $2 AND read_at IS NULL",
    )
    .bind(user_id)
    .bind(conversation_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Marks every unread notification of the student read.
pub async fn mark_all_read(conn: &mut AnyConnection, user_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL")
        .bind(user_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes every notification of a closed account (those it caused stay, and read as (탈퇴한 사용자)).
pub async fn forget(conn: &mut AnyConnection, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM notifications WHERE user_id = $1").bind(user_id).execute(conn).await?;
    Ok(())
}
