//! A reported figure as the arithmetic reads it (`Reading`: its exact value where it has one,
//! else the interval its qualifier allows), and the bounds object (`Bounds`) that responses
//! carry beside every field whose figure may not be exact.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Serialize, Serializer};
use utoipa::ToSchema;

use super::interval::{Interval, Qualifier};
use crate::domain::document::{Precision, Reported, ReportedCount, ReportedSource};
use crate::domain::money::{Money, SCALE};
use crate::i18n::Message;

/// What a figure measures: amounts (million VND), counts, percentages.
pub trait Measure: Copy + PartialEq {
    /// Decimal places its figures have: "about" keeps the values with these places within its tolerance.
    const PLACES: u32;
    fn decimal(self) -> Decimal;
    fn from_decimal(value: Decimal) -> Self;
    /// `message` with this value as its argument `name`, written as the catalog writes it.
    fn put(self, message: Message, name: &'static str) -> Message;
    /// `self + other`, or None past what the API holds.
    fn checked_add(self, other: Self) -> Option<Self>;
}

impl Measure for Money {
    const PLACES: u32 = SCALE;
    fn decimal(self) -> Decimal {
        Money::decimal(self)
    }
    fn from_decimal(value: Decimal) -> Self {
        Money::from_decimal(value)
    }
    fn put(self, message: Message, name: &'static str) -> Message {
        message.amount(name, self)
    }
    fn checked_add(self, other: Self) -> Option<Self> {
        Money::checked_add(self, other)
    }
}

impl Measure for i64 {
    const PLACES: u32 = 0;
    fn decimal(self) -> Decimal {
        Decimal::from(self)
    }
    fn from_decimal(value: Decimal) -> Self {
        value.trunc().to_i64().unwrap_or(if value.is_sign_negative() { i64::MIN } else { i64::MAX })
    }
    fn put(self, message: Message, name: &'static str) -> Message {
        message.count(name, self)
    }
    fn checked_add(self, other: Self) -> Option<Self> {
        i64::checked_add(self, other)
    }
}

/// A percentage with two decimal places, written as a decimal string (`"19.12"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Percent(pub Decimal);

impl Measure for Percent {
    const PLACES: u32 = SCALE;
    fn decimal(self) -> Decimal {
        self.0
    }
    fn from_decimal(value: Decimal) -> Self {
        let mut value = value.round_dp(SCALE);
        value.rescale(SCALE);
        Percent(value)
    }
    fn put(self, message: Message, name: &'static str) -> Message {
        message.message(name, Message::new("figure-percent").amount("value", self.0))
    }
    fn checked_add(self, other: Self) -> Option<Self> {
        self.0.checked_add(other.0).map(Percent)
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&Percent::from_decimal(self.0).0.to_string())
    }
}

impl utoipa::PartialSchema for Percent {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::Custom("decimal".into())))
            .pattern(Some(r"^-?[0-9]+\.[0-9]{2}$"))
            .description(Some("A percentage with two places (`\"19.12\"`)."))
            .examples(["19.12"])
            .into()
    }
}

impl utoipa::ToSchema for Percent {}

/// The values a figure may have, beside a field that is null unless the figure is exact: the
/// bounds object of every bound in the API (`at_least`, `at_most`, a null end being open, and
/// `basis` in words), with the `qualifier` and `estimate` of the published figure it rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Bounds<V> {
    /// The least value; null where there is no lower end ("at most", "under").
    pub at_least: Option<V>,
    /// The most; null where there is no upper end ("at least", "over").
    pub at_most: Option<V>,
    /// How precisely the published figure this rests on was given.
    pub qualifier: Qualifier,
    /// True where that figure is an estimate ("ước").
    pub estimate: bool,
    /// How the bounds follow from the published figure, in the request's language.
    #[schema(
        value_type = String,
        example = "Published as a lower bound (\"trên\", \"hơn\"): the figure or more; the gap is its bounds less the 41,096.53 itemised."
    )]
    pub basis: Message,
    /// The value in words, as a page or a workbook shows it: "over 41,000.00", "khoảng 162,50",
    /// "at least -96.53"; the plain number where the figure is exact.
    #[serde(skip)]
    #[schema(ignore)]
    pub words: Message,
}

impl<V: Measure> Bounds<V> {
    pub(super) fn of(
        interval: Interval,
        qualifier: Qualifier,
        estimate: bool,
        basis: Message,
        words: Message,
    ) -> Bounds<V> {
        Bounds {
            at_least: interval.at_least.map(V::from_decimal),
            at_most: interval.at_most.map(V::from_decimal),
            qualifier,
            estimate,
            basis,
            words,
        }
    }

    /// The bounds as an interval, for arithmetic on them (sums across programmes).
    pub fn interval(&self) -> Interval {
        Interval { at_least: self.at_least.map(V::decimal), at_most: self.at_most.map(V::decimal) }
    }

    /// Whether the figure it bounds was published as one exact, final number: a reader may be
    /// shown the bare number.
    pub fn is_plain(&self) -> bool {
        self.qualifier.is_exact() && !self.estimate && self.at_least == self.at_most
    }
}

/// A figure for a reader: `plain` of its value where it was published as one exact, final
/// number (or has no bounds), else its words ("trên 41.000,00"); None where there is neither.
pub fn for_reader<V: Measure>(
    exact: Option<V>,
    bounds: Option<&Bounds<V>>,
    lang: crate::i18n::Lang,
    plain: impl Fn(V) -> String,
) -> Option<String> {
    match bounds {
        Some(b) if !b.is_plain() => Some(b.words.render(lang)),
        _ => exact.map(plain),
    }
}

/// A published figure, read: its precision and the interval it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading<V> {
    pub precision: Precision<V>,
    pub interval: Interval,
    tolerance: Decimal,
}

impl<V: Measure> Reading<V> {
    /// The figure read with the document's tolerance for "about"; None where it has no figure
    /// (a remainder) or its figure is not whole (storage never holds one).
    pub fn of(precision: Precision<V>, tolerance: Decimal) -> Option<Reading<V>> {
        let d = |v: Option<V>| v.map(V::decimal);
        let interval = Interval::published(
            precision.qualifier,
            d(precision.value),
            (d(precision.min), d(precision.max)),
            tolerance,
            V::PLACES,
        )
        .ok()?;
        Some(Reading { precision, interval, tolerance })
    }

    /// The figure itself, where it is one exact number (an estimate's included).
    pub fn exact(&self) -> Option<V> {
        self.precision.exact()
    }

    /// The figure in the words of its qualifier: "over 41,000.00", "khoảng 162,5", "10 to 15",
    /// "ước 500": never a bare number for a figure that is not exact.
    pub fn said(&self) -> Message {
        let p = &self.precision;
        let one = |id| match p.value {
            Some(v) => v.put(Message::new(id), "value"),
            None => Message::new("figure-none"),
        };
        let figure = match p.qualifier {
            Qualifier::Exact => one("figure-exact"),
            Qualifier::AtLeast => one("figure-at-least"),
            Qualifier::AtMost => one("figure-at-most"),
            Qualifier::About => one("figure-about"),
            Qualifier::Range => match (p.min, p.max) {
                (Some(min), Some(max)) => max.put(min.put(Message::new("figure-range"), "min"), "max"),
                _ => Message::new("figure-none"),
            },
        };
        match p.estimate {
            true => Message::new("figure-estimate").message("figure", figure),
            false => figure,
        }
    }

    /// How the published figure's bounds follow from its words.
    fn basis(&self) -> Message {
        let p = &self.precision;
        let basis = match p.qualifier {
            Qualifier::Exact => Message::new("bounds-basis-exact"),
            Qualifier::AtLeast => Message::new("bounds-basis-at-least"),
            Qualifier::AtMost => Message::new("bounds-basis-at-most"),
            Qualifier::About => Message::new("bounds-basis-about").amount("tolerance", self.tolerance.normalize()),
            Qualifier::Range => Message::new("bounds-basis-range"),
        };
        basis.then(p.estimate.then(|| Message::new("bounds-basis-estimate")))
    }

    /// The values the published figure allows.
    pub fn bounds(&self) -> Bounds<V> {
        Bounds::of(self.interval, self.precision.qualifier, self.precision.estimate, self.basis(), self.said())
    }

    /// The gap between the figure and `itemised`: exact where the figure is, and its bounds.
    pub fn gap(&self, itemised: V) -> Gap<V> {
        self.less(Interval::exact(itemised.decimal()), itemised.put(Message::new("gap-bounds-basis"), "itemised"))
    }

    /// The figure less `other` (a sum of figures), with `basis` saying what was taken away.
    pub fn less(&self, other: Interval, basis: Message) -> Gap<V> {
        let interval = self.interval.minus(other);
        let exact = other.value().and(self.exact()).and(interval.value()).map(V::from_decimal);
        let words = match exact {
            Some(v) => v.put(Message::new("figure-exact"), "value"),
            None => words::<V>(interval),
        };
        let (qualifier, estimate) = (self.precision.qualifier, self.precision.estimate);
        let bounds = Bounds::of(interval, qualifier, estimate, self.basis().then(basis), estimated(words, estimate));
        Gap { exact, bounds, interval }
    }

    /// `part` (an interval, and whether it is an estimate) as a percentage of this figure (a
    /// base): exact where both are, and bounds, whose qualifier says their shape; None where the
    /// figure may be zero (no share of nothing).
    pub fn share(&self, (part, part_estimate): (Interval, bool)) -> Option<(Option<Percent>, Bounds<Percent>)> {
        let estimate = self.precision.estimate || part_estimate;
        if let (Some(base), Some(part)) = (self.exact().map(V::decimal), part.value()) {
            // Both exact: the share itself, rounded half-even as every share of the API is.
            let exact = Percent::from_decimal(part * Decimal::ONE_HUNDRED / (!base.is_zero()).then_some(base)?);
            let words = estimated(exact.put(Message::new("figure-exact"), "value"), estimate);
            let bounds = Bounds::of(Interval::exact(exact.0), Qualifier::Exact, estimate, self.basis(), words);
            return Some((Some(exact), bounds));
        }
        let interval = part.percent_of(self.interval, SCALE)?;
        let basis = Message::new("share-bounds-basis").then(self.basis());
        let words = estimated(words::<Percent>(interval), estimate);
        Some((None, Bounds::of(interval, shape(interval), estimate, basis, words)))
    }
}

/// The qualifier that says an interval's shape, for bounds made of figures not all exact (a
/// share, a remainder, a sum): two ends (a range, even where they meet: no figure was published
/// as that one number), or one end open.
pub fn shape(interval: Interval) -> Qualifier {
    match (interval.at_least, interval.at_most) {
        (Some(_), None) => Qualifier::AtLeast,
        (None, Some(_)) => Qualifier::AtMost,
        _ => Qualifier::Range,
    }
}

/// A remainder in words for a reader: "the rest, no figure (computed: 28,728.05)"; None for a
/// source not published as the rest.
pub fn remainder_words(remainder: bool, implied: Option<&Bounds<Money>>) -> Option<Message> {
    remainder.then(|| match implied {
        Some(implied) => Message::new("figure-remainder").message("implied", implied.words.clone()),
        None => Message::new("figure-remainder-unfixed"),
    })
}

/// A published count as responses give it: its value where it is one exact number, and its
/// bounds; both None where none is published.
pub fn published_count(count: Option<&ReportedCount>, tolerance: Decimal) -> (Option<i64>, Option<Bounds<i64>>) {
    match count.and_then(|c| Reading::of(c.precision(), tolerance)) {
        Some(reading) => (reading.exact(), Some(reading.bounds())),
        None => (None, None),
    }
}

/// A reported amount entry, read with the document's tolerance; None for a remainder.
pub fn read_source(reported: &Reported<Money>, entry: &ReportedSource<Money>) -> Option<Reading<Money>> {
    Reading::of(entry.precision(), reported.tolerance_percent())
}

/// A figure less something: its exact value where both are exact, its bounds, and the interval.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap<V> {
    pub exact: Option<V>,
    pub bounds: Bounds<V>,
    pub interval: Interval,
}

impl<V: Measure> Gap<V> {
    /// The gap in words: the figure where it is exact, else its bounds ("at least -96.53").
    pub fn said(&self) -> Message {
        self.bounds.words.clone()
    }

    /// Whether the gap is non-zero on some reading: worth a note (a gap that can only be zero,
    /// an "about 10" against 10 records, is none).
    pub fn is_some_gap(&self) -> bool {
        self.exact.is_none_or(|v| !v.decimal().is_zero()) && self.interval.value() != Some(Decimal::ZERO)
    }

    /// What a note about a gap that is not exact adds: whether its conclusion holds for every
    /// value the published figure allows, or only for part of its range.
    pub fn holds(&self) -> Option<Message> {
        self.exact.is_none().then(|| match (self.interval.sign(), self.interval.value()) {
            (Some(_), _) | (None, Some(_)) => Message::new("gap-holds-throughout"),
            (None, None) => Message::new("gap-holds-for-part"),
        })
    }
}

/// Words for a reader, marked "ước" where they rest on an estimate.
pub fn estimated(words: Message, estimate: bool) -> Message {
    match estimate {
        true => Message::new("figure-estimate").message("figure", words),
        false => words,
    }
}

/// An interval in words: "from 10 to 15", "at least -96.53", "at most 90.00".
pub fn words<V: Measure>(interval: Interval) -> Message {
    let v = |d: Decimal| V::from_decimal(d);
    match (interval.at_least, interval.at_most) {
        (Some(low), Some(high)) if low == high => v(low).put(Message::new("figure-exact"), "value"),
        (Some(low), Some(high)) => v(high).put(v(low).put(Message::new("interval-between"), "least"), "most"),
        (Some(low), None) => v(low).put(Message::new("interval-at-least"), "least"),
        (None, Some(high)) => v(high).put(Message::new("interval-at-most"), "most"),
        (None, None) => Message::new("interval-open"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn money(text: &str) -> Money {
        Money::parse(text).unwrap()
    }

    fn amount(qualifier: Qualifier, value: &str, estimate: bool) -> Reading<Money> {
        let p = Precision { value: Some(money(value)), qualifier, estimate, min: None, max: None };
        Reading::of(p, Decimal::from(5)).unwrap()
    }

    #[test]
    fn a_figure_is_said_in_the_words_of_its_qualifier() {
        let over = amount(Qualifier::AtLeast, "41000.00", false);
        assert_eq!(over.said().render(Lang::Vi), "trên 41.000,00");
        assert_eq!(over.said().render(Lang::En), "over 41,000.00");
        let about = amount(Qualifier::About, "162.50", true);
        assert_eq!(about.said().render(Lang::Vi), "ước khoảng 162,50");
        let range =
            Precision { value: None, qualifier: Qualifier::Range, estimate: false, min: Some(10), max: Some(15) };
        assert_eq!(Reading::of(range, Decimal::from(5)).unwrap().said().render(Lang::Vi), "từ 10 đến 15");
    }

    #[test]
    fn a_gap_is_exact_only_when_the_figure_is() {
        let itemised = money("41096.53");
        let exact = amount(Qualifier::Exact, "41306.53", false).gap(itemised);
        assert_eq!((exact.exact, exact.holds()), (Some(money("210.00")), None));
        let over = amount(Qualifier::AtLeast, "41000.00", false).gap(itemised);
        assert_eq!((over.exact, over.bounds.at_least, over.bounds.at_most), (None, Some(money("-96.53")), None));
        assert_eq!(over.holds(), Some(Message::new("gap-holds-for-part")));
        assert_eq!(over.said().render(Lang::En), "at least -96.53");
    }

    #[test]
    fn a_share_of_an_approximate_base_has_bounds_and_no_value() {
        let (exact, bounds) =
            amount(Qualifier::About, "120.00", false).share((Interval::exact(Decimal::from(30)), false)).unwrap();
        assert_eq!(exact, None);
        assert_eq!(
            (bounds.at_least, bounds.at_most),
            (
                Some(Percent::from_decimal("23.80".parse().unwrap())),
                Some(Percent::from_decimal("26.32".parse().unwrap()))
            )
        );
        let (exact, bounds) =
            amount(Qualifier::Exact, "120.00", false).share((Interval::exact(Decimal::from(30)), true)).unwrap();
        assert_eq!(
            (bounds.qualifier, bounds.estimate, bounds.is_plain()),
            (Qualifier::Exact, true, false),
            "an estimate's share"
        );
        assert_eq!(exact, Some(Percent::from_decimal(Decimal::from(25))));
    }
}
