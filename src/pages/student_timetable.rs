//! Another student's timetable, by username: their nickname and school, and their primary timetable of the
//! current semester when its visibility lets the viewer see it (전체공개, or 친구공개 to a friend, and never
//! across a block), otherwise a note that says why not: shared with friends only, or 비공개. A back link
//! leads to the friend list, where these pages are opened from.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::timetable::timetable_of;
use crate::components::loaded::Loaded;
use crate::components::require_login::RequireLogin;
use crate::components::shared_timetable::SharedTimetableView;
use crate::model::timetable::StudentTimetable;
use crate::pages::params::route_name;
use crate::text::{fill, friends as ft, timetable as t};

#[component]
pub fn StudentTimetablePage() -> impl IntoView {
    let found = Resource::new(route_name(), timetable_of);
    view! {
        <RequireLogin let:_me>
            <Loaded resource=found let:found>
                <StudentTimetableView found />
            </Loaded>
        </RequireLogin>
    }
}

#[component]
fn StudentTimetableView(found: StudentTimetable) -> impl IntoView {
    let heading = fill(t::STUDENT_TIMETABLE, &found.nickname);
    view! {
        <Title text=heading.clone() />
        <a href="/friends" class="back-link">{ft::TITLE}</a>
        <header class="page-header">
            <p class="school-name" data-testid="student-school">{found.school_name}</p>
            <h1>{heading}</h1>
            <p class="muted">{found.semester.to_string()}</p>
        </header>
        <SharedTimetableView timetable=found.timetable />
    }
}
