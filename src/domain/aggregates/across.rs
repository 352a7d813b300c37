//! Sums across programmes (issue 29's foundation, pure): each programme's reconciled figures
//! added together, checked, only where they are alike, every published figure's precision carried
//! through as an interval. Reported, itemised and gap stay apart: a reported sum exists only where
//! every programme added publishes the figure.

use rust_decimal::Decimal;

use super::figures::{Bounds, Measure, shape, words};
use super::interval::{Interval, Qualifier};
use super::totals::Totals;
use crate::domain::document::{Kind, PartKind, PartOf};
use crate::domain::money::Money;
use crate::domain::reference::Reference;
use crate::i18n::{Arg, Message};

/// A programme as the sums across programmes choose it: what it is and what it may be part of.
#[derive(Clone, Copy, Debug)]
pub struct Member<'a> {
    pub id: &'a str,
    pub kind: Kind,
    pub part_of: Option<&'a PartOf>,
}

/// A programme left out of a sum, and why, in words.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Excluded {
    #[schema(example = "hai-phong-2023")]
    pub programme_id: String,
    /// Why, in the request's language.
    #[schema(value_type = String, example = "a part of 2021-2025, which is included: a part is never added to its whole")]
    pub reason: Message,
}

/// The members that may be added together: a part whose whole is among them is left out (a
/// part is never added to its whole), and so is every part unless `parts` asks for them. Of the
/// parts of one whole that is not among them, only parts that do not overlap are added: its
/// years where it has yearly parts (not its rounds, nor its figures "to date", which count what
/// the years count), else its rounds, else its latest figures to date (the first in list order);
/// and one part per label.
pub fn alike<'a>(members: &[Member<'a>], parts: bool) -> (Vec<Member<'a>>, Vec<Excluded>) {
    let (mut included, mut excluded) = (Vec::new(), Vec::new());
    let mut kept: Vec<(&str, PartKind, &str)> = Vec::new();
    for member in members {
        let reason = match member.part_of {
            None => None,
            Some(p) if members.iter().any(|m| m.id == p.programme) => {
                Some(Message::new("across-part-with-whole").word("whole", p.programme.as_str()))
            }
            Some(p) if !parts => Some(Message::new("across-part").word("whole", p.programme.as_str())),
            Some(p) => {
                let siblings = || members.iter().filter_map(|m| m.part_of).filter(|o| o.programme == p.programme);
                let widest = [PartKind::Year, PartKind::Round, PartKind::ToDate]
                    .into_iter()
                    .find(|kind| siblings().any(|o| o.part == *kind))
                    .unwrap_or(p.part);
                let whole = p.programme.as_str();
                let repeated = kept.iter().find(|(w, kind, label)| {
                    *w == whole && *kind == p.part && (p.part == PartKind::ToDate || *label == p.label)
                });
                if p.part != widest {
                    Some(Message::new("across-part-overlaps").word("whole", whole).word("label", p.label.as_str()))
                } else if let Some((_, _, kept)) = repeated {
                    Some(
                        Message::new("across-part-repeated")
                            .word("whole", whole)
                            .word("label", p.label.as_str())
                            .word("kept", *kept),
                    )
                } else {
                    kept.push((whole, p.part, p.label.as_str()));
                    None
                }
            }
        };
        match reason {
            Some(reason) => excluded.push(Excluded { programme_id: member.id.to_string(), reason }),
            None => included.push(*member),
        }
    }
    (included, excluded)
}

/// The one kind of the members, or a note that they mix plans and results (whose figures are
/// never added together: the caller gives no total).
pub fn one_kind(members: &[Member<'_>]) -> Result<Option<Kind>, Message> {
    let mut kinds: Vec<Kind> = members.iter().map(|m| m.kind).collect();
    kinds.dedup();
    kinds.sort_by_key(|k| k.key());
    kinds.dedup();
    match kinds.as_slice() {
        [] => Ok(None),
        [kind] => Ok(Some(*kind)),
        _ => Err(Message::new("across-kinds-mixed")),
    }
}

/// A measure summed across programmes: the published figures' sum (where every programme
/// publishes one), the itemised sum, and the gap, each exact where it can be and with bounds.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Summed<V> {
    /// The sum of the published figures where every programme added publishes one and each is
    /// exact; null otherwise (see `reported_bounds`). Never a figure no programme published.
    pub reported: Option<V>,
    /// The values the published figures' sum may have (each figure's precision carried
    /// through); null where some programme publishes no figure.
    pub reported_bounds: Option<Bounds<V>>,
    /// The sum of the scheme records.
    pub itemised: V,
    /// `reported` − the records' sum (the lines of the sources a total covers, where it covers
    /// only some); null where `reported` is.
    pub gap: Option<V>,
    pub gap_bounds: Option<Bounds<V>>,
}

/// Why a sum across programmes could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SumError {
    /// The itemised sum is past what storage and the API hold.
    Overflow,
}

/// Adds one measure of several programmes: `parts` holds each programme's published bounds
/// (None where it publishes nothing at this grain) and its itemised figure. The published sum is
/// made only where every programme publishes (else `unpublished` names those that do not), and
/// is exact only where every figure is exact.
pub fn sum<V: Measure>(parts: &[(&str, Option<&Bounds<V>>, V)]) -> Result<(Summed<V>, Vec<String>), SumError> {
    let mut itemised = V::from_decimal(Decimal::ZERO);
    for (_, _, value) in parts {
        itemised = itemised.checked_add(*value).ok_or(SumError::Overflow)?;
    }
    let unpublished: Vec<String> =
        parts.iter().filter(|(_, b, _)| b.is_none()).map(|(id, _, _)| id.to_string()).collect();
    if parts.is_empty() || !unpublished.is_empty() {
        let empty = Summed { reported: None, reported_bounds: None, itemised, gap: None, gap_bounds: None };
        return Ok((empty, unpublished));
    }
    let published: Vec<&Bounds<V>> = parts.iter().filter_map(|(_, b, _)| *b).collect();
    // Each end added with the measure's own check: a published figure may be as large as storage
    // holds, and the sum of two such is past it (an open end stays open).
    let end = |of: fn(&Bounds<V>) -> Option<V>| -> Result<Option<Decimal>, SumError> {
        let mut sum = Some(V::from_decimal(Decimal::ZERO));
        for b in &published {
            sum = match (sum, of(b)) {
                (Some(total), Some(value)) => Some(total.checked_add(value).ok_or(SumError::Overflow)?),
                _ => None,
            };
        }
        Ok(sum.map(V::decimal))
    };
    let interval = Interval { at_least: end(|b| b.at_least)?, at_most: end(|b| b.at_most)? };
    let all_exact = published.iter().all(|b| b.qualifier.is_exact());
    let estimate = published.iter().any(|b| b.estimate);
    let qualifier = if all_exact { Qualifier::Exact } else { shape(interval) };
    let count = Arg::Count(parts.len() as i64);
    let basis = Message::new("across-basis").arg("count", count);
    let reported = interval.value().filter(|_| all_exact).map(V::from_decimal);
    let reported_bounds = Bounds::of(interval, qualifier, estimate, basis.clone(), words::<V>(interval));
    let gap_interval = interval.minus(Interval::exact(itemised.decimal()));
    let gap = reported.map(|r| V::from_decimal(r.decimal() - itemised.decimal()));
    let gap_basis = basis.then(itemised.put(Message::new("gap-bounds-basis"), "itemised"));
    let gap_bounds = Bounds::of(gap_interval, qualifier, estimate, gap_basis, words::<V>(gap_interval));
    Ok((
        Summed { reported, reported_bounds: Some(reported_bounds), itemised, gap, gap_bounds: Some(gap_bounds) },
        Vec::new(),
    ))
}

/// The schemes and cost of several programmes, summed, and what the sums leave out, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Totalled {
    pub schemes: Summed<i64>,
    pub cost: Summed<Money>,
    pub notes: Vec<Message>,
}

/// The programmes' schemes and cost summed: the cost's published figures only where they all
/// cover the same sources (a total of state support is never added to one with contributions;
/// the notes say so, and name the programmes that publish no figure).
pub fn totals(members: &[(&str, &Totals)], reference: &Reference) -> Result<Totalled, SumError> {
    let mut notes = Vec::new();
    let schemes: Vec<(&str, Option<&Bounds<i64>>, i64)> =
        members.iter().map(|(id, t)| (*id, t.schemes.reported_bounds.as_ref(), t.schemes.itemised)).collect();
    let (schemes, unpublished) = sum(&schemes)?;
    if !unpublished.is_empty() && unpublished.len() < members.len() {
        let count = unpublished.len() as i64;
        notes.push(
            Message::new("across-unpublished-schemes")
                .list("programmes", words_of(&unpublished), false)
                .count("count", count),
        );
    }
    // What the published totals cover, among the programmes that publish one.
    let publishing: Vec<&(&str, &Totals)> = members.iter().filter(|(_, t)| t.cost.reported_bounds.is_some()).collect();
    let covers = publishing.first().map(|(_, t)| &t.cost.covers);
    let alike_covers = publishing.iter().all(|(_, t)| Some(&t.cost.covers) == covers);
    let cost: Vec<(&str, Option<&Bounds<Money>>, Money)> = members
        .iter()
        .map(|(id, t)| {
            let published = t.cost.reported_bounds.as_ref().filter(|_| alike_covers);
            (*id, published, t.cost.compared_with)
        })
        .collect();
    if !alike_covers {
        // The programmes whose total covers only some sources (all of them where no two agree).
        let partial: Vec<String> = publishing
            .iter()
            .filter(|(_, t)| t.cost.covers_some_only(reference))
            .map(|(id, _)| id.to_string())
            .collect();
        let differ = match partial.len() == publishing.len() {
            true => publishing.iter().map(|(id, _)| id.to_string()).collect(),
            false => partial,
        };
        notes.push(Message::new("across-covers-differ").list("programmes", words_of(&differ), false));
    }
    let (mut cost, unpublished) = sum(&cost)?;
    if alike_covers && !unpublished.is_empty() && unpublished.len() < members.len() {
        let count = unpublished.len() as i64;
        notes.push(
            Message::new("across-unpublished-cost")
                .list("programmes", words_of(&unpublished), false)
                .count("count", count),
        );
    }
    // The itemised cost is every record's, whatever the totals cover; where they all cover the
    // same sources only, the gap is against those sources' lines, and a note says so.
    let compared = cost.itemised;
    cost.itemised = members
        .iter()
        .try_fold(Money::ZERO, |sum, (_, t)| sum.checked_add(t.cost.itemised))
        .ok_or(SumError::Overflow)?;
    let some_only = publishing.first().is_some_and(|(_, t)| t.cost.covers_some_only(reference));
    if alike_covers && cost.reported_bounds.is_some() && some_only {
        let ids: Vec<String> = members.iter().map(|(id, _)| id.to_string()).collect();
        notes.push(
            Message::new("across-covers-partial")
                .list("programmes", words_of(&ids), false)
                .amount("compared", compared)
                .amount("itemised", cost.itemised),
        );
    }
    Ok(Totalled { schemes, cost, notes })
}

/// How many programmes a note names before it says how many more: a note stays a sentence (and
/// fits a spreadsheet cell) whatever the number of programmes.
const NAMED_IN_A_NOTE: usize = 20;

/// Programme ids as a note lists them: the first [`NAMED_IN_A_NOTE`], then "N more".
pub fn words_of(ids: &[String]) -> Vec<Arg> {
    let mut words: Vec<Arg> = ids.iter().take(NAMED_IN_A_NOTE).map(|id| Arg::Word(id.clone())).collect();
    if ids.len() > NAMED_IN_A_NOTE {
        let more = (ids.len() - NAMED_IN_A_NOTE) as i64;
        words.push(Arg::Message(Box::new(Message::new("across-more").count("count", more))));
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aggregates::sums::fixtures::*;
    use crate::domain::aggregates::totals::reconcile;
    use crate::domain::document::{PartKind, Reported, ReportedAmount, ReportedCount};

    fn totals_of(
        schemes: Option<ReportedCount>,
        cost: Option<ReportedAmount<Money>>,
        records: &[(i64, &str)],
    ) -> Totals {
        let mut reported = Reported::empty();
        reported.schemes = schemes;
        reported.cost = cost;
        let records =
            records.iter().map(|(n, c)| record("unspecified", "local", *n, c, &[("local_budget", c)])).collect();
        reconcile("p", &reported, &sums(records), &reference())
    }

    fn member(id: &str) -> Member<'_> {
        Member { id, kind: Kind::Result, part_of: None }
    }

    #[test]
    fn exact_figures_add_exactly_and_an_approximate_one_makes_the_sum_bounds() {
        let a = totals_of(
            Some(ReportedCount::exact(5, None)),
            Some(ReportedAmount::exact(m("100.00"), None)),
            &[(5, "90.00")],
        );
        let mut over = ReportedAmount::exact(m("200.00"), None);
        over.qualifier = Qualifier::AtLeast;
        let b = totals_of(Some(ReportedCount::exact(3, None)), Some(over), &[(3, "210.00")]);
        let Totalled { schemes, cost, notes } = totals(&[("a", &a), ("b", &b)], &reference()).unwrap();
        assert_eq!((schemes.reported, schemes.itemised, schemes.gap), (Some(8), 8, Some(0)));
        // 100.00 and "over 200.00": over 300.00, no exact sum; 300.00 itemised: a gap of at least 0.00.
        assert_eq!((cost.reported, cost.itemised, cost.gap), (None, m("300.00"), None));
        let bounds = cost.reported_bounds.unwrap();
        assert_eq!((bounds.at_least, bounds.at_most, bounds.qualifier), (Some(m("300.00")), None, Qualifier::AtLeast));
        assert_eq!(cost.gap_bounds.unwrap().at_least, Some(Money::ZERO));
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn a_figure_one_programme_does_not_publish_is_never_summed() {
        let a = totals_of(Some(ReportedCount::exact(5, None)), None, &[(5, "90.00")]);
        let b = totals_of(None, None, &[(2, "10.00")]);
        let Totalled { schemes, cost, notes } = totals(&[("a", &a), ("b", &b)], &reference()).unwrap();
        assert_eq!((schemes.reported, schemes.reported_bounds, schemes.itemised), (None, None, 7));
        assert_eq!((cost.reported_bounds, cost.itemised), (None, m("100.00")));
        let said = crate::i18n::Lang::En.say_all(&notes);
        assert!(said.iter().any(|n| n.contains("b publishes")), "{said:?}");
    }

    #[test]
    fn a_total_of_state_support_is_not_added_to_one_with_contributions() {
        let mut state = ReportedAmount::exact(m("60.00"), None);
        state.covers = Some(vec!["state_budget".into()]);
        let a = totals_of(None, Some(state), &[(1, "60.00")]);
        let b = totals_of(None, Some(ReportedAmount::exact(m("100.00"), None)), &[(1, "100.00")]);
        let Totalled { cost, notes, .. } = totals(&[("a", &a), ("b", &b)], &reference()).unwrap();
        assert_eq!((cost.reported, cost.reported_bounds, cost.itemised), (None, None, m("160.00")));
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert_eq!(notes[0].id, "across-covers-differ");
    }

    #[test]
    fn a_part_is_never_added_to_its_whole_and_plans_never_to_results() {
        let year = PartOf { programme: "2021-2025".into(), part: PartKind::Year, label: "2023".into() };
        let whole = member("2021-2025");
        let part = Member { part_of: Some(&year), ..member("2023") };
        let (included, excluded) = alike(&[whole, part], true);
        assert_eq!((included.len(), excluded[0].programme_id.as_str()), (1, "2023"));
        assert_eq!(excluded[0].reason.id, "across-part-with-whole");
        let (included, excluded) = alike(&[part], false);
        assert_eq!((included.len(), excluded[0].reason.id), (0, "across-part"));
        assert_eq!(alike(&[part], true).0.len(), 1, "asked for, a part alone is added");
        let plan = Member { kind: Kind::Plan, ..whole };
        assert_eq!(one_kind(&[whole, plan]), Err(Message::new("across-kinds-mixed")));
        assert_eq!(one_kind(&[whole, whole]), Ok(Some(Kind::Result)));
    }

    #[test]
    fn parts_of_one_whole_that_overlap_are_not_added_together() {
        let part = |kind, label: &str| PartOf { programme: "2021-2025".into(), part: kind, label: label.into() };
        let (y2023, y2024) = (part(PartKind::Year, "2023"), part(PartKind::Year, "2024"));
        let (to_aug, to_june) =
            (part(PartKind::ToDate, "đến tháng 8/2024"), part(PartKind::ToDate, "đến tháng 6/2024"));
        let of = |id, p| Member { part_of: Some(p), ..member(id) };
        // Years and the figures to date of the same whole: the years are added, the rest is said.
        let members = [of("to-aug", &to_aug), of("y2024", &y2024), of("y2023", &y2023)];
        let (included, excluded) = alike(&members, true);
        assert_eq!(included.iter().map(|m| m.id).collect::<Vec<_>>(), ["y2024", "y2023"]);
        assert_eq!((excluded[0].programme_id.as_str(), excluded[0].reason.id), ("to-aug", "across-part-overlaps"));
        // Figures to date alone: the latest (first in list order), never two of them.
        let (included, excluded) = alike(&[of("to-aug", &to_aug), of("to-june", &to_june)], true);
        assert_eq!((included[0].id, excluded[0].reason.id), ("to-aug", "across-part-repeated"));
    }

    #[test]
    fn an_itemised_sum_past_storage_is_an_error_not_a_wrong_figure() {
        let parts = [("a", None, Money::max_stored()), ("b", None, m("0.01"))];
        assert_eq!(sum::<Money>(&parts), Err(SumError::Overflow));
    }

    #[test]
    fn a_note_names_twenty_programmes_then_says_how_many_more() {
        let ids: Vec<String> = (0..25).map(|i| format!("p{i}")).collect();
        let note = Message::new("across-year-not-split").list("programmes", words_of(&ids), false);
        let said = crate::i18n::Lang::En.say(&note);
        assert!(said.contains("p18, p19 and 5 more"), "{said}");
        assert!(!said.contains("p20"), "{said}");
        let vi = crate::i18n::Lang::Vi.say(&note);
        assert!(vi.contains("5 chương trình khác"), "{vi}");
    }
}
