//! 공감 (likes) and 스크랩 (scraps). A like is an insert that the primary key allows once per student, and
//! the counter moves in the same transaction by `n = n + 1`, so counts stay exact under concurrent likes.

use super::Db;
use crate::error::AppError;
use crate::text::community as t;

/// Likes that put a post on HOT and on BEST.
pub const HOT_LIKES: i64 = 10;
pub const BEST_LIKES: i64 = 100;

/// Likes a post (not one's own, once). Returns the new like count. Crossing the HOT and BEST thresholds
/// stamps the post; a board excluded from HOT (장터, 홍보, 동아리·학회) is excluded from HOT only.
pub async fn like_post(
    db: &Db,
    school_id: i64,
    post_id: i64,
    user_id: i64,
    now: i64,
) -> Result<i64, AppError> {
    let mut tx = db.begin_write().await?;
    let post: Option<(i64, i64)> = sqlx::query_as(
        "SELECT p.author_id, b.hot_excluded FROM posts p JOIN boards b ON b.id = p.board_id \
         WHERE p.id = $1 AND p.school_id = $2 AND p.deleted_at IS NULL AND p.is_hidden = 0",
    )
    .bind(post_id)
    .bind(school_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (author_id, hot_excluded) = post.ok_or(AppError::NotFound)?;
    if author_id == user_id {
        return Err(AppError::Forbidden(t::OWN_LIKE.into()));
    }
    let inserted = sqlx::query(
        "INSERT INTO post_likes (post_id, user_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (post_id, user_id) DO NOTHING",
    )
    .bind(post_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(AppError::Conflict(t::ALREADY_LIKED.into()));
    }
    let likes: i64 = sqlx::query_scalar(
        "UPDATE posts SET like_count = like_count + 1, \
            hot_at = CASE WHEN hot_at IS NULL AND $2 = 0 AND like_count + 1 >= $3 THEN $4 ELSE hot_at END, \
            best_at = CASE WHEN best_at IS NULL AND like_count + 1 >= $5 THEN $4 ELSE best_at END \
         WHERE id = $1 RETURNING like_count",
    )
    .bind(post_id)
    .bind(hot_excluded)
    .bind(HOT_LIKES)
    .bind(now)
    .bind(BEST_LIKES)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(likes)
}

/// Likes a comment (not one's own, once). Returns the new like count.
pub async fn like_comment(
    db: &Db,
    school_id: i64,
    comment_id: i64,
    user_id: i64,
    now: i64,
) -> Result<i64, AppError> {
    let mut tx = db.begin_write().await?;
    let author: Option<i64> = sqlx::query_scalar(
        "SELECT c.author_id FROM comments c JOIN posts p ON p.id = c.post_id \
         WHERE c.id = $1 AND p.school_id = $2 AND c.deleted_at IS NULL AND p.deleted_at IS NULL \
           AND c.is_hidden = 0 AND p.is_hidden = 0",
    )
    .bind(comment_id)
    .bind(school_id)
    .fetch_optional(&mut *tx)
    .await?;
    if author.ok_or(AppError::NotFound)? == user_id {
        return Err(AppError::Forbidden(t::OWN_LIKE_COMMENT.into()));
    }
    let inserted = sqlx::query(
        "INSERT INTO comment_likes (comment_id, user_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (comment_id, user_id) DO NOTHING",
    )
    .bind(comment_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(AppError::Conflict(t::ALREADY_LIKED_COMMENT.into()));
    }
    let likes: i64 = sqlx::query_scalar(
        "UPDATE comments SET like_count = like_count + 1 WHERE id = $1 RETURNING like_count",
    )
    .bind(comment_id)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(likes)
}

/// Scraps or un-scraps a post (not one's own). Returns whether it is scrapped now. Repeating either is
/// harmless. Likes and new scraps skip posts (and comments) hidden by reports: they are frozen until an admin
/// reviews them, as if gone; an existing scrap can still be removed.
pub async fn set_scrap(
    db: &Db,
    school_id: i64,
    post_id: i64,
    user_id: i64,
    scrapped: bool,
    now: i64,
) -> Result<bool, AppError> {
    let mut tx = db.begin_write().await?;
    let author: Option<i64> = sqlx::query_scalar(
        "SELECT author_id FROM posts WHERE id = $1 AND school_id = $2 AND deleted_at IS NULL \
         AND (is_hidden = 0 OR $3 = 0)",
    )
    .bind(post_id)
    .bind(school_id)
    .bind(i64::from(scrapped))
    .fetch_optional(&mut *tx)
    .await?;
    if author.ok_or(AppError::NotFound)? == user_id {
        return Err(AppError::Forbidden(t::OWN_SCRAP.into()));
    }
    let changed = if scrapped {
        sqlx::query(
            "INSERT INTO scraps (user_id, post_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id, post_id) DO NOTHING",
        )
        .bind(user_id)
        .bind(post_id)
        .bind(now)
        .execute(&mut *tx)
        .await?
    } else {
        sqlx::query("DELETE FROM scraps WHERE user_id = $1 AND post_id = $2")
            .bind(user_id)
            .bind(post_id)
            .execute(&mut *tx)
            .await?
    };
    if changed.rows_affected() == 1 {
        let delta = if scrapped { 1 } else { -1 };
        sqlx::query("UPDATE posts SET scrap_count = scrap_count + $1 WHERE id = $2")
            .bind(delta)
            .bind(post_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(scrapped)
}
