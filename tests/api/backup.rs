//! Backup and restore of the embedded database while the app runs: a backup taken during a stream of writes
//! is a consistent snapshot, and a restore brings back exactly its rows while the app keeps serving.

use campus::server::db::backup::{self, BackupError};
use campus::server::db::Backend;
use reqwest::StatusCode;
use sqlx::Executor as _;

use crate::helpers::*;

/// Rows of every table that differ between the app's database and the file at `other` (both ways).
async fn differing_rows(app: &TestApp, other: &std::path::Path) -> Vec<(String, i64)> {
    let mut conn = app.db().pool().acquire().await.expect("connection").detach();
    sqlx::query("ATTACH DATABASE $1 AS other")
        .bind(other.display().to_string())
        .execute(&mut conn)
        .await
        .expect("attach");
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .fetch_all(&mut conn)
    .await
    .expect("tables");
    let mut differences = Vec::new();
    for table in tables {
        let sql = format!(
            "SELECT (SELECT COUNT(*) FROM (SELECT * FROM main.\"{table}\" EXCEPT SELECT * FROM other.\"{table}\")) \
                  + (SELECT COUNT(*) FROM (SELECT * FROM other.\"{table}\" EXCEPT SELECT * FROM main.\"{table}\"))"
        );
        let count: i64 = sqlx::query_scalar(&sql).fetch_one(&mut conn).await.expect("compare");
        if count > 0 {
            differences.push((table, count));
        }
    }
    conn.execute("DETACH DATABASE other").await.expect("detach");
    differences
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_during_writes_restores_exactly_while_the_app_runs() {
    let app = spawn_app().await;
    let dir = std::env::temp_dir().join(format!("campus-backup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join(format!("{}.db", campus::server::now()));
    if app.db().backend() != Backend::Sqlite {
        assert!(matches!(backup::backup(app.db(), &file).await, Err(BackupError::NotSqlite)));
        return;
    }
    let (author_student, author) = app.signed_up_student().await;
    let (_, reader) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let post = app.write_post(&author, board, "백업 전 글", false).await;
    let post_id = post.to_string();
    app.call(&reader, "posts/like", &[("post_id", &post_id)]).await;

    // Comments keep arriving while the backup is taken.
    let writes: Vec<_> = (0..40)
        .map(|n| {
            app.spawn_call(
                &reader,
                "comments/write",
                &[("post_id", &post_id), ("body", &format!("댓글 {n}"))],
            )
        })
        .collect();
    backup::backup(app.db(), &file).await.expect("backup");
    assert!(statuses(writes).await.iter().all(|s| *s == StatusCode::OK));

    // The snapshot is consistent: its comment counter matches its comments, whichever of them it caught.
    let pool = sqlx::AnyPool::connect(&format!("sqlite://{}", file.display())).await.expect("open backup");
    let (counter, comments): (i64, i64) = sqlx::query_as(
        "SELECT p.comment_count, (SELECT COUNT(*) FROM comments c WHERE c.post_id = p.id) FROM posts p WHERE p.id = $1",
    )
    .bind(post)
    .fetch_one(&pool)
    .await
    .expect("backup rows");
    assert_eq!(counter, comments);
    pool.close().await;

    // After the backup: a new post, a deleted account, more likes. A restore undoes all of it.
    let later = app.write_post(&author, board, "백업 후 글", false).await;
    assert_eq!(app.call(&author, "account/delete", &[("password", PASSWORD)]).await.status(), StatusCode::OK);
    assert!(!differing_rows(&app, &file).await.is_empty());

    let restored = backup::restore(app.db(), &file).await.expect("restore");
    assert!(restored > 0);
    assert_eq!(differing_rows(&app, &file).await, Vec::<(String, i64)>::new());
    // The running app serves the restored data: the later post is gone.
    assert_eq!(app.get_post(&reader, later).await, Err(StatusCode::NOT_FOUND));
    assert_eq!(app.get_post(&reader, post).await.expect("post")["title"], "백업 전 글");

    // Refusals: an existing target, a missing or damaged backup. None of them changes anything.
    assert!(matches!(backup::backup(app.db(), &file).await, Err(BackupError::TargetExists(_))));
    assert!(matches!(backup::restore(app.db(), &dir.join("missing.db")).await, Err(BackupError::Missing(_))));
    let garbage = dir.join("garbage.db");
    std::fs::write(&garbage, "this is not a database".repeat(200)).expect("write");
    assert!(matches!(backup::restore(app.db(), &garbage).await, Err(BackupError::Damaged(..))));
    assert_eq!(differing_rows(&app, &file).await, Vec::<(String, i64)>::new());
    // The deleted account is back: its owner logs in again.
    assert_eq!(app.log_in(&new_client(), &author_student.username, PASSWORD).await.status(), StatusCode::OK);
    std::fs::remove_dir_all(&dir).expect("clean up");
}
