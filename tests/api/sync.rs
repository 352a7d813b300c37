//! Agencies that mirror and script: the changes feed, sorted lists with counts, input as Windows
//! writes it, and a CLI that never makes a database it was not given.

use reqwest::Method;
use serde_json::{Value, json};
use unicode_normalization::UnicodeNormalization;

use crate::helpers::run_cli as cli;
use crate::helpers::{Write, fresh_database, fresh_sqlite_database, spawn_app, spawn_app_on, test_programme};

fn ids(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_string()).collect()
}

/// Follows `next` from `first`, returning every id in order and the number of pages.
async fn all_pages(app: &crate::helpers::TestApp, first: &str) -> (Vec<String>, usize) {
    let (mut seen, mut pages) = (Vec::new(), 0);
    let mut url = format!("{}{first}", app.address);
    loop {
        let page: Value = app.client.get(&url).send().await.unwrap().json().await.unwrap();
        seen.extend(ids(&page));
        pages += 1;
        match page["next"].as_str() {
            Some(next) => url = next.to_string(),
            None => return (seen, pages),
        }
    }
}

#[tokio::test]
async fn a_write_appears_in_the_changes_feed_with_its_version_and_no_secret() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong-bi-mat", "write").await;
    let feed = app.get_ok("/changes").await;
    let seeded = feed["latest_version"].as_i64().unwrap();
    assert_eq!(
        feed["items"],
        json!([{"version": seeded, "programme_id": "2016-2020", "scheme_id": null,
        "operation": "seed", "at": feed["items"][0]["at"]}])
    );

    // A mirror that is current gets 304 until something is written.
    let response = app.client.get(format!("{}/changes?since={seeded}", app.address)).send().await.unwrap();
    let etag = response.headers()["etag"].to_str().unwrap().to_string();
    let again = app
        .client
        .get(format!("{}/changes?since={seeded}", app.address))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status().as_u16(), 304);

    let (status, _, created) = app
        .send(Write {
            method: Method::PUT,
            path: "/programmes/2021-2025",
            token: Some(&token),
            if_match: None,
            body: Some(test_programme("2021-2025")),
        })
        .await;
    assert_eq!(status, 201, "{created}");
    let version = created["version"].as_i64().unwrap();
    let created_etag = Some(app.etag("2021-2025").await);
    let (status, _, _) = app
        .send(Write {
            method: Method::DELETE,
            path: "/programmes/2021-2025",
            token: Some(&token),
            if_match: created_etag.as_deref(),
            body: None,
        })
        .await;
    assert_eq!(status, 204);

    let text = app
        .client
        .get(format!("{}/changes?since={seeded}", app.address))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let feed: Value = serde_json::from_str(&text).unwrap();
    let listed: Vec<Value> = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| json!([i["version"], i["programme_id"], i["operation"]]))
        .collect();
    assert_eq!(listed, [json!([version, "2021-2025", "replace"]), json!([version + 1, "2021-2025", "delete"])]);
    assert_eq!(feed["latest_version"], version + 1);
    assert!(!text.contains("so-cong-thuong-bi-mat") && !text.contains(&token) && !text.contains("kc_"), "{text}");

    // `since` pages, oldest first, and `next` carries the mirror on
    let (status, page) = app.get("/changes?since=0&limit=2").await;
    assert_eq!(status, 200);
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    let next = page["next"].as_str().expect("a next page");
    assert!(next.ends_with(&format!("since={}", page["items"][1]["version"])), "{next}");
    let rest: Value = app.client.get(next).send().await.unwrap().json().await.unwrap();
    assert_eq!(rest["items"][0]["version"], version + 1);
    assert_eq!(rest["next"], Value::Null);
    assert_eq!(app.get("/changes?since=-1").await.0, 400);
}

#[tokio::test]
async fn the_scheme_list_sorts_both_ways_in_stable_pages_and_counts_what_matches() {
    let app = spawn_app().await;
    let p = "/programmes/2016-2020/schemes";
    let by_cost = [
        "programme-management-capacity",
        "consulting-assistance",
        "management-capacity",
        "vocational-training",
        "information-provision",
        "additional-schemes",
        "demonstration-technology-transfer",
    ];
    let (ascending, pages) = all_pages(&app, &format!("{p}?sort=cost&limit=2")).await;
    assert_eq!((ascending, pages), (by_cost.map(String::from).to_vec(), 4));
    let (descending, _) = all_pages(&app, &format!("{p}?sort=-cost&limit=3")).await;
    assert_eq!(descending, by_cost.iter().rev().map(|s| s.to_string()).collect::<Vec<_>>());
    // equal scheme counts (3 and 3) are ordered by id, in the sort's direction
    let (by_count, _) = all_pages(&app, &format!("{p}?sort=scheme_count&limit=1")).await;
    assert_eq!(by_count[..3], ["consulting-assistance", "vocational-training", "programme-management-capacity"]);
    let (by_count_desc, _) = all_pages(&app, &format!("{p}?sort=-scheme_count&limit=4")).await;
    assert_eq!(by_count_desc[4..], ["programme-management-capacity", "vocational-training", "consulting-assistance"]);
    let (by_id, _) = all_pages(&app, &format!("{p}?sort=-id&limit=2&source=local_budget")).await;
    assert_eq!(by_id, ["management-capacity", "information-provision", "consulting-assistance"]);

    let page = app.get_ok(&format!("{p}?limit=2")).await;
    assert_eq!(page["count"], 7, "every matching record, not the page");
    assert_eq!(app.get_ok(&format!("{p}?activity=unspecified")).await["count"], 1);
    assert_eq!(app.get_ok(&format!("{p}?source=local_budget&limit=1")).await["count"], 3);
    // A parent source counts each record with a line at or below it once, from the kept sums:
    // as many as its unpaged list holds.
    for filter in
        ["source=state_budget", "source=state_budget&scope=local", "source=contributions&activity=unspecified"]
    {
        let page = app.get_ok(&format!("{p}?{filter}&limit=500")).await;
        assert_eq!(page["count"].as_u64().unwrap() as usize, page["items"].as_array().unwrap().len(), "{filter}");
    }
    assert_eq!(app.get_ok(&format!("{p}?activity=rural_product_promotion")).await["count"], 0);
    assert_eq!(app.get_ok("/programmes").await["count"], 1);

    // a cursor is opaque: one the API did not give out is refused
    let (status, body) = app.get(&format!("{p}?sort=-cost&cursor=C12.x")).await;
    assert_eq!((status, &body["errors"][0]["parameter"]), (400, &json!("cursor")), "{body}");
    let (status, body) = app.get(&format!("{p}?sort=price")).await;
    assert_eq!((status, &body["errors"][0]["parameter"]), (400, &json!("sort")), "{body}");
}

#[tokio::test]
async fn a_body_with_a_byte_order_mark_and_decomposed_vietnamese_is_stored_composed() {
    let app = spawn_app().await;
    let token = app.token("windows", "write").await;
    let mut doc = test_programme("2021-2025");
    let composed = "Đào tạo nghề may công nghiệp";
    let decomposed: String = composed.nfd().collect();
    assert_ne!(decomposed, composed);
    doc["schemes"][0]["title"]["vi"] = json!(decomposed);
    // A JSON escape of a combining mark is read as the mark, and composed too.
    doc["names"]["vi"] = json!("Chương trình khuye\u{0302}\u{0301}n công");
    let mut body = b"\xEF\xBB\xBF".to_vec();
    body.extend(serde_json::to_vec(&doc).unwrap().iter());
    let response = app
        .client
        .put(format!("{}/programmes/2021-2025", app.address))
        .bearer_auth(&token)
        .header("Content-Type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201, "{}", response.text().await.unwrap());
    let exported: Value = serde_json::from_str(&app.export("2021-2025").await).unwrap();
    assert_eq!(exported["schemes"][0]["title"]["vi"], composed);
    assert_eq!(exported["names"]["vi"], "Chương trình khuyến công");
}

#[tokio::test]
async fn a_file_with_a_byte_order_mark_imports_from_the_command_line() {
    let url = fresh_database().await;
    let _app = spawn_app_on(url.clone()).await;
    let file = std::env::temp_dir().join(format!("kc-bom-{}.json", std::process::id()));
    let mut text = b"\xEF\xBB\xBF".to_vec();
    text.extend(serde_json::to_vec_pretty(&test_programme("2021-2025")).unwrap());
    std::fs::write(&file, text).unwrap();
    let (code, stdout, stderr) = cli(&url, &["import", file.to_str().unwrap()]);
    std::fs::remove_file(&file).ok();
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("imported programme 2021-2025"), "{stdout}");
}

#[test]
fn read_commands_on_a_missing_database_say_so_and_create_nothing() {
    let url = fresh_sqlite_database();
    let path = url.trim_start_matches("sqlite://").split('?').next().unwrap().to_string();
    assert!(!std::path::Path::new(&path).exists());
    for args in
        [vec!["export", "2021-2025"], vec!["token", "list"], vec!["token", "create", "--name", "x", "--scope", "write"]]
    {
        let (code, _, stderr) = cli(&url, &args);
        assert_eq!(code, 1, "{args:?}: {stderr}");
        assert!(stderr.contains("DATABASE_URL"), "{args:?} names the setting: {stderr}");
        assert!(!std::path::Path::new(&path).exists(), "{args:?} created {path}");
    }
    // `export` without DATABASE_URL in a directory with no database makes no ./khuyencong.db
    let dir = std::env::temp_dir().join(format!("kc-nodb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_khuyencong"))
        .args(["export", "2021-2025"])
        .current_dir(&dir)
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(std::fs::read_dir(&dir).unwrap().next().is_none(), "nothing created in {}", dir.display());
    std::fs::remove_dir_all(&dir).ok();
}

/// The README's agency flow, step by step, with the files it names (`docs/agency/`).
#[tokio::test]
async fn the_readme_flow_works_with_its_own_files() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let admin = app.token("centre-admin", "admin").await;
    let file = |name: &str| std::fs::read(format!("{}/docs/agency/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let put = |path: &str, body: Vec<u8>, if_match: Option<String>| {
        let mut request = app
            .client
            .put(format!("{}{path}", app.address))
            .bearer_auth(&token)
            .header("Content-Type", "application/json")
            .body(body);
        if let Some(tag) = if_match {
            request = request.header("If-Match", tag);
        }
        request.send()
    };
    // 1. load the programme document
    let response = put("/programmes/2021-2025", file("2021-2025.json"), None).await.unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let created: Value = response.json().await.unwrap();
    assert!(created["warnings"].as_array().is_some_and(|w| !w.is_empty()), "{created}");
    // 2. its figures
    assert_eq!(app.get_ok("/programmes/2021-2025/totals").await["cost"]["itemised"], "950.50");
    // 4. correct one record with If-Match
    let etag = app.etag("2021-2025").await;
    let response = put("/programmes/2021-2025/schemes/training", file("training.json"), Some(etag)).await.unwrap();
    assert_eq!(response.status().as_u16(), 200, "{}", response.text().await.unwrap());
    assert_eq!(app.get_ok("/programmes/2021-2025/totals").await["cost"]["itemised"], "970.50");
    // 5. the audit trail, with the admin token
    let audit = app.get_as(&admin, "/audit?programme=2021-2025").await;
    assert_eq!(audit["items"].as_array().unwrap().len(), 2);
    // 6. a mirror learns both writes from the changes feed
    let ops: Vec<Value> = app.get_ok("/changes?since=1").await["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| json!([i["programme_id"], i["operation"], i["scheme_id"]]))
        .collect();
    assert_eq!(ops, [json!(["2021-2025", "replace", null]), json!(["2021-2025", "replace_scheme", "training"])]);
}
