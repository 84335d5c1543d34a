//! Sign-up, log-in, refresh, log-out and "who am I".
//!
//! Forms post here directly, so they work before the page hydrates: on success the server answers a plain
//! form post with a redirect, and the hydrated app with a redirect header its router follows.

// The sign-up function takes one argument per form field, as the form posts them. An `allow` on the
// function itself would not do: server_fn 0.8 leaves lint attributes off the browser's copy of it.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{LoginResult, Me};
#[cfg(feature = "ssr")]
use crate::server::{accounts, auth::identity, auth::logins, state::app_state};

/// Creates the account and logs it in, kept (로그인 유지) when `keep_logged_in` is ticked.
#[server(prefix = "/api", endpoint = "auth/signup")]
pub async fn sign_up(
    username: String,
    password: String,
    password_confirm: String,
    nickname: String,
    school_id: String,
    department_id: String,
    admission_year: String,
    keep_logged_in: Option<String>,
) -> Result<Me, AppError> {
    let state = app_state()?;
    let input = crate::model::SignupInput {
        username,
        password,
        password_confirm,
        nickname,
        school_id,
        department_id,
        admission_year,
    };
    let kept = super::checked(&keep_logged_in);
    let login = accounts::sign_up(&state, input, kept, &identity::current_client_addr()).await?;
    super::set_cookies(&login.cookies);
    leptos_axum::redirect("/");
    Ok(login.me)
}

/// Logs in; returns the student, and (for API clients) the access token to send as `Bearer`. Ticked,
/// `keep_logged_in` (로그인 유지) keeps the login for days; otherwise it is a short one (see `auth::logins`).
#[server(prefix = "/api", endpoint = "auth/login")]
pub async fn log_in(
    username: String,
    password: String,
    keep_logged_in: Option<String>,
    next: Option<String>,
) -> Result<LoginResult, AppError> {
    let state = app_state()?;
    let kept = super::checked(&keep_logged_in);
    let addr = identity::current_client_addr();
    let login = accounts::log_in(&state, &username, &password, kept, &addr).await?;
    super::set_cookies(&login.cookies);
    leptos_axum::redirect(&super::safe_return_path(next.as_deref()));
    Ok(LoginResult { me: login.me, access_token: login.access_token })
}

/// Exchanges the refresh cookie for a new pair of tokens (the old refresh token is spent).
#[server(prefix = "/api", endpoint = "auth/refresh")]
pub async fn refresh() -> Result<(), AppError> {
    let state = app_state()?;
    // The middleware may already have exchanged the cookie on this very request (no access token came).
    if identity::refreshed_by_middleware() {
        return Ok(());
    }
    let token = identity::unexchanged_refresh_cookie().ok_or(AppError::Unauthorized)?;
    match logins::refresh(&state, &token).await? {
        Some(login) => {
            super::set_cookies(&login.cookies);
            Ok(())
        }
        None => {
            super::set_cookies(&crate::server::auth::cookies::clear_both(state.config.secure_cookies)?);
            Err(AppError::Unauthorized)
        }
    }
}

#[server(prefix = "/api", endpoint = "auth/logout")]
pub async fn log_out() -> Result<(), AppError> {
    let state = app_state()?;
    if let identity::Identity::Student { session_id, .. } = identity::current() {
        logins::end(&state, session_id).await?;
    }
    super::set_cookies(&crate::server::auth::cookies::clear_both(state.config.secure_cookies)?);
    // The service worker keeps the student's timetable pages for offline use; on a shared device they must
    // not outlive the login.
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::HeaderName::from_static("clear-site-data"),
            http::HeaderValue::from_static("\"cache\", \"storage\""),
        );
    }
    leptos_axum::redirect("/");
    Ok(())
}

/// The logged-in student, or `None` for a visitor. Pages use this to render the right state on the server.
#[server(prefix = "/api", endpoint = "auth/current")]
pub async fn current_user() -> Result<Option<Me>, AppError> {
    Ok(match identity::current() {
        identity::Identity::Student { me, .. } => Some(*me),
        identity::Identity::Visitor => None,
    })
}

/// The logged-in student; 401 for a visitor.
#[server(prefix = "/api", endpoint = "me")]
pub async fn my_account() -> Result<Me, AppError> {
    identity::require_student().map(|student| student.me)
}
