//! Graceful shutdown: SIGTERM to the binary while 16 clients keep reading. Every request it
//! accepted finishes with a whole 200, and the process exits 0 within its grace plus 5 s.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::helpers::fresh_database;

const GRACE: u64 = 10;

#[derive(Default)]
struct Tally {
    whole: AtomicUsize,
    not_200: AtomicUsize,
    cut_mid_response: AtomicUsize,
    refused: AtomicUsize,
}

#[tokio::test]
async fn sigterm_lets_every_accepted_request_finish_and_exits_0() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_khuyencong"))
        .arg("serve")
        .env("DATABASE_URL", fresh_database().await)
        .env("BIND_ADDR", format!("127.0.0.1:{port}"))
        .env("SHUTDOWN_TIMEOUT_SECS", GRACE.to_string())
        .env("RUST_LOG", "warn")
        .env_remove("SEEDS_DIR")
        .spawn()
        .expect("start the server");
    let url = format!("http://127.0.0.1:{port}/programmes/2016-2020/schemes");
    let started = Instant::now();
    while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        assert!(started.elapsed() < Duration::from_secs(30), "the server did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let (tally, stop) = (Arc::new(Tally::default()), Arc::new(AtomicBool::new(false)));
    let clients: Vec<_> = (0..16)
        .map(|_| {
            let (tally, stop, url) = (Arc::clone(&tally), Arc::clone(&stop), url.clone());
            tokio::spawn(async move {
                let client = reqwest::Client::builder().timeout(Duration::from_secs(GRACE + 5)).build().unwrap();
                while !stop.load(Ordering::Relaxed) {
                    let counter = match client.get(&url).header("Connection", "close").send().await {
                        // Not accepted as a request: the listener is closed.
                        Err(_) => &tally.refused,
                        Ok(response) => {
                            let status = response.status().as_u16();
                            match response.bytes().await {
                                Ok(body) if status == 200 && body.ends_with(b"}") => &tally.whole,
                                Ok(_) => &tally.not_200,
                                Err(_) => &tally.cut_mid_response,
                            }
                        }
                    };
                    counter.fetch_add(1, Ordering::Relaxed);
                    if std::ptr::eq(counter, &tally.refused) {
                        tokio::time::sleep(Duration::from_millis(10)).await;
                    }
                }
            })
        })
        .collect();

    tokio::time::sleep(Duration::from_secs(2)).await;
    let before = tally.whole.load(Ordering::Relaxed);
    let sent = Instant::now();
    let killed = std::process::Command::new("kill").args(["-TERM", &server.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let code = loop {
        if let Some(status) = server.try_wait().unwrap() {
            break status.code();
        }
        if sent.elapsed() > Duration::from_secs(GRACE + 5) {
            server.kill().ok();
            break None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let took = sent.elapsed();
    stop.store(true, Ordering::Relaxed);
    for client in clients {
        client.await.unwrap();
    }
    let (not_200, cut) = (tally.not_200.load(Ordering::Relaxed), tally.cut_mid_response.load(Ordering::Relaxed));
    eprintln!(
        "shutdown: {before} whole answers before SIGTERM; exit {code:?} after {took:.2?}; {not_200} not 200, {cut} cut"
    );
    assert!(before > 0, "no request was answered before the signal");
    assert_eq!(code, Some(0), "exit after {took:?} (bound {} s)", GRACE + 5);
    assert_eq!((not_200, cut), (0, 0), "answers other than a whole 200, and answers cut mid-response");
}
