//! The command line: tokens, import and export, against the same database as a running server.

use reqwest::Method;
use serde_json::json;

use crate::helpers::{Write, fresh_database, spawn_app_on, test_programme};

use crate::helpers::run_cli as run;

#[tokio::test]
async fn a_token_made_on_the_command_line_writes_until_it_is_revoked() {
    let url = fresh_database().await;
    let app = spawn_app_on(url.clone()).await;
    let (code, stdout, stderr) =
        run(&url, &["token", "create", "--name", "so-cong-thuong", "--scope", "write", "--expires-in-days", "30"]);
    assert_eq!(code, 0, "{stderr}");
    let token = stdout.trim().to_string();
    assert!(token.starts_with("kc_"), "the token alone on stdout: {stdout}");
    assert!(stderr.contains("shown once"), "{stderr}");

    let (code, listing, _) = run(&url, &["token", "list"]);
    assert_eq!(code, 0);
    assert!(listing.contains("so-cong-thuong") && listing.contains("write"), "{listing}");
    assert!(!listing.contains(&token[20..]), "the list never shows a secret: {listing}");

    let put = || {
        app.send(Write {
            method: Method::PUT,
            path: "/programmes/cli-test",
            token: Some(&token),
            if_match: None,
            body: Some(test_programme("cli-test")),
        })
    };
    assert_eq!(put().await.0, 201);
    let (code, stdout, _) = run(&url, &["token", "revoke", "so-cong-thuong"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("revoked token ") && stdout.trim().ends_with("(\"so-cong-thuong\")"), "{stdout}");
    assert_eq!(put().await.0, 401);
    let (code, _, stderr) = run(&url, &["token", "revoke", "so-cong-thuong"]);
    assert_eq!(code, 1, "nothing left to revoke: {stderr}");
}

#[tokio::test]
async fn import_and_export_files_through_the_same_validation_and_audit() {
    let url = fresh_database().await;
    let app = spawn_app_on(url.clone()).await;
    let dir = std::env::temp_dir().join(format!("khuyencong-cli-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("programme.json");
    std::fs::write(&file, test_programme("imported").to_string()).unwrap();
    let (code, stdout, stderr) = run(&url, &["import", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("imported programme imported at version"), "{stdout}");
    assert!(stdout.contains("warning: The programme reports a total cost of 1,000.00"), "{stdout}");
    assert_eq!(app.get_ok("/programmes/imported/totals").await["cost"]["itemised"], "950.50");

    let (code, exported, _) = run(&url, &["export", "imported"]);
    assert_eq!(code, 0);
    assert_eq!(exported, app.export("imported").await, "the CLI and the API export the same bytes");

    let mut bad = test_programme("imported");
    bad["schemes"][0]["cost"] = json!("-3");
    std::fs::write(&file, bad.to_string()).unwrap();
    let (code, _, stderr) = run(&url, &["import", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("/schemes/0/cost: must not be negative"), "{stderr}");
    assert_eq!(app.export("imported").await, exported, "unchanged");

    let admin = app.token("auditor", "admin").await;
    let audit: serde_json::Value = app
        .client
        .get(format!("{}/audit?programme=imported", app.address))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(audit["items"].as_array().unwrap().len(), 1);
    assert_eq!(audit["items"][0]["actor"], "cli");
}

#[tokio::test]
async fn a_database_made_by_0_1_is_refused_with_how_to_carry_its_data_over() {
    let url = fresh_database().await;
    sqlx::any::install_default_drivers();
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&format!(
        "{url}{}",
        if url.starts_with("sqlite:") { "?mode=rwc" } else { "" }
    ))
    .await
    .unwrap();
    for sql in [
        "CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL)",
        "INSERT INTO _sqlx_migrations (version, description) VALUES (20261126000001, 'schema')",
    ] {
        sqlx::Executor::execute(&mut conn, sql).await.unwrap();
    }
    sqlx::Connection::close(conn).await.unwrap();
    for command in ["serve", "migrate", "export"] {
        let args: &[&str] = if command == "export" { &["export", "2016-2020"] } else { &[command] };
        let (code, _, stderr) = run(&url, args);
        assert_eq!(code, 1, "{command}: {stderr}");
        assert!(
            stderr.contains("made before the schema baseline")
                && stderr.contains("khuyencong export ID > ID.json")
                && stderr.contains("khuyencong import ID.json"),
            "{command}: {stderr}"
        );
    }
}

#[tokio::test]
async fn token_names_are_unique_and_revoke_names_one_token() {
    let url = fresh_database().await;
    let _app = spawn_app_on(url.clone()).await;
    let create = |name: &str| run(&url, &["token", "create", "--name", name, "--scope", "write"]);
    let (code, _, stderr) = create("so-cong-thuong");
    assert_eq!(code, 0, "{stderr}");
    let id = stderr.split_whitespace().nth(1).expect("token <id> for …").to_string();
    let (code, _, stderr) = create("so-cong-thuong");
    assert_eq!(code, 1, "a second token of the same name: {stderr}");
    assert!(stderr.contains("exists already") && stderr.contains(&id), "{stderr}");

    // A token named as another's id: the text names two tokens, so revoke refuses it.
    let (code, _, stderr) = create(&id);
    assert_eq!(code, 0, "{stderr}");
    let other = stderr.split_whitespace().nth(1).unwrap().to_string();
    let (code, _, stderr) = run(&url, &["token", "revoke", &id]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("is the id of token") && stderr.contains(&other), "{stderr}");
    let (_, listing, _) = run(&url, &["token", "list"]);
    assert_eq!(listing.lines().filter(|l| l.trim_end().ends_with('-')).count(), 2, "nothing revoked: {listing}");

    // By the other's id, exactly that one.
    let (code, stdout, stderr) = run(&url, &["token", "revoke", &other]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.trim(), format!("revoked token {other} ({id:?})"));
    let (_, listing, _) = run(&url, &["token", "list"]);
    let active: Vec<&str> = listing.lines().filter(|l| l.trim_end().ends_with('-')).collect();
    assert_eq!(active.len(), 1, "{listing}");
    assert!(active[0].starts_with(&id), "{listing}");
}
