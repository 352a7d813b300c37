//! Reading the audit trail.

use super::Snapshot;

/// One successful write, as recorded in its own transaction.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub token_id: Option<String>,
    pub operation: String,
    pub programme_id: String,
    pub scheme_id: Option<String>,
    pub version: i64,
    pub before_doc: Option<String>,
    pub after_doc: Option<String>,
    pub before_sha256: Option<String>,
    pub after_sha256: Option<String>,
    pub before_records: Option<i64>,
    pub after_records: Option<i64>,
}

impl Snapshot {
    /// Entries newest first, `limit` of them below id `before`, optionally for one programme
    /// and/or one actor (a token's name, `cli` or `seed`). Keyset pagination on the id.
    #[tracing::instrument(skip(self))]
    pub async fn audit(
        &mut self,
        limit: i64,
        before: Option<i64>,
        programme: Option<&str>,
        actor: Option<&str>,
    ) -> Result<Vec<AuditRow>, sqlx::Error> {
        sqlx::query_as::<_, AuditRow>(
            r#"SELECT * FROM audit_log
               WHERE id < $1 AND ($2 IS NULL OR programme_id = $2) AND ($3 IS NULL OR actor = $3)
               ORDER BY id DESC LIMIT $4"#,
        )
        .bind(before.unwrap_or(i64::MAX))
        .bind(programme)
        .bind(actor)
        .bind(limit)
        .fetch_all(&mut *self.tx)
        .await
    }
}
