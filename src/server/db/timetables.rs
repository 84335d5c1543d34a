//! Timetables and their entries.
//!
//! Every change to a student's timetables runs in a write transaction that first locks the student's row
//! ([`Db::begin_for_student`]). That one lock is what keeps "exactly one primary per semester", the 30-entry cap and the conflict check exact when two
//! requests of the same student arrive together.

use std::collections::HashMap;

use sqlx::FromRow;

use super::{Db, Tx};
use crate::error::AppError;
use crate::model::timetable::{
    CustomEntry, Entry, Semester, Slot, Timetable, TimetableSummary, Visibility, MAX_ENTRIES,
};
use crate::server::error::is_unique_violation;
use crate::text::{fill, timetable as t};

#[derive(FromRow)]
struct TimetableRow {
    id: i64,
    semester: i64,
    name: String,
    visibility: i64,
    is_primary: i64,
}

impl TimetableRow {
    fn summary(&self) -> TimetableSummary {
        TimetableSummary {
            id: self.id,
            name: self.name.clone(),
            visibility: Visibility::from_code(self.visibility),
            is_primary: self.is_primary != 0,
        }
    }
}

const TIMETABLE_COLUMNS: &str = "id, semester, name, visibility, is_primary";

/// A timetable of the student, inside their transaction; someone else's is `NotFound`, like a missing one.
async fn owned(tx: &mut Tx, user_id: i64, timetable_id: i64) -> Result<TimetableRow, AppError> {
    let sql = format!("SELECT {TIMETABLE_COLUMNS} FROM timetables WHERE id = $1 AND user_id = $2");
    let row: Option<TimetableRow> =
        sqlx::query_as(&sql).bind(timetable_id).bind(user_id).fetch_optional(&mut **tx).await?;
    row.ok_or(AppError::NotFound)
}

/// The student's timetables of a semester: the primary first, then in the order they were made.
pub async fn list(db: &Db, user_id: i64, semester: Semester) -> Result<Vec<TimetableSummary>, sqlx::Error> {
    let sql = format!(
        "SELECT {TIMETABLE_COLUMNS} FROM timetables WHERE user_id = $1 AND semester = $2 \
         ORDER BY is_primary DESC, id"
    );
    let rows: Vec<TimetableRow> =
        sqlx::query_as(&sql).bind(user_id).bind(semester.0).fetch_all(db.pool()).await?;
    Ok(rows.iter().map(TimetableRow::summary).collect())
}

/// Semesters in which the student has timetables.
pub async fn semesters_of(db: &Db, user_id: i64) -> Result<Vec<Semester>, sqlx::Error> {
    let found: Vec<i64> = sqlx::query_scalar("SELECT DISTINCT semester FROM timetables WHERE user_id = $1")
        .bind(user_id)
        .fetch_all(db.pool())
        .await?;
    Ok(found.into_iter().map(Semester).collect())
}

/// A whole timetable with its entries and their times, if `user_id` owns it.
pub async fn load_own(db: &Db, user_id: i64, timetable_id: i64) -> Result<Option<Timetable>, sqlx::Error> {
    let sql = format!("SELECT {TIMETABLE_COLUMNS} FROM timetables WHERE id = $1 AND user_id = $2");
    let row: Option<TimetableRow> =
        sqlx::query_as(&sql).bind(timetable_id).bind(user_id).fetch_optional(db.pool()).await?;
    match row {
        Some(row) => Ok(Some(with_entries(db, row).await?)),
        None => Ok(None),
    }
}

/// The student's primary timetable of a semester, whoever asks (the caller applies the visibility rules).
pub async fn primary_of(db: &Db, user_id: i64, semester: Semester) -> Result<Option<Timetable>, sqlx::Error> {
    let sql = format!(
        "SELECT {TIMETABLE_COLUMNS} FROM timetables WHERE user_id = $1 AND semester = $2 AND is_primary = 1"
    );
    let row: Option<TimetableRow> =
        sqlx::query_as(&sql).bind(user_id).bind(semester.0).fetch_optional(db.pool()).await?;
    match row {
        Some(row) => Ok(Some(with_entries(db, row).await?)),
        None => Ok(None),
    }
}

async fn with_entries(db: &Db, row: TimetableRow) -> Result<Timetable, sqlx::Error> {
    let entries: Vec<(i64, Option<i64>, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, course_id, name, professor, room, credits FROM timetable_entries \
         WHERE timetable_id = $1 ORDER BY id",
    )
    .bind(row.id)
    .fetch_all(db.pool())
    .await?;
    let slots: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT entry_id, weekday, start_minute, end_minute FROM timetable_slots \
         WHERE timetable_id = $1 ORDER BY weekday, start_minute",
    )
    .bind(row.id)
    .fetch_all(db.pool())
    .await?;
    let mut slots_of: HashMap<i64, Vec<Slot>> = HashMap::new();
    for (entry_id, weekday, start_minute, end_minute) in slots {
        slots_of.entry(entry_id).or_default().push(Slot { weekday, start_minute, end_minute });
    }
    let entries = entries
        .into_iter()
        .map(|(id, course_id, name, professor, room, credits)| Entry {
            slots: slots_of.remove(&id).unwrap_or_default(),
            id,
            course_id,
            name,
            professor,
            room,
            credits,
        })
        .collect();
    Ok(Timetable { summary: row.summary(), semester: Semester(row.semester), entries })
}

/// Makes a timetable; the student's first of the semester becomes its primary. Returns the new id.
pub async fn create(
    db: &Db,
    user_id: i64,
    semester: Semester,
    name: &str,
    now: i64,
) -> Result<i64, AppError> {
    let mut tx = db.begin_for_student(user_id).await?;
    let has_primary: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM timetables WHERE user_id = $1 AND semester = $2 AND is_primary = 1",
    )
    .bind(user_id)
    .bind(semester.0)
    .fetch_one(&mut *tx)
    .await?;
    let inserted = sqlx::query_scalar(
        "INSERT INTO timetables (user_id, semester, name, visibility, is_primary, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(user_id)
    .bind(semester.0)
    .bind(name)
    .bind(Visibility::Friends.code())
    .bind(i64::from(has_primary == 0))
    .bind(now)
    .fetch_one(&mut *tx)
    .await;
    let id: i64 = inserted.map_err(name_taken)?;
    tx.commit().await?;
    Ok(id)
}

fn name_taken(error: sqlx::Error) -> AppError {
    if is_unique_violation(&error) {
        AppError::Conflict(t::NAME_TAKEN.into())
    } else {
        error.into()
    }
}

pub async fn rename(db: &Db, user_id: i64, timetable_id: i64, name: &str) -> Result<(), AppError> {
    let mut tx = db.begin_for_student(user_id).await?;
    owned(&mut tx, user_id, timetable_id).await?;
    sqlx::query("UPDATE timetables SET name = $1 WHERE id = $2")
        .bind(name)
        .bind(timetable_id)
        .execute(&mut *tx)
        .await
        .map_err(name_taken)?;
    tx.commit().await?;
    Ok(())
}

pub async fn set_visibility(
    db: &Db,
    user_id: i64,
    timetable_id: i64,
    visibility: Visibility,
) -> Result<(), AppError> {
    let mut tx = db.begin_for_student(user_id).await?;
    owned(&mut tx, user_id, timetable_id).await?;
    sqlx::query("UPDATE timetables SET visibility = $1 WHERE id = $2")
        .bind(visibility.code())
        .bind(timetable_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Makes a timetable its semester's primary; the old primary stops being one in the same transaction.
pub async fn make_primary(db: &Db, user_id: i64, timetable_id: i64) -> Result<(), AppError> {
    let mut tx = db.begin_for_student(user_id).await?;
    let timetable = owned(&mut tx, user_id, timetable_id).await?;
    sqlx::query(
        "UPDATE timetables SET is_primary = 0 WHERE user_id = $1 AND semester = $2 AND is_primary = 1",
    )
    .bind(user_id)
    .bind(timetable.semester)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE timetables SET is_primary = 1 WHERE id = $1")
        .bind(timetable_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes a timetable with its entries. If it was the primary, the oldest remaining one of the semester
/// takes over, so a semester with timetables always has exactly one primary.
pub async fn delete(db: &Db, user_id: i64, timetable_id: i64) -> Result<(), AppError> {
    let mut tx = db.begin_for_student(user_id).await?;
    let timetable = owned(&mut tx, user_id, timetable_id).await?;
    sqlx::query(
        "UPDATE courses SET added_count = added_count - 1 \
         WHERE id IN (SELECT course_id FROM timetable_entries WHERE timetable_id = $1)",
    )
    .bind(timetable_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM timetable_slots WHERE timetable_id = $1")
        .bind(timetable_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM timetable_entries WHERE timetable_id = $1")
        .bind(timetable_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM timetables WHERE id = $1").bind(timetable_id).execute(&mut *tx).await?;
    if timetable.is_primary != 0 {
        sqlx::query(
            "UPDATE timetables SET is_primary = 1 WHERE id = \
             (SELECT MIN(id) FROM timetables WHERE user_id = $1 AND semester = $2)",
        )
        .bind(user_id)
        .bind(timetable.semester)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The entry of the timetable whose times overlap any of `slots` (touching is not overlapping).
async fn clash(tx: &mut Tx, timetable_id: i64, slots: &[Slot]) -> Result<Option<String>, sqlx::Error> {
    for slot in slots {
        let name: Option<String> = sqlx::query_scalar(
            "SELECT e.name FROM timetable_slots s JOIN timetable_entries e ON e.id = s.entry_id \
             WHERE s.timetable_id = $1 AND s.weekday = $2 AND s.start_minute < $4 AND s.end_minute > $3 \
             ORDER BY s.start_minute LIMIT 1",
        )
        .bind(timetable_id)
        .bind(slot.weekday)
        .bind(slot.start_minute)
        .bind(slot.end_minute)
        .fetch_optional(&mut **tx)
        .await?;
        if name.is_some() {
            return Ok(name);
        }
    }
    Ok(None)
}

/// The checks every new entry passes: room left under the cap, and no time clash.
async fn check_room_and_time(tx: &mut Tx, timetable_id: i64, slots: &[Slot]) -> Result<(), AppError> {
    let entries: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM timetable_entries WHERE timetable_id = $1")
        .bind(timetable_id)
        .fetch_one(&mut **tx)
        .await?;
    if entries >= MAX_ENTRIES {
        return Err(AppError::Conflict(t::TIMETABLE_FULL.into()));
    }
    if let Some(name) = clash(tx, timetable_id, slots).await? {
        return Err(AppError::Conflict(fill(t::TIME_CONFLICT, &name)));
    }
    Ok(())
}

struct NewEntry<'a> {
    course_id: Option<i64>,
    name: &'a str,
    professor: &'a str,
    room: &'a str,
    credits: i64,
    slots: &'a [Slot],
}

async fn insert_entry(
    tx: &mut Tx,
    timetable_id: i64,
    entry: NewEntry<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO timetable_entries (timetable_id, course_id, name, professor, room, credits, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(timetable_id)
    .bind(entry.course_id)
    .bind(entry.name)
    .bind(entry.professor)
    .bind(entry.room)
    .bind(entry.credits)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    for slot in entry.slots {
        sqlx::query(
            "INSERT INTO timetable_slots (entry_id, timetable_id, weekday, start_minute, end_minute) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(timetable_id)
        .bind(slot.weekday)
        .bind(slot.start_minute)
        .bind(slot.end_minute)
        .execute(&mut **tx)
        .await?;
    }
    Ok(id)
}

/// Adds a catalogue course of the timetable's semester: not twice, not over the cap, not clashing with
/// anything already there. Returns the entry's id.
pub async fn add_course(
    db: &Db,
    school_id: i64,
    user_id: i64,
    timetable_id: i64,
    course_id: i64,
    now: i64,
) -> Result<i64, AppError> {
    let mut tx = db.begin_for_student(user_id).await?;
    let timetable = owned(&mut tx, user_id, timetable_id).await?;
    let course: Option<(i64, String, String, String, i64)> = sqlx::query_as(
        "SELECT semester, name, professor, room, credits FROM courses WHERE id = $1 AND school_id = $2",
    )
    .bind(course_id)
    .bind(school_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (semester, name, professor, room, credits) = course.ok_or(AppError::NotFound)?;
    if semester != timetable.semester {
        return Err(AppError::Conflict(t::OTHER_SEMESTER.into()));
    }
    let duplicate: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM timetable_entries WHERE timetable_id = $1 AND course_id = $2",
    )
    .bind(timetable_id)
    .bind(course_id)
    .fetch_one(&mut *tx)
    .await?;
    if duplicate > 0 {
        return Err(AppError::Conflict(t::DUPLICATE_COURSE.into()));
    }
    let slots: Vec<Slot> = sqlx::query_as(
        "SELECT weekday, start_minute, end_minute FROM course_slots WHERE course_id = $1 ORDER BY weekday, start_minute",
    )
    .bind(course_id)
    .fetch_all(&mut *tx)
    .await?;
    check_room_and_time(&mut tx, timetable_id, &slots).await?;
    let entry = NewEntry {
        course_id: Some(course_id),
        name: &name,
        professor: &professor,
        room: &room,
        credits,
        slots: &slots,
    };
    let id = insert_entry(&mut tx, timetable_id, entry, now).await?;
    sqlx::query("UPDATE courses SET added_count = added_count + 1 WHERE id = $1")
        .bind(course_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// Adds a student's own event, under the same cap and conflict rules as a course.
pub async fn add_custom(
    db: &Db,
    user_id: i64,
    timetable_id: i64,
    custom: &CustomEntry,
    now: i64,
) -> Result<i64, AppError> {
    let mut tx = db.begin_for_student(user_id).await?;
    owned(&mut tx, user_id, timetable_id).await?;
    let slots = [custom.slot];
    check_room_and_time(&mut tx, timetable_id, &slots).await?;
    let entry = NewEntry {
        course_id: None,
        name: &custom.name,
        professor: &custom.professor,
        room: &custom.room,
        credits: 0,
        slots: &slots,
    };
    let id = insert_entry(&mut tx, timetable_id, entry, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes an entry from one of the student's timetables.
pub async fn remove_entry(db: &Db, user_id: i64, entry_id: i64) -> Result<(), AppError> {
    let mut tx = db.begin_for_student(user_id).await?;
    let entry: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT e.course_id FROM timetable_entries e JOIN timetables t ON t.id = e.timetable_id \
         WHERE e.id = $1 AND t.user_id = $2",
    )
    .bind(entry_id)
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await?;
    let course_id = entry.ok_or(AppError::NotFound)?;
    if let Some(course_id) = course_id {
        sqlx::query("UPDATE courses SET added_count = added_count - 1 WHERE id = $1")
            .bind(course_id)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM timetable_slots WHERE entry_id = $1").bind(entry_id).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM timetable_entries WHERE id = $1").bind(entry_id).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}
