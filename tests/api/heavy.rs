//! Heavy reads: whole-programme downloads are streamed, fewer at once than the pool has
//! connections, and a reader that stalls is cut off at the deadline, releasing its permit.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::helpers::{fresh_database, spawn_app_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_download_holds_its_permit_only_until_the_deadline_and_others_get_503_meanwhile() {
    let app = spawn_app_with(fresh_database().await, |s| {
        s.heavy_read_permits = 1;
        s.heavy_read_wait_secs = 1;
        s.heavy_read_deadline_secs = 3;
    })
    .await;
    // A programme whose export (about 30 MB) is more than the socket buffers hold.
    let db = app.db().await;
    let reference = db.reference().await.unwrap();
    let mut document =
        khuyencong::cli::synthetic::programme(("hai-phong", "Hải Phòng"), (2021, 2025), 20_000, 7, Default::default());
    for record in &mut document.schemes {
        record.quote = Some("Triển khai thực hiện đề án hỗ trợ đào tạo nghề. ".repeat(20));
    }
    let valid = khuyencong::domain::validate(document, &reference).unwrap();
    let id = valid.programme.id.clone();
    db.replace_programme(&valid, &khuyencong::storage::Actor::local("test")).await.unwrap();

    // A client that asks for the export and never reads it.
    let address = app.address.trim_start_matches("http://").to_string();
    let mut stalled = std::net::TcpStream::connect(&address).unwrap();
    write!(stalled, "GET /programmes/{id}/export HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Meanwhile: another download waits its second for the one permit and gets 503; cheap reads
    // and health checks answer at once.
    let started = Instant::now();
    let busy = app.client.get(format!("{}/programmes/{id}/export", app.address)).send().await.unwrap();
    assert_eq!(busy.status().as_u16(), 503);
    assert!(started.elapsed() >= Duration::from_millis(900), "it waited for a permit first");
    assert_eq!(busy.headers()["retry-after"], "5");
    let problem: Value = busy.json().await.unwrap();
    assert_eq!(problem["type"], "urn:khuyencong:problem:unavailable");
    let started = Instant::now();
    assert_eq!(app.get("/health/live").await.0, 200);
    assert_eq!(app.get("/programmes/2016-2020/totals").await.0, 200);
    assert!(started.elapsed() < Duration::from_millis(500), "cheap reads are not held up");

    // Past the deadline the stalled download is cut off (its body never completes) and its
    // permit is free: the next download (one small enough to finish within the deadline on a
    // debug build under a parallel test run) gets it and is whole.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let full = app.client.get(format!("{}/programmes/2016-2020/export", app.address)).send().await.unwrap();
    assert_eq!(full.status().as_u16(), 200, "the permit is free again");
    let exported: Value = serde_json::from_str(&full.text().await.unwrap()).unwrap();
    assert_eq!(exported["schemes"].as_array().unwrap().len(), 7);
    let received = tokio::task::spawn_blocking(move || {
        stalled.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut received = Vec::new();
        let _ = stalled.read_to_end(&mut received);
        received
    })
    .await
    .unwrap();
    assert!(received.starts_with(b"HTTP/1.1 200"), "the stalled download had begun");
    assert!(!received.ends_with(b"\r\n0\r\n\r\n"), "…and was cut off, not ended as if complete");
}
