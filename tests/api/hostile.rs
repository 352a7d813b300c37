//! Hostile input: every request of `tests/hostile/corpus.jsonl` (long paths and queries, bad
//! encodings, injection, invented methods, wrong and oversized bodies, malformed request lines
//! and headers, stalled bodies), sent as raw bytes to a server on the engine under test. None
//! gets a 5xx or hangs, those reaching the application get a 4xx problem+json, and the data is
//! byte-identical afterwards.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{fresh_database, spawn_app_with};

/// How long a client waits for an answer; the server's own body timeout is 2 s.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(10);

/// What came back: a status, nothing (the server closed), a hang, or bytes that are not HTTP.
#[derive(Debug, PartialEq)]
enum Answer {
    Status { status: u16, problem: bool },
    Closed,
    Hang,
    Garbled,
}

/// The request an entry describes, and how many of its bytes to send (all, or up to a stall).
fn build(entry: &Value, port: u16, token: &str, etag: &str) -> (Vec<u8>, Option<usize>) {
    let text = |key: &str| entry[key].as_str().unwrap_or_default();
    if text("method") == "RAW" {
        // Latin-1: each character one byte, as the corpus means them.
        return (text("raw").chars().map(|c| c as u8).collect(), None);
    }
    let body = match entry["body_repeat"].as_array() {
        Some(repeat) => Some(repeat[0].as_str().unwrap().repeat(repeat[1].as_u64().unwrap() as usize)),
        None => entry["body"].as_str().map(str::to_string),
    };
    // In the corpus's order (serde_json keeps it: the crate enables preserve_order).
    let headers: Vec<(String, String)> = entry["headers"]
        .as_object()
        .map(|h| {
            h.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap().replace("{TOKEN}", token).replace("{ETAG}", etag)))
                .collect()
        })
        .unwrap_or_default();
    let mut lines = vec![
        format!("{} {} HTTP/1.1", text("method"), text("target")),
        format!("Host: 127.0.0.1:{port}"),
        "Connection: close".to_string(),
    ];
    lines.extend(headers.iter().map(|(k, v)| format!("{k}: {v}")));
    let body = body.map(String::into_bytes);
    if let Some(body) = &body
        && !headers.iter().any(|(k, _)| k == "Content-Length")
    {
        lines.push(format!("Content-Length: {}", body.len()));
    }
    let mut request = format!("{}\r\n\r\n", lines.join("\r\n")).into_bytes();
    let head = request.len();
    request.extend(body.unwrap_or_default());
    let stall = entry["send_bytes"].as_u64().map(|n| head + n as usize);
    (request, stall)
}

/// Sends `request` (up to `stall` bytes) and reads the answer until the body's length or EOF.
async fn exchange(port: u16, request: &[u8], stall: Option<usize>) -> (Answer, Duration) {
    let started = Instant::now();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.expect("connect");
    // The server may answer and close before reading everything.
    let _ = stream.write_all(&request[..stall.unwrap_or(request.len()).min(request.len())]).await;
    let mut raw = Vec::new();
    let mut chunk = vec![0u8; 65536];
    loop {
        match tokio::time::timeout(CLIENT_TIMEOUT, stream.read(&mut chunk)).await {
            Err(_) => return (Answer::Hang, started.elapsed()),
            Ok(Ok(0)) | Ok(Err(_)) => break,
            Ok(Ok(n)) => raw.extend_from_slice(&chunk[..n]),
        }
        if let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
            let length =
                head.lines().find_map(|l| l.strip_prefix("content-length:")).and_then(|v| v.trim().parse().ok());
            if length.is_some_and(|n: usize| raw.len() >= end + 4 + n) {
                break;
            }
        }
    }
    let elapsed = started.elapsed();
    if raw.is_empty() {
        return (Answer::Closed, elapsed);
    }
    let head = String::from_utf8_lossy(&raw[..raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(raw.len())])
        .to_ascii_lowercase();
    let status = head.lines().next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse().ok());
    let problem = head.lines().any(|l| l.starts_with("content-type:") && l.contains("application/problem+json"));
    match status {
        Some(status) => (Answer::Status { status, problem }, elapsed),
        None => (Answer::Garbled, elapsed),
    }
}

fn meets(expect: &str, answer: &Answer, elapsed: Duration) -> bool {
    let client_error = |s: &u16| (400..500).contains(s);
    match (expect, answer) {
        ("problem", Answer::Status { status, problem }) => client_error(status) && *problem,
        ("ok", Answer::Status { status, problem }) => (200..300).contains(status) || (client_error(status) && *problem),
        ("4xx", Answer::Status { status, .. }) => client_error(status),
        ("4xx" | "no5xx", Answer::Closed) => true,
        ("no5xx", Answer::Status { status, .. }) => *status < 500,
        ("timeout", Answer::Closed | Answer::Status { status: 408, .. }) => elapsed < CLIENT_TIMEOUT,
        _ => false,
    }
}

#[tokio::test]
async fn no_request_of_the_hostile_corpus_gets_a_5xx_hangs_or_changes_the_data() {
    let app = spawn_app_with(fresh_database().await, |s| {
        s.request_timeout_secs = 2;
        s.write_rate_per_minute = 100_000;
        s.write_rate_burst = 100_000;
        s.auth_failures_per_minute = 100_000;
    })
    .await;
    let token = app.token("hostile", "admin").await;
    let port: u16 = app.address.rsplit(':').next().unwrap().parse().unwrap();
    let before = app.export("2016-2020").await;
    let etag = app.etag("2016-2020").await;
    let corpus = include_str!("../hostile/corpus.jsonl");
    let mut failures = Vec::new();
    let mut answered = BTreeMap::new();
    for line in corpus.lines() {
        let entry: Value = serde_json::from_str(line).unwrap();
        let (request, stall) = build(&entry, port, &token, &etag);
        let (answer, elapsed) = exchange(port, &request, stall).await;
        let label = match &answer {
            Answer::Status { status, .. } => status.to_string(),
            other => format!("{other:?}").to_lowercase(),
        };
        *answered.entry(label.clone()).or_insert(0) += 1;
        let expect = entry["expect"].as_str().unwrap();
        if !meets(expect, &answer, elapsed) {
            failures.push(format!("{}: expected {expect}, got {label}", entry["name"]));
        }
    }
    assert_eq!(failures, Vec::<String>::new(), "answers: {answered:?}");
    assert_eq!(corpus.lines().count(), 277);
    assert!(answered.keys().all(|status| !status.starts_with('5')), "{answered:?}");
    assert_eq!(app.export("2016-2020").await, before, "the 2016-2020 programme changed");
}
