//! Figures as precise as they were published ("trên", "gần", "ước", ranges): the interval each
//! one stands for, and the arithmetic of sums, gaps, overlaps and shares over intervals. Pure: the
//! precision issue (28) builds the document's qualifiers and the responses' `_bounds` on it.

use rust_decimal::Decimal;
use rust_decimal::prelude::RoundingStrategy;

pub use crate::domain::document::Qualifier;

/// The values a figure may have: from `at_least` to `at_most`, each `None` where it is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub at_least: Option<Decimal>,
    pub at_most: Option<Decimal>,
}

/// Why a published figure does not make an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntervalError {
    /// A qualifier that needs one figure was given none, or a range lacks a bound.
    Missing,
    /// A range whose lower end is above its upper end.
    Backwards,
}

impl Interval {
    /// Exactly `value`.
    pub fn exact(value: Decimal) -> Interval {
        Interval { at_least: Some(value), at_most: Some(value) }
    }

    /// The interval a published figure stands for: `value` with its `qualifier` (`about`: within
    /// `tolerance_percent` of it, rounded inward to `places` decimal places: figures have those
    /// places, so these are exactly the figures within the tolerance), or the range `min`–`max`.
    pub fn published(
        qualifier: Qualifier,
        value: Option<Decimal>,
        (min, max): (Option<Decimal>, Option<Decimal>),
        tolerance_percent: Decimal,
        places: u32,
    ) -> Result<Interval, IntervalError> {
        let value = || value.ok_or(IntervalError::Missing);
        Ok(match qualifier {
            Qualifier::Exact => Interval::exact(value()?),
            Qualifier::AtLeast => Interval { at_least: Some(value()?), at_most: None },
            Qualifier::AtMost => Interval { at_least: None, at_most: Some(value()?) },
            Qualifier::About => {
                let v = value()?;
                let slack = (v * tolerance_percent / Decimal::ONE_HUNDRED).abs();
                Interval {
                    at_least: Some((v - slack).round_dp_with_strategy(places, RoundingStrategy::ToPositiveInfinity)),
                    at_most: Some((v + slack).round_dp_with_strategy(places, RoundingStrategy::ToNegativeInfinity)),
                }
            }
            Qualifier::Range => {
                let (min, max) = (min.ok_or(IntervalError::Missing)?, max.ok_or(IntervalError::Missing)?);
                if min > max {
                    return Err(IntervalError::Backwards);
                }
                Interval { at_least: Some(min), at_most: Some(max) }
            }
        })
    }

    /// The one value, when the interval is a point.
    pub fn value(self) -> Option<Decimal> {
        match (self.at_least, self.at_most) {
            (Some(low), Some(high)) if low == high => Some(low),
            _ => None,
        }
    }

    /// A sum of two figures: each end the sum of the ends (open if either is).
    pub fn plus(self, other: Interval) -> Interval {
        let add = |a: Option<Decimal>, b: Option<Decimal>| Some(a? + b?);
        Interval { at_least: add(self.at_least, other.at_least), at_most: add(self.at_most, other.at_most) }
    }

    /// A difference (a gap: reported − itemised): from the least of `self` less the most of
    /// `other`, to the most of `self` less the least of `other`.
    pub fn minus(self, other: Interval) -> Interval {
        let sub = |a: Option<Decimal>, b: Option<Decimal>| Some(a? - b?);
        Interval { at_least: sub(self.at_least, other.at_most), at_most: sub(self.at_most, other.at_least) }
    }

    /// The values both allow; None when they allow none in common (the figures contradict).
    pub fn intersect(self, other: Interval) -> Option<Interval> {
        let at_least = match (self.at_least, other.at_least) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let at_most = match (self.at_most, other.at_most) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match (at_least, at_most) {
            (Some(low), Some(high)) if low > high => None,
            _ => Some(Interval { at_least, at_most }),
        }
    }

    /// Whether zero is among its values (a gap that may be none, a base that may be nothing).
    pub fn contains_zero(self) -> bool {
        self.at_least.is_none_or(|low| low <= Decimal::ZERO) && self.at_most.is_none_or(|high| high >= Decimal::ZERO)
    }

    /// Whether every value is above zero, below zero, or neither: the sign a conclusion ("the
    /// records fall short") can rest on. `Some(true)`: all above; `Some(false)`: all below.
    pub fn sign(self) -> Option<bool> {
        if self.at_least.is_some_and(|low| low > Decimal::ZERO) {
            Some(true)
        } else if self.at_most.is_some_and(|high| high < Decimal::ZERO) {
            Some(false)
        } else {
            None
        }
    }

    /// What percentage `self` (a part, never below zero) is of `base` (never below zero), to
    /// `places` decimal places rounded outward: from the least part over the most base to the
    /// most part over the least base. None when the base may be zero: no share of nothing.
    pub fn percent_of(self, base: Interval, places: u32) -> Option<Interval> {
        let base_low = base.at_least.unwrap_or(Decimal::ZERO);
        if base_low <= Decimal::ZERO {
            return None;
        }
        let part_low = self.at_least.unwrap_or(Decimal::ZERO).max(Decimal::ZERO);
        let percent = |part: Decimal, whole: Decimal, strategy| {
            (part * Decimal::ONE_HUNDRED / whole).round_dp_with_strategy(places, strategy)
        };
        Some(Interval {
            at_least: Some(match base.at_most {
                Some(high) => percent(part_low, high, RoundingStrategy::ToNegativeInfinity),
                None => Decimal::ZERO,
            }),
            at_most: self.at_most.map(|high| percent(high, base_low, RoundingStrategy::ToPositiveInfinity)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn span(low: Option<&str>, high: Option<&str>) -> Interval {
        Interval { at_least: low.map(d), at_most: high.map(d) }
    }

    fn published(qualifier: Qualifier, value: &str) -> Interval {
        Interval::published(qualifier, Some(d(value)), (None, None), d("5"), 2).unwrap()
    }

    #[test]
    fn a_gap_against_at_least_a_figure_is_open_above() {
        // "trên 41.000 triệu" published; the records add up to 41,096.53.
        let gap = published(Qualifier::AtLeast, "41000.00").minus(Interval::exact(d("41096.53")));
        assert_eq!(gap, span(Some("-96.53"), None));
        assert_eq!((gap.value(), gap.sign(), gap.contains_zero()), (None, None, true));
    }

    #[test]
    fn about_is_the_tolerance_either_side_of_figures_with_the_same_places() {
        // "gần 162,5 triệu" at 5 %: 154.375 to 170.625; amounts have two places: 154.38 to 170.62.
        assert_eq!(published(Qualifier::About, "162.50"), span(Some("154.38"), Some("170.62")));
        let counts = Interval::published(Qualifier::About, Some(d("10")), (None, None), d("5"), 0).unwrap();
        assert_eq!(counts, span(Some("10"), Some("10")), "9.5 to 10.5 holds one whole count: 10");
        let counts = Interval::published(Qualifier::About, Some(d("40")), (None, None), d("5"), 0).unwrap();
        assert_eq!(counts, span(Some("38"), Some("42")));
    }

    #[test]
    fn a_range_has_two_ends_and_no_value() {
        let range = Interval::published(Qualifier::Range, None, (Some(d("300")), Some(d("400"))), d("5"), 0).unwrap();
        assert_eq!((range, range.value()), (span(Some("300"), Some("400")), None));
        let backwards = Interval::published(Qualifier::Range, None, (Some(d("400")), Some(d("300"))), d("5"), 0);
        assert_eq!(backwards, Err(IntervalError::Backwards));
        assert_eq!(Interval::published(Qualifier::AtLeast, None, (None, None), d("5"), 2), Err(IntervalError::Missing));
    }

    #[test]
    fn two_approximate_figures_in_one_sum_add_their_ends() {
        // "khoảng 100" (95 to 105) and "trên 50" (50 or more): 145 or more.
        let sum = published(Qualifier::About, "100.00").plus(published(Qualifier::AtLeast, "50.00"));
        assert_eq!(sum, span(Some("145.00"), None));
        let both = published(Qualifier::About, "100.00").plus(published(Qualifier::About, "50.00"));
        assert_eq!(both, span(Some("142.50"), Some("157.50")));
    }

    #[test]
    fn figures_that_cannot_both_hold_have_no_overlap() {
        let at_most = published(Qualifier::AtMost, "90.00");
        assert_eq!(at_most.intersect(published(Qualifier::AtLeast, "100.00")), None, "an empty intersection");
        let overlap = published(Qualifier::About, "100.00").intersect(published(Qualifier::AtLeast, "100.00"));
        assert_eq!(overlap, Some(span(Some("100.00"), Some("105.00"))));
    }

    #[test]
    fn a_range_that_includes_zero_has_no_sign() {
        let gap = Interval::published(Qualifier::Range, None, (Some(d("-5")), Some(d("10"))), d("5"), 2).unwrap();
        assert_eq!((gap.contains_zero(), gap.sign()), (true, None));
        assert_eq!(span(Some("0.01"), None).sign(), Some(true), "short of it on every reading");
        assert_eq!(span(None, Some("-0.01")).sign(), Some(false));
    }

    #[test]
    fn a_share_of_a_base_that_may_be_zero_is_none() {
        let part = Interval::exact(d("30"));
        assert_eq!(part.percent_of(Interval::exact(Decimal::ZERO), 2), None, "a zero base");
        assert_eq!(part.percent_of(span(None, Some("100")), 2), None, "a base that may be zero");
        assert_eq!(part.percent_of(Interval::exact(d("120")), 2), Some(Interval::exact(d("25.00"))));
        // 30 of "about 120" (114 to 126): 23.80 % to 26.32 %.
        assert_eq!(part.percent_of(published(Qualifier::About, "120.00"), 2), Some(span(Some("23.80"), Some("26.32"))));
        // "over 30" of 120: 25 % or more, no upper end.
        assert_eq!(span(Some("30"), None).percent_of(Interval::exact(d("120")), 2), Some(span(Some("25.00"), None)));
    }
}
