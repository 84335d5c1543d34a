//! Timetables, the course catalogue, 강의평 and the professor lookup. Every call needs a login and stays
//! inside the student's school; another school's course, review or student answers 404. The rules live in
//! `server::timetable` and `server::reviews`.

// A server function takes its form's fields as arguments, and the catalogue filters and the review form have
// eight; the client stubs the macro generates would not carry a per-function allow.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::codes::Pick;
use crate::model::timetable::{
    Amount, Attendance, CourseCategory, CourseDetail, CoursePage, CourseSort, Grading, LinkedTimetable,
    MyTimetables, ProfessorDetail, ProfessorSummary, StudentTimetable, Visibility,
};
#[cfg(feature = "ssr")]
use crate::{
    model::timetable::ReviewForm,
    server::{auth::identity::require_student, reviews, state::app_state, timetable},
};

/// The editor's data: the student's timetables of a semester (default: the current one) and the open one
/// (default: the primary).
#[server(prefix = "/api", endpoint = "timetables/mine")]
pub async fn timetable_editor(
    semester: Option<i64>,
    timetable_id: Option<i64>,
) -> Result<MyTimetables, AppError> {
    timetable::editor(&app_state()?, &require_student()?.me, semester, timetable_id).await
}

/// Makes a timetable (the semester's first becomes its primary) and opens it.
#[server(prefix = "/api", endpoint = "timetables/create")]
pub async fn create_timetable(semester: i64, name: String) -> Result<i64, AppError> {
    let id = timetable::create(&app_state()?, &require_student()?.me, semester, &name).await?;
    leptos_axum::redirect(&format!("/timetable?semester={semester}&id={id}"));
    Ok(id)
}

#[server(prefix = "/api", endpoint = "timetables/rename")]
pub async fn rename_timetable(timetable_id: i64, name: String) -> Result<(), AppError> {
    timetable::rename(&app_state()?, &require_student()?.me, timetable_id, &name).await
}

#[server(prefix = "/api", endpoint = "timetables/delete")]
pub async fn delete_timetable(timetable_id: i64) -> Result<(), AppError> {
    timetable::delete(&app_state()?, &require_student()?.me, timetable_id).await
}

#[server(prefix = "/api", endpoint = "timetables/primary")]
pub async fn make_primary(timetable_id: i64) -> Result<(), AppError> {
    timetable::make_primary(&app_state()?, &require_student()?.me, timetable_id).await
}

/// Who sees the timetable besides its owner: `public`, `friends` or `private`.
#[server(prefix = "/api", endpoint = "timetables/visibility")]
pub async fn set_visibility(timetable_id: i64, visibility: Pick<Visibility>) -> Result<(), AppError> {
    let student = require_student()?;
    let visibility = visibility.known("visibility")?;
    timetable::set_visibility(&app_state()?, &student.me, timetable_id, visibility).await
}

/// Adds a catalogue course; refused with a message naming the clashing course on a time conflict.
#[server(prefix = "/api", endpoint = "timetables/add-course")]
pub async fn add_course(timetable_id: i64, course_id: i64) -> Result<i64, AppError> {
    timetable::add_course(&app_state()?, &require_student()?.me, timetable_id, course_id).await
}

/// Adds the student's own event (동아리, 알바, …) with one weekly time.
#[server(prefix = "/api", endpoint = "timetables/add-custom")]
pub async fn add_custom_entry(
    timetable_id: i64,
    name: String,
    professor: Option<String>,
    room: Option<String>,
    weekday: i64,
    start: String,
    end: String,
) -> Result<i64, AppError> {
    let student = require_student()?;
    let form = timetable::CustomForm {
        name: &name,
        professor: professor.as_deref().unwrap_or_default(),
        room: room.as_deref().unwrap_or_default(),
        weekday,
        start: &start,
        end: &end,
    };
    timetable::add_custom(&app_state()?, &student.me, timetable_id, form).await
}

#[server(prefix = "/api", endpoint = "timetables/remove-entry")]
pub async fn remove_entry(entry_id: i64) -> Result<(), AppError> {
    timetable::remove_entry(&app_state()?, &require_student()?.me, entry_id).await
}

/// Another student's primary timetable of the current semester, by username, as its visibility allows.
#[server(prefix = "/api", endpoint = "timetables/of")]
pub async fn timetable_of(username: String) -> Result<StudentTimetable, AppError> {
    timetable::of_student(&app_state()?, &require_student()?.me, &username).await
}

/// A timetable opened by its link (`/timetables/:id`), as its visibility allows: the owner always, the school
/// when 전체공개, friends when 친구공개, nobody else when 비공개, nobody across a block.
#[server(prefix = "/api", endpoint = "timetables/shared")]
pub async fn shared_timetable(timetable_id: i64) -> Result<LinkedTimetable, AppError> {
    timetable::linked(&app_state()?, &require_student()?.me, timetable_id).await
}

/// One page of a semester's catalogue. `q` (at least 2 characters) matches name, professor, code or room;
/// the other filters are optional; an empty `category` or `sort` (a select's first entry) means none.
#[server(prefix = "/api", endpoint = "courses/search")]
pub async fn search_courses(
    semester: Option<i64>,
    q: Option<String>,
    department_id: Option<i64>,
    credits: Option<i64>,
    weekday: Option<i64>,
    category: Option<Pick<CourseCategory>>,
    sort: Option<Pick<CourseSort>>,
    offset: Option<i64>,
) -> Result<CoursePage, AppError> {
    let student = require_student()?;
    let form =
        timetable::CatalogueForm { semester, q, department_id, credits, weekday, category, sort, offset };
    timetable::search_courses(&app_state()?, &student.me, form).await
}

/// A course with the reviews of its (name, professor) across semesters.
#[server(prefix = "/api", endpoint = "courses/get")]
pub async fn get_course(course_id: i64) -> Result<CourseDetail, AppError> {
    reviews::course(&app_state()?, &require_student()?.me, course_id).await
}

/// Writes a 강의평 for the course's (name, professor); once per student.
#[server(prefix = "/api", endpoint = "reviews/write")]
pub async fn write_review(
    course_id: i64,
    stars: i64,
    body: String,
    assignments: Pick<Amount>,
    team_projects: Pick<Amount>,
    grading: Pick<Grading>,
    attendance: Pick<Attendance>,
    exams: i64,
) -> Result<i64, AppError> {
    let student = require_student()?;
    let form = ReviewForm { stars, body, assignments, team_projects, grading, attendance, exams };
    let id = reviews::write(&app_state()?, &student.me, course_id, form).await?;
    leptos_axum::redirect(&format!("/courses/{course_id}"));
    Ok(id)
}

#[server(prefix = "/api", endpoint = "reviews/delete")]
pub async fn delete_review(review_id: i64) -> Result<(), AppError> {
    reviews::delete(&app_state()?, &require_student()?.me, review_id).await
}

/// Professors of the school whose name contains `q` (at least 2 characters).
#[server(prefix = "/api", endpoint = "professors/search")]
pub async fn find_professors(q: String) -> Result<Vec<ProfessorSummary>, AppError> {
    reviews::find_professors(&app_state()?, &require_student()?.me, &q).await
}

/// A professor's courses, past and present, with their ratings.
#[server(prefix = "/api", endpoint = "professors/get")]
pub async fn professor_courses(name: String) -> Result<ProfessorDetail, AppError> {
    reviews::professor(&app_state()?, &require_student()?.me, &name).await
}
