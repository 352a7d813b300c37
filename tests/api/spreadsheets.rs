//! The workbook (`export.xlsx`) and the CSV byte-order mark: the same data gives the same bytes,
//! a write changes them, and the option and the language are part of the representation.
//! (Reading the workbook with openpyxl and LibreOffice is `scripts/spreadsheet-test`.)

use reqwest::Method;

use crate::helpers::{TestApp, Write, spawn_app};

async fn download(app: &TestApp, path: &str, language: &str) -> (u16, String, String, Vec<u8>) {
    let got = app.get_with(path, &[("Accept-Language", language)]).await;
    let header = |name: &str| got.header(name).unwrap_or_default().to_string();
    let (etag, kind) = (header("etag"), header("content-type"));
    (got.status, etag, kind, got.body)
}

#[tokio::test]
async fn the_workbook_has_the_same_bytes_for_the_same_data_and_new_ones_after_a_write() {
    let app = spawn_app().await;
    let path = "/programmes/2016-2020/export.xlsx";
    let (status, etag, kind, first) = download(&app, path, "en").await;
    assert_eq!(status, 200);
    assert_eq!(kind, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert!(first.starts_with(b"PK\x03\x04"), "a zip container");
    assert!(etag.ends_with("-xlsx-en\""), "{etag}");
    let (_, again_tag, _, again) = download(&app, path, "en").await;
    assert_eq!((again_tag, again.len()), (etag.clone(), first.len()));
    assert!(again == first, "two downloads of one version are byte-identical");
    let (_, vi_tag, _, vi) = download(&app, path, "vi").await;
    assert!(vi_tag.ends_with("-xlsx-vi\"") && vi != first, "sheet names in Vietnamese: another representation");

    let token = app.token("sheets", "write").await;
    let current = app.etag("2016-2020").await;
    let (status, _, _) = app
        .send(Write {
            method: Method::PUT,
            path: "/programmes/2016-2020/reported",
            token: Some(&token),
            if_match: Some(&current),
            body: Some(serde_json::json!({"schemes": {"value": 66}})),
        })
        .await;
    assert_eq!(status, 200);
    let (_, after_tag, _, after) = download(&app, path, "en").await;
    assert_ne!(after_tag, etag);
    assert!(after != first, "a write changes the bytes");
    assert_eq!(download(&app, "/programmes/nope/export.xlsx", "en").await.0, 404);
}

#[tokio::test]
async fn the_csv_byte_order_mark_is_an_option_of_its_own_representation() {
    let app = spawn_app().await;
    for path in ["/programmes/2016-2020/schemes.csv", "/programmes/2016-2020/breakdown.csv?by=activity"] {
        let join = if path.contains('?') { '&' } else { '?' };
        let (status, plain_tag, _, plain) = download(&app, path, "en").await;
        let (_, bom_tag, _, with_bom) = download(&app, &format!("{path}{join}bom=true"), "en").await;
        assert_eq!(status, 200);
        assert!(with_bom.starts_with(b"\xEF\xBB\xBF") && !plain.starts_with(b"\xEF\xBB\xBF"), "{path}");
        assert_eq!(&with_bom[3..], &plain[..], "{path}: otherwise the same");
        assert!(bom_tag.ends_with("-csv-bom\"") && plain_tag.ends_with("-csv\""), "{bom_tag} {plain_tag}");
        assert_eq!(download(&app, &format!("{path}{join}bom=yes"), "en").await.0, 400, "{path}");
    }
}
