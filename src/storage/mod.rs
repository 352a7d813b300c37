//! Storage: the only module with SQL. SQLite or PostgreSQL through `sqlx::Any`, money as BIGINT đồng.
//!
//! Why `sqlx::Any`: one set of queries serves both engines (`$1` placeholders work on both), so
//! no query can drift between them. Its price is that it decodes only integers, floats, text,
//! bytes and booleans, so money is integer đồng (never a float), dates are ISO text, and every
//! `SUM` is `CAST(… AS BIGINT)` (PostgreSQL's `SUM(bigint)` is NUMERIC). Where the engines truly
//! differ (DDL, `BEGIN IMMEDIATE`), the difference is written here, keyed on [`Engine`].

mod audit;
mod documents;
mod edits;
mod reads;
mod reference;
mod rows;
pub mod seeds;
mod tokens;
mod versions;
mod writes;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};

pub use audit::*;
pub use edits::{RecordEdit, ReportedEdit};
pub use reads::*;
pub use rows::Metadata;
pub use tokens::*;
pub use versions::*;
pub use writes::*;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A connection pool and the engine behind it, and optionally a read replica. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    engine: Engine,
    replica: Option<Arc<Replica>>,
}

/// A read replica (`DATABASE_READ_URL`) and whether it has caught up with the primary: reads go
/// to it only then, so no read shows older data than the version this instance last saw.
#[derive(Debug)]
struct Replica {
    pool: AnyPool,
    caught_up: AtomicBool,
}

/// How to reach the database.
#[derive(Clone, Debug)]
pub struct DbOptions {
    pub url: String,
    pub max_connections: u32,
    pub acquire_timeout: Duration,
    pub statement_timeout: Duration,
}

impl Engine {
    pub fn of_url(url: &str) -> anyhow::Result<Engine> {
        if url.starts_with("sqlite:") {
            Ok(Engine::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Engine::Postgres)
        } else {
            anyhow::bail!("DATABASE_URL must start with sqlite: or postgres:// (got {:?})", redact(url))
        }
    }
}

/// The URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.split_once(':') {
                Some((user, _password)) => {
                    format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
                }
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// A SQLite URL opens read-write and creates the file, unless it says otherwise.
fn with_sqlite_defaults(url: &str) -> String {
    if url.contains("mode=") || url.contains(":memory:") {
        url.to_string()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

/// The SQLite URL opened read-write without creating the file (`mode=rw`), whatever mode it
/// asked for.
fn sqlite_without_create(url: &str) -> String {
    let url = with_sqlite_defaults(url);
    url.replace("mode=rwc", "mode=rw").replace("mode=memory", "mode=rw")
}

impl Db {
    pub async fn connect(options: &DbOptions) -> anyhow::Result<Db> {
        Db::open(options, with_sqlite_defaults(&options.url)).await
    }

    /// The database at `options.url` as the server left it: never created, migrated or seeded.
    /// For the CLI's read commands (`export`, `token …`): pointed at nothing, or at a database
    /// this version has not migrated, they say so instead of making an empty one.
    pub async fn open_existing(options: &DbOptions) -> anyhow::Result<Db> {
        install_default_drivers();
        let url = match Engine::of_url(&options.url)? {
            Engine::Sqlite => sqlite_without_create(&options.url),
            Engine::Postgres => options.url.clone(),
        };
        let db = Db::open(options, url).await.with_context(
            || "there is no khuyencong database there: give the CLI the server's DATABASE_URL (or --database-url)",
        )?;
        let migrator = match db.engine {
            Engine::Sqlite => &SQLITE_MIGRATIONS,
            Engine::Postgres => &POSTGRES_MIGRATIONS,
        };
        db.refuse_old_schema(migrator).await?;
        let applied: Vec<(i64,)> = sqlx::query_as("SELECT version FROM _sqlx_migrations WHERE success")
            .fetch_all(&db.pool)
            .await
            .unwrap_or_default();
        let missing = migrator.iter().filter(|m| !applied.iter().any(|(v,)| *v == m.version)).count();
        if applied.is_empty() {
            anyhow::bail!(
                "the database {} holds no khuyencong data: give the CLI the server's DATABASE_URL (or --database-url)",
                redact(&options.url)
            );
        }
        if missing > 0 {
            anyhow::bail!(
                "the database {} lacks {missing} migration(s) of this version: start the server or run `khuyencong migrate` first",
                redact(&options.url)
            );
        }
        Ok(db)
    }

    async fn open(options: &DbOptions, url: String) -> anyhow::Result<Db> {
        install_default_drivers();
        let engine = Engine::of_url(&options.url)?;
        let url = match engine {
            Engine::Sqlite => url,
            Engine::Postgres => options.url.clone(),
        };
        // One direct connection first: the pool would only say "timed out", this says why.
        let probe = <sqlx::AnyConnection as sqlx::Connection>::connect(&url)
            .await
            .with_context(|| format!("cannot open the database {}", redact(&options.url)))?;
        sqlx::Connection::close(probe).await.ok();
        let statement_timeout_ms = options.statement_timeout.as_millis();
        let pool = AnyPoolOptions::new()
            .max_connections(options.max_connections)
            .acquire_timeout(options.acquire_timeout)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if engine == Engine::Postgres {
                        conn.execute(format!("SET statement_timeout = {statement_timeout_ms}").as_str()).await?;
                    }
                    if engine == Engine::Sqlite {
                        // WAL lets readers run beside the one writer; NORMAL is durable in WAL.
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .with_context(|| format!("cannot open the database {}", redact(&options.url)))?;
        Ok(Db { pool, engine, replica: None })
    }

    /// Sends reads to a replica at `options.url` whenever it has caught up (see
    /// [`Db::check_replica`]); writes, and the version checks, stay on this primary.
    pub async fn with_replica(mut self, options: &DbOptions) -> anyhow::Result<Db> {
        let replica = Db::connect(options).await.context("cannot open the read replica (DATABASE_READ_URL)")?;
        self.replica = Some(Arc::new(Replica { pool: replica.pool, caught_up: AtomicBool::new(false) }));
        Ok(self)
    }

    pub fn has_replica(&self) -> bool {
        self.replica.is_some()
    }

    /// The pool reads use: the replica when it has caught up, else the primary.
    fn reads(&self) -> &AnyPool {
        match &self.replica {
            Some(replica) if replica.caught_up.load(Ordering::Acquire) => &replica.pool,
            _ => &self.pool,
        }
    }

    /// Compares the replica's data version with `primary` (the primary's, read just before) and
    /// routes reads to the replica only if it holds at least that version. Call it before
    /// publishing `primary` to anything that caches by version.
    pub async fn check_replica(&self, primary: i64) {
        let Some(replica) = &self.replica else { return };
        let version = versions::version_in(&replica.pool).await;
        replica.caught_up.store(version.is_ok_and(|v| v >= primary), Ordering::Release);
    }

    /// Stops reading from the replica until the next check (a write has just moved the primary).
    pub fn distrust_replica(&self) {
        if let Some(replica) = &self.replica {
            replica.caught_up.store(false, Ordering::Release);
        }
    }

    pub fn engine_name(&self) -> &'static str {
        match self.engine {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        }
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Applies pending migrations. On PostgreSQL sqlx holds an advisory lock meanwhile, so
    /// instances starting together apply each migration once. SQLite has no such lock: a second
    /// instance can find a table the first has just created, so there a failed run is retried
    /// (each migration is one transaction, and a retry skips what the other applied).
    #[tracing::instrument(skip(self), fields(engine = self.engine_name()))]
    pub async fn migrate(&self) -> anyhow::Result<()> {
        let (migrator, attempts) = match self.engine {
            Engine::Sqlite => (&SQLITE_MIGRATIONS, 5),
            Engine::Postgres => (&POSTGRES_MIGRATIONS, 1),
        };
        self.refuse_old_schema(migrator).await?;
        let mut attempt = 1;
        loop {
            match migrator.run(&self.pool).await {
                Ok(()) => return Ok(()),
                Err(_) if attempt < attempts => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(100 * attempt)).await;
                }
                Err(e) => return Err(e).context("cannot apply the database migrations"),
            }
        }
    }

    /// A database made by the migrations squashed into the baseline cannot be
    /// migrated in place: say so, and how to carry its data over, instead of sqlx's "migration
    /// was previously applied but is missing".
    async fn refuse_old_schema(&self, migrator: &sqlx::migrate::Migrator) -> anyhow::Result<()> {
        let baseline = migrator.iter().map(|m| m.version).min().unwrap_or_default();
        // No table yet (a new database) reads as an error: nothing applied, nothing to refuse.
        let applied: Vec<(i64,)> =
            sqlx::query_as("SELECT version FROM _sqlx_migrations").fetch_all(&self.pool).await.unwrap_or_default();
        if let Some((unknown,)) = applied.iter().find(|(v,)| *v < baseline) {
            anyhow::bail!(
                "this database was made before the schema baseline of 2026-11-27 (its migration {unknown} is no longer \
                 shipped): export each programme with the binary that made it (`khuyencong export ID > ID.json`), then \
                 import them into a new database with this one (`khuyencong import ID.json`)"
            );
        }
        Ok(())
    }

    /// Opens a write transaction. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`),
    /// so two writers queue on the busy timeout instead of failing half-way.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.engine {
            Engine::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Engine::Postgres => self.pool.begin().await,
        }
    }

    /// A trivial query: does the database answer?
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1").execute(&self.pool).await.map(|_| ())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Whether an error means the database cannot be reached or is busy now (503), rather than a bug.
pub fn is_unavailable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::Tls(_) => true,
        sqlx::Error::WorkerCrashed => true,
        // Each engine by its own codes. A PostgreSQL SQLSTATE is five characters (22021 is a NUL
        // byte in text), a SQLite code a number below 10,000 (extended codes keep the primary
        // code in their low byte): read as one number, 22021 looked like SQLite's BUSY.
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            if code.len() == 5 {
                // 08 connection exceptions, 57P0x shutdown, 53 insufficient resources, 40001
                // serialization failure, 40P01 deadlock, 55P03 lock not available.
                code.starts_with("08")
                    || code.starts_with("57P0")
                    || code.starts_with("53")
                    || matches!(code.as_ref(), "40001" | "40P01" | "55P03")
            } else {
                // 5 BUSY, 6 LOCKED, 8 READONLY, 10 IOERR, 13 FULL, 14 CANTOPEN.
                code.parse::<i32>().is_ok_and(|c| matches!(c & 0xff, 5 | 6 | 8 | 10 | 13 | 14))
            }
        }
        _ => false,
    }
}

/// The current time as ISO 8601 UTC text, for `updated_at` and `loaded_at` columns.
pub fn now_text() -> String {
    time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc())
        .format(&time::format_description::well_known::Rfc3339)
        .expect("RFC 3339 formats any UTC time")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_classified_by_their_engines_codes() {
        #[derive(Debug)]
        struct Coded(&'static str);
        impl std::fmt::Display for Coded {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "code {}", self.0)
            }
        }
        impl std::error::Error for Coded {}
        impl sqlx::error::DatabaseError for Coded {
            fn message(&self) -> &str {
                self.0
            }
            fn code(&self) -> Option<std::borrow::Cow<'_, str>> {
                Some(self.0.into())
            }
            fn as_error(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
                self
            }
            fn as_error_mut(&mut self) -> &mut (dyn std::error::Error + Send + Sync + 'static) {
                self
            }
            fn into_error(self: Box<Self>) -> Box<dyn std::error::Error + Send + Sync + 'static> {
                self
            }
            fn kind(&self) -> sqlx::error::ErrorKind {
                sqlx::error::ErrorKind::Other
            }
        }
        let unavailable = |code| is_unavailable(&sqlx::Error::Database(Box::new(Coded(code))));
        for code in ["08006", "57P01", "57P03", "53300", "40P01", "5", "517", "6", "14"] {
            assert!(unavailable(code), "{code}: 503");
        }
        for code in ["22021", "42501", "23505", "2067", "19", "1"] {
            assert!(!unavailable(code), "{code}: a bug or a bad request, not 503");
        }
    }

    #[test]
    fn redacts_passwords() {
        assert_eq!(redact("postgres://app:s3cret@db:5432/k"), "postgres://app:***@db:5432/k");
        assert_eq!(redact("sqlite://khuyencong.db"), "sqlite://khuyencong.db");
        assert_eq!(redact("postgres://root@localhost/k"), "postgres://root@localhost/k");
    }

    #[test]
    fn sqlite_urls_create_the_file_unless_told_otherwise() {
        assert_eq!(with_sqlite_defaults("sqlite://k.db"), "sqlite://k.db?mode=rwc");
        assert_eq!(with_sqlite_defaults("sqlite://k.db?mode=ro"), "sqlite://k.db?mode=ro");
    }
}
