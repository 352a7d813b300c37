//! Rows as the queries return them, mapped once (`sqlx::FromRow`), and their domain forms.

use rust_decimal::Decimal;

use super::Stamp;
use crate::domain::aggregates::figures::published_count;
use crate::domain::aggregates::sums::{IndicatorTotal, LineSums, ProgrammeSums, RecordSums};
use crate::domain::document::{
    IndicatorDefinition, Kind, LegalBasis, Note, PartKind, PartOf, Period, Precision, Qualifier, Reported,
    ReportedAmount, ReportedCount, ReportedSource, ScopeCount, SourceDocument, Status, precision,
};
use crate::domain::money::Money;
use crate::domain::reference::Names;

/// One row of `programmes`: what describes the programme, its reported scalars, its version.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct ProgrammeRow {
    pub id: String,
    name_vi: String,
    name_en: String,
    jurisdiction: String,
    start_year: i64,
    end_year: i64,
    legal_basis_title: Option<String>,
    legal_basis_number: Option<String>,
    legal_basis_date: Option<String>,
    legal_basis_issuer: Option<String>,
    legal_basis_quote: Option<String>,
    agency_vi: Option<String>,
    agency_en: Option<String>,
    source_title: String,
    source_publisher: String,
    source_date: String,
    source_url: Option<String>,
    source_note: Option<String>,
    source_note_vi: Option<String>,
    reported_schemes: Option<i64>,
    reported_schemes_quote: Option<String>,
    reported_cost_dong: Option<i64>,
    reported_cost_quote: Option<String>,
    version: i64,
    updated_at: String,
    #[sqlx(flatten)]
    identity: IdentityColumns,
    reported_tasks: Option<i64>,
    reported_tasks_quote: Option<String>,
    reported_registered: Option<i64>,
    reported_registered_quote: Option<String>,
    about_tolerance_percent: Option<String>,
}

/// What a programme is, as its row holds it: kind, status, the whole it is a part of, and the
/// decision that approved it.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct IdentityColumns {
    kind: String,
    status: String,
    part_of: Option<String>,
    part_kind: Option<String>,
    part_label: Option<String>,
    approved_by_title: Option<String>,
    approved_by_number: Option<String>,
    approved_by_date: Option<String>,
    approved_by_issuer: Option<String>,
    approved_by_quote: Option<String>,
}

/// What a programme is, read back from its row.
#[derive(Clone, Debug)]
pub struct Identity {
    pub kind: Kind,
    pub status: Status,
    pub part_of: Option<PartOf>,
    pub approved_by: Option<LegalBasis>,
}

impl IdentityColumns {
    pub fn identity(&self) -> Identity {
        let part_of = match (&self.part_of, self.part_kind.as_deref().and_then(PartKind::parse), &self.part_label) {
            (Some(programme), Some(part), Some(label)) => {
                Some(PartOf { programme: programme.clone(), part, label: label.clone() })
            }
            _ => None,
        };
        Identity {
            kind: Kind::parse(&self.kind).unwrap_or_default(),
            status: Status::parse(&self.status).unwrap_or_default(),
            part_of,
            approved_by: self.approved_by_title.clone().map(|title| LegalBasis {
                title,
                number: self.approved_by_number.clone(),
                date: self.approved_by_date.clone(),
                issuer: self.approved_by_issuer.clone(),
                quote: self.approved_by_quote.clone(),
            }),
        }
    }
}

/// What describes a programme, as one row of `programmes` holds it.
#[derive(Clone, Debug)]
pub struct Metadata {
    pub names: Names,
    pub jurisdiction: String,
    pub period: Period,
    pub legal_basis: Option<LegalBasis>,
    pub implementing_agency: Option<Names>,
    pub source: SourceDocument,
    pub identity: Identity,
}

impl ProgrammeRow {
    pub fn stamp(&self) -> Stamp {
        Stamp { version: self.version, modified: Some(self.updated_at.clone()) }
    }

    pub fn identity(&self) -> Identity {
        self.identity.identity()
    }

    pub fn metadata(&self) -> Metadata {
        let legal_basis = self.legal_basis_title.clone().map(|title| LegalBasis {
            title,
            number: self.legal_basis_number.clone(),
            date: self.legal_basis_date.clone(),
            issuer: self.legal_basis_issuer.clone(),
            quote: self.legal_basis_quote.clone(),
        });
        let implementing_agency = match (&self.agency_vi, &self.agency_en) {
            (Some(vi), Some(en)) => Some(Names { vi: vi.clone(), en: en.clone() }),
            _ => None,
        };
        Metadata {
            names: Names { vi: self.name_vi.clone(), en: self.name_en.clone() },
            jurisdiction: self.jurisdiction.clone(),
            period: Period { start_year: self.start_year, end_year: self.end_year },
            legal_basis,
            implementing_agency,
            source: SourceDocument {
                title: self.source_title.clone(),
                publisher: self.source_publisher.clone(),
                date: self.source_date.clone(),
                url: self.source_url.clone(),
                note: Note::from_columns(self.source_note.clone(), self.source_note_vi.clone()),
            },
            identity: self.identity.identity(),
        }
    }

    /// The reported figures: this row's scalars and the entries of `reported_entries`.
    /// The programme as lists show it, with its record counts (from its kept sums).
    pub fn summary(&self, sums: &ProgrammeSums, reported: &Reported<Money>) -> crate::domain::views::ProgrammeSummary {
        let identity = self.identity.identity();
        let (schemes_reported, schemes_reported_bounds) =
            published_count(reported.schemes.as_ref(), reported.tolerance_percent());
        crate::domain::views::ProgrammeSummary {
            id: self.id.clone(),
            names: Names { vi: self.name_vi.clone(), en: self.name_en.clone() },
            jurisdiction: self.jurisdiction.clone(),
            jurisdiction_unit: None,
            period: Period { start_year: self.start_year, end_year: self.end_year },
            kind: identity.kind,
            status: identity.status,
            part_of: identity.part_of,
            scheme_records: sums.records.iter().map(|r| r.records).sum(),
            schemes_reported,
            schemes_reported_bounds,
            schemes_itemised: sums.records.iter().map(|r| r.schemes).sum(),
        }
    }

    pub fn reported(&self, entries: Vec<ReportedRow>) -> Reported<Money> {
        let figure = |name: &str| entries.iter().find(|e| e.kind == "figure" && e.key == name);
        let count = |value: Option<i64>, quote: &Option<String>, name: &str| {
            let p = match figure(name) {
                Some(row) => row.precision(value),
                None => Precision { value: Some(value?), ..Precision::exact_count() },
            };
            Some(ReportedCount {
                value: p.value,
                qualifier: p.qualifier,
                estimate: p.estimate,
                min: p.min,
                max: p.max,
                quote: quote.clone(),
            })
        };
        let money = |dong: Option<i64>| dong.map(Money::from_dong);
        let cost_precision = match figure("cost") {
            Some(row) => Some(row.precision(self.reported_cost_dong)),
            None => self.reported_cost_dong.map(|dong| Precision { value: Some(dong), ..Precision::exact_count() }),
        };
        let covers: Vec<String> = entries.iter().filter(|e| e.kind == "covers").map(|e| e.key.clone()).collect();
        let mut reported = Reported {
            schemes: count(self.reported_schemes, &self.reported_schemes_quote, "schemes"),
            schemes_by_scope: Vec::new(),
            tasks: count(self.reported_tasks, &self.reported_tasks_quote, "tasks"),
            schemes_registered: count(self.reported_registered, &self.reported_registered_quote, "schemes_registered"),
            cost: cost_precision.map(|p| ReportedAmount {
                amount: money(p.value),
                qualifier: p.qualifier,
                estimate: p.estimate,
                min: money(p.min),
                max: money(p.max),
                covers: (!covers.is_empty()).then_some(covers),
                quote: self.reported_cost_quote.clone(),
            }),
            funding: Vec::new(),
            tolerance: self.about_tolerance_percent.as_deref().map(|t| precision::tolerance(Some(t))),
        };
        for entry in &entries {
            let p = entry.precision(entry.value);
            match entry.kind.as_str() {
                "scope" => reported.schemes_by_scope.push(ScopeCount {
                    scope: entry.key.clone(),
                    value: p.value,
                    qualifier: p.qualifier,
                    estimate: p.estimate,
                    min: p.min,
                    max: p.max,
                    quote: entry.quote.clone(),
                }),
                "source" => reported.funding.push(ReportedSource {
                    source: entry.key.clone(),
                    amount: money(p.value),
                    qualifier: p.qualifier,
                    estimate: p.estimate,
                    min: money(p.min),
                    max: money(p.max),
                    remainder: entry.remainder == 1,
                    quote: entry.quote.clone(),
                }),
                _ => {}
            }
        }
        reported
    }

    /// The programme's `about_tolerance_percent`, as its document writes it (absent: "5").
    pub fn about_tolerance_percent(&self) -> Option<String> {
        self.about_tolerance_percent.clone()
    }
}

/// A row of the reported entries ([`reported_entries`]): a scheme count by scope (`kind` =
/// `scope`, `value` schemes) or a funding amount by source (`source`, `value` đồng), each with
/// its precision where it is not a plain exact figure; the precision of a figure the programme's
/// row holds (`figure`, `key` naming it); or a source the reported cost covers (`covers`).
#[derive(Clone, Debug, sqlx::FromRow)]
pub(super) struct ReportedRow {
    kind: String,
    key: String,
    value: Option<i64>,
    quote: Option<String>,
    qualifier: Option<String>,
    estimate: Option<i64>,
    low: Option<i64>,
    high: Option<i64>,
    remainder: i64,
}

impl ReportedRow {
    /// The row's precision, `value` in its own units (schemes, đồng).
    fn precision(&self, value: Option<i64>) -> Precision<i64> {
        Precision {
            value,
            qualifier: self.qualifier.as_deref().map_or(Qualifier::Exact, Qualifier::from_key),
            estimate: self.estimate == Some(1),
            min: self.low,
            max: self.high,
        }
    }
}

/// The reported entries of the programmes `{programme}` selects (`= $1`, `IN (…)`), each row
/// with its programme, in programme then reference order.
fn reported_entries(programme: &str) -> String {
    format!(
        r#"SELECT c.programme_id, 'scope' AS kind, c.scope AS key, c.schemes AS value, c.quote, p.qualifier,
                  p.estimate, p.low, p.high, CAST(0 AS BIGINT) AS remainder, 0 AS tree, s.position
           FROM reported_scheme_counts c JOIN scopes s ON s.key = c.scope
           LEFT JOIN reported_precision p ON p.programme_id = c.programme_id AND p.figure = 'scope:' || c.scope
           WHERE c.programme_id {programme}
           UNION ALL
           SELECT f.programme_id, 'source', f.source, f.amount_dong, f.quote, p.qualifier, p.estimate, p.low, p.high,
                  f.remainder, 1, s.position
           FROM reported_funding f JOIN funding_sources s ON s.key = f.source
           LEFT JOIN reported_precision p ON p.programme_id = f.programme_id AND p.figure = 'source:' || f.source
           WHERE f.programme_id {programme}
           UNION ALL
           SELECT p.programme_id, 'figure', p.figure, NULL, NULL, p.qualifier, p.estimate, p.low, p.high, 0, 2, 0
           FROM reported_precision p
           WHERE p.programme_id {programme} AND p.figure IN ('schemes', 'tasks', 'schemes_registered', 'cost')
           UNION ALL
           SELECT v.programme_id, 'covers', v.source, NULL, NULL, NULL, NULL, NULL, NULL, 0, 3, s.position
           FROM reported_cost_covers v JOIN funding_sources s ON s.key = v.source
           WHERE v.programme_id {programme}
           ORDER BY 1, 11, 12"#
    )
}

/// The reported entries of programme `$1`.
pub(super) static REPORTED_ENTRIES: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| reported_entries("= $1"));

/// The first `$1` programmes in list order (newest period first): what the overview statements
/// below select by.
const FIRST_PROGRAMMES: &str = "SELECT id FROM programmes ORDER BY end_year DESC, start_year DESC, id LIMIT $1";

/// [`REPORTED_ENTRIES`] of the first `$1` programmes at once, each row with its programme.
pub(super) fn reported_entries_of_first() -> String {
    reported_entries(&format!("IN ({FIRST_PROGRAMMES})"))
}

/// [`PROGRAMME_SUMS`] of the first `$1` programmes at once, each row with its programme.
pub(super) fn sums_of_first() -> String {
    format!(
        r#"SELECT programme_id, 'record' AS kind, activity, scope, '' AS source, records, schemes,
                  cost_dong AS amount_dong, unattributed_schemes, CAST(NULL AS TEXT) AS total
           FROM record_sums WHERE programme_id IN ({FIRST_PROGRAMMES})
           UNION ALL
           SELECT programme_id, 'line', activity, scope, source, records, schemes, amount_dong, 0, NULL
           FROM line_sums WHERE programme_id IN ({FIRST_PROGRAMMES})
           UNION ALL
           SELECT programme_id, 'indicator', key, '', '', records, 0, 0, 0, total
           FROM indicator_definitions WHERE programme_id IN ({FIRST_PROGRAMMES}) AND records > 0"#
    )
}

/// [`reported_entries`] of the programmes `$1`, `$2`, … (`count` of them).
pub(super) fn reported_entries_of(count: usize) -> String {
    reported_entries(&format!("IN ({})", placeholders(count)))
}

/// The kept sums of the programmes `$1`, `$2`, … (`count` of them) summed in SQL to each
/// programme's `activity` and/or `scope` (a member collapsed to `''` where it is not kept), one
/// row per programme and member: its records, schemes, cost and unattributed schemes, then for
/// each of the `sources` bound after the ids (`$count+1`, …) the lines naming it exactly (null
/// where it has none), their schemes and records. Sources are columns, not rows, so that a sum
/// over hundreds of programmes reads hundreds of rows, not thousands. A programme's sums were
/// checked against what storage holds when it was written, so summing them cannot overflow. No
/// indicators: sums across programmes do not read them.
pub(super) fn sums_at_grain(count: usize, sources: usize, activity: bool, scope: bool) -> String {
    let ids = placeholders(count);
    let column = |keep: bool, name: &str| if keep { name.to_string() } else { format!("'' AS {name}") };
    let (a, s) = (column(activity, "activity"), column(scope, "scope"));
    let mut group = vec!["programme_id"];
    group.extend([("activity", activity), ("scope", scope)].iter().filter(|(_, k)| *k).map(|(n, _)| *n));
    let group = group.join(", ");
    let sum = |what: &str, source: usize| {
        format!("CAST(SUM(CASE WHEN source = ${} THEN {what} END) AS BIGINT) AS {what}_{source}", count + 1 + source)
    };
    let pivot: Vec<String> =
        (0..sources).flat_map(|i| [sum("amount_dong", i), sum("schemes", i), sum("records", i)]).collect();
    let picked: Vec<String> = (0..sources)
        .flat_map(|i| [format!("l.amount_dong_{i}"), format!("l.schemes_{i}"), format!("l.records_{i}")])
        .collect();
    // Whole programmes read the lines kept per source; a grain below, those kept per activity
    // and scope.
    let lines = if activity || scope { "line_sums" } else { "source_sums" };
    format!(
        r#"SELECT r.programme_id, r.activity, r.scope, r.records, r.schemes, r.cost_dong, r.unattributed_schemes{comma}{picked}
           FROM (SELECT programme_id, {a}, {s}, CAST(SUM(records) AS BIGINT) AS records,
                        CAST(SUM(schemes) AS BIGINT) AS schemes, CAST(SUM(cost_dong) AS BIGINT) AS cost_dong,
                        CAST(SUM(unattributed_schemes) AS BIGINT) AS unattributed_schemes
                 FROM record_sums WHERE programme_id IN ({ids}) GROUP BY {group}) r
           LEFT JOIN (SELECT programme_id, {a}, {s}{comma}{pivot}
                      FROM {lines} WHERE programme_id IN ({ids}) GROUP BY {group}) l
             ON l.programme_id = r.programme_id AND l.activity = r.activity AND l.scope = r.scope"#,
        comma = if sources == 0 { "" } else { ", " },
        picked = picked.join(", "),
        pivot = pivot.join(", "),
    )
}

/// `$1, $2, …, $count`.
fn placeholders(count: usize) -> String {
    (1..=count.max(1)).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// Where a sum across programmes starts, in list order: the programmes `$1`, `$2`, … (`named`
/// of them, whatever their kind and period, so that a cut naming one learns why it is left out);
/// or, when none is named, those of kind `$3` (both when null) whose period overlaps
/// `$1`..=`$2`.
pub(super) fn programme_rows_within(named: usize) -> String {
    let filter = match named {
        0 => "start_year <= $2 AND end_year >= $1 AND kind = COALESCE(CAST($3 AS TEXT), kind)".to_string(),
        n => format!("id IN ({})", placeholders(n)),
    };
    format!("SELECT * FROM programmes WHERE {filter} ORDER BY end_year DESC, start_year DESC, id")
}

/// A row of [`reported_entries_of_first`]: the programme it belongs to, and the row.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct ReportedRowOf {
    pub programme_id: String,
    #[sqlx(flatten)]
    pub row: ReportedRow,
}

/// A row of [`sums_of_first`]: the programme it belongs to, and the row.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct SumRowOf {
    pub programme_id: String,
    #[sqlx(flatten)]
    pub row: SumRow,
}

/// The first `$1` programmes' rows, in list order.
pub(super) const FIRST_PROGRAMME_ROWS: &str =
    "SELECT * FROM programmes ORDER BY end_year DESC, start_year DESC, id LIMIT $1";

/// One row of the kept sums: a record group (`kind` = `record`), a line group (`line`) or an
/// indicator (`indicator`: the key in `activity`, how many records give it in `records`, the
/// total, when additive, in `total`).
#[derive(Debug, sqlx::FromRow)]
pub(super) struct SumRow {
    kind: String,
    activity: String,
    scope: String,
    source: String,
    records: i64,
    schemes: i64,
    amount_dong: i64,
    unattributed_schemes: i64,
    total: Option<String>,
}

pub(super) const PROGRAMME_SUMS: &str = r#"
    SELECT 'record' AS kind, activity, scope, '' AS source, records, schemes, cost_dong AS amount_dong,
           unattributed_schemes, CAST(NULL AS TEXT) AS total
    FROM record_sums WHERE programme_id = $1
    UNION ALL
    SELECT 'line', activity, scope, source, records, schemes, amount_dong, 0, NULL
    FROM line_sums WHERE programme_id = $1
    UNION ALL
    SELECT 'indicator', key, '', '', records, 0, 0, 0, total
    FROM indicator_definitions WHERE programme_id = $1 AND records > 0"#;

/// The kept sums, in the order `ProgrammeSums::of` makes them (sorted here, not by SQL, whose
/// text order depends on the engine's collation).
pub(super) fn programme_sums(rows: Vec<SumRow>) -> Result<ProgrammeSums, sqlx::Error> {
    let mut sums = ProgrammeSums::default();
    for row in rows {
        match row.kind.as_str() {
            "record" => sums.records.push(RecordSums {
                activity: row.activity,
                scope: row.scope,
                records: row.records,
                schemes: row.schemes,
                cost: Money::from_dong(row.amount_dong),
                unattributed_schemes: row.unattributed_schemes,
            }),
            "line" => sums.lines.push(LineSums {
                activity: row.activity,
                scope: row.scope,
                source: row.source,
                amount: Money::from_dong(row.amount_dong),
                records: row.records,
                schemes: row.schemes,
            }),
            _ => {
                let total = match row.total {
                    Some(text) => {
                        Some(Decimal::from_str_exact(&text).map_err(|e| sqlx::Error::Decode(Box::new(e)))?.normalize())
                    }
                    None => None,
                };
                sums.indicators.push(IndicatorTotal { key: row.activity, records: row.records, total });
            }
        }
    }
    sums.records.sort_by(|a, b| (&a.activity, &a.scope).cmp(&(&b.activity, &b.scope)));
    sums.lines.sort_by(|a, b| (&a.activity, &a.scope, &a.source).cmp(&(&b.activity, &b.scope, &b.source)));
    sums.indicators.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(sums)
}

/// An indicator definition as stored.
#[derive(Clone, Debug, sqlx::FromRow)]
pub(super) struct IndicatorDefinitionRow {
    key: String,
    name_vi: String,
    name_en: String,
    unit: String,
    additive: i64,
}

impl From<IndicatorDefinitionRow> for IndicatorDefinition {
    fn from(row: IndicatorDefinitionRow) -> Self {
        IndicatorDefinition {
            key: row.key,
            names: Names { vi: row.name_vi, en: row.name_en },
            unit: row.unit,
            additive: row.additive == 1,
        }
    }
}

/// A funding line of a record.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct LineRow {
    pub scheme_id: String,
    pub source: String,
    pub amount_dong: i64,
    pub quote: Option<String>,
}

/// An indicator value of a record.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct IndicatorRow {
    pub scheme_id: String,
    pub key: String,
    pub value: String,
    pub note: Option<String>,
    pub note_vi: Option<String>,
}

/// A row of the audit trail as the changes feed reads it (`domain` knows no rows).
#[derive(Debug, sqlx::FromRow)]
pub(super) struct ChangeRow {
    version: i64,
    programme_id: String,
    scheme_id: Option<String>,
    operation: String,
    at: String,
}

impl From<ChangeRow> for crate::domain::views::Change {
    fn from(row: ChangeRow) -> Self {
        crate::domain::views::Change {
            version: row.version,
            programme_id: row.programme_id,
            scheme_id: row.scheme_id,
            operation: row.operation,
            at: row.at,
        }
    }
}
