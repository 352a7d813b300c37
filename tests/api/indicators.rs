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

#[tokio::test]
async fn an_indicator_of_many_records_lists_the_first_50_and_pages_the_rest() {
    let app = spawn_app().await;
    load_programme(&app, "many-trainings", |doc| {
        let template = doc["schemes"][0].clone();
        doc["schemes"] = (0..120)
            .map(|i| {
                let mut record = template.clone();
                record["id"] = json!(format!("training-{i:03}"));
                record["indicators"] = json!([{"key": "workers_trained", "value": format!("{}", i + 1)}]);
                record
            })
            .collect();
    })
    .await;
    let body = app.get_ok("/programmes/many-trainings/indicators").await;
    let workers = &body["indicators"][0];
    // 1 + 2 + … + 120 people, from the kept sums
    assert_eq!((&workers["total"], &workers["record_count"]), (&json!("7260"), &json!(120)));
    let first = workers["records"].as_array().unwrap();
    assert_eq!((first.len(), &first[49]["scheme_id"]), (50, &json!("training-049")));
    // The rest, a page at a time, in record order, from `next`.
    let mut seen: Vec<String> = first.iter().map(|r| r["scheme_id"].as_str().unwrap().to_string()).collect();
    let mut next = workers["next"].as_str().map(str::to_string);
    while let Some(url) = next {
        let page: Value = app.client.get(&url).send().await.unwrap().json().await.unwrap();
        assert_eq!(page["count"], 120, "{page}");
        seen.extend(page["items"].as_array().unwrap().iter().map(|r| r["scheme_id"].as_str().unwrap().to_string()));
        next = page["next"].as_str().map(str::to_string);
    }
    let expected: Vec<String> = (0..120).map(|i| format!("training-{i:03}")).collect();
    assert_eq!(seen, expected, "every record once, in order");
    let page = app.get_ok("/programmes/many-trainings/indicators/workers_trained/records?limit=7").await;
    assert_eq!((page["items"].as_array().unwrap().len(), &page["items"][6]["value"]), (7, &json!("7")));
    let (status, problem) = app.get("/programmes/many-trainings/indicators/tourists/records").await;
    assert_eq!((status, &problem["type"]), (404, &json!("urn:khuyencong:problem:not-found")), "{problem}");
    let (status, problem) = app.get("/programmes/many-trainings/indicators/workers_trained/records?cursor=x").await;
    assert_eq!((status, &problem["errors"][0]["parameter"]), (400, &json!("cursor")), "{problem}");
}
