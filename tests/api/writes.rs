//! Agency integration: PUT/export/DELETE of whole programmes, fine-grained edits, validation,
//! optimistic concurrency.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Write, seed_text, spawn_app, test_programme};

#[tokio::test]
async fn a_new_programme_put_by_an_agency_is_visible_in_totals_and_breakdowns_at_once() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let (status, etag, body) = app.put_programme(&token, "test-2021-2025", test_programme("test-2021-2025")).await;
    assert_eq!(status, 201, "{body}");
    let version = body["version"].as_i64().unwrap();
    assert_eq!(etag.as_deref(), Some(format!("\"{version}-json\"").as_str()));
    // 5 schemes reported, 5 itemised; 1000.00 reported, 950.50 itemised: a warning, not an error.
    let warnings: Vec<&str> = body["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert!(warnings.iter().any(|w| w.contains("a gap of 49.50")), "{warnings:?}");

    let totals = app.get_ok("/programmes/test-2021-2025/totals").await;
    assert_eq!((&totals["schemes"]["itemised"], &totals["cost"]["itemised"]), (&json!(5), &json!("950.50")));
    assert_eq!(totals["cost"]["unattributed"], "250.50");
    assert_eq!(totals["funding"][0]["itemised"], "600.00");
    let by_scope = app.get_ok("/programmes/test-2021-2025/breakdown?by=scope").await;
    let rows: Vec<Value> =
        by_scope["rows"].as_array().unwrap().iter().map(|r| json!([r["key"], r["schemes"], r["cost"]])).collect();
    assert_eq!(rows, [json!(["local", 2, "300.00"]), json!(["national", 3, "650.50"]), json!(["unknown", 0, "0.00"])]);
    assert_eq!(app.get_ok("/programmes").await["items"][0]["id"], "test-2021-2025", "newest period first");
}

#[tokio::test]
async fn export_import_round_trips_and_the_seed_is_already_canonical() {
    let app = spawn_app().await;
    // The seed file is the canonical export of what it loads, byte for byte.
    let exported = app.export("2016-2020").await;
    assert_eq!(exported, seed_text());

    let token = app.token("so-cong-thuong", "write").await;
    let doc = test_programme("round-trip");
    app.put_programme(&token, "round-trip", doc.clone()).await;
    let first = app.export("round-trip").await;
    let as_value: Value = serde_json::from_str(&first).unwrap();
    // Import → export gives the same JSON value, but for what canonical form adds: empty lists.
    let mut expected = doc.clone();
    expected["schemes"][1]["indicators"] = json!([]);
    expected["reported"]["schemes_by_scope"] = json!([]);
    expected["reported"]["funding"] = json!([]);
    assert_eq!(as_value, expected);
    // Export → import → export is byte-identical.
    app.put_programme(&token, "round-trip", as_value).await;
    assert_eq!(app.export("round-trip").await, first);
}

#[tokio::test]
async fn every_validation_rule_rejects_with_its_pointer_and_leaves_the_data_unchanged() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    app.put_programme(&token, "target", test_programme("target")).await;
    let before = app.export("target").await;
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut doc = test_programme("target");
        f(&mut doc);
        doc
    };
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        ("unknown activity", edit(&|d| d["schemes"][0]["activity"] = json!("tourism")), vec!["/schemes/0/activity"]),
        (
            "unknown source",
            edit(&|d| d["schemes"][1]["funding"][0]["source"] = json!("world_bank")),
            vec!["/schemes/1/funding/0/source"],
        ),
        ("negative amount", edit(&|d| d["schemes"][1]["cost"] = json!("-1.00")), vec!["/schemes/1/cost"]),
        (
            "non-numeric amount",
            edit(&|d| d["reported"]["cost"]["amount"] = json!("nghìn")),
            vec!["/reported/cost/amount"],
        ),
        ("three decimals", edit(&|d| d["schemes"][0]["cost"] = json!("300.001")), vec!["/schemes/0/cost"]),
        ("zero scheme count", edit(&|d| d["schemes"][0]["scheme_count"] = json!(0)), vec!["/schemes/0/scheme_count"]),
        (
            "negative scheme count",
            edit(&|d| d["schemes"][1]["scheme_count"] = json!(-2)),
            vec!["/schemes/1/scheme_count"],
        ),
        ("duplicate scheme id", edit(&|d| d["schemes"][1]["id"] = json!("training")), vec!["/schemes/1/id"]),
        ("funding over cost", edit(&|d| d["schemes"][0]["cost"] = json!("250.00")), vec!["/schemes/0/funding"]),
        (
            "period backwards",
            edit(&|d| d["period"] = json!({"start_year": 2025, "end_year": 2021})),
            vec!["/period/end_year"],
        ),
        ("id not a slug", edit(&|d| d["schemes"][0]["id"] = json!("Đào tạo")), vec!["/schemes/0/id"]),
        ("programme id not the path's", edit(&|d| d["id"] = json!("other")), vec!["/id"]),
        (
            "several at once",
            edit(&|d| {
                d["schemes"][0]["activity"] = json!("tourism");
                d["schemes"][1]["cost"] = json!("-5");
                d["period"]["end_year"] = json!(2000);
            }),
            vec!["/schemes/0/activity", "/schemes/1/cost", "/period/end_year"],
        ),
        ("wrong type", edit(&|d| d["schemes"][0]["scheme_count"] = json!("two")), vec!["/schemes/0/scheme_count"]),
        (
            "missing field",
            edit(&|d| {
                d.as_object_mut().unwrap().remove("source");
            }),
            vec![""],
        ),
    ];
    for (what, doc, pointers) in cases {
        let (status, _, body) = app.put_programme(&token, "target", doc).await;
        assert_eq!(status, 422, "{what}: {body}");
        assert_eq!(body["type"], "urn:khuyencong:problem:invalid-document", "{what}");
        let got: Vec<&str> =
            body["errors"].as_array().unwrap().iter().map(|e| e["pointer"].as_str().unwrap()).collect();
        for pointer in &pointers {
            assert!(got.contains(pointer), "{what}: expected a problem at {pointer:?}, got {body}");
        }
        assert_eq!(got.len(), pointers.len(), "{what}: one entry per problem: {body}");
        assert_eq!(app.export("target").await, before, "{what}: nothing was written");
    }
}

#[tokio::test]
async fn a_document_wrong_everywhere_gets_the_first_100_problems_and_their_total() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let mut doc = test_programme("wrong");
    // 250 records, each with an unknown activity and a negative cost: 500 problems.
    let template = doc["schemes"][0].clone();
    doc["schemes"] = (0..250)
        .map(|i| {
            let mut record = template.clone();
            record["id"] = json!(format!("r{i}"));
            record["activity"] = json!("tourism");
            record["cost"] = json!("-1.00");
            record["funding"] = json!([]);
            record
        })
        .collect();
    let (status, _, body) = app.put_programme(&token, "wrong", doc).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"].as_array().unwrap().len(), 100, "the first 100 only");
    assert_eq!(body["errors_total"], 500, "{body}");
    assert_eq!(body["errors"][0]["pointer"], "/schemes/0/activity");
    assert!(body["detail"].as_str().unwrap().contains("500"), "the detail counts them all: {body}");
    assert_eq!(app.get("/programmes/wrong").await.0, 404, "nothing was written");
}

#[tokio::test]
async fn fine_grained_edits_need_if_match_and_change_one_record() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let record = json!({"id": "new-record", "scheme_count": 1, "activity": "information_provision", "scope": "unknown",
                        "title": {"vi": "Bản tin", "en": "Bulletin"}, "cost": "10.00",
                        "funding": [{"source": "local_budget", "amount": "10.00"}]});
    let post = |if_match: Option<String>| {
        let record = record.clone();
        let app = &app;
        let token = token.clone();
        async move {
            app.send(Write {
                method: Method::POST,
                path: "/programmes/2016-2020/schemes",
                token: Some(&token),
                if_match: if_match.as_deref(),
                body: Some(record),
            })
            .await
        }
    };
    assert_eq!(post(None).await.0, 428, "no If-Match");
    assert_eq!(post(Some("\"0-json\"".into())).await.0, 412, "a stale version");
    let etag = app.etag("2016-2020").await;
    let (status, new_etag, body) = post(Some(etag.clone())).await;
    assert_eq!(status, 201, "{body}");
    assert_ne!(new_etag.as_deref(), Some(etag.as_str()));
    let totals = app.get_ok("/programmes/2016-2020/totals").await;
    assert_eq!((&totals["schemes"]["itemised"], &totals["cost"]["itemised"]), (&json!(65), &json!("41106.53")));
    assert_eq!(post(new_etag.clone()).await.2["errors"][0]["pointer"], "/id", "the id is taken now");

    // Replace it: a bad amount points into the body sent, not into the whole programme.
    let mut changed = record.clone();
    changed["cost"] = json!("5.00");
    let current = app.etag("2016-2020").await;
    let (status, _, body) = app
        .send(Write {
            method: Method::PUT,
            path: "/programmes/2016-2020/schemes/new-record",
            token: Some(&token),
            if_match: Some(&current),
            body: Some(changed.clone()),
        })
        .await;
    assert_eq!((status, body["errors"][0]["pointer"].as_str()), (422, Some("/funding")), "{body}");
    changed["funding"][0]["amount"] = json!("5.00");
    let (status, _, _) = app
        .send(Write {
            method: Method::PUT,
            path: "/programmes/2016-2020/schemes/new-record",
            token: Some(&token),
            if_match: Some(&current),
            body: Some(changed),
        })
        .await;
    assert_eq!(status, 200);
    assert_eq!(app.get_ok("/programmes/2016-2020/schemes/new-record").await["cost"], "5.00");

    // Reported figures.
    let current = app.etag("2016-2020").await;
    let reported = json!({"schemes": {"value": 70}, "cost": {"amount": "41500.00", "quote": "corrected"}});
    let (status, _, body) = app
        .send(Write {
            method: Method::PUT,
            path: "/programmes/2016-2020/reported",
            token: Some(&token),
            if_match: Some(&current),
            body: Some(reported),
        })
        .await;
    assert_eq!(status, 200, "{body}");
    let totals = app.get_ok("/programmes/2016-2020/totals").await;
    assert_eq!(
        (&totals["schemes"]["reported"], &totals["cost"]["reported"], &totals["funding"][0]["reported"]),
        (&json!(70), &json!("41500.00"), &Value::Null)
    );

    // Delete the record, then the programme.
    let current = app.etag("2016-2020").await;
    let (status, _, _) = app
        .send(Write {
            method: Method::DELETE,
            path: "/programmes/2016-2020/schemes/new-record",
            token: Some(&token),
            if_match: Some(&current),
            body: None,
        })
        .await;
    assert_eq!(status, 200);
    assert_eq!(app.get("/programmes/2016-2020/schemes/new-record").await.0, 404);
    let current = app.etag("2016-2020").await;
    let (status, _, _) = app
        .send(Write {
            method: Method::DELETE,
            path: "/programmes/2016-2020/schemes/new-record",
            token: Some(&token),
            if_match: Some(&current),
            body: None,
        })
        .await;
    assert_eq!(status, 404, "already gone");
    let delete = |tag: Option<String>| {
        let app = &app;
        let token = token.clone();
        async move {
            app.send(Write {
                method: Method::DELETE,
                path: "/programmes/2016-2020",
                token: Some(&token),
                if_match: tag.as_deref(),
                body: None,
            })
            .await
            .0
        }
    };
    assert_eq!(delete(None).await, 428);
    assert_eq!(delete(Some(app.etag("2016-2020").await)).await, 204);
    assert_eq!(app.get("/programmes/2016-2020/totals").await.0, 404);
    assert_eq!(delete(Some("*".into())).await, 404);
}

#[tokio::test]
async fn two_concurrent_writers_with_the_same_if_match_one_wins_the_other_gets_412() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let etag = app.etag("2016-2020").await;
    let edit = |id: &'static str| {
        let (app, token, etag) = (&app, token.clone(), etag.clone());
        async move {
            let record = json!({"id": id, "scheme_count": 1, "activity": "unspecified", "scope": "unknown",
                                "title": {"vi": id, "en": id}, "cost": "1.00"});
            app.send(Write {
                method: Method::POST,
                path: "/programmes/2016-2020/schemes",
                token: Some(&token),
                if_match: Some(&etag),
                body: Some(record),
            })
            .await
            .0
        }
    };
    let (a, b) = tokio::join!(edit("writer-a"), edit("writer-b"));
    let mut statuses = [a, b];
    statuses.sort();
    assert_eq!(statuses, [201, 412]);
    let ids: Vec<String> = app.get_ok("/programmes/2016-2020/schemes").await["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 8, "the seven records and exactly one new one: {ids:?}");
    assert!(ids.contains(&"writer-a".to_string()) != ids.contains(&"writer-b".to_string()));
}

#[tokio::test]
async fn etags_change_on_writes_and_only_then_and_if_none_match_gives_304() {
    let app = spawn_app().await;
    let url = format!("{}/programmes/2016-2020/totals", app.address);
    let first = app.client.get(&url).send().await.unwrap();
    let etag = first.headers()["etag"].to_str().unwrap().to_string();
    assert!(first.headers()["vary"].to_str().unwrap().contains("Accept"));
    assert_eq!(app.etag("2016-2020").await, etag, "one version for every resource of the programme");
    let again = app.client.get(&url).header("If-None-Match", &etag).send().await.unwrap();
    assert_eq!(again.status().as_u16(), 304);
    assert!(again.text().await.unwrap().is_empty());
    let csv = app.client.get(format!("{}/programmes/2016-2020/schemes?format=csv", app.address)).send().await.unwrap();
    assert_ne!(csv.headers()["etag"].to_str().unwrap(), etag, "each representation has its own ETag");

    let token = app.token("so-cong-thuong", "write").await;
    let current = app.etag("2016-2020").await;
    let reported = json!({"schemes": {"value": 65}});
    app.send(Write {
        method: Method::PUT,
        path: "/programmes/2016-2020/reported",
        token: Some(&token),
        if_match: Some(&current),
        body: Some(reported),
    })
    .await;
    let after = app.client.get(&url).header("If-None-Match", &etag).send().await.unwrap();
    assert_eq!(after.status().as_u16(), 200, "the data changed");
    assert_ne!(after.headers()["etag"].to_str().unwrap(), etag);
}

#[tokio::test]
async fn bodies_must_be_json_and_within_the_limit() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let url = format!("{}/programmes/x", app.address);
    let text =
        app.client.put(&url).bearer_auth(&token).header("content-type", "text/plain").body("{}").send().await.unwrap();
    assert_eq!(text.status().as_u16(), 415);
    let broken = app
        .client
        .put(&url)
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{\"id\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(broken.status().as_u16(), 422);
    let current = app.etag("2016-2020").await;
    let huge = format!("{{\"id\": \"{}\"}}", "x".repeat(2 << 20));
    let too_large = app
        .client
        .post(format!("{}/programmes/2016-2020/schemes", app.address))
        .bearer_auth(&token)
        .header("If-Match", current)
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_eq!(too_large.status().as_u16(), 413);
    assert_eq!(too_large.headers()["content-type"], "application/problem+json; charset=utf-8");
}

#[tokio::test]
async fn many_concurrent_writers_never_get_a_server_error() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let writers = (0..12).map(|i| {
        let (app, token) = (&app, token.clone());
        async move {
            let id = format!("concurrent-{i}");
            let path = format!("/programmes/{id}");
            app.send(Write {
                method: Method::PUT,
                path: &path,
                token: Some(&token),
                if_match: None,
                body: Some(test_programme(&id)),
            })
            .await
            .0
        }
    });
    let statuses = futures_util::future::join_all(writers).await;
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    assert_eq!(app.get_ok("/programmes").await["items"].as_array().unwrap().len(), 13);
}

#[tokio::test]
async fn a_write_never_answers_304_and_a_412_names_a_tag_that_succeeds_when_sent_back() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let url = |path: &str| format!("{}{path}", app.address);
    let create = app.client.put(url("/programmes/t")).bearer_auth(&token).json(&test_programme("t"));
    assert_eq!(create.send().await.unwrap().status().as_u16(), 201);
    let first = app.etag("t").await;

    // A committed write with If-None-Match: * beside its If-Match is a 200 with the new tag.
    let reported = serde_json::json!({"schemes": {"value": 6}});
    let response = app
        .client
        .put(url("/programmes/t/reported"))
        .bearer_auth(&token)
        .header("If-Match", &first)
        .header("If-None-Match", "*")
        .json(&reported)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200, "a write is never a 304");
    let second = response.headers()["etag"].to_str().unwrap().to_string();
    assert_ne!(second, first);

    // The stale tag: 412, whose detail names the tag to send; sent back, it succeeds.
    let stale = app
        .client
        .put(url("/programmes/t/reported"))
        .bearer_auth(&token)
        .header("If-Match", &first)
        .json(&reported)
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status().as_u16(), 412);
    let detail = stale.json::<Value>().await.unwrap()["detail"].as_str().unwrap().to_string();
    assert!(detail.contains(&format!("If-Match: {second}")), "{detail}");
    let retry = app
        .client
        .put(url("/programmes/t/reported"))
        .bearer_auth(&token)
        .header("If-Match", &second)
        .json(&reported)
        .send()
        .await
        .unwrap();
    assert_eq!(retry.status().as_u16(), 200);

    // If-None-Match: * on a programme that exists: 412 that says so.
    let again = app
        .client
        .put(url("/programmes/t"))
        .bearer_auth(&token)
        .header("If-None-Match", "*")
        .json(&test_programme("t"))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status().as_u16(), 412);
    let detail = again.json::<Value>().await.unwrap()["detail"].as_str().unwrap().to_string();
    assert!(detail.starts_with("the programme already exists"), "{detail}");
}

#[tokio::test]
async fn a_nul_in_any_text_of_a_document_is_a_422_with_its_pointer_on_either_engine() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let mut doc = test_programme("nul");
    doc["schemes"][0]["title"]["vi"] = json!("Đào\u{0}tạo");
    doc["schemes"][1]["funding"][0]["quote"] = json!("\u{0}");
    let response =
        app.client.put(format!("{}/programmes/nul", app.address)).bearer_auth(&token).json(&doc).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 422);
    let problem: Value = response.json().await.unwrap();
    let pointers: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["pointer"].as_str().unwrap()).collect();
    assert_eq!(pointers, ["/schemes/0/title/vi", "/schemes/1/funding/0/quote"], "{problem}");
    assert_eq!(app.get("/programmes/nul").await.0, 404);
}

#[tokio::test]
async fn record_edits_leave_the_same_sums_as_importing_the_edited_document() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    app.put_programme(&token, "edited", test_programme("edited")).await;
    let edit = |method: reqwest::Method, path: String, body: Option<Value>| {
        let (app, token) = (&app, token.clone());
        async move {
            let etag = app.etag("edited").await;
            let (status, _, body) =
                app.send(Write { method, path: &path, token: Some(&token), if_match: Some(&etag), body }).await;
            assert!(status == 200 || status == 201, "{path}: {status} {body}");
        }
    };
    // The demonstration moves to the local scope, half paid by the city, and gains an indicator.
    let mut demo = test_programme("edited")["schemes"][1].clone();
    demo["scope"] = json!("local");
    demo["funding"] =
        json!([{"source": "local_budget", "amount": "325.25"}, {"source": "central_budget", "amount": "1.00"}]);
    demo["indicators"] = json!([{"key": "workers_trained", "value": "7"}]);
    edit(reqwest::Method::PUT, "/programmes/edited/schemes/demo".into(), Some(demo)).await;
    let mut added = test_programme("edited")["schemes"][0].clone();
    added["id"] = json!("second-training");
    added["cost"] = json!("80.40");
    added["funding"] = json!([{"source": "contributions", "amount": "80.40"}]);
    edit(reqwest::Method::POST, "/programmes/edited/schemes".into(), Some(added)).await;
    edit(reqwest::Method::DELETE, "/programmes/edited/schemes/training".into(), None).await;

    let mut document: Value = serde_json::from_str(&app.export("edited").await).unwrap();
    assert_eq!(
        document["schemes"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect::<Vec<_>>(),
        ["demo", "second-training"],
        "a replaced record keeps its place, an added one goes last"
    );
    document["id"] = json!("fresh");
    assert_eq!(app.put_programme(&token, "fresh", document).await.0, 201);
    for resource in ["totals", "breakdown?by=activity", "breakdown?by=scope", "breakdown?by=source", "indicators"] {
        let edited = app.get_ok(&format!("/programmes/edited/{resource}")).await.to_string();
        let fresh = app.get_ok(&format!("/programmes/fresh/{resource}")).await.to_string();
        assert_eq!(edited.replace("edited", "fresh"), fresh, "{resource}");
    }
    let count = |filter: &'static str| {
        let app = &app;
        async move { app.get_ok(&format!("/programmes/edited/schemes?{filter}")).await["count"].clone() }
    };
    assert_eq!((count("source=state_budget").await, count("source=contributions").await), (json!(1), json!(1)));
    // The audit keeps the record itself before and after.
    let admin = app.token("trung-tam", "admin").await;
    let audit = app.get_as(&admin, "/audit?programme=edited&limit=1").await;
    let deleted = &audit["items"][0];
    assert_eq!(
        (&deleted["operation"], &deleted["before"]["record"]["id"]),
        (&json!("delete_scheme"), &json!("training"))
    );
    assert_eq!((&deleted["before"]["document"], &deleted["after"]["record"]), (&Value::Null, &Value::Null));
    assert_eq!((&deleted["before"]["records"], &deleted["after"]["records"]), (&json!(3), &json!(2)));
    // A whole write after edits: its "before" is not a document the trail never held.
    assert_eq!(app.put_programme(&token, "edited", test_programme("edited")).await.0, 200);
    let replaced = &app.get_as(&admin, "/audit?programme=edited&limit=1").await["items"][0];
    assert_eq!((&replaced["before"]["document"], &replaced["before"]["records"]), (&Value::Null, &json!(2)));
    assert_eq!(replaced["after"]["document"]["id"], "edited");
    // A body wrong on its own hears so (422) before its stale precondition (412).
    let mut wrong = test_programme("edited")["schemes"][0].clone();
    wrong["indicators"] = json!([{"key": "Not A Key", "value": "1"}]);
    let (status, _, body) = app
        .send(Write {
            method: reqwest::Method::PUT,
            path: "/programmes/edited/schemes/training",
            token: Some(&token),
            if_match: Some("\"1-json\""),
            body: Some(wrong),
        })
        .await;
    assert_eq!((status, &body["errors"][0]["pointer"]), (422, &json!("/indicators/0/key")), "{body}");
}
