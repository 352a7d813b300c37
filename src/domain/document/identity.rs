//! What a programme document is: a plan or a result, final or an estimate, the whole of a
//! programme or a part of another (a year, a round, the figures to a date).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Whether a document gives what was planned (approved targets: "kế hoạch", "phê duyệt",
/// "dự kiến") or what was done ("đã thực hiện", "kết quả"). A plan's figures are never added
/// to a result's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// What was done (the default: every document before 0.8.0 is one).
    #[default]
    Result,
    /// What was approved or planned.
    Plan,
}

impl Kind {
    pub const ALL: [&'static str; 2] = ["result", "plan"];

    pub fn is_result(&self) -> bool {
        *self == Kind::Result
    }

    pub fn key(self) -> &'static str {
        match self {
            Kind::Result => "result",
            Kind::Plan => "plan",
        }
    }

    pub fn parse(key: &str) -> Option<Kind> {
        match key {
            "result" => Some(Kind::Result),
            "plan" => Some(Kind::Plan),
            _ => None,
        }
    }
}

/// Whether a document's figures are final or an estimate made before the period ended
/// ("ước thực hiện": a year-end estimate).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Final (the default).
    #[default]
    Final,
    /// An estimate.
    Estimate,
}

impl Status {
    pub fn is_final(&self) -> bool {
        *self == Status::Final
    }

    pub fn key(self) -> &'static str {
        match self {
            Status::Final => "final",
            Status::Estimate => "estimate",
        }
    }

    pub fn parse(key: &str) -> Option<Status> {
        match key {
            "final" => Some(Status::Final),
            "estimate" => Some(Status::Estimate),
            _ => None,
        }
    }
}

/// Which part of its whole a document gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// One year of a longer programme.
    Year,
    /// A round ("đợt 1", "đợt 2").
    Round,
    /// The figures up to a date ("đến tháng 8").
    ToDate,
}

impl PartKind {
    pub fn key(self) -> &'static str {
        match self {
            PartKind::Year => "year",
            PartKind::Round => "round",
            PartKind::ToDate => "to_date",
        }
    }

    pub fn parse(key: &str) -> Option<PartKind> {
        match key {
            "year" => Some(PartKind::Year),
            "round" => Some(PartKind::Round),
            "to_date" => Some(PartKind::ToDate),
            _ => None,
        }
    }
}

/// A document that gives a part of another programme: a year, a round, or the figures to a
/// date. A part's figures are never added to its whole's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartOf {
    /// The id of the programme this is a part of (it need not be loaded).
    #[schema(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 100, example = "2021-2025")]
    pub programme: String,
    pub part: PartKind,
    /// Which part, as the report names it: `2023`, `đợt 2`, `đến tháng 8/2024`.
    #[schema(pattern = r"\S", max_length = 200, example = "2023")]
    pub label: String,
}
