//! Loading and error states shared by every page.

use leptos::prelude::*;

use crate::error::AppError;
use crate::text::app;

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">{app::LOADING}</p> }
}

/// An error in place of the content it prevented, in words the student understands.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    view! { <p class="card empty-state error-notice" role="alert">{error.to_string()}</p> }
}
