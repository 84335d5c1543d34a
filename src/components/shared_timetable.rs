//! What a viewer is shown of another student's timetable, wherever it is opened (by username from the friend
//! list, or by its link): the grid with its credits total, or the note that says why not — shared with
//! friends only (a friend request is the way to it), or 비공개.

use leptos::prelude::*;

use crate::components::timetable_grid::TimetableGrid;
use crate::model::timetable::SharedTimetable;
use crate::text::{fill, timetable as t};

#[component]
pub fn SharedTimetableView(timetable: SharedTimetable) -> impl IntoView {
    match timetable {
        SharedTimetable::Shown(timetable) => {
            let credits = timetable.total_credits();
            view! {
                <TimetableGrid entries=Signal::stored(timetable.entries) />
                <p class="timetable-total">{fill(t::CREDITS_TOTAL, credits)}</p>
            }
            .into_any()
        }
        SharedTimetable::FriendsOnly => view! {
            <p class="card empty-state" data-testid="hidden-timetable">{t::FRIENDS_ONLY_TIMETABLE}</p>
        }
        .into_any(),
        SharedTimetable::Private => view! {
            <p class="card empty-state" data-testid="hidden-timetable">{t::PRIVATE_TIMETABLE}</p>
        }
        .into_any(),
    }
}
