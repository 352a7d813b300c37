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
    pub reported: Option<MeasureDifference>,
    /// The records' sums (funding rolled up the source tree).
    pub itemised: MeasureDifference,
}

/// A difference of counts (`schemes`) or of amounts (the others).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(untagged)]
pub enum MeasureDifference {
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

/// A figure of one side: its exact value (where it has one), the published bounds (for a
/// published figure; none for a sum of records, which is exact), and the interval it stands for.
#[derive(Clone, Debug)]
struct Given<V> {
    value: Option<V>,
    bounds: Option<Bounds<V>>,
    interval: Interval,
    estimate: bool,
}

impl<V: Measure> Given<V> {
    /// A sum of the records: exact.
    fn records(value: V) -> Given<V> {
        Given { value: Some(value), bounds: None, interval: Interval::exact(value.decimal()), estimate: false }
    }

    /// A published figure as `/totals` gives it (an exact "ước 4" is exact, and an estimate).
    fn published(bounds: Option<&Bounds<V>>) -> Option<Given<V>> {
        bounds.map(|b| Given {
            value: b.at_least.filter(|_| b.qualifier.is_exact() && b.at_least == b.at_most),
            bounds: Some(b.clone()),
            interval: b.interval(),
            estimate: b.estimate,
        })
    }
}

/// The bounds of a difference or a change made from figures that are not all exact.
fn bounds_of<V: Measure>(interval: Interval, exact: bool, estimate: bool, basis: &'static str) -> Bounds<V> {
    let qualifier = if exact { Qualifier::Exact } else { shape(interval) };
    Bounds::of(interval, qualifier, estimate, Message::new(basis), words::<V>(interval))
}

/// `other / base × 100 − 100`, two places rounded outward, over every value the two may have
/// (neither below zero); None where the base may be zero.
fn change(base: Interval, other: Interval) -> Option<Interval> {
    let share = other.percent_of(base, 2)?;
    let less_a_hundred = |p: Option<Decimal>| p.map(|p| p - Decimal::ONE_HUNDRED);
    Some(Interval { at_least: less_a_hundred(share.at_least), at_most: less_a_hundred(share.at_most) })
}

fn difference<V: Measure>(base: Option<Given<V>>, other: Option<Given<V>>) -> Difference<V> {
    let mut d = Difference {
        base: base.as_ref().and_then(|b| b.value),
        base_bounds: base.as_ref().and_then(|b| b.bounds.clone()),
        other: other.as_ref().and_then(|o| o.value),
        other_bounds: other.as_ref().and_then(|o| o.bounds.clone()),
        difference: None,
        difference_bounds: None,
        change_percent: None,
        change_percent_bounds: None,
    };
    let (Some(b), Some(o)) = (base, other) else { return d };
    let exact = b.value.is_some() && o.value.is_some();
    let estimate = b.estimate || o.estimate;
    // Bounds beside published figures only: the records' sums are exact.
    let published = b.bounds.is_some() || o.bounds.is_some();
    let diff = o.interval.minus(b.interval);
    if exact {
        d.difference = diff.value().map(V::from_decimal);
    }
    if published {
        d.difference_bounds = Some(bounds_of(diff, exact, estimate, "compare-basis-difference"));
    }
    match (exact, b.interval.value(), o.interval.value()) {
        (true, Some(bv), Some(ov)) if !bv.is_zero() => {
            let percent = ((ov - bv) * Decimal::ONE_HUNDRED / bv)
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            d.change_percent = Some(Percent::from_decimal(percent));
            if published {
                d.change_percent_bounds =
                    Some(bounds_of(Interval::exact(percent), true, estimate, "compare-basis-change"));
            }
        }
        (true, _, _) => {}
        _ => {
            d.change_percent_bounds =
                change(b.interval, o.interval).map(|c| bounds_of(c, false, estimate, "compare-basis-change"));
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
    let named = |id: &'static str| Label::Message(Message::new(id));
    let count = |d: Difference<i64>| MeasureDifference::Count(d);
    let amount = |d: Difference<Money>| MeasureDifference::Amount(d);

    let (bs, os) =
        (Given::published(b.schemes.reported_bounds.as_ref()), Given::published(o.schemes.reported_bounds.as_ref()));
    measures.push(ComparedMeasure {
        measure: "schemes",
        key: None,
        name: named("compare-schemes"),
        reported: (bs.is_some() || os.is_some()).then(|| count(difference(bs, os))),
        itemised: count(difference(Some(Given::records(b.schemes.itemised)), Some(Given::records(o.schemes.itemised)))),
    });
    let same_covers = b.cost.covers == o.cost.covers;
    let (bc, oc) =
        (Given::published(b.cost.reported_bounds.as_ref()), Given::published(o.cost.reported_bounds.as_ref()));
    let cost_published = bc.is_some() || oc.is_some();
    let both = bc.is_some() && oc.is_some();
    let mut cost_reported = difference::<Money>(bc, oc);
    if !same_covers && both {
        // Totals of different sources: each figure shown, no difference between them.
        (cost_reported.difference, cost_reported.difference_bounds) = (None, None);
        (cost_reported.change_percent, cost_reported.change_percent_bounds) = (None, None);
        notes.push(Message::new("compare-covers-differ").word("base", base.id).word("other", other.id));
    }
    measures.push(ComparedMeasure {
        measure: "cost",
        key: None,
        name: named("compare-cost"),
        reported: cost_published.then(|| amount(cost_reported)),
        itemised: amount(difference(Some(Given::records(b.cost.itemised)), Some(Given::records(o.cost.itemised)))),
    });
    for source in &reference.sources {
        let find = |t: &Totals| t.funding.iter().find(|f| f.source == source.key).cloned();
        let (Some(bf), Some(of)) = (find(&b), find(&o)) else { continue };
        let (bp, op) = (Given::published(bf.reported_bounds.as_ref()), Given::published(of.reported_bounds.as_ref()));
        let published = bp.is_some() || op.is_some();
        if !published && bf.itemised.is_zero() && of.itemised.is_zero() {
            continue;
        }
        measures.push(ComparedMeasure {
            measure: "source",
            key: Some(source.key.clone()),
            name: Label::Names(source.names.clone()),
            reported: published.then(|| amount(difference(bp, op))),
            itemised: amount(difference(Some(Given::records(bf.itemised)), Some(Given::records(of.itemised)))),
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
            name: Label::Names(activity.names.clone()),
            reported: None,
            itemised: amount(difference(Some(Given::records(x)), Some(Given::records(y)))),
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

/// What a difference says: whether it is above zero, below, or unsettled; its size in words
/// (below zero, how far below: "fell short by 2.50 to 97.50"); the change in percent.
fn outcome<V: Measure>(d: &Difference<V>) -> Option<(Option<std::cmp::Ordering>, Message, Option<Percent>)> {
    let interval = match (&d.difference_bounds, d.difference) {
        (Some(b), _) => b.interval(),
        (None, Some(v)) => Interval::exact(v.decimal()),
        _ => return None,
    };
    let direction = direction(interval);
    let size = match direction {
        Some(std::cmp::Ordering::Less) => {
            Interval { at_least: interval.at_most.map(|x| -x), at_most: interval.at_least.map(|x| -x) }
        }
        _ => interval,
    };
    Some((direction, words::<V>(size), d.change_percent))
}

/// What a result did against its plan for one measure, in words: the published figures where
/// both publish one, else the records' sums.
fn plan_against_result(m: &ComparedMeasure) -> Message {
    let of = |e: &MeasureDifference| match e {
        MeasureDifference::Count(d) => outcome(d),
        MeasureDifference::Amount(d) => outcome(d),
    };
    let (which, found) = match m.reported.as_ref().and_then(of) {
        Some(found) => ("compare-by-published", found),
        None => ("compare-by-records", of(&m.itemised).expect("the records' sums are exact on both sides")),
    };
    let (direction, said, percent) = found;
    let measure = Message::new("compare-measure").arg("name", m.name.arg());
    let id = match direction {
        Some(std::cmp::Ordering::Greater) => "compare-exceeded",
        Some(std::cmp::Ordering::Less) => "compare-fell-short",
        Some(std::cmp::Ordering::Equal) => "compare-met",
        None => "compare-undetermined",
    };
    let mut message =
        Message::new(id).message("measure", measure).message("difference", said).message("basis", Message::new(which));
    if let Some(percent) = percent.filter(|_| id != "compare-met") {
        message = message.then(
            Message::new("compare-change")
                .message("percent", Message::new("figure-percent").amount("value", percent.0)),
        );
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> Money {
        Money::parse(text).unwrap()
    }

    fn published(at_least: &str, at_most: &str, qualifier: Qualifier, estimate: bool) -> Bounds<Money> {
        let interval = Interval { at_least: Some(m(at_least).decimal()), at_most: Some(m(at_most).decimal()) };
        Bounds::of(interval, qualifier, estimate, Message::new("compare-basis-figure"), words::<Money>(interval))
    }

    #[test]
    fn an_exact_change_is_one_number_and_a_zero_base_has_none() {
        let d = difference(Some(Given::records(3i64)), Some(Given::records(4i64)));
        assert_eq!(
            (d.difference, d.change_percent, d.change_percent_bounds),
            (Some(1), Some(Percent::from_decimal(Decimal::new(3333, 2))), None)
        );
        let zero = difference(Some(Given::records(Money::ZERO)), Some(Given::records(m("100.00"))));
        assert_eq!((zero.difference, zero.change_percent, zero.change_percent_bounds), (Some(m("100.00")), None, None));
    }

    #[test]
    fn an_approximate_figure_gives_bounds_rounded_outward_and_no_single_number() {
        // 1,000.00 exact against "about 950.00" (902.50 to 997.50): −97.50 to −2.50; −9.75 % to −0.25 %.
        let plan = published("1000.00", "1000.00", Qualifier::Exact, false);
        let result = published("902.50", "997.50", Qualifier::About, true);
        let d = difference(Given::published(Some(&plan)), Given::published(Some(&result)));
        assert_eq!((d.base, d.other, d.difference, d.change_percent), (Some(m("1000.00")), None, None, None));
        let diff = d.difference_bounds.unwrap();
        assert_eq!(
            (diff.at_least, diff.at_most, diff.qualifier, diff.estimate),
            (Some(m("-97.50")), Some(m("-2.50")), Qualifier::Range, true)
        );
        let change = d.change_percent_bounds.unwrap();
        assert_eq!(
            (change.at_least, change.at_most),
            (Some(Percent::from_decimal(Decimal::new(-975, 2))), Some(Percent::from_decimal(Decimal::new(-25, 2))))
        );
        // A base that may be zero ("under 10") gives no change at all.
        let under = Bounds { at_least: None, ..published("0.00", "10.00", Qualifier::AtMost, false) };
        assert!(
            difference(Given::published(Some(&under)), Given::published(Some(&result))).change_percent_bounds.is_none()
        );
    }
}
