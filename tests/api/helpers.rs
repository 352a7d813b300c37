//! `spawn_app`: a server on a random port over a fresh database of the engine under test.

use std::sync::{Mutex, Once};

use khuyencong::configuration::Settings;
use khuyencong::startup::Application;
use khuyencong::storage::Db;
use serde_json::Value;

/// A response as a test reads it: its status, its headers and its body.
pub struct Got {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Vec<u8>,
}

impl Got {
    /// The header `name`, when the response has it.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().expect("a text header"))
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8")
    }

    /// The body as JSON (Null when it is not JSON).
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
}

/// Runs the binary with `args` and `env` beside `RUST_LOG=warn`, in the temporary directory,
/// with no `SEEDS_DIR`: exit code, stdout, stderr.
pub fn run_binary(env: &[(&str, &str)], args: &[&str]) -> (i32, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_khuyencong"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .env("RUST_LOG", "warn")
        .env_remove("SEEDS_DIR")
        .envs(env.iter().copied())
        .output()
        .expect("run the binary");
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (output.status.code().unwrap_or(-1), text(output.stdout), text(output.stderr))
}

/// Runs a command of the binary (`import`, `token create`…) on `database_url`.
pub fn run_cli(database_url: &str, args: &[&str]) -> (i32, String, String) {
    run_binary(&[("DATABASE_URL", database_url)], args)
}

pub struct TestApp {
    pub address: String,
    /// `/metrics` on its own port, when the settings gave it one.
    pub metrics_port: Option<u16>,
    pub database_url: String,
    pub client: reqwest::Client,
}

static ENGINE_NOTICE: Once = Once::new();

/// A database a test made, dropped when the test process exits.
enum Made {
    Sqlite(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

static MADE: Mutex<Vec<Made>> = Mutex::new(Vec::new());

fn remember(made: Made) {
    static HOOK: Once = Once::new();
    // SAFETY: `drop_made` is a plain `extern "C" fn` that never unwinds (it catches every panic).
    HOOK.call_once(|| unsafe {
        libc::atexit(drop_made);
    });
    MADE.lock().unwrap_or_else(|e| e.into_inner()).push(made);
}

/// At exit: removes the SQLite files and drops the PostgreSQL databases the tests made, so that
/// a run leaves nothing behind. On a thread of its own, with a runtime of its own.
extern "C" fn drop_made() {
    let made = std::mem::take(&mut *MADE.lock().unwrap_or_else(|e| e.into_inner()));
    let work = std::thread::spawn(move || {
        let mut databases: Vec<(String, String)> = Vec::new();
        for m in made {
            match m {
                Made::Sqlite(path) => {
                    for suffix in ["", "-wal", "-shm"] {
                        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                    }
                }
                Made::Postgres { admin_url, name } => databases.push((admin_url, name)),
            }
        }
        let Some((admin_url, _)) = databases.first().cloned() else { return };
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
        runtime.block_on(async move {
            let Ok(mut conn) = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin_url).await else { return };
            for (_, name) in databases {
                let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                if let Err(e) = sqlx::Executor::execute(&mut conn, sql.as_str()).await {
                    eprintln!("note: could not drop the test database {name}: {e}");
                }
            }
        });
    });
    let _ = work.join();
}

/// A fresh, empty SQLite database: its URL (the file is removed when the tests end).
pub fn fresh_sqlite_database() -> String {
    let path = std::env::temp_dir().join(format!("khuyencong-test-{}.db", uuid::Uuid::new_v4().simple()));
    remember(Made::Sqlite(path.clone()));
    format!("sqlite://{}", path.display())
}

/// A fresh, empty database of the engine under test: its URL.
pub async fn fresh_database() -> String {
    match std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) {
        Some(admin_url) => {
            assert!(admin_url.starts_with("postgres"), "TEST_DATABASE_URL must be a postgres:// URL, got {admin_url}");
            ENGINE_NOTICE.call_once(|| {
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "note: these tests run on PostgreSQL (TEST_DATABASE_URL), one fresh database each, dropped at the end"
                );
            });
            let name = format!("khuyencong_test_{}", uuid::Uuid::new_v4().simple());
            sqlx::any::install_default_drivers();
            let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin_url)
                .await
                .expect("connect to TEST_DATABASE_URL");
            sqlx::Executor::execute(&mut conn, format!("CREATE DATABASE {name}").as_str())
                .await
                .expect("create a test database");
            remember(Made::Postgres { admin_url: admin_url.clone(), name: name.clone() });
            with_database_name(&admin_url, &name)
        }
        None => {
            ENGINE_NOTICE.call_once(|| {
                // Written to the real stderr (not captured), so a run says plainly what it skipped.
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "note: these tests run on SQLite; the PostgreSQL pass was NOT run (set TEST_DATABASE_URL=postgres://… to run it)"
                );
            });
            fresh_sqlite_database()
        }
    }
}

/// `postgres://u@h/db?x` with `db` replaced by `name`.
fn with_database_name(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[scheme_end..].find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_on(fresh_database().await).await
}

pub async fn spawn_app_on(database_url: String) -> TestApp {
    spawn_app_with(database_url, |_| {}).await
}

/// A server on `database_url` with some settings changed.
pub async fn spawn_app_with(database_url: String, change: impl FnOnce(&mut Settings)) -> TestApp {
    let mut settings = Settings::for_database(database_url.clone());
    change(&mut settings);
    let app = Application::build(&settings).await.expect("the application builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let metrics_port = app.metrics_port();
    tokio::spawn(app.run_until_stopped());
    TestApp { address, metrics_port, database_url, client: reqwest::Client::new() }
}

impl TestApp {
    /// GET `path`: the status and the JSON body (Null when the body is not JSON).
    pub async fn get(&self, path: &str) -> (u16, Value) {
        let response = self.client.get(format!("{}{path}", self.address)).send().await.expect("request sent");
        let status = response.status().as_u16();
        let body = response.json::<Value>().await.unwrap_or(Value::Null);
        (status, body)
    }

    /// GET `path`, expecting 200.
    /// GET `path` with `token`, expecting 200: its JSON.
    pub async fn get_as(&self, token: &str, path: &str) -> Value {
        let response = self.client.get(format!("{}{path}", self.address)).bearer_auth(token).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200, "{path}");
        response.json().await.unwrap()
    }

    pub async fn get_ok(&self, path: &str) -> Value {
        let (status, body) = self.get(path).await;
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }

    /// GET `path` with `headers`, as a client that sends them would.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Got {
        let mut request = self.client.get(format!("{}{path}", self.address));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.expect("request sent");
        let (status, headers) = (response.status().as_u16(), response.headers().clone());
        Got { status, headers, body: response.bytes().await.expect("the body").to_vec() }
    }

    /// The value of the metric line `name` (a name with its labels, if any) on `/metrics`.
    pub async fn metric(&self, name: &str) -> u64 {
        let text = self.get_with("/metrics", &[]).await.text();
        let value = text.lines().find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')));
        value.unwrap_or_else(|| panic!("no metric {name}")).trim().parse().expect("a whole number")
    }

    /// PUT `doc` at `/programmes/{id}` with `token`: status, ETag and JSON body.
    pub async fn put_programme(&self, token: &str, id: &str, doc: Value) -> (u16, Option<String>, Value) {
        let path = format!("/programmes/{id}");
        self.send(Write {
            method: reqwest::Method::PUT,
            path: &path,
            token: Some(token),
            if_match: None,
            body: Some(doc),
        })
        .await
    }

    pub async fn db(&self) -> Db {
        Db::connect(&Settings::for_database(self.database_url.clone()).db_options()).await.expect("connect")
    }
}

/// The 2016-2020 seed document, as text.
pub fn seed_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/2016-2020.json")).expect("seed file")
}

#[test]
fn database_names_are_replaced_in_postgres_urls() {
    assert_eq!(
        with_database_name("postgres://root@localhost/khuyencong?host=/var/run/postgresql", "t1"),
        "postgres://root@localhost/t1?host=/var/run/postgresql"
    );
    assert_eq!(with_database_name("postgres://u:p@h:5432", "t2"), "postgres://u:p@h:5432/t2");
}

/// Loads a copy of the 2016-2020 seed, with id `id` and `edit` applied, straight into storage.
pub async fn load_programme(app: &TestApp, id: &str, edit: impl FnOnce(&mut Value)) {
    let mut doc: Value = serde_json::from_str(&seed_text()).unwrap();
    doc["id"] = Value::String(id.to_string());
    edit(&mut doc);
    let db = app.db().await;
    let reference = db.reference().await.unwrap();
    let file = khuyencong::storage::seeds::SeedFile { name: format!("{id}.json"), text: doc.to_string() };
    let programme = khuyencong::storage::seeds::parse(&file, &reference).expect("a valid document");
    db.replace_programme(&programme, &khuyencong::storage::Actor::local("test")).await.expect("stored");
}

/// A request body and the headers a write needs.
pub struct Write<'a> {
    pub method: reqwest::Method,
    pub path: &'a str,
    pub token: Option<&'a str>,
    pub if_match: Option<&'a str>,
    pub body: Option<Value>,
}

impl TestApp {
    /// Creates a token of `scope` for `name` straight in storage, as `khuyencong token create` does.
    /// Names are unique: a name already taken gets `-2`, `-3`… appended.
    pub async fn token(&self, name: &str, scope: &str) -> String {
        let new = khuyencong::http::auth::generate();
        let db = self.db().await;
        let mut unique = name.to_string();
        for n in 2.. {
            if db.token_named(&unique).await.unwrap().is_none() {
                break;
            }
            unique = format!("{name}-{n}");
        }
        db.create_token(&new.id, &unique, scope, &new.secret_sha256, None).await.unwrap();
        new.token
    }

    /// Sends a write; returns the status, the ETag header (if any) and the JSON body.
    pub async fn send(&self, write: Write<'_>) -> (u16, Option<String>, Value) {
        let mut request = self.client.request(write.method, format!("{}{}", self.address, write.path));
        if let Some(token) = write.token {
            request = request.bearer_auth(token);
        }
        if let Some(tag) = write.if_match {
            request = request.header("If-Match", tag);
        }
        if let Some(body) = write.body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request sent");
        let status = response.status().as_u16();
        let etag = response.headers().get("etag").map(|v| v.to_str().unwrap().to_string());
        (status, etag, response.json::<Value>().await.unwrap_or(Value::Null))
    }

    /// The current ETag of a programme (from GET /programmes/{id}).
    pub async fn etag(&self, id: &str) -> String {
        let response = self.client.get(format!("{}/programmes/{id}", self.address)).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200);
        response.headers()["etag"].to_str().unwrap().to_string()
    }

    pub async fn export(&self, id: &str) -> String {
        let response = self.client.get(format!("{}/programmes/{id}/export", self.address)).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200, "export {id}");
        response.text().await.unwrap()
    }
}

/// A made-up 2021-2025 programme: two records, one reported figure that does not add up.
pub fn test_programme(id: &str) -> Value {
    serde_json::json!({
        "id": id,
        "currency": "VND",
        "amount_unit": "million",
        "names": {"vi": "Chương trình thử nghiệm", "en": "Test programme"},
        "jurisdiction": "Hải Phòng",
        "period": {"start_year": 2021, "end_year": 2025},
        "source": {"title": "Test", "publisher": "test", "date": "2026-01-15"},
        "reported": {"schemes": {"value": 5}, "cost": {"amount": "1000.00"}},
        "indicator_definitions": [{"key": "workers_trained", "names": {"vi": "Lao động", "en": "Workers"}, "unit": "person", "additive": true}],
        "schemes": [
            {"id": "training", "scheme_count": 2, "activity": "vocational_training", "scope": "local",
             "title": {"vi": "Đào tạo", "en": "Training"}, "cost": "300.00",
             "funding": [{"source": "local_budget", "amount": "200.00"}, {"source": "contributions", "amount": "100.00"}],
             "indicators": [{"key": "workers_trained", "value": "120"}]},
            {"id": "demo", "scheme_count": 3, "activity": "demonstration_technology_transfer", "scope": "national",
             "title": {"vi": "Mô hình", "en": "Demonstration"}, "cost": "650.50",
             "funding": [{"source": "central_budget", "amount": "400.00"}]}
        ]
    })
}

/// The seeded programme's resources.
pub const P: &str = "/programmes/2016-2020";

/// The row `key` of a breakdown.
pub fn row<'a>(breakdown: &'a Value, key: &str) -> &'a Value {
    breakdown["rows"].as_array().unwrap().iter().find(|r| r["key"] == key).unwrap_or_else(|| panic!("row {key}"))
}

/// A CSV body as its header and its rows of cells.
pub fn csv_table(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(str::to_string).collect();
    let rows = reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
    (header, rows)
}

/// A body's notes, as text.
pub fn notes(body: &Value) -> Vec<String> {
    body["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_string()).collect()
}
