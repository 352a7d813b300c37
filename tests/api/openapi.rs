//! The OpenAPI document: committed, served, complete, and true to the server.

use serde_json::{Value, json};

use crate::helpers::spawn_app;

const REGENERATE: &str = "cargo run -- openapi > openapi/openapi.json";

fn committed() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))
        .expect("openapi/openapi.json is committed")
}

#[test]
fn the_committed_spec_is_what_the_code_generates() {
    let generated = format!("{}\n", khuyencong::startup::openapi_document().to_pretty_json().unwrap());
    assert!(
        committed() == generated,
        "openapi/openapi.json differs from what the code generates; regenerate it with `{REGENERATE}` and review the diff"
    );
}

#[test]
fn the_committed_document_schema_is_what_the_code_generates() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/programme.schema.json")).unwrap();
    let generated = format!(
        "{}\n",
        serde_json::to_string_pretty(&khuyencong::http::openapi::programme_document_schema(
            &khuyencong::startup::openapi_document()
        ))
        .unwrap()
    );
    assert!(
        committed == generated,
        "seeds/programme.schema.json differs from the code; regenerate it with `cargo run -- schema > seeds/programme.schema.json`"
    );
}

#[tokio::test]
async fn the_served_spec_is_the_committed_one_and_openapi_3_1() {
    let app = spawn_app().await;
    let served = app.get_ok("/openapi.json").await;
    let file: Value = serde_json::from_str(&committed()).unwrap();
    assert_eq!(served, file, "the served spec differs from openapi/openapi.json ({REGENERATE})");
    assert_eq!(served["openapi"], "3.1.0");
    assert_eq!(served["info"]["version"], env!("CARGO_PKG_VERSION"));
    assert!(served["info"]["description"].as_str().unwrap().contains("congnghieptieudung.vn"));
}

#[tokio::test]
async fn every_operation_has_a_summary_a_description_and_its_errors() {
    let app = spawn_app().await;
    let spec = app.get_ok("/openapi.json").await;
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let at = format!("{method} {path}");
            assert!(op["summary"].as_str().is_some_and(|s| !s.is_empty()), "{at}: summary");
            assert!(op["description"].as_str().is_some_and(|s| !s.is_empty()), "{at}: description");
            let responses = op["responses"].as_object().unwrap();
            assert!(responses.keys().any(|k| k.starts_with('2')), "{at}: a success status");
            if path.contains("{id}") && method != "put" || path.contains("{scheme_id}") {
                assert!(responses.contains_key("404"), "{at}: 404");
            }
            if path.starts_with("/programmes") || path == "/audit" {
                assert!(responses.contains_key("503"), "{at}: 503");
            }
            if op["security"].as_array().is_some_and(|s| !s.is_empty()) {
                assert!(responses.contains_key("401") && responses.contains_key("403"), "{at}: 401 and 403");
            }
        }
    }
    let money = &spec["components"]["schemas"]["Money"];
    assert_eq!(
        (&money["type"], &money["format"], &money["pattern"], &money["examples"][0]),
        (&json!("string"), &json!("decimal"), &json!("^-?[0-9]{1,16}\\.[0-9]{2}$"), &json!("41306.53")),
        "money is one schema, a decimal string with a pattern and a real example: {money}"
    );
    let reported = &spec["components"]["schemas"]["CostTotals"]["properties"]["reported"];
    assert_eq!(reported["oneOf"][1]["$ref"], "#/components/schemas/Money", "{reported}");
}

/// Substitutes each path parameter's example, and adds each required query parameter's.
pub(crate) fn example_request(path: &str, op: &Value) -> String {
    let mut url = path.to_string();
    let mut query = Vec::new();
    for param in op["parameters"].as_array().into_iter().flatten() {
        let name = param["name"].as_str().unwrap();
        let example =
            param["example"].as_str().map(str::to_string).or_else(|| param["example"].as_i64().map(|n| n.to_string()));
        match param["in"].as_str().unwrap() {
            "path" => {
                url = url.replace(
                    &format!("{{{name}}}"),
                    &example.unwrap_or_else(|| panic!("{path}: {name} has no example")),
                )
            }
            "query" if param["required"] == true => query.push(format!("{name}={}", example.unwrap())),
            _ => {}
        }
    }
    if query.is_empty() { url } else { format!("{url}?{}", query.join("&")) }
}

#[tokio::test]
async fn every_path_in_the_spec_answers_a_documented_status() {
    let app = spawn_app().await;
    let spec = app.get_ok("/openapi.json").await;
    let mut requested = 0;
    for (path, item) in spec["paths"].as_object().unwrap() {
        let Some(op) = item.get("get") else { continue };
        let documented: Vec<&String> = op["responses"].as_object().unwrap().keys().collect();
        let url = example_request(path, op);
        let (status, body) = app.get(&url).await;
        // Operations that need a token answer 401 without one, as documented.
        let expected = if op["security"].as_array().is_some_and(|s| !s.is_empty()) { 401 } else { 200 };
        assert_eq!(status, expected, "GET {url} with the spec's examples: {body}");
        assert!(documented.contains(&&status.to_string()), "GET {url}: {status} is documented");
        requested += 1;
        if path.contains("{id}") {
            let missing = url.replacen("2016-2020", "no-such-programme", 1);
            let (status, _) = app.get(&missing).await;
            assert!(
                documented.contains(&&status.to_string()),
                "GET {missing} gave {status}, documented {documented:?}"
            );
            assert_eq!(status, 404, "{missing}");
        }
    }
    assert_eq!(requested, 38, "every path with a GET was requested");
}

#[tokio::test]
async fn the_spec_enums_are_the_databases_keys() {
    let app = spawn_app().await;
    let spec = app.get_ok("/openapi.json").await;
    let params = spec["paths"]["/programmes/{id}/schemes"]["get"]["parameters"].as_array().unwrap().clone();
    // Each parameter refers to one named enum (one type in a generated client).
    let enum_of = |name: &str| -> Vec<String> {
        let p = params.iter().find(|p| p["name"] == name).unwrap();
        let reference = p["schema"]["$ref"].as_str().unwrap_or_else(|| panic!("{name}: {p}"));
        let component = reference.strip_prefix("#/components/schemas/").unwrap();
        let schema = &spec["components"]["schemas"][component];
        schema["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
    };
    let keys = |v: Value| -> Vec<String> {
        v["items"].as_array().unwrap().iter().map(|i| i["key"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(enum_of("activity"), keys(app.get_ok("/activities").await));
    assert_eq!(enum_of("source"), keys(app.get_ok("/funding-sources").await));
    let scopes: Vec<String> = app.get_ok("/programmes/2016-2020/breakdown?by=scope").await["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(enum_of("scope"), scopes);
}

#[tokio::test]
async fn a_wrong_method_is_405_naming_the_allowed_ones() {
    let app = spawn_app().await;
    for (method, path, allow) in [
        (reqwest::Method::POST, "/programmes", "GET"),
        (reqwest::Method::DELETE, "/programmes/2016-2020/totals", "GET"),
        (reqwest::Method::PATCH, "/programmes/2016-2020/schemes/vocational-training", "GET, PUT, DELETE"),
        (reqwest::Method::POST, "/programmes/2016-2020", "GET, PUT, DELETE"),
        (reqwest::Method::PUT, "/activities", "GET"),
        (reqwest::Method::POST, "/programmes/2016-2020/reported", "GET, PUT"),
    ] {
        let response = app.client.request(method.clone(), format!("{}{path}", app.address)).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 405, "{method} {path}");
        assert_eq!(response.headers()["allow"], allow, "{method} {path}");
        assert_eq!(response.headers()["content-type"], "application/problem+json; charset=utf-8");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["type"], "urn:khuyencong:problem:method-not-allowed");
    }
}

#[tokio::test]
async fn swagger_ui_and_the_landing_page_are_served_from_the_binary() {
    let app = spawn_app().await;
    let ui = app.client.get(format!("{}/swagger-ui/", app.address)).send().await.unwrap();
    assert_eq!(ui.status().as_u16(), 200);
    assert!(ui.text().await.unwrap().contains("swagger-ui"), "Swagger UI's page");
    let config = app
        .client
        .get(format!("{}/swagger-ui/swagger-initializer.js", app.address))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(config.contains("/openapi.json"), "Swagger UI loads our spec: {config}");
    let landing = app.client.get(format!("{}/", app.address)).send().await.unwrap();
    assert_eq!(landing.status().as_u16(), 200);
    let html = landing.text().await.unwrap();
    assert!(html.contains("href=\"/swagger-ui/\"") && html.contains("href=\"/openapi.json\""), "{html}");
}
