//! Starting the server: the configuration, the database, the shared state, and the listener, until a signal
//! stops it. Also the error a start can fail with (operator commands share it).

use std::net::SocketAddr;
use std::sync::Arc;

use leptos::prelude::*;
use tokio::net::TcpListener;

use super::auth::password::DummyHash;
use super::auth::tokens::TokenKeys;
use super::bundle;
use super::community::directory::BoardDirectory;
use super::config::Config;
use super::db::Db;
use super::http::router;
use super::images::{self, store::DbImageStore};
use super::state::{AppState, Shared};

/// Why the server (or an operator command) could not start.
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
        bundle::precompress_in_background(&state.config.site_root);
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
    let boards = BoardDirectory::load(&db).await?;
    let assets = bundle::AssetNames::load(&leptos_options);
    Ok(AppState::new(Shared {
        boards,
        assets: Arc::new(assets),
        images: Arc::new(DbImageStore(db.clone())),
        image_decodes: Arc::new(tokio::sync::Semaphore::new(images::DECODES_AT_ONCE)),
        leptos_options,
        tokens: TokenKeys::new(config.jwt_secret.expose()),
        config: Arc::new(config),
        db,
        dummy_hash,
    }))
}

/// Leptos settings: from `LEPTOS_*` variables (cargo-leptos sets them) with defaults that suit a release
/// binary started from the project folder with no environment at all.
fn leptos_options(config: &Config) -> Result<LeptosOptions, StartError> {
    let mut options = get_configuration(None).map_err(|e| StartError::Other(e.to_string()))?.leptos_options;
    options.site_root = config.site_root.clone().into();
    options.site_addr = config.addr;
    // cargo-leptos writes hash.txt beside the binary when it hashes file names; use it whenever it is there.
    if std::env::var("LEPTOS_HASH_FILES").is_err() {
        options.hash_files = bundle::hash_file_path(&options).is_some_and(|p| p.exists());
    }
    Ok(options)
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
