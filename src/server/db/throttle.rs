//! Throttles, kept in the database so that every app server enforces the same limits: failed log-in records
//! (per account and per client address), and rate counters for sign-ups, comments and reports.

use super::{Db, Tx};
use crate::error::AppError;
use crate::server::config::RateLimit;
use crate::text::{self, auth, community};

/// What a rate counter counts; the key of its rows in `rate_counters`.
#[derive(Debug, Clone, Copy)]
pub enum Action {
    /// New accounts, per client address.
    SignUp,
    /// Comments and replies, per student.
    Comment,
    /// Reports, per student.
    Report,
}

impl Action {
    fn key(self) -> &'static str {
        match self {
            Action::SignUp => "signup",
            Action::Comment => "comment",
            Action::Report => "report",
        }
    }

    /// The refusal, given the seconds until the window turns (short windows speak in seconds).
    fn refusal(self, wait_seconds: i64) -> AppError {
        let minutes = (wait_seconds + 59) / 60;
        AppError::TooManyRequests(match self {
            Action::SignUp => text::fill(auth::SIGNUP_THROTTLED, minutes),
            Action::Comment => text::fill(community::COMMENTING_TOO_FAST, wait_seconds),
            Action::Report => text::fill(community::REPORTING_TOO_FAST, minutes),
        })
    }
}

/// Counts one more `action` by `subject` in the current window of `limit`, inside the caller's write
/// transaction, or refuses with a message that says how long to wait (429). On a refusal the caller's
/// transaction rolls back, so the refused attempt counts nothing; so does an action that fails later.
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
) -> Result<(), AppError> {
    let window = limit.window_seconds.max(1);
    let window_start = now - now.rem_euclid(window);
    let count: i64 = sqlx::query_scalar(
        "INSERT INTO rate_counters (action, subject, window_start, count) VALUES ($1, $2, $3, 1) \
         ON CONFLICT (action, subject) DO UPDATE SET \
             count = CASE WHEN rate_counters.window_start = excluded.window_start \
                          THEN rate_counters.count + 1 ELSE 1 END, \
             window_start = excluded.window_start \
         RETURNING count",
    )
    .bind(action.key())
    .bind(subject)
    .bind(window_start)
    .fetch_one(&mut **tx)
    .await?;
    if count > limit.max {
        return Err(action.refusal(window_start + window - now));
    }
    Ok(())
}

/// Failures for one account and for one client address since `since`, and the oldest of the account's.
pub struct RecentFailures {
    pub account: i64,
    pub account_oldest: Option<i64>,
    pub address: i64,
    pub address_oldest: Option<i64>,
}

pub async fn recent(
    db: &Db,
    username_key: &str,
    client_addr: &str,
    since: i64,
) -> Result<RecentFailures, sqlx::Error> {
    let (account, account_oldest): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), MIN(created_at) FROM login_failures WHERE username_key = $1 AND created_at > $2",
    )
    .bind(username_key)
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    let (address, address_oldest): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), MIN(created_at) FROM login_failures WHERE client_addr = $1 AND created_at > $2",
    )
    .bind(client_addr)
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    Ok(RecentFailures { account, account_oldest, address, address_oldest })
}

/// [`take`] in a transaction of its own, for an action that is counted when attempted rather than when done.
pub async fn take_now(
    db: &Db,
    limit: RateLimit,
    action: Action,
    subject: &str,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    take(&mut tx, limit, action, subject, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Records a failure and forgets this account's failures that have left the window.
pub async fn record_failure(
    db: &Db,
    username_key: &str,
    client_addr: &str,
    now: i64,
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
    sqlx::query("INSERT INTO login_failures (username_key, client_addr, created_at) VALUES ($1, $2, $3)")
        .bind(username_key)
        .bind(client_addr)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// A successful log-in clears the account's failures (not the address's: other accounts may be under attack
/// from there).
pub async fn clear_account(db: &Db, username_key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_failures WHERE username_key = $1")
        .bind(username_key)
        .execute(db.pool())
        .await?;
    Ok(())
}
