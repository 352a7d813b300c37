//! Breakdowns: the itemised schemes and cost split by activity, by scope or by funding source.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::document::{AMOUNT_UNIT, CURRENCY};
use super::money::Money;
use super::reference::{Names, Reference};
use super::sums::{Group, Grouping, ProgrammeSums, RolledUp};

/// The dimension a breakdown splits by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Activity,
    Scope,
    Source,
}

impl Dimension {
    pub const ALL: [&'static str; 3] = ["activity", "scope", "source"];
}

/// `GET /programmes/{id}/breakdown?by=…`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Breakdown {
    #[schema(example = "2016-2020")]
    pub programme_id: String,
    pub by: Dimension,
    #[schema(example = "VND")]
    pub currency: &'static str,
    #[schema(example = "million")]
    pub amount_unit: &'static str,
    /// One row per member of the dimension, in its reference order.
    pub rows: Vec<BreakdownRow>,
    /// The itemised schemes and cost: the rows sum to it for `activity` and `scope`.
    pub total: BreakdownTotal,
    /// How to read the rows (for `source`: rows overlap and their `schemes` do not sum).
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BreakdownRow {
    #[schema(example = "vocational_training")]
    pub key: String,
    /// For `by=source`, the source this one is part of.
    pub parent: Option<String>,
    pub names: Names,
    /// Number of schemes (the sum of `scheme_count`). For `by=source`: the schemes with any
    /// funding line under this source.
    #[schema(example = 3)]
    pub schemes: i64,
    /// Cost in million VND. For `by=source`: the funding lines under this source, rolled up.
    #[schema(value_type = String, example = "735.50")]
    pub cost: Money,
    /// `cost` as a percentage of the total itemised cost, rounded half-even to two places; null
    /// when that total is zero.
    #[schema(value_type = Option<String>, example = "1.79")]
    pub share_percent: Option<Decimal>,
    /// `by=source` only: the lines that name exactly this source.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, example = "9570.70")]
    pub own: Option<Money>,
    /// `by=activity` and `by=scope`: who paid for this row's cost, rolled up the source tree;
    /// only sources with at least one funding line appear.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funding: Option<Vec<FundingShare>>,
    /// `by=activity` and `by=scope`: the part of `cost` no funding line covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, example = "735.50")]
    pub unattributed: Option<Money>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FundingShare {
    #[schema(example = "state_budget")]
    pub source: String,
    pub parent: Option<String>,
    #[schema(value_type = String, example = "5760.00")]
    pub amount: Money,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BreakdownTotal {
    #[schema(example = 64)]
    pub schemes: i64,
    #[schema(value_type = String, example = "41096.53")]
    pub cost: Money,
}

fn funding_shares(rolled: Vec<RolledUp>) -> Vec<FundingShare> {
    rolled
        .into_iter()
        .filter(|r| r.has_lines)
        .map(|r| FundingShare { source: r.source, parent: r.parent, amount: r.amount })
        .collect()
}

fn header(
    programme_id: &str,
    by: Dimension,
    rows: Vec<BreakdownRow>,
    total: BreakdownTotal,
    notes: Vec<String>,
) -> Breakdown {
    Breakdown {
        programme_id: programme_id.to_string(),
        by,
        currency: CURRENCY,
        amount_unit: AMOUNT_UNIT,
        rows,
        total,
        notes,
    }
}

impl Dimension {
    /// The grouping of records this dimension is, if it is one (funding sources are not).
    pub fn grouping(self) -> Option<Grouping> {
        match self {
            Dimension::Activity => Some(Grouping::Activity),
            Dimension::Scope => Some(Grouping::Scope),
            Dimension::Source => None,
        }
    }
}

/// A breakdown of the programme's sums by `by`.
pub fn breakdown(programme_id: &str, by: Dimension, sums: &ProgrammeSums, reference: &Reference) -> Breakdown {
    match by.grouping() {
        Some(grouping) => by_group(programme_id, grouping, sums, reference),
        None => by_source(programme_id, sums, reference),
    }
}

fn total_of(whole: &Group) -> BreakdownTotal {
    BreakdownTotal { schemes: whole.schemes, cost: whole.cost }
}

/// Splits by activity or scope. Every member gets a row (zero where it has no records), so the
/// rows sum exactly to the total.
fn by_group(programme_id: &str, by: Grouping, sums: &ProgrammeSums, reference: &Reference) -> Breakdown {
    let (dimension, members): (Dimension, Vec<(&str, &Names)>) = match by {
        Grouping::Activity => {
            (Dimension::Activity, reference.activities.iter().map(|a| (a.key.as_str(), &a.names)).collect())
        }
        Grouping::Scope => (Dimension::Scope, reference.scopes.iter().map(|s| (s.key.as_str(), &s.names)).collect()),
    };
    let total = total_of(&sums.whole());
    let groups = sums.groups(by);
    let rows = members
        .into_iter()
        .map(|(key, names)| {
            let empty = Group { key: key.to_string(), ..Group::default() };
            let group = groups.iter().find(|g| g.key == key).unwrap_or(&empty);
            BreakdownRow {
                key: key.to_string(),
                parent: None,
                names: names.clone(),
                schemes: group.schemes,
                cost: group.cost,
                share_percent: group.cost.percent_of(total.cost),
                own: None,
                funding: Some(funding_shares(group.roll_up(reference))),
                unattributed: Some(group.unattributed()),
            }
        })
        .collect();
    header(programme_id, dimension, rows, total, Vec::new())
}

pub const UNATTRIBUTED: &str = "unattributed";

/// Splits the itemised cost by funding source: one row per source (rolled up over its subtree,
/// with `own` for lines naming it exactly) and an `unattributed` row. The top-level rows plus
/// `unattributed` sum exactly to the itemised cost.
fn by_source(programme_id: &str, sums: &ProgrammeSums, reference: &Reference) -> Breakdown {
    let whole = sums.whole();
    let total = total_of(&whole);
    let unattributed = whole.unattributed();
    let mut rows: Vec<BreakdownRow> = whole
        .roll_up(reference)
        .into_iter()
        .map(|rolled| BreakdownRow {
            names: reference.source(&rolled.source).map(|s| s.names.clone()).expect("reference source"),
            schemes: rolled.schemes,
            share_percent: rolled.amount.percent_of(total.cost),
            own: Some(rolled.own),
            key: rolled.source,
            parent: rolled.parent,
            cost: rolled.amount,
            funding: None,
            unattributed: None,
        })
        .collect();
    rows.push(BreakdownRow {
        key: UNATTRIBUTED.to_string(),
        parent: None,
        names: Names {
            vi: "Chưa rõ nguồn kinh phí".to_string(),
            en: "Not attributed to any funding source".to_string(),
        },
        schemes: whole.unattributed_schemes,
        cost: unattributed,
        share_percent: unattributed.percent_of(total.cost),
        own: Some(unattributed),
        funding: None,
        unattributed: None,
    });
    let notes = vec![
        "Each row's cost is rolled up over the sources below it; the rows with no parent plus `unattributed` sum to the total cost.".to_string(),
        "A row's `schemes` counts the schemes with any funding line under that source: a scheme paid from several sources is counted in each, so `schemes` does not sum to the total.".to_string(),
    ];
    header(programme_id, Dimension::Source, rows, total, notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sums::fixtures::*;

    #[test]
    fn activity_rows_cover_every_activity_and_sum_to_the_total() {
        let sums = sums(vec![
            record("vocational_training", "unknown", 3, "735.50", &[]),
            record(
                "unspecified",
                "unknown",
                12,
                "6349.00",
                &[("state_budget", "3810.70"), ("contributions", "2538.30")],
            ),
        ]);
        let b = breakdown("p", Dimension::Activity, &sums, &reference());
        let rows: Vec<_> = b
            .rows
            .iter()
            .map(|r| (r.key.as_str(), r.schemes, r.cost.to_string(), r.share_percent.unwrap().to_string()))
            .collect();
        assert_eq!(
            rows,
            [
                ("vocational_training", 3, "735.50".to_string(), "10.38".to_string()),
                ("unspecified", 12, "6349.00".to_string(), "89.62".to_string()),
            ]
        );
        assert_eq!((b.total.schemes, b.total.cost), (15, m("7084.50")));
        let unspecified = &b.rows[1];
        let funding: Vec<_> =
            unspecified.funding.as_ref().unwrap().iter().map(|f| (f.source.as_str(), f.amount)).collect();
        assert_eq!(funding, [("state_budget", m("3810.70")), ("contributions", m("2538.30"))]);
        assert_eq!(unspecified.unattributed, Some(Money::ZERO));
        assert_eq!(b.rows[0].funding.as_ref().unwrap().len(), 0);
        assert_eq!(b.rows[0].unattributed, Some(m("735.50")));
    }

    #[test]
    fn source_rows_roll_up_and_the_top_level_plus_unattributed_is_the_total() {
        let sums = sums(vec![
            record("unspecified", "unknown", 5, "50.00", &[("state_budget", "30.00"), ("contributions", "20.00")]),
            record("unspecified", "unknown", 2, "30.00", &[("local_budget", "10.00"), ("contributions", "20.00")]),
            record("unspecified", "unknown", 2, "15.50", &[]),
        ]);
        let b = breakdown("p", Dimension::Source, &sums, &reference());
        let rows: Vec<_> =
            b.rows.iter().map(|r| (r.key.as_str(), r.parent.as_deref(), r.schemes, r.cost, r.own.unwrap())).collect();
        assert_eq!(
            rows,
            [
                ("state_budget", None, 7, m("40.00"), m("30.00")),
                ("central_budget", Some("state_budget"), 0, Money::ZERO, Money::ZERO),
                ("local_budget", Some("state_budget"), 2, m("10.00"), m("10.00")),
                ("contributions", None, 7, m("40.00"), m("40.00")),
                ("unattributed", None, 2, m("15.50"), m("15.50")),
            ]
        );
        let top: Money = b.rows.iter().filter(|r| r.parent.is_none()).map(|r| r.cost).sum();
        assert_eq!(top, b.total.cost);
    }
}
