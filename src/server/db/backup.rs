//! Backup and restore of the embedded (SQLite) database, both while the app runs.
//!
//! A backup is `VACUUM INTO`: one read transaction, so the copy is a consistent snapshot however many writes
//! go on meanwhile, and a compact file. A restore checks the backup (its integrity and that it was made by
//! the same schema version), then replaces every table's rows with the backup's in one write transaction:
//! the running app sees the old data or the restored data, never a mix, and nothing is half-written if it
//! fails. PostgreSQL has its own tools (`pg_dump`, `pg_restore`) and is refused here.

use std::path::Path;

use sqlx::{Connection as _, Executor as _};

use super::{Backend, Db};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "backup and restore are for the embedded SQLite database; use pg_dump and pg_restore for PostgreSQL"
    )]
    NotSqlite,
    #[error("{0} already exists; choose a new file for the backup")]
    TargetExists(String),
    #[error("{0} does not exist")]
    Missing(String),
    #[error("{0} is damaged: {1}")]
    Damaged(String, String),
    #[error("{0} was made by a different version of Campus (its migrations differ from this database's)")]
    OtherVersion(String),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

/// Writes a consistent copy of the database to `target`, which must not exist yet.
pub async fn backup(db: &Db, target: &Path) -> Result<(), BackupError> {
    if db.backend() != Backend::Sqlite {
        return Err(BackupError::NotSqlite);
    }
    if target.exists() {
        return Err(BackupError::TargetExists(target.display().to_string()));
    }
    sqlx::query("VACUUM INTO $1").bind(target.display().to_string()).execute(db.pool()).await?;
    Ok(())
}

/// Replaces the database's contents with the backup at `source`. Returns the number of rows restored.
pub async fn restore(db: &Db, source: &Path) -> Result<u64, BackupError> {
    if db.backend() != Backend::Sqlite {
        return Err(BackupError::NotSqlite);
    }
    let name = source.display().to_string();
    if !source.is_file() {
        return Err(BackupError::Missing(name));
    }
    // A connection of its own (not returned to the pool: it carries the attached file), since ATTACH is not
    // allowed inside a transaction.
    let mut conn = db.pool().acquire().await?.detach();
    sqlx::query("ATTACH DATABASE $1 AS backup")
        .bind(&name)
        .execute(&mut conn)
        .await
        .map_err(|e| BackupError::Damaged(name.clone(), e.to_string()))?;
    let result = copy_from_backup(&mut conn, &name).await;
    let _ = conn.execute("DETACH DATABASE backup").await;
    let _ = conn.close().await;
    result
}

async fn copy_from_backup(conn: &mut sqlx::AnyConnection, name: &str) -> Result<u64, BackupError> {
    let check: Vec<String> = sqlx::query_scalar("PRAGMA backup.integrity_check")
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| BackupError::Damaged(name.to_owned(), e.to_string()))?;
    if check != ["ok"] {
        return Err(BackupError::Damaged(name.to_owned(), check.join("; ")));
    }
    // The same migrations, applied in both: then the tables and their columns are the same too.
    let same_version: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM main._sqlx_migrations) = (SELECT COUNT(*) FROM backup._sqlx_migrations) \
            AND NOT EXISTS (SELECT version, checksum FROM main._sqlx_migrations \
                            EXCEPT SELECT version, checksum FROM backup._sqlx_migrations)",
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(|_| BackupError::OtherVersion(name.to_owned()))?;
    if same_version == 0 {
        return Err(BackupError::OtherVersion(name.to_owned()));
    }
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await?;

    // Foreign keys are off on this connection while the rows are swapped (no cascade may fire, whatever the
    // order of the tables), and checked as a whole before the commit.
    conn.execute("PRAGMA foreign_keys = OFF").await?;
    let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
    // The one place SQL names a table from a value: a restore swaps every table there is, so the names come
    // from the database's own catalogue (never from a request), quoted as identifiers.
    for table in &tables {
        tx.execute(format!("DELETE FROM main.\"{table}\"").as_str()).await?;
    }
    let mut rows = 0;
    for table in &tables {
        let copied = tx
            .execute(format!("INSERT INTO main.\"{table}\" SELECT * FROM backup.\"{table}\"").as_str())
            .await?;
        rows += copied.rows_affected();
    }
    let dangling: Vec<(String,)> =
        sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check").fetch_all(&mut *tx).await?;
    if let Some((table,)) = dangling.first() {
        return Err(BackupError::Damaged(
            name.to_owned(),
            format!("a row of {table} refers to a missing row"),
        ));
    }
    tx.commit().await?;
    Ok(rows)
}
