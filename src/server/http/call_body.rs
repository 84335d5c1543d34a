//! Server-function bodies, read whole before the call: size and encoding refused with an [`AppError`].

use axum::body::{Body, HttpBody};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::CONTENT_LENGTH;

use crate::error::AppError;
use crate::text;

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
        return AppError::PayloadTooLarge.into_response();
    }
    let (parts, mut body) = request.into_parts();
    let mut bytes = Vec::new();
    while let Some(frame) = std::future::poll_fn(|cx| std::pin::Pin::new(&mut body).poll_frame(cx)).await {
        let Ok(frame) = frame else {
            return AppError::BadRequest(text::errors::BAD_REQUEST.to_owned()).into_response();
        };
        if let Ok(data) = frame.into_data() {
            if bytes.len() + data.len() > limit {
                return AppError::PayloadTooLarge.into_response();
            }
            bytes.extend_from_slice(&data);
        }
    }
    if std::str::from_utf8(&bytes).is_err() || std::str::from_utf8(&percent_decode(&bytes)).is_err() {
        return AppError::BadRequest(text::errors::NOT_UTF8.to_owned()).into_response();
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
