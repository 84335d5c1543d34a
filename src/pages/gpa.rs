//! 학점계산기: the student's figures (전체 평점, 전공 평점, 취득 학점) on their scale, the import from a
//! timetable, and each term with its courses.
//!
//! Every change is a form posting to its server function, so it works before hydration (the server sends
//! the browser back to the page); once hydrated, the page fetches the book again after each change. The
//! edit and rename forms sit in `<details>`, which opens without script. A refusal shows under the form
//! that was sent.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::gpa::{
    my_gpa, AddGpaCourse, CreateGpaTerm, DeleteGpaCourse, DeleteGpaTerm, EditGpaCourse, ImportGpaTimetable,
    RenameGpaTerm, SetGpaScale,
};
use crate::components::confirmed;
use crate::components::loaded::Loaded;
use crate::components::require_login::RequireLogin;
use crate::components::status::EmptyState;
use crate::error::AppError;
use crate::model::codes::Code;
use crate::model::gpa::{
    GpaBook, GpaCourse, GpaTerm, Imported, Scale, Summary, COURSE_NAME_MAX, TERM_NAME_MAX,
};
use crate::text::{fill, gpa as t};

/// The page's forms, one server action per kind, shared by every term and course; `sent` names the form
/// sent last, so that a refusal shows under it alone.
#[derive(Clone, Copy)]
struct Forms {
    scale: ServerAction<SetGpaScale>,
    create_term: ServerAction<CreateGpaTerm>,
    rename_term: ServerAction<RenameGpaTerm>,
    delete_term: ServerAction<DeleteGpaTerm>,
    add: ServerAction<AddGpaCourse>,
    edit: ServerAction<EditGpaCourse>,
    delete: ServerAction<DeleteGpaCourse>,
    import: ServerAction<ImportGpaTimetable>,
    sent: RwSignal<String>,
    /// Counts the changes that succeeded: the book is fetched again after each. A refusal fetches nothing,
    /// so the page (and the open form that shows the refusal) stays as it is.
    saved: RwSignal<usize>,
}

fn count_success<T: 'static>(
    value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
    saved: RwSignal<usize>,
) {
    Effect::new(move || {
        if matches!(value.get(), Some(Ok(_))) {
            saved.update(|n| *n += 1);
        }
    });
}

/// The message of an action's last refusal.
fn refusal<T>(value: impl Get<Value = Option<Result<T, AppError>>>) -> Option<String> {
    value.get().and_then(Result::err).map(|error| error.to_string())
}

impl Forms {
    fn new() -> Self {
        Forms {
            scale: ServerAction::new(),
            create_term: ServerAction::new(),
            rename_term: ServerAction::new(),
            delete_term: ServerAction::new(),
            add: ServerAction::new(),
            edit: ServerAction::new(),
            delete: ServerAction::new(),
            import: ServerAction::new(),
            sent: RwSignal::new(String::new()),
            saved: RwSignal::new(0),
        }
    }

    /// Counts each action's successes in `saved` (in the browser; the server renders the page once).
    fn count_successes(self) {
        count_success(self.scale.value(), self.saved);
        count_success(self.create_term.value(), self.saved);
        count_success(self.rename_term.value(), self.saved);
        count_success(self.delete_term.value(), self.saved);
        count_success(self.add.value(), self.saved);
        count_success(self.edit.value(), self.saved);
        count_success(self.delete.value(), self.saved);
        count_success(self.import.value(), self.saved);
    }

    /// The refusal of the form `key` (`kind:id`), if it was the last sent and was refused.
    fn error_of(self, key: String) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        move || {
            if self.sent.get() != key {
                return None;
            }
            match key.split(':').next().unwrap_or_default() {
                "scale" => refusal(self.scale.value()),
                "term" => refusal(self.create_term.value()),
                "rename" => refusal(self.rename_term.value()),
                "delete-term" => refusal(self.delete_term.value()),
                "add" => refusal(self.add.value()),
                "edit" => refusal(self.edit.value()),
                "delete" => refusal(self.delete.value()),
                "import" => refusal(self.import.value()),
                _ => None,
            }
        }
    }

    /// Marks the form `key` as the one sent.
    fn mark(self, key: String) -> impl Fn(leptos::ev::SubmitEvent) + 'static {
        move |_| self.sent.set(key.clone())
    }
}

#[component]
pub fn GpaPage() -> impl IntoView {
    let forms = Forms::new();
    forms.count_successes();
    let book = Resource::new(move || forms.saved.get(), |_| my_gpa());
    view! {
        <Title text=t::TITLE />
        <RequireLogin let:_me>
            <header class="page-header">
                <h1>{t::TITLE}</h1>
            </header>
            <Loaded resource=book let:book>
                <Book book forms />
            </Loaded>
        </RequireLogin>
    }
}

#[component]
fn Book(book: GpaBook, forms: Forms) -> impl IntoView {
    let GpaBook { scale, terms, summary, sources } = book;
    let term_choices: Vec<(i64, String)> = terms.iter().map(|term| (term.id, term.name.clone())).collect();
    let empty = terms.is_empty();
    view! {
        <SummaryCard summary scale forms />
        <ImportCard sources term_choices forms />
        <NewTermCard forms />
        {empty.then(|| view! { <EmptyState test_id="gpa-empty" message=t::NO_TERMS hint=t::NO_TERMS_HINT /> })}
        {terms.into_iter().map(|term| view! { <TermCard term scale forms /> }.into_any()).collect_view()}
    }
    .into_any()
}

/// The figures of every term, and the scale.
#[component]
fn SummaryCard(summary: Summary, scale: Scale, forms: Forms) -> impl IntoView {
    let (overall, major, earned) = summary.labels();
    let out_of = fill(t::OUT_OF, scale.code());
    view! {
        <section class="card gpa-summary" aria-label=t::SUMMARY>
            <dl class="gpa-figures">
                <div>
                    <dt>{t::OVERALL}</dt>
                    <dd><strong data-testid="gpa-overall">{overall}</strong> <span class="muted">{out_of.clone()}</span></dd>
                </div>
                <div>
                    <dt>{t::MAJOR}</dt>
                    <dd><strong data-testid="gpa-major">{major}</strong> <span class="muted">{out_of}</span></dd>
                </div>
                <div>
                    <dt>{t::EARNED}</dt>
                    <dd><strong data-testid="gpa-earned">{earned}</strong></dd>
                </div>
            </dl>
            <ActionForm action=forms.scale attr:class="settings-row" on:submit=forms.mark("scale".into())>
                <label for="gpa-scale">{t::SCALE}</label>
                <select id="gpa-scale" name="scale">
                    {Scale::ALL.iter().map(|&option| view! {
                        <option value=option.code() selected=option == scale>{option.label()}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="chip">{t::SCALE_SAVE}</button>
            </ActionForm>
            <p class="form-error" role="alert">{forms.error_of("scale".into())}</p>
        </section>
    }
}

/// 시간표에서 가져오기: a timetable, and the term it goes into (by default a term named after its semester).
#[component]
fn ImportCard(
    sources: Vec<crate::model::gpa::ImportSource>,
    term_choices: Vec<(i64, String)>,
    forms: Forms,
) -> impl IntoView {
    let done = move || {
        forms.import.value().get().and_then(Result::ok).map(|Imported { added, skipped, .. }| {
            let mut text = fill(t::IMPORTED, added);
            if skipped > 0 {
                text = format!("{text} {}", fill(t::IMPORT_SKIPPED, skipped));
            }
            text
        })
    };
    let body = if sources.is_empty() {
        view! {
            <p class="muted small">{t::NO_TIMETABLES}</p>
            <a href="/timetable" class="chip">{crate::text::timetable::TITLE}</a>
        }
        .into_any()
    } else {
        view! {
            <p class="muted small">{t::IMPORT_NOTE}</p>
            <ActionForm action=forms.import attr:class="form" on:submit=forms.mark("import".into())>
                <div class="field">
                    <label for="gpa-import-from">{t::IMPORT_FROM}</label>
                    <select id="gpa-import-from" name="timetable_id">
                        {sources.into_iter().map(|source| view! {
                            <option value=source.timetable_id>{source.label}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="gpa-import-into">{t::IMPORT_INTO}</label>
                    <select id="gpa-import-into" name="term_id">
                        <option value="">{t::IMPORT_NEW_TERM}</option>
                        {term_choices.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button primary block" disabled=move || forms.import.pending().get()>
                    {t::IMPORT_BUTTON}
                </button>
            </ActionForm>
            <p class="form-error" role="alert">{forms.error_of("import".into())}</p>
        }
        .into_any()
    };
    // The outcome shows outside the form, which closes as the page shows the imported courses.
    view! {
        <details class="card gpa-import" data-testid="gpa-import">
            <summary>{t::IMPORT}</summary>
            {body}
        </details>
        <p class="form-note gpa-imported" role="status" data-testid="gpa-imported">{done}</p>
    }
}

/// Empties a form once its action succeeded, ready for the next term or course.
fn reset_on_success<T: 'static>(
    value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
    form: NodeRef<leptos::html::Form>,
) {
    Effect::new(move || {
        if let (Some(Ok(_)), Some(form)) = (value.get(), form.get()) {
            form.reset();
        }
    });
}

#[component]
fn NewTermCard(forms: Forms) -> impl IntoView {
    let form = NodeRef::new();
    reset_on_success(forms.create_term.value(), form);
    view! {
        <section class="card gpa-new-term" aria-label=t::ADD_TERM>
            <ActionForm action=forms.create_term node_ref=form attr:class="inline-form" on:submit=forms.mark("term".into())>
                <label class="visually-hidden" for="gpa-new-term">{t::TERM_NAME}</label>
                <input id="gpa-new-term" name="name" placeholder=t::TERM_NAME_PLACEHOLDER maxlength=TERM_NAME_MAX autocomplete="off" required />
                <button type="submit" class="button primary small">{t::ADD_TERM}</button>
            </ActionForm>
            <p class="form-error" role="alert">{forms.error_of("term".into())}</p>
        </section>
    }
}

#[component]
fn TermCard(term: GpaTerm, scale: Scale, forms: Forms) -> impl IntoView {
    let GpaTerm { id, name, courses, summary } = term;
    let figures = format!(
        "{} {} · {} {}",
        t::TERM_GPA,
        summary.overall.label(),
        t::TERM_EARNED,
        fill(t::CREDITS_LABEL, summary.earned)
    );
    let question = fill(t::CONFIRM_DELETE_TERM, &name);
    let empty = courses.is_empty();
    let heading = format!("gpa-term-{id}");
    let labelled_by = heading.clone();
    view! {
        <section class="card gpa-term" aria-labelledby=labelled_by data-testid="gpa-term">
            <div class="gpa-term-head">
                <h2 id=heading>{name.clone()}</h2>
                <p class="muted small" data-testid="gpa-term-figures">{figures}</p>
            </div>
            {empty.then(|| view! { <p class="muted small">{t::NO_COURSES}</p> })}
            <ul class="gpa-courses">
                {courses.into_iter().map(|course| view! { <CourseRow course scale forms /> }.into_any()).collect_view()}
            </ul>
            <details class="gpa-add" data-testid="gpa-add">
                <summary>{t::ADD_COURSE}</summary>
                <CourseForm key=format!("add:{id}") term_id=Some(id) course=None scale forms />
            </details>
            <details class="gpa-term-settings" data-testid="gpa-term-settings">
                <summary>{t::RENAME_TERM}" · "{t::DELETE_TERM}</summary>
                <ActionForm action=forms.rename_term attr:class="inline-form" on:submit=forms.mark(format!("rename:{id}"))>
                    <input type="hidden" name="term_id" value=id />
                    <label class="visually-hidden" for=format!("gpa-rename-{id}")>{t::TERM_NAME}</label>
                    <input id=format!("gpa-rename-{id}") name="name" value=name maxlength=TERM_NAME_MAX required />
                    <button type="submit" class="button small">{t::SAVE}</button>
                </ActionForm>
                <p class="form-error" role="alert">{forms.error_of(format!("rename:{id}"))}</p>
                <ActionForm
                    action=forms.delete_term
                    attr:class="settings-row"
                    on:submit=move |ev| {
                        if confirmed(&question) { forms.sent.set(format!("delete-term:{id}")); } else { ev.prevent_default(); }
                    }
                >
                    <input type="hidden" name="term_id" value=id />
                    <button type="submit" class="button small danger">{t::DELETE_TERM}</button>
                </ActionForm>
                <p class="form-error" role="alert">{forms.error_of(format!("delete-term:{id}"))}</p>
            </details>
        </section>
    }
    .into_any()
}

#[component]
fn CourseRow(course: GpaCourse, scale: Scale, forms: Forms) -> impl IntoView {
    let id = course.id;
    let grade = course.grade.map_or(t::NO_GRADE, |grade| grade.code());
    let question = fill(t::CONFIRM_DELETE_COURSE, &course.name);
    let label = course.name.clone();
    view! {
        <li class="gpa-course" data-testid="gpa-course">
            <div class="gpa-course-line">
                <span class="gpa-course-name">{course.name.clone()}</span>
                {course.is_major.then(|| view! { <span class="badge">{t::MAJOR_CHECK}</span> })}
                <span class="muted small">{fill(t::CREDITS_LABEL, course.credits)}</span>
                <strong class="gpa-grade" class:unset=course.grade.is_none()>{grade}</strong>
            </div>
            <details class="gpa-edit" data-testid="gpa-edit">
                <summary aria-label=format!("{label} {}", t::EDIT)>{t::EDIT}</summary>
                <CourseForm key=format!("edit:{id}") term_id=None course=Some(course) scale forms />
                <ActionForm
                    action=forms.delete
                    attr:class="settings-row"
                    on:submit=move |ev| {
                        if confirmed(&question) { forms.sent.set(format!("delete:{id}")); } else { ev.prevent_default(); }
                    }
                >
                    <input type="hidden" name="course_id" value=id />
                    <button type="submit" class="button small danger">{t::DELETE}</button>
                </ActionForm>
                <p class="form-error" role="alert">{forms.error_of(format!("delete:{id}"))}</p>
            </details>
        </li>
    }
    .into_any()
}

/// The fields of a course, empty to add one to `term_id` or filled to edit `course`.
#[component]
fn CourseForm(
    key: String,
    term_id: Option<i64>,
    course: Option<GpaCourse>,
    scale: Scale,
    forms: Forms,
) -> impl IntoView {
    let prefix = key.replace(':', "-");
    let add_form = NodeRef::new();
    if term_id.is_some() {
        reset_on_success(forms.add.value(), add_form);
    }
    let id_of = move |field: &str| format!("gpa-{prefix}-{field}");
    let (name, credits, grade, major) = match &course {
        Some(course) => (course.name.clone(), course.credits.to_string(), course.grade, course.is_major),
        None => (String::new(), "3".to_owned(), None, false),
    };
    let fields = view! {
        <div class="field">
            <label for=id_of("name")>{t::COURSE_NAME}</label>
            <input id=id_of("name") name="name" value=name maxlength=COURSE_NAME_MAX autocomplete="off" required />
        </div>
        <div class="gpa-row">
            <div class="field">
                <label for=id_of("credits")>{t::CREDITS}</label>
                <input id=id_of("credits") name="credits" value=credits inputmode="decimal" autocomplete="off" required />
            </div>
            <div class="field">
                <label for=id_of("grade")>{t::GRADE}</label>
                <select id=id_of("grade") name="grade">
                    <option value="" selected=grade.is_none()>{t::NO_GRADE}</option>
                    {scale.grades().chain(grade.filter(|g| g.points(scale).is_none() && g.is_graded())).map(|option| view! {
                        <option value=option.code() selected=grade == Some(option)>{option.code()}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
        <label class="check"><input type="checkbox" name="major" checked=major />{t::MAJOR_CHECK}</label>
    }
    .into_any();
    let error = forms.error_of(key.clone());
    let mark = forms.mark(key);
    let form = match (term_id, course) {
        (Some(term_id), _) => view! {
            <ActionForm action=forms.add node_ref=add_form attr:class="form" on:submit=mark>
                <input type="hidden" name="term_id" value=term_id />
                {fields}
                <button type="submit" class="button primary block">{t::ADD_COURSE}</button>
            </ActionForm>
        }
        .into_any(),
        (None, Some(course)) => view! {
            <ActionForm action=forms.edit attr:class="form" on:submit=mark>
                <input type="hidden" name="course_id" value=course.id />
                {fields}
                <button type="submit" class="button primary block">{t::SAVE}</button>
            </ActionForm>
        }
        .into_any(),
        (None, None) => ().into_any(),
    };
    view! {
        {form}
        <p class="form-error" role="alert">{error}</p>
    }
}
