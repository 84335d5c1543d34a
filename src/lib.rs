//! Campus: a closed community and weekly timetable for Korean university students.
//!
//! One crate, two builds. With `ssr` it is the server (axum + Leptos server rendering + sqlx); with
//! `hydrate` it is the browser bundle (WebAssembly) that takes over the server-rendered page. The layout:
//! `model` shared types and validation · `api` server functions · `pages` and `components` the interface ·
//! `session` the login state pages share · `hydration` whether the browser has taken over the page · `text`
//! every user-visible string · `server` (server only) the services, authentication, the database and HTTP.

// A page's view is one nested type (elements in tuples in elements); the hydrating build's async layouts of
// the deepest (a board page: its header, its form and twenty list items) pass the compiler's default 128.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod error;
pub mod hydration;
pub mod model;
pub mod pages;
pub mod session;
pub mod text;

#[cfg(feature = "ssr")]
pub mod server;

/// The browser entry point: hydrate the server-rendered page, say when that has finished (`hydration`), and
/// register the service worker.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Leptos' executor drives the hydration task below and every effect.
    _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        let Some(body) = leptos::prelude::document().body() else { return };
        // The app lives as long as the page: its owner is never disposed of.
        leptos::mount::hydrate_from_async(body, app::App).await.forget();
        hydration::finish();
    });
    if let Some(window) = web_sys::window() {
        // Registration failing (e.g. a private window) only costs offline support.
        let _ = window.navigator().service_worker().register("/sw.js");
    }
}
