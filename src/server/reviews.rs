//! 강의평 and the professor lookup. Reviews are keyed by (course name, professor) within a school, so every
//! semester of a course shares them; one review per student per pair; reviews are anonymous (`is_mine` is
//! computed here, the author never leaves the server).

use crate::error::AppError;
use crate::model::chars;
use crate::model::timetable::{
    validate_catalogue_text, CourseDetail, ProfessorDetail, ProfessorSummary, ReviewForm,
};
use crate::model::Me;
use crate::server::db::{courses, reviews as rows};
use crate::server::now;
use crate::server::state::AppState;
use crate::text::timetable as t;

/// Reviews shown on a course page, newest first.
pub const REVIEWS_SHOWN: i64 = 100;

/// A course with the reviews of its (name, professor) across semesters, and their star distribution.
#[tracing::instrument(skip_all, fields(user = me.id, course_id))]
pub async fn course(state: &AppState, me: &Me, course_id: i64) -> Result<CourseDetail, AppError> {
    let db = &state.db;
    let course = courses::find(db, me.school_id, course_id).await?.ok_or(AppError::NotFound)?;
    let reviews = rows::for_course(db, me.school_id, &course, me.id, REVIEWS_SHOWN).await?;
    let distribution = rows::star_distribution(db, me.school_id, &course).await?;
    let reviewed_by_me = rows::exists(db, me.school_id, &course, me.id).await?;
    Ok(CourseDetail { course, distribution, reviews, reviewed_by_me })
}

/// Writes the student's review of the course's (name, professor); once per student. Returns its id.
#[tracing::instrument(skip_all, fields(user = me.id, course_id))]
pub async fn write(state: &AppState, me: &Me, course_id: i64, form: ReviewForm) -> Result<i64, AppError> {
    let review = form.validate()?;
    let course = courses::find(&state.db, me.school_id, course_id).await?.ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin_write().await?;
    let id = rows::insert(&mut tx, me.school_id, me.id, &course, &review, now())
        .await?
        .ok_or_else(|| AppError::Conflict(t::ALREADY_REVIEWED.into()))?;
    tx.commit().await?;
    Ok(id)
}

/// Deletes the student's own review.
#[tracing::instrument(skip_all, fields(user = me.id, review_id))]
pub async fn delete(state: &AppState, me: &Me, review_id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    if !rows::delete(&mut tx, me.school_id, me.id, review_id).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// Professors of the school whose name contains `query` (at least 2 characters).
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn find_professors(
    state: &AppState,
    me: &Me,
    query: &str,
) -> Result<Vec<ProfessorSummary>, AppError> {
    let text = validate_catalogue_text(query)?;
    Ok(courses::find_professors(&state.db, me.school_id, &text).await?)
}

/// A professor's courses, past and present, with their ratings.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn professor(state: &AppState, me: &Me, name: &str) -> Result<ProfessorDetail, AppError> {
    let name = name.trim().to_owned();
    // No professor's name holds a control character; such a name never reaches the database (PostgreSQL
    // refuses NUL in text, which made it a 500).
    if chars::has_control(&name) {
        return Err(AppError::NotFound);
    }
    let courses = courses::of_professor(&state.db, me.school_id, &name).await?;
    if courses.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok(ProfessorDetail { name, courses })
}
