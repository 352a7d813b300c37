//! Who may write: bearer tokens, scopes, revocation and expiry.

use reqwest::Method;
use serde_json::json;

use crate::helpers::{Write, spawn_app};

#[tokio::test]
async fn writes_need_a_valid_token_with_the_right_scope() {
    let app = spawn_app().await;
    let db = app.db().await;
    let write = app.token("so-cong-thuong", "write").await;
    let admin = app.token("trung-tam", "admin").await;
    let revoked = app.token("old-system", "write").await;
    let old = db.token_named("old-system").await.unwrap().expect("the token just made");
    assert!(db.revoke_token(&old.id).await.unwrap());
    let expired = khuyencong::http::auth::generate();
    db.create_token(&expired.id, "expired", "write", &expired.secret_sha256, Some("2020-01-01T00:00:00Z"))
        .await
        .unwrap();
    // The same token with its last secret digit changed (to a digit it is not).
    let last = if write.ends_with('0') { '1' } else { '0' };
    let tampered = format!("{}{last}", &write[..write.len() - 1]);

    let reported = json!({"schemes": {"value": 65}});
    for (what, token, status) in [
        ("no token", None, 401),
        ("not a token", Some("hello"), 401),
        ("a wrong secret", Some(tampered.as_str()), 401),
        ("a revoked token", Some(revoked.as_str()), 401),
        ("an expired token", Some(expired.token.as_str()), 401),
    ] {
        let etag = app.etag("2016-2020").await;
        let mut request = app
            .client
            .put(format!("{}/programmes/2016-2020/reported", app.address))
            .header("If-Match", etag)
            .json(&reported);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status().as_u16(), status, "{what}");
        assert_eq!(response.headers()["content-type"], "application/problem+json; charset=utf-8", "{what}");
        let challenge = response.headers()["www-authenticate"].to_str().unwrap();
        assert!(challenge.starts_with("Bearer realm=\"khuyencong\""), "{what}: {challenge}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["type"], "urn:khuyencong:problem:unauthorized", "{what}");
    }
    // Basic auth is not a bearer token.
    let basic = app
        .client
        .delete(format!("{}/programmes/2016-2020", app.address))
        .basic_auth("u", Some("p"))
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status().as_u16(), 401);

    // A write token may write but not read the audit trail; an admin token may do both.
    let etag = app.etag("2016-2020").await;
    let (status, _, _) = app
        .send(Write {
            method: Method::PUT,
            path: "/programmes/2016-2020/reported",
            token: Some(&write),
            if_match: Some(&etag),
            body: Some(reported.clone()),
        })
        .await;
    assert_eq!(status, 200);
    let forbidden = app.client.get(format!("{}/audit", app.address)).bearer_auth(&write).send().await.unwrap();
    assert_eq!(forbidden.status().as_u16(), 403);
    let body: serde_json::Value = forbidden.json().await.unwrap();
    assert_eq!(body["type"], "urn:khuyencong:problem:forbidden");
    let etag = app.etag("2016-2020").await;
    let (status, _, _) = app
        .send(Write {
            method: Method::PUT,
            path: "/programmes/2016-2020/reported",
            token: Some(&admin),
            if_match: Some(&etag),
            body: Some(reported),
        })
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        app.client.get(format!("{}/audit", app.address)).bearer_auth(&admin).send().await.unwrap().status().as_u16(),
        200
    );
    // Reads stay public.
    assert_eq!(app.get("/programmes/2016-2020/totals").await.0, 200);
}

#[tokio::test]
async fn only_a_hash_of_the_secret_is_stored() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let stored = app.db().await.tokens().await.unwrap();
    assert_eq!(stored.len(), 1);
    let secret = token.rsplit('_').next().unwrap();
    assert!(!stored[0].secret_sha256.contains(secret) && stored[0].secret_sha256.len() == 64);
    assert_eq!(stored[0].secret_sha256, khuyencong::http::auth::sha256(secret));
}
