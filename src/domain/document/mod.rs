//! The programme document: the JSON unit of exchange (seeds, import, export), its types here,
//! and how it is read (`parse`), checked (`validate`) and written (`canonical`).
//!
//! `ProgrammeDocument<String>` is what arrives (amounts still text); `validate` checks every rule
//! at once and returns a `Programme` (= `ProgrammeDocument<Money>`), the only form storage accepts.

mod canonical;
mod identity;
mod note;
mod parse;
pub mod precision;
mod validate;

pub use canonical::{canonical_records, canonical_tail};
pub use identity::{Kind, PartKind, PartOf, Status};
pub use note::Note;
pub use parse::{Unparsed, Violation, Violations, parse_document, parse_json, parse_part, relocate};
pub use precision::{Precision, Qualifier};
pub use validate::{check, check_record, check_reported, is_slug, is_web_url, is_xml_char};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::money::Money;
use super::reference::Names;

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
    /// `result` (the default, left out of the canonical form) or `plan`.
    #[serde(default, skip_serializing_if = "Kind::is_result")]
    pub kind: Kind,
    /// `final` (the default, left out of the canonical form) or `estimate`.
    #[serde(default, skip_serializing_if = "Status::is_final")]
    pub status: Status,
    /// The programme this document is a part of, when it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<PartOf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<LegalBasis>,
    /// The decision that approved the plan (or the result), shaped like `legal_basis`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<LegalBasis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementing_agency: Option<Names>,
    pub source: SourceDocument,
    /// What "about" (`qualifier: about`: "gần", "khoảng") means in this document's reported
    /// figures: within this percentage either side of the figure. A decimal string from 0 to
    /// 99.99; absent, the default: `"5"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(pattern = r"^[0-9]{1,2}(\.[0-9]{1,2})?$", example = "5")]
    pub about_tolerance_percent: Option<String>,
    #[serde(default = "Reported::empty")]
    pub reported: Reported<A>,
    #[serde(default)]
    pub indicator_definitions: Vec<IndicatorDefinition>,
    pub schemes: Vec<SchemeRecord<A>>,
}

pub type Programme = ProgrammeDocument<Money>;

/// A programme document without `reported` and `schemes`: its other fields, in its key order.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct ProgrammeMetadata {
    #[schema(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 100, example = "2016-2020")]
    pub id: String,
    #[schema(pattern = r"^VND$", example = "VND")]
    pub currency: String,
    #[schema(pattern = r"^million$", example = "million")]
    pub amount_unit: String,
    pub names: Names,
    #[schema(example = "Hải Phòng")]
    pub jurisdiction: String,
    pub period: Period,
    /// Absent when `result` (the default).
    #[serde(skip_serializing_if = "Kind::is_result")]
    pub kind: Kind,
    /// Absent when `final` (the default).
    #[serde(skip_serializing_if = "Status::is_final")]
    pub status: Status,
    /// Absent when the document is not a part of another.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<PartOf>,
    /// Absent when the document has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<LegalBasis>,
    /// Absent when the document has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<LegalBasis>,
    /// Absent when the document has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implementing_agency: Option<Names>,
    pub source: SourceDocument,
    /// Absent when the default, `"5"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "5")]
    pub about_tolerance_percent: Option<String>,
    pub indicator_definitions: Vec<IndicatorDefinition>,
}

impl ProgrammeMetadata {
    pub fn of(document: Programme) -> ProgrammeMetadata {
        ProgrammeMetadata {
            id: document.id,
            currency: document.currency,
            amount_unit: document.amount_unit,
            names: document.names,
            jurisdiction: document.jurisdiction,
            period: document.period,
            kind: document.kind,
            status: document.status,
            part_of: document.part_of,
            legal_basis: document.legal_basis,
            approved_by: document.approved_by,
            implementing_agency: document.implementing_agency,
            source: document.source,
            about_tolerance_percent: document.about_tolerance_percent,
            indicator_definitions: document.indicator_definitions,
        }
    }
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

/// The article the figures come from, and where our copy of it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceDocument {
    /// The article's title, as published.
    #[schema(
        pattern = r"\S",
        max_length = 1000,
        example = "Hải Phòng: Kết quả thực hiện Chương trình Khuyến công giai đoạn 20216-2020"
    )]
    pub title: String,
    /// Where our copy of the article comes from (a site, a gazette). Not necessarily its
    /// original publisher: the article may have appeared first elsewhere. The name stays
    /// `publisher` for compatibility.
    #[schema(pattern = r"\S", max_length = 500, example = "congnghieptieudung.vn")]
    pub publisher: String,
    /// The article's date, as our copy gives it: ISO 8601 (`2020-11-06`).
    #[schema(format = Date, example = "2020-11-06")]
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(pattern = r"\S", max_length = 2000, example = "http://www.congnghieptieudung.vn/")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

/// The programme-level figures as published. Absent figures are unknown, not zero.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "A: Deserialize<'de>"))]
pub struct Reported<A> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schemes: Option<ReportedCount>,
    #[serde(default)]
    pub schemes_by_scope: Vec<ScopeCount>,
    /// Tasks (nhiệm vụ) reported beside the schemes ("13 đề án và 01 nhiệm vụ"): never part of
    /// the scheme count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<ReportedCount>,
    /// Schemes registered or proposed, against the approved count ("01/02", "600/1200"): never
    /// part of the scheme count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schemes_registered: Option<ReportedCount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<ReportedAmount<A>>,
    #[serde(default)]
    pub funding: Vec<ReportedSource<A>>,
    /// The document's `about_tolerance_percent`, carried here for the arithmetic of its "about"
    /// figures; never written here (the document has it at its top level).
    #[serde(skip)]
    #[schema(ignore)]
    pub tolerance: Option<rust_decimal::Decimal>,
}

impl<A> Reported<A> {
    pub fn empty() -> Self {
        Reported {
            schemes: None,
            schemes_by_scope: Vec::new(),
            tasks: None,
            schemes_registered: None,
            cost: None,
            funding: Vec::new(),
            tolerance: None,
        }
    }

    /// The tolerance of its "about" figures, in percent.
    pub fn tolerance_percent(&self) -> rust_decimal::Decimal {
        self.tolerance.unwrap_or(precision::DEFAULT_TOLERANCE_PERCENT)
    }
}

/// `precision_of` (the values borrowed: text as received, or exact) and `precision` of a reported
/// figure's struct, which spells its precision fields out: serde cannot flatten shared fields
/// into a struct that refuses unknown ones.
macro_rules! precision_of {
    ($figure:ident<A>, $value:ident) => {
        impl<A> $figure<A> {
            pub fn precision_of(&self) -> Precision<&A> {
                let (value, min, max) = (self.$value.as_ref(), self.min.as_ref(), self.max.as_ref());
                Precision { value, qualifier: self.qualifier, estimate: self.estimate, min, max }
            }
        }

        impl<A: Copy> $figure<A> {
            pub fn precision(&self) -> Precision<A> {
                self.precision_of().map(|a| *a)
            }
        }
    };
    ($figure:ident) => {
        impl $figure {
            pub fn precision(&self) -> Precision<i64> {
                let (value, min, max) = (self.value, self.min, self.max);
                Precision { value, qualifier: self.qualifier, estimate: self.estimate, min, max }
            }
        }
    };
}

precision_of!(ReportedCount);
precision_of!(ScopeCount);
precision_of!(ReportedAmount<A>, amount);
precision_of!(ReportedSource<A>, amount);

/// A reported count: `value`, or a `range` (`min`–`max`) with no value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportedCount {
    /// The count as published; absent for a `range`.
    #[schema(minimum = 0, maximum = 1000000000, example = 65)]
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "precision::optional_whole_number")]
    pub value: Option<i64>,
    /// How precise `value` is: `exact` (the default, left out), `at_least` ("trên", "hơn"),
    /// `at_most` ("dưới"), `about` ("gần", "khoảng": within `about_tolerance_percent`), or
    /// `range` ("từ 10 - 15": `min` to `max`, with no `value`).
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
    /// True for an estimate ("ước"); false, the default, is left out.
    #[serde(default, skip_serializing_if = "precision::is_false")]
    pub estimate: bool,
    /// A `range`'s lower end.
    #[schema(minimum = 0, maximum = 1000000000, example = 10)]
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "precision::optional_whole_number")]
    pub min: Option<i64>,
    /// A `range`'s upper end.
    #[schema(minimum = 0, maximum = 1000000000, example = 15)]
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "precision::optional_whole_number")]
    pub max: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng", pattern = r"\S", max_length = 5000)]
    pub quote: Option<String>,
}

impl ReportedCount {
    /// An exact count.
    pub fn exact(value: i64, quote: Option<String>) -> ReportedCount {
        ReportedCount { value: Some(value), qualifier: Qualifier::Exact, estimate: false, min: None, max: None, quote }
    }
}

/// A reported scheme count of one scope, as precise as it was published (see `ReportedCount`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScopeCount {
    #[schema(schema_with = crate::domain::reference::scope_key_schema)]
    pub scope: String,
    #[schema(minimum = 0, maximum = 1000000000, example = 46)]
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "precision::optional_whole_number")]
    pub value: Option<i64>,
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
    #[serde(default, skip_serializing_if = "precision::is_false")]
    pub estimate: bool,
    #[schema(minimum = 0, maximum = 1000000000, example = 40)]
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "precision::optional_whole_number")]
    pub min: Option<i64>,
    #[schema(minimum = 0, maximum = 1000000000, example = 50)]
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "precision::optional_whole_number")]
    pub max: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng", pattern = r"\S", max_length = 5000)]
    pub quote: Option<String>,
}

impl ScopeCount {
    /// An exact count of `scope`.
    pub fn exact(scope: impl Into<String>, value: i64, quote: Option<String>) -> ScopeCount {
        let count = ReportedCount::exact(value, quote);
        ScopeCount {
            scope: scope.into(),
            value: count.value,
            qualifier: count.qualifier,
            estimate: count.estimate,
            min: count.min,
            max: count.max,
            quote: count.quote,
        }
    }
}

/// The reported total cost, as precise as it was published, and what it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "A: Deserialize<'de>"))]
pub struct ReportedAmount<A> {
    /// The amount as published; absent for a `range`.
    #[schema(value_type = Option<String>, format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,2})?$", example = "41306.53")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<A>,
    /// How precise `amount` is: `exact` (the default, left out), `at_least` ("trên", "hơn"),
    /// `at_most` ("dưới"), `about` ("gần", "khoảng": within `about_tolerance_percent`), or
    /// `range` (`min` to `max`, with no `amount`).
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
    /// True for an estimate ("ước"); false, the default, is left out.
    #[serde(default, skip_serializing_if = "precision::is_false")]
    pub estimate: bool,
    /// A `range`'s lower end.
    #[schema(value_type = Option<String>, format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,2})?$", example = "300.00")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<A>,
    /// A `range`'s upper end.
    #[schema(value_type = Option<String>, format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,2})?$", example = "400.00")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<A>,
    /// The top-level funding sources the total includes (`["state_budget"]` for a total of state
    /// support alone), in reference order. Absent, the default: all of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = json!(["state_budget"]))]
    pub covers: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng", pattern = r"\S", max_length = 5000)]
    pub quote: Option<String>,
}

impl<A> ReportedAmount<A> {
    /// An exact amount.
    pub fn exact(amount: A, quote: Option<String>) -> ReportedAmount<A> {
        ReportedAmount {
            amount: Some(amount),
            qualifier: Qualifier::Exact,
            estimate: false,
            min: None,
            max: None,
            covers: None,
            quote,
        }
    }
}

/// A reported amount attributed to one funding source, as precise as it was published; or the
/// remainder ("phần còn lại"), named with no figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "A: Deserialize<'de>"))]
pub struct ReportedSource<A> {
    #[schema(schema_with = crate::domain::reference::source_key_schema)]
    pub source: String,
    /// The amount as published; absent for a `range` and for a `remainder`.
    #[schema(value_type = Option<String>, format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,2})?$", example = "5760.00")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<A>,
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
    #[serde(default, skip_serializing_if = "precision::is_false")]
    pub estimate: bool,
    #[schema(value_type = Option<String>, format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,2})?$", example = "300.00")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<A>,
    #[schema(value_type = Option<String>, format = "decimal", pattern = r"^[0-9]{1,12}(\.[0-9]{1,2})?$", example = "400.00")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<A>,
    /// True where the source names this source as paying the rest ("phần còn lại do doanh
    /// nghiệp đối ứng") with no figure: `amount` is absent, and what the other figures imply is
    /// computed on reading, never stored. False, the default, is left out.
    #[serde(default, skip_serializing_if = "precision::is_false")]
    pub remainder: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng", pattern = r"\S", max_length = 5000)]
    pub quote: Option<String>,
}

impl<A> ReportedSource<A> {
    /// An exact amount of `source`.
    pub fn exact(source: impl Into<String>, amount: A, quote: Option<String>) -> ReportedSource<A> {
        ReportedSource {
            source: source.into(),
            amount: Some(amount),
            qualifier: Qualifier::Exact,
            estimate: false,
            min: None,
            max: None,
            remainder: false,
            quote,
        }
    }
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
    pub note: Option<Note>,
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
    pub note: Option<Note>,
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

impl Programme {
    /// The document with its amounts as text again, for an edit to be validated like an import.
    pub fn into_raw(self) -> ProgrammeDocument<String> {
        let text = |a: Option<Money>| a.map(|a| a.to_string());
        let reported = Reported {
            schemes: self.reported.schemes,
            schemes_by_scope: self.reported.schemes_by_scope,
            tasks: self.reported.tasks,
            schemes_registered: self.reported.schemes_registered,
            cost: self.reported.cost.map(|c| ReportedAmount {
                amount: text(c.amount),
                qualifier: c.qualifier,
                estimate: c.estimate,
                min: text(c.min),
                max: text(c.max),
                covers: c.covers,
                quote: c.quote,
            }),
            funding: self
                .reported
                .funding
                .into_iter()
                .map(|f| ReportedSource {
                    source: f.source,
                    amount: text(f.amount),
                    qualifier: f.qualifier,
                    estimate: f.estimate,
                    min: text(f.min),
                    max: text(f.max),
                    remainder: f.remainder,
                    quote: f.quote,
                })
                .collect(),
            tolerance: self.reported.tolerance,
        };
        let amounts = |lines: Vec<SourceAmount<Money>>| -> Vec<SourceAmount<String>> {
            lines
                .into_iter()
                .map(|l| SourceAmount { source: l.source, amount: l.amount.to_string(), quote: l.quote })
                .collect()
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
            kind: self.kind,
            status: self.status,
            part_of: self.part_of,
            legal_basis: self.legal_basis,
            approved_by: self.approved_by,
            implementing_agency: self.implementing_agency,
            source: self.source,
            about_tolerance_percent: self.about_tolerance_percent,
            reported,
            indicator_definitions: self.indicator_definitions,
            schemes,
        }
    }
}
