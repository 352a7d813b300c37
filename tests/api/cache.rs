//! The response cache: hits, and never stale, through this instance or another.

use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::json;

use crate::helpers::{TestApp, Write, fresh_database, spawn_app, spawn_app_on};

async fn totals(app: &TestApp) -> (Option<String>, serde_json::Value) {
    let response = app.client.get(format!("{}/programmes/2016-2020/totals", app.address)).send().await.unwrap();
    let cache = response.headers().get("x-cache").map(|v| v.to_str().unwrap().to_string());
    (cache, response.json().await.unwrap())
}

async fn correct_reported_cost(app: &TestApp, amount: &str) {
    let etag = app.etag("2016-2020").await;
    correct_reported_cost_at(app, amount, &etag).await;
}

async fn correct_reported_cost_at(app: &TestApp, amount: &str, etag: &str) {
    let token = app.token("so-cong-thuong", "write").await;
    let (status, _, _) = app
        .send(Write {
            method: Method::PUT,
            path: "/programmes/2016-2020/reported",
            token: Some(&token),
            if_match: Some(etag),
            body: Some(json!({"schemes": {"value": 65}, "cost": {"amount": amount}})),
        })
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_write_through_this_instance_is_visible_in_the_very_next_read() {
    let app = spawn_app_on(fresh_database().await).await;
    tokio::time::sleep(Duration::from_millis(300)).await; // the poller has read the version
    let (_, first) = totals(&app).await;
    let (hit, second) = totals(&app).await;
    assert_eq!(hit.as_deref(), Some("hit"), "the second read is served from memory");
    assert_eq!(first, second);
    correct_reported_cost(&app, "41400.00").await;
    let (hit, after) = totals(&app).await;
    assert_eq!(hit, None, "the write emptied the cache");
    assert_eq!(after["cost"]["reported"], "41400.00");
    // A cached answer still honours If-None-Match.
    totals(&app).await;
    let etag = app.etag("2016-2020").await;
    let response = app
        .client
        .get(format!("{}/programmes/2016-2020/totals", app.address))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!((response.status().as_u16(), response.headers()["x-cache"].to_str().unwrap()), (304, "hit"));
}

#[tokio::test]
async fn a_write_through_another_instance_is_visible_within_a_second() {
    let url = fresh_database().await;
    let (a, b) = (spawn_app_on(url.clone()).await, spawn_app_on(url).await);
    tokio::time::sleep(Duration::from_millis(300)).await;
    totals(&b).await;
    assert_eq!(totals(&b).await.0.as_deref(), Some("hit"));
    correct_reported_cost(&a, "41500.00").await;
    let written = Instant::now();
    loop {
        let (_, body) = totals(&b).await;
        if body["cost"]["reported"] == "41500.00" {
            break;
        }
        assert!(written.elapsed() < Duration::from_secs(1), "instance b still served the old totals after 1 s");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(written.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn a_client_that_always_revalidates_is_answered_from_memory() {
    let app = spawn_app_on(fresh_database().await).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let etag = app.etag("2016-2020").await;
    for expected in [None, Some("hit"), Some("hit")] {
        let response = app
            .client
            .get(format!("{}/programmes/2016-2020/breakdown?by=scope", app.address))
            .header("If-None-Match", &etag)
            .send()
            .await
            .unwrap();
        let cache = response.headers().get("x-cache").map(|v| v.to_str().unwrap().to_string());
        assert_eq!((response.status().as_u16(), cache.as_deref()), (304, expected));
        assert_eq!(response.headers()["etag"].to_str().unwrap(), etag);
    }
}

#[tokio::test]
async fn reads_go_to_the_replica_only_while_it_holds_the_primarys_version() {
    // Two databases stand in for a primary and its replica; the "replica" is made to hold other
    // figures, so every answer shows which one it came from.
    let (primary, replica) = (fresh_database().await, fresh_database().await);
    let other = spawn_app_on(replica.clone()).await;
    correct_reported_cost(&other, "41999.00").await; // the replica is at version 2
    let app = crate::helpers::spawn_app_with(primary, |s| s.database_read_url = Some(replica)).await;
    let reported = |body: serde_json::Value| body["cost"]["reported"].as_str().unwrap().to_string();
    let started = Instant::now();
    while reported(totals(&app).await.1) != "41999.00" {
        assert!(started.elapsed() < Duration::from_secs(1), "reads never went to the caught-up replica");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Two writes take the primary to version 3, past the replica: the very next read, and every
    // one after it, comes from the primary.
    // (`If-Match: *`: the stand-in replica's ETags are not the primary's, as a real replica's are.)
    correct_reported_cost_at(&app, "41400.00", "*").await;
    correct_reported_cost_at(&app, "41500.00", "*").await;
    for _ in 0..5 {
        assert_eq!(reported(totals(&app).await.1), "41500.00");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_response_too_large_to_keep_still_answers_if_none_match_with_304() {
    let app = spawn_app_on(fresh_database().await).await;
    let db = app.db().await;
    let reference = db.reference().await.unwrap();
    let document = khuyencong::synthetic::programme(("hai-phong", "Hải Phòng"), (2021, 2025), 4000, 1);
    let programme = khuyencong::domain::document::validate(document, &reference).unwrap();
    db.replace_programme(&programme, &khuyencong::storage::Actor::local("test")).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let url = format!("{}/programmes/synthetic-hai-phong-2021-2025/export", app.address);
    let first = app.client.get(&url).send().await.unwrap();
    let etag = first.headers()["etag"].to_str().unwrap().to_string();
    assert!(first.bytes().await.unwrap().len() > 1 << 20, "the export is larger than the cache keeps");
    let again = app.client.get(&url).header("If-None-Match", &etag).send().await.unwrap();
    assert_eq!((again.status().as_u16(), again.headers()["etag"].to_str().unwrap()), (304, etag.as_str()));
    assert!(again.headers().get("x-cache").is_none());
    assert_eq!(again.bytes().await.unwrap().len(), 0);
}

#[tokio::test]
async fn what_the_representation_ignores_never_makes_a_new_entry() {
    let app = spawn_app().await;
    let get = |path: &'static str, headers: Vec<(&'static str, String)>| {
        let mut request = app.client.get(format!("{}{path}", app.address));
        for (name, value) in headers {
            request = request.header(name, value);
        }
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status().as_u16(), 200, "{path}");
            response.headers().get("x-cache").map(|v| v.to_str().unwrap().to_string())
        }
    };
    for path in ["/activities", "/programmes/2016-2020/totals", "/programmes/2016-2020/breakdown?by=scope"] {
        // Until the plain request is kept (the cache keeps nothing before its poller has read
        // the data version, a moment after start).
        let started = Instant::now();
        while get(path, vec![]).await.as_deref() != Some("hit") {
            assert!(started.elapsed() < Duration::from_secs(3), "{path} is never kept");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        for i in 0..50 {
            // Headers a direct client sends that the response does not depend on: forwarded
            // origins (not trusted from it), Accept variants that all mean JSON, a long header.
            let headers = vec![
                ("X-Forwarded-Host", format!("evil-{i}.example")),
                ("X-Forwarded-Proto", "https".to_string()),
                ("Accept", format!("application/json;q=0.{}", i % 9 + 1)),
                ("X-Padding", "p".repeat(1000 + i)),
            ];
            assert_eq!(get(path, headers).await.as_deref(), Some("hit"), "{path}, variant {i}");
        }
    }
    // Parameters in another order or encoding are the same representation.
    while get("/programmes/2016-2020/schemes?limit=2&scope=unknown", vec![]).await.as_deref() != Some("hit") {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(get("/programmes/2016-2020/schemes?scope=unknown&limit=2", vec![]).await.as_deref(), Some("hit"));
    assert_eq!(get("/programmes/2016-2020/schemes?scope=%75nknown&limit=2", vec![]).await.as_deref(), Some("hit"));
}

#[tokio::test]
async fn the_cache_holds_no_more_than_its_budget() {
    let budget = 64 * 1024;
    let app = crate::helpers::spawn_app_with(fresh_database().await, |s| s.response_cache_bytes = budget).await;
    // 300 distinct representations, each kept: past the budget, the least used leave.
    for limit in 1..=300 {
        let (status, _) = app.get(&format!("/programmes/2016-2020/schemes?limit={limit}")).await;
        assert_eq!(status, 200);
    }
    tokio::time::sleep(Duration::from_millis(1_500)).await; // the gauge is read every second
    let text = app.client.get(format!("{}/metrics", app.address)).send().await.unwrap().text().await.unwrap();
    let held: u64 = text
        .lines()
        .find_map(|l| l.strip_prefix("khuyencong_response_cache_bytes "))
        .expect("the cache gauge")
        .trim()
        .parse()
        .unwrap();
    assert!(held > 0 && held <= budget, "{held} bytes held, budget {budget}");
}
