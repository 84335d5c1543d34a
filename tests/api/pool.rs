//! The database pool: a connection given back to the pool carries nothing over to its next user. On SQLite
//! the pool gives connections back without the ping sqlx would send (`server::db::Db::connect`), so a
//! dropped transaction's rollback must still come before the next user's first statement.

use sqlx::Acquire as _;

use crate::helpers::fresh_database_url;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_dropped_transaction_is_rolled_back_before_its_connection_is_used_again() {
    // One connection, so that every round below gets the connection the previous round gave back.
    let db = campus::server::db::Db::connect(&fresh_database_url().await, 1).await.expect("connect");
    for round in 0..50_i64 {
        let id = 90_000 + round;
        {
            let mut conn = db.pool().acquire().await.expect("a connection");
            let mut tx = conn.begin().await.expect("begin");
            sqlx::query("INSERT INTO schools (id, name, short_name) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(format!("버려진 학교 {round}"))
                .bind(format!("버{round}"))
                .execute(&mut *tx)
                .await
                .expect("insert");
            // Dropped uncommitted (as when a request is cancelled): sqlx queues a rollback.
            drop(tx);
        }
        // The next user of the same connection opens a transaction of its own (a pending one would refuse
        // it) and sees none of the dropped transaction's rows.
        let mut tx = db.pool().begin().await.expect("a new transaction on the given-back connection");
        let seen: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM schools WHERE id >= 90000")
            .fetch_one(&mut *tx)
            .await
            .expect("count");
        assert_eq!(seen, 0, "round {round}: the dropped transaction's school is visible");
        tx.commit().await.expect("commit");
    }
}
