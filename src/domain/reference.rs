//! The reference taxonomies (activities, funding sources, scopes), as the migrations define them.

use serde::Serialize;
use utoipa::ToSchema;

use crate::i18n::Arg;

/// A name in Vietnamese and English. Where it names a taxonomy member (activity, funding
/// source, scope) it is our label, not the source's or the decree's words; the source's words
/// are in the `quote` fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// In Vietnamese.
    #[schema(pattern = r"\S", max_length = 1000, example = "Đào tạo nghề, truyền nghề")]
    pub vi: String,
    /// In English.
    #[schema(pattern = r"\S", max_length = 1000, example = "Vocational training and craft-skill transfer")]
    pub en: String,
}

impl Names {
    /// The name in `lang`.
    pub fn get(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::En => &self.en,
            crate::i18n::Lang::Vi => &self.vi,
        }
    }
}

/// A kind of industrial-promotion activity: a clause (or a point of a clause) of Decree
/// 45/2012/NĐ-CP Article 4, or `unspecified` where the source does not name one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Activity {
    #[schema(example = "consulting_assistance")]
    pub key: String,
    /// The decree and article that define it (null for `unspecified`). Decree 235/2025/NĐ-CP
    /// amended the article; the clause and point are those of Decree 45/2012/NĐ-CP.
    #[schema(example = "45/2012/NĐ-CP, Điều 4")]
    pub decree: Option<String>,
    /// The article's clause (khoản), 1 to 8; null for `unspecified`.
    #[schema(example = 5)]
    pub clause: Option<i64>,
    /// The clause's point (điểm), where the activity is one: clause 5 has `a` (consulting and
    /// assistance) and `b` (information). Null where the activity is a whole clause.
    #[schema(example = "a")]
    pub point: Option<String>,
    /// Our short labels in the decree's terms, not the decree's words.
    pub names: Names,
}

/// Who paid: a node of the funding-source tree. A parent's children split it between them
/// (the state budget is the central budget and the local one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct FundingSource {
    #[schema(example = "central_budget")]
    pub key: String,
    /// The source this one is part of (`state_budget` for the central and local budgets).
    #[schema(example = "state_budget")]
    pub parent: Option<String>,
    /// Our labels; a programme's own wording for a source is in its reported figures' quotes.
    pub names: Names,
}

/// Whether the source counts a scheme as local (đề án khuyến công địa phương) or national (đề
/// án khuyến công quốc gia), or does not say (`unknown`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Scope {
    #[schema(example = "local")]
    pub key: String,
    /// Our labels.
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

    /// A key of any taxonomy as a message names it: the key itself in English (the API's
    /// word), our Vietnamese label in Vietnamese, its first letter small to stand inside a
    /// sentence ("ngân sách Trung ương"). An unknown key is itself in both.
    pub fn named(&self, key: &str) -> Arg {
        let vi = self.names_of(key).map_or_else(|| key.to_string(), |n| inline(&n.vi));
        Arg::Named { en: key.to_string(), vi }
    }

    /// As [`Reference::named`], the Vietnamese label in quotes (“…”): for a list of labels that
    /// themselves hold commas ("liên doanh, liên kết, …").
    pub fn named_quoted(&self, key: &str) -> Arg {
        match self.named(key) {
            Arg::Named { en, vi } => Arg::Named { en, vi: format!("“{vi}”") },
            other => other,
        }
    }

    /// Our labels for a key of any taxonomy (a source, a scope, an activity).
    pub fn names_of(&self, key: &str) -> Option<&Names> {
        self.sources
            .iter()
            .map(|s| (&s.key, &s.names))
            .chain(self.scopes.iter().map(|s| (&s.key, &s.names)))
            .chain(self.activities.iter().map(|a| (&a.key, &a.names)))
            .find(|(k, _)| *k == key)
            .map(|(_, names)| names)
    }

    /// `key` and every source above it, nearest first.
    pub fn source_and_ancestors<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        std::iter::successors(Some(key), move |k| self.source(k).and_then(|s| s.parent.as_deref()))
    }
}

/// A label as it stands inside a sentence: its first letter small.
fn inline(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
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
/// The activity of records whose activity the source does not state.
pub const UNSPECIFIED_ACTIVITY: &str = "unspecified";
/// The scope of records the source does not call local or national.
pub const UNKNOWN_SCOPE: &str = "unknown";
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
        "A kind of activity: a clause or point of Decree 45/2012/NĐ-CP Article 4, or `unspecified` (see `GET /activities`).",
        &ACTIVITY_KEYS,
    )
}

pub fn scope_schema() -> utoipa::openapi::schema::Object {
    key_enum(
        "Whether the source counts the scheme as local (đề án khuyến công địa phương) or national (đề án khuyến công quốc gia); `unknown` where it does not say.",
        &SCOPE_KEYS,
    )
}

pub fn source_schema() -> utoipa::openapi::schema::Object {
    key_enum("A funding source (see `GET /funding-sources`); a parent includes the sources below it.", &SOURCE_KEYS)
}

/// A taxonomy key in a document or a response: a string whose known values the description
/// lists, not an enum, so that a key added later (Decree 235/2025 amended the list of
/// activities) never breaks a generated client. Requests are still checked against the
/// reference data (422 naming the allowed values).
fn key_text(description: &str, keys: &[&str]) -> utoipa::openapi::schema::Object {
    let known: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .description(Some(format!("{description} Known values: {}; more may be added.", known.join(", "))))
        .examples([keys[0]])
        .build()
}

pub fn activity_key_schema() -> utoipa::openapi::schema::Object {
    key_text("A kind of activity (see `GET /activities`).", &ACTIVITY_KEYS)
}

pub fn scope_key_schema() -> utoipa::openapi::schema::Object {
    key_text("Local, national, or `unknown` where the source does not say.", &SCOPE_KEYS)
}

pub fn source_key_schema() -> utoipa::openapi::schema::Object {
    key_text("A funding source (see `GET /funding-sources`).", &SOURCE_KEYS)
}
