//! A programme as an XLSX workbook (rust_xlsxwriter): numbers as numbers, text as text, sheet
//! and column names in the request's language, and the same bytes for the same data. Written a
//! batch of records at a time into sheets kept on disk (constant-memory mode), so a workbook of
//! a million records costs the server what one batch costs.
//!
//! A spreadsheet cell holds a binary float (the file format's): the one place a figure leaves
//! the exact path. Every amount here has two decimal places and fewer than 15 significant
//! digits, so it rounds back to the exact figure; the JSON and the CSV stay exact.

use std::io::{Seek, Write};

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::domain::aggregates::breakdown::Breakdown;
use crate::domain::aggregates::figures::{Bounds, remainder_words};
use crate::domain::aggregates::totals::Totals;
use crate::domain::document::{IndicatorDefinition, Programme, SchemeRecord};
use crate::domain::money::Money;
use crate::domain::reference::Reference;
use crate::i18n::{Lang, Message};
use crate::render::tables::{Cell, Column, Table, all_plain, breakdown_table, figure_cell, scheme_columns, scheme_row};

/// The most rows a sheet holds (Excel's limit, less the header and a note).
pub const MAX_RECORDS: usize = 1_048_574;

/// What the workbook is made of besides its records, read in one snapshot.
pub struct WorkbookHead<'a> {
    /// The programme's document without its records.
    pub programme: &'a Programme,
    pub version: i64,
    /// When the data was written (RFC 3339): the workbook's creation time, so the bytes hold.
    pub modified: Option<&'a str>,
    pub totals: &'a Totals,
    /// By activity, by scope, by source.
    pub breakdowns: [&'a Breakdown; 3],
}

/// The workbook's language and its cell formats.
struct Formats {
    lang: Lang,
    header: Format,
    money: Format,
    count: Format,
    percent: Format,
    wrap: Format,
    date: Format,
}

impl Formats {
    fn new(lang: Lang) -> Formats {
        let date = match lang {
            Lang::Vi => "dd/mm/yyyy",
            Lang::En => "d mmmm yyyy",
        };
        Formats {
            lang,
            date: Format::new().set_num_format(date).set_align(FormatAlign::Left),
            header: Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Top),
            money: Format::new().set_num_format("#,##0.00"),
            count: Format::new().set_num_format("#,##0"),
            percent: Format::new().set_num_format("0.00"),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

fn write_cell(sheet: &mut Worksheet, row: u32, col: u16, cell: &Cell, f: &Formats) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(text) => sheet.write_string(row, col, &*xml_safe(text)).map(|_| ()),
        Cell::Money(amount) => sheet.write_number_with_format(row, col, number(amount), &f.money).map(|_| ()),
        Cell::Count(n) => sheet.write_number_with_format(row, col, *n as f64, &f.count).map(|_| ()),
        Cell::Percent(p) => {
            let value: f64 = p.to_string().parse().unwrap_or_default();
            sheet.write_number_with_format(row, col, value, &f.percent).map(|_| ())
        }
        Cell::Decimal(text) => match text.parse::<f64>() {
            Ok(value) => sheet.write_number(row, col, value).map(|_| ()),
            Err(_) => sheet.write_string(row, col, &*xml_safe(text)).map(|_| ()),
        },
        Cell::Flag(flag) => {
            let word = Message::new(if *flag { "cell-yes" } else { "cell-no" }).render(f.lang);
            sheet.write_string(row, col, &*xml_safe(&word)).map(|_| ())
        }
        Cell::Key(_, names) => sheet.write_string(row, col, &*xml_safe(names.get(f.lang))).map(|_| ()),
        Cell::Words(words) => sheet.write_string(row, col, &*xml_safe(&words.render(f.lang))).map(|_| ()),
        Cell::Empty => Ok(()),
    }
}

/// `text` as an XML document may hold it: a character XML 1.0 does not allow (a control
/// character other than tab, line feed and carriage return; U+FFFE, U+FFFF) becomes U+FFFD, so
/// that the workbook stays well-formed whatever a stored text holds. Documents refuse such
/// characters (422); this keeps older data from breaking the file.
fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(crate::domain::document::is_xml_char) {
        std::borrow::Cow::Borrowed(text)
    } else {
        text.chars().map(|c| if crate::domain::document::is_xml_char(c) { c } else { '\u{FFFD}' }).collect()
    }
}

fn number(amount: &Money) -> f64 {
    amount.to_string().parse().unwrap_or_default()
}

/// The lines a text takes in a cell `width` characters wide, as a row height in points (15 a
/// line), so that a wrapped cell's row shows all of it in LibreOffice and Excel.
fn wrapped_height(text: &str, width: f64) -> f64 {
    let per_line = (width * 1.1).max(1.0) as usize;
    let lines: usize = text.lines().map(|l| l.chars().count().div_ceil(per_line).max(1)).sum();
    15.0 * lines.max(1) as f64
}

/// How every sheet prints: A4 landscape at 55 %, its header row repeated on every page.
fn print_setup(sheet: &mut Worksheet, header_rows: bool) -> Result<(), XlsxError> {
    sheet.set_paper_size(9).set_landscape().set_print_scale(55);
    if header_rows {
        sheet.set_repeat_rows(0, 0)?;
    }
    Ok(())
}

/// Text columns wide enough for a sentence: their cells wrap (quotes, notes, titles, names).
fn is_long_text(key: &str) -> bool {
    ["quote", "note", "title", "name", "measure"].iter().any(|k| key.contains(k))
}

/// The width of a column: wide for sentences, narrower for figures and keys.
fn column_width(key: &str) -> f64 {
    if is_long_text(key) { 34.0 } else { 12.0 }
}

/// One row of cells under `columns`: a sentence's cell wraps, and the row is as tall as its
/// longest wrapped cell (set before the cells, as a constant-memory sheet needs).
fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[Cell],
    columns: &[Column],
    f: &Formats,
) -> Result<(), XlsxError> {
    let width = |c: usize| column_width(columns.get(c).map_or("", |col| col.key.as_str()));
    // A text longer than its column is wide wraps (a key shows as its label, often long).
    let text = |c: usize, cell: &'_ Cell| -> Option<String> {
        let text = match cell {
            Cell::Text(text) => text.clone(),
            Cell::Key(_, names) => names.get(f.lang).to_string(),
            _ => return None,
        };
        (text.chars().count() as f64 > width(c) * 0.9).then_some(text)
    };
    let height = cells
        .iter()
        .enumerate()
        .filter_map(|(c, cell)| text(c, cell).map(|t| wrapped_height(&t, width(c))))
        .fold(15.0, f64::max);
    sheet.set_row_height(row, height)?;
    for (c, cell) in cells.iter().enumerate() {
        match text(c, cell) {
            Some(long) => {
                sheet.write_string_with_format(row, c as u16, &*xml_safe(&long), &f.wrap)?;
            }
            None => write_cell(sheet, row, c as u16, cell, f)?,
        }
    }
    Ok(())
}

/// A sheet of `table`, then `notes` below it; its header row frozen.
fn table_sheet(
    book: &mut Workbook,
    name: &str,
    table: &Table,
    notes: &[String],
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet().set_name(name)?;
    header(sheet, &table.columns, lang, f)?;
    for (r, cells) in table.rows.iter().enumerate() {
        write_row(sheet, r as u32 + 1, cells, &table.columns, f)?;
    }
    // Each note across the table's width, its row as tall as its lines.
    let last = table.columns.len().clamp(1, 8) as u16 - 1;
    let across: f64 = table.columns.iter().take(usize::from(last) + 1).map(|c| column_width(&c.key)).sum();
    for (row, note) in (table.rows.len() as u32 + 2..).zip(notes) {
        if last == 0 {
            sheet.write_string_with_format(row, 0, &*xml_safe(note), &f.wrap)?;
        } else {
            sheet.merge_range(row, 0, row, last, note, &f.wrap)?;
        }
        sheet.set_row_height(row, wrapped_height(note, across))?;
    }
    print_setup(sheet, true)
}

fn header(sheet: &mut Worksheet, columns: &[Column], lang: Lang, f: &Formats) -> Result<(), XlsxError> {
    let mut height: f64 = 30.0;
    for (c, column) in columns.iter().enumerate() {
        let (name, width) = (column.name(lang), column_width(&column.key));
        height = height.max(wrapped_height(&name, width * 0.8));
        sheet.write_string_with_format(0, c as u16, &*xml_safe(&name), &f.header)?;
        sheet.set_column_width(c as u16, width)?;
    }
    sheet.set_row_height(0, height)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// A value of the `About` sheet: text, or a date written as a date.
enum AboutValue<'a> {
    Text(String),
    Date(&'a str),
}

/// An ISO date (`2020-11-06`) or date-time (`2026-12-03T19:41:15.264Z`, its day) as a
/// spreadsheet date.
fn excel_date(iso: &str) -> Option<ExcelDateTime> {
    let day = iso.get(..10)?;
    let mut parts = day.split('-').map(|p| p.parse::<u16>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    ExcelDateTime::from_ymd(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?).ok()
}

/// A workbook being written: its small sheets done, its records arriving a batch at a time.
pub struct WorkbookWriter {
    book: Workbook,
    f: Formats,
    lang: Lang,
    reference: Reference,
    definitions: Vec<IndicatorDefinition>,
    /// The columns of the `Schemes` and `Quotes` sheets.
    columns: [Vec<Column>; 2],
    /// The next row of the `Schemes` and `Quotes` sheets.
    rows: [u32; 2],
}

/// Where the `Schemes` and `Quotes` sheets are in the workbook.
const SCHEMES: usize = 5;
const QUOTES: usize = 6;

impl WorkbookWriter {
    /// Writes every sheet but the records: `About`, `Totals`, the three breakdowns, the header of
    /// `Schemes`, and `Quotes` up to the records' quotes.
    pub fn begin(data: &WorkbookHead<'_>, reference: &Reference, lang: Lang) -> Result<WorkbookWriter, XlsxError> {
        let f = Formats::new(lang);
        // A word of the workbook (a sheet's name, a label) in its language.
        let say = |id: &'static str| Message::new(id).render(lang);
        let p = data.programme;
        let mut book = Workbook::new();
        let created = data
            .modified
            .and_then(|m| ExcelDateTime::parse_from_str(m.split('.').next().unwrap_or(m).trim_end_matches('Z')).ok())
            .unwrap_or_else(|| ExcelDateTime::from_ymd(2000, 1, 1).expect("a valid date"));
        book.set_properties(
            &DocProperties::new()
                .set_title(&*xml_safe(p.names.get(lang)))
                .set_creation_datetime(&created)
                .set_author("khuyencong"),
        );

        // About the data: where it comes from, which version, and that the cells are floats.
        let sheet = book.add_worksheet().set_name(say("sheet-about"))?;
        let text = |t: String| AboutValue::Text(t);
        let about: Vec<(String, AboutValue<'_>)> = vec![
            (say("about-programme"), text(p.names.get(lang).to_string())),
            (say("about-programme-vi"), text(p.names.vi.clone())),
            (say("about-id"), text(p.id.clone())),
            (say("about-jurisdiction"), text(p.jurisdiction.clone())),
            (say("about-period"), text(format!("{}-{}", p.period.start_year, p.period.end_year))),
            (say("about-source"), text(p.source.title.clone())),
            (say("about-publisher"), text(p.source.publisher.clone())),
            (say("about-published"), AboutValue::Date(&p.source.date)),
            (say("about-url"), text(p.source.url.clone().unwrap_or_default())),
            (say("about-source-note"), text(p.source.note.as_ref().map_or("", |n| n.get(lang)).to_string())),
            (say("about-data-version"), text(data.version.to_string())),
            (say("about-written-at"), AboutValue::Date(data.modified.unwrap_or(""))),
            (say("about-unit"), text(lang.unit())),
            (say("about-exactness"), text(say("about-exactness-text"))),
        ];
        sheet.set_column_width(0, 32)?;
        sheet.set_column_width(1, 100)?;
        for (r, (label, value)) in about.iter().enumerate() {
            let r = r as u32;
            sheet.write_string_with_format(r, 0, &*xml_safe(label), &f.header)?;
            match value {
                AboutValue::Text(value) => {
                    sheet.set_row_height(r, wrapped_height(value, 100.0).max(wrapped_height(label, 32.0)))?;
                    sheet.write_string_with_format(r, 1, &*xml_safe(value), &f.wrap)?
                }
                AboutValue::Date(iso) => match excel_date(iso) {
                    Some(date) => sheet.write_datetime_with_format(r, 1, &date, &f.date)?,
                    None => sheet.write_string_with_format(r, 1, &*xml_safe(iso), &f.wrap)?,
                },
            };
        }
        print_setup(sheet, false)?;

        // The reported figures beside the sum of the records.
        let t = data.totals;
        let source_name = |key: &str| reference.source(key).map_or(key.to_string(), |s| s.names.get(lang).to_string());
        let column = |key: &str, id: &'static str| Column { key: key.into(), name: Message::new(id), detail: false };
        let columns = vec![
            column("measure", "column-measure"),
            column("reported", "column-reported"),
            column("itemised", "column-itemised"),
            column("gap", "column-gap"),
            column("own", "column-own-unsplit"),
            column("implied_at_least", "column-implied-at-least-million-vnd"),
            column("implied_at_most", "column-implied-at-most-million-vnd"),
            column("quote", "column-quote"),
        ];
        let money = |m: Option<Money>| m.map_or(Cell::Empty, Cell::Money);
        let text = |q: &Option<String>| q.as_ref().map_or(Cell::Empty, |q| Cell::Text(q.clone()));
        // A figure as published: the number, or its words where it is not one exact, final number.
        let counted =
            |exact: Option<i64>, bounds: &Option<Bounds<i64>>| figure_cell(exact, bounds.as_ref(), Cell::Count);
        let amount =
            |exact: Option<Money>, bounds: &Option<Bounds<Money>>| figure_cell(exact, bounds.as_ref(), Cell::Money);
        let s = &t.schemes;
        let not_split = || Cell::Text(say("page-not_split"));
        // A count's row: its label, reported, itemised and gap (no money columns), and its quote.
        let count_row = |label: String, (reported, itemised, gap): (Cell, i64, Cell), quote: &Option<String>| {
            vec![
                Cell::Text(label),
                reported,
                Cell::Count(itemised),
                gap,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                text(quote),
            ]
        };
        let figures = (counted(s.reported, &s.reported_bounds), s.itemised, counted(s.gap, &s.gap_bounds));
        let mut rows = vec![count_row(say("row-schemes"), figures, &s.quote)];
        for s in &t.schemes.by_scope {
            let label = format!("  {}", s.names.get(lang));
            let figures = (counted(s.reported, &s.reported_bounds), s.itemised, counted(s.gap, &s.gap_bounds));
            let mut row = count_row(label, figures, &s.quote);
            if s.implied_schemes.is_some() {
                row[3] = not_split();
            }
            rows.push(row);
        }
        rows.push(vec![
            Cell::Text(match t.cost.compared_with_lines(reference) {
                Some(lines) => format!("{} ({}), {}", say("row-cost"), lang.unit(), lines.render(lang)),
                None => format!("{} ({})", say("row-cost"), lang.unit()),
            }),
            amount(t.cost.reported, &t.cost.reported_bounds),
            Cell::Money(t.cost.compared_with),
            amount(t.cost.gap, &t.cost.gap_bounds),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            text(&t.cost.quote),
        ]);
        for s in &t.funding {
            let indent = if s.parent.is_some() { "  " } else { "" };
            let reported = remainder_words(s.remainder, s.remainder_implied.as_ref())
                .map_or_else(|| amount(s.reported, &s.reported_bounds), Cell::Words);
            rows.push(vec![
                Cell::Text(format!("{indent}{} ({})", source_name(&s.source), lang.unit())),
                reported,
                Cell::Money(s.itemised),
                if s.implied.is_some() { not_split() } else { amount(s.gap, &s.gap_bounds) },
                Cell::Money(s.own),
                money(s.implied.as_ref().map(|i| i.at_least)),
                money(s.implied.as_ref().map(|i| i.at_most)),
                text(&s.quote),
            ]);
        }
        let totals = Table { columns, rows };
        table_sheet(&mut book, &say("sheet-totals"), &totals, &lang.say_all(&t.notes), lang, &f)?;

        let names = [say("sheet-by-activity"), say("sheet-by-scope"), say("sheet-by-source")];
        for (breakdown, name) in data.breakdowns.iter().zip(names) {
            let table = breakdown_table(breakdown, reference);
            let table = if all_plain(breakdown) { table.without_details() } else { table };
            table_sheet(&mut book, &name, &table, &lang.say_all(&breakdown.notes), lang, &f)?;
        }

        let columns = scheme_columns(reference, &p.indicator_definitions);
        let sheet = book.add_worksheet_with_constant_memory().set_name(say("sheet-schemes"))?;
        header(sheet, &columns, lang, &f)?;
        print_setup(sheet, true)?;

        // Every quote, where it comes from: the reported figures' here, the records' as they come.
        let quote_columns =
            vec![column("where", "column-where"), column("figure", "column-figure"), column("quote", "column-quote")];
        let mut quotes = Vec::new();
        let mut quote = |place: String, figure: String, text: &Option<String>| {
            if let Some(text) = text {
                quotes.push(vec![Cell::Text(place), Cell::Text(figure), Cell::Text(text.clone())]);
            }
        };
        let reported = say("quote-reported");
        if let Some(basis) = &p.legal_basis {
            quote(say("quote-legal-basis"), basis.title.clone(), &basis.quote);
        }
        quote(reported.clone(), say("quote-schemes"), &t.schemes.quote);
        for s in &t.schemes.by_scope {
            quote(reported.clone(), s.names.get(lang).to_string(), &s.quote);
        }
        quote(reported.clone(), say("quote-cost"), &t.cost.quote);
        for s in &t.funding {
            quote(reported.clone(), s.names.get(lang).to_string(), &s.quote);
        }
        let sheet = book.add_worksheet_with_constant_memory().set_name(say("sheet-quotes"))?;
        header(sheet, &quote_columns, lang, &f)?;
        print_setup(sheet, true)?;
        for (row, cells) in (1..).zip(&quotes) {
            write_row(sheet, row, cells, &quote_columns, &f)?;
        }
        let rows = [1, quotes.len() as u32 + 1];
        Ok(WorkbookWriter {
            book,
            f,
            lang,
            reference: reference.clone(),
            definitions: p.indicator_definitions.clone(),
            columns: [columns, quote_columns],
            rows,
        })
    }

    /// The next records: a row each in `Schemes`, and their quotes in `Quotes`.
    pub fn records(&mut self, batch: &[SchemeRecord<Money>]) -> Result<(), XlsxError> {
        let (f, lang) = (&self.f, self.lang);
        let sheet = self.book.worksheet_from_index(SCHEMES)?;
        for record in batch {
            let cells = scheme_row(record, &self.reference, &self.definitions);
            write_row(sheet, self.rows[0], &cells, &self.columns[0], f)?;
            self.rows[0] += 1;
        }
        let sheet = self.book.worksheet_from_index(QUOTES)?;
        let record_word = Message::new("quote-record").render(lang);
        let reference = &self.reference;
        let source_name = |key: &str| reference.names_of(key).map_or(key, |n| n.get(lang)).to_string();
        for record in batch {
            let quotes = std::iter::once((record_word.clone(), &record.quote))
                .chain(record.funding.iter().map(|line| (source_name(&line.source), &line.quote)));
            for (figure, text) in quotes {
                let Some(text) = text else { continue };
                let cells = [Cell::Text(record.id.clone()), Cell::Text(figure), Cell::Text(text.clone())];
                write_row(sheet, self.rows[1], &cells, &self.columns[1], f)?;
                self.rows[1] += 1;
            }
        }
        Ok(())
    }

    /// Ends `Schemes` (with a note when it holds fewer records than the programme: `truncated`)
    /// and writes the workbook to `out`.
    pub fn finish<W: Write + Seek + Send>(mut self, truncated: bool, out: W) -> Result<(), XlsxError> {
        if truncated {
            let note = Message::new("sheet-schemes-truncated").render(self.lang);
            let row = self.rows[0] + 1;
            let wrap = self.f.wrap.clone();
            self.book.worksheet_from_index(SCHEMES)?.write_string_with_format(row, 0, &*xml_safe(&note), &wrap)?;
        }
        self.book.save_to_writer(out)
    }
}

/// The workbook of `/aggregate.xlsx`: the sums (the rows, the total below them, then the notes),
/// and the programmes added and left out, with why.
pub fn aggregate_workbook(
    summed: &crate::domain::aggregates::aggregate::Aggregation,
    reference: &Reference,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new(lang);
    let say = |id: &'static str| Message::new(id).render(lang);
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(&*xml_safe(&say("sheet-aggregate")))
            .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1).expect("a valid date"))
            .set_author("khuyencong"),
    );
    let a = &summed.aggregated;
    let table = crate::render::tables::aggregate_table(a, a.total.as_ref(), reference);
    let table = if a.rows.iter().all(|r| plain(&r.figures)) && a.total.as_ref().is_none_or(plain) {
        table.without_details()
    } else {
        table
    };
    let notes: Vec<String> = a.notes.iter().map(|n| n.render(lang)).collect();
    table_sheet(&mut book, &say("sheet-aggregate"), &table, &notes, lang, &f)?;
    let column = |key: &str, id: &'static str| Column { key: key.into(), name: Message::new(id), detail: false };
    let programmes = Table {
        columns: vec![column("programme_id", "column-programme-id"), column("note", "column-left-out-because")],
        rows: summed
            .included
            .iter()
            .map(|id| vec![Cell::Text(id.clone()), Cell::Words(Message::new("aggregate-included"))])
            .chain(
                summed.excluded.iter().map(|e| vec![Cell::Text(e.programme_id.clone()), Cell::Words(e.reason.clone())]),
            )
            .collect(),
    };
    table_sheet(&mut book, &say("sheet-aggregate-programmes"), &programmes, &[], lang, &f)?;
    book.save_to_buffer()
}

/// Whether every figure of a row was published as one exact, final number.
fn plain(f: &crate::domain::aggregates::aggregate::AggregateFigures) -> bool {
    let all = |b: &Option<Bounds<Money>>| b.as_ref().is_none_or(Bounds::is_plain);
    let counts = |b: &Option<Bounds<i64>>| b.as_ref().is_none_or(Bounds::is_plain);
    counts(&f.schemes.reported_bounds)
        && counts(&f.schemes.gap_bounds)
        && all(&f.cost.reported_bounds)
        && all(&f.cost.gap_bounds)
        && f.funding.iter().all(|x| all(&x.reported_bounds))
}
