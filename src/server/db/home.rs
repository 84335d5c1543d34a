//! The home screen's SQL: a student's pinned boards (즐겨찾는 게시판) with their newest posts, and the school's
//! 실시간 인기 글 read by rank from an index.

use sqlx::AnyConnection;

use super::posts::{fetch_json_rows, list_columns, post_rows_as_json, PostListRow};
use super::{visible_to_viewer, Db, Dialects};

/// The boards the student pinned, in the order they pinned them.
pub async fn pinned_boards(db: &Db, user_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT board_id FROM board_pins WHERE user_id = $1 ORDER BY pinned_at, board_id")
        .bind(user_id)
        .fetch_all(db.pool())
        .await
}

/// Whether the student pinned the board, inside the transaction that holds their row lock.
pub async fn is_pinned(conn: &mut AnyConnection, user_id: i64, board_id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT board_id FROM board_pins WHERE user_id = $1 AND board_id = $2")
            .bind(user_id)
            .bind(board_id)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}

/// How many boards the student has pinned, inside the transaction that holds their row lock.
pub async fn pin_count(conn: &mut AnyConnection, user_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM board_pins WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(conn)
        .await
}

/// Pins the board; false when it was pinned already (its place in the order stays).
pub async fn pin(
    conn: &mut AnyConnection,
    user_id: i64,
    board_id: i64,
    now_ms: i64,
) -> Result<bool, sqlx::Error> {
    let inserted = sqlx::query(
        "INSERT INTO board_pins (user_id, board_id, pinned_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id, board_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(board_id)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// Takes the pin off; removing one that is not there is harmless.
pub async fn unpin(conn: &mut AnyConnection, user_id: i64, board_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM board_pins WHERE user_id = $1 AND board_id = $2")
        .bind(user_id)
        .bind(board_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A newest post of a pinned board.
#[derive(Debug, serde::Deserialize)]
pub struct PinnedPostRow {
    pub board_id: i64,
    #[serde(flatten)]
    pub post: PostListRow,
}

/// How many boards [`pinned_posts`] reads at once: one branch of its statement per board.
pub const PINNED_BOARDS_READ: usize = 8;

/// One branch of [`pinned_posts`]: the newest `$1` posts of the board `$k` that the viewer `$2` may see,
/// read as a board page reads them (on `(board_id, id)`, stopping after `$1` rows however quiet the board).
macro_rules! pinned_branch {
    ($board:literal, $alias:literal) => {
        concat!(
            "SELECT ",
            $alias,
            ".id FROM (SELECT p.id FROM posts p WHERE p.board_id = ",
            $board,
            " AND p.deleted_at IS NULL AND ",
            visible_to_viewer!("p"),
            " ORDER BY p.id DESC LIMIT $1) ",
            $alias
        )
    };
}

/// The newest `per_board` live posts of each of `boards` (at most [`PINNED_BOARDS_READ`]), newest first, as
/// the viewer sees them, in one statement: one branch per board, each the shape of a board page's query,
/// and only the chosen rows joined. (A single join of the pins with a correlated "n-th newest id" made
/// PostgreSQL walk the whole primary key for a quiet board, or scan every post.)
pub async fn pinned_posts(
    db: &Db,
    viewer_id: i64,
    boards: &[i64],
    per_board: i64,
) -> Result<Vec<PinnedPostRow>, sqlx::Error> {
    const PINNED_POSTS: Dialects = post_rows_as_json!(
        "'board_id', t.board_id, ",
        "t.id DESC",
        concat!(
            "SELECT p.board_id, ",
            list_columns!(),
            " FROM (",
            pinned_branch!("$3", "b3"),
            " UNION ALL ",
            pinned_branch!("$4", "b4"),
            " UNION ALL ",
            pinned_branch!("$5", "b5"),
            " UNION ALL ",
            pinned_branch!("$6", "b6"),
            " UNION ALL ",
            pinned_branch!("$7", "b7"),
            " UNION ALL ",
            pinned_branch!("$8", "b8"),
            " UNION ALL ",
            pinned_branch!("$9", "b9"),
            " UNION ALL ",
            pinned_branch!("$10", "b10"),
            ") page JOIN posts p ON p.id = page.id JOIN boards b ON b.id = p.board_id ",
            "JOIN users u ON u.id = p.author_id"
        )
    );
    if boards.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = sqlx::query_scalar(db.backend().text_of(PINNED_POSTS)).bind(per_board).bind(viewer_id);
    // Unused branches ask for board 0, which no board is: an empty probe of the index.
    for slot in 0..PINNED_BOARDS_READ {
        query = query.bind(boards.get(slot).copied().unwrap_or(0));
    }
    fetch_json_rows(db, query).await
}

/// The school's `limit` posts with the highest 실시간 인기 rank that had activity since `since_hour`, leaving
/// out deleted and hidden posts (for everyone, their authors too) and boards left out of HOT. The page is
/// chosen on `posts` alone, walking `posts_heat_idx` from the top, and only its rows are joined.
pub async fn trending(
    db: &Db,
    school_id: i64,
    since_hour: i64,
    limit: i64,
) -> Result<Vec<PostListRow>, sqlx::Error> {
    const TRENDING: Dialects = post_rows_as_json!(
        "",
        "t.heat_rank DESC, t.id DESC",
        concat!(
            "SELECT page.heat_rank, ",
            list_columns!(),
            " FROM (SELECT p.id, p.heat_rank FROM posts p WHERE p.school_id = $1 AND p.heat_rank IS NOT NULL ",
            "AND p.deleted_at IS NULL AND p.is_hidden = 0 AND p.heat_hour >= $2 ",
            "AND NOT EXISTS (SELECT 1 FROM boards x WHERE x.id = p.board_id AND x.hot_excluded = 1) ",
            "ORDER BY p.heat_rank DESC, p.id DESC LIMIT $3) page ",
            "JOIN posts p ON p.id = page.id JOIN boards b ON b.id = p.board_id JOIN users u ON u.id = p.author_id"
        )
    );
    let query =
        sqlx::query_scalar(db.backend().text_of(TRENDING)).bind(school_id).bind(since_hour).bind(limit);
    fetch_json_rows(db, query).await
}
