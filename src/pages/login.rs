//! 로그인, with 로그인 유지. A plain form posting to the log-in server function: it works before hydration.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::LogIn;
use crate::components::field::{Field, KeepLoggedIn};
use crate::session::{refusal_in_address, use_session};
use crate::text::auth as t;

#[component]
pub fn LoginPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_else(|| "/".to_owned());
    let action = session.log_in;
    // Before hydration the form posts by itself, and a refusal comes back in the address.
    let returned = refusal_in_address::<LogIn>();
    let error = Signal::derive(move || match action.value().get() {
        Some(result) => result.err(),
        None => returned.clone(),
    });
    // Errors that belong to no single field (wrong password, throttling) are shown above the button.
    let general_error =
        move || error.get().filter(|e| e.message_for("username").is_none()).map(|e| e.to_string());
    let shown = RwSignal::new(false);
    view! {
        <Title text=t::LOGIN_TITLE />
        <section class="auth-page">
            <div class="brand-mark small" aria-hidden="true"></div>
            <h1>{t::LOGIN_TITLE}</h1>
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="next" value=next />
                <Field name="username" label=t::USERNAME autocomplete="username" max_length=20 error=error />
                <Field name="password" label=t::PASSWORD kind="password" autocomplete="current-password" reveal=shown toggle=true error=error />
                <KeepLoggedIn />
                <p class="form-error" role="alert" data-testid="login-error">{general_error}</p>
                <button type="submit" class="button primary block" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { t::LOGGING_IN } else { t::LOGIN_BUTTON }}
                </button>
            </ActionForm>
            <p class="switch">{t::NO_ACCOUNT} " " <a href="/signup">{t::SIGNUP_TITLE}</a></p>
        </section>
    }
}
