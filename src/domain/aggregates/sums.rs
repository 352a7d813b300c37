//! A programme's sums, made in one place: computed once from a validated document with checked
//! arithmetic, stored beside its rows, and regrouped (never recomputed) for totals, breakdowns
//! and indicators.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::domain::document::{IndicatorDefinition, Programme, SchemeRecord, Violation, Violations};
use crate::domain::money::Money;
use crate::domain::reference::Reference;
use crate::i18n::Message;

/// The records of one activity and scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordSums {
    pub activity: String,
    pub scope: String,
    pub records: i64,
    /// The sum of `scheme_count`.
    pub schemes: i64,
    pub cost: Money,
    /// The schemes of records whose funding lines leave part of their cost unattributed.
    pub unattributed_schemes: i64,
}

/// The funding lines of one activity and scope under one source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineSums {
    pub activity: String,
    pub scope: String,
    pub source: String,
    /// The lines naming exactly `source` (no roll-up).
    pub amount: Money,
    /// The records with a line naming `source` or a source below it: a filter by source counts
    /// from these, not from the records.
    pub records: i64,
    /// The schemes of records with a line naming `source` or a source below it.
    pub schemes: i64,
}

/// An indicator over the programme's records: how many give it, and its total when additive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorTotal {
    pub key: String,
    pub records: i64,
    pub total: Option<Decimal>,
}

/// Every sum a read of the programme needs, and nothing that is not a sum.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgrammeSums {
    /// One entry per activity and scope that has records, ordered by (activity, scope).
    pub records: Vec<RecordSums>,
    /// One entry per activity, scope and source with a line at or below that source.
    pub lines: Vec<LineSums>,
    /// One entry per indicator that some record gives, ordered by key.
    pub indicators: Vec<IndicatorTotal>,
}

/// How records are grouped for a breakdown. Funding sources are not a grouping of records (a
/// record may have several), so they have no member here; see [`ProgrammeSums::whole`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    Activity,
    Scope,
}

/// The records of one group as a read sees them, with their lines per source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Group {
    /// The activity or scope; empty for the whole programme.
    pub key: String,
    pub records: i64,
    pub schemes: i64,
    pub cost: Money,
    pub unattributed_schemes: i64,
    /// Per source with a line at or below it, in source-key order.
    pub lines: Vec<SourceSums>,
}

/// A group's lines under one source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceSums {
    pub source: String,
    /// Lines naming exactly this source.
    pub amount: Money,
    /// Schemes of records with a line naming this source or one below it.
    pub schemes: i64,
}

/// A source's funding rolled up over its subtree, next to the part that names it exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RolledUp {
    pub source: String,
    pub parent: Option<String>,
    /// Lines naming this source or any source below it.
    pub amount: Money,
    /// Lines naming exactly this source.
    pub own: Money,
    /// Schemes of records with a line naming this source or one below it.
    pub schemes: i64,
    /// Whether any line falls in the subtree (an amount of 0.00 with no line means "nothing known").
    pub has_lines: bool,
}

/// `what`: the catalog's name of the sum (`sum-itemised-cost`).
fn too_large(pointer: String, what: &'static str) -> Violation {
    Violation {
        pointer,
        detail: Message::new("sum-too-large").message("what", Message::new(what)).amount("most", Money::max_stored()),
    }
}

/// Sums being made, a record added or taken away at a time, every step checked.
struct Tally<'a> {
    reference: &'a Reference,
    additive: Vec<&'a str>,
    records: BTreeMap<(String, String), RecordSums>,
    lines: BTreeMap<(String, String, String), LineSums>,
    indicators: BTreeMap<String, IndicatorTotal>,
    /// Every amount sum is at most the programme's total cost (a record's lines never exceed its
    /// cost), so checking that total bounds them all; each is checked all the same.
    total_cost: Money,
}

impl<'a> Tally<'a> {
    fn new(reference: &'a Reference, definitions: &'a [IndicatorDefinition]) -> Tally<'a> {
        Tally {
            reference,
            additive: definitions.iter().filter(|d| d.additive).map(|d| d.key.as_str()).collect(),
            records: BTreeMap::new(),
            lines: BTreeMap::new(),
            indicators: BTreeMap::new(),
            total_cost: Money::ZERO,
        }
    }

    /// The tally that made `sums`.
    fn of(sums: &ProgrammeSums, reference: &'a Reference, definitions: &'a [IndicatorDefinition]) -> Tally<'a> {
        let mut tally = Tally::new(reference, definitions);
        for r in &sums.records {
            tally.total_cost = tally.total_cost + r.cost;
            tally.records.insert((r.activity.clone(), r.scope.clone()), r.clone());
        }
        for l in &sums.lines {
            tally.lines.insert((l.activity.clone(), l.scope.clone(), l.source.clone()), l.clone());
        }
        for i in &sums.indicators {
            tally.indicators.insert(i.key.clone(), i.clone());
        }
        tally
    }

    /// Adds `record` (`sign` 1) or takes it away (-1); a sum past what storage holds is a
    /// violation under `at`, the record's pointer. False when the total cost would not fit.
    fn count(&mut self, record: &SchemeRecord<Money>, sign: i64, at: &str, violations: &mut Violations) -> bool {
        let signed = |m: Money| if sign < 0 { Money::ZERO - m } else { m };
        let Some(total) = self.total_cost.checked_add(signed(record.cost)) else {
            violations.push(too_large(format!("{at}/cost"), "sum-itemised-cost"));
            return false;
        };
        self.total_cost = total;
        let funded: Money = record.funding.iter().map(|l| l.amount).sum();
        let group = self.records.entry((record.activity.clone(), record.scope.clone())).or_insert_with(|| RecordSums {
            activity: record.activity.clone(),
            scope: record.scope.clone(),
            records: 0,
            schemes: 0,
            cost: Money::ZERO,
            unattributed_schemes: 0,
        });
        let unattributed = if funded < record.cost { record.scheme_count } else { 0 };
        match (
            group.records.checked_add(sign),
            group.schemes.checked_add(sign * record.scheme_count),
            group.cost.checked_add(signed(record.cost)),
            group.unattributed_schemes.checked_add(sign * unattributed),
        ) {
            (Some(records), Some(schemes), Some(cost), Some(unattributed)) => {
                (group.records, group.schemes, group.cost) = (records, schemes, cost);
                group.unattributed_schemes = unattributed;
            }
            _ => violations.push(too_large(format!("{at}/cost"), "sum-group-cost")),
        }
        // Each source a line names, and every source above it, once per record.
        let mut under: Vec<&str> = Vec::new();
        for line in &record.funding {
            for source in self.reference.source_and_ancestors(&line.source) {
                if !under.contains(&source) {
                    under.push(source);
                }
            }
        }
        for source in under {
            let key = (record.activity.clone(), record.scope.clone(), source.to_string());
            let sum = self.lines.entry(key).or_insert_with(|| LineSums {
                activity: record.activity.clone(),
                scope: record.scope.clone(),
                source: source.to_string(),
                amount: Money::ZERO,
                records: 0,
                schemes: 0,
            });
            let own = record.funding.iter().filter(|l| l.source == source).map(|l| l.amount).sum();
            match (
                sum.amount.checked_add(signed(own)),
                sum.records.checked_add(sign),
                sum.schemes.checked_add(sign * record.scheme_count),
            ) {
                (Some(amount), Some(records), Some(schemes)) => {
                    (sum.amount, sum.records, sum.schemes) = (amount, records, schemes)
                }
                _ => violations.push(too_large(format!("{at}/funding"), "sum-group-funding")),
            }
        }
        let mut given: Vec<&str> = Vec::new();
        for (j, indicator) in record.indicators.iter().enumerate() {
            let additive = self.additive.contains(&indicator.key.as_str());
            let sum = self.indicators.entry(indicator.key.clone()).or_insert_with(|| IndicatorTotal {
                key: indicator.key.clone(),
                records: 0,
                total: additive.then_some(Decimal::ZERO),
            });
            if !given.contains(&indicator.key.as_str()) {
                given.push(&indicator.key);
                sum.records += sign;
            }
            let Some(total) = sum.total.as_mut() else { continue };
            let value = Decimal::from_str_exact(&indicator.value).ok();
            match value.and_then(|v| if sign < 0 { total.checked_sub(v) } else { total.checked_add(v) }) {
                Some(next) => *total = next,
                None => violations.push(Violation {
                    pointer: format!("{at}/indicators/{j}/value"),
                    detail: Message::new("sum-indicator-too-large")
                        .word("key", format!("{:?}", indicator.key))
                        .word("most", Decimal::MAX.to_string()),
                }),
            }
        }
        true
    }

    /// The sums, without the groups no record is in any more.
    fn finish(self) -> ProgrammeSums {
        ProgrammeSums {
            records: self.records.into_values().filter(|r| r.records != 0).collect(),
            lines: self.lines.into_values().filter(|l| l.records != 0).collect(),
            indicators: self
                .indicators
                .into_values()
                .filter(|i| i.records != 0)
                .map(|i| IndicatorTotal { total: i.total.map(|t| t.normalize()), ..i })
                .collect(),
        }
    }
}

impl ProgrammeSums {
    /// The sums of a document whose every field is valid (see `domain::validate`, which calls
    /// this). Every addition is checked: a sum past what storage holds is a violation pointing at
    /// the figure that first breaks it, so no stored or published sum can overflow.
    pub fn of(programme: &Programme, reference: &Reference) -> Result<ProgrammeSums, Violations> {
        let mut violations = Violations::default();
        let mut tally = Tally::new(reference, &programme.indicator_definitions);
        for (i, record) in programme.schemes.iter().enumerate() {
            if !tally.count(record, 1, &format!("/schemes/{i}"), &mut violations) {
                break;
            }
        }
        match violations.is_empty() {
            true => Ok(tally.finish()),
            false => Err(violations),
        }
    }

    /// These sums with one record changed: `old` taken away (when it was there), `new` added
    /// (unless it is deleted; its violations point under `at`). The same sums as [`Self::of`]
    /// the programme after the change, without reading its other records.
    pub fn with_change(
        &self,
        old: Option<&SchemeRecord<Money>>,
        new: Option<(&SchemeRecord<Money>, &str)>,
        definitions: &[IndicatorDefinition],
        reference: &Reference,
    ) -> Result<ProgrammeSums, Violations> {
        let mut violations = Violations::default();
        let mut tally = Tally::of(self, reference, definitions);
        if let Some(old) = old {
            tally.count(old, -1, "", &mut violations);
        }
        if let Some((new, at)) = new {
            tally.count(new, 1, at, &mut violations);
        }
        match violations.is_empty() {
            true => Ok(tally.finish()),
            false => Err(violations),
        }
    }

    /// The records grouped by activity or scope: one group per key that has records.
    pub fn groups(&self, by: Grouping) -> Vec<Group> {
        let key = |activity: &str, scope: &str| -> String {
            match by {
                Grouping::Activity => activity.to_string(),
                Grouping::Scope => scope.to_string(),
            }
        };
        let mut groups: BTreeMap<String, Group> = BTreeMap::new();
        for r in &self.records {
            let k = key(&r.activity, &r.scope);
            add_records(groups.entry(k.clone()).or_insert_with(|| Group { key: k, ..Group::default() }), r);
        }
        for l in &self.lines {
            if let Some(group) = groups.get_mut(&key(&l.activity, &l.scope)) {
                add_line(group, l);
            }
        }
        groups.into_values().collect()
    }

    /// The whole programme as one group (empty key).
    pub fn whole(&self) -> Group {
        let mut group = Group::default();
        self.records.iter().for_each(|r| add_records(&mut group, r));
        self.lines.iter().for_each(|l| add_line(&mut group, l));
        group
    }

    /// The total of an additive indicator, when some record gives it.
    pub fn indicator_total(&self, key: &str) -> Option<Decimal> {
        self.indicator(key).and_then(|i| i.total)
    }

    /// An indicator's count and total, when some record gives it.
    pub fn indicator(&self, key: &str) -> Option<&IndicatorTotal> {
        self.indicators.iter().find(|i| i.key == key)
    }
}

// Regrouping adds stored sums that `ProgrammeSums::of` checked: every regrouped sum is at most
// the programme's total, which fits.
fn add_records(group: &mut Group, r: &RecordSums) {
    group.records += r.records;
    group.schemes += r.schemes;
    group.cost = group.cost + r.cost;
    group.unattributed_schemes += r.unattributed_schemes;
}

fn add_line(group: &mut Group, l: &LineSums) {
    match group.lines.binary_search_by(|s| s.source.as_str().cmp(&l.source)) {
        Ok(i) => {
            let sum = &mut group.lines[i];
            sum.amount = sum.amount + l.amount;
            sum.schemes += l.schemes;
        }
        Err(i) => group.lines.insert(i, SourceSums { source: l.source.clone(), amount: l.amount, schemes: l.schemes }),
    }
}

impl Group {
    /// The sum of every line: each line counted once, whichever source it names.
    pub fn funded(&self) -> Money {
        self.lines.iter().map(|l| l.amount).sum()
    }

    /// The part of the cost no funding line covers.
    pub fn unattributed(&self) -> Money {
        self.cost - self.funded()
    }

    /// The group's lines rolled up the funding-source tree: one entry per reference source, in
    /// reference order.
    pub fn roll_up(&self, reference: &Reference) -> Vec<RolledUp> {
        reference
            .sources
            .iter()
            .map(|source| {
                let own = self.lines.iter().find(|l| l.source == source.key);
                let amount = self
                    .lines
                    .iter()
                    .filter(|l| reference.source_and_ancestors(&l.source).any(|k| k == source.key))
                    .map(|l| l.amount)
                    .sum();
                RolledUp {
                    source: source.key.clone(),
                    parent: source.parent.clone(),
                    amount,
                    own: own.map_or(Money::ZERO, |l| l.amount),
                    schemes: own.map_or(0, |l| l.schemes),
                    has_lines: own.is_some(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use crate::domain::document::{
        IndicatorDefinition, IndicatorValue, Period, Reported, SchemeRecord, SourceAmount, SourceDocument,
    };
    use crate::domain::reference::{FundingSource, Names, Scope};

    /// Our Vietnamese label for `key`, as the migrations name it (a made-up one for others).
    fn names(key: &str) -> Names {
        let vi = match key {
            "state_budget" => "Ngân sách nhà nước",
            "central_budget" => "Ngân sách Trung ương",
            "local_budget" => "Ngân sách địa phương",
            "contributions" => "Đóng góp của các tổ chức, cá nhân tham gia và thụ hưởng",
            "local" => "Đề án khuyến công địa phương",
            "national" => "Đề án khuyến công quốc gia",
            "unknown" | "unspecified" => "Không nêu rõ",
            _ => "Đào tạo nghề",
        };
        Names { vi: vi.to_string(), en: key.to_string() }
    }

    /// The funding-source tree and scopes as the migrations define them; two activities.
    pub fn reference() -> Reference {
        let source = |key: &str, parent: Option<&str>| FundingSource {
            key: key.into(),
            parent: parent.map(Into::into),
            names: names(key),
        };
        let activity = |key: &str, clause: Option<i64>| crate::domain::reference::Activity {
            key: key.into(),
            decree: clause.map(|_| "45/2012/NĐ-CP, Điều 4".into()),
            clause,
            point: None,
            names: names(key),
        };
        Reference {
            activities: vec![activity("vocational_training", Some(1)), activity("unspecified", None)],
            sources: vec![
                source("state_budget", None),
                source("central_budget", Some("state_budget")),
                source("local_budget", Some("state_budget")),
                source("contributions", None),
            ],
            scopes: ["local", "national", "unknown"]
                .iter()
                .map(|k| Scope { key: k.to_string(), names: names(k) })
                .collect(),
        }
    }

    pub fn m(text: &str) -> Money {
        Money::parse(text).unwrap()
    }

    /// A record of `activity` and `scope` with `lines` as (source, amount).
    pub fn record(
        activity: &str,
        scope: &str,
        schemes: i64,
        cost: &str,
        lines: &[(&str, &str)],
    ) -> SchemeRecord<Money> {
        SchemeRecord {
            id: format!("r{}", lines.len()),
            scheme_count: schemes,
            activity: activity.into(),
            scope: scope.into(),
            title: names("record"),
            cost: m(cost),
            funding: lines
                .iter()
                .map(|(source, amount)| SourceAmount { source: source.to_string(), amount: m(amount), quote: None })
                .collect(),
            indicators: Vec::new(),
            quote: None,
            note: None,
        }
    }

    pub fn programme(schemes: Vec<SchemeRecord<Money>>) -> Programme {
        Programme {
            id: "p".into(),
            currency: "VND".into(),
            amount_unit: "million".into(),
            names: names("programme"),
            jurisdiction: "Hải Phòng".into(),
            period: Period { start_year: 2016, end_year: 2020 },
            kind: Default::default(),
            status: Default::default(),
            part_of: None,
            legal_basis: None,
            approved_by: None,
            implementing_agency: None,
            source: SourceDocument {
                title: "t".into(),
                publisher: "p".into(),
                date: "2020-11-06".into(),
                url: None,
                note: None,
            },
            about_tolerance_percent: None,
            reported: Reported::empty(),
            indicator_definitions: vec![IndicatorDefinition {
                key: "workers".into(),
                names: names("workers"),
                unit: "person".into(),
                additive: true,
            }],
            schemes,
        }
    }

    pub fn sums(schemes: Vec<SchemeRecord<Money>>) -> ProgrammeSums {
        ProgrammeSums::of(&programme(schemes), &reference()).expect("the sums fit")
    }

    pub fn indicator(key: &str, value: &str) -> IndicatorValue {
        IndicatorValue { key: key.into(), value: value.into(), note: None }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn one_record_changed_gives_the_sums_of_the_whole_programme_after_it() {
        let mut trained = record("vocational_training", "local", 3, "367.55", &[("local_budget", "160.00")]);
        trained.indicators = vec![indicator("workers", "120")];
        let mut unknown = record("unspecified", "unknown", 12, "6349.00", &[("central_budget", "3810.70")]);
        unknown.indicators = vec![indicator("workers", "7.5")];
        let before = vec![trained.clone(), unknown.clone(), record("vocational_training", "local", 5, "239.30", &[])];
        let p = programme(before.clone());
        let (reference, definitions) = (reference(), &p.indicator_definitions);
        let old = sums(before.clone());

        // Replaced: the unknown-scope record moves to national, funded by contributions.
        let mut moved = unknown.clone();
        moved.scope = "national".into();
        moved.funding = vec![crate::domain::document::SourceAmount {
            source: "contributions".into(),
            amount: m("100.00"),
            quote: None,
        }];
        moved.indicators = Vec::new();
        let changed = old.with_change(Some(&unknown), Some((&moved, "")), definitions, &reference).unwrap();
        let after = sums(vec![trained.clone(), moved.clone(), before[2].clone()]);
        assert_eq!(changed, after);
        assert!(changed.records.iter().all(|r| r.scope != "unknown"), "a group no record is in is gone");
        assert_eq!(changed.indicator("workers").map(|i| (i.records, i.total)), Some((1, Some(Decimal::new(120, 0)))));
        let state = changed.lines.iter().find(|l| l.source == "state_budget").unwrap();
        assert_eq!((state.records, state.schemes), (1, 3), "counted once per record, at and above its source");

        // Deleted, then added again: back where it started.
        let deleted = old.with_change(Some(&trained), None, definitions, &reference).unwrap();
        assert_eq!(deleted, sums(vec![unknown.clone(), before[2].clone()]));
        assert_eq!(deleted.with_change(None, Some((&trained, "")), definitions, &reference).unwrap(), old);

        // A change past what storage holds is a violation at the record's pointer.
        let mut huge = trained.clone();
        huge.cost = Money::max_stored();
        let err = old.with_change(None, Some((&huge, "/schemes/3")), definitions, &reference).unwrap_err();
        assert_eq!(err.first[0].pointer, "/schemes/3/cost");
    }

    #[test]
    fn a_line_naming_a_parent_counts_for_the_parent_only() {
        let sums = sums(vec![
            record(
                "unspecified",
                "unknown",
                12,
                "6349.00",
                &[("state_budget", "3810.70"), ("contributions", "2538.30")],
            ),
            record(
                "vocational_training",
                "local",
                3,
                "367.55",
                &[("local_budget", "160.00"), ("contributions", "207.55")],
            ),
            record("vocational_training", "local", 5, "239.30", &[]),
        ]);
        let whole = sums.whole();
        assert_eq!((whole.records, whole.schemes, whole.cost), (3, 20, m("6955.85")));
        assert_eq!((whole.funded(), whole.unattributed(), whole.unattributed_schemes), (m("6716.55"), m("239.30"), 5));
        let rolled = whole.roll_up(&reference());
        let get = |k: &str| rolled.iter().find(|r| r.source == k).unwrap().clone();
        assert_eq!(
            (get("state_budget").amount, get("state_budget").own, get("state_budget").schemes),
            (m("3970.70"), m("3810.70"), 15),
            "the state budget rolls up the city's 160.00; its schemes count each record once"
        );
        assert_eq!((get("local_budget").amount, get("local_budget").schemes), (m("160.00"), 3));
        assert_eq!((get("central_budget").amount, get("central_budget").has_lines), (Money::ZERO, false));
        assert_eq!((get("contributions").amount, get("contributions").schemes), (m("2745.85"), 15));
        assert_eq!(
            rolled.iter().map(|r| r.source.as_str()).collect::<Vec<_>>(),
            ["state_budget", "central_budget", "local_budget", "contributions"]
        );
    }

    #[test]
    fn groups_split_the_whole_and_add_up_to_it() {
        let sums = sums(vec![
            record("vocational_training", "local", 3, "735.50", &[("local_budget", "400.00")]),
            record("vocational_training", "national", 2, "100.00", &[("central_budget", "100.00")]),
            record("unspecified", "local", 12, "6349.00", &[("state_budget", "3810.70")]),
        ]);
        let by_activity = sums.groups(Grouping::Activity);
        let rows: Vec<_> = by_activity.iter().map(|g| (g.key.as_str(), g.schemes, g.cost, g.funded())).collect();
        assert_eq!(
            rows,
            [("unspecified", 12, m("6349.00"), m("3810.70")), ("vocational_training", 5, m("835.50"), m("500.00"))]
        );
        let by_scope = sums.groups(Grouping::Scope);
        let rows: Vec<_> = by_scope.iter().map(|g| (g.key.as_str(), g.schemes, g.unattributed_schemes)).collect();
        assert_eq!(rows, [("local", 15, 15), ("national", 2, 0)]);
        let cost: Money = by_scope.iter().map(|g| g.cost).sum();
        assert_eq!(cost, sums.whole().cost);
    }

    #[test]
    fn a_programme_past_what_storage_holds_is_refused_at_the_figure_that_breaks_it() {
        let huge = "999999999999.99";
        let mut records: Vec<_> =
            (0..10).map(|_| record("vocational_training", "local", 1, huge, &[("contributions", huge)])).collect();
        let err = ProgrammeSums::of(&programme(records.clone()), &reference()).unwrap_err();
        assert_eq!(err.total, 1, "{err:?}");
        assert_eq!(err.first[0].pointer, "/schemes/9/cost");
        assert!(
            err.first[0].detail.to_string().contains("9,223,372,036,854.77 million VND"),
            "{}",
            err.first[0].detail.to_string()
        );
        records.pop();
        let sums = ProgrammeSums::of(&programme(records), &reference()).expect("nine fit");
        assert_eq!(sums.whole().cost.to_string(), "8999999999999.91");
        assert_eq!(sums.whole().funded().to_string(), "8999999999999.91");
    }

    #[test]
    fn additive_indicators_are_summed_exactly_and_checked() {
        let max = Decimal::MAX.to_string();
        let mut records = vec![
            record("vocational_training", "local", 1, "1.00", &[]),
            record("vocational_training", "local", 1, "1.00", &[]),
        ];
        records[0].indicators = vec![indicator("workers", "610")];
        records[1].indicators = vec![indicator("workers", "0.5")];
        assert_eq!(sums(records.clone()).indicator_total("workers"), Some(Decimal::new(6105, 1)));
        records[0].indicators = vec![indicator("workers", &max)];
        records[1].indicators = vec![indicator("workers", &max)];
        let err = ProgrammeSums::of(&programme(records), &reference()).unwrap_err();
        assert_eq!(err.first[0].pointer, "/schemes/1/indicators/0/value");
    }
}
