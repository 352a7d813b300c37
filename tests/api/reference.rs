//! `GET /activities` and `GET /funding-sources`.

use serde_json::{Value, json};

use crate::helpers::P;
use crate::helpers::spawn_app;

#[tokio::test]
async fn the_taxonomies_carry_vietnamese_and_english_names() {
    let app = spawn_app().await;
    let activities = app.get_ok("/activities").await;
    let items = activities["items"].as_array().unwrap();
    assert_eq!(items.len(), 10);
    assert_eq!(
        items[0],
        json!({"key": "vocational_training", "decree": "45/2012/NĐ-CP, Điều 4", "clause": 1, "point": null,
               "names": {"vi": "Đào tạo nghề, truyền nghề", "en": "Vocational training and craft-skill transfer"}})
    );
    assert_eq!(
        items[5],
        json!({"key": "information_provision", "decree": "45/2012/NĐ-CP, Điều 4", "clause": 5, "point": "b",
               "names": {"vi": "Cung cấp thông tin về chính sách, thị trường", "en": "Information on policies and markets"}})
    );
    assert_eq!((&items[9]["key"], &items[9]["clause"]), (&json!("unspecified"), &json!(null)));

    let sources = app.get_ok("/funding-sources").await;
    let tree: Vec<_> = sources["items"].as_array().unwrap().iter().map(|s| json!([s["key"], s["parent"]])).collect();
    assert_eq!(
        tree,
        [
            json!(["state_budget", null]),
            json!(["central_budget", "state_budget"]),
            json!(["local_budget", "state_budget"]),
            json!(["contributions", null])
        ]
    );
    assert_eq!(sources["items"][0]["names"]["vi"], "Ngân sách nhà nước");
}

#[tokio::test]
async fn activities_carry_decree_clause_and_point_and_labels_say_they_are_ours() {
    let app = spawn_app().await;
    let items = app.get_ok("/activities").await["items"].clone();
    let provisions: Vec<Value> =
        items.as_array().unwrap().iter().map(|a| json!([a["key"], a["clause"], a["point"]])).collect();
    assert_eq!(
        provisions,
        [
            json!(["vocational_training", 1, null]),
            json!(["management_capacity", 2, null]),
            json!(["demonstration_technology_transfer", 3, null]),
            json!(["rural_product_promotion", 4, null]),
            json!(["consulting_assistance", 5, "a"]),
            json!(["information_provision", 5, "b"]),
            json!(["linkage_clusters_relocation", 6, null]),
            json!(["international_cooperation", 7, null]),
            json!(["programme_management_capacity", 8, null]),
            json!(["unspecified", null, null]),
        ]
    );
    let spec = app.get_ok("/openapi.json").await;
    let activity = &spec["components"]["schemas"]["Activity"]["properties"];
    assert!(activity["names"]["description"].as_str().unwrap().contains("not the decree's words"), "{activity}");
    assert!(activity["point"]["description"].as_str().unwrap().contains("clause 5 has `a`"), "{activity}");
}

#[tokio::test]
async fn labels_claim_only_what_the_source_says() {
    let app = spawn_app().await;
    let sources = app.get_ok("/funding-sources").await["items"].clone();
    let names: Vec<Value> = sources.as_array().unwrap().iter().map(|s| json!([s["key"], s["names"]["vi"]])).collect();
    assert_eq!(
        names,
        [
            json!(["state_budget", "Ngân sách nhà nước"]),
            json!(["central_budget", "Ngân sách Trung ương"]),
            json!(["local_budget", "Ngân sách địa phương"]),
            json!(["contributions", "Đóng góp của các tổ chức, cá nhân tham gia và thụ hưởng"]),
        ]
    );
    // the source's own wording is in the quotes: "ngân sách thành phố"
    let t = app.get_ok(&format!("{P}/totals")).await;
    assert_eq!(t["funding"][2]["quote"], "ngân sách thành phố 4.680,01 triệu đồng");
    // the article writes "UBND thành phố"
    assert_eq!(app.get_ok(P).await["legal_basis"]["issuer"], "UBND thành phố");
    let spec = serde_json::to_string(&app.get_ok("/openapi.json").await).unwrap();
    for claim in ["city funds", "Ministry funds", "as the source writes it", "kinh phí khuyến công quốc gia"] {
        assert!(!spec.contains(claim), "the spec still claims {claim:?}");
    }
}
