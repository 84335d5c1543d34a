//! Friend requests, friendships and blocks, as rows.
//!
//! Every change runs in one write transaction that first locks both students' rows in id order
//! ([`begin_pair`]): `FOR NO KEY UPDATE` on PostgreSQL, while SQLite's `BEGIN IMMEDIATE` already lets one
//! writer in at a time. So the state of a pair is read and changed by one request at a time; locking in id
//! order means two transactions on the same pair never wait on each other in a cycle. The tables' keys back
//! this up (one canonical friendship row per pair, one request per direction).

use sqlx::{AnyConnection, FromRow};

use super::{Backend, Db, Tx};
use crate::model::friends::{FriendsOverview, Person};

/// How two students stand, read inside their transaction. Counts rather than booleans: both dialects
/// return `COUNT(*)` as an integer.
#[derive(FromRow)]
pub struct PairState {
    /// `me` blocked `other`.
    pub i_blocked: i64,
    /// `other` blocked `me`.
    pub they_blocked: i64,
    pub friends: i64,
    /// A request from `me` to `other` is waiting.
    pub i_asked: i64,
    /// A request from `other` to `me` is waiting.
    pub they_asked: i64,
}

/// What one student sees of another, outside any change: used by the timetable visibility rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relation {
    pub friends: bool,
    /// Either one has blocked the other.
    pub blocked: bool,
}

/// The pair in canonical order, as a friendship row stores it.
fn ordered(a: i64, b: i64) -> (i64, i64) {
    (a.min(b), a.max(b))
}

/// Starts a write transaction holding both students' rows (see the module comment). Returns `None` when one
/// of them no longer exists.
pub async fn begin_pair(db: &Db, a: i64, b: i64) -> Result<Option<Tx>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let lock = match db.backend() {
        Backend::Postgres => "SELECT id FROM users WHERE id IN ($1, $2) ORDER BY id FOR NO KEY UPDATE",
        // SQLite has no row locks; BEGIN IMMEDIATE has already made this the only writer.
        Backend::Sqlite => "SELECT id FROM users WHERE id IN ($1, $2) ORDER BY id",
    };
    let locked: Vec<i64> = sqlx::query_scalar(lock).bind(a).bind(b).fetch_all(&mut *tx).await?;
    Ok((locked.len() == 2).then_some(tx))
}

pub async fn pair_state(conn: &mut AnyConnection, me: i64, other: i64) -> Result<PairState, sqlx::Error> {
    let (low, high) = ordered(me, other);
    sqlx::query_as(
        "SELECT \
           (SELECT COUNT(*) FROM blocks WHERE blocker_id = $1 AND blocked_id = $2) AS i_blocked, \
           (SELECT COUNT(*) FROM blocks WHERE blocker_id = $2 AND blocked_id = $1) AS they_blocked, \
           (SELECT COUNT(*) FROM friendships WHERE user_low = $3 AND user_high = $4) AS friends, \
           (SELECT COUNT(*) FROM friend_requests WHERE sender_id = $1 AND receiver_id = $2) AS i_asked, \
           (SELECT COUNT(*) FROM friend_requests WHERE sender_id = $2 AND receiver_id = $1) AS they_asked",
    )
    .bind(me)
    .bind(other)
    .bind(low)
    .bind(high)
    .fetch_one(conn)
    .await
}

pub async fn insert_request(
    conn: &mut AnyConnection,
    sender: i64,
    receiver: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO friend_requests (sender_id, receiver_id, created_at) VALUES ($1, $2, $3)")
        .bind(sender)
        .bind(receiver)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes the waiting request from `sender` to `receiver`; whether there was one.
pub async fn delete_request(
    conn: &mut AnyConnection,
    sender: i64,
    receiver: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM friend_requests WHERE sender_id = $1 AND receiver_id = $2")
        .bind(sender)
        .bind(receiver)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn insert_friendship(
    conn: &mut AnyConnection,
    a: i64,
    b: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    let (low, high) = ordered(a, b);
    sqlx::query(
        "INSERT INTO friendships (user_low, user_high, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_low, user_high) DO NOTHING",
    )
    .bind(low)
    .bind(high)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Deletes the friendship of the pair; whether there was one.
pub async fn delete_friendship(conn: &mut AnyConnection, a: i64, b: i64) -> Result<bool, sqlx::Error> {
    let (low, high) = ordered(a, b);
    let done = sqlx::query("DELETE FROM friendships WHERE user_low = $1 AND user_high = $2")
        .bind(low)
        .bind(high)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn insert_block(
    conn: &mut AnyConnection,
    blocker: i64,
    blocked: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES ($1, $2, $3)")
        .bind(blocker)
        .bind(blocked)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes `blocker`'s block of `blocked`; whether there was one.
pub async fn delete_block(conn: &mut AnyConnection, blocker: i64, blocked: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2")
        .bind(blocker)
        .bind(blocked)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Both halves of the canonical pair, so that each side's index answers its half.
const FRIENDS: &str = "SELECT u.username, u.nickname FROM users u JOIN ( \
       SELECT user_high AS friend_id FROM friendships WHERE user_low = $1 \
       UNION ALL \
       SELECT user_low AS friend_id FROM friendships WHERE user_high = $1 \
     ) f ON f.friend_id = u.id \
     ORDER BY u.nickname, u.id";
const INCOMING: &str =
    "SELECT u.username, u.nickname FROM friend_requests r JOIN users u ON u.id = r.sender_id \
     WHERE r.receiver_id = $1 ORDER BY r.created_at DESC, u.id DESC";
const OUTGOING: &str =
    "SELECT u.username, u.nickname FROM friend_requests r JOIN users u ON u.id = r.receiver_id \
     WHERE r.sender_id = $1 ORDER BY r.created_at DESC, u.id DESC";
const BLOCKED: &str = "SELECT u.username, u.nickname FROM blocks r JOIN users u ON u.id = r.blocked_id \
     WHERE r.blocker_id = $1 ORDER BY r.created_at DESC, u.id DESC";

/// The four lists of the 친구 tab.
pub async fn overview(db: &Db, me: i64) -> Result<FriendsOverview, sqlx::Error> {
    let list = |sql: &'static str| sqlx::query_as::<_, Person>(sql).bind(me).fetch_all(db.pool());
    Ok(FriendsOverview {
        friends: list(FRIENDS).await?,
        incoming: list(INCOMING).await?,
        outgoing: list(OUTGOING).await?,
        blocked: list(BLOCKED).await?,
    })
}

/// Whether two students are friends, and whether either has blocked the other.
pub async fn relation(db: &Db, a: i64, b: i64) -> Result<Relation, sqlx::Error> {
    let (low, high) = ordered(a, b);
    let (friends, blocked): (i64, i64) = sqlx::query_as(
        "SELECT \
           (SELECT COUNT(*) FROM friendships WHERE user_low = $1 AND user_high = $2), \
           (SELECT COUNT(*) FROM blocks \
              WHERE (blocker_id = $1 AND blocked_id = $2) OR (blocker_id = $2 AND blocked_id = $1))",
    )
    .bind(low)
    .bind(high)
    .fetch_one(db.pool())
    .await?;
    Ok(Relation { friends: friends > 0, blocked: blocked > 0 })
}

/// Removes every friendship, request and block of a student, inside the caller's transaction (for closing
/// an account whose row stays).
pub async fn forget(conn: &mut AnyConnection, user_id: i64) -> Result<(), sqlx::Error> {
    for sql in [
        "DELETE FROM friendships WHERE user_low = $1 OR user_high = $1",
        "DELETE FROM friend_requests WHERE sender_id = $1 OR receiver_id = $1",
        "DELETE FROM blocks WHERE blocker_id = $1 OR blocked_id = $1",
    ] {
        sqlx::query(sql).bind(user_id).execute(&mut *conn).await?;
    }
    Ok(())
}
