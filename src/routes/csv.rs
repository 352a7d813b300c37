//! CSV renderings (UTF-8, a header row, plain decimals): the tables of `schemes.csv` and
//! `breakdown.csv`, one value per cell and every money header naming its unit, and the 0.1 CSV
//! that `Accept: text/csv` still gets on the JSON paths.
//!
//! One meaning per column name, in every CSV: `cost_million_vnd` is a cost;
//! `<source>_own_million_vnd` the funding lines naming exactly that source (summing them never
//! counts money twice); `<source>_rolled_up_million_vnd` that source with those below it;
//! `unattributed_million_vnd` the cost no funding line covers.

use crate::domain::breakdown::{Breakdown, BreakdownRow, Dimension};
use crate::domain::document::{IndicatorDefinition, SchemeRecord};
use crate::domain::money::Money;
use crate::domain::reference::{Reference, SOURCE_KEYS};
use crate::domain::views::SchemeView;
use crate::error::ApiError;

/// Rows written one at a time into a growing buffer, taken out a chunk at a time (a streamed
/// download) or whole.
pub struct Table(csv::Writer<Vec<u8>>);

impl Table {
    pub fn new(header: &[String]) -> Result<Table, ApiError> {
        let mut table = Table(csv::Writer::from_writer(Vec::new()));
        table.row(header)?;
        Ok(table)
    }

    pub fn row(&mut self, cells: &[String]) -> Result<(), ApiError> {
        self.0.write_record(cells).map_err(internal)
    }

    /// What is written so far, emptied out of the table.
    pub fn take(&mut self) -> Result<Vec<u8>, ApiError> {
        let full = std::mem::replace(&mut self.0, csv::Writer::from_writer(Vec::new()));
        full.into_inner().map_err(|e| ApiError::Internal(anyhow::anyhow!("cannot finish the CSV: {e}")))
    }
}

fn money(amount: Money) -> String {
    amount.to_string()
}

fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn own_header(source: &str) -> String {
    format!("{source}_own_million_vnd")
}

/// The columns of `schemes.csv`: the record, its cost, one own column per funding source, the
/// unattributed rest, one column per indicator (`indicator_<key>`, unit in its definition),
/// then its texts.
pub fn scheme_header(reference: &Reference, definitions: &[IndicatorDefinition]) -> Vec<String> {
    let mut header: Vec<String> =
        ["scheme_id", "activity", "scope", "scheme_count", "cost_million_vnd"].map(String::from).to_vec();
    header.extend(reference.sources.iter().map(|s| own_header(&s.key)));
    header.push("unattributed_million_vnd".into());
    header.extend(definitions.iter().map(|d| format!("indicator_{}", d.key)));
    header.extend(["title_vi", "title_en", "quote", "note"].map(String::from));
    header
}

/// One record as a row of [`scheme_header`].
pub fn scheme_row(
    record: &SchemeRecord<Money>,
    reference: &Reference,
    definitions: &[IndicatorDefinition],
) -> Vec<String> {
    let mut row = vec![
        record.id.clone(),
        record.activity.clone(),
        record.scope.clone(),
        record.scheme_count.to_string(),
        money(record.cost),
    ];
    row.extend(
        reference
            .sources
            .iter()
            .map(|s| money(record.funding.iter().filter(|l| l.source == s.key).map(|l| l.amount).sum())),
    );
    let funded: Money = record.funding.iter().map(|l| l.amount).sum();
    row.push(money(record.cost - funded));
    row.extend(
        definitions
            .iter()
            .map(|d| record.indicators.iter().find(|i| i.key == d.key).map(|i| i.value.clone()).unwrap_or_default()),
    );
    row.extend([
        text_cell(&record.title.vi),
        text_cell(&record.title.en),
        text_cell(record.quote.as_deref().unwrap_or_default()),
        text_cell(record.note.as_deref().unwrap_or_default()),
    ]);
    row
}

/// `breakdown.csv`: one row per member of the dimension. For `activity` and `scope`, each row's
/// cost split into own columns per source plus `unattributed` (they sum to the row's cost) and
/// the parents' rolled-up columns; for `source`, each row's own and rolled-up amount, the
/// reported figure and the implied bounds.
pub fn breakdown_table(b: &Breakdown, reference: &Reference) -> Result<Vec<u8>, ApiError> {
    let parents: Vec<&str> = reference
        .sources
        .iter()
        .filter(|p| reference.sources.iter().any(|c| c.parent.as_deref() == Some(&p.key)))
        .map(|p| p.key.as_str())
        .collect();
    let shares = |row: &BreakdownRow| [optional(row.share_percent), optional(row.share_of_reported_percent)];
    let mut table;
    if b.by == Dimension::Source {
        table = Table::new(
            &[
                "source",
                "parent",
                "name_vi",
                "name_en",
                "nothing_itemised",
                "schemes_with_lines_under",
                "own_million_vnd",
                "rolled_up_million_vnd",
                "share_of_itemised_cost_percent",
                "share_of_reported_cost_percent",
                "reported_funding_million_vnd",
                "funding_gap_million_vnd",
                "implied_at_least_million_vnd",
                "implied_at_most_million_vnd",
            ]
            .map(String::from),
        )?;
        for row in &b.rows {
            let mut cells = vec![
                row.key.clone(),
                optional(row.parent.as_ref()),
                text_cell(&row.names.vi),
                text_cell(&row.names.en),
                row.nothing_itemised.to_string(),
                row.schemes.to_string(),
                optional(row.own),
                money(row.cost),
            ];
            cells.extend(shares(row));
            cells.extend([
                optional(row.reported_cost),
                optional(row.cost_gap),
                optional(row.implied.as_ref().map(|i| i.at_least)),
                optional(row.implied.as_ref().map(|i| i.at_most)),
            ]);
            table.row(&cells)?;
        }
    } else {
        let mut header: Vec<String> = [
            if b.by == Dimension::Activity { "activity" } else { "scope" },
            "name_vi",
            "name_en",
            "nothing_itemised",
            "schemes",
            "reported_schemes",
            "schemes_gap",
            "cost_million_vnd",
            "share_of_itemised_cost_percent",
            "share_of_reported_cost_percent",
        ]
        .map(String::from)
        .to_vec();
        header.extend(reference.sources.iter().map(|s| own_header(&s.key)));
        header.push("unattributed_million_vnd".into());
        header.extend(parents.iter().map(|p| format!("{p}_rolled_up_million_vnd")));
        table = Table::new(&header)?;
        for row in &b.rows {
            let mut cells = vec![
                row.key.clone(),
                text_cell(&row.names.vi),
                text_cell(&row.names.en),
                row.nothing_itemised.to_string(),
                row.schemes.to_string(),
                optional(row.reported_schemes),
                optional(row.schemes_gap),
                money(row.cost),
            ];
            cells.extend(shares(row));
            cells.extend(row.own_by_source.iter().map(|(_, amount)| money(*amount)));
            cells.push(optional(row.unattributed));
            cells.extend(
                parents
                    .iter()
                    .map(|p| money(row.funding.iter().flatten().filter(|f| f.source == *p).map(|f| f.amount).sum())),
            );
            table.row(&cells)?;
        }
    }
    table.take()
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, ApiError> {
    writer.into_inner().map_err(|e| ApiError::Internal(anyhow::anyhow!("cannot finish the CSV: {e}")))
}

/// A text cell as a spreadsheet must not run it: one starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return is a formula there, so it is prefixed with `'` (OWASP's advice for CSV
/// injection). Only text cells pass through here; numbers stay numbers.
pub fn text_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

fn internal(e: csv::Error) -> ApiError {
    ApiError::Internal(anyhow::Error::new(e).context("cannot write the CSV"))
}

/// The 0.1 CSV of a page of scheme records (`Accept: text/csv` on `/schemes`), kept for existing
/// clients: a `funding_<source>` column per source holds the line naming exactly that source
/// (empty when there is none); indicators as `key=value` joined by `; `.
pub fn schemes(items: &[SchemeView]) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["id".to_string(), "activity".into(), "scope".into(), "scheme_count".into(), "cost".into()];
    header.extend(SOURCE_KEYS.iter().map(|k| format!("funding_{k}")));
    header.extend(["indicators", "title_vi", "title_en", "quote"].map(String::from));
    writer.write_record(&header).map_err(internal)?;
    for item in items {
        let mut row = vec![
            item.id.clone(),
            item.activity.key.clone(),
            item.scope.key.clone(),
            item.scheme_count.to_string(),
            item.cost.to_string(),
        ];
        row.extend(
            SOURCE_KEYS.iter().map(|k| {
                item.funding.iter().find(|f| f.source == *k).map(|f| f.amount.to_string()).unwrap_or_default()
            }),
        );
        row.push(item.indicators.iter().map(|i| format!("{}={}", i.key, i.value)).collect::<Vec<_>>().join("; "));
        row.extend([
            text_cell(&item.title.vi),
            text_cell(&item.title.en),
            text_cell(item.quote.as_deref().unwrap_or_default()),
        ]);
        writer.write_record(&row).map_err(internal)?;
    }
    finish(writer)
}

/// The 0.1 CSV of a breakdown (`Accept: text/csv` on `/breakdown`), kept for existing clients.
pub fn breakdown(b: &Breakdown) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record([
            "key",
            "parent",
            "name_vi",
            "name_en",
            "schemes",
            "cost",
            "share_percent",
            "own",
            "unattributed",
            "funding",
        ])
        .map_err(internal)?;
    let text = |m: Option<String>| m.unwrap_or_default();
    for row in &b.rows {
        let funding =
            row.funding.iter().flatten().map(|f| format!("{}={}", f.source, f.amount)).collect::<Vec<_>>().join("; ");
        writer
            .write_record([
                row.key.clone(),
                text(row.parent.clone()),
                text_cell(&row.names.vi),
                text_cell(&row.names.en),
                row.schemes.to_string(),
                row.cost.to_string(),
                text(row.share_percent.map(|p| p.to_string())),
                text(row.own.map(|m| m.to_string())),
                text(row.unattributed.map(|m| m.to_string())),
                funding,
            ])
            .map_err(internal)?;
    }
    finish(writer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        for formula in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(text_cell(formula), format!("'{formula}"), "{formula:?}");
        }
        for plain in ["Đào tạo nghề", "610 lao động", "", "a=b"] {
            assert_eq!(text_cell(plain), plain);
        }
    }
}
