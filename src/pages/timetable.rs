//! The timetable editor: semester and timetable switchers, the weekly grid, the open timetable's settings,
//! a catalogue search to add courses (with a preview of where a course lands), and custom entries.
//!
//! What is shown lives in the URL (`?semester=&id=` and the search filters), so every state can be
//! reloaded, shared, served fully rendered, and cached by the service worker for offline use.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::timetable::{
    add_course, delete_timetable, make_primary, remove_entry, search_courses, set_visibility,
    timetable_editor, AddCustomEntry, CreateTimetable, RenameTimetable,
};
use crate::components::confirmed;
use crate::components::loaded::Loaded;
use crate::components::require_login::RequireLogin;
use crate::components::status::{ErrorNotice, Loading};
use crate::components::timetable_grid::{Preview, TimetableGrid};
use crate::error::AppError;
use crate::model::codes::{Code, Pick};
use crate::model::timetable::{
    Course, CourseCategory, CoursePage, CourseSort, Entry, MyTimetables, Semester, Slot, Timetable,
    Visibility, ENTRY_DETAIL_MAX, ENTRY_NAME_MAX, TIMETABLE_NAME_MAX,
};
use crate::model::Department;
use crate::text::{fill, timetable as t};

/// A change to a timetable made by a button; each is one server call.
#[derive(Debug, Clone)]
enum Change {
    AddCourse { timetable_id: i64, course_id: i64 },
    Remove(i64),
    Primary(i64),
    Visibility(i64, Visibility),
    Delete(i64),
}

impl Change {
    async fn run(self) -> Result<(), AppError> {
        match self {
            Change::AddCourse { timetable_id, course_id } => {
                add_course(timetable_id, course_id).await.map(|_| ())
            }
            Change::Remove(entry_id) => remove_entry(entry_id).await,
            Change::Primary(id) => make_primary(id).await,
            Change::Visibility(id, visibility) => set_visibility(id, visibility.into()).await,
            Change::Delete(id) => delete_timetable(id).await,
        }
    }
}

/// The catalogue filters, as the URL holds them (the search form is a plain GET form).
#[derive(Debug, Clone, PartialEq, Default)]
struct Filters {
    q: Option<String>,
    department_id: Option<i64>,
    credits: Option<i64>,
    weekday: Option<i64>,
    category: Option<String>,
    sort: Option<String>,
}

impl Filters {
    fn from_query(query: &leptos_router::params::ParamsMap) -> Self {
        let text = |key: &str| query.get(key).filter(|v| !v.trim().is_empty());
        let number = |key: &str| text(key).and_then(|v| v.parse::<i64>().ok());
        Filters {
            q: text("q"),
            department_id: number("department_id"),
            credits: number("credits"),
            weekday: number("weekday"),
            category: text("category"),
            sort: text("sort"),
        }
    }

    /// The page of results from `offset`; a category or sort that is no code is the server's to refuse.
    async fn search(self, semester: Option<i64>, offset: Option<i64>) -> Result<CoursePage, AppError> {
        let category = self.category.as_deref().map(Pick::<CourseCategory>::parse);
        let sort = self.sort.as_deref().map(Pick::<CourseSort>::parse);
        search_courses(
            semester,
            self.q,
            self.department_id,
            self.credits,
            self.weekday,
            category,
            sort,
            offset,
        )
        .await
    }
}

#[component]
pub fn TimetablePage() -> impl IntoView {
    let query = use_query_map();
    let text = move |key: &str| query.read().get(key).filter(|v| !v.trim().is_empty());
    let number = move |key: &str| text(key).and_then(|v| v.parse::<i64>().ok());
    let (changes, set_changes) = signal(0u32);
    let create = ServerAction::<CreateTimetable>::new();
    let rename = ServerAction::<RenameTimetable>::new();
    let add_custom = ServerAction::<AddCustomEntry>::new();
    let data = Resource::new(
        move || {
            let versions = (create.version().get(), rename.version().get(), add_custom.version().get());
            (number("semester"), number("id"), changes.get(), versions)
        },
        |(semester, id, _, _)| timetable_editor(semester, id),
    );
    let filters = move || Filters::from_query(&query.read());
    // The school's departments for the catalogue filter, loaded with the page (not inside the <select>:
    // a select cannot hold the placeholders a Suspense would leave there).
    let directory = Resource::new(|| (), |_| crate::api::list_schools());
    let results = Resource::new(
        move || (number("semester"), filters(), changes.get()),
        |(semester, filters, _)| filters.search(semester, None),
    );

    let (notice, set_notice) = signal(None::<String>);
    let (selected, set_selected) = signal(None::<Entry>);
    let (preview, set_preview) = signal(None::<(String, Vec<Slot>)>);
    let change = Action::new(|change: &Change| change.clone().run());
    Effect::new(move || match change.value().get() {
        Some(Ok(())) => {
            set_notice.set(None);
            set_selected.set(None);
            set_preview.set(None);
            set_changes.update(|n| *n += 1);
        }
        Some(Err(error)) => set_notice.set(Some(error.to_string())),
        None => {}
    });
    Effect::new(move || {
        if let Some(Ok(_)) = add_custom.value().get() {
            set_notice.set(None);
        }
    });
    let tools = EditorTools { change, preview: set_preview, select: set_selected };

    view! {
        <Title text=t::TITLE />
        <RequireLogin let:me>
            <Suspense fallback=Loading>
                {move || {
                    let school_id = me.school_id;
                    Suspend::new(async move {
                        let departments: Vec<Department> = match directory.await {
                            Ok(directory) => directory.departments_of(school_id).cloned().collect(),
                            Err(_) => Vec::new(),
                        };
                        match data.await {
                            Err(error) => view! { <ErrorNotice error /> }.into_any(),
                            Ok(data) => view! {
                                <Editor data departments create rename add_custom results tools notice selected preview />
                            }
                            .into_any(),
                        }
                    })
                }}
            </Suspense>
        </RequireLogin>
    }
}

/// What the editor's parts use to change things.
#[derive(Clone, Copy)]
struct EditorTools {
    change: Action<Change, Result<(), AppError>>,
    preview: WriteSignal<Option<Preview>>,
    select: WriteSignal<Option<Entry>>,
}

#[component]
#[allow(clippy::too_many_arguments)]
fn Editor(
    data: MyTimetables,
    /// The school's departments, for the catalogue filter.
    departments: Vec<Department>,
    create: ServerAction<CreateTimetable>,
    rename: ServerAction<RenameTimetable>,
    add_custom: ServerAction<AddCustomEntry>,
    results: Resource<Result<CoursePage, AppError>>,
    tools: EditorTools,
    notice: ReadSignal<Option<String>>,
    selected: ReadSignal<Option<Entry>>,
    preview: ReadSignal<Option<Preview>>,
) -> impl IntoView {
    let semester = data.semester;
    let open_id = data.open.as_ref().map(|open| open.summary.id);
    let next_name = fill(t::DEFAULT_NAME, data.timetables.len() + 1);
    let create_error = move || create.value().get().and_then(Result::err).map(|e| e.to_string());
    view! {
        <header class="page-header timetable-header">
            <h1>{semester.to_string()}</h1>
            <SemesterSwitcher semesters=data.semesters.clone() current=semester />
        </header>
        <nav class="chips timetable-tabs" aria-label=t::TIMETABLE>
            <A href="/reviews" attr:class="chip">{crate::text::reviews::TITLE}</A>
            <A href="/professors" attr:class="chip">{t::FIND_PROFESSOR}</A>
            {data.timetables.into_iter().map(|summary| {
                let current = Some(summary.id) == open_id;
                view! {
                    <A
                        href=format!("/timetable?semester={}&id={}", semester.0, summary.id)
                        attr:class=if current { "chip selected" } else { "chip" }
                        attr:aria-current=current.then_some("page")
                    >
                        {summary.name}
                        {summary.is_primary.then(|| view! { <span class="badge">{t::PRIMARY}</span> })}
                    </A>
                }
            }).collect_view()}
        </nav>
        <p class="form-error" role="alert" data-testid="timetable-notice">{move || notice.get()}</p>
        {match data.open {
            None => view! { <p class="card empty-state">{t::NO_TIMETABLE}</p> }.into_any(),
            Some(open) => view! { <OpenTimetable open tools rename selected preview /> }.into_any(),
        }}
        <details class="card new-timetable" open=open_id.is_none()>
            <summary>{t::NEW_TIMETABLE}</summary>
            <ActionForm action=create attr:class="inline-form">
                <input type="hidden" name="semester" value=semester.0.to_string() />
                <label class="visually-hidden" for="new-timetable-name">{t::NAME}</label>
                <input id="new-timetable-name" name="name" value=next_name maxlength=TIMETABLE_NAME_MAX.to_string() required />
                <button type="submit" class="button primary small">{t::CREATE}</button>
            </ActionForm>
            <p class="form-error" role="alert">{create_error}</p>
        </details>
        {open_id.map(|timetable_id| view! {
            <CourseSearch semester timetable_id departments=departments.clone() results tools />
            <CustomEntryForm timetable_id action=add_custom />
        })}
    }
    .into_any()
}

/// Switching semesters is a plain GET form, so it also works before hydration; once hydrated, choosing a
/// semester navigates at once.
#[component]
fn SemesterSwitcher(semesters: Vec<Semester>, current: Semester) -> impl IntoView {
    let navigate = use_navigate();
    view! {
        <form method="get" action="/timetable" class="semester-switcher">
            <label class="visually-hidden" for="semester">{t::SEMESTER}</label>
            <select
                id="semester"
                name="semester"
                on:change=move |ev| navigate(&format!("/timetable?semester={}", event_target_value(&ev)), Default::default())
            >
                {semesters.into_iter().map(|s| view! {
                    <option value=s.0.to_string() selected=s == current>{s.to_string()}</option>
                }).collect_view()}
            </select>
            <noscript><button type="submit" class="button small">{t::SEARCH}</button></noscript>
        </form>
    }
}

#[component]
fn OpenTimetable(
    open: Timetable,
    tools: EditorTools,
    rename: ServerAction<RenameTimetable>,
    selected: ReadSignal<Option<Entry>>,
    preview: ReadSignal<Option<Preview>>,
) -> impl IntoView {
    let id = open.summary.id;
    let change = tools.change;
    let credits = open.total_credits();
    let empty = open.entries.is_empty();
    let visibility = open.summary.visibility;
    let rename_error = move || rename.value().get().and_then(Result::err).map(|e| e.to_string());
    view! {
        <section class="timetable" aria-label=open.summary.name.clone()>
            <TimetableGrid
                entries=Signal::stored(open.entries.clone())
                preview=preview
                on_select=Callback::new(move |entry| tools.select.set(Some(entry)))
            />
            <p class="timetable-total" data-testid="total-credits">{fill(t::CREDITS_TOTAL, credits)}</p>
            {empty.then(|| view! { <p class="muted">{t::EMPTY_TIMETABLE}</p> })}
        </section>
        {move || selected.get().map(|entry| view! { <EntrySheet entry tools /> })}
        <details class="card timetable-settings">
            <summary>{format!("{} · {}", open.summary.name, visibility.label())}</summary>
            <div class="settings-row">
                <label for="visibility">{t::VISIBILITY}</label>
                <select
                    id="visibility"
                    on:change=move |ev| {
                        if let Some(chosen) = Visibility::from_code(&event_target_value(&ev)) {
                            change.dispatch(Change::Visibility(id, chosen));
                        }
                    }
                >
                    {Visibility::ALL.iter().map(|v| view! {
                        <option value=v.code() selected=*v == visibility>{v.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <ActionForm action=rename attr:class="inline-form">
                <input type="hidden" name="timetable_id" value=id.to_string() />
                <label class="visually-hidden" for="rename">{t::RENAME}</label>
                <input id="rename" name="name" value=open.summary.name.clone() maxlength=TIMETABLE_NAME_MAX.to_string() required />
                <button type="submit" class="button small">{t::RENAME}</button>
            </ActionForm>
            <p class="form-error" role="alert">{rename_error}</p>
            <div class="settings-row">
                {(!open.summary.is_primary).then(|| view! {
                    <button class="chip" on:click=move |_| { change.dispatch(Change::Primary(id)); }>{t::MAKE_PRIMARY}</button>
                })}
                <button
                    class="chip danger"
                    on:click=move |_| { if confirmed(t::CONFIRM_DELETE_TIMETABLE) { change.dispatch(Change::Delete(id)); } }
                >
                    {t::DELETE_TIMETABLE}
                </button>
            </div>
        </details>
    }
    .into_any()
}

/// A tapped block's details, with its course page and removal.
#[component]
fn EntrySheet(entry: Entry, tools: EditorTools) -> impl IntoView {
    let id = entry.id;
    let times = entry.slots.iter().map(Slot::label).collect::<Vec<_>>().join(", ");
    view! {
        <div class="sheet card" role="dialog" aria-label=entry.name.clone() data-testid="entry-sheet">
            <h2>{entry.name.clone()}</h2>
            <p class="muted">{[entry.professor.clone(), entry.room.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")}</p>
            <p>{times}</p>
            {(entry.credits > 0).then(|| view! { <p class="muted">{format!("{}{}", entry.credits, t::CREDITS)}</p> })}
            <div class="settings-row">
                {entry.course_id.map(|course| view! {
                    <A href=format!("/courses/{course}") attr:class="chip">{t::WRITE_REVIEW}</A>
                })}
                <button
                    class="chip danger"
                    on:click=move |_| { if confirmed(t::CONFIRM_REMOVE) { tools.change.dispatch(Change::Remove(id)); } }
                >
                    {t::REMOVE}
                </button>
                <button class="chip" on:click=move |_| tools.select.set(None)>{t::CLOSE}</button>
            </div>
        </div>
    }
    .into_any()
}

/// Catalogue search. The filter form is a GET form on this page, so results are server-rendered and the
/// search works before hydration; adding and previewing need the app.
#[component]
fn CourseSearch(
    semester: Semester,
    timetable_id: i64,
    departments: Vec<Department>,
    results: Resource<Result<CoursePage, AppError>>,
    tools: EditorTools,
) -> impl IntoView {
    view! {
        <section class="card course-search" aria-label=t::ADD_COURSE>
            <h2>{t::ADD_COURSE}</h2>
            <CourseFilters semester timetable_id departments />
            <Loaded resource=results let:page>
                <CourseResults page semester timetable_id tools />
            </Loaded>
        </section>
    }
}

/// The catalogue's filter form, showing the filters the URL holds.
#[component]
fn CourseFilters(semester: Semester, timetable_id: i64, departments: Vec<Department>) -> impl IntoView {
    let query = use_query_map();
    let value = move |key: &str| query.read().get(key).unwrap_or_default();
    let option = |value: String, label: String, current: String| {
        let selected = value == current;
        view! { <option value=value selected=selected>{label}</option> }
    };
    view! {
        <form method="get" action="/timetable" class="search-filters" role="search">
            <input type="hidden" name="semester" value=semester.0.to_string() />
            <input type="hidden" name="id" value=timetable_id.to_string() />
            <label class="visually-hidden" for="course-q">{t::SEARCH}</label>
            <input id="course-q" type="search" name="q" placeholder=t::SEARCH_PLACEHOLDER value=move || value("q") minlength="2" />
            <div class="filter-row">
                <label class="visually-hidden" for="filter-department">{t::ALL_DEPARTMENTS}</label>
                <select id="filter-department" name="department_id">
                    <option value="">{t::ALL_DEPARTMENTS}</option>
                    {departments.into_iter().map(|d| option(d.id.to_string(), d.name, value("department_id"))).collect_view()}
                </select>
                <label class="visually-hidden" for="filter-credits">{t::ALL_CREDITS}</label>
                <select id="filter-credits" name="credits">
                    <option value="">{t::ALL_CREDITS}</option>
                    {(1..=4).map(|c| option(c.to_string(), format!("{c}{}", t::CREDITS), value("credits"))).collect_view()}
                </select>
                <label class="visually-hidden" for="filter-weekday">{t::ALL_WEEKDAYS}</label>
                <select id="filter-weekday" name="weekday">
                    <option value="">{t::ALL_WEEKDAYS}</option>
                    {(0..6).map(|d| option(d.to_string(), t::WEEKDAYS[d as usize].to_owned(), value("weekday"))).collect_view()}
                </select>
                <label class="visually-hidden" for="filter-category">{t::ALL_CATEGORIES}</label>
                <select id="filter-category" name="category">
                    <option value="">{t::ALL_CATEGORIES}</option>
                    {CourseCategory::ALL.iter().map(|c| option(c.code().to_owned(), c.label().to_owned(), value("category"))).collect_view()}
                </select>
                <label class="visually-hidden" for="filter-sort">{t::SORT}</label>
                <select id="filter-sort" name="sort">
                    {CourseSort::ALL.iter().map(|s| option(s.code().to_owned(), s.label().to_owned(), value("sort"))).collect_view()}
                </select>
            </div>
            <button type="submit" class="button primary small">{t::SEARCH}</button>
        </form>
    }
}

/// A page of catalogue results, and the pages after it fetched with 더 보기.
#[component]
fn CourseResults(
    page: CoursePage,
    semester: Semester,
    timetable_id: i64,
    tools: EditorTools,
) -> impl IntoView {
    let query = use_query_map();
    let (extra, set_extra) = signal(Vec::<Course>::new());
    let more = Action::new(move |offset: &i64| {
        Filters::from_query(&query.read_untracked()).search(Some(semester.0), Some(*offset))
    });
    Effect::new(move || {
        if let Some(Ok(page)) = more.value().get() {
            set_extra.update(|courses| courses.extend(page.courses));
        }
    });
    // Computed from values, never set while rendering: the server and the hydrating browser must agree on
    // whether the button is there.
    let first_next = page.next_offset;
    let next = move || match more.value().get() {
        Some(Ok(later)) => later.next_offset,
        _ => first_next,
    };
    let empty = page.courses.is_empty();
    view! {
        {empty.then(|| view! { <p class="empty-state">{t::NO_COURSES}</p> })}
        <ul class="course-list" data-testid="course-results">
            {page.courses.into_iter().map(|course| view! { <CourseItem course timetable_id tools /> }).collect_view()}
            <For each=move || extra.get() key=|course| course.id let:course>
                <CourseItem course timetable_id tools />
            </For>
        </ul>
        {move || next().map(|offset| view! {
            <button
                class="button block more"
                aria-busy=move || more.pending().get().then_some("true")
                on:click=move |_| { more.dispatch(offset); }
            >
                {t::MORE}
            </button>
        })}
    }
}

#[component]
fn CourseItem(course: Course, timetable_id: i64, tools: EditorTools) -> impl IntoView {
    let course_id = course.id;
    let preview = (course.name.clone(), course.slots.clone());
    let details = [
        course.professor.clone(),
        format!("{}{}", course.credits, t::CREDITS),
        course.category.label().to_owned(),
        course.department.clone().unwrap_or_else(|| t::GENERAL_EDUCATION.to_owned()),
    ]
    .join(" · ");
    view! {
        <li class="course-item" data-testid="course-item">
            <div class="course-text">
                <p class="course-name"><strong>{course.name.clone()}</strong> <span class="muted small">{course.code.clone()}</span></p>
                <p class="muted small">{details}</p>
                <p class="small">{course.times_label()} " · " {course.room.clone()}</p>
                <p class="muted small">
                    <span class="stars">{format!("★ {}", course.rating.label())}</span>
                    {format!(" · {} {}", t::ADDED_COUNT, course.added_count)}
                </p>
            </div>
            <div class="course-actions">
                <button
                    class="chip"
                    on:click=move |_| {
                        tools.preview.set(Some(preview.clone()));
                        // On a phone the grid is above the results: bring it into view to show the preview.
                        if let Ok(Some(grid)) = document().query_selector(".tt-grid") {
                            grid.scroll_into_view();
                        }
                    }
                >
                    {t::PREVIEW}
                </button>
                <button
                    class="chip primary"
                    on:click=move |_| { tools.change.dispatch(Change::AddCourse { timetable_id, course_id }); }
                >
                    {t::ADD}
                </button>
                <A href=format!("/courses/{course_id}") attr:class="chip">{t::REVIEWS}</A>
            </div>
        </li>
    }
    .into_any()
}

#[component]
fn CustomEntryForm(timetable_id: i64, action: ServerAction<AddCustomEntry>) -> impl IntoView {
    let error = move || action.value().get().and_then(Result::err);
    let message = move || error().map(|e| e.to_string());
    view! {
        <details class="card custom-entry">
            <summary>{t::ADD_CUSTOM}</summary>
            <ActionForm action attr:class="form">
                <input type="hidden" name="timetable_id" value=timetable_id.to_string() />
                <div class="field">
                    <label for="custom-name">{t::CUSTOM_NAME}</label>
                    <input id="custom-name" name="name" maxlength=ENTRY_NAME_MAX.to_string() required />
                </div>
                <div class="field">
                    <label for="custom-professor">{t::PROFESSOR}</label>
                    <input id="custom-professor" name="professor" maxlength=ENTRY_DETAIL_MAX.to_string() />
                </div>
                <div class="field">
                    <label for="custom-room">{t::ROOM}</label>
                    <input id="custom-room" name="room" maxlength=ENTRY_DETAIL_MAX.to_string() />
                </div>
                <div class="filter-row">
                    <div class="field">
                        <label for="custom-weekday">{t::WEEKDAY}</label>
                        <select id="custom-weekday" name="weekday">
                            {(0..7).map(|d| view! { <option value=d.to_string()>{t::WEEKDAYS[d]}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="custom-start">{t::START}</label>
                        <input id="custom-start" name="start" type="time" step="300" value="18:00" required />
                    </div>
                    <div class="field">
                        <label for="custom-end">{t::END}</label>
                        <input id="custom-end" name="end" type="time" step="300" value="19:00" required />
                    </div>
                </div>
                <p class="form-error" role="alert">{message}</p>
                <button type="submit" class="button primary block" disabled=move || action.pending().get()>{t::ADD}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}
