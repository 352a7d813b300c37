//! HTTP caching: ETags that move with the data and only then, 304s, Cache-Control,
//! Last-Modified, and compressed bodies with their own tags, with and without the response cache.

use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::json;

use crate::helpers::{TestApp, Write, fresh_database, spawn_app_on, spawn_app_with, test_programme};

/// GET `path` with extra headers: status, response headers and body bytes.
async fn fetch(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> (u16, HeaderMap, Vec<u8>) {
    let got = app.get_with(path, headers).await;
    (got.status, got.headers, got.body)
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers.get(name).map(|v| v.to_str().unwrap()).unwrap_or_else(|| panic!("no {name} header"))
}

async fn etag_of(app: &TestApp, path: &str) -> String {
    let (status, headers, _) = fetch(app, path, &[]).await;
    assert_eq!(status, 200, "GET {path}");
    header(&headers, "etag").to_string()
}

async fn put_programme(app: &TestApp, token: &str, id: &str) {
    assert!(matches!(app.put_programme(token, id, test_programme(id)).await.0, 200 | 201));
}

async fn validators_move_with_the_data_and_only_then(app: &TestApp) {
    let token = app.token("so-cong-thuong", "write").await;
    let totals = "/programmes/2016-2020/totals";
    let (status, headers, _) = fetch(app, totals, &[]).await;
    assert_eq!(status, 200);
    let tag = header(&headers, "etag").to_string();
    assert!(tag.starts_with('"') && tag.ends_with("-json\""), "{tag}");
    assert_eq!(header(&headers, "cache-control"), "public, max-age=5, must-revalidate");
    assert!(header(&headers, "last-modified").ends_with(" GMT"));
    assert!(header(&headers, "vary").contains("Accept"));
    assert_eq!(etag_of(app, totals).await, tag, "reading again changes nothing");

    // A 304 carries the validators and no body.
    let (status, headers, body) = fetch(app, totals, &[("If-None-Match", &tag)]).await;
    assert_eq!((status, body.len()), (304, 0));
    assert_eq!(header(&headers, "etag"), tag);
    assert_eq!(header(&headers, "cache-control"), "public, max-age=5, must-revalidate");
    let csv_tag = etag_of(app, "/programmes/2016-2020/breakdown?by=activity&format=csv").await;
    assert!(csv_tag.ends_with("-csv\""), "{csv_tag}");
    let (status, _, _) =
        fetch(app, "/programmes/2016-2020/breakdown?by=activity", &[("If-None-Match", &csv_tag)]).await;
    assert_eq!(status, 200, "the CSV tag does not validate the JSON");

    // Lists and reference data carry the database-wide version.
    let lists = ["/programmes", "/activities", "/funding-sources"];
    let mut list_tags = Vec::new();
    for path in lists {
        let list_tag = etag_of(app, path).await;
        assert!(list_tag.starts_with("\"all-"), "{path}: {list_tag}");
        list_tags.push(list_tag);
    }

    // A write to another programme moves the lists' tags, not this programme's.
    put_programme(app, &token, "test-2021-2025").await;
    assert_eq!(etag_of(app, totals).await, tag);
    let (status, _, _) = fetch(app, totals, &[("If-None-Match", &tag)]).await;
    assert_eq!(status, 304);
    for (path, before) in lists.iter().zip(&list_tags) {
        let after = etag_of(app, path).await;
        assert_ne!(&after, before, "{path}");
        let (status, _, _) = fetch(app, path, &[("If-None-Match", before)]).await;
        assert_eq!(status, 200, "{path} with the old tag");
    }

    // A write to this programme moves its tag; the old one no longer gives a 304.
    let (status, _, _) = app
        .send(Write {
            method: Method::PUT,
            path: "/programmes/2016-2020/reported",
            token: Some(&token),
            if_match: Some(&app.etag("2016-2020").await),
            body: Some(json!({"schemes": {"value": 65}, "cost": {"amount": "41400.00"}})),
        })
        .await;
    assert_eq!(status, 200);
    let new_tag = etag_of(app, totals).await;
    assert_ne!(new_tag, tag);
    let (status, _, body) = fetch(app, totals, &[("If-None-Match", &tag)]).await;
    assert_eq!(status, 200);
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["cost"]["reported"], "41400.00");
}

#[tokio::test]
async fn validators_move_with_the_data_and_only_then_with_the_response_cache() {
    validators_move_with_the_data_and_only_then(&spawn_app_on(fresh_database().await).await).await;
}

#[tokio::test]
async fn validators_move_with_the_data_and_only_then_without_the_response_cache() {
    let app = spawn_app_with(fresh_database().await, |s| s.response_cache = false).await;
    validators_move_with_the_data_and_only_then(&app).await;
}

#[tokio::test]
async fn two_instances_give_the_same_validators_for_the_same_data() {
    let url = fresh_database().await;
    let (a, b) = (spawn_app_on(url.clone()).await, spawn_app_on(url).await);
    for path in
        ["/programmes/2016-2020/totals", "/programmes/2016-2020/schemes?format=csv", "/programmes", "/activities"]
    {
        let (_, from_a, _) = fetch(&a, path, &[]).await;
        let (_, from_b, _) = fetch(&b, path, &[]).await;
        for name in ["etag", "last-modified"] {
            assert_eq!(header(&from_a, name), header(&from_b, name), "{path}: {name}");
        }
    }
}

#[tokio::test]
async fn compressed_bodies_have_their_own_tag_and_still_validate() {
    let app = spawn_app_on(fresh_database().await).await;
    let path = "/programmes/2016-2020/totals";
    let (_, plain, plain_body) = fetch(&app, path, &[]).await;
    let tag = header(&plain, "etag").to_string();
    let (status, gzip, gzip_body) = fetch(&app, path, &[("Accept-Encoding", "gzip")]).await;
    assert_eq!(status, 200);
    assert_eq!(header(&gzip, "content-encoding"), "gzip");
    assert!(gzip_body.len() < plain_body.len() / 2, "{} vs {} bytes", gzip_body.len(), plain_body.len());
    assert_eq!(&gzip_body[..2], &[0x1f, 0x8b], "a gzip stream");
    let gzip_tag = header(&gzip, "etag").to_string();
    assert_eq!(gzip_tag, format!("{}-gzip\"", tag.trim_end_matches('"')));
    assert!(header(&gzip, "vary").to_ascii_lowercase().contains("accept-encoding"));

    // Either tag validates: a 304 repeats the one the client holds.
    let (status, headers, _) = fetch(&app, path, &[("Accept-Encoding", "gzip"), ("If-None-Match", &gzip_tag)]).await;
    assert_eq!((status, header(&headers, "etag")), (304, gzip_tag.as_str()));

    // And it names the programme's version for a write, like the plain one.
    let token = app.token("so-cong-thuong", "write").await;
    let (status, _, _) = app
        .send(Write {
            method: Method::PUT,
            path: "/programmes/2016-2020/reported",
            token: Some(&token),
            if_match: Some(&gzip_tag),
            body: Some(json!({"schemes": {"value": 65}, "cost": {"amount": "41306.53"}})),
        })
        .await;
    assert_eq!(status, 200);
}
