//! Synthetic data for benchmarks: students, posts and comments generated inside the database by one
//! recursive query per table (no round trip per row), in SQL that both dialects accept.

use super::Db;

/// How much to generate into one school's boards.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub students: i64,
    pub posts: i64,
    pub comments: i64,
}

/// What was generated: the board the benchmark reads, and a post with exactly `THREAD_COMMENTS` comments.
#[derive(Debug)]
pub struct Seeded {
    pub board_id: i64,
    pub busy_post_id: i64,
    pub student_username: String,
}

/// Comments on the one post that benchmarks open as "a long thread".
pub const THREAD_COMMENTS: i64 = 300;

/// Generates `scale` into the first school. `password_hash` is shared by every generated student (their
/// password is the one the benchmark logs in with).
pub async fn generate(db: &Db, scale: Scale, password_hash: &str, now: i64) -> Result<Seeded, sqlx::Error> {
    let (school_id, department_id): (i64, i64) = sqlx::query_as(
        "SELECT school_id, MIN(id) FROM departments GROUP BY school_id ORDER BY school_id LIMIT 1",
    )
    .fetch_one(db.pool())
    .await?;
    let board_ids: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM boards WHERE school_id = $1 ORDER BY position")
            .bind(school_id)
            .fetch_all(db.pool())
            .await?;
    let board_id = board_ids[0];
    let board_count = board_ids.len() as i64;
    let prefix = format!("bench{now}");

    let mut tx = db.begin_write().await?;
    let first_user: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM users").fetch_one(&mut *tx).await?;
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $1) \
         INSERT INTO users (username, username_key, password_hash, nickname, nickname_key, school_id, department_id, \
                            admission_year, created_at) \
         SELECT $2 || '_' || i, $2 || '_' || i, $3, 'b' || $6 || '_' || i, 'b' || $6 || '_' || i, $4, $5, 2024, $6 FROM n",
    )
    .bind(scale.students)
    .bind(&prefix)
    .bind(password_hash)
    .bind(school_id)
    .bind(department_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let first_post: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM posts").fetch_one(&mut *tx).await?;
    // Posts rotate over the school's boards (post i goes to board i mod boards, so boards interleave as they
    // do in real use) and over the authors; one in three is anonymous; each is a minute older than the next.
    // One post in fifty reached HOT (10 likes or more, an hour after it was written); the rest have 0–9.
    let board_of: String =
        board_ids.iter().enumerate().map(|(k, board)| format!(" WHEN {k} THEN {board}")).collect();
    let sql = format!(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $1) \
         INSERT INTO posts (board_id, school_id, author_id, title, body, is_anonymous, is_question, like_count, \
                            comment_count, created_at, hot_at) \
         SELECT CASE i % $2{board_of} END, $3, $4 + (i % $5), '벤치마크 글 ' || i, \
                '시험 기간에 도서관 자리 있나요? 중앙도서관 3층은 언제 가야 자리가 있는지 궁금합니다. 번호 ' || i, \
                CASE WHEN i % 3 = 0 THEN 1 ELSE 0 END, 0, \
                CASE WHEN i % 50 = 0 THEN 10 + i % 90 ELSE i % 10 END, 0, $6 - ($1 - i) * 60, \
                CASE WHEN i % 50 = 0 THEN $6 - ($1 - i) * 60 + 3600 ELSE NULL END FROM n"
    );
    sqlx::query(&sql)
        .bind(scale.posts)
        .bind(board_count)
        .bind(school_id)
        .bind(first_user)
        .bind(scale.students)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    let last_post = first_post + scale.posts - 1;
    // Boards excluded from HOT never stamp it, whatever the likes.
    sqlx::query(
        "UPDATE posts SET hot_at = NULL WHERE id BETWEEN $1 AND $2 \
         AND board_id IN (SELECT id FROM boards WHERE hot_excluded = 1)",
    )
    .bind(first_post)
    .bind(last_post)
    .execute(&mut *tx)
    .await?;
    // The busy thread is the newest post of the first board; the other comments spread over every post.
    let busy_post_id: i64 = sqlx::query_scalar("SELECT MAX(id) FROM posts WHERE board_id = $1")
        .bind(board_id)
        .fetch_one(&mut *tx)
        .await?;
    let spread = (scale.comments - THREAD_COMMENTS).max(0);
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $1) \
         INSERT INTO comments (post_id, author_id, body, is_anonymous, created_at) \
         SELECT CASE WHEN i < $2 THEN $3 ELSE $4 + (i % $5) END, $6 + (i % $7), '댓글 ' || i, i % 2, $8 FROM n",
    )
    .bind(spread + THREAD_COMMENTS)
    .bind(THREAD_COMMENTS)
    .bind(busy_post_id)
    .bind(first_post)
    .bind(last_post - first_post + 1)
    .bind(first_user)
    .bind(scale.students)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE posts SET comment_count = (SELECT COUNT(*) FROM comments c WHERE c.post_id = posts.id) \
         WHERE id BETWEEN $1 AND $2",
    )
    .bind(first_post)
    .bind(last_post)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Seeded { board_id, busy_post_id, student_username: format!("{prefix}_0") })
}
