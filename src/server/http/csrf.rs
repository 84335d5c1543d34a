//! Refusing writes that a browser says another site sent (CSRF defence in depth beside SameSite=Lax).

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{HOST, ORIGIN};
use http::Method;

use crate::error::AppError;
use crate::text;

/// Refuses state-changing requests that a browser says come from another site (CSRF defence in depth on top
/// of SameSite=Lax cookies). Requests without an Origin header come from non-browser clients and pass.
pub async fn refuse_cross_site_writes(request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe {
        let headers = request.headers();
        let cross_site_fetch = headers.get("sec-fetch-site").is_some_and(|v| v.as_bytes() == b"cross-site");
        let origin_host = headers
            .get(ORIGIN)
            .and_then(|v| v.to_str().ok())
            .map(|origin| origin.split_once("://").map_or(origin, |(_, rest)| rest).to_owned());
        let host = headers.get(HOST).and_then(|v| v.to_str().ok());
        let foreign_origin = match (origin_host.as_deref(), host) {
            (Some("null"), _) => true,
            (Some(origin), Some(host)) => !origin.eq_ignore_ascii_case(host),
            (Some(_), None) => true,
            (None, _) => false,
        };
        if cross_site_fetch || foreign_origin {
            tracing::warn!(path = %request.uri().path(), "refused a cross-site write");
            return AppError::Forbidden(text::errors::CROSS_SITE.to_owned()).into_response();
        }
    }
    next.run(request).await
}
