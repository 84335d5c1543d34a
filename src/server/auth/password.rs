//! Password hashing with argon2id at OWASP's parameters, always off the async runtime, and never more hashes
//! at once than the machine has cores: each hash holds 19 MiB, so a burst of 64 log-ins would otherwise take
//! over a gigabyte and slow every other request. Extra log-ins wait their turn instead.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use std::sync::OnceLock;

use tokio::sync::Semaphore;

use crate::error::AppError;

/// OWASP: 19 MiB of memory, 2 iterations, 1 lane.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// The permits for hashing at once: one per core.
fn hashing_slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())))
}

/// Runs one argon2 computation on the blocking pool once a hashing slot is free.
async fn with_hashing_slot<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let _slot = hashing_slots().acquire().await.map_err(|_| AppError::Internal)?;
    Ok(tokio::task::spawn_blocking(work).await?)
}

/// Hashes a password (a hash takes tens of milliseconds of CPU).
pub async fn hash(password: String) -> Result<String, AppError> {
    with_hashing_slot(move || {
        let salt = SaltString::generate(&mut OsRng);
        argon2().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| {
            tracing::error!(error = %e, "password hashing failed");
            AppError::Internal
        })
    })
    .await?
}

/// Checks a password against a stored hash.
pub async fn verify(password: String, stored_hash: String) -> Result<bool, AppError> {
    with_hashing_slot(move || {
        let Ok(parsed) = PasswordHash::new(&stored_hash) else {
            tracing::error!("stored password hash is malformed");
            return false;
        };
        argon2().verify_password(password.as_bytes(), &parsed).is_ok()
    })
    .await
}

/// A hash of a random password, computed once at start. Log-in for an unknown username verifies against it,
/// so that it costs the same time as a wrong password for a real account.
#[derive(Clone)]
pub struct DummyHash(pub String);

impl DummyHash {
    pub async fn generate() -> Result<Self, AppError> {
        hash(super::tokens::random_token()).await.map(DummyHash)
    }
}
