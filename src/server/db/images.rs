//! Photo rows (`images`): waiting uploads, a post's strip, and what a request may be served. The bytes are
//! elsewhere (`server::images::store`). Rows carry `uploader_id`, which never leaves the server.

use sqlx::{AnyConnection, FromRow};

use super::{visible_to_viewer, Db};

/// Uploads left unattached this long are abandoned drafts' and are swept.
pub const WAITING_SECONDS: i64 = 24 * 3600;

pub struct NewImage<'a> {
    pub school_id: i64,
    pub uploader_id: i64,
    pub digest: &'a str,
    pub media_type: &'a str,
    pub width: u32,
    pub height: u32,
}

pub async fn insert(conn: &mut AnyConnection, image: &NewImage<'_>, now: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO images (school_id, uploader_id, digest, media_type, width, height, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(image.school_id)
    .bind(image.uploader_id)
    .bind(image.digest)
    .bind(image.media_type)
    .bind(i64::from(image.width))
    .bind(i64::from(image.height))
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Removes a row whose bytes could not be stored.
pub async fn remove(db: &Db, image_id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM images WHERE id = $1").bind(image_id).execute(&mut *tx).await?;
    tx.commit().await
}

/// How many uploads the student has waiting for a post.
pub async fn waiting_count(conn: &mut AnyConnection, uploader_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM images WHERE uploader_id = $1 AND post_id IS NULL")
        .bind(uploader_id)
        .fetch_one(conn)
        .await
}

/// Deletes up to `limit` waiting uploads older than `before` (of anyone) and returns their ids, whose bytes
/// the caller then removes from the store.
pub async fn sweep_abandoned(
    conn: &mut AnyConnection,
    before: i64,
    limit: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM images WHERE post_id IS NULL AND created_at < $1 ORDER BY id LIMIT $2",
    )
    .bind(before)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    // Only the rows really deleted: one its uploader's post attached meanwhile stays, and so do its bytes.
    let mut swept = Vec::with_capacity(ids.len());
    for id in ids {
        let done = sqlx::query("DELETE FROM images WHERE id = $1 AND post_id IS NULL")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        if done.rows_affected() == 1 {
            swept.push(id);
        }
    }
    Ok(swept)
}

/// Attaches the uploader's waiting image to a post at `position` and returns its digest; `None` when it is
/// not theirs, not waiting (already on a post, swept) or gone. The `post_id IS NULL` condition makes two
/// posts racing for one upload safe: the second update finds the row taken and changes nothing.
pub async fn attach(
    conn: &mut AnyConnection,
    image_id: i64,
    uploader_id: i64,
    post_id: i64,
    position: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE images SET post_id = $1, position = $2 WHERE id = $3 AND uploader_id = $4 AND post_id IS NULL \
         RETURNING digest",
    )
    .bind(post_id)
    .bind(position)
    .bind(image_id)
    .bind(uploader_id)
    .fetch_optional(conn)
    .await
}

/// Stores the list's thumbnail key and the count on the post.
pub async fn set_cover(
    conn: &mut AnyConnection,
    post_id: i64,
    cover: Option<&str>,
    count: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE posts SET cover_image = $1, image_count = $2 WHERE id = $3")
        .bind(cover)
        .bind(count)
        .bind(post_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes a post's image rows (the post is being deleted) and returns their ids.
pub async fn detach_all(conn: &mut AnyConnection, post_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM images WHERE post_id = $1")
        .bind(post_id)
        .fetch_all(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM images WHERE post_id = $1").bind(post_id).execute(&mut *conn).await?;
    set_cover(conn, post_id, None, 0).await?;
    Ok(ids)
}

#[derive(Debug, FromRow)]
pub struct ImageRow {
    pub id: i64,
    pub digest: String,
    pub width: i64,
    pub height: i64,
}

/// A post's photos in strip order.
pub async fn of_post(db: &Db, post_id: i64) -> Result<Vec<ImageRow>, sqlx::Error> {
    sqlx::query_as("SELECT id, digest, width, height FROM images WHERE post_id = $1 ORDER BY position")
        .bind(post_id)
        .fetch_all(db.pool())
        .await
}

const SERVABLE: &str = concat!(
    "SELECT i.media_type FROM images i LEFT JOIN posts p ON p.id = i.post_id ",
    "WHERE i.id = $1 AND i.digest = $3 AND i.school_id = $4 AND (",
    "(i.post_id IS NULL AND i.uploader_id = $2) OR ",
    "(p.deleted_at IS NULL AND ",
    visible_to_viewer!("p"),
    "))"
);

/// The full size's media type of an image the viewer may be served, or `None`: a photo shows to the members
/// of its school while its post is live and visible to them (a hidden post's to its author and admins), and
/// a waiting upload to its uploader only. A wrong digest is `None` like a missing image.
pub async fn servable(
    db: &Db,
    image_id: i64,
    digest: &str,
    viewer_id: i64,
    school_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(SERVABLE)
        .bind(image_id)
        .bind(viewer_id)
        .bind(digest)
        .bind(school_id)
        .fetch_optional(db.pool())
        .await
}
