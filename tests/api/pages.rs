//! The pages for people: in Vietnamese and English, with each language's numbers, validated
//! like the JSON, and listing every programme (one loaded through the API too).

use reqwest::Method;

use crate::helpers::{TestApp, Write, spawn_app, test_programme};

/// GET `path` with `Accept-Language`: status, ETag, Content-Language, Vary, body.
async fn page(app: &TestApp, path: &str, language: Option<&str>) -> (u16, String, String, String, String) {
    let mut request = app.client.get(format!("{}{path}", app.address));
    if let Some(language) = language {
        request = request.header("Accept-Language", language);
    }
    let response = request.send().await.unwrap();
    let header = |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    let (etag, language, vary) = (header("etag"), header("content-language"), header("vary"));
    let kind = header("content-type");
    let status = response.status().as_u16();
    let body = response.text().await.unwrap();
    if status == 200 {
        assert_eq!(kind, "text/html; charset=utf-8", "{path}");
    }
    (status, etag, language, vary, body)
}

#[tokio::test]
async fn the_home_page_speaks_the_language_asked_for_and_links_to_the_other() {
    let app = spawn_app().await;
    let (status, vi_tag, language, vary, vi) = page(&app, "/", Some("vi-VN,vi;q=0.9,en;q=0.5")).await;
    assert_eq!((status, language.as_str()), (200, "vi"));
    assert!(vary.contains("Accept-Language"), "{vary}");
    assert!(vi.contains("<html lang=\"vi\">") && vi.contains("href=\"/en\""), "links to English");
    assert!(vi.contains(">41.306,53<") && vi.contains(">12.578,48<") && vi.contains(">28.728,05<"), "{vi}");
    let (_, en_tag, language, _, en) = page(&app, "/", None).await;
    assert_eq!(language, "en", "English without Accept-Language");
    assert!(en.contains(">41,306.53<") && en.contains("href=\"/vi\""), "{en}");
    assert_ne!(vi_tag, en_tag);
    assert!(vi_tag.ends_with("-html-vi\"") && en_tag.ends_with("-html-en\""), "{vi_tag} {en_tag}");
    // the language pages name their language in the path
    let (_, _, language, vary, body) = page(&app, "/en", Some("vi")).await;
    assert_eq!(language, "en");
    assert!(!vary.contains("Accept-Language"), "a path that names its language does not vary by it: {vary}");
    assert!(body.contains(">41,306.53<"));
    // validated like the JSON
    let response = app.client.get(format!("{}/vi", app.address)).header("If-None-Match", &vi_tag).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 304);
}

#[tokio::test]
async fn a_programme_loaded_through_the_api_appears_on_the_home_page() {
    let app = spawn_app().await;
    let token = app.token("pages", "write").await;
    let (status, _, _) = app
        .send(Write {
            method: Method::PUT,
            path: "/programmes/2021-2025",
            token: Some(&token),
            if_match: None,
            body: Some(test_programme("2021-2025")),
        })
        .await;
    assert_eq!(status, 201);
    let (_, _, _, _, home) = page(&app, "/vi", None).await;
    assert!(home.contains("href=\"/vi/programmes/2021-2025\"") && home.contains("2021–2025"), "{home}");
    assert!(home.contains(">1.000,00<"), "its reported cost, as Vietnamese writes it: {home}");
    let (status, _, language, _, body) = page(&app, "/en/programmes/2021-2025", None).await;
    assert_eq!((status, language.as_str()), (200, "en"));
    assert!(body.contains("Test programme"));
}

#[tokio::test]
async fn a_programme_page_shows_its_reconciliation_charts_and_records() {
    let app = spawn_app().await;
    let (status, tag, _, _, vi) = page(&app, "/vi/programmes/2016-2020", None).await;
    assert_eq!(status, 200);
    assert!(tag.ends_with("-html-vi\""));
    for figure in [
        "41.306,53",
        "41.096,53",
        "210,00",
        "6.713,69 – 7.898,47 (phần trong 9.570,70 triệu đồng chưa tách)",
        "1.672,23 – 2.857,01",
        "45–46 trong 64 đề án đã ghi",
        "76,85%",
        "19,12%",
        "69,55%",
    ] {
        assert!(vi.contains(figure), "{figure}");
    }
    assert_eq!(vi.matches("<svg role=\"img\"").count(), 2, "two charts");
    assert_eq!(vi.matches("<title id=\"chart-").count(), 2);
    assert_eq!(vi.matches("<desc id=\"chart-").count(), 2);
    assert_eq!(vi.matches("class=\"card\"").count(), 7, "the seven records");
    assert!(
        vi.contains("đã hướng dẫn đơn vị thực hiện và trực tiếp triển khai 65 đề án")
            || vi.contains("Triển khai thực hiện 03 đề án")
    );
    assert!(vi.contains("Suy ra từ số công bố (không phải số công bố)"), "the bounds in words");
    assert!(vi.contains("bài viết không tách theo cấp"), "a level the article never splits is not a gap");
    assert!(vi.contains("bài viết không nêu số liệu"), "rows with nothing itemised are marked");
    assert!(vi.contains("đăng ngày 06/11/2020"), "the date as Vietnamese write it");
    assert!(vi.contains("href=\"/programmes/2016-2020/schemes.csv\""), "links to the CSV");
    let (_, _, _, _, en) = page(&app, "/en/programmes/2016-2020", None).await;
    for figure in ["41,306.53", "6,713.69 – 7,898.47", "76.85%", "19.12%", "published 6 November 2020"] {
        assert!(en.contains(figure), "{figure}");
    }
    let (status, _, _, _, _) = page(&app, "/vi/programmes/no-such-programme", None).await;
    assert_eq!(status, 404);
    // in the contract, as HTML operations
    let spec = app.get_ok("/openapi.json").await;
    let content = &spec["paths"]["/vi/programmes/{id}"]["get"]["responses"]["200"]["content"];
    assert!(content.get("text/html").is_some(), "{content}");
}
