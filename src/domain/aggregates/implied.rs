//! What the reported figures imply for money the records do not split: bounds, never facts.
//!
//! A funding line may name a parent source (`state_budget`) because the source does not say
//! which of its children paid. The children's reported figures still bound how much of that
//! unsplit money each child can have paid: child `c` has reported `R_c`, of which `I_c` is
//! itemised under it, so at most `R_c - I_c` of the unsplit money `U` is `c`'s; and since the
//! children split the parent between them, whatever the others cannot hold is `c`'s:
//! at least `U - Σ_{d≠c} max_d`. Arithmetic on published figures, labelled as implied.

use serde::Serialize;
use utoipa::ToSchema;

use rust_decimal::Decimal;

use super::figures::{Reading, read_source, words};
use super::interval::Interval;
use super::sums::RolledUp;
use crate::domain::document::Reported;
use crate::domain::money::Money;
use crate::domain::reference::Reference;
use crate::i18n::{Arg, Message};

/// The part of a parent source's unsplit money that the reported figures imply is this
/// source's: implied by arithmetic, not reported by the source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ImpliedShare {
    /// The parent source whose funding lines do not say which of its children paid.
    #[schema(example = "state_budget")]
    pub parent: String,
    /// The parent's money the records do not split between its children, in million VND.
    #[schema(example = "9570.70")]
    pub unsplit: Money,
    /// The least of `unsplit` that must be this source's, given the reported figures.
    #[schema(example = "6713.69")]
    pub at_least: Money,
    /// The most of `unsplit` that can be this source's, given the reported figures.
    #[schema(example = "7898.47")]
    pub at_most: Money,
    /// How the bounds follow from the reported and itemised figures, in words.
    #[schema(
        example = "Implied, not reported: central_budget reports 7,898.47 million VND, of which 0.00 is itemised under it, so at most 7,898.47 of the 9,570.70 unsplit state_budget money is its; the other parts of state_budget can hold at most 2,857.01 of it, so at least 6,713.69 is its."
    )]
    #[schema(value_type = String)]
    pub basis: Message,
}

/// A bound on a count the records do not split, in the shape every bound of the API takes:
/// `at_least`, `at_most` (a null bound is open) and `basis`, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct CountBound {
    #[schema(example = 45)]
    pub at_least: Option<i64>,
    #[schema(example = 46)]
    pub at_most: Option<i64>,
    /// How the bounds follow from the published figures, in the request's language.
    #[schema(
        value_type = String,
        example = "Implied, not published: the article reports 46 local schemes out of 65 and does not split its scheme groups by level; 64 recorded schemes are in groups of no stated level and 1 scheme is in no group, so at least 45 and at most 46 of the 64 recorded schemes are local."
    )]
    pub basis: Message,
}

/// What the published figures imply for how many recorded schemes are of `scope` when the
/// records leave `unsplit` schemes with no stated scope: at most what is published for the
/// scope, and at least what is published less the schemes in no record. None where nothing is
/// unsplit, nothing is published for the scope, or the records already exceed it.
pub fn implied_schemes(
    scope: Arg,
    reported: Option<i64>,
    itemised: i64,
    unsplit: i64,
    total: (Option<i64>, i64),
) -> Option<CountBound> {
    let reported = reported.filter(|r| unsplit > 0 && itemised <= *r)?;
    let (reported_total, recorded) = total;
    let outside = reported_total.map(|t| (t - recorded).max(0));
    let at_most = reported.min(itemised + unsplit);
    let at_least = outside.map_or(itemised, |o| itemised.max(reported - o));
    let basis = match (reported_total, outside) {
        (Some(t), Some(o)) => Message::new("implied-schemes-basis").count("total", t).count("outside", o),
        _ => Message::new("implied-schemes-basis-no-total"),
    }
    .arg("scope", scope)
    .count("reported", reported)
    .count("unsplit", unsplit)
    .count("recorded", recorded)
    .count("least", at_least)
    .count("most", at_most);
    Some(CountBound { at_least: Some(at_least), at_most: Some(at_most), basis })
}

/// What the figures imply for every parent source with unsplit money: the implied shares (one
/// per child, keyed by the child), and a note for each parent whose figures cannot all hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Implied {
    pub shares: Vec<(String, ImpliedShare)>,
    pub notes: Vec<Message>,
}

impl Implied {
    pub fn share(&self, source: &str) -> Option<&ImpliedShare> {
        self.shares.iter().find(|(key, _)| key == source).map(|(_, share)| share)
    }
}

/// Bounds on each child's part of its parent's unsplit money, from the reported figures and
/// the records rolled up the source tree (`rolled`, one entry per reference source).
///
/// Where the children's reported figures add up to more than their parent's, the figures
/// cannot all hold: a note says so (for every such parent, unsplit money or not) and no bounds
/// are implied for its children.
pub fn implied(reported: &Reported<Money>, rolled: &[RolledUp], reference: &Reference) -> Implied {
    let mut out = Implied::default();
    // Each figure as the interval it allows: a child's room is what its figure allows at most.
    let reported_of =
        |key: &str| reported.funding.iter().find(|f| f.source == key).and_then(|f| read_source(reported, f));
    let children_of =
        |parent: &str| -> Vec<&RolledUp> { rolled.iter().filter(|r| r.parent.as_deref() == Some(parent)).collect() };
    let mut contradicted = Vec::new();
    for parent in rolled {
        let Some(whole) = reported_of(&parent.source) else { continue };
        let parts: Vec<(&str, Reading<Money>)> = children_of(&parent.source)
            .iter()
            .filter_map(|c| Some((c.source.as_str(), reported_of(&c.source)?)))
            .collect();
        let sum = parts.iter().fold(Interval::exact(Decimal::ZERO), |sum, (_, r)| sum.plus(r.interval));
        if sum.intersect(Interval { at_least: None, at_most: whole.interval.at_most }).is_none() {
            let items = parts
                .iter()
                .map(|(source, reading)| {
                    Message::new("source-amount")
                        .arg("source", reference.named(source))
                        .message("amount", reading.said())
                        .into()
                })
                .collect();
            out.notes.push(
                Message::new("reported-children-exceed")
                    .list("children", items, false)
                    .message("sum", words::<Money>(sum))
                    .arg("parent", reference.named(&parent.source))
                    .message("reported", whole.said()),
            );
            contradicted.push(parent.source.as_str());
        }
    }
    for parent in rolled.iter().filter(|r| !r.own.is_zero() && !contradicted.contains(&r.source.as_str())) {
        let children = children_of(&parent.source);
        if children.is_empty() {
            continue;
        }
        let unsplit = parent.own;
        // The most of `unsplit` each child can hold: what it reports beyond what is itemised
        // under it (all of it where it reports nothing).
        let mut room = Vec::with_capacity(children.len());
        for child in &children {
            let at_most = |r: &Reading<Money>| r.interval.at_most.map(Money::from_decimal);
            let most = match reported_of(&child.source) {
                Some(r) if at_most(&r).is_some_and(|most| most < child.amount) => {
                    out.notes.push(
                        Message::new("implied-overspent")
                            .amount("unsplit", unsplit)
                            .arg("parent", reference.named(&parent.source))
                            .arg("source", reference.named(&child.source))
                            .message("reported", r.said())
                            .amount("itemised", child.amount),
                    );
                    room.clear();
                    break;
                }
                Some(r) => at_most(&r).map_or(unsplit, |most| (most - child.amount).min(unsplit)),
                None => unsplit,
            };
            room.push(most);
        }
        if room.len() != children.len() {
            continue;
        }
        let total_room: Money = room.iter().copied().sum();
        if total_room < unsplit {
            let names = children.iter().map(|c| reference.named(&c.source)).collect();
            out.notes.push(
                Message::new("implied-no-room")
                    .amount("unsplit", unsplit)
                    .arg("parent", reference.named(&parent.source))
                    .list("sources", names, false)
                    .amount("room", total_room),
            );
            continue;
        }
        for (child, &most) in children.iter().zip(&room) {
            let others = total_room - most;
            let least = if unsplit > others { unsplit - others } else { Money::ZERO };
            let basis = match reported_of(&child.source) {
                Some(r) => Message::new("implied-basis")
                    .message("reported", r.said())
                    .amount("itemised", child.amount)
                    .amount("most", most),
                None => Message::new("implied-basis-unreported"),
            }
            .arg("source", reference.named(&child.source))
            .amount("unsplit", unsplit)
            .arg("parent", reference.named(&parent.source))
            .amount("others", others)
            .amount("least", least);
            let share = ImpliedShare { parent: parent.source.clone(), unsplit, at_least: least, at_most: most, basis };
            out.shares.push((child.source.clone(), share));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aggregates::sums::ProgrammeSums;
    use crate::domain::aggregates::sums::fixtures::*;
    use crate::domain::document::ReportedSource;
    use crate::i18n::Lang;

    fn reported(funding: &[(&str, &str)]) -> Reported<Money> {
        let mut r = Reported::empty();
        r.funding = funding.iter().map(|(s, a)| ReportedSource::exact(*s, m(a), None)).collect();
        r
    }

    fn bounds(implied: &Implied) -> Vec<(&str, Money, Money)> {
        implied.shares.iter().map(|(k, s)| (k.as_str(), s.at_least, s.at_most)).collect()
    }

    /// The 2016-2020 programme's funding: 9,570.70 of state money on no level, 1,823.00 from the
    /// city, and the reported central 7,898.47 and city 4,680.01.
    fn hai_phong() -> ProgrammeSums {
        sums(vec![
            record("management_capacity", "unknown", 6, "474.44", &[("local_budget", "474.44")]),
            record("information_provision", "unknown", 14, "1188.56", &[("local_budget", "1188.56")]),
            record(
                "demonstration_technology_transfer",
                "unknown",
                21,
                "31742.18",
                &[("state_budget", "5760.00"), ("contributions", "25982.18")],
            ),
            record(
                "unspecified",
                "unknown",
                12,
                "6349.00",
                &[("state_budget", "3810.70"), ("contributions", "2538.30")],
            ),
            record(
                "consulting_assistance",
                "unknown",
                3,
                "367.55",
                &[("local_budget", "160.00"), ("contributions", "207.55")],
            ),
        ])
    }

    #[test]
    fn the_reported_children_bound_the_unsplit_state_money() {
        let reference = reference();
        let rolled = hai_phong().whole().roll_up(&reference);
        let figures = reported(&[
            ("state_budget", "12578.48"),
            ("central_budget", "7898.47"),
            ("local_budget", "4680.01"),
            ("contributions", "28728.05"),
        ]);
        let implied = implied(&figures, &rolled, &reference);
        assert_eq!(
            bounds(&implied),
            [("central_budget", m("6713.69"), m("7898.47")), ("local_budget", m("1672.23"), m("2857.01"))]
        );
        let central = implied.share("central_budget").unwrap();
        assert_eq!((central.parent.as_str(), central.unsplit), ("state_budget", m("9570.70")));
        let (en, vi) = (Lang::En.say(&central.basis), Lang::Vi.say(&central.basis));
        assert!(en.starts_with("Implied, not reported: central_budget reports 7,898.47 million VND"), "{en}");
        assert!(en.ends_with("can hold at most 2,857.01 of it, so at least 6,713.69 is its."), "{en}");
        assert_eq!(
            vi,
            "Suy ra từ số công bố (không phải số công bố): bài viết nêu ngân sách Trung ương 7.898,47 triệu đồng, \
             các dòng kinh phí ghi nguồn này cộng lại 0,00, nên trong 9.570,70 triệu đồng ngân sách nhà nước chưa \
             tách, phần của nguồn này nhiều nhất là 7.898,47; các nguồn khác thuộc ngân sách nhà nước chỉ nhận được \
             nhiều nhất 2.857,01, nên phần của nguồn này ít nhất là 6.713,69 triệu đồng."
        );
        assert!(implied.notes.is_empty());
    }

    #[test]
    fn a_child_with_no_reported_figure_can_hold_it_all() {
        let reference = reference();
        let rolled = sums(vec![record("unspecified", "unknown", 1, "100.00", &[("state_budget", "100.00")])])
            .whole()
            .roll_up(&reference);
        let implied = implied(&reported(&[("central_budget", "30.00")]), &rolled, &reference);
        assert_eq!(
            bounds(&implied),
            [("central_budget", Money::ZERO, m("30.00")), ("local_budget", m("70.00"), m("100.00"))]
        );
    }

    #[test]
    fn figures_that_cannot_all_hold_give_a_note_and_no_bounds() {
        let reference = reference();
        let rolled = sums(vec![record(
            "unspecified",
            "unknown",
            1,
            "100.00",
            &[("state_budget", "50.00"), ("local_budget", "40.00")],
        )])
        .whole()
        .roll_up(&reference);
        // the city's lines exceed what it reports
        let implied_over = implied(&reported(&[("local_budget", "10.00")]), &rolled, &reference);
        assert!(implied_over.shares.is_empty());
        assert!(
            Lang::En
                .say(&implied_over.notes[0])
                .contains("local_budget reports 10.00 but its funding lines already add up to 40.00")
        );
        // together the children leave room for 20.00 of the 50.00
        let too_small =
            implied(&reported(&[("central_budget", "10.00"), ("local_budget", "50.00")]), &rolled, &reference);
        assert!(too_small.shares.is_empty());
        let note = Lang::En.say(&too_small.notes[0]);
        assert!(
            note.contains("the reported figures of central_budget and local_budget leave room for only 20.00"),
            "{note}"
        );
    }

    #[test]
    fn children_reported_above_their_parent_give_a_note_and_no_bounds() {
        let reference = reference();
        let rolled = sums(vec![record("unspecified", "unknown", 1, "90.00", &[("state_budget", "90.00")])])
            .whole()
            .roll_up(&reference);
        let figures = reported(&[("state_budget", "100.00"), ("central_budget", "80.00"), ("local_budget", "80.00")]);
        let implied = implied(&figures, &rolled, &reference);
        assert!(implied.shares.is_empty(), "{:?}", implied.shares);
        assert_eq!(
            Lang::En.say(&implied.notes[0]),
            "The reported figures cannot all hold: central_budget 80.00 and local_budget 80.00 add up to 160.00, \
             more than what is reported for state_budget (100.00), which they are part of; no bounds are implied from them."
        );
        assert_eq!(
            Lang::Vi.say(&implied.notes[0]),
            "Các số công bố không thể cùng đúng: ngân sách Trung ương 80,00 và ngân sách địa phương 80,00 cộng lại \
             160,00, nhiều hơn số công bố của ngân sách nhà nước (100,00) mà chúng thuộc về; vì vậy không suy ra \
             giới hạn nào từ các số này."
        );
    }

    #[test]
    fn no_unsplit_money_implies_nothing() {
        let reference = reference();
        let rolled = sums(vec![record("unspecified", "unknown", 1, "10.00", &[("local_budget", "10.00")])])
            .whole()
            .roll_up(&reference);
        assert_eq!(implied(&reported(&[("central_budget", "5.00")]), &rolled, &reference), Implied::default());
    }
}
