//! 학점계산기: the rules of a student's terms and courses (the arithmetic is `model::gpa`).
//!
//! - **Private.** A student only ever reads and changes their own: another student's term, course or
//!   timetable answers 404 as a missing one does.
//! - **Limits.** At most [`MAX_TERMS`] terms and [`MAX_COURSES_PER_TERM`] courses a term; a course name once
//!   per term (a unique key); credits 0–10 in half steps; a grade that exists on the student's scale (the
//!   4.5 scale has no minus grades, so switching to it is refused while a course holds one).
//! - **Import.** A timetable's catalogue courses become a term's rows with their credits, marked 전공 when
//!   the catalogue says 전공필수 or 전공선택, without a grade. Custom entries (동아리, 알바, …) carry no
//!   credits and are skipped, as are courses the term already has by name, so importing twice adds nothing.
//!   With no term given, the courses go into the student's term named after the timetable's semester
//!   ("2026년 1학기"), made if missing. All in one transaction: every course or none.
//!
//! Every change takes the student's row lock first (`Db::begin_for_student`), so that on PostgreSQL two
//! concurrent requests of one student never both pass a count (limits) or the minus-grade check.

use crate::error::AppError;
use crate::model::codes::Pick;
use crate::model::gpa::{
    summarize, summarize_terms, validate_course, validate_term_name, CourseInput, GpaBook, GpaTerm, Grade,
    HalfCredits, ImportSource, Imported, Scale, Summary, MAX_COURSES_PER_TERM, MAX_TERMS,
};
use crate::model::timetable::{CourseCategory, Semester};
use crate::model::Me;
use crate::server::db::gpa::{self as rows, Named};
use crate::server::db::Tx;
use crate::server::now;
use crate::server::state::AppState;
use crate::text::{fill, gpa as t};

/// The scale of a student who never chose one.
pub const DEFAULT_SCALE: Scale = Scale::FourFive;

/// The screen's data: the scale, every term with its courses, and the timetables to import from. One page,
/// unpaged: the limits bound it to 20 terms of 30 courses.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn book(state: &AppState, me: &Me) -> Result<GpaBook, AppError> {
    let db = &state.db;
    let scale = rows::scale(db.pool(), me.id).await?.unwrap_or(DEFAULT_SCALE);
    let mut terms: Vec<GpaTerm> = rows::terms(db, me.id)
        .await?
        .into_iter()
        .map(|(id, name)| GpaTerm { id, name, courses: Vec::new(), summary: Summary::default() })
        .collect();
    for (term_id, course) in rows::courses(db, me.id).await? {
        if let Some(term) = terms.iter_mut().find(|term| term.id == term_id) {
            term.courses.push(course);
        }
    }
    for term in &mut terms {
        term.summary = summarize(&term.courses, scale);
    }
    let summary = summarize_terms(&terms, scale);
    let sources = rows::timetables(db, me.id)
        .await?
        .into_iter()
        .map(|(timetable_id, semester, name)| ImportSource {
            timetable_id,
            label: format!("{} · {name}", Semester(semester)),
        })
        .collect();
    Ok(GpaBook { scale, terms, summary, sources })
}

/// Sets the student's scale; refused for 4.5 while a course holds a minus grade.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn set_scale(state: &AppState, me: &Me, scale: Pick<Scale>) -> Result<(), AppError> {
    let scale = scale.known_or("scale", t::SCALE_INVALID)?;
    let mut tx = state.db.begin_for_student(me.id).await?;
    if scale == Scale::FourFive {
        let minus = rows::minus_grades(&mut tx, me.id).await?;
        if minus > 0 {
            return Err(AppError::Conflict(fill(t::MINUS_GRADES_LEFT, minus)));
        }
    }
    rows::set_scale(&mut tx, me.id, scale).await?;
    tx.commit().await?;
    Ok(())
}

/// Makes a term; returns its id.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn create_term(state: &AppState, me: &Me, name: &str) -> Result<i64, AppError> {
    let name = validate_term_name(name)?;
    let mut tx = state.db.begin_for_student(me.id).await?;
    let id = new_term(&mut tx, me, &name).await?;
    tx.commit().await?;
    Ok(id)
}

/// A new term, within the limit.
async fn new_term(tx: &mut Tx, me: &Me, name: &str) -> Result<i64, AppError> {
    if rows::count_terms(tx, me.id).await? >= MAX_TERMS {
        return Err(AppError::Conflict(t::TOO_MANY_TERMS.into()));
    }
    Ok(rows::insert_term(tx, me.id, name, now()).await?)
}

#[tracing::instrument(skip_all, fields(user = me.id, term_id))]
pub async fn rename_term(state: &AppState, me: &Me, term_id: i64, name: &str) -> Result<(), AppError> {
    let name = validate_term_name(name)?;
    let mut tx = state.db.begin_for_student(me.id).await?;
    if !rows::rename_term(&mut tx, me.id, term_id, &name).await? {
        return Err(AppError::Missing(t::TERM_NOT_FOUND.into()));
    }
    tx.commit().await?;
    Ok(())
}

#[tracing::instrument(skip_all, fields(user = me.id, term_id))]
pub async fn delete_term(state: &AppState, me: &Me, term_id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_for_student(me.id).await?;
    if !rows::delete_term(&mut tx, me.id, term_id).await? {
        return Err(AppError::Missing(t::TERM_NOT_FOUND.into()));
    }
    tx.commit().await?;
    Ok(())
}

/// A course as a form sends it: credits as typed, the grade's code (empty for 미입력), the 전공 checkbox.
pub struct CourseForm<'a> {
    pub name: &'a str,
    pub credits: &'a str,
    pub grade: Option<Pick<Grade>>,
    pub is_major: bool,
}

impl CourseForm<'_> {
    /// Checks the form against the student's scale (read inside the transaction, under the lock).
    async fn validate(self, tx: &mut Tx, me: &Me) -> Result<CourseInput, AppError> {
        let scale = rows::scale(&mut **tx, me.id).await?.unwrap_or(DEFAULT_SCALE);
        validate_course(self.name, self.credits, self.grade, self.is_major, scale)
    }
}

/// Adds a course to the student's term; returns its id.
#[tracing::instrument(skip_all, fields(user = me.id, term_id))]
pub async fn add_course(
    state: &AppState,
    me: &Me,
    term_id: i64,
    form: CourseForm<'_>,
) -> Result<i64, AppError> {
    let mut tx = state.db.begin_for_student(me.id).await?;
    let course = form.validate(&mut tx, me).await?;
    if !rows::owns_term(&mut tx, me.id, term_id).await? {
        return Err(AppError::Missing(t::TERM_NOT_FOUND.into()));
    }
    if rows::count_courses(&mut tx, term_id).await? >= MAX_COURSES_PER_TERM {
        return Err(AppError::Conflict(t::TOO_MANY_COURSES.into()));
    }
    let id = match rows::insert_course(&mut tx, me.id, term_id, &course, now()).await? {
        Named::Done(id) => id,
        Named::NameTaken => return Err(AppError::Conflict(t::COURSE_NAME_TAKEN.into())),
    };
    tx.commit().await?;
    Ok(id)
}

/// Rewrites the student's course.
#[tracing::instrument(skip_all, fields(user = me.id, course_id))]
pub async fn edit_course(
    state: &AppState,
    me: &Me,
    course_id: i64,
    form: CourseForm<'_>,
) -> Result<(), AppError> {
    let mut tx = state.db.begin_for_student(me.id).await?;
    let course = form.validate(&mut tx, me).await?;
    match rows::update_course(&mut tx, me.id, course_id, &course).await? {
        Named::Done(true) => {}
        Named::Done(false) => return Err(AppError::Missing(t::COURSE_NOT_FOUND.into())),
        Named::NameTaken => return Err(AppError::Conflict(t::COURSE_NAME_TAKEN.into())),
    }
    tx.commit().await?;
    Ok(())
}

#[tracing::instrument(skip_all, fields(user = me.id, course_id))]
pub async fn delete_course(state: &AppState, me: &Me, course_id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_for_student(me.id).await?;
    if !rows::delete_course(&mut tx, me.id, course_id).await? {
        return Err(AppError::Missing(t::COURSE_NOT_FOUND.into()));
    }
    tx.commit().await?;
    Ok(())
}

/// Imports a timetable's courses into a term (see the module comment).
#[tracing::instrument(skip_all, fields(user = me.id, timetable_id))]
pub async fn import(
    state: &AppState,
    me: &Me,
    timetable_id: i64,
    term_id: Option<i64>,
) -> Result<Imported, AppError> {
    let mut tx = state.db.begin_for_student(me.id).await?;
    let timetable = rows::timetable_courses(&mut tx, me.id, timetable_id)
        .await?
        .ok_or_else(|| AppError::Missing(t::TIMETABLE_NOT_FOUND.into()))?;
    let term_id = match term_id {
        Some(term_id) if rows::owns_term(&mut tx, me.id, term_id).await? => term_id,
        Some(_) => return Err(AppError::Missing(t::TERM_NOT_FOUND.into())),
        None => {
            let name = timetable.semester.to_string();
            match rows::term_named(&mut tx, me.id, &name).await? {
                Some(term_id) => term_id,
                None => new_term(&mut tx, me, &name).await?,
            }
        }
    };
    let present = rows::course_names(&mut tx, term_id).await?;
    let total = timetable.entries.len() as i64;
    let mut wanted: Vec<CourseInput> = Vec::new();
    for (name, credits, category) in timetable.entries {
        // A custom entry has no catalogue course and no credits: it is an event, not a course.
        let Some(category) = category else { continue };
        if present.contains(&name) || wanted.iter().any(|course| course.name == name) {
            continue;
        }
        let is_major = matches!(
            category.parse::<CourseCategory>(),
            Ok(CourseCategory::MajorRequired | CourseCategory::MajorElective)
        );
        let credits = HalfCredits::from_whole(credits.clamp(0, 10));
        wanted.push(CourseInput { name, credits, grade: None, is_major });
    }
    if present.len() as i64 + wanted.len() as i64 > MAX_COURSES_PER_TERM {
        return Err(AppError::Conflict(t::TOO_MANY_COURSES.into()));
    }
    let when = now();
    for course in &wanted {
        // Names were checked against the term above, under the student's lock: nothing can take one since.
        if let Named::NameTaken = rows::insert_course(&mut tx, me.id, term_id, course, when).await? {
            return Err(AppError::Conflict(t::COURSE_NAME_TAKEN.into()));
        }
    }
    tx.commit().await?;
    let added = wanted.len() as i64;
    Ok(Imported { term_id, added, skipped: total - added })
}
