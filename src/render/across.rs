//! The pages of sums across programmes and of two programmes compared: view models for
//! `templates/aggregate.html` and `templates/compare.html`, made from the same values as the JSON
//! and drawn like the programme pages (tables, and an SVG chart beside the same figures).

use askama::Template;

use super::html::{Chart, Chrome, Group, ITEMISED_FILL, REPORTED_FILL, amount_as_published, count_as_published, name};
use crate::domain::aggregates::aggregate::{AggregateFigures, Aggregation};
use crate::domain::aggregates::compare::{Comparison, Difference, MeasureDifference};
use crate::domain::aggregates::figures::Measure;
use crate::domain::money::Money;
use crate::i18n::{Lang, Message};

/// Rows a page shows; the downloads have them all.
pub const PAGE_ROWS: usize = 200;

/// A row of the sums' table, in words.
pub struct SumRow {
    pub keys: Vec<String>,
    pub programmes: String,
    pub schemes: [String; 3],
    pub cost: [String; 3],
}

impl SumRow {
    fn of(keys: Vec<String>, f: &AggregateFigures, lang: Lang) -> SumRow {
        let (s, c) = (&f.schemes, &f.cost);
        SumRow {
            keys,
            programmes: lang.count(f.programmes.len() as i64),
            schemes: [
                count_as_published(lang, s.reported, &s.reported_bounds),
                lang.count(s.itemised),
                count_as_published(lang, s.gap, &s.gap_bounds),
            ],
            cost: [
                amount_as_published(lang, c.reported, &c.reported_bounds),
                lang.amount(c.itemised),
                amount_as_published(lang, c.gap, &c.gap_bounds),
            ],
        }
    }
}

#[derive(Template)]
#[template(path = "aggregate.html")]
pub struct AggregatePage {
    pub chrome: Chrome,
    /// The drilldowns' names, the table's first columns.
    pub by: Vec<String>,
    pub rows: Vec<SumRow>,
    pub total: Option<SumRow>,
    pub more_rows: bool,
    pub chart: Chart,
    pub notes: Vec<String>,
    pub excluded: Vec<(String, String)>,
    /// (label, href) of the same sums as JSON, CSV and a workbook.
    pub links: Vec<(String, String)>,
}

impl AggregatePage {
    /// `query`: the request's query string, kept for the downloads' links.
    pub fn of(a: &Aggregation, query: &str, lang: Lang) -> AggregatePage {
        let words = super::html::Words::of(lang);
        let sums = &a.aggregated;
        let label = |row: &crate::domain::aggregates::aggregate::AggregateRow| -> Vec<String> {
            sums.by.iter().map(|d| row.names.get(d.key()).map(|l| l.get(lang)).unwrap_or_default()).collect()
        };
        let shown: Vec<_> = sums.rows.iter().take(PAGE_ROWS).collect();
        let rows = shown.iter().map(|r| SumRow::of(label(r), &r.figures, lang)).collect();
        let groups = shown
            .iter()
            .map(|r| {
                let mut amounts = vec![(r.figures.cost.itemised, ITEMISED_FILL)];
                if let Some(reported) = r.figures.cost.reported {
                    amounts.push((reported, REPORTED_FILL));
                }
                Group { label: label(r).join(" · "), amounts, nothing_itemised: false }
            })
            .collect();
        let mut chart = Chart::of(
            "chart-aggregate",
            lang.say(&Message::new("chart-aggregate-title")),
            lang.say(&Message::new("chart-aggregate-description")),
            groups,
            lang,
        );
        chart.legend = vec![(words.itemised.clone(), ITEMISED_FILL), (words.reported.clone(), REPORTED_FILL)];
        let suffix = if query.is_empty() { String::new() } else { format!("?{query}") };
        AggregatePage {
            chrome: Chrome::new(lang, words.aggregate_title.clone(), &format!("/aggregate{suffix}")),
            // No drilldown: one column for the total's label.
            by: match sums.by.is_empty() {
                true => vec![String::new()],
                false => sums.by.iter().map(|d| d.named().render(lang)).collect(),
            },
            rows,
            total: sums.total.as_ref().map(|t| SumRow::of(vec![words.total.clone()], t, lang)),
            more_rows: sums.rows.len() > PAGE_ROWS,
            chart,
            notes: sums.notes.iter().map(|n| lang.say(n)).collect(),
            excluded: a.excluded.iter().map(|e| (e.programme_id.clone(), lang.say(&e.reason))).collect(),
            links: vec![
                (words.json.clone(), format!("/aggregate{suffix}")),
                (words.csv.clone(), format!("/aggregate.csv{suffix}")),
                (words.xlsx.clone(), format!("/aggregate.xlsx{suffix}")),
            ],
        }
    }
}

/// A measure of the comparison, in words: base, other, difference, change.
pub struct CompareRow {
    pub label: String,
    pub cells: [String; 4],
}

#[derive(Template)]
#[template(path = "compare.html")]
pub struct ComparePage {
    pub chrome: Chrome,
    pub base: String,
    pub other: String,
    /// The published figures' table, then the records' sums' (a title and its rows; a table
    /// with no rows is not drawn).
    pub tables: Vec<(String, Vec<CompareRow>)>,
    pub chart: Chart,
    pub notes: Vec<String>,
    pub json: String,
}

fn cells<V: Measure>(d: &Difference<V>, lang: Lang, plain: impl Fn(V) -> String + Copy) -> [String; 4] {
    let say = |exact: Option<V>, bounds: &Option<crate::domain::aggregates::figures::Bounds<V>>| {
        crate::domain::aggregates::figures::for_reader(exact, bounds.as_ref(), lang, plain)
            .unwrap_or_else(|| super::html::Words::of(lang).not_published.clone())
    };
    let percent =
        crate::domain::aggregates::figures::for_reader(d.change_percent, d.change_percent_bounds.as_ref(), lang, |p| {
            lang.percent(&p.0.to_string())
        })
        .unwrap_or_else(|| "—".to_string());
    [say(d.base, &d.base_bounds), say(d.other, &d.other_bounds), say(d.difference, &d.difference_bounds), percent]
}

fn row_of(label: String, e: &MeasureDifference, lang: Lang) -> CompareRow {
    let cells = match e {
        MeasureDifference::Count(d) => cells(d, lang, |n| lang.count(n)),
        MeasureDifference::Amount(d) => cells(d, lang, |m: Money| lang.amount(m)),
    };
    CompareRow { label, cells }
}

impl ComparePage {
    pub fn of(c: &Comparison, lang: Lang) -> ComparePage {
        let words = super::html::Words::of(lang);
        let label = |m: &crate::domain::aggregates::compare::ComparedMeasure| m.name.get(lang);
        let published: Vec<CompareRow> =
            c.measures.iter().filter_map(|m| m.reported.as_ref().map(|r| row_of(label(m), r, lang))).collect();
        let records = c.measures.iter().map(|m| row_of(label(m), &m.itemised, lang)).collect();
        let groups = c
            .measures
            .iter()
            .filter_map(|m| match &m.itemised {
                MeasureDifference::Amount(d) => Some(Group {
                    label: label(m),
                    amounts: vec![
                        (d.base.unwrap_or(Money::ZERO), REPORTED_FILL),
                        (d.other.unwrap_or(Money::ZERO), ITEMISED_FILL),
                    ],
                    nothing_itemised: false,
                }),
                MeasureDifference::Count(_) => None,
            })
            .collect();
        let (base, other) = (name(&c.base.names, lang), name(&c.other.names, lang));
        let mut chart = Chart::of(
            "chart-compare",
            lang.say(&Message::new("chart-compare-title")),
            lang.say(
                &Message::new("chart-compare-description").word("base", base.clone()).word("other", other.clone()),
            ),
            groups,
            lang,
        );
        chart.legend = vec![(base.clone(), REPORTED_FILL), (other.clone(), ITEMISED_FILL)];
        let query = format!("base={}&other={}", c.base.programme_id, c.other.programme_id);
        ComparePage {
            chrome: Chrome::new(lang, words.compare_title.clone(), &format!("/compare?{query}")),
            base: format!("{base} ({})", c.base.period),
            other: format!("{other} ({})", c.other.period),
            tables: vec![(words.published_figures.clone(), published), (words.records_sums.clone(), records)],
            chart,
            notes: c.notes.iter().map(|n| lang.say(n)).collect(),
            json: format!("/compare?{query}"),
        }
    }
}
