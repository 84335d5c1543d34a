//! The two dialects' migrations give one schema, and the stable-code migration keeps existing data.
//!
//! SQL is written once for both databases (see `server::db`), so the schemas its migrations build must
//! agree table by table and column by column: a column that is nullable in one dialect only, or missing
//! from one, would make one query behave differently on the other. The comparison needs both databases and
//! runs on the PostgreSQL pass.

use std::collections::BTreeMap;

use sqlx::Connection as _;

use crate::helpers::fresh_database_url;

/// A column as both dialects can describe it: nullable or not, and its kind of value.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    nullable: bool,
    kind: &'static str,
}

/// Integer, text or real, whatever the dialect's spelling (INTEGER, BIGINT, SMALLINT, TEXT, …).
fn kind(declared: &str) -> &'static str {
    let declared = declared.to_ascii_lowercase();
    if declared.contains("int") {
        "integer"
    } else if declared.contains("char") || declared.contains("text") {
        "text"
    } else if declared.contains("real") || declared.contains("double") || declared.contains("float") {
        "real"
    } else {
        "other"
    }
}

type Schema = BTreeMap<String, BTreeMap<String, Column>>;

async fn sqlite_schema(url: &str) -> Schema {
    let mut conn = sqlx::AnyConnection::connect(url).await.expect("connect to SQLite");
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut conn)
    .await
    .expect("tables");
    let mut schema = Schema::new();
    for table in tables {
        let columns: Vec<(String, String, i64, i64)> =
            sqlx::query_as("SELECT name, type, \"notnull\", pk FROM pragma_table_info($1)")
                .bind(&table)
                .fetch_all(&mut conn)
                .await
                .expect("columns");
        // An INTEGER PRIMARY KEY is the row id: never NULL, whatever `notnull` says.
        let columns = columns
            .into_iter()
            .map(|(name, declared, not_null, pk)| {
                (name, Column { nullable: not_null == 0 && pk == 0, kind: kind(&declared) })
            })
            .collect();
        schema.insert(table, columns);
    }
    schema
}

async fn postgres_schema(url: &str) -> Schema {
    let mut conn = sqlx::AnyConnection::connect(url).await.expect("connect to PostgreSQL");
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT table_name::TEXT, column_name::TEXT, is_nullable::TEXT, data_type::TEXT \
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations' \
         ORDER BY table_name, column_name",
    )
    .fetch_all(&mut conn)
    .await
    .expect("columns");
    let mut schema = Schema::new();
    for (table, column, nullable, declared) in rows {
        schema
            .entry(table)
            .or_default()
            .insert(column, Column { nullable: nullable == "YES", kind: kind(&declared) });
    }
    schema
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn both_dialects_migrate_to_the_same_tables_and_columns() {
    let Some(postgres_url) =
        std::env::var("CAMPUS_TEST_DATABASE_URL").ok().filter(|u| u.starts_with("postgres"))
    else {
        eprintln!("the schema comparison runs on the PostgreSQL pass");
        return;
    };
    let postgres = fresh_database_url().await;
    assert!(postgres.starts_with(postgres_url.rsplit_once('/').map_or("", |(server, _)| server)));
    let dir = std::env::temp_dir().join("campus-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let sqlite = format!("sqlite://{}/schema-{}.db", dir.display(), campus::server::now_ms());
    for url in [&postgres, &sqlite] {
        campus::server::db::Db::connect(url, 2).await.expect("migrate");
    }
    let (sqlite, postgres) = (sqlite_schema(&sqlite).await, postgres_schema(&postgres).await);

    assert_eq!(sqlite.keys().collect::<Vec<_>>(), postgres.keys().collect::<Vec<_>>(), "the same tables");
    let mut differences = Vec::new();
    for (table, columns) in &sqlite {
        let other = &postgres[table];
        for name in columns.keys().chain(other.keys()) {
            match (columns.get(name), other.get(name)) {
                (Some(a), Some(b)) if a == b => {}
                (a, b) => differences.push(format!("{table}.{name}: SQLite {a:?}, PostgreSQL {b:?}")),
            }
        }
    }
    differences.dedup();
    assert!(differences.is_empty(), "the schemas differ:\n{}", differences.join("\n"));
    let columns: usize = sqlite.values().map(BTreeMap::len).sum();
    println!("schemas agree: {} tables, {columns} columns", sqlite.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn stored_positions_and_labels_become_stable_codes_and_nothing_is_lost() {
    let url = fresh_database_url().await;
    let postgres = url.starts_with("postgres");
    let migrations = if postgres { "migrations/postgres" } else { "migrations/sqlite" };
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(migrations);
    let all = sqlx::migrate::Migrator::new(path).await.expect("migrations");
    // The schema as it was before the codes: every migration up to 0008.
    let mut before =
        sqlx::migrate::Migrator::new(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(migrations))
            .await
            .expect("migrations");
    before.migrations = all.migrations.iter().filter(|m| m.version < 9).cloned().collect::<Vec<_>>().into();
    sqlx::any::install_default_drivers();
    let url = if postgres { url } else { format!("{url}?mode=rwc") };
    let mut conn = sqlx::AnyConnection::connect(&url).await.expect("connect");
    before.run(&mut conn).await.expect("the old schema");

    // Old rows: a school, a student, a post with a report by position, a course by Korean label, a review
    // with answers by position.
    for sql in [
        "INSERT INTO schools (id, name, short_name) VALUES (9001, '옛학교', '옛')",
        "INSERT INTO departments (id, school_id, name) VALUES (9001, 9001, '옛학과')",
        "INSERT INTO users (id, username, username_key, password_hash, nickname, nickname_key, school_id, \
         department_id, admission_year, created_at) VALUES (9001, 'old_one', 'old_one', '', '옛사람', '옛사람', 9001, 9001, 2020, 0)",
        "INSERT INTO boards (id, school_id, slug, name, description, anonymity, position) \
         VALUES (9001, 9001, 'free', '자유', '', 1, 0)",
        "INSERT INTO posts (id, board_id, school_id, author_id, title, body, is_anonymous, is_question, created_at) \
         VALUES (9001, 9001, 9001, 9001, '글', '본문', 0, 0, 0)",
        "INSERT INTO reports (target_kind, target_id, reporter_id, reason, created_at) VALUES ('post', 9001, 9001, 5, 0)",
        "INSERT INTO courses (id, school_id, semester, code, name, professor, department_id, credits, category, \
         room, capacity) VALUES (9001, 9001, 20261, 'OLD101-01', '옛강의', '김교수', 9001, 3, '교양선택', '101', 30)",
        "INSERT INTO course_reviews (school_id, course_name, professor, user_id, semester, stars, body, \
         assignments, team_projects, grading, attendance, exams, created_at) \
         VALUES (9001, '옛강의', '김교수', 9001, 20261, 4, '오래된 강의평입니다.', 0, 2, 1, 3, 2, 0)",
    ] {
        sqlx::query(sql).execute(&mut conn).await.expect("an old row");
    }
    all.run(&mut conn).await.expect("the code migration");

    let reason: String =
        sqlx::query_scalar("SELECT reason FROM reports").fetch_one(&mut conn).await.expect("reason");
    assert_eq!(reason, "spam", "position 5 was 낚시/놀람/도배");
    let category: String = sqlx::query_scalar("SELECT category FROM courses WHERE id = 9001")
        .fetch_one(&mut conn)
        .await
        .expect("category");
    assert_eq!(category, "general_elective");
    let answers: (String, String, String, String, i64, String) = sqlx::query_as(
        "SELECT assignments, team_projects, grading, attendance, exams, body FROM course_reviews",
    )
    .fetch_one(&mut conn)
    .await
    .expect("review");
    assert_eq!(
        answers,
        (
            "many".into(),
            "none".into(),
            "average".into(),
            "electronic".into(),
            2,
            "오래된 강의평입니다.".into()
        )
    );
}
