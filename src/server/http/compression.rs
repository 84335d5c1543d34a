//! Compressing what the server renders (pages, server-function answers, the service worker) for clients
//! that accept gzip. The bundle under `/pkg` is not compressed here: its copies are compressed once, with
//! brotli at its highest quality (see `server::bundle`).
//!
//! Rendered responses use gzip at level 1 (no brotli): measured on a board page of 20 KB, brotli at
//! quality 4 took 0.17–0.20 ms and allocated and cleared its tables for every response (a fifth of the
//! page's CPU), gzip 1 took 0.035 ms; the page grew from 2.5 to 3.0 KB, which a phone on slow 4G receives in
//! under a millisecond more. Bodies are complete when they get here (every route renders fully before it is
//! sent), so they are compressed in one pass.

use std::io::Write as _;

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::header::{HeaderMap, ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, VARY};
use http::HeaderValue;

/// Bodies smaller than this go as they are: compression would not pay for its headers.
const MIN_BYTES: usize = 1024;
/// The largest body collected for compression (the longest thread is a few hundred KB).
const MAX_BYTES: usize = 16 * 1024 * 1024;
const GZIP_LEVEL: u32 = 1;

/// Whether the client accepts gzip with a non-zero quality.
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers.get_all(ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(
        |item| {
            let mut parts = item.split(';').map(str::trim);
            let coding = parts.next().unwrap_or_default();
            let quality =
                parts.find_map(|p| p.strip_prefix("q=")).and_then(|q| q.parse::<f32>().ok()).unwrap_or(1.0);
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && quality > 0.0
        },
    )
}

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4),
        flate2::Compression::new(GZIP_LEVEL),
    );
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// Whether a response of this type is text worth compressing (images and event streams are not).
fn compressible(headers: &HeaderMap) -> bool {
    let kind = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    [
        "text/html",
        "text/javascript",
        "application/json",
        "application/manifest+json",
        "text/css",
        "text/plain",
    ]
    .iter()
    .any(|compressible| kind.starts_with(compressible))
}

pub async fn compress(request: Request, next: Next) -> Response {
    let wanted = accepts_gzip(request.headers());
    let mut response = next.run(request).await;
    response.headers_mut().append(VARY, HeaderValue::from_static("accept-encoding"));
    if !wanted || response.headers().contains_key(CONTENT_ENCODING) || !compressible(response.headers()) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, MAX_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "could not read a response body to compress it");
            return Response::from_parts(parts, Body::empty());
        }
    };
    if bytes.len() < MIN_BYTES {
        return Response::from_parts(parts, Body::from(bytes));
    }
    match gzip(&bytes) {
        Ok(compressed) => {
            parts.headers.insert(CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            parts.headers.insert(CONTENT_LENGTH, HeaderValue::from(compressed.len()));
            Response::from_parts(parts, Body::from(compressed))
        }
        Err(error) => {
            tracing::error!(%error, "compression failed; the response goes uncompressed");
            Response::from_parts(parts, Body::from(bytes))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> bool {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT_ENCODING, HeaderValue::from_str(value).expect("header"));
        accepts_gzip(&headers)
    }

    #[test]
    fn gzip_is_used_only_when_accepted_with_a_non_zero_quality() {
        assert!(accepting("gzip, deflate, br"));
        assert!(accepting("GZIP;q=0.5"));
        assert!(accepting("*"));
        assert!(!accepting("br"));
        assert!(!accepting("gzip;q=0, br"));
        assert!(!accepting("identity"));
    }

    #[test]
    fn compressed_bodies_decompress_to_the_original() {
        let page = "<p>게시판 글 목록</p>".repeat(500);
        let gz = gzip(page.as_bytes()).expect("gzip");
        assert!(gz.len() < page.len() / 10);
        let mut unpacked = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut unpacked)
            .expect("gunzip");
        assert_eq!(unpacked, page);
    }
}
