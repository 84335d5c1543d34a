//! 강의평 and the professor lookup. Reviews are keyed by (course name, professor) within a school, so every
//! semester of a course shares them; one review per student per pair; reviews are anonymous (`is_mine` is
//! computed here, the author never leaves the server).

use crate::error::AppError;
use crate::model::chars;
use crate::model::reviews::{
    ReviewEntry, ReviewPage, ReviewedCoursePage, REVIEWED_COURSES_PER_PAGE, REVIEWS_PER_PAGE,
};
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
    let summary = rows::summary(db, me.school_id, &course).await?;
    let reviewed_by_me = rows::exists(db, me.school_id, &course, me.id).await?;
    Ok(CourseDetail { course, summary, reviews, reviewed_by_me })
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

/// The school's newest reviews, a page below the review id `before`.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn recent(state: &AppState, me: &Me, before: Option<i64>) -> Result<ReviewPage, AppError> {
    let reviews = rows::listed(&state.db, me.school_id, None, me.id, before, REVIEWS_PER_PAGE).await?;
    Ok(review_page(reviews))
}

/// The school's `limit` newest reviews (the home's 최근 강의평).
pub async fn newest(state: &AppState, me: &Me, limit: i64) -> Result<Vec<ReviewEntry>, AppError> {
    Ok(rows::listed(&state.db, me.school_id, None, me.id, None, limit).await?)
}

/// The student's own reviews, newest first, a page below the review id `before`.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn mine(state: &AppState, me: &Me, before: Option<i64>) -> Result<ReviewPage, AppError> {
    let reviews = rows::listed(&state.db, me.school_id, Some(me.id), me.id, before, REVIEWS_PER_PAGE).await?;
    Ok(review_page(reviews))
}

/// A page of reviews: a full page may have more after it, from its last review's id.
fn review_page(reviews: Vec<ReviewEntry>) -> ReviewPage {
    let full = reviews.len() as i64 == REVIEWS_PER_PAGE;
    let next_cursor = reviews.last().filter(|_| full).map(|entry| entry.review.id);
    ReviewPage { reviews, next_cursor }
}

/// The school's reviewed (course, professor) pairs whose course name or professor contains `query` (at least
/// 2 characters), most reviewed first, a page from `offset`.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn search(
    state: &AppState,
    me: &Me,
    query: &str,
    offset: Option<i64>,
) -> Result<ReviewedCoursePage, AppError> {
    let text = validate_catalogue_text(query)?;
    let offset = offset.unwrap_or(0).max(0);
    // One more than a page tells whether another page follows.
    let mut courses =
        rows::search_courses(&state.db, me.school_id, &text, REVIEWED_COURSES_PER_PAGE + 1, offset).await?;
    let more = courses.len() as i64 > REVIEWED_COURSES_PER_PAGE;
    courses.truncate(REVIEWED_COURSES_PER_PAGE as usize);
    Ok(ReviewedCoursePage { courses, next_offset: more.then_some(offset + REVIEWED_COURSES_PER_PAGE) })
}
