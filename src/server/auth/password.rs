//! Password hashing with argon2id at OWASP's parameters, always off the async runtime.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::AppError;

/// OWASP: 19 MiB of memory, 2 iterations, 1 lane.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password on the blocking pool (a hash takes tens of milliseconds of CPU).
pub async fn hash(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        argon2().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| {
            tracing::error!(error = %e, "password hashing failed");
            AppError::Internal
        })
    })
    .await?
}

/// Checks a password against a stored hash on the blocking pool.
pub async fn verify(password: String, stored_hash: String) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let Ok(parsed) = PasswordHash::new(&stored_hash) else {
            tracing::error!("stored password hash is malformed");
            return false;
        };
        argon2().verify_password(password.as_bytes(), &parsed).is_ok()
    })
    .await
    .map_err(AppError::from)
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
