//! The programme document: the JSON unit of exchange (seeds, import, export) and its validation.
//!
//! `ProgrammeDocument<String>` is what arrives (amounts still text); `validate` checks every rule
//! at once and returns a `Programme` (= `ProgrammeDocument<Money>`), the only form storage accepts.

use std::collections::HashSet;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::money::Money;
use super::reference::{Names, Reference};
use super::sums::ProgrammeSums;
use crate::i18n::Message;

/// The currency and unit every amount of a document is in.
pub const CURRENCY: &str = "VND";
pub const AMOUNT_UNIT: &str = "million";

/// A programme document: the programme, its reported figures and its scheme records; the unit of
/// exchange for seeds, import (`PUT /programmes/{id}`) and export. Amounts are decimal strings in
/// million VND with at most two decimal places; dates are ISO 8601; ids are lowercase slugs.
// `A` is the amount type: text as received, `Money` once validated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "A: Deserialize<'de>"))]
pub struct ProgrammeDocument<A> {
    /// A lowercase slug: letters, digits and single hyphens (`2016-2020`).
    #[schema(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 100, example = "2016-2020")]
    pub id: String,
    #[schema(pattern = r"^VND$", example = "VND")]
    pub currency: String,
    #[schema(pattern = r"^million$", example = "million")]
    pub amount_unit: String,
    pub names: Names,
    #[schema(pattern = r"\S", max_length = 200, example = "Hải Phòng")]
    pub jurisdiction: String,
    pub period: Period,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<LegalBasis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementing_agency: Option<Names>,
    pub source: SourceDocument,
    #[serde(default = "Reported::empty")]
    pub reported: Reported<A>,
    #[serde(default)]
    pub indicator_definitions: Vec<IndicatorDefinition>,
    pub schemes: Vec<SchemeRecord<A>>,
}

pub type Programme = ProgrammeDocument<Money>;

/// A programme that passed every rule, with its sums: the only form storage accepts, so that no
/// stored document can have sums that do not fit.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidProgramme {
    pub programme: Programme,
    pub sums: ProgrammeSums,
}

impl Programme {
    /// The document in canonical form: fixed key order (the struct's), two-space indentation,
    /// a final newline; `validate` has put the reported entries in reference order. Export,
    /// import and export again gives the same bytes.
    pub fn canonical_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a programme always serialises");
        text.push('\n');
        text
    }

    /// The canonical form written a part at a time, so that export can stream a large programme
    /// batch by batch: this, then [`canonical_records`] for each batch of records, then
    /// [`canonical_tail`], is byte for byte [`Programme::canonical_json`] (a test checks it).
    /// `self` is the document without its records.
    pub fn canonical_head(&self) -> String {
        let text = serde_json::to_string_pretty(self).expect("a programme always serialises");
        // The records are the last field: the text ends in `"schemes": []` and the closing brace.
        let cut = text.rfind("[]").expect("a document's text ends with its schemes");
        text[..cut].to_string()
    }
}

/// Records of the canonical form, after the head (`first`: the first records) or after others.
pub fn canonical_records(records: &[SchemeRecord<Money>], first: bool) -> String {
    if records.is_empty() {
        return String::new();
    }
    // Serialised where they stand in a document (inside an object, inside an array), so that
    // serde_json indents them as the whole document would, in one pass.
    #[derive(Serialize)]
    struct Within<'a> {
        schemes: &'a [SchemeRecord<Money>],
    }
    let text = serde_json::to_string_pretty(&Within { schemes: records }).expect("records always serialise");
    let start = text.find("[\n").expect("an array") + 2;
    let end = text.rfind("\n  ]").expect("an array");
    let mut out = String::with_capacity(end - start + 2);
    out.push_str(if first { "[\n" } else { ",\n" });
    out.push_str(&text[start..end]);
    out
}

/// What closes the canonical form, after `records` records.
pub fn canonical_tail(records: usize) -> &'static str {
    if records == 0 { "[]\n}\n" } else { "\n  ]\n}\n" }
}

/// The document as it is sent and exported: amounts are decimal strings in million VND.
pub type ProgrammeDocumentSchema = ProgrammeDocument<String>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    #[schema(minimum = 1900, maximum = 2200, example = 2016)]
    #[serde(deserialize_with = "whole_number")]
    pub start_year: i64,
    #[schema(minimum = 1900, maximum = 2200, example = 2020)]
    #[serde(deserialize_with = "whole_number")]
    pub end_year: i64,
}

/// The legal act that established the programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalBasis {
    #[schema(
        pattern = r"\S",
        max_length = 1000,
        example = "Quyết định số 459/QĐ-UBND ngày 21/3/2016 về Chương trình Khuyến công thành phố Hải Phòng giai đoạn 2016-2020"
    )]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(pattern = r"\S", max_length = 200, example = "459/QĐ-UBND")]
    pub number: Option<String>,
    /// ISO 8601 date (`2016-03-21`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(format = Date, example = "2016-03-21")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "UBND thành phố", pattern = r"\S", max_length = 500)]
    pub issuer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng", pattern = r"\S", max_length = 5000)]
    pub quote: Option<String>,
}

/// Where the figures were published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceDocument {
    #[schema(
        pattern = r"\S",
        max_length = 1000,
        example = "Hải Phòng: Kết quả thực hiện Chương trình Khuyến công giai đoạn 20216-2020"
    )]
    pub title: String,
    #[schema(pattern = r"\S", max_length = 500, example = "congnghieptieudung.vn")]
    pub publisher: String,
    /// ISO 8601 date (`2020-11-06`).
    #[schema(format = Date, example = "2020-11-06")]
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(pattern = r"\S", max_length = 2000, example = "http://www.congnghieptieudung.vn/")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(
        example = "Ours, not the source's: what a reader must know that the quote does not say.",
        pattern = r"\S",
        max_length = 5000
    )]
    pub note: Option<String>,
}

/// The programme-level figures as published. Absent figures are unknown, not zero.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "A: Deserialize<'de>"))]
pub struct Reported<A> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schemes: Option<ReportedCount>,
    #[serde(default)]
    pub schemes_by_scope: Vec<ScopeCount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<ReportedAmount<A>>,
    #[serde(default)]
    pub funding: Vec<SourceAmount<A>>,
}

impl<A> Reported<A> {
    pub fn empty() -> Self {
        Reported { schemes: None, schemes_by_scope: Vec::new(), cost: None, funding: Vec::new() }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportedCount {
    #[schema(minimum = 0, maximum = 1000000000, example = 65)]
    #[serde(deserialize_with = "whole_number")]
    pub value: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng", pattern = r"\S", max_length = 5000)]
    pub quote: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScopeCount {
    #[schema(schema_with = crate::domain::reference::scope_key_schema)]
    pub scope: String,
    #[schema(minimum = 0, maximum = 1000000000, example = 46)]
    #[serde(deserialize_with = "whole_number")]
    pub value: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng", pattern = r"\S", max_length = 5000)]
    pub quote: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "A: Deserialize<'de>"))]
pub struct ReportedAmount<A> {
    #[schema(value_type = String, format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,2})?$", example = "41306.53")]
    pub amount: A,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng", pattern = r"\S", max_length = 5000)]
    pub quote: Option<String>,
}

/// An amount attributed to one funding source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "A: Deserialize<'de>"))]
pub struct SourceAmount<A> {
    #[schema(schema_with = crate::domain::reference::source_key_schema)]
    pub source: String,
    #[schema(value_type = String, format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,2})?$", example = "5760.00")]
    pub amount: A,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng", pattern = r"\S", max_length = 5000)]
    pub quote: Option<String>,
}

/// What an indicator key means, and whether its values add up across records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDefinition {
    #[schema(pattern = r"^[a-z0-9]+(_[a-z0-9]+)*$", max_length = 100, example = "workers_trained")]
    pub key: String,
    pub names: Names,
    #[schema(pattern = r"\S", max_length = 100, example = "person")]
    pub unit: String,
    /// True when values of different records can be summed (people trained); false for rates
    /// and person-times (copies per issue, issues per year, attendances).
    pub additive: bool,
}

/// A line of the programme's results: `scheme_count` schemes reported together.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "A: Deserialize<'de>"))]
pub struct SchemeRecord<A> {
    #[schema(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 100, example = "vocational-training")]
    pub id: String,
    #[schema(minimum = 1, maximum = 1000000000, example = 3)]
    #[serde(deserialize_with = "whole_number")]
    pub scheme_count: i64,
    #[schema(schema_with = crate::domain::reference::activity_key_schema)]
    pub activity: String,
    #[schema(schema_with = crate::domain::reference::scope_key_schema)]
    pub scope: String,
    pub title: Names,
    #[schema(value_type = String, format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,2})?$", example = "735.50")]
    pub cost: A,
    #[serde(default)]
    pub funding: Vec<SourceAmount<A>>,
    #[serde(default)]
    pub indicators: Vec<IndicatorValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng", pattern = r"\S", max_length = 5000)]
    pub quote: Option<String>,
    /// What a reader must know that the quote does not say: where the record's place in the
    /// programme is a reading of the source rather than its words. Ours, not the source's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(
        example = "Ours, not the source's: what a reader must know that the quote does not say.",
        pattern = r"\S",
        max_length = 5000
    )]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorValue {
    #[schema(pattern = r"^[a-z0-9]+(_[a-z0-9]+)*$", max_length = 100, example = "workers_trained")]
    pub key: String,
    /// An exact decimal written as a string (`"610"`).
    #[schema(pattern = r"^-?[0-9]{1,20}(\.[0-9]{1,18})?$", example = "610")]
    pub value: String,
    /// What the value may not mean, where the source is ambiguous (which of the record's
    /// schemes it belongs to). Ours, not the source's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(
        example = "Ours, not the source's: what a reader must know that the quote does not say.",
        pattern = r"\S",
        max_length = 5000
    )]
    pub note: Option<String>,
}

/// A JSON number that is a whole number, written `2016` or `2016.0` (JSON Schema counts both as
/// integers, so clients may send either).
fn whole_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    let number = serde_json::Number::deserialize(deserializer)?;
    if let Some(n) = number.as_i64() {
        return Ok(n);
    }
    match number.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Ok(f as i64),
        _ => Err(serde::de::Error::custom(format!("{number} is not a whole number in range"))),
    }
}

/// One thing wrong with a document, and where (an RFC 6901 JSON pointer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pub pointer: String,
    pub detail: Message,
}

impl Violation {
    /// A parser's message (serde_json's, in English), as a message of the catalog.
    fn parser(pointer: impl Into<String>, serde: String) -> Self {
        Violation { pointer: pointer.into(), detail: parser_message(&serde) }
    }
}

/// serde_json's message as a message of the catalog: the common ones by kind (their English
/// is serde's own words), the others quoted. Its position, when it gives one, as
/// `json-located` around it.
fn parser_message(serde: &str) -> Message {
    let located = serde.rsplit_once(" at line ").and_then(|(what, at)| {
        let (line, column) = at.split_once(" column ")?;
        Some((what, line.parse::<i64>().ok()?, column.parse::<i64>().ok()?))
    });
    let what = located.map_or(serde, |(what, _, _)| what);
    let split = |rest: &str| rest.split_once(", expected ").map(|(a, b)| (a.to_string(), b.to_string()));
    let message = if let Some(field) = what.strip_prefix("missing field ") {
        Message::new("json-missing-field").word("field", field)
    } else if let Some((field, expected)) = what.strip_prefix("unknown field ").and_then(split) {
        match (expected.strip_prefix("one of "), expected.split_once(" or ")) {
            (Some(fields), _) => Message::new("json-unknown-field-one-of").word("fields", fields),
            (None, Some((first, second))) => {
                Message::new("json-unknown-field-either").word("first", first).word("second", second)
            }
            (None, None) => Message::new("json-unknown-field").word("expected", expected),
        }
        .word("field", field)
    } else if let Some((found, expected)) = what.strip_prefix("invalid type: ").and_then(split) {
        Message::new("json-invalid-type").word("found", found).word("expected", expected)
    } else if let Some((found, expected)) = what.strip_prefix("invalid value: ").and_then(split) {
        Message::new("json-invalid-value").word("found", found).word("expected", expected)
    } else if let Some(field) = what.strip_prefix("duplicate field ") {
        Message::new("json-duplicate-field").word("field", field)
    } else if let Some(id) = [
        ("EOF while parsing a value", "json-eof-value"),
        ("EOF while parsing an object", "json-eof-object"),
        ("EOF while parsing a list", "json-eof-list"),
        ("EOF while parsing a string", "json-eof-string"),
    ]
    .into_iter()
    .find_map(|(text, id)| (what == text).then_some(id))
    {
        Message::new(id)
    } else if what.starts_with("expected") || what.starts_with("key must be") {
        Message::new("json-syntax").word("what", what)
    } else if let Some(number) = what.strip_suffix(" is not a whole number in range") {
        Message::new("json-not-whole").word("number", number)
    } else {
        Message::new("json-unreadable").word("text", what)
    };
    match located {
        Some((_, line, column)) => {
            Message::new("json-located").message("what", message).count("line", line).count("column", column)
        }
        None => message,
    }
}

/// Parses JSON text into a document, naming where a structural error is (missing field, wrong type).
pub fn parse_json(text: &str) -> Result<ProgrammeDocument<String>, Violation> {
    parse_part(text.as_bytes())
}

fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        out.push('/');
        match segment {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } => out.push_str(&key.replace('~', "~0").replace('/', "~1")),
            Segment::Enum { variant } => out.push_str(variant),
            Segment::Unknown => out.push('?'),
        }
    }
    out
}

/// A lowercase slug of at most 100 characters: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 100
        && text
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// An indicator key: `[a-z0-9]+(_[a-z0-9]+)*`, at most 100 characters.
fn is_key(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 100
        && text
            .split('_')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    if !shape {
        return false;
    }
    let (y, m, d) = (&text[0..4], &text[5..7], &text[8..10]);
    let (y, m, d): (u32, u32, u32) = (y.parse().unwrap_or(0), m.parse().unwrap_or(0), d.parse().unwrap_or(0));
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Collects violations while a document is checked, so that all are reported at once.
struct Checker<'r> {
    reference: &'r Reference,
    violations: Vec<Violation>,
}

impl Checker<'_> {
    fn fail(&mut self, pointer: impl Into<String>, detail: Message) {
        self.violations.push(Violation { pointer: pointer.into(), detail });
    }

    fn text(&mut self, pointer: &str, value: &str, max: usize) {
        if value.contains('\0') {
            // Neither engine stores it the same way (PostgreSQL refuses it), and no text needs it.
            self.fail(pointer, Message::new("text-nul"));
        } else if value.trim().is_empty() {
            self.fail(pointer, Message::new("text-empty"));
        } else if value.chars().count() > max {
            self.fail(pointer, Message::new("text-too-long").count("max", max as i64));
        }
    }

    fn optional_text(&mut self, pointer: &str, value: Option<&str>, max: usize) {
        if let Some(value) = value {
            self.text(pointer, value, max);
        }
    }

    fn names(&mut self, pointer: &str, names: &Names) {
        self.text(&format!("{pointer}/vi"), &names.vi, 1000);
        self.text(&format!("{pointer}/en"), &names.en, 1000);
    }

    /// The amount, or None (with a violation) when it is not a non-negative amount.
    fn amount(&mut self, pointer: &str, text: &str) -> Option<Money> {
        match Money::parse(text) {
            Ok(money) if money.is_negative() => {
                self.fail(pointer, Message::new("amount-negative"));
                None
            }
            Ok(money) => Some(money),
            Err(e) => {
                self.fail(
                    pointer,
                    Message::new("amount-invalid").word("value", format!("{text:?}")).message("problem", e.message()),
                );
                None
            }
        }
    }

    fn count(&mut self, pointer: &str, value: i64, least: i64) {
        if value < least {
            self.fail(pointer, Message::new("count-too-small").count("least", least));
        } else if value > 1_000_000_000 {
            self.fail(pointer, Message::new("count-too-large"));
        }
    }

    fn source_key(&mut self, pointer: &str, key: &str) {
        if self.reference.source(key).is_none() {
            let allowed = self.reference.source_keys().join(", ");
            self.fail(pointer, Message::new("source-unknown").word("key", format!("{key:?}")).word("allowed", allowed));
        }
    }

    /// The lines with exact amounts, and whether every amount was valid (only then do they sum).
    fn funding(&mut self, pointer: &str, lines: Vec<SourceAmount<String>>) -> (Vec<SourceAmount<Money>>, bool) {
        let mut valid = true;
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(lines.len());
        for (i, line) in lines.into_iter().enumerate() {
            let at = format!("{pointer}/{i}");
            self.source_key(&format!("{at}/source"), &line.source);
            if !seen.insert(line.source.clone()) {
                self.fail(
                    format!("{at}/source"),
                    Message::new("source-twice").word("key", format!("{:?}", line.source)),
                );
            }
            self.optional_text(&format!("{at}/quote"), line.quote.as_deref(), 5000);
            let amount = self.amount(&format!("{at}/amount"), &line.amount);
            valid &= amount.is_some();
            out.push(SourceAmount { source: line.source, amount: amount.unwrap_or_default(), quote: line.quote });
        }
        (out, valid)
    }
}

/// Checks every rule of a programme document and returns it with exact amounts, its reported
/// entries in reference order and its sums, or every violation found. Reported totals that
/// differ from the records are not violations; sums that do not fit storage are.
pub fn validate(doc: ProgrammeDocument<String>, reference: &Reference) -> Result<ValidProgramme, Vec<Violation>> {
    let mut c = Checker { reference, violations: Vec::new() };

    if !is_slug(&doc.id) {
        c.fail("/id", Message::new("not-a-slug").word("value", format!("{:?}", doc.id)));
    }
    if doc.currency != CURRENCY {
        c.fail("/currency", Message::new("currency-must-be").word("currency", format!("{CURRENCY:?}")));
    }
    if doc.amount_unit != AMOUNT_UNIT {
        c.fail("/amount_unit", Message::new("unit-must-be").word("unit", format!("{AMOUNT_UNIT:?}")));
    }
    c.names("/names", &doc.names);
    c.text("/jurisdiction", &doc.jurisdiction, 200);
    for (field, year) in [("start_year", doc.period.start_year), ("end_year", doc.period.end_year)] {
        if !(1900..=2200).contains(&year) {
            c.fail(format!("/period/{field}"), Message::new("year-out-of-range"));
        }
    }
    if doc.period.end_year < doc.period.start_year {
        let (end, start) = (doc.period.end_year, doc.period.start_year);
        c.fail("/period/end_year", Message::new("period-backwards").count("end", end).count("start", start));
    }
    if let Some(basis) = &doc.legal_basis {
        c.text("/legal_basis/title", &basis.title, 1000);
        c.optional_text("/legal_basis/number", basis.number.as_deref(), 200);
        c.optional_text("/legal_basis/issuer", basis.issuer.as_deref(), 500);
        c.optional_text("/legal_basis/quote", basis.quote.as_deref(), 5000);
        if let Some(date) = basis.date.as_deref().filter(|d| !is_iso_date(d)) {
            c.fail("/legal_basis/date", Message::new("not-a-date").word("value", format!("{date:?}")));
        }
    }
    if let Some(agency) = &doc.implementing_agency {
        c.names("/implementing_agency", agency);
    }
    c.text("/source/title", &doc.source.title, 1000);
    c.text("/source/publisher", &doc.source.publisher, 500);
    c.optional_text("/source/url", doc.source.url.as_deref(), 2000);
    c.optional_text("/source/note", doc.source.note.as_deref(), 5000);
    if !is_iso_date(&doc.source.date) {
        let date = &doc.source.date;
        c.fail("/source/date", Message::new("not-a-date").word("value", format!("{date:?}")));
    }

    let reported = doc.reported;
    if let Some(schemes) = &reported.schemes {
        c.count("/reported/schemes/value", schemes.value, 0);
        c.optional_text("/reported/schemes/quote", schemes.quote.as_deref(), 5000);
    }
    let mut scopes_seen = HashSet::new();
    for (i, entry) in reported.schemes_by_scope.iter().enumerate() {
        let at = format!("/reported/schemes_by_scope/{i}");
        if c.reference.scope(&entry.scope).is_none() {
            let allowed = c.reference.scope_keys().join(", ");
            c.fail(
                format!("{at}/scope"),
                Message::new("scope-unknown").word("key", format!("{:?}", entry.scope)).word("allowed", &allowed),
            );
        }
        if !scopes_seen.insert(entry.scope.clone()) {
            c.fail(format!("{at}/scope"), Message::new("scope-twice").word("key", format!("{:?}", entry.scope)));
        }
        c.count(&format!("{at}/value"), entry.value, 0);
        c.optional_text(&format!("{at}/quote"), entry.quote.as_deref(), 5000);
    }
    let cost = reported.cost.map(|cost| {
        c.optional_text("/reported/cost/quote", cost.quote.as_deref(), 5000);
        ReportedAmount {
            amount: c.amount("/reported/cost/amount", &cost.amount).unwrap_or_default(),
            quote: cost.quote,
        }
    });
    let (funding, _) = c.funding("/reported/funding", reported.funding);
    let reported = Reported { schemes: reported.schemes, schemes_by_scope: reported.schemes_by_scope, cost, funding };

    let mut indicator_keys = HashSet::new();
    for (i, def) in doc.indicator_definitions.iter().enumerate() {
        let at = format!("/indicator_definitions/{i}");
        if !is_key(&def.key) {
            c.fail(format!("{at}/key"), Message::new("not-a-key").word("value", format!("{:?}", def.key)));
        }
        if !indicator_keys.insert(def.key.as_str()) {
            c.fail(format!("{at}/key"), Message::new("indicator-defined-twice").word("key", format!("{:?}", def.key)));
        }
        c.names(&format!("{at}/names"), &def.names);
        c.text(&format!("{at}/unit"), &def.unit, 100);
    }

    if doc.schemes.len() > 2_000_000 {
        c.fail("/schemes", Message::new("too-many-records"));
    }
    let mut scheme_ids = HashSet::new();
    let mut schemes = Vec::with_capacity(doc.schemes.len());
    for (i, record) in doc.schemes.into_iter().enumerate() {
        let at = format!("/schemes/{i}");
        if !is_slug(&record.id) {
            c.fail(format!("{at}/id"), Message::new("not-a-slug").word("value", format!("{:?}", record.id)));
        }
        if !scheme_ids.insert(record.id.clone()) {
            c.fail(format!("{at}/id"), Message::new("scheme-id-twice").word("id", format!("{:?}", record.id)));
        }
        c.count(&format!("{at}/scheme_count"), record.scheme_count, 1);
        if c.reference.activity(&record.activity).is_none() {
            let allowed = c.reference.activity_keys().join(", ");
            c.fail(
                format!("{at}/activity"),
                Message::new("activity-unknown")
                    .word("key", format!("{:?}", record.activity))
                    .word("allowed", &allowed),
            );
        }
        if c.reference.scope(&record.scope).is_none() {
            let allowed = c.reference.scope_keys().join(", ");
            c.fail(
                format!("{at}/scope"),
                Message::new("scope-unknown").word("key", format!("{:?}", record.scope)).word("allowed", &allowed),
            );
        }
        c.names(&format!("{at}/title"), &record.title);
        c.optional_text(&format!("{at}/quote"), record.quote.as_deref(), 5000);
        c.optional_text(&format!("{at}/note"), record.note.as_deref(), 5000);
        let cost = c.amount(&format!("{at}/cost"), &record.cost);
        let (funding, lines_valid) = c.funding(&format!("{at}/funding"), record.funding);
        let funded: Money = funding.iter().map(|line| line.amount).sum();
        // Compared only when every amount is valid: a bad amount is one problem, not two.
        if let Some(cost) = cost.filter(|cost| lines_valid && funded > *cost) {
            c.fail(
                format!("{at}/funding"),
                Message::new("funding-over-cost").amount("funded", funded).amount("cost", cost),
            );
        }
        let mut keys_seen = HashSet::new();
        for (j, indicator) in record.indicators.iter().enumerate() {
            let at = format!("{at}/indicators/{j}");
            if !indicator_keys.contains(indicator.key.as_str()) {
                c.fail(
                    format!("{at}/key"),
                    Message::new("indicator-undefined").word("key", format!("{:?}", indicator.key)),
                );
            }
            c.optional_text(&format!("{at}/note"), indicator.note.as_deref(), 5000);
            if !keys_seen.insert(indicator.key.as_str()) {
                c.fail(
                    format!("{at}/key"),
                    Message::new("indicator-twice").word("key", format!("{:?}", indicator.key)),
                );
            }
            let plain = !indicator.value.is_empty()
                && indicator.value.len() <= 40
                && indicator.value.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
            if !plain || indicator.value.parse::<Decimal>().is_err() {
                c.fail(
                    format!("{at}/value"),
                    Message::new("indicator-not-decimal").word("value", format!("{:?}", indicator.value)),
                );
            } else if Decimal::from_str_exact(&indicator.value).is_err() {
                // Kept as text, but summed as a Decimal: a value it would round cannot add up exactly.
                c.fail(
                    format!("{at}/value"),
                    Message::new("indicator-too-precise").word("value", format!("{:?}", indicator.value)),
                );
            }
        }
        schemes.push(SchemeRecord {
            id: record.id,
            scheme_count: record.scheme_count,
            activity: record.activity,
            scope: record.scope,
            title: record.title,
            cost: cost.unwrap_or_default(),
            funding,
            indicators: record.indicators,
            quote: record.quote,
            note: record.note,
        });
    }

    if !c.violations.is_empty() {
        return Err(c.violations);
    }
    let mut reported = reported;
    let scope_position = |key: &str| reference.scopes.iter().position(|s| s.key == key);
    let source_position = |key: &str| reference.sources.iter().position(|s| s.key == key);
    reported.schemes_by_scope.sort_by_key(|e| scope_position(&e.scope));
    reported.funding.sort_by_key(|e| source_position(&e.source));
    let programme = ProgrammeDocument {
        id: doc.id,
        currency: doc.currency,
        amount_unit: doc.amount_unit,
        names: doc.names,
        jurisdiction: doc.jurisdiction,
        period: doc.period,
        legal_basis: doc.legal_basis,
        implementing_agency: doc.implementing_agency,
        source: doc.source,
        reported,
        indicator_definitions: doc.indicator_definitions,
        schemes,
    };
    let sums = ProgrammeSums::of(&programme, reference)?;
    Ok(ValidProgramme { programme, sums })
}

impl Programme {
    /// The document with its amounts as text again, for an edit to be validated like an import.
    pub fn into_raw(self) -> ProgrammeDocument<String> {
        let amounts = |lines: Vec<SourceAmount<Money>>| -> Vec<SourceAmount<String>> {
            lines
                .into_iter()
                .map(|l| SourceAmount { source: l.source, amount: l.amount.to_string(), quote: l.quote })
                .collect()
        };
        let reported = Reported {
            schemes: self.reported.schemes,
            schemes_by_scope: self.reported.schemes_by_scope,
            cost: self.reported.cost.map(|c| ReportedAmount { amount: c.amount.to_string(), quote: c.quote }),
            funding: amounts(self.reported.funding),
        };
        let schemes = self
            .schemes
            .into_iter()
            .map(|r| SchemeRecord {
                id: r.id,
                scheme_count: r.scheme_count,
                activity: r.activity,
                scope: r.scope,
                title: r.title,
                cost: r.cost.to_string(),
                funding: amounts(r.funding),
                indicators: r.indicators,
                quote: r.quote,
                note: r.note,
            })
            .collect();
        ProgrammeDocument {
            id: self.id,
            currency: self.currency,
            amount_unit: self.amount_unit,
            names: self.names,
            jurisdiction: self.jurisdiction,
            period: self.period,
            legal_basis: self.legal_basis,
            implementing_agency: self.implementing_agency,
            source: self.source,
            reported,
            indicator_definitions: self.indicator_definitions,
            schemes,
        }
    }
}

/// Re-points violations found in a whole document at the part a request sent: a violation at
/// `{from}/x` becomes `{to}/x`; others are kept as they are.
pub fn relocate(violations: Vec<Violation>, from: &str, to: &str) -> Vec<Violation> {
    violations
        .into_iter()
        .map(|v| match v.pointer.strip_prefix(from).filter(|rest| rest.is_empty() || rest.starts_with('/')) {
            Some(rest) => Violation { pointer: format!("{to}{rest}"), detail: v.detail },
            None => v,
        })
        .collect()
}

/// Parses one JSON part of a document (a scheme record, the reported figures), naming where a
/// structural error is.
///
/// The text may begin with a UTF-8 byte-order mark (what Windows editors write). Every string
/// is taken in Unicode NFC, so that a word typed decomposed (NFD, as some systems send
/// Vietnamese) is stored, and compares, as the same word typed composed.
pub fn parse_part<T: serde::de::DeserializeOwned>(text: &[u8]) -> Result<T, Violation> {
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    if !needs_nfc(text) {
        let de = &mut serde_json::Deserializer::from_slice(text);
        let value = serde_path_to_error::deserialize(&mut *de)
            .map_err(|e| Violation::parser(path_to_pointer(e.path()), e.into_inner().to_string()))?;
        // One JSON value and nothing after it: `{…}}}` is not a document.
        de.end().map_err(|e| Violation {
            pointer: String::new(),
            detail: Message::new("json-trailing").word("error", e.to_string()),
        })?;
        return Ok(value);
    }
    // Rare: text that is not NFC, or that escapes characters (`\u0301`). Parsed to a value
    // first, its strings normalised, then read as the document.
    let mut value: serde_json::Value =
        serde_json::from_slice(text).map_err(|e| Violation::parser("", e.to_string()))?;
    to_nfc(&mut value);
    serde_path_to_error::deserialize(value)
        .map_err(|e| Violation::parser(path_to_pointer(e.path()), e.into_inner().to_string()))
}

/// Whether some string of the JSON `text` may not be NFC: the text is not plainly NFC, or it
/// escapes a character (whose decoded form the raw text does not show).
fn needs_nfc(text: &[u8]) -> bool {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    let Ok(text) = std::str::from_utf8(text) else { return false }; // the parser says what is wrong
    text.contains("\\u") || is_nfc_quick(text.chars()) != IsNormalized::Yes
}

fn to_nfc(value: &mut serde_json::Value) {
    use unicode_normalization::UnicodeNormalization;
    match value {
        serde_json::Value::String(text) => *text = text.nfc().collect(),
        serde_json::Value::Array(items) => items.iter_mut().for_each(to_nfc),
        serde_json::Value::Object(map) => map.values_mut().for_each(to_nfc),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canonical_form_streamed_in_parts_is_the_whole_one() {
        use crate::domain::sums::fixtures::{programme, record};
        for records in [0, 1, 3] {
            let mut doc = programme(
                (0..records)
                    .map(|i| {
                        let mut r = record("vocational_training", "local", 2, "735.50", &[("contributions", "1.00")]);
                        r.id = format!("r{i}");
                        r.quote = Some("dòng \"một\"\nhai".into());
                        r
                    })
                    .collect(),
            );
            let whole = doc.canonical_json();
            let schemes = std::mem::take(&mut doc.schemes);
            let mut streamed = doc.canonical_head();
            for (i, batch) in schemes.chunks(2).enumerate() {
                streamed.push_str(&canonical_records(batch, i == 0));
            }
            streamed.push_str(canonical_tail(schemes.len()));
            assert_eq!(streamed, whole, "{records} records");
        }
    }

    #[test]
    fn slugs() {
        for ok in ["2016-2020", "a", "synthetic-hai-phong-2021-2025"] {
            assert!(is_slug(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "đ", &"a".repeat(101)] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn dates() {
        for ok in ["2020-11-06", "2016-03-21", "2024-02-29"] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for bad in ["06/11/2020", "2020-13-01", "2023-02-29", "2020-1-6", "2020-11-31"] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn text_after_the_document_is_rejected() {
        let err = parse_part::<Names>(br#"{"vi": "a", "en": "b"}}}"#).unwrap_err();
        assert!(
            err.detail.to_string().starts_with("unexpected text after the JSON value"),
            "{}",
            err.detail.to_string()
        );
        assert!(parse_part::<Names>(b"{\"vi\": \"a\", \"en\": \"b\"}\n").is_ok(), "trailing white space is fine");
    }

    #[test]
    fn a_missing_field_is_named_with_its_pointer() {
        let err = parse_json(r#"{"id": "x", "currency": "VND", "amount_unit": "million", "names": {"vi": "a"}}"#)
            .unwrap_err();
        assert_eq!(err.pointer, "/names");
        assert!(err.detail.to_string().contains("missing field `en`"), "{}", err.detail.to_string());
    }

    /// The English of a parser's message is serde_json's own, word for word; the Vietnamese
    /// says the same with the position as a Vietnamese reader writes it.
    #[test]
    fn the_parsers_messages_keep_serdes_english_and_read_as_vietnamese() {
        use crate::i18n::Lang;
        let cases: [(&[u8], &str); 5] = [
            (br#"{"vi": "a"}"#, "thiếu trường `en` (dòng 1, cột 11)"),
            (
                br#"{"vi": "a", "en": "b", "x": 1}"#,
                "trường `x` không có trong định dạng; các trường được phép: `vi`, `en` (dòng 1, cột 26)",
            ),
            (br#"{"vi": 1, "en": "b"}"#, "sai kiểu dữ liệu: có integer `1`, cần a string (dòng 1, cột 8)"),
            (br#"{"vi": "a", "vi": "b", "en": "c"}"#, "trường `vi` xuất hiện hai lần (dòng 1, cột 16)"),
            (br#"{"vi": "a""#, "văn bản JSON kết thúc giữa chừng (dòng 1, cột 10)"),
        ];
        for (text, vietnamese) in cases {
            let serde = serde_json::from_slice::<Names>(text).map(|_| ()).unwrap_err().to_string();
            let violation = parse_part::<Names>(text).unwrap_err();
            assert_eq!(violation.detail.render(Lang::En), serde);
            assert_eq!(violation.detail.render(Lang::Vi), vietnamese, "{serde}");
        }
    }
}
