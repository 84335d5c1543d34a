//! The database: one pool over SQLite (embedded default) or PostgreSQL (production), and all SQL.
//!
//! Queries are written once in the common subset of both dialects and run through sqlx's `Any` driver with
//! `$1, $2` placeholders (SQLite accepts them). Migrations are per dialect (`migrations/sqlite`,
//! `migrations/postgres`) and embedded in the binary. The modules below hold the queries by feature.
//!
//! This layer only talks to the database: it takes typed values, runs SQL and returns rows or outcome
//! enums. What the rows mean for a student — a rule, a refusal and its message — is decided by the services
//! in `server::<feature>`. Every statement is a constant text (variants are named constants, built at
//! compile time), and values are always bound.
//!
//! Conventions both dialects share: integer ids; timestamps as UTC Unix seconds in integer columns, decoded
//! as `i64`; booleans as 0/1 integers, decoded and bound through [`Flag`] (the `Any` driver decodes neither
//! SQLite's BOOLEAN nor PostgreSQL's `boolean` from the other's representation).

pub mod backup;
pub mod boards;
pub mod comments;
pub mod courses;
pub mod friends;
pub mod gpa;
pub mod home;
pub mod images;
pub mod messages;
pub mod notifications;
pub mod posts;
pub mod reactions;
pub mod reports;
pub mod reviews;
pub mod schools;
pub mod seed;
pub mod sessions;
pub mod signals;
pub mod throttle;
pub mod timetables;
pub mod users;

use std::ops::{Deref, DerefMut};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyConnection, AnyPool, Executor, Transaction};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::model::codes::Code;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// This backend's text of a statement written in both dialects.
    pub fn text_of(self, statement: Dialects) -> &'static str {
        match self {
            Backend::Sqlite => statement.sqlite,
            Backend::Postgres => statement.postgres,
        }
    }

    /// The backend a `DATABASE_URL` names: `sqlite:…`, or `postgres:…` / `postgresql:…`.
    pub fn of_url(url: &str) -> Option<Backend> {
        if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Backend::Postgres)
        } else if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else {
            None
        }
    }
}

/// The connection pool, cheap to clone.
#[derive(Debug, Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    /// SQLite only: the turn to write, one transaction at a time, first come first served (see
    /// [`Db::begin_write`]).
    write_turn: Option<Arc<Semaphore>>,
    /// The live streams of this process, woken by committed writes (see [`signals`]).
    signals: Arc<signals::Signals>,
}

/// How long a write waits for its turn, as long as SQLite's busy timeout would have let it wait for the lock.
const WRITE_TURN_TIMEOUT: Duration = Duration::from_secs(5);

/// A write transaction: the connection it runs on (through `Deref`), on SQLite the write turn, held until
/// it commits, rolls back or is dropped, and the students whose streams its commit wakes.
pub struct Tx {
    transaction: Transaction<'static, Any>,
    _turn: Option<OwnedSemaphorePermit>,
    backend: Backend,
    signals: Arc<signals::Signals>,
    announced: Vec<i64>,
}

impl Tx {
    /// Wakes the student's live streams once (and only if) this transaction commits.
    pub fn announce(&mut self, user_id: i64) {
        if !self.announced.contains(&user_id) {
            self.announced.push(user_id);
        }
    }

    pub async fn commit(mut self) -> Result<(), sqlx::Error> {
        if self.backend == Backend::Postgres && !self.announced.is_empty() {
            // Delivered by PostgreSQL at commit, to every app server (see `signals`).
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(signals::CHANNEL)
                .bind(signals::payload(&self.announced))
                .execute(&mut *self.transaction)
                .await?;
        }
        self.transaction.commit().await?;
        if self.backend == Backend::Sqlite {
            for user_id in &self.announced {
                self.signals.deliver(*user_id);
            }
        }
        Ok(())
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        self.transaction.rollback().await
    }
}

impl Deref for Tx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        &self.transaction
    }
}

impl DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.transaction
    }
}

impl Db {
    /// Connects, creating the SQLite file (and its folder) if needed, and applies pending migrations.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(url).ok_or_else(|| {
            sqlx::Error::Configuration("DATABASE_URL must start with sqlite: or postgres:".into())
        })?;
        let url = match backend {
            Backend::Sqlite => prepare_sqlite_url(url)?,
            Backend::Postgres => url.to_owned(),
        };
        let options: AnyConnectOptions = url.parse()?;
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            // A pooled SQLite connection is a file handle on a thread of its own: it cannot drop the way a
            // network connection can, and pinging it before each query was one more hand-off between threads
            // per query (7% of a board page's CPU). PostgreSQL keeps the check, so that a connection the
            // database closed (a restart, a failover) is replaced instead of failing a student's request.
            .test_before_acquire(backend == Backend::Postgres)
            // Likewise the ping when a query gives its connection back (patches/sqlx_core): SQLite's worker
            // runs its commands in order, so a dropped transaction's rollback is done before the next user's
            // first statement without a round trip to wait for it.
            .test_on_release(backend == Backend::Postgres)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // Per-connection settings: enforce foreign keys, wait for a busy writer instead of
                        // failing, and fsync at checkpoints only (safe with WAL: a crash loses no commit
                        // that reached the WAL, only durability against power loss narrows).
                        conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;")
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        if backend == Backend::Sqlite {
            // WAL lets readers proceed while one writer commits; the setting is stored in the file.
            pool.execute("PRAGMA journal_mode = WAL;").await?;
        }
        let migrator = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&pool).await?;
        if backend == Backend::Sqlite {
            // Table statistics let SQLite's planner prefer the narrowest index; `optimize` gathers them only
            // where missing or stale, and the analysis limit bounds the time on a large file.
            pool.execute("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;").await?;
        }
        let write_turn = (backend == Backend::Sqlite).then(|| Arc::new(Semaphore::new(1)));
        let signals = signals::Signals::new();
        if backend == Backend::Postgres {
            signals::listen_on_postgres(url.clone(), &signals);
        }
        let db = Db { pool, backend, write_turn, signals };
        boards::seed_defaults(&db).await?;
        courses::seed_recent_semesters(&db, crate::server::now()).await?;
        Ok(db)
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn signals(&self) -> &Arc<signals::Signals> {
        &self.signals
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock up front (`BEGIN IMMEDIATE`),
    /// so that a writer never fails when it upgrades its read lock; and it first waits for this process's
    /// write turn, so that writers queue in order. Without the turn they queue on SQLite's busy handler,
    /// which polls with sleeps of up to 100 ms: under a burst of writes that wasted the lock's idle time and
    /// made the slowest writes wait half a second.
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        let turn = match &self.write_turn {
            Some(turn) => Some(
                tokio::time::timeout(WRITE_TURN_TIMEOUT, turn.clone().acquire_owned())
                    .await
                    .map_err(|_| sqlx::Error::PoolTimedOut)?
                    .map_err(|_| sqlx::Error::PoolClosed)?,
            ),
            None => None,
        };
        let transaction = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(Tx {
            transaction,
            _turn: turn,
            backend: self.backend,
            signals: self.signals.clone(),
            announced: vec![],
        })
    }
}

impl Db {
    /// Starts a write transaction that holds the student's row lock (see [`Db::begin_locked`]). Changes to one
    /// student's timetables, their posts (the posting interval and the duplicate rule read their last post) and
    /// closing their account take it first, so two requests of the same student never interleave (and a
    /// friend transaction, which locks the same rows first, cannot deadlock with them).
    pub async fn begin_for_student(&self, user_id: i64) -> Result<Tx, sqlx::Error> {
        self.begin_locked(RowLock::Student, user_id).await
    }

    /// Starts a write transaction that holds the post's row lock: comments, and the author's edit or delete,
    /// take it first, so a question post's lock ("had a comment") is decided against every comment that
    /// commits before or after, never beside it.
    pub async fn begin_for_post(&self, post_id: i64) -> Result<Tx, sqlx::Error> {
        self.begin_locked(RowLock::Post, post_id).await
    }

    /// A write transaction that first locks one row: `FOR NO KEY UPDATE` on PostgreSQL (it queues other
    /// lockers of the row, but not inserts that merely reference it), while on SQLite `BEGIN IMMEDIATE`
    /// already makes the transaction the only writer. A missing row locks nothing; the caller's own reads
    /// find it missing.
    async fn begin_locked(&self, lock: RowLock, id: i64) -> Result<Tx, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        if self.backend == Backend::Postgres {
            sqlx::query(lock.postgres_sql()).bind(id).execute(&mut *tx).await?;
        }
        Ok(tx)
    }
}

impl Db {
    /// Starts a write transaction that holds PostgreSQL advisory locks on `keys` until it ends: for rules
    /// about things that have no row of their own to lock (the recent log-in failures of an account and of
    /// an address). The keys are taken in ascending order, so two transactions never wait on each other in a
    /// cycle. On SQLite, `BEGIN IMMEDIATE` already makes the transaction the only writer.
    pub async fn begin_with_locks(&self, keys: &[LockKey]) -> Result<Tx, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        if self.backend == Backend::Postgres {
            let mut keys: Vec<i64> = keys.iter().map(|key| key.0).collect();
            keys.sort_unstable();
            keys.dedup();
            for key in keys {
                sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(key).execute(&mut *tx).await?;
            }
        }
        Ok(tx)
    }
}

/// The key of an advisory lock: the first 64 bits of a SHA-256 of a namespace and a name, so that different
/// kinds of things never share a lock by accident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockKey(i64);

impl LockKey {
    pub fn new(namespace: &str, name: &str) -> Self {
        use sha2::{Digest, Sha256};
        let digest = Sha256::new().chain_update(namespace).chain_update([0]).chain_update(name).finalize();
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        LockKey(i64::from_be_bytes(first))
    }
}

/// The rows a transaction can lock first (see [`Db::begin_locked`]).
#[derive(Debug, Clone, Copy)]
enum RowLock {
    Student,
    Post,
}

impl RowLock {
    fn postgres_sql(self) -> &'static str {
        match self {
            RowLock::Student => "SELECT id FROM users WHERE id = $1 FOR NO KEY UPDATE",
            RowLock::Post => "SELECT id FROM posts WHERE id = $1 FOR NO KEY UPDATE",
        }
    }
}

/// A boolean column (0 or 1 in both dialects), for rows and bound values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flag(pub bool);

impl From<Flag> for bool {
    fn from(flag: Flag) -> bool {
        flag.0
    }
}

impl From<bool> for Flag {
    fn from(value: bool) -> Flag {
        Flag(value)
    }
}

/// In rows the database returns as JSON (see `comments::for_post`), a flag is the number 0 or 1.
impl<'de> serde::Deserialize<'de> for Flag {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Flag, D::Error> {
        Ok(Flag(i64::deserialize(deserializer)? != 0))
    }
}

impl sqlx::Type<Any> for Flag {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <i64 as sqlx::Type<Any>>::type_info()
    }

    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <i64 as sqlx::Type<Any>>::compatible(ty)
    }
}

impl<'r> sqlx::Decode<'r, Any> for Flag {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        Ok(Flag(<i64 as sqlx::Decode<Any>>::decode(value)? != 0))
    }
}

impl<'q> sqlx::Encode<'q, Any> for Flag {
    fn encode_by_ref(
        &self,
        buf: &mut <Any as sqlx::Database>::ArgumentBuffer<'q>,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <i64 as sqlx::Encode<Any>>::encode(i64::from(self.0), buf)
    }
}

/// A value of a closed set (see `model::codes`), stored as its code in a text column. An unknown code in
/// the database is a decoding error: stored data the code no longer knows is a fault to see, not a default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stored<T>(pub T);

impl<T: Code> sqlx::Type<Any> for Stored<T> {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <String as sqlx::Type<Any>>::type_info()
    }

    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <String as sqlx::Type<Any>>::compatible(ty)
    }
}

impl<'r, T: Code> sqlx::Decode<'r, Any> for Stored<T> {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let code = <String as sqlx::Decode<Any>>::decode(value)?;
        T::from_code(&code).map(Stored).ok_or_else(|| format!("unknown stored code {code:?}").into())
    }
}

impl<'q, T: Code> sqlx::Encode<'q, Any> for Stored<T> {
    fn encode_by_ref(
        &self,
        buf: &mut <Any as sqlx::Database>::ArgumentBuffer<'q>,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <&str as sqlx::Encode<Any>>::encode(self.0.code(), buf)
    }
}

/// A statement whose text differs between the dialects beyond its placeholders, in both, written out at
/// compile time (see [`json_rows`]).
#[derive(Debug, Clone, Copy)]
pub struct Dialects {
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

/// SQL in both [`Dialects`]: the rows of the statement `$rows` (aliased `t`) as one row, a JSON array of
/// objects of `$fields` (`'name', t.column, …`) in `$order`, built by the database with its own array and
/// object functions. The driver hands each row over between threads on its own (SQLite's connection runs
/// on a worker thread), and a board page's 21 rows, or a 300-comment thread, spent more time in those
/// hand-offs than in the database.
macro_rules! json_rows {
    ($fields:expr, $order:expr, $rows:expr) => {
        $crate::server::db::json_rows!(@with $fields, $order, $rows, "")
    };
    // `$after`: more columns after the array, of values that do not depend on the rows.
    (@with $fields:expr, $order:expr, $rows:expr, $after:expr) => {
        $crate::server::db::Dialects {
            sqlite: $crate::server::db::json_rows!(@in "json_group_array", "json_object", $fields, $order, $rows, $after),
            postgres: $crate::server::db::json_rows!(@in "json_agg", "json_build_object", $fields, $order, $rows, $after),
        }
    };
    (@in $array:literal, $object:literal, $fields:expr, $order:expr, $rows:expr, $after:expr) => {
        concat!(
            "SELECT COALESCE(CAST(", $array, "(", $object, "(", $fields, ") ORDER BY ", $order,
            ") AS TEXT), '[]')", $after, " FROM (", $rows, ") t"
        )
    };
}
pub(crate) use json_rows;

/// SQL: a row of `$alias` (posts or comments) that reports have hidden shows only to its author and to
/// admins; `$2` is always the viewer. One text for every query that applies the rule.
macro_rules! visible_to_viewer {
    ($alias:literal) => {
        concat!(
            "(",
            $alias,
            ".is_hidden = 0 OR ",
            $alias,
            ".author_id = $2 ",
            "OR EXISTS (SELECT 1 FROM users a WHERE a.id = $2 AND a.is_admin = 1))"
        )
    };
}
pub(crate) use visible_to_viewer;

/// Makes `sqlite://path` create its file (`mode=rwc`) and the file's folder.
fn prepare_sqlite_url(url: &str) -> Result<String, sqlx::Error> {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path != ":memory:" && !path.is_empty() {
        if let Some(parent) = Path::new(path).parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| sqlx::Error::Configuration(Box::new(e)))?;
        }
    }
    let query = if query.contains("mode=") {
        query.to_owned()
    } else if query.is_empty() {
        "mode=rwc".to_owned()
    } else {
        format!("{query}&mode=rwc")
    };
    Ok(format!("sqlite://{path}?{query}"))
}

/// A LIKE pattern (used with `ESCAPE '\\'`) for "contains `text`": the wildcards are escaped, so that a
/// search for "100%" means the text "100%".
pub fn contains_pattern(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}
