//! The 404 page.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::text::app as t;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=t::NOT_FOUND_TITLE />
        <section class="card empty-state">
            <h1>{t::NOT_FOUND_TITLE}</h1>
            <p>{t::NOT_FOUND_BODY}</p>
            <a href="/" class="button">{t::GO_HOME}</a>
        </section>
    }
}
