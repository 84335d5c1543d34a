//! 수업 추가: the catalogue search, as a bottom sheet over the grid.
//!
//! A search field (the server asks for 2 characters and says so in Korean), the department, credits,
//! weekday and category filters and the sort, each applied as it is picked, and the results a page at a time
//! (더 보기), from the catalogue's own server functions. Each result has:
//! - 미리보기: the course drawn on the grid as outlined ghost blocks, with the sheet shrunk to that one
//!   result so that the grid shows above it (the page scrolls the ghosts into that space); 목록으로 brings the
//!   list back, at that result;
//! - 추가: the answer appears in that result — added, or the refusal (already there, a time conflict that
//!   names the other course, the 30-entry limit). The grid behind updates in place; nothing moves the page.
//!
//! Everything here loads in the browser when the sheet opens, so no page render pays for a catalogue query.

use leptos::html;
use leptos::prelude::*;

use super::{answer_of, Answer, Screen, ADD_COURSE_BUTTON};
use crate::api::list_schools;
use crate::api::timetable::{add_course, search_courses};
use crate::components::more::{use_next_pages, MoreButton};
use crate::components::sheet::Sheet;
use crate::components::status::Loading;
use crate::error::AppError;
use crate::model::codes::{Code, Pick};
use crate::model::timetable::{Course, CourseCategory, CoursePage, CourseSort, Semester};
use crate::text::timetable as t;

/// A search as the student last asked it: the text as typed (the server checks it) and the filters.
#[derive(Debug, Clone, PartialEq, Default)]
struct Filters {
    q: Option<String>,
    department_id: Option<i64>,
    credits: Option<i64>,
    weekday: Option<i64>,
    category: Option<CourseCategory>,
    sort: Option<CourseSort>,
}

impl Filters {
    /// The page of results from `offset`.
    async fn search(self, semester: Semester, offset: Option<i64>) -> Result<CoursePage, AppError> {
        search_courses(
            Some(semester.0),
            self.q,
            self.department_id,
            self.credits,
            self.weekday,
            self.category.map(Pick::from),
            self.sort.map(Pick::from),
            offset,
        )
        .await
    }
}

#[component]
pub(super) fn CourseSheet(
    semester: Semester,
    timetable_id: i64,
    /// The student's school, whose departments the filter offers.
    school_id: i64,
    screen: Screen,
) -> impl IntoView {
    // Actions, not resources: see `components::sheet`. A search answers with the filters it was asked
    // with, so that its 더 보기 asks the same.
    let search = Action::new(move |filters: &Filters| {
        let filters = filters.clone();
        async move { (filters.clone(), filters.search(semester, None).await) }
    });
    let directory = Action::new(|_: &()| list_schools());
    // The first page of the catalogue, and the school's departments for the filter.
    search.dispatch(Filters::default());
    directory.dispatch(());
    let asked = RwSignal::new(Filters::default());
    // The search text as typed; it is asked for with 검색 (or Enter), and with any filter picked after it.
    let text = RwSignal::new(String::new());
    let ask = move |change: &dyn Fn(&mut Filters)| {
        asked.update(|filters| {
            change(filters);
            filters.q = Some(text.get_untracked());
        });
        search.dispatch(asked.get_untracked());
    };
    // The course being previewed: the sheet shrinks to it while the grid shows it.
    let peek = RwSignal::new(None::<i64>);

    let text_error = move || {
        search.value().with(|answer| {
            let error = answer.as_ref().and_then(|(_, result)| result.as_ref().err());
            error.and_then(|error| error.message_for("q").map(str::to_owned))
        })
    };
    let pick = move |set: fn(&mut Filters, &str)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            ask(&|filters| set(filters, &value));
        }
    };
    let departments = move || {
        directory.value().get().and_then(Result::ok).map(|directory| {
            directory
                .departments_of(school_id)
                .map(|d| view! { <option value=d.id.to_string()>{d.name.clone()}</option> })
                .collect_view()
        })
    };
    let results = move || match search.value().get() {
        None => view! { <Loading /> }.into_any(),
        Some((filters, Ok(page))) => {
            view! { <CourseResults page filters semester timetable_id screen peek /> }.into_any()
        }
        // A text too short is said under the field.
        Some((_, Err(error))) if error.message_for("q").is_some() => ().into_any(),
        Some((_, Err(error))) => {
            view! { <p class="form-error" role="alert">{error.to_string()}</p> }.into_any()
        }
    };
    view! {
        <Sheet
            title=t::ADD_COURSE
            heading_id="course-sheet-title"
            class="sheet-tall"
            compact=Signal::derive(move || peek.get().is_some())
            on_close=Callback::new(move |_| screen.close())
            test_id="course-sheet"
            return_focus=ADD_COURSE_BUTTON
        >
            <form
                class="sheet-search"
                role="search"
                on:submit=move |ev| {
                    ev.prevent_default();
                    ask(&|_| {});
                }
            >
                <div class="search-row">
                    <label class="visually-hidden" for="course-q">{t::SEARCH}</label>
                    <input
                        id="course-q"
                        type="search"
                        enterkeyhint="search"
                        autofocus
                        placeholder=t::SEARCH_PLACEHOLDER
                        aria-invalid=move || text_error().is_some().then_some("true")
                        aria-describedby="course-q-error"
                        bind:value=text
                    />
                    <button type="submit" class="button primary small">{t::SEARCH}</button>
                </div>
                <p class="field-error" id="course-q-error" role="alert">{text_error}</p>
                <div class="filter-row">
                    <label class="visually-hidden" for="filter-department">{t::DEPARTMENT}</label>
                    <select id="filter-department" on:change=pick(|f, v| f.department_id = v.parse().ok())>
                        <option value="">{t::ALL_DEPARTMENTS}</option>
                        {departments}
                    </select>
                    <label class="visually-hidden" for="filter-credits">{t::CREDITS_FILTER}</label>
                    <select id="filter-credits" on:change=pick(|f, v| f.credits = v.parse().ok())>
                        <option value="">{t::ALL_CREDITS}</option>
                        {(1..=4).map(|c| view! { <option value=c.to_string()>{format!("{c}{}", t::CREDITS)}</option> }).collect_view()}
                    </select>
                    <label class="visually-hidden" for="filter-weekday">{t::WEEKDAY}</label>
                    <select id="filter-weekday" on:change=pick(|f, v| f.weekday = v.parse().ok())>
                        <option value="">{t::ALL_WEEKDAYS}</option>
                        {(0..6).map(|d| view! { <option value=d.to_string()>{t::WEEKDAYS[d]}</option> }).collect_view()}
                    </select>
                    <label class="visually-hidden" for="filter-category">{t::CATEGORY}</label>
                    <select id="filter-category" on:change=pick(|f, v| f.category = CourseCategory::from_code(v))>
                        <option value="">{t::ALL_CATEGORIES}</option>
                        {CourseCategory::ALL.iter().map(|c| view! { <option value=c.code()>{c.label()}</option> }).collect_view()}
                    </select>
                    <label class="visually-hidden" for="filter-sort">{t::SORT}</label>
                    <select id="filter-sort" on:change=pick(|f, v| f.sort = CourseSort::from_code(v))>
                        {CourseSort::ALL.iter().map(|s| view! { <option value=s.code()>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
            </form>
            // A new search keeps the old results in view until its own arrive.
            <div class="sheet-scroll" aria-busy=move || search.pending().get().then_some("true")>
                {results}
            </div>
        </Sheet>
    }
}

/// A page of results, and the pages after it fetched with 더 보기.
#[component]
fn CourseResults(
    page: CoursePage,
    /// The search these are the results of, to fetch its next pages.
    filters: Filters,
    semester: Semester,
    timetable_id: i64,
    screen: Screen,
    peek: RwSignal<Option<i64>>,
) -> impl IntoView {
    let pages = use_next_pages(page.next_offset, move |offset| {
        let filters = filters.clone();
        async move { filters.search(semester, Some(offset)).await.map(|page| (page.courses, page.next_offset)) }
    });
    let empty = page.courses.is_empty();
    view! {
        {empty.then(|| view! { <p class="empty-state">{t::NO_COURSES}</p> })}
        <ul class="course-list" data-testid="course-results">
            {page.courses.into_iter().map(|course| view! { <CourseItem course timetable_id screen peek /> }).collect_view()}
            <For each=move || pages.items.get() key=|course| course.id let:course>
                <CourseItem course timetable_id screen peek />
            </For>
        </ul>
        <p class="form-error" role="alert">{move || pages.error()}</p>
        <MoreButton cursor=pages.cursor more=pages.more label=t::MORE />
    }
}

#[component]
fn CourseItem(
    course: Course,
    timetable_id: i64,
    screen: Screen,
    peek: RwSignal<Option<i64>>,
) -> impl IntoView {
    let course_id = course.id;
    let item = NodeRef::<html::Li>::new();
    let add = Action::new(move |_: &()| add_course(timetable_id, course_id));
    Effect::new(move || {
        if let Some(Ok(_)) = add.value().get() {
            // The course's own blocks take the place of its ghosts.
            if peek.get_untracked() == Some(course_id) {
                screen.preview.set(None);
            }
            screen.changed();
        }
    });
    let answer = answer_of(move || add.value().get(), |_| t::COURSE_ADDED.to_owned());
    let previewed = move || peek.get() == Some(course_id);
    let ghost = (course.name.clone(), course.slots.clone());
    let toggle_preview = move |_| {
        if peek.get_untracked() == Some(course_id) {
            peek.set(None);
            screen.preview.set(None);
            request_animation_frame(move || keep_in_sight(item));
        } else {
            peek.set(Some(course_id));
            screen.preview.set(Some(ghost.clone()));
            request_animation_frame(reveal_preview);
        }
    };
    let details = [
        course.professor.clone(),
        format!("{}{}", course.credits, t::CREDITS),
        course.category.label().to_owned(),
        course.department.clone().unwrap_or_else(|| t::GENERAL_EDUCATION.to_owned()),
    ]
    .join(" · ");
    view! {
        <li class="course-item" class:previewed=previewed node_ref=item data-testid="course-item">
            <div class="course-text">
                <p class="course-name">
                    <strong data-testid="course-name">{course.name.clone()}</strong>
                    " "
                    <span class="muted small">{course.code.clone()}</span>
                </p>
                <p class="muted small">{details}</p>
                <p class="small" data-testid="course-times">{course.times_label()} " · " {course.room.clone()}</p>
                <p class="muted small">
                    <span class="stars">{format!("★ {}", course.rating.label())}</span>
                    {format!(" · {} {}", t::ADDED_COUNT, course.added_count)}
                </p>
            </div>
            <div class="course-actions">
                <button type="button" class="chip" on:click=toggle_preview>
                    {move || if previewed() { t::BACK_TO_LIST } else { t::PREVIEW }}
                </button>
                <button
                    type="button"
                    class="chip primary"
                    disabled=move || add.pending().get()
                    on:click=move |_| {
                        add.dispatch(());
                    }
                >
                    {t::ADD}
                </button>
                <a href=format!("/courses/{course_id}") class="chip">{t::REVIEWS}</a>
            </div>
            <div class="course-answer" data-testid="course-answer">
                <Answer answer />
            </div>
        </li>
    }
    .into_any()
}

/// Back in the list, scrolls it to the course that was previewed, so the student is where they were.
fn keep_in_sight(item: NodeRef<html::Li>) {
    if let Some(item) = item.get_untracked() {
        if let Ok(Some(list)) = item.closest(".sheet-scroll") {
            list.set_scroll_top(item.offset_top() - 8);
        }
    }
}

/// Scrolls the page so that the previewed course's ghost blocks show between the top of the screen and the
/// shrunk sheet (the page has room below its grid while a sheet is shrunk).
fn reveal_preview() {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        const MARGIN: f64 = 12.0;
        let document = document();
        let Some(sheet) = document.query_selector("dialog.sheet[open]").ok().flatten() else { return };
        let Ok(ghosts) = document.query_selector_all(".tt-preview") else { return };
        let (mut top, mut bottom) = (f64::INFINITY, f64::NEG_INFINITY);
        for index in 0..ghosts.length() {
            if let Some(ghost) = ghosts.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            {
                let rect = ghost.get_bounding_client_rect();
                top = top.min(rect.top());
                bottom = bottom.max(rect.bottom());
            }
        }
        if !top.is_finite() {
            return;
        }
        let room_bottom = sheet.get_bounding_client_rect().top() - MARGIN;
        // Down far enough to show the lowest ghost, but never past the highest one.
        let delta = if bottom > room_bottom {
            (bottom - room_bottom).min(top - MARGIN)
        } else if top < MARGIN {
            top - MARGIN
        } else {
            0.0
        };
        if delta != 0.0 {
            window().scroll_by_with_x_and_y(0.0, delta);
        }
    }
}
