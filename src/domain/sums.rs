//! What SQL hands to the arithmetic: sums already grouped by a dimension and by funding source.

use super::money::Money;
use super::reference::Reference;

/// The records of one group (a scope, an activity): how many schemes, what they cost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupSums {
    pub key: String,
    pub schemes: i64,
    pub cost: Money,
}

/// Funding lines of one group that name exactly `source` (no roll-up yet). `group` is empty
/// when the sums are programme-wide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineSums {
    pub group: String,
    pub source: String,
    pub amount: Money,
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
    /// Whether any line falls in the subtree (an amount of 0.00 with no line means "nothing known").
    pub has_lines: bool,
}

/// Rolls `lines` (already restricted to one group) up the funding-source tree: one entry per
/// reference source, in reference order.
pub fn roll_up<'a>(lines: impl IntoIterator<Item = &'a LineSums> + Clone, reference: &Reference) -> Vec<RolledUp> {
    reference
        .sources
        .iter()
        .map(|source| {
            let mut rolled = RolledUp {
                source: source.key.clone(),
                parent: source.parent.clone(),
                amount: Money::ZERO,
                own: Money::ZERO,
                has_lines: false,
            };
            for line in lines.clone() {
                if line.source == source.key {
                    rolled.own = rolled.own + line.amount;
                }
                if reference.source_and_ancestors(&line.source).any(|k| k == source.key) {
                    rolled.amount = rolled.amount + line.amount;
                    rolled.has_lines = true;
                }
            }
            rolled
        })
        .collect()
}

/// The sum of every line: each line counted once, whichever source it names.
pub fn funded_total<'a>(lines: impl IntoIterator<Item = &'a LineSums>) -> Money {
    lines.into_iter().map(|l| l.amount).sum()
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use crate::domain::reference::{FundingSource, Names, Scope};

    fn names(en: &str) -> Names {
        Names { vi: format!("vi {en}"), en: en.to_string() }
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

    pub fn line(group: &str, source: &str, amount: &str) -> LineSums {
        LineSums { group: group.into(), source: source.into(), amount: m(amount) }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn a_line_naming_a_parent_counts_for_the_parent_only() {
        let lines = [
            line("", "state_budget", "5760.00"),
            line("", "local_budget", "160.00"),
            line("", "contributions", "207.55"),
        ];
        let rolled = roll_up(&lines, &reference());
        let get = |k: &str| rolled.iter().find(|r| r.source == k).unwrap().clone();
        assert_eq!((get("state_budget").amount, get("state_budget").own), (m("5920.00"), m("5760.00")));
        assert_eq!((get("local_budget").amount, get("local_budget").own), (m("160.00"), m("160.00")));
        assert_eq!((get("central_budget").amount, get("central_budget").has_lines), (Money::ZERO, false));
        assert_eq!(get("contributions").amount, m("207.55"));
        assert_eq!(funded_total(&lines), m("6127.55"));
        assert_eq!(
            rolled.iter().map(|r| r.source.as_str()).collect::<Vec<_>>(),
            ["state_budget", "central_budget", "local_budget", "contributions"]
        );
    }
}
