//! 학점계산기 rows: a student's scale, terms and their courses, and the timetable rows an import reads.
//! Every statement names the owner (`user_id`), so another student's term or course is simply not found.

use sqlx::{AnyConnection, FromRow};

use super::{Db, Flag, Stored};
use crate::model::gpa::{CourseInput, GpaCourse, Grade, HalfCredits, Scale};
use crate::model::timetable::Semester;

/// What a write under a name led to.
#[derive(Debug, PartialEq, Eq)]
pub enum Named<T> {
    Done(T),
    /// The term already holds a course of that name (`gpa_courses_name_key`).
    NameTaken,
}

/// The student's scale, if they ever chose one.
pub async fn scale(executor: impl sqlx::AnyExecutor<'_>, user_id: i64) -> Result<Option<Scale>, sqlx::Error> {
    let stored: Option<Stored<Scale>> =
        sqlx::query_scalar("SELECT scale FROM gpa_settings WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(executor)
            .await?;
    Ok(stored.map(|s| s.0))
}

pub async fn set_scale(conn: &mut AnyConnection, user_id: i64, scale: Scale) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO gpa_settings (user_id, scale) VALUES ($1, $2) \
         ON CONFLICT (user_id) DO UPDATE SET scale = excluded.scale",
    )
    .bind(user_id)
    .bind(Stored(scale))
    .execute(conn)
    .await?;
    Ok(())
}

/// The student's terms, in the order they were made: (id, name).
pub async fn terms(db: &Db, user_id: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, name FROM gpa_terms WHERE user_id = $1 ORDER BY id")
        .bind(user_id)
        .fetch_all(db.pool())
        .await
}

#[derive(FromRow)]
struct CourseRow {
    term_id: i64,
    id: i64,
    name: String,
    half_credits: i64,
    grade: Option<Stored<Grade>>,
    is_major: Flag,
}

/// Every course of the student, with its term's id, by term and then in the order they were added.
pub async fn courses(db: &Db, user_id: i64) -> Result<Vec<(i64, GpaCourse)>, sqlx::Error> {
    let rows: Vec<CourseRow> = sqlx::query_as(
        "SELECT term_id, id, name, half_credits, grade, is_major FROM gpa_courses \
         WHERE user_id = $1 ORDER BY term_id, id",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let course = GpaCourse {
                id: row.id,
                name: row.name,
                credits: HalfCredits(row.half_credits),
                grade: row.grade.map(|g| g.0),
                is_major: row.is_major.into(),
            };
            (row.term_id, course)
        })
        .collect())
}

pub async fn count_terms(conn: &mut AnyConnection, user_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM gpa_terms WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(conn)
        .await
}

pub async fn insert_term(
    conn: &mut AnyConnection,
    user_id: i64,
    name: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("INSERT INTO gpa_terms (user_id, name, created_at) VALUES ($1, $2, $3) RETURNING id")
        .bind(user_id)
        .bind(name)
        .bind(now)
        .fetch_one(conn)
        .await
}

/// Whether the student has this term.
pub async fn owns_term(conn: &mut AnyConnection, user_id: i64, term_id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM gpa_terms WHERE id = $1 AND user_id = $2")
        .bind(term_id)
        .bind(user_id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

/// The student's oldest term of this name, if any.
pub async fn term_named(
    conn: &mut AnyConnection,
    user_id: i64,
    name: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM gpa_terms WHERE user_id = $1 AND name = $2 ORDER BY id LIMIT 1")
        .bind(user_id)
        .bind(name)
        .fetch_optional(conn)
        .await
}

/// Renames the student's term; whether there was one.
pub async fn rename_term(
    conn: &mut AnyConnection,
    user_id: i64,
    term_id: i64,
    name: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE gpa_terms SET name = $1 WHERE id = $2 AND user_id = $3")
        .bind(name)
        .bind(term_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Deletes the student's term and its courses; whether there was one.
pub async fn delete_term(conn: &mut AnyConnection, user_id: i64, term_id: i64) -> Result<bool, sqlx::Error> {
    sqlx::query("DELETE FROM gpa_courses WHERE term_id = $1 AND user_id = $2")
        .bind(term_id)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    let done = sqlx::query("DELETE FROM gpa_terms WHERE id = $1 AND user_id = $2")
        .bind(term_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn count_courses(conn: &mut AnyConnection, term_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM gpa_courses WHERE term_id = $1")
        .bind(term_id)
        .fetch_one(conn)
        .await
}

/// The names of a term's courses.
pub async fn course_names(conn: &mut AnyConnection, term_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM gpa_courses WHERE term_id = $1").bind(term_id).fetch_all(conn).await
}

/// Adds a course to a term the caller checked is the student's.
pub async fn insert_course(
    conn: &mut AnyConnection,
    user_id: i64,
    term_id: i64,
    course: &CourseInput,
    now: i64,
) -> Result<Named<i64>, sqlx::Error> {
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO gpa_courses (term_id, user_id, name, half_credits, grade, is_major, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (term_id, name) DO NOTHING RETURNING id",
    )
    .bind(term_id)
    .bind(user_id)
    .bind(&course.name)
    .bind(course.credits.0)
    .bind(course.grade.map(Stored))
    .bind(Flag(course.is_major))
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(id.map_or(Named::NameTaken, Named::Done))
}

/// Rewrites the student's course; `Done(false)` when there is none.
pub async fn update_course(
    conn: &mut AnyConnection,
    user_id: i64,
    course_id: i64,
    course: &CourseInput,
) -> Result<Named<bool>, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE gpa_courses SET name = $1, half_credits = $2, grade = $3, is_major = $4 \
         WHERE id = $5 AND user_id = $6",
    )
    .bind(&course.name)
    .bind(course.credits.0)
    .bind(course.grade.map(Stored))
    .bind(Flag(course.is_major))
    .bind(course_id)
    .bind(user_id)
    .execute(conn)
    .await;
    match result {
        Ok(done) => Ok(Named::Done(done.rows_affected() > 0)),
        Err(error) if crate::server::error::is_unique_violation(&error) => Ok(Named::NameTaken),
        Err(error) => Err(error),
    }
}

/// Deletes the student's course; whether there was one.
pub async fn delete_course(
    conn: &mut AnyConnection,
    user_id: i64,
    course_id: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM gpa_courses WHERE id = $1 AND user_id = $2")
        .bind(course_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// How many of the student's courses hold a minus grade (which the 4.5 scale lacks).
pub async fn minus_grades(conn: &mut AnyConnection, user_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM gpa_courses WHERE user_id = $1 AND grade IN ('A-', 'B-', 'C-', 'D-')",
    )
    .bind(user_id)
    .fetch_one(conn)
    .await
}

/// A timetable of the student (with its semester), as an import reads it.
pub struct TimetableCourses {
    pub semester: Semester,
    /// Each entry's name, whole credits (0 for a custom entry) and catalogue category code (`None` for a
    /// custom entry), in the order they were added.
    pub entries: Vec<(String, i64, Option<String>)>,
}

/// The student's timetable's entries, or `None` when it is not theirs.
pub async fn timetable_courses(
    conn: &mut AnyConnection,
    user_id: i64,
    timetable_id: i64,
) -> Result<Option<TimetableCourses>, sqlx::Error> {
    let semester: Option<i64> =
        sqlx::query_scalar("SELECT semester FROM timetables WHERE id = $1 AND user_id = $2")
            .bind(timetable_id)
            .bind(user_id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(semester) = semester else { return Ok(None) };
    let entries = sqlx::query_as(
        "SELECT e.name, e.credits, c.category FROM timetable_entries e \
         LEFT JOIN courses c ON c.id = e.course_id WHERE e.timetable_id = $1 ORDER BY e.id",
    )
    .bind(timetable_id)
    .fetch_all(conn)
    .await?;
    Ok(Some(TimetableCourses { semester: Semester(semester), entries }))
}

/// The student's timetables, newest semester first (primary first within one): (id, semester, name).
pub async fn timetables(db: &Db, user_id: i64) -> Result<Vec<(i64, i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, semester, name FROM timetables WHERE user_id = $1 \
         ORDER BY semester DESC, is_primary DESC, id",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await
}

/// Deletes everything of the student's 학점계산기 (account deletion), inside the caller's transaction.
pub async fn forget(conn: &mut AnyConnection, user_id: i64) -> Result<(), sqlx::Error> {
    for sql in [
        "DELETE FROM gpa_courses WHERE user_id = $1",
        "DELETE FROM gpa_terms WHERE user_id = $1",
        "DELETE FROM gpa_settings WHERE user_id = $1",
    ] {
        sqlx::query(sql).bind(user_id).execute(&mut *conn).await?;
    }
    Ok(())
}
