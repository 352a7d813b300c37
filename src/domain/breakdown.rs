//! Breakdowns: the itemised schemes and cost split by activity, by scope or by funding source.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::document::{AMOUNT_UNIT, CURRENCY};
use super::money::Money;
use super::reference::{Names, Reference};
use super::sums::{GroupSums, LineSums, RolledUp, funded_total, roll_up};

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

/// Splits by activity or scope: `groups` and `lines` are grouped by that dimension's key.
/// Every member gets a row (zero where it has no records), so the rows sum exactly to the total.
pub fn by_group(
    programme_id: &str,
    by: Dimension,
    groups: &[GroupSums],
    lines: &[LineSums],
    reference: &Reference,
) -> Breakdown {
    let members: Vec<(&str, &Names)> = match by {
        Dimension::Activity => reference.activities.iter().map(|a| (a.key.as_str(), &a.names)).collect(),
        Dimension::Scope => reference.scopes.iter().map(|s| (s.key.as_str(), &s.names)).collect(),
        Dimension::Source => unreachable!("by_source handles the source dimension"),
    };
    let total =
        BreakdownTotal { schemes: groups.iter().map(|g| g.schemes).sum(), cost: groups.iter().map(|g| g.cost).sum() };
    let rows = members
        .into_iter()
        .map(|(key, names)| {
            let (schemes, cost) =
                groups.iter().filter(|g| g.key == key).fold((0, Money::ZERO), |(n, c), g| (n + g.schemes, c + g.cost));
            let own_lines = lines.iter().filter(|l| l.group == key);
            BreakdownRow {
                key: key.to_string(),
                parent: None,
                names: names.clone(),
                schemes,
                cost,
                share_percent: cost.percent_of(total.cost),
                own: None,
                funding: Some(funding_shares(roll_up(own_lines.clone(), reference))),
                unattributed: Some(cost - funded_total(own_lines)),
            }
        })
        .collect();
    header(programme_id, by, rows, total, Vec::new())
}

/// What SQL gives for a split by source.
#[derive(Clone, Debug, Default)]
pub struct SourceCounts {
    /// Per source: the schemes of records with any line under it (self or below).
    pub schemes_under: Vec<(String, i64)>,
    /// The schemes of records whose lines do not cover their whole cost.
    pub schemes_unattributed: i64,
}

pub const UNATTRIBUTED: &str = "unattributed";

/// Splits the itemised cost by funding source: one row per source (rolled up over its subtree,
/// with `own` for lines naming it exactly) and an `unattributed` row. The top-level rows plus
/// `unattributed` sum exactly to the itemised cost.
pub fn by_source(
    programme_id: &str,
    total: BreakdownTotal,
    lines: &[LineSums],
    counts: &SourceCounts,
    reference: &Reference,
) -> Breakdown {
    let unattributed = total.cost - funded_total(lines);
    let mut rows: Vec<BreakdownRow> = roll_up(lines, reference)
        .into_iter()
        .map(|rolled| BreakdownRow {
            names: reference.source(&rolled.source).map(|s| s.names.clone()).expect("reference source"),
            schemes: counts.schemes_under.iter().find(|(k, _)| *k == rolled.source).map_or(0, |(_, n)| *n),
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
        schemes: counts.schemes_unattributed,
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

    fn group(key: &str, schemes: i64, cost: &str) -> GroupSums {
        GroupSums { key: key.into(), schemes, cost: m(cost) }
    }

    #[test]
    fn activity_rows_cover_every_activity_and_sum_to_the_total() {
        let groups = [group("vocational_training", 3, "735.50"), group("unspecified", 12, "6349.00")];
        let lines = [line("unspecified", "state_budget", "3810.70"), line("unspecified", "contributions", "2538.30")];
        let b = by_group("p", Dimension::Activity, &groups, &lines, &reference());
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
        let lines =
            [line("", "state_budget", "30.00"), line("", "local_budget", "10.00"), line("", "contributions", "40.00")];
        let counts = SourceCounts {
            schemes_under: vec![("state_budget".into(), 5), ("local_budget".into(), 2), ("contributions".into(), 4)],
            schemes_unattributed: 3,
        };
        let b = by_source("p", BreakdownTotal { schemes: 9, cost: m("95.50") }, &lines, &counts, &reference());
        let rows: Vec<_> =
            b.rows.iter().map(|r| (r.key.as_str(), r.parent.as_deref(), r.schemes, r.cost, r.own.unwrap())).collect();
        assert_eq!(
            rows,
            [
                ("state_budget", None, 5, m("40.00"), m("30.00")),
                ("central_budget", Some("state_budget"), 0, Money::ZERO, Money::ZERO),
                ("local_budget", Some("state_budget"), 2, m("10.00"), m("10.00")),
                ("contributions", None, 4, m("40.00"), m("40.00")),
                ("unattributed", None, 3, m("15.50"), m("15.50")),
            ]
        );
        let top: Money = b.rows.iter().filter(|r| r.parent.is_none()).map(|r| r.cost).sum();
        assert_eq!(top, b.total.cost);
    }
}
