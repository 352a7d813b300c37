//! `GET /programmes/{id}/breakdown?by=…`.

use serde_json::{Value, json};

use crate::helpers::spawn_app;

fn rows(b: &Value) -> Vec<Value> {
    b["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| json!([r["key"], r["schemes"], r["cost"], r["share_percent"]]))
        .collect()
}

#[tokio::test]
async fn by_activity_every_clause_in_decree_order_summing_to_the_itemised_totals() {
    let app = spawn_app().await;
    let b = app.get_ok("/programmes/2016-2020/breakdown?by=activity").await;
    assert_eq!((&b["by"], &b["currency"], &b["amount_unit"]), (&json!("activity"), &json!("VND"), &json!("million")));
    assert_eq!(
        rows(&b),
        [
            json!(["vocational_training", 3, "735.50", "1.79"]),
            json!(["management_capacity", 6, "474.44", "1.15"]),
            json!(["demonstration_technology_transfer", 21, "31742.18", "77.24"]),
            json!(["rural_product_promotion", 0, "0.00", "0.00"]),
            json!(["consulting_assistance", 3, "367.55", "0.89"]),
            json!(["information_provision", 14, "1188.56", "2.89"]),
            json!(["linkage_clusters_relocation", 0, "0.00", "0.00"]),
            json!(["international_cooperation", 0, "0.00", "0.00"]),
            json!(["programme_management_capacity", 5, "239.30", "0.58"]),
            json!(["unspecified", 12, "6349.00", "15.45"]),
        ]
    );
    assert_eq!(b["total"], json!({"schemes": 64, "cost": "41096.53"}));
    let totals = app.get_ok("/programmes/2016-2020/totals").await;
    assert_eq!(
        (&b["total"]["schemes"], &b["total"]["cost"]),
        (&totals["schemes"]["itemised"], &totals["cost"]["itemised"])
    );
    assert_eq!(
        b["rows"][2]["funding"],
        json!([{"source": "state_budget", "parent": null, "amount": "5760.00"}, {"source": "contributions", "parent": null, "amount": "25982.18"}])
    );
    assert_eq!(
        b["rows"][4]["funding"],
        json!([
            {"source": "state_budget", "parent": null, "amount": "160.00"},
            {"source": "local_budget", "parent": "state_budget", "amount": "160.00"},
            {"source": "contributions", "parent": null, "amount": "207.55"}
        ])
    );
    assert_eq!((&b["rows"][0]["funding"], &b["rows"][0]["unattributed"]), (&json!([]), &json!("735.50")));
}

#[tokio::test]
async fn by_scope_puts_every_itemised_scheme_under_unknown() {
    let app = spawn_app().await;
    let b = app.get_ok("/programmes/2016-2020/breakdown?by=scope").await;
    assert_eq!(
        rows(&b),
        [
            json!(["local", 0, "0.00", "0.00"]),
            json!(["national", 0, "0.00", "0.00"]),
            json!(["unknown", 64, "41096.53", "100.00"])
        ]
    );
    assert_eq!(b["total"], json!({"schemes": 64, "cost": "41096.53"}));
    assert_eq!(b["rows"][2]["unattributed"], "974.80");
}

#[tokio::test]
async fn by_source_rolls_up_the_tree_and_says_that_schemes_overlap() {
    let app = spawn_app().await;
    let b = app.get_ok("/programmes/2016-2020/breakdown?by=source").await;
    let got: Vec<Value> = b["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| json!([r["key"], r["parent"], r["schemes"], r["cost"], r["own"], r["share_percent"]]))
        .collect();
    assert_eq!(
        got,
        [
            json!(["state_budget", null, 56, "11393.70", "9570.70", "27.72"]),
            json!(["central_budget", "state_budget", 0, "0.00", "0.00", "0.00"]),
            json!(["local_budget", "state_budget", 23, "1823.00", "1823.00", "4.44"]),
            json!(["contributions", null, 36, "28728.03", "28728.03", "69.90"]),
            json!(["unattributed", null, 8, "974.80", "974.80", "2.37"]),
        ]
    );
    // 11393.70 + 28728.03 + 974.80 = 41096.53
    assert_eq!(b["total"], json!({"schemes": 64, "cost": "41096.53"}));
    assert!(b["notes"].as_array().unwrap().iter().any(|n| n.as_str().unwrap().contains("does not sum")));
}

#[tokio::test]
async fn by_is_required_and_must_be_a_known_dimension() {
    let app = spawn_app().await;
    for (query, detail) in [
        ("", "by is required; allowed: activity, scope, source"),
        ("?by=year", "unknown by \"year\"; allowed: activity, scope, source"),
        ("?by=ACTIVITY", "unknown by \"ACTIVITY\"; allowed: activity, scope, source"),
    ] {
        let (status, body) = app.get(&format!("/programmes/2016-2020/breakdown{query}")).await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(body["detail"], detail, "{query}");
        assert_eq!(body["errors"][0]["parameter"], "by");
        assert_eq!(body["errors"][0]["allowed"], json!(["activity", "scope", "source"]));
    }
    assert_eq!(app.get("/programmes/nope/breakdown?by=activity").await.0, 404);
}

#[tokio::test]
async fn a_record_moved_to_another_activity_takes_its_funding_lines_along() {
    let app = spawn_app().await;
    let document: Value = serde_json::from_str(&app.export("2016-2020").await).unwrap();
    let mut record = document["schemes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["activity"] == "consulting_assistance")
        .unwrap()
        .clone();
    record["activity"] = json!("rural_product_promotion");
    let token = app.token("so-cong-thuong", "write").await;
    let path = format!("/programmes/2016-2020/schemes/{}", record["id"].as_str().unwrap());
    let (status, _, body) = app
        .send(crate::helpers::Write {
            method: reqwest::Method::PUT,
            path: &path,
            token: Some(&token),
            if_match: Some(&app.etag("2016-2020").await),
            body: Some(record),
        })
        .await;
    assert_eq!(status, 200, "{body}");
    let b = app.get_ok("/programmes/2016-2020/breakdown?by=activity").await;
    assert_eq!(rows(&b)[3], json!(["rural_product_promotion", 3, "367.55", "0.89"]));
    assert_eq!(rows(&b)[4], json!(["consulting_assistance", 0, "0.00", "0.00"]));
    assert_eq!(
        b["rows"][3]["funding"],
        json!([
            {"source": "state_budget", "parent": null, "amount": "160.00"},
            {"source": "local_budget", "parent": "state_budget", "amount": "160.00"},
            {"source": "contributions", "parent": null, "amount": "207.55"}
        ])
    );
    assert_eq!(b["rows"][4]["funding"], json!([]));
}
