//! Loading and error states shared by every page.

use leptos::prelude::*;
use leptos_meta::Title;

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
    match page_error_title(&error) {
        None => {
            view! { <p class="card empty-state error-notice" role="alert">{error.to_string()}</p> }.into_any()
        }
        // An error that leaves nothing of the page gets a title and the ways on, never a dead end.
        Some(title) => view! {
            <Title text=title />
            <section class="card empty-state error-notice" role="alert" data-testid="page-error">
                <h1>{title}</h1>
                <p>{error.to_string()}</p>
                <p class="error-links">
                    <a href="/" class="button primary">{app::GO_HOME}</a>
                    <a href="/boards" class="button">{app::GO_BOARDS}</a>
                </p>
            </section>
        }
        .into_any(),
    }
}

/// The title of an error that takes the place of a whole page (what was asked for is absent, hidden or
/// forbidden, or the server failed); `None` for a mistake in what was asked, which is shown where it was made.
fn page_error_title(error: &AppError) -> Option<&'static str> {
    match error {
        AppError::NotFound | AppError::Missing(_) => Some(app::NOT_FOUND_TITLE),
        AppError::Forbidden(_) | AppError::Unauthorized => Some(app::FORBIDDEN_TITLE),
        AppError::Internal | AppError::Network => Some(app::FAILED_TITLE),
        AppError::WrongCredentials
        | AppError::Conflict(_)
        | AppError::Invalid { .. }
        | AppError::BadRequest(_)
        | AppError::PayloadTooLarge
        | AppError::FileTooLarge(_)
        | AppError::TooManyRequests(_) => None,
    }
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
