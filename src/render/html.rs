//! The HTML pages for people: view models made from the same domain values as the JSON, in
//! Vietnamese or English, rendered by the askama templates of `templates/`.

use askama::Template;

use crate::domain::aggregates::breakdown::{Breakdown, BreakdownRow};
use crate::domain::aggregates::figures::{Bounds, Percent, for_reader, remainder_words};
use crate::domain::aggregates::totals::Totals;
use crate::domain::document::{IndicatorDefinition, Note, Programme, SchemeRecord};
use crate::domain::money::Money;
use crate::domain::reference::{Names, Reference};
use crate::domain::views::ProgrammeSummary;
use crate::i18n::{Lang, Message};

/// The words of the pages' chrome, in one language: the catalog's `page-…` messages, rendered
/// once per language when first asked for.
macro_rules! words {
    ($($field:ident),* $(,)?) => {
        pub struct Words {
            $(pub $field: String,)*
        }

        impl Words {
            /// The catalog ids of the fields, in order.
            #[cfg(test)]
            const IDS: &'static [&'static str] = &[$(concat!("page-", stringify!($field))),*];

            fn in_language(lang: Lang) -> Words {
                Words { $($field: Message::new(concat!("page-", stringify!($field))).render(lang),)* }
            }
        }
    };
}

words!(
    home,
    site,
    intro,
    programme,
    period,
    jurisdiction,
    schemes,
    cost,
    state_budget,
    contributions,
    reported,
    itemised,
    gap,
    implied,
    unit,
    source,
    published,
    copy_from,
    legal_basis,
    agency,
    reconciliation,
    reconciliation_intro,
    notes,
    by_activity,
    by_source,
    activity,
    funding_source,
    share_itemised,
    share_reported,
    reported_share,
    not_split,
    nothing_itemised,
    records,
    scope,
    funding,
    no_funding_line,
    indicators,
    quote,
    our_note,
    downloads,
    other_language,
    language,
    chart_table,
    not_published,
    more_records,
    more_programmes,
    none_yet,
    aggregate_title,
    aggregate_intro,
    compare_title,
    compare_intro,
    total,
    programmes,
    excluded,
    measure,
    base,
    other,
    difference,
    change_percent,
    published_figures,
    records_sums,
    more_rows,
    json,
    csv,
    xlsx,
    drafts_title,
    drafts_intro,
    drafts_no_script,
    drafts_text_label,
    drafts_token_label,
    drafts_token_help,
    drafts_read,
    drafts_highlighted,
    drafts_legend_placed,
    drafts_legend_unplaced,
    drafts_legend_approximate,
    drafts_warnings,
    drafts_figures,
    drafts_value,
    drafts_field,
    drafts_reason,
    drafts_document,
    drafts_document_help,
    drafts_save,
    drafts_save_help,
    drafts_answer,
    drafts_saved,
    drafts_failed,
    drafts_need_token,
    drafts_need_id,
    drafts_none,
    drafts_at_least,
    drafts_at_most,
    drafts_about,
    drafts_range,
    drafts_estimate,
);

static WORDS: std::sync::LazyLock<[Words; 2]> =
    std::sync::LazyLock::new(|| [Words::in_language(Lang::En), Words::in_language(Lang::Vi)]);

impl Words {
    pub fn of(lang: Lang) -> &'static Words {
        &WORDS[usize::from(lang == Lang::Vi)]
    }
}

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

pub(super) fn name(names: &Names, lang: Lang) -> String {
    names.get(lang).to_string()
}

fn money(lang: Lang, amount: Option<Money>) -> String {
    amount.map_or_else(|| Words::of(lang).not_published.to_string(), |m| lang.amount(m))
}

fn count(lang: Lang, n: Option<i64>) -> String {
    n.map_or_else(|| Words::of(lang).not_published.to_string(), |n| lang.count(n))
}

/// A published amount (or a gap) as a reader sees it: the number where it was published as one
/// exact, final number, else its words ("trên 41.000,00", "khoảng 162,50").
pub(super) fn amount_as_published(lang: Lang, exact: Option<Money>, bounds: &Option<Bounds<Money>>) -> String {
    for_reader(exact, bounds.as_ref(), lang, |m| lang.amount(m)).unwrap_or_else(|| money(lang, None))
}

/// A published count (or its gap) as a reader sees it (see [`amount_as_published`]).
pub(super) fn count_as_published(lang: Lang, exact: Option<i64>, bounds: &Option<Bounds<i64>>) -> String {
    for_reader(exact, bounds.as_ref(), lang, |n| lang.count(n)).unwrap_or_else(|| count(lang, None))
}

/// A reported funding figure as a reader sees it: a remainder says so, with what it is computed to be.
fn funding_as_published(lang: Lang, f: &crate::domain::aggregates::totals::FundingTotal) -> String {
    remainder_words(f.remainder, f.remainder_implied.as_ref())
        .map_or_else(|| amount_as_published(lang, f.reported, &f.reported_bounds), |words| words.render(lang))
}

/// A note of ours for a page of `lang`: its text, and the language it is in (a string note is
/// English, as documents gave notes before 0.6), for the element's `lang`.
pub struct PageNote {
    pub text: String,
    pub lang: &'static str,
}

impl PageNote {
    fn of(note: &Note, lang: Lang) -> PageNote {
        let written_in = match note {
            Note::Text(_) => Lang::En,
            Note::Both(_) => lang,
        };
        PageNote { text: note.get(lang).to_string(), lang: written_in.code() }
    }
}

/// A programme on the home page, with its headline figures.
pub struct HomeRow {
    pub href: String,
    pub name: String,
    /// What it is, when not a whole, final result: "plan", "estimate", "2023 of 2021-2025".
    pub what: Option<String>,
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
                (funding_as_published(lang, f), lang.amount(f.itemised))
            })
        };
        HomeRow {
            href: format!("/{}/programmes/{}", lang.code(), programme.id),
            name: name(&programme.names, lang),
            what: what_it_is(programme.kind, programme.status, programme.part_of.as_ref(), lang),
            period: format!("{}–{}", programme.period.start_year, programme.period.end_year),
            jurisdiction: programme.jurisdiction.clone(),
            schemes: (
                count_as_published(lang, totals.schemes.reported, &totals.schemes.reported_bounds),
                lang.count(totals.schemes.itemised),
            ),
            cost: (
                amount_as_published(lang, totals.cost.reported, &totals.cost.reported_bounds),
                lang.amount(totals.cost.itemised),
            ),
            state: pair("state_budget"),
            contributions: pair("contributions"),
        }
    }
}

/// What a programme is, in words, when it is not a whole, final result: a plan, an estimate, a
/// part of another (`2023 (year) of 2021-2025`); None for a whole, final result.
fn what_it_is(
    kind: crate::domain::document::Kind,
    status: crate::domain::document::Status,
    part_of: Option<&crate::domain::document::PartOf>,
    lang: Lang,
) -> Option<String> {
    use crate::domain::document::{Kind, Status};
    let mut words = Vec::new();
    if kind == Kind::Plan {
        words.push(lang.say(&Message::new("page-kind-plan")));
    }
    if status == Status::Estimate {
        words.push(lang.say(&Message::new("page-status-estimate")));
    }
    if let Some(part) = part_of {
        let message = Message::new("page-part-of")
            .word("label", part.label.clone())
            .message(
                "part",
                Message::new(match part.part {
                    crate::domain::document::PartKind::Year => "page-part-year",
                    crate::domain::document::PartKind::Round => "page-part-round",
                    crate::domain::document::PartKind::ToDate => "page-part-to-date",
                }),
            )
            .word("programme", part.programme.clone());
        words.push(lang.say(&message));
    }
    (!words.is_empty()).then(|| words.join("; "))
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

/// The widest bar: the chart is 480 wide (its `viewBox`), and scales down to a phone's width,
/// leaving room for a value after the widest bar.
const BAR_SPAN: u32 = 360;
/// Two colours with a 4.5:1 contrast against white (WCAG AA), told apart by the legend too.
pub(super) const ITEMISED_FILL: &str = "#1f5f8b";
pub(super) const REPORTED_FILL: &str = "#b3541e";

impl Chart {
    /// Bars of `(label, [(amount, fill)])`, scaled to the largest amount; each group's label
    /// on a line of its own, so that a long Vietnamese label is never cut.
    /// A group marked `nothing_itemised` says so beside its first bar instead of a known zero.
    pub(super) fn of(id: &str, title: String, desc: String, groups: Vec<Group>, lang: Lang) -> Chart {
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
                    lang.amount(amount)
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
    /// `by=source`: the published figure's share of the published total.
    pub reported_share: String,
    pub nothing_itemised: bool,
}

impl BreakRow {
    fn of(row: &BreakdownRow, label: String, lang: Lang) -> BreakRow {
        let percent =
            |p: Option<rust_decimal::Decimal>| p.map_or(String::from("—"), |p| lang.percent(&p.to_string()));
        // A share of a published figure: the percentage, or its bounds in words where not exact.
        let share = |exact: Option<rust_decimal::Decimal>, bounds: &Option<Bounds<Percent>>| {
            for_reader(exact.map(Percent), bounds.as_ref(), lang, |p| lang.percent(&p.0.to_string()))
                .unwrap_or_else(|| String::from("—"))
        };
        BreakRow {
            label,
            schemes: lang.count(row.schemes),
            cost: lang.amount(row.cost),
            reported: match remainder_words(row.remainder == Some(true), row.remainder_implied.as_ref()) {
                Some(words) => words.render(lang),
                None => for_reader(row.reported_cost, row.reported_cost_bounds.as_ref(), lang, |m| lang.amount(m))
                    .unwrap_or_else(|| String::from("—")),
            },
            share_itemised: percent(row.share_percent),
            share_reported: share(row.share_of_reported_percent, &row.share_of_reported_percent_bounds),
            reported_share: share(
                row.reported_share_of_reported_percent,
                &row.reported_share_of_reported_percent_bounds,
            ),
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
    pub indicators: Vec<(String, String, Option<PageNote>)>,
    pub quote: Option<String>,
    pub note: Option<PageNote>,
}

#[derive(Template)]
#[template(path = "programme.html")]
pub struct ProgrammePage {
    pub chrome: Chrome,
    pub id: String,
    pub name: String,
    /// What it is, when not a whole, final result (see [`what_it_is`]).
    pub what: Option<String>,
    pub period: String,
    pub jurisdiction: String,
    pub agency: Option<String>,
    pub legal_basis: Option<String>,
    pub source_title: String,
    pub source_publisher: String,
    pub source_date: String,
    pub source_url: Option<String>,
    pub source_note: Option<PageNote>,
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
        let gap_money = |m: Option<Money>, bounds: &Option<Bounds<Money>>| {
            for_reader(m, bounds.as_ref(), lang, |m| lang.amount(m)).unwrap_or_else(|| String::from("—"))
        };
        let mut reconciled = vec![Reconciled {
            label: words.schemes.to_string(),
            indent: false,
            reported: count_as_published(lang, totals.schemes.reported, &totals.schemes.reported_bounds),
            itemised: lang.count(totals.schemes.itemised),
            gap: for_reader(totals.schemes.gap, totals.schemes.gap_bounds.as_ref(), lang, |g| lang.count(g))
                .unwrap_or_else(|| String::from("—")),
            implied: String::new(),
        }];
        for scope in totals.schemes.by_scope.iter().filter(|s| s.reported_bounds.is_some() || s.itemised > 0) {
            let implied = scope.implied_schemes.as_ref();
            reconciled.push(Reconciled {
                label: name(&scope.names, lang),
                indent: true,
                reported: count_as_published(lang, scope.reported, &scope.reported_bounds),
                itemised: lang.count(scope.itemised),
                gap: match implied {
                    Some(_) => words.not_split.clone(),
                    None => for_reader(scope.gap, scope.gap_bounds.as_ref(), lang, |g| lang.count(g))
                        .unwrap_or_else(|| String::from("—")),
                },
                implied: implied.map_or(String::new(), |b| {
                    lang.say(
                        &Message::new("implied-range-schemes")
                            .count("least", b.at_least.unwrap_or_default())
                            .count("most", b.at_most.unwrap_or_default())
                            .count("recorded", totals.schemes.itemised),
                    )
                }),
            });
        }
        reconciled.push(Reconciled {
            label: match totals.cost.compared_with_lines(reference) {
                Some(lines) => format!("{} ({}), {}", words.cost, words.unit, lines.render(lang)),
                None => format!("{} ({})", words.cost, words.unit),
            },
            indent: false,
            reported: amount_as_published(lang, totals.cost.reported, &totals.cost.reported_bounds),
            itemised: lang.amount(totals.cost.compared_with),
            gap: gap_money(totals.cost.gap, &totals.cost.gap_bounds),
            implied: String::new(),
        });
        for f in &totals.funding {
            reconciled.push(Reconciled {
                label: source_name(&f.source),
                indent: f.parent.is_some(),
                reported: funding_as_published(lang, f),
                itemised: lang.amount(f.itemised),
                gap: match &f.implied {
                    Some(_) => words.not_split.clone(),
                    None => gap_money(f.gap, &f.gap_bounds),
                },
                implied: f.implied.as_ref().map_or(String::new(), |i| {
                    lang.say(
                        &Message::new("implied-range-amount")
                            .amount("least", i.at_least)
                            .amount("most", i.at_most)
                            .amount("unsplit", i.unsplit),
                    )
                }),
            });
        }
        let activity_label = |key: &str| reference.activity(key).map_or(key.to_string(), |a| name(&a.names, lang));
        let activity_rows: Vec<BreakRow> =
            by_activity.rows.iter().map(|r| BreakRow::of(r, activity_label(&r.key), lang)).collect();
        let activity_chart = Chart::of(
            "chart-activity",
            lang.say(&Message::new("chart-activity-title")),
            lang.say(&Message::new("chart-activity-description").word("total", lang.amount(by_activity.total.cost))),
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
            if row.key == crate::domain::aggregates::breakdown::UNATTRIBUTED {
                name(&row.names, lang)
            } else {
                source_name(&row.key)
            }
        };
        let source_rows: Vec<BreakRow> =
            by_source.rows.iter().map(|r| BreakRow::of(r, source_label(r), lang)).collect();
        let mut source_chart = Chart::of(
            "chart-source",
            lang.say(&Message::new("chart-source-title")),
            lang.say(&Message::new("chart-source-description")),
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
                cost: lang.amount(r.cost),
                funding: r.funding.iter().map(|l| (source_name(&l.source), lang.amount(l.amount))).collect(),
                indicators: r
                    .indicators
                    .iter()
                    .map(|i| {
                        let definition = definitions.iter().find(|d| d.key == i.key);
                        let label = definition.map_or(i.key.clone(), |d| {
                            format!("{} ({})", name(&d.names, lang), lang.unit_of_measure(&d.unit))
                        });
                        (label, i.value.clone(), i.note.as_ref().map(|n| PageNote::of(n, lang)))
                    })
                    .collect(),
                quote: r.quote.clone(),
                note: r.note.as_ref().map(|n| PageNote::of(n, lang)),
            })
            .collect();
        let api = |path: &str| format!("/programmes/{id}{path}");
        let link = |id: &'static str, path: &str| (lang.say(&Message::new(id)), api(path));
        let links = vec![
            link("link-totals", "/totals"),
            link("link-breakdown-activity", "/breakdown?by=activity"),
            link("link-schemes", "/schemes"),
            link("link-schemes-csv", "/schemes.csv"),
            link("link-breakdown-activity-csv", "/breakdown.csv?by=activity"),
            link("link-breakdown-source-csv", "/breakdown.csv?by=source"),
            link("link-export", "/export"),
            link("link-workbook", "/export.xlsx"),
            link("link-schemes-csv-bom", "/schemes.csv?bom=true"),
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
            what: what_it_is(p.kind, p.status, p.part_of.as_ref(), lang),
            period: format!("{}–{}", p.period.start_year, p.period.end_year),
            jurisdiction: p.jurisdiction.clone(),
            agency: p.implementing_agency.as_ref().map(|a| name(a, lang)),
            legal_basis,
            source_title: p.source.title.clone(),
            source_publisher: p.source.publisher.clone(),
            source_date: lang.date(&p.source.date),
            // Only a link that can be followed, never run (documents refuse others; older data
            // may hold one).
            source_url: p.source.url.clone().filter(|url| crate::domain::document::is_web_url(url)),
            source_note: p.source.note.as_ref().map(|n| PageNote::of(n, lang)),
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
    fn every_word_of_the_pages_is_in_each_catalog() {
        for id in Words::IDS {
            for lang in Lang::ALL {
                assert_ne!(Message::new(id).render(lang), *id, "{id} is not in the {} catalog", lang.code());
            }
        }
        assert_eq!((Words::of(Lang::En).gap.as_str(), Words::of(Lang::Vi).gap.as_str()), ("Gap", "Chênh lệch"));
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
        assert_eq!(chart.bars[2].value, "— (bài viết không nêu số liệu)", "not a known zero");
    }
}

/// The drafts page (`templates/drafts.html`): the same for every request of a language; its
/// script (`templates/drafts.js`, at `/assets/drafts.js`) does the work.
#[derive(Template)]
#[template(path = "drafts.html")]
pub struct DraftsPage {
    pub chrome: Chrome,
}

impl DraftsPage {
    pub fn new(lang: Lang) -> DraftsPage {
        DraftsPage { chrome: Chrome::new(lang, Words::of(lang).drafts_title.clone(), "/drafts") }
    }
}

/// The drafts page's script.
pub const DRAFTS_SCRIPT: &str = include_str!("../../templates/drafts.js");
