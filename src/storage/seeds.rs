//! Seed programmes: the repository's `seeds/*.json`, validated like any imported document.

use std::path::Path;

use anyhow::Context;

use crate::domain::reference::Reference;
use crate::domain::{self, ValidProgramme, document};
use crate::storage::Db;

/// A seed document: its file name (the key that records it was loaded) and its text.
pub struct SeedFile {
    pub name: String,
    pub text: String,
}

/// The seeds built into the binary: `seeds/` as it was at build time.
pub fn embedded() -> Vec<SeedFile> {
    vec![SeedFile { name: "2016-2020.json".into(), text: include_str!("../../seeds/2016-2020.json").into() }]
}

/// Every `*.json` file of `dir`, in name order.
pub fn from_dir(dir: &Path) -> anyhow::Result<Vec<SeedFile>> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read the seed directory {}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.with_context(|| format!("cannot read the seed directory {}", dir.display()))?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read the seed file {}", path.display()))?;
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            files.push(SeedFile { name, text });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

pub fn files(dir: Option<&Path>) -> anyhow::Result<Vec<SeedFile>> {
    dir.map_or_else(|| Ok(embedded()), from_dir)
}

/// Parses and validates one seed document; the error names the file, the field and the rule.
pub fn parse(file: &SeedFile, reference: &Reference) -> anyhow::Result<ValidProgramme> {
    let doc = document::parse_json(&file.text).map_err(|v| match v.pointer.as_str() {
        "" => anyhow::anyhow!(
            "seed file {} is malformed: {}",
            file.name,
            v.detail.render(crate::i18n::Lang::of_environment())
        ),
        at => anyhow::anyhow!(
            "seed file {} is malformed at {at}: {}",
            file.name,
            v.detail.render(crate::i18n::Lang::of_environment())
        ),
    })?;
    domain::validate(doc, reference).map_err(|violations| {
        let list: Vec<String> = violations
            .first
            .iter()
            .map(|v| format!("{}: {}", v.pointer, v.detail.render(crate::i18n::Lang::of_environment())))
            .collect();
        let more = violations.total - list.len();
        let more = if more > 0 { format!("; and {more} more") } else { String::new() };
        anyhow::anyhow!("seed file {} is invalid: {}{more}", file.name, list.join("; "))
    })
}

/// Validates every seed file, then loads each one not loaded before (or all, with `force`).
/// Nothing is written unless every file is valid. Returns the names of the files loaded.
pub async fn load(db: &Db, files: &[SeedFile], force: bool) -> anyhow::Result<Vec<String>> {
    let reference = db.reference().await.context("cannot read the reference data")?;
    let programmes = files.iter().map(|f| parse(f, &reference)).collect::<anyhow::Result<Vec<_>>>()?;
    let mut loaded = Vec::new();
    for (file, programme) in files.iter().zip(&programmes) {
        if db
            .load_seed(&file.name, programme, force)
            .await
            .with_context(|| format!("cannot load the seed file {}", file.name))?
        {
            let programme = &programme.programme;
            tracing::info!(seed = %file.name, programme = %programme.id, records = programme.schemes.len(), "seed loaded");
            loaded.push(file.name.clone());
        }
    }
    Ok(loaded)
}
