//! What a programme is (issue 27): a plan or a result, final or an estimate, a part of another,
//! in which jurisdiction then and now; tasks and registered schemes beside the scheme count.
//! The documents are made up for these tests: their names, decisions and figures are invented.

use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app, test_programme};

/// A made-up provincial document for `year`: two records, reported figures that add up.
fn provincial(id: &str, jurisdiction: &str, year: i64, extra: Value) -> Value {
    let mut doc = json!({
        "id": id,
        "currency": "VND",
        "amount_unit": "million",
        "names": {"vi": format!("Khuyến công {jurisdiction} năm {year} (ví dụ)"), "en": format!("{jurisdiction} industrial promotion, {year} (example)")},
        "jurisdiction": jurisdiction,
        "period": {"start_year": year, "end_year": year},
        "source": {"title": "Báo cáo ví dụ cho kiểm thử", "publisher": "khuyencong tests", "date": format!("{year}-12-20")},
        "reported": {"schemes": {"value": 5}, "cost": {"amount": "950.00"}},
        "schemes": [
            {"id": "dao-tao", "scheme_count": 2, "activity": "vocational_training", "scope": "local",
             "title": {"vi": "Đào tạo nghề", "en": "Training"}, "cost": "300.00",
             "funding": [{"source": "local_budget", "amount": "300.00"}]},
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

async fn put(app: &TestApp, token: &str, doc: Value) -> Value {
    let id = doc["id"].as_str().unwrap().to_string();
    let (status, _, body) = app.put_programme(token, &id, doc).await;
    assert_eq!(status, 201, "{body}");
    body
}

fn ids(list: &Value) -> Vec<&str> {
    list["items"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn a_plan_and_a_result_for_the_same_year_stand_side_by_side_and_are_listed_by_kind() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let approved = json!({"title": "Quyết định số 99/QĐ-UBND ngày 15/01/2024 phê duyệt kế hoạch khuyến công năm 2024 (ví dụ)",
                          "number": "99/QĐ-UBND", "date": "2024-01-15", "issuer": "UBND tỉnh"});
    put(
        &app,
        &token,
        provincial("hai-duong-2024-plan", "tỉnh Hải Dương", 2024, json!({"kind": "plan", "approved_by": approved})),
    )
    .await;
    put(
        &app,
        &token,
        provincial("hai-duong-2024", "tỉnh Hải Dương", 2024, json!({"kind": "result", "status": "estimate"})),
    )
    .await;

    let plans = app.get_ok("/programmes?kind=plan").await;
    assert_eq!((ids(&plans), &plans["count"]), (vec!["hai-duong-2024-plan"], &json!(1)));
    assert_eq!(
        (plans["items"][0]["kind"].as_str(), plans["items"][0]["status"].as_str()),
        (Some("plan"), Some("final"))
    );
    let results = app.get_ok("/programmes?kind=result").await;
    assert_eq!((ids(&results), &results["count"]), (vec!["hai-duong-2024", "2016-2020"], &json!(2)));
    assert_eq!(results["items"][0]["status"], "estimate");
    assert_eq!(app.get_ok("/programmes").await["count"], 3, "all of them without the filter");
    let (status, body) = app.get("/programmes?kind=target").await;
    assert_eq!((status, body["errors"][0]["allowed"].clone()), (400, json!(["result", "plan"])));

    let plan = app.get_ok("/programmes/hai-duong-2024-plan").await;
    assert_eq!(plan["approved_by"]["number"], "99/QĐ-UBND");
    // The export keeps what is not a default, and leaves the defaults out.
    let plan_export: Value = serde_json::from_str(&app.export("hai-duong-2024-plan").await).unwrap();
    assert_eq!((plan_export["kind"].as_str(), plan_export.get("status")), (Some("plan"), None));
    let result_export: Value = serde_json::from_str(&app.export("hai-duong-2024").await).unwrap();
    assert_eq!((result_export.get("kind"), result_export["status"].as_str()), (None, Some("estimate")));
    // People see it too: the home page and the programme's page say which is the plan.
    let home = app.get_with("/en", &[]).await.text();
    assert!(home.contains("<small data-figure=\"what\">(Plan)</small>"), "the home page marks the plan: {home}");
    assert!(home.contains("<small data-figure=\"what\">(Estimate)</small>"), "and the estimate");
    let page = app.get_with("/vi/programmes/hai-duong-2024-plan", &[]).await.text();
    assert!(page.contains("<strong data-figure=\"what\">Kế hoạch</strong>"), "the programme page says kế hoạch");
    // Its figures say what they are.
    let totals = app.get_ok("/programmes/hai-duong-2024-plan/totals").await;
    assert_eq!((totals["kind"].as_str(), totals["status"].as_str()), (Some("plan"), Some("final")));
    let breakdown = app.get_ok("/programmes/hai-duong-2024/breakdown?by=activity").await;
    assert_eq!((breakdown["kind"].as_str(), breakdown["status"].as_str()), (Some("result"), Some("estimate")));
    // Each stands on its own: the plan's figures are not the result's.
    assert_eq!(app.get_ok("/programmes/hai-duong-2024/totals").await["cost"]["itemised"], "950.00");
}

#[tokio::test]
async fn a_year_of_a_five_year_programme_is_a_part_of_it_and_never_added_to_it() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    put(&app, &token, test_programme("2021-2025")).await;
    let before = app.get_ok("/programmes/2021-2025/totals").await;
    let part = json!({"part_of": {"programme": "2021-2025", "part": "year", "label": "2023"}});
    put(&app, &token, provincial("hai-phong-2023", "Hải Phòng", 2023, part)).await;

    let list = app.get_ok("/programmes").await;
    let year = list["items"].as_array().unwrap().iter().find(|p| p["id"] == "hai-phong-2023").unwrap();
    assert_eq!(year["part_of"], json!({"programme": "2021-2025", "part": "year", "label": "2023"}));
    let whole = list["items"].as_array().unwrap().iter().find(|p| p["id"] == "2021-2025").unwrap();
    assert_eq!(whole["part_of"], Value::Null);
    assert_eq!(app.get_ok("/programmes/2021-2025/totals").await, before, "the whole's figures are its own");

    let itself = provincial(
        "loop",
        "Hải Phòng",
        2023,
        json!({"part_of": {"programme": "loop", "part": "round", "label": "đợt 1"}}),
    );
    let (status, _, body) = app.put_programme(&token, "loop", itself).await;
    assert_eq!((status, body["errors"][0]["pointer"].as_str()), (422, Some("/part_of/programme")), "{body}");
}

#[tokio::test]
async fn a_jurisdiction_resolves_to_its_unit_then_and_its_successor_now() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;

    // The seed, stored before jurisdictions existed, resolves as it is.
    let seed = app.get_ok("/programmes/2016-2020").await;
    let unit = &seed["jurisdiction_unit"];
    assert_eq!(
        (unit["id"].as_str(), unit["code"].as_str(), unit["level"].as_str()),
        (Some("hai-phong"), Some("31"), Some("municipality"))
    );
    assert_eq!((unit["today"]["id"].as_str(), unit["note"].clone()), (Some("hai-phong-2025"), Value::Null));

    // A pre-2025 province: its name then, its successor now.
    put(&app, &token, provincial("hai-duong-2024", "tỉnh Hải Dương", 2024, json!({}))).await;
    let unit = app.get_ok("/programmes/hai-duong-2024").await["jurisdiction_unit"].clone();
    assert_eq!(
        (unit["id"].as_str(), unit["code"].as_str(), unit["valid_to"].as_str()),
        (Some("hai-duong"), Some("30"), Some("2025-06-30"))
    );
    assert_eq!(
        unit["today"],
        json!({"id": "hai-phong-2025", "code": "31", "names": {"vi": "Hải Phòng", "en": "Hai Phong"}})
    );

    // A period across 1 July 2025: the unit in force when it began, with a note.
    let (status, _, written) = app.put_programme(&token, "2021-2025", test_programme("2021-2025")).await;
    assert_eq!(status, 201);
    assert!(written["warnings"].as_array().unwrap().iter().all(|w| !w.as_str().unwrap().contains("jurisdiction")));
    let unit = app.get_ok("/programmes/2021-2025").await["jurisdiction_unit"].clone();
    assert_eq!(unit["id"], "hai-phong");
    let note = unit["note"].as_str().unwrap();
    assert!(note.contains("2025-07-01") && note.contains("Hai Phong") && note.contains("2021–2025"), "{note}");
    let vi = app.get_with("/programmes/2021-2025", &[("Accept-Language", "vi")]).await.json();
    assert!(vi["jurisdiction_unit"]["note"].as_str().unwrap().contains("Hải Phòng"), "{}", vi["jurisdiction_unit"]);

    // The older placement of a tone mark names the same unit.
    put(&app, &token, provincial("thanh-hoa-2024", "tỉnh Thanh Hoá", 2024, json!({}))).await;
    assert_eq!(app.get_ok("/programmes/thanh-hoa-2024").await["jurisdiction_unit"]["id"], "thanh-hoa");

    // A name no unit has: kept as written, with a warning, never refused.
    let (status, _, body) =
        app.put_programme(&token, "bong-lai-2024", provincial("bong-lai-2024", "Bồng Lai", 2024, json!({}))).await;
    assert_eq!(status, 201, "{body}");
    let warnings: Vec<&str> = body["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert!(warnings.iter().any(|w| w.contains("\"Bồng Lai\"") && w.contains("no unit")), "{warnings:?}");
    let stored = app.get_ok("/programmes/bong-lai-2024").await;
    assert_eq!((stored["jurisdiction"].as_str(), stored["jurisdiction_unit"].clone()), (Some("Bồng Lai"), Value::Null));
}

#[tokio::test]
async fn the_jurisdictions_are_the_63_then_and_the_34_now() {
    let app = spawn_app().await;
    let units = app.get_ok("/jurisdictions").await["items"].as_array().unwrap().clone();
    let in_force: Vec<&Value> = units.iter().filter(|u| u["valid_to"].is_null() && u["level"] != "national").collect();
    assert_eq!(in_force.len(), 34);
    let on_30_june_2025 = units
        .iter()
        .filter(|u| u["level"] != "national")
        .filter(|u| u["valid_from"].as_str().is_none_or(|d| d <= "2025-06-30"))
        .filter(|u| u["valid_to"].as_str().is_none_or(|d| d >= "2025-06-30"))
        .count();
    assert_eq!(on_30_june_2025, 63);
    let unit = |id: &str| units.iter().find(|u| u["id"] == id).unwrap_or_else(|| panic!("{id}"));
    for merged in ["hai-duong", "binh-thuan", "dak-nong"] {
        assert!(unit(merged)["successor"].as_str().is_some(), "{merged}");
        assert!(unit(merged)["act"].as_str().unwrap().contains("202/2025/QH15"), "{merged}");
    }
    assert_eq!(unit("dak-nong")["successor"], "lam-dong-2025");
    assert_eq!(unit("binh-thuan")["successor"], "lam-dong-2025");
    assert_eq!((unit("hai-phong-2025")["code"].as_str(), unit("hai-phong")["code"].as_str()), (Some("31"), Some("31")));
    assert_eq!(unit("quang-ninh")["successor"], Value::Null, "one of the 11 that did not change");
    assert_eq!((unit("viet-nam")["level"].as_str(), unit("viet-nam")["code"].clone()), (Some("national"), Value::Null));
    // What needs no database (`khuyencong draft`) reads the same units from their migration.
    let built_in = khuyencong::domain::jurisdiction::Jurisdictions::built_in();
    let by_id = |mut list: Vec<Value>| {
        list.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
        list
    };
    let read = by_id(serde_json::from_value(serde_json::to_value(&built_in.units).unwrap()).unwrap());
    let served = by_id(units);
    let differ: Vec<&Value> = read.iter().zip(&served).filter(|(a, b)| a != b).map(|(a, _)| &a["id"]).collect();
    assert_eq!((read.len(), differ), (served.len(), Vec::<&Value>::new()));
}

#[tokio::test]
async fn tasks_and_registered_schemes_are_never_scheme_counts() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let reported = json!({"reported": {
        "schemes": {"value": 5, "quote": "05 đề án"},
        "tasks": {"value": 1, "quote": "05 đề án và 01 nhiệm vụ"},
        "schemes_registered": {"value": 8, "quote": "05/08 đề án đăng ký được phê duyệt"},
        "cost": {"amount": "950.00"}
    }});
    put(&app, &token, provincial("tasks-2024", "Quảng Ninh", 2024, reported)).await;
    let totals = app.get_ok("/programmes/tasks-2024/totals").await;
    assert_eq!(
        (&totals["schemes"]["reported"], &totals["schemes"]["itemised"], &totals["schemes"]["gap"]),
        (&json!(5), &json!(5), &json!(0))
    );
    let figures = app.get_ok("/programmes/tasks-2024/reported").await;
    assert_eq!(
        (figures["tasks"]["value"].clone(), figures["schemes_registered"]["value"].clone()),
        (json!(1), json!(8))
    );
    assert_eq!(app.get_ok("/programmes/tasks-2024").await["schemes_reported"], 5);
    let export: Value = serde_json::from_str(&app.export("tasks-2024").await).unwrap();
    assert_eq!(export["reported"]["tasks"]["quote"], "05 đề án và 01 nhiệm vụ");
}
