//! Comments and replies, and the anonymous numbers of a post's commenters.

use sqlx::FromRow;

use super::{throttle, Db, Tx};
use crate::error::AppError;
use crate::model::community::Anonymity;
use crate::server::config::RateLimit;
use crate::text::community as t;

/// A comment as stored, with what labelling it needs. Server-only: it carries the author's id.
#[derive(Debug, FromRow)]
pub struct CommentRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    /// `NULL` for anonymous comments.
    pub author_nickname: Option<String>,
    /// The author's anonymous number on this post, for anonymous comments (none for the author of an
    /// anonymous post, who shows as 익명(글쓴이)).
    pub anon_number: Option<i64>,
    pub body: String,
    pub is_anonymous: i64,
    pub like_count: i64,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub deleted_at: Option<i64>,
    /// Whether the viewer liked it (0 or 1).
    pub liked_by_viewer: i64,
}

/// Every comment of a post in order, deleted ones included (the view decides what becomes a tombstone).
pub async fn for_post(db: &Db, post_id: i64, viewer_id: i64) -> Result<Vec<CommentRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.id, c.parent_id, c.author_id, \
                CASE WHEN c.is_anonymous = 0 THEN u.nickname END AS author_nickname, \
                CASE WHEN c.is_anonymous = 1 THEN n.number END AS anon_number, \
                c.body, c.is_anonymous, c.like_count, c.created_at, c.edited_at, c.deleted_at, \
                (SELECT COUNT(*) FROM comment_likes l WHERE l.comment_id = c.id AND l.user_id = $2) AS liked_by_viewer \
         FROM comments c JOIN users u ON u.id = c.author_id \
         LEFT JOIN post_anon_numbers n ON n.post_id = c.post_id AND n.user_id = c.author_id \
         WHERE c.post_id = $1 \
           AND (c.is_hidden = 0 OR c.author_id = $2 OR EXISTS (SELECT 1 FROM users a WHERE a.id = $2 AND a.is_admin = 1)) \
         ORDER BY c.id",
    )
    .bind(post_id)
    .bind(viewer_id)
    .fetch_all(db.pool())
    .await
}

pub struct NewComment<'a> {
    pub school_id: i64,
    pub post_id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub body: &'a str,
    pub anonymous: bool,
}

/// Stores a comment and bumps the post's comment count, in one transaction.
///
/// Replies are one level deep: a reply to a reply attaches to the same top-level comment. An anonymous
/// commenter other than the post's author gets a number at their first anonymous comment on the post: the
/// post's `anon_seq` is incremented (the row lock serialises concurrent commenters, so no two get the same
/// number) and the number is stored per (post, user), so it stays theirs and is never handed out again.
///
/// The post's own author takes no number on an anonymous post, where they show as 익명(글쓴이); on a named
/// post everyone knows who the author is, so the author's anonymous comment is numbered like anyone else's.
///
/// Each student may write at most `limit` comments per window, counted in the same transaction. The
/// transaction holds the post's row lock, so a question post's lock never races its first comment.
pub async fn create(db: &Db, comment: NewComment<'_>, limit: RateLimit, now: i64) -> Result<i64, AppError> {
    let mut tx = db.begin_for_post(comment.post_id).await?;
    let post: Option<(i64, i64, i64)> = sqlx::query_as(
        "SELECT p.author_id, p.is_anonymous, b.anonymity FROM posts p JOIN boards b ON b.id = p.board_id \
         WHERE p.id = $1 AND p.school_id = $2 AND p.deleted_at IS NULL AND p.is_hidden = 0",
    )
    .bind(comment.post_id)
    .bind(comment.school_id)
    .fetch_optional(&mut *tx)
    .await?;
    // A post hidden by reports is frozen until an admin reviews it: nobody adds to it meanwhile.
    let (post_author, post_is_anonymous, anonymity) = post.ok_or(AppError::NotFound)?;
    let anonymous = Anonymity::from_code(anonymity).resolve(comment.anonymous);

    let parent_id = match comment.parent_id {
        None => None,
        Some(parent_id) => {
            let parent: Option<Option<i64>> = sqlx::query_scalar(
                "SELECT parent_id FROM comments WHERE id = $1 AND post_id = $2 AND deleted_at IS NULL",
            )
            .bind(parent_id)
            .bind(comment.post_id)
            .fetch_optional(&mut *tx)
            .await?;
            let grandparent = parent.ok_or(AppError::NotFound)?;
            Some(grandparent.unwrap_or(parent_id))
        }
    };

    throttle::take(&mut tx, limit, throttle::Action::Comment, &comment.author_id.to_string(), now).await?;
    let shown_as_post_author = comment.author_id == post_author && post_is_anonymous != 0;
    if anonymous && !shown_as_post_author {
        assign_anon_number(&mut tx, comment.post_id, comment.author_id).await?;
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO comments (post_id, parent_id, author_id, body, is_anonymous, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(comment.post_id)
    .bind(parent_id)
    .bind(comment.author_id)
    .bind(comment.body)
    .bind(i64::from(anonymous))
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE posts SET comment_count = comment_count + 1, \
         first_comment_at = COALESCE(first_comment_at, $2) WHERE id = $1",
    )
    .bind(comment.post_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

async fn assign_anon_number(tx: &mut Tx, post_id: i64, user_id: i64) -> Result<(), sqlx::Error> {
    let existing: Option<i64> =
        sqlx::query_scalar("SELECT number FROM post_anon_numbers WHERE post_id = $1 AND user_id = $2")
            .bind(post_id)
            .bind(user_id)
            .fetch_optional(&mut **tx)
            .await?;
    if existing.is_some() {
        return Ok(());
    }
    let number: i64 =
        sqlx::query_scalar("UPDATE posts SET anon_seq = anon_seq + 1 WHERE id = $1 RETURNING anon_seq")
            .bind(post_id)
            .fetch_one(&mut **tx)
            .await?;
    // If the same student's other comment won the race, theirs stands and this number is simply skipped.
    sqlx::query(
        "INSERT INTO post_anon_numbers (post_id, user_id, number) VALUES ($1, $2, $3) \
         ON CONFLICT (post_id, user_id) DO NOTHING",
    )
    .bind(post_id)
    .bind(user_id)
    .bind(number)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Loads a live comment of a live post of the school and checks that `user_id` wrote it; returns its post.
async fn own_comment(tx: &mut Tx, school_id: i64, comment_id: i64, user_id: i64) -> Result<i64, AppError> {
    let row: Option<(i64, i64)> = sqlx::query_as(
        "SELECT c.author_id, c.post_id FROM comments c JOIN posts p ON p.id = c.post_id \
         WHERE c.id = $1 AND p.school_id = $2 AND c.deleted_at IS NULL AND p.deleted_at IS NULL",
    )
    .bind(comment_id)
    .bind(school_id)
    .fetch_optional(&mut **tx)
    .await?;
    let (author_id, post_id) = row.ok_or(AppError::NotFound)?;
    if author_id != user_id {
        return Err(AppError::Forbidden(t::NOT_YOUR_COMMENT.into()));
    }
    Ok(post_id)
}

pub async fn update(
    db: &Db,
    school_id: i64,
    comment_id: i64,
    user_id: i64,
    body: &str,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    own_comment(&mut tx, school_id, comment_id, user_id).await?;
    sqlx::query("UPDATE comments SET body = $1, edited_at = $2 WHERE id = $3")
        .bind(body)
        .bind(now)
        .bind(comment_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Soft delete. A comment with replies stays as a tombstone above them; one without disappears (the view
/// decides, from `deleted_at` and the replies).
pub async fn delete(
    db: &Db,
    school_id: i64,
    comment_id: i64,
    user_id: i64,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    own_comment(&mut tx, school_id, comment_id, user_id).await?;
    soft_delete(&mut tx, comment_id, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Marks a comment deleted and takes it out of its post's comment count (by its author or an admin).
pub async fn soft_delete(tx: &mut Tx, comment_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE comments SET deleted_at = $1 WHERE id = $2")
        .bind(now)
        .bind(comment_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE posts SET comment_count = comment_count - 1 WHERE id = (SELECT post_id FROM comments WHERE id = $1)")
        .bind(comment_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
