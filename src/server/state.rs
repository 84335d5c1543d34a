//! The state every handler and server function shares: configuration, the database and the token keys.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use super::auth::password::DummyHash;
use super::auth::tokens::TokenKeys;
use super::config::Config;
use super::db::Db;
use crate::error::AppError;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    pub db: Db,
    pub tokens: TokenKeys,
    pub dummy_hash: DummyHash,
    /// The hashed asset names of this build, for the service worker.
    pub assets: Arc<super::bundle::AssetNames>,
}

/// The state inside a server function (provided as Leptos context by the router).
pub fn app_state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}
