//! Across programmes (issue 29): `/aggregate` by cuts and drilldowns, and `/compare`. The
//! programmes are made up for these tests (names, reports and figures invented): each has the
//! records of [`doc`] unless a test gives others, so each expected sum is worked out by hand
//! beside its assertion. Every cut here leaves the 2016-2020 seed out (by year or by name).

use serde_json::{Value, json};

use crate::helpers::{TestApp, csv_table, notes, spawn_app};

/// A made-up report of `jurisdiction` over `years`: 5 schemes in two records, 950.00 in all
/// (local budget 200.00 and contributions 100.00 of a 300.00 training record; central budget
/// 650.00 of a 650.00 demonstration), published as 5 schemes and 950.00; `extra` replaces
/// top-level fields.
fn doc(id: &str, jurisdiction: &str, (start, end): (i64, i64), extra: Value) -> Value {
    let mut doc = json!({
        "id": id,
        "currency": "VND",
        "amount_unit": "million",
        "names": {"vi": format!("Khuyến công {jurisdiction} {start}-{end} (ví dụ)"), "en": format!("{jurisdiction} {start}-{end} (example)")},
        "jurisdiction": jurisdiction,
        "period": {"start_year": start, "end_year": end},
        "source": {"title": "Báo cáo ví dụ cho kiểm thử", "publisher": "khuyencong tests", "date": format!("{end}-12-20")},
        "reported": {"schemes": {"value": 5}, "cost": {"amount": "950.00"}},
        "schemes": [
            {"id": "dao-tao", "scheme_count": 2, "activity": "vocational_training", "scope": "local",
             "title": {"vi": "Đào tạo nghề", "en": "Training"}, "cost": "300.00",
             "funding": [{"source": "local_budget", "amount": "200.00"}, {"source": "contributions", "amount": "100.00"}]},
            {"id": "mo-hinh", "scheme_count": 3, "activity": "demonstration_technology_transfer", "scope": "national",
             "title": {"vi": "Mô hình trình diễn", "en": "Demonstration"}, "cost": "650.00",
             "funding": [{"source": "central_budget", "amount": "650.00"}]}
        ]
    });
    for (key, value) in extra.as_object().unwrap() {
        doc[key] = value.clone();
    }
    doc
}

async fn load(app: &TestApp, docs: Vec<Value>) {
    let token = app.token("so-cong-thuong", "write").await;
    for doc in docs {
        let id = doc["id"].as_str().unwrap().to_string();
        let (status, _, body) = app.put_programme(&token, &id, doc).await;
        assert_eq!(status, 201, "{id}: {body}");
    }
}

async fn aggregate(app: &TestApp, query: &str) -> Value {
    let got = app.get_with(&format!("/aggregate?{query}"), &[("Accept-Language", "en")]).await;
    assert_eq!(got.status, 200, "{query}: {}", got.text());
    got.json()
}

/// The row whose keys are `keys`.
fn row(body: &Value, keys: Value) -> &Value {
    body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["keys"] == keys)
        .unwrap_or_else(|| panic!("no row {keys} in {body}"))
}

fn keys(body: &Value) -> Vec<Value> {
    body["rows"].as_array().unwrap().iter().map(|r| r["keys"].clone()).collect()
}

/// `[reported, itemised, gap]` of a summed measure.
fn rig(measure: &Value) -> Value {
    json!([measure["reported"], measure["itemised"], measure["gap"]])
}

fn ends(bounds: &Value) -> Value {
    json!([bounds["at_least"], bounds["at_most"], bounds["qualifier"]])
}

fn funding<'a>(figures: &'a Value, source: &str) -> &'a Value {
    figures["funding"].as_array().unwrap().iter().find(|f| f["source"] == source).unwrap()
}

/// Hải Phòng and Hải Dương (merged into Hải Phòng in 2025) and Quảng Ninh, 2023: Hải Dương
/// published "over 5" schemes, Quảng Ninh no total cost.
async fn three_provinces_2023(app: &TestApp) {
    load(
        app,
        vec![
            doc("hp-2023", "Hải Phòng", (2023, 2023), json!({})),
            doc(
                "hd-2023",
                "tỉnh Hải Dương",
                (2023, 2023),
                json!({"reported": {"schemes": {"value": 5, "qualifier": "at_least"}, "cost": {"amount": "950.00"}}}),
            ),
            doc("qn-2023", "Quảng Ninh", (2023, 2023), json!({"reported": {"schemes": {"value": 5}}})),
        ],
    )
    .await;
}

#[tokio::test]
async fn the_national_picture_in_one_call_by_todays_jurisdictions_or_as_published() {
    let app = spawn_app().await;
    three_provinces_2023(&app).await;
    let body = aggregate(&app, "by=jurisdiction&from_year=2023&to_year=2023").await;
    assert_eq!(
        (&body["currency"], &body["amount_unit"], &body["count"]),
        (&json!("VND"), &json!("million"), &json!(2))
    );
    // Today's units, in /jurisdictions order: Quảng Ninh, then Hải Phòng as merged.
    assert_eq!(keys(&body), [json!({"jurisdiction": "quang-ninh"}), json!({"jurisdiction": "hai-phong-2025"})]);
    let hp = row(&body, json!({"jurisdiction": "hai-phong-2025"}));
    assert_eq!(hp["programmes"], json!(["hd-2023", "hp-2023"]));
    assert_eq!(hp["names"]["jurisdiction"], "Hai Phong");
    // 5 and "over 5": over 10, no exact sum; the records: 10; the gap at least 0.
    assert_eq!(rig(&hp["schemes"]), json!([null, 10, null]));
    assert_eq!(ends(&hp["schemes"]["reported_bounds"]), json!([10, null, "at_least"]));
    assert_eq!(ends(&hp["schemes"]["gap_bounds"]), json!([0, null, "at_least"]));
    assert_eq!(rig(&hp["cost"]), json!(["1900.00", "1900.00", "0.00"]));
    assert_eq!(funding(hp, "central_budget")["rolled_up"], "1300.00");
    assert_eq!(
        (&funding(hp, "state_budget")["rolled_up"], &funding(hp, "state_budget")["own"]),
        (&json!("1700.00"), &json!("0.00"))
    );
    // Quảng Ninh publishes no total cost: the records' sum only.
    let qn = row(&body, json!({"jurisdiction": "quang-ninh"}));
    assert_eq!((rig(&qn["cost"]), &qn["cost"]["reported_bounds"]), (json!([null, "950.00", null]), &Value::Null));
    // The total: over 15 schemes; no published cost sum, and a note names who publishes none.
    let total = &body["total"];
    assert_eq!(
        (rig(&total["schemes"]), ends(&total["schemes"]["reported_bounds"])),
        (json!([null, 15, null]), json!([15, null, "at_least"]))
    );
    assert_eq!(rig(&total["cost"]), json!([null, "2850.00", null]));
    assert_eq!(body["included"], json!(["hd-2023", "hp-2023", "qn-2023"]));
    let said = notes(&body);
    assert!(said.iter().any(|n| n.contains("No sum of published total costs: qn-2023 publishes none")), "{said:?}");

    // As published: the units the reports name.
    let published = aggregate(&app, "by=jurisdiction&from_year=2023&to_year=2023&as_published=true").await;
    assert_eq!(
        keys(&published),
        [
            json!({"jurisdiction": "quang-ninh"}),
            json!({"jurisdiction": "hai-duong"}),
            json!({"jurisdiction": "hai-phong"})
        ]
    );
    // A cut on the merged unit takes its predecessors' programmes, unless as published.
    let merged = aggregate(&app, "jurisdiction=hai-phong-2025&from_year=2023&to_year=2023").await;
    assert_eq!(
        (&merged["included"], &merged["total"]["cost"]["reported"]),
        (&json!(["hd-2023", "hp-2023"]), &json!("1900.00"))
    );
    let only = aggregate(&app, "jurisdiction=hai-phong-2025&from_year=2023&to_year=2023&as_published=true").await;
    assert_eq!((&only["included"], &only["total"]["cost"]["itemised"]), (&json!([]), &json!("0.00")));
    let old = aggregate(&app, "jurisdiction=hai-duong&from_year=2023&to_year=2023").await;
    assert_eq!(old["included"], json!(["hd-2023"]));
    // Vietnamese names in Vietnamese.
    let vi = app
        .get_with("/aggregate?by=jurisdiction&from_year=2023&to_year=2023", &[("Accept-Language", "vi")])
        .await
        .json();
    assert_eq!(row(&vi, json!({"jurisdiction": "hai-phong-2025"}))["names"]["jurisdiction"], "Hải Phòng");
}

#[tokio::test]
async fn a_plan_is_never_added_to_a_result() {
    let app = spawn_app().await;
    three_provinces_2023(&app).await;
    load(&app, vec![doc("hp-2023-plan", "Hải Phòng", (2023, 2023), json!({"kind": "plan"}))]).await;
    // Results only, by default: the plan is not in the cut.
    let results = aggregate(&app, "from_year=2023&to_year=2023").await;
    assert_eq!(results["total"]["cost"]["itemised"], "2850.00");
    // Both kinds: no total, and the rows split by kind.
    let both = aggregate(&app, "by=jurisdiction&kind=result,plan&from_year=2023&to_year=2023&as_published=true").await;
    assert_eq!(both["total"], Value::Null);
    assert_eq!(both["by"], json!(["kind", "jurisdiction"]));
    let plan = row(&both, json!({"kind": "plan", "jurisdiction": "hai-phong"}));
    let result = row(&both, json!({"kind": "result", "jurisdiction": "hai-phong"}));
    assert_eq!((&plan["programmes"], &result["programmes"]), (&json!(["hp-2023-plan"]), &json!(["hp-2023"])));
    let said = notes(&both);
    assert!(said.iter().any(|n| n.contains("plans and results: their figures are never added together")), "{said:?}");
    assert!(said.iter().any(|n| n.contains("split by kind")), "{said:?}");
    // A plan named in a cut of results is left out, and the response says why.
    let named = aggregate(&app, "programme=hp-2023,hp-2023-plan").await;
    assert_eq!(named["included"], json!(["hp-2023"]));
    assert_eq!(named["excluded"][0]["programme_id"], "hp-2023-plan");
    assert!(
        named["excluded"][0]["reason"].as_str().unwrap().starts_with("Plan: the sum takes the kinds in `kind`"),
        "{named}"
    );
    assert_eq!((&named["rows"], &named["count"]), (&json!([]), &json!(0)), "no drilldown: the total alone");
}

#[tokio::test]
async fn a_total_of_state_support_is_not_added_to_one_with_contributions() {
    let app = spawn_app().await;
    let state_only = json!({"reported": {"cost": {"amount": "850.00", "covers": ["state_budget"]}}});
    load(
        &app,
        vec![
            doc("support-a", "Hải Phòng", (2022, 2022), state_only.clone()),
            doc("support-b", "Quảng Ninh", (2022, 2022), state_only),
            doc("whole-c", "Thái Bình", (2022, 2022), json!({})),
        ],
    )
    .await;
    let mixed = aggregate(&app, "from_year=2022&to_year=2022").await;
    // 850.00 + 850.00 of state support and 950.00 with contributions: never added.
    assert_eq!(
        (rig(&mixed["total"]["cost"]), &mixed["total"]["cost"]["reported_bounds"]),
        (json!([null, "2850.00", null]), &Value::Null)
    );
    let said = notes(&mixed);
    assert!(said.iter().any(|n| n.contains("support-a and support-b covers other funding sources")), "{said:?}");
    // Two totals of state support alone: added, and compared with the state's lines (1,700.00).
    let alike = aggregate(&app, "programme=support-a,support-b").await;
    assert_eq!(rig(&alike["total"]["cost"]), json!(["1700.00", "1900.00", "0.00"]));
    let said = notes(&alike);
    assert!(said.iter().any(|n| n.contains("those sources' lines (1,700.00 million VND)")), "{said:?}");
}

#[tokio::test]
async fn a_part_is_never_added_to_its_whole() {
    let app = spawn_app().await;
    let of = |label: &str| json!({"part_of": {"programme": "qn-2021-2025", "part": "year", "label": label}});
    load(
        &app,
        vec![
            doc("qn-2021-2025", "Quảng Ninh", (2021, 2025), json!({})),
            doc("qn-2023", "Quảng Ninh", (2023, 2023), of("2023")),
            doc(
                "qn-to-aug-2024",
                "Quảng Ninh",
                (2024, 2024),
                json!({"part_of": {"programme": "qn-2021-2025", "part": "to_date", "label": "đến tháng 8/2024"}}),
            ),
        ],
    )
    .await;
    let plain = aggregate(&app, "jurisdiction=quang-ninh").await;
    assert_eq!(plain["included"], json!(["qn-2021-2025"]));
    let excluded: Vec<&str> =
        plain["excluded"].as_array().unwrap().iter().map(|e| e["programme_id"].as_str().unwrap()).collect();
    assert_eq!(excluded, ["qn-to-aug-2024", "qn-2023"], "the parts the cut finds are listed, with why");
    // Asked for, the parts still never join their whole.
    let parts = aggregate(&app, "jurisdiction=quang-ninh&parts=true").await;
    assert_eq!((&parts["included"], &parts["total"]["cost"]["itemised"]), (&json!(["qn-2021-2025"]), &json!("950.00")));
    assert_eq!(parts["excluded"].as_array().unwrap().len(), 2, "{parts}");
    assert!(parts["excluded"][0]["reason"].as_str().unwrap().contains("a part is never added to its whole"), "{parts}");
    // Without their whole, a year is added; figures to date that overlap it are not.
    let alone = aggregate(&app, "programme=qn-2023,qn-to-aug-2024&parts=true").await;
    assert_eq!(alone["included"], json!(["qn-2023"]));
    assert_eq!(alone["excluded"][0]["programme_id"], "qn-to-aug-2024");
    let without = aggregate(&app, "programme=qn-2023").await;
    assert_eq!(without["included"], json!([]));
    assert!(without["excluded"][0]["reason"].as_str().unwrap().contains("parts=true"), "{without}");
}

#[tokio::test]
async fn by_year_puts_a_five_year_programme_in_a_row_of_its_own() {
    let app = spawn_app().await;
    load(
        &app,
        vec![
            doc("qn-2021-2025", "Quảng Ninh", (2021, 2025), json!({})),
            doc("hp-2023", "Hải Phòng", (2023, 2023), json!({})),
            doc("tb-2023", "Thái Bình", (2023, 2023), json!({})),
            doc("hp-2024", "Hải Phòng", (2024, 2024), json!({})),
        ],
    )
    .await;
    let body = aggregate(&app, "by=year&from_year=2021").await;
    assert_eq!(keys(&body), [json!({"year": "2023"}), json!({"year": "2024"}), json!({"year": null})]);
    assert_eq!(rig(&row(&body, json!({"year": "2023"}))["cost"]), json!(["1900.00", "1900.00", "0.00"]));
    let multi = row(&body, json!({"year": null}));
    assert_eq!((&multi["period"], &multi["programmes"]), (&json!("2021-2025"), &json!(["qn-2021-2025"])));
    assert!(
        notes(&body).iter().any(|n| n.starts_with("Not split by year, as they run over several years: qn-2021-2025;"))
    );
    // By period, then by kind and by programme.
    let periods = aggregate(&app, "by=period&from_year=2021").await;
    assert_eq!(keys(&periods), [json!({"period": "2021-2025"}), json!({"period": "2023"}), json!({"period": "2024"})]);
    let programmes = aggregate(&app, "by=programme,kind&from_year=2024").await;
    // Programmes in the order of /programmes: the latest period first.
    assert_eq!(
        keys(&programmes),
        [json!({"programme": "qn-2021-2025", "kind": "result"}), json!({"programme": "hp-2024", "kind": "result"})]
    );
    assert_eq!(row(&programmes, json!({"programme": "hp-2024", "kind": "result"}))["names"]["kind"], "Result");
}

#[tokio::test]
async fn published_figures_only_where_whole_at_each_grain() {
    let app = spawn_app().await;
    let by_scope = json!({"reported": {
        "schemes": {"value": 5},
        "schemes_by_scope": [{"scope": "local", "value": 2}, {"scope": "national", "value": 3, "qualifier": "about"}],
        "cost": {"amount": "950.00"},
        "funding": [{"source": "central_budget", "amount": "650.00"}, {"source": "contributions", "amount": "120.00", "qualifier": "at_most"}]
    }});
    load(
        &app,
        vec![
            doc("hp-2022", "Hải Phòng", (2022, 2022), by_scope.clone()),
            doc("qn-2022", "Quảng Ninh", (2022, 2022), by_scope),
        ],
    )
    .await;
    load(&app, vec![doc("tb-2022", "Thái Bình", (2022, 2022), json!({}))]).await;
    // By activity: no programme publishes figures by activity, so none is summed.
    let activity = aggregate(&app, "by=activity&from_year=2022&to_year=2022").await;
    let training = row(&activity, json!({"activity": "vocational_training"}));
    assert_eq!(
        (rig(&training["schemes"]), rig(&training["cost"])),
        (json!([null, 6, null]), json!([null, "900.00", null]))
    );
    assert_eq!(funding(training, "contributions")["own"], "300.00");
    assert!(notes(&activity).iter().any(|n| n.contains("No programme publishes figures by activity")));
    // By scope: counts where every programme of the row publishes one (tb-2022 does not).
    let two = aggregate(&app, "by=scope&programme=hp-2022,qn-2022").await;
    assert_eq!(rig(&row(&two, json!({"scope": "local"}))["schemes"]), json!([4, 4, 0]));
    // "about 3" twice, 5 % each way at whole schemes: 3..3 each, so 6..6, not exact.
    let national = &row(&two, json!({"scope": "national"}))["schemes"];
    assert_eq!((rig(national), ends(&national["reported_bounds"])), (json!([null, 6, null]), json!([6, 6, "range"])));
    let three = aggregate(&app, "by=scope&from_year=2022&to_year=2022").await;
    assert_eq!(rig(&row(&three, json!({"scope": "local"}))["schemes"]), json!([null, 6, null]));
    // By source: the published figures for each source, with their precision carried through.
    let source = aggregate(&app, "by=source&programme=hp-2022,qn-2022").await;
    assert_eq!(rig(&row(&source, json!({"source": "central_budget"}))["cost"]), json!(["1300.00", "1300.00", "0.00"]));
    let contributions = &row(&source, json!({"source": "contributions"}))["cost"];
    assert_eq!(ends(&contributions["reported_bounds"]), json!([null, "240.00", "at_most"]));
    assert_eq!(ends(&contributions["gap_bounds"]), json!([null, "40.00", "at_most"]));
    // Two drilldowns: period then source.
    let periods = aggregate(&app, "by=period,source&from_year=2022&to_year=2022").await;
    let central = row(&periods, json!({"period": "2022", "source": "central_budget"}));
    assert_eq!(
        (rig(&central["cost"]), &central["programmes"]),
        (json!([null, "1950.00", null]), &json!(["hp-2022", "qn-2022", "tb-2022"]))
    );
}

#[tokio::test]
async fn bad_input_is_answered_400_naming_the_parameter() {
    let app = spawn_app().await;
    for (query, parameter) in [
        ("by=colour", "by"),
        ("by=year,jurisdiction,activity", "by"),
        ("by=year,year", "by"),
        ("from_year=2025&to_year=2020", "from_year"),
        ("to_year=20x0", "to_year"),
        ("programme=no-such-programme", "programme"),
        ("programme=2016-2020,", "programme"),
        ("jurisdiction=atlantis", "jurisdiction"),
        ("kind=target", "kind"),
        ("cursor=zz", "cursor"),
    ] {
        for path in ["/aggregate", "/aggregate.csv", "/aggregate.xlsx"] {
            if query.starts_with("cursor") && path != "/aggregate" {
                continue;
            }
            let got = app.get_with(&format!("{path}?{query}"), &[]).await;
            assert_eq!(got.status, 400, "{path}?{query}: {}", got.text());
            assert_eq!(got.json()["errors"][0]["parameter"], parameter, "{path}?{query}");
        }
    }
    for (query, parameter) in [("base=2016-2020", "other"), ("base=nope&other=2016-2020", "base")] {
        let got = app.get_with(&format!("/compare?{query}"), &[]).await;
        assert_eq!((got.status, &got.json()["errors"][0]["parameter"]), (400, &json!(parameter)), "{query}");
    }
}

#[tokio::test]
async fn rows_come_in_pages_with_the_total_and_notes_on_each() {
    let app = spawn_app().await;
    three_provinces_2023(&app).await;
    let first = aggregate(&app, "by=programme&from_year=2023&limit=2").await;
    assert_eq!(
        (first["rows"].as_array().unwrap().len(), &first["count"], &first["next_cursor"]),
        (2, &json!(3), &json!("2"))
    );
    let next = first["next"].as_str().unwrap();
    let path = &next[next.find("/aggregate").unwrap()..];
    let second = app.get_with(path, &[]).await.json();
    assert_eq!((second["rows"].as_array().unwrap().len(), &second["next"]), (1, &Value::Null));
    assert_eq!((&second["total"], &second["notes"]), (&first["total"], &first["notes"]));
    // A cursor is a row's position: 0 is the first page, one past the last an empty page.
    assert_eq!(aggregate(&app, "by=programme&from_year=2023&limit=2&cursor=0").await["rows"], first["rows"]);
    let past = aggregate(&app, "by=programme&from_year=2023&cursor=7").await;
    assert_eq!((&past["rows"], &past["next"], &past["count"]), (&json!([]), &Value::Null, &json!(3)));
}

#[tokio::test]
async fn the_sums_download_as_csv_and_as_a_workbook() {
    let app = spawn_app().await;
    three_provinces_2023(&app).await;
    let got = app.get_with("/aggregate.csv?by=jurisdiction&from_year=2023&to_year=2023", &[]).await;
    assert_eq!((got.status, got.header("content-type")), (200, Some("text/csv; charset=utf-8")));
    let (header, rows) = csv_table(&got.text());
    let at = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name} in {header:?}"));
    assert_eq!(rows.len(), 2);
    let hp = rows.iter().find(|r| r[at("jurisdiction")] == "hai-phong-2025").unwrap();
    assert_eq!(
        [&hp[at("programmes")], &hp[at("schemes")], &hp[at("reported_schemes")], &hp[at("reported_schemes_at_least")]],
        ["2", "10", "", "10"]
    );
    assert_eq!(
        [&hp[at("reported_cost_million_vnd")], &hp[at("central_budget_own_million_vnd")]],
        ["1900.00", "1300.00"]
    );
    let book =
        app.get_with("/aggregate.xlsx?by=jurisdiction&from_year=2023&to_year=2023", &[("Accept-Language", "vi")]).await;
    assert_eq!(book.status, 200);
    assert_eq!(book.header("content-type"), Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    assert!(book.body.starts_with(b"PK"), "a zip file");
}

#[tokio::test]
async fn a_plan_against_its_result_says_what_was_exceeded_and_what_fell_short() {
    let app = spawn_app().await;
    // The plan's 4 schemes are an estimate ("ước 4"): still one exact number.
    let plan = doc(
        "hp-2024-plan",
        "Hải Phòng",
        (2024, 2024),
        json!({"kind": "plan", "reported": {"schemes": {"value": 4, "estimate": true}, "cost": {"amount": "1000.00"},
            "funding": [{"source": "central_budget", "amount": "700.00"}, {"source": "contributions", "amount": "0.00"}]}}),
    );
    let result = doc(
        "hp-2024",
        "Hải Phòng",
        (2024, 2024),
        json!({"reported": {"schemes": {"value": 5}, "cost": {"amount": "950.00", "qualifier": "about"},
            "funding": [{"source": "central_budget", "amount": "650.00"}, {"source": "contributions", "amount": "100.00"}]}}),
    );
    load(&app, vec![plan, result]).await;
    let got = app.get_with("/compare?base=hp-2024-plan&other=hp-2024", &[("Accept-Language", "en")]).await;
    assert_eq!(got.status, 200, "{}", got.text());
    let body = got.json();
    let measure = |name: &str, key: Value| {
        body["measures"].as_array().unwrap().iter().find(|m| m["measure"] == name && m["key"] == key).unwrap().clone()
    };
    // Schemes: 4 planned, 5 done: +1, +25.00 %.
    let schemes = measure("schemes", Value::Null);
    assert_eq!(
        [
            &schemes["reported"]["base"],
            &schemes["reported"]["other"],
            &schemes["reported"]["difference"],
            &schemes["reported"]["change_percent"]
        ],
        [&json!(4), &json!(5), &json!(1), &json!("25.00")]
    );
    assert_eq!(ends(&schemes["reported"]["base_bounds"]), json!([4, 4, "exact"]));
    assert_eq!(
        (&schemes["reported"]["base_bounds"]["estimate"], &schemes["reported"]["difference_bounds"]["estimate"]),
        (&json!(true), &json!(true))
    );
    assert_eq!(ends(&schemes["reported"]["change_percent_bounds"]), json!(["25.00", "25.00", "exact"]));
    // The records: exact, no bounds.
    assert_eq!(
        (&schemes["itemised"]["difference"], &schemes["itemised"]["difference_bounds"]),
        (&json!(0), &Value::Null)
    );
    // Cost: 1,000.00 planned, "about 950.00" done (902.50..997.50): short by 2.50 to 97.50.
    let cost = measure("cost", Value::Null);
    assert_eq!((&cost["reported"]["difference"], &cost["reported"]["change_percent"]), (&Value::Null, &Value::Null));
    assert_eq!(ends(&cost["reported"]["difference_bounds"]), json!(["-97.50", "-2.50", "range"]));
    assert_eq!(ends(&cost["reported"]["change_percent_bounds"]), json!(["-9.75", "-0.25", "range"]));
    // The records, exact: the same 950.00 both sides.
    assert_eq!(
        (&cost["itemised"]["difference"], &cost["itemised"]["change_percent"]),
        (&json!("0.00"), &json!("0.00"))
    );
    // A zero base: a difference, no percentage.
    let contributions = measure("source", json!("contributions"));
    assert_eq!(
        (&contributions["reported"]["difference"], &contributions["reported"]["change_percent"]),
        (&json!("100.00"), &Value::Null)
    );
    let central = measure("source", json!("central_budget"));
    assert_eq!(
        (&central["reported"]["difference"], &central["reported"]["change_percent"]),
        (&json!("-50.00"), &json!("-7.14"))
    );
    assert_eq!(measure("activity", json!("vocational_training"))["reported"], Value::Null);
    let said = notes(&body);
    assert!(
        said.iter().any(|n| n.starts_with("Schemes: the result exceeded the plan by 1 (by the published figures)")),
        "{said:?}"
    );
    assert!(
        said.iter().any(|n| n.starts_with("Total cost: the result fell short of the plan by between 2.50 and 97.50")),
        "{said:?}"
    );
    let vi = app.get_with("/compare?base=hp-2024-plan&other=hp-2024", &[("Accept-Language", "vi")]).await.json();
    let said = notes(&vi);
    assert!(said.iter().any(|n| n.starts_with("Số đề án: kết quả thực hiện vượt kế hoạch 1")), "{said:?}");
}

#[tokio::test]
async fn the_pages_show_the_same_figures_in_each_language() {
    let app = spawn_app().await;
    three_provinces_2023(&app).await;
    let vi = app.get_with("/vi/aggregate?by=jurisdiction&from_year=2023&to_year=2023", &[]).await;
    assert_eq!((vi.status, vi.header("content-type")), (200, Some("text/html; charset=utf-8")));
    let text = vi.text();
    // The merged city's row: "over 10" schemes published, 1,900.00 both ways; the total's costs.
    for shown in ["<th scope=\"row\">Hải Phòng</th>", "ít nhất 10", "1.900,00", "2.850,00", "Tổng cộng", "role=\"img\""]
    {
        assert!(text.contains(shown), "/vi/aggregate shows {shown}");
    }
    assert!(text.contains("href=\"/aggregate.csv?by=jurisdiction&#38;from_year=2023&#38;to_year=2023\""), "{text}");
    assert!(text.contains("href=\"/en/aggregate?by=jurisdiction&#38;from_year=2023"), "the same sums in English");
    assert!(!text.contains("at least"), "no English in the Vietnamese page");
    let en = app.get_with("/en/aggregate?by=jurisdiction&from_year=2023&to_year=2023", &[]).await.text();
    assert!(en.contains("at least 10") && en.contains("1,900.00") && en.contains("qn-2023 publishes none"), "{en}");
    let bad = app.get_with("/en/aggregate?by=colour", &[]).await;
    assert_eq!((bad.status, &bad.json()["errors"][0]["parameter"]), (400, &json!("by")));

    load(
        &app,
        vec![doc(
            "hp-2023-plan",
            "Hải Phòng",
            (2023, 2023),
            json!({"kind": "plan", "reported": {"schemes": {"value": 4}, "cost": {"amount": "900.00"}}}),
        )],
    )
    .await;
    let compare = app.get_with("/vi/compare?base=hp-2023-plan&other=hp-2023", &[]).await.text();
    for shown in ["Số đề án: kết quả thực hiện vượt kế hoạch 1", "900,00", "950,00", "50,00", "5,56%"]
    {
        assert!(compare.contains(shown), "/vi/compare shows {shown}: {compare}");
    }
}

#[tokio::test]
async fn a_programme_compared_with_itself_differs_by_nothing() {
    let app = spawn_app().await;
    let body = app.get_ok("/compare?base=2016-2020&other=2016-2020").await;
    let cost = body["measures"].as_array().unwrap().iter().find(|m| m["measure"] == "cost").unwrap();
    assert_eq!(
        [
            &cost["reported"]["base"],
            &cost["reported"]["other"],
            &cost["reported"]["difference"],
            &cost["reported"]["change_percent"]
        ],
        [&json!("41306.53"), &json!("41306.53"), &json!("0.00"), &json!("0.00")]
    );
    assert_eq!(cost["itemised"]["other"], "41096.53");
}

#[tokio::test]
async fn by_level_a_count_is_not_compared_with_records_of_no_known_level() {
    let app = spawn_app().await;
    // The 2016-2020 article gives 46 local and 19 national schemes; its records give no level.
    let body = aggregate(&app, "by=scope&programme=2016-2020").await;
    assert_eq!(rig(&row(&body, json!({"scope": "local"}))["schemes"]), json!([46, 0, null]));
    assert_eq!(rig(&row(&body, json!({"scope": "national"}))["schemes"]), json!([19, 0, null]));
    let said = notes(&body);
    assert!(said.iter().any(|n| n.starts_with("2016-2020 have scheme records of no known level")), "{said:?}");
}

/// Every text of a workbook's sheets (its shared strings and inline strings), for searching.
fn workbook_text(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut text = String::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        if file.name().ends_with(".xml") {
            file.read_to_string(&mut text).unwrap();
        }
    }
    text
}

#[tokio::test]
async fn the_workbook_is_in_the_language_asked_for_with_its_total_labelled() {
    let app = spawn_app().await;
    three_provinces_2023(&app).await;
    let url = "/aggregate.xlsx?by=jurisdiction&from_year=2023&to_year=2023";
    let vi = workbook_text(&app.get_with(url, &[("Accept-Language", "vi")]).await.body);
    for shown in
        ["Tổng hợp", "Tổng cộng", "Địa phương", "Địa phương: tên tiếng Việt", "Hải Phòng", "qn-2023", "đã cộng"]
    {
        assert!(vi.contains(shown), "the Vietnamese workbook has {shown}");
    }
    // The same URL in English next: its own workbook, not the cached Vietnamese one.
    let en = workbook_text(&app.get_with(url, &[("Accept-Language", "en")]).await.body);
    for shown in ["Sums", "Total", "Jurisdiction: name in English", "added"] {
        assert!(en.contains(shown), "the English workbook has {shown}");
    }
    assert!(!en.contains("Tổng cộng"), "no Vietnamese sheet in the English workbook");
    // Without a drilldown the CSV's one row is the total.
    let (header, rows) = csv_table(&app.get_with("/aggregate.csv?from_year=2023&to_year=2023", &[]).await.text());
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(
        (rows.len(), rows[0][at("programmes")].as_str(), rows[0][at("cost_million_vnd")].as_str()),
        (1, "3", "2850.00")
    );
}

#[tokio::test]
async fn published_sums_past_what_the_api_holds_are_refused_not_wrong() {
    let app = spawn_app().await;
    // Ten reports each publishing the largest cost a document takes: 9,999,999,999,999.90 million
    // VND in all, past the 9,223,372,036,854.77 storage and the API hold.
    let huge = json!({"reported": {"cost": {"amount": "999999999999.99"}}});
    let docs = (0..10).map(|i| doc(&format!("huge-{i}"), "Quảng Ninh", (2022, 2022), huge.clone())).collect();
    load(&app, docs).await;
    for path in ["/aggregate", "/vi/aggregate", "/aggregate.xlsx"] {
        let got = app.get_with(&format!("{path}?from_year=2022&to_year=2022"), &[]).await;
        assert_eq!(got.status, 400, "{path}: {}", got.text());
        assert_eq!(got.json()["errors"][0]["parameter"], "programme", "{path}");
    }
    // Nine of them still add up.
    let nine = (0..9).map(|i| format!("huge-{i}")).collect::<Vec<_>>().join(",");
    let body = aggregate(&app, &format!("programme={nine}")).await;
    assert_eq!(body["total"]["cost"]["reported"], "8999999999999.91");
}

#[tokio::test]
async fn what_a_sum_leaves_out_is_said_and_the_pages_read_in_their_language() {
    let app = spawn_app().await;
    // tb-2022 publishes no total cost; hp-2022 a total of state support; qn-2022 a count by level.
    let no_lines = json!({"reported": {"schemes": {"value": 5}}, "schemes": [
        {"id": "khong-nguon", "scheme_count": 5, "activity": "vocational_training", "scope": "local",
         "title": {"vi": "Đào tạo", "en": "Training"}, "cost": "500.00", "funding": []}]});
    load(
        &app,
        vec![
            doc("tb-2022", "Thái Bình", (2022, 2022), no_lines),
            doc(
                "hp-2022",
                "Hải Phòng",
                (2022, 2022),
                json!({"reported": {"cost": {"amount": "850.00", "covers": ["state_budget"]}}}),
            ),
            doc(
                "qn-2022",
                "Quảng Ninh",
                (2022, 2022),
                json!({"reported": {"schemes": {"value": 5}, "schemes_by_scope": [{"scope": "local", "value": 2}]}}),
            ),
        ],
    )
    .await;
    // A programme publishing no total is named as such, not blamed on the one covering some sources.
    let said = notes(&aggregate(&app, "programme=tb-2022,hp-2022").await);
    assert!(said.iter().any(|n| n.contains("No sum of published total costs: tb-2022 publishes none")), "{said:?}");
    assert!(!said.iter().any(|n| n.contains("covers other funding sources")), "{said:?}");
    // By source, cost on no funding line is in no row: said, with how much.
    let said = notes(&aggregate(&app, "by=source&programme=tb-2022").await);
    assert!(
        said.iter().any(|n| n.starts_with("500.00 million VND of the records' cost has no funding line")),
        "{said:?}"
    );
    // By level, a programme publishing no count at that level is named.
    let said = notes(&aggregate(&app, "by=scope&programme=qn-2022,hp-2022").await);
    assert!(said.iter().any(|n| n.contains("where a row holds hp-2022: they publish none at that level")), "{said:?}");
    // A flag that is neither true nor false is refused, naming it; a list too long, too.
    let bad = app.get_with("/aggregate?parts=yes", &[]).await;
    assert_eq!((bad.status, &bad.json()["errors"][0]["parameter"]), (400, &json!("parts")));
    let many = (0..1001).map(|i| format!("p{i}")).collect::<Vec<_>>().join(",");
    let bad = app.get_with(&format!("/aggregate?programme={many}"), &[]).await;
    assert_eq!((bad.status, &bad.json()["errors"][0]["parameter"]), (400, &json!("programme")));
    // The Vietnamese page names its drilldown in Vietnamese, and its total sits under its columns.
    let page = app.get_with("/vi/aggregate?by=jurisdiction&from_year=2022&to_year=2022", &[]).await.text();
    assert!(page.contains(r#"<th scope="col" rowspan="2">Địa phương</th>"#), "{page}");
    let total = app.get_with("/vi/aggregate?from_year=2022&to_year=2022", &[]).await.text();
    assert!(total.contains(r#"<tr><th scope="row">Tổng cộng</th><td class="n">3</td>"#), "{total}");
    assert!(
        total.contains(r#"<th scope="col" rowspan="2"></th><th scope="col" rowspan="2">Số chương trình</th>"#),
        "{total}"
    );
}
