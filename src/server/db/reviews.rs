//! 강의평 (course reviews), keyed by (course name, professor) within a school. The running totals in
//! `course_ratings` move in the review's own transaction, by increments, so averages stay exact.
//!
//! Every list reads the author's id only to compute `is_mine` for the reader; it never leaves this module.

use sqlx::{AnyConnection, FromRow};

use super::{contains_pattern, Db, Stored};
use crate::model::codes::Code;
use crate::model::reviews::{ReviewEntry, ReviewSummary, ReviewedCourse, ReviewedPair, Tally};
use crate::model::timetable::{
    Amount, Attendance, Course, Grading, Rating, Review, ReviewInput, Semester, MAX_EXAMS,
};

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

/// The columns of [`ReviewRow`], of the review aliased `r`.
macro_rules! review_columns {
    () => {
        "r.id, r.user_id, r.semester, r.stars, r.body, r.assignments, r.team_projects, r.grading, \
         r.attendance, r.exams, r.created_at"
    };
}

impl ReviewRow {
    /// The review as `viewer_id` sees it: anonymous, `is_mine` computed here.
    fn into_review(self, viewer_id: i64) -> Review {
        Review {
            id: self.id,
            semester: Semester(self.semester),
            content: ReviewInput {
                stars: self.stars,
                body: self.body,
                assignments: self.assignments.0,
                team_projects: self.team_projects.0,
                grading: self.grading.0,
                attendance: self.attendance.0,
                exams: self.exams,
            },
            created_at: self.created_at,
            is_mine: self.user_id == viewer_id,
        }
    }
}

/// At most `limit` reviews of a (course name, professor), newest first, as `viewer_id` sees them.
pub async fn for_course(
    db: &Db,
    school_id: i64,
    course: &Course,
    viewer_id: i64,
    limit: i64,
) -> Result<Vec<Review>, sqlx::Error> {
    const FOR_COURSE: &str = concat!(
        "SELECT ",
        review_columns!(),
        " FROM course_reviews r WHERE r.school_id = $1 AND r.course_name = $2 AND r.professor = $3 \
         ORDER BY r.id DESC LIMIT $4"
    );
    let rows: Vec<ReviewRow> = sqlx::query_as(FOR_COURSE)
        .bind(school_id)
        .bind(&course.name)
        .bind(&course.professor)
        .bind(limit)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.into_iter().map(|row| row.into_review(viewer_id)).collect())
}

/// A review with the course it is about.
#[derive(FromRow)]
struct EntryRow {
    #[sqlx(flatten)]
    review: ReviewRow,
    course_name: String,
    professor: String,
    course_id: Option<i64>,
}

/// The newest semester's section of the pair of the row aliased `$alias` (`courses_professor_idx`).
macro_rules! newest_section {
    ($alias:literal) => {
        concat!(
            "(SELECT c.id FROM courses c WHERE c.school_id = ",
            $alias,
            ".school_id AND c.professor = ",
            $alias,
            ".professor AND c.name = ",
            $alias,
            ".course_name ORDER BY c.semester DESC, c.id DESC LIMIT 1)"
        )
    };
}

/// The school's reviews, or only `author_id`'s when given, newest first below the id `before`: at most
/// `limit`, as `viewer_id` sees them.
pub async fn listed(
    db: &Db,
    school_id: i64,
    author_id: Option<i64>,
    viewer_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<ReviewEntry>, sqlx::Error> {
    const LISTED: &str = concat!(
        "SELECT ",
        review_columns!(),
        ", r.course_name, r.professor, ",
        newest_section!("r"),
        " AS course_id FROM course_reviews r \
         WHERE r.school_id = $1 AND ($2 IS NULL OR r.user_id = $2) AND ($3 IS NULL OR r.id < $3) \
         ORDER BY r.id DESC LIMIT $4"
    );
    let rows: Vec<EntryRow> = sqlx::query_as(LISTED)
        .bind(school_id)
        .bind(author_id)
        .bind(before)
        .bind(limit)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| ReviewEntry {
            course: ReviewedPair {
                course_id: row.course_id,
                name: row.course_name,
                professor: row.professor,
            },
            review: row.review.into_review(viewer_id),
        })
        .collect())
}

/// The school's reviewed (course name, professor) pairs whose name or professor contains `text`, most
/// reviewed first: at most `limit` from `offset`.
pub async fn search_courses(
    db: &Db,
    school_id: i64,
    text: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<ReviewedCourse>, sqlx::Error> {
    const SEARCH: &str = concat!(
        "SELECT ",
        newest_section!("r"),
        " AS course_id, r.course_name, r.professor, r.review_count, r.star_total \
         FROM course_ratings r \
         WHERE r.school_id = $1 AND r.review_count > 0 \
           AND (r.course_name LIKE $2 ESCAPE '\\' OR r.professor LIKE $2 ESCAPE '\\') \
         ORDER BY r.review_count DESC, r.course_name, r.professor LIMIT $3 OFFSET $4"
    );
    let rows: Vec<(Option<i64>, String, String, i64, i64)> = sqlx::query_as(SEARCH)
        .bind(school_id)
        .bind(contains_pattern(text))
        .bind(limit)
        .bind(offset)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(course_id, name, professor, count, total)| ReviewedCourse {
            course: ReviewedPair { course_id, name, professor },
            rating: Rating { count, total },
        })
        .collect())
}

/// How the reviews of a (course name, professor) answered each question, in one statement: a row per
/// (question, answer) with its count.
pub async fn summary(db: &Db, school_id: i64, course: &Course) -> Result<ReviewSummary, sqlx::Error> {
    /// One question's counts, as text answers (the exam count and stars cast, so that the union has one type).
    macro_rules! counts_of {
        ($question:literal, $answer:literal) => {
            concat!(
                "SELECT '",
                $question,
                "' AS question, CAST(",
                $answer,
                " AS TEXT) AS answer, COUNT(*) AS n FROM course_reviews \
                 WHERE school_id = $1 AND course_name = $2 AND professor = $3 GROUP BY ",
                $answer
            )
        };
    }
    const SUMMARY: &str = concat!(
        counts_of!("stars", "stars"),
        " UNION ALL ",
        counts_of!("assignments", "assignments"),
        " UNION ALL ",
        counts_of!("team_projects", "team_projects"),
        " UNION ALL ",
        counts_of!("grading", "grading"),
        " UNION ALL ",
        counts_of!("attendance", "attendance"),
        " UNION ALL ",
        counts_of!("exams", "exams")
    );
    let rows: Vec<(String, String, i64)> = sqlx::query_as(SUMMARY)
        .bind(school_id)
        .bind(&course.name)
        .bind(&course.professor)
        .fetch_all(db.pool())
        .await?;
    let count_of = |question: &str, answer: &str| {
        rows.iter().find(|(q, a, _)| q == question && a == answer).map_or(0, |(_, _, n)| *n)
    };
    fn tallies<T: Code>(count_of: impl Fn(&str) -> i64) -> Vec<Tally<T>> {
        T::ALL.iter().map(|&answer| Tally { answer, count: count_of(answer.code()) }).collect()
    }
    let mut stars = [0; 5];
    for (slot, value) in stars.iter_mut().zip(1..) {
        *slot = count_of("stars", &value.to_string());
    }
    Ok(ReviewSummary {
        stars,
        assignments: tallies(|code| count_of("assignments", code)),
        team_projects: tallies(|code| count_of("team_projects", code)),
        grading: tallies(|code| count_of("grading", code)),
        attendance: tallies(|code| count_of("attendance", code)),
        exams: (0..=MAX_EXAMS)
            .map(|exams| Tally { answer: exams, count: count_of("exams", &exams.to_string()) })
            .filter(|tally| tally.count > 0)
            .collect(),
    })
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
