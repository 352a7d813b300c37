//! The tables the downloads show (the `.csv` operations, the XLSX workbook): typed cells made
//! once from the domain values, one value per cell, each column with a key and its names.
//!
//! One meaning per column key, in every table: `cost_million_vnd` is a cost;
//! `<source>_own_million_vnd` the funding lines naming exactly that source (summing them never
//! counts money twice); `<source>_rolled_up_million_vnd` that source with those below it;
//! `unattributed_million_vnd` the cost no funding line covers.

use rust_decimal::Decimal;

use crate::domain::aggregates::aggregate::{AggregateFigures, Aggregated};
use crate::domain::aggregates::breakdown::{Breakdown, BreakdownRow, Dimension};
use crate::domain::aggregates::figures::{Bounds, Measure, Percent};
use crate::domain::document::{IndicatorDefinition, Note, Qualifier, SchemeRecord};
use crate::domain::money::Money;
use crate::domain::reference::{Names, Reference};
use crate::i18n::{Arg, Lang, Message};

/// A cell: text stays text, numbers stay numbers.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    /// An amount in million VND.
    Money(Money),
    Count(i64),
    /// A percentage, two places (`77.24`).
    Percent(Decimal),
    /// An exact decimal written by the document (an indicator's value).
    Decimal(String),
    Flag(bool),
    /// A key of the reference data: the key in a CSV, our label in a workbook's language.
    Key(String, Names),
    /// Words for a reader, in a workbook's language (a figure as published: "trên 41.000,00");
    /// never in a CSV table, whose cells hold one value each.
    Words(Message),
    Empty,
}

impl Cell {
    fn money(amount: Option<Money>) -> Cell {
        amount.map_or(Cell::Empty, Cell::Money)
    }

    fn count(n: Option<i64>) -> Cell {
        n.map_or(Cell::Empty, Cell::Count)
    }

    fn percent(p: Option<Decimal>) -> Cell {
        p.map_or(Cell::Empty, Cell::Percent)
    }

    fn text(t: Option<&str>) -> Cell {
        t.map_or(Cell::Empty, |t| Cell::Text(t.to_string()))
    }

    fn key(key: &str, reference: &Reference) -> Cell {
        match reference.names_of(key) {
            Some(names) => Cell::Key(key.to_string(), names.clone()),
            None => Cell::Text(key.to_string()),
        }
    }
}

/// A column: its key (the CSV header) and its names for a person, with the unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub key: String,
    pub name: Message,
    /// A column of how precisely a figure was published (its qualifier, bounds, remainder):
    /// what a workbook leaves out where every figure of its table is one exact, final number.
    pub detail: bool,
}

impl Column {
    fn new(key: impl Into<String>, name: Message) -> Column {
        Column { key: key.into(), name, detail: false }
    }

    /// A column of [`Column::detail`].
    fn detail(key: impl Into<String>, name: Message) -> Column {
        Column { detail: true, ..Column::new(key, name) }
    }

    pub fn name(&self, lang: Lang) -> String {
        self.name.render(lang)
    }
}

/// Columns and rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The table without its [`Column::detail`] columns: what a workbook shows where every
    /// figure of it was published as one exact, final number (the CSV keeps every column, so
    /// that its header is the same for every programme).
    pub fn without_details(&self) -> Table {
        let keep: Vec<bool> = self.columns.iter().map(|c| !c.detail).collect();
        let kept = |cells: &[Cell]| cells.iter().zip(&keep).filter(|(_, k)| **k).map(|(c, _)| c.clone()).collect();
        Table {
            columns: self.columns.iter().filter(|c| !c.detail).cloned().collect(),
            rows: self.rows.iter().map(|r| kept(r)).collect(),
        }
    }
}

/// Whether every figure of a breakdown was published as one exact, final number and none is a
/// remainder: its table's detail columns then say nothing.
pub fn all_plain(b: &Breakdown) -> bool {
    let plain = |bounds: Option<bool>| bounds.is_none_or(|plain| plain);
    let plain_of = |b: &Option<Bounds<Money>>| plain(b.as_ref().map(Bounds::is_plain));
    let counts = |b: &Option<Bounds<i64>>| plain(b.as_ref().map(Bounds::is_plain));
    let shares = |b: &Option<Bounds<Percent>>| plain(b.as_ref().map(Bounds::is_plain));
    let (r, c) = (&b.reconciliation.schemes, &b.reconciliation.cost);
    counts(&r.reported_bounds)
        && plain_of(&c.reported_bounds)
        && b.rows.iter().all(|row| {
            row.remainder != Some(true)
                && counts(&row.reported_schemes_bounds)
                && counts(&row.schemes_gap_bounds)
                && plain_of(&row.reported_cost_bounds)
                && plain_of(&row.cost_gap_bounds)
                && shares(&row.share_of_reported_percent_bounds)
                && shares(&row.reported_share_of_reported_percent_bounds)
        })
}

fn own(source: &str, reference: &Reference) -> Column {
    Column::new(
        format!("{source}_own_million_vnd"),
        Message::new("column-source-own").arg("source", reference.named(source)),
    )
}

fn rolled_up(source: &str, reference: &Reference) -> Column {
    Column::new(
        format!("{source}_rolled_up_million_vnd"),
        Message::new("column-source-rolled-up").arg("source", reference.named(source)),
    )
}

/// The columns beside a figure that may not be exact (`<figure>` with its `unit` suffix, such as
/// `_million_vnd`): how it was published (`<figure>_qualifier`, `<figure>_estimate`, only where
/// `published`) and its bounds (`<figure>_at_least<unit>`, `<figure>_at_most<unit>`), one value a
/// cell.
fn bounds_columns(figure: &str, unit: &str, name: Message, published: bool) -> Vec<Column> {
    let named = |id: &'static str| Message::new(id).message("column", name.clone());
    let mut columns = Vec::with_capacity(4);
    if published {
        columns.push(Column::detail(format!("{figure}_qualifier"), named("column-qualifier")));
        columns.push(Column::detail(format!("{figure}_estimate"), named("column-estimate")));
    }
    columns.push(Column::detail(format!("{figure}_at_least{unit}"), named("column-at-least")));
    columns.push(Column::detail(format!("{figure}_at_most{unit}"), named("column-at-most")));
    columns
}

/// The cells of [`bounds_columns`] for `bounds` (all empty where there are none).
fn bounds_cells<V: Measure>(bounds: Option<&Bounds<V>>, published: bool, cell: impl Fn(V) -> Cell) -> Vec<Cell> {
    let mut cells = Vec::with_capacity(4);
    let end = |v: Option<V>| v.map_or(Cell::Empty, &cell);
    if published {
        cells.push(bounds.map_or(Cell::Empty, |b| qualifier_cell(b.qualifier)));
        cells.push(bounds.map_or(Cell::Empty, |b| Cell::Flag(b.estimate)));
    }
    cells.push(end(bounds.and_then(|b| b.at_least)));
    cells.push(end(bounds.and_then(|b| b.at_most)));
    cells
}

/// A qualifier: its key in a CSV, its word in a workbook ("trên", "khoảng").
fn qualifier_cell(qualifier: Qualifier) -> Cell {
    let word = |lang| Message::new(qualifier_word(qualifier)).render(lang);
    Cell::Key(qualifier.key().to_string(), Names { vi: word(Lang::Vi), en: word(Lang::En) })
}

fn qualifier_word(qualifier: Qualifier) -> &'static str {
    match qualifier {
        Qualifier::Exact => "qualifier-exact",
        Qualifier::AtLeast => "qualifier-at-least",
        Qualifier::AtMost => "qualifier-at-most",
        Qualifier::About => "qualifier-about",
        Qualifier::Range => "qualifier-range",
    }
}

/// A figure for a workbook: the number where it was published as one exact, final number, else
/// its words ("trên 41.000,00"); empty where there is neither.
pub fn figure_cell<V: Measure>(exact: Option<V>, bounds: Option<&Bounds<V>>, cell: impl Fn(V) -> Cell) -> Cell {
    match bounds {
        Some(b) if !b.is_plain() => Cell::Words(b.words.clone()),
        _ => exact.map_or(Cell::Empty, cell),
    }
}

fn unattributed() -> Column {
    Column::new("unattributed_million_vnd", Message::new("column-unattributed-million-vnd"))
}

/// The columns of the scheme records: the record, its cost, one own column per funding source,
/// the unattributed rest, one column per indicator (`indicator_<key>`), then its texts.
pub fn scheme_columns(reference: &Reference, definitions: &[IndicatorDefinition]) -> Vec<Column> {
    let mut columns = vec![
        Column::new("scheme_id", Message::new("column-scheme-id")),
        Column::new("activity", Message::new("column-activity")),
        Column::new("scope", Message::new("column-scope")),
        Column::new("scheme_count", Message::new("column-scheme-count")),
        Column::new("cost_million_vnd", Message::new("column-cost-million-vnd")),
    ];
    columns.extend(reference.sources.iter().map(|s| own(&s.key, reference)));
    columns.push(unattributed());
    columns.extend(definitions.iter().map(|d| {
        let unit = Arg::Named { en: Lang::En.unit_of_measure(&d.unit), vi: Lang::Vi.unit_of_measure(&d.unit) };
        Column::new(
            format!("indicator_{}", d.key),
            Message::new("column-indicator")
                .arg("name", Arg::Named { en: d.names.en.clone(), vi: d.names.vi.clone() })
                .arg("unit", unit),
        )
    }));
    columns.extend([
        Column::new("title_vi", Message::new("column-title-vi")),
        Column::new("title_en", Message::new("column-title-en")),
        Column::new("quote", Message::new("column-quote")),
        Column::new("note", Message::new("column-note")),
        Column::new("note_vi", Message::new("column-note-vi")),
    ]);
    columns
}

/// One record as a row of [`scheme_columns`].
pub fn scheme_row(
    record: &SchemeRecord<Money>,
    reference: &Reference,
    definitions: &[IndicatorDefinition],
) -> Vec<Cell> {
    let mut row = vec![
        Cell::Text(record.id.clone()),
        Cell::key(&record.activity, reference),
        Cell::key(&record.scope, reference),
        Cell::Count(record.scheme_count),
        Cell::Money(record.cost),
    ];
    row.extend(
        reference
            .sources
            .iter()
            .map(|s| Cell::Money(record.funding.iter().filter(|l| l.source == s.key).map(|l| l.amount).sum())),
    );
    let funded: Money = record.funding.iter().map(|l| l.amount).sum();
    row.push(Cell::Money(record.cost - funded));
    row.extend(definitions.iter().map(|d| {
        record.indicators.iter().find(|i| i.key == d.key).map_or(Cell::Empty, |i| Cell::Decimal(i.value.clone()))
    }));
    row.extend([
        Cell::Text(record.title.vi.clone()),
        Cell::Text(record.title.en.clone()),
        Cell::text(record.quote.as_deref()),
        Cell::text(Note::columns(record.note.as_ref()).0),
        Cell::text(Note::columns(record.note.as_ref()).1),
    ]);
    row
}

/// A breakdown as a table. For `activity` and `scope`: each row's cost split into own columns
/// per source plus `unattributed` (together the row's cost), then the parents' rolled-up
/// columns; for `source`: each row's own and rolled-up amount, the reported figure and the
/// implied bounds.
pub fn breakdown_table(b: &Breakdown, reference: &Reference) -> Table {
    let parents: Vec<&str> = reference
        .sources
        .iter()
        .filter(|p| reference.sources.iter().any(|c| c.parent.as_deref() == Some(&p.key)))
        .map(|p| p.key.as_str())
        .collect();
    let shares = |row: &BreakdownRow| [Cell::percent(row.share_percent), Cell::percent(row.share_of_reported_percent)];
    let percent = |p: Percent| Cell::Percent(p.0);
    let share_bounds_columns = || {
        bounds_columns(
            "share_of_reported_cost",
            "_percent",
            Message::new("column-share-of-reported-cost-percent"),
            false,
        )
    };
    let share_bounds = |row: &BreakdownRow| bounds_cells(row.share_of_reported_percent_bounds.as_ref(), false, percent);
    let itemised = b.total.cost;
    let share_columns = [
        Column::new("share_of_itemised_cost_percent", Message::new("column-share-of-itemised-cost-percent")),
        Column::new("share_of_reported_cost_percent", Message::new("column-share-of-reported-cost-percent")),
    ];
    let names = [
        Column::new("name_vi", Message::new("column-name-vi")),
        Column::new("name_en", Message::new("column-name-en")),
    ];
    let nothing = Column::new("nothing_itemised", Message::new("column-nothing-itemised"));
    if b.by == Dimension::Source {
        let mut columns = vec![
            Column::new("source", Message::new("column-source")),
            Column::new("parent", Message::new("column-parent")),
        ];
        columns.extend(names);
        columns.extend([
            nothing,
            Column::new("schemes_with_lines_under", Message::new("column-schemes-with-lines-under")),
            Column::new("own_million_vnd", Message::new("column-own-million-vnd")),
            Column::new("rolled_up_million_vnd", Message::new("column-rolled-up-million-vnd")),
        ]);
        columns.extend(share_columns);
        columns.extend([
            Column::new(
                "rolled_up_share_of_itemised_cost_percent",
                Message::new("column-rolled-up-share-of-itemised-cost-percent"),
            ),
            Column::new(
                "own_share_of_itemised_cost_percent",
                Message::new("column-own-share-of-itemised-cost-percent"),
            ),
            Column::new("reported_funding_million_vnd", Message::new("column-reported-funding-million-vnd")),
        ]);
        columns.extend(bounds_columns(
            "reported_funding",
            "_million_vnd",
            Message::new("column-reported-funding-million-vnd"),
            true,
        ));
        columns.push(Column::detail("reported_funding_remainder", Message::new("column-reported-funding-remainder")));
        columns.extend(bounds_columns(
            "remainder_implied",
            "_million_vnd",
            Message::new("column-remainder-implied"),
            false,
        ));
        columns.push(Column::new(
            "reported_share_of_reported_cost_percent",
            Message::new("column-reported-share-of-reported-cost-percent"),
        ));
        columns.extend(bounds_columns(
            "reported_share_of_reported_cost",
            "_percent",
            Message::new("column-reported-share-of-reported-cost-percent"),
            false,
        ));
        columns.push(Column::new("funding_gap_million_vnd", Message::new("column-funding-gap-million-vnd")));
        columns.extend(bounds_columns(
            "funding_gap",
            "_million_vnd",
            Message::new("column-funding-gap-million-vnd"),
            false,
        ));
        columns.extend(share_bounds_columns());
        columns.extend([
            Column::new("implied_at_least_million_vnd", Message::new("column-implied-at-least-million-vnd")),
            Column::new("implied_at_most_million_vnd", Message::new("column-implied-at-most-million-vnd")),
        ]);
        let rows = b
            .rows
            .iter()
            .map(|row| {
                let mut cells = vec![
                    Cell::Key(row.key.clone(), row.names.clone()),
                    row.parent.as_deref().map_or(Cell::Empty, |p| Cell::key(p, reference)),
                    Cell::Text(row.names.vi.clone()),
                    Cell::Text(row.names.en.clone()),
                    Cell::Flag(row.nothing_itemised),
                    Cell::Count(row.schemes),
                    Cell::money(row.own),
                    Cell::Money(row.cost),
                ];
                cells.extend(shares(row));
                cells.extend([
                    Cell::percent(row.cost.percent_of(itemised)),
                    Cell::percent(row.own.and_then(|own| own.percent_of(itemised))),
                    Cell::money(row.reported_cost),
                ]);
                cells.extend(bounds_cells(row.reported_cost_bounds.as_ref(), true, Cell::Money));
                cells.push(row.remainder.map_or(Cell::Empty, Cell::Flag));
                cells.extend(bounds_cells(row.remainder_implied.as_ref(), false, Cell::Money));
                cells.push(Cell::percent(row.reported_share_of_reported_percent));
                cells.extend(bounds_cells(row.reported_share_of_reported_percent_bounds.as_ref(), false, percent));
                cells.push(Cell::money(row.cost_gap));
                cells.extend(bounds_cells(row.cost_gap_bounds.as_ref(), false, Cell::Money));
                cells.extend(share_bounds(row));
                cells.extend([
                    Cell::money(row.implied.as_ref().map(|i| i.at_least)),
                    Cell::money(row.implied.as_ref().map(|i| i.at_most)),
                ]);
                cells
            })
            .collect();
        return Table { columns, rows };
    }
    let mut columns = vec![if b.by == Dimension::Activity {
        Column::new("activity", Message::new("column-activity"))
    } else {
        Column::new("scope", Message::new("column-scope"))
    }];
    columns.extend(names);
    columns.extend([
        nothing,
        Column::new("schemes", Message::new("column-schemes")),
        Column::new("reported_schemes", Message::new("column-reported-schemes")),
    ]);
    columns.extend(bounds_columns("reported_schemes", "", Message::new("column-reported-schemes"), true));
    columns.push(Column::new("schemes_gap", Message::new("column-schemes-gap")));
    columns.extend(bounds_columns("schemes_gap", "", Message::new("column-schemes-gap"), false));
    columns.push(Column::new("cost_million_vnd", Message::new("column-cost-million-vnd")));
    columns.extend(share_columns);
    columns.extend(share_bounds_columns());
    columns.extend(reference.sources.iter().map(|s| own(&s.key, reference)));
    columns.push(unattributed());
    columns.extend(parents.iter().map(|p| rolled_up(p, reference)));
    let rows =
        b.rows
            .iter()
            .map(|row| {
                let mut cells = vec![
                    Cell::Key(row.key.clone(), row.names.clone()),
                    Cell::Text(row.names.vi.clone()),
                    Cell::Text(row.names.en.clone()),
                    Cell::Flag(row.nothing_itemised),
                    Cell::Count(row.schemes),
                    Cell::count(row.reported_schemes),
                ];
                cells.extend(bounds_cells(row.reported_schemes_bounds.as_ref(), true, Cell::Count));
                cells.push(Cell::count(row.schemes_gap));
                cells.extend(bounds_cells(row.schemes_gap_bounds.as_ref(), false, Cell::Count));
                cells.push(Cell::Money(row.cost));
                cells.extend(shares(row));
                cells.extend(share_bounds(row));
                cells.extend(row.own_by_source.iter().map(|(_, amount)| Cell::Money(*amount)));
                cells.push(Cell::money(row.unattributed));
                cells.extend(parents.iter().map(|p| {
                    Cell::Money(row.funding.iter().flatten().filter(|f| f.source == *p).map(|f| f.amount).sum())
                }));
                cells
            })
            .collect();
    Table { columns, rows }
}

/// The table of `/aggregate.csv` and of the workbook's sums sheet: for each drilldown its key
/// and names, the programmes and records added, the schemes' and the cost's published sum,
/// records' sum and gap (with bounds where a published figure is not exact), and each source's
/// own lines, its roll-up (sources with sources below them) and its published sum. The total,
/// when `total` is given, is a last row whose drilldown cells are empty.
pub fn aggregate_table(a: &Aggregated, total: Option<&AggregateFigures>, reference: &Reference) -> Table {
    let sources: Vec<&str> = reference
        .sources
        .iter()
        .filter(|s| a.rows.iter().map(|r| &r.figures).chain(total).any(|f| f.funding.iter().any(|x| x.source == s.key)))
        .map(|s| s.key.as_str())
        .collect();
    let is_parent = |key: &str| reference.sources.iter().any(|c| c.parent.as_deref() == Some(key));
    let mut columns = Vec::new();
    for d in &a.by {
        let key = d.key();
        columns.push(Column::new(key, d.named()));
        columns.push(Column::new(
            format!("{key}_name_vi"),
            Message::new("column-drilldown-name-vi").message("by", d.named()),
        ));
        columns.push(Column::new(
            format!("{key}_name_en"),
            Message::new("column-drilldown-name-en").message("by", d.named()),
        ));
    }
    columns.extend([
        Column::new("programmes", Message::new("column-programmes")),
        Column::new("scheme_records", Message::new("column-scheme-records")),
        Column::new("reported_schemes", Message::new("column-reported-schemes")),
    ]);
    columns.extend(bounds_columns("reported_schemes", "", Message::new("column-reported-schemes"), true));
    columns.push(Column::new("schemes", Message::new("column-schemes")));
    columns.push(Column::new("schemes_gap", Message::new("column-schemes-gap")));
    columns.extend(bounds_columns("schemes_gap", "", Message::new("column-schemes-gap"), false));
    columns.push(Column::new("reported_cost_million_vnd", Message::new("column-reported-cost-million-vnd")));
    columns.extend(bounds_columns(
        "reported_cost",
        "_million_vnd",
        Message::new("column-reported-cost-million-vnd"),
        true,
    ));
    columns.push(Column::new("cost_million_vnd", Message::new("column-cost-million-vnd")));
    columns.push(Column::new("cost_gap_million_vnd", Message::new("column-cost-gap-million-vnd")));
    columns.extend(bounds_columns("cost_gap", "_million_vnd", Message::new("column-cost-gap-million-vnd"), false));
    for source in &sources {
        columns.push(own(source, reference));
        if is_parent(source) {
            columns.push(rolled_up(source, reference));
        }
        columns.push(Column::new(
            format!("{source}_reported_million_vnd"),
            Message::new("column-source-reported").arg("source", reference.named(source)),
        ));
        let published = Message::new("column-source-reported-bounds").arg("source", reference.named(source));
        columns.extend(bounds_columns(&format!("{source}_reported"), "_million_vnd", published, true));
    }
    let figures_cells = |f: &AggregateFigures| {
        let mut cells = vec![
            Cell::Count(f.programmes.len() as i64),
            Cell::Count(f.scheme_records),
            Cell::count(f.schemes.reported),
        ];
        cells.extend(bounds_cells(f.schemes.reported_bounds.as_ref(), true, Cell::Count));
        cells.push(Cell::Count(f.schemes.itemised));
        cells.push(Cell::count(f.schemes.gap));
        cells.extend(bounds_cells(f.schemes.gap_bounds.as_ref(), false, Cell::Count));
        cells.push(Cell::money(f.cost.reported));
        cells.extend(bounds_cells(f.cost.reported_bounds.as_ref(), true, Cell::Money));
        cells.push(Cell::Money(f.cost.itemised));
        cells.push(Cell::money(f.cost.gap));
        cells.extend(bounds_cells(f.cost.gap_bounds.as_ref(), false, Cell::Money));
        for source in &sources {
            let line = f.funding.iter().find(|x| x.source == *source);
            cells.push(Cell::Money(line.map_or(Money::ZERO, |l| l.own)));
            if is_parent(source) {
                cells.push(Cell::Money(line.map_or(Money::ZERO, |l| l.rolled_up)));
            }
            cells.push(Cell::money(line.and_then(|l| l.reported)));
            cells.extend(bounds_cells(line.and_then(|l| l.reported_bounds.as_ref()), true, Cell::Money));
        }
        cells
    };
    let mut rows: Vec<Vec<Cell>> = a
        .rows
        .iter()
        .map(|row| {
            let mut cells = Vec::new();
            for d in &a.by {
                let key = row.keys.get(d.key()).cloned().flatten();
                let names = row.names.get(d.key()).map(|l| l.names());
                match (key, names) {
                    (Some(key), Some(names)) => cells.push(Cell::Key(key, names)),
                    (None, Some(names)) => cells.push(Cell::Key(String::new(), names)),
                    (key, None) => cells.push(Cell::text(key.as_deref())),
                }
                let names = row.names.get(d.key()).map(|l| l.names());
                cells.push(Cell::text(names.as_ref().map(|n| n.vi.as_str())));
                cells.push(Cell::text(names.as_ref().map(|n| n.en.as_str())));
            }
            cells.extend(figures_cells(&row.figures));
            cells
        })
        .collect();
    if let Some(total) = total {
        // Labelled in the first drilldown's column, where there is one; every other key cell empty.
        let mut cells: Vec<Cell> = (0..a.by.len() * 3).map(|_| Cell::Empty).collect();
        if let Some(first) = cells.first_mut() {
            *first = Cell::Words(Message::new("aggregate-total"));
        }
        cells.extend(figures_cells(total));
        rows.push(cells);
    }
    Table { columns, rows }
}
