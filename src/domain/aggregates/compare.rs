//! `GET /compare`: two programmes side by side, every measure (schemes, cost, each source, each
//! activity), published figures and the records' sums apart, each difference and change in
//! percent with bounds where a figure is not exact; a plan against its result said in words.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use utoipa::ToSchema;

use super::across::SumError;
use super::aggregate::{Label, period_key};
use super::figures::{Bounds, Measure, Percent, shape, words};
use super::interval::{Interval, Qualifier};
use super::sums::{Grouping, ProgrammeSums};
use super::totals::{Totals, reconcile};
use crate::domain::document::{Kind, Reported};
use crate::domain::money::Money;
use crate::domain::reference::{Names, Reference};
use crate::i18n::Message;

/// A programme as `/compare` reads it (its kept sums by activity).
pub struct Side<'a> {
    pub id: &'a str,
    pub names: &'a Names,
    pub period: (i64, i64),
    pub kind: Kind,
    pub reported: &'a Reported<Money>,
    pub sums: &'a ProgrammeSums,
}

/// One of the two programmes compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Compared {
    #[schema(example = "hai-phong-2021-2025-plan")]
    pub programme_id: String,
    pub names: Names,
    #[schema(example = "2021-2025")]
    pub period: String,
    pub kind: Kind,
}

/// A measure of both programmes: `base`, `other`, `other − base` and that change in percent
/// of `base`, each with bounds where a figure is not exact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Difference<V> {
    /// The base programme's figure; null where it has none, or not as one exact number.
    pub base: Option<V>,
    pub base_bounds: Option<Bounds<V>>,
    pub other: Option<V>,
    pub other_bounds: Option<Bounds<V>>,
    /// `other − base`; null where either is not one exact number.
    pub difference: Option<V>,
    pub difference_bounds: Option<Bounds<V>>,
    /// `difference ÷ base × 100`, two places; null where the base is zero or not exact.
    #[schema(value_type = Option<String>, example = "12.50")]
    pub change_percent: Option<Percent>,
    pub change_percent_bounds: Option<Bounds<Percent>>,
}

/// One row of a comparison: a measure, its published figures and its records' sums, apart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ComparedMeasure {
    /// `schemes`, `cost`, `source` or `activity`.
    #[schema(example = "cost")]
    pub measure: &'static str,
    /// The source's or activity's key; null for `schemes` and `cost`.
    #[schema(example = "central_budget")]
    pub key: Option<String>,
    /// The measure's name in the request's language.
    pub name: Label,
    /// The published figures; null where neither programme publishes one (never by activity).
    pub reported: Option<Either>,
    /// The records' sums (funding rolled up the source tree).
    pub itemised: Either,
}

/// A difference of counts (`schemes`) or of amounts (the others).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(untagged)]
pub enum Either {
    Count(Difference<i64>),
    Amount(Difference<Money>),
}

/// `GET /compare?base=…&other=…`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Comparison {
    pub base: Compared,
    pub other: Compared,
    #[schema(example = "VND")]
    pub currency: &'static str,
    #[schema(example = "million")]
    pub amount_unit: &'static str,
    /// The schemes, the cost, each source (reference order), each activity (Decree order).
    pub measures: Vec<ComparedMeasure>,
    /// What was exceeded and what fell short (a plan against its result), what could not be
    /// compared, in the request's language.
    #[schema(value_type = Vec<String>)]
    pub notes: Vec<Message>,
}

/// A figure of one side: None where it has none; else its interval, whether exact, whether an
/// estimate.
#[derive(Clone, Copy, Debug)]
struct Figure {
    interval: Interval,
    exact: bool,
    estimate: bool,
}

impl Figure {
    fn exact<V: Measure>(value: V) -> Figure {
        Figure { interval: Interval::exact(value.decimal()), exact: true, estimate: false }
    }

    fn of<V: Measure>(bounds: Option<&Bounds<V>>) -> Option<Figure> {
        bounds.map(|b| Figure { interval: b.interval(), exact: b.is_plain(), estimate: b.estimate })
    }

    fn bounds<V: Measure>(self, basis: Message) -> Bounds<V> {
        let qualifier = if self.exact { Qualifier::Exact } else { shape(self.interval) };
        Bounds::of(self.interval, qualifier, self.estimate, basis, words::<V>(self.interval))
    }
}

/// `other / base − 1` in percent, two places rounded outward, over every value the two may have
/// (neither below zero); None where the base may be zero.
fn change(base: Interval, other: Interval) -> Option<Interval> {
    let base_low = base.at_least.filter(|low| *low > Decimal::ZERO)?;
    let hundred = Decimal::ONE_HUNDRED;
    let ratio =
        |o: Decimal, b: Decimal, strategy| ((o / b - Decimal::ONE) * hundred).round_dp_with_strategy(2, strategy);
    let other_low = other.at_least.unwrap_or(Decimal::ZERO).max(Decimal::ZERO);
    let at_least = match base.at_most {
        Some(high) => ratio(other_low, high, RoundingStrategy::ToNegativeInfinity),
        None => -hundred,
    };
    let at_most = other.at_most.map(|high| ratio(high, base_low, RoundingStrategy::ToPositiveInfinity));
    Some(Interval { at_least: Some(at_least), at_most })
}

fn difference<V: Measure>(base: Option<Figure>, other: Option<Figure>) -> Difference<V> {
    let basis = |id: &'static str| Message::new(id);
    let value = |f: Option<Figure>| f.filter(|f| f.exact).and_then(|f| f.interval.value()).map(V::from_decimal);
    let mut d = Difference {
        base: value(base),
        base_bounds: base.map(|f| f.bounds(basis("compare-basis-figure"))),
        other: value(other),
        other_bounds: other.map(|f| f.bounds(basis("compare-basis-figure"))),
        difference: None,
        difference_bounds: None,
        change_percent: None,
        change_percent_bounds: None,
    };
    if let (Some(b), Some(o)) = (base, other) {
        let exact = b.exact && o.exact;
        let estimate = b.estimate || o.estimate;
        let diff = Figure { interval: o.interval.minus(b.interval), exact, estimate };
        d.difference = value(Some(diff));
        d.difference_bounds = Some(diff.bounds(basis("compare-basis-difference")));
        if let Some(change) = change(b.interval, o.interval) {
            let change = Figure { interval: change, exact, estimate };
            if exact {
                // Exact figures: the change to two places, rounded half away from zero.
                d.change_percent = b
                    .interval
                    .value()
                    .zip(o.interval.value())
                    .map(|(b, o)| Percent::from_decimal(((o - b) * Decimal::ONE_HUNDRED / b).round_dp(2)));
            }
            d.change_percent_bounds = Some(change.bounds(basis("compare-basis-change")));
        }
    }
    d
}

/// Whether a difference is above zero (true), below (false), or not known to be either.
fn direction(interval: Interval) -> Option<std::cmp::Ordering> {
    match (interval.at_least, interval.at_most) {
        (Some(low), _) if low > Decimal::ZERO => Some(std::cmp::Ordering::Greater),
        (_, Some(high)) if high < Decimal::ZERO => Some(std::cmp::Ordering::Less),
        (Some(low), Some(high)) if low == high => Some(std::cmp::Ordering::Equal),
        _ => None,
    }
}

/// The two programmes compared, measure by measure.
pub fn compare(base: Side<'_>, other: Side<'_>, reference: &Reference) -> Result<Comparison, SumError> {
    let [b, o]: [Totals; 2] = [&base, &other].map(|s| reconcile(s.id, s.reported, s.sums, reference));
    let mut measures = Vec::new();
    let mut notes = Vec::new();
    let named = |id: &'static str| {
        Label(Names {
            vi: Message::new(id).render(crate::i18n::Lang::Vi),
            en: Message::new(id).render(crate::i18n::Lang::En),
        })
    };
    let count = |d: Difference<i64>| Either::Count(d);
    let amount = |d: Difference<Money>| Either::Amount(d);
    let published = |x: Option<Figure>, y: Option<Figure>| x.is_some() || y.is_some();

    let (bs, os) = (Figure::of(b.schemes.reported_bounds.as_ref()), Figure::of(o.schemes.reported_bounds.as_ref()));
    measures.push(ComparedMeasure {
        measure: "schemes",
        key: None,
        name: named("compare-schemes"),
        reported: published(bs, os).then(|| count(difference(bs, os))),
        itemised: count(difference(Some(Figure::exact(b.schemes.itemised)), Some(Figure::exact(o.schemes.itemised)))),
    });
    let same_covers = b.cost.covers == o.cost.covers;
    let (bc, oc) = (Figure::of(b.cost.reported_bounds.as_ref()), Figure::of(o.cost.reported_bounds.as_ref()));
    let mut cost_reported = difference::<Money>(bc, oc);
    if !same_covers && bc.is_some() && oc.is_some() {
        // Totals of different sources: each figure shown, no difference between them.
        (cost_reported.difference, cost_reported.difference_bounds) = (None, None);
        (cost_reported.change_percent, cost_reported.change_percent_bounds) = (None, None);
        notes.push(Message::new("compare-covers-differ").word("base", base.id).word("other", other.id));
    }
    measures.push(ComparedMeasure {
        measure: "cost",
        key: None,
        name: named("compare-cost"),
        reported: published(bc, oc).then(|| amount(cost_reported)),
        itemised: amount(difference(Some(Figure::exact(b.cost.itemised)), Some(Figure::exact(o.cost.itemised)))),
    });
    for source in &reference.sources {
        let find = |t: &Totals| t.funding.iter().find(|f| f.source == source.key).cloned();
        let (Some(bf), Some(of)) = (find(&b), find(&o)) else { continue };
        let (bp, op) = (Figure::of(bf.reported_bounds.as_ref()), Figure::of(of.reported_bounds.as_ref()));
        if !published(bp, op) && bf.itemised.is_zero() && of.itemised.is_zero() {
            continue;
        }
        measures.push(ComparedMeasure {
            measure: "source",
            key: Some(source.key.clone()),
            name: Label(source.names.clone()),
            reported: published(bp, op).then(|| amount(difference(bp, op))),
            itemised: amount(difference(Some(Figure::exact(bf.itemised)), Some(Figure::exact(of.itemised)))),
        });
    }
    let (ba, oa) = (base.sums.groups(Grouping::Activity), other.sums.groups(Grouping::Activity));
    for activity in &reference.activities {
        let cost = |groups: &[super::sums::Group]| groups.iter().find(|g| g.key == activity.key).map(|g| g.cost);
        if cost(&ba).is_none() && cost(&oa).is_none() {
            continue;
        }
        let (x, y) = (cost(&ba).unwrap_or(Money::ZERO), cost(&oa).unwrap_or(Money::ZERO));
        measures.push(ComparedMeasure {
            measure: "activity",
            key: Some(activity.key.clone()),
            name: Label(activity.names.clone()),
            reported: None,
            itemised: amount(difference(Some(Figure::exact(x)), Some(Figure::exact(y)))),
        });
    }
    if base.kind == Kind::Plan && other.kind == Kind::Result {
        for m in measures.iter().filter(|m| m.measure != "activity") {
            notes.push(plan_against_result(m));
        }
    } else if base.kind != other.kind {
        notes.push(Message::new("compare-result-against-plan"));
    }
    let side = |s: &Side<'_>| Compared {
        programme_id: s.id.to_string(),
        names: s.names.clone(),
        period: period_key(s.period),
        kind: s.kind,
    };
    Ok(Comparison { base: side(&base), other: side(&other), currency: "VND", amount_unit: "million", measures, notes })
}

/// What a result did against its plan for one measure, in words: the published figures where
/// both publish one, else the records' sums.
fn plan_against_result(m: &ComparedMeasure) -> Message {
    let of = |e: &Either| match e {
        Either::Count(d) => (
            d.difference_bounds.as_ref().map(Bounds::interval),
            d.difference_bounds.as_ref().map(|b| b.words.clone()),
            d.change_percent,
        ),
        Either::Amount(d) => (
            d.difference_bounds.as_ref().map(Bounds::interval),
            d.difference_bounds.as_ref().map(|b| b.words.clone()),
            d.change_percent,
        ),
    };
    let (which, (interval, said, percent)) = match m.reported.as_ref().map(of) {
        Some(found @ (Some(_), _, _)) => ("compare-by-published", found),
        _ => ("compare-by-records", of(&m.itemised)),
    };
    let measure = Message::new("compare-measure")
        .arg("name", crate::i18n::Arg::Named { en: m.name.0.en.clone(), vi: m.name.0.vi.clone() });
    let id = match interval.and_then(direction) {
        Some(std::cmp::Ordering::Greater) => "compare-exceeded",
        Some(std::cmp::Ordering::Less) => "compare-fell-short",
        Some(std::cmp::Ordering::Equal) => "compare-met",
        None => "compare-undetermined",
    };
    let percent = percent.map(|p| Message::new("figure-percent").amount("value", p.0));
    let mut message = Message::new(id)
        .message("measure", measure)
        .message("difference", said.unwrap_or_else(|| Message::new("interval-open")))
        .message("basis", Message::new(which));
    if let Some(percent) = percent {
        message = message.then(Message::new("compare-change").message("percent", percent));
    }
    message
}
