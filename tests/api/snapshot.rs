//! One snapshot per response: while two large documents replace each other, every uncached
//! read shows one of them whole, under the ETag of the version that holds it.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde_json::{Value, json};

use crate::helpers::{fresh_database, spawn_app_with};

const RECORDS: usize = 600;

/// A programme of `RECORDS` records each costing `cost`, half of it paid by the city.
fn document(cost: &str, line: &str) -> Value {
    let schemes: Vec<Value> = (0..RECORDS)
        .map(|i| {
            json!({
                "id": format!("r{i}"), "scheme_count": 1,
                "activity": if i % 2 == 0 { "vocational_training" } else { "unspecified" }, "scope": "local",
                "title": {"vi": "Đề án", "en": "Scheme"}, "cost": cost,
                "funding": [{"source": "local_budget", "amount": line}]
            })
        })
        .collect();
    json!({
        "id": "torn", "currency": "VND", "amount_unit": "million",
        "names": {"vi": "Thử", "en": "Test"}, "jurisdiction": "Hải Phòng",
        "period": {"start_year": 2021, "end_year": 2025},
        "source": {"title": "Test", "publisher": "test", "date": "2026-01-15"},
        "schemes": schemes
    })
}

/// What a read saw: the version its ETag names, and which document its body shows (None: neither).
#[derive(Debug)]
struct Seen {
    what: &'static str,
    version: i64,
    document: Option<char>,
}

fn version_of(etag: &str) -> i64 {
    etag.trim_matches('"').split('-').next().unwrap().parse().expect("a programme ETag")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn reads_never_mix_two_versions_while_large_documents_replace_each_other() {
    let app = Arc::new(spawn_app_with(fresh_database().await, |s| s.response_cache = false).await);
    let token = app.token("writer", "write").await;
    let documents = [('A', document("1.00", "0.50")), ('B', document("2.00", "1.50"))];
    // What each document looks like through the API: itemised cost, and its export, byte for byte.
    let mut looks: HashMap<char, (String, String)> = HashMap::new();
    for (name, doc) in &documents {
        let put = app.client.put(format!("{}/programmes/torn", app.address)).bearer_auth(&token).json(doc);
        assert!(put.send().await.unwrap().status().is_success());
        let totals = app.get_ok("/programmes/torn/totals").await;
        looks.insert(*name, (totals["cost"]["itemised"].as_str().unwrap().to_string(), app.export("torn").await));
    }
    assert_eq!((looks[&'A'].0.as_str(), looks[&'B'].0.as_str()), ("600.00", "1200.00"));

    let done = Arc::new(AtomicBool::new(false));
    let (reads, exports) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let mut readers = Vec::new();
    for reader in 0..4 {
        let (app, done, looks) = (app.clone(), done.clone(), looks.clone());
        let (reads, exports) = (reads.clone(), exports.clone());
        readers.push(tokio::spawn(async move {
            let mut seen = Vec::new();
            let mut turn = reader;
            while !done.load(Ordering::Acquire) {
                turn += 1;
                let (what, path) = match turn % 4 {
                    0 => ("export", "/programmes/torn/export"),
                    1 | 2 => ("totals", "/programmes/torn/totals"),
                    _ => ("breakdown", "/programmes/torn/breakdown?by=activity"),
                };
                let response = app.client.get(format!("{}{path}", app.address)).send().await.unwrap();
                assert_eq!(response.status().as_u16(), 200, "{path}");
                let version = version_of(response.headers()["etag"].to_str().unwrap());
                let text = response.text().await.unwrap();
                let document = match what {
                    "export" => looks.iter().find(|(_, (_, export))| *export == text).map(|(name, _)| *name),
                    _ => {
                        let body: Value = serde_json::from_str(&text).unwrap();
                        let cost = if what == "totals" { &body["cost"]["itemised"] } else { &body["total"]["cost"] };
                        let schemes =
                            if what == "totals" { &body["schemes"]["itemised"] } else { &body["total"]["schemes"] };
                        let unattributed = if what == "totals" {
                            body["cost"]["unattributed"].as_str().map(str::to_string)
                        } else {
                            Some(looks_unattributed(&body))
                        };
                        let name = looks.iter().find(|(_, (itemised, _))| Some(itemised.as_str()) == cost.as_str());
                        // The whole body must be one document's: its cost, its count and what its lines leave.
                        // Both documents leave 0.50 of each record's cost unattributed: 300.00 in all.
                        let whole = schemes == RECORDS && unattributed.as_deref() == Some("300.00");
                        name.filter(|_| whole).map(|(n, _)| *n)
                    }
                };
                if what == "export" {
                    exports.fetch_add(1, Ordering::Relaxed);
                } else {
                    reads.fetch_add(1, Ordering::Relaxed);
                }
                seen.push(Seen { what, version, document });
            }
            seen
        }));
    }

    // The writer alternates the two documents until the readers have read enough, and at least
    // 20 times, recording which version holds which document.
    let mut written: HashMap<i64, char> = HashMap::new();
    let mut turn = 0;
    while written.len() < 20 || reads.load(Ordering::Relaxed) < 1_000 || exports.load(Ordering::Relaxed) < 100 {
        let (name, doc) = &documents[turn % 2];
        turn += 1;
        let response = app.client.put(format!("{}/programmes/torn", app.address)).bearer_auth(&token).json(doc);
        let response = response.send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let body: Value = response.json().await.unwrap();
        written.insert(body["version"].as_i64().unwrap(), *name);
        assert!(
            turn < 2_000,
            "the readers did not get through: {} reads, {} exports",
            reads.load(Ordering::Relaxed),
            exports.load(Ordering::Relaxed)
        );
    }
    done.store(true, Ordering::Release);
    let mut seen = Vec::new();
    for reader in readers {
        seen.extend(reader.await.unwrap());
    }

    let versions_seen: std::collections::HashSet<i64> =
        seen.iter().filter(|s| written.contains_key(&s.version)).map(|s| s.version).collect();
    assert!(versions_seen.len() >= 20, "the readers overlapped only {} of the writes", versions_seen.len());
    let torn: Vec<&Seen> =
        seen.iter().filter(|s| written.contains_key(&s.version) && s.document != Some(written[&s.version])).collect();
    let (reads, exports) =
        (seen.iter().filter(|s| s.what != "export").count(), seen.iter().filter(|s| s.what == "export").count());
    assert!(reads >= 1_000 && exports >= 100, "{reads} reads, {exports} exports");
    assert!(
        torn.is_empty(),
        "{} of {reads} reads and {exports} exports mixed two versions or named the wrong one, e.g. {:?}",
        torn.len(),
        &torn[..torn.len().min(5)]
    );
}

/// A breakdown by activity's unattributed cost, summed over its rows.
fn looks_unattributed(body: &Value) -> String {
    let cents: i64 = body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let text = row["unattributed"].as_str().unwrap();
            let (whole, fraction) = text.split_once('.').unwrap();
            whole.parse::<i64>().unwrap() * 100 + fraction.parse::<i64>().unwrap()
        })
        .sum();
    format!("{}.{:02}", cents / 100, cents % 100)
}
