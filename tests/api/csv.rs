//! CSV for scheme lists and breakdowns, parsed back with the csv crate.

use serde_json::Value;

use crate::helpers::spawn_app;

async fn csv_rows(app: &crate::helpers::TestApp, path: &str, accept_header: bool) -> (Vec<String>, Vec<Vec<String>>) {
    let mut request = app.client.get(format!("{}{path}", app.address));
    if accept_header {
        request = request.header("Accept", "text/csv");
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200, "{path}");
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(response.headers()["vary"].to_str().unwrap().contains("Accept"));
    crate::helpers::csv_table(&response.text().await.unwrap())
}

#[tokio::test]
async fn the_scheme_list_as_csv_has_the_same_values_as_the_json() {
    let app = spawn_app().await;
    let json = app.get_ok("/programmes/2016-2020/schemes").await;
    for accept in [true, false] {
        let path = if accept { "/programmes/2016-2020/schemes" } else { "/programmes/2016-2020/schemes?format=csv" };
        let (header, rows) = csv_rows(&app, path, accept).await;
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        assert_eq!(rows.len(), 7);
        for (row, item) in rows.iter().zip(json["items"].as_array().unwrap()) {
            assert_eq!(row[col("id")], item["id"].as_str().unwrap());
            assert_eq!(row[col("activity")], item["activity"]["key"].as_str().unwrap());
            assert_eq!(row[col("scheme_count")], item["scheme_count"].to_string());
            assert_eq!(row[col("cost")], item["cost"].as_str().unwrap());
            assert_eq!(row[col("title_vi")], item["title"]["vi"].as_str().unwrap(), "Vietnamese text intact");
            assert_eq!(row[col("quote")], item["quote"].as_str().unwrap());
            for source in ["state_budget", "central_budget", "local_budget", "contributions"] {
                let amount = item["funding"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|f| f["source"] == source)
                    .map(|f| f["amount"].as_str().unwrap());
                assert_eq!(row[col(&format!("funding_{source}"))], amount.unwrap_or(""), "{source}");
            }
        }
    }
    let (_, rows) = csv_rows(&app, "/programmes/2016-2020/schemes?format=csv&source=contributions", false).await;
    assert_eq!(rows.len(), 3);
}

#[tokio::test]
async fn csv_pages_link_to_the_next_page() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(format!("{}/programmes/2016-2020/schemes?format=csv&limit=5", app.address))
        .send()
        .await
        .unwrap();
    let link = response.headers()["link"].to_str().unwrap().to_string();
    // the fifth record, at position 4, is `additional-schemes`
    assert!(link.ends_with("rel=\"next\"") && link.contains("cursor=4.additional-schemes"), "{link}");
    let (_, rows) =
        csv_rows(&app, "/programmes/2016-2020/schemes?format=csv&limit=5&cursor=4.additional-schemes", false).await;
    assert_eq!(rows.len(), 2);
    // a cursor 0.2 gave out still reads
    let (_, rows) = csv_rows(&app, "/programmes/2016-2020/schemes?format=csv&limit=5&cursor=s4", false).await;
    assert_eq!(rows.len(), 2);
}

#[tokio::test]
async fn a_breakdown_as_csv_has_the_same_values_as_the_json() {
    let app = spawn_app().await;
    for by in ["activity", "scope", "source"] {
        let json: Value = app.get_ok(&format!("/programmes/2016-2020/breakdown?by={by}")).await;
        let (header, rows) =
            csv_rows(&app, &format!("/programmes/2016-2020/breakdown?by={by}&format=csv"), false).await;
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let items = json["rows"].as_array().unwrap();
        assert_eq!(rows.len(), items.len(), "{by}");
        for (row, item) in rows.iter().zip(items) {
            assert_eq!(row[col("key")], item["key"].as_str().unwrap());
            assert_eq!(row[col("schemes")], item["schemes"].to_string());
            assert_eq!(row[col("cost")], item["cost"].as_str().unwrap());
            assert_eq!(row[col("share_percent")], item["share_percent"].as_str().unwrap());
            assert_eq!(row[col("name_vi")], item["names"]["vi"].as_str().unwrap());
        }
    }
    let (status, body) = app.get("/programmes/2016-2020/breakdown?by=activity&format=xml").await;
    assert_eq!((status, body["errors"][0]["parameter"].as_str()), (400, Some("format")));
}

#[tokio::test]
async fn text_a_spreadsheet_would_run_as_a_formula_is_neutralised_and_numbers_stay_numbers() {
    let app = spawn_app().await;
    let token = app.token("so-cong-thuong", "write").await;
    let mut doc = crate::helpers::test_programme("formulas");
    doc["schemes"][0]["title"]["en"] = Value::from("=HYPERLINK(\"http://evil.example\",\"x\")");
    doc["schemes"][0]["title"]["vi"] = Value::from("@SUM(A1:A9)");
    doc["schemes"][1]["quote"] = Value::from("-2+3");
    let put = app.client.put(format!("{}/programmes/formulas", app.address)).bearer_auth(&token).json(&doc);
    assert_eq!(put.send().await.unwrap().status().as_u16(), 201);
    let (header, rows) = csv_rows(&app, "/programmes/formulas/schemes?format=csv", false).await;
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows[0][col("title_en")], "'=HYPERLINK(\"http://evil.example\",\"x\")");
    assert_eq!(rows[0][col("title_vi")], "'@SUM(A1:A9)");
    assert_eq!(rows[1][col("quote")], "'-2+3");
    assert_eq!(rows[0][col("cost")], "300.00", "numbers are not prefixed");
    // The JSON keeps the text as it was sent.
    let json = app.get_ok("/programmes/formulas/schemes").await;
    assert_eq!(json["items"][0]["title"]["en"], "=HYPERLINK(\"http://evil.example\",\"x\")");
}

#[tokio::test]
async fn accept_is_weighed_by_its_q_values() {
    let app = spawn_app().await;
    let json = "application/json; charset=utf-8";
    let cases = [
        ("text/csv", 200, "text/csv; charset=utf-8"),
        // Refusing CSV and naming nothing else takes nothing this operation has (RFC 9110 §12.5.1).
        ("text/csv;q=0", 406, "application/problem+json; charset=utf-8"),
        ("text/csv;q=0, */*", 200, json),
        ("application/json;q=0.5, text/csv", 200, "text/csv; charset=utf-8"),
        ("application/json, text/csv", 200, json),
    ];
    for (accept, status, expected) in cases {
        let response = app
            .client
            .get(format!("{}/programmes/2016-2020/breakdown?by=scope", app.address))
            .header("Accept", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), status, "{accept}");
        assert_eq!(response.headers()["content-type"], expected, "Accept: {accept}");
    }
}
