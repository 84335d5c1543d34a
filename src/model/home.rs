//! The student's home screen (홈) as one typed answer: 즐겨찾는 게시판, 실시간 인기 글, HOT, BEST, 최근 강의평 and
//! today's classes, each only as long as the screen shows it.

use serde::{Deserialize, Serialize};

use super::community::PostSummary;
use super::reviews::ReviewEntry;
use super::timetable::TodayClass;

/// Boards a student may pin to their home.
pub const PIN_LIMIT: i64 = 8;
/// Newest posts each pinned board shows on the home.
pub const PINNED_PREVIEW: i64 = 2;
/// Items each other list of the home shows (실시간 인기, HOT, BEST, 강의평).
pub const HOME_PREVIEW: i64 = 5;

/// A pinned board and its newest posts ([`PINNED_PREVIEW`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinnedBoard {
    pub board_id: i64,
    pub name: String,
    pub posts: Vec<PostSummary>,
}

/// Everything the student's home shows, in one call. `today` is `None` without a primary timetable this
/// semester (and `Some(vec![])` on a day without classes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeScreen {
    /// In the order the student pinned them.
    pub pinned: Vec<PinnedBoard>,
    /// The posts gaining 공감 and 댓글 fastest in the last hours, hottest first.
    pub trending: Vec<PostSummary>,
    pub hot: Vec<PostSummary>,
    pub best: Vec<PostSummary>,
    pub reviews: Vec<ReviewEntry>,
    pub today: Option<Vec<TodayClass>>,
}
