//! Comments and replies, and the anonymous numbers of a post's commenters.

use serde::Deserialize;
use sqlx::{AnyConnection, FromRow};

use super::{json_rows, visible_to_viewer, Db, Dialects, Flag};

/// A comment as stored, with what labelling it needs. Server-only: it carries the author's id.
#[derive(Debug, Deserialize)]
pub struct CommentRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    /// `NULL` for anonymous comments.
    pub author_nickname: Option<String>,
    /// The author's anonymous number on this post, for anonymous comments that have one.
    pub anon_number: Option<i64>,
    pub body: String,
    pub is_anonymous: Flag,
    pub like_count: i64,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub deleted_at: Option<i64>,
    pub liked_by_viewer: Flag,
}

/// A post's thread as one JSON array of [`CommentRow`]s, in order: one row however long the thread.
const THREAD: Dialects = json_rows!(
    concat!(
        "'id', t.id, 'parent_id', t.parent_id, 'author_id', t.author_id, ",
        "'author_nickname', t.author_nickname, 'anon_number', t.anon_number, 'body', t.body, ",
        "'is_anonymous', t.is_anonymous, 'like_count', t.like_count, 'created_at', t.created_at, ",
        "'edited_at', t.edited_at, 'deleted_at', t.deleted_at, 'liked_by_viewer', t.liked_by_viewer"
    ),
    "t.id",
    concat!(
        "SELECT c.id, c.parent_id, c.author_id, ",
        "CASE WHEN c.is_anonymous = 0 THEN u.nickname END AS author_nickname, ",
        "CASE WHEN c.is_anonymous = 1 THEN n.number END AS anon_number, ",
        "c.body, c.is_anonymous, c.like_count, c.created_at, c.edited_at, c.deleted_at, ",
        "(SELECT COUNT(*) FROM comment_likes l WHERE l.comment_id = c.id AND l.user_id = $2) ",
        "AS liked_by_viewer ",
        "FROM comments c JOIN users u ON u.id = c.author_id ",
        "LEFT JOIN post_anon_numbers n ON n.post_id = c.post_id AND n.user_id = c.author_id ",
        "WHERE c.post_id = $1 AND ",
        visible_to_viewer!("c")
    )
);

/// Every comment of a post in order, deleted ones included (the view decides what becomes a tombstone).
pub async fn for_post(db: &Db, post_id: i64, viewer_id: i64) -> Result<Vec<CommentRow>, sqlx::Error> {
    let thread: String = sqlx::query_scalar(db.backend().text_of(THREAD))
        .bind(post_id)
        .bind(viewer_id)
        .fetch_one(db.pool())
        .await?;
    serde_json::from_str(&thread).map_err(|error| sqlx::Error::Decode(error.into()))
}

/// What a new comment is decided on: the post it goes under, if it is live, visible and of the school.
#[derive(Debug, FromRow)]
pub struct CommentedPost {
    pub author_id: i64,
    pub is_anonymous: Flag,
    /// The board's anonymity code (see `model::community::Anonymity`).
    pub board_anonymity: i64,
}

pub async fn commented_post(
    conn: &mut AnyConnection,
    school_id: i64,
    post_id: i64,
) -> Result<Option<CommentedPost>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.author_id, p.is_anonymous, b.anonymity AS board_anonymity \
         FROM posts p JOIN boards b ON b.id = p.board_id \
         WHERE p.id = $1 AND p.school_id = $2 AND p.deleted_at IS NULL AND p.is_hidden = 0",
    )
    .bind(post_id)
    .bind(school_id)
    .fetch_optional(conn)
    .await
}

/// A live comment of the post that a reply answers.
#[derive(Debug, FromRow)]
pub struct RepliedComment {
    /// `None` for a top-level comment.
    pub parent_id: Option<i64>,
    pub author_id: i64,
}

/// The live comment of the post with this id, or `None` when there is no such live comment.
pub async fn replied_comment(
    conn: &mut AnyConnection,
    post_id: i64,
    comment_id: i64,
) -> Result<Option<RepliedComment>, sqlx::Error> {
    sqlx::query_as(
        "SELECT parent_id, author_id FROM comments WHERE id = $1 AND post_id = $2 AND deleted_at IS NULL",
    )
    .bind(comment_id)
    .bind(post_id)
    .fetch_optional(conn)
    .await
}

/// Gives the student an anonymous number on the post unless they have one. The post's `anon_seq` is
/// incremented (its row lock serialises concurrent commenters, so no two get the same number) and the
/// number is stored per (post, student), so it stays theirs and is never handed out again.
pub async fn assign_anon_number(
    conn: &mut AnyConnection,
    post_id: i64,
    user_id: i64,
) -> Result<(), sqlx::Error> {
    let existing: Option<i64> =
        sqlx::query_scalar("SELECT number FROM post_anon_numbers WHERE post_id = $1 AND user_id = $2")
            .bind(post_id)
            .bind(user_id)
            .fetch_optional(&mut *conn)
            .await?;
    if existing.is_some() {
        return Ok(());
    }
    let number: i64 =
        sqlx::query_scalar("UPDATE posts SET anon_seq = anon_seq + 1 WHERE id = $1 RETURNING anon_seq")
            .bind(post_id)
            .fetch_one(&mut *conn)
            .await?;
    // If the same student's other comment won the race, theirs stands and this number is simply skipped.
    sqlx::query(
        "INSERT INTO post_anon_numbers (post_id, user_id, number) VALUES ($1, $2, $3) \
         ON CONFLICT (post_id, user_id) DO NOTHING",
    )
    .bind(post_id)
    .bind(user_id)
    .bind(number)
    .execute(conn)
    .await?;
    Ok(())
}

pub struct NewComment<'a> {
    pub post_id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub body: &'a str,
    pub anonymous: bool,
}

/// Stores a comment, counts it on its post and dates the post's first comment.
pub async fn insert(
    conn: &mut AnyConnection,
    comment: &NewComment<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO comments (post_id, parent_id, author_id, body, is_anonymous, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(comment.post_id)
    .bind(comment.parent_id)
    .bind(comment.author_id)
    .bind(comment.body)
    .bind(Flag(comment.anonymous))
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE posts SET comment_count = comment_count + 1, \
         first_comment_at = COALESCE(first_comment_at, $2) WHERE id = $1",
    )
    .bind(comment.post_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(id)
}

/// The author and post of a live comment on a live post of the school.
pub async fn authorship(
    conn: &mut AnyConnection,
    school_id: i64,
    comment_id: i64,
) -> Result<Option<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.author_id, c.post_id FROM comments c JOIN posts p ON p.id = c.post_id \
         WHERE c.id = $1 AND p.school_id = $2 AND c.deleted_at IS NULL AND p.deleted_at IS NULL",
    )
    .bind(comment_id)
    .bind(school_id)
    .fetch_optional(conn)
    .await
}

pub async fn update(
    conn: &mut AnyConnection,
    comment_id: i64,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE comments SET body = $1, edited_at = $2 WHERE id = $3")
        .bind(body)
        .bind(now)
        .bind(comment_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// What a deleted comment was, for what depends on it (the post's 실시간 인기 score).
#[derive(Debug)]
pub struct RemovedComment {
    pub post_id: i64,
    pub author_id: i64,
    pub created_at: i64,
    pub post_author_id: i64,
}

/// Marks a comment deleted and takes it out of its post's comment count. A comment with replies stays as a
/// tombstone above them; one without disappears (the view decides, from `deleted_at` and the replies).
pub async fn soft_delete(
    conn: &mut AnyConnection,
    comment_id: i64,
    now: i64,
) -> Result<RemovedComment, sqlx::Error> {
    let (post_id, author_id, created_at): (i64, i64, i64) = sqlx::query_as(
        "UPDATE comments SET deleted_at = $1 WHERE id = $2 RETURNING post_id, author_id, created_at",
    )
    .bind(now)
    .bind(comment_id)
    .fetch_one(&mut *conn)
    .await?;
    let post_author_id = sqlx::query_scalar(
        "UPDATE posts SET comment_count = comment_count - 1 WHERE id = $1 RETURNING author_id",
    )
    .bind(post_id)
    .fetch_one(conn)
    .await?;
    Ok(RemovedComment { post_id, author_id, created_at, post_author_id })
}
