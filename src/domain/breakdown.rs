//! Breakdowns: the itemised schemes and cost split by activity, by scope or by funding source.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::document::Reported;
use super::document::{AMOUNT_UNIT, CURRENCY};
use super::implied::ImpliedShare;
use super::money::Money;
use super::reference::{Names, Reference, UNKNOWN_SCOPE, UNSPECIFIED_ACTIVITY};
use super::sums::{Group, Grouping, ProgrammeSums, RolledUp};
use super::totals::{Totals, funding_totals, reconcile};
use crate::i18n::Lang;

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
    /// What the rows cover against what the programme reports (as in `/totals`).
    pub reconciliation: Reconciliation,
    /// The figure each share is a percentage of.
    pub share_bases: ShareBases,
    /// How to read the rows, in words: what they cover and leave out, what a zero means, and
    /// (for `source`) that rows overlap and their `schemes` do not sum.
    pub notes: Vec<String>,
}

/// The schemes and cost the rows cover, next to the programme's reported figures.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Reconciliation {
    pub schemes: CountCoverage,
    pub cost: AmountCoverage,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CountCoverage {
    /// The number the programme reports; null where it reports none.
    #[schema(example = 65)]
    pub reported: Option<i64>,
    /// The number the rows cover: the sum of the records' `scheme_count`.
    #[schema(example = 64)]
    pub itemised: i64,
    /// `reported - itemised`: schemes in the reported total but in no record; null where
    /// nothing is reported.
    #[schema(example = 1)]
    pub gap: Option<i64>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AmountCoverage {
    /// In million VND; null where the programme reports none.
    #[schema(example = "41306.53")]
    pub reported: Option<Money>,
    #[schema(example = "41096.53")]
    pub itemised: Money,
    #[schema(example = "210.00")]
    pub gap: Option<Money>,
}

/// What `share_percent` and `share_of_reported_percent` are percentages of.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ShareBases {
    /// The base of `share_percent`: the itemised cost.
    pub share_percent: ShareBase,
    /// The base of `share_of_reported_percent`: the reported total cost; null where the
    /// programme reports none.
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
    /// True when no record (for `source`: no funding line) falls in this row. Its zeros are
    /// then not known zeros: `notes` names what may hold its part.
    pub nothing_itemised: bool,
    /// `by=scope`: the schemes the programme reports for this scope; null where it reports none
    /// (and for the other dimensions).
    #[schema(example = 46)]
    pub reported_schemes: Option<i64>,
    /// `by=scope`: `reported_schemes - schemes`; null where nothing is reported.
    #[schema(example = 46)]
    pub schemes_gap: Option<i64>,
    /// `by=source`: the funding the programme reports from this source, in million VND; null
    /// where it reports none (and for the other dimensions).
    #[schema(example = "7898.47")]
    pub reported_cost: Option<Money>,
    /// `by=source`: `reported_cost - cost`; null where nothing is reported.
    #[schema(example = "7898.47")]
    pub cost_gap: Option<Money>,
    /// `by=source`: the bounds the reported figures imply for this source's part of its
    /// parent's unsplit money. Implied by arithmetic, not reported.
    pub implied: Option<ImpliedShare>,
    /// `by=source` only: the lines that name exactly this source.
    #[schema(example = "9570.70")]
    pub own: Option<Money>,
    /// `by=activity` and `by=scope`: who paid for this row's cost, rolled up the source tree;
    /// only sources with at least one funding line appear.
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
    notes: Vec<String>,
}

impl Frame {
    fn of(totals: &Totals, lang: Lang) -> Frame {
        let schemes = CountCoverage {
            reported: totals.schemes.reported,
            itemised: totals.schemes.itemised,
            gap: totals.schemes.gap,
        };
        let cost =
            AmountCoverage { reported: totals.cost.reported, itemised: totals.cost.itemised, gap: totals.cost.gap };
        let mut notes = vec![coverage_note(&schemes, &cost, lang)];
        let itemised = ShareBase { measure: "cost.itemised", amount: cost.itemised };
        let reported = cost.reported.map(|amount| ShareBase { measure: "cost.reported", amount });
        let i = itemised.amount;
        notes.push(match &reported {
            Some(r) => lang.pick(
                format!(
                    "`share_percent` is a share of the itemised cost ({i}); `share_of_reported_percent` a share of the reported total cost ({}).",
                    r.amount
                ),
                format!(
                    "`share_percent` là tỷ lệ trên kinh phí đã liệt kê ({}); `share_of_reported_percent` là tỷ lệ trên tổng kinh phí báo cáo ({}).",
                    lang.amount(i),
                    lang.amount(r.amount)
                ),
            ),
            None => lang.pick(
                format!(
                    "`share_percent` is a share of the itemised cost ({i}); the programme reports no total cost, so `share_of_reported_percent` is null."
                ),
                format!(
                    "`share_percent` là tỷ lệ trên kinh phí đã liệt kê ({}); chương trình không báo cáo tổng kinh phí, nên `share_of_reported_percent` là null.",
                    lang.amount(i)
                ),
            ),
        });
        Frame {
            total: BreakdownTotal { schemes: schemes.itemised, cost: cost.itemised },
            reconciliation: Reconciliation { schemes, cost },
            share_bases: ShareBases { share_percent: itemised, share_of_reported_percent: reported },
            notes,
        }
    }

    fn shares(&self, cost: Money) -> (Option<Decimal>, Option<Decimal>) {
        let reported = self.share_bases.share_of_reported_percent.as_ref().and_then(|b| cost.percent_of(b.amount));
        (cost.percent_of(self.total.cost), reported)
    }

    fn into_breakdown(self, programme_id: &str, by: Dimension, rows: Vec<BreakdownRow>) -> Breakdown {
        Breakdown {
            programme_id: programme_id.to_string(),
            by,
            currency: CURRENCY,
            amount_unit: AMOUNT_UNIT,
            rows,
            total: self.total,
            reconciliation: self.reconciliation,
            share_bases: self.share_bases,
            notes: self.notes,
        }
    }
}

/// What the rows cover against the reported figures, in words.
fn coverage_note(schemes: &CountCoverage, cost: &AmountCoverage, lang: Lang) -> String {
    let (n, c) = (schemes.itemised, cost.itemised);
    let a = |m: Money| lang.amount(m);
    if schemes.reported.is_none() && cost.reported.is_none() {
        return lang.pick(
            format!("The programme reports no totals: the rows cover its {n} itemised schemes and {c} million VND."),
            format!("Chương trình không báo cáo tổng số: các dòng gồm {n} đề án và {} triệu đồng đã liệt kê.", a(c)),
        );
    }
    let of_schemes = match schemes.reported {
        Some(r) => lang.pick(format!("{n} of the {r} schemes"), format!("{n} trong {r} đề án")),
        None => lang.pick(format!("{n} schemes (no number is reported)"), format!("{n} đề án (không có số báo cáo)")),
    };
    let of_cost = match cost.reported {
        Some(r) => lang.pick(format!("{c} of the {r} million VND"), format!("{} trong {} triệu đồng", a(c), a(r))),
        None => lang.pick(
            format!("{c} million VND (no total cost is reported)"),
            format!("{} triệu đồng (không có tổng kinh phí báo cáo)", a(c)),
        ),
    };
    let missing: Vec<String> = [
        schemes.gap.filter(|g| *g != 0).map(|g| {
            lang.pick(format!("{g} {}", if g.abs() == 1 { "scheme" } else { "schemes" }), format!("{g} đề án"))
        }),
        cost.gap
            .filter(|g| !g.is_zero())
            .map(|g| lang.pick(format!("{g} million VND"), format!("{} triệu đồng", a(g)))),
    ]
    .into_iter()
    .flatten()
    .collect();
    let rest = match (missing.is_empty(), lang) {
        (true, _) => {
            lang.pick("nothing reported is left out.".to_string(), "không có gì được báo cáo bị bỏ sót.".to_string())
        }
        (false, Lang::En) => format!(
            "the difference ({}) is in the reported totals but in no scheme record, so no row shows it.",
            missing.join(" and ")
        ),
        (false, Lang::Vi) => format!(
            "phần chênh lệch ({}) có trong tổng số báo cáo nhưng không có trong bản ghi đề án nào, nên không dòng nào thể hiện.",
            missing.join(" và ")
        ),
    };
    lang.pick(
        format!("The rows cover {of_schemes} and {of_cost} the programme reports: {rest}"),
        format!("Các dòng bao gồm {of_schemes} và {of_cost} chương trình báo cáo: {rest}"),
    )
}

/// `a`, `a and b`, `a, b and c` (`và`, or `hoặc` for `or`, in Vietnamese).
fn listed(items: &[String], lang: Lang, or: bool) -> String {
    let word = match (lang, or) {
        (Lang::En, false) => "and",
        (Lang::En, true) => "or",
        (Lang::Vi, false) => "và",
        (Lang::Vi, true) => "hoặc",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

/// A breakdown of the programme's sums by `by`, reconciled with its reported figures as
/// `/totals` reconciles them.
pub fn breakdown(
    programme_id: &str,
    by: Dimension,
    reported: &Reported<Money>,
    sums: &ProgrammeSums,
    reference: &Reference,
    lang: Lang,
) -> Breakdown {
    let totals = &reconcile(programme_id, reported, sums, reference, lang);
    match by.grouping() {
        Some(grouping) => by_group(programme_id, grouping, totals, sums, reference, lang),
        None => by_source(programme_id, totals, reported, sums, reference, lang),
    }
}

/// Splits by activity or scope. Every member gets a row (zero, and marked `nothing_itemised`,
/// where it has no records), so the rows sum exactly to the total.
fn by_group(
    programme_id: &str,
    by: Grouping,
    totals: &Totals,
    sums: &ProgrammeSums,
    reference: &Reference,
    lang: Lang,
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
    let mut frame = Frame::of(totals, lang);
    let groups = sums.groups(by);
    let rows: Vec<BreakdownRow> = members
        .into_iter()
        .map(|(key, names)| {
            let empty = Group { key: key.to_string(), ..Group::default() };
            let group = groups.iter().find(|g| g.key == key).unwrap_or(&empty);
            let (share_percent, share_of_reported_percent) = frame.shares(group.cost);
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
                nothing_itemised: group.records == 0,
                reported_schemes: reported.and_then(|r| r.reported),
                schemes_gap: reported.and_then(|r| r.gap),
                reported_cost: None,
                cost_gap: None,
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
    let empty: Vec<String> =
        rows.iter().filter(|r| r.nothing_itemised && r.key != unknown).map(|r| r.key.clone()).collect();
    if !empty.is_empty() {
        let unknown_row = rows.iter().find(|r| r.key == unknown).filter(|r| !r.nothing_itemised);
        let keys: Vec<String> = empty.iter().map(|k| format!("`{k}`")).collect();
        let mut note = match dimension {
            Dimension::Scope => {
                let reported: Vec<String> = rows
                    .iter()
                    .filter(|r| r.nothing_itemised && r.key != unknown)
                    .filter_map(|r| r.reported_schemes.map(|n| lang.pick(format!("{n} {}", r.key), format!("{n} đề án {}", r.key))))
                    .collect();
                let reported = match (reported.is_empty(), lang) {
                    (true, _) => String::new(),
                    (false, Lang::En) => {
                        format!(" The programme reports {} schemes (`reported_schemes`).", listed(&reported, lang, false))
                    }
                    (false, Lang::Vi) => {
                        format!(" Chương trình báo cáo {} (`reported_schemes`).", listed(&reported, lang, false))
                    }
                };
                lang.pick(
                    format!(
                        "No scheme record is counted as {}: the rows' zeros are not known zeros.{reported}",
                        listed(&keys, lang, true)
                    ),
                    format!(
                        "Không bản ghi đề án nào được tính là {}: các số 0 của những dòng này không phải số 0 đã biết.{reported}",
                        listed(&keys, lang, true)
                    ),
                )
            }
            _ => lang.pick(
                format!(
                    "Nothing is itemised under {}: the programme publishes no figure for them, so their zeros are not known zeros.",
                    listed(&keys, lang, false)
                ),
                format!(
                    "Không có gì được liệt kê cho {}: chương trình không công bố số liệu cho các mục này, nên các số 0 không phải số 0 đã biết.",
                    listed(&keys, lang, false)
                ),
            ),
        };
        if let Some(row) = unknown_row {
            let (n, c) = (row.schemes, row.cost);
            note.push_str(&lang.pick(
                format!(" The {n} schemes ({c} million VND) counted as `{unknown}` may include some of theirs."),
                format!(
                    " {n} đề án ({} triệu đồng) được tính là `{unknown}` có thể bao gồm một phần của chúng.",
                    lang.amount(c)
                ),
            ));
        }
        frame.notes.push(note);
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
    lang: Lang,
) -> Breakdown {
    let whole = sums.whole();
    let mut frame = Frame::of(totals, lang);
    let unattributed = whole.unattributed();
    let mut funding_notes = Vec::new();
    let funding = funding_totals(reported, &whole, reference, lang, &mut funding_notes);
    let rolled = whole.roll_up(reference);
    let mut rows: Vec<BreakdownRow> = rolled
        .into_iter()
        .zip(&funding)
        .map(|(rolled, funding)| {
            let (share_percent, share_of_reported_percent) = frame.shares(rolled.amount);
            BreakdownRow {
                names: funding.names.clone(),
                schemes: rolled.schemes,
                share_percent,
                share_of_reported_percent,
                nothing_itemised: !rolled.has_lines,
                reported_schemes: None,
                schemes_gap: None,
                reported_cost: funding.reported,
                cost_gap: funding.gap,
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
    let (share_percent, share_of_reported_percent) = frame.shares(unattributed);
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
        nothing_itemised: whole.records == 0,
        reported_schemes: None,
        schemes_gap: None,
        reported_cost: None,
        cost_gap: None,
        implied: None,
        own: Some(unattributed),
        funding: None,
        own_by_source: Vec::new(),
        unattributed: None,
    });
    frame.notes.push(lang.pick(
        "Each row's cost is rolled up over the sources below it; the rows with no parent plus `unattributed` sum to the total cost.",
        "Kinh phí của mỗi dòng được cộng dồn từ các nguồn con; các dòng không có nguồn cha cộng với `unattributed` bằng tổng kinh phí.",
    ).to_string());
    frame.notes.push(lang.pick(
        "A row's `schemes` counts the schemes with any funding line under that source: a scheme paid from several sources is counted in each, so `schemes` does not sum to the total.",
        "`schemes` của một dòng đếm các đề án có dòng kinh phí thuộc nguồn đó: một đề án được chi từ nhiều nguồn được đếm ở mỗi nguồn, nên `schemes` không cộng thành tổng.",
    ).to_string());
    for row in rows.iter().filter(|r| r.nothing_itemised && r.key != UNATTRIBUTED) {
        let reported = row.reported_cost.map_or(String::new(), |r| {
            lang.pick(
                format!(" The programme reports {r} million VND from it (`reported_cost`)."),
                format!(" Chương trình báo cáo {} triệu đồng từ nguồn này (`reported_cost`).", lang.amount(r)),
            )
        });
        let mut holders: Vec<String> = reference
            .source_and_ancestors(&row.key)
            .skip(1)
            .filter_map(|ancestor| rows.iter().find(|r| r.key == ancestor))
            .filter(|a| a.own.is_some_and(|own| !own.is_zero()))
            .map(|a| {
                let own = a.own.unwrap_or_default();
                lang.pick(
                    format!("the {own} million VND of unsplit `{}` funding", a.key),
                    format!("{} triệu đồng chưa chia của nguồn `{}`", lang.amount(own), a.key),
                )
            })
            .collect();
        if !unattributed.is_zero() {
            holders.push(lang.pick(
                format!("the {unattributed} million VND no funding line covers"),
                format!("{} triệu đồng không có dòng kinh phí nào", lang.amount(unattributed)),
            ));
        }
        let holders = match (holders.is_empty(), lang) {
            (true, _) => String::new(),
            (false, Lang::En) => format!(" {} may include some of it.", capitalised(&listed(&holders, lang, false))),
            (false, Lang::Vi) => format!(" {} có thể bao gồm một phần của nó.", listed(&holders, lang, false)),
        };
        let k = &row.key;
        frame.notes.push(lang.pick(
            format!("No funding line names `{k}` or a source below it: its zeros are not known zeros.{reported}{holders}"),
            format!(
                "Không dòng kinh phí nào ghi `{k}` hoặc nguồn con của nó: các số 0 của dòng này không phải số 0 đã biết.{reported}{holders}"
            ),
        ));
    }
    // The gaps, unsplit parts and implied bounds, as `/totals` says them.
    frame.notes.extend(funding_notes);
    frame.into_breakdown(programme_id, Dimension::Source, rows)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| first.to_uppercase().chain(chars).collect())
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
        let b = breakdown("p", Dimension::Activity, &Reported::empty(), &sums, &reference(), Lang::En);
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
        let b = breakdown("p", Dimension::Source, &Reported::empty(), &sums, &reference(), Lang::En);
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
        use crate::domain::document::{ReportedAmount, ReportedCount, ScopeCount, SourceAmount};
        Reported {
            schemes: Some(ReportedCount { value: schemes, quote: None }),
            schemes_by_scope: vec![ScopeCount { scope: "local".into(), value: 4, quote: None }],
            cost: Some(ReportedAmount { amount: m(cost), quote: None }),
            funding: funding
                .iter()
                .map(|(s, a)| SourceAmount { source: s.to_string(), amount: m(a), quote: None })
                .collect(),
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
            let b = breakdown("p", by, &figures, &two_records(), &reference(), Lang::En);
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
                b.notes[0],
                "The rows cover 5 of the 6 schemes and 100.00 of the 125.00 million VND the programme reports: the difference (1 scheme and 25.00 million VND) is in the reported totals but in no scheme record, so no row shows it."
            );
        }
        let b = breakdown("p", Dimension::Activity, &figures, &two_records(), &reference(), Lang::En);
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
        let b = breakdown("p", Dimension::Activity, &figures, &only_unspecified, &reference(), Lang::En);
        let marks: Vec<_> = b.rows.iter().map(|r| (r.key.as_str(), r.nothing_itemised)).collect();
        assert_eq!(marks, [("vocational_training", true), ("unspecified", false)]);
        assert!(
            b.notes.contains(&"Nothing is itemised under `vocational_training`: the programme publishes no figure for them, so their zeros are not known zeros. The 2 schemes (40.00 million VND) counted as `unspecified` may include some of theirs.".to_string()),
            "{:?}",
            b.notes
        );
        let b = breakdown("p", Dimension::Scope, &figures, &only_unspecified, &reference(), Lang::En);
        let rows: Vec<_> =
            b.rows.iter().map(|r| (r.key.as_str(), r.nothing_itemised, r.reported_schemes, r.schemes_gap)).collect();
        assert_eq!(
            rows,
            [("local", true, Some(4), Some(4)), ("national", true, None, None), ("unknown", false, None, None)]
        );
        assert!(
            b.notes.iter().any(|n| n.starts_with("No scheme record is counted as `local` or `national`")),
            "{:?}",
            b.notes
        );
    }

    #[test]
    fn source_rows_carry_the_reported_figure_and_the_implied_bounds() {
        let figures =
            reported(6, "125.00", &[("state_budget", "50.00"), ("central_budget", "35.00"), ("local_budget", "15.00")]);
        let b = breakdown("p", Dimension::Source, &figures, &two_records(), &reference(), Lang::En);
        let central = b.rows.iter().find(|r| r.key == "central_budget").unwrap();
        assert_eq!(
            (central.cost, central.reported_cost, central.cost_gap),
            (Money::ZERO, Some(m("35.00")), Some(m("35.00")))
        );
        assert!(central.nothing_itemised);
        let implied = central.implied.as_ref().unwrap();
        // 30.00 unsplit: the city can hold at most 15.00 of it, so at least 15.00 is central's
        assert_eq!((implied.unsplit, implied.at_least, implied.at_most), (m("30.00"), m("15.00"), m("30.00")));
        assert!(
            b.notes.iter().any(|n| n.starts_with("No funding line names `central_budget` or a source below it: its zeros are not known zeros. The programme reports 35.00 million VND from it (`reported_cost`). The 30.00 million VND of unsplit `state_budget` funding and the 60.00 million VND no funding line covers may include some of it.")),
            "{:?}",
            b.notes
        );
    }
}
