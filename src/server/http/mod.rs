//! The HTTP stack: the router that serves the Leptos pages, the server functions and the static files, and
//! the middleware every response passes through, one concern per file.

mod call_body;
mod completion;
mod compression;
mod csp;
mod csrf;
mod document;
mod error_status;
mod security_headers;
mod service_worker;
mod timetable_image;

pub use document::{preload_chunks_of, requested_theme};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, handle_server_fns_with_context, LeptosRoutes};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

pub use csp::CspNonce;

use crate::app::App;
use crate::server::auth::identity::authenticate;
use crate::server::images;
use crate::server::state::AppState;
use document::shell;

/// Largest request body accepted (server function arguments are small forms).
const MAX_BODY_BYTES: usize = 64 * 1024;

/// The app's routes, generated once per process. Leptos suppresses resource loading process-wide while it
/// generates a route list (leptos-rs/leptos#4773), so generating it again while another server in the same
/// process renders pages (as the integration tests do) can leave that render waiting forever.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let site_root = state.config.site_root.clone();

    // Photos: their upload reads its own, larger body limit (`server::images`), so it sits beside the pages
    // and server functions rather than under their small one.
    let photos = Router::new()
        .route("/images", post(images::upload))
        .route("/images/{key}", get(images::full))
        .route("/images/{key}/thumb", get(images::thumb));
    let pages = Router::new()
        .route("/api/{*fn_name}", post(server_fn_handler).get(server_fn_handler))
        .route("/events", get(crate::server::live::events))
        .route("/timetables/{id}/image.svg", get(timetable_image::image))
        .leptos_routes_with_context(
            &state,
            routes,
            {
                let state = state.clone();
                move || provide_request_context(&state)
            },
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            {
                let state = state.clone();
                move || provide_request_context(&state)
            },
            shell,
        ))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES));
    let app = pages
        .merge(photos)
        .layer(from_fn(error_status::server_fn_error_status))
        .layer(from_fn_with_state(state.clone(), authenticate))
        .layer(from_fn(csrf::refuse_cross_site_writes))
        .layer(from_fn(csp::content_security_policy))
        .layer(from_fn(call_body::read_call_body))
        .layer(from_fn(completion::run_to_completion));

    // The service worker needs no login, so it skips the middleware above.
    let compressed = Router::new()
        .route("/sw.js", get(service_worker::service_worker))
        .route("/health", get(health))
        .merge(app)
        .layer(from_fn(compression::compress));
    // Hashed bundles need no login either, and are never compressed per request: their copies compressed
    // once at quality 11 are served, or else the files as they are (see `server::bundle`).
    Router::new()
        .nest_service(
            "/pkg",
            ServeDir::new(format!("{site_root}/pkg")).precompressed_br().precompressed_gzip(),
        )
        .merge(compressed)
        .layer(from_fn(security_headers::common_headers))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Context for pages and server functions: the state, and the CSP nonce that inline scripts must carry.
fn provide_request_context(state: &AppState) {
    provide_context(state.clone());
    if let Some(nonce) =
        use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<CspNonce>().cloned())
    {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
}

/// Liveness and readiness: answers once the database does.
async fn health(State(state): State<AppState>) -> Response {
    match sqlx::query("SELECT 1").execute(state.db.pool()).await {
        Ok(_) => "ok".into_response(),
        Err(error) => {
            tracing::error!(%error, "health check failed");
            (http::StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

async fn server_fn_handler(State(state): State<AppState>, request: Request<Body>) -> impl IntoResponse {
    handle_server_fns_with_context(move || provide_request_context(&state), request).await
}
