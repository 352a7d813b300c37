//! `GET /activities` and `GET /funding-sources`.

use serde_json::json;

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
