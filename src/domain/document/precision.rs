//! How precisely a reported figure was published ("trên", "gần", "ước", "từ … đến …"): the
//! fields every reported figure carries, read as one [`Precision`].

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What "about X" means when the document does not say: X ± 5 %.
pub const DEFAULT_TOLERANCE_PERCENT: Decimal = Decimal::from_parts(5, 0, 0, false, 0);

/// How precise a published figure is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The figure itself (the default).
    #[default]
    Exact,
    /// "trên", "hơn": the figure or more.
    AtLeast,
    /// "dưới", "tối đa": the figure or less.
    AtMost,
    /// "gần", "khoảng": within the document's tolerance of the figure.
    About,
    /// "từ … đến …", "300–400": between two figures, with no single one.
    Range,
}

impl Qualifier {
    pub fn is_exact(&self) -> bool {
        *self == Qualifier::Exact
    }

    /// Its key, as the document and storage write it.
    pub fn key(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::About => "about",
            Qualifier::Range => "range",
        }
    }

    /// The qualifier of a stored key (storage's CHECK allows no other; `exact` for any other).
    pub fn from_key(key: &str) -> Qualifier {
        match key {
            "at_least" => Qualifier::AtLeast,
            "at_most" => Qualifier::AtMost,
            "about" => Qualifier::About,
            "range" => Qualifier::Range,
            _ => Qualifier::Exact,
        }
    }
}

/// A reported figure's value and precision, whatever its type (a count, an amount): what the
/// arithmetic reads. `value` is absent for a range (`min`–`max`) and for a remainder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Precision<V> {
    pub value: Option<V>,
    pub qualifier: Qualifier,
    pub estimate: bool,
    pub min: Option<V>,
    pub max: Option<V>,
}

impl<V> Precision<V> {
    /// An exact, final figure with no value yet: what a figure is unless it says otherwise.
    pub fn exact_count() -> Precision<V> {
        Precision { value: None, qualifier: Qualifier::Exact, estimate: false, min: None, max: None }
    }
}

impl<V> Precision<V> {
    /// The same precision with each value mapped (text to amounts, amounts to đồng).
    pub fn map<W>(self, f: impl Fn(V) -> W) -> Precision<W> {
        Precision {
            value: self.value.map(&f),
            qualifier: self.qualifier,
            estimate: self.estimate,
            min: self.min.map(&f),
            max: self.max.map(&f),
        }
    }
}

impl<V: Copy> Precision<V> {
    /// Whether the figure is one exact number, as every figure was before qualifiers.
    pub fn is_exact(&self) -> bool {
        self.qualifier.is_exact() && self.value.is_some()
    }

    /// The exact value: None unless the figure is exact (an estimate's value is exact as a figure;
    /// `estimate` says only that it is not final).
    pub fn exact(&self) -> Option<V> {
        self.value.filter(|_| self.qualifier.is_exact())
    }
}

/// The tolerance of "about" a document states, or the default: `about_tolerance_percent` as
/// validated (a decimal from 0 to 99.99).
pub fn tolerance(text: Option<&str>) -> Decimal {
    text.and_then(|t| Decimal::from_str(t).ok()).unwrap_or(DEFAULT_TOLERANCE_PERCENT)
}

pub(super) fn is_false(value: &bool) -> bool {
    !*value
}

/// An optional JSON whole number (`10`, `10.0`, null or absent).
pub(super) fn optional_whole_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<i64>, D::Error> {
    #[derive(Deserialize)]
    struct Whole(#[serde(deserialize_with = "super::whole_number")] i64);
    Ok(Option::<Whole>::deserialize(deserializer)?.map(|w| w.0))
}
