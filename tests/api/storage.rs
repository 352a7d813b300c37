//! What the database holds and how it gets there (`src/storage/`, `startup`): migrations, the
//! seeds, loading once, rejecting bad seed files, restarts, the sums kept per programme.

use khuyencong::configuration::Settings;
use khuyencong::storage::seeds::{self, SeedFile};
use khuyencong::storage::{Actor, Db};
use serde_json::{Value, json};

use crate::helpers::P;
use crate::helpers::{fresh_database, seed_text, spawn_app, spawn_app_on};

async fn migrated(url: &str) -> Db {
    let db = Db::connect(&Settings::for_database(url).db_options()).await.expect("connect");
    db.migrate().await.expect("migrate");
    db
}

#[tokio::test]
async fn migrations_apply_to_an_empty_database_and_define_the_taxonomies() {
    let url = fresh_database().await;
    let db = migrated(&url).await;
    let reference = db.reference().await.unwrap();
    // Decree 45/2012 Article 4 has eight clauses; clause 5 has points a and b.
    let activities: Vec<(&str, Option<i64>, Option<&str>)> =
        reference.activities.iter().map(|a| (a.key.as_str(), a.clause, a.point.as_deref())).collect();
    assert_eq!(
        activities,
        [
            ("vocational_training", Some(1), None),
            ("management_capacity", Some(2), None),
            ("demonstration_technology_transfer", Some(3), None),
            ("rural_product_promotion", Some(4), None),
            ("consulting_assistance", Some(5), Some("a")),
            ("information_provision", Some(5), Some("b")),
            ("linkage_clusters_relocation", Some(6), None),
            ("international_cooperation", Some(7), None),
            ("programme_management_capacity", Some(8), None),
            ("unspecified", None, None),
        ]
    );
    let sources: Vec<(&str, Option<&str>)> =
        reference.sources.iter().map(|s| (s.key.as_str(), s.parent.as_deref())).collect();
    assert_eq!(
        sources,
        [
            ("state_budget", None),
            ("central_budget", Some("state_budget")),
            ("local_budget", Some("state_budget")),
            ("contributions", None)
        ]
    );
    assert_eq!(reference.scope_keys(), ["local", "national", "unknown"]);
    // A second run finds nothing to apply.
    db.migrate().await.expect("migrating again is a no-op");
}

#[tokio::test]
async fn the_database_itself_rejects_impossible_rows() {
    let url = fresh_database().await;
    let db = migrated(&url).await;
    let programme = "INSERT INTO programmes (id, name_vi, name_en, jurisdiction, start_year, end_year, source_title, source_publisher, source_date, updated_at)
                     VALUES ($1, 'x', 'x', 'x', $2, $3, 't', 'p', '2020-01-01', 'now')";
    sqlx::query(programme)
        .bind("ok")
        .bind(2016_i64)
        .bind(2020_i64)
        .execute(db.pool())
        .await
        .expect("a sound programme row");
    let cases: [(&str, sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments<'_>>); 5] = [
        ("end_year before start_year", sqlx::query(programme).bind("p2").bind(2020_i64).bind(2016_i64)),
        ("an id that is not a slug", sqlx::query(programme).bind("Not A Slug").bind(2016_i64).bind(2020_i64)),
        (
            "a negative cost",
            sqlx::query(
                "INSERT INTO scheme_records (programme_id, id, position, activity, scope, title_vi, title_en, scheme_count, cost_dong) VALUES ('ok', 'a', 0, 'unspecified', 'unknown', 't', 't', 1, -1)",
            ),
        ),
        (
            "an unknown scope",
            sqlx::query(
                "INSERT INTO scheme_records (programme_id, id, position, activity, scope, title_vi, title_en, scheme_count, cost_dong) VALUES ('ok', 'b', 1, 'unspecified', 'regional', 't', 't', 1, 0)",
            ),
        ),
        (
            "a zero scheme count",
            sqlx::query(
                "INSERT INTO scheme_records (programme_id, id, position, activity, scope, title_vi, title_en, scheme_count, cost_dong) VALUES ('ok', 'c', 2, 'unspecified', 'unknown', 't', 't', 0, 0)",
            ),
        ),
    ];
    for (what, query) in cases {
        assert!(query.execute(db.pool()).await.is_err(), "the database accepted {what}");
    }
}

#[tokio::test]
async fn the_seeded_figures_are_the_articles() {
    let app = spawn_app().await;
    // Transcribed from the article independently of seeds/: 41.306,53 → 41306.53 and so on.
    let totals = app.get_ok("/programmes/2016-2020/totals").await;
    assert_eq!(totals["schemes"]["reported"], 65);
    assert_eq!(totals["schemes"]["by_scope"][0]["reported"], 46);
    assert_eq!(totals["schemes"]["by_scope"][1]["reported"], 19);
    assert_eq!(totals["cost"]["reported"], "41306.53");
    let reported: Vec<(&str, &str)> = totals["funding"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["source"].as_str().unwrap(), f["reported"].as_str().unwrap()))
        .collect();
    assert_eq!(
        reported,
        [
            ("state_budget", "12578.48"),
            ("central_budget", "7898.47"),
            ("local_budget", "4680.01"),
            ("contributions", "28728.05")
        ]
    );

    let schemes = app.get_ok("/programmes/2016-2020/schemes").await;
    let records: Vec<Value> = schemes["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let funding: Vec<Value> =
                s["funding"].as_array().unwrap().iter().map(|f| json!([f["source"], f["amount"]])).collect();
            let indicators: Vec<Value> =
                s["indicators"].as_array().unwrap().iter().map(|i| json!([i["key"], i["value"]])).collect();
            json!([s["scheme_count"], s["activity"]["key"], s["scope"]["key"], s["cost"], funding, indicators])
        })
        .collect();
    assert_eq!(
        records,
        [
            json!([3, "vocational_training", "unknown", "735.50", [], [["workers_trained", "610"]]]),
            json!([
                6,
                "management_capacity",
                "unknown",
                "474.44",
                [["local_budget", "474.44"]],
                [["participant_attendances", "716"]]
            ]),
            json!([
                14,
                "information_provision",
                "unknown",
                "1188.56",
                [["local_budget", "1188.56"]],
                [["bulletin_copies_per_issue", "450"], ["bulletin_issues_per_year", "4"]]
            ]),
            json!([
                21,
                "demonstration_technology_transfer",
                "unknown",
                "31742.18",
                [["state_budget", "5760.00"], ["contributions", "25982.18"]],
                []
            ]),
            json!([
                12,
                "unspecified",
                "unknown",
                "6349.00",
                [["state_budget", "3810.70"], ["contributions", "2538.30"]],
                []
            ]),
            json!([
                3,
                "consulting_assistance",
                "unknown",
                "367.55",
                [["local_budget", "160.00"], ["contributions", "207.55"]],
                []
            ]),
            json!([5, "programme_management_capacity", "unknown", "239.30", [], []]),
        ]
    );
}

#[tokio::test]
async fn every_seeded_quote_is_the_articles_own_words() {
    let article = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/source/hai-phong-khuyen-cong-2016-2020.txt"
    ))
    .unwrap();
    let seed: Value = serde_json::from_str(&seed_text()).unwrap();
    let mut quotes =
        vec![&seed["legal_basis"]["quote"], &seed["reported"]["schemes"]["quote"], &seed["reported"]["cost"]["quote"]];
    for list in [&seed["reported"]["schemes_by_scope"], &seed["reported"]["funding"], &seed["schemes"]] {
        quotes.extend(list.as_array().unwrap().iter().map(|item| &item["quote"]));
    }
    assert_eq!(quotes.len(), 16);
    for quote in quotes {
        let quote = quote.as_str().expect("every figure has a quote");
        assert!(article.contains(quote), "not in the article: {quote}");
    }
}

#[tokio::test]
async fn loading_the_seeds_twice_changes_nothing() {
    let url = fresh_database().await;
    let app = spawn_app_on(url.clone()).await;
    let before = (app.get_ok("/programmes/2016-2020/totals").await, app.get_ok("/programmes/2016-2020/schemes").await);

    let db = app.db().await;
    assert_eq!(
        seeds::load(&db, &seeds::embedded(), false).await.unwrap(),
        Vec::<String>::new(),
        "already loaded: nothing to do"
    );
    let again = spawn_app_on(url).await;
    assert_eq!(
        (again.get_ok("/programmes/2016-2020/totals").await, again.get_ok("/programmes/2016-2020/schemes").await),
        before
    );
    assert_eq!(again.get_ok("/programmes").await["items"].as_array().unwrap().len(), 1);

    // `khuyencong seed` reloads on purpose, but a programme that is already what the seed says
    // is not written again: no version, no feed item, no audit entry (issue 26).
    let changes = app.get_ok("/changes").await["latest_version"].clone();
    assert_eq!(seeds::load(&db, &seeds::embedded(), true).await.unwrap(), Vec::<String>::new());
    assert_eq!(app.get_ok("/changes").await["latest_version"], changes);
    assert_eq!(
        (app.get_ok("/programmes/2016-2020/totals").await, app.get_ok("/programmes/2016-2020/schemes").await),
        before
    );
    // Changed since, it is loaded again.
    let reference = db.reference().await.unwrap();
    let mut changed = seeds::parse(&seeds::embedded()[0], &reference).unwrap();
    changed.programme.jurisdiction = "Thành phố Hải Phòng".into();
    db.replace_programme(&changed, &Actor::local("cli")).await.unwrap();
    assert_eq!(seeds::load(&db, &seeds::embedded(), true).await.unwrap(), ["2016-2020.json"]);
    assert_eq!(app.get_ok("/programmes/2016-2020").await["jurisdiction"], "Hải Phòng");
}

#[tokio::test]
async fn bad_seed_files_are_rejected_whole_and_change_nothing() {
    let app = spawn_app().await;
    let db = app.db().await;
    let before = (app.get_ok("/programmes").await, app.get_ok("/programmes/2016-2020/totals").await);

    let valid: Value = serde_json::from_str(&seed_text()).unwrap();
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut doc = valid.clone();
        doc["id"] = json!("2021-2025");
        f(&mut doc);
        doc.to_string()
    };
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "unknown activity",
            edit(&|d| d["schemes"][2]["activity"] = json!("tourism")),
            "/schemes/2/activity: unknown activity \"tourism\"",
        ),
        (
            "unknown source",
            edit(&|d| d["schemes"][3]["funding"][0]["source"] = json!("ngan_sach")),
            "/schemes/3/funding/0/source: unknown funding source",
        ),
        (
            "negative amount",
            edit(&|d| d["schemes"][0]["cost"] = json!("-735.50")),
            "/schemes/0/cost: must not be negative",
        ),
        (
            "duplicate record id",
            edit(&|d| d["schemes"][1]["id"] = json!("vocational-training")),
            "/schemes/1/id: scheme id \"vocational-training\" is used twice",
        ),
        (
            "funding over cost",
            edit(&|d| d["schemes"][5]["cost"] = json!("300.00")),
            "/schemes/5/funding: funding lines add up to 367.55, more than the record's cost 300.00",
        ),
        (
            "missing field",
            edit(&|d| {
                d["schemes"][4].as_object_mut().unwrap().remove("cost");
            }),
            "malformed at /schemes/4: missing field `cost`",
        ),
        (
            "three decimals",
            edit(&|d| d["reported"]["cost"]["amount"] = json!("41306.535")),
            "/reported/cost/amount: \"41306.535\" has more than 2 decimal places",
        ),
        (
            "period backwards",
            edit(&|d| d["period"]["end_year"] = json!(2015)),
            "/period/end_year: 2015 is before start_year 2016",
        ),
        ("not JSON", "{\"id\": \"2021-2025\",".to_string(), "seed file 2021-2025.json is malformed"),
    ];
    for (what, text, expected) in cases {
        // The good file and a bad one together: nothing of either may be written.
        let files = vec![
            SeedFile { name: "2016-2020.json".into(), text: seed_text() },
            SeedFile { name: "2021-2025.json".into(), text },
        ];
        let error = seeds::load(&db, &files, true).await.expect_err(what);
        let message = format!("{error:#}");
        assert!(message.contains(expected), "{what}: {message}");
        assert!(message.contains("2021-2025.json"), "{what}: the message names the file: {message}");
        assert_eq!(
            (app.get_ok("/programmes").await, app.get_ok("/programmes/2016-2020/totals").await),
            before,
            "{what}"
        );
    }
}

#[tokio::test]
async fn a_restart_keeps_the_data_and_does_not_bring_back_a_deleted_programme() {
    let url = fresh_database().await;
    let app = spawn_app_on(url.clone()).await;
    let db = app.db().await;
    let mut other: Value = serde_json::from_str(&seed_text()).unwrap();
    other["id"] = json!("restart-test");
    let reference = db.reference().await.unwrap();
    let programme = seeds::parse(&SeedFile { name: "x.json".into(), text: other.to_string() }, &reference).unwrap();
    db.replace_programme(&programme, &Actor::local("test")).await.unwrap();
    db.delete_programme("2016-2020", &Actor::local("test")).await.unwrap();

    let restarted = spawn_app_on(url).await;
    let ids: Vec<Value> =
        restarted.get_ok("/programmes").await["items"].as_array().unwrap().iter().map(|p| p["id"].clone()).collect();
    assert_eq!(ids, [json!("restart-test")]);
    assert_eq!(restarted.get_ok("/programmes/restart-test/totals").await["cost"]["itemised"], "41096.53");
    assert_eq!(restarted.get("/programmes/2016-2020").await.0, 404);
}

#[tokio::test]
async fn two_instances_starting_at_once_seed_once() {
    let url = fresh_database().await;
    let settings = Settings::for_database(url);
    let start = || async {
        let db = Db::connect(&settings.db_options()).await.expect("connect");
        db.migrate().await.expect("migrate");
        seeds::load(&db, &seeds::embedded(), false).await.expect("seed")
    };
    let (a, b) = tokio::join!(start(), start());
    let mut loaded = [a, b];
    loaded.sort();
    assert_eq!(loaded, [vec![], vec!["2016-2020.json".to_string()]], "exactly one instance loads the seed");
    let app = spawn_app_on(settings.database_url.clone()).await;
    assert_eq!(app.get_ok("/programmes/2016-2020").await["scheme_records"], 7);
}

/// The binary with `env` (its server, if it starts one, on a free port): exit code and stderr.
fn run_binary(env: &[(&str, &str)], args: &[&str]) -> (i32, String) {
    let env: Vec<(&str, &str)> = [("BIND_ADDR", "127.0.0.1:0")].into_iter().chain(env.iter().copied()).collect();
    let (code, _, stderr) = crate::helpers::run_binary(&env, args);
    (code, stderr)
}

#[test]
fn start_up_errors_print_one_line_naming_the_cause() {
    let bad_seeds = std::env::temp_dir().join(format!("khuyencong-bad-seeds-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&bad_seeds).unwrap();
    std::fs::write(bad_seeds.join("broken.json"), "{\"id\": ").unwrap();
    let db_file = std::env::temp_dir().join(format!("khuyencong-bin-{}.db", uuid::Uuid::new_v4().simple()));
    let db_url = format!("sqlite://{}", db_file.display());
    // A new file opened read-only: it can be migrated by nobody, so start-up says why.
    let ro_file = std::env::temp_dir().join(format!("khuyencong-ro-{}.db", uuid::Uuid::new_v4().simple()));
    assert_eq!(run_binary(&[("DATABASE_URL", &format!("sqlite://{}", ro_file.display()))], &["migrate"]).0, 0);
    let ro_url = format!("sqlite://{}?mode=ro", ro_file.display());
    let cases = [
        (
            vec![("DATABASE_URL", "sqlite:///no/such/directory/k.db")],
            "cannot open the database sqlite:///no/such/directory/k.db",
        ),
        (
            vec![("DATABASE_URL", "postgres://nobody@127.0.0.1:1/k")],
            "cannot open the database postgres://nobody@127.0.0.1:1/k",
        ),
        (vec![("DATABASE_URL", "mysql://x@y/z")], "DATABASE_URL must start with sqlite: or postgres://"),
        (
            vec![("DATABASE_URL", db_url.as_str()), ("SEEDS_DIR", bad_seeds.to_str().unwrap())],
            "seed file broken.json is malformed at",
        ),
        (vec![("DATABASE_URL", db_url.as_str()), ("BIND_ADDR", "256.0.0.1:1")], "cannot listen on 256.0.0.1:1"),
        (vec![("DATABASE_URL", ro_url.as_str())], "attempt to write a readonly database"),
    ];
    for (env, expected) in cases {
        let (code, stderr) = run_binary(&env, &[]);
        assert_eq!(code, 1, "{expected}: {stderr}");
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "one line: {stderr}");
        assert!(lines[0].starts_with("khuyencong: ") && lines[0].contains(expected), "{expected}: {stderr}");
    }
}

#[test]
fn the_cli_migrates_and_reseeds_on_purpose() {
    let db_file = std::env::temp_dir().join(format!("khuyencong-cli-{}.db", uuid::Uuid::new_v4().simple()));
    let db_url = format!("sqlite://{}", db_file.display());
    let (code, stderr) = run_binary(&[("DATABASE_URL", &db_url)], &["migrate"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stderr) = run_binary(&[("DATABASE_URL", &db_url)], &["seed"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stderr) = run_binary(&[("DATABASE_URL", &db_url)], &["no-such-command"]);
    assert_eq!(code, 2, "clap rejects an unknown command: {stderr}");
}

/// Rows of a query as text, for comparing two ways of computing the same sums.
async fn rows_of(db: &Db, sql: &str) -> Vec<String> {
    use sqlx::Row;
    sqlx::query(sql)
        .fetch_all(db.pool())
        .await
        .unwrap()
        .iter()
        .map(|row| {
            (0..row.len())
                .map(|i| {
                    row.try_get::<String, _>(i).or_else(|_| row.try_get::<i64, _>(i).map(|n| n.to_string())).unwrap()
                })
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect()
}

#[tokio::test]
async fn the_sums_kept_per_programme_are_the_sums_of_its_rows() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let doc = crate::helpers::test_programme("test-2021-2025");
    let put = crate::helpers::Write {
        method: reqwest::Method::PUT,
        path: "/programmes/test-2021-2025",
        token: Some(&token),
        if_match: None,
        body: Some(doc),
    };
    assert_eq!(app.send(put).await.0, 201);
    let db = app.db().await;
    let reference = db.reference().await.unwrap();
    let synthetic =
        khuyencong::cli::synthetic::programme(("hai-phong", "Hải Phòng"), (2021, 2025), 500, 1, Default::default());
    let synthetic = khuyencong::domain::validate(synthetic, &reference).unwrap();
    db.replace_programme(&synthetic, &Actor::local("test")).await.unwrap();

    let kept = rows_of(
        &db,
        "SELECT programme_id, activity, scope, records, schemes, cost_dong, unattributed_schemes FROM record_sums ORDER BY 1, 2, 3",
    )
    .await;
    let summed = rows_of(
        &db,
        "SELECT programme_id, activity, scope, COUNT(*), CAST(SUM(scheme_count) AS BIGINT), CAST(SUM(cost_dong) AS BIGINT),
                CAST(SUM(CASE WHEN cost_dong > (SELECT COALESCE(SUM(f.amount_dong), 0) FROM funding_lines f
                                                WHERE f.programme_id = r.programme_id AND f.scheme_id = r.id)
                              THEN scheme_count ELSE 0 END) AS BIGINT)
         FROM scheme_records r GROUP BY programme_id, activity, scope ORDER BY 1, 2, 3",
    )
    .await;
    assert_eq!(kept, summed);
    assert!(kept.iter().any(|r| r.starts_with("2016-2020|demonstration_technology_transfer|unknown|")), "{kept:?}");
    assert!(kept.iter().filter(|r| r.starts_with("synthetic-hai-phong-2021-2025|")).count() > 10);
    // Per source: the lines naming it exactly...
    let kept = rows_of(
        &db,
        "SELECT l.programme_id, l.activity, l.scope, l.source, l.amount_dong FROM line_sums l
         WHERE EXISTS (SELECT 1 FROM funding_lines f JOIN scheme_records r ON r.programme_id = f.programme_id AND r.id = f.scheme_id
                       WHERE f.programme_id = l.programme_id AND r.activity = l.activity AND r.scope = l.scope AND f.source = l.source)
         ORDER BY 1, 2, 3, 4",
    )
    .await;
    let summed = rows_of(
        &db,
        "SELECT f.programme_id, r.activity, r.scope, f.source, CAST(SUM(f.amount_dong) AS BIGINT)
         FROM funding_lines f JOIN scheme_records r ON r.programme_id = f.programme_id AND r.id = f.scheme_id
         GROUP BY f.programme_id, r.activity, r.scope, f.source ORDER BY 1, 2, 3, 4",
    )
    .await;
    assert_eq!(kept, summed);
    // ...and the schemes of records with a line at or below it, each record once.
    let kept =
        rows_of(&db, "SELECT programme_id, activity, scope, source, schemes FROM line_sums ORDER BY 1, 2, 3, 4").await;
    let counted = rows_of(
        &db,
        "SELECT programme_id, activity, scope, ancestor, CAST(SUM(scheme_count) AS BIGINT) FROM (
             SELECT DISTINCT r.programme_id, r.activity, r.scope, c.ancestor, r.id, r.scheme_count
             FROM funding_lines f JOIN scheme_records r ON r.programme_id = f.programme_id AND r.id = f.scheme_id
             JOIN funding_source_closure c ON c.source = f.source) u
         GROUP BY programme_id, activity, scope, ancestor ORDER BY 1, 2, 3, 4",
    )
    .await;
    assert_eq!(kept, counted);
    assert!(
        kept.iter().any(|r| r == "2016-2020|information_provision|unknown|state_budget|14"),
        "a record paid by the city counts under the state budget too: {kept:?}"
    );
    let kept = rows_of(
        &db,
        "SELECT l.programme_id, l.activity, l.scope, l.source, l.amount_dong FROM line_sums l ORDER BY 1, 2, 3, 4",
    )
    .await;
    for expected in [
        "2016-2020|demonstration_technology_transfer|unknown|state_budget|5760000000",
        "2016-2020|demonstration_technology_transfer|unknown|contributions|25982180000",
    ] {
        assert!(kept.iter().any(|r| r == expected), "{expected} in {kept:?}");
    }

    // The lines kept per source are the lines kept per activity and scope, summed: after a whole
    // write, after a record's correction, after a record's removal.
    let per_source = "SELECT programme_id, source, amount_dong, schemes, records FROM source_sums ORDER BY 1, 2";
    let summed_per_source = "SELECT programme_id, source, CAST(SUM(amount_dong) AS BIGINT), CAST(SUM(schemes) AS BIGINT),
                                    CAST(SUM(records) AS BIGINT) FROM line_sums GROUP BY programme_id, source ORDER BY 1, 2";
    assert_eq!(rows_of(&db, per_source).await, rows_of(&db, summed_per_source).await);
    assert!(rows_of(&db, per_source).await.iter().any(|r| r.starts_with("2016-2020|contributions|")));
    let record = crate::helpers::Write {
        method: reqwest::Method::PUT,
        path: "/programmes/test-2021-2025/schemes/training",
        token: Some(&token),
        if_match: Some(&app.etag("test-2021-2025").await),
        body: Some(
            serde_json::json!({"id": "training", "scheme_count": 2, "activity": "vocational_training", "scope": "local",
            "title": {"vi": "Đào tạo", "en": "Training"}, "cost": "300.00",
            "funding": [{"source": "central_budget", "amount": "300.00"}]}),
        ),
    };
    assert_eq!(app.send(record).await.0, 200);
    assert_eq!(rows_of(&db, per_source).await, rows_of(&db, summed_per_source).await);
    assert!(
        rows_of(&db, per_source).await.contains(&"test-2021-2025|central_budget|700000000|5|2".to_string()),
        "the corrected record's line counted: {:?}",
        rows_of(&db, per_source).await
    );
    let remove = crate::helpers::Write {
        method: reqwest::Method::DELETE,
        path: "/programmes/test-2021-2025/schemes/demo",
        token: Some(&token),
        if_match: Some(&app.etag("test-2021-2025").await),
        body: None,
    };
    assert!([200, 204].contains(&app.send(remove).await.0));
    assert_eq!(rows_of(&db, per_source).await, rows_of(&db, summed_per_source).await);

    // Deleting a programme takes its sums along.
    db.delete_programme("synthetic-hai-phong-2021-2025", &Actor::local("test")).await.unwrap();
    let left = rows_of(&db, "SELECT DISTINCT programme_id FROM record_sums ORDER BY 1").await;
    assert_eq!(left, ["2016-2020", "test-2021-2025"]);
    let left = rows_of(&db, "SELECT DISTINCT programme_id FROM source_sums ORDER BY 1").await;
    assert_eq!(left, ["2016-2020", "test-2021-2025"]);
}

#[tokio::test]
async fn a_corrected_seed_reaches_a_database_still_as_its_old_version_left_it() {
    let url = fresh_database().await;
    let app = spawn_app_on(url.clone()).await;
    let db = app.db().await;
    let reference = db.reference().await.unwrap();
    let corrected: Value = serde_json::from_str(&seed_text()).unwrap();
    // the seed as an earlier release loaded it
    let mut old = corrected.clone();
    old["legal_basis"]["issuer"] = json!("UBND thành phố Hải Phòng");
    let old_file = SeedFile { name: "2016-2020.json".into(), text: old.to_string() };
    assert_eq!(seeds::load(&db, &[old_file], true).await.unwrap(), ["2016-2020.json"]);
    assert_eq!(app.get_ok(P).await["legal_basis"]["issuer"], "UBND thành phố Hải Phòng");

    // a restart with the corrected seed loads it again, once
    assert_eq!(seeds::load(&db, &seeds::embedded(), false).await.unwrap(), ["2016-2020.json"]);
    assert_eq!(seeds::load(&db, &seeds::embedded(), false).await.unwrap(), Vec::<String>::new());
    let restarted = spawn_app_on(url.clone()).await;
    assert_eq!(restarted.get_ok(P).await["legal_basis"]["issuer"], "UBND thành phố");

    // a programme someone changed since is theirs: a seed correction leaves it alone
    let mut edited = corrected.clone();
    edited["names"]["en"] = json!("Edited by the centre");
    let file = SeedFile { name: "edit.json".into(), text: edited.to_string() };
    let valid = seeds::parse(&file, &reference).unwrap();
    db.replace_programme(&valid, &Actor::local("centre")).await.unwrap();
    let old_again = SeedFile { name: "2016-2020.json".into(), text: old.to_string() };
    assert_eq!(seeds::load(&db, &[old_again], false).await.unwrap(), Vec::<String>::new());
    assert_eq!(spawn_app_on(url).await.get_ok(P).await["names"]["en"], "Edited by the centre");
}
