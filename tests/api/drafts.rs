//! Drafts from report text: `POST /drafts` and `khuyencong draft`, as a person pasting a report
//! and an agency's system meet them.

use serde_json::Value;

use crate::helpers::{run_binary, spawn_app};

fn article() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/source/hai-phong-khuyen-cong-2016-2020.txt"))
        .expect("the seed article")
}

/// The figure placed at `pointer`.
fn at<'a>(draft: &'a Value, pointer: &str) -> &'a Value {
    draft["figures"].as_array().unwrap().iter().find(|f| f["pointer"] == pointer).unwrap_or(&Value::Null)
}

#[tokio::test]
async fn a_pasted_report_comes_back_as_a_draft_with_every_figure_in_place() {
    let app = spawn_app().await;
    let token = app.token("bien-tap", "write").await;
    let post = |body: Vec<u8>, content_type: &'static str, language: &'static str| {
        app.client
            .post(format!("{}/drafts", app.address))
            .bearer_auth(&token)
            .header("Content-Type", content_type)
            .header("Accept-Language", language)
            .body(body)
            .send()
    };
    let response = post(article().into_bytes(), "text/plain; charset=utf-8", "en").await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let draft: Value = response.json().await.unwrap();
    let document = &draft["document"];
    assert_eq!(document["reported"]["cost"]["amount"], "41306.53");
    assert_eq!(document["reported"]["schemes"]["value"], 65);
    assert_eq!(document["schemes"].as_array().unwrap().len(), 7);
    assert_eq!(document["schemes"][3]["funding"][1]["amount"], "25982.18");
    assert_eq!(document["period"]["start_year"], 2016);
    assert_eq!(document["kind"], "result");
    assert_eq!(document["id"], Value::Null, "what the text does not say is null");
    assert_eq!(draft["jurisdiction"]["id"], "hai-phong");
    let cost = at(&draft, "/reported/cost");
    assert_eq!(cost["value"], "41306.53");
    assert_eq!(cost["unit_as_written"], "triệu đồng");
    assert_eq!(cost["quote"], "với tổng kinh phí thực hiện là: 41.306,53triệu đồng");
    // The quote is the text between its offsets, counted in Unicode scalars.
    let chars: Vec<char> = article().chars().collect();
    for f in draft["figures"].as_array().unwrap() {
        let (s, e) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(f["quote"].as_str().unwrap(), chars[s..e].iter().collect::<String>());
    }
    let warnings: Vec<&str> = draft["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert!(warnings.iter().any(|w| w.contains("/schemes/4") && w.contains("Ngoài ra")), "{warnings:?}");
    // The validation's warnings on the draft as it stands, as a write would give them.
    assert!(
        warnings.iter().any(|w| w == &"The programme reports 65 schemes; its scheme records cover 64: a gap of 1."),
        "{warnings:?}"
    );

    // A byte-order mark and decomposed accents (NFD): the offsets are into the text without
    // the mark, made NFC, so the quotes are the same.
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(article().as_str()).collect();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(nfd.into_bytes());
    let again: Value = post(bom, "text/plain", "vi").await.unwrap().json().await.unwrap();
    assert_eq!(at(&again, "/reported/cost")["start"], cost["start"]);
    assert_eq!(at(&again, "/reported/cost")["quote"], cost["quote"]);
    let vi: Vec<&str> = again["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert!(vi.iter().any(|w| w.contains("cần người nhập xác nhận")), "warnings in Vietnamese: {vi:?}");
}

#[tokio::test]
async fn bad_bodies_and_missing_tokens_get_a_clear_problem() {
    let app = spawn_app().await;
    let token = app.token("bien-tap", "write").await;
    let send = |body: Vec<u8>, content_type: &'static str, token: Option<&str>| {
        let mut request =
            app.client.post(format!("{}/drafts", app.address)).header("Content-Type", content_type).body(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    let repeated = article().repeat(1 + (1 << 20) / article().len());
    for (what, body, content_type, token, status, detail) in [
        ("no token", article().into_bytes(), "text/plain", None, 401, ""),
        ("an empty body", Vec::new(), "text/plain", Some(token.as_str()), 400, "empty"),
        ("white space only", b" \n\t ".to_vec(), "text/plain", Some(token.as_str()), 400, "empty"),
        ("Latin-1 bytes", b"T\xf4ng kinh ph\xed".to_vec(), "text/plain", Some(token.as_str()), 400, "not UTF-8"),
        ("past 1 MiB", repeated.into_bytes(), "text/plain", Some(token.as_str()), 413, "bytes"),
        ("JSON", b"{\"text\": \"x\"}".to_vec(), "application/json", Some(token.as_str()), 415, "text/plain"),
        (
            "another charset",
            article().into_bytes(),
            "text/plain; charset=windows-1258",
            Some(token.as_str()),
            415,
            "text/plain",
        ),
    ] {
        let response = send(body, content_type, token).await.unwrap();
        assert_eq!(response.status(), status, "{what}");
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/problem+json"), "{what}");
        let problem: Value = response.json().await.unwrap();
        assert!(problem["detail"].as_str().unwrap().contains(detail), "{what}: {problem}");
    }
}

#[test]
fn the_command_drafts_with_no_database() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/source/hai-phong-khuyen-cong-2016-2020.txt");
    // A database URL that cannot be opened: the command never opens one.
    let env = [("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none"), ("LANG", "C")];
    let (code, stdout, stderr) = run_binary(&env, &["draft", path]);
    assert_eq!(code, 0, "{stderr}");
    let draft: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(draft["document"]["reported"]["funding"][3]["amount"], "28728.05");
    assert_eq!(draft["document"]["schemes"][0]["indicators"][0]["value"], "610");
    let (code, _, stderr) = run_binary(&[("LANG", "vi_VN.UTF-8")], &["draft", "/dev/null"]);
    assert_eq!((code, stderr.trim()), (1, "khuyencong: Văn bản trống: hãy đưa văn bản báo cáo"));
}
