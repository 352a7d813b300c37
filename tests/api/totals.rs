//! `GET /programmes/{id}/totals`: the contract other agencies code against.

use serde_json::{Value, json};

use crate::helpers::{P, notes, row};
use crate::helpers::{load_programme, spawn_app};

#[tokio::test]
async fn totals_reconcile_the_articles_figures_with_its_scheme_records() {
    let app = spawn_app().await;
    let t = app.get_ok("/programmes/2016-2020/totals").await;

    assert_eq!(
        (&t["programme_id"], &t["currency"], &t["amount_unit"]),
        (&json!("2016-2020"), &json!("VND"), &json!("million"))
    );
    // 3 + 6 + 14 + 21 + 12 + 3 + 5 = 64 of the 65 schemes are itemised; none says its scope.
    assert_eq!(
        (&t["schemes"]["reported"], &t["schemes"]["itemised"], &t["schemes"]["gap"]),
        (&json!(65), &json!(64), &json!(1))
    );
    let by_scope: Vec<Value> = t["schemes"]["by_scope"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| json!([s["scope"], s["reported"], s["itemised"], s["gap"]]))
        .collect();
    assert_eq!(
        by_scope,
        [json!(["local", 46, 0, 46]), json!(["national", 19, 0, 19]), json!(["unknown", null, 64, null])]
    );

    // 735.50 + 474.44 + 1188.56 + 31742.18 + 6349.00 + 367.55 + 239.30 = 41096.53
    assert_eq!(t["cost"]["reported"], "41306.53");
    assert_eq!(t["cost"]["itemised"], "41096.53");
    assert_eq!(t["cost"]["gap"], "210.00");
    // The vocational-training (735.50) and programme-management (239.30) groups name no source.
    assert_eq!(t["cost"]["unattributed"], "974.80");

    let funding: Vec<Value> = t["funding"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| json!([f["source"], f["parent"], f["reported"], f["itemised"], f["gap"]]))
        .collect();
    assert_eq!(
        funding,
        [
            // 5760.00 + 3810.70 name the state budget only; 474.44 + 1188.56 + 160.00 the city.
            json!(["state_budget", null, "12578.48", "11393.70", "1184.78"]),
            json!(["central_budget", "state_budget", "7898.47", "0.00", "7898.47"]),
            json!(["local_budget", "state_budget", "4680.01", "1823.00", "2857.01"]),
            // 25982.18 + 2538.30 + 207.55 = 28728.03 against the 28728.05 published.
            json!(["contributions", null, "28728.05", "28728.03", "0.02"]),
        ]
    );
    assert_eq!(t["funding"][0]["own"], "9570.70");
    assert_eq!(t["cost"]["quote"], "với tổng kinh phí thực hiện là: 41.306,53triệu đồng");
    let notes = t["notes"].as_array().unwrap();
    assert!(notes.iter().any(|n| n.as_str().unwrap().contains("a gap of 210.00")), "{notes:?}");
    assert!(notes.iter().any(|n| n.as_str().unwrap().contains("a gap of 0.02")), "{notes:?}");
}

#[tokio::test]
async fn a_programme_without_reported_figures_has_null_gaps() {
    let app = spawn_app().await;
    load_programme(&app, "no-reported", |doc| {
        doc.as_object_mut().unwrap().remove("reported");
    })
    .await;
    let t = app.get_ok("/programmes/no-reported/totals").await;
    assert_eq!(
        (&t["schemes"]["reported"], &t["schemes"]["itemised"], &t["schemes"]["gap"]),
        (&Value::Null, &json!(64), &Value::Null)
    );
    assert_eq!(
        (&t["cost"]["reported"], &t["cost"]["itemised"], &t["cost"]["gap"]),
        (&Value::Null, &json!("41096.53"), &Value::Null)
    );
    assert!(t["funding"].as_array().unwrap().iter().all(|f| f["reported"].is_null() && f["gap"].is_null()));
    let notes: Vec<&str> = t["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
    assert!(notes.iter().all(|n| !n.contains("gap")), "no gap without a reported figure: {notes:?}");
}

#[tokio::test]
async fn totals_of_an_unknown_programme_are_404() {
    let app = spawn_app().await;
    let (status, body) = app.get("/programmes/1999-2000/totals").await;
    assert_eq!(status, 404);
    assert_eq!(body["type"], "urn:khuyencong:problem:not-found");
    assert_eq!(body["detail"], "programme \"1999-2000\" not found");
}

#[tokio::test]
async fn totals_give_the_bounds_the_reported_figures_imply_for_unsplit_state_money() {
    let app = spawn_app().await;
    let t = app.get_ok(&format!("{P}/totals")).await;
    let implied: Vec<Value> = t["funding"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let i = &f["implied"];
            json!([f["source"], i["parent"], i["unsplit"], i["at_least"], i["at_most"]])
        })
        .collect();
    assert_eq!(
        implied,
        [
            json!(["state_budget", null, null, null, null]),
            json!(["central_budget", "state_budget", "9570.70", "6713.69", "7898.47"]),
            json!(["local_budget", "state_budget", "9570.70", "1672.23", "2857.01"]),
            json!(["contributions", null, null, null, null]),
        ]
    );
    assert!(t["funding"][1]["implied"]["basis"].as_str().unwrap().starts_with("Implied, not reported:"));
    assert!(notes(&t).contains(
        &"Implied, not reported: of the 9,570.70 million VND of unsplit state_budget funding, at least 6,713.69 and \
          at most 7,898.47 is central_budget's, by the arithmetic of the reported figures (see `implied`)."
            .to_string()
    ));
    // the same bounds where a reader of the source breakdown sees the central budget
    let b = app.get_ok(&format!("{P}/breakdown?by=source")).await;
    assert_eq!(row(&b, "central_budget")["implied"]["at_least"], "6713.69");
}
