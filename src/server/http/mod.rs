//! The HTTP stack: the router that serves the Leptos pages, the server functions and the static files, with
//! the middleware that every response passes through, and the entry points that start the server.

pub mod assets;
pub mod headers;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, handle_server_fns_with_context, LeptosRoutes};
use tokio::net::TcpListener;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use crate::app::{shell, App};
use crate::error::AppError;
use crate::server::auth::identity::authenticate;
use crate::server::auth::password::DummyHash;
use crate::server::auth::tokens::TokenKeys;
use crate::server::config::Config;
use crate::server::db::Db;
use crate::server::state::AppState;

/// Largest request body accepted (server function arguments are small forms).
const MAX_BODY_BYTES: usize = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("configuration: {0}")]
    Config(#[from] crate::server::config::ConfigError),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("listening: {0}")]
    Io(#[from] std::io::Error),
    #[error("start-up: {0}")]
    Other(String),
}

/// Reads the environment, migrates the database and serves until Ctrl-C or SIGTERM.
pub async fn run() -> Result<(), StartError> {
    let config = Config::from_env()?;
    tracing::info!(?config, "starting Campus");
    let state = build_state(config).await?;
    if state.config.precompress_at_start {
        assets::precompress_in_background(&state.config.site_root);
    }
    let listener = TcpListener::bind(state.config.addr).await?;
    tracing::info!("listening on http://{}", listener.local_addr()?);
    axum::serve(without_nagle(listener), router(state).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    tracing::info!("stopped");
    Ok(())
}

/// Turns off Nagle's algorithm on every accepted connection. Without it, the last partial segment of a large
/// page (a long thread) can wait for the client's delayed ACK: about 40 ms added to some responses.
fn without_nagle(listener: TcpListener) -> axum::serve::TapIo<TcpListener, fn(&mut tokio::net::TcpStream)> {
    use axum::serve::ListenerExt;
    fn no_delay(stream: &mut tokio::net::TcpStream) {
        if let Err(error) = stream.set_nodelay(true) {
            tracing::debug!(%error, "could not set TCP_NODELAY");
        }
    }
    listener.tap_io(no_delay as fn(&mut tokio::net::TcpStream))
}

/// Starts a server on an already bound listener in the background (for tests and tools).
pub async fn spawn(config: Config, listener: TcpListener) -> Result<AppState, StartError> {
    let state = build_state(config).await?;
    let app = router(state.clone()).into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move {
        if let Err(error) = axum::serve(without_nagle(listener), app).await {
            tracing::error!(%error, "server stopped");
        }
    });
    Ok(state)
}

pub async fn build_state(config: Config) -> Result<AppState, StartError> {
    let leptos_options = leptos_options(&config)?;
    let db = Db::connect(&config.database_url, config.db_max_connections).await?;
    tracing::info!(backend = ?db.backend(), "database ready");
    let dummy_hash = DummyHash::generate().await.map_err(|e| StartError::Other(e.to_string()))?;
    Ok(AppState {
        assets: Arc::new(assets::AssetNames::load(&leptos_options)),
        leptos_options,
        tokens: TokenKeys::new(config.jwt_secret.expose()),
        config: Arc::new(config),
        db,
        dummy_hash,
    })
}

/// Leptos settings: from `LEPTOS_*` variables (cargo-leptos sets them) with defaults that suit a release
/// binary started from the project folder with no environment at all.
fn leptos_options(config: &Config) -> Result<LeptosOptions, StartError> {
    let mut options = get_configuration(None).map_err(|e| StartError::Other(e.to_string()))?.leptos_options;
    options.site_root = config.site_root.clone().into();
    options.site_addr = config.addr;
    // cargo-leptos writes hash.txt beside the binary when it hashes file names; use it whenever it is there.
    if std::env::var("LEPTOS_HASH_FILES").is_err() {
        options.hash_files = assets::hash_file_path(&options).is_some_and(|p| p.exists());
    }
    Ok(options)
}

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

    let app = Router::new()
        .route("/api/{*fn_name}", post(server_fn_handler).get(server_fn_handler))
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
        .layer(from_fn(headers::server_fn_error_status))
        .layer(from_fn_with_state(state.clone(), authenticate))
        .layer(from_fn(headers::refuse_cross_site_writes))
        .layer(from_fn(headers::content_security_policy))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(from_fn(headers::read_call_body))
        .layer(from_fn(headers::run_to_completion));

    // The service worker needs no login, so it skips the middleware above. Brotli's own default (quality
    // 11) takes tens of milliseconds on a long page; quality 4 compresses about as well as gzip at a
    // fraction of the time.
    let compressed = Router::new()
        .route("/sw.js", get(assets::service_worker))
        .route("/health", get(health))
        .merge(app)
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)));
    // Hashed bundles need no login either, and are never compressed per request: their copies compressed
    // once at quality 11 are served, or else the files as they are (see assets).
    Router::new()
        .nest_service(
            "/pkg",
            ServeDir::new(format!("{site_root}/pkg")).precompressed_br().precompressed_gzip(),
        )
        .merge(compressed)
        .layer(from_fn(headers::common_headers))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Context for pages and server functions: the state, and the CSP nonce that inline scripts must carry.
fn provide_request_context(state: &AppState) {
    provide_context(state.clone());
    if let Some(nonce) = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<headers::CspNonce>().cloned())
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

/// An [`AppError`] as a JSON response with its status, the same shape server functions answer with.
pub fn error_response(error: &AppError) -> Response {
    let status =
        http::StatusCode::from_u16(error.status()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    (status, axum::Json(error)).into_response()
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
