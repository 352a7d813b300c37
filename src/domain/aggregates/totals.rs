//! Reconciliation: the programme's reported figures next to the sums of its scheme records.
//! A reported figure published as less than exact ("trên", "khoảng", a range) is read as the
//! interval it allows: its field and its gap are null, and `<field>_bounds` say what is known.

use serde::Serialize;
use utoipa::ToSchema;

use super::figures::{Bounds, Gap, Measure, Reading, estimated, read_source, shape, words};
use super::implied::{CountBound, ImpliedShare, implied, implied_schemes};
use super::interval::Interval;
use super::interval::Qualifier;
use super::sums::{Group, Grouping, ProgrammeSums};
use crate::domain::document::{AMOUNT_UNIT, CURRENCY, Kind, Reported, Status};
use crate::domain::money::Money;
use crate::domain::reference::{Names, Reference, UNKNOWN_SCOPE};
use crate::i18n::Message;

/// `GET /programmes/{id}/totals`: reported, itemised and gap for every measure.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Totals {
    #[schema(example = "2016-2020")]
    pub programme_id: String,
    /// Always `VND`.
    #[schema(example = "VND")]
    pub currency: &'static str,
    /// Every amount is a decimal string in this unit of `currency`: `million`.
    #[schema(example = "million")]
    pub amount_unit: &'static str,
    /// `result` or `plan`: what the figures are (a plan's are never added to a result's).
    pub kind: Kind,
    /// `final` or `estimate`.
    pub status: Status,
    pub schemes: SchemeTotals,
    pub cost: CostTotals,
    /// One entry per funding source, parents before their children.
    pub funding: Vec<FundingTotal>,
    /// Each non-zero gap, each figure published as less than exact, and each part of the
    /// funding the records leave unsplit, in words.
    #[schema(value_type = Vec<String>)]
    pub notes: Vec<Message>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SchemeTotals {
    /// Number of schemes the programme published; null where it published none, or not as one
    /// exact number (see `reported_bounds`).
    #[schema(example = 65)]
    pub reported: Option<i64>,
    /// The values the published number allows, with its qualifier; null where none is published.
    pub reported_bounds: Option<Bounds<i64>>,
    /// Sum of `scheme_count` over the scheme records.
    #[schema(example = 64)]
    pub itemised: i64,
    /// `reported - itemised`; null where `reported` is null.
    #[schema(example = 1)]
    pub gap: Option<i64>,
    /// The values the gap may have; null where nothing is published.
    pub gap_bounds: Option<Bounds<i64>>,
    /// The source's words for the reported figure.
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng")]
    pub quote: Option<String>,
    /// One entry per scope, `unknown` last.
    pub by_scope: Vec<ScopeTotal>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ScopeTotal {
    #[schema(schema_with = crate::domain::reference::scope_key_schema)]
    pub scope: String,
    pub names: Names,
    /// Null where none is published, or not as one exact number (see `reported_bounds`).
    #[schema(example = 46)]
    pub reported: Option<i64>,
    pub reported_bounds: Option<Bounds<i64>>,
    #[schema(example = 0)]
    pub itemised: i64,
    /// `reported - itemised`. Where records of no stated scope hold schemes (the article does
    /// not split its groups by scope), this is not a count of missing schemes: see
    /// `implied_schemes`.
    #[schema(example = 46)]
    pub gap: Option<i64>,
    pub gap_bounds: Option<Bounds<i64>>,
    #[schema(example = "46 đề án khuyến công địa phương")]
    pub quote: Option<String>,
    /// Where records of no stated scope hold schemes: how many of the recorded schemes the
    /// published figures imply are of this scope. Arithmetic, not a published figure; null
    /// where nothing is unsplit, or nothing exact is published for the scope.
    pub implied_schemes: Option<CountBound>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CostTotals {
    /// Total cost as published, in million VND; null where none is published, or not as one
    /// exact amount (see `reported_bounds`).
    #[schema(example = "41306.53")]
    pub reported: Option<Money>,
    /// The amounts the published total allows, with its qualifier; null where none is published.
    pub reported_bounds: Option<Bounds<Money>>,
    /// The top-level funding sources the published total includes: all of them unless the
    /// document says otherwise (a total of state support alone covers `state_budget`).
    #[schema(example = json!(["state_budget", "contributions"]))]
    pub covers: Vec<String>,
    /// Sum of the scheme records' costs.
    #[schema(example = "41096.53")]
    pub itemised: Money,
    /// What the published total is compared with: `itemised` where it covers every source;
    /// else the funding lines of the sources it covers (the cost no line attributes is then
    /// left out of the comparison, and a note says so).
    #[schema(example = "41096.53")]
    pub compared_with: Money,
    /// `reported - compared_with`; null where `reported` is null.
    #[schema(example = "210.00")]
    pub gap: Option<Money>,
    /// The values the gap may have; null where nothing is published.
    pub gap_bounds: Option<Bounds<Money>>,
    /// The part of the itemised cost that no funding line covers (who paid it is not stated).
    #[schema(example = "974.80")]
    pub unattributed: Money,
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng")]
    pub quote: Option<String>,
}

impl CostTotals {
    /// Whether the published total covers some sources only (not every top-level source).
    pub fn covers_some_only(&self, reference: &Reference) -> bool {
        self.covers.len() < reference.sources.iter().filter(|s| s.parent.is_none()).count()
    }

    /// Where the published total covers some sources only: what its figures are compared with,
    /// in words ("compared with the funding lines of state_budget"), for a row's label.
    pub fn compared_with_lines(&self, reference: &Reference) -> Option<Message> {
        self.covers_some_only(reference).then(|| {
            let sources = self.covers.iter().map(|key| reference.named(key)).collect();
            Message::new("row-cost-covers").list("sources", sources, false)
        })
    }
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FundingTotal {
    #[schema(schema_with = crate::domain::reference::source_key_schema)]
    pub source: String,
    #[schema(example = "state_budget")]
    pub parent: Option<String>,
    pub names: Names,
    /// As published; null where none is, or not as one exact amount (see `reported_bounds`),
    /// and for a remainder.
    #[schema(example = "12578.48")]
    pub reported: Option<Money>,
    pub reported_bounds: Option<Bounds<Money>>,
    /// Funding lines naming this source or any source below it.
    #[schema(example = "11393.70")]
    pub itemised: Money,
    #[schema(example = "1184.78")]
    pub gap: Option<Money>,
    pub gap_bounds: Option<Bounds<Money>>,
    /// Of `itemised`, the lines that name exactly this source and not a source below it.
    #[schema(example = "9570.70")]
    pub own: Money,
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng")]
    pub quote: Option<String>,
    /// True where the source names this source as paying the rest ("phần còn lại"), with no
    /// figure.
    pub remainder: bool,
    /// For a remainder: what the other reported figures imply it is (the figure above it less
    /// the other reported sources at its level). Computed, never published; null where they do
    /// not fix it.
    pub remainder_implied: Option<Bounds<Money>>,
    /// Where the parent's lines leave money unsplit: the part of it this source's reported
    /// figure implies is its own, as bounds. Arithmetic, not a figure the source states; null
    /// where nothing is unsplit above this source or the figures imply no bounds.
    pub implied: Option<ImpliedShare>,
}

/// A figure's exact value, its bounds, its gap against `itemised` and the gap's bounds.
type Reconciled<V> = (Option<V>, Option<Bounds<V>>, Option<V>, Option<Bounds<V>>, Option<Gap<V>>);

fn reconciled<V: Measure>(reading: Option<&Reading<V>>, itemised: V) -> Reconciled<V> {
    let Some(reading) = reading else { return (None, None, None, None, None) };
    let gap = reading.gap(itemised);
    (reading.exact(), Some(reading.bounds()), gap.exact, Some(gap.bounds.clone()), Some(gap))
}

/// Reconciles the reported figures with the records' sums.
pub fn reconcile(
    programme_id: &str,
    reported: &Reported<Money>,
    sums: &ProgrammeSums,
    reference: &Reference,
) -> Totals {
    let mut notes = Vec::new();
    let tolerance = reported.tolerance_percent();
    let whole = sums.whole();
    let by_scope = sums.groups(Grouping::Scope);
    let (itemised_schemes, itemised_cost) = (whole.schemes, whole.cost);

    let schemes = reported.schemes.as_ref().and_then(|r| Reading::of(r.precision(), tolerance));
    let (reported_schemes, schemes_bounds, schemes_gap, schemes_gap_bounds, gap) =
        reconciled(schemes.as_ref(), itemised_schemes);
    if let (Some(reading), Some(gap)) = (&schemes, gap.filter(Gap::is_some_gap)) {
        let plain = reading.exact().filter(|_| !reading.precision.estimate);
        notes.push(match (plain, gap.exact) {
            (Some(r), Some(g)) => Message::new("totals-schemes-gap")
                .count("reported", r)
                .count("itemised", itemised_schemes)
                .count("gap", g),
            _ => Message::new("totals-schemes-gap-bounds")
                .message("reported", reading.said())
                .count("itemised", itemised_schemes)
                .message("gap", gap.said())
                .then(gap.holds()),
        });
    }
    let itemised_in = |key: &str| by_scope.iter().filter(|g| g.key == key).map(|g| g.schemes).sum::<i64>();
    let unsplit = itemised_in(UNKNOWN_SCOPE);
    let scope_totals = reference
        .scopes
        .iter()
        .map(|scope| {
            let itemised = itemised_in(&scope.key);
            let entry = reported.schemes_by_scope.iter().find(|r| r.scope == scope.key);
            let reading = entry.and_then(|r| Reading::of(r.precision(), tolerance));
            let (exact, bounds, exact_gap, gap_bounds, gap) = reconciled(reading.as_ref(), itemised);
            let implied = implied_schemes(
                reference.named(&scope.key),
                exact,
                itemised,
                unsplit,
                (reported_schemes, itemised_schemes),
            );
            if let (Some(reading), Some(gap)) = (&reading, gap.filter(Gap::is_some_gap)) {
                let plain = exact.filter(|_| !reading.precision.estimate);
                notes.push(match (&implied, plain, exact_gap) {
                    (Some(bound), Some(r), _) => Message::new("totals-scope-unsplit")
                        .count("reported", r)
                        .arg("scope", reference.named(&scope.key))
                        .count("unsplit", unsplit)
                        .count("least", bound.at_least.unwrap_or_default())
                        .count("most", bound.at_most.unwrap_or_default())
                        .count("recorded", itemised_schemes),
                    (None, Some(r), Some(g)) => Message::new("totals-scope-gap")
                        .count("reported", r)
                        .arg("scope", reference.named(&scope.key))
                        .count("itemised", itemised)
                        .count("gap", g),
                    _ => Message::new("totals-scope-gap-bounds")
                        .message("reported", reading.said())
                        .arg("scope", reference.named(&scope.key))
                        .count("itemised", itemised)
                        .message("gap", gap.said())
                        .then(gap.holds()),
                });
            }
            ScopeTotal {
                scope: scope.key.clone(),
                names: scope.names.clone(),
                reported: exact,
                reported_bounds: bounds,
                itemised,
                gap: exact_gap,
                gap_bounds,
                quote: entry.and_then(|r| r.quote.clone()),
                implied_schemes: implied,
            }
        })
        .collect();

    // Like with like: a total of some sources only is compared with their lines.
    let top: Vec<&str> = reference.sources.iter().filter(|s| s.parent.is_none()).map(|s| s.key.as_str()).collect();
    let covers: Vec<String> = match reported.cost.as_ref().and_then(|c| c.covers.as_ref()) {
        Some(covers) => covers.clone(),
        None => top.iter().map(|key| key.to_string()).collect(),
    };
    let unattributed = whole.unattributed();
    let rolled = whole.roll_up(reference);
    let compared_with = match covers.len() < top.len() {
        true => rolled.iter().filter(|r| covers.contains(&r.source)).map(|r| r.amount).sum(),
        false => itemised_cost,
    };
    let cost = reported.cost.as_ref().and_then(|c| Reading::of(c.precision(), tolerance));
    let (reported_cost, cost_bounds, cost_gap, cost_gap_bounds, gap) = reconciled(cost.as_ref(), compared_with);
    if let Some(reading) = &cost
        && covers.len() < top.len()
    {
        let names = covers.iter().map(|key| reference.named(key)).collect();
        notes.push(
            Message::new("totals-cost-covers")
                .message("reported", reading.said())
                .list("sources", names, false)
                .amount("lines", compared_with)
                .amount("itemised", itemised_cost)
                .amount("unattributed", unattributed),
        );
    }
    if let (Some(reading), Some(gap)) = (&cost, gap.filter(Gap::is_some_gap)) {
        let message = match gap.exact {
            Some(_) => Message::new("totals-cost-gap"),
            None => Message::new("totals-cost-gap-bounds"),
        };
        notes.push(
            message
                .message("reported", reading.said())
                .amount("itemised", compared_with)
                .message("gap", gap.said())
                .then(gap.holds()),
        );
    }
    if !unattributed.is_zero() {
        notes.push(Message::new("totals-unattributed").amount("amount", unattributed));
    }

    let funding = funding_totals(reported, &whole, reference, &mut notes);

    Totals {
        programme_id: programme_id.to_string(),
        currency: CURRENCY,
        amount_unit: AMOUNT_UNIT,
        kind: Kind::default(),
        status: Status::default(),
        schemes: SchemeTotals {
            reported: reported_schemes,
            reported_bounds: schemes_bounds,
            itemised: itemised_schemes,
            gap: schemes_gap,
            gap_bounds: schemes_gap_bounds,
            quote: reported.schemes.as_ref().and_then(|r| r.quote.clone()),
            by_scope: scope_totals,
        },
        cost: CostTotals {
            reported: reported_cost,
            reported_bounds: cost_bounds,
            covers,
            itemised: itemised_cost,
            compared_with,
            gap: cost_gap,
            gap_bounds: cost_gap_bounds,
            unattributed,
            quote: reported.cost.as_ref().and_then(|c| c.quote.clone()),
        },
        funding,
        notes,
    }
}

/// What the other reported figures imply a remainder is: the figure above it (the cost, for a
/// top-level source, where it covers the source; else its parent's) less the other reported
/// sources at its level, never below nothing. None where a figure it needs is not published;
/// `Err` with the arithmetic's interval where the figures leave nothing for it (they cannot all
/// hold).
fn remainder_implied(
    reported: &Reported<Money>,
    source: &str,
    reference: &Reference,
) -> Option<Result<Bounds<Money>, Interval>> {
    let tolerance = reported.tolerance_percent();
    let parent = reference.source(source)?.parent.clone();
    let base = match &parent {
        None => {
            let cost = reported.cost.as_ref()?;
            if cost.covers.as_ref().is_some_and(|covers| !covers.iter().any(|c| c == source)) {
                return None;
            }
            Reading::of(cost.precision(), tolerance)?
        }
        Some(parent) => read_source(reported, reported.funding.iter().find(|f| &f.source == parent)?)?,
    };
    let covered = |key: &str| {
        parent.is_some()
            || reported.cost.as_ref().and_then(|c| c.covers.as_ref()).is_none_or(|c| c.iter().any(|k| k == key))
    };
    let (mut others, mut estimate) = (Interval::exact(rust_decimal::Decimal::ZERO), base.precision.estimate);
    let mut items = Vec::new();
    for sibling in reference.sources.iter().filter(|s| s.parent == parent && s.key != source && covered(&s.key)) {
        let entry = reported.funding.iter().find(|f| f.source == sibling.key)?;
        let reading = read_source(reported, entry)?;
        others = others.plus(reading.interval);
        estimate |= reading.precision.estimate;
        items.push(
            Message::new("source-amount")
                .arg("source", reference.named(&sibling.key))
                .message("amount", reading.said())
                .into(),
        );
    }
    let rest = base.less(others, Message::new("remainder-basis").list("others", items, false));
    let zero = rust_decimal::Decimal::ZERO;
    if rest.interval.at_most.is_some_and(|most| most < zero) {
        return Some(Err(rest.interval));
    }
    // The rest cannot be below nothing: an open or negative lower end is zero.
    let interval =
        Interval { at_least: Some(rest.interval.at_least.map_or(zero, |low| low.max(zero))), ..rest.interval };
    let mut bounds = rest.bounds;
    bounds.at_least = interval.at_least.map(Money::from_decimal);
    // One value only where every figure it comes from is exact.
    let all_exact = base.precision.qualifier.is_exact() && rest.exact.is_some();
    bounds.qualifier = if all_exact && interval.value().is_some() { Qualifier::Exact } else { shape(interval) };
    bounds.estimate = estimate;
    bounds.words = estimated(words::<Money>(interval), estimate);
    Some(Ok(bounds))
}

/// Each funding source's reported, itemised (rolled up) and gap, with the bounds the reported
/// figures imply for unsplit money; the notes that say each gap and each unsplit part in words
/// are added to `notes`. Shared by `/totals` and `breakdown?by=source`.
pub fn funding_totals(
    reported: &Reported<Money>,
    whole: &Group,
    reference: &Reference,
    notes: &mut Vec<Message>,
) -> Vec<FundingTotal> {
    let rolled = whole.roll_up(reference);
    let implied = implied(reported, &rolled, reference);
    let unattributed = whole.unattributed();
    // The unsplit money above each source: the lines of an ancestor that name no child.
    let unsplit_above = |key: &str| {
        reference
            .source_and_ancestors(key)
            .skip(1)
            .find_map(|a| rolled.iter().find(|r| r.source == a && !r.own.is_zero()).map(|r| (a.to_string(), r.own)))
    };
    let unsplit: Vec<Option<(String, Money)>> = rolled.iter().map(|r| unsplit_above(&r.source)).collect();
    let totals = rolled
        .into_iter()
        .zip(unsplit)
        .map(|(rolled, unsplit_above)| {
            let source = reference.source(&rolled.source).expect("roll_up yields reference sources");
            let published = reported.funding.iter().find(|f| f.source == rolled.source);
            let reading = published.and_then(|f| read_source(reported, f));
            let (exact, bounds, exact_gap, gap_bounds, gap) = reconciled(reading.as_ref(), rolled.amount);
            let name = reference.named(&rolled.source);
            if let (Some(reading), Some(gap)) = (&reading, gap.filter(Gap::is_some_gap)) {
                let positive = gap.interval.sign() == Some(true);
                let may_be_positive = gap.interval.at_most.is_none_or(|most| most > rust_decimal::Decimal::ZERO);
                let note = match (&unsplit_above, exact_gap) {
                    // Not money outside the records: the records do not say which level paid.
                    (Some((parent, own)), _) if may_be_positive => {
                        Message::new("funding-gap-unsplit").amount("own", *own).arg("parent", reference.named(parent))
                    }
                    (_, Some(g)) => Message::new("funding-gap").then(
                        (positive && !unattributed.is_zero())
                            .then(|| Message::new("gap-may-be-unattributed").amount("most", g.min(unattributed))),
                    ),
                    (_, None) => Message::new("funding-gap-bounds").then(gap.holds()),
                };
                notes.push(
                    note.arg("source", name.clone())
                        .message("reported", reading.said())
                        .amount("itemised", rolled.amount)
                        .message("gap", gap.said()),
                );
            }
            let remainder = published.is_some_and(|f| f.remainder);
            let rest = remainder.then(|| remainder_implied(reported, &rolled.source, reference)).flatten();
            if remainder {
                notes.push(
                    match &rest {
                        Some(Ok(b)) => Message::new("funding-remainder").message("implied", b.words.clone()),
                        Some(Err(rest)) => {
                            Message::new("funding-remainder-contradicted").message("rest", words::<Money>(*rest))
                        }
                        None => Message::new("funding-remainder-unfixed"),
                    }
                    .arg("source", name.clone()),
                );
            }
            let remainder_implied = rest.and_then(Result::ok);
            let has_children = reference.sources.iter().any(|s| s.parent.as_deref() == Some(&rolled.source));
            if has_children && !rolled.own.is_zero() {
                notes.push(Message::new("funding-unsplit").amount("own", rolled.own).arg("source", name.clone()));
            }
            let share = implied.share(&rolled.source).cloned();
            if let Some(share) = &share {
                notes.push(
                    Message::new("funding-implied")
                        .amount("unsplit", share.unsplit)
                        .arg("parent", reference.named(&share.parent))
                        .amount("least", share.at_least)
                        .amount("most", share.at_most)
                        .arg("source", name),
                );
            }
            FundingTotal {
                source: rolled.source,
                parent: rolled.parent,
                names: source.names.clone(),
                reported: exact,
                reported_bounds: bounds,
                itemised: rolled.amount,
                gap: exact_gap,
                gap_bounds,
                own: rolled.own,
                quote: published.and_then(|f| f.quote.clone()),
                remainder,
                remainder_implied,
                implied: share,
            }
        })
        .collect();
    notes.extend(implied.notes);
    totals
}

/// What a write accepts but reports: each way the document's reported figures and its records
/// do not agree (published figures do not always add up).
pub fn warnings(id: &str, reported: &Reported<Money>, sums: &ProgrammeSums, reference: &Reference) -> Vec<Message> {
    reconcile(id, reported, sums, reference).notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aggregates::sums::fixtures::*;
    use crate::domain::document::{ReportedAmount, ReportedCount, ReportedSource, ScopeCount};

    fn reported() -> Reported<Money> {
        let amount = |source: &str, a: &str| ReportedSource::exact(source, m(a), None);
        Reported {
            schemes: Some(ReportedCount::exact(10, Some("10 đề án".into()))),
            schemes_by_scope: vec![ScopeCount::exact("local", 7, None)],
            tasks: None,
            schemes_registered: None,
            cost: Some(ReportedAmount::exact(m("100.00"), None)),
            tolerance: None,
            funding: vec![
                amount("state_budget", "60.00"),
                amount("central_budget", "20.00"),
                amount("contributions", "40.00"),
            ],
        }
    }

    #[test]
    fn gaps_are_reported_minus_itemised_with_parent_lines_rolled_up() {
        // one record funded by the state budget without saying which part, one by the city,
        // one record with no funding line at all
        let sums = sums(vec![
            record(
                "vocational_training",
                "local",
                5,
                "50.00",
                &[("state_budget", "30.00"), ("contributions", "20.00")],
            ),
            record("unspecified", "unknown", 1, "30.00", &[("local_budget", "10.00"), ("contributions", "20.00")]),
            record("unspecified", "unknown", 3, "15.50", &[]),
        ]);
        let t = reconcile("p", &reported(), &sums, &reference());

        assert_eq!((t.schemes.reported, t.schemes.itemised, t.schemes.gap), (Some(10), 9, Some(1)));
        let scopes: Vec<_> =
            t.schemes.by_scope.iter().map(|s| (s.scope.as_str(), s.reported, s.itemised, s.gap)).collect();
        assert_eq!(scopes, [("local", Some(7), 5, Some(2)), ("national", None, 0, None), ("unknown", None, 4, None)]);
        assert_eq!((t.cost.reported, t.cost.itemised, t.cost.gap), (Some(m("100.00")), m("95.50"), Some(m("4.50"))));
        assert_eq!(t.cost.unattributed, m("15.50"));

        let funding: Vec<_> =
            t.funding.iter().map(|f| (f.source.as_str(), f.reported, f.itemised, f.gap, f.own)).collect();
        assert_eq!(
            funding,
            [
                ("state_budget", Some(m("60.00")), m("40.00"), Some(m("20.00")), m("30.00")),
                ("central_budget", Some(m("20.00")), Money::ZERO, Some(m("20.00")), Money::ZERO),
                ("local_budget", None, m("10.00"), None, m("10.00")),
                ("contributions", Some(m("40.00")), m("40.00"), Some(Money::ZERO), m("40.00")),
            ]
        );
        let notes = crate::i18n::Lang::En.say_all(&t.notes);
        assert!(notes.iter().any(|n| n.contains("gap of 4.50")), "{notes:?}");
        assert!(
            notes.iter().any(|n| n.starts_with("30.00 million VND of state_budget funding is not split")),
            "{notes:?}"
        );
        assert!(
            !notes.iter().any(|n| n.starts_with("Funding from contributions")),
            "a zero gap needs no note: {notes:?}"
        );
    }

    #[test]
    fn a_programme_with_no_reported_figures_has_null_gaps() {
        let sums = sums(vec![record("unspecified", "national", 2, "12.00", &[])]);
        let t = reconcile("p", &Reported::empty(), &sums, &reference());
        assert_eq!((t.schemes.reported, t.schemes.itemised, t.schemes.gap), (None, 2, None));
        assert_eq!((t.cost.reported, t.cost.gap, t.cost.unattributed), (None, None, m("12.00")));
        assert!(t.funding.iter().all(|f| f.reported.is_none() && f.gap.is_none() && f.itemised.is_zero()));
        assert!(t.schemes.by_scope.iter().all(|s| s.gap.is_none()));
    }

    #[test]
    fn a_programme_with_no_records_itemises_zero() {
        let t = reconcile("p", &reported(), &ProgrammeSums::default(), &reference());
        assert_eq!((t.schemes.itemised, t.schemes.gap), (0, Some(10)));
        assert_eq!((t.cost.itemised, t.cost.gap, t.cost.unattributed), (Money::ZERO, Some(m("100.00")), Money::ZERO));
    }
}
