//! Query parameters as types: each parses its text (`FromStr`) into a value, or into the 400
//! that names the parameter and what it accepts. Query structs keep the raw text (so that a bad
//! value gets this 400, in the request's language, rather than the parser's English); handlers
//! parse it with [`parse`].
//!
//! Which parameters an operation takes is the spec's business: `respond::parameters` refuses
//! any other, and a repeated one, before a handler runs.

use std::str::FromStr;

use crate::domain::aggregates::aggregate::Drilldown;
use crate::domain::aggregates::breakdown::Dimension;
use crate::domain::document::Kind;
use crate::http::error::ApiError;
use crate::i18n::Message;
use crate::storage::{SchemeOrder, SortKey};

/// The text of an optional parameter as `T`, or `T`'s default when it is absent.
pub fn parse<T: FromStr<Err = ApiError> + Default>(text: Option<&str>) -> Result<T, ApiError> {
    text.map_or_else(|| Ok(T::default()), str::parse)
}

/// `limit`: items per page, 1 to [`Limit::MAX`], [`Limit::DEFAULT`] when absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit(pub i64);

impl Limit {
    pub const DEFAULT: i64 = 50;
    pub const MAX: i64 = 500;
}

impl Default for Limit {
    fn default() -> Limit {
        Limit(Limit::DEFAULT)
    }
}

impl FromStr for Limit {
    type Err = ApiError;

    fn from_str(text: &str) -> Result<Limit, ApiError> {
        match text.parse::<i64>() {
            Ok(n) if (1..=Limit::MAX).contains(&n) => Ok(Limit(n)),
            _ => Err(ApiError::bad_parameter(
                "limit",
                Message::new("parameter-not-a-limit").word("value", format!("{text:?}")).count("max", Limit::MAX),
            )),
        }
    }
}

/// `by`: the dimension of a breakdown (required: no default).
impl FromStr for Dimension {
    type Err = ApiError;

    fn from_str(text: &str) -> Result<Dimension, ApiError> {
        match text {
            "activity" => Ok(Dimension::Activity),
            "scope" => Ok(Dimension::Scope),
            "source" => Ok(Dimension::Source),
            other => Err(ApiError::bad_value("by", other, &Dimension::ALL)),
        }
    }
}

/// `by`, which a breakdown requires.
pub fn dimension(text: Option<&str>) -> Result<Dimension, ApiError> {
    text.ok_or_else(|| ApiError::missing("by", &Dimension::ALL))?.parse()
}

/// The values of `sort`.
pub const SORTS: [&str; 6] = ["cost", "-cost", "scheme_count", "-scheme_count", "id", "-id"];

/// `sort`: `cost`, `scheme_count` or `id`, `-` for descending; the document's order when absent.
impl FromStr for SchemeOrder {
    type Err = ApiError;

    fn from_str(text: &str) -> Result<SchemeOrder, ApiError> {
        let (descending, name) = text.strip_prefix('-').map_or((false, text), |rest| (true, rest));
        let key = match name {
            "cost" => SortKey::Cost,
            "scheme_count" => SortKey::SchemeCount,
            "id" => SortKey::Id,
            _ => return Err(ApiError::bad_value("sort", text, &SORTS)),
        };
        Ok(SchemeOrder { key, descending })
    }
}

/// `by` of `/aggregate`: one or two distinct drilldowns, comma-separated; none when absent.
pub fn drilldowns(text: Option<&str>) -> Result<Vec<Drilldown>, ApiError> {
    let mut by = Vec::new();
    let keys = list("by", text)?;
    // A drilldown asked for twice is refused, not read once (`list` keeps each item once).
    let given: Vec<&str> = text.map_or(Vec::new(), |t| t.split(',').map(str::trim).collect());
    if let Some(twice) = given.iter().enumerate().find(|(i, k)| given[..*i].contains(k)).map(|(_, k)| *k) {
        return Err(ApiError::bad_parameter("by", Message::new("parameter-repeated-item").word("value", twice)));
    }
    for key in keys {
        by.push(Drilldown::parse(&key).ok_or_else(|| ApiError::bad_value("by", &key, &Drilldown::ALL))?);
    }
    if by.len() > 2 {
        return Err(ApiError::bad_parameter(
            "by",
            Message::new("parameter-too-many-drilldowns").count("count", by.len() as i64),
        ));
    }
    Ok(by)
}

/// The most items a list parameter takes: a cut names programmes a person could read through.
pub const MAX_ITEMS: usize = 1000;

/// A comma-separated list (`programme`, `jurisdiction`, `kind`, `by`): empty when absent, each
/// item once; an empty item, or more than [`MAX_ITEMS`], is refused.
pub fn list(parameter: &str, text: Option<&str>) -> Result<Vec<String>, ApiError> {
    let Some(text) = text else { return Ok(Vec::new()) };
    let mut items: Vec<String> = Vec::new();
    for item in text.split(',') {
        match item.trim() {
            "" => return Err(ApiError::bad_parameter(parameter, Message::new("parameter-empty-item"))),
            item if !items.iter().any(|i| i == item) => items.push(item.to_string()),
            _ => {}
        }
        if items.len() > MAX_ITEMS {
            return Err(ApiError::bad_parameter(
                parameter,
                Message::new("parameter-too-many-items").count("max", MAX_ITEMS as i64),
            ));
        }
    }
    Ok(items)
}

/// A yes-or-no parameter (`parts`, `as_published`): `true` or `false`; false when absent.
pub fn flag(parameter: &str, text: Option<&str>) -> Result<bool, ApiError> {
    match text {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(other) => Err(ApiError::bad_value(parameter, other, &["true", "false"])),
    }
}

/// `kind` of `/aggregate`: a list of `result` and `plan`; `result` when absent.
pub fn kinds(text: Option<&str>) -> Result<Vec<Kind>, ApiError> {
    let mut kinds = Vec::new();
    for key in list("kind", text)? {
        let kind = Kind::parse(&key).ok_or_else(|| ApiError::bad_value("kind", &key, &Kind::ALL))?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    Ok(if kinds.is_empty() { vec![Kind::Result] } else { kinds })
}

/// The first and last year a programme may overlap: `from_year` and `to_year`, each a year
/// from 1900 to 2200, the first not after the last; open where absent.
pub fn years(from: Option<&str>, to: Option<&str>) -> Result<(i64, i64), ApiError> {
    let year = |parameter: &str, text: Option<&str>, default: i64| match text {
        None => Ok(default),
        Some(t) => match t.parse::<i64>() {
            Ok(y) if (1900..=2200).contains(&y) => Ok(y),
            _ => Err(ApiError::bad_parameter(
                parameter,
                Message::new("parameter-not-a-year").word("value", format!("{t:?}")),
            )),
        },
    };
    let (from, to) = (year("from_year", from, 1900)?, year("to_year", to, 2200)?);
    if from > to {
        return Err(ApiError::bad_parameter(
            "from_year",
            Message::new("parameter-years-backwards").count("from", from).count("to", to),
        ));
    }
    Ok((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn detail(error: ApiError) -> String {
        error.problem(Lang::En).detail
    }

    #[test]
    fn each_parameter_parses_its_values_and_names_itself_when_wrong() {
        assert_eq!(parse::<Limit>(None).unwrap(), Limit(50));
        assert_eq!(parse::<Limit>(Some("500")).unwrap(), Limit(500));
        assert_eq!(
            detail(parse::<Limit>(Some("0")).unwrap_err()),
            "`limit`: \"0\" is not a whole number from 1 to 500"
        );
        assert_eq!(dimension(Some("scope")).unwrap(), Dimension::Scope);
        assert_eq!(
            detail(dimension(Some("year")).unwrap_err()),
            "unknown `by` \"year\"; allowed: `activity`, `scope`, `source`"
        );
        assert_eq!(detail(dimension(None).unwrap_err()), "`by` is required; allowed: `activity`, `scope`, `source`");
        let order: SchemeOrder = parse(Some("-cost")).unwrap();
        assert_eq!((order.key, order.descending), (SortKey::Cost, true));
        assert_eq!(parse::<SchemeOrder>(None).unwrap(), SchemeOrder::default());
        assert!(detail(parse::<SchemeOrder>(Some("name")).unwrap_err()).starts_with("unknown `sort` \"name\""));
    }
}
