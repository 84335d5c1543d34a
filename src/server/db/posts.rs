//! Posts: inserting, the lists (boards, virtual boards, search), one post, and the author's changes.
//!
//! Rows here may carry `author_id`; they are server-only and turned into shared views (which never do) by
//! `server::community`.

use sqlx::{AnyConnection, FromRow};

use super::{json_rows, visible_to_viewer, Db, Dialects, Flag};

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
    pub is_anonymous: Flag,
    pub is_question: Flag,
    pub like_count: i64,
    pub comment_count: i64,
    pub scrap_count: i64,
    pub is_hidden: Flag,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    /// When the post got its first comment, deleted since or not.
    pub first_comment_at: Option<i64>,
    pub liked_by_viewer: Flag,
    pub scrapped_by_viewer: Flag,
    pub image_count: i64,
}

/// A list entry; the body is cut to its first characters in SQL.
#[derive(Debug, serde::Deserialize)]
pub struct PostListRow {
    pub id: i64,
    pub board_name: String,
    pub author_nickname: Option<String>,
    pub title: String,
    pub body_head: String,
    pub created_at: i64,
    pub like_count: i64,
    pub comment_count: i64,
    pub is_question: Flag,
    /// The first photo's key (`<id>-<digest>`), if the post has photos.
    pub cover_image: Option<String>,
}

pub struct NewPost<'a> {
    pub board_id: i64,
    pub school_id: i64,
    pub author_id: i64,
    pub title: &'a str,
    pub body: &'a str,
    pub anonymous: bool,
    pub question: bool,
}

/// When the author last posted on the board, if ever.
pub async fn last_on_board(
    conn: &mut AnyConnection,
    author_id: i64,
    board_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT MAX(created_at) FROM posts WHERE author_id = $1 AND board_id = $2")
        .bind(author_id)
        .bind(board_id)
        .fetch_one(conn)
        .await
}

/// The title and body of the author's latest post, anywhere.
pub async fn latest_text(
    conn: &mut AnyConnection,
    author_id: i64,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT title, body FROM posts WHERE author_id = $1 ORDER BY id DESC LIMIT 1")
        .bind(author_id)
        .fetch_optional(conn)
        .await
}

pub async fn insert(conn: &mut AnyConnection, post: &NewPost<'_>, now: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO posts (board_id, school_id, author_id, title, body, is_anonymous, is_question, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(post.board_id)
    .bind(post.school_id)
    .bind(post.author_id)
    .bind(post.title)
    .bind(post.body)
    .bind(Flag(post.anonymous))
    .bind(Flag(post.question))
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Which posts a list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listing {
    /// Posts stamped when they reached the HOT threshold.
    Hot,
    /// Posts stamped when they reached the BEST threshold.
    Best,
    /// The newest posts of every board of the school.
    Recent,
    /// The viewer's own posts.
    Mine,
    /// Posts the viewer has a live comment on.
    Commented,
    /// Posts the viewer scrapped.
    Scraps,
    /// Title or body contains the text (case-insensitive), among posts with an id of at least `floor`.
    Search { text: String, floor: i64 },
}

/// The columns of a [`PostListRow`], from `posts p`, `boards b` and `users u` (the author). An anonymous
/// post's nickname is not even read.
macro_rules! list_columns {
    () => {
        concat!(
            "p.id, b.name AS board_name, CASE WHEN p.is_anonymous = 0 THEN u.nickname END AS author_nickname, ",
            "p.title, SUBSTR(p.body, 1, 200) AS body_head, p.created_at, p.like_count, p.comment_count, p.is_question, ",
            "p.cover_image"
        )
    };
}
pub(crate) use list_columns;

/// The text of one list query. `$1` is the narrowest scope of the list, so that the planner walks the index
/// that matches it: a board page reads (board_id, id) and stops after 21 rows, however quiet the board is
/// next to busier ones; 내가 쓴 글 reads (author_id, id). A board's school is checked by the caller, and an
/// author's posts are all in their school. `$2` is the viewer, `$3` the cursor, `$4` the page length.
///
/// The page's ids are chosen first, on `posts` alone, and only those rows are joined: the scan stops at the
/// page's last row whatever the planner guesses about the filter (PostgreSQL's generic plan for a prepared
/// search otherwise joined and sorted every match of the range before the LIMIT).
macro_rules! post_list {
    ($scope:literal, $filter:literal) => {
        concat!(
            "SELECT ", list_columns!(), " ",
            "FROM (SELECT p.id FROM posts p WHERE ", $scope, " = $1 AND p.deleted_at IS NULL AND p.id < $3 AND ",
            visible_to_viewer!("p"), " ", $filter, " ORDER BY p.id DESC LIMIT $4) page ",
            "JOIN posts p ON p.id = page.id JOIN boards b ON b.id = p.board_id JOIN users u ON u.id = p.author_id ",
            "ORDER BY p.id DESC"
        )
    };
}

/// The fields of a [`PostListRow`] object, from the rows `t` of a list statement.
macro_rules! post_fields {
    () => {
        concat!(
            "'id', t.id, 'board_name', t.board_name, 'author_nickname', t.author_nickname, ",
            "'title', t.title, 'body_head', t.body_head, 'created_at', t.created_at, ",
            "'like_count', t.like_count, 'comment_count', t.comment_count, ",
            "'is_question', t.is_question, 'cover_image', t.cover_image"
        )
    };
}

/// A list statement's rows as one JSON row of [`PostListRow`] objects, with any `$extra` fields first
/// (`'name', t.column, `), in `$order` (see [`json_rows`]).
macro_rules! post_rows_as_json {
    ($extra:expr, $order:expr, $rows:expr) => {
        $crate::server::db::json_rows!(
            concat!($extra, $crate::server::db::posts::post_fields!()),
            $order,
            $rows
        )
    };
}
pub(crate) use {post_fields, post_rows_as_json};

/// A board's page, and in a second column whether the viewer `$2` pinned the board `$1` (CASE gives an
/// integer on both databases; PostgreSQL's EXISTS is a boolean): a board page shows both, and every
/// statement is a round trip to the database.
const BOARD_LIST: Dialects = json_rows!(
    @with post_fields!(),
    "t.id DESC",
    post_list!("p.board_id", ""),
    ", CASE WHEN EXISTS (SELECT 1 FROM board_pins x WHERE x.user_id = $2 AND x.board_id = $1) THEN 1 ELSE 0 END"
);
const MINE_LIST: Dialects = post_rows_as_json!("", "t.id DESC", post_list!("p.author_id", ""));
const RECENT_LIST: Dialects = post_rows_as_json!("", "t.id DESC", post_list!("p.school_id", ""));
const HOT_LIST: Dialects =
    post_rows_as_json!("", "t.id DESC", post_list!("p.school_id", "AND p.hot_at IS NOT NULL"));
const BEST_LIST: Dialects =
    post_rows_as_json!("", "t.id DESC", post_list!("p.school_id", "AND p.best_at IS NOT NULL"));
const COMMENTED_LIST: Dialects = post_rows_as_json!(
    "",
    "t.id DESC",
    post_list!(
        "p.school_id",
        "AND EXISTS (SELECT 1 FROM comments c WHERE c.post_id = p.id AND c.author_id = $2 AND c.deleted_at IS NULL)"
    )
);
const SCRAPS_LIST: Dialects = post_rows_as_json!(
    "",
    "t.id DESC",
    post_list!(
        "p.school_id",
        "AND EXISTS (SELECT 1 FROM scraps s WHERE s.post_id = p.id AND s.user_id = $2)"
    )
);
/// `$5` the pattern, `$6` the lowest id the request looks at.
const SEARCH_LIST: Dialects = post_rows_as_json!(
    "",
    "t.id DESC",
    post_list!(
        "p.school_id",
        "AND p.id >= $6 AND (LOWER(p.title) LIKE LOWER($5) ESCAPE '\\' OR LOWER(p.body) LIKE LOWER($5) ESCAPE '\\')"
    )
);

/// At most `limit` posts of a list, newest first, below the post `before`. Keyset pagination on the id: no
/// OFFSET, so page 500 costs what page 1 does, and posts written meanwhile never shift a page. Hidden posts
/// show only to their author and admins.
pub async fn list(
    db: &Db,
    school_id: i64,
    viewer_id: i64,
    listing: &Listing,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<PostListRow>, sqlx::Error> {
    let (sql, scope) = match listing {
        Listing::Mine => (MINE_LIST, viewer_id),
        Listing::Recent => (RECENT_LIST, school_id),
        Listing::Hot => (HOT_LIST, school_id),
        Listing::Best => (BEST_LIST, school_id),
        Listing::Commented => (COMMENTED_LIST, school_id),
        Listing::Scraps => (SCRAPS_LIST, school_id),
        Listing::Search { .. } => (SEARCH_LIST, school_id),
    };
    let query = sqlx::query_scalar(db.backend().text_of(sql))
        .bind(scope)
        .bind(viewer_id)
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit);
    let query = match listing {
        Listing::Search { text, floor } => query.bind(super::contains_pattern(text)).bind(*floor),
        _ => query,
    };
    fetch_json_rows(db, query).await
}

/// At most `limit` posts of a board, read as [`list`] reads a list, and whether the viewer pinned the board.
/// The board's school is checked by the caller.
pub async fn board_page(
    db: &Db,
    viewer_id: i64,
    board_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<(Vec<PostListRow>, bool), sqlx::Error> {
    let (rows, pinned): (String, Flag) = sqlx::query_as(db.backend().text_of(BOARD_LIST))
        .bind(board_id)
        .bind(viewer_id)
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_one(db.pool())
        .await?;
    let rows = serde_json::from_str(&rows).map_err(|error| sqlx::Error::Decode(error.into()))?;
    Ok((rows, pinned.into()))
}

/// Runs a statement made by [`post_rows_as_json`] with its bound values and decodes its rows.
pub(crate) async fn fetch_json_rows<'q, T: serde::de::DeserializeOwned>(
    db: &Db,
    query: sqlx::query::QueryScalar<'q, sqlx::Any, String, sqlx::any::AnyArguments<'q>>,
) -> Result<Vec<T>, sqlx::Error> {
    let rows: String = query.fetch_one(db.pool()).await?;
    serde_json::from_str(&rows).map_err(|error| sqlx::Error::Decode(error.into()))
}

/// A row of [`hot_and_best`]: the list it is in (0 HOT, 1 BEST) and the post.
#[derive(Debug, serde::Deserialize)]
struct StampedListRow {
    which_list: i64,
    #[serde(flatten)]
    post: PostListRow,
}

/// One branch of [`hot_and_best`]: the ids of the newest `$3` posts of the school `$1` stamped `$stamp`
/// that the viewer `$2` may see, chosen as a HOT or BEST page chooses them (on that list's partial index).
macro_rules! stamped_branch {
    ($which:literal, $stamp:literal) => {
        concat!(
            "SELECT CAST(",
            $which,
            " AS BIGINT) AS which_list, s.id FROM (SELECT p.id FROM posts p ",
            "WHERE p.school_id = $1 AND p.deleted_at IS NULL AND ",
            visible_to_viewer!("p"),
            " AND p.",
            $stamp,
            " IS NOT NULL ORDER BY p.id DESC LIMIT $3) s"
        )
    };
}

/// The newest `limit` posts of HOT and of BEST, as [`list`] gives each, in one statement (the home and the
/// side column show both, and every statement is a round trip to the database).
pub async fn hot_and_best(
    db: &Db,
    school_id: i64,
    viewer_id: i64,
    limit: i64,
) -> Result<(Vec<PostListRow>, Vec<PostListRow>), sqlx::Error> {
    const HOT_AND_BEST: Dialects = post_rows_as_json!(
        "'which_list', t.which_list, ",
        "t.which_list, t.id DESC",
        concat!(
            "SELECT page.which_list, ",
            list_columns!(),
            " FROM (",
            stamped_branch!("0", "hot_at"),
            " UNION ALL ",
            stamped_branch!("1", "best_at"),
            ") page JOIN posts p ON p.id = page.id JOIN boards b ON b.id = p.board_id ",
            "JOIN users u ON u.id = p.author_id"
        )
    );
    let query =
        sqlx::query_scalar(db.backend().text_of(HOT_AND_BEST)).bind(school_id).bind(viewer_id).bind(limit);
    let rows: Vec<StampedListRow> = fetch_json_rows(db, query).await?;
    let (hot, best): (Vec<_>, Vec<_>) = rows.into_iter().partition(|row| row.which_list == 0);
    Ok((hot.into_iter().map(|row| row.post).collect(), best.into_iter().map(|row| row.post).collect()))
}

/// The newest live post id of the school, if it has any.
pub async fn newest_id(db: &Db, school_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT MAX(id) FROM posts WHERE school_id = $1 AND deleted_at IS NULL")
        .bind(school_id)
        .fetch_one(db.pool())
        .await
}

/// Whether the school has a live post with an id below `id`.
pub async fn any_older(db: &Db, school_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let older: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM posts WHERE school_id = $1 AND deleted_at IS NULL AND id < $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(school_id)
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    Ok(older.is_some())
}

const FIND_POST: &str = concat!(
    "SELECT p.id, p.board_id, p.author_id, CASE WHEN p.is_anonymous = 0 THEN u.nickname END AS author_nickname, ",
    "p.title, p.body, p.is_anonymous, p.is_question, p.like_count, p.comment_count, p.scrap_count, p.is_hidden, ",
    "p.created_at, p.edited_at, p.first_comment_at, p.image_count, ",
    // CASE gives an integer on both databases (PostgreSQL's EXISTS is a boolean, which a Flag does not decode).
    "CASE WHEN EXISTS (SELECT 1 FROM post_likes l WHERE l.post_id = p.id AND l.user_id = $2) THEN 1 ELSE 0 END ",
    "AS liked_by_viewer, ",
    "CASE WHEN EXISTS (SELECT 1 FROM scraps s WHERE s.post_id = p.id AND s.user_id = $2) THEN 1 ELSE 0 END ",
    "AS scrapped_by_viewer ",
    "FROM posts p JOIN users u ON u.id = p.author_id ",
    "WHERE p.id = $1 AND p.school_id = $3 AND p.deleted_at IS NULL AND ",
    visible_to_viewer!("p")
);

/// A live post of the given school that the viewer may see (another school's, or a hidden one of someone
/// else's for a non-admin, is `None`, as a missing one is), with whether the viewer liked and scrapped it.
pub async fn find(
    db: &Db,
    school_id: i64,
    post_id: i64,
    viewer_id: i64,
) -> Result<Option<PostRow>, sqlx::Error> {
    sqlx::query_as(FIND_POST).bind(post_id).bind(viewer_id).bind(school_id).fetch_optional(db.pool()).await
}

/// What the author's edit or delete is decided on.
#[derive(Debug, FromRow)]
pub struct Authorship {
    pub author_id: i64,
    pub is_question: Flag,
    pub first_comment_at: Option<i64>,
}

/// The authorship of a live post of the school, inside the caller's transaction.
pub async fn authorship(
    conn: &mut AnyConnection,
    school_id: i64,
    post_id: i64,
) -> Result<Option<Authorship>, sqlx::Error> {
    sqlx::query_as(
        "SELECT author_id, is_question, first_comment_at FROM posts \
         WHERE id = $1 AND school_id = $2 AND deleted_at IS NULL",
    )
    .bind(post_id)
    .bind(school_id)
    .fetch_optional(conn)
    .await
}

pub async fn update(
    conn: &mut AnyConnection,
    post_id: i64,
    title: &str,
    body: &str,
    question: bool,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE posts SET title = $1, body = $2, is_question = $3, edited_at = $4 WHERE id = $5")
        .bind(title)
        .bind(body)
        .bind(Flag(question))
        .bind(now)
        .bind(post_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Soft delete: the post leaves every list and its thread can no longer be read.
pub async fn soft_delete(conn: &mut AnyConnection, post_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE posts SET deleted_at = $1 WHERE id = $2")
        .bind(now)
        .bind(post_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A post's 실시간 인기 score as stored: `(heat, heat_hour)` (see `server::community::heat`). Read inside the
/// transaction that has just locked the post's row by counting a like or a comment on it.
pub async fn heat(conn: &mut AnyConnection, post_id: i64) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as("SELECT heat, heat_hour FROM posts WHERE id = $1").bind(post_id).fetch_one(conn).await
}

/// Stores a post's 실시간 인기 score and its rank (`None`: no score).
pub async fn set_heat(
    conn: &mut AnyConnection,
    post_id: i64,
    (heat, hour): (i64, i64),
    rank: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE posts SET heat = $1, heat_hour = $2, heat_rank = $3 WHERE id = $4")
        .bind(heat)
        .bind(hour)
        .bind(rank)
        .bind(post_id)
        .execute(conn)
        .await?;
    Ok(())
}
