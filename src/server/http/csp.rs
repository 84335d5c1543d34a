//! The Content-Security-Policy of HTML pages, with a fresh nonce per page for the inline scripts Leptos writes.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::header::CONTENT_TYPE;
use http::HeaderValue;

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
