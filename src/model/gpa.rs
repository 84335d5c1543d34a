//! 학점계산기: a student's terms of courses (name, credits, grade, 전공 or not) and the arithmetic of their
//! GPA, as pure functions both sides run.
//!
//! The Korean conventions this follows (what a 성적증명서 and 에브리타임's calculator do):
//! - **The 4.5 scale** (most schools): A+ 4.5, A0 4.0, B+ 3.5, B0 3.0, C+ 2.5, C0 2.0, D+ 1.5, D0 1.0,
//!   F 0. It has no minus grades.
//! - **The 4.3 scale** (서울대, 연세대, KAIST, …): A+ 4.3, A0 4.0, A- 3.7, B+ 3.3, B0 3.0, B- 2.7, C+ 2.3,
//!   C0 2.0, C- 1.7, D+ 1.3, D0 1.0, D- 0.7, F 0. A letter's grades are 0.3 apart.
//! - **GPA** (평점평균) = Σ(points × credits) ÷ Σ(credits of graded courses), shown to two decimals, rounded
//!   half up (schools differ: some truncate; 에브리타임 rounds).
//! - **F** counts in the GPA with 0 points and earns no credits. **P** (pass) earns its credits and is
//!   left out of the GPA; **NP** (non-pass) earns nothing and is left out too. A course whose grade is not
//!   entered yet (imported from a timetable before the term ends) counts nowhere.
//! - **전공 평점** is the same arithmetic over the courses marked 전공.
//!
//! Values are exact integers: points in tenths (A+ = 45 on the 4.5 scale) and credits in halves (1.5학점 =
//! 3), so that no float rounding moves a GPA across a displayed digit.

use serde::{Deserialize, Serialize};

use super::chars;
use super::codes::{coded, Pick};
use crate::error::{AppError, FieldError};
use crate::text::gpa as t;

/// Terms one student may keep (8 semesters and every 계절학기, with room to spare).
pub const MAX_TERMS: i64 = 20;
/// Courses one term may hold (as many as a timetable's entries, so any timetable imports whole).
pub const MAX_COURSES_PER_TERM: i64 = 30;
pub const TERM_NAME_MAX: usize = 20;
pub const COURSE_NAME_MAX: usize = 30;
/// The most credits one course may carry, in halves (10학점).
pub const MAX_HALF_CREDITS: i64 = 20;

coded! {
    /// The maximum grade point of the student's school.
    pub enum Scale {
        FourFive = "4.5",
        FourThree = "4.3",
    }
}

impl Scale {
    pub fn label(self) -> &'static str {
        match self {
            Scale::FourFive => t::SCALE_45,
            Scale::FourThree => t::SCALE_43,
        }
    }

    /// The grades a course may get on this scale, in the order a select offers them.
    pub fn grades(self) -> impl Iterator<Item = Grade> {
        <Grade as super::codes::Code>::ALL
            .iter()
            .copied()
            .filter(move |grade| grade.points(self).is_some() || !grade.is_graded())
    }
}

coded! {
    /// A course's grade. The code is the letter as a transcript prints it.
    pub enum Grade {
        APlus = "A+",
        AZero = "A0",
        AMinus = "A-",
        BPlus = "B+",
        BZero = "B0",
        BMinus = "B-",
        CPlus = "C+",
        CZero = "C0",
        CMinus = "C-",
        DPlus = "D+",
        DZero = "D0",
        DMinus = "D-",
        F = "F",
        Pass = "P",
        NonPass = "NP",
    }
}

impl Grade {
    /// Whether the grade counts in a GPA (a letter grade, F included; not P or NP).
    pub fn is_graded(self) -> bool {
        !matches!(self, Grade::Pass | Grade::NonPass)
    }

    /// Whether the course's credits are earned (취득): every grade but F and NP.
    pub fn earns_credits(self) -> bool {
        !matches!(self, Grade::F | Grade::NonPass)
    }

    /// Whether the grade is a minus grade, which only the 4.3 scale has.
    pub fn is_minus(self) -> bool {
        matches!(self, Grade::AMinus | Grade::BMinus | Grade::CMinus | Grade::DMinus)
    }

    /// The grade's points in tenths on a scale: `None` for P and NP, and for a minus grade on the 4.5 scale.
    pub fn points(self, scale: Scale) -> Option<i64> {
        let (four_five, four_three) = match self {
            Grade::APlus => (Some(45), 43),
            Grade::AZero => (Some(40), 40),
            Grade::AMinus => (None, 37),
            Grade::BPlus => (Some(35), 33),
            Grade::BZero => (Some(30), 30),
            Grade::BMinus => (None, 27),
            Grade::CPlus => (Some(25), 23),
            Grade::CZero => (Some(20), 20),
            Grade::CMinus => (None, 17),
            Grade::DPlus => (Some(15), 13),
            Grade::DZero => (Some(10), 10),
            Grade::DMinus => (None, 7),
            Grade::F => (Some(0), 0),
            Grade::Pass | Grade::NonPass => return None,
        };
        match scale {
            Scale::FourFive => four_five,
            Scale::FourThree => Some(four_three),
        }
    }
}

/// Credits, in halves: `3` is 1.5학점.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct HalfCredits(pub i64);

impl HalfCredits {
    pub fn from_whole(credits: i64) -> Self {
        HalfCredits(credits * 2)
    }

    /// Parses credits as typed: a whole number or one with `.5` (`3`, `1.5`, `2.0`); `None` otherwise.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        if whole.is_empty() || whole.len() > 3 || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let half = match fraction {
            "" if !text.ends_with('.') => 0,
            "0" => 0,
            "5" => 1,
            _ => return None,
        };
        Some(HalfCredits(whole * 2 + half))
    }
}

impl std::fmt::Display for HalfCredits {
    /// `3`, `1.5`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0 % 2 == 0 {
            write!(f, "{}", self.0 / 2)
        } else {
            write!(f, "{}.5", self.0 / 2)
        }
    }
}

/// A course of a term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GpaCourse {
    pub id: i64,
    pub name: String,
    pub credits: HalfCredits,
    /// `None` until the student enters it.
    pub grade: Option<Grade>,
    pub is_major: bool,
}

/// A term and its courses, in the order they were added, with the term's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GpaTerm {
    pub id: i64,
    pub name: String,
    pub courses: Vec<GpaCourse>,
    pub summary: Summary,
}

/// A timetable the student can import from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSource {
    pub timetable_id: i64,
    /// `2026년 1학기 · 시간표 1`.
    pub label: String,
}

/// The 학점계산기 screen's data: the scale, every term, the figures of all terms together, and the
/// timetables to import from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GpaBook {
    pub scale: Scale,
    pub terms: Vec<GpaTerm>,
    pub summary: Summary,
    pub sources: Vec<ImportSource>,
}

/// What an import did: the term the courses went into, and how many were added and skipped (already in the
/// term, or a custom entry without credits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Imported {
    pub term_id: i64,
    pub added: i64,
    pub skipped: i64,
}

/// A GPA as an exact fraction: Σ(points in tenths × half credits) over Σ(half credits) of graded courses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Average {
    pub weighted: i64,
    pub credits: HalfCredits,
}

impl Average {
    /// The GPA in hundredths, rounded half up (`Some(367)` is 3.67); `None` with no graded credits.
    pub fn hundredths(self) -> Option<i64> {
        // weighted / credits is in tenths; × 10 for hundredths, and + half the divisor rounds half up.
        (self.credits.0 > 0).then(|| (self.weighted * 10 * 2 + self.credits.0) / (self.credits.0 * 2))
    }

    /// `3.67`, or `-` with no graded credits.
    pub fn label(self) -> String {
        match self.hundredths() {
            Some(h) => format!("{}.{:02}", h / 100, h % 100),
            None => "-".to_owned(),
        }
    }
}

/// The figures of a set of courses: its GPA, its 전공 GPA and the credits earned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub overall: Average,
    pub major: Average,
    /// 취득 학점: the credits of every course passed (a letter grade but F, or P).
    pub earned: HalfCredits,
}

/// The figures of courses on a scale. A minus grade on the 4.5 scale (which the server never stores) would
/// count as not entered.
pub fn summarize<'a>(courses: impl IntoIterator<Item = &'a GpaCourse>, scale: Scale) -> Summary {
    let mut summary = Summary::default();
    for course in courses {
        let Some(grade) = course.grade else { continue };
        if grade.earns_credits() {
            summary.earned.0 += course.credits.0;
        }
        let Some(points) = grade.points(scale) else { continue };
        let add = |average: &mut Average| {
            average.weighted += points * course.credits.0;
            average.credits.0 += course.credits.0;
        };
        add(&mut summary.overall);
        if course.is_major {
            add(&mut summary.major);
        }
    }
    summary
}

/// The figures of every term together.
pub fn summarize_terms(terms: &[GpaTerm], scale: Scale) -> Summary {
    summarize(terms.iter().flat_map(|term| &term.courses), scale)
}

impl Summary {
    /// The figures as labels: (overall GPA, 전공 GPA, credits earned), e.g. `("3.06", "2.80", "10")`.
    pub fn labels(&self) -> (String, String, String) {
        (self.overall.label(), self.major.label(), self.earned.to_string())
    }
}

/// Checks a term's name and returns it trimmed.
pub fn validate_term_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    if chars::is_blank(name) {
        return Err(AppError::field("name", t::TERM_NAME_REQUIRED));
    }
    if name.chars().count() > TERM_NAME_MAX {
        return Err(AppError::field("name", t::TERM_NAME_TOO_LONG));
    }
    if chars::has_forbidden_in_line(name) {
        return Err(AppError::field("name", t::INVALID_CHARS));
    }
    Ok(name.to_owned())
}

/// A course as typed, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseInput {
    pub name: String,
    pub credits: HalfCredits,
    pub grade: Option<Grade>,
    pub is_major: bool,
}

/// Checks a course's name (required, at most [`COURSE_NAME_MAX`]), its credits (0–10 in half steps) and
/// its grade (a grade's code that exists on the student's scale, or empty for 미입력); every field at fault
/// is named.
pub fn validate_course(
    name: &str,
    credits: &str,
    grade: Option<Pick<Grade>>,
    is_major: bool,
    scale: Scale,
) -> Result<CourseInput, AppError> {
    let mut errors = Vec::new();
    let mut error =
        |field: &str, message: &str| errors.push(FieldError { field: field.into(), message: message.into() });
    let name = name.trim();
    if chars::is_blank(name) {
        error("name", t::COURSE_NAME_REQUIRED);
    } else if name.chars().count() > COURSE_NAME_MAX {
        error("name", t::COURSE_NAME_TOO_LONG);
    } else if chars::has_forbidden_in_line(name) {
        error("name", t::INVALID_CHARS);
    }
    let parsed = HalfCredits::parse(credits).filter(|c| (0..=MAX_HALF_CREDITS).contains(&c.0));
    if parsed.is_none() {
        error("credits", t::CREDITS_INVALID);
    }
    let grade = match grade {
        None => None,
        Some(Pick::Unknown(code)) if code.is_empty() => None,
        Some(Pick::Unknown(_)) => {
            error("grade", t::GRADE_INVALID);
            None
        }
        Some(Pick::Known(grade)) => {
            if grade.is_graded() && grade.points(scale).is_none() {
                error("grade", t::NO_MINUS_ON_45);
            }
            Some(grade)
        }
    };
    match parsed {
        Some(credits) if errors.is_empty() => {
            Ok(CourseInput { name: name.to_owned(), credits, grade, is_major })
        }
        _ => Err(AppError::fields(errors)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course(credits: i64, grade: Option<Grade>, is_major: bool) -> GpaCourse {
        GpaCourse { id: 0, name: "과목".into(), credits: HalfCredits::from_whole(credits), grade, is_major }
    }

    #[test]
    fn the_two_scales_give_the_korean_points() {
        use Grade::*;
        let four_five: Vec<_> = [APlus, AZero, BPlus, BZero, CPlus, CZero, DPlus, DZero, F]
            .iter()
            .map(|g| g.points(Scale::FourFive))
            .collect();
        let tenths = |v: &[i64]| v.iter().map(|p| Some(*p)).collect::<Vec<_>>();
        assert_eq!(four_five, tenths(&[45, 40, 35, 30, 25, 20, 15, 10, 0]));
        let four_three: Vec<_> =
            [APlus, AZero, AMinus, BPlus, BZero, BMinus, CPlus, CZero, CMinus, DPlus, DZero, DMinus, F]
                .iter()
                .map(|g| g.points(Scale::FourThree))
                .collect();
        assert_eq!(four_three, tenths(&[43, 40, 37, 33, 30, 27, 23, 20, 17, 13, 10, 7, 0]));
        for minus in [AMinus, BMinus, CMinus, DMinus] {
            assert_eq!(minus.points(Scale::FourFive), None, "no minus grades on 4.5");
        }
        for scale in [Scale::FourFive, Scale::FourThree] {
            assert_eq!(Pass.points(scale), None);
            assert_eq!(NonPass.points(scale), None);
        }
        let offered: Vec<&str> = Scale::FourFive.grades().map(super::super::codes::Code::code).collect();
        assert_eq!(offered, ["A+", "A0", "B+", "B0", "C+", "C0", "D+", "D0", "F", "P", "NP"]);
        assert_eq!(Scale::FourThree.grades().count(), 15);
    }

    #[test]
    fn a_worked_example_on_the_4_5_scale() {
        // A+ 3학점, B0 3학점 (전공), C+ 2학점 (전공), F 1학점, P 2학점, NP 1학점, one not entered.
        // GPA: (4.5×3 + 3.0×3 + 2.5×2 + 0×1) / (3+3+2+1) = 27.5 / 9 = 3.0555… → 3.06.
        // 전공: (3.0×3 + 2.5×2) / 5 = 14 / 5 = 2.80. Earned: 3+3+2+2 = 10 (F and NP earn nothing).
        let courses = [
            course(3, Some(Grade::APlus), false),
            course(3, Some(Grade::BZero), true),
            course(2, Some(Grade::CPlus), true),
            course(1, Some(Grade::F), false),
            course(2, Some(Grade::Pass), false),
            course(1, Some(Grade::NonPass), true),
            course(3, None, true),
        ];
        let summary = summarize(&courses, Scale::FourFive);
        assert_eq!(summary.overall.label(), "3.06");
        assert_eq!(summary.overall.credits, HalfCredits::from_whole(9));
        assert_eq!(summary.major.label(), "2.80");
        assert_eq!(summary.earned, HalfCredits::from_whole(10));
    }

    #[test]
    fn a_worked_example_on_the_4_3_scale() {
        // A- 3, B+ 3, B- 1.5: (3.7×3 + 3.3×3 + 2.7×1.5) / 7.5 = (11.1 + 9.9 + 4.05) / 7.5 = 25.05 / 7.5 = 3.34.
        let mut half = course(0, Some(Grade::BMinus), false);
        half.credits = HalfCredits(3);
        let courses = [course(3, Some(Grade::AMinus), false), course(3, Some(Grade::BPlus), false), half];
        let summary = summarize(&courses, Scale::FourThree);
        assert_eq!(summary.overall.label(), "3.34");
        assert_eq!(summary.major.label(), "-");
        assert_eq!(summary.earned.to_string(), "7.5");
        // The same letters on 4.5 would not be allowed; A+ alone shows the scale's top either way.
        let top = [course(3, Some(Grade::APlus), false)];
        assert_eq!(summarize(&top, Scale::FourThree).overall.label(), "4.30");
        assert_eq!(summarize(&top, Scale::FourFive).overall.label(), "4.50");
    }

    #[test]
    fn rounding_is_half_up_to_two_decimals_and_only_pass_grades_show_no_gpa() {
        // B+ 1 + B0 1 + B0 1 = 9.5 / 3 = 3.1666… → 3.17; A0 1 + B+ 2 = 11/3 = 3.666… → 3.67.
        let courses = [
            course(1, Some(Grade::BPlus), false),
            course(1, Some(Grade::BZero), false),
            course(1, Some(Grade::BZero), false),
        ];
        assert_eq!(summarize(&courses, Scale::FourFive).overall.label(), "3.17");
        let courses = [course(1, Some(Grade::AZero), false), course(2, Some(Grade::BPlus), false)];
        assert_eq!(summarize(&courses, Scale::FourFive).overall.hundredths(), Some(367));
        let courses = [
            course(1, Some(Grade::AZero), false),
            course(3, Some(Grade::BPlus), false),
            course(4, Some(Grade::BZero), false),
        ];
        // (4.0 + 10.5 + 12.0) / 8 = 26.5 / 8 = 3.3125 → 3.31; exactly half a hundredth rounds up:
        // C+ 1 + C0 3 = (2.5 + 6.0) / 4 = 2.125 → 2.13.
        assert_eq!(summarize(&courses, Scale::FourFive).overall.label(), "3.31");
        let courses = [course(1, Some(Grade::CPlus), false), course(3, Some(Grade::CZero), false)];
        assert_eq!(summarize(&courses, Scale::FourFive).overall.label(), "2.13");
        let passes = [course(3, Some(Grade::Pass), true), course(0, Some(Grade::APlus), false)];
        let summary = summarize(&passes, Scale::FourFive);
        assert_eq!(
            summary.overall.label(),
            "-",
            "P counts toward credits only; a 0-credit course weighs nothing"
        );
        assert_eq!(summary.earned, HalfCredits::from_whole(3));
    }

    #[test]
    fn credits_are_typed_as_whole_numbers_or_halves() {
        assert_eq!(HalfCredits::parse("3"), Some(HalfCredits(6)));
        assert_eq!(HalfCredits::parse(" 1.5 "), Some(HalfCredits(3)));
        assert_eq!(HalfCredits::parse("2.0"), Some(HalfCredits(4)));
        assert_eq!(HalfCredits::parse("0"), Some(HalfCredits(0)));
        for bad in ["", ".5", "1.", "1.25", "-1", "+1", "1e1", "３", "abc", "1.5.5", "99999999999999999999"]
        {
            assert_eq!(HalfCredits::parse(bad), None, "{bad:?}");
        }
        assert!(validate_course("과목", "10.5", None, false, Scale::FourFive).is_err());
        assert!(validate_course("과목", "10", None, false, Scale::FourFive).is_ok());
        let error =
            validate_course(" ", "x", Some(Grade::AMinus.into()), false, Scale::FourFive).expect_err("bad");
        assert_eq!(error.message_for("name"), Some(t::COURSE_NAME_REQUIRED));
        assert_eq!(error.message_for("credits"), Some(t::CREDITS_INVALID));
        assert_eq!(error.message_for("grade"), Some(t::NO_MINUS_ON_45));
        assert!(validate_course("과목", "3", Some(Grade::AMinus.into()), true, Scale::FourThree).is_ok());
        let unknown =
            validate_course("과목", "3", Some(Pick::Unknown("A++".into())), false, Scale::FourThree);
        assert_eq!(unknown.expect_err("unknown").message_for("grade"), Some(t::GRADE_INVALID));
        let unset = validate_course("과목", "3", Some(Pick::Unknown(String::new())), false, Scale::FourFive);
        assert_eq!(unset.map(|course| course.grade), Ok(None), "an empty choice is 미입력");
    }
}
