//! How server-side failures become [`AppError`]s: the full error goes to the log, the user gets a generic
//! message. Violations the user can cause are mapped where they happen (see `db::users`), not here.

use crate::error::AppError;

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(error = %error, "database error");
        AppError::Internal
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(error: tokio::task::JoinError) -> Self {
        tracing::error!(error = %error, "blocking task failed");
        AppError::Internal
    }
}

/// Whether a database error is a unique-constraint violation.
///
/// SQLite does not report which constraint failed (only PostgreSQL does), so callers that need to know
/// which value was taken ask the database again instead of parsing the error text.
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
}

impl From<crate::server::auth::tokens::SigningError> for AppError {
    fn from(error: crate::server::auth::tokens::SigningError) -> Self {
        tracing::error!(%error, "token signing failed");
        AppError::Internal
    }
}

impl From<crate::server::auth::cookies::CookieError> for AppError {
    fn from(error: crate::server::auth::cookies::CookieError) -> Self {
        tracing::error!(%error, "cookie building failed");
        AppError::Internal
    }
}
