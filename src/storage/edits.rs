//! Edits of one scheme record, or of the reported figures: what they change rewritten, nothing
//! else, under the write lock for milliseconds; made against the version the edit read.

use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use super::writes::{
    AUDIT_INLINE_LIMIT, After, Side, check, insert_records, insert_reported, insert_sums, record, take_lock,
};
use super::{Actor, Db, Operation, Precondition, WriteError, Written};
use crate::domain::aggregates::sums::ProgrammeSums;
use crate::domain::document::{IndicatorDefinition, Reported, SchemeRecord};
use crate::domain::money::Money;

/// One record's change, made (validated, its sums computed) against the programme as it was
/// at `read_at`.
#[derive(Clone, Debug)]
pub struct RecordEdit {
    pub programme_id: String,
    pub operation: Operation,
    /// The programme's version the edit read.
    pub read_at: i64,
    /// When that version was written.
    pub read_modified: Option<String>,
    /// The record before the edit; None when it creates one.
    pub before: Option<SchemeRecord<Money>>,
    /// The record after the edit; None when it deletes one.
    pub after: Option<SchemeRecord<Money>>,
    /// The programme's sums after the edit ([`ProgrammeSums::with_change`]).
    pub sums: ProgrammeSums,
    pub definitions: Vec<IndicatorDefinition>,
    /// The programme's reported figures (unchanged by the edit; its answer's warnings need them).
    pub reported: Reported<Money>,
}

impl RecordEdit {
    /// How many records the programme has after the edit.
    fn records_after(&self) -> i64 {
        self.sums.records.iter().map(|r| r.records).sum()
    }
}

/// New reported figures, checked against the programme as it was at `read_at`.
#[derive(Clone, Debug)]
pub struct ReportedEdit {
    pub programme_id: String,
    pub read_at: i64,
    /// When that version was written.
    pub read_modified: Option<String>,
    pub before: Reported<Money>,
    pub after: Reported<Money>,
    /// The programme's sums (unchanged; its answer's warnings need them).
    pub sums: ProgrammeSums,
}

/// An audit side holding one part of the document (an edit's record or reported figures, before
/// or after): its canonical text.
fn part_side<T: serde::Serialize>(part: Option<&T>, records: i64) -> Side {
    let text = part.map(|p| {
        let mut text = serde_json::to_string_pretty(p).expect("a part of a document always serialises");
        text.push('\n');
        text
    });
    Side {
        sha256: text.as_ref().map(|t| format!("{:x}", Sha256::digest(t.as_bytes()))),
        doc: text.filter(|t| t.len() <= AUDIT_INLINE_LIMIT),
        records: Some(records),
    }
}

impl Db {
    /// Writes `edit` if the programme is still at the version it read: the record's rows, the
    /// programme's sums and its version, and an audit entry holding the record before and after.
    /// When the programme moved on to a version `precondition` allows, [`WriteError::Moved`]:
    /// make the edit again against it. Otherwise a moved programme is 412.
    #[tracing::instrument(skip(self, edit, actor), fields(programme = %edit.programme_id, actor = %actor.name))]
    pub async fn edit_record(
        &self,
        edit: &RecordEdit,
        precondition: &Precondition,
        actor: &Actor,
    ) -> Result<Written, WriteError> {
        // The record as it is: nothing to write, no version, no audit entry.
        if edit.before == edit.after {
            let after =
                After { id: edit.programme_id.clone(), reported: edit.reported.clone(), sums: edit.sums.clone() };
            return Ok(unchanged(edit.read_at, edit.read_modified.as_deref(), after));
        }
        let mut tx = self.begin_write().await?;
        let written = write_edit(&mut tx, edit, precondition, actor).await?;
        tx.commit().await?;
        Ok(written)
    }

    /// Writes new reported figures if the programme is still at the version they were checked
    /// against, as [`Db::edit_record`] does a record.
    #[tracing::instrument(skip(self, edit, actor), fields(programme = %edit.programme_id, actor = %actor.name))]
    pub async fn edit_reported(
        &self,
        edit: &ReportedEdit,
        precondition: &Precondition,
        actor: &Actor,
    ) -> Result<Written, WriteError> {
        if edit.before == edit.after {
            let after = After { id: edit.programme_id.clone(), reported: edit.after.clone(), sums: edit.sums.clone() };
            return Ok(unchanged(edit.read_at, edit.read_modified.as_deref(), after));
        }
        let mut tx = self.begin_write().await?;
        let written = write_reported(&mut tx, edit, precondition, actor).await?;
        tx.commit().await?;
        Ok(written)
    }
}

/// The answer to an edit that changes nothing: the version it read (whose precondition the read
/// checked), written nowhere.
fn unchanged(version: i64, modified: Option<&str>, after: After) -> Written {
    Written { version, modified: modified.unwrap_or_default().to_string(), created: false, after: Some(after) }
}

/// Takes the write lock ([`take_lock`]) and checks that the programme is
/// still at `read_at`, as `precondition` asks.
async fn lock(
    conn: &mut AnyConnection,
    id: &str,
    read_at: i64,
    precondition: &Precondition,
) -> Result<(i64, String), WriteError> {
    let (version, now, current) = take_lock(&mut *conn, id).await?;
    check(current, precondition)?;
    match current {
        Some(current) if current == read_at => Ok((version, now)),
        Some(moved) => Err(WriteError::Moved(moved)),
        None => Err(WriteError::NoProgramme(id.to_string())),
    }
}

async fn write_reported(
    conn: &mut AnyConnection,
    edit: &ReportedEdit,
    precondition: &Precondition,
    actor: &Actor,
) -> Result<Written, WriteError> {
    let id = edit.programme_id.as_str();
    let (version, now) = lock(&mut *conn, id, edit.read_at, precondition).await?;
    let r = &edit.after;
    sqlx::query(
        r#"UPDATE programmes SET reported_schemes = $2, reported_schemes_quote = $3, reported_cost_dong = $4,
                  reported_cost_quote = $5, version = $6, updated_at = $7, reported_tasks = $8,
                  reported_tasks_quote = $9, reported_registered = $10, reported_registered_quote = $11
           WHERE id = $1"#,
    )
    .bind(id)
    .bind(r.schemes.as_ref().and_then(|s| s.value))
    .bind(r.schemes.as_ref().and_then(|s| s.quote.clone()))
    .bind(r.cost.as_ref().and_then(|c| c.amount).map(Money::to_dong))
    .bind(r.cost.as_ref().and_then(|c| c.quote.clone()))
    .bind(version)
    .bind(&now)
    .bind(r.tasks.as_ref().and_then(|s| s.value))
    .bind(r.tasks.as_ref().and_then(|s| s.quote.clone()))
    .bind(r.schemes_registered.as_ref().and_then(|s| s.value))
    .bind(r.schemes_registered.as_ref().and_then(|s| s.quote.clone()))
    .execute(&mut *conn)
    .await?;
    for table in ["reported_scheme_counts", "reported_funding", "reported_precision", "reported_cost_covers"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE programme_id = $1")).bind(id).execute(&mut *conn).await?;
    }
    insert_reported(&mut *conn, id, r).await?;
    let records = edit.sums.records.iter().map(|r| r.records).sum();
    let sides = (part_side(Some(&edit.before), records), part_side(Some(&edit.after), records));
    record(&mut *conn, actor, &Operation::ReplaceReported, id, version, (&sides.0, &sides.1)).await?;
    let after = After { id: id.to_string(), reported: edit.after.clone(), sums: edit.sums.clone() };
    Ok(Written { version, modified: now, created: false, after: Some(after) })
}

async fn write_edit(
    conn: &mut AnyConnection,
    edit: &RecordEdit,
    precondition: &Precondition,
    actor: &Actor,
) -> Result<Written, WriteError> {
    let id = edit.programme_id.as_str();
    let (version, now) = lock(&mut *conn, id, edit.read_at, precondition).await?;
    // The record keeps its place; a new one goes after the last.
    let position: (i64,) =
        match &edit.before {
            Some(before) => {
                sqlx::query_as("SELECT position FROM scheme_records WHERE programme_id = $1 AND id = $2")
                    .bind(id)
                    .bind(&before.id)
                    .fetch_one(&mut *conn)
                    .await?
            }
            None => sqlx::query_as(
                "SELECT CAST(COALESCE(MAX(position), -1) + 1 AS BIGINT) FROM scheme_records WHERE programme_id = $1",
            )
            .bind(id)
            .fetch_one(&mut *conn)
            .await?,
        };
    if let Some(before) = &edit.before {
        for (table, column) in [("funding_lines", "scheme_id"), ("indicators", "scheme_id"), ("scheme_records", "id")] {
            sqlx::query(&format!("DELETE FROM {table} WHERE programme_id = $1 AND {column} = $2"))
                .bind(id)
                .bind(&before.id)
                .execute(&mut *conn)
                .await?;
        }
    }
    if let Some(after) = &edit.after {
        insert_records(&mut *conn, id, std::iter::once((position.0, after))).await?;
    }
    for table in ["source_sums", "line_sums", "record_sums"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE programme_id = $1")).bind(id).execute(&mut *conn).await?;
    }
    insert_sums(&mut *conn, id, &edit.sums).await?;
    for definition in &edit.definitions {
        let kept = edit.sums.indicator(&definition.key);
        sqlx::query("UPDATE indicator_definitions SET total = $3, records = $4 WHERE programme_id = $1 AND key = $2")
            .bind(id)
            .bind(&definition.key)
            .bind(kept.and_then(|i| i.total).map(|t| t.to_string()))
            .bind(kept.map_or(0, |i| i.records))
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("UPDATE programmes SET version = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(version)
        .bind(&now)
        .execute(&mut *conn)
        .await?;
    let after_count = edit.records_after();
    let before_count = after_count - i64::from(edit.after.is_some()) + i64::from(edit.before.is_some());
    let sides = (part_side(edit.before.as_ref(), before_count), part_side(edit.after.as_ref(), after_count));
    record(&mut *conn, actor, &edit.operation, id, version, (&sides.0, &sides.1)).await?;
    let after = After { id: id.to_string(), reported: edit.reported.clone(), sums: edit.sums.clone() };
    Ok(Written { version, modified: now, created: false, after: Some(after) })
}
