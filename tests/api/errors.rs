//! Bad requests get RFC 9457 problem+json with a 4xx, never a 5xx.

use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn bad_parameters_are_400_problems_naming_the_parameter() {
    let app = spawn_app().await;
    let cases = [
        ("/programmes/2016-2020/schemes?activity=tourism", "activity", Some(10)),
        ("/programmes/2016-2020/schemes?scope=regional", "scope", Some(3)),
        ("/programmes/2016-2020/schemes?source=ngan_sach", "source", Some(4)),
        ("/programmes/2016-2020/schemes?limit=0", "limit", None),
        ("/programmes/2016-2020/schemes?limit=501", "limit", None),
        ("/programmes/2016-2020/schemes?limit=-3", "limit", None),
        ("/programmes/2016-2020/schemes?limit=abc", "limit", None),
        ("/programmes/2016-2020/schemes?limit=99999999999999999999999", "limit", None),
        ("/programmes?limit=1000", "limit", None),
        ("/programmes?cursor=not-a-cursor", "cursor", None),
        ("/programmes/2016-2020/schemes?cursor=%%%", "cursor", None),
        ("/programmes/2016-2020/schemes?cursor=djE6eHl6", "cursor", None),
        ("/programmes/2016-2020/schemes?colour=red", "colour", None),
        ("/programmes/2016-2020/schemes?limit=1&limit=2", "limit", None),
    ];
    for (path, parameter, allowed) in cases {
        let response = app.client.get(format!("{}{path}", app.address)).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 400, "{path}");
        assert_eq!(response.headers()["content-type"], "application/problem+json", "{path}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(
            (&body["type"], &body["status"]),
            (&json!("urn:khuyencong:problem:invalid-parameter"), &json!(400)),
            "{path}"
        );
        assert_eq!(body["errors"][0]["parameter"], parameter, "{path}: {body}");
        if let Some(n) = allowed {
            assert_eq!(body["errors"][0]["allowed"].as_array().unwrap().len(), n, "{path}: {body}");
        }
    }
}

#[tokio::test]
async fn unknown_routes_and_malformed_paths_are_404_problems() {
    let app = spawn_app().await;
    for path in [
        "/nope",
        "/programmes/2016-2020/totals/extra",
        "/programmes/%FF%FE/totals",
        "/programmes/..%2F..%2Fetc%2Fpasswd/totals",
        "/programmes/'%20OR%201=1--/totals",
        &format!("/programmes/{}/totals", "x".repeat(5000)),
    ] {
        let response = app.client.get(format!("{}{path}", app.address)).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 404, "{path}");
        assert_eq!(response.headers()["content-type"], "application/problem+json", "{path}");
    }
    // The data is untouched by all of that.
    assert_eq!(app.get_ok("/programmes/2016-2020/totals").await["cost"]["itemised"], "41096.53");
}
