//! The 강의평 screen: the school's newest reviews, the student's own, and the search of reviewed courses by
//! course name or professor. Writing and deleting a review live with the course (`api::timetable`); the
//! rules live in `server::reviews`.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::reviews::{ReviewPage, ReviewedCoursePage};
#[cfg(feature = "ssr")]
use crate::server::{auth::identity::require_student, reviews, state::app_state};

/// The school's newest reviews, a page below the review id `before`.
#[server(prefix = "/api", endpoint = "reviews/recent")]
pub async fn recent_reviews(before: Option<i64>) -> Result<ReviewPage, AppError> {
    reviews::recent(&app_state()?, &require_student()?.me, before).await
}

/// The student's own reviews, a page below the review id `before`.
#[server(prefix = "/api", endpoint = "reviews/mine")]
pub async fn my_reviews(before: Option<i64>) -> Result<ReviewPage, AppError> {
    reviews::mine(&app_state()?, &require_student()?.me, before).await
}

/// Reviewed courses whose name or professor contains `q` (at least 2 characters), a page from `offset`.
#[server(prefix = "/api", endpoint = "reviews/search")]
pub async fn search_reviewed_courses(q: String, offset: Option<i64>) -> Result<ReviewedCoursePage, AppError> {
    reviews::search(&app_state()?, &require_student()?.me, &q, offset).await
}
