//! Query parameters as types: each parses its text (`FromStr`) into a value, or into the 400
//! that names the parameter and what it accepts. Query structs keep the raw text (so that a bad
//! value gets this 400, in the request's language, rather than the parser's English); handlers
//! parse it with [`parse`].
//!
//! Which parameters an operation takes is the spec's business: `respond::parameters` refuses
//! any other, and a repeated one, before a handler runs.

use std::str::FromStr;

use crate::domain::aggregates::breakdown::Dimension;
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
