//! The one error type that crosses the wire between the server and the browser.
//!
//! Server functions return `Result<T, AppError>`. Each variant carries only what the user may see: internal
//! failures are logged in full on the server (see `server::error`) and reach the browser as
//! [`AppError::Internal`] with a generic message. The HTTP status of an error response is derived from the
//! variant by [`AppError::status`], so a user mistake is a 4xx and never a 500.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::text;

/// A problem with one form field, shown next to that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The form field's name, as the server function argument is called.
    pub field: String,
    /// What is wrong, in Korean.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// No valid login came with the request (401).
    #[error("{}", text::errors::UNAUTHORIZED)]
    Unauthorized,
    /// Log-in with a wrong username or password (401); one message for both, so names are not revealed.
    #[error("{}", text::auth::LOGIN_FAILED)]
    WrongCredentials,
    /// Logged in, but not allowed to do this (403); the message says why.
    #[error("{0}")]
    Forbidden(String),
    /// The request clashes with the current state: already done, locked, taken (409).
    #[error("{0}")]
    Conflict(String),
    /// Absent, or belongs to another school: both look the same (404).
    #[error("{}", text::errors::NOT_FOUND)]
    NotFound,
    /// Absent, with a message that names what was looked for (404): an unknown username, a friend request
    /// that is gone. Whatever the message says, it must read the same for "absent" and "hidden".
    #[error("{0}")]
    Missing(String),
    /// The request is well formed but its values break a rule (422); `fields` says which.
    #[error("{message}")]
    Invalid { message: String, fields: Vec<FieldError> },
    /// The request itself is malformed: missing or unparsable arguments (400).
    #[error("{0}")]
    BadRequest(String),
    /// The request body is larger than the server reads (413).
    #[error("{}", text::errors::TOO_LARGE)]
    PayloadTooLarge,
    /// A file over its limit, with a message that names the limit (413).
    #[error("{0}")]
    FileTooLarge(String),
    /// A throttle refused the request (429).
    #[error("{0}")]
    TooManyRequests(String),
    /// Something failed on the server; the details are in the server log only (500).
    #[error("{}", text::errors::INTERNAL)]
    Internal,
    /// The browser could not reach the server or read its answer (never sent by the server).
    #[error("{}", text::errors::NETWORK)]
    Network,
}

impl AppError {
    /// A validation failure of a single field.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        AppError::Invalid {
            fields: vec![FieldError { field: field.to_owned(), message: message.clone() }],
            message,
        }
    }

    /// A validation failure of several fields; the first message doubles as the summary.
    pub fn fields(fields: Vec<FieldError>) -> Self {
        let message =
            fields.first().map(|f| f.message.clone()).unwrap_or_else(|| text::errors::INVALID.to_owned());
        AppError::Invalid { message, fields }
    }

    /// The message for one field, if this error names it.
    pub fn message_for(&self, field: &str) -> Option<&str> {
        match self {
            AppError::Invalid { fields, .. } => {
                fields.iter().find(|f| f.field == field).map(|f| f.message.as_str())
            }
            _ => None,
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthorized | AppError::WrongCredentials => 401,
            AppError::Forbidden(_) => 403,
            AppError::Conflict(_) => 409,
            AppError::NotFound | AppError::Missing(_) => 404,
            AppError::Invalid { .. } => 422,
            AppError::BadRequest(_) => 400,
            AppError::PayloadTooLarge | AppError::FileTooLarge(_) => 413,
            AppError::TooManyRequests(_) => 429,
            AppError::Internal => 500,
            AppError::Network => 502,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// Errors raised by the server-function machinery itself. On the server these are malformed requests
    /// (bad or missing arguments); in the browser they are transport failures.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => {
                AppError::BadRequest(text::errors::BAD_REQUEST.to_owned())
            }
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Deserialization(_) => AppError::Network,
            _ => AppError::Internal,
        }
    }
}

/// An error answered over HTTP by the server itself (middleware, not a server function): the JSON body a
/// server function's error has, with the status the error calls for.
#[cfg(feature = "ssr")]
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        let status =
            http::StatusCode::from_u16(self.status()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        (status, axum::Json(self)).into_response()
    }
}
