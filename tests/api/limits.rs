//! Sums that do not fit what storage holds are refused before anything is written, with the
//! pointer of the figure that breaks them; a document just inside the limits round-trips exactly.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, Write, spawn_app};

const LARGEST_AMOUNT: &str = "999999999999.99";
const LARGEST_DECIMAL: &str = "79228162514264337593543950335";

fn record(i: usize, activity: &str, cost: &str) -> Value {
    json!({
        "id": format!("r{i}"), "scheme_count": 1, "activity": activity, "scope": "local",
        "title": {"vi": "Đề án", "en": "Scheme"}, "cost": cost,
        "funding": [{"source": "contributions", "amount": cost, "quote": "đóng góp"}],
        "indicators": []
    })
}

fn document(id: &str, schemes: Vec<Value>) -> Value {
    json!({
        "id": id, "currency": "VND", "amount_unit": "million",
        "names": {"vi": "Giới hạn", "en": "Limits"}, "jurisdiction": "Hải Phòng",
        "period": {"start_year": 2021, "end_year": 2025},
        "source": {"title": "Test", "publisher": "test", "date": "2026-01-15"},
        "reported": {"cost": {"amount": LARGEST_AMOUNT}},
        "indicator_definitions": [
            {"key": "workers", "names": {"vi": "Lao động", "en": "Workers"}, "unit": "person", "additive": true},
            {"key": "copies", "names": {"vi": "Bản", "en": "Copies"}, "unit": "copy", "additive": false}
        ],
        "schemes": schemes
    })
}

async fn put(app: &TestApp, token: &str, doc: Value) -> (u16, Value) {
    let id = doc["id"].as_str().unwrap().to_string();
    let (status, _, body) = app.put_programme(token, &id, doc).await;
    (status, body)
}

fn pointers(problem: &Value) -> Vec<&str> {
    problem["errors"].as_array().unwrap().iter().map(|e| e["pointer"].as_str().unwrap()).collect()
}

/// Every read of the programme answers (200 or 404), never a 5xx.
async fn reads_answer(app: &TestApp, id: &str, expected: u16) {
    for path in [
        "",
        "/totals",
        "/breakdown?by=activity",
        "/breakdown?by=scope",
        "/breakdown?by=source",
        "/indicators",
        "/export",
        "/schemes",
    ] {
        let (status, body) = app.get(&format!("/programmes/{id}{path}")).await;
        assert_eq!(status, expected, "GET /programmes/{id}{path}: {body}");
    }
}

#[tokio::test]
async fn sums_past_what_storage_holds_are_refused_with_the_pointer_and_nothing_is_written() {
    let app = spawn_app().await;
    let token = app.token("agency", "write").await;
    let cases: [(&str, Vec<Value>, &str); 3] = [
        (
            "ten of the largest amounts in one activity",
            (0..10).map(|i| record(i, "vocational_training", LARGEST_AMOUNT)).collect(),
            "/schemes/9/cost",
        ),
        (
            "ten of the largest amounts spread over activities",
            (0..10)
                .map(|i| {
                    record(i, ["vocational_training", "unspecified", "information_provision"][i % 3], LARGEST_AMOUNT)
                })
                .collect(),
            "/schemes/9/cost",
        ),
        (
            "the largest total and one hundredth more",
            (0..9)
                .map(|i| record(i, "vocational_training", LARGEST_AMOUNT))
                .chain([record(9, "vocational_training", "223372036854.87")])
                .collect(),
            "/schemes/9/cost",
        ),
    ];
    for (what, schemes, pointer) in cases {
        let (status, problem) = put(&app, &token, document("too-large", schemes)).await;
        assert_eq!(status, 422, "{what}: {problem}");
        assert_eq!(pointers(&problem), [pointer], "{what}: {problem}");
        let detail = problem["errors"][0]["detail"].as_str().unwrap();
        assert!(detail.contains("9,223,372,036,854.77 million VND"), "{what}: {detail}");
        reads_answer(&app, "too-large", 404).await;
    }

    let mut records = vec![record(0, "vocational_training", "1.00"), record(1, "unspecified", "1.00")];
    records[0]["indicators"] = json!([{"key": "workers", "value": LARGEST_DECIMAL}]);
    records[1]["indicators"] = json!([{"key": "workers", "value": LARGEST_DECIMAL}]);
    let (status, problem) = put(&app, &token, document("too-many-workers", records.clone())).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(pointers(&problem), ["/schemes/1/indicators/0/value"]);
    reads_answer(&app, "too-many-workers", 404).await;

    // Not additive: listed, never summed, so the same values are fine.
    records[0]["indicators"] = json!([{"key": "copies", "value": LARGEST_DECIMAL}]);
    records[1]["indicators"] = json!([{"key": "copies", "value": LARGEST_DECIMAL}]);
    let (status, body) = put(&app, &token, document("many-copies", records)).await;
    assert_eq!(status, 201, "{body}");
    let indicators = app.get_ok("/programmes/many-copies/indicators").await;
    assert_eq!(indicators["indicators"][1]["total"], Value::Null);
    assert_eq!(indicators["indicators"][1]["records"][0]["value"], LARGEST_DECIMAL);

    // A value a Decimal would round cannot be summed exactly.
    let mut records = vec![record(0, "vocational_training", "1.00")];
    records[0]["indicators"] = json!([{"key": "workers", "value": "1234567890123456789.0123456789012345"}]);
    let (status, problem) = put(&app, &token, document("rounded", records)).await;
    assert_eq!((status, pointers(&problem)), (422, vec!["/schemes/0/indicators/0/value"]), "{problem}");
}

#[tokio::test]
async fn a_document_just_inside_the_limits_round_trips_exactly_and_an_edit_past_them_is_refused() {
    let app = spawn_app().await;
    let token = app.token("agency", "write").await;
    // 9 × 999,999,999,999.99 + 223,372,036,854.86 = 9,223,372,036,854.77: the most storage holds.
    let mut schemes: Vec<Value> = (0..9).map(|i| record(i, "vocational_training", LARGEST_AMOUNT)).collect();
    schemes.push(record(9, "unspecified", "223372036854.86"));
    schemes[0]["indicators"] = json!([{"key": "workers", "value": "39614081257132168796771975167"}]);
    schemes[1]["indicators"] = json!([{"key": "workers", "value": "39614081257132168796771975168"}]);
    let doc = document("at-the-limit", schemes);
    let (status, body) = put(&app, &token, doc.clone()).await;
    assert_eq!(status, 201, "{body}");

    let totals = app.get_ok("/programmes/at-the-limit/totals").await;
    assert_eq!(totals["cost"]["itemised"], "9223372036854.77");
    assert_eq!(totals["cost"]["gap"], "-8223372036854.78");
    assert_eq!(totals["funding"][3]["itemised"], "9223372036854.77");
    let breakdown = app.get_ok("/programmes/at-the-limit/breakdown?by=source").await;
    assert_eq!(breakdown["total"]["cost"], "9223372036854.77");
    let indicators = app.get_ok("/programmes/at-the-limit/indicators").await;
    assert_eq!(indicators["indicators"][0]["total"], LARGEST_DECIMAL);

    // The export is the document sent, every field kept (the funding lines' quotes too).
    let exported: Value = serde_json::from_str(&app.export("at-the-limit").await).unwrap();
    assert_eq!(
        exported["schemes"][9]["funding"][0],
        json!({"source": "contributions", "amount": "223372036854.86", "quote": "đóng góp"})
    );
    assert_eq!(exported["schemes"], doc["schemes"]);

    // One hundredth more through a fine-grained edit: 422 pointing into the body, nothing written.
    let tag = app.etag("at-the-limit").await;
    let (status, _, problem) = app
        .send(Write {
            method: Method::POST,
            path: "/programmes/at-the-limit/schemes",
            token: Some(&token),
            if_match: Some(&tag),
            body: Some(record(10, "unspecified", "0.01")),
        })
        .await;
    assert_eq!((status, pointers(&problem)), (422, vec!["/cost"]), "{problem}");
    assert_eq!(app.etag("at-the-limit").await, tag, "nothing was written");
    reads_answer(&app, "at-the-limit", 200).await;
}
