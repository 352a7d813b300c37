//! Figures as precise as they were published (issue 28): "trên", "khoảng", "ước", ranges, totals
//! that cover some sources, remainders. Each test loads the 2016-2020 seed with its reported
//! figures rewritten as a made-up report might have given them (the quotes are our own words);
//! the intervals are worked out by hand beside each assertion. The records add up to 41,096.53
//! (64 schemes); the state lines to 11,393.70; 974.80 is on no funding line.

use serde_json::{Value, json};

use crate::helpers::{TestApp, csv_table, load_programme, notes, spawn_app, test_programme};

/// `[at_least, at_most, qualifier, estimate]` of a bounds object.
fn ends(bounds: &Value) -> Value {
    json!([bounds["at_least"], bounds["at_most"], bounds["qualifier"], bounds["estimate"]])
}

async fn totals(app: &TestApp, id: &str, language: &str) -> Value {
    let got = app.get_with(&format!("/programmes/{id}/totals"), &[("Accept-Language", language)]).await;
    assert_eq!(got.status, 200, "{}", got.text());
    got.json()
}

/// The seed's contributions published as the rest, with no figure ("phần còn lại").
fn contributions_as_the_rest(d: &mut Value) {
    let funding = d["reported"]["funding"].as_array_mut().unwrap();
    let rest = funding.iter_mut().find(|f| f["source"] == "contributions").unwrap();
    *rest = json!({"source": "contributions", "remainder": true, "quote": "phần còn lại do doanh nghiệp đối ứng"});
}

fn funding<'a>(totals: &'a Value, source: &str) -> &'a Value {
    totals["funding"].as_array().unwrap().iter().find(|f| f["source"] == source).unwrap()
}

#[tokio::test]
async fn a_total_published_as_at_least_has_no_gap_but_a_gap_of_at_least_minus_96_53() {
    let app = spawn_app().await;
    load_programme(&app, "over", |d| {
        d["reported"]["cost"] =
            json!({"amount": "41000.00", "qualifier": "at_least", "quote": "tổng kinh phí trên 41 tỷ đồng"});
    })
    .await;
    let t = totals(&app, "over", "en").await;
    let cost = &t["cost"];
    assert_eq!((&cost["reported"], &cost["gap"]), (&Value::Null, &Value::Null), "no exact figure is invented");
    assert_eq!(ends(&cost["reported_bounds"]), json!(["41000.00", null, "at_least", false]));
    // At least 41,000.00 less 41,096.53: at least -96.53, no upper end.
    assert_eq!(ends(&cost["gap_bounds"]), json!(["-96.53", null, "at_least", false]));
    let en = notes(&t);
    assert!(
        en.iter().any(|n| n.contains("total cost of over 41,000.00") && n.contains("a gap of at least -96.53")),
        "{en:?}"
    );
    assert!(en.iter().any(|n| n.contains("holds only for part of its range")), "{en:?}");
    let vi = notes(&totals(&app, "over", "vi").await);
    assert!(vi.iter().any(|n| n.contains("tổng kinh phí trên 41.000,00 triệu đồng")), "{vi:?}");

    // The export says it as it was sent, and reads back to the same bytes.
    let exported = app.export("over").await;
    assert!(exported.contains("\"amount\": \"41000.00\",\n      \"qualifier\": \"at_least\""), "{exported}");
    let token = app.token("so-cong-thuong", "write").await;
    let (status, _, body) = app
        .put_programme(&token, "over-again", {
            let mut doc: Value = serde_json::from_str(&exported).unwrap();
            doc["id"] = json!("over-again");
            doc
        })
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(app.export("over-again").await, exported.replace("\"id\": \"over\"", "\"id\": \"over-again\""));
}

#[tokio::test]
async fn an_about_figure_is_read_within_the_documents_tolerance_rounded_outward() {
    let app = spawn_app().await;
    load_programme(&app, "about-2", |d| {
        d["about_tolerance_percent"] = json!("2");
        d["reported"]["cost"] =
            json!({"amount": "41306.53", "qualifier": "about", "estimate": true, "quote": "ước khoảng 41,3 tỷ đồng"});
    })
    .await;
    let t = totals(&app, "about-2", "en").await;
    // 2 % of 41,306.53 is 826.1306: 40,480.3994 to 42,132.6606; amounts have two places, so the
    // amounts within it are 40,480.40 to 42,132.66.
    assert_eq!(ends(&t["cost"]["reported_bounds"]), json!(["40480.40", "42132.66", "about", true]));
    // Less the 41,096.53 itemised: -616.13 to 1,036.13.
    assert_eq!(ends(&t["cost"]["gap_bounds"]), json!(["-616.13", "1036.13", "about", true]));
    assert!(t["cost"]["reported_bounds"]["basis"].as_str().unwrap().contains("within 2 %"), "{t}");
    assert!(notes(&t).iter().any(|n| n.contains("estimated about 41,306.53")), "{:?}", notes(&t));
    let vi = notes(&totals(&app, "about-2", "vi").await);
    assert!(vi.iter().any(|n| n.contains("ước khoảng 41.306,53")), "{vi:?}");

    // Without a tolerance of its own, a document's "about" is 5 %: 2,065.3265 either side,
    // 39,241.2035 to 43,371.8565.
    load_programme(&app, "about-5", |d| {
        d["reported"]["cost"] = json!({"amount": "41306.53", "qualifier": "about"});
    })
    .await;
    let t = totals(&app, "about-5", "en").await;
    assert_eq!(ends(&t["cost"]["reported_bounds"]), json!(["39241.21", "43371.85", "about", false]));
    assert!(!app.export("about-5").await.contains("about_tolerance_percent"), "the default is left out");
}

#[tokio::test]
async fn a_ranged_count_has_two_ends_and_no_value() {
    let app = spawn_app().await;
    load_programme(&app, "range", |d| {
        d["reported"]["schemes"] = json!({"qualifier": "range", "min": 60, "max": 70, "quote": "từ 60 - 70 đề án"});
    })
    .await;
    let t = totals(&app, "range", "en").await;
    let schemes = &t["schemes"];
    assert_eq!((&schemes["reported"], &schemes["gap"]), (&Value::Null, &Value::Null));
    assert_eq!(ends(&schemes["reported_bounds"]), json!([60, 70, "range", false]));
    // 60 to 70 published, 64 recorded: a gap between -4 and 6, which holds for part of the range.
    assert_eq!(ends(&schemes["gap_bounds"]), json!([-4, 6, "range", false]));
    let en = notes(&t);
    assert!(en.iter().any(|n| n.contains("reports 60 to 70 schemes") && n.contains("between -4 and 6")), "{en:?}");
    let vi = notes(&totals(&app, "range", "vi").await);
    assert!(vi.iter().any(|n| n.contains("từ 60 đến 70 đề án")), "{vi:?}");
    let exported = app.export("range").await;
    assert!(exported.contains("\"qualifier\": \"range\",\n      \"min\": 60,\n      \"max\": 70"), "{exported}");
}

#[tokio::test]
async fn a_total_of_state_support_alone_is_reconciled_with_the_state_lines_only() {
    let app = spawn_app().await;
    load_programme(&app, "state-only", |d| {
        d["reported"]["cost"] =
            json!({"amount": "12000.00", "covers": ["state_budget"], "quote": "ngân sách nhà nước hỗ trợ 12 tỷ đồng"});
    })
    .await;
    let t = totals(&app, "state-only", "en").await;
    let cost = &t["cost"];
    assert_eq!(cost["covers"], json!(["state_budget"]));
    // 12,000.00 against the state lines' 11,393.70, not the 41,096.53 of every record: 606.30.
    assert_eq!(
        (&cost["reported"], &cost["compared_with"], &cost["gap"]),
        (&json!("12000.00"), &json!("11393.70"), &json!("606.30"))
    );
    assert_eq!(cost["itemised"], "41096.53");
    let en = notes(&t);
    assert!(en.iter().any(|n| n.contains("covers state_budget only") && n.contains("974.80")), "{en:?}");
    assert!(en.iter().any(|n| n.contains("a gap of 606.30")), "{en:?}");
    assert!(!en.iter().any(|n| n.contains("-29,096.53")), "no false gap against every record: {en:?}");
    // The page's cost row says what its "sum of the records" is: the state lines.
    let page = app.get_with("/vi/programmes/state-only", &[]).await.text();
    assert!(page.contains("so với các dòng kinh phí của"), "{page}");
}

#[tokio::test]
async fn a_remainder_is_computed_from_the_other_figures_and_never_shown_as_published() {
    let app = spawn_app().await;
    load_programme(&app, "rest", contributions_as_the_rest).await;
    let t = totals(&app, "rest", "en").await;
    let rest = funding(&t, "contributions");
    assert_eq!(
        (&rest["reported"], &rest["reported_bounds"], &rest["remainder"]),
        (&Value::Null, &Value::Null, &json!(true))
    );
    // 41,306.53 published in all, 12,578.48 from the state: the rest is 28,728.05.
    assert_eq!(ends(&rest["remainder_implied"]), json!(["28728.05", "28728.05", "exact", false]));
    assert!(rest["remainder_implied"]["basis"].as_str().unwrap().contains("Computed, not published"));
    let en = notes(&t);
    assert!(en.iter().any(|n| n.contains("imply 28,728.05 million VND (computed, not published")), "{en:?}");
    let exported = app.export("rest").await;
    assert!(
        exported.contains("\"source\": \"contributions\",\n        \"remainder\": true,\n        \"quote\""),
        "no amount is stored for it: {exported}"
    );
    let page = app.get_with("/en/programmes/rest", &[]).await.text();
    assert!(page.contains("the rest, no figure (computed: 28,728.05)"), "{page}");
}

#[tokio::test]
async fn a_document_whose_precision_does_not_hold_together_is_refused_with_every_pointer() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let mut doc = test_programme("bad-precision");
    doc["about_tolerance_percent"] = json!("about five");
    doc["reported"] = json!({
        "schemes": {"qualifier": "range", "min": 9},
        "cost": {"qualifier": "at_least", "covers": ["central_budget"]},
        "funding": [
            {"source": "state_budget", "amount": "600.00", "min": "500.00"},
            {"source": "contributions", "amount": "100.00", "remainder": true},
            {"source": "local_budget", "qualifier": "range", "min": "300.00", "max": "200.00"}
        ]
    });
    let (status, _, body) = app.put_programme(&token, "bad-precision", doc).await;
    assert_eq!(status, 422, "{body}");
    let pointers: Vec<&str> =
        body["errors"].as_array().unwrap().iter().map(|e| e["pointer"].as_str().unwrap()).collect();
    for expected in [
        "/about_tolerance_percent",
        "/reported/schemes/max",
        "/reported/cost/amount",
        "/reported/cost/covers/0",
        "/reported/funding/0/min",
        "/reported/funding/1/remainder",
        "/reported/funding/2/max",
    ] {
        assert!(pointers.contains(&expected), "{expected} in {pointers:?}");
    }
    assert_eq!(app.get("/programmes/bad-precision").await.0, 404, "nothing is stored");
}

#[tokio::test]
async fn csv_workbook_and_pages_show_each_figure_as_it_was_published() {
    let app = spawn_app().await;
    load_programme(&app, "shown", |d| {
        d["reported"]["cost"] = json!({"amount": "41000.00", "qualifier": "at_least"});
        let funding = d["reported"]["funding"].as_array_mut().unwrap();
        let state = funding.iter_mut().find(|f| f["source"] == "state_budget").unwrap();
        *state = json!({"source": "state_budget", "amount": "12500.00", "qualifier": "about"});
        d["reported"]["schemes_by_scope"] = json!([{"scope": "local", "qualifier": "at_most", "value": 50}]);
    })
    .await;

    // CSV: one value a cell; the exact column empty, the qualifier and the bounds beside it.
    let got = app.get_with("/programmes/shown/breakdown.csv?by=source", &[]).await;
    let (header, rows) = csv_table(&got.text());
    let cell = |row: &[String], key: &str| {
        row[header.iter().position(|h| h == key).unwrap_or_else(|| panic!("{key}"))].clone()
    };
    let state = rows.iter().find(|r| r[0] == "state_budget").unwrap();
    // About 12,500.00 at 5 %: 11,875.00 to 13,125.00; less the 11,393.70 of the lines: 481.30 to 1,731.30.
    assert_eq!(
        [
            cell(state, "reported_funding_million_vnd"),
            cell(state, "reported_funding_qualifier"),
            cell(state, "reported_funding_estimate")
        ],
        ["", "about", "false"]
    );
    assert_eq!(
        [cell(state, "reported_funding_at_least_million_vnd"), cell(state, "reported_funding_at_most_million_vnd")],
        ["11875.00", "13125.00"]
    );
    assert_eq!(
        [cell(state, "funding_gap_at_least_million_vnd"), cell(state, "funding_gap_at_most_million_vnd")],
        ["481.30", "1731.30"]
    );
    // A share of "over 41,000.00": at least 0 % (the total has no upper end), at most 11,393.70 / 41,000.00.
    assert_eq!(
        [cell(state, "share_of_reported_cost_at_least_percent"), cell(state, "share_of_reported_cost_at_most_percent")],
        ["0.00", "27.79"]
    );
    let got = app.get_with("/programmes/shown/breakdown.csv?by=scope", &[]).await;
    let (header, rows) = csv_table(&got.text());
    let cell = |row: &[String], key: &str| row[header.iter().position(|h| h == key).unwrap()].clone();
    let local = rows.iter().find(|r| r[0] == "local").unwrap();
    assert_eq!(
        [
            cell(local, "reported_schemes"),
            cell(local, "reported_schemes_qualifier"),
            cell(local, "reported_schemes_at_most")
        ],
        ["", "at_most", "50"]
    );

    // The workbook says the figures in words, in its language.
    let workbook = app.get_with("/programmes/shown/export.xlsx", &[("Accept-Language", "vi")]).await;
    assert_eq!(workbook.status, 200);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(workbook.body)).unwrap();
    let mut text = String::new();
    for i in 0..zip.len() {
        std::io::Read::read_to_string(&mut zip.by_index(i).unwrap(), &mut text).unwrap();
    }
    for words in ["trên 41.000,00", "khoảng 12.500,00", "dưới 50", "ít nhất -96,53"] {
        assert!(text.contains(words), "{words} in the workbook");
    }
    assert!(text.contains("Số công bố (triệu đồng): cách công bố"), "the qualifier's column on By source");
    // A workbook whose every figure is exact and final leaves those columns out (it prints as
    // before); its CSV keeps them, so that the CSV's header is the same for every programme.
    let seed = app.get_with("/programmes/2016-2020/export.xlsx", &[("Accept-Language", "vi")]).await;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(seed.body)).unwrap();
    let mut seed_text = String::new();
    for i in 0..zip.len() {
        std::io::Read::read_to_string(&mut zip.by_index(i).unwrap(), &mut seed_text).unwrap();
    }
    assert!(!seed_text.contains("cách công bố"), "no precision columns for exact figures");
    let seed_csv = app.get_with("/programmes/2016-2020/breakdown.csv?by=source", &[]).await.text();
    assert!(seed_csv.lines().next().unwrap().contains("reported_funding_qualifier"));

    // The pages: never a bare number for a figure that is not exact.
    let vi = app.get_with("/vi/programmes/shown", &[]).await.text();
    for words in ["trên 41.000,00", "khoảng 12.500,00", "dưới 50", "ít nhất -96,53"] {
        assert!(vi.contains(words), "{words} on the page");
    }
    let en = app.get_with("/en/programmes/shown", &[]).await.text();
    for words in ["over 41,000.00", "about 12,500.00", "under 50", "at least -96.53"] {
        assert!(en.contains(words), "{words} on the page");
    }
    let home = app.get_with("/vi", &[]).await.text();
    assert!(home.contains("trên 41.000,00"), "the home page's row: {home}");
}

#[tokio::test]
async fn the_seeds_export_is_its_file_byte_for_byte() {
    // Every figure of 2016-2020 is exact: none of the new fields appears, and no byte changes.
    let app = spawn_app().await;
    assert_eq!(app.export("2016-2020").await, crate::helpers::seed_text());
}

/// Review findings on 0.9.0, each kept as a test: what a reader met before they were mended.
#[tokio::test]
async fn figures_that_leave_nothing_for_the_rest_are_said_to_contradict_not_given_upside_down_bounds() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let mut doc = test_programme("no-rest");
    // 1,000.00 in all, 1,200.00 from the state: nothing is left for the contributions.
    doc["reported"]["funding"] = json!([
        {"source": "state_budget", "amount": "1200.00"},
        {"source": "contributions", "remainder": true}
    ]);
    let (status, _, body) = app.put_programme(&token, "no-rest", doc).await;
    assert_eq!(status, 201, "{body}");
    let t = totals(&app, "no-rest", "en").await;
    assert_eq!(funding(&t, "contributions")["remainder_implied"], Value::Null, "no bounds of 0.00 to -200.00");
    assert!(notes(&t).iter().any(|n| n.contains("leave nothing for it (-200.00 million VND)")), "{:?}", notes(&t));

    // "At most 1,000.00" in all, "at least 300.00" from the state: the rest is 0.00 to 700.00.
    let mut doc = test_programme("open-rest");
    doc["reported"]["cost"] = json!({"amount": "1000.00", "qualifier": "at_most"});
    doc["reported"]["funding"] = json!([
        {"source": "state_budget", "amount": "300.00", "qualifier": "at_least", "estimate": true},
        {"source": "contributions", "remainder": true}
    ]);
    assert_eq!(app.put_programme(&token, "open-rest", doc).await.0, 201);
    let t = totals(&app, "open-rest", "en").await;
    // Its shape is a range, and it rests on an estimate.
    assert_eq!(ends(&funding(&t, "contributions")["remainder_implied"]), json!(["0.00", "700.00", "range", true]));

    // A remainder has no figure, so nothing of it can be an estimate.
    let mut doc = test_programme("estimated-rest");
    doc["reported"]["funding"] = json!([{"source": "contributions", "remainder": true, "estimate": true}]);
    let (status, _, body) = app.put_programme(&token, "estimated-rest", doc).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["pointer"], "/reported/funding/0/remainder");
}

#[tokio::test]
async fn lists_and_details_say_a_scheme_count_that_is_not_exact_with_its_bounds() {
    let app = spawn_app().await;
    load_programme(&app, "over-65", |d| {
        d["reported"]["schemes"] = json!({"value": 65, "qualifier": "at_least", "quote": "hơn 65 đề án"});
    })
    .await;
    let list = app.get_ok("/programmes").await;
    let item = list["items"].as_array().unwrap().iter().find(|p| p["id"] == "over-65").unwrap();
    // Not a bare 65: null, with "at least 65" beside it.
    assert_eq!(item["schemes_reported"], Value::Null);
    assert_eq!(ends(&item["schemes_reported_bounds"]), json!([65, null, "at_least", false]));
    let detail = app.get_ok("/programmes/over-65").await;
    assert_eq!(
        (&detail["schemes_reported"], &detail["schemes_reported_bounds"]["at_least"]),
        (&Value::Null, &json!(65))
    );
    let seed = list["items"].as_array().unwrap().iter().find(|p| p["id"] == "2016-2020").unwrap();
    assert_eq!(
        (&seed["schemes_reported"], &seed["schemes_reported_bounds"]["qualifier"]),
        (&json!(65), &json!("exact"))
    );
    let home = app.get_with("/en", &[]).await.text();
    assert!(home.contains("over 65"), "the home page: {home}");
}

#[tokio::test]
async fn breakdowns_neither_share_of_a_partial_total_nor_hide_a_remainder() {
    let app = spawn_app().await;
    load_programme(&app, "partial", |d| {
        d["reported"]["cost"] = json!({"amount": "12000.00", "covers": ["state_budget"]});
    })
    .await;
    let b = app.get_ok("/programmes/partial/breakdown?by=source").await;
    let contributions = crate::helpers::row(&b, "contributions");
    // 28,728.03 of contributions is no share of a total of state support (it would be 239.40 %).
    assert_eq!(
        (&contributions["share_of_reported_percent"], &contributions["share_of_reported_percent_bounds"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(b["share_bases"]["share_of_reported_percent"], Value::Null);
    let coverage = notes(&b);
    assert!(coverage.iter().any(|n| n.contains("11,393.70 of the 12,000.00 million VND")), "{coverage:?}");
    // Against the state lines, 606.30 is not "in no scheme record": it may be in the 974.80 on no line.
    assert!(coverage.iter().any(|n| n.contains("606.30 million VND against the lines of the sources the total covers, which may be inside records that name no source")), "{coverage:?}");

    load_programme(&app, "rest-rows", contributions_as_the_rest).await;
    let b = app.get_ok("/programmes/rest-rows/breakdown?by=source").await;
    let rest = crate::helpers::row(&b, "contributions");
    assert_eq!((&rest["remainder"], &rest["remainder_implied"]["at_least"]), (&json!(true), &json!("28728.05")));
    let got = app.get_with("/programmes/rest-rows/breakdown.csv?by=source", &[]).await;
    let (header, rows) = csv_table(&got.text());
    let cell = |key: &str| {
        let row = rows.iter().find(|r| r[0] == "contributions").unwrap();
        row[header.iter().position(|h| h == key).unwrap()].clone()
    };
    assert_eq!(
        [cell("reported_funding_remainder"), cell("remainder_implied_at_least_million_vnd")],
        ["true", "28728.05"]
    );
}

#[tokio::test]
async fn an_estimate_is_said_as_one_and_a_gap_that_may_be_none_is_not_called_missing() {
    let app = spawn_app().await;
    load_programme(&app, "estimated", |d| {
        d["reported"]["schemes"] = json!({"value": 65, "estimate": true});
        d["reported"]["cost"] = json!({"amount": "41000.00", "qualifier": "at_least"});
    })
    .await;
    let t = totals(&app, "estimated", "vi").await;
    assert!(notes(&t).iter().any(|n| n.starts_with("Bài viết nêu ước 65 đề án")), "{:?}", notes(&t));
    let b = app.get_ok("/programmes/estimated/breakdown?by=activity").await;
    let coverage = &notes(&b)[0];
    assert!(
        coverage.contains("41,096.53 million VND of the cost (published: over 41,000.00)")
            && coverage
                .contains("For a difference of at least -96.53 million VND, the published figures do not settle"),
        "{coverage}"
    );
    assert!(
        !coverage.contains(
            "is in the reported totals but in no scheme record, so no row shows it: a difference of at least"
        ),
        "{coverage}"
    );
}

/// Second review: "about 5" of 5 records is no open question; an estimate's gap says "ước".
#[tokio::test]
async fn a_gap_that_can_only_be_zero_is_none_and_an_estimates_gap_says_so() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let mut doc = test_programme("about-five");
    // About 5 at 5 %: 4.75 to 5.25, one whole count: 5, as many as the records hold.
    doc["reported"]["schemes"] = json!({"value": 5, "qualifier": "about"});
    doc["reported"]["cost"] = json!({"amount": "1000.00", "estimate": true});
    assert_eq!(app.put_programme(&token, "about-five", doc).await.0, 201);
    let t = totals(&app, "about-five", "en").await;
    assert_eq!(ends(&t["schemes"]["gap_bounds"]), json!([0, 0, "about", false]));
    assert!(!notes(&t).iter().any(|n| n.contains("about 5 schemes")), "no gap, no note: {:?}", notes(&t));
    // 1,000.00 estimated less 950.50: the page says the gap is an estimate's, not a bare 49,50.
    let page = app.get_with("/vi/programmes/about-five", &[]).await.text();
    assert!(page.contains("ước 49,50"), "{page}");
}
