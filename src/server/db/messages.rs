//! 쪽지 rows: conversations, each side's membership, and messages.
//!
//! Starting and sending run in the transaction of [`super::friends::begin_pair`], which locks both
//! students' rows: a block and a message of the same pair never interleave. A conversation is found or
//! created by its unique key (pair, origin, origin id), so two concurrent starts make one conversation.

use sqlx::{AnyConnection, FromRow};

use super::{visible_to_viewer, Db, Flag, Stored};
use crate::model::messages::ConversationOrigin;

/// Who wrote the content a conversation starts from, and what the conversation takes from it.
#[derive(Debug, FromRow)]
pub struct OriginRow {
    pub author_id: i64,
    pub anonymous: Flag,
    pub post_id: i64,
    pub board_id: i64,
}

/// The author of a live post of the school that the viewer (`$2`) may read.
const POST_ORIGIN: &str = concat!(
    "SELECT p.author_id, p.is_anonymous AS anonymous, p.id AS post_id, p.board_id FROM posts p ",
    "WHERE p.id = $1 AND p.school_id = $3 AND p.deleted_at IS NULL AND ",
    visible_to_viewer!("p")
);

/// The author of a live comment, under a live post of the school, that the viewer (`$2`) may read.
const COMMENT_ORIGIN: &str = concat!(
    "SELECT c.author_id, c.is_anonymous AS anonymous, p.id AS post_id, p.board_id FROM comments c ",
    "JOIN posts p ON p.id = c.post_id ",
    "WHERE c.id = $1 AND p.school_id = $3 AND c.deleted_at IS NULL AND p.deleted_at IS NULL AND ",
    visible_to_viewer!("c"),
    " AND ",
    visible_to_viewer!("p")
);

/// The author of the post or comment `id` as `viewer_id` of `school_id` may see it.
pub async fn origin(
    db: &Db,
    origin: ConversationOrigin,
    id: i64,
    viewer_id: i64,
    school_id: i64,
) -> Result<Option<OriginRow>, sqlx::Error> {
    let sql = match origin {
        ConversationOrigin::Post => POST_ORIGIN,
        ConversationOrigin::Comment => COMMENT_ORIGIN,
        ConversationOrigin::Friend => return Ok(None),
    };
    sqlx::query_as(sql).bind(id).bind(viewer_id).bind(school_id).fetch_optional(db.pool()).await
}

/// A conversation to find or create.
pub struct NewConversation {
    pub school_id: i64,
    pub starter_id: i64,
    pub recipient_id: i64,
    pub origin: ConversationOrigin,
    /// The post's or comment's id; 0 for a friend.
    pub origin_id: i64,
    pub post_id: Option<i64>,
    pub board_id: Option<i64>,
    pub anonymous: bool,
}

/// The conversation of this pair and origin, created (with both memberships) if there was none.
/// Whether it was created is the second value.
pub async fn find_or_create(
    conn: &mut AnyConnection,
    new: &NewConversation,
    now: i64,
) -> Result<(i64, bool), sqlx::Error> {
    let (low, high) = (new.starter_id.min(new.recipient_id), new.starter_id.max(new.recipient_id));
    let inserted = sqlx::query(
        "INSERT INTO conversations \
           (school_id, user_low, user_high, origin, origin_id, post_id, board_id, anonymous, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (user_low, user_high, origin, origin_id) DO NOTHING",
    )
    .bind(new.school_id)
    .bind(low)
    .bind(high)
    .bind(Stored(new.origin))
    .bind(new.origin_id)
    .bind(new.post_id)
    .bind(new.board_id)
    .bind(Flag(new.anonymous))
    .bind(now)
    .execute(&mut *conn)
    .await?;
    let id: i64 = sqlx::query_scalar(
        "SELECT id FROM conversations WHERE user_low = $1 AND user_high = $2 AND origin = $3 AND origin_id = $4",
    )
    .bind(low)
    .bind(high)
    .bind(Stored(new.origin))
    .bind(new.origin_id)
    .fetch_one(&mut *conn)
    .await?;
    for user_id in [low, high] {
        sqlx::query(
            "INSERT INTO conversation_members (conversation_id, user_id) VALUES ($1, $2) \
             ON CONFLICT (conversation_id, user_id) DO NOTHING",
        )
        .bind(id)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok((id, inserted.rows_affected() == 1))
}

/// A student's side of a conversation.
#[derive(Debug, FromRow)]
pub struct Membership {
    pub other_id: i64,
    pub anonymous: Flag,
    pub cleared_through: i64,
    /// I blocked the conversation.
    pub blocked: Flag,
    /// The other side blocked it.
    pub blocked_by_other: Flag,
}

/// `user_id`'s membership of the conversation; `None` when it is not theirs.
pub async fn membership(
    conn: &mut AnyConnection,
    conversation_id: i64,
    user_id: i64,
) -> Result<Option<Membership>, sqlx::Error> {
    sqlx::query_as(
        "SELECT CASE WHEN c.user_low = $2 THEN c.user_high ELSE c.user_low END AS other_id, c.anonymous, \
                me.cleared_through, me.blocked, other.blocked AS blocked_by_other \
         FROM conversations c \
         JOIN conversation_members me ON me.conversation_id = c.id AND me.user_id = $2 \
         JOIN conversation_members other ON other.conversation_id = c.id AND other.user_id <> $2 \
         WHERE c.id = $1",
    )
    .bind(conversation_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

/// Whether either student has blocked the other, or the recipient's account is closed.
pub async fn refuses(
    conn: &mut AnyConnection,
    sender_id: i64,
    recipient_id: i64,
) -> Result<bool, sqlx::Error> {
    let refusals: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM blocks WHERE (blocker_id = $1 AND blocked_id = $2) \
                                               OR (blocker_id = $2 AND blocked_id = $1)) \
              + (SELECT COUNT(*) FROM users WHERE id = $2 AND deleted_at IS NOT NULL)",
    )
    .bind(sender_id)
    .bind(recipient_id)
    .fetch_one(conn)
    .await?;
    Ok(refusals > 0)
}

/// Writes a message, makes it the conversation's newest, and counts it read by its sender; its id.
pub async fn insert_message(
    conn: &mut AnyConnection,
    conversation_id: i64,
    sender_id: i64,
    body: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO messages (conversation_id, sender_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(conversation_id)
    .bind(sender_id)
    .bind(body)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("UPDATE conversations SET last_message_id = $2 WHERE id = $1")
        .bind(conversation_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    mark_read(conn, conversation_id, sender_id, id).await?;
    Ok(id)
}

/// Records that `user_id` has read the conversation up to message `through`.
pub async fn mark_read(
    conn: &mut AnyConnection,
    conversation_id: i64,
    user_id: i64,
    through: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE conversation_members SET read_through = $3 \
         WHERE conversation_id = $1 AND user_id = $2 AND read_through < $3",
    )
    .bind(conversation_id)
    .bind(user_id)
    .bind(through)
    .execute(conn)
    .await?;
    Ok(())
}

/// A message as its viewer may see it: the body is `NULL` once removed, or hidden and not the viewer's.
#[derive(Debug, FromRow)]
pub struct MessageRow {
    pub id: i64,
    pub mine: Flag,
    pub body: Option<String>,
    pub created_at: i64,
}

/// The columns of a [`MessageRow`] of `m` for the viewer `$1`.
macro_rules! message_columns {
    () => {
        "m.id, CASE WHEN m.sender_id = $1 THEN 1 ELSE 0 END AS mine, \
         CASE WHEN m.deleted_at IS NULL AND (m.is_hidden = 0 OR m.sender_id = $1) THEN m.body END AS body, \
         m.created_at"
    };
}

/// A conversation in a student's 쪽지함. `other_nickname` is read only for named conversations.
#[derive(Debug, FromRow)]
pub struct SummaryRow {
    pub conversation_id: i64,
    pub anonymous: Flag,
    pub other_nickname: Option<String>,
    pub board_name: Option<String>,
    pub unread: i64,
    #[sqlx(flatten)]
    pub last: MessageRow,
}

const LIST: &str = concat!(
    "SELECT c.id AS conversation_id, c.anonymous, ",
    "CASE WHEN c.anonymous = 0 THEN other.nickname END AS other_nickname, b.name AS board_name, ",
    "(SELECT COUNT(*) FROM messages u WHERE u.conversation_id = c.id AND u.sender_id <> $1 ",
    "   AND u.id > cm.read_through AND u.id > cm.cleared_through) AS unread, ",
    message_columns!(),
    " FROM conversation_members cm ",
    "JOIN conversations c ON c.id = cm.conversation_id ",
    "JOIN messages m ON m.id = c.last_message_id ",
    "JOIN users other ON other.id = CASE WHEN c.user_low = $1 THEN c.user_high ELSE c.user_low END ",
    "LEFT JOIN boards b ON b.id = c.board_id ",
    "WHERE cm.user_id = $1 AND c.last_message_id > cm.cleared_through AND c.last_message_id < $2 ",
    "ORDER BY c.last_message_id DESC LIMIT $3"
);

/// The student's conversations with a message they have not cleared, newest first, before the cursor.
pub async fn list(
    db: &Db,
    user_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<SummaryRow>, sqlx::Error> {
    sqlx::query_as(LIST).bind(user_id).bind(before.unwrap_or(i64::MAX)).bind(limit).fetch_all(db.pool()).await
}

/// A conversation's header as `$1` sees it.
#[derive(Debug, FromRow)]
pub struct HeaderRow {
    pub id: i64,
    pub origin: Stored<ConversationOrigin>,
    pub anonymous: Flag,
    pub other_nickname: Option<String>,
    pub board_name: Option<String>,
    /// Set while the post exists and `$1` may read it.
    pub post_id: Option<i64>,
    pub blocked: Flag,
    pub cleared_through: i64,
    pub read_through: i64,
    pub last_message_id: i64,
}

/// `$2` in [`visible_to_viewer`] is the viewer; here the viewer is bound twice, as `$1` and `$2`.
const HEADER: &str = concat!(
    "SELECT c.id, c.origin, c.anonymous, CASE WHEN c.anonymous = 0 THEN other.nickname END AS other_nickname, ",
    "b.name AS board_name, p.id AS post_id, cm.blocked, cm.cleared_through, cm.read_through, ",
    "c.last_message_id ",
    "FROM conversations c ",
    "JOIN conversation_members cm ON cm.conversation_id = c.id AND cm.user_id = $1 ",
    "JOIN users other ON other.id = CASE WHEN c.user_low = $1 THEN c.user_high ELSE c.user_low END ",
    "LEFT JOIN boards b ON b.id = c.board_id ",
    "LEFT JOIN posts p ON p.id = c.post_id AND p.deleted_at IS NULL AND ",
    visible_to_viewer!("p"),
    " WHERE c.id = $3"
);

/// The conversation's header, if `user_id` is one of its two students.
pub async fn header(db: &Db, conversation_id: i64, user_id: i64) -> Result<Option<HeaderRow>, sqlx::Error> {
    sqlx::query_as(HEADER).bind(user_id).bind(user_id).bind(conversation_id).fetch_optional(db.pool()).await
}

const PAGE: &str = concat!(
    "SELECT ",
    message_columns!(),
    " FROM messages m WHERE m.conversation_id = $2 AND m.id > $3 AND m.id < $4 ",
    "ORDER BY m.id DESC LIMIT $5"
);

const NEWER: &str = concat!(
    "SELECT ",
    message_columns!(),
    " FROM messages m WHERE m.conversation_id = $2 AND m.id > $3 ",
    "ORDER BY m.id LIMIT $4"
);

/// Messages of the conversation newer than `cleared_through` and older than `before`, newest first.
pub async fn older(
    db: &Db,
    conversation_id: i64,
    viewer_id: i64,
    cleared_through: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<MessageRow>, sqlx::Error> {
    sqlx::query_as(PAGE)
        .bind(viewer_id)
        .bind(conversation_id)
        .bind(cleared_through)
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(db.pool())
        .await
}

/// Messages of the conversation after `after`, oldest first.
pub async fn newer(
    db: &Db,
    conversation_id: i64,
    viewer_id: i64,
    after: i64,
    limit: i64,
) -> Result<Vec<MessageRow>, sqlx::Error> {
    sqlx::query_as(NEWER)
        .bind(viewer_id)
        .bind(conversation_id)
        .bind(after)
        .bind(limit)
        .fetch_all(db.pool())
        .await
}

/// The conversation's newest message id (0 before any).
pub async fn last_message_id(conn: &mut AnyConnection, conversation_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT last_message_id FROM conversations WHERE id = $1")
        .bind(conversation_id)
        .fetch_one(conn)
        .await
}

/// Clears the conversation for `user_id` (나가기): what it holds now is gone for them, and it leaves their
/// 쪽지함 until a newer message arrives. The other side keeps everything.
pub async fn leave(conn: &mut AnyConnection, conversation_id: i64, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE conversation_members SET \
           cleared_through = (SELECT last_message_id FROM conversations WHERE id = $1), \
           read_through = (SELECT last_message_id FROM conversations WHERE id = $1) \
         WHERE conversation_id = $1 AND user_id = $2",
    )
    .bind(conversation_id)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Blocks or unblocks the conversation on `user_id`'s side.
pub async fn set_blocked(
    conn: &mut AnyConnection,
    conversation_id: i64,
    user_id: i64,
    blocked: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE conversation_members SET blocked = $3 WHERE conversation_id = $1 AND user_id = $2")
        .bind(conversation_id)
        .bind(user_id)
        .bind(Flag(blocked))
        .execute(conn)
        .await?;
    Ok(())
}

/// The sender of a live message of the school, and the other member (who alone may report it).
#[derive(Debug, FromRow)]
pub struct MessageParties {
    pub sender_id: i64,
    pub recipient_id: i64,
    pub report_count: i64,
}

pub async fn parties(
    conn: &mut AnyConnection,
    school_id: i64,
    message_id: i64,
) -> Result<Option<MessageParties>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.sender_id, CASE WHEN c.user_low = m.sender_id THEN c.user_high ELSE c.user_low END \
                AS recipient_id, m.report_count \
         FROM messages m JOIN conversations c ON c.id = m.conversation_id \
         WHERE m.id = $1 AND c.school_id = $2 AND m.deleted_at IS NULL",
    )
    .bind(message_id)
    .bind(school_id)
    .fetch_optional(conn)
    .await
}

/// Removes a message (an admin's decision): it stays in its place, without its text.
pub async fn soft_delete(conn: &mut AnyConnection, message_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE messages SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL")
        .bind(message_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// A closed account leaves every conversation: the other side keeps theirs, with (탈퇴한 사용자).
pub async fn forget(conn: &mut AnyConnection, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE conversation_members SET \
           cleared_through = (SELECT last_message_id FROM conversations c WHERE c.id = conversation_id) \
         WHERE user_id = $1",
    )
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}
