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
        assert_eq!(response.headers()["content-type"], "application/problem+json; charset=utf-8", "{path}");
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
        assert_eq!(response.headers()["content-type"], "application/problem+json; charset=utf-8", "{path}");
    }
    // The data is untouched by all of that.
    assert_eq!(app.get_ok("/programmes/2016-2020/totals").await["cost"]["itemised"], "41096.53");
}

#[tokio::test]
async fn every_refusal_carries_a_request_id_and_cors_headers() {
    let app = spawn_app().await;
    // Reads are open to any origin, so their refusals are readable from any; other methods only
    // from the write origins (none here), as CORS says for their answers.
    let cases = [
        (reqwest::Method::GET, "/programmes/2016-2020/totals?foo=1", 400, true),
        (reqwest::Method::GET, "/programmes/2016-2020/totals?x=%00", 400, true),
        (reqwest::Method::GET, "/nowhere", 404, true),
        (reqwest::Method::DELETE, "/programmes/2016-2020/totals", 405, false),
        (reqwest::Method::from_bytes(b"BREW").unwrap(), "/programmes/2016-2020/totals", 405, false),
    ];
    for (method, path, status, readable) in cases {
        let response = app
            .client
            .request(method.clone(), format!("{}{path}", app.address))
            .header("Origin", "https://bao.example")
            .header("X-Request-Id", "trace-42")
            .send()
            .await
            .unwrap();
        let header = |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_string());
        assert_eq!(response.status().as_u16(), status, "{method} {path}");
        assert_eq!(header("x-request-id").as_deref(), Some("trace-42"), "{method} {path}");
        let allowed = readable.then_some("https://bao.example");
        assert_eq!(header("access-control-allow-origin").as_deref(), allowed, "{method} {path}");
        let exposed = header("access-control-expose-headers").is_some_and(|h| h.contains("x-request-id"));
        assert!(exposed || !readable, "{method} {path}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["request_id"], "trace-42", "{method} {path}: {body}");
    }
}
