//! Photos on posts. A photo is uploaded on its own (`POST /images`, the file as the body: server-function
//! bodies stay small) and waits, seen by its uploader only, until the post that carries it is written; the
//! post's transaction attaches it. It is then served (`GET /images/<key>`, `/images/<key>/thumb`) to the
//! members of the post's school while the post is live, with a year's caching under its content-hashed URL;
//! deleting the post deletes its photos.
//!
//! Every upload is decoded and encoded anew before anything is stored ([`encode`]): metadata never survives
//! and the file as sent is never kept. Decoding runs on blocking threads, at most [`DECODES_AT_ONCE`] at a
//! time, each within a memory bound, so a burst of uploads cannot take the server's memory or its async
//! workers.

pub mod encode;
pub mod store;

use axum::body::{Body, HttpBody};
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use http::header::{CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};
use sha2::{Digest, Sha256};

use crate::error::AppError;
use crate::model::images::{ImageKey, ImageLimits, PostImage, MAX_SIDE};
use crate::model::Me;
use crate::server::auth::identity::Identity;
use crate::server::db::images::{self as rows, NewImage, WAITING_SECONDS};
use crate::server::db::throttle::Action;
use crate::server::db::Tx;
use crate::server::state::AppState;
use crate::server::{limits, now};
use crate::text::{self, images as t};
use encode::Refusal;
use store::{full_key, keys_of, thumb_key};

/// Photos decoded at once per server: each may hold up to 256 MB while it decodes.
pub const DECODES_AT_ONCE: usize = 2;
/// Waiting uploads one student may have: a post's worth a few times over (drafts in several tabs).
const WAITING_PER_POST: i64 = 3;
/// Abandoned uploads swept per upload, so that the sweep's cost stays small and bounded.
const SWEEP_BATCH: i64 = 20;
/// How far over the size limit an upload is still read to its end before it is refused (see `read_file`).
const DRAIN_BYTES: usize = 1024 * 1024;
/// Photos never change under their URL.
const CACHE_FOREVER: &str = "private, max-age=31536000, immutable";

/// The operator's limits as the write screen needs them.
pub fn limits_of(state: &AppState) -> ImageLimits {
    ImageLimits { per_post: state.config.images_per_post, max_bytes: state.config.image_max_bytes }
}

/// `POST /images`: the photo file as the request body. Answers 201 with the stored photo's [`PostImage`],
/// or an [`AppError`] whose message names what was wrong with the file.
pub async fn upload(State(state): State<AppState>, request: Request) -> Response {
    match accept(&state, request).await {
        Ok(image) => (StatusCode::CREATED, Json(image)).into_response(),
        Err(error) => error.into_response(),
    }
}

async fn accept(state: &AppState, request: Request) -> Result<PostImage, AppError> {
    let Some(Identity::Student { me, .. }) = request.extensions().get::<Identity>().cloned() else {
        return Err(AppError::Unauthorized);
    };
    let declared = request.headers().get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    let bytes = read_file(state, request.into_body(), declared).await?;
    let encoded = {
        let _turn = state.image_decodes.acquire().await.map_err(|_| AppError::Internal)?;
        tokio::task::spawn_blocking(move || encode::reencode(&bytes)).await?.map_err(refusal)?
    };
    let digest = digest_of(&encoded.full);
    let (image_id, swept) = record(state, &me, &digest, &encoded).await?;
    forget_bytes(state, &swept).await;
    let stored = async {
        state.images.put(&full_key(image_id), &encoded.full).await?;
        state.images.put(&thumb_key(image_id), &encoded.thumb).await
    };
    if let Err(error) = stored.await {
        // Without its bytes the row would be a photo that never loads; nothing else refers to it yet.
        rows::remove(&state.db, image_id).await?;
        return Err(error);
    }
    Ok(PostImage { key: ImageKey { id: image_id, digest }, width: encoded.width, height: encoded.height })
}

/// The body, refused when it exceeds the limit. A body at most [`DRAIN_BYTES`] over it is read to its end
/// (and dropped) before the refusal, so that its sender reads the message rather than a connection closed
/// under its upload; a bigger one, declared or streamed, is refused as soon as that is known, never held.
async fn read_file(state: &AppState, body: Body, declared: Option<u64>) -> Result<Vec<u8>, AppError> {
    let limits = limits_of(state);
    let too_large = || AppError::FileTooLarge(text::fill(t::TOO_LARGE_FILE, limits.max_megabytes()));
    if declared.is_some_and(|length| length > (limits.max_bytes + DRAIN_BYTES) as u64) {
        return Err(too_large());
    }
    let mut body = body;
    let mut bytes = Vec::new();
    let mut received = 0;
    while let Some(frame) = std::future::poll_fn(|cx| std::pin::Pin::new(&mut body).poll_frame(cx)).await {
        let frame = frame.map_err(|_| AppError::BadRequest(text::errors::BAD_REQUEST.to_owned()))?;
        if let Ok(data) = frame.into_data() {
            received += data.len();
            if received > limits.max_bytes + DRAIN_BYTES {
                return Err(too_large());
            }
            if received <= limits.max_bytes {
                bytes.extend_from_slice(&data);
            }
        }
    }
    if received > limits.max_bytes {
        return Err(too_large());
    }
    if bytes.is_empty() {
        return Err(AppError::field("image", t::NOT_AN_IMAGE));
    }
    Ok(bytes)
}

fn refusal(refusal: Refusal) -> AppError {
    AppError::field(
        "image",
        match refusal {
            Refusal::NotAnImage => t::NOT_AN_IMAGE.to_owned(),
            Refusal::Heic => t::HEIC.to_owned(),
            Refusal::TooManyPixels => text::fill(t::TOO_MANY_PIXELS, format_thousands(MAX_SIDE)),
            Refusal::Unreadable => t::UNREADABLE.to_owned(),
        },
    )
}

/// 10000 → "10,000".
fn format_thousands(value: u32) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The first [`ImageKey::DIGEST_LEN`] hex digits of the bytes' SHA-256.
fn digest_of(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().take(ImageKey::DIGEST_LEN / 2).map(|byte| format!("{byte:02x}")).collect()
}

/// The upload's row, under the student's row lock: counted against the hourly limit and the waiting
/// uploads' cap, with a bounded sweep of everyone's abandoned uploads. Returns the new id and the swept ids.
async fn record(
    state: &AppState,
    me: &Me,
    digest: &str,
    encoded: &encode::Encoded,
) -> Result<(i64, Vec<i64>), AppError> {
    let now = now();
    let mut tx = state.db.begin_for_student(me.id).await?;
    limits::take(&mut tx, state.config.image_upload_limit, Action::ImageUpload, &me.id.to_string(), now)
        .await?;
    let swept = rows::sweep_abandoned(&mut tx, now - WAITING_SECONDS, SWEEP_BATCH).await?;
    let per_post = state.config.images_per_post;
    if rows::waiting_count(&mut tx, me.id).await? >= WAITING_PER_POST * per_post as i64 {
        return Err(AppError::Conflict(text::fill(t::TOO_MANY, per_post)));
    }
    let image = NewImage {
        school_id: me.school_id,
        uploader_id: me.id,
        digest,
        media_type: encoded.full_type,
        width: encoded.width,
        height: encoded.height,
    };
    let id = rows::insert(&mut tx, &image, now).await?;
    tx.commit().await?;
    Ok((id, swept))
}

/// Removes deleted images' bytes. A failure leaves bytes that no row names, which nothing serves; it is
/// logged, not the student's problem.
async fn forget_bytes(state: &AppState, image_ids: &[i64]) {
    let keys: Vec<String> = image_ids.iter().flat_map(|id| keys_of(*id)).collect();
    if let Err(error) = state.images.delete(&keys).await {
        tracing::warn!(?error, "image bytes left behind");
    }
}

/// Attaches the student's uploads (ids in strip order, already checked by `model::images::parse_attachments`)
/// to their new post inside its transaction; any that is not theirs and waiting refuses the whole post.
pub async fn attach(tx: &mut Tx, me: &Me, post_id: i64, image_ids: &[i64]) -> Result<(), AppError> {
    let mut cover = None;
    for (position, &id) in image_ids.iter().enumerate() {
        let digest = rows::attach(tx, id, me.id, post_id, position as i64).await?;
        let digest = digest.ok_or_else(|| AppError::field("images", t::STALE))?;
        cover.get_or_insert(ImageKey { id, digest });
    }
    if let Some(key) = cover {
        rows::set_cover(tx, post_id, Some(&key.to_string()), image_ids.len() as i64).await?;
    }
    Ok(())
}

/// Deletes a post's photos inside the post's deleting transaction; the caller passes the returned ids to
/// [`forget`] once it has committed.
pub async fn detach(tx: &mut Tx, post_id: i64) -> Result<Vec<i64>, AppError> {
    Ok(rows::detach_all(tx, post_id).await?)
}

/// Removes the bytes of photos whose rows a committed transaction deleted.
pub async fn forget(state: &AppState, image_ids: &[i64]) {
    if !image_ids.is_empty() {
        forget_bytes(state, image_ids).await;
    }
}

/// A post's photos for its page.
pub async fn of_post(state: &AppState, post_id: i64) -> Result<Vec<PostImage>, AppError> {
    Ok(rows::of_post(&state.db, post_id)
        .await?
        .into_iter()
        .map(|row| PostImage {
            key: ImageKey { id: row.id, digest: row.digest },
            width: row.width as u32,
            height: row.height as u32,
        })
        .collect())
}

/// `GET /images/<key>`: the full size.
pub async fn full(state: State<AppState>, Path(key): Path<String>, request: Request) -> Response {
    serve(state, &key, Size::Full, request).await.unwrap_or_else(IntoResponse::into_response)
}

/// `GET /images/<key>/thumb`: the thumbnail.
pub async fn thumb(state: State<AppState>, Path(key): Path<String>, request: Request) -> Response {
    serve(state, &key, Size::Thumb, request).await.unwrap_or_else(IntoResponse::into_response)
}

#[derive(Clone, Copy)]
enum Size {
    Full,
    Thumb,
}

/// A photo the viewer may see (see `db::images::servable`); anything else is a 404 that says nothing of
/// whether the photo exists.
async fn serve(
    State(state): State<AppState>,
    key: &str,
    size: Size,
    request: Request,
) -> Result<Response, AppError> {
    let Some(Identity::Student { me, .. }) = request.extensions().get::<Identity>().cloned() else {
        return Err(AppError::Unauthorized);
    };
    let key = ImageKey::parse(key).ok_or(AppError::NotFound)?;
    let media_type = rows::servable(&state.db, key.id, &key.digest, me.id, me.school_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (store_key, media_type) = match size {
        Size::Full => (full_key(key.id), media_type),
        Size::Thumb => (thumb_key(key.id), "image/jpeg".to_owned()),
    };
    let bytes = state.images.get(&store_key).await?.ok_or(AppError::NotFound)?;
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_str(&media_type).map_err(|_| AppError::Internal)?);
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(CACHE_FOREVER));
    Ok(response)
}

#[cfg(test)]
mod tests {
    #[test]
    fn limits_read_with_thousands_separators() {
        assert_eq!(super::format_thousands(10_000), "10,000");
        assert_eq!(super::format_thousands(999), "999");
        assert_eq!(super::format_thousands(1_234_567), "1,234,567");
    }
}
