//! Loading and error states shared by every page.

use leptos::prelude::*;

use crate::error::AppError;
use crate::text::app;

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">{app::LOADING}</p> }
}

/// An error in place of the content it prevented, in words the student understands.
///
/// Rendered on the server, it also gives the page the error's status: another school's post, a deleted one
/// or the admin page of a non-admin answers 404 or 403 like the server function behind it, not 200 with an
/// error inside. (Every route renders fully before it is sent, `SsrMode::Async`, so the status can still be
/// set here.)
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(error.status()) {
            response.set_status(status);
        }
    }
    view! { <p class="card empty-state error-notice" role="alert">{error.to_string()}</p> }
}

/// An empty list: what is not there yet, and how it comes to be.
#[component]
pub fn EmptyState(test_id: &'static str, message: &'static str, hint: &'static str) -> impl IntoView {
    view! {
        <div class="card empty-state" data-testid=test_id>
            <p>{message}</p>
            <p class="form-note">{hint}</p>
        </div>
    }
}
