//! Middleware that shapes every response: security headers, caching, cross-site write refusal, and the HTTP
//! status of server-function errors.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::header::{CACHE_CONTROL, CONTENT_TYPE, HOST, ORIGIN};
use http::{HeaderValue, Method, StatusCode};

use crate::error::AppError;
use crate::text;

/// A fresh random value per page, allowed by the CSP; Leptos puts it on its inline hydration scripts.
#[derive(Debug, Clone)]
pub struct CspNonce(pub String);

/// Sets a Content-Security-Policy on HTML pages that allows only our own scripts, the inline ones that carry
/// this request's nonce, and WebAssembly compilation (needed for hydration).
pub async fn content_security_policy(mut request: Request, next: Next) -> Response {
    let nonce = crate::server::auth::tokens::random_token();
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        let policy = format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
             style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
             manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; \
             form-action 'self'; frame-ancestors 'none'"
        );
        if let Ok(value) = HeaderValue::from_str(&policy) {
            response.headers_mut().insert("content-security-policy", value);
        }
    }
    response
}

/// Headers for every response, and a cache policy by path: content-hashed bundles are immutable, public
/// files are cached for a day, and pages and API answers (personal) are not stored by shared caches.
pub async fn common_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    headers.insert("x-frame-options", HeaderValue::from_static("DENY"));
    headers.insert("referrer-policy", HeaderValue::from_static("strict-origin-when-cross-origin"));
    headers
        .insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=()"));
    let cache = if path.starts_with("/pkg/") {
        "public, max-age=31536000, immutable"
    } else if path == "/sw.js" || path.starts_with("/api/") {
        "no-cache"
    } else if path.starts_with("/icons/") || path.starts_with("/favicon") || path == "/manifest.webmanifest" {
        "public, max-age=86400"
    } else {
        "private, no-cache"
    };
    if !headers.contains_key(CACHE_CONTROL) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    response
}

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
            return super::error_response(&AppError::Forbidden(text::errors::CROSS_SITE.to_owned()));
        }
    }
    next.run(request).await
}

/// Server functions answer every error with 500; this sets the status the error itself calls for (401, 404,
/// 422, 429, …), so that a user mistake is never reported as a server failure.
pub async fn server_fn_error_status(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key("serverfnerror")
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, 64 * 1024).await {
        Ok(bytes) => bytes,
        Err(_) => return Response::from_parts(parts, Body::empty()),
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Every request runs to completion even when the client goes away mid-request. A request future dropped
/// inside a transaction leaves the rollback for whenever its pooled connection is next used, and on SQLite
/// that idle connection keeps the write lock until then: under load other writers waited out the busy
/// timeout and failed (the benchmark saw it when its load generator stopped). Page loads write too (a
/// transparent token refresh), so this wraps every request, outside the identity middleware.
pub async fn run_to_completion(request: Request, next: Next) -> Response {
    match tokio::spawn(next.run(request)).await {
        Ok(response) => response,
        Err(error) => {
            tracing::error!(%error, "request handler failed");
            let mut response = Response::new(Body::empty());
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response
        }
    }
}
