//! `GET /programmes/{id}/schemes` and `/schemes/{scheme_id}`.

use serde_json::{Value, json};

use crate::helpers::P;
use crate::helpers::{load_programme, spawn_app};

fn ids(page: &Value) -> Vec<&str> {
    page["items"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn one_record_in_full() {
    let app = spawn_app().await;
    let s = app.get_ok("/programmes/2016-2020/schemes/consulting-assistance").await;
    assert_eq!(s["activity"]["key"], "consulting_assistance");
    assert_eq!(s["activity"]["names"]["vi"], "Tư vấn, trợ giúp cơ sở công nghiệp nông thôn");
    assert_eq!(s["scope"]["key"], "unknown");
    assert_eq!(
        (&s["scheme_count"], &s["cost"], &s["currency"], &s["amount_unit"]),
        (&json!(3), &json!("367.55"), &json!("VND"), &json!("million"))
    );
    assert_eq!(
        s["funding"],
        json!([
            {"source": "local_budget", "parent": "state_budget", "amount": "160.00", "quote": null},
            {"source": "contributions", "parent": null, "amount": "207.55", "quote": null}
        ])
    );
    assert!(
        s["quote"].as_str().unwrap().starts_with("Triển khai thực hiện 03 đề án hỗ trợ tư vấn, trợ giúp cơ sở CNNT")
    );
    let training = app.get_ok("/programmes/2016-2020/schemes/vocational-training").await;
    let mut indicators = training["indicators"].clone();
    assert!(indicators[0]["note"].is_string(), "the 610 carry a note (see attendances_add_up_…)");
    indicators[0].as_object_mut().unwrap().remove("note");
    assert_eq!(
        indicators,
        json!([{"key": "workers_trained", "value": "610", "unit": "person", "names": {"vi": "Lao động được đào tạo, nâng cao tay nghề", "en": "Workers trained or upskilled"}, "additive": true}])
    );
}

#[tokio::test]
async fn filters_select_by_activity_scope_and_funding_source() {
    let app = spawn_app().await;
    let all = app.get_ok("/programmes/2016-2020/schemes").await;
    assert_eq!(
        ids(&all),
        [
            "vocational-training",
            "management-capacity",
            "information-provision",
            "demonstration-technology-transfer",
            "additional-schemes",
            "consulting-assistance",
            "programme-management-capacity"
        ]
    );
    assert_eq!(all["next"], Value::Null);
    for (query, expected) in [
        ("activity=unspecified", vec!["additional-schemes"]),
        ("activity=rural_product_promotion", vec![]),
        ("scope=unknown", ids(&all)),
        ("scope=local", vec![]),
        // Under the state budget: lines naming it, or the city (local) budget below it.
        (
            "source=state_budget",
            vec![
                "management-capacity",
                "information-provision",
                "demonstration-technology-transfer",
                "additional-schemes",
                "consulting-assistance",
            ],
        ),
        ("source=local_budget", vec!["management-capacity", "information-provision", "consulting-assistance"]),
        ("source=central_budget", vec![]),
        (
            "source=contributions",
            vec!["demonstration-technology-transfer", "additional-schemes", "consulting-assistance"],
        ),
        ("source=contributions&activity=unspecified", vec!["additional-schemes"]),
    ] {
        let page = app.get_ok(&format!("/programmes/2016-2020/schemes?{query}")).await;
        assert_eq!(ids(&page), expected, "{query}");
    }
}

#[tokio::test]
async fn pages_follow_next_links_through_every_record_once() {
    let app = spawn_app().await;
    load_programme(&app, "synthetic-many", |doc| {
        let template = doc["schemes"][3].clone();
        let records: Vec<Value> = (0..120)
            .map(|i| {
                let mut r = template.clone();
                r["id"] = json!(format!("record-{i:03}"));
                r
            })
            .collect();
        doc["schemes"] = Value::Array(records);
    })
    .await;
    let mut url = format!("{}/programmes/synthetic-many/schemes?limit=50&source=contributions", app.address);
    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    loop {
        let page: Value = app.client.get(&url).send().await.unwrap().json().await.unwrap();
        sizes.push(page["items"].as_array().unwrap().len());
        seen.extend(ids(&page).into_iter().map(str::to_string));
        match page["next"].as_str() {
            Some(next) => {
                assert!(
                    next.starts_with(&app.address)
                        && next.contains("source=contributions")
                        && next.contains("limit=50"),
                    "{next}"
                );
                url = next.to_string();
            }
            None => break,
        }
    }
    assert_eq!(sizes, [50, 50, 20]);
    let expected: Vec<String> = (0..120).map(|i| format!("record-{i:03}")).collect();
    assert_eq!(seen, expected);
    let summary = app.get_ok("/programmes/synthetic-many").await;
    assert_eq!((&summary["scheme_records"], &summary["schemes_itemised"]), (&json!(120), &json!(120 * 21)));
}

#[tokio::test]
async fn unknown_records_and_programmes_are_404() {
    let app = spawn_app().await;
    let (status, body) = app.get("/programmes/2016-2020/schemes/no-such-record").await;
    assert_eq!(
        (status, body["detail"].as_str().unwrap()),
        (404, "scheme record \"no-such-record\" not found in programme \"2016-2020\"")
    );
    let (status, body) = app.get("/programmes/nope/schemes/vocational-training").await;
    assert_eq!((status, body["detail"].as_str().unwrap()), (404, "programme \"nope\" not found"));
    let (status, _) = app.get("/programmes/nope/schemes").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn every_reported_quote_starts_where_its_claim_starts() {
    let app = spawn_app().await;
    let t = app.get_ok(&format!("{P}/totals")).await;
    let article = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/source/hai-phong-khuyen-cong-2016-2020.txt"
    ))
    .ok();
    let quotes = [
        (&t["schemes"]["quote"], "đã hướng dẫn đơn vị thực hiện và trực tiếp triển khai 65 đề án"),
        (&t["schemes"]["by_scope"][0]["quote"], "46 đề án khuyến công địa phương"),
        (&t["schemes"]["by_scope"][1]["quote"], "19 đề án khuyến công quốc gia"),
        (&t["cost"]["quote"], "với tổng kinh phí thực hiện là: 41.306,53"),
        (&t["funding"][0]["quote"], "trong đó kinh phí ngân sách nhà nước hỗ trợ 12.578,48"),
        (&t["funding"][1]["quote"], "ngân sách Trung ương 7.898,47"),
        (&t["funding"][2]["quote"], "ngân sách thành phố 4.680,01"),
        (&t["funding"][3]["quote"], "các tổ chức, cá nhân tham gia và thụ hưởng đã huy động"),
    ];
    for (quote, start) in quotes {
        let quote = quote.as_str().expect("a quote");
        assert!(quote.starts_with(start), "{quote:?} should start with {start:?}");
        if let Some(article) = &article {
            assert!(article.contains(quote), "not verbatim in the article: {quote}");
        }
    }
}

#[tokio::test]
async fn attendances_add_up_and_the_610_workers_say_what_they_may_not_mean() {
    let app = spawn_app().await;
    let indicators = app.get_ok(&format!("{P}/indicators")).await;
    let attendances = &indicators["indicators"][1];
    assert_eq!(
        (&attendances["key"], &attendances["additive"], &attendances["total"]),
        (&json!("participant_attendances"), &json!(true), &json!("716"))
    );
    assert_eq!(attendances["unit"], "person-time");
    let workers = &indicators["indicators"][0]["records"][0];
    assert!(
        workers["note"]
            .as_str()
            .unwrap()
            .contains("whether all three trained them or only the crochet skill upgrading"),
        "{workers}"
    );
    let training = app.get_ok(&format!("{P}/schemes/vocational-training")).await;
    let note = training["indicators"][0]["note"].as_str().expect("the 610 carry a note");
    assert!(note.contains("the figure is the group's, of workers trained or upskilled"), "{note}");
    // the indicator's name says what the note says: trained or upskilled, by the group
    assert_eq!(training["indicators"][0]["names"]["en"], "Workers trained or upskilled");
    let vi = app.get_with(&format!("{P}/schemes/vocational-training"), &[("Accept-Language", "vi")]).await.json();
    assert_eq!(vi["indicators"][0]["names"]["vi"], "Lao động được đào tạo, nâng cao tay nghề");
    assert!(
        vi["indicators"][0]["note"].as_str().unwrap().starts_with("Bài viết gắn 610 lao động với cả nhóm ba đề án")
    );
}

#[tokio::test]
async fn the_ngoai_ra_reading_is_said_once_on_the_group_it_concerns() {
    let app = spawn_app().await;
    let list = app.get_ok(&format!("{P}/schemes")).await;
    let noted: Vec<(&str, &str)> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| Some((r["id"].as_str()?, r["note"].as_str()?)))
        .collect();
    assert_eq!(noted.len(), 1, "{noted:?}");
    let (id, note) = noted[0];
    assert_eq!(id, "additional-schemes");
    assert!(note.starts_with("A reading, not the source's words:"), "{note}");
    assert!(note.contains("\"Ngoài ra\"") && note.contains("52 schemes"), "{note}");
}
