//! Reading the reference data: the taxonomies and the jurisdictions.

use super::Db;
use crate::domain::jurisdiction::{Jurisdiction, Jurisdictions};
use crate::domain::reference::{Activity, FundingSource, Names, Reference, Scope};

#[derive(sqlx::FromRow)]
struct ReferenceRow {
    key: String,
    /// The activity's decree, the source's parent; NULL for scopes.
    detail: Option<String>,
    clause: Option<i64>,
    point: Option<String>,
    name_vi: String,
    name_en: String,
}

#[derive(Debug, sqlx::FromRow)]
struct JurisdictionRow {
    id: String,
    code: Option<String>,
    level: String,
    name_vi: String,
    name_en: String,
    valid_from: Option<String>,
    valid_to: Option<String>,
    successor: Option<String>,
    act: Option<String>,
}

impl Db {
    /// All reference data, in its defined order. Fixed by the migrations: read once at start-up.
    #[tracing::instrument(skip_all)]
    pub async fn reference(&self) -> Result<Reference, sqlx::Error> {
        let rows = |sql: &'static str| sqlx::query_as::<_, ReferenceRow>(sql).fetch_all(self.reads());
        let names = |r: &ReferenceRow| Names { vi: r.name_vi.clone(), en: r.name_en.clone() };
        let activities =
            rows("SELECT key, decree AS detail, clause, point, name_vi, name_en FROM activities ORDER BY position")
                .await?
                .iter()
                .map(|r| Activity {
                    key: r.key.clone(),
                    decree: r.detail.clone(),
                    clause: r.clause,
                    point: r.point.clone(),
                    names: names(r),
                })
                .collect();
        let sources = rows(
            "SELECT key, parent AS detail, CAST(NULL AS BIGINT) AS clause, CAST(NULL AS TEXT) AS point, name_vi, name_en FROM funding_sources ORDER BY position",
        )
        .await?
        .iter()
        .map(|r| FundingSource { key: r.key.clone(), parent: r.detail.clone(), names: names(r) })
        .collect();
        let scopes = rows(
            "SELECT key, CAST(NULL AS TEXT) AS detail, CAST(NULL AS BIGINT) AS clause, CAST(NULL AS TEXT) AS point, name_vi, name_en FROM scopes ORDER BY position",
        )
        .await?
        .iter()
        .map(|r| Scope { key: r.key.clone(), names: names(r) })
        .collect();
        Ok(Reference { activities, sources, scopes })
    }

    /// The jurisdictions and the other names reports write them by. Fixed by the migrations:
    /// read once at start-up.
    #[tracing::instrument(skip_all)]
    pub async fn jurisdictions(&self) -> Result<Jurisdictions, sqlx::Error> {
        let units = sqlx::query_as::<_, JurisdictionRow>(
            "SELECT id, code, level, name_vi, name_en, valid_from, valid_to, successor, act FROM jurisdictions ORDER BY position",
        )
        .fetch_all(self.reads())
        .await?
        .into_iter()
        .map(|r| Jurisdiction {
            id: r.id,
            code: r.code,
            level: r.level,
            names: Names { vi: r.name_vi, en: r.name_en },
            valid_from: r.valid_from,
            valid_to: r.valid_to,
            successor: r.successor,
            act: r.act,
        })
        .collect();
        let aliases = sqlx::query_as::<_, (String, String)>(
            "SELECT name, jurisdiction_id FROM jurisdiction_names ORDER BY name, jurisdiction_id",
        )
        .fetch_all(self.reads())
        .await?;
        Ok(Jurisdictions::new(units, aliases))
    }
}
