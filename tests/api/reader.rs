//! What the labels mean, as an independent reader checks them against the article: shares of
//! the published total, levels the article never splits, figures that cannot all hold, and our
//! notes in both languages.

use serde_json::{Value, json};

use crate::helpers::{P, TestApp, Write, csv_table, notes, row, spawn_app, test_programme};

async fn csv(app: &TestApp, path: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let got = app.get_with(path, &[]).await;
    assert_eq!(got.status, 200, "{path}");
    csv_table(&got.text())
}

#[tokio::test]
async fn each_source_has_its_published_share_of_the_published_total() {
    let app = spawn_app().await;
    let b = app.get_ok(&format!("{P}/breakdown?by=source")).await;
    let shares: Vec<(&str, &Value)> = b["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["key"].as_str().unwrap(), &r["reported_share_of_reported_percent"]))
        .collect();
    // 7,898.47 / 41,306.53 and so on, rounded half-even: what the article itself gives each.
    assert_eq!(
        shares,
        [
            ("state_budget", &json!("30.45")),
            ("central_budget", &json!("19.12")),
            ("local_budget", &json!("11.33")),
            ("contributions", &json!("69.55")),
            ("unattributed", &Value::Null),
        ]
    );
    // the share of the records' sum stays what it was: the central budget names no line
    assert_eq!(row(&b, "central_budget")["share_of_reported_percent"], "0.00");
    assert_eq!(
        row(&app.get_ok(&format!("{P}/breakdown?by=activity")).await, "demonstration_technology_transfer")["share_of_reported_percent"],
        "76.85"
    );

    let (header, rows) = csv(&app, &format!("{P}/breakdown.csv?by=source")).await;
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let state = rows.iter().find(|r| r[0] == "state_budget").unwrap();
    let local = rows.iter().find(|r| r[0] == "local_budget").unwrap();
    // 11,393.70 rolled up and 9,570.70 on state lines naming no level, of 41,096.53
    assert_eq!(state[col("rolled_up_share_of_itemised_cost_percent")], "27.72");
    assert_eq!(state[col("own_share_of_itemised_cost_percent")], "23.29");
    assert_eq!(local[col("own_share_of_itemised_cost_percent")], "4.44");
    assert_eq!(state[col("reported_share_of_reported_cost_percent")], "30.45");
    // the own shares of the top-level rows and their children, with the unattributed rest,
    // add up to the whole (the deprecated rolled-up column does not: it counts the city twice)
    let own: f64 = rows.iter().map(|r| r[col("own_share_of_itemised_cost_percent")].parse::<f64>().unwrap()).sum();
    assert!((own - 100.0).abs() < 0.05, "{own}");
    let rolled: f64 = rows.iter().map(|r| r[col("share_of_itemised_cost_percent")].parse::<f64>().unwrap()).sum();
    assert!((rolled - 104.43).abs() < 0.01, "{rolled}");
}

#[tokio::test]
async fn a_level_the_article_never_splits_is_a_bound_not_a_gap() {
    let app = spawn_app().await;
    let t = app.get_ok(&format!("{P}/totals")).await;
    let bound = |entry: &Value| (entry["at_least"].clone(), entry["at_most"].clone());
    let by_scope = t["schemes"]["by_scope"].as_array().unwrap();
    // 64 of the 65 schemes are recorded and 46 + 19 = 65, so of the 64 at least 45 are local
    // and at least 18 national.
    assert_eq!(bound(&by_scope[0]["implied_schemes"]), (json!(45), json!(46)));
    assert_eq!(bound(&by_scope[1]["implied_schemes"]), (json!(18), json!(19)));
    assert_eq!(by_scope[2]["implied_schemes"], Value::Null, "nothing is published for unknown");
    assert!(by_scope[0]["implied_schemes"]["basis"].as_str().unwrap().contains("at least 45 and at most 46"));
    let b = app.get_ok(&format!("{P}/breakdown?by=scope")).await;
    assert_eq!(bound(&row(&b, "local")["implied_schemes"]), (json!(45), json!(46)));
    assert_eq!(bound(&row(&b, "national")["implied_schemes"]), (json!(18), json!(19)));
    assert!(
        notes(&t).iter().any(
            |n| n.starts_with("The article reports 46 local schemes but does not split its scheme groups by level")
        ),
        "{:?}",
        notes(&t)
    );
    assert!(!notes(&t).iter().any(|n| n.contains("a gap of 46")), "{:?}", notes(&t));
    let vi = app.get_with(&format!("{P}/totals"), &[("Accept-Language", "vi")]).await.json();
    assert!(
        vi["schemes"]["by_scope"][1]["implied_schemes"]["basis"]
            .as_str()
            .unwrap()
            .ends_with("nên ít nhất 18 và nhiều nhất 19 trong 64 đề án đã ghi là đề án khuyến công quốc gia.")
    );
}

/// A document whose children are published above their parent: state 100.00, central and
/// city 80.00 each, and lines of state money that name no level.
fn contradictory() -> Value {
    let mut doc = test_programme("2021-2025");
    doc["reported"]["funding"] = json!([
        {"source": "state_budget", "amount": "100.00"},
        {"source": "central_budget", "amount": "80.00"},
        {"source": "local_budget", "amount": "80.00"}
    ]);
    doc["schemes"][1]["funding"] = json!([{"source": "state_budget", "amount": "90.00"}]);
    doc
}

#[tokio::test]
async fn published_figures_that_cannot_all_hold_get_a_warning_and_no_bounds() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let (status, _, written) = app.put_programme(&token, "2021-2025", contradictory()).await;
    assert_eq!(status, 201, "{written}");
    let expected = "The reported figures cannot all hold: central_budget 80.00 and local_budget 80.00 add up to \
                    160.00, more than what is reported for state_budget (100.00), which they are part of; no bounds are \
                    implied from them.";
    let warnings: Vec<&str> = written["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert!(warnings.contains(&expected), "{warnings:?}");
    let t = app.get_ok("/programmes/2021-2025/totals").await;
    for source in ["central_budget", "local_budget"] {
        let entry = t["funding"].as_array().unwrap().iter().find(|f| f["source"] == source).unwrap();
        assert_eq!(entry["implied"], Value::Null, "{source}: no bounds from figures that cannot hold");
    }
    assert!(notes(&t).contains(&expected.to_string()), "{:?}", notes(&t));
    let b = app.get_ok("/programmes/2021-2025/breakdown?by=source").await;
    assert_eq!(row(&b, "central_budget")["implied"], Value::Null);
    assert!(notes(&b).contains(&expected.to_string()), "{:?}", notes(&b));
}

#[tokio::test]
async fn a_note_in_both_languages_round_trips_and_reads_in_the_request_language() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let mut doc = test_programme("2021-2025");
    doc["source"]["note"] = json!({"vi": "Bản tin không ký tên.", "en": "An unsigned bulletin."});
    doc["schemes"][0]["note"] = json!({"vi": "Cách hiểu của chúng tôi.", "en": "Our reading."});
    doc["schemes"][0]["indicators"][0]["note"] = json!({"vi": "Số của cả nhóm.", "en": "The group's figure."});
    doc["schemes"][1]["note"] = json!("Written in one language only.");
    let (status, _, written) = app.put_programme(&token, "2021-2025", doc.clone()).await;
    assert_eq!(status, 201, "{written}");

    // the export keeps the form each note was given in
    let exported: Value = serde_json::from_str(&app.export("2021-2025").await).unwrap();
    assert_eq!(exported["source"]["note"], json!({"vi": "Bản tin không ký tên.", "en": "An unsigned bulletin."}));
    assert_eq!(exported["schemes"][0]["note"], json!({"vi": "Cách hiểu của chúng tôi.", "en": "Our reading."}));
    assert_eq!(exported["schemes"][0]["indicators"][0]["note"], doc["schemes"][0]["indicators"][0]["note"]);
    assert_eq!(exported["schemes"][1]["note"], "Written in one language only.");

    // a view gives one string, in the request's language
    let path = "/programmes/2021-2025/schemes/training";
    let vi = app.get_with(path, &[("Accept-Language", "vi")]).await.json();
    let en = app.get_with(path, &[("Accept-Language", "en")]).await.json();
    assert_eq!((&vi["note"], &en["note"]), (&json!("Cách hiểu của chúng tôi."), &json!("Our reading.")));
    assert_eq!(vi["indicators"][0]["note"], "Số của cả nhóm.");
    let programme = app.get_with("/programmes/2021-2025", &[("Accept-Language", "vi")]).await.json();
    assert_eq!(programme["source"]["note"], "Bản tin không ký tên.");
    let one = app.get_with("/programmes/2021-2025/schemes/demo", &[("Accept-Language", "vi")]).await.json();
    assert_eq!(one["note"], "Written in one language only.", "a string note is as it was written");

    // the CSV has both, side by side
    let (header, rows) = csv(&app, "/programmes/2021-2025/schemes.csv").await;
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(
        (rows[0][col("note")].as_str(), rows[0][col("note_vi")].as_str()),
        ("Our reading.", "Cách hiểu của chúng tôi.")
    );
    assert_eq!(
        (rows[1][col("note")].as_str(), rows[1][col("note_vi")].as_str()),
        ("Written in one language only.", "")
    );

    // an edit of one record keeps its note's form too
    let mut demo = doc["schemes"][1].clone();
    demo["note"] = json!({"vi": "Sửa lại: cả hai thứ tiếng.", "en": "Corrected: both languages."});
    let etag = app.etag("2021-2025").await;
    let edit = Write {
        method: reqwest::Method::PUT,
        path: "/programmes/2021-2025/schemes/demo",
        token: Some(&token),
        if_match: Some(&etag),
        body: Some(demo),
    };
    let (status, _, edited) = app.send(edit).await;
    assert_eq!(status, 200, "{edited}");
    let exported: Value = serde_json::from_str(&app.export("2021-2025").await).unwrap();
    assert_eq!(exported["schemes"][1]["note"]["vi"], "Sửa lại: cả hai thứ tiếng.");

    // half a note is a 422 at its pointer, and nothing is written
    doc["schemes"][0]["note"] = json!({"vi": "Chỉ có tiếng Việt."});
    let (status, _, problem) = app.put_programme(&token, "2021-2025", doc).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["pointer"], "/schemes/0/note");
    let exported: Value = serde_json::from_str(&app.export("2021-2025").await).unwrap();
    assert_eq!(exported["schemes"][0]["note"]["en"], "Our reading.");
}

#[tokio::test]
async fn lists_give_the_published_count_beside_the_recorded_one_and_rolled_up_lists_say_so() {
    let app = spawn_app().await;
    let list = app.get_ok("/programmes").await;
    let first = &list["items"][0];
    assert_eq!((&first["schemes_reported"], &first["schemes_itemised"]), (&json!(65), &json!(64)));
    let one = app.get_ok(P).await;
    assert_eq!((&one["schemes_reported"], &one["schemes_itemised"]), (&json!(65), &json!(64)));
    // the 474.44 of the management row is under the city and, rolled up, the state budget
    let b = app.get_ok(&format!("{P}/breakdown?by=activity")).await;
    let funding = &row(&b, "management_capacity")["funding"];
    assert_eq!(
        funding,
        &json!([
            {"source": "state_budget", "parent": null, "amount": "474.44"},
            {"source": "local_budget", "parent": "state_budget", "amount": "474.44"}
        ])
    );
    assert!(notes(&b).iter().any(|n| n.contains("summing the whole list counts those lines twice")), "{:?}", notes(&b));
}
