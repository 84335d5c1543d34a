//! The weekly timetable grid: Monday to Friday (Saturday and Sunday only when something is on them), hours
//! that grow to fit the earliest and latest entry, and one coloured block per entry time.
//!
//! Blocks are placed with percentages of the day column, so the grid's height is the stylesheet's choice
//! (denser on a phone). A preview course is drawn as outlined ghost blocks before it is added, marked where
//! it clashes with an entry.

use leptos::prelude::*;

use crate::model::timetable::{weekday_name, Entry, Slot};
use crate::text::timetable as t;

/// A course drawn as ghost blocks before it is added: its name and weekly times.
pub type Preview = (String, Vec<Slot>);

/// Hours always shown, so a sparse timetable still looks like a school day.
const DEFAULT_FIRST_HOUR: i64 = 9;
const DEFAULT_LAST_HOUR: i64 = 18;
/// Block colours (`tt-color-0` … in the stylesheet).
const PALETTE_SIZE: u32 = 10;

/// A stable colour for a course: the same name gets the same colour in every timetable and on every visit.
pub fn colour_index(name: &str) -> u32 {
    // FNV-1a: tiny, deterministic across builds and platforms (unlike the std hasher).
    let hash =
        name.bytes().fold(0x811c_9dc5_u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193));
    hash % PALETTE_SIZE
}

/// The weekdays and hour range a grid needs to show every slot.
fn layout<'a>(slots: impl Iterator<Item = &'a Slot>) -> (Vec<i64>, i64, i64) {
    let (mut first, mut last, mut weekend) = (DEFAULT_FIRST_HOUR, DEFAULT_LAST_HOUR, [false; 2]);
    for slot in slots {
        first = first.min(slot.start_minute / 60);
        last = last.max((slot.end_minute + 59) / 60);
        if slot.weekday >= 5 {
            weekend[(slot.weekday - 5) as usize] = true;
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
    (days, first, last)
}

/// `top` and `height` of a slot inside its day column, as percentages.
fn placement(slot: &Slot, first_hour: i64, last_hour: i64) -> String {
    let span = ((last_hour - first_hour) * 60) as f64;
    let top = (slot.start_minute - first_hour * 60) as f64 / span * 100.0;
    let height = (slot.end_minute - slot.start_minute) as f64 / span * 100.0;
    format!("top:{top:.3}%;height:{height:.3}%")
}

/// The grid. `preview` is drawn as ghost blocks; `on_select` makes blocks buttons that report the entry.
#[component]
pub fn TimetableGrid(
    #[prop(into)] entries: Signal<Vec<Entry>>,
    #[prop(optional, into)] preview: Option<Signal<Option<Preview>>>,
    #[prop(optional, into)] on_select: Option<Callback<Entry>>,
) -> impl IntoView {
    move || {
        let entries = entries.get();
        let preview = preview.and_then(|p| p.get());
        let preview_slots = preview.as_ref().map(|(_, slots)| slots.as_slice()).unwrap_or_default();
        let (days, first, last) =
            layout(entries.iter().flat_map(|e| e.slots.iter()).chain(preview_slots.iter()));
        let hours = last - first;
        let columns = days.len();
        view! {
            <div class="tt-grid" data-testid="timetable-grid" style=format!("--days:{columns};--hours:{hours}")>
                <div class="tt-head" aria-hidden="true">
                    <span></span>
                    {days.iter().map(|day| view! { <span>{weekday_name(*day)}</span> }).collect_view()}
                </div>
                <div class="tt-body">
                    <div class="tt-hours" aria-hidden="true">
                        {(first..last).map(|hour| view! { <span>{hour}</span> }).collect_view()}
                    </div>
                    {days
                        .iter()
                        .map(|day| {
                            let day = *day;
                            let blocks = entries
                                .iter()
                                .flat_map(|entry| {
                                    entry.slots.iter().filter(|s| s.weekday == day).map(move |slot| (entry.clone(), *slot))
                                })
                                .map(|(entry, slot)| block(entry, slot, first, last, on_select))
                                .collect_view();
                            let ghosts = preview
                                .iter()
                                .flat_map(|(name, slots)| slots.iter().filter(|s| s.weekday == day).map(move |s| (name.clone(), *s)))
                                .map(|(name, slot)| {
                                    // Drawn over what it clashes with, it says so: the block under it is hidden.
                                    let clash = entries.iter().any(|entry| entry.slots.iter().any(|taken| taken.clashes_with(&slot)));
                                    view! {
                                        <div
                                            class="tt-block tt-preview"
                                            class:clash=clash
                                            data-testid="preview-block"
                                            style=placement(&slot, first, last)
                                        >
                                            <strong>{name}</strong>
                                            {clash.then(|| view! { <span>{t::PREVIEW_CLASH}</span> })}
                                        </div>
                                    }
                                })
                                .collect_view();
                            view! {
                                <div class="tt-day" role="group" data-weekday=day aria-label=weekday_name(day)>
                                    {blocks}
                                    {ghosts}
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
        }
        // Boxed: the grid's nested view type is deep enough that a screen holding it (with its sheets) overflows
        // rustc's query depth when the release browser build lays out its hydration future.
        .into_any()
    }
}

fn block(
    entry: Entry,
    slot: Slot,
    first: i64,
    last: i64,
    on_select: Option<Callback<Entry>>,
) -> impl IntoView {
    let class = format!("tt-block tt-color-{}", colour_index(&entry.name));
    let style = placement(&slot, first, last);
    let label = format!("{} {}", entry.name, slot.label());
    let (name, room) = (entry.name.clone(), entry.room.clone());
    view! {
        <button
            type="button"
            class=class
            style=style
            data-testid="timetable-block"
            data-weekday=slot.weekday
            data-start=slot.start_minute
            data-end=slot.end_minute
            aria-label=label
            disabled=on_select.is_none()
            on:click=move |_| {
                if let Some(select) = on_select {
                    select.run(entry.clone());
                }
            }
        >
            <strong>{name}</strong>
            <span>{room}</span>
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_grows_to_fit_and_shows_weekends_only_when_used() {
        let late = Slot { weekday: 2, start_minute: 19 * 60, end_minute: 21 * 60 + 30 };
        let early = Slot { weekday: 0, start_minute: 8 * 60, end_minute: 9 * 60 };
        let (days, first, last) = layout([late, early].iter());
        assert_eq!((days.len(), first, last), (5, 8, 22));
        let saturday = Slot { weekday: 5, start_minute: 600, end_minute: 660 };
        assert_eq!(layout([saturday].iter()).0, [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn colours_are_stable_per_course_name() {
        assert_eq!(colour_index("자료구조"), colour_index("자료구조"));
        assert!(colour_index("운영체제") < PALETTE_SIZE);
    }
}
