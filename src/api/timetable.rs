//! Timetables, the course catalogue, 강의평 and the professor lookup. Every call needs a login and stays
//! inside the student's school; another school's course, review or student answers 404.

// A server function takes its form's fields as arguments, and the catalogue filters and the review form have
// eight; the client stubs the macro generates would not carry a per-function allow.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::timetable::{
    CourseDetail, CoursePage, MyTimetables, ProfessorDetail, ProfessorSummary, StudentTimetable,
};
#[cfg(feature = "ssr")]
use crate::{
    model::timetable::{self as model, Semester},
    server::{auth::identity::require_student, db, now, state::app_state},
};

/// A semester number from a request, or the current semester when none is given.
#[cfg(feature = "ssr")]
fn semester_or_current(semester: Option<i64>) -> Result<Semester, AppError> {
    match semester {
        None => Ok(Semester::current(now())),
        Some(value) => Semester::parse(value)
            .ok_or_else(|| AppError::field("semester", crate::text::timetable::SEMESTER_INVALID)),
    }
}

/// The editor's data: the student's timetables of a semester (default: the current one) and the open one
/// (default: the primary).
#[server(prefix = "/api", endpoint = "timetables/mine")]
pub async fn timetable_editor(
    semester: Option<i64>,
    timetable_id: Option<i64>,
) -> Result<MyTimetables, AppError> {
    let (me, _) = require_student()?;
    let state = app_state()?;
    let semester = semester_or_current(semester)?;
    let timetables = db::timetables::list(&state.db, me.id, semester).await?;
    let open_id = timetable_id
        .filter(|id| timetables.iter().any(|t| t.id == *id))
        .or_else(|| timetables.first().map(|t| t.id));
    let open = match open_id {
        Some(id) => db::timetables::load_own(&state.db, me.id, id).await?,
        None => None,
    };
    let mut semesters = db::courses::semesters(&state.db, me.school_id).await?;
    semesters.extend(db::timetables::semesters_of(&state.db, me.id).await?);
    semesters.push(Semester::current(now()));
    semesters.push(semester);
    semesters.sort_unstable_by(|a, b| b.cmp(a));
    semesters.dedup();
    Ok(MyTimetables { semester, semesters, timetables, open })
}

/// Makes a timetable (the semester's first becomes its primary) and opens it.
#[server(prefix = "/api", endpoint = "timetables/create")]
pub async fn create_timetable(semester: i64, name: String) -> Result<i64, AppError> {
    let (me, _) = require_student()?;
    let semester = semester_or_current(Some(semester))?;
    let name = model::validate_timetable_name(&name)?;
    let id = db::timetables::create(&app_state()?.db, me.id, semester, &name, now()).await?;
    leptos_axum::redirect(&format!("/timetable?semester={}&id={id}", semester.0));
    Ok(id)
}

#[server(prefix = "/api", endpoint = "timetables/rename")]
pub async fn rename_timetable(timetable_id: i64, name: String) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    let name = model::validate_timetable_name(&name)?;
    db::timetables::rename(&app_state()?.db, me.id, timetable_id, &name).await
}

#[server(prefix = "/api", endpoint = "timetables/delete")]
pub async fn delete_timetable(timetable_id: i64) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    db::timetables::delete(&app_state()?.db, me.id, timetable_id).await
}

#[server(prefix = "/api", endpoint = "timetables/primary")]
pub async fn make_primary(timetable_id: i64) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    db::timetables::make_primary(&app_state()?.db, me.id, timetable_id).await
}

/// `visibility`: 0 비공개, 1 친구공개, 2 전체공개.
#[server(prefix = "/api", endpoint = "timetables/visibility")]
pub async fn set_visibility(timetable_id: i64, visibility: i64) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    if !(0..=2).contains(&visibility) {
        return Err(AppError::field("visibility", crate::text::errors::INVALID));
    }
    let visibility = model::Visibility::from_code(visibility);
    db::timetables::set_visibility(&app_state()?.db, me.id, timetable_id, visibility).await
}

/// Adds a catalogue course; refused with a message naming the clashing course on a time conflict.
#[server(prefix = "/api", endpoint = "timetables/add-course")]
pub async fn add_course(timetable_id: i64, course_id: i64) -> Result<i64, AppError> {
    let (me, _) = require_student()?;
    db::timetables::add_course(&app_state()?.db, me.school_id, me.id, timetable_id, course_id, now()).await
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
    let (me, _) = require_student()?;
    let custom = model::validate_custom_entry(
        &name,
        professor.as_deref().unwrap_or_default(),
        room.as_deref().unwrap_or_default(),
        weekday,
        &start,
        &end,
    )?;
    db::timetables::add_custom(&app_state()?.db, me.id, timetable_id, &custom, now()).await
}

#[server(prefix = "/api", endpoint = "timetables/remove-entry")]
pub async fn remove_entry(entry_id: i64) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    db::timetables::remove_entry(&app_state()?.db, me.id, entry_id).await
}

/// Another student's primary timetable of the current semester, by username, as its visibility allows:
/// 전체공개 to the school, 친구공개 to friends, 비공개 to nobody, and nothing to either side of a block.
#[server(prefix = "/api", endpoint = "timetables/of")]
pub async fn timetable_of(username: String) -> Result<StudentTimetable, AppError> {
    let (me, _) = require_student()?;
    let state = app_state()?;
    // A name that breaks the username rules names nobody; it never reaches the database (PostgreSQL refuses
    // NUL in text, which made such a name a 500).
    if crate::model::account::validate_username(username.trim()).is_err() {
        return Err(AppError::NotFound);
    }
    let student =
        db::users::in_school(&state.db, me.school_id, &username).await?.ok_or(AppError::NotFound)?;
    let (user_id, nickname) = (student.id, student.nickname);
    let semester = Semester::current(now());
    let timetable = db::timetables::primary_of(&state.db, user_id, semester).await?;
    let shown = match &timetable {
        None => false,
        Some(_) if user_id == me.id => true,
        Some(timetable) => {
            let relation = db::friends::relation(&state.db, me.id, user_id).await?;
            // A block in either direction hides even a 전체공개 timetable, exactly as 비공개 does.
            !relation.blocked && timetable.summary.visibility.shown_to_other(relation.friends)
        }
    };
    let timetable = timetable.filter(|_| shown);
    // `in_school` found the student in the viewer's own school, so the school's name is the viewer's.
    Ok(StudentTimetable { nickname, school_name: me.school_name, semester, timetable })
}

/// One page of a semester's catalogue. `q` (at least 2 characters) matches name, professor, code or room;
/// the other filters are optional; `sort` is name, code, rating or popular.
#[server(prefix = "/api", endpoint = "courses/search")]
pub async fn search_courses(
    semester: Option<i64>,
    q: Option<String>,
    department_id: Option<i64>,
    credits: Option<i64>,
    weekday: Option<i64>,
    category: Option<String>,
    sort: Option<String>,
    offset: Option<i64>,
) -> Result<CoursePage, AppError> {
    let (me, _) = require_student()?;
    let semester = semester_or_current(semester)?;
    let text = match q.as_deref().map(str::trim).filter(|text| !text.is_empty()) {
        Some(text) => Some(model::validate_catalogue_text(text)?),
        None => None,
    };
    let filters = model::CatalogueQuery {
        text,
        department_id,
        credits,
        weekday,
        category: model::validate_category(category)?,
    };
    let sort = model::CourseSort::from_key(sort.as_deref().unwrap_or_default());
    let offset = offset.unwrap_or_default();
    Ok(db::courses::search(&app_state()?.db, me.school_id, semester, &filters, sort, offset).await?)
}

/// A course with the reviews of its (name, professor) across semesters.
#[server(prefix = "/api", endpoint = "courses/get")]
pub async fn get_course(course_id: i64) -> Result<CourseDetail, AppError> {
    let (me, _) = require_student()?;
    let state = app_state()?;
    let course = db::courses::find(&state.db, me.school_id, course_id).await?.ok_or(AppError::NotFound)?;
    let (reviews, distribution) = db::reviews::for_course(&state.db, me.school_id, &course, me.id).await?;
    let reviewed_by_me = db::reviews::exists(&state.db, me.school_id, &course, me.id).await?;
    Ok(CourseDetail { course, distribution, reviews, reviewed_by_me })
}

/// Writes a 강의평 for the course's (name, professor); once per student.
#[server(prefix = "/api", endpoint = "reviews/write")]
pub async fn write_review(
    course_id: i64,
    stars: i64,
    body: String,
    assignments: i64,
    team_projects: i64,
    grading: i64,
    attendance: i64,
    exams: i64,
) -> Result<i64, AppError> {
    let (me, _) = require_student()?;
    let review = model::ReviewInput { stars, body, assignments, team_projects, grading, attendance, exams }
        .validate()?;
    let state = app_state()?;
    let course = db::courses::find(&state.db, me.school_id, course_id).await?.ok_or(AppError::NotFound)?;
    let id = db::reviews::create(&state.db, me.school_id, me.id, &course, &review, now()).await?;
    leptos_axum::redirect(&format!("/courses/{course_id}"));
    Ok(id)
}

#[server(prefix = "/api", endpoint = "reviews/delete")]
pub async fn delete_review(review_id: i64) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    db::reviews::delete(&app_state()?.db, me.school_id, me.id, review_id).await
}

/// Professors of the school whose name contains `q` (at least 2 characters).
#[server(prefix = "/api", endpoint = "professors/search")]
pub async fn find_professors(q: String) -> Result<Vec<ProfessorSummary>, AppError> {
    let (me, _) = require_student()?;
    let text = model::validate_catalogue_text(&q)?;
    Ok(db::courses::find_professors(&app_state()?.db, me.school_id, &text).await?)
}

/// A professor's courses, past and present, with their ratings.
#[server(prefix = "/api", endpoint = "professors/get")]
pub async fn professor_courses(name: String) -> Result<ProfessorDetail, AppError> {
    let (me, _) = require_student()?;
    let name = name.trim().to_owned();
    // No professor's name holds a control character; such a name never reaches the database (PostgreSQL
    // refuses NUL in text, which made it a 500).
    if crate::model::chars::has_control(&name) {
        return Err(AppError::NotFound);
    }
    let courses = db::courses::of_professor(&app_state()?.db, me.school_id, &name).await?;
    if courses.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok(ProfessorDetail { name, courses })
}
