//! The timetable screen, laid out as 에브리타임 lays it out on a phone: the semester and the student's
//! timetables to switch between, the weekly grid across the screen with its credits total, and buttons that
//! open sheets over the grid — 수업 추가 (the catalogue search, [`course_sheet`]), 직접 추가 (a custom entry),
//! 공유 (its link and image, [`share_sheet`]), 설정 ([`settings_sheet`]) — and, on a tapped block, its
//! details and removal.
//!
//! The semester and the open timetable live in the URL (`?semester=&id=`), so the screen is served fully
//! rendered, can be reloaded and shared, and is kept by the service worker for offline use. The sheets exist
//! in the browser only: nothing of the catalogue is part of the page, and no page render queries it.
//!
//! A change fetches the screen's data again, and the screen keeps showing the old grid until the new one is
//! there (a `Transition`, not a `Suspense`, which would put a loading line in the page's place): the page
//! keeps its height, so it never jumps. The open sheet sits outside that boundary and keeps its search, its
//! results and its messages.

mod course_sheet;
mod settings_sheet;
mod share_sheet;

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::timetable::{remove_entry, timetable_editor, AddCustomEntry, CreateTimetable};
use crate::components::confirmed;
use crate::components::require_login::RequireLogin;
use crate::components::sheet::Sheet;
use crate::components::status::{ErrorNotice, Loading};
use crate::components::timetable_grid::{Preview, TimetableGrid};
use crate::error::AppError;
use crate::model::timetable::{
    Entry, MyTimetables, Semester, Timetable, TimetableSummary, ENTRY_DETAIL_MAX, ENTRY_NAME_MAX,
    TIMETABLE_NAME_MAX,
};
use crate::text::{fill, timetable as t};

use course_sheet::CourseSheet;
use settings_sheet::SettingsSheet;
use share_sheet::ShareSheet;

/// The ids of the buttons that open the sheets: focus returns to them when a sheet closes after the page
/// drew them anew.
const ADD_COURSE_BUTTON: &str = "open-course-sheet";
const SETTINGS_BUTTON: &str = "open-settings";
const SHARE_BUTTON: &str = "open-share";

/// The sheet open over the screen.
#[derive(Debug, Clone, PartialEq)]
enum Open {
    Courses {
        semester: Semester,
        timetable_id: i64,
    },
    Custom {
        timetable_id: i64,
    },
    /// The open timetable's settings, and what the new-timetable form offers.
    Settings {
        timetable: TimetableSummary,
        semester: Semester,
        next_name: String,
    },
    /// The open timetable's link and image ([`share_sheet`]).
    Share(TimetableSummary),
    Entry(Entry),
}

/// What the screen's parts share.
#[derive(Clone, Copy)]
struct Screen {
    sheet: RwSignal<Option<Open>>,
    /// The course drawn as ghost blocks on the grid.
    preview: RwSignal<Option<Preview>>,
    /// Bumped after each change, to fetch the screen's data again.
    changes: RwSignal<u32>,
}

impl Screen {
    fn open(self, sheet: Open) {
        self.sheet.set(Some(sheet));
    }

    fn close(self) {
        self.sheet.set(None);
        self.preview.set(None);
    }

    /// Fetches the timetables again after a change was saved.
    fn changed(self) {
        self.changes.update(|n| *n += 1);
    }
}

#[component]
pub fn TimetablePage() -> impl IntoView {
    let query = use_query_map();
    let number = move |key: &str| query.read().get(key).and_then(|v| v.trim().parse::<i64>().ok());
    let screen =
        Screen { sheet: RwSignal::new(None), preview: RwSignal::new(None), changes: RwSignal::new(0) };
    let data = Resource::new(
        move || (number("semester"), number("id"), screen.changes.get()),
        |(semester, id, _)| timetable_editor(semester, id),
    );
    view! {
        <Title text=t::TITLE />
        <RequireLogin let:me>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <Editor data screen /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Transition>
            {move || {
                screen.sheet.get().map(|open| match open {
                    Open::Courses { semester, timetable_id } => {
                        view! { <CourseSheet semester timetable_id school_id=me.school_id screen /> }.into_any()
                    }
                    Open::Custom { timetable_id } => view! { <CustomSheet timetable_id screen /> }.into_any(),
                    Open::Settings { timetable, semester, next_name } => {
                        view! { <SettingsSheet timetable semester next_name screen /> }.into_any()
                    }
                    Open::Share(timetable) => view! { <ShareSheet timetable screen /> }.into_any(),
                    Open::Entry(entry) => view! { <EntrySheet entry screen /> }.into_any(),
                })
            }}
        </RequireLogin>
    }
}

#[component]
fn Editor(data: MyTimetables, screen: Screen) -> impl IntoView {
    let semester = data.semester;
    let open_id = data.open.as_ref().map(|open| open.summary.id);
    let heading = data.open.as_ref().map_or_else(|| t::TITLE.to_owned(), |open| open.summary.name.clone());
    let next_name = fill(t::DEFAULT_NAME, data.timetables.len() + 1);
    view! {
        <header class="tt-top">
            <div class="tt-heading">
                <SemesterSwitcher semesters=data.semesters.clone() current=semester />
                <h1>{heading}</h1>
            </div>
            {data.open.as_ref().map(|open| {
                let settings = Open::Settings { timetable: open.summary.clone(), semester, next_name: next_name.clone() };
                let share = Open::Share(open.summary.clone());
                view! {
                    <div class="tt-actions">
                        <button type="button" id=SHARE_BUTTON class="chip" on:click=move |_| screen.open(share.clone())>
                            {t::SHARE}
                        </button>
                        <button type="button" id=SETTINGS_BUTTON class="chip" on:click=move |_| screen.open(settings.clone())>
                            {t::SETTINGS}
                        </button>
                    </div>
                }
            })}
        </header>
        <nav class="chips timetable-tabs" aria-label=t::TIMETABLE>
            {data.timetables.into_iter().map(|summary| {
                let current = Some(summary.id) == open_id;
                view! {
                    <a
                        href=format!("/timetable?semester={}&id={}", semester.0, summary.id)
                        class=if current { "chip selected" } else { "chip" }
                        aria-current=current.then_some("page")
                    >
                        {summary.name}
                        {summary.is_primary.then(|| view! { <span class="badge">{t::PRIMARY}</span> })}
                    </a>
                }
            }).collect_view()}
            <a href="/reviews" class="chip">{crate::text::reviews::TITLE}</a>
            <a href="/professors" class="chip">{t::FIND_PROFESSOR}</a>
        </nav>
        {match data.open {
            None => view! {
                <section class="card empty-state new-timetable">
                    <p>{t::NO_TIMETABLE}</p>
                    <NewTimetableForm semester next_name label=t::NAME field_id="new-timetable-name" />
                </section>
            }
            .into_any(),
            Some(open) => view! { <OpenTimetable open semester screen /> }.into_any(),
        }}
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

/// The open timetable: the buttons that add to it, its grid and its credits total.
#[component]
fn OpenTimetable(open: Timetable, semester: Semester, screen: Screen) -> impl IntoView {
    let timetable_id = open.summary.id;
    let credits = open.total_credits();
    let empty = open.entries.is_empty();
    let about = if open.summary.is_primary {
        format!("{} · {}", open.summary.visibility.label(), t::PRIMARY_TIMETABLE)
    } else {
        open.summary.visibility.label().to_owned()
    };
    view! {
        <div class="tt-toolbar">
            <button
                type="button"
                id=ADD_COURSE_BUTTON
                class="button primary small"
                on:click=move |_| screen.open(Open::Courses { semester, timetable_id })
            >
                {t::ADD_COURSE}
            </button>
            <button type="button" class="button small" on:click=move |_| screen.open(Open::Custom { timetable_id })>
                {t::ADD_CUSTOM}
            </button>
            <p class="timetable-total" data-testid="total-credits">{fill(t::CREDITS_TOTAL, credits)}</p>
        </div>
        <section class="timetable" aria-label=open.summary.name.clone()>
            <TimetableGrid
                entries=Signal::stored(open.entries)
                preview=screen.preview
                on_select=Callback::new(move |entry| screen.open(Open::Entry(entry)))
            />
        </section>
        <p class="muted tt-about" data-testid="timetable-about">{about}</p>
        <p class="tt-gpa"><a href="/gpa">{crate::text::gpa::OPEN_GPA}</a></p>
        {empty.then(|| view! { <p class="muted">{t::EMPTY_TIMETABLE}</p> })}
    }
    .into_any()
}

/// Makes a timetable in the semester; the server opens it (a redirect, so the form works before hydration).
#[component]
fn NewTimetableForm(
    semester: Semester,
    next_name: String,
    label: &'static str,
    /// The name field's id; the page and the settings sheet each have a form.
    field_id: &'static str,
    /// Told when the timetable was made.
    #[prop(optional)]
    on_made: Option<Callback<()>>,
) -> impl IntoView {
    let create = ServerAction::<CreateTimetable>::new();
    Effect::new(move || {
        if let (Some(Ok(_)), Some(made)) = (create.value().get(), on_made) {
            made.run(());
        }
    });
    let error = move || create.value().get().and_then(Result::err).map(|e| e.to_string());
    view! {
        <ActionForm action=create attr:class="inline-form">
            <input type="hidden" name="semester" value=semester.0.to_string() />
            <label class="visually-hidden" for=field_id>{label}</label>
            <input id=field_id name="name" value=next_name maxlength=TIMETABLE_NAME_MAX.to_string() required />
            <button type="submit" class="button primary small">{t::CREATE}</button>
        </ActionForm>
        <p class="form-error" role="alert">{error}</p>
    }
}

/// The answer to the student's last tap, shown where they tapped: a refusal, announced at once, or a short
/// status line saying it was done.
#[component]
fn Answer(#[prop(into)] answer: Signal<Option<Result<String, String>>>) -> impl IntoView {
    move || {
        answer.get().map(|answer| match answer {
            Ok(done) => view! { <p class="form-note" role="status">{done}</p> }.into_any(),
            Err(refusal) => view! { <p class="form-error" role="alert">{refusal}</p> }.into_any(),
        })
    }
}

/// An action's last answer for [`Answer`]: `done` when it succeeded, else the server's refusal.
fn answer_of<T: Send + Sync + 'static>(
    value: impl Fn() -> Option<Result<T, AppError>> + Send + Sync + 'static,
    done: impl Fn(&T) -> String + Send + Sync + 'static,
) -> Signal<Option<Result<String, String>>> {
    Signal::derive(move || value().map(|result| result.as_ref().map(&done).map_err(ToString::to_string)))
}

/// A tapped block's details, with its course page and removal.
#[component]
fn EntrySheet(entry: Entry, screen: Screen) -> impl IntoView {
    let id = entry.id;
    let remove = Action::new(move |_: &()| remove_entry(id));
    Effect::new(move || {
        if let Some(Ok(())) = remove.value().get() {
            screen.close();
            screen.changed();
        }
    });
    let refusal = answer_of(move || remove.value().get().filter(Result::is_err), |_| String::new());
    let who_where = [entry.professor.clone(), entry.room.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <Sheet
            title=entry.name.clone()
            heading_id="entry-sheet-title"
            on_close=Callback::new(move |_| screen.close())
            test_id="entry-sheet"
            return_focus=ADD_COURSE_BUTTON
        >
            <div class="sheet-scroll">
                {(!who_where.is_empty()).then(|| view! { <p class="muted">{who_where}</p> })}
                <ul class="entry-times">
                    {entry.slots.iter().map(|slot| view! { <li>{slot.label()}</li> }).collect_view()}
                </ul>
                {(entry.credits > 0).then(|| view! { <p class="muted">{format!("{}{}", entry.credits, t::CREDITS)}</p> })}
                <Answer answer=refusal />
                <div class="sheet-actions">
                    {entry.course_id.map(|course| view! {
                        <a href=format!("/courses/{course}") class="button small">{t::WRITE_REVIEW}</a>
                    })}
                    <button
                        type="button"
                        class="button small danger"
                        disabled=move || remove.pending().get()
                        on:click=move |_| {
                            if confirmed(t::CONFIRM_REMOVE) {
                                remove.dispatch(());
                            }
                        }
                    >
                        {t::REMOVE}
                    </button>
                </div>
            </div>
        </Sheet>
    }
}

/// 직접 추가: the student's own event (동아리, 알바, …) with one weekly time. The sheet closes once it is on
/// the grid; a refusal (a clash naming the other entry, the limit, a bad time) shows above 추가.
#[component]
fn CustomSheet(timetable_id: i64, screen: Screen) -> impl IntoView {
    let action = ServerAction::<AddCustomEntry>::new();
    Effect::new(move || {
        if let Some(Ok(_)) = action.value().get() {
            screen.close();
            screen.changed();
        }
    });
    let refusal = answer_of(move || action.value().get().filter(Result::is_err), |_| String::new());
    view! {
        <Sheet
            title=t::ADD_CUSTOM
            heading_id="custom-sheet-title"
            on_close=Callback::new(move |_| screen.close())
            test_id="custom-sheet"
            return_focus=ADD_COURSE_BUTTON
        >
            <div class="sheet-scroll">
                <ActionForm action attr:class="form">
                    <input type="hidden" name="timetable_id" value=timetable_id.to_string() />
                    <div class="field">
                        <label for="custom-name">{t::CUSTOM_NAME}</label>
                        <input id="custom-name" name="name" maxlength=ENTRY_NAME_MAX.to_string() required />
                    </div>
                    <div class="field-row">
                        <div class="field">
                            <label for="custom-professor">{t::PROFESSOR}</label>
                            <input id="custom-professor" name="professor" maxlength=ENTRY_DETAIL_MAX.to_string() />
                        </div>
                        <div class="field">
                            <label for="custom-room">{t::ROOM}</label>
                            <input id="custom-room" name="room" maxlength=ENTRY_DETAIL_MAX.to_string() />
                        </div>
                    </div>
                    <div class="field-row">
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
                    <Answer answer=refusal />
                    <button type="submit" class="button primary block" disabled=move || action.pending().get()>
                        {t::ADD}
                    </button>
                </ActionForm>
            </div>
        </Sheet>
    }
}
