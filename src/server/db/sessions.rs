//! Queries on logins (sessions) and their single-use refresh tokens.
//!
//! A login is live until it is revoked, and a login that was not kept (로그인 유지 unticked) also only until
//! its fixed end: refresh takes an `unkept_started_after` instant, and such a login that started before it
//! is over.

use super::{Db, Flag};

/// A live login, as a refresh continues it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct Login {
    #[sqlx(rename = "id")]
    pub session_id: i64,
    pub user_id: i64,
    /// 로그인 유지: the student's choice when the login started.
    #[sqlx(try_from = "Flag")]
    pub kept: bool,
    /// When the login started (UTC Unix seconds): a login not kept ends a fixed time after it.
    #[sqlx(rename = "created_at")]
    pub started_at: i64,
}

/// What presenting a refresh token led to.
#[derive(Debug, PartialEq, Eq)]
pub enum Exchange {
    /// The token was valid and is now spent, or was spent within the reuse window; the login goes on with
    /// the successor.
    Accepted(Login),
    /// The token had been spent before the reuse window: someone replayed it, so the whole login was revoked.
    Reused,
    /// Unknown, expired, or its login was already revoked.
    Rejected,
}

/// Starts a login, kept or not, and stores its first refresh token (by hash).
pub async fn create(
    db: &Db,
    user_id: i64,
    kept: bool,
    refresh_hash: &str,
    refresh_expires_at: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let session_id: i64 = sqlx::query_scalar(
        "INSERT INTO sessions (user_id, created_at, kept) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(user_id)
    .bind(now)
    .bind(Flag(kept))
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO refresh_tokens (session_id, token_hash, expires_at) VALUES ($1, $2, $3)")
        .bind(session_id)
        .bind(refresh_hash)
        .bind(refresh_expires_at)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(session_id)
}

/// Spends a refresh token and, if it was valid, stores its successor — in one transaction, so that of two
/// requests racing with the same token exactly one spends it.
///
/// The others are not thieves: a screen that fires several calls after the access token lapsed sends the
/// same refresh cookie with each. A token spent less than `reuse_window` seconds ago (0 turns this off) is therefore accepted
/// again and continues the login with the same successor (the caller derives it from the token, so every
/// server gives the same one). Presented later than that, a spent token is a replay: the whole login is
/// revoked. On PostgreSQL the racing requests queue on the token's row lock, and each sees the spend of
/// the one before it once that commits; on SQLite they take turns to write.
///
/// A login not kept that started at or before `unkept_started_after` is over: its tokens are refused like an
/// expired one's.
pub async fn exchange(
    db: &Db,
    presented_hash: &str,
    successor_hash: &str,
    successor_expires_at: i64,
    now: i64,
    reuse_window: i64,
    unkept_started_after: i64,
) -> Result<Exchange, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    // The conditional UPDATE is the single point of truth: only one transaction can flip used_at.
    let spent: Option<i64> = sqlx::query_scalar(
        "UPDATE refresh_tokens SET used_at = $2 \
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 \
         AND session_id IN (SELECT id FROM sessions \
             WHERE revoked_at IS NULL AND (kept = 1 OR created_at > $3)) \
         RETURNING session_id",
    )
    .bind(presented_hash)
    .bind(now)
    .bind(unkept_started_after)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(session_id) = spent {
        let login: Login = sqlx::query_as("SELECT id, user_id, kept, created_at FROM sessions WHERE id = $1")
            .bind(session_id)
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO refresh_tokens (session_id, token_hash, expires_at) VALUES ($1, $2, $3)")
            .bind(session_id)
            .bind(successor_hash)
            .bind(successor_expires_at)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        return Ok(Exchange::Accepted(login));
    }
    let previous: Option<(i64, Option<i64>)> =
        sqlx::query_as("SELECT session_id, used_at FROM refresh_tokens WHERE token_hash = $1")
            .bind(presented_hash)
            .fetch_optional(&mut *tx)
            .await?;
    let outcome = match previous {
        Some((session_id, Some(used_at))) if now - used_at < reuse_window => {
            // The successor the first exchange stored, if its login is still live.
            let live: Option<Login> = sqlx::query_as(
                "SELECT s.id, s.user_id, s.kept, s.created_at \
                 FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id \
                 WHERE r.token_hash = $1 AND r.session_id = $2 AND s.revoked_at IS NULL \
                 AND (s.kept = 1 OR s.created_at > $3)",
            )
            .bind(successor_hash)
            .bind(session_id)
            .bind(unkept_started_after)
            .fetch_optional(&mut *tx)
            .await?;
            live.map_or(Exchange::Rejected, Exchange::Accepted)
        }
        Some((session_id, Some(_used_at))) => {
            revoke_in(&mut tx, session_id, now).await?;
            tracing::warn!(session_id, "refresh token reused: login revoked");
            Exchange::Reused
        }
        _ => Exchange::Rejected,
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Ends one login (log-out). Its refresh tokens and access tokens stop working at once.
pub async fn revoke(db: &Db, session_id: i64, now: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    revoke_in(&mut tx, session_id, now).await?;
    tx.commit().await
}

/// Ends every login of a student except `keep` (the one asking, after a password change), or all of them.
pub async fn revoke_all(db: &Db, user_id: i64, keep: Option<i64>, now: i64) -> Result<u64, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE sessions SET revoked_at = $3 WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL",
    )
    .bind(user_id)
    .bind(keep.unwrap_or(0))
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(result.rows_affected())
}

async fn revoke_in(tx: &mut super::Tx, session_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
        .bind(session_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
