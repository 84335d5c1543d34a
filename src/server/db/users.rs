//! Queries on accounts.

use sqlx::{AnyConnection, FromRow};

use super::{Db, Flag};
use crate::model::account::{nickname_key, username_key, ValidSignup};
use crate::model::Me;

/// What log-in needs of an account. Server-only and deliberately not `Serialize`: it holds the hash.
#[derive(FromRow)]
pub struct Credentials {
    pub id: i64,
    pub password_hash: String,
}

/// What inserting a new account led to.
#[derive(Debug)]
pub enum Inserted {
    Created(i64),
    /// The username or the nickname is taken (the caller rolls back and finds out which).
    NameTaken,
}

/// The columns of [`Me`], for every query that loads it.
macro_rules! me_columns {
    () => {
        "u.id, u.username, u.nickname, u.school_id, s.name AS school_name, s.short_name AS school_short_name, \
         d.name AS department_name, u.admission_year, u.created_at AS joined_at, u.is_admin"
    };
}

/// [`Me`] as stored.
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
    is_admin: Flag,
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
            is_admin: row.is_admin.into(),
        }
    }
}

/// Stores a new account inside the caller's transaction.
pub async fn insert(
    conn: &mut AnyConnection,
    signup: &ValidSignup,
    password_hash: &str,
    now: i64,
) -> Result<Inserted, sqlx::Error> {
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
    .fetch_one(conn)
    .await;
    match inserted {
        Ok(id) => Ok(Inserted::Created(id)),
        Err(error) if crate::server::error::is_unique_violation(&error) => Ok(Inserted::NameTaken),
        Err(error) => Err(error),
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
    // A deleted account cannot log in: it is treated as an unknown name.
    sqlx::query_as("SELECT id, password_hash FROM users WHERE username_key = $1 AND deleted_at IS NULL")
        .bind(username_key(username))
        .fetch_optional(db.pool())
        .await
}

/// The account behind a live session: `None` when the session was revoked or belongs to someone else.
pub async fn by_live_session(db: &Db, session_id: i64, user_id: i64) -> Result<Option<Me>, sqlx::Error> {
    const BY_LIVE_SESSION: &str = concat!(
        "SELECT ",
        me_columns!(),
        " FROM sessions se JOIN users u ON u.id = se.user_id ",
        "JOIN schools s ON s.id = u.school_id JOIN departments d ON d.id = u.department_id ",
        "WHERE se.id = $1 AND se.user_id = $2 AND se.revoked_at IS NULL"
    );
    let row: Option<MeRow> =
        sqlx::query_as(BY_LIVE_SESSION).bind(session_id).bind(user_id).fetch_optional(db.pool()).await?;
    Ok(row.map(Me::from))
}

/// Grants or withdraws the admin role (operator command). Returns whether the account exists.
pub async fn set_admin(db: &Db, username: &str, admin: bool) -> Result<bool, sqlx::Error> {
    let result = sqlx::query("UPDATE users SET is_admin = $1 WHERE username_key = $2")
        .bind(Flag(admin))
        .bind(username_key(username))
        .execute(db.pool())
        .await?;
    Ok(result.rows_affected() == 1)
}

/// A student found by username in the asker's school.
#[derive(Debug, FromRow)]
pub struct SchoolMate {
    pub id: i64,
    pub username: String,
    pub nickname: String,
}

/// The student of `school_id` with this username (any case), if there is one. Another school's student and
/// a deleted account are not found, exactly like a name nobody has.
pub async fn in_school(db: &Db, school_id: i64, username: &str) -> Result<Option<SchoolMate>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, username, nickname FROM users \
         WHERE school_id = $1 AND username_key = $2 AND deleted_at IS NULL",
    )
    .bind(school_id)
    .bind(username_key(username.trim()))
    .fetch_optional(db.pool())
    .await
}

/// The stored password hash of a live account (for re-checking the password before a sensitive change).
pub async fn password_hash(db: &Db, user_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1 AND deleted_at IS NULL")
        .bind(user_id)
        .fetch_optional(db.pool())
        .await
}

/// When the student's nickname last changed (never: `None`).
pub async fn nickname_changed_at(db: &Db, user_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT nickname_changed_at FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(db.pool())
        .await
}

/// Why a nickname could not be changed.
#[derive(Debug)]
pub enum NicknameChange {
    Changed,
    /// Changed too recently: the time from which it may change again.
    TooSoon(i64),
    Taken,
}

/// Changes the nickname unless it changed less than `cooldown_seconds` ago or another student of the
/// school has it. The cooldown check and the update are one statement, so two quick changes cannot both pass.
pub async fn change_nickname(
    db: &Db,
    user_id: i64,
    nickname: &str,
    cooldown_seconds: i64,
    now: i64,
) -> Result<NicknameChange, sqlx::Error> {
    let updated = sqlx::query(
        "UPDATE users SET nickname = $1, nickname_key = $2, nickname_changed_at = $3 \
         WHERE id = $4 AND (nickname_changed_at IS NULL OR nickname_changed_at <= $5)",
    )
    .bind(nickname)
    .bind(nickname_key(nickname))
    .bind(now)
    .bind(user_id)
    .bind(now - cooldown_seconds)
    .execute(db.pool())
    .await;
    match updated {
        Ok(result) if result.rows_affected() == 1 => Ok(NicknameChange::Changed),
        Ok(_) => {
            let changed_at = nickname_changed_at(db, user_id).await?;
            Ok(NicknameChange::TooSoon(changed_at.unwrap_or(now) + cooldown_seconds))
        }
        Err(error) if crate::server::error::is_unique_violation(&error) => Ok(NicknameChange::Taken),
        Err(error) => Err(error),
    }
}

pub async fn set_password_hash(db: &Db, user_id: i64, password_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(user_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Closes an account inside the caller's transaction (see `server::accounts::delete_account` for what
/// stays): logins and their tokens, timetables, scraps and pinned boards go; the nickname becomes empty and its key is
/// released, the password can no longer match, and the username stays reserved.
pub async fn close(conn: &mut AnyConnection, user_id: i64, now: i64) -> Result<(), sqlx::Error> {
    for sql in [
        "DELETE FROM refresh_tokens WHERE session_id IN (SELECT id FROM sessions WHERE user_id = $1)",
        "DELETE FROM sessions WHERE user_id = $1",
        "UPDATE courses SET added_count = added_count - 1 WHERE id IN (SELECT course_id FROM timetable_entries \
         WHERE timetable_id IN (SELECT id FROM timetables WHERE user_id = $1))",
        "DELETE FROM timetable_slots WHERE timetable_id IN (SELECT id FROM timetables WHERE user_id = $1)",
        "DELETE FROM timetable_entries WHERE timetable_id IN (SELECT id FROM timetables WHERE user_id = $1)",
        "DELETE FROM timetables WHERE user_id = $1",
        "UPDATE posts SET scrap_count = scrap_count - 1 WHERE id IN (SELECT post_id FROM scraps WHERE user_id = $1)",
        "DELETE FROM scraps WHERE user_id = $1",
        "DELETE FROM board_pins WHERE user_id = $1",
    ] {
        sqlx::query(sql).bind(user_id).execute(&mut *conn).await?;
    }
    // Validated nicknames never contain ':', so the released key cannot clash with a real one.
    sqlx::query(
        "UPDATE users SET nickname = '', nickname_key = 'deleted:' || CAST(id AS TEXT), password_hash = '', \
         is_admin = 0, deleted_at = $2 WHERE id = $1",
    )
    .bind(user_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}
