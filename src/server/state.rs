//! The state every handler and server function shares: configuration, the database and the token keys.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use super::auth::password::DummyHash;
use super::auth::tokens::TokenKeys;
use super::community::directory::BoardDirectory;
use super::config::Config;
use super::db::Db;
use crate::error::AppError;

/// Cheap to clone: every request clones it several times (the authentication middleware, the Leptos
/// context of each page and server function, axum's `State`), so it is one shared allocation.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    pub db: Db,
    pub boards: BoardDirectory,
    pub tokens: TokenKeys,
    pub dummy_hash: DummyHash,
    /// The hashed asset names of this build, for the service worker.
    pub assets: Arc<super::bundle::AssetNames>,
    /// Where photo bytes live (`server::images::store`).
    pub images: Arc<dyn super::images::store::ImageStore>,
    /// Turns to decode a photo (`server::images::DECODES_AT_ONCE`).
    pub image_decodes: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    pub fn new(shared: Shared) -> Self {
        AppState(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// leptos_axum's handlers take the Leptos settings from the router state.
impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state inside a server function (provided as Leptos context by the router).
pub fn app_state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}
