//! The HTML pages for people: view models made from the same domain values as the JSON, in
//! Vietnamese or English, rendered by the askama templates of `templates/`.

use askama::Template;

use crate::domain::breakdown::{Breakdown, BreakdownRow};
use crate::domain::document::{IndicatorDefinition, Programme, SchemeRecord};
use crate::domain::money::Money;
use crate::domain::reference::{Names, Reference};
use crate::domain::totals::Totals;
use crate::domain::views::ProgrammeSummary;
use crate::i18n::Lang;

/// The words of the pages' chrome, in one language.
pub struct Words {
    pub home: &'static str,
    pub site: &'static str,
    pub intro: &'static str,
    pub programme: &'static str,
    pub period: &'static str,
    pub jurisdiction: &'static str,
    pub schemes: &'static str,
    pub cost: &'static str,
    pub state_budget: &'static str,
    pub contributions: &'static str,
    pub reported: &'static str,
    pub itemised: &'static str,
    pub gap: &'static str,
    pub implied: &'static str,
    pub unit: &'static str,
    pub source: &'static str,
    pub published: &'static str,
    pub legal_basis: &'static str,
    pub agency: &'static str,
    pub reconciliation: &'static str,
    pub reconciliation_intro: &'static str,
    pub notes: &'static str,
    pub by_activity: &'static str,
    pub by_source: &'static str,
    pub activity: &'static str,
    pub funding_source: &'static str,
    pub share_itemised: &'static str,
    pub share_reported: &'static str,
    pub nothing_itemised: &'static str,
    pub records: &'static str,
    pub scope: &'static str,
    pub funding: &'static str,
    pub no_funding_line: &'static str,
    pub indicators: &'static str,
    pub quote: &'static str,
    pub our_note: &'static str,
    pub downloads: &'static str,
    pub other_language: &'static str,
    pub chart_table: &'static str,
    pub not_published: &'static str,
    pub more_records: &'static str,
    pub more_programmes: &'static str,
    pub none_yet: &'static str,
}

impl Words {
    pub fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

static VI: Words = Words {
    home: "Trang chủ",
    site: "Kết quả Chương trình Khuyến công",
    intro: "Số liệu các chương trình khuyến công, chính xác đến từng đồng đã công bố, kèm câu gốc của nguồn tin. Mỗi số báo cáo được đặt cạnh tổng của các bản ghi đề án, và phần chênh lệch được nói rõ.",
    programme: "Chương trình",
    period: "Giai đoạn",
    jurisdiction: "Địa phương",
    schemes: "Số đề án",
    cost: "Tổng kinh phí",
    state_budget: "Ngân sách nhà nước",
    contributions: "Đóng góp của tổ chức, cá nhân",
    reported: "Báo cáo",
    itemised: "Cộng từ bản ghi",
    gap: "Chênh lệch",
    implied: "Suy ra (không phải số báo cáo)",
    unit: "triệu đồng",
    source: "Nguồn số liệu",
    published: "đăng ngày",
    legal_basis: "Căn cứ",
    agency: "Đơn vị thực hiện",
    reconciliation: "Số báo cáo và số cộng từ các bản ghi",
    reconciliation_intro: "Cột “Báo cáo” là số chương trình công bố; cột “Cộng từ bản ghi” là tổng của các bản ghi đề án; “Chênh lệch” là hiệu của hai số.",
    notes: "Giải thích",
    by_activity: "Theo nội dung hoạt động",
    by_source: "Theo nguồn kinh phí",
    activity: "Nội dung hoạt động",
    funding_source: "Nguồn kinh phí",
    share_itemised: "Tỷ lệ trên số cộng từ bản ghi",
    share_reported: "Tỷ lệ trên tổng báo cáo",
    nothing_itemised: "chưa có bản ghi",
    records: "Các bản ghi đề án",
    scope: "Phạm vi",
    funding: "Kinh phí theo nguồn",
    no_funding_line: "nguồn tin không nói nguồn kinh phí",
    indicators: "Chỉ số",
    quote: "Câu gốc",
    our_note: "Ghi chú của chúng tôi",
    downloads: "Tải về và dữ liệu máy đọc",
    other_language: "English",
    chart_table: "Bảng số liệu của biểu đồ",
    not_published: "không công bố",
    more_records: "Trang này hiện các bản ghi đầu tiên; tải tệp CSV để có toàn bộ.",
    more_programmes: "Trang này hiện các chương trình mới nhất; xem danh sách đầy đủ ở",
    none_yet: "Chưa có chương trình nào.",
};

static EN: Words = Words {
    home: "Home",
    site: "Industrial Promotion Programme results",
    intro: "The figures of industrial promotion programmes, exact to the published đồng, with the source's own words. Every reported figure stands beside the sum of the scheme records, and each difference is said in words.",
    programme: "Programme",
    period: "Period",
    jurisdiction: "Jurisdiction",
    schemes: "Schemes",
    cost: "Total cost",
    state_budget: "State budget",
    contributions: "Contributions of organisations and individuals",
    reported: "Reported",
    itemised: "Sum of the records",
    gap: "Gap",
    implied: "Implied (not reported)",
    unit: "million VND",
    source: "Source",
    published: "published",
    legal_basis: "Legal basis",
    agency: "Implementing agency",
    reconciliation: "Reported figures and the sum of the records",
    reconciliation_intro: "“Reported” is what the programme published; “Sum of the records” adds up its scheme records; “Gap” is the difference.",
    notes: "In words",
    by_activity: "By kind of activity",
    by_source: "By funding source",
    activity: "Activity",
    funding_source: "Funding source",
    share_itemised: "Share of the records' sum",
    share_reported: "Share of the reported total",
    nothing_itemised: "nothing itemised",
    records: "Scheme records",
    scope: "Scope",
    funding: "Funding by source",
    no_funding_line: "the source does not say who paid",
    indicators: "Indicators",
    quote: "The source's words",
    our_note: "Our note",
    downloads: "Downloads and machine-readable data",
    other_language: "Tiếng Việt",
    chart_table: "The chart's figures",
    not_published: "not published",
    more_records: "This page shows the first records; download the CSV for all of them.",
    more_programmes: "This page shows the newest programmes; the full list is at",
    none_yet: "No programme yet.",
};

/// What every page has: its language, the other one, and where this page is in it.
pub struct Chrome {
    pub lang: &'static str,
    pub title: String,
    pub words: &'static Words,
    pub home_href: String,
    pub other_href: String,
    pub other_lang: &'static str,
}

impl Chrome {
    /// `path` is the page's path after its language (`""` for home, `"/programmes/2016-2020"`).
    pub fn new(lang: Lang, title: String, path: &str) -> Chrome {
        Chrome {
            lang: lang.code(),
            title,
            words: Words::of(lang),
            home_href: format!("/{}", lang.code()),
            other_href: format!("/{}{path}", lang.other().code()),
            other_lang: lang.other().code(),
        }
    }
}

fn name(names: &Names, lang: Lang) -> String {
    lang.pick(&names.en, &names.vi).clone()
}

fn money(lang: Lang, amount: Option<Money>) -> String {
    amount.map_or_else(|| Words::of(lang).not_published.to_string(), |m| lang.amount_grouped(m))
}

fn count(lang: Lang, n: Option<i64>) -> String {
    n.map_or_else(|| Words::of(lang).not_published.to_string(), |n| lang.count(n))
}

/// An ISO date as each language writes it: `06/11/2020` or `2020-11-06`.
fn date(lang: Lang, iso: &str) -> String {
    match (lang, iso.split('-').collect::<Vec<_>>().as_slice()) {
        (Lang::Vi, [y, m, d]) => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

/// A programme on the home page, with its headline figures.
pub struct HomeRow {
    pub href: String,
    pub name: String,
    pub period: String,
    pub jurisdiction: String,
    pub schemes: (String, String),
    pub cost: (String, String),
    pub state: (String, String),
    pub contributions: (String, String),
}

impl HomeRow {
    pub fn of(programme: &ProgrammeSummary, totals: &Totals, lang: Lang) -> HomeRow {
        let source = |key: &str| totals.funding.iter().find(|f| f.source == key);
        let pair = |key: &str| {
            source(key).map_or((money(lang, None), money(lang, None)), |f| {
                (money(lang, f.reported), lang.amount_grouped(f.itemised))
            })
        };
        HomeRow {
            href: format!("/{}/programmes/{}", lang.code(), programme.id),
            name: name(&programme.names, lang),
            period: format!("{}–{}", programme.period.start_year, programme.period.end_year),
            jurisdiction: programme.jurisdiction.clone(),
            schemes: (count(lang, totals.schemes.reported), lang.count(totals.schemes.itemised)),
            cost: (money(lang, totals.cost.reported), lang.amount_grouped(totals.cost.itemised)),
            state: pair("state_budget"),
            contributions: pair("contributions"),
        }
    }
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct Home {
    pub chrome: Chrome,
    pub programmes: Vec<HomeRow>,
    /// How many programmes there are beyond those shown.
    pub more: i64,
}

/// A row of the reconciliation table.
pub struct Reconciled {
    pub label: String,
    pub indent: bool,
    pub reported: String,
    pub itemised: String,
    pub gap: String,
    pub implied: String,
}

/// A horizontal bar chart drawn in SVG: a title and a description for assistive technology, and
/// the same figures in a table beside it.
pub struct Chart {
    pub id: String,
    pub title: String,
    pub desc: String,
    pub height: u32,
    /// Each group's label, on its own line above its bars: `(y, text)`.
    pub labels: Vec<(u32, String)>,
    pub bars: Vec<Bar>,
    pub legend: Vec<(String, &'static str)>,
}

pub struct Bar {
    pub y: u32,
    pub width: u32,
    pub value: String,
    pub fill: &'static str,
    pub value_y: u32,
    pub value_x: u32,
}

const BAR_SPAN: u32 = 480;
/// Two colours with a 4.5:1 contrast against white (WCAG AA), told apart by the legend too.
const ITEMISED_FILL: &str = "#1f5f8b";
const REPORTED_FILL: &str = "#b3541e";

impl Chart {
    /// Bars of `(label, [(amount, fill)])`, scaled to the largest amount; each group's label
    /// on a line of its own, so that a long Vietnamese label is never cut.
    /// A group marked `nothing_itemised` says so beside its first bar instead of a known zero.
    fn of(id: &str, title: String, desc: String, groups: Vec<Group>, lang: Lang) -> Chart {
        let largest = groups.iter().flat_map(|g| g.amounts.iter().map(|(m, _)| *m)).max().unwrap_or(Money::ZERO);
        let (mut labels, mut bars) = (Vec::new(), Vec::new());
        let mut y = 4;
        for Group { label, amounts, nothing_itemised } in groups {
            labels.push((y + 13, label));
            y += 18;
            for (i, (amount, fill)) in amounts.iter().copied().enumerate() {
                let width = if largest.is_zero() {
                    0
                } else {
                    (amount.to_dong() as f64 / largest.to_dong() as f64 * f64::from(BAR_SPAN)).round() as u32
                };
                let value = if i == 0 && nothing_itemised {
                    format!("— ({})", Words::of(lang).nothing_itemised)
                } else {
                    lang.amount_grouped(amount)
                };
                bars.push(Bar { y, width, value, fill, value_y: y + 13, value_x: width + 6 });
                y += 20;
            }
            y += 10;
        }
        Chart { id: id.to_string(), title, desc, height: y, labels, bars, legend: Vec::new() }
    }
}

/// A group of bars: its label, its amounts with their colours, and whether nothing is itemised.
pub struct Group {
    pub label: String,
    pub amounts: Vec<(Money, &'static str)>,
    pub nothing_itemised: bool,
}

/// A row of a breakdown table.
pub struct BreakRow {
    pub label: String,
    pub schemes: String,
    pub cost: String,
    pub reported: String,
    pub share_itemised: String,
    pub share_reported: String,
    pub nothing_itemised: bool,
}

impl BreakRow {
    fn of(row: &BreakdownRow, label: String, lang: Lang) -> BreakRow {
        let percent =
            |p: Option<rust_decimal::Decimal>| p.map_or(String::from("—"), |p| lang.percent(&p.to_string()));
        BreakRow {
            label,
            schemes: lang.count(row.schemes),
            cost: lang.amount_grouped(row.cost),
            reported: row.reported_cost.map_or(String::from("—"), |m| lang.amount_grouped(m)),
            share_itemised: percent(row.share_percent),
            share_reported: percent(row.share_of_reported_percent),
            nothing_itemised: row.nothing_itemised,
        }
    }
}

/// A scheme record as the page shows it.
pub struct Card {
    pub id: String,
    pub title: String,
    pub activity: String,
    pub scope: String,
    pub count: String,
    pub cost: String,
    pub funding: Vec<(String, String)>,
    pub indicators: Vec<(String, String, Option<String>)>,
    pub quote: Option<String>,
    pub note: Option<String>,
}

#[derive(Template)]
#[template(path = "programme.html")]
pub struct ProgrammePage {
    pub chrome: Chrome,
    pub id: String,
    pub name: String,
    pub period: String,
    pub jurisdiction: String,
    pub agency: Option<String>,
    pub legal_basis: Option<String>,
    pub source_title: String,
    pub source_publisher: String,
    pub source_date: String,
    pub source_url: Option<String>,
    pub source_note: Option<String>,
    pub reconciled: Vec<Reconciled>,
    pub notes: Vec<String>,
    pub activity_chart: Chart,
    pub activity_rows: Vec<BreakRow>,
    pub activity_notes: Vec<String>,
    pub source_chart: Chart,
    pub source_rows: Vec<BreakRow>,
    pub source_notes: Vec<String>,
    pub cards: Vec<Card>,
    pub more_records: bool,
    pub links: Vec<(String, String)>,
}

/// What the programme page is made from, read in one snapshot.
pub struct ProgrammeFigures<'a> {
    pub programme: &'a Programme,
    pub totals: &'a Totals,
    pub by_activity: &'a Breakdown,
    pub by_source: &'a Breakdown,
    pub records: &'a [SchemeRecord<Money>],
    pub definitions: &'a [IndicatorDefinition],
    pub more_records: bool,
}

impl ProgrammePage {
    pub fn of(figures: ProgrammeFigures<'_>, reference: &Reference, lang: Lang) -> ProgrammePage {
        let ProgrammeFigures { programme: p, totals, by_activity, by_source, records, definitions, more_records } =
            figures;
        let words = Words::of(lang);
        let id = p.id.clone();
        let source_name = |key: &str| reference.source(key).map_or(key.to_string(), |s| name(&s.names, lang));
        let gap_money = |m: Option<Money>| m.map_or(String::from("—"), |m| lang.amount_grouped(m));
        let mut reconciled = vec![Reconciled {
            label: words.schemes.to_string(),
            indent: false,
            reported: count(lang, totals.schemes.reported),
            itemised: lang.count(totals.schemes.itemised),
            gap: totals.schemes.gap.map_or(String::from("—"), |g| lang.count(g)),
            implied: String::new(),
        }];
        for scope in totals.schemes.by_scope.iter().filter(|s| s.reported.is_some() || s.itemised > 0) {
            reconciled.push(Reconciled {
                label: name(&scope.names, lang),
                indent: true,
                reported: count(lang, scope.reported),
                itemised: lang.count(scope.itemised),
                gap: scope.gap.map_or(String::from("—"), |g| lang.count(g)),
                implied: String::new(),
            });
        }
        reconciled.push(Reconciled {
            label: format!("{} ({})", words.cost, words.unit),
            indent: false,
            reported: money(lang, totals.cost.reported),
            itemised: lang.amount_grouped(totals.cost.itemised),
            gap: gap_money(totals.cost.gap),
            implied: String::new(),
        });
        for f in &totals.funding {
            reconciled.push(Reconciled {
                label: source_name(&f.source),
                indent: f.parent.is_some(),
                reported: money(lang, f.reported),
                itemised: lang.amount_grouped(f.itemised),
                gap: gap_money(f.gap),
                implied: f.implied.as_ref().map_or(String::new(), |i| {
                    format!("{} – {}", lang.amount_grouped(i.at_least), lang.amount_grouped(i.at_most))
                }),
            });
        }
        let activity_label = |key: &str| reference.activity(key).map_or(key.to_string(), |a| name(&a.names, lang));
        let activity_rows: Vec<BreakRow> =
            by_activity.rows.iter().map(|r| BreakRow::of(r, activity_label(&r.key), lang)).collect();
        let activity_chart = Chart::of(
            "chart-activity",
            lang.pick(
                "Cost of the scheme records by kind of activity (million VND)",
                "Kinh phí các bản ghi đề án theo nội dung hoạt động (triệu đồng)",
            )
            .to_string(),
            lang.pick(
                format!(
                    "A bar for each kind of activity, as long as its records' cost. The records add up to {} million VND; the figures are in the table below.",
                    lang.amount_grouped(by_activity.total.cost)
                ),
                format!(
                    "Mỗi nội dung hoạt động một thanh, dài theo kinh phí các bản ghi của nó. Các bản ghi cộng lại {} triệu đồng; số liệu ở bảng bên dưới.",
                    lang.amount_grouped(by_activity.total.cost)
                ),
            ),
            by_activity
                .rows
                .iter()
                .map(|r| Group {
                    label: activity_label(&r.key),
                    amounts: vec![(r.cost, ITEMISED_FILL)],
                    nothing_itemised: r.nothing_itemised,
                })
                .collect(),
            lang,
        );
        let source_label = |row: &BreakdownRow| {
            if row.key == crate::domain::breakdown::UNATTRIBUTED {
                name(&row.names, lang)
            } else {
                source_name(&row.key)
            }
        };
        let source_rows: Vec<BreakRow> =
            by_source.rows.iter().map(|r| BreakRow::of(r, source_label(r), lang)).collect();
        let mut source_chart = Chart::of(
            "chart-source",
            lang.pick(
                "Funding by source: the sum of the records beside the reported figure (million VND)",
                "Kinh phí theo nguồn: số cộng từ bản ghi bên cạnh số báo cáo (triệu đồng)",
            )
            .to_string(),
            lang.pick(
                "For each funding source, a bar for the funding lines of the records (blue) and one for the figure the programme reports (orange), where it reports one; the figures are in the table below.".to_string(),
                "Với mỗi nguồn kinh phí, một thanh cho các dòng kinh phí của bản ghi (xanh) và một thanh cho số chương trình báo cáo (cam), nếu có; số liệu ở bảng bên dưới.".to_string(),
            ),
            by_source
                .rows
                .iter()
                .map(|r| {
                    let mut amounts = vec![(r.cost, ITEMISED_FILL)];
                    if let Some(reported) = r.reported_cost {
                        amounts.push((reported, REPORTED_FILL));
                    }
                    Group { label: source_label(r), amounts, nothing_itemised: r.nothing_itemised }
                })
                .collect(),
            lang,
        );
        source_chart.legend =
            vec![(words.itemised.to_string(), ITEMISED_FILL), (words.reported.to_string(), REPORTED_FILL)];
        let cards = records
            .iter()
            .map(|r| Card {
                id: r.id.clone(),
                title: name(&r.title, lang),
                activity: activity_label(&r.activity),
                scope: reference.scope(&r.scope).map_or(r.scope.clone(), |s| name(&s.names, lang)),
                count: lang.count(r.scheme_count),
                cost: lang.amount_grouped(r.cost),
                funding: r.funding.iter().map(|l| (source_name(&l.source), lang.amount_grouped(l.amount))).collect(),
                indicators: r
                    .indicators
                    .iter()
                    .map(|i| {
                        let definition = definitions.iter().find(|d| d.key == i.key);
                        let label =
                            definition.map_or(i.key.clone(), |d| format!("{} ({})", name(&d.names, lang), d.unit));
                        (label, i.value.clone(), i.note.clone())
                    })
                    .collect(),
                quote: r.quote.clone(),
                note: r.note.clone(),
            })
            .collect();
        let api = |path: &str| format!("/programmes/{id}{path}");
        let links = vec![
            (lang.pick("Totals (JSON)", "Tổng hợp (JSON)").to_string(), api("/totals")),
            (
                lang.pick("Breakdown by activity (JSON)", "Phân tích theo hoạt động (JSON)").to_string(),
                api("/breakdown?by=activity"),
            ),
            (lang.pick("Scheme records (JSON)", "Các bản ghi đề án (JSON)").to_string(), api("/schemes")),
            (
                lang.pick("Scheme records (CSV, for spreadsheets)", "Các bản ghi đề án (CSV, cho bảng tính)")
                    .to_string(),
                api("/schemes.csv"),
            ),
            (
                lang.pick("Breakdown by activity (CSV)", "Phân tích theo hoạt động (CSV)").to_string(),
                api("/breakdown.csv?by=activity"),
            ),
            (
                lang.pick("Breakdown by funding source (CSV)", "Phân tích theo nguồn kinh phí (CSV)").to_string(),
                api("/breakdown.csv?by=source"),
            ),
            (
                lang.pick("The whole programme document (JSON)", "Toàn bộ tài liệu chương trình (JSON)").to_string(),
                api("/export"),
            ),
            ("Swagger UI".to_string(), "/swagger-ui/".to_string()),
        ];
        let legal_basis = p.legal_basis.as_ref().map(|b| match &b.issuer {
            Some(issuer) => format!("{} ({issuer})", b.title),
            None => b.title.clone(),
        });
        let notes_of = |b: &Breakdown| lang.say_all(&b.notes);
        ProgrammePage {
            chrome: Chrome::new(lang, name(&p.names, lang), &format!("/programmes/{id}")),
            name: name(&p.names, lang),
            period: format!("{}–{}", p.period.start_year, p.period.end_year),
            jurisdiction: p.jurisdiction.clone(),
            agency: p.implementing_agency.as_ref().map(|a| name(a, lang)),
            legal_basis,
            source_title: p.source.title.clone(),
            source_publisher: p.source.publisher.clone(),
            source_date: date(lang, &p.source.date),
            source_url: p.source.url.clone(),
            source_note: p.source.note.clone(),
            reconciled,
            notes: lang.say_all(&totals.notes),
            activity_chart,
            activity_rows,
            activity_notes: notes_of(by_activity),
            source_chart,
            source_rows,
            source_notes: notes_of(by_source),
            cards,
            more_records,
            links,
            id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        assert_eq!(date(Lang::Vi, "2020-11-06"), "06/11/2020");
        assert_eq!(date(Lang::En, "2020-11-06"), "2020-11-06");
    }

    #[test]
    fn bars_are_scaled_to_the_largest_amount() {
        let m = |t: &str| Money::parse(t).unwrap();
        let chart = Chart::of(
            "c",
            "t".into(),
            "d".into(),
            vec![
                Group { label: "a".into(), amounts: vec![(m("100.00"), ITEMISED_FILL)], nothing_itemised: false },
                Group { label: "b".into(), amounts: vec![(m("25.00"), ITEMISED_FILL)], nothing_itemised: false },
                Group { label: "c".into(), amounts: vec![(Money::ZERO, ITEMISED_FILL)], nothing_itemised: true },
            ],
            Lang::Vi,
        );
        let widths: Vec<u32> = chart.bars.iter().map(|b| b.width).collect();
        assert_eq!(widths, [BAR_SPAN, BAR_SPAN / 4, 0]);
        assert_eq!(chart.bars[1].value, "25,00");
        assert_eq!(chart.bars[2].value, "— (chưa có bản ghi)", "not a known zero");
    }
}
