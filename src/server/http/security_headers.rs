//! Headers every response carries, and a cache policy by path.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::header::CACHE_CONTROL;
use http::HeaderValue;

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
