//! The agency's last mile (issue 26): what a generated client, a mirror and a strict HTTP
//! client meet. Each test is one finding of the issue, and fails on the commit it started from.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{P, Write, spawn_app, spawn_app_with, test_programme};

/// Finding 1: the schema of `/indicators` is `ProgrammeIndicators`, so that its property
/// `indicators` does not collide with the generated client's own variable.
#[tokio::test]
async fn no_schema_has_a_property_named_as_itself() {
    let app = spawn_app().await;
    let spec = app.get_ok("/openapi.json").await;
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    assert!(schemas.contains_key("ProgrammeIndicators") && !schemas.contains_key("Indicators"));
    for (name, schema) in schemas {
        let snake = name.chars().fold(String::new(), |mut out, c| {
            if c.is_uppercase() && !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            out
        });
        let properties = schema["properties"].as_object();
        assert!(!properties.is_some_and(|p| p.contains_key(&snake)), "{name} has a property {snake}");
    }
}

/// Finding 2: the downloads are tagged `downloads`, and the generator's configuration ships
/// beside the spec.
#[tokio::test]
async fn downloads_are_tagged_downloads_and_the_python_config_ships_with_the_spec() {
    let app = spawn_app().await;
    let spec = app.get_ok("/openapi.json").await;
    for path in ["export", "export.xlsx", "schemes.csv", "breakdown.csv"] {
        let tags = &spec["paths"][format!("/programmes/{{id}}/{path}")]["get"]["tags"];
        assert_eq!(tags, &json!(["downloads"]), "{path}");
    }
    let config = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/python-client.yaml")).unwrap();
    assert!(
        config.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet: application/octet-stream")
    );
}

/// Finding 3: a mirror fetches what the feed names, in the document's own shapes.
#[tokio::test]
async fn the_parts_of_a_document_read_as_the_document_has_them() {
    let app = spawn_app().await;
    let export: Value = serde_json::from_str(&app.export("2016-2020").await).unwrap();
    let etag = app.etag("2016-2020").await;

    let reported = app.get_with(&format!("{P}/reported"), &[]).await;
    assert_eq!((reported.status, reported.header("etag")), (200, Some(etag.as_str())));
    assert_eq!(reported.json(), export["reported"]);

    let record = app.get_with(&format!("{P}/schemes/additional-schemes/record"), &[]).await;
    assert_eq!(record.header("etag"), Some(etag.as_str()));
    assert_eq!(record.json(), export["schemes"][4], "the record as exported, its note in both languages");
    assert!(record.json()["note"]["vi"].is_string(), "{}", record.json()["note"]);

    let metadata = app.get_with(&format!("{P}/metadata"), &[("Accept-Language", "vi")]).await;
    let mut expected = export.clone();
    let object = expected.as_object_mut().unwrap();
    object.remove("reported");
    object.remove("schemes");
    let expected_keys: Vec<String> = object.keys().cloned().collect();
    assert_eq!(metadata.json(), expected);
    let keys: Vec<String> = metadata.json().as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, expected_keys, "in the document's key order");

    for path in ["reported", "metadata", "schemes/additional-schemes/record"] {
        let again = app.get_with(&format!("{P}/{path}"), &[("If-None-Match", etag.as_str())]).await;
        assert_eq!(again.status, 304, "{path}");
    }
    assert_eq!(app.get(&format!("{P}/schemes/no-such-record/record")).await.0, 404);
    assert_eq!(app.get("/programmes/no-such/metadata").await.0, 404);
}

/// Finding 4: every read that answers 304 declares it and `If-None-Match`; `If-Match` is a
/// string; a 412 says the current tag; a write's answer holds its tag.
#[tokio::test]
async fn conditional_requests_are_declared_as_they_are_answered() {
    let app = spawn_app().await;
    let spec = app.get_ok("/openapi.json").await;
    let mut answered = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        let Some(get) = item.get("get") else { continue };
        let url = crate::openapi::example_request(path, get);
        let first = app.get_with(&url, &[]).await;
        let declared = get["responses"].get("304").is_some();
        let takes = get["parameters"].as_array().into_iter().flatten().any(|p| p["name"] == "If-None-Match");
        match first.header("etag") {
            Some(tag) => {
                let again = app.get_with(&url, &[("If-None-Match", tag)]).await;
                assert_eq!(again.status, 304, "{url}");
                assert!(declared && takes, "{path} answers 304 but does not declare it");
                answered.push(path.clone());
            }
            None => assert!(!declared && !takes, "{path} declares a 304 it never answers"),
        }
    }
    assert!(answered.contains(&"/programmes/{id}".to_string()) && answered.contains(&"/programmes/{id}/export".into()));
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            for parameter in operation["parameters"].as_array().into_iter().flatten() {
                if parameter["in"] == "header" {
                    assert_eq!(parameter["schema"], json!({"type": "string"}), "{method} {path} {}", parameter["name"]);
                }
            }
        }
    }
    assert_eq!(
        spec["components"]["schemas"]["WriteResult"]["required"],
        json!(["etag", "programme_id", "version", "warnings"])
    );

    let token = app.token("so-cong-thuong", "write").await;
    let reported = app.get_ok(&format!("{P}/reported")).await;
    let mut changed = reported.clone();
    changed["cost"]["quote"] = json!("tổng kinh phí thực hiện là 41.306,53 triệu đồng");
    let stale = "\"999-json\"";
    let current = app.etag("2016-2020").await;
    let write = |tag: &'static str, body: Value| Write {
        method: Method::PUT,
        path: "/programmes/2016-2020/reported",
        token: Some(&token),
        if_match: Some(tag),
        body: Some(body),
    };
    let (status, etag, _) = app.send(write(stale, changed.clone())).await;
    assert_eq!((status, etag.as_deref()), (412, Some(current.as_str())), "a 412 names the tag to read again");
    let current: &'static str = Box::leak(current.into_boxed_str());
    let response = app
        .client
        .put(format!("{}/programmes/2016-2020/reported", app.address))
        .bearer_auth(&token)
        .header("If-Match", current)
        .header("Accept-Encoding", "gzip, br")
        .json(&changed)
        .send()
        .await
        .unwrap();
    let (status, etag) = (response.status().as_u16(), response.headers()["etag"].to_str().unwrap().to_string());
    let body: Value = response.json().await.unwrap();
    let etag = Some(etag);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["etag"].as_str(), etag.as_deref(), "the body's etag is the header's");
    assert_eq!(body["etag"], format!("\"{}-json\"", body["version"]));
}

/// Finding 5: pages give their next cursor, and `Link`.
#[tokio::test]
async fn pages_give_the_next_cursor_and_a_link() {
    let app = spawn_app().await;
    let page = app.get_with(&format!("{P}/schemes?limit=2"), &[]).await;
    let body = page.json();
    let cursor = body["next_cursor"].as_str().unwrap();
    let next = body["next"].as_str().unwrap();
    assert!(next.ends_with(&format!("cursor={cursor}")), "{next}");
    assert_eq!(page.header("link"), Some(format!("<{next}>; rel=\"next\"").as_str()));
    assert_eq!(body["count"], 7);
    let second = app.get_ok(&format!("{P}/schemes?limit=2&cursor={cursor}")).await;
    assert_eq!(second["items"][0]["id"], "information-provision");
    let last = app.get_with(&format!("{P}/schemes?limit=50"), &[]).await;
    assert_eq!((last.json()["next_cursor"].clone(), last.header("link")), (Value::Null, None));

    let token = app.token("so-cong-thuong", "write").await;
    app.put_programme(&token, "second", test_programme("second")).await;
    let changes = app.get_with("/changes?limit=1", &[]).await;
    let since = changes.json()["next_since"].as_i64().unwrap();
    assert_eq!(since, changes.json()["items"][0]["version"].as_i64().unwrap());
    assert!(changes.header("link").is_some_and(|l| l.contains(&format!("since={since}"))));

    let spec = app.get_ok("/openapi.json").await;
    for page in ["SchemePage", "ProgrammePage"] {
        assert_eq!(spec["components"]["schemas"][page]["properties"]["count"]["type"], "integer", "{page}");
    }
}

/// Finding 6: HEAD carries the GET's headers, its real length or none, and makes no body.
#[tokio::test]
async fn head_has_the_gets_headers_and_no_body() {
    let app = spawn_app().await;
    for (path, encoding) in [("/totals", "identity"), ("/totals", "gzip, br"), ("", "identity")] {
        let url = format!("{}{P}{path}", app.address);
        let get = app.client.get(&url).header("Accept-Encoding", encoding).send().await.unwrap();
        let etag = get.headers()["etag"].clone();
        let length = get.bytes().await.unwrap().len();
        let head = app.client.head(&url).header("Accept-Encoding", encoding).send().await.unwrap();
        assert_eq!(head.headers()["etag"], etag, "{path} {encoding}");
        let declared = head.headers().get("content-length").map(|v| v.to_str().unwrap().parse::<usize>().unwrap());
        assert!(declared.is_none_or(|n| n == length), "{path} {encoding}: HEAD says {declared:?}, GET sent {length}");
    }
    for path in ["/schemes.csv", "/export.xlsx", "/export"] {
        let url = format!("{}{P}{path}", app.address);
        let head = app.client.head(&url).send().await.unwrap();
        assert_eq!(head.status().as_u16(), 200, "{path}");
        assert!(head.headers().contains_key("etag"), "{path}");
        assert!(head.headers().get("content-length").is_none_or(|v| v != "0"), "{path}: no false length");
    }
    let csv = app.client.head(format!("{}{P}/schemes.csv", app.address)).send().await.unwrap();
    assert_eq!(csv.headers()["content-disposition"], "attachment; filename=\"khuyencong-2016-2020-schemes.csv\"");
    // Coded as the GET would be: the same tag and Content-Encoding, with no body made.
    let url = format!("{}{P}/schemes.csv", app.address);
    let get = app.client.get(&url).header("Accept-Encoding", "gzip").send().await.unwrap();
    let head = app.client.head(&url).header("Accept-Encoding", "gzip").send().await.unwrap();
    assert_eq!(head.headers()["etag"], get.headers()["etag"]);
    assert_eq!(head.headers().get("content-encoding"), get.headers().get("content-encoding"));
    // No download was made for a HEAD: none counts as started.
    let metrics = app.get_with("/metrics", &[]).await.text();
    assert!(!metrics.contains("route=\"/programmes/{id}/schemes.csv\",status=\"500\""), "{metrics}");
}

/// Finding 7: a write that changes nothing is answered with the current version, and writes
/// nothing: no version, no feed item, no audit entry.
#[tokio::test]
async fn writes_that_change_nothing_write_nothing() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let admin = app.token("centre-admin", "admin").await;
    let (status, _, created) = app.put_programme(&token, "same", test_programme("same")).await;
    assert_eq!(status, 201);
    let version = created["version"].as_i64().unwrap();
    let latest = app.get_ok("/changes").await["latest_version"].clone();
    let trail = app.get_as(&admin, "/audit").await["items"].as_array().unwrap().len();
    for _ in 0..3 {
        let (status, etag, body) = app.put_programme(&token, "same", test_programme("same")).await;
        assert_eq!((status, body["version"].as_i64()), (200, Some(version)), "{body}");
        assert_eq!(etag, Some(format!("\"{version}-json\"")));
    }
    let tag = format!("\"{version}-json\"");
    let record = app.get_ok("/programmes/same/schemes/training/record").await;
    let reported = app.get_ok("/programmes/same/reported").await;
    for (path, body) in [("/programmes/same/schemes/training", record), ("/programmes/same/reported", reported)] {
        let (status, _, answer) = app
            .send(Write {
                method: Method::PUT,
                path,
                token: Some(&token),
                if_match: Some(&tag),
                body: Some(body.clone()),
            })
            .await;
        assert_eq!((status, answer["version"].as_i64()), (200, Some(version)), "{path}: {answer}");
        // A failed precondition is a failure, whatever the body.
        let (status, ..) = app
            .send(Write {
                method: Method::PUT,
                path,
                token: Some(&token),
                if_match: Some("\"1-json\""),
                body: Some(body),
            })
            .await;
        assert_eq!(status, 412, "{path}");
    }
    assert_eq!(app.get_ok("/changes").await["latest_version"], latest);
    assert_eq!(app.get_as(&admin, "/audit").await["items"].as_array().unwrap().len(), trail);
    // A change is still a change.
    let mut changed = test_programme("same");
    changed["jurisdiction"] = json!("Thành phố Hải Phòng");
    let (status, _, body) = app.put_programme(&token, "same", changed).await;
    assert_eq!((status, body["version"].as_i64().unwrap() > version), (200, true));
}

/// Finding 8: a `since` later than any version is a conflict, not "nothing new".
#[tokio::test]
async fn a_since_from_the_future_is_a_conflict_naming_the_latest_version() {
    let app = spawn_app().await;
    let latest = app.get_ok("/changes").await["latest_version"].as_i64().unwrap();
    let (status, body) = app.get(&format!("/changes?since={}", latest + 10)).await;
    assert_eq!((status, body["type"].as_str()), (409, Some("urn:khuyencong:problem:conflict")), "{body}");
    assert_eq!(body["latest_version"], latest);
    assert_eq!(app.get(&format!("/changes?since={latest}")).await.0, 200, "the latest version itself is fine");
}

/// Finding 9: stored text cannot hurt a reader: links are web links, pages say what may run,
/// and no text breaks the workbook.
#[tokio::test]
async fn stored_text_cannot_hurt_a_reader() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let mut doc = test_programme("hostile");
    doc["source"]["url"] = json!("javascript:alert(document.domain)//");
    doc["schemes"][0]["title"]["en"] = json!("Training\u{FFFF}");
    doc["schemes"][1]["quote"] = json!("bell \u{7}");
    let (status, _, body) = app.put_programme(&token, "hostile", doc).await;
    assert_eq!(status, 422, "{body}");
    let pointers: Vec<&str> =
        body["errors"].as_array().unwrap().iter().map(|e| e["pointer"].as_str().unwrap()).collect();
    assert_eq!(pointers, ["/source/url", "/schemes/0/title/en", "/schemes/1/quote"]);
    assert!(body["errors"][1]["detail"].as_str().unwrap().contains("U+FFFF"), "{body}");

    let page = app.get_with("/vi/programmes/2016-2020", &[]).await;
    let policy = page.header("content-security-policy").unwrap();
    assert!(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(!policy.contains("script-src"), "no script runs: {policy}");
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));

    // Text stored before these rules (or by hand) still makes a well-formed workbook.
    let db = app.db().await;
    sqlx::query("UPDATE scheme_records SET quote = $1 WHERE id = 'vocational-training'")
        .bind("a\u{FFFF}b")
        .execute(db.pool())
        .await
        .unwrap();
    let workbook = app.get_with(&format!("{P}/export.xlsx"), &[]).await;
    assert_eq!(workbook.status, 200);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(workbook.body)).unwrap();
    let mut seen = false;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut part, &mut text).unwrap();
        assert!(!text.contains('\u{FFFF}'), "{} holds U+FFFF", part.name());
        seen |= text.contains("a\u{FFFD}b");
    }
    assert!(seen, "the stored quote is in the workbook, its non-character replaced");
}

/// Finding 10: the type errors of several records, and the rules of the others, at once.
#[tokio::test]
async fn every_problem_of_a_document_is_reported_at_once() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let mut doc = test_programme("many-problems");
    doc["schemes"][0]["cost"] = json!(300.5);
    doc["schemes"][1]["activity"] = json!("tourism");
    let (status, _, body) = app.put_programme(&token, "many-problems", doc.clone()).await;
    assert_eq!(status, 422, "{body}");
    let pointers: Vec<&str> =
        body["errors"].as_array().unwrap().iter().map(|e| e["pointer"].as_str().unwrap()).collect();
    assert_eq!(pointers, ["/schemes/0/cost", "/schemes/1/activity"], "{body}");
    // Two records with a type error each: both named.
    doc["schemes"][1]["activity"] = json!("vocational_training");
    doc["schemes"][1]["scheme_count"] = json!("3");
    let (_, _, body) = app.put_programme(&token, "many-problems", doc).await;
    let pointers: Vec<&str> =
        body["errors"].as_array().unwrap().iter().map(|e| e["pointer"].as_str().unwrap()).collect();
    assert_eq!(pointers, ["/schemes/0/cost", "/schemes/1/scheme_count"], "{body}");
    // A list that is not a list is the document's error, where it is.
    let mut wrong = test_programme("many-problems");
    wrong["schemes"] = json!({"training": {}});
    let (_, _, body) = app.put_programme(&token, "many-problems", wrong).await;
    assert_eq!(body["errors"][0]["pointer"], "/schemes", "{body}");
    // A key given twice (which a parsed value no longer shows) is still reported.
    let text = test_programme("many-problems").to_string().replacen(
        "\"jurisdiction\"",
        "\"jurisdiction\": \"Hải Phòng\", \"jurisdiction\"",
        1,
    );
    let twice = text.replacen("\"cost\":\"300.00\"", "\"cost\":300.5", 1);
    let response = app
        .client
        .put(format!("{}/programmes/many-problems", app.address))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body(twice)
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    let details: Vec<String> = body["errors"].as_array().unwrap().iter().map(|e| e["detail"].to_string()).collect();
    assert!(details.iter().any(|d| d.contains("duplicate field `jurisdiction`")), "{body}");
    assert!(details.iter().any(|d| d.contains("300.5")), "and the record's: {body}");
}

/// Finding 11: what RFCs and the ecosystem's habits ask of the HTTP.
#[tokio::test]
async fn http_as_the_rfcs_say() {
    let app = spawn_app().await;
    let totals = app.get_with(&format!("{P}/totals"), &[]).await;
    assert_eq!(totals.header("content-type"), Some("application/json; charset=utf-8"));
    let missing = app.get_with("/programmes/nope", &[]).await;
    assert_eq!(missing.header("content-type"), Some("application/problem+json; charset=utf-8"));

    let breakdown = app.get_with(&format!("{P}/breakdown.csv?by=source"), &[]).await;
    let disposition = breakdown.header("content-disposition");
    assert_eq!(disposition, Some("attachment; filename=\"khuyencong-2016-2020-breakdown-source.csv\""));

    let spec = app.get_with("/openapi.json", &[]).await;
    let tag = spec.header("etag").unwrap().to_string();
    assert!(spec.header("cache-control").is_some_and(|c| c.contains("max-age")));
    assert_eq!(app.get_with("/openapi.json", &[("If-None-Match", &tag)]).await.status, 304);
    let gzip = [("Accept-Encoding", "gzip")];
    let coded = app.get_with("/openapi.json", &gzip).await.header("etag").unwrap().to_string();
    assert!(coded.ends_with("-gzip\""), "{coded}");
    let again = app.get_with("/openapi.json", &[gzip[0], ("If-None-Match", &coded)]).await;
    assert_eq!((again.status, again.header("etag")), (304, Some(coded.as_str())), "the tag the client holds");

    // Java's HttpURLConnection sends `q=.2` (no leading 0): a header not wholly understood is
    // never a reason to refuse.
    let java = "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2";
    assert_eq!(app.get_with(&format!("{P}/totals"), &[("Accept", java)]).await.status, 200);
    let xml = app.get_with(&format!("{P}/totals"), &[("Accept", "application/xml")]).await;
    assert_eq!((xml.status, xml.json()["type"].as_str()), (406, Some("urn:khuyencong:problem:not-acceptable")));
    assert_eq!(app.get_with(&format!("{P}/totals"), &[("Accept", "application/*")]).await.status, 200);

    // No credentials: the challenge, no error code (RFC 6750 §3.1); a failed token: the code.
    let no_token = app.client.delete(format!("{}{P}", app.address)).send().await.unwrap();
    assert_eq!(no_token.headers()["www-authenticate"], "Bearer realm=\"khuyencong\"");
    let bad = app
        .client
        .delete(format!("{}{P}", app.address))
        .bearer_auth(format!("kc_{}_{}", "0".repeat(16), "0".repeat(64)))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.headers()["www-authenticate"], "Bearer realm=\"khuyencong\", error=\"invalid_token\"");

    let spec = spec.json();
    let body = &spec["paths"]["/programmes/{id}"]["put"]["requestBody"]["content"]["application/json"];
    assert_eq!(body["example"]["id"], "2021-2025", "the document's example");
    let sort = spec["paths"]["/programmes/{id}/schemes"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "sort")
        .unwrap();
    assert_eq!(
        sort["schema"]["x-enum-varnames"],
        json!(["COST", "COST_DESC", "SCHEME_COUNT", "SCHEME_COUNT_DESC", "ID", "ID_DESC"])
    );
    // A free-text parameter's schema leaves out what the server refuses (a NUL).
    let programme = spec["paths"]["/audit"]["get"]["parameters"][0]["schema"]["pattern"].as_str().unwrap();
    assert_eq!(programme, "^[^\\x00]*$");
    let id = spec["paths"]["/programmes/{id}/totals"]["get"]["parameters"][0]["schema"]["pattern"].as_str();
    assert_eq!(id, Some("^[^\\x00]*$"));
}

/// Finding 11: a write says what is left of the token's budget (the IETF draft's headers), and
/// CORS lets a browser read them.
#[tokio::test]
async fn writes_carry_their_rate_limit() {
    let app = spawn_app_with(crate::helpers::fresh_sqlite_database(), |s| {
        s.write_rate_per_minute = 6;
        s.write_rate_burst = 3;
    })
    .await;
    let token = app.token("so-cong-thuong", "write").await;
    let mut remaining = Vec::new();
    for _ in 0..4 {
        let response = app
            .client
            .put(format!("{}/programmes/limited", app.address))
            .bearer_auth(&token)
            .json(&test_programme("limited"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["ratelimit-policy"], "\"writes\";q=3;w=30");
        remaining.push((response.status().as_u16(), response.headers()["ratelimit"].to_str().unwrap().to_string()));
    }
    let statuses: Vec<u16> = remaining.iter().map(|(s, _)| *s).collect();
    assert_eq!(statuses, [201, 200, 200, 429]);
    assert!(remaining[0].1.starts_with("\"writes\";r=2;t="), "{remaining:?}");
    assert!(remaining[2].1.starts_with("\"writes\";r=0;t="), "{remaining:?}");
    let preflight = app
        .client
        .get(format!("{}/programmes", app.address))
        .header("Origin", "https://dashboard.example")
        .send()
        .await
        .unwrap();
    let exposed = preflight.headers()["access-control-expose-headers"].to_str().unwrap().to_ascii_lowercase();
    for name in ["ratelimit", "ratelimit-policy", "content-disposition"] {
        assert!(exposed.contains(name), "{exposed}");
    }
}

/// Finding 11: `Last-Modified` is never later than `Date`, even just after a write (the server
/// writes a `Date` it read up to half a second before: a write in that half second showed a
/// later `Last-Modified`, about one read in four).
#[tokio::test]
async fn last_modified_is_never_after_the_date() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    for i in 0..30 {
        let mut doc = test_programme("dated");
        doc["jurisdiction"] = json!(format!("Hải Phòng {i}"));
        app.put_programme(&token, "dated", doc).await;
        let got = app.get_with("/programmes/dated/totals", &[]).await;
        let date = httpdate(got.header("date").unwrap());
        let modified = httpdate(got.header("last-modified").unwrap());
        assert!(modified <= date, "Last-Modified {modified} after Date {date}");
        // Spread over a few seconds, so that writes fall at every point of the server's
        // half-second clock.
        tokio::time::sleep(std::time::Duration::from_millis(83)).await;
    }
}

fn httpdate(text: &str) -> time::OffsetDateTime {
    let format = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    time::PrimitiveDateTime::parse(text, format).unwrap().assume_utc()
}
