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

use super::document::Reported;
use super::money::Money;
use super::sums::RolledUp;
use crate::i18n::Lang;

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
        example = "Implied, not reported: central_budget reports 7898.47 million VND, of which 0.00 is itemised under it, so at most 7898.47 of the 9570.70 unsplit state_budget money is its; the other parts of state_budget can hold at most 2857.01 of it, so at least 6713.69 is its."
    )]
    pub basis: String,
}

/// What the figures imply for every parent source with unsplit money: the implied shares (one
/// per child, keyed by the child), and a note for each parent whose figures cannot all hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Implied {
    pub shares: Vec<(String, ImpliedShare)>,
    pub notes: Vec<String>,
}

impl Implied {
    pub fn share(&self, source: &str) -> Option<&ImpliedShare> {
        self.shares.iter().find(|(key, _)| key == source).map(|(_, share)| share)
    }
}

/// Bounds on each child's part of its parent's unsplit money, from the reported figures and
/// the records rolled up the source tree (`rolled`, one entry per reference source).
pub fn implied(reported: &Reported<Money>, rolled: &[RolledUp], lang: Lang) -> Implied {
    let a = |m: Money| lang.amount(m);
    let mut out = Implied::default();
    let reported_of = |key: &str| reported.funding.iter().find(|f| f.source == key).map(|f| f.amount);
    for parent in rolled.iter().filter(|r| !r.own.is_zero()) {
        let children: Vec<&RolledUp> = rolled.iter().filter(|r| r.parent.as_deref() == Some(&parent.source)).collect();
        if children.is_empty() {
            continue;
        }
        let unsplit = parent.own;
        // The most of `unsplit` each child can hold: what it reports beyond what is itemised
        // under it (all of it where it reports nothing).
        let mut room = Vec::with_capacity(children.len());
        for child in &children {
            let most = match reported_of(&child.source) {
                Some(r) if r < child.amount => {
                    let (p, c, i) = (&parent.source, &child.source, child.amount);
                    out.notes.push(lang.pick(
                        format!(
                            "No bounds on how the {unsplit} million VND of unsplit {p} funding divides: {c} reports {r} but its funding lines already add up to {i}."
                        ),
                        format!(
                            "Không suy ra được giới hạn cho cách chia {} triệu đồng chưa chia của nguồn {p}: {c} báo cáo {} nhưng các dòng kinh phí của nó đã cộng lại {}.",
                            a(unsplit),
                            a(r),
                            a(i)
                        ),
                    ));
                    room.clear();
                    break;
                }
                Some(r) => (r - child.amount).min(unsplit),
                None => unsplit,
            };
            room.push(most);
        }
        if room.len() != children.len() {
            continue;
        }
        let total_room: Money = room.iter().copied().sum();
        if total_room < unsplit {
            let p = &parent.source;
            let names: Vec<&str> = children.iter().map(|c| c.source.as_str()).collect();
            out.notes.push(lang.pick(
                format!(
                    "No bounds on how the {unsplit} million VND of unsplit {p} funding divides: the reported figures of {} leave room for only {total_room} of it.",
                    names.join(" and ")
                ),
                format!(
                    "Không suy ra được giới hạn cho cách chia {} triệu đồng chưa chia của nguồn {p}: số liệu báo cáo của {} chỉ chứa được {}.",
                    a(unsplit),
                    names.join(" và "),
                    a(total_room)
                ),
            ));
            continue;
        }
        for (child, &most) in children.iter().zip(&room) {
            let others = total_room - most;
            let least = if unsplit > others { unsplit - others } else { Money::ZERO };
            let (c, i, p) = (&child.source, child.amount, &parent.source);
            let basis = match reported_of(c) {
                Some(r) => lang.pick(
                    format!(
                        "Implied, not reported: {c} reports {r} million VND, of which {i} is itemised under it, so at most {most} of the {unsplit} unsplit {p} money is its; the other parts of {p} can hold at most {others} of it, so at least {least} is its."
                    ),
                    format!(
                        "Suy ra, không phải số liệu được báo cáo: {c} báo cáo {} triệu đồng, trong đó {} đã được liệt kê cho nó, nên nhiều nhất {} trong {} triệu đồng chưa chia của {p} là của nó; các phần khác của {p} chứa được nhiều nhất {}, nên ít nhất {} là của nó.",
                        a(r),
                        a(i),
                        a(most),
                        a(unsplit),
                        a(others),
                        a(least)
                    ),
                ),
                None => lang.pick(
                    format!(
                        "Implied, not reported: {c} reports no figure, so it may hold all of the {unsplit} unsplit {p} money; the other parts of {p} can hold at most {others} of it, so at least {least} is its."
                    ),
                    format!(
                        "Suy ra, không phải số liệu được báo cáo: {c} không có số liệu báo cáo, nên có thể chiếm toàn bộ {} triệu đồng chưa chia của {p}; các phần khác của {p} chứa được nhiều nhất {}, nên ít nhất {} là của nó.",
                        a(unsplit),
                        a(others),
                        a(least)
                    ),
                ),
            };
            let share = ImpliedShare { parent: parent.source.clone(), unsplit, at_least: least, at_most: most, basis };
            out.shares.push((child.source.clone(), share));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::SourceAmount;
    use crate::domain::sums::ProgrammeSums;
    use crate::domain::sums::fixtures::*;

    fn reported(funding: &[(&str, &str)]) -> Reported<Money> {
        let mut r = Reported::empty();
        r.funding =
            funding.iter().map(|(s, a)| SourceAmount { source: s.to_string(), amount: m(a), quote: None }).collect();
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
        let implied = implied(&figures, &rolled, Lang::En);
        assert_eq!(
            bounds(&implied),
            [("central_budget", m("6713.69"), m("7898.47")), ("local_budget", m("1672.23"), m("2857.01"))]
        );
        let central = implied.share("central_budget").unwrap();
        assert_eq!((central.parent.as_str(), central.unsplit), ("state_budget", m("9570.70")));
        assert!(central.basis.starts_with("Implied, not reported"), "{}", central.basis);
        assert!(implied.notes.is_empty());
    }

    #[test]
    fn a_child_with_no_reported_figure_can_hold_it_all() {
        let reference = reference();
        let rolled = sums(vec![record("unspecified", "unknown", 1, "100.00", &[("state_budget", "100.00")])])
            .whole()
            .roll_up(&reference);
        let implied = implied(&reported(&[("central_budget", "30.00")]), &rolled, Lang::En);
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
        let implied_over = implied(&reported(&[("local_budget", "10.00")]), &rolled, Lang::En);
        assert!(implied_over.shares.is_empty());
        assert!(
            implied_over.notes[0].contains("local_budget reports 10.00 but its funding lines already add up to 40.00")
        );
        // together the children leave room for 20.00 of the 50.00
        let too_small =
            implied(&reported(&[("central_budget", "10.00"), ("local_budget", "50.00")]), &rolled, Lang::En);
        assert!(too_small.shares.is_empty());
        assert!(too_small.notes[0].contains("leave room for only 20.00"), "{:?}", too_small.notes);
    }

    #[test]
    fn no_unsplit_money_implies_nothing() {
        let reference = reference();
        let rolled = sums(vec![record("unspecified", "unknown", 1, "10.00", &[("local_budget", "10.00")])])
            .whole()
            .roll_up(&reference);
        assert_eq!(implied(&reported(&[("central_budget", "5.00")]), &rolled, Lang::En), Implied::default());
    }
}
