//! The weekly timetable grid: Monday to Friday (Saturday and Sunday only when something is on them), hours
//! that grow to fit the earliest and latest entry, and one coloured block per entry time.
//!
//! The geometry (columns, hours, block positions, colours) is `model::week_grid`'s, shared with the saved
//! image. Blocks are placed with percentages of the day column, so the grid's height is the stylesheet's
//! choice (denser on a phone). A preview course is drawn as outlined ghost blocks before it is added, marked where
//! it clashes with an entry.

use leptos::prelude::*;

use crate::model::timetable::{weekday_name, Entry, Slot};
use crate::model::week_grid::{colour_index, Placement, WeekGrid};
use crate::text::timetable as t;

/// A course drawn as ghost blocks before it is added: its name and weekly times.
pub type Preview = (String, Vec<Slot>);

/// A block's `top` and `height` inside its day column, as percentages of the column.
fn placement(grid: &WeekGrid, slot: &Slot) -> String {
    let Placement { top, height } = grid.placement(slot);
    format!("top:{:.3}%;height:{:.3}%", top * 100.0, height * 100.0)
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
        let grid = WeekGrid::fitting(entries.iter().flat_map(|e| e.slots.iter()).chain(preview_slots.iter()));
        let (hours, columns) = (grid.hour_count(), grid.days.len());
        view! {
            <div class="tt-grid" data-testid="timetable-grid" style=format!("--days:{columns};--hours:{hours}")>
                <div class="tt-head" aria-hidden="true">
                    <span></span>
                    {grid.days.iter().map(|day| view! { <span>{weekday_name(*day)}</span> }).collect_view()}
                </div>
                <div class="tt-body">
                    <div class="tt-hours" aria-hidden="true">
                        {grid.hours().map(|hour| view! { <span>{hour}</span> }).collect_view()}
                    </div>
                    {grid
                        .days
                        .iter()
                        .map(|day| {
                            let day = *day;
                            let blocks = entries
                                .iter()
                                .flat_map(|entry| {
                                    entry.slots.iter().filter(|s| s.weekday == day).map(move |slot| (entry.clone(), *slot))
                                })
                                .map(|(entry, slot)| block(entry, slot, &grid, on_select))
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
                                            style=placement(&grid, &slot)
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

fn block(entry: Entry, slot: Slot, grid: &WeekGrid, on_select: Option<Callback<Entry>>) -> impl IntoView {
    let class = format!("tt-block tt-color-{}", colour_index(&entry.name));
    let style = placement(grid, &slot);
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
