//! One timetable opened by its link (`/timetables/:id`), the link its owner shares with 공유. Whose it is,
//! and, as its visibility lets the viewer see it (the friend view's rule: `server::timetable::shared_with`),
//! its semester, name, grid and credits with a way to save it as an image; otherwise the note that says why
//! not. A visitor is sent to log in and back; another school's timetable, like an unknown id, is not found.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::timetable::shared_timetable;
use crate::components::require_login::StudentLoaded;
use crate::components::shared_timetable::SharedTimetableView;
use crate::model::timetable::{LinkedTimetable, SharedTimetable};
use crate::pages::params::route_id;
use crate::text::{fill, timetable as t};

/// The address of a timetable's image; `download` asks the browser to save it as a file.
pub fn image_url(timetable_id: i64, download: bool) -> String {
    let query = if download { "?download=1" } else { "" };
    format!("/timetables/{timetable_id}/image.svg{query}")
}

#[component]
pub fn LinkedTimetablePage() -> impl IntoView {
    let found = Resource::new(route_id(), shared_timetable);
    view! {
        <StudentLoaded resource=found let:found>
            <LinkedTimetableView found />
        </StudentLoaded>
    }
}

#[component]
fn LinkedTimetableView(found: LinkedTimetable) -> impl IntoView {
    let heading = fill(t::STUDENT_TIMETABLE, &found.nickname);
    let shown = match &found.timetable {
        SharedTimetable::Shown(timetable) => {
            Some((timetable.summary.id, timetable.semester, timetable.summary.name.clone()))
        }
        SharedTimetable::FriendsOnly | SharedTimetable::Private => None,
    };
    let is_mine = found.is_mine;
    view! {
        <Title text=heading.clone() />
        <header class="page-header">
            <h1>{heading}</h1>
            {shown.clone().map(|(_, semester, name)| view! {
                <p class="muted" data-testid="linked-about">{format!("{semester} · {name}")}</p>
            })}
        </header>
        <SharedTimetableView timetable=found.timetable />
        {shown.map(|(id, semester, _)| view! {
            <p class="tt-share-actions">
                // A download, not a page: the router leaves a link with `download` to the browser.
                <a href=image_url(id, true) download="" rel="external" class="button small" data-testid="save-image">
                    {t::SAVE_IMAGE}
                </a>
                {is_mine.then(|| view! {
                    <a href=format!("/timetable?semester={}&id={id}", semester.0) class="button small">
                        {t::EDIT_TIMETABLE}
                    </a>
                })}
            </p>
        })}
    }
}
