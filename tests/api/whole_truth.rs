//! Each response tells the whole truth about its figures: the nine readings of issue 13, each
//! checked against the seeded 2016-2020 programme with the values a reader would compute.

use khuyencong::storage::Actor;
use khuyencong::storage::seeds::{self, SeedFile};
use serde_json::{Value, json};

use crate::helpers::{fresh_database, seed_text, spawn_app, spawn_app_on};

const P: &str = "/programmes/2016-2020";

fn row<'a>(breakdown: &'a Value, key: &str) -> &'a Value {
    breakdown["rows"].as_array().unwrap().iter().find(|r| r["key"] == key).unwrap_or_else(|| panic!("row {key}"))
}

fn notes(body: &Value) -> Vec<String> {
    body["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn every_breakdown_reconciles_with_the_published_65_schemes_and_41306_53() {
    let app = spawn_app().await;
    for by in ["activity", "scope", "source"] {
        let b = app.get_ok(&format!("{P}/breakdown?by={by}")).await;
        assert_eq!(
            b["reconciliation"],
            json!({"schemes": {"reported": 65, "itemised": 64, "gap": 1},
                   "cost": {"reported": "41306.53", "itemised": "41096.53", "gap": "210.00"}}),
            "by={by}"
        );
        assert_eq!(
            notes(&b)[0],
            "The rows cover 64 of the 65 schemes and 41096.53 of the 41306.53 million VND the programme reports: \
             the difference (1 scheme and 210.00 million VND) is in the reported totals but in no scheme record, \
             so no row shows it.",
            "by={by}"
        );
    }
    // by=source: each source's reported figure beside what is itemised under it
    let b = app.get_ok(&format!("{P}/breakdown?by=source")).await;
    let reported: Vec<Value> = b["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| json!([r["key"], r["cost"], r["reported_cost"], r["cost_gap"]]))
        .collect();
    assert_eq!(
        reported,
        [
            json!(["state_budget", "11393.70", "12578.48", "1184.78"]),
            json!(["central_budget", "0.00", "7898.47", "7898.47"]),
            json!(["local_budget", "1823.00", "4680.01", "2857.01"]),
            json!(["contributions", "28728.03", "28728.05", "0.02"]),
            json!(["unattributed", "974.80", null, null]),
        ]
    );
    // by=scope: the reported 46 local and 19 national beside the 0 itemised as either
    let b = app.get_ok(&format!("{P}/breakdown?by=scope")).await;
    let scopes: Vec<Value> = b["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| json!([r["key"], r["schemes"], r["reported_schemes"], r["schemes_gap"]]))
        .collect();
    assert_eq!(
        scopes,
        [json!(["local", 0, 46, 46]), json!(["national", 0, 19, 19]), json!(["unknown", 64, null, null])]
    );
}

#[tokio::test]
async fn shares_name_their_base_and_give_the_share_of_the_reported_total() {
    let app = spawn_app().await;
    let b = app.get_ok(&format!("{P}/breakdown?by=activity")).await;
    assert_eq!(
        b["share_bases"],
        json!({"share_percent": {"measure": "cost.itemised", "amount": "41096.53"},
               "share_of_reported_percent": {"measure": "cost.reported", "amount": "41306.53"}})
    );
    let demonstration = row(&b, "demonstration_technology_transfer");
    assert_eq!(
        (&demonstration["share_percent"], &demonstration["share_of_reported_percent"]),
        (&json!("77.24"), &json!("76.85"))
    );
    // the central budget: 0 of the itemised, and 0 of the reported total, with its reported
    // figure beside it (7,898.47 is 62.79% of the reported state support)
    let central = row(&app.get_ok(&format!("{P}/breakdown?by=source")).await, "central_budget").clone();
    assert_eq!((&central["share_percent"], &central["share_of_reported_percent"]), (&json!("0.00"), &json!("0.00")));
    assert_eq!(central["reported_cost"], "7898.47");
}

#[tokio::test]
async fn rows_with_nothing_itemised_are_not_shown_as_known_zeros() {
    let app = spawn_app().await;
    let b = app.get_ok(&format!("{P}/breakdown?by=activity")).await;
    let empty: Vec<&str> = b["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["nothing_itemised"] == true)
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert_eq!(empty, ["rural_product_promotion", "linkage_clusters_relocation", "international_cooperation"]);
    assert!(
        notes(&b).contains(
            &"Nothing is itemised under `rural_product_promotion`, `linkage_clusters_relocation` and \
              `international_cooperation`: the programme publishes no figure for them, so their zeros are not \
              known zeros. The 12 schemes (6349.00 million VND) counted as `unspecified` may include some of theirs."
                .to_string()
        ),
        "{:?}",
        notes(&b)
    );
    let b = app.get_ok(&format!("{P}/breakdown?by=source")).await;
    assert_eq!(row(&b, "central_budget")["nothing_itemised"], true);
    assert_eq!(row(&b, "local_budget")["nothing_itemised"], false);
    assert!(
        notes(&b).iter().any(|n| n.starts_with(
            "No funding line names `central_budget` or a source below it: its zeros are not known zeros. The \
             programme reports 7898.47 million VND from it (`reported_cost`). The 9570.70 million VND of unsplit \
             `state_budget` funding and the 974.80 million VND no funding line covers may include some of it."
        )),
        "{:?}",
        notes(&b)
    );
}

#[tokio::test]
async fn totals_give_the_bounds_the_reported_figures_imply_for_unsplit_state_money() {
    let app = spawn_app().await;
    let t = app.get_ok(&format!("{P}/totals")).await;
    let implied: Vec<Value> = t["funding"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let i = &f["implied"];
            json!([f["source"], i["parent"], i["unsplit"], i["at_least"], i["at_most"]])
        })
        .collect();
    assert_eq!(
        implied,
        [
            json!(["state_budget", null, null, null, null]),
            json!(["central_budget", "state_budget", "9570.70", "6713.69", "7898.47"]),
            json!(["local_budget", "state_budget", "9570.70", "1672.23", "2857.01"]),
            json!(["contributions", null, null, null, null]),
        ]
    );
    assert!(t["funding"][1]["implied"]["basis"].as_str().unwrap().starts_with("Implied, not reported:"));
    assert!(notes(&t).contains(
        &"Implied, not reported: of the 9570.70 million VND of unsplit state_budget funding, at least 6713.69 and at \
          most 7898.47 is central_budget's, by the arithmetic of the reported figures (see `implied`)."
            .to_string()
    ));
    // the same bounds where a reader of the source breakdown sees the central budget
    let b = app.get_ok(&format!("{P}/breakdown?by=source")).await;
    assert_eq!(row(&b, "central_budget")["implied"]["at_least"], "6713.69");
}

#[tokio::test]
async fn activities_carry_decree_clause_and_point_and_labels_say_they_are_ours() {
    let app = spawn_app().await;
    let items = app.get_ok("/activities").await["items"].clone();
    let provisions: Vec<Value> =
        items.as_array().unwrap().iter().map(|a| json!([a["key"], a["clause"], a["point"]])).collect();
    assert_eq!(
        provisions,
        [
            json!(["vocational_training", 1, null]),
            json!(["management_capacity", 2, null]),
            json!(["demonstration_technology_transfer", 3, null]),
            json!(["rural_product_promotion", 4, null]),
            json!(["consulting_assistance", 5, "a"]),
            json!(["information_provision", 5, "b"]),
            json!(["linkage_clusters_relocation", 6, null]),
            json!(["international_cooperation", 7, null]),
            json!(["programme_management_capacity", 8, null]),
            json!(["unspecified", null, null]),
        ]
    );
    let spec = app.get_ok("/openapi.json").await;
    let activity = &spec["components"]["schemas"]["Activity"]["properties"];
    assert!(activity["names"]["description"].as_str().unwrap().contains("not the decree's words"), "{activity}");
    assert!(activity["point"]["description"].as_str().unwrap().contains("clause 5 has `a`"), "{activity}");
}

#[tokio::test]
async fn labels_claim_only_what_the_source_says() {
    let app = spawn_app().await;
    let sources = app.get_ok("/funding-sources").await["items"].clone();
    let names: Vec<Value> = sources.as_array().unwrap().iter().map(|s| json!([s["key"], s["names"]["vi"]])).collect();
    assert_eq!(
        names,
        [
            json!(["state_budget", "Ngân sách nhà nước"]),
            json!(["central_budget", "Ngân sách Trung ương"]),
            json!(["local_budget", "Ngân sách địa phương"]),
            json!(["contributions", "Đóng góp của các tổ chức, cá nhân tham gia và thụ hưởng"]),
        ]
    );
    // the source's own wording is in the quotes: "ngân sách thành phố"
    let t = app.get_ok(&format!("{P}/totals")).await;
    assert_eq!(t["funding"][2]["quote"], "ngân sách thành phố 4.680,01 triệu đồng");
    // the article writes "UBND thành phố"
    assert_eq!(app.get_ok(P).await["legal_basis"]["issuer"], "UBND thành phố");
    let spec = serde_json::to_string(&app.get_ok("/openapi.json").await).unwrap();
    for claim in ["city funds", "Ministry funds", "as the source writes it", "kinh phí khuyến công quốc gia"] {
        assert!(!spec.contains(claim), "the spec still claims {claim:?}");
    }
}

#[tokio::test]
async fn every_reported_quote_starts_where_its_claim_starts() {
    let app = spawn_app().await;
    let t = app.get_ok(&format!("{P}/totals")).await;
    let article = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/source/hai-phong-khuyen-cong-2016-2020.txt"
    ))
    .ok();
    let quotes = [
        (&t["schemes"]["quote"], "đã hướng dẫn đơn vị thực hiện và trực tiếp triển khai 65 đề án"),
        (&t["schemes"]["by_scope"][0]["quote"], "46 đề án khuyến công địa phương"),
        (&t["schemes"]["by_scope"][1]["quote"], "19 đề án khuyến công quốc gia"),
        (&t["cost"]["quote"], "với tổng kinh phí thực hiện là: 41.306,53"),
        (&t["funding"][0]["quote"], "trong đó kinh phí ngân sách nhà nước hỗ trợ 12.578,48"),
        (&t["funding"][1]["quote"], "ngân sách Trung ương 7.898,47"),
        (&t["funding"][2]["quote"], "ngân sách thành phố 4.680,01"),
        (&t["funding"][3]["quote"], "các tổ chức, cá nhân tham gia và thụ hưởng đã huy động"),
    ];
    for (quote, start) in quotes {
        let quote = quote.as_str().expect("a quote");
        assert!(quote.starts_with(start), "{quote:?} should start with {start:?}");
        if let Some(article) = &article {
            assert!(article.contains(quote), "not verbatim in the article: {quote}");
        }
    }
}

#[tokio::test]
async fn attendances_add_up_and_the_610_workers_say_what_they_may_not_mean() {
    let app = spawn_app().await;
    let indicators = app.get_ok(&format!("{P}/indicators")).await;
    let attendances = &indicators["indicators"][1];
    assert_eq!(
        (&attendances["key"], &attendances["additive"], &attendances["total"]),
        (&json!("participant_attendances"), &json!(true), &json!("716"))
    );
    assert_eq!(attendances["unit"], "person-time");
    let workers = &indicators["indicators"][0]["records"][0];
    assert!(workers["note"].as_str().unwrap().contains("only by the crochet skill upgrading"), "{workers}");
    let training = app.get_ok(&format!("{P}/schemes/vocational-training")).await;
    let note = training["indicators"][0]["note"].as_str().expect("the 610 carry a note");
    assert!(note.contains("only by the crochet skill upgrading"), "{note}");
}

#[tokio::test]
async fn the_ngoai_ra_reading_is_said_once_on_the_group_it_concerns() {
    let app = spawn_app().await;
    let list = app.get_ok(&format!("{P}/schemes")).await;
    let noted: Vec<(&str, &str)> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| Some((r["id"].as_str()?, r["note"].as_str()?)))
        .collect();
    assert_eq!(noted.len(), 1, "{noted:?}");
    let (id, note) = noted[0];
    assert_eq!(id, "additional-schemes");
    assert!(note.starts_with("A reading, not the source's words:"), "{note}");
    assert!(note.contains("\"Ngoài ra\"") && note.contains("52 schemes"), "{note}");
}

#[tokio::test]
async fn a_corrected_seed_reaches_a_database_still_as_its_old_version_left_it() {
    let url = fresh_database().await;
    let app = spawn_app_on(url.clone()).await;
    let db = app.db().await;
    let reference = db.reference().await.unwrap();
    let corrected: Value = serde_json::from_str(&seed_text()).unwrap();
    // the seed as an earlier release loaded it
    let mut old = corrected.clone();
    old["legal_basis"]["issuer"] = json!("UBND thành phố Hải Phòng");
    let old_file = SeedFile { name: "2016-2020.json".into(), text: old.to_string() };
    assert_eq!(seeds::load(&db, &[old_file], true).await.unwrap(), ["2016-2020.json"]);
    assert_eq!(app.get_ok(P).await["legal_basis"]["issuer"], "UBND thành phố Hải Phòng");

    // a restart with the corrected seed loads it again, once
    assert_eq!(seeds::load(&db, &seeds::embedded(), false).await.unwrap(), ["2016-2020.json"]);
    assert_eq!(seeds::load(&db, &seeds::embedded(), false).await.unwrap(), Vec::<String>::new());
    let restarted = spawn_app_on(url.clone()).await;
    assert_eq!(restarted.get_ok(P).await["legal_basis"]["issuer"], "UBND thành phố");

    // a programme someone changed since is theirs: a seed correction leaves it alone
    let mut edited = corrected.clone();
    edited["names"]["en"] = json!("Edited by the centre");
    let file = SeedFile { name: "edit.json".into(), text: edited.to_string() };
    let valid = seeds::parse(&file, &reference).unwrap();
    db.replace_programme(&valid, &Actor::local("centre")).await.unwrap();
    let old_again = SeedFile { name: "2016-2020.json".into(), text: old.to_string() };
    assert_eq!(seeds::load(&db, &[old_again], false).await.unwrap(), Vec::<String>::new());
    assert_eq!(spawn_app_on(url).await.get_ok(P).await["names"]["en"], "Edited by the centre");
}
