//! Another student's timetable, by username: their nickname and school, and their primary timetable of the
//! current semester when its visibility lets the viewer see it (전체공개, or 친구공개 to a friend, and never
//! across a block), otherwise "비공개 시간표입니다".

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::timetable::timetable_of;
use crate::components::require_login::RequireLogin;
use crate::components::status::{ErrorNotice, Loading};
use crate::components::timetable_grid::TimetableGrid;
use crate::text::{fill, timetable as t};

#[component]
pub fn StudentTimetablePage() -> impl IntoView {
    let params = use_params_map();
    let username = move || params.read().get("username").unwrap_or_default();
    let found = Resource::new(username, timetable_of);
    view! {
        <RequireLogin let:_me>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match found.await {
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        Ok(found) => {
                            let heading = fill(t::STUDENT_TIMETABLE, &found.nickname);
                            view! {
                                <Title text=heading.clone() />
                                <header class="page-header">
                                    <p class="school-name" data-testid="student-school">{found.school_name}</p>
                                    <h1>{heading}</h1>
                                    <p class="muted">{found.semester.to_string()}</p>
                                </header>
                                {match found.timetable {
                                    None => view! { <p class="card empty-state" data-testid="private-timetable">{t::PRIVATE_TIMETABLE}</p> }.into_any(),
                                    Some(timetable) => {
                                        let credits = timetable.total_credits();
                                        view! {
                                            <TimetableGrid entries=Signal::stored(timetable.entries) />
                                            <p class="timetable-total">{fill(t::CREDITS_TOTAL, credits)}</p>
                                        }
                                        .into_any()
                                    }
                                }}
                            }
                            .into_any()
                        }
                    }
                })}
            </Suspense>
        </RequireLogin>
    }
}
