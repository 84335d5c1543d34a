//! A labelled form field with its hint and the server's message for it, and the show-password toggle.

use leptos::prelude::*;

use crate::error::AppError;
use crate::text::auth as t;

/// A text input whose `<label>` names it (so that assistive technology and tests find it by label) and
/// whose error, when the last submission had one for `name`, is shown underneath and announced.
#[component]
pub fn Field(
    /// The form field's name (the server function argument).
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] input_mode: Option<&'static str>,
    #[prop(optional)] max_length: Option<u32>,
    /// A password field shows its text while this is true (one toggle may serve a password and its
    /// confirmation).
    #[prop(optional)]
    reveal: Option<RwSignal<bool>>,
    /// Draws the show-password toggle for `reveal` inside this field.
    #[prop(optional)]
    toggle: bool,
    /// The last submission's error, if any.
    #[prop(into)]
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let message = move || error.get().and_then(|e| e.message_for(name).map(str::to_owned));
    let message_id = format!("{id}-error");
    let kind_now = move || if reveal.is_some_and(|shown| shown.get()) { "text" } else { kind };
    let toggle =
        reveal.filter(|_| toggle).map(|shown| view! { <PasswordToggle shown controls=id.clone() /> });
    view! {
        <div class="field" class:has-error=move || message().is_some()>
            <label for=id.clone()>{label}</label>
            <div class="input-row">
                <input
                    id=id
                    name=name
                    type=kind_now
                    autocomplete=autocomplete
                    inputmode=input_mode
                    maxlength=max_length
                    aria-invalid=move || message().is_some().then_some("true")
                    aria-describedby=message_id.clone()
                    required
                />
                {toggle}
            </div>
            {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            <p class="field-error" id=message_id role="alert">
                {message}
            </p>
        </div>
    }
}

/// 비밀번호 보기: a toggle button (its name stays; `aria-pressed` says whether the text shows). It only
/// works in the browser, so it appears once the page has hydrated: before that there is nothing to tap
/// that would do nothing. Its first render in the browser (during hydration) is empty, like the server's.
#[component]
fn PasswordToggle(shown: RwSignal<bool>, controls: String) -> impl IntoView {
    move || {
        crate::hydration::hydrated().then(|| {
            view! {
                <button
                    type="button"
                    class="reveal"
                    aria-label=t::SHOW_PASSWORD
                    aria-controls=controls.clone()
                    aria-pressed=move || if shown.get() { "true" } else { "false" }
                    on:click=move |_| shown.update(|on| *on = !*on)
                >
                    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                        <path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12Z" />
                        <circle cx="12" cy="12" r="3.5" />
                        <line class="reveal-slash" x1="3" y1="21" x2="21" y2="3" />
                    </svg>
                </button>
            }
        })
    }
}

/// 로그인 유지, unticked by default: a login is kept only when the student asks, as 에브리타임's web log-in
/// does, since a campus has shared computers (library, labs) where a forgotten login would stay for days. A
/// plain checkbox, so it works before the page hydrates.
#[component]
pub fn KeepLoggedIn() -> impl IntoView {
    view! {
        <div class="keep-logged-in">
            <label class="check">
                <input type="checkbox" name="keep_logged_in" aria-describedby="keep-logged-in-hint" />
                {t::KEEP_LOGGED_IN}
            </label>
            <p class="hint" id="keep-logged-in-hint">{t::KEEP_LOGGED_IN_HINT}</p>
        </div>
    }
}
