//! `GET /audit`: every write, who, when, before and after.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Write, spawn_app, test_programme};

#[tokio::test]
async fn every_write_appears_with_its_before_and_after_newest_first() {
    let app = spawn_app().await;
    let writer = app.token("so-cong-thuong", "write").await;
    let admin = app.token("trung-tam", "admin").await;
    let (status, _, _) = app
        .send(Write {
            method: Method::PUT,
            path: "/programmes/audit-test",
            token: Some(&writer),
            if_match: None,
            body: Some(test_programme("audit-test")),
        })
        .await;
    assert_eq!(status, 201);
    let etag = app.etag("audit-test").await;
    app.send(Write {
        method: Method::DELETE,
        path: "/programmes/audit-test/schemes/demo",
        token: Some(&writer),
        if_match: Some(&etag),
        body: None,
    })
    .await;
    let etag = app.etag("audit-test").await;
    app.send(Write {
        method: Method::DELETE,
        path: "/programmes/audit-test",
        token: Some(&writer),
        if_match: Some(&etag),
        body: None,
    })
    .await;
    // A failed write is not recorded.
    let (status, _, _) = app
        .send(Write {
            method: Method::PUT,
            path: "/programmes/audit-test",
            token: Some(&writer),
            if_match: None,
            body: Some(json!({"id": "audit-test"})),
        })
        .await;
    assert_eq!(status, 422);

    let audit = |query: &'static str| {
        let (app, admin) = (&app, admin.clone());
        async move {
            let response =
                app.client.get(format!("{}/audit{query}", app.address)).bearer_auth(&admin).send().await.unwrap();
            assert_eq!(response.status().as_u16(), 200);
            response.json::<Value>().await.unwrap()
        }
    };
    let page = audit("?programme=audit-test").await;
    let entries = page["items"].as_array().unwrap();
    let summary: Vec<Value> = entries.iter().map(|e| json!([e["operation"], e["actor"], e["scheme_id"]])).collect();
    assert_eq!(
        summary,
        [
            json!(["delete", "so-cong-thuong", null]),
            json!(["delete_scheme", "so-cong-thuong", "demo"]),
            json!(["replace", "so-cong-thuong", null])
        ]
    );
    let created = &entries[2];
    assert_eq!((&created["before"]["document"], &created["after"]["records"]), (&Value::Null, &json!(2)));
    assert_eq!(created["after"]["document"]["schemes"][1]["id"], "demo");
    let removed = &entries[1];
    assert_eq!((&removed["before"]["records"], &removed["after"]["records"]), (&json!(2), &json!(1)));
    assert_eq!(entries[0]["after"]["document"], Value::Null, "after a delete there is no document");
    assert!(entries[0]["at"].as_str().unwrap().ends_with('Z'));
    assert!(entries.windows(2).all(|w| w[0]["id"].as_i64() > w[1]["id"].as_i64()), "newest first");

    // The seed load is recorded too; filters by actor; pagination.
    let seeded = audit("?actor=seed").await;
    assert_eq!(seeded["items"].as_array().unwrap().len(), 1);
    assert_eq!(seeded["items"][0]["programme_id"], "2016-2020");
    let first = audit("?limit=2").await;
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    let next = first["next"].as_str().unwrap().to_string();
    let rest: Value = app.client.get(next).bearer_auth(&admin).send().await.unwrap().json().await.unwrap();
    assert_eq!(rest["items"].as_array().unwrap().len(), 2, "3 writes and the seed load: 4 entries");
    assert_eq!(rest["next"], Value::Null);
}
