//! Settings, from the command line or the environment, with defaults that make `cargo run` work.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::storage::DbOptions;

/// The khuyencong API: Hải Phòng's industrial promotion programme figures, exact and explained.
#[derive(Debug, Parser)]
#[command(name = "khuyencong", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub settings: Settings,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Migrate, load the seeds on first start, and serve HTTP (the default).
    Serve,
    /// Apply the database migrations and exit.
    Migrate,
    /// Load the seed programmes again on purpose, replacing those programmes.
    Seed,
    /// Print the OpenAPI document.
    Openapi,
    /// Print the JSON Schema of the programme document (seeds/programme.schema.json).
    Schema,
    /// Create or replace a programme from a document file, validated and audited as `cli`.
    Import {
        /// The programme document (JSON); `-` reads standard input.
        file: PathBuf,
    },
    /// Draft a programme document from a report's text (UTF-8; `-` reads standard input) and
    /// print the draft as JSON: the document, every figure with its quote, the warnings (in
    /// the locale's language: LANG=vi_VN.UTF-8 for Vietnamese). Needs no database; nothing is stored.
    Draft {
        /// The report's text; `-` (the default) reads standard input.
        #[arg(default_value = "-")]
        file: PathBuf,
    },
    /// Print a programme as a document, in canonical form.
    Export {
        /// The programme id.
        id: String,
    },
    /// Write synthetic programmes (made-up figures, ids `synthetic-<province>-<period>`) through
    /// the import path, for scale tests; prints how fast they were written.
    Generate {
        /// How many provinces, in alphabetical order of their slugs (1 to 63).
        #[arg(long, default_value_t = 63, value_parser = clap::value_parser!(u16).range(1..=63))]
        provinces: u16,
        /// The periods, comma-separated.
        #[arg(long, value_delimiter = ',', default_value = "2011-2015,2016-2020,2021-2025")]
        periods: Vec<String>,
        /// Scheme records per programme.
        #[arg(long)]
        records: usize,
        /// The random seed: the same seed gives the same programmes.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// The kinds, comma-separated: `result`, `plan` (a plan's id ends in `-plan`).
        #[arg(long, value_delimiter = ',', default_value = "result")]
        kinds: Vec<String>,
        /// Also the units in force today (the 34 since the 2025 merger) for these periods,
        /// comma-separated (none by default).
        #[arg(long, value_delimiter = ',')]
        today_periods: Vec<String>,
        /// Publish some figures as less than exact: a total cost "about", a scheme count "at
        /// least", a source's figure an estimate (chosen by each programme's id).
        #[arg(long)]
        approximate: bool,
    },
    /// Manage the bearer tokens that authorise writes.
    #[command(subcommand)]
    Token(TokenCommand),
}

#[derive(Debug, Clone, Subcommand)]
pub enum TokenCommand {
    /// Create a token and print it (once: only its hash is kept).
    Create {
        /// Who the token is for, as the audit trail will name it (e.g. so-cong-thuong).
        #[arg(long)]
        name: String,
        /// `write` (edit programmes) or `admin` (also read the audit trail).
        #[arg(long, value_enum)]
        scope: crate::storage::Scope,
        /// Days until the token expires; no expiry when absent.
        #[arg(long)]
        expires_in_days: Option<u32>,
    },
    /// List tokens (never their secrets).
    List,
    /// Revoke one token, named by its id or by its (unique) name.
    Revoke { id_or_name: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// Every setting; each flag can also be given by the environment variable it names.
#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// Database: `sqlite://FILE` (created when missing) or `postgres://USER@HOST/DB`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://khuyencong.db", global = true)]
    pub database_url: String,
    /// Address and port to serve HTTP on.
    #[arg(long, env = "BIND_ADDR", default_value = "127.0.0.1:8080", global = true)]
    pub bind_addr: String,
    /// Directory of seed programme documents (*.json). Unset: the seeds built into the binary,
    /// which are the repository's seeds/ at build time.
    #[arg(long, env = "SEEDS_DIR", global = true)]
    pub seeds_dir: Option<PathBuf>,
    /// Largest number of database connections per instance.
    #[arg(long, env = "DATABASE_MAX_CONNECTIONS", default_value_t = 10, global = true)]
    pub database_max_connections: u32,
    /// Seconds to wait for a database connection before answering 503.
    #[arg(long, env = "DATABASE_ACQUIRE_TIMEOUT_SECS", default_value_t = 3, global = true)]
    pub database_acquire_timeout_secs: u64,
    /// HTTP worker threads; 0 means one per CPU core.
    #[arg(long, env = "HTTP_WORKERS", default_value_t = 0, global = true)]
    pub http_workers: usize,
    /// Largest request body, in bytes, except for a whole-programme PUT.
    #[arg(long, env = "BODY_LIMIT_BYTES", default_value_t = 1 << 20, global = true)]
    pub body_limit_bytes: usize,
    /// Largest body of a whole-programme PUT (an import), in bytes.
    #[arg(long, env = "IMPORT_BODY_LIMIT_BYTES", default_value_t = 64 << 20, global = true)]
    pub import_body_limit_bytes: usize,
    /// Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed: comma-separated
    /// addresses or CIDR blocks. Empty: those headers are ignored.
    #[arg(long, env = "TRUSTED_PROXIES", default_value = "", global = true)]
    pub trusted_proxies: String,
    /// Serve `/metrics` on this address instead of the API's (e.g. `127.0.0.1:9090`, so that only
    /// the monitoring side can read it). Unset: `/metrics` is on the API's address.
    #[arg(long, env = "METRICS_BIND_ADDR", global = true)]
    pub metrics_bind_addr: Option<String>,
    /// Browser origins allowed to write (CORS), comma-separated; reads are open to any origin.
    #[arg(long, env = "CORS_WRITE_ORIGINS", default_value = "", global = true)]
    pub cors_write_origins: String,
    /// Writes allowed per token per minute, counted once the token is checked (then 429 with
    /// Retry-After).
    #[arg(long, env = "WRITE_RATE_PER_MINUTE", default_value_t = 60, global = true)]
    pub write_rate_per_minute: u32,
    /// Writes a token may send at once before the per-minute rate applies.
    #[arg(long, env = "WRITE_RATE_BURST", default_value_t = 20, global = true)]
    pub write_rate_burst: u32,
    /// Failed authentications (a wrong, revoked or expired token) allowed per client address per
    /// minute, all at once if need be; then 429 with Retry-After. A request with no token is 401
    /// and spends nothing.
    #[arg(long, env = "AUTH_FAILURES_PER_MINUTE", default_value_t = 10, global = true)]
    pub auth_failures_per_minute: u32,
    /// Seconds a client has to send a request's headers (then 408).
    #[arg(long, env = "REQUEST_TIMEOUT_SECS", default_value_t = 10, global = true)]
    pub request_timeout_secs: u64,
    /// Seconds a database statement may run (PostgreSQL statement_timeout), then 503.
    #[arg(long, env = "DATABASE_STATEMENT_TIMEOUT_SECS", default_value_t = 10, global = true)]
    pub database_statement_timeout_secs: u64,
    /// An optional read replica (PostgreSQL streaming replica): reads go to it whenever it has
    /// caught up with the primary; writes and version checks go to DATABASE_URL.
    #[arg(long, env = "DATABASE_READ_URL", global = true)]
    pub database_read_url: Option<String>,
    /// Seconds in-flight requests get to finish after SIGTERM or Ctrl-C.
    #[arg(long, env = "SHUTDOWN_TIMEOUT_SECS", default_value_t = 20, global = true)]
    pub shutdown_timeout_secs: u64,
    /// Keep read responses in memory per data version (`false`: build every response, as the
    /// scale benchmark does to measure the database).
    #[arg(long, env = "RESPONSE_CACHE", default_value_t = true, action = clap::ArgAction::Set, global = true)]
    pub response_cache: bool,
    /// Whole-programme downloads (export) streamed at once; fewer than the pool's connections,
    /// so that cheap reads and health checks always find one.
    #[arg(long, env = "HEAVY_READ_PERMITS", default_value_t = 2, global = true)]
    pub heavy_read_permits: u32,
    /// Seconds a download waits in line for a permit before 503 with Retry-After.
    #[arg(long, env = "HEAVY_READ_WAIT_SECS", default_value_t = 30, global = true)]
    pub heavy_read_wait_secs: u64,
    /// Seconds a download may take to be sent; a reader slower than that is cut off, so that it
    /// cannot hold a connection and a snapshot for ever.
    #[arg(long, env = "HEAVY_READ_DEADLINE_SECS", default_value_t = 300, global = true)]
    pub heavy_read_deadline_secs: u64,
    /// The most the response cache holds, in bytes (keys, headers and bodies); the least used
    /// entries leave first.
    #[arg(long, env = "RESPONSE_CACHE_BYTES", default_value_t = 64 << 20, global = true)]
    pub response_cache_bytes: u64,
    /// Log lines as human-readable text or JSON. The level comes from RUST_LOG (default info).
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
}

impl Settings {
    pub fn db_options(&self) -> DbOptions {
        DbOptions {
            url: self.database_url.clone(),
            max_connections: self.database_max_connections.max(1),
            acquire_timeout: Duration::from_secs(self.database_acquire_timeout_secs.max(1)),
            statement_timeout: Duration::from_secs(self.database_statement_timeout_secs.max(1)),
        }
    }

    /// Defaults for a test or a tool: the given database, any free port on loopback.
    pub fn for_database(database_url: impl Into<String>) -> Settings {
        Settings {
            database_url: database_url.into(),
            bind_addr: "127.0.0.1:0".into(),
            seeds_dir: None,
            database_max_connections: 5,
            database_acquire_timeout_secs: 3,
            http_workers: 1,
            body_limit_bytes: 1 << 20,
            import_body_limit_bytes: 64 << 20,
            database_read_url: None,
            trusted_proxies: String::new(),
            metrics_bind_addr: None,
            cors_write_origins: String::new(),
            write_rate_per_minute: 6000,
            write_rate_burst: 1000,
            auth_failures_per_minute: 1000,
            request_timeout_secs: 10,
            database_statement_timeout_secs: 10,
            shutdown_timeout_secs: 5,
            response_cache: true,
            response_cache_bytes: 64 << 20,
            heavy_read_permits: 2,
            heavy_read_wait_secs: 2,
            heavy_read_deadline_secs: 300,
            log_format: LogFormat::Text,
        }
    }
}
