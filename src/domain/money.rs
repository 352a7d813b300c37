//! Exact money: amounts in million VND with at most two decimal places, stored as integer đồng.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Sub};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// đồng in one million VND, the unit every amount in the API is expressed in.
const DONG_PER_MILLION: i64 = 1_000_000;
/// Decimal places of an amount in million VND (10,000 đồng): the article's own precision.
pub const SCALE: u32 = 2;

/// An exact amount in million VND. Signed, because a gap (reported minus itemised) can be negative;
/// whether a stored amount may be negative is a rule of the document, not of the type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

/// How an amount looks in a response: a decimal string with exactly two places, `-` only for
/// a gap.
pub const MONEY_PATTERN: &str = r"^-?[0-9]{1,16}\.[0-9]{2}$";

/// In the OpenAPI document every amount a response carries refers to one `Money` schema: a
/// string with a pattern and `format: decimal`, so that generators type it as text, not float.
impl utoipa::PartialSchema for Money {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::Custom("decimal".into())))
            .pattern(Some(MONEY_PATTERN))
            .description(Some(
                "An exact amount in million VND: a decimal string with two places (`\"41306.53\"`), negative only \
                 for a gap. Parse it as a decimal, never as a float.",
            ))
            .examples(["41306.53"])
            .into()
    }
}

impl utoipa::ToSchema for Money {}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    NotADecimal,
    TooPrecise,
    TooLarge,
}

impl MoneyError {
    /// What is wrong with the amount, as a message of the catalog.
    pub fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            MoneyError::NotADecimal => Message::new("money-not-decimal"),
            MoneyError::TooPrecise => Message::new("money-too-precise").count("places", i64::from(SCALE)),
            MoneyError::TooLarge => Message::new("money-too-large"),
        }
    }
}

impl std::fmt::Display for MoneyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for MoneyError {}

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Parses an amount in million VND: digits, an optional `.` and at most two decimals, an
    /// optional leading `-`. No exponents, separators or spaces: an amount means one thing.
    pub fn parse(text: &str) -> Result<Self, MoneyError> {
        let digits = text.strip_prefix('-').unwrap_or(text);
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) || digits.ends_with('.') {
            return Err(MoneyError::NotADecimal);
        }
        if fraction.len() > SCALE as usize {
            return Err(MoneyError::TooPrecise);
        }
        if whole.trim_start_matches('0').len() > 12 {
            return Err(MoneyError::TooLarge);
        }
        let value = Decimal::from_str_exact(text).map_err(|_| MoneyError::NotADecimal)?;
        Ok(Money(value))
    }

    /// From integer đồng, as stored. Exact for any i64.
    pub fn from_dong(dong: i64) -> Self {
        Money(Decimal::from_i128_with_scale(i128::from(dong), 6).normalize())
    }

    /// To integer đồng, for storage. Exact: an amount has at most two decimals in millions, and
    /// is bounded by `Money::parse` (one amount) or [`Money::checked_add`] (a sum).
    pub fn to_dong(self) -> i64 {
        let dong = self.0 * Decimal::from(DONG_PER_MILLION);
        i64::try_from(dong.trunc()).expect("amounts are bounded by Money::parse and Money::checked_add")
    }

    /// The largest amount storage holds, a sum included: 64-bit đồng, to the 10,000 đồng that
    /// amounts are precise to (9,223,372,036,854.77 million VND).
    pub fn max_stored() -> Money {
        Money::from_dong(i64::MAX - i64::MAX % 10_000)
    }

    /// `self + other`, or None when the sum is past what storage holds (either sign).
    pub fn checked_add(self, other: Money) -> Option<Money> {
        let sum = self.0.checked_add(other.0)?;
        (sum.abs() <= Money::max_stored().0).then_some(Money(sum))
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// An amount the interval arithmetic made from amounts: at most two places (anything finer
    /// is rounded half-even, which amounts' sums and differences never need).
    pub fn from_decimal(value: Decimal) -> Money {
        Money(value.round_dp(SCALE))
    }

    /// `self` as a percentage of `whole`, rounded half-even to two places; None when `whole` is 0.
    pub fn percent_of(self, whole: Money) -> Option<Decimal> {
        if whole.is_zero() {
            return None;
        }
        let mut share = (self.0 * Decimal::ONE_HUNDRED / whole.0)
            .round_dp_with_strategy(SCALE, RoundingStrategy::MidpointNearestEven);
        share.rescale(SCALE);
        Some(share)
    }
}

impl fmt::Display for Money {
    /// Always two decimal places: `6349` is written `6349.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut value = self.0.round_dp(SCALE);
        value.rescale(SCALE);
        write!(f, "{value}")
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0 + other.0)
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money(self.0 - other.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Money::parse(&text).map_err(|e| serde::de::Error::custom(format!("amount {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_articles_amounts_exactly() {
        for (text, shown, dong) in [
            ("41306.53", "41306.53", 41_306_530_000),
            ("735.5", "735.50", 735_500_000),
            ("6349", "6349.00", 6_349_000_000),
            ("0.01", "0.01", 10_000),
            ("-0.02", "-0.02", -20_000),
        ] {
            let money = Money::parse(text).unwrap();
            assert_eq!(money.to_string(), shown, "{text}");
            assert_eq!(money.to_dong(), dong, "{text}");
            assert_eq!(Money::from_dong(dong), money, "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_plain_decimal() {
        for (text, why) in [
            ("", MoneyError::NotADecimal),
            ("abc", MoneyError::NotADecimal),
            ("1e3", MoneyError::NotADecimal),
            ("1_000", MoneyError::NotADecimal),
            ("1,5", MoneyError::NotADecimal),
            ("41.306,53", MoneyError::NotADecimal),
            (" 12", MoneyError::NotADecimal),
            ("+12", MoneyError::NotADecimal),
            ("12.", MoneyError::NotADecimal),
            (".5", MoneyError::NotADecimal),
            ("1.234", MoneyError::TooPrecise),
            ("99999999999999", MoneyError::TooLarge),
        ] {
            assert_eq!(Money::parse(text), Err(why), "{text:?}");
        }
    }

    #[test]
    fn sums_past_what_storage_holds_are_refused() {
        let max = Money::max_stored();
        assert_eq!(max.to_string(), "9223372036854.77");
        assert_eq!(max.to_dong(), 9_223_372_036_854_770_000);
        let cent = Money::parse("0.01").unwrap();
        assert_eq!(max.checked_add(Money::ZERO), Some(max));
        assert_eq!(max.checked_add(cent), None);
        let largest_amount = Money::parse("999999999999.99").unwrap();
        let nine = (0..9).try_fold(Money::ZERO, |sum, _| sum.checked_add(largest_amount));
        assert_eq!(nine.map(|m| m.to_string()), Some("8999999999999.91".into()));
        assert_eq!(nine.and_then(|m| m.checked_add(largest_amount)), None, "ten of them do not fit");
    }

    #[test]
    fn sums_are_exact_where_floats_are_not() {
        let total: Money = ["0.10", "0.20"].iter().map(|t| Money::parse(t).unwrap()).sum();
        assert_eq!(total, Money::parse("0.30").unwrap());
    }

    #[test]
    fn shares_round_half_even_to_two_places() {
        let m = |t| Money::parse(t).unwrap();
        assert_eq!(m("1").percent_of(m("8")).unwrap().to_string(), "12.50");
        assert_eq!(m("1").percent_of(m("3")).unwrap().to_string(), "33.33");
        // 0.125 % → 0.12 (half-even), not 0.13
        assert_eq!(m("0.01").percent_of(m("8")).unwrap().to_string(), "0.12");
        assert_eq!(m("5").percent_of(Money::ZERO), None);
    }
}
