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
    let document =
        khuyencong::cli::synthetic::programme(("hai-phong", "Hải Phòng"), (2021, 2025), 4000, 1, Default::default());
    let programme = khuyencong::domain::validate(document, &reference).unwrap();
    db.replace_programme(&programme, &khuyencong::storage::Actor::local("test")).await.unwrap();
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
async fn a_programme_written_before_another_is_still_kept() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    // 2016-2020 shows the version it was seeded at; this write moves the data version past it.
    assert_eq!(app.put_programme(&token, "later", crate::helpers::test_programme("later")).await.0, 201);
    let read =
        || async { app.get_with("/programmes/2016-2020/totals", &[]).await.header("x-cache").map(str::to_string) };
    let started = Instant::now();
    while read().await.as_deref() != Some("hit") {
        assert!(started.elapsed() < Duration::from_secs(3), "the older programme's totals are never kept");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let before = builds(&app).await;
    for _ in 0..5 {
        assert_eq!(read().await.as_deref(), Some("hit"));
    }
    assert_eq!(builds(&app).await, before, "served from memory, not built again");
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
    let held = app.metric("khuyencong_response_cache_bytes").await;
    assert!(held > 0 && held <= budget, "{held} bytes held, budget {budget}");
}

/// `khuyencong_response_cache_builds_total` on `app`'s `/metrics`.
async fn builds(app: &TestApp) -> u64 {
    app.metric("khuyencong_response_cache_builds_total").await
}

// Found by scripts/exhaustion-test (attack 8): 64 browsers opened the home page just after
// another process wrote 120 programmes. The one build began under the version this instance
// knew and showed the newer one, so it was not kept; the 63 requests waiting for it then each
// built the page themselves, and a write queued behind them answered 503.
#[tokio::test]
async fn a_burst_of_readers_after_another_instance_wrote_is_one_build() {
    let url = fresh_database().await;
    let (a, b) = (spawn_app_on(url.clone()).await, spawn_app_on(url).await);
    correct_reported_cost(&a, "41600.00").await;
    let before = builds(&b).await;
    let read = || async {
        let browser = [("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.8"), ("Accept-Encoding", "gzip, deflate, br, zstd")];
        let got = b.get_with("/", &browser).await;
        let header = |name| got.header(name).unwrap_or_default().to_string();
        (got.status, header("content-encoding"), header("etag"))
    };
    let answers = futures_util::future::join_all((0..32).map(|_| read())).await;
    assert_eq!(builds(&b).await - before, 1, "one build served all 32 readers");
    for (status, coding, etag) in &answers {
        assert_eq!((*status, coding.as_str()), (200, "br"));
        assert_eq!(etag, &answers[0].2, "every reader got the one build");
    }
}

/// GET `path` with `Accept-Encoding: coding`: status, `x-cache`, `Content-Encoding`, ETag, body.
async fn get_coded(app: &TestApp, path: &str, coding: &str) -> (u16, Option<String>, Option<String>, String, Vec<u8>) {
    let mut request = app.client.get(format!("{}{path}", app.address));
    if !coding.is_empty() {
        request = request.header("Accept-Encoding", coding);
    }
    let response = request.send().await.unwrap();
    let header = |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_string());
    let (cache, encoding, etag) = (header("x-cache"), header("content-encoding"), header("etag").unwrap_or_default());
    (response.status().as_u16(), cache, encoding, etag, response.bytes().await.unwrap().to_vec())
}

fn decode(coding: &str, bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut plain = Vec::new();
    match coding {
        "gzip" => flate2::read::GzDecoder::new(bytes).read_to_end(&mut plain).map(|_| ()).unwrap(),
        "br" => brotli::Decompressor::new(bytes, 4096).read_to_end(&mut plain).map(|_| ()).unwrap(),
        "zstd" => plain = zstd::decode_all(bytes).unwrap(),
        other => panic!("no decoder for {other}"),
    }
    plain
}

#[tokio::test]
async fn a_hit_in_each_coding_is_compressed_once_and_decodes_to_the_identity_body() {
    let app = spawn_app_on(fresh_database().await).await;
    for path in ["/programmes/2016-2020/totals", "/vi/programmes/2016-2020"] {
        let started = Instant::now();
        let identity = loop {
            let (status, cache, encoding, etag, body) = get_coded(&app, path, "").await;
            assert_eq!((status, encoding), (200, None), "{path}");
            if cache.as_deref() == Some("hit") {
                break (etag, body);
            }
            assert!(started.elapsed() < Duration::from_secs(3), "{path} is never kept");
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        let stem = identity.0.trim_end_matches('"').to_string();
        for coding in ["gzip", "br", "zstd"] {
            // The first asks for the coding; the second is served the same bytes from memory.
            let (_, _, encoding, first_etag, first) = get_coded(&app, path, coding).await;
            let (status, cache, encoding_again, etag, body) = get_coded(&app, path, coding).await;
            assert_eq!((status, cache.as_deref()), (200, Some("hit")), "{path} {coding}");
            assert_eq!((encoding.as_deref(), encoding_again.as_deref()), (Some(coding), Some(coding)));
            assert_eq!(etag, format!("{stem}-{coding}\""), "{path}: the ETag names the coding");
            assert_eq!((first_etag, first), (etag.clone(), body.clone()), "{path} {coding}: compressed once");
            assert_eq!(decode(coding, &body), identity.1, "{path} {coding}: the identity body, byte for byte");
            assert!(body.len() < identity.1.len() / 2, "{path} {coding}: {} of {} bytes", body.len(), identity.1.len());
        }
        // What a browser sends: the smallest of the codings it takes.
        let (_, cache, encoding, _, _) = get_coded(&app, path, "gzip, deflate, br, zstd").await;
        assert_eq!((cache.as_deref(), encoding.as_deref()), (Some("hit"), Some("br")), "{path}");
        // Its tag in any coding revalidates: 304.
        let response = app
            .client
            .get(format!("{}{path}", app.address))
            .header("Accept-Encoding", "gzip")
            .header("If-None-Match", format!("W/{}", identity.0))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 304, "{path}: a weak tag matches (RFC 9110 weak comparison)");
    }
}

/// The version an ETag names (`"42-json-gzip"`, `"all-42-json"` → 42).
fn version_in(etag: &str) -> i64 {
    let inner = etag.trim_matches('"');
    let inner = inner.strip_prefix("all-").unwrap_or(inner);
    inner.split('-').next().unwrap().parse().unwrap_or_else(|_| panic!("no version in {etag}"))
}

/// Reads `paths` in turn as one client would: the version each names must never be older than
/// one this client already saw. Returns the newest.
async fn read_forward(app: &TestApp, paths: &[&str], newest: &mut i64, trace: &mut Vec<String>) {
    for path in paths {
        let response = app.client.get(format!("{}{path}", app.address)).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200, "{path}");
        let etag = response.headers()["etag"].to_str().unwrap().to_string();
        let cache = response.headers().get("x-cache").map(|v| v.to_str().unwrap().to_string());
        trace.push(format!("{path} {etag} {cache:?}"));
        let version = version_in(&etag);
        assert!(version >= *newest, "{path} went back from {newest} to {version}:\n{}", trace.join("\n"));
        *newest = version;
    }
}

/// Reads that come between the poller's ticks: a download, which is never cached, shows the
/// newest data; the cached resources read after it must not show older.
const RESOURCES: [&str; 4] = [
    "/programmes/2016-2020/totals",
    "/programmes/2016-2020/export",
    "/programmes/2016-2020/breakdown?by=scope",
    "/programmes/2016-2020",
];

#[tokio::test]
async fn no_response_names_a_version_older_than_one_already_served_while_another_instance_writes() {
    let url = fresh_database().await;
    let (writer, reader) = (spawn_app_on(url.clone()).await, spawn_app_on(url).await);
    let done = std::sync::atomic::AtomicBool::new(false);
    let writes = async {
        for i in 0..15 {
            correct_reported_cost_at(&writer, &format!("{}.00", 41400 + i), "*").await;
            tokio::time::sleep(Duration::from_millis(35)).await;
        }
        done.store(true, std::sync::atomic::Ordering::Release);
    };
    let reads = async {
        let (mut newest, mut trace) = (0, Vec::new());
        while !done.load(std::sync::atomic::Ordering::Acquire) {
            read_forward(&reader, &RESOURCES, &mut newest, &mut trace).await;
        }
        // The download after the last write shows it, and so does everything read after it.
        read_forward(&reader, &RESOURCES[1..], &mut newest, &mut trace).await;
        read_forward(&reader, &RESOURCES, &mut newest, &mut trace).await;
        newest
    };
    let ((), newest) = tokio::join!(writes, reads);
    assert_eq!(newest, 16, "the reader saw the last of the 15 writes");
}

#[tokio::test]
async fn after_a_write_from_the_command_line_no_read_goes_back() {
    let url = fresh_database().await;
    let app = spawn_app_on(url.clone()).await;
    let (mut newest, mut trace) = (0, Vec::new());
    // Everything kept at the first version.
    read_forward(&app, &RESOURCES, &mut newest, &mut trace).await;
    read_forward(&app, &RESOURCES, &mut newest, &mut trace).await;
    let mut document: serde_json::Value = serde_json::from_str(&app.export("2016-2020").await).unwrap();
    document["reported"]["cost"]["amount"] = json!("41401.00");
    let file = std::env::temp_dir().join(format!("khuyencong-forward-{}.json", uuid::Uuid::new_v4().simple()));
    std::fs::write(&file, document.to_string()).unwrap();
    let (code, _, stderr) = crate::helpers::run_cli(&url, &["import", file.to_str().unwrap()]);
    std::fs::remove_file(&file).ok();
    assert_eq!(code, 0, "{stderr}");
    // At once, before the poller's next tick: the download shows the new version, and nothing
    // read after it shows the old one.
    for _ in 0..3 {
        let mut order = RESOURCES;
        order.rotate_left(1);
        read_forward(&app, &order, &mut newest, &mut trace).await;
    }
    assert!(newest >= 2, "the import was seen:\n{}", trace.join("\n"));
}
