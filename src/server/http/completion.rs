//! Requests that run to completion even when their client goes away.

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::StatusCode;

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
