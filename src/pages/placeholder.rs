//! Tabs whose feature is not built yet: they need a login like the real ones will, and say so plainly.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::require_login::RequireLogin;
use crate::text::app as t;

#[component]
pub fn PlaceholderPage(title: &'static str) -> impl IntoView {
    view! {
        <Title text=title />
        <RequireLogin let:_me>
            <header class="page-header">
                <h1>{title}</h1>
            </header>
            <section class="card empty-state">
                <p>{t::COMING_SOON}</p>
            </section>
        </RequireLogin>
    }
}
