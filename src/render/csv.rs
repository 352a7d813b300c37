//! CSV renderings (UTF-8, a header row, plain decimals): the tables of `schemes.csv` and
//! `breakdown.csv` (from `crate::render::tables`: one value per cell, every money header naming its
//! unit), and the 0.1 CSV that `Accept: text/csv` still gets on the JSON paths.

use crate::domain::aggregates::breakdown::Breakdown;
use crate::domain::reference::SOURCE_KEYS;
use crate::domain::views::SchemeView;
use crate::http::error::ApiError;
use crate::render::tables::{Cell, Column, Table};

/// The byte-order mark some spreadsheets (Excel) need to read a CSV as UTF-8.
pub const BOM: &str = "\u{feff}";

/// Rows written one at a time into a growing buffer, taken out a chunk at a time (a streamed
/// download) or whole.
pub struct Writer(csv::Writer<Vec<u8>>);

impl Writer {
    /// A CSV with the columns' keys as its header row.
    pub fn new(columns: &[Column]) -> Result<Writer, ApiError> {
        let mut writer = Writer(csv::Writer::from_writer(Vec::new()));
        let header: Vec<&str> = columns.iter().map(|c| c.key.as_str()).collect();
        writer.0.write_record(&header).map_err(internal)?;
        Ok(writer)
    }

    pub fn row(&mut self, cells: &[Cell]) -> Result<(), ApiError> {
        self.0.write_record(cells.iter().map(cell_text)).map_err(internal)
    }

    /// What is written so far, emptied out of the writer.
    pub fn take(&mut self) -> Result<Vec<u8>, ApiError> {
        let full = std::mem::replace(&mut self.0, csv::Writer::from_writer(Vec::new()));
        full.into_inner().map_err(|e| ApiError::Internal(anyhow::anyhow!("cannot finish the CSV: {e}")))
    }
}

/// A cell as CSV text: numbers as plain decimals, text safe from spreadsheet formulas.
fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text_cell(text),
        Cell::Money(amount) => amount.to_string(),
        Cell::Count(n) => n.to_string(),
        Cell::Percent(p) => p.to_string(),
        Cell::Decimal(text) => text.clone(),
        Cell::Flag(flag) => flag.to_string(),
        Cell::Key(key, _) => key.clone(),
        Cell::Words(words) => text_cell(&words.render(crate::i18n::Lang::En)),
        Cell::Empty => String::new(),
    }
}

/// A whole table as CSV.
pub fn table(table: &Table) -> Result<Vec<u8>, ApiError> {
    let mut writer = Writer::new(&table.columns)?;
    for row in &table.rows {
        writer.row(row)?;
    }
    writer.take()
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
