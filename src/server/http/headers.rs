//! Middleware that shapes every response: security headers, caching, cross-site write refusal, and the HTTP
//! status of server-function errors.

use axum::body::{to_bytes, Body, HttpBody};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::header::{CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE, HOST, ORIGIN};
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

/// Reads the whole body of a server-function call before the call sees it, and refuses what the
/// server-function layer would mishandle: a body over the limit, declared or streamed, is a 413; a body that
/// is not UTF-8 text, as sent or once its percent-escapes are decoded, is a 400. Both answer with an
/// [`AppError`] like any other refusal. Without this, a streamed body over the limit and raw non-UTF-8
/// bytes came back as a 502 (read as "cannot reach the server"), an oversized body with a declared length as
/// a plain-text 413, and percent-encoded invalid bytes (`%FF`) were quietly turned into U+FFFD and stored.
pub async fn read_call_body(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let limit = super::MAX_BODY_BYTES;
    let declared = request.headers().get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return super::error_response(&AppError::PayloadTooLarge);
    }
    let (parts, mut body) = request.into_parts();
    let mut bytes = Vec::new();
    while let Some(frame) = std::future::poll_fn(|cx| std::pin::Pin::new(&mut body).poll_frame(cx)).await {
        let Ok(frame) = frame else {
            return super::error_response(&AppError::BadRequest(text::errors::BAD_REQUEST.to_owned()));
        };
        if let Ok(data) = frame.into_data() {
            if bytes.len() + data.len() > limit {
                return super::error_response(&AppError::PayloadTooLarge);
            }
            bytes.extend_from_slice(&data);
        }
    }
    if std::str::from_utf8(&bytes).is_err() || std::str::from_utf8(&percent_decode(&bytes)).is_err() {
        return super::error_response(&AppError::BadRequest(text::errors::NOT_UTF8.to_owned()));
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

/// A form body with its percent-escapes and `+` decoded; a `%` without two hex digits stays as it is, as
/// the form parser leaves it. Separators are ASCII, so the whole body is valid UTF-8 exactly when every
/// decoded name and value is.
fn percent_decode(bytes: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
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
