//! Friend requests, friendships and blocks.
//!
//! Every change runs in one write transaction that first locks both students' rows in id order
//! ([`begin_pair`]): `FOR NO KEY UPDATE` on PostgreSQL, while SQLite's `BEGIN IMMEDIATE` already lets one writer in
//! at a time. So the state of a pair is read and changed by one request at a time, and the rules below hold
//! however requests interleave; locking in id order means two transactions on the same pair never wait on
//! each other in a cycle. Two students who ask each other at the same moment are the case this exists for:
//! the second request finds the first and accepts it, and they become friends exactly once. The tables'
//! keys back this up (one canonical friendship row per pair, one request per direction).
//!
//! How refusals answer: something to act on that does not exist (an unknown username, a request that is
//! gone) is 404; a state that forbids the act (already friends, already asked, blocked) is 409; a request
//! that could never succeed (yourself) is 422.
//!
//! A blocked student must not learn that the blocker blocked them, or even that the blocker exists: their
//! request answers exactly as an unknown username does, and nothing else they can do reveals the block.

use sqlx::FromRow;

use super::users;
use super::{Backend, Db, Tx};
use crate::error::AppError;
use crate::model::friends::{FriendsOverview, Person, RequestOutcome};
use crate::text::friends as t;

/// How two students stand, read inside their transaction. Counts rather than booleans: both dialects
/// return `COUNT(*)` as an integer.
#[derive(FromRow)]
struct PairState {
    /// `me` blocked `other`.
    i_blocked: i64,
    /// `other` blocked `me`.
    they_blocked: i64,
    friends: i64,
    /// A request from `me` to `other` is waiting.
    i_asked: i64,
    /// A request from `other` to `me` is waiting.
    they_asked: i64,
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
async fn begin_pair(db: &Db, a: i64, b: i64) -> Result<Option<Tx>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let lock = match db.backend() {
        Backend::Postgres => "SELECT id FROM users WHERE id IN ($1, $2) ORDER BY id FOR NO KEY UPDATE",
        // SQLite has no FOR UPDATE; BEGIN IMMEDIATE has already made this the only writer.
        Backend::Sqlite => "SELECT id FROM users WHERE id IN ($1, $2) ORDER BY id",
    };
    let locked: Vec<i64> = sqlx::query_scalar(lock).bind(a).bind(b).fetch_all(&mut *tx).await?;
    Ok((locked.len() == 2).then_some(tx))
}

async fn pair_state(tx: &mut Tx, me: i64, other: i64) -> Result<PairState, sqlx::Error> {
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
    .fetch_one(&mut **tx)
    .await
}

async fn insert_friendship(tx: &mut Tx, a: i64, b: i64, now: i64) -> Result<(), sqlx::Error> {
    let (low, high) = ordered(a, b);
    sqlx::query(
        "INSERT INTO friendships (user_low, user_high, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_low, user_high) DO NOTHING",
    )
    .bind(low)
    .bind(high)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Deletes the waiting request from `sender` to `receiver`; whether there was one.
async fn delete_request(tx: &mut Tx, sender: i64, receiver: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM friend_requests WHERE sender_id = $1 AND receiver_id = $2")
        .bind(sender)
        .bind(receiver)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() > 0)
}

async fn delete_friendship(tx: &mut Tx, a: i64, b: i64) -> Result<bool, sqlx::Error> {
    let (low, high) = ordered(a, b);
    let done = sqlx::query("DELETE FROM friendships WHERE user_low = $1 AND user_high = $2")
        .bind(low)
        .bind(high)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() > 0)
}

fn unknown_user() -> AppError {
    AppError::Missing(t::UNKNOWN_USER.to_owned())
}

/// A friend request from `me` to the student of `school_id` named `username`.
///
/// If that student has already asked `me`, their request is accepted instead: that is what makes two
/// requests crossing each other end in one friendship.
pub async fn request(
    db: &Db,
    me: i64,
    school_id: i64,
    username: &str,
    now: i64,
) -> Result<RequestOutcome, AppError> {
    let other = users::in_school(db, school_id, username).await?.ok_or_else(unknown_user)?;
    if other.id == me {
        return Err(AppError::field("username", t::SELF_REQUEST));
    }
    let mut tx = begin_pair(db, me, other.id).await?.ok_or_else(unknown_user)?;
    let state = pair_state(&mut tx, me, other.id).await?;
    // Our own block is checked first: whoever blocked someone knows that already, and answering it before
    // the other block means the answer never depends on whether the other student blocked us too.
    if state.i_blocked > 0 {
        return Err(AppError::Conflict(t::YOU_BLOCKED.to_owned()));
    }
    if state.they_blocked > 0 {
        // Exactly the unknown-username answer: the blocked student learns nothing.
        return Err(unknown_user());
    }
    if state.friends > 0 {
        return Err(AppError::Conflict(t::ALREADY_FRIENDS.to_owned()));
    }
    if state.i_asked > 0 {
        return Err(AppError::Conflict(t::ALREADY_REQUESTED.to_owned()));
    }
    let outcome = if state.they_asked > 0 {
        delete_request(&mut tx, other.id, me).await?;
        insert_friendship(&mut tx, me, other.id, now).await?;
        RequestOutcome::BecameFriends(Person { username: other.username, nickname: other.nickname })
    } else {
        sqlx::query("INSERT INTO friend_requests (sender_id, receiver_id, created_at) VALUES ($1, $2, $3)")
            .bind(me)
            .bind(other.id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        RequestOutcome::Sent
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Accepts the request that `username` sent to `me`.
pub async fn accept(db: &Db, me: i64, school_id: i64, username: &str, now: i64) -> Result<(), AppError> {
    let gone = || AppError::Missing(t::NO_SUCH_REQUEST.to_owned());
    let other = users::in_school(db, school_id, username).await?.ok_or_else(gone)?;
    let mut tx = begin_pair(db, me, other.id).await?.ok_or_else(gone)?;
    if !delete_request(&mut tx, other.id, me).await? {
        // Pressed twice, or on two devices: the first made them friends, and the second says so.
        let state = pair_state(&mut tx, me, other.id).await?;
        return Err(if state.friends > 0 {
            AppError::Conflict(t::ALREADY_FRIENDS.to_owned())
        } else {
            gone()
        });
    }
    insert_friendship(&mut tx, me, other.id, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Declines the request that `username` sent to `me`; the sender sees it vanish from their 보낸 요청.
pub async fn decline(db: &Db, me: i64, school_id: i64, username: &str) -> Result<(), AppError> {
    drop_request(db, me, school_id, username, Sender::Them, t::NO_SUCH_REQUEST).await
}

/// Withdraws the request `me` sent to `username`.
pub async fn cancel(db: &Db, me: i64, school_id: i64, username: &str) -> Result<(), AppError> {
    drop_request(db, me, school_id, username, Sender::Me, t::NO_SUCH_SENT_REQUEST).await
}

/// Who sent the request that [`drop_request`] removes.
enum Sender {
    Me,
    Them,
}

/// Removes a pending request between `me` and `username`. When it is gone because it was accepted in the
/// meantime, the student is told they are friends now; otherwise `missing` says it no longer exists.
async fn drop_request(
    db: &Db,
    me: i64,
    school_id: i64,
    username: &str,
    sender: Sender,
    missing: &'static str,
) -> Result<(), AppError> {
    let gone = || AppError::Missing(missing.to_owned());
    let other = users::in_school(db, school_id, username).await?.ok_or_else(gone)?;
    let mut tx = begin_pair(db, me, other.id).await?.ok_or_else(gone)?;
    let (from, to) = match sender {
        Sender::Me => (me, other.id),
        Sender::Them => (other.id, me),
    };
    if !delete_request(&mut tx, from, to).await? {
        let state = pair_state(&mut tx, me, other.id).await?;
        return Err(if state.friends > 0 {
            AppError::Conflict(t::ALREADY_FRIENDS.to_owned())
        } else {
            gone()
        });
    }
    tx.commit().await?;
    Ok(())
}

/// Ends the friendship of `me` and `username`; either side may.
pub async fn remove(db: &Db, me: i64, school_id: i64, username: &str) -> Result<(), AppError> {
    let gone = || AppError::Missing(t::NOT_FRIENDS.to_owned());
    let other = users::in_school(db, school_id, username).await?.ok_or_else(gone)?;
    let mut tx = begin_pair(db, me, other.id).await?.ok_or_else(gone)?;
    if !delete_friendship(&mut tx, me, other.id).await? {
        return Err(gone());
    }
    tx.commit().await?;
    Ok(())
}

/// `me` blocks `username`: their friendship and every waiting request between them, in either direction,
/// go in the same transaction.
pub async fn block(db: &Db, me: i64, school_id: i64, username: &str, now: i64) -> Result<(), AppError> {
    let other = users::in_school(db, school_id, username).await?.ok_or_else(unknown_user)?;
    if other.id == me {
        return Err(AppError::field("username", t::SELF_BLOCK));
    }
    let mut tx = begin_pair(db, me, other.id).await?.ok_or_else(unknown_user)?;
    let state = pair_state(&mut tx, me, other.id).await?;
    if state.i_blocked > 0 {
        return Err(AppError::Conflict(t::ALREADY_BLOCKED.to_owned()));
    }
    sqlx::query("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES ($1, $2, $3)")
        .bind(me)
        .bind(other.id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    delete_friendship(&mut tx, me, other.id).await?;
    delete_request(&mut tx, me, other.id).await?;
    delete_request(&mut tx, other.id, me).await?;
    tx.commit().await?;
    Ok(())
}

/// Lifts the block `me` put on `username`. Nothing comes back: friendship and requests start over.
pub async fn unblock(db: &Db, me: i64, school_id: i64, username: &str) -> Result<(), AppError> {
    let gone = || AppError::Missing(t::NOT_BLOCKED.to_owned());
    let other = users::in_school(db, school_id, username).await?.ok_or_else(gone)?;
    let mut tx = begin_pair(db, me, other.id).await?.ok_or_else(gone)?;
    let done = sqlx::query("DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2")
        .bind(me)
        .bind(other.id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(gone());
    }
    tx.commit().await?;
    Ok(())
}

/// The four lists of the 친구 tab.
pub async fn overview(db: &Db, me: i64) -> Result<FriendsOverview, sqlx::Error> {
    // Both halves of the canonical pair, so that each side's index answers its half.
    let friends: Vec<Person> = sqlx::query_as(
        "SELECT u.username, u.nickname FROM users u JOIN ( \
           SELECT user_high AS friend_id FROM friendships WHERE user_low = $1 \
           UNION ALL \
           SELECT user_low AS friend_id FROM friendships WHERE user_high = $1 \
         ) f ON f.friend_id = u.id \
         ORDER BY u.nickname, u.id",
    )
    .bind(me)
    .fetch_all(db.pool())
    .await?;
    let incoming = listed(db, "friend_requests", "receiver_id", "sender_id", me).await?;
    let outgoing = listed(db, "friend_requests", "sender_id", "receiver_id", me).await?;
    let blocked = listed(db, "blocks", "blocker_id", "blocked_id", me).await?;
    Ok(FriendsOverview { friends, incoming, outgoing, blocked })
}

/// The students on the other side of `me`'s rows in a request or block table, newest first.
async fn listed(db: &Db, table: &str, mine: &str, theirs: &str, me: i64) -> Result<Vec<Person>, sqlx::Error> {
    let sql = format!(
        "SELECT u.username, u.nickname FROM {table} r JOIN users u ON u.id = r.{theirs} \
         WHERE r.{mine} = $1 ORDER BY r.created_at DESC, u.id DESC"
    );
    sqlx::query_as(&sql).bind(me).fetch_all(db.pool()).await
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

/// Removes every friendship, request and block of a student, inside the caller's transaction: for closing
/// an account whose row stays (a deleted row takes them with it by `ON DELETE CASCADE`).
pub async fn forget(tx: &mut Tx, user_id: i64) -> Result<(), sqlx::Error> {
    for sql in [
        "DELETE FROM friendships WHERE user_low = $1 OR user_high = $1",
        "DELETE FROM friend_requests WHERE sender_id = $1 OR receiver_id = $1",
        "DELETE FROM blocks WHERE blocker_id = $1 OR blocked_id = $1",
    ] {
        sqlx::query(sql).bind(user_id).execute(&mut **tx).await?;
    }
    Ok(())
}
