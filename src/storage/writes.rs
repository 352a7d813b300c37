//! Writing programmes: audited, versioned, all-or-nothing; and the once-only seed load.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use super::{Db, now_text};
use crate::domain::ValidProgramme;
use crate::domain::aggregates::sums::ProgrammeSums;
use crate::domain::document::{Note, Precision, Programme, Reported, SchemeRecord};
use crate::domain::money::Money;

/// Who writes: a token's name (and id), `cli` for the command line, `seed` for the seed load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub token_id: Option<String>,
}

impl Actor {
    pub fn local(name: &str) -> Actor {
        Actor { name: name.to_string(), token_id: None }
    }
}

/// What the writer believes about the programme's current version (from If-Match/If-None-Match).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Precondition {
    /// Write whatever is there.
    None,
    /// The programme must exist at one of these versions.
    Versions(Vec<i64>),
    /// The programme must exist (`If-Match: *`).
    Exists,
    /// The programme must not exist (`If-None-Match: *`).
    Absent,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("the programme is at version {current:?}, not the one the request names")]
    PreconditionFailed {
        /// The programme's version (None: it does not exist).
        current: Option<i64>,
        /// What the request asked for.
        asked: Precondition,
    },
    /// The programme the write names does not exist.
    #[error("programme {0:?} not found")]
    NoProgramme(String),
    /// The scheme record the write names is not in the programme.
    #[error("scheme record {scheme:?} not found in programme {programme:?}")]
    MissingScheme { programme: String, scheme: String },
    #[error("the document is invalid")]
    Invalid(crate::domain::document::Violations),
    /// The programme moved on since the edit read it, to a version its precondition allows
    /// (`If-Match: *`): the edit may be made again against the new version.
    #[error("the programme changed since the edit read it; it is at version {0}")]
    Moved(i64),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// What a write does, as the audit trail names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Operation {
    /// A seed file loaded (at start, or by `khuyencong seed`).
    Seed,
    /// A whole programme created or replaced.
    Replace,
    Delete,
    CreateScheme(String),
    ReplaceScheme(String),
    DeleteScheme(String),
    ReplaceReported,
}

impl Operation {
    /// The name the audit trail records.
    pub fn name(&self) -> &'static str {
        match self {
            Operation::Seed => "seed",
            Operation::Replace => "replace",
            Operation::Delete => "delete",
            Operation::CreateScheme(_) => "create_scheme",
            Operation::ReplaceScheme(_) => "replace_scheme",
            Operation::DeleteScheme(_) => "delete_scheme",
            Operation::ReplaceReported => "replace_reported",
        }
    }

    /// The scheme record the operation is about, if it is about one.
    pub fn scheme_id(&self) -> Option<&str> {
        match self {
            Operation::CreateScheme(id) | Operation::ReplaceScheme(id) | Operation::DeleteScheme(id) => Some(id),
            _ => None,
        }
    }
}

/// A write that took effect.
#[derive(Clone, Debug)]
pub struct Written {
    /// The programme's new version (for a delete, the version the deletion was recorded at).
    pub version: i64,
    /// When it was written (RFC 3339).
    pub modified: String,
    /// Whether the programme did not exist before.
    pub created: bool,
    /// What the answer to the write needs of the programme after it; None after a delete.
    pub after: Option<After>,
}

/// The programme after a write, as far as the write's answer needs it (its warnings): its
/// reported figures and sums.
#[derive(Clone, Debug)]
pub struct After {
    pub id: String,
    pub reported: Reported<Money>,
    pub sums: ProgrammeSums,
}

impl Precondition {
    /// Whether a programme at version `current` (None: absent) meets it.
    pub fn allows(&self, current: Option<i64>) -> bool {
        match self {
            Precondition::None => true,
            Precondition::Versions(expected) => current.is_some_and(|v| expected.contains(&v)),
            Precondition::Exists => current.is_some(),
            Precondition::Absent => current.is_none(),
        }
    }
}

/// Documents up to this size are kept whole in the audit trail; larger ones as digest and counts.
pub(super) const AUDIT_INLINE_LIMIT: usize = 1 << 20;

/// A whole programme ready to store: valid, with its canonical text's digest. Made off the
/// workers before the write lock is taken (it costs as much as the document is large), so that
/// the lock is held only to write rows.
#[derive(Clone, Debug)]
pub struct Prepared {
    pub valid: ValidProgramme,
    sha256: String,
    /// The canonical text, when small enough to keep whole in the audit trail.
    inline: Option<String>,
}

impl Prepared {
    pub fn new(valid: ValidProgramme) -> Prepared {
        let text = valid.programme.canonical_json();
        let sha256 = format!("{:x}", Sha256::digest(text.as_bytes()));
        let inline = (text.len() <= AUDIT_INLINE_LIMIT).then_some(text);
        Prepared { valid, sha256, inline }
    }

    /// The SHA-256 of the canonical document, in hex.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }
}

/// One side (before or after) of an audit entry.
#[derive(Clone, Debug, Default)]
pub(super) struct Side {
    pub doc: Option<String>,
    pub sha256: Option<String>,
    pub records: Option<i64>,
}

impl Side {
    fn of(prepared: &Prepared) -> Side {
        Side {
            doc: prepared.inline.clone(),
            sha256: Some(prepared.sha256.clone()),
            records: Some(prepared.valid.programme.schemes.len() as i64),
        }
    }
}

/// What a whole-programme write does.
enum Change {
    /// Store this programme in place of what was there.
    Store(Box<Prepared>),
    Delete,
}

impl Db {
    /// Checks `precondition` against the programme's version with one indexed read, outside the
    /// write lock: a stale tag is refused before anything is loaded or validated. The write
    /// checks again under the lock.
    pub async fn check_precondition(&self, id: &str, precondition: &Precondition) -> Result<(), WriteError> {
        let current = super::versions::programme_version(&mut *self.pool.acquire().await?, id).await?;
        check(current, precondition)
    }

    /// Checks `precondition` against the programme as stored (412 whatever the document, outside
    /// the write lock: a stale tag is refused before anything is written; the write checks again
    /// under the lock) and, when `prepared` is the programme as it is stored (the same canonical
    /// document), returns its version as a write that wrote nothing answers it. None when the
    /// write would change something (or the programme is absent).
    pub async fn unchanged(
        &self,
        prepared: &Prepared,
        precondition: &Precondition,
    ) -> Result<Option<Written>, WriteError> {
        let id = &prepared.valid.programme.id;
        let mut snapshot = self.primary_snapshot().await?;
        let Some(head) = snapshot.programme(id).await? else {
            snapshot.finish().await?;
            check(None, precondition)?;
            return Ok(None);
        };
        let stamp = head.stamp();
        check(Some(stamp.version), precondition)?;
        // Other sums, another document: known from the kept sums, without loading it.
        if snapshot.sums(id).await? != prepared.valid.sums {
            snapshot.finish().await?;
            return Ok(None);
        }
        let stored = stored_digest(&mut snapshot.tx, id).await?;
        snapshot.finish().await?;
        if stored.as_deref() != Some(prepared.sha256()) {
            return Ok(None);
        }
        let ValidProgramme { programme, sums } = prepared.valid.clone();
        Ok(Some(Written {
            version: stamp.version,
            modified: stamp.modified.unwrap_or_default(),
            created: false,
            after: Some(After { id: programme.id, reported: programme.reported, sums }),
        }))
    }

    /// Creates or replaces a whole programme under `precondition`, audited, in one transaction.
    #[tracing::instrument(skip(self, actor, prepared), fields(actor = %actor.name))]
    pub async fn replace(
        &self,
        precondition: Precondition,
        actor: &Actor,
        prepared: Prepared,
    ) -> Result<Written, WriteError> {
        let id = prepared.valid.programme.id.clone();
        let mut tx = self.begin_write().await?;
        let written =
            audited_write(&mut tx, &id, precondition, actor, &Operation::Replace, Change::Store(Box::new(prepared)))
                .await?;
        tx.commit().await?;
        Ok(written)
    }

    /// Deletes a programme and everything it holds, if it is at a version `precondition` allows.
    #[tracing::instrument(skip(self, actor), fields(actor = %actor.name))]
    pub async fn delete(&self, id: &str, precondition: Precondition, actor: &Actor) -> Result<Written, WriteError> {
        let mut tx = self.begin_write().await?;
        let written = audited_write(&mut tx, id, precondition, actor, &Operation::Delete, Change::Delete).await?;
        tx.commit().await?;
        Ok(written)
    }

    /// One audited write to one programme, in one transaction: takes the write lock (bumping the
    /// data version), checks `precondition`, hands the current document to `change`, and stores
    /// what it returns, with an audit entry holding the document before and after.
    #[tracing::instrument(skip(self, actor, change), fields(actor = %actor.name))]
    pub async fn write<F>(
        &self,
        id: &str,
        precondition: Precondition,
        actor: &Actor,
        operation: Operation,
        change: F,
    ) -> Result<Written, WriteError>
    where
        F: FnOnce(Option<Programme>) -> Result<ValidProgramme, WriteError>,
    {
        let mut tx = self.begin_write().await?;
        let current = super::versions::programme_version(&mut tx, id).await?;
        check(current, &precondition)?;
        let before = super::documents::load(&mut tx, id).await?.map(|(p, _)| p);
        let after = Prepared::new(change(before)?);
        let written =
            audited_write(&mut tx, id, precondition, actor, &operation, Change::Store(Box::new(after))).await?;
        tx.commit().await?;
        Ok(written)
    }

    /// Creates or replaces a whole programme, unconditionally; returns its new version.
    pub async fn replace_programme(&self, valid: &ValidProgramme, actor: &Actor) -> Result<i64, WriteError> {
        Ok(self.replace(Precondition::None, actor, Prepared::new(valid.clone())).await?.version)
    }

    /// Deletes a programme and everything it holds, unconditionally.
    pub async fn delete_programme(&self, id: &str, actor: &Actor) -> Result<(), WriteError> {
        self.delete(id, Precondition::Exists, actor).await.map(|_| ()).map_err(|e| match e {
            WriteError::PreconditionFailed { .. } => WriteError::NoProgramme(id.to_string()),
            other => other,
        })
    }

    /// Loads a seed file's programme unless this seed was loaded before (or `force`), in one
    /// transaction with the record that it was loaded. Returns whether it loaded.
    ///
    /// A seed corrected since it was loaded (its document differs from what its last load
    /// wrote) is loaded again when the programme is still as that load left it: its last write
    /// is the seed's. A programme someone changed since is theirs, and stays as it is
    /// (`khuyencong seed` reloads on purpose). Either way the audit trail has the change.
    ///
    /// Safe when several instances start at once: the state is read again under the write lock
    /// (the first statement of a write), so a second instance finds the seed current.
    #[tracing::instrument(skip(self, valid))]
    pub async fn load_seed(&self, name: &str, valid: &ValidProgramme, force: bool) -> Result<bool, WriteError> {
        let id = &valid.programme.id;
        let prepared = Prepared::new(valid.clone());
        let digest = prepared.sha256().to_string();
        // A plain read first: a database seeded before starts without taking the write lock
        // (and a read-only one starts at all).
        if !force && !seed_state(&mut *self.pool.acquire().await?, name, id, &digest).await?.wants_load() {
            return Ok(false);
        }
        let mut tx = self.begin_write().await?;
        // Queue behind any other writer (a no-op update takes the row lock on PostgreSQL;
        // SQLite's BEGIN IMMEDIATE already holds the lock), then read the state again.
        sqlx::query("UPDATE data_version SET version = version WHERE id = 1").execute(&mut *tx).await?;
        let state = seed_state(&mut tx, name, id, &digest).await?;
        if !force && !state.wants_load() {
            return Ok(false);
        }
        // Loading it again on purpose changes nothing when the programme is what the seed says.
        if force && stored_digest(&mut tx, id).await?.as_deref() == Some(digest.as_str()) {
            return Ok(false);
        }
        if state == SeedState::Corrected {
            tracing::info!(seed = %name, programme = %id, "the seed was corrected since it was loaded: loading it again");
        }
        sqlx::query(
            "INSERT INTO seed_runs (name, loaded_at) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET loaded_at = $2",
        )
        .bind(name)
        .bind(now_text())
        .execute(&mut *tx)
        .await?;
        let seed = Actor::local("seed");
        audited_write(&mut tx, id, Precondition::None, &seed, &Operation::Seed, Change::Store(Box::new(prepared)))
            .await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// Where a seed file stands in a database.
#[derive(Debug, PartialEq, Eq)]
enum SeedState {
    /// Never loaded.
    New,
    /// Loaded, and the programme is what the seed says.
    Current,
    /// Loaded, the programme still as that load left it, and the seed says something else now.
    Corrected,
    /// Loaded, then the programme was changed (or deleted) by someone else.
    ChangedSince,
}

impl SeedState {
    fn wants_load(&self) -> bool {
        matches!(self, SeedState::New | SeedState::Corrected)
    }
}

/// The state of seed `name` (programme `id`, canonical document digest `digest`), from the seed
/// runs and the programme's last audited write.
async fn seed_state(conn: &mut AnyConnection, name: &str, id: &str, digest: &str) -> Result<SeedState, sqlx::Error> {
    let seeded =
        sqlx::query("SELECT 1 FROM seed_runs WHERE name = $1").bind(name).fetch_optional(&mut *conn).await?.is_some();
    if !seeded {
        return Ok(SeedState::New);
    }
    let last: Option<(String, Option<String>)> = sqlx::query_as(
        "SELECT operation, after_sha256 FROM audit_log WHERE programme_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match last {
        Some((operation, after)) if operation == Operation::Seed.name() => {
            if after.as_deref() == Some(digest) {
                SeedState::Current
            } else {
                SeedState::Corrected
            }
        }
        _ => SeedState::ChangedSince,
    })
}

/// The SHA-256 of programme `id`'s canonical document as stored (None: no such programme): the
/// trail's, when the programme's last write stored the whole document; else computed from the
/// document, loaded.
async fn stored_digest(conn: &mut AnyConnection, id: &str) -> Result<Option<String>, sqlx::Error> {
    let last: Option<(String, Option<String>)> = sqlx::query_as(
        "SELECT operation, after_sha256 FROM audit_log WHERE programme_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let whole = [Operation::Seed.name(), Operation::Replace.name()];
    if let Some((_, Some(sha256))) = last.filter(|(operation, _)| whole.contains(&operation.as_str())) {
        return Ok(Some(sha256));
    }
    let stored = super::documents::load(&mut *conn, id).await?;
    Ok(stored.map(|(programme, _)| format!("{:x}", Sha256::digest(programme.canonical_json().as_bytes()))))
}

/// Takes the write lock, the first statement of every write (on PostgreSQL the row lock queues
/// every other writer behind this one; SQLite's `BEGIN IMMEDIATE` holds it already): the next
/// data version, the time, and the programme's version now (None: absent).
pub(super) async fn take_lock(conn: &mut AnyConnection, id: &str) -> Result<(i64, String, Option<i64>), sqlx::Error> {
    let now = now_text();
    let (version,): (i64,) =
        sqlx::query_as("UPDATE data_version SET version = version + 1, updated_at = $1 WHERE id = 1 RETURNING version")
            .bind(&now)
            .fetch_one(&mut *conn)
            .await?;
    let current = super::versions::programme_version(&mut *conn, id).await?;
    Ok((version, now, current))
}

/// Whether a programme at version `current` (None: absent) meets `precondition`.
pub(super) fn check(current: Option<i64>, precondition: &Precondition) -> Result<(), WriteError> {
    match precondition.allows(current) {
        true => Ok(()),
        false => Err(WriteError::PreconditionFailed { current, asked: precondition.clone() }),
    }
}

/// The "before" of a whole-programme write, without loading the programme: the "after" of the
/// programme's last write when that wrote the whole programme (the trail already holds it).
/// After a record or reported edit the trail holds only the part it changed: then the document
/// is not repeated (null), and the record count comes from the kept sums; the entries since the
/// last whole document are its changes.
async fn before_whole(conn: &mut AnyConnection, id: &str) -> Result<Side, sqlx::Error> {
    // (operation, after_doc, after_sha256, after_records)
    type Last = (String, Option<String>, Option<String>, Option<i64>);
    let last: Option<Last> = sqlx::query_as(
        r#"SELECT operation, after_doc, after_sha256, after_records FROM audit_log
           WHERE programme_id = $1 ORDER BY id DESC LIMIT 1"#,
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let whole = [Operation::Seed.name(), Operation::Replace.name()];
    if let Some((_, doc, sha256, records)) = last.filter(|(operation, ..)| whole.contains(&operation.as_str())) {
        return Ok(Side { doc, sha256, records });
    }
    let (records,): (i64,) =
        sqlx::query_as("SELECT CAST(COALESCE(SUM(records), 0) AS BIGINT) FROM record_sums WHERE programme_id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    Ok(Side { doc: None, sha256: None, records: Some(records) })
}

/// The body of a whole-programme write, inside the caller's transaction: takes the write lock,
/// checks `precondition` against the programme's version, writes, and records the audit entry
/// (its "before" the trail's last "after").
async fn audited_write(
    conn: &mut AnyConnection,
    id: &str,
    precondition: Precondition,
    actor: &Actor,
    operation: &Operation,
    change: Change,
) -> Result<Written, WriteError> {
    let (version, now, current) = take_lock(&mut *conn, id).await?;
    check(current, &precondition)?;
    let before = match current {
        Some(_) => before_whole(&mut *conn, id).await?,
        None => Side::default(),
    };
    let (after, side) = match change {
        Change::Store(prepared) => {
            write_programme(&mut *conn, &prepared.valid, version, &now).await?;
            let side = Side::of(&prepared);
            let ValidProgramme { programme, sums } = prepared.valid;
            (Some(After { id: programme.id, reported: programme.reported, sums }), side)
        }
        Change::Delete => {
            delete_rows(&mut *conn, id).await?;
            (None, Side::default())
        }
    };
    record(&mut *conn, actor, operation, id, version, (&before, &side)).await?;
    Ok(Written { version, modified: now, created: current.is_none(), after })
}

/// Appends the audit entry of a write at `version`.
pub(super) async fn record(
    conn: &mut AnyConnection,
    actor: &Actor,
    operation: &Operation,
    id: &str,
    version: i64,
    (before, after): (&Side, &Side),
) -> Result<(), sqlx::Error> {
    sqlx::query(
        r#"INSERT INTO audit_log (at, actor, token_id, operation, programme_id, scheme_id, version,
                   before_doc, after_doc, before_sha256, after_sha256, before_records, after_records)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"#,
    )
    .bind(now_text())
    .bind(&actor.name)
    .bind(&actor.token_id)
    .bind(operation.name())
    .bind(id)
    .bind(operation.scheme_id())
    .bind(version)
    .bind(&before.doc)
    .bind(&after.doc)
    .bind(&before.sha256)
    .bind(&after.sha256)
    .bind(before.records)
    .bind(after.records)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Deletes a programme's rows, the leaves first. ON DELETE CASCADE would do it alone, but then
/// each deleted record looks for its lines through whichever index the planner picks; emptied
/// first, those look-ups find nothing at once (SQLite took 445 s to cascade 20,000 records).
async fn delete_rows(conn: &mut AnyConnection, id: &str) -> Result<(), sqlx::Error> {
    for table in ["funding_lines", "indicators", "scheme_records", "source_sums", "line_sums", "record_sums"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE programme_id = $1")).bind(id).execute(&mut *conn).await?;
    }
    sqlx::query("DELETE FROM programmes WHERE id = $1").bind(id).execute(&mut *conn).await?;
    Ok(())
}

/// Replaces the programme's rows inside the caller's transaction, at `version` written `now`.
async fn write_programme(
    tx: &mut AnyConnection,
    valid: &ValidProgramme,
    version: i64,
    now: &str,
) -> Result<(), sqlx::Error> {
    let (p, sums) = (&valid.programme, &valid.sums);
    delete_rows(&mut *tx, &p.id).await?;

    let basis = p.legal_basis.as_ref();
    let approved = p.approved_by.as_ref();
    let part = p.part_of.as_ref();
    let count =
        |c: Option<&crate::domain::document::ReportedCount>| (c.and_then(|c| c.value), c.and_then(|c| c.quote.clone()));
    let (tasks, tasks_quote) = count(p.reported.tasks.as_ref());
    let (registered, registered_quote) = count(p.reported.schemes_registered.as_ref());
    sqlx::query(
        r#"INSERT INTO programmes (id, name_vi, name_en, jurisdiction, start_year, end_year,
               legal_basis_title, legal_basis_number, legal_basis_date, legal_basis_issuer, legal_basis_quote,
               agency_vi, agency_en, source_title, source_publisher, source_date, source_url, source_note,
               source_note_vi, reported_schemes, reported_schemes_quote, reported_cost_dong, reported_cost_quote,
               version, updated_at, kind, status, part_of, part_kind, part_label, approved_by_title,
               approved_by_number, approved_by_date, approved_by_issuer, approved_by_quote, reported_tasks,
               reported_tasks_quote, reported_registered, reported_registered_quote, about_tolerance_percent)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25,
                   $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40)"#,
    )
    .bind(&p.id)
    .bind(&p.names.vi)
    .bind(&p.names.en)
    .bind(&p.jurisdiction)
    .bind(p.period.start_year)
    .bind(p.period.end_year)
    .bind(basis.map(|b| b.title.clone()))
    .bind(basis.and_then(|b| b.number.clone()))
    .bind(basis.and_then(|b| b.date.clone()))
    .bind(basis.and_then(|b| b.issuer.clone()))
    .bind(basis.and_then(|b| b.quote.clone()))
    .bind(p.implementing_agency.as_ref().map(|a| a.vi.clone()))
    .bind(p.implementing_agency.as_ref().map(|a| a.en.clone()))
    .bind(&p.source.title)
    .bind(&p.source.publisher)
    .bind(&p.source.date)
    .bind(&p.source.url)
    .bind(Note::columns(p.source.note.as_ref()).0)
    .bind(Note::columns(p.source.note.as_ref()).1)
    .bind(p.reported.schemes.as_ref().and_then(|s| s.value))
    .bind(p.reported.schemes.as_ref().and_then(|s| s.quote.clone()))
    .bind(p.reported.cost.as_ref().and_then(|c| c.amount).map(Money::to_dong))
    .bind(p.reported.cost.as_ref().and_then(|c| c.quote.clone()))
    .bind(version)
    .bind(now)
    .bind(p.kind.key())
    .bind(p.status.key())
    .bind(part.map(|part| part.programme.clone()))
    .bind(part.map(|part| part.part.key()))
    .bind(part.map(|part| part.label.clone()))
    .bind(approved.map(|b| b.title.clone()))
    .bind(approved.and_then(|b| b.number.clone()))
    .bind(approved.and_then(|b| b.date.clone()))
    .bind(approved.and_then(|b| b.issuer.clone()))
    .bind(approved.and_then(|b| b.quote.clone()))
    .bind(tasks)
    .bind(tasks_quote)
    .bind(registered)
    .bind(registered_quote)
    .bind(&p.about_tolerance_percent)
    .execute(&mut *tx)
    .await?;

    let id = p.id.as_str();
    insert_reported(tx, id, &p.reported).await?;
    insert_rows(
        tx,
        "indicator_definitions",
        &["programme_id", "key", "position", "name_vi", "name_en", "unit", "additive", "total", "records"],
        p.indicator_definitions.iter().enumerate().map(|(position, def)| {
            vec![
                Cell::Text(Some(id)),
                Cell::Text(Some(&def.key)),
                Cell::Int(Some(position as i64)),
                Cell::Text(Some(&def.names.vi)),
                Cell::Text(Some(&def.names.en)),
                Cell::Text(Some(&def.unit)),
                Cell::Int(Some(i64::from(def.additive))),
                Cell::Owned(sums.indicator_total(&def.key).map(|total| total.to_string())),
                Cell::Int(Some(sums.indicator(&def.key).map_or(0, |i| i.records))),
            ]
        }),
    )
    .await?;
    insert_records(tx, id, p.schemes.iter().enumerate().map(|(position, record)| (position as i64, record))).await?;
    insert_sums(tx, id, sums).await?;
    Ok(())
}

/// Inserts the programme's reported entries (by scope, by source), the precision of every
/// reported figure that is not a plain exact one, and what its total cost covers; the
/// programme's row holds the rest of its reported figures.
pub(super) async fn insert_reported(
    tx: &mut AnyConnection,
    id: &str,
    reported: &Reported<Money>,
) -> Result<(), sqlx::Error> {
    insert_rows(
        tx,
        "reported_scheme_counts",
        &["programme_id", "scope", "schemes", "quote"],
        reported.schemes_by_scope.iter().map(|e| {
            vec![Cell::Text(Some(id)), Cell::Text(Some(&e.scope)), Cell::Int(e.value), Cell::Text(e.quote.as_deref())]
        }),
    )
    .await?;
    insert_rows(
        tx,
        "reported_funding",
        &["programme_id", "source", "amount_dong", "quote", "remainder"],
        reported.funding.iter().map(|e| {
            vec![
                Cell::Text(Some(id)),
                Cell::Text(Some(&e.source)),
                Cell::Int(e.amount.map(Money::to_dong)),
                Cell::Text(e.quote.as_deref()),
                Cell::Int(Some(i64::from(e.remainder))),
            ]
        }),
    )
    .await?;
    let precision = reported_precision(reported);
    insert_rows(
        tx,
        "reported_precision",
        &["programme_id", "figure", "qualifier", "estimate", "low", "high"],
        precision.iter().map(|(figure, p)| {
            vec![
                Cell::Text(Some(id)),
                Cell::Owned(Some(figure.clone())),
                Cell::Text(Some(p.qualifier.key())),
                Cell::Int(Some(i64::from(p.estimate))),
                Cell::Int(p.min),
                Cell::Int(p.max),
            ]
        }),
    )
    .await?;
    let covers = reported.cost.as_ref().and_then(|c| c.covers.as_deref()).unwrap_or_default();
    insert_rows(
        tx,
        "reported_cost_covers",
        &["programme_id", "source"],
        covers.iter().map(|source| vec![Cell::Text(Some(id)), Cell::Text(Some(source))]),
    )
    .await?;
    Ok(())
}

/// The reported figures whose precision is not the default (exact, final), each named as
/// `reported_precision.figure` names it, with its ends in storage's units (schemes, đồng).
fn reported_precision(reported: &Reported<Money>) -> Vec<(String, Precision<i64>)> {
    let dong = |p: Precision<Money>| p.map(Money::to_dong);
    let counts = [
        ("schemes", &reported.schemes),
        ("tasks", &reported.tasks),
        ("schemes_registered", &reported.schemes_registered),
    ];
    counts
        .into_iter()
        .filter_map(|(figure, count)| Some((figure.to_string(), count.as_ref()?.precision())))
        .chain(reported.cost.iter().map(|c| ("cost".to_string(), dong(c.precision()))))
        .chain(reported.schemes_by_scope.iter().map(|e| (format!("scope:{}", e.scope), e.precision())))
        .chain(reported.funding.iter().map(|e| (format!("source:{}", e.source), dong(e.precision()))))
        .filter(|(_, p)| !p.qualifier.is_exact() || p.estimate)
        .collect()
}

/// Inserts `records` (each with its position) of programme `id`: their rows, lines and
/// indicators.
pub(super) async fn insert_records<'a>(
    tx: &mut AnyConnection,
    id: &str,
    records: impl Iterator<Item = (i64, &'a SchemeRecord<Money>)> + Clone,
) -> Result<(), sqlx::Error> {
    insert_rows(
        tx,
        "scheme_records",
        &[
            "programme_id",
            "id",
            "position",
            "activity",
            "scope",
            "title_vi",
            "title_en",
            "scheme_count",
            "cost_dong",
            "quote",
            "note",
            "note_vi",
        ],
        records.clone().map(|(position, record)| {
            vec![
                Cell::Text(Some(id)),
                Cell::Text(Some(&record.id)),
                Cell::Int(Some(position)),
                Cell::Text(Some(&record.activity)),
                Cell::Text(Some(&record.scope)),
                Cell::Text(Some(&record.title.vi)),
                Cell::Text(Some(&record.title.en)),
                Cell::Int(Some(record.scheme_count)),
                Cell::Int(Some(record.cost.to_dong())),
                Cell::Text(record.quote.as_deref()),
                Cell::Text(Note::columns(record.note.as_ref()).0),
                Cell::Text(Note::columns(record.note.as_ref()).1),
            ]
        }),
    )
    .await?;
    insert_rows(
        tx,
        "funding_lines",
        &["programme_id", "scheme_id", "source", "position", "amount_dong", "quote"],
        records.clone().flat_map(|(_, record)| {
            record.funding.iter().enumerate().map(move |(position, line)| {
                vec![
                    Cell::Text(Some(id)),
                    Cell::Text(Some(&record.id)),
                    Cell::Text(Some(&line.source)),
                    Cell::Int(Some(position as i64)),
                    Cell::Int(Some(line.amount.to_dong())),
                    Cell::Text(line.quote.as_deref()),
                ]
            })
        }),
    )
    .await?;
    // The programme's sums, as the domain made them from the same document.
    insert_rows(
        tx,
        "indicators",
        &["programme_id", "scheme_id", "key", "position", "value", "note", "note_vi"],
        records.clone().flat_map(|(_, record)| {
            record.indicators.iter().enumerate().map(move |(position, indicator)| {
                vec![
                    Cell::Text(Some(id)),
                    Cell::Text(Some(&record.id)),
                    Cell::Text(Some(&indicator.key)),
                    Cell::Int(Some(position as i64)),
                    Cell::Text(Some(&indicator.value)),
                    Cell::Text(Note::columns(indicator.note.as_ref()).0),
                    Cell::Text(Note::columns(indicator.note.as_ref()).1),
                ]
            })
        }),
    )
    .await?;
    Ok(())
}

/// Inserts the programme's record and line sums, and its lines per source (what sums across
/// programmes read).
pub(super) async fn insert_sums(tx: &mut AnyConnection, id: &str, sums: &ProgrammeSums) -> Result<(), sqlx::Error> {
    let whole = sums.whole();
    insert_rows(
        tx,
        "source_sums",
        &["programme_id", "source", "amount_dong", "schemes", "records"],
        whole.lines.iter().map(|l| {
            let records = sums.lines.iter().filter(|x| x.source == l.source).map(|x| x.records).sum();
            vec![
                Cell::Text(Some(id)),
                Cell::Text(Some(&l.source)),
                Cell::Int(Some(l.amount.to_dong())),
                Cell::Int(Some(l.schemes)),
                Cell::Int(Some(records)),
            ]
        }),
    )
    .await?;
    insert_rows(
        tx,
        "record_sums",
        &["programme_id", "activity", "scope", "records", "schemes", "cost_dong", "unattributed_schemes"],
        sums.records.iter().map(|r| {
            vec![
                Cell::Text(Some(id)),
                Cell::Text(Some(&r.activity)),
                Cell::Text(Some(&r.scope)),
                Cell::Int(Some(r.records)),
                Cell::Int(Some(r.schemes)),
                Cell::Int(Some(r.cost.to_dong())),
                Cell::Int(Some(r.unattributed_schemes)),
            ]
        }),
    )
    .await?;
    insert_rows(
        tx,
        "line_sums",
        &["programme_id", "activity", "scope", "source", "amount_dong", "schemes", "records"],
        sums.lines.iter().map(|l| {
            vec![
                Cell::Text(Some(id)),
                Cell::Text(Some(&l.activity)),
                Cell::Text(Some(&l.scope)),
                Cell::Text(Some(&l.source)),
                Cell::Int(Some(l.amount.to_dong())),
                Cell::Int(Some(l.schemes)),
                Cell::Int(Some(l.records)),
            ]
        }),
    )
    .await?;
    Ok(())
}

/// Bind parameters per INSERT: under SQLite's limit (32,766) and PostgreSQL's (65,535).
const PARAMETERS_PER_STATEMENT: usize = 30_000;

/// One value to bind.
enum Cell<'a> {
    Text(Option<&'a str>),
    Owned(Option<String>),
    Int(Option<i64>),
}

/// Inserts `rows` into `table`, as many rows per statement as the parameter limit allows: a
/// million-record programme is some hundreds of statements, not millions. Statements come in a
/// few sizes only (full batches, then powers of two), so the same SQL text recurs and PostgreSQL
/// parses each once per connection (a fresh 30,000-parameter statement costs tens of ms to parse).
async fn insert_rows<'a>(
    conn: &mut AnyConnection,
    table: &str,
    columns: &[&str],
    mut rows: impl Iterator<Item = Vec<Cell<'a>>>,
) -> Result<(), sqlx::Error> {
    let per_statement = (PARAMETERS_PER_STATEMENT / columns.len()).max(1);
    // SQLite looks a numbered parameter's name up in a list, which makes binding `$1`..`$n`
    // quadratic in n; its anonymous `?` is bound by position. PostgreSQL needs `$n`.
    let numbered = conn.backend_name() != "SQLite";
    loop {
        let chunk: Vec<Vec<Cell<'a>>> = rows.by_ref().take(per_statement).collect();
        if chunk.is_empty() {
            return Ok(());
        }
        let mut start = 0;
        while start < chunk.len() {
            let left = chunk.len() - start;
            let size = batch_size(left, per_statement);
            let batch = &chunk[start..start + size];
            let sql = insert_sql(table, columns, size, numbered);
            let mut query = sqlx::query(&sql);
            for cell in batch.iter().flatten() {
                query = match cell {
                    Cell::Text(value) => query.bind(*value),
                    Cell::Owned(value) => query.bind(value.as_deref()),
                    Cell::Int(value) => query.bind(*value),
                };
            }
            query.execute(&mut *conn).await?;
            start += size;
        }
        if chunk.len() < per_statement {
            return Ok(());
        }
    }
}

/// The rows of the next statement when `left` remain: a full batch, or the largest power of two.
fn batch_size(left: usize, full: usize) -> usize {
    if left >= full { full } else { 1 << left.ilog2() }
}

/// `INSERT INTO table (columns) VALUES (…), (…)` for `rows` rows of placeholders.
fn insert_sql(table: &str, columns: &[&str], rows: usize, numbered: bool) -> String {
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    let mut parameter = 0;
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..columns.len() {
            parameter += 1;
            sql.push_str(if column == 0 { "" } else { ", " });
            if numbered {
                let _ = write!(sql, "${parameter}");
            } else {
                sql.push('?');
            }
        }
        sql.push(')');
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_come_in_a_few_sizes_and_cover_every_row() {
        assert_eq!(insert_sql("t", &["a", "b"], 2, true), "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)");
        assert_eq!(insert_sql("t", &["a", "b"], 2, false), "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)");
        let mut sizes = Vec::new();
        let mut left = 1000;
        while left > 0 {
            let size = batch_size(left, 4285);
            sizes.push(size);
            left -= size;
        }
        assert_eq!(sizes, [512, 256, 128, 64, 32, 8]);
        assert_eq!(batch_size(5000, 4285), 4285);
    }
}
