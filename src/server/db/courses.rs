//! The course catalogue: seeding each school's recent semesters, catalogue search, one course, and the
//! professor lookup.

use std::collections::HashMap;

use sqlx::FromRow;

use super::{contains_pattern, Db, Stored};
use crate::model::timetable::{
    CatalogueQuery, Course, CourseCategory, CourseSort, ProfessorSummary, Rating, Semester, Slot,
};
use crate::server::catalogue::{self, GeneratedCourse};

/// Semesters seeded with a catalogue at start: the current one and the two before it.
pub const SEEDED_SEMESTERS: usize = 3;

/// Rows per multi-row INSERT while seeding (well under either database's limit on bound parameters).
const SEED_BATCH: usize = 200;

/// Gives every school a generated catalogue for the current semester and the two before it, where it has
/// none yet. Idempotent, and safe when several servers start at once: the unique (school, semester, code)
/// key makes the later of two seeders find its rows taken, and it then keeps the earlier one's catalogue.
pub async fn seed_recent_semesters(db: &Db, now: i64) -> Result<(), sqlx::Error> {
    let mut semester = Semester::current(now);
    for _ in 0..SEEDED_SEMESTERS {
        let missing: Vec<i64> = sqlx::query_scalar(
            "SELECT s.id FROM schools s \
             WHERE NOT EXISTS (SELECT 1 FROM courses c WHERE c.school_id = s.id AND c.semester = $1) \
             ORDER BY s.id",
        )
        .bind(semester.0)
        .fetch_all(db.pool())
        .await?;
        for school_id in missing {
            seed_semester(db, school_id, semester, 1, false).await?;
        }
        semester = semester.previous();
    }
    Ok(())
}

/// Generates and stores one school's catalogue of one semester; `sections` scales it (see
/// [`catalogue::generate`]). With `replace`, the semester's existing catalogue is deleted first (benchmarks;
/// it fails if a timetable holds one of its courses). Returns how many courses were added.
pub async fn seed_semester(
    db: &Db,
    school_id: i64,
    semester: Semester,
    sections: usize,
    replace: bool,
) -> Result<usize, sqlx::Error> {
    let departments: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM departments WHERE school_id = $1 ORDER BY id")
            .bind(school_id)
            .fetch_all(db.pool())
            .await?;
    let courses = catalogue::generate(school_id, &departments, semester.year(), semester.term(), sections);
    let mut tx = db.begin_write().await?;
    if replace {
        for sql in [
            "DELETE FROM course_slots WHERE course_id IN \
             (SELECT id FROM courses WHERE school_id = $1 AND semester = $2)",
            "DELETE FROM courses WHERE school_id = $1 AND semester = $2",
        ] {
            sqlx::query(sql).bind(school_id).bind(semester.0).execute(&mut *tx).await?;
        }
    }
    let mut inserted = 0;
    for batch in courses.chunks(SEED_BATCH) {
        inserted += insert_courses(&mut tx, school_id, semester, batch).await?;
    }
    if inserted < courses.len() as u64 {
        // Another server seeded this semester at the same moment (its rows won the unique key): keep theirs.
        tx.rollback().await?;
        return Ok(0);
    }
    let slots: Vec<(&str, &Slot)> = courses
        .iter()
        .flat_map(|course| course.slots.iter().map(|slot| (course.code.as_str(), slot)))
        .collect();
    for batch in slots.chunks(SEED_BATCH) {
        let values = placeholders(batch.len(), 4, 3);
        let sql = format!(
            "INSERT INTO course_slots (course_id, weekday, start_minute, end_minute) \
             SELECT c.id, v.column2, v.column3, v.column4 FROM (VALUES {values}) AS v \
             JOIN courses c ON c.school_id = $1 AND c.semester = $2 AND c.code = v.column1"
        );
        let mut query = sqlx::query(&sql).bind(school_id).bind(semester.0);
        for (code, slot) in batch {
            query = query.bind(*code).bind(slot.weekday).bind(slot.start_minute).bind(slot.end_minute);
        }
        query.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(courses.len())
}

async fn insert_courses(
    tx: &mut super::Tx,
    school_id: i64,
    semester: Semester,
    batch: &[GeneratedCourse],
) -> Result<u64, sqlx::Error> {
    let values = placeholders(batch.len(), 8, 3);
    // VALUES columns are column1, column2, … in both dialects. `WHERE 1 = 1` is SQLite's documented way to
    // keep `ON CONFLICT` from being parsed as part of the SELECT.
    let sql = format!(
        "INSERT INTO courses (school_id, semester, code, name, professor, department_id, credits, category, \
                              room, capacity) \
         SELECT $1, $2, v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8 \
         FROM (VALUES {values}) AS v WHERE 1 = 1 \
         ON CONFLICT (school_id, semester, code) DO NOTHING"
    );
    let mut query = sqlx::query(&sql).bind(school_id).bind(semester.0);
    for course in batch {
        query = query
            .bind(&course.code)
            .bind(&course.name)
            .bind(&course.professor)
            .bind(course.department_id)
            .bind(course.credits)
            .bind(Stored(course.category))
            .bind(&course.room)
            .bind(course.capacity);
    }
    Ok(query.execute(&mut **tx).await?.rows_affected())
}

/// `($3, $4, …), (…)`: `rows` tuples of `width` numbered placeholders starting at `$first`.
fn placeholders(rows: usize, width: usize, first: usize) -> String {
    (0..rows)
        .map(|row| {
            let cells: Vec<String> =
                (0..width).map(|col| format!("${}", first + row * width + col)).collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A course row with its department and rating, before its slots are attached.
#[derive(FromRow)]
struct CourseRow {
    id: i64,
    semester: i64,
    code: String,
    name: String,
    professor: String,
    department: Option<String>,
    credits: i64,
    category: Stored<CourseCategory>,
    room: String,
    capacity: i64,
    added_count: i64,
    review_count: i64,
    star_total: i64,
}

/// The columns of [`CourseRow`], with the department and the rating of the course's (name, professor).
macro_rules! course_select {
    () => {
        "SELECT c.id, c.semester, c.code, c.name, c.professor, d.name AS department, \
           c.credits, c.category, c.room, c.capacity, c.added_count, \
           COALESCE(r.review_count, 0) AS review_count, COALESCE(r.star_total, 0) AS star_total \
         FROM courses c LEFT JOIN departments d ON d.id = c.department_id \
         LEFT JOIN course_ratings r ON r.school_id = c.school_id AND r.course_name = c.name \
           AND r.professor = c.professor"
    };
}

/// Attaches each course's weekly slots (one query for the whole list).
async fn with_slots(db: &Db, rows: Vec<CourseRow>) -> Result<Vec<Course>, sqlx::Error> {
    let mut slots: HashMap<i64, Vec<Slot>> = HashMap::new();
    if !rows.is_empty() {
        let ids: Vec<String> = rows.iter().map(|row| row.id.to_string()).collect();
        // The ids are integers from the database, so inlining them is safe and keeps one statement per list.
        let sql = format!(
            "SELECT course_id, weekday, start_minute, end_minute FROM course_slots \
             WHERE course_id IN ({}) ORDER BY course_id, weekday, start_minute",
            ids.join(",")
        );
        let found: Vec<(i64, i64, i64, i64)> = sqlx::query_as(&sql).fetch_all(db.pool()).await?;
        for (course_id, weekday, start_minute, end_minute) in found {
            slots.entry(course_id).or_default().push(Slot { weekday, start_minute, end_minute });
        }
    }
    Ok(rows
        .into_iter()
        .map(|row| Course {
            slots: slots.remove(&row.id).unwrap_or_default(),
            id: row.id,
            semester: Semester(row.semester),
            code: row.code,
            name: row.name,
            professor: row.professor,
            department: row.department,
            credits: row.credits,
            category: row.category.0,
            room: row.room,
            capacity: row.capacity,
            added_count: row.added_count,
            rating: Rating { count: row.review_count, total: row.star_total },
        })
        .collect())
}

/// The catalogue search of one sort order. Every filter is a bound value that is NULL when not given: `$3`
/// the text pattern (name, professor, code or room), `$4` the department, `$5` the credits, `$6` the
/// weekday, `$7` the category; `$8` and `$9` the page's length and offset.
macro_rules! catalogue_search {
    ($order:literal) => {
        concat!(
            course_select!(),
            " WHERE c.school_id = $1 AND c.semester = $2 ",
            "AND ($3 IS NULL OR c.name LIKE $3 ESCAPE '\\' OR c.professor LIKE $3 ESCAPE '\\' ",
            "OR LOWER(c.code) LIKE LOWER($3) ESCAPE '\\' OR LOWER(c.room) LIKE LOWER($3) ESCAPE '\\') ",
            "AND ($4 IS NULL OR c.department_id = $4) AND ($5 IS NULL OR c.credits = $5) ",
            "AND ($6 IS NULL OR EXISTS (SELECT 1 FROM course_slots s WHERE s.course_id = c.id AND s.weekday = $6)) ",
            "AND ($7 IS NULL OR c.category = $7) ",
            "ORDER BY ", $order, " LIMIT $8 OFFSET $9"
        )
    };
}

const BY_NAME: &str = catalogue_search!("c.name, c.code");
const BY_CODE: &str = catalogue_search!("c.code");
const BY_RATING: &str = catalogue_search!(
    "CASE WHEN r.review_count > 0 THEN 1.0 * r.star_total / r.review_count ELSE 0 END DESC, \
     r.review_count DESC, c.name, c.code"
);
const BY_POPULARITY: &str = catalogue_search!("c.added_count DESC, c.name, c.code");

/// At most `limit` courses of a semester's catalogue from `offset`, filtered and sorted.
pub async fn search(
    db: &Db,
    school_id: i64,
    semester: Semester,
    filters: &CatalogueQuery,
    sort: CourseSort,
    limit: i64,
    offset: i64,
) -> Result<Vec<Course>, sqlx::Error> {
    let sql = match sort {
        CourseSort::Name => BY_NAME,
        CourseSort::Code => BY_CODE,
        CourseSort::Rating => BY_RATING,
        CourseSort::Popular => BY_POPULARITY,
    };
    let rows: Vec<CourseRow> = sqlx::query_as(sql)
        .bind(school_id)
        .bind(semester.0)
        .bind(filters.text.as_deref().map(contains_pattern))
        .bind(filters.department_id)
        .bind(filters.credits)
        .bind(filters.weekday)
        .bind(filters.category.map(Stored))
        .bind(limit)
        .bind(offset)
        .fetch_all(db.pool())
        .await?;
    with_slots(db, rows).await
}

/// A course of the school, any semester.
pub async fn find(db: &Db, school_id: i64, course_id: i64) -> Result<Option<Course>, sqlx::Error> {
    const ONE: &str = concat!(course_select!(), " WHERE c.id = $1 AND c.school_id = $2");
    let row: Option<CourseRow> =
        sqlx::query_as(ONE).bind(course_id).bind(school_id).fetch_optional(db.pool()).await?;
    Ok(with_slots(db, row.into_iter().collect()).await?.pop())
}

/// Semesters with a catalogue at the school, newest first. A loose index scan: each step seeks the next
/// lower semester in (school_id, semester, …), so the cost is the number of semesters, not of courses.
pub async fn semesters(db: &Db, school_id: i64) -> Result<Vec<Semester>, sqlx::Error> {
    let found: Vec<i64> = sqlx::query_scalar(
        "WITH RECURSIVE s(semester) AS ( \
             SELECT MAX(semester) FROM courses WHERE school_id = $1 \
             UNION ALL \
             SELECT (SELECT MAX(c.semester) FROM courses c WHERE c.school_id = $1 AND c.semester < s.semester) \
             FROM s WHERE s.semester IS NOT NULL) \
         SELECT semester FROM s WHERE semester IS NOT NULL",
    )
    .bind(school_id)
    .fetch_all(db.pool())
    .await?;
    Ok(found.into_iter().map(Semester).collect())
}

/// Professors of the school whose name contains `text`, with their department and number of courses.
pub async fn find_professors(
    db: &Db,
    school_id: i64,
    text: &str,
) -> Result<Vec<ProfessorSummary>, sqlx::Error> {
    let rows: Vec<(String, Option<String>, i64)> = sqlx::query_as(
        "SELECT c.professor, MIN(d.name), COUNT(*) FROM courses c LEFT JOIN departments d ON d.id = c.department_id \
         WHERE c.school_id = $1 AND c.professor LIKE $2 ESCAPE '\\' \
         GROUP BY c.professor ORDER BY c.professor LIMIT 50",
    )
    .bind(school_id)
    .bind(contains_pattern(text))
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(name, department, course_count)| ProfessorSummary { name, department, course_count })
        .collect())
}

/// Every course a professor taught at the school, newest semester first.
pub async fn of_professor(db: &Db, school_id: i64, professor: &str) -> Result<Vec<Course>, sqlx::Error> {
    const OF_PROFESSOR: &str = concat!(
        course_select!(),
        " WHERE c.school_id = $1 AND c.professor = $2 ORDER BY c.semester DESC, c.name, c.code"
    );
    let rows = sqlx::query_as(OF_PROFESSOR).bind(school_id).bind(professor).fetch_all(db.pool()).await?;
    with_slots(db, rows).await
}
