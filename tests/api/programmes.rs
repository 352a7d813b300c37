//! `GET /programmes` and `GET /programmes/{id}`.

use serde_json::{Value, json};

use crate::helpers::{load_programme, spawn_app};

#[tokio::test]
async fn the_programme_names_its_legal_basis_agency_and_source_as_the_article_gives_them() {
    let app = spawn_app().await;
    let p = app.get_ok("/programmes/2016-2020").await;
    assert_eq!(p["id"], "2016-2020");
    assert_eq!(p["names"]["vi"], "Chương trình Khuyến công thành phố Hải Phòng giai đoạn 2016-2020");
    assert_eq!(p["jurisdiction"], "Hải Phòng");
    assert_eq!(p["period"], json!({"start_year": 2016, "end_year": 2020}));
    assert_eq!(p["legal_basis"]["number"], "459/QĐ-UBND");
    assert_eq!(p["legal_basis"]["date"], "2016-03-21");
    assert_eq!(
        p["implementing_agency"]["vi"],
        "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp thành phố Hải Phòng"
    );
    // The source as the article gives it: its date, the site, the only address it names; no author.
    assert_eq!(p["source"]["date"], "2020-11-06");
    assert_eq!(p["source"]["publisher"], "congnghieptieudung.vn");
    assert_eq!(p["source"]["url"], "http://www.congnghieptieudung.vn/");
    assert_eq!(p["source"]["title"], "Hải Phòng: Kết quả thực hiện Chương trình Khuyến công giai đoạn 20216-2020");
    assert!(p["source"].get("author").is_none());
    assert_eq!((&p["scheme_records"], &p["schemes_itemised"]), (&json!(7), &json!(64)));
}

#[tokio::test]
async fn programmes_are_listed_newest_period_first_and_paginated() {
    let app = spawn_app().await;
    for (id, start, end) in [
        ("a-2021-2025", 2021, 2025),
        ("b-2011-2015", 2011, 2015),
        ("c-2021-2025", 2021, 2025),
        ("d-2019-2025", 2019, 2025),
    ] {
        load_programme(&app, id, |doc| doc["period"] = json!({"start_year": start, "end_year": end})).await;
    }
    let mut ids = Vec::new();
    let mut url = format!("{}/programmes?limit=2", app.address);
    let mut pages = 0;
    loop {
        let page: Value = app.client.get(&url).send().await.unwrap().json().await.unwrap();
        pages += 1;
        assert!(page["items"].as_array().unwrap().len() <= 2);
        ids.extend(page["items"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_string()));
        match page["next"].as_str() {
            Some(next) => url = next.to_string(),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(ids, ["a-2021-2025", "c-2021-2025", "d-2019-2025", "2016-2020", "b-2011-2015"]);
    let summary = &app.get_ok("/programmes?limit=500").await["items"][3];
    assert_eq!(
        (&summary["id"], &summary["scheme_records"], &summary["schemes_itemised"]),
        (&json!("2016-2020"), &json!(7), &json!(64))
    );
}

#[tokio::test]
async fn an_unknown_programme_is_404_naming_it() {
    let app = spawn_app().await;
    let (status, body) = app.get("/programmes/no-such-programme").await;
    assert_eq!(status, 404);
    assert_eq!(body["detail"], "programme \"no-such-programme\" not found");
}
