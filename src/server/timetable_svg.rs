//! A timetable drawn as an SVG image, for 이미지로 저장: the same grid as on screen (its columns, hours,
//! block positions and colours come from `model::week_grid`, as the screen's do), with a title line above.
//!
//! - **Korean text.** The text names a stack of Korean fonts that phones and desktops have (Apple SD Gothic
//!   Neo, Noto Sans KR, Malgun Gothic, NanumGothic), so Hangul never falls back to boxes.
//! - **Fits its block.** A course's name and room are cut to the block's width with an ellipsis (an estimate:
//!   Hangul and other wide characters as one em, the rest as 0.6), and each block's text is also clipped to
//!   its block, so a long name never spills over its neighbours whatever font the viewer has.
//! - **Inert.** Every text is XML-escaped: a custom entry's name is the student's own text, and an SVG opened
//!   in a browser runs any script it carries.

use std::fmt::Write;

use crate::model::timetable::{weekday_name, Timetable};
use crate::model::week_grid::{colour_index, WeekGrid, BLOCK_COLOURS};
use crate::text::{fill, timetable as t};

const FONTS: &str = "'Apple SD Gothic Neo', 'Noto Sans KR', 'Malgun Gothic', NanumGothic, sans-serif";
const PADDING: f64 = 16.0;
/// The title line and the line under it.
const TITLE_HEIGHT: f64 = 56.0;
const HEAD_HEIGHT: f64 = 28.0;
const HOUR_LABELS_WIDTH: f64 = 28.0;
const DAY_WIDTH: f64 = 112.0;
const HOUR_HEIGHT: f64 = 52.0;
const NAME_SIZE: f64 = 12.0;
const ROOM_SIZE: f64 = 11.0;
/// Space inside a block, around its text.
const INSET: f64 = 4.0;
/// The stylesheet's light theme: the card, its lines and muted text, and the text colour.
const CARD: &str = "#ffffff";
const LINE: &str = "#e6e6e6";
const MUTED: &str = "#6b6b6b";
const TEXT: &str = "#1f1f1f";

/// The image of `owner`'s timetable: a complete SVG document.
pub fn draw(owner: &str, timetable: &Timetable) -> String {
    let grid = WeekGrid::fitting(timetable.entries.iter().flat_map(|entry| entry.slots.iter()));
    let body_top = PADDING + TITLE_HEIGHT + HEAD_HEIGHT;
    let body_height = grid.hour_count() as f64 * HOUR_HEIGHT;
    let grid_left = PADDING + HOUR_LABELS_WIDTH;
    let width = grid_left + grid.days.len() as f64 * DAY_WIDTH + PADDING;
    let height = body_top + body_height + PADDING;
    let title = fill(t::STUDENT_TIMETABLE, owner);
    let about = format!(
        "{} · {} · {}",
        timetable.semester,
        timetable.summary.name,
        fill(t::CREDITS_TOTAL, timetable.total_credits())
    );

    let mut svg = String::with_capacity(8 * 1024);
    // `write!` into a String cannot fail.
    let _ = write!(
        svg,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONTS}">
<title>{}</title>
<rect width="{width}" height="{height}" fill="{CARD}"/>
<text x="{PADDING}" y="{}" font-size="18" font-weight="700" fill="{TEXT}">{}</text>
<text x="{PADDING}" y="{}" font-size="13" fill="{MUTED}">{}</text>
"#,
        escape(&format!("{title} · {about}")),
        PADDING + 20.0,
        escape(&title),
        PADDING + 42.0,
        escape(&about),
    );
    // The weekday header, and a line on top of each hour with its number beside it.
    for (column, day) in grid.days.iter().enumerate() {
        let x = grid_left + (column as f64 + 0.5) * DAY_WIDTH;
        let _ = writeln!(
            svg,
            r#"<text x="{x}" y="{}" font-size="13" fill="{MUTED}" text-anchor="middle">{}</text>"#,
            body_top - 9.0,
            escape(weekday_name(*day))
        );
    }
    for (row, hour) in grid.hours().enumerate() {
        let y = body_top + row as f64 * HOUR_HEIGHT;
        let _ = writeln!(
            svg,
            r#"<line x1="{PADDING}" y1="{y}" x2="{}" y2="{y}" stroke="{LINE}"/><text x="{}" y="{}" font-size="12" fill="{MUTED}" text-anchor="end">{hour}</text>"#,
            width - PADDING,
            grid_left - 4.0,
            y + 14.0
        );
    }
    for column in 0..=grid.days.len() {
        let x = grid_left + column as f64 * DAY_WIDTH;
        let _ = writeln!(
            svg,
            r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{LINE}"/>"#,
            body_top,
            body_top + body_height
        );
    }
    // The blocks, one per time of an entry, each with its text clipped to it.
    let blocks = timetable.entries.iter().flat_map(|entry| entry.slots.iter().map(move |slot| (entry, slot)));
    for (index, (entry, slot)) in blocks.enumerate() {
        let Some(column) = grid.column_of(slot.weekday) else { continue };
        let placed = grid.placement(slot);
        let (x, y) = (grid_left + column as f64 * DAY_WIDTH + 1.0, body_top + placed.top * body_height);
        let (w, h) = (DAY_WIDTH - 2.0, placed.height * body_height);
        let colour = BLOCK_COLOURS[colour_index(&entry.name)];
        let room_fits = h >= INSET * 2.0 + NAME_SIZE + ROOM_SIZE + 4.0;
        let _ = write!(
            svg,
            r#"<clipPath id="b{index}"><rect x="{x}" y="{y:.2}" width="{w}" height="{h:.2}"/></clipPath><g clip-path="url(#b{index})"><rect x="{x}" y="{y:.2}" width="{w}" height="{h:.2}" rx="4" fill="{colour}"/><text x="{}" y="{:.2}" font-size="{NAME_SIZE}" font-weight="700" fill="{CARD}">{}</text>"#,
            x + INSET,
            y + INSET + NAME_SIZE,
            escape(&fitted(&entry.name, w - INSET * 2.0, NAME_SIZE)),
        );
        if room_fits && !entry.room.is_empty() {
            let _ = write!(
                svg,
                r#"<text x="{}" y="{:.2}" font-size="{ROOM_SIZE}" fill="{CARD}">{}</text>"#,
                x + INSET,
                y + INSET + NAME_SIZE + 4.0 + ROOM_SIZE,
                escape(&fitted(&entry.room, w - INSET * 2.0, ROOM_SIZE)),
            );
        }
        svg.push_str("</g>\n");
    }
    svg.push_str("</svg>\n");
    svg
}

/// The text cut to about `width` pixels at `size`, with an ellipsis where it was cut.
fn fitted(text: &str, width: f64, size: f64) -> String {
    let advance = |c: char| if c.is_ascii() { 0.6 * size } else { size };
    if text.chars().map(advance).sum::<f64>() <= width {
        return text.to_owned();
    }
    let mut used = advance('…');
    let mut cut: String = text
        .chars()
        .take_while(|c| {
            used += advance(*c);
            used <= width
        })
        .collect();
    cut.push('…');
    cut
}

/// Text made safe for an XML text node or a quoted attribute; characters XML cannot hold at all (controls
/// other than tab and line breaks, the two non-characters U+FFFE and U+FFFF) are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::timetable::{Entry, Semester, Slot, TimetableSummary, Visibility};

    fn timetable(entries: Vec<Entry>) -> Timetable {
        Timetable {
            summary: TimetableSummary {
                id: 1,
                name: "내 시간표".into(),
                visibility: Visibility::Public,
                is_primary: true,
            },
            semester: Semester::new(2026, 3),
            entries,
        }
    }

    fn entry(name: &str, room: &str, slot: Slot) -> Entry {
        Entry {
            id: 1,
            course_id: None,
            name: name.into(),
            professor: String::new(),
            room: room.into(),
            credits: 3,
            slots: vec![slot],
        }
    }

    #[test]
    fn text_is_escaped_and_what_xml_cannot_hold_is_dropped() {
        assert_eq!(escape(r#"<b>&"x"'"#), "&lt;b&gt;&amp;&quot;x&quot;&apos;");
        assert_eq!(escape("a\u{0}b\u{1b}c\u{FFFF}"), "abc");
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis_and_short_ones_kept() {
        assert_eq!(fitted("자료구조", 100.0, 12.0), "자료구조");
        let cut = fitted("객체지향프로그래밍및실습과제연구", 100.0, 12.0);
        assert!(cut.ends_with('…') && cut.chars().count() < 10, "{cut}");
    }

    #[test]
    fn the_image_has_the_grids_columns_and_a_block_per_time() {
        let saturday = Slot { weekday: 5, start_minute: 600, end_minute: 690 };
        let svg = draw("민지", &timetable(vec![entry("자료구조", "공학관 101", saturday)]));
        assert!(svg.contains(">토</text>") && !svg.contains(">일</text>"), "Saturday only");
        assert!(svg.contains("자료구조") && svg.contains("공학관 101") && svg.contains("민지님의 시간표"));
        assert!(svg.contains(BLOCK_COLOURS[colour_index("자료구조")]));
        assert_eq!(svg.matches("<clipPath").count(), 1);
    }
}
