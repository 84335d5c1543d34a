//! The service worker, generated from this build's bundle names: a new build is a new worker with a new
//! cache, and the old cache is dropped when it activates.

use axum::extract::State;
use axum::response::IntoResponse;
use http::header::CONTENT_TYPE;

use crate::server::state::AppState;

const SERVICE_WORKER_TEMPLATE: &str = include_str!("service_worker.js");

pub async fn service_worker(State(state): State<AppState>) -> impl IntoResponse {
    let urls = state.assets.urls(&state.leptos_options.site_pkg_dir);
    let body = SERVICE_WORKER_TEMPLATE
        .replace("__VERSION__", &state.assets.version())
        .replace("__JS__", &urls.js)
        .replace("__WASM__", &urls.wasm)
        .replace("__CSS__", &urls.css);
    ([(CONTENT_TYPE, "text/javascript; charset=utf-8")], body)
}
