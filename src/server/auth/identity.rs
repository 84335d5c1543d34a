//! Who is asking: the `authenticate` middleware establishes it once per request, and server functions read
//! it with [`current`] or [`require_student`].
//!
//! Order of evidence: an `Authorization: Bearer` header (API clients; a bad one is an error, never
//! "logged out"), else the access cookie, else — when the access cookie is missing or expired — the refresh
//! cookie, which is exchanged on the spot so a browser stays logged in without a round trip of its own.

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{AUTHORIZATION, SET_COOKIE};
use http::HeaderValue;
use std::net::SocketAddr;

use super::cookies::{self, ACCESS_COOKIE, REFRESH_COOKIE};
use super::logins::{self, IssuedLogin};
use crate::error::AppError;
use crate::model::Me;
use crate::server::db::users;
use crate::server::state::AppState;

/// The requester, as a request extension.
#[derive(Debug, Clone, Default)]
pub enum Identity {
    #[default]
    Visitor,
    Student {
        me: Box<Me>,
        session_id: i64,
    },
}

/// The client's address, for per-address throttles (behind a trusted proxy, from `X-Forwarded-For`).
#[derive(Debug, Clone)]
pub struct ClientAddr(pub String);

/// Marks a request whose refresh token the middleware already exchanged.
#[derive(Debug, Clone, Copy)]
pub struct RefreshedByMiddleware;

pub async fn authenticate(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let client = client_addr(&request, state.config.trust_proxy);
    request.extensions_mut().insert(ClientAddr(client));
    let resolved = match resolve(&state, request.headers()).await {
        Ok(resolved) => resolved,
        Err(error) => return error.into_response(),
    };
    if resolved.refreshed {
        request.extensions_mut().insert(RefreshedByMiddleware);
    }
    request.extensions_mut().insert(resolved.identity);
    let mut response = next.run(request).await;
    for cookie in resolved.set_cookies {
        response.headers_mut().append(SET_COOKIE, cookie);
    }
    response
}

struct Resolved {
    identity: Identity,
    set_cookies: Vec<HeaderValue>,
    refreshed: bool,
}

impl Resolved {
    fn visitor(set_cookies: Vec<HeaderValue>) -> Self {
        Resolved { identity: Identity::Visitor, set_cookies, refreshed: false }
    }
    fn student(me: Me, session_id: i64) -> Self {
        Resolved {
            identity: Identity::Student { me: Box::new(me), session_id },
            set_cookies: vec![],
            refreshed: false,
        }
    }
}

async fn resolve(state: &AppState, headers: &http::HeaderMap) -> Result<Resolved, AppError> {
    if let Some(authorization) = headers.get(AUTHORIZATION) {
        let token = authorization
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(AppError::Unauthorized)?;
        let (user_id, session_id) = state.tokens.verify_login(token.trim()).ok_or(AppError::Unauthorized)?;
        let me =
            users::by_live_session(&state.db, session_id, user_id).await?.ok_or(AppError::Unauthorized)?;
        return Ok(Resolved::student(me, session_id));
    }
    let secure = state.config.secure_cookies;
    if let Some((user_id, session_id)) =
        cookies::read(headers, ACCESS_COOKIE).and_then(|token| state.tokens.verify_login(&token))
    {
        return Ok(match users::by_live_session(&state.db, session_id, user_id).await? {
            Some(me) => Resolved::student(me, session_id),
            // The login was revoked (log-out elsewhere, password change, theft detection).
            None => Resolved::visitor(cookies::clear_both(secure)?),
        });
    }
    let Some(refresh_token) = cookies::read(headers, REFRESH_COOKIE) else {
        return Ok(Resolved::visitor(vec![]));
    };
    Ok(match logins::refresh(state, &refresh_token).await? {
        Some(IssuedLogin { me, session_id, cookies, .. }) => Resolved {
            identity: Identity::Student { me: Box::new(me), session_id },
            set_cookies: cookies,
            refreshed: true,
        },
        None => Resolved::visitor(cookies::clear_both(secure)?),
    })
}

fn client_addr(request: &Request, trust_proxy: bool) -> String {
    if trust_proxy {
        // The proxy appends the address it saw; the last entry is the one no client can forge.
        let forwarded = request
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .rfind(|v| !v.is_empty());
        if let Some(address) = forwarded {
            return address.to_owned();
        }
    }
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// The request being served by a server function (or the page being rendered).
fn request_parts() -> Option<http::request::Parts> {
    leptos::prelude::use_context::<http::request::Parts>()
}

/// The requester of the current server function call.
pub fn current() -> Identity {
    request_parts().and_then(|parts| parts.extensions.get::<Identity>().cloned()).unwrap_or_default()
}

/// A logged-in student, as a server function sees them: who, and which of their logins asks.
#[derive(Debug, Clone)]
pub struct Student {
    pub me: Me,
    pub session_id: i64,
}

/// The logged-in student, or 401.
pub fn require_student() -> Result<Student, AppError> {
    match current() {
        Identity::Student { me, session_id } => Ok(Student { me: *me, session_id }),
        Identity::Visitor => Err(AppError::Unauthorized),
    }
}

/// The client address of the current server function call.
pub fn current_client_addr() -> String {
    request_parts()
        .and_then(|parts| parts.extensions.get::<ClientAddr>().map(|c| c.0.clone()))
        .unwrap_or_else(|| "unknown".into())
}

/// The refresh cookie of the current call, unless the middleware already exchanged it.
pub fn unexchanged_refresh_cookie() -> Option<String> {
    let parts = request_parts()?;
    if parts.extensions.get::<RefreshedByMiddleware>().is_some() {
        return None;
    }
    cookies::read(&parts.headers, REFRESH_COOKIE)
}

/// Whether the middleware exchanged the refresh cookie during this call.
pub fn refreshed_by_middleware() -> bool {
    request_parts().is_some_and(|parts| parts.extensions.get::<RefreshedByMiddleware>().is_some())
}
