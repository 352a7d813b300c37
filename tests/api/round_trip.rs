//! Every field of the document survives: for generated valid documents, export(import(d)) is the
//! canonical form of d, byte for byte, on the engine under test.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Value, json};

use khuyencong::domain::document::parse_json;
use khuyencong::domain::reference::{ACTIVITY_KEYS, SCOPE_KEYS, SOURCE_KEYS};
use khuyencong::domain::validate;

use crate::helpers::spawn_app;

/// Cases per run (PROPTEST_CASES overrides).
const CASES: u32 = 200;

const LETTERS: &[char] = &['a', 'Z', 'đ', 'Đ', 'ề', 'ộ', 'ư', 'ạ', 'ả', 'ấ', 'x', '0', '9', '"', '\\', '/', '–', '…'];

/// Text that validation accepts: a letter first, then letters and spaces.
fn text(max: usize) -> impl Strategy<Value = String> {
    (prop::sample::select(LETTERS), prop::collection::vec(prop::sample::select([LETTERS, &[' ']].concat()), 0..max))
        .prop_map(|(first, rest)| std::iter::once(first).chain(rest).collect())
}

fn names() -> impl Strategy<Value = Value> {
    (text(12), text(12)).prop_map(|(vi, en)| json!({"vi": vi, "en": en}))
}

/// A note of ours: a string, or one text per language.
fn note() -> impl Strategy<Value = Value> {
    prop_oneof![text(30).prop_map(Value::from), names()]
}

fn date() -> impl Strategy<Value = String> {
    (1990..2030u32, 1..=12u32, 1..=28u32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

/// An amount of `cents` hundredths, written in one of the ways the format allows.
fn amount(cents: u64, style: u8) -> String {
    match style % 3 {
        0 if cents.is_multiple_of(100) => format!("{}", cents / 100),
        1 if cents.is_multiple_of(10) => format!("{}.{}", cents / 100, cents % 100 / 10),
        _ => format!("{}.{:02}", cents / 100, cents % 100),
    }
}

fn optional<T: std::fmt::Debug + Clone + 'static>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

/// Some of `keys`, each once, in an order of their own.
fn some_of(keys: &'static [&'static str]) -> impl Strategy<Value = Vec<&'static str>> {
    prop::sample::subsequence(keys.to_vec(), 0..=keys.len()).prop_shuffle()
}

fn insert(object: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        object.insert(key.to_string(), value);
    }
}

fn record(index: usize, indicator_keys: Vec<String>) -> impl Strategy<Value = Value> {
    (
        1..100i64,
        prop::sample::select(ACTIVITY_KEYS.to_vec()),
        prop::sample::select(SCOPE_KEYS.to_vec()),
        names(),
        prop::collection::vec((0..10_000_000u64, any::<u8>(), optional(text(20))), SOURCE_KEYS.len()),
        some_of(&SOURCE_KEYS),
        (0..1_000_000u64, any::<u8>()),
        prop::collection::vec(optional((-100_000i64..1_000_000, 0..4u32, optional(note()))), indicator_keys.len()),
        (optional(text(40)), optional(note())),
    )
        .prop_map(move |(count, activity, scope, title, lines, sources, (extra, style), values, (quote, note))| {
            let mut funded = 0;
            let funding: Vec<Value> = sources
                .iter()
                .zip(&lines)
                .map(|(source, (cents, style, quote))| {
                    funded += cents;
                    let mut line = Map::new();
                    line.insert("source".into(), json!(source));
                    line.insert("amount".into(), json!(amount(*cents, *style)));
                    insert(&mut line, "quote", quote.clone().map(Value::from));
                    Value::Object(line)
                })
                .collect();
            let indicators: Vec<Value> = indicator_keys
                .iter()
                .zip(values)
                .filter_map(|(key, value)| {
                    value.map(|(n, scale, note)| {
                        let mut value = Map::new();
                        value.insert("key".into(), json!(key));
                        value.insert("value".into(), json!(rust_decimal::Decimal::new(n, scale).to_string()));
                        insert(&mut value, "note", note);
                        Value::Object(value)
                    })
                })
                .collect();
            let mut record = Map::new();
            record.insert("id".into(), json!(format!("r-{index}")));
            record.insert("scheme_count".into(), json!(count));
            record.insert("activity".into(), json!(activity));
            record.insert("scope".into(), json!(scope));
            record.insert("title".into(), title);
            record.insert("cost".into(), json!(amount(funded + extra, style)));
            record.insert("funding".into(), Value::Array(funding));
            record.insert("indicators".into(), Value::Array(indicators));
            insert(&mut record, "quote", quote.map(Value::from));
            insert(&mut record, "note", note);
            Value::Object(record)
        })
}

/// A decision (`legal_basis`, `approved_by`): its title, and sometimes its number, date,
/// issuer and quote.
type Decision = (String, Option<String>, Option<String>, Option<String>, Option<String>);

/// How a reported figure was published (0.9.0): a qualifier (0: left out, 1: `exact` written
/// out, 2: at least, 3: at most, 4: about, 5: a range of `spread` above the value), and
/// `estimate` sometimes written.
type Precision = (u8, Option<bool>, u64);

fn precision() -> impl Strategy<Value = Precision> {
    (0..6u8, optional(any::<bool>()), 0..1000u64)
}

/// Puts a figure `value` into `entry` as `field` (`value`, `amount`) with its precision; `end`
/// writes a range's ends.
fn figure(
    entry: &mut Map<String, Value>,
    field: &str,
    value: u64,
    (qualifier, estimate, spread): Precision,
    end: impl Fn(u64) -> Value,
) {
    let named = ["exact", "exact", "at_least", "at_most", "about", "range"][qualifier as usize];
    if qualifier == 5 {
        entry.insert("min".into(), end(value));
        entry.insert("max".into(), end(value + spread));
    } else {
        entry.insert(field.into(), end(value));
    }
    if qualifier > 0 {
        entry.insert("qualifier".into(), json!(named));
    }
    insert(entry, "estimate", estimate.map(Value::from));
}

fn decision((title, number, date, issuer, quote): Decision) -> Value {
    let mut basis = Map::new();
    basis.insert("title".into(), json!(title));
    insert(&mut basis, "number", number.map(Value::from));
    insert(&mut basis, "date", date.map(Value::from));
    insert(&mut basis, "issuer", issuer.map(Value::from));
    insert(&mut basis, "quote", quote.map(Value::from));
    Value::Object(basis)
}

/// A valid programme document, every optional part sometimes there and sometimes not.
fn document() -> impl Strategy<Value = Value> {
    let definitions = prop::collection::vec((names(), text(8), any::<bool>()), 0..3);
    let reported = (
        optional((0..1000u64, optional(text(30)), precision())),
        some_of(&SCOPE_KEYS),
        prop::collection::vec((0..100u64, optional(text(10)), precision()), SCOPE_KEYS.len()),
        optional((
            0..100_000_000u64,
            any::<u8>(),
            optional(text(30)),
            precision(),
            optional(prop::sample::subsequence(vec!["state_budget", "contributions"], 1..=2).prop_shuffle()),
        )),
        some_of(&SOURCE_KEYS),
        prop::collection::vec(
            (0..10_000_000u64, any::<u8>(), optional(text(10)), precision(), any::<bool>()),
            SOURCE_KEYS.len(),
        ),
        optional(prop::sample::select(vec!["5", "5.0", "2", "2.5", "10", "0", "99.99"])),
    );
    let head = (
        names(),
        text(20),
        (1900..2190i64, 0..10i64),
        optional((text(30), optional(text(10)), optional(date()), optional(text(10)), optional(text(30)))),
        optional(names()),
        (text(30), text(10), date(), optional("https?://[a-z0-9.]{1,20}/[a-zA-Z0-9/?=&%._-]{0,30}"), optional(note())),
    );
    // What the programme is (0.8.0): kind and status (sometimes the defaults, written out), a
    // part of another, the approving decision, tasks and registered schemes.
    let identity = (
        optional(prop::sample::select(vec!["result", "plan"])),
        optional(prop::sample::select(vec!["final", "estimate"])),
        optional((prop::sample::select(vec!["year", "round", "to_date"]), text(10))),
        optional((text(30), optional(text(10)), optional(date()), optional(text(10)), optional(text(30)))),
        optional((0..100i64, optional(text(10)))),
        optional((0..2000i64, optional(text(10)))),
    );
    (head, reported, definitions, identity).prop_flat_map(|(head, reported, definitions, identity)| {
        let keys: Vec<String> = (0..definitions.len()).map(|i| format!("k{i}")).collect();
        let records = (0..=5usize).prop_flat_map(move |n| (0..n).map(|i| record(i, keys.clone())).collect::<Vec<_>>());
        (Just((head, reported, definitions, identity)), records).prop_map(
            |((head, reported, definitions, identity), schemes)| {
                let (names, jurisdiction, (start, length), basis, agency, (title, publisher, date, url, note)) = head;
                let (kind, status, part, approved, tasks, registered) = identity;
                let mut doc = Map::new();
                doc.insert("id".into(), json!("generated"));
                doc.insert("currency".into(), json!("VND"));
                doc.insert("amount_unit".into(), json!("million"));
                doc.insert("names".into(), names);
                doc.insert("jurisdiction".into(), json!(jurisdiction));
                doc.insert("period".into(), json!({"start_year": start, "end_year": start + length}));
                insert(&mut doc, "legal_basis", basis.map(decision));
                insert(&mut doc, "kind", kind.map(Value::from));
                insert(&mut doc, "status", status.map(Value::from));
                insert(
                    &mut doc,
                    "part_of",
                    part.map(|(part, label)| json!({"programme": "whole-programme", "part": part, "label": label})),
                );
                insert(&mut doc, "approved_by", approved.map(decision));
                insert(&mut doc, "implementing_agency", agency);
                let mut source = Map::new();
                source.insert("title".into(), json!(title));
                source.insert("publisher".into(), json!(publisher));
                source.insert("date".into(), json!(date));
                insert(&mut source, "url", url.map(Value::from));
                insert(&mut source, "note", note);
                doc.insert("source".into(), Value::Object(source));

                let (schemes_reported, scopes, scope_values, cost, sources, source_values, tolerance) = reported;
                insert(&mut doc, "about_tolerance_percent", tolerance.map(Value::from));
                let mut reported = Map::new();
                let count = |(value, quote, precision): (u64, Option<String>, Precision)| {
                    let mut count = Map::new();
                    figure(&mut count, "value", value, precision, |n| json!(n));
                    insert(&mut count, "quote", quote.map(Value::from));
                    Value::Object(count)
                };
                insert(&mut reported, "schemes", schemes_reported.map(count));
                let by_scope: Vec<Value> = scopes
                    .iter()
                    .zip(scope_values)
                    .map(|(scope, (value, quote, precision))| {
                        let mut entry = Map::new();
                        entry.insert("scope".into(), json!(scope));
                        figure(&mut entry, "value", value, precision, |n| json!(n));
                        insert(&mut entry, "quote", quote.map(Value::from));
                        Value::Object(entry)
                    })
                    .collect();
                reported.insert("schemes_by_scope".into(), Value::Array(by_scope));
                for (field, figure) in [("tasks", tasks), ("schemes_registered", registered)] {
                    let exact = |(value, quote): (i64, Option<String>)| (value as u64, quote, (0, None, 0));
                    insert(&mut reported, field, figure.map(exact).map(count));
                }
                insert(
                    &mut reported,
                    "cost",
                    cost.map(|(cents, style, quote, precision, covers)| {
                        let mut cost = Map::new();
                        figure(&mut cost, "amount", cents, precision, |c| json!(amount(c, style)));
                        insert(&mut cost, "covers", covers.map(|c| json!(c)));
                        insert(&mut cost, "quote", quote.map(Value::from));
                        Value::Object(cost)
                    }),
                );
                let funding: Vec<Value> = sources
                    .iter()
                    .zip(source_values)
                    .map(|(source, (cents, style, quote, precision, remainder))| {
                        let mut entry = Map::new();
                        entry.insert("source".into(), json!(source));
                        // The rest, with no figure: one source of the top level may be it.
                        if remainder && *source == "contributions" {
                            entry.insert("remainder".into(), json!(true));
                        } else {
                            figure(&mut entry, "amount", cents, precision, |c| json!(amount(c, style)));
                        }
                        insert(&mut entry, "quote", quote.map(Value::from));
                        Value::Object(entry)
                    })
                    .collect();
                reported.insert("funding".into(), Value::Array(funding));
                doc.insert("reported".into(), Value::Object(reported));
                let definitions: Vec<Value> = definitions
                    .into_iter()
                    .enumerate()
                    .map(|(i, (names, unit, additive))| {
                        json!({"key": format!("k{i}"), "names": names, "unit": unit, "additive": additive})
                    })
                    .collect();
                doc.insert("indicator_definitions".into(), Value::Array(definitions));
                doc.insert("schemes".into(), Value::Array(schemes));
                Value::Object(doc)
            },
        )
    })
}

#[test]
fn export_of_an_import_is_the_canonical_document() {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let (app, token, reference) = runtime.block_on(async {
        let app = spawn_app().await;
        let token = app.token("property", "write").await;
        let reference = app.db().await.reference().await.unwrap();
        (app, token, reference)
    });
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(CASES);
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    runner
        .run(&document(), |doc| {
            let text = doc.to_string();
            let valid = validate(parse_json(&text).expect("a well-formed document"), &reference)
                .unwrap_or_else(|v| panic!("the generator made an invalid document: {v:?}\n{text}"));
            let expected = valid.programme.canonical_json();
            let (status, exported) = runtime.block_on(async {
                let put = app.client.put(format!("{}/programmes/generated", app.address)).bearer_auth(&token);
                let status =
                    put.body(text.clone()).header("content-type", "application/json").send().await.unwrap().status();
                (status.as_u16(), app.export("generated").await)
            });
            prop_assert!(status == 200 || status == 201, "PUT answered {}", status);
            prop_assert_eq!(exported, expected);
            Ok(())
        })
        .unwrap();
}
