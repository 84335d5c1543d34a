//! The geometry of the weekly timetable grid, in one place for both of its drawings: the grid on screen
//! (`components::timetable_grid`) and the saved image (`server::timetable_svg`). Which weekdays get a
//! column, which hours a row, where a block sits in its day and which colour it wears are decided here and
//! only here, so the image a student saves is the grid they see, and the two cannot drift apart.
//!
//! Positions are fractions of the day column's height (0 at the first hour's top, 1 at the last hour's
//! end): the screen turns them into percentages, the image into pixels.

use super::timetable::Slot;

/// Hours always shown, so a sparse timetable still looks like a school day.
pub const DEFAULT_FIRST_HOUR: i64 = 9;
pub const DEFAULT_LAST_HOUR: i64 = 18;

/// The block colours, by [`colour_index`]. White text has at least 4.5:1 contrast (WCAG AA) on each. The
/// stylesheet's `.tt-color-0` … `.tt-color-9` are these same colours in this order (a test holds them
/// together), and the image paints with them directly.
pub const BLOCK_COLOURS: [&str; 10] = [
    "#b55c0d", "#e42020", "#5d7a12", "#1e7baf", "#994ddf", "#1e864a", "#1b7a80", "#946f10", "#d63172",
    "#4d78a7",
];

/// A stable colour for a course: the same name gets the same colour in every timetable and on every visit.
pub fn colour_index(name: &str) -> usize {
    // FNV-1a: tiny, deterministic across builds and platforms (unlike the std hasher).
    let hash =
        name.bytes().fold(0x811c_9dc5_u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193));
    hash as usize % BLOCK_COLOURS.len()
}

/// Where a slot's block sits in its day column, as fractions of the column's height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub top: f64,
    pub height: f64,
}

/// The columns and rows a grid needs to show every slot given to [`WeekGrid::fitting`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekGrid {
    /// Weekdays with a column, in calendar order: Monday to Friday, and Saturday and Sunday when used.
    pub days: Vec<i64>,
    /// The first hour shown (its row starts the grid) and the hour the grid ends at.
    pub first_hour: i64,
    pub last_hour: i64,
}

impl WeekGrid {
    /// The grid for these slots: a school day of [`DEFAULT_FIRST_HOUR`]–[`DEFAULT_LAST_HOUR`] that grows to the
    /// earliest start and the latest end (rounded out to whole hours), Monday to Friday plus the weekend days
    /// something is on.
    pub fn fitting<'a>(slots: impl IntoIterator<Item = &'a Slot>) -> Self {
        let (mut first, mut last, mut weekend) = (DEFAULT_FIRST_HOUR, DEFAULT_LAST_HOUR, [false; 2]);
        for slot in slots {
            first = first.min(slot.start_minute / 60);
            last = last.max((slot.end_minute + 59) / 60);
            if slot.weekday >= 5 {
                weekend[(slot.weekday.min(6) - 5) as usize] = true;
            }
        }
        let mut days: Vec<i64> = (0..5).collect();
        // Sunday alone still shows Saturday, so the columns stay in calendar order without a gap.
        if weekend[0] || weekend[1] {
            days.push(5);
        }
        if weekend[1] {
            days.push(6);
        }
        WeekGrid { days, first_hour: first, last_hour: last }
    }

    /// The hours that get a row, each labelled with its number.
    pub fn hours(&self) -> std::ops::Range<i64> {
        self.first_hour..self.last_hour
    }

    pub fn hour_count(&self) -> i64 {
        self.last_hour - self.first_hour
    }

    /// The column of a weekday, counted from 0 (Monday's); `None` when the grid has no column for it.
    pub fn column_of(&self, weekday: i64) -> Option<usize> {
        self.days.iter().position(|day| *day == weekday)
    }

    /// Where a slot's block sits in its day column.
    pub fn placement(&self, slot: &Slot) -> Placement {
        let span = (self.hour_count() * 60) as f64;
        Placement {
            top: (slot.start_minute - self.first_hour * 60) as f64 / span,
            height: (slot.end_minute - slot.start_minute) as f64 / span,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_grows_to_fit_and_shows_weekends_only_when_used() {
        let late = Slot { weekday: 2, start_minute: 19 * 60, end_minute: 21 * 60 + 30 };
        let early = Slot { weekday: 0, start_minute: 8 * 60, end_minute: 9 * 60 };
        let grid = WeekGrid::fitting([late, early].iter());
        assert_eq!((grid.days.len(), grid.first_hour, grid.last_hour), (5, 8, 22));
        let saturday = Slot { weekday: 5, start_minute: 600, end_minute: 660 };
        assert_eq!(WeekGrid::fitting([saturday].iter()).days, [0, 1, 2, 3, 4, 5]);
        let sunday = Slot { weekday: 6, ..saturday };
        let grid = WeekGrid::fitting([sunday].iter());
        assert_eq!((grid.column_of(6), grid.column_of(5)), (Some(6), Some(5)));
        assert_eq!(WeekGrid::fitting([]).hours(), 9..18);
    }

    #[test]
    fn a_block_is_placed_by_its_minutes_within_the_grid_hours() {
        let grid = WeekGrid::fitting([]);
        let nine_to_ten_thirty = Slot { weekday: 0, start_minute: 9 * 60, end_minute: 10 * 60 + 30 };
        assert_eq!(grid.placement(&nine_to_ten_thirty), Placement { top: 0.0, height: 90.0 / 540.0 });
        let last_hour = Slot { weekday: 0, start_minute: 17 * 60, end_minute: 18 * 60 };
        let placed = grid.placement(&last_hour);
        assert!((placed.top + placed.height - 1.0).abs() < 1e-9, "ends at the bottom");
    }

    #[test]
    fn colours_are_stable_per_course_name() {
        assert_eq!(colour_index("자료구조"), colour_index("자료구조"));
        assert!(colour_index("운영체제") < BLOCK_COLOURS.len());
    }

    #[test]
    fn the_stylesheet_paints_blocks_with_the_same_colours_as_the_image() {
        let css = include_str!("../../style/main.css");
        for (index, colour) in BLOCK_COLOURS.iter().enumerate() {
            let rule = format!(".tt-color-{index} {{ background: {colour}; }}");
            assert!(css.contains(&rule), "style/main.css lacks {rule}");
        }
    }
}
