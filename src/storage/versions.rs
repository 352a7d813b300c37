//! Versions: the database-wide data version every write moves, and the stamps responses carry.

use sqlx::AnyPool;

use super::Db;

/// What a response's validators are made of: a version (the ETag) and the time it was written
/// (`Last-Modified`; RFC 3339 text, None when unknown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub version: i64,
    pub modified: Option<String>,
}

impl Db {
    /// The database-wide data version on the primary: it moves with every write.
    #[tracing::instrument(skip_all)]
    pub async fn data_version(&self) -> Result<i64, sqlx::Error> {
        version_in(&self.pool).await
    }
}

pub(super) const DATA_STAMP: &str = "SELECT version, updated_at FROM data_version WHERE id = 1";

/// The database-wide data version as `pool` sees it (the primary's, or a replica's).
pub(super) async fn version_in(pool: &AnyPool) -> Result<i64, sqlx::Error> {
    let (version,): (i64,) = sqlx::query_as("SELECT version FROM data_version WHERE id = 1").fetch_one(pool).await?;
    Ok(version)
}

/// A programme's version, or None when there is no such programme: one indexed read.
pub(super) async fn programme_version(conn: &mut sqlx::AnyConnection, id: &str) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT version FROM programmes WHERE id = $1").bind(id).fetch_optional(&mut *conn).await?;
    Ok(row.map(|(version,)| version))
}
