//! `GET /programmes/{id}/indicators`.

use serde_json::{Value, json};

use crate::helpers::{load_programme, spawn_app};

#[tokio::test]
async fn people_trained_and_attendances_are_summed_and_rates_are_only_listed() {
    let app = spawn_app().await;
    let body = app.get_ok("/programmes/2016-2020/indicators").await;
    let got: Vec<Value> = body["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            // (the 610's note is checked in schemes.rs)
            let records: Vec<Value> = i["records"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| json!({"scheme_id": r["scheme_id"], "value": r["value"]}))
                .collect();
            json!([i["key"], i["unit"], i["additive"], i["total"], records])
        })
        .collect();
    assert_eq!(
        got,
        [
            json!(["workers_trained", "person", true, "610", [{"scheme_id": "vocational-training", "value": "610"}]]),
            // attendances add up (as attendances, not as people)
            json!(["participant_attendances", "person-time", true, "716", [{"scheme_id": "management-capacity", "value": "716"}]]),
            json!(["bulletin_copies_per_issue", "copies/issue", false, null, [{"scheme_id": "information-provision", "value": "450"}]]),
            json!(["bulletin_issues_per_year", "issues/year", false, null, [{"scheme_id": "information-provision", "value": "4"}]]),
        ]
    );
}

#[tokio::test]
async fn additive_indicators_add_up_across_records() {
    let app = spawn_app().await;
    load_programme(&app, "two-trainings", |doc| {
        doc["schemes"][1]["indicators"] = json!([{"key": "workers_trained", "value": "25.5"}]);
    })
    .await;
    let body = app.get_ok("/programmes/two-trainings/indicators").await;
    assert_eq!(body["indicators"][0]["total"], "635.5");
    assert_eq!(app.get("/programmes/nope/indicators").await.0, 404);
}
