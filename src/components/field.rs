//! A labelled form field with its hint and the server's message for it.

use leptos::prelude::*;

use crate::error::AppError;

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
    /// The last submission's error, if any.
    #[prop(into)]
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let message = move || error.get().and_then(|e| e.message_for(name).map(str::to_owned));
    let message_id = format!("{id}-error");
    view! {
        <div class="field" class:has-error=move || message().is_some()>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                inputmode=input_mode
                maxlength=max_length
                aria-invalid=move || message().is_some().then_some("true")
                aria-describedby=message_id.clone()
                required
            />
            {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            <p class="field-error" id=message_id role="alert">
                {message}
            </p>
        </div>
    }
}
