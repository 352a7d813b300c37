//! A programme as an XLSX workbook (rust_xlsxwriter): numbers as numbers, text as text, sheet
//! and column names in the request's language, and the same bytes for the same data.
//!
//! A spreadsheet cell holds a binary float (the file format's): the one place a figure leaves
//! the exact path. Every amount here has two decimal places and fewer than 15 significant
//! digits, so it rounds back to the exact figure; the JSON and the CSV stay exact.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::domain::breakdown::Breakdown;
use crate::domain::document::{IndicatorDefinition, Programme, SchemeRecord};
use crate::domain::money::Money;
use crate::domain::reference::Reference;
use crate::domain::totals::Totals;
use crate::i18n::Lang;
use crate::tables::{Cell, Column, Table, breakdown_table, scheme_columns, scheme_row};

/// The most rows a sheet holds (Excel's limit, less the header and a note).
pub const MAX_RECORDS: usize = 1_048_574;

/// What the workbook is made of, read in one snapshot.
pub struct WorkbookData<'a> {
    /// The programme's document without its records.
    pub programme: &'a Programme,
    pub version: i64,
    /// When the data was written (RFC 3339): the workbook's creation time, so the bytes hold.
    pub modified: Option<&'a str>,
    pub totals: &'a Totals,
    /// By activity, by scope, by source.
    pub breakdowns: [&'a Breakdown; 3],
    pub records: &'a [SchemeRecord<Money>],
    /// Whether there were more records than a sheet holds.
    pub truncated: bool,
    pub definitions: &'a [IndicatorDefinition],
}

struct Formats {
    header: Format,
    money: Format,
    count: Format,
    percent: Format,
    wrap: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
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
        Cell::Text(text) => sheet.write_string(row, col, text).map(|_| ()),
        Cell::Money(amount) => sheet.write_number_with_format(row, col, number(amount), &f.money).map(|_| ()),
        Cell::Count(n) => sheet.write_number_with_format(row, col, *n as f64, &f.count).map(|_| ()),
        Cell::Percent(p) => {
            let value: f64 = p.to_string().parse().unwrap_or_default();
            sheet.write_number_with_format(row, col, value, &f.percent).map(|_| ())
        }
        Cell::Decimal(text) => match text.parse::<f64>() {
            Ok(value) => sheet.write_number(row, col, value).map(|_| ()),
            Err(_) => sheet.write_string(row, col, text).map(|_| ()),
        },
        Cell::Flag(flag) => sheet.write_boolean(row, col, *flag).map(|_| ()),
        Cell::Empty => Ok(()),
    }
}

fn number(amount: &Money) -> f64 {
    amount.to_string().parse().unwrap_or_default()
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
        for (c, cell) in cells.iter().enumerate() {
            write_cell(sheet, r as u32 + 1, c as u16, cell, f)?;
        }
    }
    for (row, note) in (table.rows.len() as u32 + 2..).zip(notes) {
        sheet.write_string_with_format(row, 0, note, &f.wrap)?;
    }
    Ok(())
}

fn header(sheet: &mut Worksheet, columns: &[Column], lang: Lang, f: &Formats) -> Result<(), XlsxError> {
    for (c, column) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, column.name(lang), &f.header)?;
        sheet.set_column_width(c as u16, 18)?;
    }
    sheet.set_row_height(0, 45)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The workbook's bytes: the same data gives the same bytes.
pub fn workbook(data: &WorkbookData<'_>, reference: &Reference, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let p = data.programme;
    let mut book = Workbook::new();
    let created = data
        .modified
        .and_then(|m| ExcelDateTime::parse_from_str(m.split('.').next().unwrap_or(m).trim_end_matches('Z')).ok())
        .unwrap_or_else(|| ExcelDateTime::from_ymd(2000, 1, 1).expect("a valid date"));
    book.set_properties(
        &DocProperties::new()
            .set_title(lang.pick(&p.names.en, &p.names.vi))
            .set_creation_datetime(&created)
            .set_author("khuyencong"),
    );

    // About the data: where it comes from, which version, and that the cells are floats.
    let sheet = book.add_worksheet().set_name(lang.pick("About", "Thông tin"))?;
    let about: Vec<(&str, String)> = vec![
        (lang.pick("Programme", "Chương trình"), lang.pick(&p.names.en, &p.names.vi).clone()),
        (lang.pick("Programme (Vietnamese)", "Chương trình (tiếng Việt)"), p.names.vi.clone()),
        ("Id", p.id.clone()),
        (lang.pick("Jurisdiction", "Địa phương"), p.jurisdiction.clone()),
        (lang.pick("Period", "Giai đoạn"), format!("{}-{}", p.period.start_year, p.period.end_year)),
        (lang.pick("Source", "Nguồn số liệu"), p.source.title.clone()),
        (lang.pick("Publisher", "Nơi đăng"), p.source.publisher.clone()),
        (lang.pick("Published", "Ngày đăng"), p.source.date.clone()),
        ("URL", p.source.url.clone().unwrap_or_default()),
        (lang.pick("Source note", "Ghi chú về nguồn"), p.source.note.clone().unwrap_or_default()),
        (lang.pick("Data version", "Phiên bản dữ liệu"), data.version.to_string()),
        (lang.pick("Data written at (UTC)", "Thời điểm ghi dữ liệu (UTC)"), data.modified.unwrap_or("").to_string()),
        (lang.pick("Unit of amounts", "Đơn vị số tiền"), lang.unit().to_string()),
        (
            lang.pick("Exactness", "Độ chính xác"),
            lang.pick(
                "Amounts are spreadsheet numbers (binary floating point, as the file format stores them), each within a rounding of the exact figure at two decimal places; the JSON and CSV downloads are exact decimal text.",
                "Số tiền là số của bảng tính (dấu phẩy động nhị phân, như định dạng tệp lưu), mỗi số làm tròn đến hai chữ số thập phân đúng bằng số chính xác; các tệp JSON và CSV là văn bản thập phân chính xác.",
            )
            .to_string(),
        ),
    ];
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 100)?;
    for (r, (label, value)) in about.iter().enumerate() {
        sheet.write_string_with_format(r as u32, 0, *label, &f.header)?;
        sheet.write_string_with_format(r as u32, 1, value, &f.wrap)?;
    }

    // The reported figures beside the sum of the records.
    let t = data.totals;
    let source_name =
        |key: &str| reference.source(key).map_or(key.to_string(), |s| lang.pick(&s.names.en, &s.names.vi).clone());
    let columns = vec![
        Column { key: "measure".into(), en: "Measure".into(), vi: "Chỉ tiêu".into() },
        Column { key: "reported".into(), en: "Reported".into(), vi: "Báo cáo".into() },
        Column { key: "itemised".into(), en: "Sum of the records".into(), vi: "Cộng từ bản ghi".into() },
        Column { key: "gap".into(), en: "Gap".into(), vi: "Chênh lệch".into() },
        Column {
            key: "own".into(),
            en: "Not split below (million VND)".into(),
            vi: "Chưa chia cho nguồn con (triệu đồng)".into(),
        },
        Column {
            key: "implied_at_least".into(),
            en: "Implied, at least (million VND)".into(),
            vi: "Suy ra, ít nhất (triệu đồng)".into(),
        },
        Column {
            key: "implied_at_most".into(),
            en: "Implied, at most (million VND)".into(),
            vi: "Suy ra, nhiều nhất (triệu đồng)".into(),
        },
        Column { key: "quote".into(), en: "The source's words".into(), vi: "Câu gốc của nguồn tin".into() },
    ];
    let count = |n: Option<i64>| n.map_or(Cell::Empty, Cell::Count);
    let money = |m: Option<Money>| m.map_or(Cell::Empty, Cell::Money);
    let text = |q: &Option<String>| q.as_ref().map_or(Cell::Empty, |q| Cell::Text(q.clone()));
    let mut rows = vec![vec![
        Cell::Text(lang.pick("Schemes", "Số đề án").to_string()),
        count(t.schemes.reported),
        Cell::Count(t.schemes.itemised),
        count(t.schemes.gap),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        text(&t.schemes.quote),
    ]];
    for s in &t.schemes.by_scope {
        rows.push(vec![
            Cell::Text(format!("  {}", lang.pick(&s.names.en, &s.names.vi))),
            count(s.reported),
            Cell::Count(s.itemised),
            count(s.gap),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            text(&s.quote),
        ]);
    }
    rows.push(vec![
        Cell::Text(format!("{} ({})", lang.pick("Cost", "Tổng kinh phí"), lang.unit())),
        money(t.cost.reported),
        Cell::Money(t.cost.itemised),
        money(t.cost.gap),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        text(&t.cost.quote),
    ]);
    for s in &t.funding {
        let indent = if s.parent.is_some() { "  " } else { "" };
        rows.push(vec![
            Cell::Text(format!("{indent}{} ({})", source_name(&s.source), lang.unit())),
            money(s.reported),
            Cell::Money(s.itemised),
            money(s.gap),
            Cell::Money(s.own),
            money(s.implied.as_ref().map(|i| i.at_least)),
            money(s.implied.as_ref().map(|i| i.at_most)),
            text(&s.quote),
        ]);
    }
    let totals = Table { columns, rows };
    table_sheet(&mut book, lang.pick("Totals", "Tổng hợp"), &totals, &lang.say_all(&t.notes), lang, &f)?;

    let names = [
        lang.pick("By activity", "Theo hoạt động"),
        lang.pick("By scope", "Theo phạm vi"),
        lang.pick("By source", "Theo nguồn"),
    ];
    for (breakdown, name) in data.breakdowns.iter().zip(names) {
        table_sheet(
            &mut book,
            name,
            &breakdown_table(breakdown, reference),
            &lang.say_all(&breakdown.notes),
            lang,
            &f,
        )?;
    }

    let schemes = Table {
        columns: scheme_columns(reference, data.definitions),
        rows: data.records.iter().map(|r| scheme_row(r, reference, data.definitions)).collect(),
    };
    let truncated = if data.truncated {
        vec![
            lang.pick(
                "This sheet holds the first records only (a sheet's limit); schemes.csv has them all.",
                "Trang này chỉ có các bản ghi đầu tiên (giới hạn của một trang tính); tệp schemes.csv có đủ.",
            )
            .to_string(),
        ]
    } else {
        Vec::new()
    };
    table_sheet(&mut book, lang.pick("Schemes", "Đề án"), &schemes, &truncated, lang, &f)?;

    // Every quote, where it comes from.
    let quote_columns = vec![
        Column { key: "where".into(), en: "Where".into(), vi: "Ở đâu".into() },
        Column { key: "figure".into(), en: "Figure".into(), vi: "Số liệu".into() },
        Column { key: "quote".into(), en: "The source's words".into(), vi: "Câu gốc của nguồn tin".into() },
    ];
    let mut quotes = Vec::new();
    let mut quote = |place: String, figure: String, text: &Option<String>| {
        if let Some(text) = text {
            quotes.push(vec![Cell::Text(place), Cell::Text(figure), Cell::Text(text.clone())]);
        }
    };
    let reported = lang.pick("reported", "báo cáo").to_string();
    if let Some(basis) = &p.legal_basis {
        quote(lang.pick("legal basis", "căn cứ").to_string(), basis.title.clone(), &basis.quote);
    }
    quote(reported.clone(), lang.pick("schemes", "số đề án").to_string(), &t.schemes.quote);
    for s in &t.schemes.by_scope {
        quote(reported.clone(), s.scope.clone(), &s.quote);
    }
    quote(reported.clone(), lang.pick("cost", "tổng kinh phí").to_string(), &t.cost.quote);
    for s in &t.funding {
        quote(reported.clone(), s.source.clone(), &s.quote);
    }
    for r in data.records {
        quote(r.id.clone(), lang.pick("record", "bản ghi").to_string(), &r.quote);
        for line in &r.funding {
            quote(r.id.clone(), line.source.clone(), &line.quote);
        }
    }
    let quotes = Table { columns: quote_columns, rows: quotes };
    table_sheet(&mut book, lang.pick("Quotes", "Trích dẫn"), &quotes, &[], lang, &f)?;
    book.save_to_buffer()
}
