//! Messages in Vietnamese and English, chosen by `Accept-Language`: the same figures, notes,
//! warnings and problems in each language, and never one language's body for the other's ETag.

use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app, test_programme};

const P: &str = "/programmes/2016-2020";

/// GET `path` in `language`: status, ETag, Content-Language, Vary and the JSON body.
async fn get_in(app: &TestApp, path: &str, language: &str) -> (u16, String, String, String, Value) {
    let got = app.get_with(path, &[("Accept-Language", language)]).await;
    let header = |name: &str| got.header(name).unwrap_or_default().to_string();
    let (etag, content_language, vary) = (header("etag"), header("content-language"), header("vary"));
    (got.status, etag, content_language, vary, got.json())
}

/// The body without its messages (`notes`, and every bound's `basis`): what must be the same in
/// both languages.
fn figures(mut body: Value) -> Value {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(object) => {
                object.remove("notes");
                object.remove("basis");
                object.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut body);
    body
}

#[tokio::test]
async fn totals_and_breakdowns_give_the_same_figures_with_notes_in_each_language() {
    let app = spawn_app().await;
    for path in [format!("{P}/totals"), format!("{P}/breakdown?by=source"), format!("{P}/breakdown?by=activity")] {
        let (status, en_tag, en_language, vary, en) = get_in(&app, &path, "en-US,en;q=0.9").await;
        assert_eq!((status, en_language.as_str()), (200, "en"), "{path}");
        assert!(vary.contains("Accept-Language"), "{path}: {vary}");
        let (status, vi_tag, vi_language, _, vi) = get_in(&app, &path, "vi-VN,vi;q=0.9,en;q=0.5").await;
        assert_eq!((status, vi_language.as_str()), (200, "vi"), "{path}");
        assert_ne!(en_tag, vi_tag, "{path}: each language has its own ETag");
        assert!(vi_tag.ends_with("-json-vi\""), "{vi_tag}");
        assert_eq!(figures(en.clone()), figures(vi.clone()), "{path}: the same figures");
        let (en_notes, vi_notes) = (en["notes"].as_array().unwrap(), vi["notes"].as_array().unwrap());
        assert_eq!(en_notes.len(), vi_notes.len(), "{path}: a note for a note");
        for (e, v) in en_notes.iter().zip(vi_notes) {
            let (e, v) = (e.as_str().unwrap(), v.as_str().unwrap());
            assert!(!v.trim().is_empty() && e != v, "{path}: {v:?} is not a translation of {e:?}");
        }
    }
    let (_, _, _, _, vi) = get_in(&app, &format!("{P}/totals"), "vi").await;
    let notes: Vec<&str> = vi["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
    assert_eq!(notes[0], "Bài viết nêu 65 đề án; các nhóm đề án cộng lại 64 đề án: chênh lệch 1.");
    assert!(
        notes.contains(&"Bài viết nêu tổng kinh phí 41.306,53 triệu đồng; các nhóm đề án cộng lại 41.096,53 triệu đồng: chênh lệch 210,00 triệu đồng."),
        "{notes:?}"
    );
    // a level the article never splits is said to be one, not a gap of 46 schemes or 7,898.47
    assert!(
        notes.contains(&"Bài viết nêu 46 đề án khuyến công địa phương nhưng không tách các nhóm đề án theo cấp (64 đề án đã ghi không nêu cấp), nên đây không phải chênh lệch: suy ra từ số công bố, ít nhất 45 và nhiều nhất 46 trong 64 đề án đã ghi là đề án khuyến công địa phương."),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(|n| n.starts_with("Bài viết nêu ngân sách Trung ương 7.898,47 triệu đồng")
            && n.contains("không phải kinh phí nằm ngoài các nhóm đề án")),
        "{notes:?}"
    );
    assert!(!notes.iter().any(|n| n.contains("chênh lệch 7.898,47")), "{notes:?}");
    assert!(
        vi["funding"][1]["implied"]["basis"]
            .as_str()
            .unwrap()
            .starts_with("Suy ra từ số công bố (không phải số công bố)")
    );
    // q-values, not order, decide
    assert_eq!(get_in(&app, &format!("{P}/totals"), "en;q=0.3, vi;q=0.8").await.2, "vi");
    assert_eq!(get_in(&app, &format!("{P}/totals"), "fr").await.2, "en");
}

#[tokio::test]
async fn an_etag_of_one_language_never_gets_a_304_for_the_other() {
    let app = spawn_app().await;
    let path = format!("{}{P}/totals", app.address);
    let (_, en_tag, _, _, _) = get_in(&app, &format!("{P}/totals"), "en").await;
    let response =
        app.client.get(&path).header("Accept-Language", "vi").header("If-None-Match", &en_tag).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200, "the English ETag does not stand for the Vietnamese body");
    assert_eq!(response.headers()["content-language"], "vi");
    let vi_tag = response.headers()["etag"].to_str().unwrap().to_string();
    let again =
        app.client.get(&path).header("Accept-Language", "vi").header("If-None-Match", &vi_tag).send().await.unwrap();
    assert_eq!(again.status().as_u16(), 304);
}

#[tokio::test]
async fn problems_come_in_the_language_asked_for() {
    let app = spawn_app().await;
    let cases = [
        (
            "/programmes/1999-2000/totals".to_string(),
            404,
            "Không tìm thấy",
            "không tìm thấy chương trình \"1999-2000\"",
        ),
        (format!("{P}/breakdown?by=year"), 400, "Tham số không hợp lệ", "`by` \"year\" không hợp lệ"),
        (format!("{P}/totals?foo=1"), 400, "Tham số không hợp lệ", "tham số truy vấn \"foo\" không được hỗ trợ"),
        (format!("{P}/schemes?limit=0"), 400, "Tham số không hợp lệ", "`limit`: \"0\" không phải số nguyên"),
        ("/no/such/path".to_string(), 404, "Không tìm thấy", "không có tài nguyên nào ở /no/such/path"),
    ];
    for (path, status, title, detail) in cases {
        let (got, _, language, vary, vi) = get_in(&app, &path, "vi").await;
        assert_eq!((got, language.as_str()), (status, "vi"), "{path}: {vi}");
        assert!(vary.contains("Accept-Language"), "{path}: {vary}");
        assert_eq!(vi["title"], title, "{path}");
        assert!(vi["detail"].as_str().unwrap().starts_with(detail), "{path}: {}", vi["detail"]);
        let (_, _, language, _, en) = get_in(&app, &path, "en").await;
        assert_eq!(language, "en");
        assert_eq!((&en["type"], &en["status"]), (&vi["type"], &vi["status"]), "{path}: the same problem");
        assert_ne!(en["detail"], vi["detail"]);
    }
    // a wrong method, answered before routing
    let response =
        app.client.delete(format!("{}{P}/totals", app.address)).header("Accept-Language", "vi").send().await.unwrap();
    assert_eq!(response.status().as_u16(), 405);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["title"], "Phương thức không được phép");
}

#[tokio::test]
async fn validation_problems_and_warnings_of_a_write_come_in_vietnamese() {
    let app = spawn_app().await;
    let token = app.token("vi-writer", "write").await;
    let put = |body: Value| {
        app.client
            .put(format!("{}/programmes/2021-2025", app.address))
            .bearer_auth(&token)
            .header("Accept-Language", "vi")
            .json(&body)
            .send()
    };
    let mut bad = test_programme("2021-2025");
    bad["schemes"][0]["cost"] = json!("-1.00");
    bad["schemes"][1]["activity"] = json!("sailing");
    bad["names"] = json!({"vi": "Chương trình"});
    let response = put(bad).await.unwrap();
    assert_eq!(response.status().as_u16(), 422);
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["title"], "Dữ liệu không hợp lệ");
    let details: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["detail"].as_str().unwrap()).collect();
    // a structural error (serde's) is reported first, in Vietnamese
    assert_eq!(details.len(), 1, "{problem}");
    assert!(details[0].starts_with("thiếu trường `en`"), "{problem}");

    let mut bad = test_programme("2021-2025");
    bad["schemes"][0]["cost"] = json!("-1.00");
    bad["schemes"][1]["activity"] = json!("sailing");
    bad["schemes"][1]["cost"] = json!("99999.00");
    bad["schemes"][1]["funding"] = json!([{"source": "central_budget", "amount": "100000.00"}]);
    let problem: Value = put(bad).await.unwrap().json().await.unwrap();
    let details: Vec<(&str, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["pointer"].as_str().unwrap(), e["detail"].as_str().unwrap()))
        .collect();
    assert!(details.contains(&("/schemes/0/cost", "không được âm")), "{details:?}");
    assert!(
        details
            .iter()
            .any(|(p, d)| *p == "/schemes/1/activity" && d.starts_with("không có nội dung hoạt động \"sailing\"")),
        "{details:?}"
    );
    // amounts in a problem are written as Vietnamese write them
    assert!(
        details.contains(&(
            "/schemes/1/funding",
            "các dòng kinh phí cộng lại 100.000,00 triệu đồng, nhiều hơn kinh phí của nhóm đề án (99.999,00 triệu đồng)"
        )),
        "{details:?}"
    );

    let response = put(test_programme("2021-2025")).await.unwrap();
    assert_eq!(response.status().as_u16(), 201);
    assert_eq!(response.headers()["content-language"], "vi");
    let written: Value = response.json().await.unwrap();
    let warnings: Vec<&str> = written["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert!(!warnings.is_empty());
    assert!(warnings.iter().all(|w| !w.is_empty()));
    assert_eq!(
        warnings[0],
        "Bài viết nêu tổng kinh phí 1.000,00 triệu đồng; các nhóm đề án cộng lại 950,50 triệu đồng: chênh lệch 49,50 triệu đồng.",
        "{warnings:?}"
    );
}

#[tokio::test]
async fn negotiation_follows_rfc_9110_whatever_the_header_length() {
    let app = spawn_app().await;
    let cases = [
        // `*` stands for the languages no range names: English is refused by name.
        ("en;q=0, *", "vi"),
        // A weight above 1 is no qvalue: that range is left out.
        ("en;q=2, vi;q=0.5", "vi"),
        ("vi-VN,vi;q=0.9,en;q=0.8", "vi"),
        // Only the header's first ranges are read: a 60 KB header costs no more than those.
        (&*format!("{}vi", "xx;q=0.5, ".repeat(6_000)), "en"),
        (&*format!("vi, {}", "xx;q=0.5, ".repeat(6_000)), "vi"),
    ];
    for (header, expected) in cases {
        let (status, etag, content_language, _, _) = get_in(&app, &format!("{P}/totals"), header).await;
        assert_eq!((status, content_language.as_str()), (200, expected), "{}", &header[..header.len().min(40)]);
        assert_eq!(etag.ends_with("-vi\""), expected == "vi");
    }
}
