//! Throttles, kept in the database so that every app server enforces the same limits: failed log-in records
//! (per account and per client address), rate counters for sign-ups, comments and reports, and the pace of
//! sign-ups per client address.

use super::{Db, LockKey, Tx};
use crate::server::config::{Pace, RateLimit};

/// What a rate counter counts; the key of its rows in `rate_counters`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// New accounts, per client address.
    SignUp,
    /// Sign-ups refused because the username or nickname was taken, per client address.
    SignUpFailure,
    /// Comments and replies, per student.
    Comment,
    /// Reports, per student.
    Report,
    /// 쪽지 sent, per student.
    Message,
    /// Conversations started, per student.
    Conversation,
    /// Photos uploaded, per student.
    ImageUpload,
}

impl Action {
    fn key(self) -> &'static str {
        match self {
            Action::SignUp => "signup",
            Action::SignUpFailure => "signup-failure",
            Action::Comment => "comment",
            Action::Report => "report",
            Action::Message => "message",
            Action::Conversation => "conversation",
            Action::ImageUpload => "image-upload",
        }
    }
}

/// What a pace paces; the key of its rows in `rate_paces`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PacedAction {
    /// Sign-up attempts per client address (before the password is hashed).
    SignUp,
}

impl PacedAction {
    fn key(self) -> &'static str {
        match self {
            PacedAction::SignUp => "signup",
        }
    }
}

/// Whether a limited action may go ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowance {
    Allowed,
    /// Over the limit: the seconds until the subject may try again.
    Refused {
        wait_seconds: i64,
    },
}

/// Counts one more `action` by `subject` in the current window of `limit`, inside the caller's write
/// transaction, and says whether that stays within the limit. On a refusal the caller rolls back, so the
/// refused attempt counts nothing; so does an action that fails later.
///
/// The windows are fixed (aligned to multiples of their length), so one upsert both resets a stale count and
/// increments, atomically on either database: two servers counting the same subject at once queue on the row.
/// A burst across a window's edge can reach twice the limit, which is the price of one row per subject.
pub async fn take(
    tx: &mut Tx,
    limit: RateLimit,
    action: Action,
    subject: &str,
    now: i64,
) -> Result<Allowance, sqlx::Error> {
    let count = count_one(tx, limit, action, subject, now).await?;
    Ok(if count > limit.max {
        Allowance::Refused { wait_seconds: window_left(limit, now) }
    } else {
        Allowance::Allowed
    })
}

/// Seconds until the current window of `limit` turns.
fn window_left(limit: RateLimit, now: i64) -> i64 {
    limit.window_seconds.max(1) - now.rem_euclid(limit.window_seconds.max(1))
}

/// The start of the current window of `limit`.
fn window_start(limit: RateLimit, now: i64) -> i64 {
    now - now.rem_euclid(limit.window_seconds.max(1))
}

/// Counts one more `action` by `subject` in the current window, whatever the limit; the count, this one
/// included.
async fn count_one(
    tx: &mut Tx,
    limit: RateLimit,
    action: Action,
    subject: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO rate_counters (action, subject, window_start, count) VALUES ($1, $2, $3, 1) \
         ON CONFLICT (action, subject) DO UPDATE SET \
             count = CASE WHEN rate_counters.window_start = excluded.window_start \
                          THEN rate_counters.count + 1 ELSE 1 END, \
             window_start = excluded.window_start \
         RETURNING count",
    )
    .bind(action.key())
    .bind(subject)
    .bind(window_start(limit, now))
    .fetch_one(&mut **tx)
    .await
}

/// Counts one more `action` by `subject`, in a transaction of its own, without refusing: for recording what
/// already happened (a failed attempt).
pub async fn record_now(
    db: &Db,
    limit: RateLimit,
    action: Action,
    subject: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    count_one(&mut tx, limit, action, subject, now).await?;
    tx.commit().await
}

/// Whether `subject` has room left under `limit` for `action` in the current window, counting nothing: the
/// check before an attempt whose failures, not the attempt itself, are counted.
pub async fn room_left(
    db: &Db,
    limit: RateLimit,
    action: Action,
    subject: &str,
    now: i64,
) -> Result<Allowance, sqlx::Error> {
    let count: Option<i64> = sqlx::query_scalar(
        "SELECT count FROM rate_counters WHERE action = $1 AND subject = $2 AND window_start = $3",
    )
    .bind(action.key())
    .bind(subject)
    .bind(window_start(limit, now))
    .fetch_optional(db.pool())
    .await?;
    Ok(if count.unwrap_or(0) >= limit.max {
        Allowance::Refused { wait_seconds: window_left(limit, now) }
    } else {
        Allowance::Allowed
    })
}

/// Lets one more `action` by `subject` through at `pace`, or says how long to wait.
///
/// A generic cell rate algorithm (see migration 0008): the stored time moves one interval on from the later
/// of itself and now with every allowed action, and an action is allowed while that leaves it at most a
/// burst's worth of intervals ahead of now. A refused action rolls back and moves nothing.
pub async fn pace_now(
    db: &Db,
    pace: Pace,
    action: PacedAction,
    subject: &str,
    now_ms: i64,
) -> Result<Allowance, sqlx::Error> {
    let interval = pace.interval_ms();
    let mut tx = db.begin_write().await?;
    let tat: i64 = sqlx::query_scalar(
        "INSERT INTO rate_paces (action, subject, tat_ms) VALUES ($1, $2, $3 + $4) \
         ON CONFLICT (action, subject) DO UPDATE SET \
             tat_ms = CASE WHEN rate_paces.tat_ms > $3 THEN rate_paces.tat_ms ELSE $3 END + $4 \
         RETURNING tat_ms",
    )
    .bind(action.key())
    .bind(subject)
    .bind(now_ms)
    .bind(interval)
    .fetch_one(&mut *tx)
    .await?;
    let ahead = tat - now_ms;
    let allowance = pace.burst.max(1) * interval;
    if ahead > allowance {
        tx.rollback().await?;
        return Ok(Allowance::Refused { wait_seconds: (ahead - allowance + 999) / 1000 });
    }
    tx.commit().await?;
    Ok(Allowance::Allowed)
}

/// A log-in attempt recorded as a failure before the password is checked (see [`reserve_login_attempt`]).
#[derive(Debug, Clone, Copy)]
pub struct ReservedAttempt(i64);

/// What asking to check a password led to.
pub enum LoginReservation {
    /// Recorded as a failure in advance: a wrong password leaves the record as the failure it is, a right
    /// one clears it.
    Reserved(ReservedAttempt),
    /// The account or the address has used up its failures in the window; nothing was recorded.
    Refused(RecentFailures),
}

/// Reserves one password check for the account from the address, unless either has `max_account` or
/// `max_address` failures since `since`. The count and the record are one transaction that holds advisory
/// locks on the account and the address, so guesses sent at once take turns: exactly as many go ahead as
/// the limits have room for (counting first outside a transaction let every simultaneous guess through).
#[allow(clippy::too_many_arguments)]
pub async fn reserve_login_attempt(
    db: &Db,
    username_key: &str,
    client_addr: &str,
    now: i64,
    since: i64,
    max_account: i64,
    max_address: i64,
) -> Result<LoginReservation, sqlx::Error> {
    let locks = [LockKey::new("login-account", username_key), LockKey::new("login-address", client_addr)];
    let mut tx = db.begin_with_locks(&locks).await?;
    let recent = recent(&mut tx, username_key, client_addr, since).await?;
    if recent.account >= max_account || recent.address >= max_address {
        tx.rollback().await?;
        return Ok(LoginReservation::Refused(recent));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO login_failures (username_key, client_addr, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(username_key)
    .bind(client_addr)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(LoginReservation::Reserved(ReservedAttempt(id)))
}

/// Takes back an attempt whose password was right: it failed nothing.
pub async fn release_login_attempt(db: &Db, attempt: ReservedAttempt) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM login_failures WHERE id = $1").bind(attempt.0).execute(&mut *tx).await?;
    tx.commit().await
}

/// Failures for one account and for one client address since `since`, and the oldest of the account's.
pub struct RecentFailures {
    pub account: i64,
    pub account_oldest: Option<i64>,
    pub address: i64,
    pub address_oldest: Option<i64>,
}

async fn recent(
    tx: &mut Tx,
    username_key: &str,
    client_addr: &str,
    since: i64,
) -> Result<RecentFailures, sqlx::Error> {
    let (account, account_oldest): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), MIN(created_at) FROM login_failures WHERE username_key = $1 AND created_at > $2",
    )
    .bind(username_key)
    .bind(since)
    .fetch_one(&mut **tx)
    .await?;
    let (address, address_oldest): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), MIN(created_at) FROM login_failures WHERE client_addr = $1 AND created_at > $2",
    )
    .bind(client_addr)
    .bind(since)
    .fetch_one(&mut **tx)
    .await?;
    Ok(RecentFailures { account, account_oldest, address, address_oldest })
}

/// Forgets this account's and this address's failures that have left the window (after a failure, so the
/// table stays as small as the recent failures).
pub async fn forget_old_failures(
    db: &Db,
    username_key: &str,
    client_addr: &str,
    window_start: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "DELETE FROM login_failures WHERE (username_key = $1 OR client_addr = $2) AND created_at <= $3",
    )
    .bind(username_key)
    .bind(client_addr)
    .bind(window_start)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// A successful log-in clears the account's failures (not the address's: other accounts may be under attack
/// from there).
pub async fn clear_account(db: &Db, username_key: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM login_failures WHERE username_key = $1")
        .bind(username_key)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}
