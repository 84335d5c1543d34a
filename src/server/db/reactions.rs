//! 공감 (likes) and 스크랩 (scraps). A like is an insert that the primary key allows once per student, and
//! the counter moves in the same transaction by `n = n + 1`, so counts stay exact under concurrent likes.

use sqlx::{AnyConnection, FromRow};

use super::Flag;

/// The author of a live, visible post of the school, and whether its board is left out of HOT.
pub async fn likable_post(
    conn: &mut AnyConnection,
    school_id: i64,
    post_id: i64,
) -> Result<Option<(i64, Flag)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.author_id, b.hot_excluded FROM posts p JOIN boards b ON b.id = p.board_id \
         WHERE p.id = $1 AND p.school_id = $2 AND p.deleted_at IS NULL AND p.is_hidden = 0",
    )
    .bind(post_id)
    .bind(school_id)
    .fetch_optional(conn)
    .await
}

/// The thresholds a like may carry a post over, and whether it may enter HOT at all.
pub struct Thresholds {
    pub hot_likes: i64,
    pub best_likes: i64,
    pub hot_allowed: bool,
}

/// A post's count after a like, and whether it is in HOT since this second (more than one like of the
/// same second may see it: the HOT notification is written once all the same).
#[derive(Debug, FromRow)]
pub struct LikedPost {
    pub likes: i64,
    pub entered_hot: Flag,
}

/// Records the student's like of the post, counts it, and stamps the moment the post reaches HOT or BEST;
/// `None` when they had liked it already.
pub async fn like_post(
    conn: &mut AnyConnection,
    post_id: i64,
    user_id: i64,
    thresholds: &Thresholds,
    now: i64,
) -> Result<Option<LikedPost>, sqlx::Error> {
    let inserted = sqlx::query(
        "INSERT INTO post_likes (post_id, user_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (post_id, user_id) DO NOTHING",
    )
    .bind(post_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if inserted.rows_affected() == 0 {
        return Ok(None);
    }
    let liked = sqlx::query_as(
        "UPDATE posts SET like_count = like_count + 1, \
            hot_at = CASE WHEN hot_at IS NULL AND $2 = 1 AND like_count + 1 >= $3 THEN $4 ELSE hot_at END, \
            best_at = CASE WHEN best_at IS NULL AND like_count + 1 >= $5 THEN $4 ELSE best_at END \
         WHERE id = $1 RETURNING like_count AS likes, CASE WHEN hot_at = $4 THEN 1 ELSE 0 END AS entered_hot",
    )
    .bind(post_id)
    .bind(Flag(thresholds.hot_allowed))
    .bind(thresholds.hot_likes)
    .bind(now)
    .bind(thresholds.best_likes)
    .fetch_one(conn)
    .await?;
    Ok(Some(liked))
}

/// The author of a live, visible comment under a live, visible post of the school.
pub async fn likable_comment(
    conn: &mut AnyConnection,
    school_id: i64,
    comment_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT c.author_id FROM comments c JOIN posts p ON p.id = c.post_id \
         WHERE c.id = $1 AND p.school_id = $2 AND c.deleted_at IS NULL AND p.deleted_at IS NULL \
           AND c.is_hidden = 0 AND p.is_hidden = 0",
    )
    .bind(comment_id)
    .bind(school_id)
    .fetch_optional(conn)
    .await
}

/// Records the student's like of the comment and counts it; `None` when they had liked it already.
pub async fn like_comment(
    conn: &mut AnyConnection,
    comment_id: i64,
    user_id: i64,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let inserted = sqlx::query(
        "INSERT INTO comment_likes (comment_id, user_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (comment_id, user_id) DO NOTHING",
    )
    .bind(comment_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if inserted.rows_affected() == 0 {
        return Ok(None);
    }
    let likes = sqlx::query_scalar(
        "UPDATE comments SET like_count = like_count + 1 WHERE id = $1 RETURNING like_count",
    )
    .bind(comment_id)
    .fetch_one(conn)
    .await?;
    Ok(Some(likes))
}

/// The author of a live post of the school that may be scrapped (`new` scraps skip posts hidden by
/// reports; an existing scrap can still be removed).
pub async fn scrappable_post(
    conn: &mut AnyConnection,
    school_id: i64,
    post_id: i64,
    new: bool,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT author_id FROM posts WHERE id = $1 AND school_id = $2 AND deleted_at IS NULL \
         AND (is_hidden = 0 OR $3 = 0)",
    )
    .bind(post_id)
    .bind(school_id)
    .bind(Flag(new))
    .fetch_optional(conn)
    .await
}

/// Scraps or un-scraps the post for the student and moves its counter when that changed anything.
pub async fn set_scrap(
    conn: &mut AnyConnection,
    post_id: i64,
    user_id: i64,
    scrapped: bool,
    now: i64,
) -> Result<(), sqlx::Error> {
    let changed = if scrapped {
        sqlx::query(
            "INSERT INTO scraps (user_id, post_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id, post_id) DO NOTHING",
        )
        .bind(user_id)
        .bind(post_id)
        .bind(now)
        .execute(&mut *conn)
        .await?
    } else {
        sqlx::query("DELETE FROM scraps WHERE user_id = $1 AND post_id = $2")
            .bind(user_id)
            .bind(post_id)
            .execute(&mut *conn)
            .await?
    };
    if changed.rows_affected() == 1 {
        sqlx::query("UPDATE posts SET scrap_count = scrap_count + $1 WHERE id = $2")
            .bind(if scrapped { 1 } else { -1 })
            .bind(post_id)
            .execute(conn)
            .await?;
    }
    Ok(())
}
