//! `GET /timetables/{id}/image.svg`: a timetable saved as an image (`server::timetable_svg` draws it).
//!
//! It answers exactly whom the link's page shows the timetable to (`server::timetable::linked`), and a plain
//! 404 to everyone else, hidden or unknown alike: an image has no place for the page's notes, and a
//! different answer would tell a stranger the timetable exists. It is never cached (`private, no-store`),
//! since the owner may make it 비공개 at any moment. With `?download=1` the browser saves it as a file named
//! after the timetable.

use axum::extract::{Path, Query, Request, State};
use axum::response::{IntoResponse, Response};
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use http::HeaderValue;
use serde::Deserialize;

use crate::error::AppError;
use crate::server::auth::identity::Identity;
use crate::server::state::AppState;
use crate::server::{timetable, timetable_svg};

#[derive(Deserialize)]
pub struct ImageQuery {
    /// `1` asks for a download (`Content-Disposition: attachment`) rather than showing the image.
    download: Option<String>,
}

pub async fn image(
    State(state): State<AppState>,
    Path(timetable_id): Path<i64>,
    Query(query): Query<ImageQuery>,
    request: Request,
) -> Response {
    let Some(Identity::Student { me, .. }) = request.extensions().get::<Identity>().cloned() else {
        return AppError::Unauthorized.into_response();
    };
    let (owner, timetable) = match timetable::linked_image(&state, &me, timetable_id).await {
        Ok(found) => found,
        Err(error) => return error.into_response(),
    };
    let mut response = timetable_svg::draw(&owner, &timetable).into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("image/svg+xml; charset=utf-8"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    if query.download.as_deref() == Some("1") {
        let file = format!("{}.svg", timetable.summary.name);
        // RFC 6266: an ASCII name for old clients, the real (Korean) one percent-encoded as UTF-8.
        let disposition =
            format!("attachment; filename=\"timetable.svg\"; filename*=UTF-8''{}", percent_encoded(&file));
        if let Ok(value) = HeaderValue::from_str(&disposition) {
            headers.insert(CONTENT_DISPOSITION, value);
        }
    }
    response
}

/// Every byte but RFC 5987's unreserved characters as `%XX`.
fn percent_encoded(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (byte as char).to_string(),
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_are_percent_encoded_as_utf8() {
        assert_eq!(super::percent_encoded("내 시간표.svg"), "%EB%82%B4%20%EC%8B%9C%EA%B0%84%ED%91%9C.svg");
    }
}
