//! 강의평 (course reviews), keyed by (course name, professor) within a school. The running totals in
//! `course_ratings` move in the review's own transaction, by increments, so averages stay exact.

use sqlx::{AnyConnection, FromRow};

use super::{Db, Stored};
use crate::model::timetable::{Amount, Attendance, Course, Grading, Review, ReviewInput, Semester};

/// Stores the student's review of the course's (name, professor) and counts it in the totals; `None` when
/// the student has reviewed that pair already (the unique key allows one).
pub async fn insert(
    conn: &mut AnyConnection,
    school_id: i64,
    user_id: i64,
    course: &Course,
    review: &ReviewInput,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO course_reviews (school_id, course_name, professor, user_id, semester, stars, body, \
                                     assignments, team_projects, grading, attendance, exams, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
         ON CONFLICT (school_id, course_name, professor, user_id) DO NOTHING RETURNING id",
    )
    .bind(school_id)
    .bind(&course.name)
    .bind(&course.professor)
    .bind(user_id)
    .bind(course.semester.0)
    .bind(review.stars)
    .bind(&review.body)
    .bind(Stored(review.assignments))
    .bind(Stored(review.team_projects))
    .bind(Stored(review.grading))
    .bind(Stored(review.attendance))
    .bind(review.exams)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    if id.is_some() {
        sqlx::query(
            "INSERT INTO course_ratings (school_id, course_name, professor, review_count, star_total) \
             VALUES ($1, $2, $3, 1, $4) \
             ON CONFLICT (school_id, course_name, professor) DO UPDATE \
             SET review_count = course_ratings.review_count + 1, \
                 star_total = course_ratings.star_total + excluded.star_total",
        )
        .bind(school_id)
        .bind(&course.name)
        .bind(&course.professor)
        .bind(review.stars)
        .execute(conn)
        .await?;
    }
    Ok(id)
}

/// Deletes the student's own review and takes it out of the totals; whether there was one.
pub async fn delete(
    conn: &mut AnyConnection,
    school_id: i64,
    user_id: i64,
    review_id: i64,
) -> Result<bool, sqlx::Error> {
    let review: Option<(String, String, i64)> = sqlx::query_as(
        "DELETE FROM course_reviews WHERE id = $1 AND school_id = $2 AND user_id = $3 \
         RETURNING course_name, professor, stars",
    )
    .bind(review_id)
    .bind(school_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((course_name, professor, stars)) = review else { return Ok(false) };
    sqlx::query(
        "UPDATE course_ratings SET review_count = review_count - 1, star_total = star_total - $4 \
         WHERE school_id = $1 AND course_name = $2 AND professor = $3",
    )
    .bind(school_id)
    .bind(&course_name)
    .bind(&professor)
    .bind(stars)
    .execute(conn)
    .await?;
    Ok(true)
}

#[derive(FromRow)]
struct ReviewRow {
    id: i64,
    user_id: i64,
    semester: i64,
    stars: i64,
    body: String,
    assignments: Stored<Amount>,
    team_projects: Stored<Amount>,
    grading: Stored<Grading>,
    attendance: Stored<Attendance>,
    exams: i64,
    created_at: i64,
}

/// At most `limit` reviews of a (course name, professor), newest first, as `viewer_id` sees them: anonymous,
/// with `is_mine` computed here so that the author's id never leaves the server.
pub async fn for_course(
    db: &Db,
    school_id: i64,
    course: &Course,
    viewer_id: i64,
    limit: i64,
) -> Result<Vec<Review>, sqlx::Error> {
    let rows: Vec<ReviewRow> = sqlx::query_as(
        "SELECT id, user_id, semester, stars, body, assignments, team_projects, grading, attendance, exams, \
                created_at \
         FROM course_reviews WHERE school_id = $1 AND course_name = $2 AND professor = $3 \
         ORDER BY id DESC LIMIT $4",
    )
    .bind(school_id)
    .bind(&course.name)
    .bind(&course.professor)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| Review {
            id: row.id,
            semester: Semester(row.semester),
            content: ReviewInput {
                stars: row.stars,
                body: row.body,
                assignments: row.assignments.0,
                team_projects: row.team_projects.0,
                grading: row.grading.0,
                attendance: row.attendance.0,
                exams: row.exams,
            },
            created_at: row.created_at,
            is_mine: row.user_id == viewer_id,
        })
        .collect())
}

/// How many reviews of a (course name, professor) gave 1, 2, 3, 4 and 5 stars.
pub async fn star_distribution(db: &Db, school_id: i64, course: &Course) -> Result<[i64; 5], sqlx::Error> {
    let counts: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT stars, COUNT(*) FROM course_reviews WHERE school_id = $1 AND course_name = $2 AND professor = $3 \
         GROUP BY stars",
    )
    .bind(school_id)
    .bind(&course.name)
    .bind(&course.professor)
    .fetch_all(db.pool())
    .await?;
    let mut distribution = [0; 5];
    for (stars, count) in counts {
        if let Some(slot) = distribution.get_mut((stars - 1) as usize) {
            *slot = count;
        }
    }
    Ok(distribution)
}

/// Whether the student has reviewed this (course name, professor).
pub async fn exists(db: &Db, school_id: i64, course: &Course, user_id: i64) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM course_reviews \
         WHERE school_id = $1 AND course_name = $2 AND professor = $3 AND user_id = $4",
    )
    .bind(school_id)
    .bind(&course.name)
    .bind(&course.professor)
    .bind(user_id)
    .fetch_one(db.pool())
    .await?;
    Ok(count > 0)
}
