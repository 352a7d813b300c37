//! The two engines' schemas are one schema: the same tables, columns, types, nullability, keys,
//! indexes and foreign keys, and the same bad rows refused by both. Needs both engines, so it
//! runs in the PostgreSQL pass (TEST_DATABASE_URL) and says so in the SQLite one.

use std::collections::BTreeSet;

use khuyencong::configuration::Settings;
use khuyencong::storage::Db;
use sqlx::AnyPool;

use crate::helpers::{fresh_database, fresh_sqlite_database};

async fn migrated(url: String) -> Db {
    let db = Db::connect(&Settings::for_database(url).db_options()).await.expect("connect");
    db.migrate().await.expect("migrate");
    db
}

async fn strings(pool: &AnyPool, sql: &str) -> Vec<String> {
    let rows: Vec<(String,)> = sqlx::query_as(sql).fetch_all(pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    rows.into_iter().map(|(s,)| s).collect()
}

/// Every table's shape as lines of text: `table.column type null|not null`, `table pk(…)`,
/// `table unique(…)`, `table index(…)`, `table fk(…) -> other(…) on delete …`.
async fn sqlite_shape(pool: &AnyPool) -> BTreeSet<String> {
    let mut shape = BTreeSet::new();
    let tables = strings(
        pool,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .await;
    for table in tables {
        let columns: Vec<(String, String, i64, i64)> =
            sqlx::query_as(&format!("SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
                .fetch_all(pool)
                .await
                .unwrap();
        let mut pk: Vec<(i64, String)> = Vec::new();
        for (name, kind, not_null, pk_position) in columns {
            let kind = match kind.as_str() {
                "INTEGER" => "integer",
                "TEXT" => "text",
                other => panic!("{table}.{name}: a type the parity test does not know: {other}"),
            };
            // A primary key is NOT NULL on PostgreSQL, and so it must be here.
            let null = if not_null == 1 || pk_position > 0 { "not null" } else { "null" };
            shape.insert(format!("{table}.{name} {kind} {null}"));
            if pk_position > 0 {
                pk.push((pk_position, name));
            }
        }
        pk.sort();
        shape.insert(format!("{table} pk({})", pk.into_iter().map(|(_, c)| c).collect::<Vec<_>>().join(", ")));
        let indexes: Vec<(String, i64, String)> =
            sqlx::query_as(&format!("SELECT name, \"unique\", origin FROM pragma_index_list('{table}')"))
                .fetch_all(pool)
                .await
                .unwrap();
        for (index, unique, _) in indexes.into_iter().filter(|(_, _, origin)| origin != "pk") {
            let columns = strings(pool, &format!("SELECT name FROM pragma_index_info('{index}') ORDER BY seqno"))
                .await
                .join(", ");
            let kind = if unique == 1 { "unique" } else { "index" };
            shape.insert(format!("{table} {kind}({columns})"));
        }
        let keys: Vec<(i64, String, String, String, String)> = sqlx::query_as(&format!(
            "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY id, seq"
        ))
        .fetch_all(pool)
        .await
        .unwrap();
        let mut ids: Vec<i64> = keys.iter().map(|k| k.0).collect();
        ids.dedup();
        for id in ids {
            let parts: Vec<_> = keys.iter().filter(|k| k.0 == id).collect();
            let from: Vec<&str> = parts.iter().map(|k| k.2.as_str()).collect();
            let to: Vec<&str> = parts.iter().map(|k| k.3.as_str()).collect();
            shape.insert(format!(
                "{table} fk({}) -> {}({}) on delete {}",
                from.join(", "),
                parts[0].1,
                to.join(", "),
                parts[0].4.to_lowercase()
            ));
        }
    }
    shape
}

async fn postgres_shape(pool: &AnyPool) -> BTreeSet<String> {
    let mut shape = BTreeSet::new();
    let columns: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, name, kind, nullable) in columns {
        let kind = match kind.as_str() {
            "bigint" => "integer",
            "text" => "text",
            other => panic!("{table}.{name}: a type the parity test does not know: {other}"),
        };
        shape.insert(format!("{table}.{name} {kind} {}", if nullable == "YES" { "null" } else { "not null" }));
    }
    let indexes: Vec<(String, bool, bool, String)> = sqlx::query_as(
        "SELECT t.relname::text, ix.indisunique, ix.indisprimary,
                (SELECT string_agg(a.attname::text, ', ' ORDER BY k.n)
                 FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
         FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace
         WHERE ns.nspname = 'public' AND t.relname <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, unique, primary, columns) in indexes {
        let kind = if primary {
            "pk"
        } else if unique {
            "unique"
        } else {
            "index"
        };
        shape.insert(format!("{table} {kind}({columns})"));
    }
    let keys: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text,
                (SELECT string_agg(a.attname::text, ', ' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
                (SELECT string_agg(a.attname::text, ', ' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum),
                CASE c.confdeltype WHEN 'c' THEN 'cascade' WHEN 'a' THEN 'no action' ELSE c.confdeltype::text END
         FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
         WHERE c.contype = 'f' AND ns.nspname = 'public'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, other, from, to, on_delete) in keys {
        shape.insert(format!("{table} fk({from}) -> {other}({to}) on delete {on_delete}"));
    }
    shape
}

/// Rows each engine must refuse, each with why; inserted after a sound programme `p` and record
/// `r` (a slug id, a known activity, scope and source), so that only the named fault is wrong.
const REFUSED: &[(&str, &str)] = &[
    (
        "a second activity for clause 5 point a",
        "INSERT INTO activities (key, decree, clause, point, position, name_vi, name_en) VALUES ('x', '45/2012/NĐ-CP, Điều 4', 5, 'a', 99, 'x', 'x')",
    ),
    (
        "a point that is not one lowercase letter",
        "INSERT INTO activities (key, decree, clause, point, position, name_vi, name_en) VALUES ('x', '45/2012/NĐ-CP, Điều 4', 5, 'c1', 99, 'x', 'x')",
    ),
    (
        "a point without a clause",
        "INSERT INTO activities (key, decree, clause, point, position, name_vi, name_en) VALUES ('x', '45/2012/NĐ-CP, Điều 4', NULL, 'c', 99, 'x', 'x')",
    ),
    (
        "a programme id with a double hyphen",
        "INSERT INTO programmes (id, name_vi, name_en, jurisdiction, start_year, end_year, source_title, source_publisher, source_date, updated_at) VALUES ('a--b', 'x', 'x', 'x', 2016, 2020, 't', 'p', '2020-01-01', 'now')",
    ),
    (
        "a programme id ending in a hyphen",
        "INSERT INTO programmes (id, name_vi, name_en, jurisdiction, start_year, end_year, source_title, source_publisher, source_date, updated_at) VALUES ('a-', 'x', 'x', 'x', 2016, 2020, 't', 'p', '2020-01-01', 'now')",
    ),
    (
        "an upper-case programme id",
        "INSERT INTO programmes (id, name_vi, name_en, jurisdiction, start_year, end_year, source_title, source_publisher, source_date, updated_at) VALUES ('A', 'x', 'x', 'x', 2016, 2020, 't', 'p', '2020-01-01', 'now')",
    ),
    (
        "end_year before start_year",
        "INSERT INTO programmes (id, name_vi, name_en, jurisdiction, start_year, end_year, source_title, source_publisher, source_date, updated_at) VALUES ('q', 'x', 'x', 'x', 2020, 2016, 't', 'p', '2020-01-01', 'now')",
    ),
    (
        "a year before 1900",
        "INSERT INTO programmes (id, name_vi, name_en, jurisdiction, start_year, end_year, source_title, source_publisher, source_date, updated_at) VALUES ('q', 'x', 'x', 'x', 1899, 2020, 't', 'p', '2020-01-01', 'now')",
    ),
    (
        "a date that is not ISO",
        "INSERT INTO programmes (id, name_vi, name_en, jurisdiction, start_year, end_year, source_title, source_publisher, source_date, updated_at) VALUES ('q', 'x', 'x', 'x', 2016, 2020, 't', 'p', '06/11/2020', 'now')",
    ),
    (
        "text in a year",
        "INSERT INTO programmes (id, name_vi, name_en, jurisdiction, start_year, end_year, source_title, source_publisher, source_date, updated_at) VALUES ('q', 'x', 'x', 'x', 'MMXVI', 2020, 't', 'p', '2020-01-01', 'now')",
    ),
    (
        "a missing name",
        "INSERT INTO programmes (id, name_en, jurisdiction, start_year, end_year, source_title, source_publisher, source_date, updated_at) VALUES ('q', 'x', 'x', 2016, 2020, 't', 'p', '2020-01-01', 'now')",
    ),
    (
        "a version of 0",
        "INSERT INTO programmes (id, name_vi, name_en, jurisdiction, start_year, end_year, source_title, source_publisher, source_date, updated_at, version) VALUES ('q', 'x', 'x', 'x', 2016, 2020, 't', 'p', '2020-01-01', 'now', 0)",
    ),
    (
        "a scheme id with a double hyphen",
        "INSERT INTO scheme_records (programme_id, id, position, activity, scope, title_vi, title_en, scheme_count, cost_dong) VALUES ('p', 'a--b', 1, 'unspecified', 'unknown', 't', 't', 1, 0)",
    ),
    (
        "a negative cost",
        "INSERT INTO scheme_records (programme_id, id, position, activity, scope, title_vi, title_en, scheme_count, cost_dong) VALUES ('p', 's', 1, 'unspecified', 'unknown', 't', 't', 1, -1)",
    ),
    (
        "a scheme count of 0",
        "INSERT INTO scheme_records (programme_id, id, position, activity, scope, title_vi, title_en, scheme_count, cost_dong) VALUES ('p', 's', 1, 'unspecified', 'unknown', 't', 't', 0, 0)",
    ),
    (
        "a cost as text",
        "INSERT INTO scheme_records (programme_id, id, position, activity, scope, title_vi, title_en, scheme_count, cost_dong) VALUES ('p', 's', 1, 'unspecified', 'unknown', 't', 't', 1, '735.50')",
    ),
    (
        "an unknown scope",
        "INSERT INTO scheme_records (programme_id, id, position, activity, scope, title_vi, title_en, scheme_count, cost_dong) VALUES ('p', 's', 1, 'unspecified', 'regional', 't', 't', 1, 0)",
    ),
    (
        "a record of no programme",
        "INSERT INTO scheme_records (programme_id, id, position, activity, scope, title_vi, title_en, scheme_count, cost_dong) VALUES ('none', 's', 1, 'unspecified', 'unknown', 't', 't', 1, 0)",
    ),
    (
        "two records at one position",
        "INSERT INTO scheme_records (programme_id, id, position, activity, scope, title_vi, title_en, scheme_count, cost_dong) VALUES ('p', 's', 0, 'unspecified', 'unknown', 't', 't', 1, 0)",
    ),
    (
        "a line of an unknown source",
        "INSERT INTO funding_lines (programme_id, scheme_id, source, position, amount_dong) VALUES ('p', 'r', 'lottery', 0, 1)",
    ),
    (
        "a line of no record",
        "INSERT INTO funding_lines (programme_id, scheme_id, source, position, amount_dong) VALUES ('p', 'none', 'contributions', 0, 1)",
    ),
    (
        "a negative line",
        "INSERT INTO funding_lines (programme_id, scheme_id, source, position, amount_dong) VALUES ('p', 'r', 'contributions', 0, -1)",
    ),
    (
        "an indicator key with a double underscore",
        "INSERT INTO indicator_definitions (programme_id, key, position, name_vi, name_en, unit, additive) VALUES ('p', 'a__b', 0, 'x', 'x', 'u', 1)",
    ),
    (
        "additive neither 0 nor 1",
        "INSERT INTO indicator_definitions (programme_id, key, position, name_vi, name_en, unit, additive) VALUES ('p', 'k', 0, 'x', 'x', 'u', 2)",
    ),
    (
        "a total of an indicator that does not add up",
        "INSERT INTO indicator_definitions (programme_id, key, position, name_vi, name_en, unit, additive, total) VALUES ('p', 'k', 0, 'x', 'x', 'u', 0, '7')",
    ),
    (
        "more unattributed schemes than schemes",
        "INSERT INTO record_sums (programme_id, activity, scope, records, schemes, cost_dong, unattributed_schemes) VALUES ('p', 'vocational_training', 'local', 1, 1, 0, 2)",
    ),
    (
        "line sums of no record sums",
        "INSERT INTO line_sums (programme_id, activity, scope, source, amount_dong, schemes) VALUES ('p', 'vocational_training', 'local', 'contributions', 1, 1)",
    ),
    (
        "line sums of no scheme",
        "INSERT INTO line_sums (programme_id, activity, scope, source, amount_dong, schemes) VALUES ('p', 'unspecified', 'unknown', 'contributions', 1, 0)",
    ),
    ("a second data version row", "INSERT INTO data_version (id, version) VALUES (2, 0)"),
    (
        "a token of an unknown scope",
        "INSERT INTO api_tokens (id, name, scope, secret_sha256, created_at) VALUES ('t', 'n', 'root', 'x', 'now')",
    ),
];

const SOUND: &[&str] = &[
    "INSERT INTO programmes (id, name_vi, name_en, jurisdiction, start_year, end_year, source_title, source_publisher, source_date, updated_at) VALUES ('p', 'x', 'x', 'x', 2016, 2020, 't', 'p', '2020-01-01', 'now')",
    "INSERT INTO scheme_records (programme_id, id, position, activity, scope, title_vi, title_en, scheme_count, cost_dong) VALUES ('p', 'r', 0, 'unspecified', 'unknown', 't', 't', 1, 10)",
    "INSERT INTO funding_lines (programme_id, scheme_id, source, position, amount_dong, quote) VALUES ('p', 'r', 'contributions', 0, 10, 'q')",
    "INSERT INTO record_sums (programme_id, activity, scope, records, schemes, cost_dong, unattributed_schemes) VALUES ('p', 'unspecified', 'unknown', 1, 1, 10, 0)",
    "INSERT INTO line_sums (programme_id, activity, scope, source, amount_dong, schemes) VALUES ('p', 'unspecified', 'unknown', 'contributions', 10, 1)",
    "INSERT INTO indicator_definitions (programme_id, key, position, name_vi, name_en, unit, additive, total) VALUES ('p', 'workers_trained', 0, 'x', 'x', 'u', 1, '610')",
];

/// Which of `REFUSED` the database accepts (each in a transaction rolled back after).
async fn accepted(db: &Db) -> Vec<&'static str> {
    for sql in SOUND {
        sqlx::query(sql)
            .execute(db.pool())
            .await
            .unwrap_or_else(|e| panic!("{}: a sound row refused: {e}\n{sql}", db.engine_name()));
    }
    let mut accepted = Vec::new();
    for (why, sql) in REFUSED {
        let mut tx = db.pool().begin().await.unwrap();
        if sqlx::query(sql).execute(&mut *tx).await.is_ok() {
            accepted.push(*why);
        }
        tx.rollback().await.unwrap();
    }
    accepted
}

#[tokio::test]
async fn both_engines_have_one_schema_and_refuse_the_same_rows() {
    let url = fresh_database().await;
    if url.starts_with("sqlite:") {
        eprintln!(
            "note: the schema-parity test needs both engines; it runs in the PostgreSQL pass (TEST_DATABASE_URL)"
        );
        return;
    }
    let (postgres, sqlite) = (migrated(url).await, migrated(fresh_sqlite_database()).await);
    let (p, s) = (postgres_shape(postgres.pool()).await, sqlite_shape(sqlite.pool()).await);
    let only_postgres: Vec<&String> = p.difference(&s).collect();
    let only_sqlite: Vec<&String> = s.difference(&p).collect();
    assert!(
        only_postgres.is_empty() && only_sqlite.is_empty(),
        "the schemas differ:\n  only on PostgreSQL: {only_postgres:#?}\n  only on SQLite: {only_sqlite:#?}"
    );
    assert!(p.len() > 100, "the comparison saw the whole schema: {} facts", p.len());
    assert!(p.contains("funding_lines.quote text null"), "{p:#?}");

    assert_eq!(accepted(&postgres).await, Vec::<&str>::new(), "rows PostgreSQL accepts");
    assert_eq!(accepted(&sqlite).await, Vec::<&str>::new(), "rows SQLite accepts");
}
