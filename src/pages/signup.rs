//! 회원가입: username, password typed twice, nickname, school, department, 학번 (picked from the years on
//! offer) and 로그인 유지. The server checks every field again; its messages show under their fields.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::list_schools;
use crate::api::SignUp;
use crate::components::field::{Field, KeepLoggedIn};
use crate::error::AppError;
use crate::session::{refusal_in_address, use_session};
use crate::text::{self, auth as t, fill};

#[component]
pub fn SignupPage() -> impl IntoView {
    let session = use_session();
    let action = session.sign_up;
    // Before hydration the form posts by itself, and a refusal comes back in the address.
    let returned = refusal_in_address::<SignUp>();
    let error = Signal::derive(move || match action.value().get() {
        Some(result) => result.err(),
        None => returned.clone(),
    });
    let general_error =
        move || error.get().filter(|e| !matches!(e, AppError::Invalid { .. })).map(|e| e.to_string());
    let shown = RwSignal::new(false);

    view! {
        <Title text=t::SIGNUP_TITLE />
        <section class="auth-page">
            <h1>{t::SIGNUP_TITLE}</h1>
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <Field name="username" label=t::USERNAME hint=t::USERNAME_HINT autocomplete="username" max_length=20 error=error />
                <Field name="password" label=t::PASSWORD kind="password" hint=t::PASSWORD_HINT autocomplete="new-password" max_length=64 reveal=shown toggle=true error=error />
                <Field name="password_confirm" label=t::PASSWORD_CONFIRM kind="password" autocomplete="new-password" max_length=64 reveal=shown error=error />
                <Field name="nickname" label=t::NICKNAME hint=t::NICKNAME_HINT autocomplete="nickname" max_length=10 error=error />
                <SchoolAndDepartment error />
                <KeepLoggedIn />
                <p class="form-error" role="alert">{general_error}</p>
                <button type="submit" class="button primary block" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { t::SIGNING_UP } else { t::SIGNUP_BUTTON }}
                </button>
            </ActionForm>
            <p class="switch">{t::HAVE_ACCOUNT} " " <a href="/login">{t::LOGIN_TITLE}</a></p>
        </section>
    }
}

/// The school, department and 학번 selects, from the directory. The chosen school narrows the department
/// list once the page is interactive; before hydration the list shows every school's departments, grouped,
/// and the server checks that they match.
#[component]
fn SchoolAndDepartment(error: Signal<Option<AppError>>) -> impl IntoView {
    let directory = Resource::new(|| (), |_| list_schools());
    let (school, set_school) = signal(None::<i64>);
    let message_for =
        move |field: &'static str| move || error.get().and_then(|e| e.message_for(field).map(str::to_owned));
    view! {
        <Suspense fallback=|| view! { <p class="loading">{text::app::LOADING}</p> }>
            {move || Suspend::new(async move {
                let directory = directory.await.unwrap_or_default();
                let schools = directory.schools.clone();
                let years = directory.admission_years.clone();
                view! {
                    <div class="field" class:has-error=move || message_for("school_id")().is_some()>
                        <label for="field-school_id">{t::SCHOOL}</label>
                        <select
                            id="field-school_id"
                            name="school_id"
                            required
                            on:change=move |ev| set_school.set(event_target_value(&ev).parse().ok())
                        >
                            <option value="">{t::CHOOSE_SCHOOL}</option>
                            {schools
                                .into_iter()
                                .map(|s| view! { <option value=s.id.to_string()>{s.name}</option> })
                                .collect_view()}
                        </select>
                        <p class="field-error" role="alert">{message_for("school_id")}</p>
                    </div>
                    <div class="field" class:has-error=move || message_for("department_id")().is_some()>
                        <label for="field-department_id">{t::DEPARTMENT}</label>
                        <select id="field-department_id" name="department_id" required>
                            <option value="">
                                {move || if school.get().is_some() { t::CHOOSE_DEPARTMENT } else { t::CHOOSE_SCHOOL_FIRST }}
                            </option>
                            {
                                let directory = directory.clone();
                                move || {
                                    let chosen = school.get();
                                    directory
                                        .schools
                                        .iter()
                                        .filter(|s| chosen.is_none_or(|id| id == s.id))
                                        .map(|s| {
                                            let options = directory
                                                .departments_of(s.id)
                                                .map(|d| view! { <option value=d.id.to_string()>{d.name.clone()}</option> })
                                                .collect_view();
                                            view! { <optgroup label=s.name.clone()>{options}</optgroup> }
                                        })
                                        .collect_view()
                                }
                            }
                        </select>
                        <p class="field-error" role="alert">{message_for("department_id")}</p>
                    </div>
                    <div class="field" class:has-error=move || message_for("admission_year")().is_some()>
                        <label for="field-admission_year">{t::ADMISSION_YEAR}</label>
                        <select id="field-admission_year" name="admission_year" required>
                            <option value="">{t::CHOOSE_ADMISSION_YEAR}</option>
                            {years
                                .into_iter()
                                .map(|year| view! { <option value=year.to_string()>{fill(t::ADMISSION_YEAR_OPTION, year)}</option> })
                                .collect_view()}
                        </select>
                        <p class="field-error" role="alert">{message_for("admission_year")}</p>
                    </div>
                }
            })}
        </Suspense>
    }
}
