//! Queries on accounts.

use sqlx::FromRow;

use super::Db;
use crate::model::account::{nickname_key, username_key, ValidSignup};
use crate::model::Me;

/// What log-in needs of an account. Server-only and deliberately not `Serialize`: it holds the hash.
#[derive(FromRow)]
pub struct Credentials {
    pub id: i64,
    pub password_hash: String,
}

/// Why an account could not be created.
#[derive(Debug)]
pub enum CreateUserError {
    UsernameTaken,
    NicknameTaken,
    Database(sqlx::Error),
}

impl From<sqlx::Error> for CreateUserError {
    fn from(error: sqlx::Error) -> Self {
        CreateUserError::Database(error)
    }
}

/// The columns of [`Me`], for every query that loads it.
const ME_COLUMNS: &str = "u.id, u.username, u.nickname, u.school_id, s.name AS school_name, \
     s.short_name AS school_short_name, d.name AS department_name, u.admission_year, u.created_at AS joined_at, \
     u.is_admin";

/// [`Me`] as stored: flags are integers in both dialects.
#[derive(FromRow)]
struct MeRow {
    id: i64,
    username: String,
    nickname: String,
    school_id: i64,
    school_name: String,
    school_short_name: String,
    department_name: String,
    admission_year: i64,
    joined_at: i64,
    is_admin: i64,
}

impl From<MeRow> for Me {
    fn from(row: MeRow) -> Self {
        Me {
            id: row.id,
            username: row.username,
            nickname: row.nickname,
            school_id: row.school_id,
            school_name: row.school_name,
            school_short_name: row.school_short_name,
            department_name: row.department_name,
            admission_year: row.admission_year,
            joined_at: row.joined_at,
            is_admin: row.is_admin != 0,
        }
    }
}

pub async fn create(
    db: &Db,
    signup: &ValidSignup,
    password_hash: &str,
    now: i64,
) -> Result<i64, CreateUserError> {
    let mut tx = db.begin_write().await?;
    let inserted = sqlx::query_scalar::<_, i64>(
        "INSERT INTO users (username, username_key, password_hash, nickname, nickname_key, school_id, \
         department_id, admission_year, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(&signup.username)
    .bind(username_key(&signup.username))
    .bind(password_hash)
    .bind(&signup.nickname)
    .bind(nickname_key(&signup.nickname))
    .bind(signup.school_id)
    .bind(signup.department_id)
    .bind(signup.admission_year)
    .bind(now)
    .fetch_one(&mut *tx)
    .await;
    match inserted {
        Ok(id) => {
            tx.commit().await?;
            Ok(id)
        }
        // Two unique constraints can fail here and SQLite does not say which: look the name up.
        Err(error) if crate::server::error::is_unique_violation(&error) => {
            tx.rollback().await?;
            if username_exists(db, &signup.username).await? {
                Err(CreateUserError::UsernameTaken)
            } else {
                Err(CreateUserError::NicknameTaken)
            }
        }
        Err(error) => Err(error.into()),
    }
}

pub async fn username_exists(db: &Db, username: &str) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE username_key = $1")
        .bind(username_key(username))
        .fetch_optional(db.pool())
        .await?;
    Ok(found.is_some())
}

pub async fn credentials(db: &Db, username: &str) -> Result<Option<Credentials>, sqlx::Error> {
    sqlx::query_as("SELECT id, password_hash FROM users WHERE username_key = $1")
        .bind(username_key(username))
        .fetch_optional(db.pool())
        .await
}

/// The account behind a live session: `None` when the session was revoked or belongs to someone else.
pub async fn by_live_session(db: &Db, session_id: i64, user_id: i64) -> Result<Option<Me>, sqlx::Error> {
    let sql = format!(
        "SELECT {ME_COLUMNS} FROM sessions se JOIN users u ON u.id = se.user_id \
         JOIN schools s ON s.id = u.school_id JOIN departments d ON d.id = u.department_id \
         WHERE se.id = $1 AND se.user_id = $2 AND se.revoked_at IS NULL"
    );
    let row: Option<MeRow> =
        sqlx::query_as(&sql).bind(session_id).bind(user_id).fetch_optional(db.pool()).await?;
    Ok(row.map(Me::from))
}

/// Grants or withdraws the admin role (operator command). Returns whether the account exists.
pub async fn set_admin(db: &Db, username: &str, admin: bool) -> Result<bool, sqlx::Error> {
    let result = sqlx::query("UPDATE users SET is_admin = $1 WHERE username_key = $2")
        .bind(i64::from(admin))
        .bind(username_key(username))
        .execute(db.pool())
        .await?;
    Ok(result.rows_affected() == 1)
}

/// A student of the given school by username (any case): their id and nickname. Another school's student
/// is `None`, exactly like an unknown name.
pub async fn in_school(
    db: &Db,
    school_id: i64,
    username: &str,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, nickname FROM users WHERE username_key = $1 AND school_id = $2")
        .bind(username_key(username))
        .bind(school_id)
        .fetch_optional(db.pool())
        .await
}
