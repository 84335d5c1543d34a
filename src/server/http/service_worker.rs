//! The service worker, generated from this build's bundle names: a new build is a new worker with a new
//! cache, and the old cache is dropped when it activates.

use axum::extract::State;
use axum::response::IntoResponse;
use http::header::CONTENT_TYPE;

use crate::server::state::AppState;

const SERVICE_WORKER_TEMPLATE: &str = include_str!("service_worker.js");

pub async fn service_worker(State(state): State<AppState>) -> impl IntoResponse {
    let pkg_dir = &state.leptos_options.site_pkg_dir;
    let [js, wasm, css] = state.assets.urls(pkg_dir);
    // Every page's chunk is cached at install, so that any page kept for offline use can start.
    let bundle: Vec<String> = [js, wasm, css].into_iter().chain(state.assets.chunk_urls(pkg_dir)).collect();
    let bundle = serde_json::to_string(&bundle).unwrap_or_else(|_| "[]".to_owned());
    let body = SERVICE_WORKER_TEMPLATE
        .replace("__VERSION__", &state.assets.version())
        .replace("__BUNDLE__", &bundle);
    ([(CONTENT_TYPE, "text/javascript; charset=utf-8")], body)
}
