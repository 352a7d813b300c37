//! Breakdowns: the itemised schemes and cost split by activity, by scope or by funding source.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::figures::{Bounds, Gap, Percent, Reading, read_source};
use super::implied::{CountBound, ImpliedShare};
use super::interval::Interval;
use super::sums::{Group, Grouping, ProgrammeSums, RolledUp};
use super::totals::{Totals, funding_totals, reconcile};
use crate::domain::document::Reported;
use crate::domain::document::{AMOUNT_UNIT, CURRENCY, Kind, Status};
use crate::domain::money::Money;
use crate::domain::reference::{Names, Reference, UNKNOWN_SCOPE, UNSPECIFIED_ACTIVITY};
use crate::i18n::{Arg, Message};

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

    /// Its key (`by=…`).
    pub fn key(self) -> &'static str {
        match self {
            Dimension::Activity => "activity",
            Dimension::Scope => "scope",
            Dimension::Source => "source",
        }
    }
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
    /// `result` or `plan`: what the figures are (a plan's are never added to a result's).
    pub kind: Kind,
    /// `final` or `estimate`.
    pub status: Status,
    /// One row per member of the dimension, in its reference order.
    pub rows: Vec<BreakdownRow>,
    /// The itemised schemes and cost: the rows sum to it for `activity` and `scope`.
    pub total: BreakdownTotal,
    /// What the rows cover against what the programme reports (as in `/totals`).
    pub reconciliation: Reconciliation,
    /// The figure each share is a percentage of.
    pub share_bases: ShareBases,
    /// How to read the rows, in words: what they cover and leave out, what a zero means, and
    /// (for `source`) that rows overlap and their `schemes` do not sum.
    #[schema(value_type = Vec<String>)]
    pub notes: Vec<Message>,
}

/// The schemes and cost the rows cover, next to the programme's reported figures.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Reconciliation {
    pub schemes: CountCoverage,
    pub cost: AmountCoverage,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CountCoverage {
    /// The number the programme reports; null where it reports none, or not as one exact number.
    #[schema(example = 65)]
    pub reported: Option<i64>,
    /// The values the published number allows (as in `/totals`).
    pub reported_bounds: Option<Bounds<i64>>,
    /// The number the rows cover: the sum of the records' `scheme_count`.
    #[schema(example = 64)]
    pub itemised: i64,
    /// `reported - itemised`: schemes in the reported total but in no record; null where
    /// nothing exact is reported.
    #[schema(example = 1)]
    pub gap: Option<i64>,
    pub gap_bounds: Option<Bounds<i64>>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AmountCoverage {
    /// In million VND; null where the programme reports none, or not as one exact amount.
    #[schema(example = "41306.53")]
    pub reported: Option<Money>,
    /// The amounts the published total allows (as in `/totals`).
    pub reported_bounds: Option<Bounds<Money>>,
    #[schema(example = "41096.53")]
    pub itemised: Money,
    /// `reported` less what it is compared with (`/totals`' `cost.compared_with`).
    #[schema(example = "210.00")]
    pub gap: Option<Money>,
    pub gap_bounds: Option<Bounds<Money>>,
}

/// What `share_percent` and `share_of_reported_percent` are percentages of.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ShareBases {
    /// The base of `share_percent`: the itemised cost.
    pub share_percent: ShareBase,
    /// The base of `share_of_reported_percent`: the reported total cost; null where the
    /// programme reports none, or not as one exact amount (the rows' `_bounds` then hold the
    /// shares).
    pub share_of_reported_percent: Option<ShareBase>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ShareBase {
    /// Which figure: `cost.itemised` or `cost.reported` (see `reconciliation`).
    #[schema(example = "cost.itemised")]
    pub measure: &'static str,
    #[schema(example = "41096.53")]
    pub amount: Money,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BreakdownRow {
    /// The member of the dimension: an activity, a scope or a funding source key (see
    /// `GET /activities`, `GET /funding-sources`), or `unattributed` for `by=source`. More keys
    /// may be added.
    #[schema(example = "vocational_training")]
    pub key: String,
    /// For `by=source`, the source this one is part of.
    #[schema(example = "state_budget")]
    pub parent: Option<String>,
    /// Our labels for the key.
    pub names: Names,
    /// Number of schemes (the sum of `scheme_count`). For `by=source`: the schemes with any
    /// funding line under this source.
    #[schema(example = 3)]
    pub schemes: i64,
    /// Cost in million VND. For `by=source`: the funding lines under this source, rolled up.
    #[schema(example = "735.50")]
    pub cost: Money,
    /// `cost` as a percentage of the itemised cost (`share_bases.share_percent`), rounded
    /// half-even to two places; null when that is zero.
    #[schema(value_type = Option<String>, format = "decimal", pattern = r"^-?[0-9]+\.[0-9]{2}$", example = "1.79")]
    pub share_percent: Option<Decimal>,
    /// `cost` as a percentage of the programme's reported total cost
    /// (`share_bases.share_of_reported_percent`), rounded half-even to two places; null where
    /// none is reported.
    #[schema(value_type = Option<String>, format = "decimal", pattern = r"^-?[0-9]+\.[0-9]{2}$", example = "1.78")]
    pub share_of_reported_percent: Option<Decimal>,
    /// The shares the published total cost allows, where it is published (exact or not).
    pub share_of_reported_percent_bounds: Option<Bounds<Percent>>,
    /// True when no record (for `source`: no funding line) falls in this row. Its zeros are
    /// then not known zeros: `notes` names what may hold its part.
    pub nothing_itemised: bool,
    /// `by=scope`: the schemes the programme reports for this scope; null where it reports none
    /// (and for the other dimensions).
    #[schema(example = 46)]
    pub reported_schemes: Option<i64>,
    /// `by=scope`: the values the published count allows, where one is published.
    pub reported_schemes_bounds: Option<Bounds<i64>>,
    /// `by=scope`: `reported_schemes - schemes`; null where nothing is reported. Where records
    /// of no stated scope hold schemes, not a count of missing schemes: see `implied_schemes`.
    #[schema(example = 46)]
    pub schemes_gap: Option<i64>,
    pub schemes_gap_bounds: Option<Bounds<i64>>,
    /// `by=scope`: where records of no stated scope hold schemes, how many of the recorded
    /// schemes the published figures imply are of this scope (as in `/totals`). Arithmetic,
    /// not a published figure.
    pub implied_schemes: Option<CountBound>,
    /// `by=source`: the funding the programme reports from this source, in million VND; null
    /// where it reports none (and for the other dimensions).
    #[schema(example = "7898.47")]
    pub reported_cost: Option<Money>,
    /// `by=source`: the amounts the published figure allows, where one is published.
    pub reported_cost_bounds: Option<Bounds<Money>>,
    /// `by=source`: `reported_cost - cost`; null where nothing exact is reported.
    #[schema(example = "7898.47")]
    pub cost_gap: Option<Money>,
    pub cost_gap_bounds: Option<Bounds<Money>>,
    /// `by=source`: `reported_cost` as a percentage of the programme's reported total cost,
    /// rounded half-even to two places: the share the published figures give this source.
    /// Null where either is not published.
    #[schema(value_type = Option<String>, format = "decimal", pattern = r"^-?[0-9]+\.[0-9]{2}$", example = "19.12")]
    pub reported_share_of_reported_percent: Option<Decimal>,
    pub reported_share_of_reported_percent_bounds: Option<Bounds<Percent>>,
    /// `by=source`: true where the source names this source as paying the rest ("phần còn
    /// lại"), with no figure (null for the other dimensions).
    pub remainder: Option<bool>,
    /// `by=source`: for a remainder, what the other published figures imply it is (as in
    /// `/totals`): computed, never published; null where they do not fix it.
    pub remainder_implied: Option<Bounds<Money>>,
    /// `by=source`: the bounds the reported figures imply for this source's part of its
    /// parent's unsplit money. Implied by arithmetic, not reported.
    pub implied: Option<ImpliedShare>,
    /// `by=source` only: the lines that name exactly this source.
    #[schema(example = "9570.70")]
    pub own: Option<Money>,
    /// `by=activity` and `by=scope`: who paid for this row's cost, rolled up the source tree
    /// (a parent's amount includes its children's), so summing the list counts a child's lines
    /// twice; sum the entries with a null `parent`. Only sources with at least one funding line
    /// appear.
    pub funding: Option<Vec<FundingShare>>,
    /// `by=activity` and `by=scope`: the lines naming exactly each source, in reference order
    /// (what the CSV's `<source>_own_million_vnd` columns show; in JSON, `funding` rolls up).
    #[serde(skip)]
    pub own_by_source: Vec<(String, Money)>,
    /// `by=activity` and `by=scope`: the part of `cost` no funding line covers.
    #[schema(example = "735.50")]
    pub unattributed: Option<Money>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FundingShare {
    #[schema(schema_with = crate::domain::reference::source_key_schema)]
    pub source: String,
    #[schema(example = "state_budget")]
    pub parent: Option<String>,
    #[schema(example = "5760.00")]
    pub amount: Money,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BreakdownTotal {
    #[schema(example = 64)]
    pub schemes: i64,
    #[schema(example = "41096.53")]
    pub cost: Money,
}

fn funding_shares(rolled: Vec<RolledUp>) -> Vec<FundingShare> {
    rolled
        .into_iter()
        .filter(|r| r.has_lines)
        .map(|r| FundingShare { source: r.source, parent: r.parent, amount: r.amount })
        .collect()
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

/// What every breakdown carries besides its rows: the reconciliation, the share bases, and the
/// notes that say what the rows cover against the reported figures.
struct Frame {
    total: BreakdownTotal,
    reconciliation: Reconciliation,
    share_bases: ShareBases,
    /// The published total cost, read: the base of the shares of it.
    cost: Option<Reading<Money>>,
    notes: Vec<Message>,
}

impl Frame {
    fn of(totals: &Totals, reported: &Reported<Money>) -> Frame {
        let tolerance = reported.tolerance_percent();
        let schemes_read = reported.schemes.as_ref().and_then(|r| Reading::of(r.precision(), tolerance));
        let cost_read = reported.cost.as_ref().and_then(|c| Reading::of(c.precision(), tolerance));
        let schemes = CountCoverage {
            reported: totals.schemes.reported,
            reported_bounds: totals.schemes.reported_bounds.clone(),
            itemised: totals.schemes.itemised,
            gap: totals.schemes.gap,
            gap_bounds: totals.schemes.gap_bounds.clone(),
        };
        let cost = AmountCoverage {
            reported: totals.cost.reported,
            reported_bounds: totals.cost.reported_bounds.clone(),
            itemised: totals.cost.itemised,
            gap: totals.cost.gap,
            gap_bounds: totals.cost.gap_bounds.clone(),
        };
        let gaps =
            (schemes_read.map(|r| r.gap(totals.schemes.itemised)), cost_read.map(|r| r.gap(totals.cost.compared_with)));
        let compared = totals.cost.compared_with;
        let mut notes =
            vec![coverage_note((schemes_read.as_ref(), cost_read.as_ref()), (&schemes, compared), &cost, gaps)];
        let itemised = ShareBase { measure: "cost.itemised", amount: cost.itemised };
        // A total of some sources only is no base for shares of every source's money.
        let partial = reported.cost.as_ref().is_some_and(|c| c.covers.is_some());
        let base = cost_read.filter(|_| !partial);
        let reported_base =
            cost.reported.filter(|_| !partial).map(|amount| ShareBase { measure: "cost.reported", amount });
        notes.push(
            match (&cost_read, partial) {
                (Some(r), true) => Message::new("shares-partial-total").message("reported", r.said()),
                (Some(r), false) => Message::new("shares-reported").message("reported", r.said()),
                (None, _) => Message::new("shares-unreported"),
            }
            .amount("itemised", itemised.amount),
        );
        Frame {
            total: BreakdownTotal { schemes: schemes.itemised, cost: cost.itemised },
            reconciliation: Reconciliation { schemes, cost },
            share_bases: ShareBases { share_percent: itemised, share_of_reported_percent: reported_base },
            cost: base,
            notes,
        }
    }

    /// `cost` as a share of the itemised cost, and of the published total (exact, and bounds).
    fn shares(&self, cost: Money) -> (Option<Decimal>, Option<Decimal>, Option<Bounds<Percent>>) {
        let (exact, bounds) = self.share_of_reported((Interval::exact(cost.decimal()), false));
        (cost.percent_of(self.total.cost), exact, bounds)
    }

    /// A part (a row's cost, a published figure) as a share of the published total cost: exact
    /// where both are, and its bounds; None where the total is not published or may be zero.
    fn share_of_reported(&self, part: (Interval, bool)) -> (Option<Decimal>, Option<Bounds<Percent>>) {
        match self.cost.as_ref().and_then(|total| total.share(part)) {
            Some((exact, bounds)) => (exact.map(|p| p.0), Some(bounds)),
            None => (None, None),
        }
    }

    fn into_breakdown(self, programme_id: &str, by: Dimension, rows: Vec<BreakdownRow>) -> Breakdown {
        Breakdown {
            programme_id: programme_id.to_string(),
            by,
            currency: CURRENCY,
            amount_unit: AMOUNT_UNIT,
            kind: Kind::default(),
            status: Status::default(),
            rows,
            total: self.total,
            reconciliation: self.reconciliation,
            share_bases: self.share_bases,
            notes: self.notes,
        }
    }
}

/// What the rows cover against the reported figures, in words: each published figure as it was
/// published ("over 41,000.00"); a difference where it is exact, and where it is not, that the
/// published figures do not settle whether anything is left out. The cost is what the published
/// total is compared with (`compared`: the lines of the sources it covers, where it covers some).
fn coverage_note(
    (schemes_read, cost_read): (Option<&Reading<i64>>, Option<&Reading<Money>>),
    (schemes, compared): (&CountCoverage, Money),
    cost: &AmountCoverage,
    (schemes_gap, cost_gap): (Option<Gap<i64>>, Option<Gap<Money>>),
) -> Message {
    let (n, c) = (schemes.itemised, cost.itemised);
    if schemes_read.is_none() && cost_read.is_none() {
        return Message::new("coverage-no-totals").count("schemes", n).amount("cost", c);
    }
    let of_schemes = match schemes_read {
        Some(r) if r.bounds().is_plain() => Message::new("coverage-schemes").count("reported", r.exact().unwrap_or(0)),
        Some(r) => Message::new("coverage-schemes-bounds").message("reported", r.said()),
        None => Message::new("coverage-schemes-unreported"),
    }
    .count("itemised", n);
    let of_cost = match cost_read {
        Some(r) => Message::new(if r.bounds().is_plain() { "coverage-cost" } else { "coverage-cost-bounds" })
            .message("reported", r.said())
            .amount("itemised", compared),
        None => Message::new("coverage-cost-unreported").amount("itemised", c),
    };
    let (mut missing, mut unsettled): (Vec<Arg>, Vec<Arg>) = (Vec::new(), Vec::new());
    if let Some(g) = schemes_gap.filter(Gap::is_some_gap) {
        match g.exact {
            Some(gap) => missing.push(Message::new("missing-schemes").count("gap", gap).into()),
            None => unsettled.push(Message::new("missing-bounds").message("gap", g.said()).into()),
        }
    }
    if let Some(g) = cost_gap.filter(Gap::is_some_gap) {
        match g.exact {
            // Against some sources' lines, the gap may be inside records that name no source.
            Some(gap) if compared != cost.itemised => {
                unsettled.push(Message::new("missing-cost-partial").amount("gap", gap).into())
            }
            Some(gap) => missing.push(Message::new("missing-cost").amount("gap", gap).into()),
            None => unsettled.push(Message::new("missing-cost-bounds").message("gap", g.said()).into()),
        }
    }
    let rest = match (missing.is_empty(), unsettled.is_empty()) {
        (true, true) => Message::new("coverage-complete"),
        (true, false) => Message::new("coverage-unsettled").list("gaps", unsettled, false),
        (false, unsettled_too) => Message::new("coverage-missing")
            .list("missing", missing, false)
            .then((!unsettled_too).then(|| Message::new("coverage-unsettled-also").list("gaps", unsettled, false))),
    };
    let plain = schemes_read.is_none_or(|r| r.bounds().is_plain()) && cost_read.is_none_or(|r| r.bounds().is_plain());
    let wrapper = if plain { "coverage" } else { "coverage-bounds" };
    Message::new(wrapper).message("schemes", of_schemes).message("cost", of_cost).message("rest", rest)
}

/// A breakdown of the programme's sums by `by`, reconciled with its reported figures as
/// `/totals` reconciles them.
pub fn breakdown(
    programme_id: &str,
    by: Dimension,
    reported: &Reported<Money>,
    sums: &ProgrammeSums,
    reference: &Reference,
) -> Breakdown {
    let totals = &reconcile(programme_id, reported, sums, reference);
    match by.grouping() {
        Some(grouping) => by_group(programme_id, grouping, totals, reported, sums, reference),
        None => by_source(programme_id, totals, reported, sums, reference),
    }
}

/// Splits by activity or scope. Every member gets a row (zero, and marked `nothing_itemised`,
/// where it has no records), so the rows sum exactly to the total.
fn by_group(
    programme_id: &str,
    by: Grouping,
    totals: &Totals,
    reported: &Reported<Money>,
    sums: &ProgrammeSums,
    reference: &Reference,
) -> Breakdown {
    let (dimension, unknown, members): (Dimension, &str, Vec<(&str, &Names)>) = match by {
        Grouping::Activity => (
            Dimension::Activity,
            UNSPECIFIED_ACTIVITY,
            reference.activities.iter().map(|a| (a.key.as_str(), &a.names)).collect(),
        ),
        Grouping::Scope => {
            (Dimension::Scope, UNKNOWN_SCOPE, reference.scopes.iter().map(|s| (s.key.as_str(), &s.names)).collect())
        }
    };
    let mut frame = Frame::of(totals, reported);
    let groups = sums.groups(by);
    let rows: Vec<BreakdownRow> = members
        .into_iter()
        .map(|(key, names)| {
            let empty = Group { key: key.to_string(), ..Group::default() };
            let group = groups.iter().find(|g| g.key == key).unwrap_or(&empty);
            let (share_percent, share_of_reported_percent, share_bounds) = frame.shares(group.cost);
            let reported = match by {
                Grouping::Scope => totals.schemes.by_scope.iter().find(|s| s.scope == key),
                Grouping::Activity => None,
            };
            BreakdownRow {
                key: key.to_string(),
                parent: None,
                names: names.clone(),
                schemes: group.schemes,
                cost: group.cost,
                share_percent,
                share_of_reported_percent,
                share_of_reported_percent_bounds: share_bounds,
                nothing_itemised: group.records == 0,
                reported_schemes: reported.and_then(|r| r.reported),
                reported_schemes_bounds: reported.and_then(|r| r.reported_bounds.clone()),
                schemes_gap: reported.and_then(|r| r.gap),
                schemes_gap_bounds: reported.and_then(|r| r.gap_bounds.clone()),
                implied_schemes: reported.and_then(|r| r.implied_schemes.clone()),
                reported_cost: None,
                reported_cost_bounds: None,
                cost_gap: None,
                cost_gap_bounds: None,
                reported_share_of_reported_percent: None,
                reported_share_of_reported_percent_bounds: None,
                remainder: None,
                remainder_implied: None,
                implied: None,
                own: None,
                funding: Some(funding_shares(group.roll_up(reference))),
                own_by_source: reference
                    .sources
                    .iter()
                    .map(|s| {
                        let own = group.lines.iter().find(|l| l.source == s.key).map_or(Money::ZERO, |l| l.amount);
                        (s.key.clone(), own)
                    })
                    .collect(),
                unattributed: Some(group.unattributed()),
            }
        })
        .collect();
    let empty: Vec<&BreakdownRow> = rows.iter().filter(|r| r.nothing_itemised && r.key != unknown).collect();
    if !empty.is_empty() {
        let keys: Vec<Arg> = empty.iter().map(|r| reference.named_quoted(&r.key)).collect();
        let note = match dimension {
            Dimension::Scope => {
                let reported: Vec<Arg> = empty
                    .iter()
                    .filter_map(|r| {
                        r.reported_schemes_bounds.as_ref().map(|b| {
                            let count = Message::new("scope-schemes").message("count", b.words.clone());
                            count.arg("scope", reference.named(&r.key)).into()
                        })
                    })
                    .collect();
                Message::new("empty-scopes").list("keys", keys, true).then(
                    (!reported.is_empty())
                        .then(|| Message::new("empty-scopes-reported").list("schemes", reported, false)),
                )
            }
            _ => Message::new("empty-activities").list("keys", keys, false),
        };
        let unknown_row = rows.iter().find(|r| r.key == unknown).filter(|r| !r.nothing_itemised);
        let may_include = match dimension {
            Dimension::Scope => "unknown-scope-may-include",
            _ => "unspecified-activity-may-include",
        };
        frame.notes.push(note.then(
            unknown_row.map(|row| Message::new(may_include).count("schemes", row.schemes).amount("cost", row.cost)),
        ));
    }
    let rolls_up = rows.iter().flat_map(|r| r.funding.iter().flatten()).any(|f| f.parent.is_some());
    if rolls_up {
        frame.notes.push(Message::new("funding-list-rolls-up"));
    }
    frame.into_breakdown(programme_id, dimension, rows)
}

pub const UNATTRIBUTED: &str = "unattributed";

/// Splits the itemised cost by funding source: one row per source (rolled up over its subtree,
/// with `own` for lines naming it exactly, and the reported figure beside it) and an
/// `unattributed` row. The top-level rows plus `unattributed` sum exactly to the itemised cost.
fn by_source(
    programme_id: &str,
    totals: &Totals,
    reported: &Reported<Money>,
    sums: &ProgrammeSums,
    reference: &Reference,
) -> Breakdown {
    let whole = sums.whole();
    let mut frame = Frame::of(totals, reported);
    let unattributed = whole.unattributed();
    let mut funding_notes = Vec::new();
    let funding = funding_totals(reported, &whole, reference, &mut funding_notes);
    let rolled = whole.roll_up(reference);
    let mut rows: Vec<BreakdownRow> = rolled
        .into_iter()
        .zip(&funding)
        .map(|(rolled, funding)| {
            let (share_percent, share_of_reported_percent, share_bounds) = frame.shares(rolled.amount);
            let published = reported.funding.iter().find(|f| f.source == rolled.source);
            let (reported_share, reported_share_bounds) = match published.and_then(|f| read_source(reported, f)) {
                Some(figure) => frame.share_of_reported((figure.interval, figure.precision.estimate)),
                None => (None, None),
            };
            BreakdownRow {
                names: funding.names.clone(),
                schemes: rolled.schemes,
                share_percent,
                share_of_reported_percent,
                share_of_reported_percent_bounds: share_bounds,
                nothing_itemised: !rolled.has_lines,
                reported_schemes: None,
                reported_schemes_bounds: None,
                schemes_gap: None,
                schemes_gap_bounds: None,
                implied_schemes: None,
                reported_cost: funding.reported,
                reported_cost_bounds: funding.reported_bounds.clone(),
                cost_gap: funding.gap,
                cost_gap_bounds: funding.gap_bounds.clone(),
                reported_share_of_reported_percent: reported_share,
                reported_share_of_reported_percent_bounds: reported_share_bounds,
                remainder: Some(funding.remainder),
                remainder_implied: funding.remainder_implied.clone(),
                implied: funding.implied.clone(),
                own: Some(rolled.own),
                key: rolled.source,
                parent: rolled.parent,
                cost: rolled.amount,
                funding: None,
                own_by_source: Vec::new(),
                unattributed: None,
            }
        })
        .collect();
    let (share_percent, share_of_reported_percent, share_bounds) = frame.shares(unattributed);
    rows.push(BreakdownRow {
        key: UNATTRIBUTED.to_string(),
        parent: None,
        names: Names {
            vi: "Chưa rõ nguồn kinh phí".to_string(),
            en: "Not attributed to any funding source".to_string(),
        },
        schemes: whole.unattributed_schemes,
        cost: unattributed,
        share_percent,
        share_of_reported_percent,
        share_of_reported_percent_bounds: share_bounds,
        nothing_itemised: whole.records == 0,
        reported_schemes: None,
        reported_schemes_bounds: None,
        schemes_gap: None,
        schemes_gap_bounds: None,
        implied_schemes: None,
        reported_cost: None,
        reported_cost_bounds: None,
        cost_gap: None,
        cost_gap_bounds: None,
        reported_share_of_reported_percent: None,
        reported_share_of_reported_percent_bounds: None,
        remainder: Some(false),
        remainder_implied: None,
        implied: None,
        own: Some(unattributed),
        funding: None,
        own_by_source: Vec::new(),
        unattributed: None,
    });
    if frame.cost.is_some() {
        frame.notes.push(Message::new("source-reported-share"));
    }
    frame.notes.push(Message::new("source-rolled-up"));
    frame.notes.push(Message::new("source-schemes-overlap"));
    for row in rows.iter().filter(|r| r.nothing_itemised && r.key != UNATTRIBUTED) {
        let figure = reported.funding.iter().find(|f| f.source == row.key).and_then(|f| read_source(reported, f));
        let reported = figure.map(|r| Message::new("source-empty-reported").message("reported", r.said()));
        let mut holders: Vec<Arg> = reference
            .source_and_ancestors(&row.key)
            .skip(1)
            .filter_map(|ancestor| rows.iter().find(|r| r.key == ancestor))
            .filter_map(|a| a.own.filter(|own| !own.is_zero()).map(|own| (a, own)))
            .map(|(a, own)| {
                Message::new("holder-unsplit").amount("own", own).arg("source", reference.named(&a.key)).into()
            })
            .collect();
        if !unattributed.is_zero() {
            holders.push(Message::new("holder-unattributed").amount("amount", unattributed).into());
        }
        let holders = (!holders.is_empty()).then(|| Message::new("source-may-include").list("holders", holders, false));
        frame
            .notes
            .push(Message::new("source-empty").arg("source", reference.named(&row.key)).then(reported).then(holders));
    }
    // The gaps, unsplit parts and implied bounds, as `/totals` says them.
    frame.notes.extend(funding_notes);
    frame.into_breakdown(programme_id, Dimension::Source, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aggregates::sums::fixtures::*;
    use crate::i18n::Lang;

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
        let b = breakdown("p", Dimension::Activity, &Reported::empty(), &sums, &reference());
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
        let b = breakdown("p", Dimension::Source, &Reported::empty(), &sums, &reference());
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

    fn reported(schemes: i64, cost: &str, funding: &[(&str, &str)]) -> Reported<Money> {
        use crate::domain::document::{ReportedAmount, ReportedCount, ReportedSource, ScopeCount};
        Reported {
            schemes: Some(ReportedCount::exact(schemes, None)),
            schemes_by_scope: vec![ScopeCount::exact("local", 4, None)],
            tasks: None,
            schemes_registered: None,
            cost: Some(ReportedAmount::exact(m(cost), None)),
            funding: funding.iter().map(|(s, a)| ReportedSource::exact(*s, m(a), None)).collect(),
            tolerance: None,
        }
    }

    fn two_records() -> ProgrammeSums {
        sums(vec![
            record("vocational_training", "unknown", 3, "60.00", &[]),
            record("unspecified", "unknown", 2, "40.00", &[("state_budget", "30.00"), ("contributions", "10.00")]),
        ])
    }

    #[test]
    fn every_breakdown_reconciles_with_the_reported_figures_and_names_its_share_bases() {
        let figures = reported(6, "125.00", &[]);
        for by in [Dimension::Activity, Dimension::Scope, Dimension::Source] {
            let b = breakdown("p", by, &figures, &two_records(), &reference());
            let r = &b.reconciliation;
            assert_eq!((r.schemes.reported, r.schemes.itemised, r.schemes.gap), (Some(6), 5, Some(1)), "{by:?}");
            assert_eq!(
                (r.cost.reported, r.cost.itemised, r.cost.gap),
                (Some(m("125.00")), m("100.00"), Some(m("25.00")))
            );
            assert_eq!(
                (b.share_bases.share_percent.measure, b.share_bases.share_percent.amount),
                ("cost.itemised", m("100.00"))
            );
            let of_reported = b.share_bases.share_of_reported_percent.as_ref().unwrap();
            assert_eq!((of_reported.measure, of_reported.amount), ("cost.reported", m("125.00")));
            assert_eq!(
                Lang::En.say(&b.notes[0]),
                "The rows cover 5 of the 6 schemes and 100.00 of the 125.00 million VND the programme reports: the difference (1 scheme and 25.00 million VND) is in the reported totals but in no scheme record, so no row shows it."
            );
            assert_eq!(
                Lang::Vi.say(&b.notes[0]),
                "Các dòng gồm 5 trong 6 đề án và 100,00 trong 125,00 triệu đồng công bố: phần chênh lệch (1 đề án và 25,00 triệu đồng) có trong số công bố nhưng không thuộc nhóm đề án nào, nên không dòng nào thể hiện."
            );
        }
        let b = breakdown("p", Dimension::Activity, &figures, &two_records(), &reference());
        let training = &b.rows[0];
        assert_eq!(
            (training.share_percent, training.share_of_reported_percent),
            (Some("60.00".parse().unwrap()), Some("48.00".parse().unwrap()))
        );
    }

    #[test]
    fn rows_with_nothing_itemised_are_marked_and_the_unknown_member_named() {
        let figures = reported(6, "125.00", &[]);
        let only_unspecified = sums(vec![record("unspecified", "unknown", 2, "40.00", &[])]);
        let b = breakdown("p", Dimension::Activity, &figures, &only_unspecified, &reference());
        let marks: Vec<_> = b.rows.iter().map(|r| (r.key.as_str(), r.nothing_itemised)).collect();
        assert_eq!(marks, [("vocational_training", true), ("unspecified", false)]);
        let notes = Lang::En.say_all(&b.notes);
        assert!(
            notes.contains(&"Nothing is itemised under vocational_training: the article publishes no figure for them, so their zeros only mean it does not say. The 2 schemes (40.00 million VND) of no stated activity (`unspecified`) may include some of theirs.".to_string()),
            "{notes:?}"
        );
        let b = breakdown("p", Dimension::Scope, &figures, &only_unspecified, &reference());
        let rows: Vec<_> =
            b.rows.iter().map(|r| (r.key.as_str(), r.nothing_itemised, r.reported_schemes, r.schemes_gap)).collect();
        assert_eq!(
            rows,
            [("local", true, Some(4), Some(4)), ("national", true, None, None), ("unknown", false, None, None)]
        );
        // 6 schemes, 2 recorded with no stated level, so 4 are in no record: of the 2 recorded,
        // anything from none to both may be local.
        let local = b.rows[0].implied_schemes.as_ref().unwrap();
        assert_eq!((local.at_least, local.at_most), (Some(0), Some(2)));
        assert!(b.rows[1].implied_schemes.is_none(), "nothing is published for national");
        let notes = Lang::En.say_all(&b.notes);
        assert!(
            notes.iter().any(|n| n.starts_with("No scheme record is counted as local or national: the article does not split its scheme groups by level, so the rows' zeros only mean it does not say. The programme reports 4 local schemes (`reported_schemes`).")),
            "{notes:?}"
        );
        let vi = Lang::Vi.say_all(&b.notes);
        assert!(
            vi.iter().any(|n| n.starts_with("Không nhóm đề án nào ghi là “đề án khuyến công địa phương” hoặc “đề án khuyến công quốc gia”: bài viết không tách các nhóm đề án theo cấp")),
            "{vi:?}"
        );
    }

    #[test]
    fn source_rows_carry_the_reported_figure_and_the_implied_bounds() {
        let figures =
            reported(6, "125.00", &[("state_budget", "50.00"), ("central_budget", "35.00"), ("local_budget", "15.00")]);
        let b = breakdown("p", Dimension::Source, &figures, &two_records(), &reference());
        let central = b.rows.iter().find(|r| r.key == "central_budget").unwrap();
        assert_eq!(
            (central.cost, central.reported_cost, central.cost_gap),
            (Money::ZERO, Some(m("35.00")), Some(m("35.00")))
        );
        assert!(central.nothing_itemised);
        let implied = central.implied.as_ref().unwrap();
        // 30.00 unsplit: the city can hold at most 15.00 of it, so at least 15.00 is central's
        assert_eq!((implied.unsplit, implied.at_least, implied.at_most), (m("30.00"), m("15.00"), m("30.00")));
        let notes = Lang::En.say_all(&b.notes);
        assert!(
            notes.iter().any(|n| n.starts_with("No funding line names central_budget or a source below it: its zeros only mean the article does not say. The programme reports 35.00 million VND from it (`reported_cost`). The 30.00 million VND of unsplit state_budget funding and the 60.00 million VND no funding line covers may include some of it.")),
            "{notes:?}"
        );
        // each published figure's share of the published 125.00
        let shares: Vec<_> = b.rows.iter().map(|r| (r.key.as_str(), r.reported_share_of_reported_percent)).collect();
        let p = |t: &str| Some(t.parse().unwrap());
        assert_eq!(
            shares,
            [
                ("state_budget", p("40.00")),
                ("central_budget", p("28.00")),
                ("local_budget", p("12.00")),
                ("contributions", None),
                ("unattributed", None)
            ]
        );
    }
}
