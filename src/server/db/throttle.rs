//! Failed log-in records, kept in the database so that every app server enforces the same limits.

use super::Db;

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
