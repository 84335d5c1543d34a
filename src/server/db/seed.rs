//! Synthetic data for benchmarks: students, posts and comments generated inside the database by one
//! recursive query per table (no round trip per row), in SQL that both dialects accept.

use sqlx::AnyConnection;

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
    let board_id: i64 =
        sqlx::query_scalar("SELECT id FROM boards WHERE school_id = $1 ORDER BY position LIMIT 1")
            .bind(school_id)
            .fetch_one(db.pool())
            .await?;
    let prefix = format!("bench{now}");
    let mut tx = db.begin_write().await?;
    let first_user = next_id(&mut tx, "SELECT COALESCE(MAX(id), 0) + 1 FROM users").await?;
    students(&mut tx, scale, &prefix, password_hash, (school_id, department_id), now).await?;
    let first_post = next_id(&mut tx, "SELECT COALESCE(MAX(id), 0) + 1 FROM posts").await?;
    let authors = (first_user, scale.students);
    posts(&mut tx, scale.posts, school_id, authors, now).await?;
    let posts = (first_post, first_post + scale.posts - 1);
    // The busy thread is the newest post of the first board; the other comments spread over every post.
    let busy_post_id: i64 = sqlx::query_scalar("SELECT MAX(id) FROM posts WHERE board_id = $1")
        .bind(board_id)
        .fetch_one(&mut *tx)
        .await?;
    comments(&mut tx, scale.comments, busy_post_id, posts, authors, now).await?;
    tx.commit().await?;
    Ok(Seeded { board_id, busy_post_id, student_username: format!("{prefix}_0") })
}

async fn next_id(conn: &mut AnyConnection, sql: &'static str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(sql).fetch_one(conn).await
}

/// `scale.students` students named `<prefix>_<n>` in the school and department.
async fn students(
    conn: &mut AnyConnection,
    scale: Scale,
    prefix: &str,
    password_hash: &str,
    (school_id, department_id): (i64, i64),
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $1) \
         INSERT INTO users (username, username_key, password_hash, nickname, nickname_key, school_id, department_id, \
                            admission_year, created_at) \
         SELECT $2 || '_' || i, $2 || '_' || i, $3, 'b' || $6 || '_' || i, 'b' || $6 || '_' || i, $4, $5, 2024, $6 FROM n",
    )
    .bind(scale.students)
    .bind(prefix)
    .bind(password_hash)
    .bind(school_id)
    .bind(department_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// `count` posts over the school's boards and the authors `(first id, how many)`.
///
/// Post i goes to board i mod boards (so boards interleave as they do in real use) and to author i mod
/// authors; one in three is anonymous; each is a minute older than the next. One post in fifty reached HOT
/// (10 likes or more, an hour after it was written) unless its board is left out of HOT; the rest have 0–9.
async fn posts(
    conn: &mut AnyConnection,
    count: i64,
    school_id: i64,
    (first_author, authors): (i64, i64),
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $1), \
         b(id, k, hot_excluded) AS ( \
             SELECT id, ROW_NUMBER() OVER (ORDER BY position) - 1, hot_excluded FROM boards WHERE school_id = $2) \
         INSERT INTO posts (board_id, school_id, author_id, title, body, is_anonymous, is_question, like_count, \
                            comment_count, created_at, hot_at) \
         SELECT b.id, $2, $3 + (n.i % $4), '벤치마크 글 ' || n.i, \
                '시험 기간에 도서관 자리 있나요? 중앙도서관 3층은 언제 가야 자리가 있는지 궁금합니다. 번호 ' || n.i, \
                CASE WHEN n.i % 3 = 0 THEN 1 ELSE 0 END, 0, \
                CASE WHEN n.i % 50 = 0 THEN 10 + n.i % 90 ELSE n.i % 10 END, 0, $5 - ($1 - n.i) * 60, \
                CASE WHEN n.i % 50 = 0 AND b.hot_excluded = 0 THEN $5 - ($1 - n.i) * 60 + 3600 ELSE NULL END \
         FROM n JOIN b ON b.k = n.i % (SELECT COUNT(*) FROM b) ORDER BY n.i",
    )
    .bind(count)
    .bind(school_id)
    .bind(first_author)
    .bind(authors)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// `count` comments: [`THREAD_COMMENTS`] on the busy post, the rest spread over the posts `(first, last)`,
/// by the authors `(first id, how many)`; half of them anonymous. Then every post counts its comments.
async fn comments(
    conn: &mut AnyConnection,
    count: i64,
    busy_post_id: i64,
    (first_post, last_post): (i64, i64),
    (first_author, authors): (i64, i64),
    now: i64,
) -> Result<(), sqlx::Error> {
    let spread = (count - THREAD_COMMENTS).max(0);
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
    .bind(first_author)
    .bind(authors)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE posts SET comment_count = (SELECT COUNT(*) FROM comments c WHERE c.post_id = posts.id) \
         WHERE id BETWEEN $1 AND $2",
    )
    .bind(first_post)
    .bind(last_post)
    .execute(conn)
    .await?;
    Ok(())
}
