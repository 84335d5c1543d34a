//! Timetables, their entries and the entries' weekly times, as rows.

use std::collections::HashMap;

use sqlx::{AnyConnection, FromRow};

use super::{Db, Flag};
use crate::model::timetable::{Entry, Semester, Slot, Timetable, TimetableSummary, TodayClass, Visibility};

#[derive(FromRow)]
pub struct TimetableRow {
    pub id: i64,
    pub semester: i64,
    pub name: String,
    pub visibility: i64,
    pub is_primary: Flag,
}

impl TimetableRow {
    pub fn summary(&self) -> TimetableSummary {
        TimetableSummary {
            id: self.id,
            name: self.name.clone(),
            visibility: Visibility::from_stored(self.visibility),
            is_primary: self.is_primary.into(),
        }
    }
}

const OWNED: &str =
    "SELECT id, semester, name, visibility, is_primary FROM timetables WHERE id = $1 AND user_id = $2";
const OF_SEMESTER: &str = "SELECT id, semester, name, visibility, is_primary FROM timetables \
     WHERE user_id = $1 AND semester = $2 ORDER BY is_primary DESC, id";
const PRIMARY: &str = "SELECT id, semester, name, visibility, is_primary FROM timetables \
     WHERE user_id = $1 AND semester = $2 AND is_primary = 1";

/// A timetable of the student (someone else's is `None`, like a missing one).
pub async fn owned(
    conn: &mut AnyConnection,
    user_id: i64,
    timetable_id: i64,
) -> Result<Option<TimetableRow>, sqlx::Error> {
    sqlx::query_as(OWNED).bind(timetable_id).bind(user_id).fetch_optional(conn).await
}

/// The student's timetables of a semester: the primary first, then in the order they were made.
pub async fn list(db: &Db, user_id: i64, semester: Semester) -> Result<Vec<TimetableSummary>, sqlx::Error> {
    let rows: Vec<TimetableRow> =
        sqlx::query_as(OF_SEMESTER).bind(user_id).bind(semester.0).fetch_all(db.pool()).await?;
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
    let row: Option<TimetableRow> =
        sqlx::query_as(OWNED).bind(timetable_id).bind(user_id).fetch_optional(db.pool()).await?;
    match row {
        Some(row) => Ok(Some(with_entries(db, row).await?)),
        None => Ok(None),
    }
}

/// The student's primary timetable of a semester, whoever asks (the caller applies the visibility rules).
pub async fn primary_of(db: &Db, user_id: i64, semester: Semester) -> Result<Option<Timetable>, sqlx::Error> {
    let row: Option<TimetableRow> =
        sqlx::query_as(PRIMARY).bind(user_id).bind(semester.0).fetch_optional(db.pool()).await?;
    match row {
        Some(row) => Ok(Some(with_entries(db, row).await?)),
        None => Ok(None),
    }
}

/// The classes on `weekday` (0 = Mon) of the student's primary timetable of `semester`: one for each time of
/// an entry on that day, by start time; `None` when the student has no primary timetable that semester.
/// One statement: the timetable's row comes once with nothing joined when no class falls on that day.
pub async fn primary_classes_on(
    db: &Db,
    user_id: i64,
    semester: Semester,
    weekday: i64,
) -> Result<Option<Vec<TodayClass>>, sqlx::Error> {
    // Name, room, start and end: all null on the row of a timetable with no class that day.
    type ClassRow = (Option<String>, Option<String>, Option<i64>, Option<i64>);
    let rows: Vec<ClassRow> = sqlx::query_as(
        "SELECT e.name, e.room, s.start_minute, s.end_minute FROM timetables t \
         LEFT JOIN timetable_slots s ON s.timetable_id = t.id AND s.weekday = $3 \
         LEFT JOIN timetable_entries e ON e.id = s.entry_id \
         WHERE t.user_id = $1 AND t.semester = $2 AND t.is_primary = 1 \
         ORDER BY s.start_minute, e.id, s.end_minute",
    )
    .bind(user_id)
    .bind(semester.0)
    .bind(weekday)
    .fetch_all(db.pool())
    .await?;
    if rows.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        rows.into_iter()
            .filter_map(|(name, room, start_minute, end_minute)| {
                Some(TodayClass {
                    name: name?,
                    room: room?,
                    start_minute: start_minute?,
                    end_minute: end_minute?,
                })
            })
            .collect(),
    ))
}

/// A timetable by id with its owner's id and nickname, if its owner is a live student of `school_id`
/// (whoever asks: the caller applies the visibility rules). Another school's timetable is `None`, like a
/// missing one.
pub async fn in_school(
    db: &Db,
    school_id: i64,
    timetable_id: i64,
) -> Result<Option<(i64, String, Timetable)>, sqlx::Error> {
    let row: Option<(i64, String, i64, i64, String, i64, Flag)> = sqlx::query_as(
        "SELECT u.id, u.nickname, t.id, t.semester, t.name, t.visibility, t.is_primary \
         FROM timetables t JOIN users u ON u.id = t.user_id \
         WHERE t.id = $1 AND u.school_id = $2 AND u.deleted_at IS NULL",
    )
    .bind(timetable_id)
    .bind(school_id)
    .fetch_optional(db.pool())
    .await?;
    let Some((owner, nickname, id, semester, name, visibility, is_primary)) = row else {
        return Ok(None);
    };
    let row = TimetableRow { id, semester, name, visibility, is_primary };
    Ok(Some((owner, nickname, with_entries(db, row).await?)))
}

async fn with_entries(db: &Db, row: TimetableRow) -> Result<Timetable, sqlx::Error> {
    let entries: Vec<(i64, Option<i64>, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, course_id, name, professor, room, credits FROM timetable_entries \
         WHERE timetable_id = $1 ORDER BY id",
    )
    .bind(row.id)
    .fetch_all(db.pool())
    .await?;
    let mut slots_of: HashMap<i64, Vec<Slot>> = HashMap::new();
    for (entry_id, slot) in slots(db.pool(), row.id).await? {
        slots_of.entry(entry_id).or_default().push(slot);
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

/// Every weekly time of a timetable, with the entry it belongs to, by day and time.
async fn slots(
    executor: impl sqlx::AnyExecutor<'_>,
    timetable_id: i64,
) -> Result<Vec<(i64, Slot)>, sqlx::Error> {
    let rows: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT entry_id, weekday, start_minute, end_minute FROM timetable_slots \
         WHERE timetable_id = $1 ORDER BY weekday, start_minute",
    )
    .bind(timetable_id)
    .fetch_all(executor)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(entry, weekday, start_minute, end_minute)| (entry, Slot { weekday, start_minute, end_minute }))
        .collect())
}

/// The timetable's entries with each of their times, inside the caller's transaction: what a new entry is
/// checked against.
pub async fn occupied(conn: &mut AnyConnection, timetable_id: i64) -> Result<Occupied, sqlx::Error> {
    let names: Vec<(i64, String, Option<i64>)> = sqlx::query_as(
        "SELECT id, name, course_id FROM timetable_entries WHERE timetable_id = $1 ORDER BY id",
    )
    .bind(timetable_id)
    .fetch_all(&mut *conn)
    .await?;
    let times = slots(conn, timetable_id).await?;
    let name_of: HashMap<i64, String> = names.iter().map(|(id, name, _)| (*id, name.clone())).collect();
    Ok(Occupied {
        entries: names.len() as i64,
        courses: names.iter().filter_map(|(_, _, course)| *course).collect(),
        times: times
            .into_iter()
            .filter_map(|(entry, slot)| Some((name_of.get(&entry)?.clone(), slot)))
            .collect(),
    })
}

/// What a timetable holds, for the checks of a new entry.
pub struct Occupied {
    pub entries: i64,
    /// The catalogue courses among them.
    pub courses: Vec<i64>,
    /// Each weekly time with its entry's name, by day and time.
    pub times: Vec<(String, Slot)>,
}

/// Whether the student has a primary timetable of the semester.
pub async fn has_primary(
    conn: &mut AnyConnection,
    user_id: i64,
    semester: Semester,
) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM timetables WHERE user_id = $1 AND semester = $2 AND is_primary = 1",
    )
    .bind(user_id)
    .bind(semester.0)
    .fetch_one(conn)
    .await?;
    Ok(count > 0)
}

/// What storing a timetable under a name led to.
#[derive(Debug, PartialEq, Eq)]
pub enum Named<T> {
    Done(T),
    /// The student has a timetable of that name in the semester.
    NameTaken,
}

fn named<T>(result: Result<T, sqlx::Error>) -> Result<Named<T>, sqlx::Error> {
    match result {
        Ok(value) => Ok(Named::Done(value)),
        Err(error) if crate::server::error::is_unique_violation(&error) => Ok(Named::NameTaken),
        Err(error) => Err(error),
    }
}

pub struct NewTimetable<'a> {
    pub user_id: i64,
    pub semester: Semester,
    pub name: &'a str,
    pub visibility: Visibility,
    pub primary: bool,
}

pub async fn insert(
    conn: &mut AnyConnection,
    timetable: &NewTimetable<'_>,
    now: i64,
) -> Result<Named<i64>, sqlx::Error> {
    named(
        sqlx::query_scalar(
            "INSERT INTO timetables (user_id, semester, name, visibility, is_primary, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(timetable.user_id)
        .bind(timetable.semester.0)
        .bind(timetable.name)
        .bind(timetable.visibility.stored())
        .bind(Flag(timetable.primary))
        .bind(now)
        .fetch_one(conn)
        .await,
    )
}

pub async fn rename(
    conn: &mut AnyConnection,
    timetable_id: i64,
    name: &str,
) -> Result<Named<()>, sqlx::Error> {
    named(
        sqlx::query("UPDATE timetables SET name = $1 WHERE id = $2")
            .bind(name)
            .bind(timetable_id)
            .execute(conn)
            .await
            .map(|_| ()),
    )
}

pub async fn set_visibility(
    conn: &mut AnyConnection,
    timetable_id: i64,
    visibility: Visibility,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE timetables SET visibility = $1 WHERE id = $2")
        .bind(visibility.stored())
        .bind(timetable_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Makes the timetable its semester's primary, and the old primary not.
pub async fn make_primary(
    conn: &mut AnyConnection,
    user_id: i64,
    semester: i64,
    timetable_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE timetables SET is_primary = 0 WHERE user_id = $1 AND semester = $2 AND is_primary = 1",
    )
    .bind(user_id)
    .bind(semester)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE timetables SET is_primary = 1 WHERE id = $1")
        .bind(timetable_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes a timetable with its entries and their times, and takes its courses out of their counts.
pub async fn delete(conn: &mut AnyConnection, timetable_id: i64) -> Result<(), sqlx::Error> {
    for sql in [
        "UPDATE courses SET added_count = added_count - 1 \
         WHERE id IN (SELECT course_id FROM timetable_entries WHERE timetable_id = $1)",
        "DELETE FROM timetable_slots WHERE timetable_id = $1",
        "DELETE FROM timetable_entries WHERE timetable_id = $1",
        "DELETE FROM timetables WHERE id = $1",
    ] {
        sqlx::query(sql).bind(timetable_id).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Makes the oldest remaining timetable of the semester its primary.
pub async fn promote_oldest(
    conn: &mut AnyConnection,
    user_id: i64,
    semester: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE timetables SET is_primary = 1 WHERE id = \
         (SELECT MIN(id) FROM timetables WHERE user_id = $1 AND semester = $2)",
    )
    .bind(user_id)
    .bind(semester)
    .execute(conn)
    .await?;
    Ok(())
}

pub struct NewEntry<'a> {
    pub course_id: Option<i64>,
    pub name: &'a str,
    pub professor: &'a str,
    pub room: &'a str,
    pub credits: i64,
    pub slots: &'a [Slot],
}

/// Stores an entry with its times; a course's entry counts on the course.
pub async fn insert_entry(
    conn: &mut AnyConnection,
    timetable_id: i64,
    entry: &NewEntry<'_>,
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
    .fetch_one(&mut *conn)
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
        .execute(&mut *conn)
        .await?;
    }
    if let Some(course_id) = entry.course_id {
        sqlx::query("UPDATE courses SET added_count = added_count + 1 WHERE id = $1")
            .bind(course_id)
            .execute(conn)
            .await?;
    }
    Ok(id)
}

/// The course of an entry of one of the student's timetables (`Some(None)` for a custom entry).
pub async fn own_entry(
    conn: &mut AnyConnection,
    user_id: i64,
    entry_id: i64,
) -> Result<Option<Option<i64>>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT e.course_id FROM timetable_entries e JOIN timetables t ON t.id = e.timetable_id \
         WHERE e.id = $1 AND t.user_id = $2",
    )
    .bind(entry_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

/// Removes an entry with its times, and takes its course out of the course's count.
pub async fn delete_entry(
    conn: &mut AnyConnection,
    entry_id: i64,
    course_id: Option<i64>,
) -> Result<(), sqlx::Error> {
    if let Some(course_id) = course_id {
        sqlx::query("UPDATE courses SET added_count = added_count - 1 WHERE id = $1")
            .bind(course_id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM timetable_slots WHERE entry_id = $1").bind(entry_id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM timetable_entries WHERE id = $1").bind(entry_id).execute(conn).await?;
    Ok(())
}
