//! `schemes.csv` and `breakdown.csv`, read as a spreadsheet user sums them; the 0.1 CSV still
//! answering on the JSON paths; one rule for query parameters everywhere.

use std::collections::HashMap;
use std::time::Duration;

use rust_decimal::Decimal;
use serde_json::json;

use crate::helpers::spawn_app;

const P: &str = "/programmes/2016-2020";

/// GET `path`: status, content type and body text.
async fn fetch(app: &crate::helpers::TestApp, path: &str) -> (u16, String, String) {
    let got = app.get_with(path, &[]).await;
    (got.status, got.header("content-type").unwrap_or_default().to_string(), got.text())
}

/// The CSV as header and rows of name → cell.
fn table(text: &str) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let (header, rows) = crate::helpers::csv_table(text);
    let rows = rows.into_iter().map(|cells| header.iter().cloned().zip(cells).collect()).collect();
    (header, rows)
}

/// The column's sum, every cell read as an exact decimal (an empty cell is no value).
fn sum(rows: &[HashMap<String, String>], column: &str) -> Decimal {
    rows.iter().map(|r| r[column].as_str()).filter(|c| !c.is_empty()).map(|c| c.parse::<Decimal>().unwrap()).sum()
}

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

#[tokio::test]
async fn the_schemes_csv_sums_to_the_itemised_totals_without_counting_twice() {
    let app = spawn_app().await;
    let (status, kind, text) = fetch(&app, &format!("{P}/schemes.csv")).await;
    assert_eq!((status, kind.as_str()), (200, "text/csv; charset=utf-8"));
    let (header, rows) = table(&text);
    assert_eq!(
        header[..10],
        [
            "scheme_id",
            "activity",
            "scope",
            "scheme_count",
            "cost_million_vnd",
            "state_budget_own_million_vnd",
            "central_budget_own_million_vnd",
            "local_budget_own_million_vnd",
            "contributions_own_million_vnd",
            "unattributed_million_vnd"
        ]
    );
    assert_eq!(rows.len(), 7, "the whole list, not a page");
    assert_eq!(sum(&rows, "cost_million_vnd"), d("41096.53"));
    assert_eq!(sum(&rows, "scheme_count"), d("64"));
    let state = sum(&rows, "state_budget_own_million_vnd")
        + sum(&rows, "central_budget_own_million_vnd")
        + sum(&rows, "local_budget_own_million_vnd");
    assert_eq!(state, d("11393.70"));
    assert_eq!(sum(&rows, "contributions_own_million_vnd"), d("28728.03"));
    // own columns and the unattributed rest make up each record's cost
    for row in &rows {
        let parts: Decimal = header
            .iter()
            .filter(|h| h.ends_with("_own_million_vnd") || *h == "unattributed_million_vnd")
            .map(|h| d(&row[h]))
            .sum();
        assert_eq!(parts, d(&row["cost_million_vnd"]), "{}", row["scheme_id"]);
    }
    assert_eq!(rows[0]["indicator_workers_trained"], "610");
    let texts = ["title_vi", "title_en", "quote", "note"];
    let cells = rows.iter().flat_map(|r| r.iter().filter(|(k, _)| !texts.contains(&k.as_str())));
    assert!(cells.clone().all(|(_, cell)| !cell.contains(['=', ';'])), "one value per cell");

    // the same filters as the list
    let (_, _, text) = fetch(&app, &format!("{P}/schemes.csv?source=local_budget")).await;
    let ids: Vec<String> = table(&text).1.into_iter().map(|r| r["scheme_id"].clone()).collect();
    assert_eq!(ids, ["management-capacity", "information-provision", "consulting-assistance"]);
    let (status, kind, _) = fetch(&app, "/programmes/nope/schemes.csv").await;
    assert_eq!((status, kind.as_str()), (404, "application/problem+json; charset=utf-8"));
}

#[tokio::test]
async fn the_breakdown_csvs_own_columns_sum_to_the_same_totals() {
    let app = spawn_app().await;
    for by in ["activity", "scope"] {
        let (status, _, text) = fetch(&app, &format!("{P}/breakdown.csv?by={by}")).await;
        assert_eq!(status, 200);
        let (header, rows) = table(&text);
        assert_eq!(header[0], by);
        assert_eq!(sum(&rows, "cost_million_vnd"), d("41096.53"), "by={by}");
        assert_eq!(sum(&rows, "state_budget_own_million_vnd"), d("9570.70"));
        assert_eq!(sum(&rows, "central_budget_own_million_vnd"), d("0"));
        assert_eq!(sum(&rows, "local_budget_own_million_vnd"), d("1823.00"));
        assert_eq!(sum(&rows, "contributions_own_million_vnd"), d("28728.03"));
        assert_eq!(sum(&rows, "unattributed_million_vnd"), d("974.80"));
        // the rolled-up column is named as such, and repeats its children's money
        assert_eq!(sum(&rows, "state_budget_rolled_up_million_vnd"), d("11393.70"));
    }
    let (_, _, text) = fetch(&app, &format!("{P}/breakdown.csv?by=activity")).await;
    let rows = table(&text).1;
    let demonstration = rows.iter().find(|r| r["activity"] == "demonstration_technology_transfer").unwrap();
    assert_eq!(
        (
            demonstration["share_of_itemised_cost_percent"].as_str(),
            demonstration["share_of_reported_cost_percent"].as_str()
        ),
        ("77.24", "76.85")
    );
    let rural = rows.iter().find(|r| r["activity"] == "rural_product_promotion").unwrap();
    assert_eq!(rural["nothing_itemised"], "true");

    let (_, _, text) = fetch(&app, &format!("{P}/breakdown.csv?by=source")).await;
    let rows = table(&text).1;
    assert_eq!(sum(&rows, "own_million_vnd"), d("41096.53"), "own amounts plus unattributed: the itemised cost");
    let central = rows.iter().find(|r| r["source"] == "central_budget").unwrap();
    assert_eq!(
        (
            central["reported_funding_million_vnd"].as_str(),
            central["implied_at_least_million_vnd"].as_str(),
            central["implied_at_most_million_vnd"].as_str()
        ),
        ("7898.47", "6713.69", "7898.47")
    );
    let (status, _, body) = fetch(&app, &format!("{P}/breakdown.csv?by=year")).await;
    assert_eq!(status, 400, "{body}");
}

#[tokio::test]
async fn the_0_1_csv_still_answers_on_the_json_paths() {
    let app = spawn_app().await;
    let (status, kind, text) = fetch(&app, &format!("{P}/schemes?format=csv&limit=2")).await;
    assert_eq!((status, kind.as_str()), (200, "text/csv; charset=utf-8"));
    assert!(text.starts_with("id,activity,scope,scheme_count,cost,funding_state_budget,"), "{text}");
    let response = app
        .client
        .get(format!("{}{P}/breakdown?by=activity", app.address))
        .header("Accept", "text/csv")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["vary"].to_str().unwrap().split(',').next(), Some("Accept"));
    let text = response.text().await.unwrap();
    assert!(
        text.starts_with("key,parent,name_vi,name_en,schemes,cost,share_percent,own,unattributed,funding"),
        "{text}"
    );
    // but the documented contract lists JSON only on the JSON paths
    let spec = app.get_ok("/openapi.json").await;
    let content = &spec["paths"]["/programmes/{id}/schemes"]["get"]["responses"]["200"]["content"];
    assert_eq!(content.as_object().unwrap().keys().collect::<Vec<_>>(), ["application/json"]);
    let csv = &spec["paths"]["/programmes/{id}/schemes.csv"]["get"]["responses"]["200"]["content"];
    assert_eq!(csv.as_object().unwrap().keys().collect::<Vec<_>>(), ["text/csv"]);
}

#[tokio::test]
async fn one_rule_for_query_parameters_on_every_endpoint() {
    let app = spawn_app().await;
    for path in [format!("{P}/totals?foo=bar"), "/activities?foo=bar".into(), format!("{P}/schemes.csv?foo=bar")] {
        let (status, body) = app.get(&path).await;
        assert_eq!(status, 400, "{path}");
        assert_eq!(body["errors"][0]["parameter"], "foo", "{path}: {body}");
    }
    let (status, body) = app.get(&format!("{P}/schemes?limit=1&limit=2")).await;
    assert_eq!((status, &body["errors"][0]["parameter"]), (400, &json!("limit")), "{body}");
    let (status, body) = app.get(&format!("{P}/breakdown?by=scope&lang=vi")).await;
    assert_eq!(status, 400);
    assert_eq!(body["errors"][0]["allowed"], json!(["by", "format"]), "{body}");
    // names beginning with `_` are cache-busters: ignored, also by the page links
    let (status, body) = app.get(&format!("{P}/schemes?_=1700000000&limit=2")).await;
    assert_eq!(status, 200);
    assert!(!body["next"].as_str().unwrap().contains("_="), "{body}");
    assert_eq!(app.get(&format!("{P}/totals?_=1")).await.0, 200);
}

#[tokio::test]
async fn cache_busters_do_not_grow_the_cache() {
    let app = spawn_app().await;
    let gauge = || async {
        tokio::time::sleep(Duration::from_millis(1_500)).await; // the gauge is read every second
        app.metric("khuyencong_response_cache_bytes").await
    };
    // a response is kept once it has been sent: ask until the gauge shows it
    let mut before = 0;
    for _ in 0..5 {
        assert_eq!(app.get(&format!("{P}/totals")).await.0, 200);
        before = gauge().await;
        if before > 0 {
            break;
        }
    }
    assert!(before > 0, "the plain request is kept");
    for n in 0..50 {
        assert_eq!(app.get(&format!("{P}/totals?_={n}")).await.0, 200);
    }
    assert_eq!(gauge().await, before, "one representation, kept once");
}
