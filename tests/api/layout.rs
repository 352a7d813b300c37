//! The layout keeps its promises: every module says what it is for in its first line, and no
//! module imports one that imports it back, at any depth of the tree (README, Layout).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/http/cache.rs` → `["http", "cache"]`; `src/domain/document/mod.rs` → `["domain", "document"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The module paths a file's code (not its tests) names: `crate::a::b…` and `super::a…`.
fn references(module: &[String], text: &str) -> Vec<Vec<String>> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let path_after = |at: usize| -> Vec<String> {
        code[at..]
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .next()
            .unwrap_or_default()
            .split("::")
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        found.push(path_after(at + "crate::".len()));
    }
    for (at, _) in code.match_indices("super::") {
        let preceded = code[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == ':' || c == '_');
        if !preceded {
            let mut path = module[..module.len().saturating_sub(1)].to_vec();
            path.extend(path_after(at + "super::".len()));
            found.push(path);
        }
    }
    found
}

#[test]
fn every_module_says_what_it_is_for_and_none_imports_one_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut undocumented = Vec::new();
    let mut cycles = BTreeSet::new();
    let texts: Vec<(Vec<String>, String)> = files
        .iter()
        .map(|file| (module_of(&src, file), std::fs::read_to_string(file).unwrap()))
        .filter(|(module, _)| !matches!(module.as_slice(), [only] if only == "main" || only == "lib"))
        .collect();
    for (module, text) in &texts {
        if !text.starts_with("//! ") {
            undocumented.push(module.join("::"));
        }
    }
    for depth in 1..=3 {
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (module, text) in &texts {
            let from = module[..module.len().min(depth)].join("::");
            for path in references(module, text) {
                let to = path[..path.len().min(depth)].join("::");
                let related =
                    from == to || from.starts_with(&format!("{to}::")) || to.starts_with(&format!("{from}::"));
                if !related {
                    edges.entry(from.clone()).or_default().insert(to);
                }
            }
        }
        for (from, targets) in &edges {
            for to in targets {
                // Does `to` lead back to `from`?
                let (mut stack, mut seen) = (vec![to.clone()], BTreeSet::new());
                while let Some(at) = stack.pop() {
                    if &at == from {
                        cycles.insert(format!("{} ⇄ {}", from.min(to), from.max(to)));
                        break;
                    }
                    if seen.insert(at.clone()) {
                        stack.extend(edges.get(&at).into_iter().flatten().cloned());
                    }
                }
            }
        }
    }
    assert_eq!(undocumented, Vec::<String>::new(), "modules whose first line is not a //! line");
    assert_eq!(cycles, BTreeSet::new(), "modules that import one another, directly or through others");
}
