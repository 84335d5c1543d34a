//! Semesters, courses, timetables and course reviews, with the rules both sides apply: when two times clash,
//! what a custom entry and a review may contain.

use serde::{Deserialize, Serialize};

use super::chars;
use super::codes::{coded, Pick};
use super::time::KstDate;
use crate::error::{AppError, FieldError};
use crate::text::timetable as t;

/// A year and a term, stored as one number (`year * 10 + term`) so that semesters sort as integers.
/// Terms: 1 = 1학기, 2 = 여름학기, 3 = 2학기, 4 = 겨울학기 (the winter term of 2026 runs into early 2027).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Semester(pub i64);

impl Semester {
    pub fn new(year: i64, term: i64) -> Self {
        Semester(year * 10 + term)
    }

    pub fn year(self) -> i64 {
        self.0 / 10
    }

    pub fn term(self) -> i64 {
        self.0 % 10
    }

    /// The semester a KST date falls in: March–June 1학기, July–August 여름학기, September–December 2학기,
    /// January–February the previous year's 겨울학기.
    pub fn of_date(date: KstDate) -> Self {
        match date.month {
            3..=6 => Semester::new(date.year, 1),
            7..=8 => Semester::new(date.year, 2),
            9..=12 => Semester::new(date.year, 3),
            _ => Semester::new(date.year - 1, 4),
        }
    }

    pub fn current(now_unix: i64) -> Self {
        Semester::of_date(KstDate::from_unix(now_unix))
    }

    /// The semester before this one (2026 1학기 comes after 2025 겨울학기).
    pub fn previous(self) -> Self {
        if self.term() == 1 {
            Semester::new(self.year() - 1, 4)
        } else {
            Semester::new(self.year(), self.term() - 1)
        }
    }

    /// Whether the number names a real semester (a term 1–4 of a plausible year); used on input.
    pub fn parse(value: i64) -> Option<Self> {
        let semester = Semester(value);
        ((2000..=2100).contains(&semester.year()) && (1..=4).contains(&semester.term())).then_some(semester)
    }
}

impl std::fmt::Display for Semester {
    /// `2026년 2학기`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let term = t::TERMS[(self.term().clamp(1, 4) - 1) as usize];
        f.write_str(&crate::text::fill(&crate::text::fill(t::SEMESTER_NAME, self.year()), term))
    }
}

coded! {
    /// Who may see a timetable besides its owner, in the order the settings offer them.
    pub enum Visibility {
        Public = "public",
        Friends = "friends",
        Private = "private",
    }
}

impl Visibility {
    /// The number the database stores for it.
    pub fn stored(self) -> i64 {
        match self {
            Visibility::Private => 0,
            Visibility::Friends => 1,
            Visibility::Public => 2,
        }
    }

    /// Unknown numbers read as private: the safe side.
    pub fn from_stored(code: i64) -> Self {
        match code {
            2 => Visibility::Public,
            1 => Visibility::Friends,
            _ => Visibility::Private,
        }
    }

    /// Whether another student sees it: 전체공개 everyone of the school, 친구공개 friends only, 비공개 nobody.
    pub fn shown_to_other(self, is_friend: bool) -> bool {
        match self {
            Visibility::Public => true,
            Visibility::Friends => is_friend,
            Visibility::Private => false,
        }
    }

    /// Who can open the timetable's link, said to its owner.
    pub fn link_audience(self) -> &'static str {
        match self {
            Visibility::Public => t::LINK_FOR_SCHOOL,
            Visibility::Friends => t::LINK_FOR_FRIENDS,
            Visibility::Private => t::LINK_FOR_NOBODY,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Visibility::Public => t::PUBLIC,
            Visibility::Friends => t::FRIENDS_ONLY,
            Visibility::Private => t::PRIVATE,
        }
    }
}

/// One weekly time: weekday 0 (Mon) … 6 (Sun), minutes after midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Slot {
    pub weekday: i64,
    pub start_minute: i64,
    pub end_minute: i64,
}

impl Slot {
    /// Two times clash when they share a weekday and overlap by at least a minute; 10:00–11:00 and
    /// 11:00–12:00 only touch and do not clash.
    pub fn clashes_with(&self, other: &Slot) -> bool {
        self.weekday == other.weekday
            && self.start_minute < other.end_minute
            && other.start_minute < self.end_minute
    }

    /// `월 10:30–11:45`.
    pub fn label(&self) -> String {
        format!("{} {}–{}", weekday_name(self.weekday), clock(self.start_minute), clock(self.end_minute))
    }
}

pub fn weekday_name(weekday: i64) -> &'static str {
    t::WEEKDAYS[weekday.clamp(0, 6) as usize]
}

/// `9:05` style clock time of a minute of the day.
pub fn clock(minute: i64) -> String {
    format!("{}:{:02}", minute / 60, minute % 60)
}

/// Parses `HH:MM` (as an `<input type="time">` sends it) into minutes after midnight.
pub fn parse_clock(value: &str) -> Option<i64> {
    let (hours, minutes) = value.trim().split_once(':')?;
    let (hours, minutes): (i64, i64) = (hours.parse().ok()?, minutes.get(..2)?.parse().ok()?);
    ((0..24).contains(&hours) && (0..60).contains(&minutes)).then_some(hours * 60 + minutes)
}

/// The reviews behind an average: exact integers, averaged only for display.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub count: i64,
    pub total: i64,
}

impl Rating {
    /// `4.3`, or `None` without reviews.
    pub fn average(&self) -> Option<f64> {
        (self.count > 0).then(|| self.total as f64 / self.count as f64)
    }

    pub fn label(&self) -> String {
        self.average().map_or_else(|| t::NO_RATING.to_owned(), |avg| format!("{avg:.1}"))
    }
}

/// A course of the catalogue as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Course {
    pub id: i64,
    pub semester: Semester,
    pub code: String,
    pub name: String,
    pub professor: String,
    pub department: Option<String>,
    pub credits: i64,
    pub category: CourseCategory,
    pub room: String,
    pub capacity: i64,
    pub added_count: i64,
    pub rating: Rating,
    pub slots: Vec<Slot>,
}

impl Course {
    pub fn times_label(&self) -> String {
        self.slots.iter().map(Slot::label).collect::<Vec<_>>().join(", ")
    }
}

coded! {
    /// How catalogue results are ordered.
    pub enum CourseSort {
        Name = "name",
        Code = "code",
        Rating = "rating",
        Popular = "popular",
    }
}

impl CourseSort {
    pub fn label(self) -> &'static str {
        match self {
            CourseSort::Name => t::SORT_NAME,
            CourseSort::Code => t::SORT_CODE,
            CourseSort::Rating => t::SORT_RATING,
            CourseSort::Popular => t::SORT_POPULAR,
        }
    }
}

coded! {
    /// A course's category (이수 구분).
    pub enum CourseCategory {
        MajorRequired = "major_required",
        MajorElective = "major_elective",
        GeneralRequired = "general_required",
        GeneralElective = "general_elective",
    }
}

impl CourseCategory {
    pub fn label(self) -> &'static str {
        match self {
            CourseCategory::MajorRequired => t::MAJOR_REQUIRED,
            CourseCategory::MajorElective => t::MAJOR_ELECTIVE,
            CourseCategory::GeneralRequired => t::GENERAL_REQUIRED,
            CourseCategory::GeneralElective => t::GENERAL_ELECTIVE,
        }
    }
}

/// What to look for in a semester's catalogue. Every filter is optional; `text` needs 2 characters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueQuery {
    pub text: Option<String>,
    pub department_id: Option<i64>,
    pub credits: Option<i64>,
    pub weekday: Option<i64>,
    pub category: Option<CourseCategory>,
}

/// One page of catalogue results; `next_offset` is where the next page starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoursePage {
    pub courses: Vec<Course>,
    pub next_offset: Option<i64>,
}

/// Catalogue results per page.
pub const CATALOGUE_PAGE: i64 = 30;
/// Entries a timetable may hold.
pub const MAX_ENTRIES: i64 = 30;
pub const TIMETABLE_NAME_MAX: usize = 20;
pub const ENTRY_NAME_MAX: usize = 30;
pub const ENTRY_DETAIL_MAX: usize = 20;
pub const REVIEW_BODY_MIN: usize = 10;
pub const REVIEW_BODY_MAX: usize = 1000;
pub const MAX_EXAMS: i64 = 10;

/// Checks a search text (at least 2 characters after trimming) and returns it trimmed.
pub fn validate_catalogue_text(text: &str) -> Result<String, AppError> {
    let text = text.trim();
    if text.chars().count() < 2 {
        return Err(AppError::field("q", t::SEARCH_TOO_SHORT));
    }
    if chars::has_control(text) {
        return Err(AppError::field("q", t::SEARCH_INVALID_CHARS));
    }
    Ok(text.chars().take(50).collect())
}

/// A timetable as a list of them shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimetableSummary {
    pub id: i64,
    pub name: String,
    pub visibility: Visibility,
    pub is_primary: bool,
}

/// A course or custom entry of a timetable with its weekly times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: i64,
    /// `None` for a custom entry.
    pub course_id: Option<i64>,
    pub name: String,
    pub professor: String,
    pub room: String,
    pub credits: i64,
    pub slots: Vec<Slot>,
}

/// A whole timetable, ready for the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timetable {
    pub summary: TimetableSummary,
    pub semester: Semester,
    pub entries: Vec<Entry>,
}

impl Timetable {
    pub fn total_credits(&self) -> i64 {
        self.entries.iter().map(|entry| entry.credits).sum()
    }
}

/// One class of a day: an entry's name and room, and one of its times that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TodayClass {
    pub name: String,
    pub room: String,
    pub start_minute: i64,
    pub end_minute: i64,
}

/// The editor's data: the student's timetables of one semester and the open one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyTimetables {
    pub semester: Semester,
    /// Semesters to switch between: those with a catalogue and those the student has timetables in.
    pub semesters: Vec<Semester>,
    pub timetables: Vec<TimetableSummary>,
    pub open: Option<Timetable>,
}

/// Another student's primary timetable of the current semester, as its visibility lets the viewer see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentTimetable {
    pub nickname: String,
    /// The student's school (always the viewer's own: other schools' students are not found).
    pub school_name: String,
    pub semester: Semester,
    pub timetable: SharedTimetable,
}

/// A timetable opened by its link (`/timetables/:id`): whose it is, and the timetable as its visibility lets
/// the viewer see it. Its name and semester travel only inside `Shown`, so a hidden one gives nothing away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedTimetable {
    pub nickname: String,
    /// The viewer is its owner (who may change who sees it).
    pub is_mine: bool,
    pub timetable: SharedTimetable,
}

/// What a viewer is shown of another student's timetable: the timetable, or why not. Only `Shown` carries
/// anything of it; the other two are all a viewer learns of a timetable they may not see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SharedTimetable {
    Shown(Timetable),
    /// 친구공개, and the viewer is not a friend: "친구에게만 공개된 시간표입니다", so they know a friend
    /// request is the way to it.
    FriendsOnly,
    /// 비공개, hidden across a block, or no primary timetable this semester: "비공개 시간표입니다".
    Private,
}

/// A custom entry as typed, checked: name required, weekday, start < end on 5-minute steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomEntry {
    pub name: String,
    pub professor: String,
    pub room: String,
    pub slot: Slot,
}

pub fn validate_custom_entry(
    name: &str,
    professor: &str,
    room: &str,
    weekday: i64,
    start: &str,
    end: &str,
) -> Result<CustomEntry, AppError> {
    let mut errors = Vec::new();
    let mut error =
        |field: &str, message: &str| errors.push(FieldError { field: field.into(), message: message.into() });
    let (name, professor, room) = (name.trim(), professor.trim(), room.trim());
    if chars::is_blank(name) {
        error("name", t::ENTRY_NAME_REQUIRED);
    } else if name.chars().count() > ENTRY_NAME_MAX {
        error("name", t::ENTRY_NAME_TOO_LONG);
    } else if chars::has_forbidden_in_line(name) {
        error("name", t::LINE_INVALID_CHARS);
    }
    for (field, value) in [("professor", professor), ("room", room)] {
        if value.chars().count() > ENTRY_DETAIL_MAX {
            error(field, t::ENTRY_DETAIL_TOO_LONG);
        } else if chars::has_forbidden_in_line(value) {
            error(field, t::LINE_INVALID_CHARS);
        }
    }
    if !(0..=6).contains(&weekday) {
        error("weekday", t::WEEKDAY_INVALID);
    }
    let (start, end) = (parse_clock(start), parse_clock(end));
    match (start, end) {
        (Some(start), Some(end)) if start % 5 != 0 || end % 5 != 0 => error("start", t::FIVE_MINUTE_STEPS),
        (Some(start), Some(end)) if start >= end => error("end", t::END_BEFORE_START),
        (Some(_), Some(_)) => {}
        (None, _) => error("start", t::TIME_INVALID),
        (_, None) => error("end", t::TIME_INVALID),
    }
    match (errors.is_empty(), start, end) {
        (true, Some(start_minute), Some(end_minute)) => Ok(CustomEntry {
            name: name.to_owned(),
            professor: professor.to_owned(),
            room: room.to_owned(),
            slot: Slot { weekday, start_minute, end_minute },
        }),
        _ => Err(AppError::fields(errors)),
    }
}

/// Checks a timetable's name and returns it trimmed.
pub fn validate_timetable_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    if chars::is_blank(name) {
        return Err(AppError::field("name", t::TIMETABLE_NAME_REQUIRED));
    }
    if name.chars().count() > TIMETABLE_NAME_MAX {
        return Err(AppError::field("name", t::TIMETABLE_NAME_TOO_LONG));
    }
    if chars::has_forbidden_in_line(name) {
        return Err(AppError::field("name", t::LINE_INVALID_CHARS));
    }
    Ok(name.to_owned())
}

coded! {
    /// How much of something a course has (과제, 조모임).
    pub enum Amount {
        Many = "many",
        Average = "average",
        None = "none",
    }
}

coded! {
    /// How a course grades (성적).
    pub enum Grading {
        Lenient = "lenient",
        Average = "average",
        Strict = "strict",
    }
}

coded! {
    /// How a course takes attendance (출결).
    pub enum Attendance {
        Mixed = "mixed",
        RollCall = "roll_call",
        AssignedSeats = "assigned_seats",
        Electronic = "electronic",
        NotCounted = "not_counted",
    }
}

impl Amount {
    pub fn label(self) -> &'static str {
        match self {
            Amount::Many => t::AMOUNT_MANY,
            Amount::Average => t::AMOUNT_AVERAGE,
            Amount::None => t::AMOUNT_NONE,
        }
    }
}

impl Grading {
    pub fn label(self) -> &'static str {
        match self {
            Grading::Lenient => t::GRADING_LENIENT,
            Grading::Average => t::GRADING_AVERAGE,
            Grading::Strict => t::GRADING_STRICT,
        }
    }
}

impl Attendance {
    pub fn label(self) -> &'static str {
        match self {
            Attendance::Mixed => t::ATTENDANCE_MIXED,
            Attendance::RollCall => t::ATTENDANCE_ROLL_CALL,
            Attendance::AssignedSeats => t::ATTENDANCE_ASSIGNED_SEATS,
            Attendance::Electronic => t::ATTENDANCE_ELECTRONIC,
            Attendance::NotCounted => t::ATTENDANCE_NOT_COUNTED,
        }
    }
}

/// A 강의평 as written: 1–5 stars, text, and an answer to each detail question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewInput {
    pub stars: i64,
    pub body: String,
    pub assignments: Amount,
    pub team_projects: Amount,
    pub grading: Grading,
    pub attendance: Attendance,
    pub exams: i64,
}

/// A 강의평 as a form sends it: the answers as picked, possibly tampered with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewForm {
    pub stars: i64,
    pub body: String,
    pub assignments: Pick<Amount>,
    pub team_projects: Pick<Amount>,
    pub grading: Pick<Grading>,
    pub attendance: Pick<Attendance>,
    pub exams: i64,
}

impl ReviewForm {
    /// Checks every field at once; returns the review with its text trimmed.
    pub fn validate(self) -> Result<ReviewInput, AppError> {
        let mut errors = Vec::new();
        let mut check = |ok: bool, field: &str, message: &str| {
            if !ok {
                errors.push(FieldError { field: field.into(), message: message.into() });
            }
        };
        let body = self.body.trim().to_owned();
        let length = body.chars().count();
        check((1..=5).contains(&self.stars), "stars", t::STARS_INVALID);
        if length < REVIEW_BODY_MIN || chars::is_blank(&body) {
            check(false, "body", t::REVIEW_TOO_SHORT);
        } else if length > REVIEW_BODY_MAX {
            check(false, "body", t::REVIEW_TOO_LONG);
        } else if chars::has_forbidden_in_body(&body) {
            check(false, "body", t::REVIEW_INVALID_CHARS);
        }
        let picked = |pick: &Pick<_>| matches!(pick, Pick::Known(_));
        check(picked(&self.assignments), "assignments", t::CHOOSE_ONE);
        check(picked(&self.team_projects), "team_projects", t::CHOOSE_ONE);
        check(matches!(self.grading, Pick::Known(_)), "grading", t::CHOOSE_ONE);
        check(matches!(self.attendance, Pick::Known(_)), "attendance", t::CHOOSE_ONE);
        check((0..=MAX_EXAMS).contains(&self.exams), "exams", t::EXAMS_INVALID);
        match (self.assignments, self.team_projects, self.grading, self.attendance) {
            (
                Pick::Known(assignments),
                Pick::Known(team_projects),
                Pick::Known(grading),
                Pick::Known(attendance),
            ) if errors.is_empty() => Ok(ReviewInput {
                stars: self.stars,
                body,
                assignments,
                team_projects,
                grading,
                attendance,
                exams: self.exams,
            }),
            _ => Err(AppError::fields(errors)),
        }
    }
}

/// A review as readers see it: anonymous, with the semester it was written from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub id: i64,
    pub semester: Semester,
    /// The stars, text and answers, as written.
    pub content: ReviewInput,
    pub created_at: i64,
    /// Computed on the server: the reader wrote it (and may delete it).
    pub is_mine: bool,
}

/// A course page: the course, the reviews of its (name, professor) across semesters, and their summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseDetail {
    pub course: Course,
    /// How the reviews answered each question (stars included).
    pub summary: crate::model::reviews::ReviewSummary,
    pub reviews: Vec<Review>,
    pub reviewed_by_me: bool,
}

/// A professor found by the lookup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfessorSummary {
    pub name: String,
    /// The department of their courses (the first by name if several); `None` for 교양 lecturers.
    pub department: Option<String>,
    pub course_count: i64,
}

/// A professor's courses, past and present, newest semester first, each with its rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfessorDetail {
    pub name: String,
    pub courses: Vec<Course>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(weekday: i64, start: i64, end: i64) -> Slot {
        Slot { weekday, start_minute: start, end_minute: end }
    }

    #[test]
    fn touching_times_do_not_clash_but_one_minute_of_overlap_does() {
        let ten_to_eleven = slot(0, 600, 660);
        assert!(!ten_to_eleven.clashes_with(&slot(0, 660, 720)));
        assert!(!slot(0, 660, 720).clashes_with(&ten_to_eleven));
        assert!(ten_to_eleven.clashes_with(&slot(0, 659, 720)));
        assert!(ten_to_eleven.clashes_with(&slot(0, 610, 620)), "inside");
        assert!(!ten_to_eleven.clashes_with(&slot(1, 600, 660)), "another day");
    }

    #[test]
    fn semesters_follow_the_korean_academic_calendar() {
        let on = |year, month| Semester::of_date(KstDate { year, month, day: 15 });
        assert_eq!(on(2026, 11), Semester::new(2026, 3));
        assert_eq!(on(2026, 3), Semester::new(2026, 1));
        assert_eq!(on(2026, 7), Semester::new(2026, 2));
        assert_eq!(on(2027, 1), Semester::new(2026, 4));
        assert_eq!(Semester::new(2026, 1).previous(), Semester::new(2025, 4));
        assert_eq!(Semester::new(2026, 3).to_string(), "2026년 2학기");
        assert_eq!(Semester::parse(20265), None);
    }

    #[test]
    fn custom_entries_need_a_name_and_a_forward_time_on_five_minute_steps() {
        assert!(validate_custom_entry("동아리", "", "", 2, "18:00", "19:30").is_ok());
        assert!(validate_custom_entry(" ", "", "", 2, "18:00", "19:30").is_err());
        assert!(validate_custom_entry("알바", "", "", 2, "18:02", "19:30").is_err());
        assert!(validate_custom_entry("알바", "", "", 2, "19:30", "19:30").is_err());
        assert!(validate_custom_entry("알바", "", "", 7, "18:00", "19:30").is_err());
        assert!(validate_custom_entry("알바", "", "", 0, "25:00", "26:00").is_err());
        assert_eq!(parse_clock("09:05"), Some(545));
    }

    #[test]
    fn names_are_one_line_and_searches_hold_no_control_characters() {
        assert_eq!(validate_timetable_name(" 시간표 👍🏿 ").ok().as_deref(), Some("시간표 👍🏿"));
        assert!(validate_timetable_name("\u{3164}").is_err());
        assert!(validate_timetable_name("a\u{202E}b").is_err());
        let error = validate_custom_entry("동아리", "김\0교수", "101\n호", 2, "18:00", "19:30")
            .expect_err("controls");
        assert_eq!(error.message_for("professor"), Some(t::LINE_INVALID_CHARS));
        assert_eq!(error.message_for("room"), Some(t::LINE_INVALID_CHARS));
        assert!(validate_catalogue_text("자료\0").is_err());
    }
}
