//! 실시간 인기 글: the posts gaining 공감 and 댓글 fastest in the last hours. The score is kept on the post by
//! the transactions that like and comment (and delete a comment), so that the home reads the top few from an
//! index instead of counting likes and comments.
//!
//! The formula. Each 공감, and each comment by someone other than the post's author, is a point. A point counts
//! 1 in the clock hour (UTC) it was made, half as much every hour after, and nothing from [`WINDOW_HOURS`]
//! hours on:
//!
//! ```text
//! score(h) = Σ 2^-(h − hour of the point)   over the points of the hours h−5 … h
//! ```
//!
//! Stored (`posts.heat`, `posts.heat_hour`): the score as of the post's last activity hour, in units of
//! 2^-(WINDOW_HOURS−1), so that every point of the window is an exact integer (32, 16, … 1); the next
//! write first ages it by a shift. Every post's score halves at the same moment, so ranking posts by their
//! score now is ranking them by `heat_hour + log2(heat)`, a number that does not change as time passes:
//! stored as `heat_rank` (×64, an integer) and indexed, it orders the list with no arithmetic at read time.
//! A post without a point in the last [`WINDOW_HOURS`] hours is left out whatever its rank. A deleted
//! comment takes its point back, aged as it would have been; a 공감 cannot be taken back (PRODUCT.md).

use crate::server::db::posts as rows;
use crate::server::db::Tx;

/// Hours a point counts for; the list shows posts with a point in the last this many clock hours.
pub const WINDOW_HOURS: i64 = 6;
/// A point of the current hour, in stored units.
const FRESH: i64 = 1 << (WINDOW_HOURS - 1);
/// Steps of `heat_rank` per halving: posts whose scores differ by less than 1/64 of a halving tie (and
/// then the newer post leads).
const RANK_STEPS: f64 = 64.0;

/// The clock hour (hours since the Unix epoch) of a time in seconds.
pub fn hour_of(seconds: i64) -> i64 {
    seconds.div_euclid(3600)
}

/// The earliest activity hour of a post still in the list at `now` (seconds).
pub fn window_start(now: i64) -> i64 {
    hour_of(now) - (WINDOW_HOURS - 1)
}

/// A post's score as stored: `heat` as of the hour `hour`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heat {
    pub heat: i64,
    pub hour: i64,
}

impl Heat {
    /// The score aged to `hour` (the stored hour or a later one).
    fn at(self, hour: i64) -> i64 {
        match hour - self.hour {
            age if age <= 0 => self.heat,
            age if age >= WINDOW_HOURS => 0,
            age => self.heat >> age,
        }
    }

    /// The score after `points` (negative: taken back) made in the hour `point_hour`, seen at `now_hour`.
    /// A clock behind the stored hour (another app server's) ages nothing.
    pub fn with(self, points: i64, point_hour: i64, now_hour: i64) -> Heat {
        let hour = now_hour.max(self.hour);
        let weight = match hour - point_hour {
            age if age < 0 => FRESH,
            age if age >= WINDOW_HOURS => 0,
            age => FRESH >> age,
        };
        Heat { heat: (self.at(hour) + points * weight).max(0), hour }
    }

    /// The time-independent rank of the score (see the module's comment); `None` without a score.
    pub fn rank(self) -> Option<i64> {
        (self.heat > 0).then(|| ((self.hour as f64 + (self.heat as f64).log2()) * RANK_STEPS).floor() as i64)
    }
}

/// Adds `points` made at `point_at` (seconds; negative points take them back) to the post's score, at `now`.
/// The caller's transaction must already hold the post's row (it has just counted the like or comment on
/// it), so concurrent writers apply one after another.
pub async fn add(tx: &mut Tx, post_id: i64, points: i64, point_at: i64, now: i64) -> Result<(), sqlx::Error> {
    let (heat, hour) = rows::heat(tx, post_id).await?;
    let after = Heat { heat, hour }.with(points, hour_of(point_at), hour_of(now));
    rows::set_heat(tx, post_id, (after.heat, after.hour), after.rank()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 490_000;

    #[test]
    fn a_point_halves_every_hour_and_is_gone_after_the_window() {
        let one = Heat { heat: 0, hour: 0 }.with(1, H, H);
        assert_eq!(one, Heat { heat: 32, hour: H });
        assert_eq!(one.at(H + 1), 16);
        assert_eq!(one.at(H + 5), 1);
        assert_eq!(one.at(H + 6), 0);
    }

    #[test]
    fn taking_a_point_back_removes_what_it_still_counts() {
        let two = Heat { heat: 0, hour: 0 }.with(1, H, H).with(1, H + 2, H + 2);
        assert_eq!(two.heat, 8 + 32);
        let taken = two.with(-1, H, H + 3);
        assert_eq!(taken, Heat { heat: 16, hour: H + 3 });
        assert_eq!(taken.with(-1, H + 2, H + 3).heat, 0);
        assert_eq!(taken.with(-1, H + 2, H + 3).rank(), None);
    }

    #[test]
    fn the_rank_orders_by_the_score_now_whenever_the_scores_were_stored() {
        // Four points three hours ago count 4/8 now; one point now counts 1; three points an hour ago 1.5.
        let old = Heat { heat: 0, hour: 0 }.with(4, H, H);
        let fresh = Heat { heat: 0, hour: 0 }.with(1, H + 3, H + 3);
        let recent = Heat { heat: 0, hour: 0 }.with(3, H + 2, H + 2);
        assert!(fresh.rank() > old.rank());
        assert!(recent.rank() > fresh.rank());
        assert_eq!(recent.at(H + 3), 48);
    }
}
