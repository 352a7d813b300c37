//! The read models the API returns for programmes, scheme records and indicators.

use crate::domain::aggregates::figures::Bounds;
use serde::Serialize;
use utoipa::ToSchema;

use super::document::{
    AMOUNT_UNIT, CURRENCY, IndicatorDefinition, Kind, LegalBasis, Note, PartOf, Period, SchemeRecord, SourceDocument,
    Status,
};
use super::money::Money;
use super::reference::{Names, Reference};

/// A programme in a list.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ProgrammeSummary {
    #[schema(example = "2016-2020")]
    pub id: String,
    pub names: Names,
    /// The jurisdiction as the document writes it.
    #[schema(example = "Hải Phòng")]
    pub jurisdiction: String,
    /// The unit `jurisdiction` resolves to in the programme's period (see `GET /jurisdictions`);
    /// null when no unit, or several, have that name then.
    pub jurisdiction_unit: Option<JurisdictionUnit>,
    pub period: Period,
    /// `result` or `plan`: a plan's figures are never added to a result's.
    pub kind: Kind,
    /// `final` or `estimate`.
    pub status: Status,
    /// The programme this one is a part of (a year, a round, to a date); null for a whole one.
    /// A part's figures are never added to its whole's.
    pub part_of: Option<PartOf>,
    /// Number of scheme records (lines of results; one may cover several schemes).
    #[schema(example = 7)]
    pub scheme_records: i64,
    /// Number of schemes the programme published; null where it published none, or not as one
    /// exact number (see `schemes_reported_bounds`).
    #[schema(example = 65)]
    pub schemes_reported: Option<i64>,
    /// The values the published number allows, with its qualifier; null where none is published.
    pub schemes_reported_bounds: Option<Bounds<i64>>,
    /// Number of schemes the records cover (the sum of their `scheme_count`).
    #[schema(example = 64)]
    pub schemes_itemised: i64,
}

/// A programme in full.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ProgrammeDetail {
    #[schema(example = "2016-2020")]
    pub id: String,
    pub names: Names,
    /// The jurisdiction as the document writes it.
    #[schema(example = "Hải Phòng")]
    pub jurisdiction: String,
    /// The unit `jurisdiction` resolves to in the programme's period; null when no unit, or
    /// several, have that name then.
    pub jurisdiction_unit: Option<JurisdictionUnit>,
    pub period: Period,
    /// `result` or `plan`.
    pub kind: Kind,
    /// `final` or `estimate`.
    pub status: Status,
    /// The programme this one is a part of; null for a whole one.
    pub part_of: Option<PartOf>,
    pub legal_basis: Option<LegalBasis>,
    /// The decision that approved it, where the document names one.
    pub approved_by: Option<LegalBasis>,
    pub implementing_agency: Option<Names>,
    pub source: SourceDocument,
    #[schema(example = 7)]
    pub scheme_records: i64,
    /// Number of schemes the programme published; null where it published none, or not as one
    /// exact number (see `schemes_reported_bounds`).
    #[schema(example = 65)]
    pub schemes_reported: Option<i64>,
    /// The values the published number allows, with its qualifier; null where none is published.
    pub schemes_reported_bounds: Option<Bounds<i64>>,
    /// Number of schemes the records cover (the sum of their `scheme_count`).
    #[schema(example = 64)]
    pub schemes_itemised: i64,
}

/// The unit a programme's `jurisdiction` resolves to, in its period.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct JurisdictionUnit {
    #[schema(example = "hai-phong")]
    pub id: String,
    #[schema(example = "31")]
    pub code: Option<String>,
    #[schema(example = "municipality")]
    pub level: String,
    pub names: Names,
    #[schema(format = Date)]
    pub valid_from: Option<String>,
    #[schema(example = "2025-06-30", format = Date)]
    pub valid_to: Option<String>,
    /// The unit in force today that this one became (the same unit while it is in force).
    pub today: JurisdictionRef,
    /// Set when the period spans a change of the unit (the 1 July 2025 merger): which unit the
    /// programme is counted under, and why.
    #[schema(value_type = Option<String>)]
    pub note: Option<crate::i18n::Message>,
}

/// A unit by its id, code and names.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct JurisdictionRef {
    #[schema(example = "hai-phong-2025")]
    pub id: String,
    #[schema(example = "31")]
    pub code: Option<String>,
    pub names: Names,
}

impl JurisdictionUnit {
    /// The unit `text` resolves to in `period`, with today's successor and, when the period
    /// spans a change, a note; None when no unit, or several, have the name then.
    pub fn of(
        jurisdictions: &crate::domain::jurisdiction::Jurisdictions,
        text: &str,
        period: &Period,
    ) -> Option<JurisdictionUnit> {
        use crate::domain::jurisdiction::Resolution;
        let years = (period.start_year, period.end_year);
        let Resolution::Unit { unit, then } = jurisdictions.resolve(text, years) else { return None };
        let today = jurisdictions.today(unit);
        let note = then.map(|then| {
            crate::i18n::Message::new("jurisdiction-straddles")
                .count("start", period.start_year)
                .count("end", period.end_year)
                .arg("unit", crate::i18n::Arg::Named { en: unit.names.en.clone(), vi: unit.names.vi.clone() })
                .arg("then", crate::i18n::Arg::Named { en: then.names.en.clone(), vi: then.names.vi.clone() })
                .word("date", then.valid_from.clone().unwrap_or_default())
        });
        Some(JurisdictionUnit {
            id: unit.id.clone(),
            code: unit.code.clone(),
            level: unit.level.clone(),
            names: unit.names.clone(),
            valid_from: unit.valid_from.clone(),
            valid_to: unit.valid_to.clone(),
            today: JurisdictionRef { id: today.id.clone(), code: today.code.clone(), names: today.names.clone() },
            note,
        })
    }
}

/// A key with its names (an activity, a scope).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Keyed {
    /// An activity or scope key (see `GET /activities`); more may be added.
    #[schema(example = "vocational_training")]
    pub key: String,
    pub names: Names,
}

/// An amount attributed to one funding source.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FundingLineView {
    #[schema(schema_with = crate::domain::reference::source_key_schema)]
    pub source: String,
    #[schema(example = "state_budget")]
    pub parent: Option<String>,
    #[schema(example = "5760.00")]
    pub amount: Money,
    /// The source's words for this line, where the document gives them.
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng")]
    pub quote: Option<String>,
}

/// A measured result of a scheme record.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct IndicatorView {
    #[schema(example = "workers_trained")]
    pub key: String,
    /// An exact decimal, as a string.
    #[schema(example = "610")]
    pub value: String,
    #[schema(example = "person")]
    pub unit: String,
    pub names: Names,
    /// Whether values of this indicator add up across records.
    pub additive: bool,
    /// What the value may not mean, where the source is ambiguous. Ours, not the source's; in
    /// the request's language where the document gives it in both.
    #[schema(value_type = Option<String>, example = "Our reading, not the article's words.")]
    pub note: Option<Note>,
}

/// A line of the programme's results, covering `scheme_count` schemes.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SchemeView {
    #[schema(example = "vocational-training")]
    pub id: String,
    pub activity: Keyed,
    pub scope: Keyed,
    pub title: Names,
    #[schema(example = 3)]
    pub scheme_count: i64,
    #[schema(example = "VND")]
    pub currency: &'static str,
    #[schema(example = "million")]
    pub amount_unit: &'static str,
    #[schema(example = "735.50")]
    pub cost: Money,
    /// Who paid, as far as the source says: the lines need not cover the whole cost.
    pub funding: Vec<FundingLineView>,
    pub indicators: Vec<IndicatorView>,
    /// The source's own words for this record.
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng")]
    pub quote: Option<String>,
    /// What a reader must know that the quote does not say (where the record's place in the
    /// programme is a reading of the source). Ours, not the source's; in the request's language
    /// where the document gives it in both.
    #[schema(value_type = Option<String>, example = "Our reading, not the article's words.")]
    pub note: Option<Note>,
}

impl SchemeView {
    /// The record as the API shows it: keys with their names, lines with their source's parent,
    /// indicator values with their definitions.
    pub fn of(record: SchemeRecord<Money>, reference: &Reference, definitions: &[IndicatorDefinition]) -> SchemeView {
        let keyed = |key: String, names: Option<&Names>| Keyed {
            names: names.cloned().unwrap_or_else(|| Names { vi: key.clone(), en: key.clone() }),
            key,
        };
        let activity_names = reference.activity(&record.activity).map(|a| &a.names);
        let scope_names = reference.scope(&record.scope).map(|s| &s.names);
        SchemeView {
            activity: keyed(record.activity.clone(), activity_names),
            scope: keyed(record.scope.clone(), scope_names),
            title: record.title,
            scheme_count: record.scheme_count,
            currency: CURRENCY,
            amount_unit: AMOUNT_UNIT,
            cost: record.cost,
            funding: record
                .funding
                .into_iter()
                .map(|line| FundingLineView {
                    parent: reference.source(&line.source).and_then(|s| s.parent.clone()),
                    source: line.source,
                    amount: line.amount,
                    quote: line.quote,
                })
                .collect(),
            indicators: record
                .indicators
                .into_iter()
                .filter_map(|value| {
                    let definition = definitions.iter().find(|d| d.key == value.key)?;
                    Some(IndicatorView {
                        key: value.key,
                        value: value.value,
                        unit: definition.unit.clone(),
                        names: definition.names.clone(),
                        additive: definition.additive,
                        note: value.note,
                    })
                })
                .collect(),
            quote: record.quote,
            note: record.note,
            id: record.id,
        }
    }
}

/// One record's value of an indicator.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct IndicatorRecordValue {
    #[schema(example = "vocational-training")]
    pub scheme_id: String,
    #[schema(example = "610")]
    pub value: String,
    /// What the value may not mean, where the source is ambiguous. Ours, not the source's; in
    /// the request's language where the document gives it in both.
    #[schema(value_type = Option<String>, example = "Our reading, not the article's words.")]
    pub note: Option<Note>,
}

/// An indicator across the programme.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct IndicatorSummary {
    #[schema(example = "workers_trained")]
    pub key: String,
    pub names: Names,
    #[schema(example = "person")]
    pub unit: String,
    /// Whether values add up across records. When false, `total` is null.
    pub additive: bool,
    /// The sum over every record that gives it, where the indicator is additive; null where it
    /// is not.
    #[schema(example = "610")]
    pub total: Option<String>,
    /// How many records give it.
    #[schema(example = 1)]
    pub record_count: i64,
    /// The first 50 of those records' values, in record order.
    pub records: Vec<IndicatorRecordValue>,
    /// Absolute URL of the values after `records` (`GET …/indicators/{key}/records`), or null
    /// when `records` holds them all.
    #[schema(
        example = "http://127.0.0.1:8080/programmes/2021-2025/indicators/workers_trained/records?limit=50&cursor=61"
    )]
    pub next: Option<String>,
}

/// `GET /programmes/{id}/indicators`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ProgrammeIndicators {
    #[schema(example = "2016-2020")]
    pub programme_id: String,
    pub indicators: Vec<IndicatorSummary>,
}

/// A write, as `GET /changes` lists it: what a mirror needs to know to fetch it again, and
/// nothing about who made it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Change {
    /// The data version the write made: every write has its own, in the order they happened.
    #[schema(example = 7)]
    pub version: i64,
    #[schema(example = "2021-2025")]
    pub programme_id: String,
    /// The scheme record a record write touched; null for writes of a whole programme.
    #[schema(example = "training")]
    pub scheme_id: Option<String>,
    /// What the write did: `seed`, `replace` (a whole programme put or imported), `delete`, `create_scheme`,
    /// `replace_scheme`, `delete_scheme` or `replace_reported`; more may be added.
    #[schema(example = "replace_scheme")]
    pub operation: String,
    /// When, RFC 3339 (UTC).
    #[schema(example = "2026-11-27T03:04:25Z")]
    pub at: String,
}

/// `GET /changes`: the writes after a data version, oldest first.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Changes {
    pub items: Vec<Change>,
    /// The URL of the next page, or null when this page reaches `latest_version`; also sent as
    /// `Link: <…>; rel="next"`.
    #[schema(example = "http://127.0.0.1:8080/changes?since=7")]
    pub next: Option<String>,
    /// The `since` of the next page (the version of this page's last item), or null when this
    /// page reaches `latest_version`.
    #[schema(example = 7)]
    pub next_since: Option<i64>,
    /// The database's data version now: a mirror that applied every item up to it is current.
    #[schema(example = 7)]
    pub latest_version: i64,
}
