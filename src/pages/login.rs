//! 로그인.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::components::field::Field;
use crate::session::use_session;
use crate::text::auth as t;

#[component]
pub fn LoginPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_else(|| "/".to_owned());
    let action = session.log_in;
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    // Errors that belong to no single field (wrong password, throttling) are shown above the button.
    let general_error =
        move || error.get().filter(|e| e.message_for("username").is_none()).map(|e| e.to_string());
    view! {
        <Title text=t::LOGIN_TITLE />
        <section class="auth-page">
            <div class="brand-mark small" aria-hidden="true"></div>
            <h1>{t::LOGIN_TITLE}</h1>
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="next" value=next />
                <Field name="username" label=t::USERNAME autocomplete="username" max_length=20 error=error />
                <Field name="password" label=t::PASSWORD kind="password" autocomplete="current-password" error=error />
                <p class="form-error" role="alert" data-testid="login-error">{general_error}</p>
                <button type="submit" class="button primary block" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { t::LOGGING_IN } else { t::LOGIN_BUTTON }}
                </button>
            </ActionForm>
            <p class="switch">{t::NO_ACCOUNT} " " <A href="/signup">{t::SIGNUP_TITLE}</A></p>
        </section>
    }
}
