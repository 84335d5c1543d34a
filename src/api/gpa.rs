//! 학점계산기: the student's own terms, courses and scale. Every call needs a login and acts on the caller's
//! data only; another student's term, course or timetable answers 404. The rules live in `server::gpa`.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::codes::Pick;
use crate::model::gpa::{GpaBook, Grade, Imported, Scale};
#[cfg(feature = "ssr")]
use crate::server::{auth::identity::require_student, gpa, state::app_state};

/// The screen's data: the scale, every term with its courses, and the timetables to import from.
#[server(prefix = "/api", endpoint = "gpa")]
pub async fn my_gpa() -> Result<GpaBook, AppError> {
    gpa::book(&app_state()?, &require_student()?.me).await
}

/// `4.5` or `4.3`.
#[server(prefix = "/api", endpoint = "gpa/scale")]
pub async fn set_gpa_scale(scale: Pick<Scale>) -> Result<(), AppError> {
    gpa::set_scale(&app_state()?, &require_student()?.me, scale).await
}

#[server(prefix = "/api", endpoint = "gpa/terms/create")]
pub async fn create_gpa_term(name: String) -> Result<i64, AppError> {
    gpa::create_term(&app_state()?, &require_student()?.me, &name).await
}

#[server(prefix = "/api", endpoint = "gpa/terms/rename")]
pub async fn rename_gpa_term(term_id: i64, name: String) -> Result<(), AppError> {
    gpa::rename_term(&app_state()?, &require_student()?.me, term_id, &name).await
}

#[server(prefix = "/api", endpoint = "gpa/terms/delete")]
pub async fn delete_gpa_term(term_id: i64) -> Result<(), AppError> {
    gpa::delete_term(&app_state()?, &require_student()?.me, term_id).await
}

/// Adds a course: `credits` as typed (`3`, `1.5`), `grade` a grade's code or empty (not entered yet), `major`
/// the 전공 checkbox.
#[server(prefix = "/api", endpoint = "gpa/courses/add")]
pub async fn add_gpa_course(
    term_id: i64,
    name: String,
    credits: String,
    grade: Option<Pick<Grade>>,
    major: Option<String>,
) -> Result<i64, AppError> {
    let student = require_student()?;
    let form = gpa::CourseForm { name: &name, credits: &credits, grade, is_major: super::checked(&major) };
    gpa::add_course(&app_state()?, &student.me, term_id, form).await
}

/// Rewrites a course, with the fields of [`add_gpa_course`].
#[server(prefix = "/api", endpoint = "gpa/courses/edit")]
pub async fn edit_gpa_course(
    course_id: i64,
    name: String,
    credits: String,
    grade: Option<Pick<Grade>>,
    major: Option<String>,
) -> Result<(), AppError> {
    let student = require_student()?;
    let form = gpa::CourseForm { name: &name, credits: &credits, grade, is_major: super::checked(&major) };
    gpa::edit_course(&app_state()?, &student.me, course_id, form).await
}

#[server(prefix = "/api", endpoint = "gpa/courses/delete")]
pub async fn delete_gpa_course(course_id: i64) -> Result<(), AppError> {
    gpa::delete_course(&app_state()?, &require_student()?.me, course_id).await
}

/// Imports a timetable's courses into a term, or (no `term_id`) into the term named after its semester.
#[server(prefix = "/api", endpoint = "gpa/import")]
pub async fn import_gpa_timetable(timetable_id: i64, term_id: Option<i64>) -> Result<Imported, AppError> {
    gpa::import(&app_state()?, &require_student()?.me, timetable_id, term_id).await
}
