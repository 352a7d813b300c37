//! The catalog: `en.ftl` and `vi.ftl` (Project Fluent), parsed once, rendering messages.
//!
//! Fluent because it is the Rust ecosystem's message format (Firefox's): a translator edits a
//! plain text file, plurals and variants live in the catalog rather than in code, and a
//! message's arguments are named. Placeables are not wrapped in Unicode isolation marks: the
//! messages go into JSON, CSV, workbooks and pages, where the marks would be stray characters.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::{Arg, Lang};

/// Each language's catalog file, as the binary carries it.
pub(super) const FILES: [(Lang, &str); 2] = [(Lang::En, include_str!("en.ftl")), (Lang::Vi, include_str!("vi.ftl"))];

static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> =
    LazyLock::new(|| FILES.map(|(lang, text)| bundle(lang, text)));

fn bundle(lang: Lang, text: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(text.to_string())
        .unwrap_or_else(|(_, errors)| panic!("src/i18n/{}.ftl does not parse: {errors:?}", lang.code()));
    let id = lang.code().parse().expect("a language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => |value, _| number(Lang::En, value),
        Lang::Vi => |value, _| number(Lang::Vi, value),
    }));
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("src/i18n/{}.ftl repeats a message: {errors:?}", lang.code()));
    bundle
}

/// A whole number as a reader of `lang` writes it: grouped from five digits on (`65,000`,
/// `1.048.576`), so that a year or a four-digit count stays as it is (`2016`, `1760`). Other
/// values (text, decimals) are left to Fluent.
fn number(lang: Lang, value: &FluentValue<'_>) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    let whole = n.value.fract() == 0.0 && n.value.abs() >= 10_000.0 && n.value.abs() < 1e15;
    whole.then(|| lang.count(n.value as i64))
}

/// Whether the catalog of `lang` has the message `id` (for words the data may name, such as a
/// unit of measure, where the data's own word is the fallback).
pub(super) fn has(lang: Lang, id: &str) -> bool {
    BUNDLES[usize::from(lang == Lang::Vi)].has_message(id)
}

/// The message `id` in `lang` with `args`. The parity tests make sure every id the code names
/// is in both catalogs, and a debug build (every test) panics on one that is not; a release
/// build would show the id itself.
pub(super) fn render(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> String {
    let bundle = &BUNDLES[usize::from(lang == Lang::Vi)];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        debug_assert!(false, "message {id} is not in src/i18n/{}.ftl", lang.code());
        return id.to_string();
    };
    let mut values = FluentArgs::with_capacity(args.len());
    for (name, arg) in args {
        values.set(*name, value(lang, arg));
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&values), &mut errors).into_owned()
}

fn value(lang: Lang, arg: &Arg) -> FluentValue<'static> {
    match arg {
        Arg::Count(n) => FluentValue::from(*n),
        Arg::Amount(amount) => FluentValue::from(lang.amount(amount)),
        Arg::Word(word) => FluentValue::from(word.clone()),
        Arg::Named { en, vi } => FluentValue::from(if lang == Lang::Vi { vi.clone() } else { en.clone() }),
        Arg::Message(message) => FluentValue::from(message.render(lang)),
        Arg::List { items, or } => {
            let items: Vec<String> = items
                .iter()
                .map(|item| match value(lang, item) {
                    FluentValue::String(text) => text.into_owned(),
                    FluentValue::Number(n) => n.as_string().into_owned(),
                    _ => String::new(),
                })
                .collect();
            let word = render(lang, if *or { "list-or" } else { "list-and" }, &[]);
            FluentValue::from(match items.as_slice() {
                [] => String::new(),
                [one] => one.clone(),
                [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    /// Every message of a catalog file and the arguments it names.
    fn messages(text: &str) -> BTreeMap<String, BTreeSet<String>> {
        fn expression(e: &ast::Expression<&str>, names: &mut BTreeSet<String>) {
            match e {
                ast::Expression::Select { selector, variants } => {
                    inline(selector, names);
                    for variant in variants {
                        pattern(&variant.value, names);
                    }
                }
                ast::Expression::Inline(e) => inline(e, names),
            }
        }
        fn inline(e: &ast::InlineExpression<&str>, names: &mut BTreeSet<String>) {
            match e {
                ast::InlineExpression::VariableReference { id } => {
                    names.insert(id.name.to_string());
                }
                ast::InlineExpression::Placeable { expression: e } => expression(e, names),
                _ => {}
            }
        }
        fn pattern(p: &ast::Pattern<&str>, names: &mut BTreeSet<String>) {
            for element in &p.elements {
                if let ast::PatternElement::Placeable { expression: e } = element {
                    expression(e, names);
                }
            }
        }
        let resource = fluent_syntax::parser::parse(text).expect("the catalog parses");
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                ast::Entry::Message(m) => {
                    let mut names = BTreeSet::new();
                    if let Some(value) = &m.value {
                        pattern(value, &mut names);
                    }
                    Some((m.id.name.to_string(), names))
                }
                _ => None,
            })
            .collect()
    }

    /// Arguments that are a parser's own English words (serde's, actix's): the English message
    /// shows them, the Vietnamese one says what went wrong in its own words instead.
    const ENGLISH_ONLY: [(&str, &str); 8] = [
        ("body-unreadable", "error"),
        ("json-syntax", "what"),
        ("json-unreadable", "text"),
        ("json-invalid-type", "expected"),
        ("json-invalid-value", "expected"),
        ("parameter-parser", "detail"),
        ("query-parser", "detail"),
        ("path-parser", "detail"),
    ];

    #[test]
    fn both_catalogs_have_the_same_messages_with_the_same_arguments() {
        let [(_, en), (_, vi)] = FILES;
        let (mut en, vi) = (messages(en), messages(vi));
        for (id, name) in ENGLISH_ONLY {
            assert!(en.get_mut(id).is_some_and(|names| names.remove(name)), "{id} has no {name} in en.ftl");
        }
        let only = |a: &BTreeMap<String, _>, b: &BTreeMap<String, _>| {
            a.keys().filter(|id| !b.contains_key(*id)).cloned().collect::<Vec<String>>()
        };
        assert_eq!(only(&en, &vi), Vec::<String>::new(), "in en.ftl, not in vi.ftl");
        assert_eq!(only(&vi, &en), Vec::<String>::new(), "in vi.ftl, not in en.ftl");
        for (id, names) in &en {
            assert_eq!(names, &vi[id], "message {id}: en.ftl and vi.ftl name different arguments");
        }
    }

    /// Every id the code gives `Message::new` (in `src/`) names a message of the catalog.
    #[test]
    fn every_message_the_code_names_is_in_the_catalog() {
        let catalog = messages(FILES[0].1);
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for piece in text.split("Message::new(\"").skip(1) {
                    let id = piece.split('"').next().unwrap_or_default();
                    if !catalog.contains_key(id) {
                        missing.push(format!("{}: {id}", path.display()));
                    }
                }
            }
        }
        assert_eq!(missing, Vec::<String>::new(), "named in the code, missing from the catalog");
    }

    #[test]
    fn no_isolation_marks_and_lists_in_each_language() {
        let and =
            |lang, or| match value(lang, &Arg::List { items: vec![Arg::Count(1), Arg::Amount("2.50".into())], or }) {
                FluentValue::String(s) => s.into_owned(),
                _ => String::new(),
            };
        assert_eq!(and(Lang::En, false), "1 and 2.50");
        assert_eq!(and(Lang::Vi, true), "1 hoặc 2,50");
        let rendered = render(Lang::Vi, "totals-unattributed", &[("amount", Arg::Amount("5.00".into()))]);
        assert!(!rendered.contains('\u{2068}') && !rendered.contains('\u{2069}'), "{rendered:?}");
    }
}
