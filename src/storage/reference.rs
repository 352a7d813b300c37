//! Reading the reference taxonomies.

use sqlx::Row;

use super::Db;
use crate::domain::reference::{Activity, FundingSource, Names, Reference, Scope};

impl Db {
    /// All reference data, in its defined order. Fixed by the migrations: read once at start-up.
    pub async fn reference(&self) -> Result<Reference, sqlx::Error> {
        let names = |row: &sqlx::any::AnyRow| -> Result<Names, sqlx::Error> {
            Ok(Names { vi: row.try_get("name_vi")?, en: row.try_get("name_en")? })
        };
        let activities = sqlx::query("SELECT key, decree, clause, name_vi, name_en FROM activities ORDER BY position")
            .fetch_all(self.reads())
            .await?
            .iter()
            .map(|row| {
                Ok(Activity {
                    key: row.try_get("key")?,
                    decree: row.try_get("decree")?,
                    clause: row.try_get("clause")?,
                    names: names(row)?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()?;
        let sources = sqlx::query("SELECT key, parent, name_vi, name_en FROM funding_sources ORDER BY position")
            .fetch_all(self.reads())
            .await?
            .iter()
            .map(|row| {
                Ok(FundingSource { key: row.try_get("key")?, parent: row.try_get("parent")?, names: names(row)? })
            })
            .collect::<Result<_, sqlx::Error>>()?;
        let scopes = sqlx::query("SELECT key, name_vi, name_en FROM scopes ORDER BY position")
            .fetch_all(self.reads())
            .await?
            .iter()
            .map(|row| Ok(Scope { key: row.try_get("key")?, names: names(row)? }))
            .collect::<Result<_, sqlx::Error>>()?;
        Ok(Reference { activities, sources, scopes })
    }
}
