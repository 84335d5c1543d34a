//! Timetables and the course catalogue: the rules of a student's timetables, and who else sees them.
//!
//! - **Entries.** A timetable holds at most [`MAX_ENTRIES`]; a course is added once, only to a timetable of
//!   its own semester; and no entry may overlap another's time by a minute (touching is fine) — the refusal
//!   names the course it clashes with ([`first_clash`], on `Slot::clashes_with`).
//! - **Primary.** Exactly one timetable per semester is primary: the first one made; promoting another
//!   demotes the old; deleting the primary promotes the oldest left.
//! - **Visibility** ([`shared_with`]): another student's primary timetable of the current semester shows to
//!   the school when 전체공개, to friends when 친구공개, and never when 비공개 — nor to either side of a block.
//!   A non-friend is told that a 친구공개 one is for friends; everyone else it hides from is told 비공개.
//!   A timetable opened by its link ([`linked`], and its image) follows the same rule, for the timetable the
//!   link names.
//!
//! Every change takes the student's row lock first (`Db::begin_for_student`), so two requests of the same
//! student never both pass the cap, the clash check or the primary rule.

use crate::error::AppError;
use crate::model::account::could_name_an_account;
use crate::model::codes::{optional_pick, Pick};
use crate::model::time::kst_weekday;
use crate::model::timetable::{
    validate_catalogue_text, validate_custom_entry, validate_timetable_name, CatalogueQuery, CourseCategory,
    CoursePage, CourseSort, CustomEntry, LinkedTimetable, MyTimetables, Semester, SharedTimetable, Slot,
    StudentTimetable, Timetable, TodayClass, Visibility, CATALOGUE_PAGE, MAX_ENTRIES,
};
use crate::model::Me;
use crate::server::db::friends::Relation;
use crate::server::db::timetables::{self as rows, Named, NewEntry, NewTimetable, Occupied};
use crate::server::db::{courses, friends, users, Tx};
use crate::server::now;
use crate::server::state::AppState;
use crate::text::{fill, timetable as t};

/// How far into a catalogue's results a search may page (a catalogue holds a few thousand courses).
pub const MAX_CATALOGUE_OFFSET: i64 = 10_000;

/// A semester number from a request, or the current semester when none is given.
pub fn semester_or_current(semester: Option<i64>) -> Result<Semester, AppError> {
    match semester {
        None => Ok(Semester::current(now())),
        Some(value) => Semester::parse(value).ok_or_else(|| AppError::field("semester", t::SEMESTER_INVALID)),
    }
}

/// The editor's data: the student's timetables of a semester (default: the current one) and the open one
/// (default: the primary).
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn editor(
    state: &AppState,
    me: &Me,
    semester: Option<i64>,
    timetable_id: Option<i64>,
) -> Result<MyTimetables, AppError> {
    let db = &state.db;
    let semester = semester_or_current(semester)?;
    let timetables = rows::list(db, me.id, semester).await?;
    let open_id = timetable_id
        .filter(|id| timetables.iter().any(|t| t.id == *id))
        .or_else(|| timetables.first().map(|t| t.id));
    let open = match open_id {
        Some(id) => rows::load_own(db, me.id, id).await?,
        None => None,
    };
    let mut semesters = courses::semesters(db, me.school_id).await?;
    semesters.extend(rows::semesters_of(db, me.id).await?);
    semesters.extend([Semester::current(now()), semester]);
    semesters.sort_unstable_by(|a, b| b.cmp(a));
    semesters.dedup();
    Ok(MyTimetables { semester, semesters, timetables, open })
}

/// The student's classes of today (KST) in their primary timetable of the current semester; `None` when they
/// have no timetable this semester.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn today(state: &AppState, me: &Me) -> Result<Option<Vec<TodayClass>>, AppError> {
    let now = now();
    Ok(rows::primary_classes_on(&state.db, me.id, Semester::current(now), kst_weekday(now)).await?)
}

/// Makes a timetable; the student's first of the semester becomes its primary. Returns its id.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn create(state: &AppState, me: &Me, semester: i64, name: &str) -> Result<i64, AppError> {
    let semester = semester_or_current(Some(semester))?;
    let name = validate_timetable_name(name)?;
    let mut tx = state.db.begin_for_student(me.id).await?;
    let primary = !rows::has_primary(&mut tx, me.id, semester).await?;
    let timetable =
        NewTimetable { user_id: me.id, semester, name: &name, visibility: Visibility::Friends, primary };
    let id = name_free(rows::insert(&mut tx, &timetable, now()).await?)?;
    tx.commit().await?;
    Ok(id)
}

#[tracing::instrument(skip_all, fields(user = me.id, timetable_id))]
pub async fn rename(state: &AppState, me: &Me, timetable_id: i64, name: &str) -> Result<(), AppError> {
    let name = validate_timetable_name(name)?;
    let mut tx = state.db.begin_for_student(me.id).await?;
    owned(&mut tx, me, timetable_id).await?;
    name_free(rows::rename(&mut tx, timetable_id, &name).await?)?;
    tx.commit().await?;
    Ok(())
}

#[tracing::instrument(skip_all, fields(user = me.id, timetable_id, %visibility))]
pub async fn set_visibility(
    state: &AppState,
    me: &Me,
    timetable_id: i64,
    visibility: Visibility,
) -> Result<(), AppError> {
    let mut tx = state.db.begin_for_student(me.id).await?;
    owned(&mut tx, me, timetable_id).await?;
    rows::set_visibility(&mut tx, timetable_id, visibility).await?;
    tx.commit().await?;
    Ok(())
}

/// Makes a timetable its semester's primary; the old primary stops being one in the same transaction.
#[tracing::instrument(skip_all, fields(user = me.id, timetable_id))]
pub async fn make_primary(state: &AppState, me: &Me, timetable_id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_for_student(me.id).await?;
    let timetable = owned(&mut tx, me, timetable_id).await?;
    rows::make_primary(&mut tx, me.id, timetable.semester, timetable_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes a timetable with its entries. If it was the primary, the oldest remaining one of the semester
/// takes over, so a semester with timetables always has exactly one primary.
#[tracing::instrument(skip_all, fields(user = me.id, timetable_id))]
pub async fn delete(state: &AppState, me: &Me, timetable_id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_for_student(me.id).await?;
    let timetable = owned(&mut tx, me, timetable_id).await?;
    rows::delete(&mut tx, timetable_id).await?;
    if timetable.is_primary.into() {
        rows::promote_oldest(&mut tx, me.id, timetable.semester).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Adds a catalogue course of the timetable's semester: not twice, not over the cap, not clashing with
/// anything already there. Returns the entry's id.
#[tracing::instrument(skip_all, fields(user = me.id, timetable_id, course_id))]
pub async fn add_course(
    state: &AppState,
    me: &Me,
    timetable_id: i64,
    course_id: i64,
) -> Result<i64, AppError> {
    let course = courses::find(&state.db, me.school_id, course_id).await?.ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin_for_student(me.id).await?;
    let timetable = owned(&mut tx, me, timetable_id).await?;
    if course.semester.0 != timetable.semester {
        return Err(AppError::Conflict(t::OTHER_SEMESTER.into()));
    }
    let occupied = rows::occupied(&mut tx, timetable_id).await?;
    if occupied.courses.contains(&course_id) {
        return Err(AppError::Conflict(t::DUPLICATE_COURSE.into()));
    }
    fits(&occupied, &course.slots)?;
    let entry = NewEntry {
        course_id: Some(course_id),
        name: &course.name,
        professor: &course.professor,
        room: &course.room,
        credits: course.credits,
        slots: &course.slots,
    };
    let id = rows::insert_entry(&mut tx, timetable_id, &entry, now()).await?;
    tx.commit().await?;
    Ok(id)
}

/// A custom entry as the form sends it.
pub struct CustomForm<'a> {
    pub name: &'a str,
    pub professor: &'a str,
    pub room: &'a str,
    pub weekday: i64,
    pub start: &'a str,
    pub end: &'a str,
}

/// Adds a student's own event (동아리, 알바, …), under the same cap and clash rules as a course.
#[tracing::instrument(skip_all, fields(user = me.id, timetable_id))]
pub async fn add_custom(
    state: &AppState,
    me: &Me,
    timetable_id: i64,
    form: CustomForm<'_>,
) -> Result<i64, AppError> {
    let CustomEntry { name, professor, room, slot } =
        validate_custom_entry(form.name, form.professor, form.room, form.weekday, form.start, form.end)?;
    let mut tx = state.db.begin_for_student(me.id).await?;
    owned(&mut tx, me, timetable_id).await?;
    let slots = [slot];
    fits(&rows::occupied(&mut tx, timetable_id).await?, &slots)?;
    let entry = NewEntry {
        course_id: None,
        name: &name,
        professor: &professor,
        room: &room,
        credits: 0,
        slots: &slots,
    };
    let id = rows::insert_entry(&mut tx, timetable_id, &entry, now()).await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes an entry from one of the student's timetables.
#[tracing::instrument(skip_all, fields(user = me.id, entry_id))]
pub async fn remove_entry(state: &AppState, me: &Me, entry_id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_for_student(me.id).await?;
    let course_id = rows::own_entry(&mut tx, me.id, entry_id).await?.ok_or(AppError::NotFound)?;
    rows::delete_entry(&mut tx, entry_id, course_id).await?;
    tx.commit().await?;
    Ok(())
}

/// The entry already in the timetable whose time overlaps one of `slots` by a minute or more, taking the
/// new times in order and, for each, the earliest existing time that clashes.
pub fn first_clash<'a>(taken: &'a [(String, Slot)], slots: &[Slot]) -> Option<&'a str> {
    slots.iter().find_map(|slot| {
        taken.iter().find(|(_, existing)| existing.clashes_with(slot)).map(|(name, _)| name.as_str())
    })
}

/// A new entry fits: room under the cap, and no clash.
fn fits(occupied: &Occupied, slots: &[Slot]) -> Result<(), AppError> {
    if occupied.entries >= MAX_ENTRIES {
        return Err(AppError::Conflict(t::TIMETABLE_FULL.into()));
    }
    match first_clash(&occupied.times, slots) {
        Some(name) => Err(AppError::Conflict(fill(t::TIME_CONFLICT, name))),
        None => Ok(()),
    }
}

/// A timetable of the student's, inside their transaction; someone else's is `NotFound`, like a missing one.
async fn owned(tx: &mut Tx, me: &Me, timetable_id: i64) -> Result<rows::TimetableRow, AppError> {
    rows::owned(tx, me.id, timetable_id).await?.ok_or(AppError::NotFound)
}

fn name_free<T>(named: Named<T>) -> Result<T, AppError> {
    match named {
        Named::Done(value) => Ok(value),
        Named::NameTaken => Err(AppError::Conflict(t::NAME_TAKEN.into())),
    }
}

/// What `viewer` is shown of `owner`'s timetable: their own always; anyone else's as its visibility allows,
/// and nothing across a block in either direction, exactly as 비공개. A 친구공개 one that a non-friend may
/// not see says so (the way to it is a friend request); across a block it says 비공개 like any other, so a
/// block reveals nothing of the timetable's visibility either.
pub fn shared_with(viewer: i64, owner: i64, timetable: Timetable, relation: Relation) -> SharedTimetable {
    let visibility = timetable.summary.visibility;
    if viewer == owner || (!relation.blocked && visibility.shown_to_other(relation.friends)) {
        SharedTimetable::Shown(timetable)
    } else if !relation.blocked && visibility == Visibility::Friends {
        SharedTimetable::FriendsOnly
    } else {
        SharedTimetable::Private
    }
}

/// Another student's primary timetable of the current semester, by username, as its visibility allows.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn of_student(state: &AppState, me: &Me, username: &str) -> Result<StudentTimetable, AppError> {
    if !could_name_an_account(username) {
        return Err(AppError::NotFound);
    }
    let db = &state.db;
    let student = users::in_school(db, me.school_id, username).await?.ok_or(AppError::NotFound)?;
    let semester = Semester::current(now());
    let timetable = match rows::primary_of(db, student.id, semester).await? {
        Some(timetable) => {
            let relation = friends::relation(db, me.id, student.id).await?;
            shared_with(me.id, student.id, timetable, relation)
        }
        None => SharedTimetable::Private,
    };
    // `in_school` found the student in the viewer's own school, so the school's name is the viewer's.
    Ok(StudentTimetable {
        nickname: student.nickname,
        school_name: me.school_name.clone(),
        semester,
        timetable,
    })
}

/// A timetable opened by its link (`/timetables/:id`), as its visibility allows: the same rule as
/// [`of_student`] ([`shared_with`]), applied to the timetable the link names. Whichever timetable the owner
/// shares (another than the primary, another semester's), its own 공개 범위 decides, since that is what the
/// owner set for it. Another school's timetable, like an unknown id, is not found.
#[tracing::instrument(skip_all, fields(user = me.id, timetable_id))]
pub async fn linked(state: &AppState, me: &Me, timetable_id: i64) -> Result<LinkedTimetable, AppError> {
    let db = &state.db;
    let (owner, nickname, timetable) =
        rows::in_school(db, me.school_id, timetable_id).await?.ok_or(AppError::NotFound)?;
    let relation = friends::relation(db, me.id, owner).await?;
    Ok(LinkedTimetable {
        nickname,
        is_mine: owner == me.id,
        timetable: shared_with(me.id, owner, timetable, relation),
    })
}

/// The timetable of a link when the viewer may see it, for the saved image: anything [`linked`] would not
/// show is not found, with no hint of why (an image has no room for the page's notes).
pub async fn linked_image(
    state: &AppState,
    me: &Me,
    timetable_id: i64,
) -> Result<(String, Timetable), AppError> {
    let linked = linked(state, me, timetable_id).await?;
    match linked.timetable {
        SharedTimetable::Shown(timetable) => Ok((linked.nickname, timetable)),
        SharedTimetable::FriendsOnly | SharedTimetable::Private => Err(AppError::NotFound),
    }
}

/// The catalogue search as its form sends it: `q` (at least 2 characters) matches name, professor, code or
/// room; every filter is optional; an empty category or sort (a select's first entry) means none.
pub struct CatalogueForm {
    pub semester: Option<i64>,
    pub q: Option<String>,
    pub department_id: Option<i64>,
    pub credits: Option<i64>,
    pub weekday: Option<i64>,
    pub category: Option<Pick<CourseCategory>>,
    pub sort: Option<Pick<CourseSort>>,
    pub offset: Option<i64>,
}

/// One page of a semester's catalogue. The filters are checked in order and the first bad one is named.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn search_courses(state: &AppState, me: &Me, form: CatalogueForm) -> Result<CoursePage, AppError> {
    let semester = semester_or_current(form.semester)?;
    let text = match form.q.as_deref().map(str::trim).filter(|text| !text.is_empty()) {
        Some(text) => Some(validate_catalogue_text(text)?),
        None => None,
    };
    let category = optional_pick(form.category, "category", t::CATEGORY_INVALID)?;
    let sort =
        optional_pick(form.sort, "sort", crate::text::errors::UNKNOWN_CHOICE)?.unwrap_or(CourseSort::Name);
    let filters = CatalogueQuery {
        text,
        department_id: form.department_id,
        credits: form.credits,
        weekday: form.weekday,
        category,
    };
    let offset = form.offset.unwrap_or_default().clamp(0, MAX_CATALOGUE_OFFSET);
    let mut courses =
        courses::search(&state.db, me.school_id, semester, &filters, sort, CATALOGUE_PAGE + 1, offset)
            .await?;
    let more = courses.len() as i64 > CATALOGUE_PAGE;
    courses.truncate(CATALOGUE_PAGE as usize);
    Ok(CoursePage { courses, next_offset: more.then_some(offset + CATALOGUE_PAGE) })
}
