//! The reference taxonomies (activities, funding sources, scopes), as the migrations define them.

use serde::Serialize;
use utoipa::ToSchema;

/// A name in Vietnamese and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// Vietnamese, as the source writes it.
    #[schema(pattern = r"\S", max_length = 1000, example = "Tổ chức đào tạo nghề, truyền nghề")]
    pub vi: String,
    /// English translation.
    #[schema(pattern = r"\S", max_length = 1000, example = "Vocational training and craft-skill transfer")]
    pub en: String,
}

/// A kind of industrial-promotion activity: a clause of Decree 45/2012/NĐ-CP Article 4, or
/// `unspecified` where the source does not name one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Activity {
    #[schema(example = "vocational_training")]
    pub key: String,
    /// The decree and article that define it (null for `unspecified`). Decree 235/2025/NĐ-CP
    /// amended the article; the clause numbers are those of Decree 45/2012/NĐ-CP.
    #[schema(example = "45/2012/NĐ-CP, Điều 4")]
    pub decree: Option<String>,
    #[schema(example = 1)]
    pub clause: Option<i64>,
    pub names: Names,
}

/// Who paid: a node of the funding-source tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct FundingSource {
    #[schema(example = "central_budget")]
    pub key: String,
    /// The source this one is part of (`state_budget` for the central and local budgets).
    #[schema(example = "state_budget")]
    pub parent: Option<String>,
    pub names: Names,
}

/// Whether a scheme is local (city funds) or national (Ministry of Industry and Trade funds).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Scope {
    #[schema(example = "local")]
    pub key: String,
    pub names: Names,
}

/// All reference data, in its defined order (decree order for activities, `unspecified` last).
#[derive(Clone, Debug, Default)]
pub struct Reference {
    pub activities: Vec<Activity>,
    pub sources: Vec<FundingSource>,
    pub scopes: Vec<Scope>,
}

impl Reference {
    pub fn activity(&self, key: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.key == key)
    }

    pub fn source(&self, key: &str) -> Option<&FundingSource> {
        self.sources.iter().find(|s| s.key == key)
    }

    pub fn scope(&self, key: &str) -> Option<&Scope> {
        self.scopes.iter().find(|s| s.key == key)
    }

    pub fn activity_keys(&self) -> Vec<&str> {
        self.activities.iter().map(|a| a.key.as_str()).collect()
    }

    pub fn source_keys(&self) -> Vec<&str> {
        self.sources.iter().map(|s| s.key.as_str()).collect()
    }

    pub fn scope_keys(&self) -> Vec<&str> {
        self.scopes.iter().map(|s| s.key.as_str()).collect()
    }

    /// `key` and every source above it, nearest first.
    pub fn source_and_ancestors<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        std::iter::successors(Some(key), move |k| self.source(k).and_then(|s| s.parent.as_deref()))
    }
}

/// The keys the migrations define, for the OpenAPI document's enums. A test checks them against
/// the database, so the spec cannot drift from the data.
pub const ACTIVITY_KEYS: [&str; 10] = [
    "vocational_training",
    "management_capacity",
    "demonstration_technology_transfer",
    "rural_product_promotion",
    "consulting_assistance",
    "information_provision",
    "linkage_clusters_relocation",
    "international_cooperation",
    "programme_management_capacity",
    "unspecified",
];
pub const SOURCE_KEYS: [&str; 4] = ["state_budget", "central_budget", "local_budget", "contributions"];
pub const SCOPE_KEYS: [&str; 3] = ["local", "national", "unknown"];

/// A string that takes one of `keys`, for the OpenAPI document.
fn key_enum(description: &str, keys: &[&str]) -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .description(Some(description))
        .enum_values(Some(keys.iter().copied()))
        .build()
}

pub fn activity_schema() -> utoipa::openapi::schema::Object {
    key_enum(
        "A kind of activity: a clause of Decree 45/2012/NĐ-CP Article 4, or `unspecified` (see `GET /activities`).",
        &ACTIVITY_KEYS,
    )
}

pub fn scope_schema() -> utoipa::openapi::schema::Object {
    key_enum("Local (city funds), national (Ministry funds), or unknown where the source does not say.", &SCOPE_KEYS)
}

pub fn source_schema() -> utoipa::openapi::schema::Object {
    key_enum("A funding source (see `GET /funding-sources`); a parent includes the sources below it.", &SOURCE_KEYS)
}
