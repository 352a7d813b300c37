//! Operating it: health, request ids, metrics, the write rate limit, CORS, trusted proxies.

use serde_json::Value;

use crate::helpers::{fresh_database, spawn_app, spawn_app_with};

#[tokio::test]
async fn health_says_live_and_ready() {
    let app = spawn_app().await;
    assert_eq!(app.get("/health/live").await, (200, serde_json::json!({"status": "ok"})));
    assert_eq!(app.get("/health/ready").await, (200, serde_json::json!({"status": "ok"})));
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_problems_quote_it() {
    let app = spawn_app().await;
    let given = app
        .client
        .get(format!("{}/programmes/nope", app.address))
        .header("X-Request-Id", "agency-42")
        .send()
        .await
        .unwrap();
    assert_eq!(given.headers()["x-request-id"], "agency-42");
    let body: Value = given.json().await.unwrap();
    assert_eq!(body["request_id"], "agency-42");
    // A header that is not a sane token is replaced, not echoed.
    let odd = app
        .client
        .get(format!("{}/health/live", app.address))
        .header("X-Request-Id", "a b<script>")
        .send()
        .await
        .unwrap();
    let id = odd.headers()["x-request-id"].to_str().unwrap();
    assert_eq!(id.len(), 36, "a fresh UUID: {id}");
}

#[tokio::test]
async fn metrics_count_requests_by_route_template_and_show_the_pool() {
    let app = spawn_app().await;
    app.get_ok("/programmes/2016-2020/totals").await;
    app.get("/programmes/nope/totals").await;
    let text = app.client.get(format!("{}/metrics", app.address)).send().await.unwrap().text().await.unwrap();
    let line = |needle: &str| text.lines().find(|l| l.starts_with(needle)).map(str::to_string);
    assert!(
        line("khuyencong_http_requests_total{endpoint=\"/programmes/{id}/totals\",method=\"GET\",status=\"200\"}")
            .is_some(),
        "{text}"
    );
    assert!(
        line("khuyencong_http_requests_total{endpoint=\"/programmes/{id}/totals\",method=\"GET\",status=\"404\"}")
            .is_some()
    );
    assert!(line("khuyencong_http_requests_duration_seconds_bucket{endpoint=\"/programmes/{id}/totals\"").is_some());
    assert!(line("khuyencong_db_pool_idle").is_some() && line("khuyencong_db_pool_in_use").is_some());
    assert!(line("khuyencong_build_info{").is_some_and(|l| l.contains(env!("CARGO_PKG_VERSION"))));
}

#[tokio::test]
async fn writes_are_limited_per_token_and_failed_tokens_per_address_and_no_token_is_always_401() {
    let app = spawn_app_with(fresh_database().await, |s| {
        s.write_rate_per_minute = 1;
        s.write_rate_burst = 2;
        s.auth_failures_per_minute = 3;
    })
    .await;
    let delete = |token: Option<String>| {
        let request = app.client.delete(format!("{}/programmes/x", app.address));
        let request = match token {
            Some(token) => request.bearer_auth(token),
            None => request,
        };
        async move { request.send().await.unwrap() }
    };
    // No token: 401 however often, and no budget spent (no office behind one NAT is locked out).
    for _ in 0..10 {
        assert_eq!(delete(None).await.status().as_u16(), 401);
    }
    // A wrong token: 401 until the address has spent its failed-authentication budget, then 429.
    let wrong = format!("kc_{}_{}", "0".repeat(16), "0".repeat(64));
    let mut codes = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let response = delete(Some(wrong.clone())).await;
        codes.push(response.status().as_u16());
        last = Some(response);
    }
    assert_eq!(codes, [401, 401, 401, 429, 429]);
    let limited = last.unwrap();
    assert!(limited.headers()["retry-after"].to_str().unwrap().parse::<u64>().unwrap() >= 1);
    assert_eq!(limited.headers()["content-type"], "application/problem+json; charset=utf-8");
    // A valid token from the same address has a budget of its own (428: DELETE needs If-Match).
    let token = app.token("so-cong-thuong", "write").await;
    let codes = [delete(Some(token.clone())).await, delete(Some(token.clone())).await, delete(Some(token)).await]
        .map(|r| r.status().as_u16());
    assert_eq!(codes, [428, 428, 429]);
    let other = app.token("trung-tam", "write").await;
    assert_eq!(delete(Some(other)).await.status().as_u16(), 428, "another token is not held back");
    assert_eq!(delete(None).await.status().as_u16(), 401, "still 401 without a token");
    for _ in 0..20 {
        assert_eq!(app.get("/programmes/2016-2020/totals").await.0, 200);
    }
}

#[tokio::test]
async fn cors_opens_reads_to_any_origin_and_writes_to_configured_ones() {
    let app =
        spawn_app_with(fresh_database().await, |s| s.cors_write_origins = "https://sct.haiphong.gov.vn".into()).await;
    let preflight = |origin: &'static str, method: &'static str| {
        let app = &app;
        async move {
            let response = app
                .client
                .request(reqwest::Method::OPTIONS, format!("{}/programmes/2016-2020", app.address))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .send()
                .await
                .unwrap();
            response.headers().get("access-control-allow-origin").map(|v| v.to_str().unwrap().to_string())
        }
    };
    assert_eq!(preflight("https://journalist.example", "GET").await.as_deref(), Some("https://journalist.example"));
    assert_eq!(preflight("https://journalist.example", "PUT").await, None);
    assert_eq!(preflight("https://sct.haiphong.gov.vn", "PUT").await.as_deref(), Some("https://sct.haiphong.gov.vn"));
    let read = app
        .client
        .get(format!("{}/programmes/2016-2020/totals", app.address))
        .header("Origin", "https://any.example")
        .send()
        .await
        .unwrap();
    assert_eq!(read.headers()["access-control-allow-origin"], "https://any.example");
}

#[tokio::test]
async fn forwarded_headers_count_only_from_trusted_proxies() {
    let direct = spawn_app().await;
    let page: Value = direct
        .client
        .get(format!("{}/programmes/2016-2020/schemes?limit=2", direct.address))
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "evil.example")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(page["next"].as_str().unwrap().starts_with("http://127.0.0.1:"), "ignored from an untrusted peer: {page}");

    let proxied = spawn_app_with(fresh_database().await, |s| s.trusted_proxies = "127.0.0.1".into()).await;
    let page: Value = proxied
        .client
        .get(format!("{}/programmes/2016-2020/schemes?limit=2", proxied.address))
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "khuyencong.example")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        page["next"].as_str().unwrap().starts_with("https://khuyencong.example/programmes/2016-2020/schemes?"),
        "{page}"
    );
}

#[tokio::test]
async fn a_read_only_sqlite_file_serves_reads_and_answers_writes_with_503() {
    let path = std::env::temp_dir().join(format!("khuyencong-ro-{}.db", uuid::Uuid::new_v4().simple()));
    let url = format!("sqlite://{}", path.display());
    let writable = crate::helpers::spawn_app_on(url.clone()).await;
    let token = writable.token("so-cong-thuong", "write").await;
    let read_only = crate::helpers::spawn_app_on(format!("{url}?mode=ro")).await;
    assert_eq!(read_only.get_ok("/programmes/2016-2020/totals").await["cost"]["reported"], "41306.53");
    let response = read_only
        .client
        .put(format!("{}/programmes/2016-2020/reported", read_only.address))
        .bearer_auth(&token)
        .header("If-Match", writable.etag("2016-2020").await)
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 503);
    assert_eq!(response.headers()["content-type"], "application/problem+json; charset=utf-8");
    assert_eq!(read_only.get("/health/live").await.0, 200);
}

#[tokio::test]
async fn head_answers_like_get_without_a_body() {
    let app = spawn_app().await;
    let get = app.client.get(format!("{}/programmes/2016-2020", app.address)).send().await.unwrap();
    let etag = get.headers()["etag"].to_str().unwrap().to_string();
    let head = app.client.head(format!("{}/programmes/2016-2020", app.address)).send().await.unwrap();
    assert_eq!(head.status().as_u16(), 200);
    assert_eq!(head.headers()["etag"].to_str().unwrap(), etag);
    assert!(head.bytes().await.unwrap().is_empty());
    assert_eq!(
        app.client.head(format!("{}/programmes/nope", app.address)).send().await.unwrap().status().as_u16(),
        404
    );
}

#[tokio::test]
async fn methods_the_api_does_not_use_get_405_and_never_become_a_metric_label() {
    let app = spawn_app().await;
    for i in 0..1_000 {
        let method = reqwest::Method::from_bytes(format!("X{i}{}", "M".repeat(i % 50)).as_bytes()).unwrap();
        let response =
            app.client.request(method, format!("{}/programmes/2016-2020/totals", app.address)).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 405);
        if i == 0 {
            assert_eq!(response.headers()["allow"], "GET");
            assert_eq!(response.headers()["content-type"], "application/problem+json; charset=utf-8");
            let problem: Value = response.json().await.unwrap();
            assert_eq!(problem["type"], "urn:khuyencong:problem:method-not-allowed");
        }
    }
    let trace = app.client.request(reqwest::Method::TRACE, format!("{}/nowhere", app.address)).send().await.unwrap();
    assert_eq!(trace.status().as_u16(), 404);
    let text = app.client.get(format!("{}/metrics", app.address)).send().await.unwrap().text().await.unwrap();
    let methods: std::collections::BTreeSet<&str> = text
        .lines()
        .filter(|l| l.starts_with("khuyencong_http_requests_total{"))
        .filter_map(|l| l.split("method=\"").nth(1)?.split('"').next())
        .collect();
    assert!(
        methods.iter().all(|m| ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"].contains(m)),
        "{methods:?}"
    );
}

#[tokio::test]
async fn a_nul_in_a_path_or_query_is_refused_with_400() {
    let app = spawn_app().await;
    for path in ["/programmes/2016%00-2020/totals", "/programmes/2016-2020/schemes?activity=%00", "/audit?actor=a%00b"]
    {
        let (status, problem) = app.get(path).await;
        assert_eq!(status, 400, "{path}: {problem}");
        assert_eq!(problem["type"], "urn:khuyencong:problem:invalid-parameter", "{path}");
    }
}

#[tokio::test]
async fn metrics_can_have_an_address_of_their_own() {
    let app = spawn_app_with(fresh_database().await, |s| s.metrics_bind_addr = Some("127.0.0.1:0".into())).await;
    app.get_ok("/programmes/2016-2020/totals").await;
    assert_eq!(app.get("/metrics").await.0, 404, "not on the API's address");
    let port = app.metrics_port.expect("a metrics port");
    let text = app.client.get(format!("http://127.0.0.1:{port}/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(text.contains("khuyencong_http_requests_total{endpoint=\"/programmes/{id}/totals\""), "{text}");
}
