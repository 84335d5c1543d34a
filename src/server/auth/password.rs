//! Password hashing with argon2id at OWASP's parameters, on a few threads of its own: one per core, so never
//! more hashes at once than there are cores, and extra log-ins queue. Each hash holds 19 MiB; on tokio's
//! blocking pool a burst of 64 log-ins took over a gigabyte at once. (That freed blocks are given back to
//! the system is the work of `main`'s allocator.)

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};

use crate::error::AppError;

/// OWASP: 19 MiB of memory, 2 iterations, 1 lane.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

type Job = Box<dyn FnOnce() + Send>;

/// The queue of the hashing threads, started on first use.
fn hashing_queue() -> &'static mpsc::Sender<Job> {
    static QUEUE: OnceLock<mpsc::Sender<Job>> = OnceLock::new();
    QUEUE.get_or_init(|| {
        let (sender, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        for n in 0..std::thread::available_parallelism().map_or(2, |n| n.get()) {
            let receiver = receiver.clone();
            let started = std::thread::Builder::new().name(format!("argon2-{n}")).spawn(move || loop {
                let job = match receiver.lock() {
                    Ok(receiver) => receiver.recv(),
                    Err(_) => return,
                };
                match job {
                    // A panicking job drops its answer channel (its caller gets an error); the thread stays.
                    Ok(job) => drop(std::panic::catch_unwind(std::panic::AssertUnwindSafe(job))),
                    Err(_) => return,
                }
            });
            if let Err(error) = started {
                tracing::error!(%error, "could not start a password hashing thread");
            }
        }
        sender
    })
}

/// Runs one argon2 computation on a hashing thread, in turn.
async fn on_hashing_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let (answer, answered) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || drop(answer.send(work())));
    hashing_queue().send(job).map_err(|_| AppError::Internal)?;
    answered.await.map_err(|_| AppError::Internal)
}

/// Hashes a password (a hash takes tens of milliseconds of CPU).
pub async fn hash(password: String) -> Result<String, AppError> {
    on_hashing_thread(move || {
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
    on_hashing_thread(move || {
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
