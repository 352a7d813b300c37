//! `GET /programmes/{id}/breakdown?by=…`.

use serde_json::{Value, json};

use crate::helpers::spawn_app;
use crate::helpers::{P, notes, row};

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
        ("", "`by` is required; allowed: `activity`, `scope`, `source`"),
        ("?by=year", "unknown `by` \"year\"; allowed: `activity`, `scope`, `source`"),
        ("?by=ACTIVITY", "unknown `by` \"ACTIVITY\"; allowed: `activity`, `scope`, `source`"),
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

#[tokio::test]
async fn every_breakdown_reconciles_with_the_published_65_schemes_and_41306_53() {
    let app = spawn_app().await;
    for by in ["activity", "scope", "source"] {
        let b = app.get_ok(&format!("{P}/breakdown?by={by}")).await;
        let r = &b["reconciliation"];
        let figures = |m: &str| {
            let ends = |f: &str| json!([r[m][f]["at_least"], r[m][f]["at_most"], r[m][f]["qualifier"]]);
            json!([r[m]["reported"], r[m]["itemised"], r[m]["gap"], ends("reported_bounds"), ends("gap_bounds")])
        };
        assert_eq!(figures("schemes"), json!([65, 64, 1, [65, 65, "exact"], [1, 1, "exact"]]), "by={by}");
        assert_eq!(
            figures("cost"),
            json!(["41306.53", "41096.53", "210.00", ["41306.53", "41306.53", "exact"], ["210.00", "210.00", "exact"]]),
            "by={by}"
        );
        assert_eq!(
            notes(&b)[0],
            "The rows cover 64 of the 65 schemes and 41,096.53 of the 41,306.53 million VND the programme reports: \
             the difference (1 scheme and 210.00 million VND) is in the reported totals but in no scheme record, \
             so no row shows it.",
            "by={by}"
        );
    }
    // by=source: each source's reported figure beside what is itemised under it
    let b = app.get_ok(&format!("{P}/breakdown?by=source")).await;
    let reported: Vec<Value> = b["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| json!([r["key"], r["cost"], r["reported_cost"], r["cost_gap"]]))
        .collect();
    assert_eq!(
        reported,
        [
            json!(["state_budget", "11393.70", "12578.48", "1184.78"]),
            json!(["central_budget", "0.00", "7898.47", "7898.47"]),
            json!(["local_budget", "1823.00", "4680.01", "2857.01"]),
            json!(["contributions", "28728.03", "28728.05", "0.02"]),
            json!(["unattributed", "974.80", null, null]),
        ]
    );
    // by=scope: the reported 46 local and 19 national beside the 0 itemised as either
    let b = app.get_ok(&format!("{P}/breakdown?by=scope")).await;
    let scopes: Vec<Value> = b["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| json!([r["key"], r["schemes"], r["reported_schemes"], r["schemes_gap"]]))
        .collect();
    assert_eq!(
        scopes,
        [json!(["local", 0, 46, 46]), json!(["national", 0, 19, 19]), json!(["unknown", 64, null, null])]
    );
}

#[tokio::test]
async fn shares_name_their_base_and_give_the_share_of_the_reported_total() {
    let app = spawn_app().await;
    let b = app.get_ok(&format!("{P}/breakdown?by=activity")).await;
    assert_eq!(
        b["share_bases"],
        json!({"share_percent": {"measure": "cost.itemised", "amount": "41096.53"},
               "share_of_reported_percent": {"measure": "cost.reported", "amount": "41306.53"}})
    );
    let demonstration = row(&b, "demonstration_technology_transfer");
    assert_eq!(
        (&demonstration["share_percent"], &demonstration["share_of_reported_percent"]),
        (&json!("77.24"), &json!("76.85"))
    );
    // the central budget: 0 of the itemised, and 0 of the reported total, with its reported
    // figure beside it (7,898.47 is 62.79% of the reported state support)
    let central = row(&app.get_ok(&format!("{P}/breakdown?by=source")).await, "central_budget").clone();
    assert_eq!((&central["share_percent"], &central["share_of_reported_percent"]), (&json!("0.00"), &json!("0.00")));
    assert_eq!(central["reported_cost"], "7898.47");
}

#[tokio::test]
async fn rows_with_nothing_itemised_are_not_shown_as_known_zeros() {
    let app = spawn_app().await;
    let b = app.get_ok(&format!("{P}/breakdown?by=activity")).await;
    let empty: Vec<&str> = b["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["nothing_itemised"] == true)
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert_eq!(empty, ["rural_product_promotion", "linkage_clusters_relocation", "international_cooperation"]);
    assert!(
        notes(&b).contains(
            &"Nothing is itemised under rural_product_promotion, linkage_clusters_relocation and \
              international_cooperation: the article publishes no figure for them, so their zeros only mean it \
              does not say. The 12 schemes (6,349.00 million VND) of no stated activity (`unspecified`) may include \
              some of theirs."
                .to_string()
        ),
        "{:?}",
        notes(&b)
    );
    let b = app.get_ok(&format!("{P}/breakdown?by=source")).await;
    assert_eq!(row(&b, "central_budget")["nothing_itemised"], true);
    assert_eq!(row(&b, "local_budget")["nothing_itemised"], false);
    assert!(
        notes(&b).iter().any(|n| n.starts_with(
            "No funding line names central_budget or a source below it: its zeros only mean the article does not \
             say. The programme reports 7,898.47 million VND from it (`reported_cost`). The 9,570.70 million VND of \
             unsplit state_budget funding and the 974.80 million VND no funding line covers may include some of it."
        )),
        "{:?}",
        notes(&b)
    );
}
