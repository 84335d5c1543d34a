//! The 강의평 screen's types: reviews listed with the course they are about, the (course, professor) pairs a
//! search finds, and how a pair's reviews answered each detail question.
//!
//! Reviews are anonymous everywhere: no type here carries an author; whether the reader wrote a review is
//! the server's `is_mine`.

use serde::{Deserialize, Serialize};

use crate::model::codes::coded;
use crate::model::timetable::{Amount, Attendance, Grading, Rating, Review};

/// Reviews a page of the 강의평 lists shows.
pub const REVIEWS_PER_PAGE: i64 = 20;
/// (Course, professor) pairs a page of the 강의평 search shows.
pub const REVIEWED_COURSES_PER_PAGE: i64 = 20;

coded! {
    /// The review lists of the 강의평 screen (`?list=` of `/reviews`).
    pub enum ReviewList {
        /// The school's newest reviews.
        Recent = "recent",
        /// The student's own.
        Mine = "mine",
    }
}

/// A (course name, professor): what reviews are about, across semesters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewedPair {
    /// The newest section of the pair in the catalogue, where its course page is; `None` when the catalogue
    /// no longer holds the pair.
    pub course_id: Option<i64>,
    pub name: String,
    pub professor: String,
}

/// A 강의평 as the school-wide lists show it: the review and the course it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewEntry {
    pub course: ReviewedPair,
    pub review: Review,
}

/// A page of reviews, newest first, and the cursor of the next (the last review's id), if there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewPage {
    pub reviews: Vec<ReviewEntry>,
    pub next_cursor: Option<i64>,
}

/// A (course name, professor) with reviews, as the 강의평 search finds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewedCourse {
    pub course: ReviewedPair,
    pub rating: Rating,
}

/// A page of the 강의평 search, most reviewed first, and the offset of the next page, if there is one.
/// (Offsets, not a keyset: one row per reviewed pair of a school, ordered by a count that moves.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewedCoursePage {
    pub courses: Vec<ReviewedCourse>,
    pub next_offset: Option<i64>,
}

/// How many reviews gave one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally<T> {
    pub answer: T,
    pub count: i64,
}

/// How the reviews of a (course name, professor) answered each question: every answer of 과제, 조모임, 성적
/// and 출결 in the order the review form offers them (zero counts included), and each number of exams that
/// some review gave, fewest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewSummary {
    /// How many reviews gave 1, 2, 3, 4 and 5 stars.
    pub stars: [i64; 5],
    pub assignments: Vec<Tally<Amount>>,
    pub team_projects: Vec<Tally<Amount>>,
    pub grading: Vec<Tally<Grading>>,
    pub attendance: Vec<Tally<Attendance>>,
    pub exams: Vec<Tally<i64>>,
}

impl ReviewSummary {
    /// How many reviews there are (every review has a star rating).
    pub fn total(&self) -> i64 {
        self.stars.iter().sum()
    }
}

/// The most given answer of a question, `None` when nobody answered (ties: the first in form order).
pub fn most_given<T: Copy>(tallies: &[Tally<T>]) -> Option<T> {
    tallies
        .iter()
        .filter(|tally| tally.count > 0)
        .fold(None::<Tally<T>>, |best, tally| match best {
            Some(best) if best.count >= tally.count => Some(best),
            _ => Some(*tally),
        })
        .map(|tally| tally.answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_given_answer_wins_and_ties_go_to_the_first_in_form_order() {
        let tallies = [
            Tally { answer: Amount::Many, count: 2 },
            Tally { answer: Amount::Average, count: 3 },
            Tally { answer: Amount::None, count: 3 },
        ];
        assert_eq!(most_given(&tallies), Some(Amount::Average));
        let nobody = [Tally { answer: Amount::Many, count: 0 }];
        assert_eq!(most_given(&nobody), None);
    }
}
