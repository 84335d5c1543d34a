//! Posts: writing (with the posting throttle and duplicate guard), board pages, one post, edit and delete.
//!
//! Rows here may carry `author_id`; they are server-only and turned into shared views (which never do) by
//! `server::community`.

use sqlx::FromRow;

use super::Db;
use crate::error::AppError;
use crate::model::community::PAGE_SIZE;
use crate::text::{self, community as t};

/// A post as stored, for the server's own decisions.
#[derive(Debug, FromRow)]
pub struct PostRow {
    pub id: i64,
    pub board_id: i64,
    pub author_id: i64,
    /// `NULL` for anonymous posts: the nickname is not even read for them.
    pub author_nickname: Option<String>,
    pub title: String,
    pub body: String,
    pub is_anonymous: i64,
    pub is_question: i64,
    pub like_count: i64,
    pub comment_count: i64,
    pub scrap_count: i64,
    pub is_hidden: i64,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    /// When the post got its first comment, deleted since or not: a question post is locked from then on.
    pub first_comment_at: Option<i64>,
}

/// A list entry; the body is cut to its first characters in SQL.
#[derive(Debug, FromRow)]
pub struct PostListRow {
    pub id: i64,
    pub board_name: String,
    pub author_nickname: Option<String>,
    pub title: String,
    pub body_head: String,
    pub created_at: i64,
    pub like_count: i64,
    pub comment_count: i64,
    pub is_question: i64,
}

/// Hidden (reported) posts show to their author and to admins only; `$2` is the viewer.
pub const POST_VISIBLE: &str =
    "(p.is_hidden = 0 OR p.author_id = $2 OR EXISTS (SELECT 1 FROM users a WHERE a.id = $2 AND a.is_admin = 1))";

/// The nickname of a named author only: anonymous posts get NULL here.
const AUTHOR_NICKNAME: &str = "CASE WHEN p.is_anonymous = 0 THEN u.nickname END AS author_nickname";

pub struct NewPost<'a> {
    pub board_id: i64,
    pub school_id: i64,
    pub author_id: i64,
    pub title: &'a str,
    pub body: &'a str,
    pub anonymous: bool,
    pub question: bool,
}

/// Stores a post unless the author posted on this board within `min_interval` seconds, or their previous post
/// (anywhere) has exactly this title and body. The checks and the insert share one write transaction that
/// holds the author's row lock, so two quick submissions take turns and cannot both pass.
pub async fn create(db: &Db, post: NewPost<'_>, now: i64, min_interval: i64) -> Result<i64, AppError> {
    let mut tx = db.begin_for_student(post.author_id).await?;
    let last_here: Option<i64> =
        sqlx::query_scalar("SELECT MAX(created_at) FROM posts WHERE author_id = $1 AND board_id = $2")
            .bind(post.author_id)
            .bind(post.board_id)
            .fetch_one(&mut *tx)
            .await?;
    if let Some(last) = last_here.filter(|last| now - last < min_interval) {
        return Err(AppError::TooManyRequests(text::fill(t::POSTING_TOO_FAST, min_interval - (now - last))));
    }
    let previous: Option<(String, String)> =
        sqlx::query_as("SELECT title, body FROM posts WHERE author_id = $1 ORDER BY id DESC LIMIT 1")
            .bind(post.author_id)
            .fetch_optional(&mut *tx)
            .await?;
    if previous.is_some_and(|(title, body)| title == post.title && body == post.body) {
        return Err(AppError::field("body", t::DUPLICATE_POST));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO posts (board_id, school_id, author_id, title, body, is_anonymous, is_question, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(post.board_id)
    .bind(post.school_id)
    .bind(post.author_id)
    .bind(post.title)
    .bind(post.body)
    .bind(i64::from(post.anonymous))
    .bind(i64::from(post.question))
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Which posts a list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listing {
    Board(i64),
    /// Posts that reached [`super::reactions::HOT_LIKES`] likes on a board not excluded from HOT.
    Hot,
    /// Posts that reached [`super::reactions::BEST_LIKES`] likes.
    Best,
    /// The newest posts of every board of the school (the home page).
    Recent,
    /// 내가 쓴 글.
    Mine,
    /// 댓글 단 글: posts the viewer has a live comment on.
    Commented,
    /// 내 스크랩.
    Scraps,
    /// Title or body contains the text (case-insensitive), among posts with an id of at least `floor` (see
    /// [`search`]).
    Search {
        text: String,
        floor: i64,
    },
}

/// How many post ids one search request looks through, newest first. A search reads the posts themselves
/// (a substring of Korean text, which no index serves), so it is bounded per request: its cost stays the
/// same however many posts a school has, and the student continues into older posts page by page.
pub const SEARCH_WINDOW: i64 = 5_000;

/// One page of search results below `before`, looking through at most [`SEARCH_WINDOW`] post ids, and where
/// the next request should continue if older posts remain (the page may hold fewer than a page of results,
/// even none).
pub async fn search(
    db: &Db,
    school_id: i64,
    viewer_id: i64,
    text: String,
    before: Option<i64>,
) -> Result<(Vec<PostListRow>, Option<i64>), sqlx::Error> {
    let newest: Option<i64> =
        sqlx::query_scalar("SELECT MAX(id) FROM posts WHERE school_id = $1 AND deleted_at IS NULL")
            .bind(school_id)
            .fetch_one(db.pool())
            .await?;
    let Some(newest) = newest else { return Ok((Vec::new(), None)) };
    let upper = before.unwrap_or(i64::MAX).min(newest + 1);
    // `before` comes from the request: a far-out value must not overflow.
    let floor = upper.saturating_sub(SEARCH_WINDOW);
    let rows = list(db, school_id, viewer_id, &Listing::Search { text, floor }, Some(upper)).await?;
    let older: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM posts WHERE school_id = $1 AND deleted_at IS NULL AND id < $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(school_id)
    .bind(floor)
    .fetch_optional(db.pool())
    .await?;
    Ok((rows, older.map(|_| floor)))
}

/// One page of a list, newest first, after the post `before`. Keyset pagination on the id: no OFFSET, so
/// page 500 costs what page 1 does, and posts written meanwhile never shift a page. Hidden posts show only to
/// their author.
pub async fn list(
    db: &Db,
    school_id: i64,
    viewer_id: i64,
    listing: &Listing,
    before: Option<i64>,
) -> Result<Vec<PostListRow>, sqlx::Error> {
    // `$1` is the narrowest scope of the list, so that the planner walks the index that matches it: a board
    // page reads (board_id, id) and stops after 21 rows, however quiet the board is next to busier ones; 내가 쓴
    // 글 reads (author_id, id). A board's school is checked by the caller, and an author's posts are all in
    // their school.
    let (scope, scope_id, filter) = match listing {
        Listing::Board(board_id) => ("p.board_id", *board_id, ""),
        Listing::Mine => ("p.author_id", viewer_id, ""),
        Listing::Recent => ("p.school_id", school_id, ""),
        Listing::Hot => ("p.school_id", school_id, "AND p.hot_at IS NOT NULL"),
        Listing::Best => ("p.school_id", school_id, "AND p.best_at IS NOT NULL"),
        Listing::Commented => (
            "p.school_id",
            school_id,
            "AND EXISTS (SELECT 1 FROM comments c WHERE c.post_id = p.id AND c.author_id = $2 AND c.deleted_at IS NULL)",
        ),
        Listing::Scraps => {
            ("p.school_id", school_id, "AND EXISTS (SELECT 1 FROM scraps s WHERE s.post_id = p.id AND s.user_id = $2)")
        }
        Listing::Search { .. } => (
            "p.school_id",
            school_id,
            "AND p.id >= $6 \
             AND (LOWER(p.title) LIKE LOWER($5) ESCAPE '\\' OR LOWER(p.body) LIKE LOWER($5) ESCAPE '\\')",
        ),
    };
    // The page's ids are chosen first, on `posts` alone, and only those rows are joined: the scan stops at
    // the page's last row whatever the planner guesses about the filter (PostgreSQL's generic plan for a
    // prepared search otherwise joined and sorted every match of the range before the LIMIT).
    let sql = format!(
        "SELECT p.id, b.name AS board_name, {AUTHOR_NICKNAME}, p.title, SUBSTR(p.body, 1, 200) AS body_head, \
         p.created_at, p.like_count, p.comment_count, p.is_question \
         FROM (SELECT p.id FROM posts p \
               WHERE {scope} = $1 AND p.deleted_at IS NULL AND p.id < $3 AND {POST_VISIBLE} {filter} \
               ORDER BY p.id DESC LIMIT $4) page \
         JOIN posts p ON p.id = page.id JOIN boards b ON b.id = p.board_id JOIN users u ON u.id = p.author_id \
         ORDER BY p.id DESC"
    );
    let query = sqlx::query_as(&sql)
        .bind(scope_id)
        .bind(viewer_id)
        .bind(before.unwrap_or(i64::MAX))
        .bind(PAGE_SIZE + 1);
    let query = match listing {
        Listing::Search { text, floor } => query.bind(super::contains_pattern(text)).bind(*floor),
        _ => query,
    };
    query.fetch_all(db.pool()).await
}

/// A live post of the given school that the viewer may see (another school's, or a hidden one of someone
/// else's for a non-admin, is `None`, as a missing one is).
pub async fn find(
    db: &Db,
    school_id: i64,
    post_id: i64,
    viewer_id: i64,
) -> Result<Option<PostRow>, sqlx::Error> {
    let sql = format!(
        "SELECT p.id, p.board_id, p.author_id, {AUTHOR_NICKNAME}, p.title, p.body, p.is_anonymous, p.is_question, \
         p.like_count, p.comment_count, p.scrap_count, p.is_hidden, p.created_at, p.edited_at, p.first_comment_at \
         FROM posts p JOIN users u ON u.id = p.author_id \
         WHERE p.id = $1 AND p.school_id = $3 AND p.deleted_at IS NULL AND {POST_VISIBLE}"
    );
    sqlx::query_as(&sql).bind(post_id).bind(viewer_id).bind(school_id).fetch_optional(db.pool()).await
}

/// Whether the viewer liked and scrapped the post.
pub async fn viewer_marks(db: &Db, post_id: i64, viewer_id: i64) -> Result<(bool, bool), sqlx::Error> {
    let (liked, scrapped): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM post_likes WHERE post_id = $1 AND user_id = $2), \
                (SELECT COUNT(*) FROM scraps WHERE post_id = $1 AND user_id = $2)",
    )
    .bind(post_id)
    .bind(viewer_id)
    .fetch_one(db.pool())
    .await?;
    Ok((liked > 0, scrapped > 0))
}

/// The post's author may change it unless it is a question that has had a comment (even one deleted since).
/// Runs in a transaction that holds the post's row lock (`Db::begin_for_post`), as every comment does, so a
/// comment written at the same moment either comes first and locks the post, or waits for the change.
async fn check_editable(
    tx: &mut super::Tx,
    school_id: i64,
    post_id: i64,
    user_id: i64,
) -> Result<i64, AppError> {
    let row: Option<(i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT author_id, is_question, first_comment_at FROM posts \
         WHERE id = $1 AND school_id = $2 AND deleted_at IS NULL",
    )
    .bind(post_id)
    .bind(school_id)
    .fetch_optional(&mut **tx)
    .await?;
    let (author_id, is_question, first_comment_at) = row.ok_or(AppError::NotFound)?;
    if author_id != user_id {
        return Err(AppError::Forbidden(t::NOT_YOURS.into()));
    }
    // A question that has been answered is locked for good, so that answers never lose what they answered
    // (deleting the answer does not unlock it).
    if is_question != 0 && first_comment_at.is_some() {
        return Err(AppError::Conflict(t::QUESTION_LOCKED.into()));
    }
    Ok(is_question)
}

#[allow(clippy::too_many_arguments)]
pub async fn update(
    db: &Db,
    school_id: i64,
    post_id: i64,
    user_id: i64,
    title: &str,
    body: &str,
    question: bool,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_for_post(post_id).await?;
    let was_question = check_editable(&mut tx, school_id, post_id, user_id).await?;
    if was_question != 0 && !question {
        return Err(AppError::field("question", t::QUESTION_FLAG_FIXED));
    }
    sqlx::query("UPDATE posts SET title = $1, body = $2, is_question = $3, edited_at = $4 WHERE id = $5")
        .bind(title)
        .bind(body)
        .bind(i64::from(question))
        .bind(now)
        .bind(post_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Soft delete: the post leaves every list and its thread can no longer be read.
pub async fn delete(db: &Db, school_id: i64, post_id: i64, user_id: i64, now: i64) -> Result<(), AppError> {
    let mut tx = db.begin_for_post(post_id).await?;
    check_editable(&mut tx, school_id, post_id, user_id).await?;
    sqlx::query("UPDATE posts SET deleted_at = $1 WHERE id = $2")
        .bind(now)
        .bind(post_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
