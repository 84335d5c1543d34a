//! Professor lookup: search by name, then one professor's courses, past and present, with their ratings.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::timetable::{find_professors, professor_courses};
use crate::components::loaded::Loaded;
use crate::components::require_login::{encode_query_value, RequireLogin};
use crate::model::timetable::{ProfessorDetail, ProfessorSummary};
use crate::pages::params::route_name;
use crate::text::{fill, timetable as t};

/// The search form is a plain GET form, so it works before hydration.
#[component]
pub fn ProfessorsPage() -> impl IntoView {
    let query = use_query_map();
    let text = move || query.read().get("q").unwrap_or_default();
    let results = Resource::new(text, |text| async move {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            find_professors(text).await.map(Some)
        }
    });
    view! {
        <Title text=t::PROFESSORS_TITLE />
        <RequireLogin let:_me>
            <a href="/timetable" class="back-link">{t::TITLE}</a>
            <header class="page-header"><h1>{t::PROFESSORS_TITLE}</h1></header>
            <form class="search-form" method="get" action="/professors" role="search">
                <label class="visually-hidden" for="professor-q">{t::PROFESSOR}</label>
                <input id="professor-q" type="search" name="q" placeholder=t::PROFESSOR_PLACEHOLDER value=text />
                <button type="submit" class="button primary small">{t::SEARCH}</button>
            </form>
            // Nothing is searched until there is a query.
            <Loaded resource=results let:found>
                {found.map(|found| view! { <ProfessorList found /> })}
            </Loaded>
        </RequireLogin>
    }
}

#[component]
fn ProfessorList(found: Vec<ProfessorSummary>) -> impl IntoView {
    if found.is_empty() {
        return view! { <p class="card empty-state">{t::NO_PROFESSORS}</p> }.into_any();
    }
    view! {
        <ul class="card board-list" data-testid="professor-results">
            {found.into_iter().map(|professor| view! {
                <li>
                    <a href=format!("/professors/{}", encode_query_value(&professor.name))>
                        <span class="board-name">{professor.name.clone()}</span>
                        <span class="board-description">
                            {format!(
                                "{} · {}",
                                professor.department.clone().unwrap_or_else(|| t::GENERAL_EDUCATION.to_owned()),
                                fill(t::COURSE_COUNT, professor.course_count)
                            )}
                        </span>
                    </a>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn ProfessorPage() -> impl IntoView {
    let detail = Resource::new(route_name(), professor_courses);
    view! {
        <RequireLogin let:_me>
            <Loaded resource=detail let:detail>
                <ProfessorView detail />
            </Loaded>
        </RequireLogin>
    }
}

#[component]
fn ProfessorView(detail: ProfessorDetail) -> impl IntoView {
    view! {
        <Title text=detail.name.clone() />
        <a href="/professors" class="back-link">{t::PROFESSORS_TITLE}</a>
        <header class="page-header">
            <h1>{format!("{} {}", detail.name, t::PROFESSOR)}</h1>
            <p class="muted">{t::PROFESSOR_COURSES}</p>
        </header>
        <ul class="card course-list" data-testid="professor-courses">
            {detail.courses.into_iter().map(|course| view! {
                <li class="course-item">
                    <a href=format!("/courses/{}", course.id)>
                        <p class="course-name"><strong>{course.name.clone()}</strong> <span class="muted small">{course.code.clone()}</span></p>
                        <p class="muted small">{format!("{} · {}{} · {}", course.semester, course.credits, t::CREDITS, course.times_label())}</p>
                        <p class="small"><span class="stars">{format!("★ {}", course.rating.label())}</span> {format!("({})", course.rating.count)}</p>
                    </a>
                </li>
            }).collect_view()}
        </ul>
    }
}
