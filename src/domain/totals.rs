//! Reconciliation: the programme's reported figures next to the sums of its scheme records.

use serde::Serialize;
use utoipa::ToSchema;

use super::document::{AMOUNT_UNIT, CURRENCY, Programme, Reported};
use super::implied::{ImpliedShare, implied};
use super::money::Money;
use super::reference::{Names, Reference};
use super::sums::{Group, Grouping, ProgrammeSums};
use crate::i18n::Lang;

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
    pub schemes: SchemeTotals,
    pub cost: CostTotals,
    /// One entry per funding source, parents before their children.
    pub funding: Vec<FundingTotal>,
    /// Each non-zero gap, and each part of the funding the records leave unsplit, in words.
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SchemeTotals {
    /// Number of schemes the programme published; null where it published none.
    #[schema(example = 65)]
    pub reported: Option<i64>,
    /// Sum of `scheme_count` over the scheme records.
    #[schema(example = 64)]
    pub itemised: i64,
    /// `reported - itemised`; null where `reported` is null.
    #[schema(example = 1)]
    pub gap: Option<i64>,
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
    #[schema(example = 46)]
    pub reported: Option<i64>,
    #[schema(example = 0)]
    pub itemised: i64,
    #[schema(example = 46)]
    pub gap: Option<i64>,
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng")]
    pub quote: Option<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CostTotals {
    /// Total cost as published, in million VND.
    #[schema(example = "41306.53")]
    pub reported: Option<Money>,
    /// Sum of the scheme records' costs.
    #[schema(example = "41096.53")]
    pub itemised: Money,
    /// `reported - itemised`; null where `reported` is null.
    #[schema(example = "210.00")]
    pub gap: Option<Money>,
    /// The part of the itemised cost that no funding line covers (who paid it is not stated).
    #[schema(example = "974.80")]
    pub unattributed: Money,
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng")]
    pub quote: Option<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FundingTotal {
    #[schema(schema_with = crate::domain::reference::source_key_schema)]
    pub source: String,
    #[schema(example = "state_budget")]
    pub parent: Option<String>,
    pub names: Names,
    #[schema(example = "12578.48")]
    pub reported: Option<Money>,
    /// Funding lines naming this source or any source below it.
    #[schema(example = "11393.70")]
    pub itemised: Money,
    #[schema(example = "1184.78")]
    pub gap: Option<Money>,
    /// Of `itemised`, the lines that name exactly this source and not a source below it.
    #[schema(example = "9570.70")]
    pub own: Money,
    #[schema(example = "ngân sách Trung ương 7.898,47 triệu đồng")]
    pub quote: Option<String>,
    /// Where the parent's lines leave money unsplit: the part of it this source's reported
    /// figure implies is its own, as bounds. Arithmetic, not a figure the source states; null
    /// where nothing is unsplit above this source or the figures imply no bounds.
    pub implied: Option<ImpliedShare>,
}

/// Reconciles the reported figures with the records' sums.
pub fn reconcile(
    programme_id: &str,
    reported: &Reported<Money>,
    sums: &ProgrammeSums,
    reference: &Reference,
    lang: Lang,
) -> Totals {
    let a = |m: Money| lang.amount(m);
    let mut notes = Vec::new();
    let whole = sums.whole();
    let by_scope = sums.groups(Grouping::Scope);
    let (itemised_schemes, itemised_cost) = (whole.schemes, whole.cost);

    let reported_schemes = reported.schemes.as_ref().map(|r| r.value);
    let schemes_gap = reported_schemes.map(|r| r - itemised_schemes);
    if let Some(gap) = schemes_gap.filter(|g| *g != 0) {
        let r = reported_schemes.unwrap_or_default();
        notes.push(lang.pick(
            format!("The programme reports {r} schemes; its scheme records cover {itemised_schemes}: a gap of {gap}."),
            format!("Chương trình báo cáo {r} đề án; các bản ghi đề án cộng lại {itemised_schemes}: chênh lệch {gap}."),
        ));
    }
    let scope_totals = reference
        .scopes
        .iter()
        .map(|scope| {
            let itemised = by_scope.iter().filter(|g| g.key == scope.key).map(|g| g.schemes).sum();
            let reported = reported.schemes_by_scope.iter().find(|r| r.scope == scope.key);
            let gap = reported.map(|r| r.value - itemised);
            if let (Some(r), Some(gap)) = (reported, gap.filter(|g| *g != 0)) {
                let (v, k) = (r.value, &scope.key);
                notes.push(lang.pick(
                    format!("The programme reports {v} {k} schemes; the scheme records name {itemised} as {k}: a gap of {gap}."),
                    format!("Chương trình báo cáo {v} đề án phạm vi {k}; các bản ghi đề án ghi {itemised} đề án là {k}: chênh lệch {gap}."),
                ));
            }
            ScopeTotal {
                scope: scope.key.clone(),
                names: scope.names.clone(),
                reported: reported.map(|r| r.value),
                itemised,
                gap,
                quote: reported.and_then(|r| r.quote.clone()),
            }
        })
        .collect();

    let reported_cost = reported.cost.as_ref().map(|c| c.amount);
    let cost_gap = reported_cost.map(|r| r - itemised_cost);
    if let (Some(r), Some(gap)) = (reported_cost, cost_gap.filter(|g| !g.is_zero())) {
        notes.push(lang.pick(
            format!(
                "The programme reports a total cost of {r} million VND; its scheme records add up to {itemised_cost}: a gap of {gap}."
            ),
            format!(
                "Chương trình báo cáo tổng kinh phí {} triệu đồng; các bản ghi đề án cộng lại {}: chênh lệch {}.",
                a(r),
                a(itemised_cost),
                a(gap)
            ),
        ));
    }
    let unattributed = whole.unattributed();
    if !unattributed.is_zero() {
        notes.push(lang.pick(
            format!("{unattributed} million VND of the itemised cost has no funding line: the source does not say who paid it."),
            format!(
                "{} triệu đồng trong kinh phí đã liệt kê không có dòng nguồn kinh phí nào: nguồn tin không nói ai đã chi.",
                a(unattributed)
            ),
        ));
    }

    let funding = funding_totals(reported, &whole, reference, lang, &mut notes);

    Totals {
        programme_id: programme_id.to_string(),
        currency: CURRENCY,
        amount_unit: AMOUNT_UNIT,
        schemes: SchemeTotals {
            reported: reported_schemes,
            itemised: itemised_schemes,
            gap: schemes_gap,
            quote: reported.schemes.as_ref().and_then(|r| r.quote.clone()),
            by_scope: scope_totals,
        },
        cost: CostTotals {
            reported: reported_cost,
            itemised: itemised_cost,
            gap: cost_gap,
            unattributed,
            quote: reported.cost.as_ref().and_then(|c| c.quote.clone()),
        },
        funding,
        notes,
    }
}

/// Each funding source's reported, itemised (rolled up) and gap, with the bounds the reported
/// figures imply for unsplit money; the notes that say each gap and each unsplit part in words
/// are added to `notes`. Shared by `/totals` and `breakdown?by=source`.
pub fn funding_totals(
    reported: &Reported<Money>,
    whole: &Group,
    reference: &Reference,
    lang: Lang,
    notes: &mut Vec<String>,
) -> Vec<FundingTotal> {
    let a = |m: Money| lang.amount(m);
    let rolled = whole.roll_up(reference);
    let implied = implied(reported, &rolled, lang);
    let totals = rolled
        .into_iter()
        .map(|rolled| {
            let source = reference.source(&rolled.source).expect("roll_up yields reference sources");
            let published = reported.funding.iter().find(|f| f.source == rolled.source);
            let reported = published.map(|f| f.amount);
            let gap = reported.map(|r| r - rolled.amount);
            if let (Some(r), Some(gap)) = (reported, gap.filter(|g| !g.is_zero())) {
                let (s, i) = (&rolled.source, rolled.amount);
                notes.push(lang.pick(
                    format!("Funding from {s}: the programme reports {r} million VND; its funding lines add up to {i}: a gap of {gap}."),
                    format!(
                        "Nguồn {s}: chương trình báo cáo {} triệu đồng; các dòng kinh phí cộng lại {}: chênh lệch {}.",
                        a(r),
                        a(i),
                        a(gap)
                    ),
                ));
            }
            let has_children = reference.sources.iter().any(|s| s.parent.as_deref() == Some(&rolled.source));
            if has_children && !rolled.own.is_zero() {
                let (own, s) = (rolled.own, &rolled.source);
                notes.push(lang.pick(
                    format!(
                        "{own} million VND of {s} funding is not split between the sources below it: the source does not say which paid."
                    ),
                    format!(
                        "{} triệu đồng thuộc nguồn {s} không được chia cho các nguồn con: nguồn tin không nói nguồn nào đã chi.",
                        a(own)
                    ),
                ));
            }
            let share = implied.share(&rolled.source).cloned();
            if let Some(share) = &share {
                let (u, p, lo, hi, c) = (share.unsplit, &share.parent, share.at_least, share.at_most, &rolled.source);
                notes.push(lang.pick(
                    format!(
                        "Implied, not reported: of the {u} million VND of unsplit {p} funding, at least {lo} and at most {hi} is {c}'s, by the arithmetic of the reported figures (see `implied`)."
                    ),
                    format!(
                        "Suy ra, không phải số liệu được báo cáo: trong {} triệu đồng chưa chia của nguồn {p}, ít nhất {} và nhiều nhất {} là của {c}, theo phép tính trên các số liệu đã báo cáo (xem `implied`).",
                        a(u),
                        a(lo),
                        a(hi)
                    ),
                ));
            }
            FundingTotal {
                source: rolled.source,
                parent: rolled.parent,
                names: source.names.clone(),
                reported,
                itemised: rolled.amount,
                gap,
                own: rolled.own,
                quote: published.and_then(|f| f.quote.clone()),
                implied: share,
            }
        })
        .collect();
    notes.extend(implied.notes);
    totals
}

/// What a write accepts but reports: each way the document's reported figures and its records
/// do not agree (published figures do not always add up).
pub fn warnings(programme: &Programme, sums: &ProgrammeSums, reference: &Reference, lang: Lang) -> Vec<String> {
    reconcile(&programme.id, &programme.reported, sums, reference, lang).notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::{ReportedAmount, ReportedCount, ScopeCount, SourceAmount};
    use crate::domain::sums::fixtures::*;

    fn reported() -> Reported<Money> {
        let amount = |source: &str, a: &str| SourceAmount { source: source.into(), amount: m(a), quote: None };
        Reported {
            schemes: Some(ReportedCount { value: 10, quote: Some("10 đề án".into()) }),
            schemes_by_scope: vec![ScopeCount { scope: "local".into(), value: 7, quote: None }],
            cost: Some(ReportedAmount { amount: m("100.00"), quote: None }),
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
        let t = reconcile("p", &reported(), &sums, &reference(), Lang::En);

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
        assert!(t.notes.iter().any(|n| n.contains("gap of 4.50")), "{:?}", t.notes);
        assert!(
            t.notes.iter().any(|n| n.starts_with("30.00 million VND of state_budget funding is not split")),
            "{:?}",
            t.notes
        );
        assert!(
            !t.notes.iter().any(|n| n.starts_with("Funding from contributions")),
            "a zero gap needs no note: {:?}",
            t.notes
        );
    }

    #[test]
    fn a_programme_with_no_reported_figures_has_null_gaps() {
        let sums = sums(vec![record("unspecified", "national", 2, "12.00", &[])]);
        let t = reconcile("p", &Reported::empty(), &sums, &reference(), Lang::En);
        assert_eq!((t.schemes.reported, t.schemes.itemised, t.schemes.gap), (None, 2, None));
        assert_eq!((t.cost.reported, t.cost.gap, t.cost.unattributed), (None, None, m("12.00")));
        assert!(t.funding.iter().all(|f| f.reported.is_none() && f.gap.is_none() && f.itemised.is_zero()));
        assert!(t.schemes.by_scope.iter().all(|s| s.gap.is_none()));
    }

    #[test]
    fn a_programme_with_no_records_itemises_zero() {
        let t = reconcile("p", &reported(), &ProgrammeSums::default(), &reference(), Lang::En);
        assert_eq!((t.schemes.itemised, t.schemes.gap), (0, Some(10)));
        assert_eq!((t.cost.itemised, t.cost.gap, t.cost.unattributed), (Money::ZERO, Some(m("100.00")), Money::ZERO));
    }
}
