//! The read unit: every response reads in one read transaction, a snapshot, so that all its
//! statements see one committed state and its ETag is the version of the data in its body.

use sqlx::{Any, Transaction};

use super::documents::{RECORD_COLUMNS, RecordRow};
use super::rows::{Metadata, PROGRAMME_SUMS, ProgrammeRow, REPORTED_ENTRIES, ReportedRow, SumRow, programme_sums};
use super::{Db, Engine, Stamp};
use crate::domain::aggregates::aggregate::Grain;
use crate::domain::aggregates::figures::published_count;
use crate::domain::aggregates::sums::{LineSums, ProgrammeSums, RecordSums};
use crate::domain::document::{
    IndicatorDefinition, IndicatorValue, Kind, Note, Period, Programme, Qualifier, Reported, ReportedCount,
    SchemeRecord, precision,
};
use crate::domain::money::Money;
use crate::domain::reference::Names;
use crate::domain::views::{Change, ProgrammeSummary};

/// One read transaction. Dropped or finished, it ends; it never writes.
pub struct Snapshot {
    pub(super) tx: Transaction<'static, Any>,
}

/// Where a page of programmes starts: after this (end_year, start_year, id) in list order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeKey {
    pub end_year: i64,
    pub start_year: i64,
    pub id: String,
}

/// Filters of the scheme-record list; `None` means no filter.
#[derive(Clone, Debug, Default)]
pub struct SchemeFilter {
    pub activity: Option<String>,
    pub scope: Option<String>,
    /// Records with a funding line naming this source or one below it.
    pub source: Option<String>,
}

impl SchemeFilter {
    /// Whether a page of records matching this filter, in `order`, may have to pass over many
    /// that do not match: a source (a look-up per record), or an activity or scope in another
    /// order than the document's (whose indexes follow the document's order). Such a page is a
    /// heavy read.
    pub fn may_scan(&self, order: SchemeOrder) -> bool {
        self.source.is_some() || ((self.activity.is_some() || self.scope.is_some()) && order.key != SortKey::Position)
    }
}

/// The order of the scheme-record list: the document's (the default), or by cost, scheme count
/// or id, ascending or descending, ties broken by id in the same direction (so that keyset
/// pages are stable: each an index scan).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SchemeOrder {
    pub key: SortKey,
    pub descending: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Position,
    Cost,
    SchemeCount,
    Id,
}

/// Where a page of the list starts: after the record with this sort value (its position, cost
/// in đồng or scheme count; unused for `Id`) and id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemeAfter {
    pub value: i64,
    pub id: String,
}

impl SchemeOrder {
    /// The ORDER BY and the keyset condition (after `$2` value and `$7` id): fixed SQL fragments.
    fn sql(self, after: bool) -> (String, String) {
        let (dir, op) = if self.descending { ("DESC", "<") } else { ("ASC", ">") };
        let column = match self.key {
            SortKey::Position => "r.position",
            SortKey::Cost => "r.cost_dong",
            SortKey::SchemeCount => "r.scheme_count",
            SortKey::Id => "r.id",
        };
        let order = match self.key {
            SortKey::Position | SortKey::Id => format!("{column} {dir}"),
            _ => format!("{column} {dir}, r.id {dir}"),
        };
        let condition = match (after, self.key) {
            (false, _) => String::new(),
            (true, SortKey::Position) => format!("AND {column} {op} $2"),
            (true, SortKey::Id) => format!("AND {column} {op} $7"),
            (true, _) => format!("AND ({column} {op} $2 OR ({column} = $2 AND r.id {op} $7))"),
        };
        (order, condition)
    }

    /// The sort value of `record` at `position`, for the next page's cursor.
    pub fn value_of(self, position: i64, record: &SchemeRecord<Money>) -> i64 {
        match self.key {
            SortKey::Position => position,
            SortKey::Cost => record.cost.to_dong(),
            SortKey::SchemeCount => record.scheme_count,
            SortKey::Id => 0,
        }
    }
}

/// A programme's row as a snapshot first reads it: its version (the response's ETag) and what
/// describes it. `Snapshot::reported` adds its reported figures.
pub struct ProgrammeHead {
    row: ProgrammeRow,
}

impl ProgrammeHead {
    pub fn id(&self) -> &str {
        &self.row.id
    }

    pub fn stamp(&self) -> Stamp {
        self.row.stamp()
    }

    pub fn metadata(&self) -> Metadata {
        self.row.metadata()
    }

    /// What the programme is: kind, status, part of, approved by.
    pub fn identity(&self) -> super::rows::Identity {
        self.row.identity()
    }
}

impl Db {
    /// Opens a snapshot on the pool reads use (the replica when it has caught up). SQLite: a
    /// deferred transaction, whose snapshot (WAL) is taken at its first read and held to its end.
    /// PostgreSQL: `REPEATABLE READ READ ONLY`, one snapshot for the whole transaction.
    pub async fn snapshot(&self) -> Result<Snapshot, sqlx::Error> {
        Ok(Snapshot { tx: self.reads().begin_with(self.snapshot_begin()).await? })
    }

    /// A snapshot of the primary: what an edit reads, to be written against the same version.
    pub async fn primary_snapshot(&self) -> Result<Snapshot, sqlx::Error> {
        Ok(Snapshot { tx: self.pool.begin_with(self.snapshot_begin()).await? })
    }

    fn snapshot_begin(&self) -> &'static str {
        match self.engine {
            Engine::Sqlite => "BEGIN DEFERRED",
            Engine::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        }
    }
}

/// The record counts of a programme `p`, from its kept sums (for lists of programmes).
const RECORD_COUNTS: &str = r#"
    (SELECT CAST(COALESCE(SUM(s.records), 0) AS BIGINT) FROM record_sums s WHERE s.programme_id = p.id) AS scheme_records,
    (SELECT CAST(COALESCE(SUM(s.schemes), 0) AS BIGINT) FROM record_sums s WHERE s.programme_id = p.id) AS schemes_itemised"#;

#[derive(Debug, sqlx::FromRow)]
struct SummaryRow {
    id: String,
    name_vi: String,
    name_en: String,
    jurisdiction: String,
    start_year: i64,
    end_year: i64,
    reported_schemes: Option<i64>,
    schemes_qualifier: Option<String>,
    schemes_estimate: Option<i64>,
    schemes_low: Option<i64>,
    schemes_high: Option<i64>,
    about_tolerance_percent: Option<String>,
    scheme_records: i64,
    schemes_itemised: i64,
    #[sqlx(flatten)]
    identity: super::rows::IdentityColumns,
}

/// The optional filters of the scheme list, bound as $3 (activity), $4 (scope), $5 (source);
/// a NULL parameter disables its filter.
const FILTER_SQL: &str = r#"
    AND ($3 IS NULL OR r.activity = $3)
    AND ($4 IS NULL OR r.scope = $4)
    AND ($5 IS NULL OR EXISTS (
        SELECT 1 FROM funding_lines f JOIN funding_source_closure c ON c.source = f.source
        WHERE f.programme_id = r.programme_id AND f.scheme_id = r.id AND c.ancestor = $5))"#;

impl Snapshot {
    /// Ends the snapshot (read only: committing and rolling back are the same).
    pub async fn finish(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }

    /// The database-wide data version and when it last moved: the validators of lists and
    /// reference data.
    #[tracing::instrument(skip_all)]
    pub async fn data_stamp(&mut self) -> Result<Stamp, sqlx::Error> {
        let (version, modified) = sqlx::query_as(super::versions::DATA_STAMP).fetch_one(&mut *self.tx).await?;
        Ok(Stamp { version, modified })
    }

    /// How many programmes there are.
    pub async fn count_programmes(&mut self, kind: Option<Kind>) -> Result<i64, sqlx::Error> {
        let (count,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM programmes WHERE kind = COALESCE(CAST($1 AS TEXT), kind)")
                .bind(kind.map(Kind::key))
                .fetch_one(&mut *self.tx)
                .await?;
        Ok(count)
    }

    /// At most `limit` writes after data version `since`, oldest first (the audit trail without
    /// its actors and documents).
    #[tracing::instrument(skip(self))]
    pub async fn changes(&mut self, since: i64, limit: i64) -> Result<Vec<Change>, sqlx::Error> {
        let rows = sqlx::query_as::<_, super::rows::ChangeRow>(
            "SELECT version, programme_id, scheme_id, operation, at FROM audit_log WHERE version > $1 ORDER BY version LIMIT $2",
        )
        .bind(since)
        .bind(limit)
        .fetch_all(&mut *self.tx)
        .await?;
        Ok(rows.into_iter().map(Change::from).collect())
    }

    /// The programme's row (its version folded in), or None when it does not exist.
    #[tracing::instrument(skip(self))]
    pub async fn programme(&mut self, id: &str) -> Result<Option<ProgrammeHead>, sqlx::Error> {
        let row = sqlx::query_as::<_, ProgrammeRow>("SELECT * FROM programmes WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *self.tx)
            .await?;
        Ok(row.map(|row| ProgrammeHead { row }))
    }

    /// The programme's reported figures, entries in reference order.
    #[tracing::instrument(skip_all, fields(programme_id = head.id()))]
    pub async fn reported(&mut self, head: &ProgrammeHead) -> Result<Reported<Money>, sqlx::Error> {
        let entries =
            sqlx::query_as::<_, ReportedRow>(&REPORTED_ENTRIES).bind(head.id()).fetch_all(&mut *self.tx).await?;
        Ok(head.row.reported(entries))
    }

    /// The programme's kept sums (all of them: a few dozen rows, whatever its size).
    #[tracing::instrument(skip(self))]
    pub async fn sums(&mut self, programme_id: &str) -> Result<ProgrammeSums, sqlx::Error> {
        programme_sums(sqlx::query_as::<_, SumRow>(PROGRAMME_SUMS).bind(programme_id).fetch_all(&mut *self.tx).await?)
    }

    /// The first `limit` programmes in list order, each with its reported figures and kept
    /// sums: three statements whatever `limit` (the home page's read).
    #[tracing::instrument(skip(self))]
    pub async fn overviews(
        &mut self,
        limit: i64,
    ) -> Result<Vec<(ProgrammeSummary, Reported<Money>, ProgrammeSums)>, sqlx::Error> {
        use std::collections::HashMap;
        let rows = sqlx::query_as::<_, ProgrammeRow>(super::rows::FIRST_PROGRAMME_ROWS)
            .bind(limit)
            .fetch_all(&mut *self.tx)
            .await?;
        let mut reported: HashMap<String, Vec<ReportedRow>> = HashMap::new();
        let sql = super::rows::reported_entries_of_first();
        for entry in sqlx::query_as::<_, super::rows::ReportedRowOf>(&sql).bind(limit).fetch_all(&mut *self.tx).await? {
            reported.entry(entry.programme_id).or_default().push(entry.row);
        }
        let mut sums: HashMap<String, Vec<SumRow>> = HashMap::new();
        let sql = super::rows::sums_of_first();
        for entry in sqlx::query_as::<_, super::rows::SumRowOf>(&sql).bind(limit).fetch_all(&mut *self.tx).await? {
            sums.entry(entry.programme_id).or_default().push(entry.row);
        }
        rows.into_iter()
            .map(|row| {
                let kept = programme_sums(sums.remove(&row.id).unwrap_or_default())?;
                let figures = row.reported(reported.remove(&row.id).unwrap_or_default());
                Ok((row.summary(&kept, &figures), figures, kept))
            })
            .collect()
    }

    /// The programmes `named` (whatever their kind and period), or, when none is named, those of
    /// `kind` (both kinds when None) whose period overlaps `from..=to`, in list order: one
    /// statement (a row a programme, whatever its records).
    #[tracing::instrument(skip(self))]
    pub async fn programmes_within(
        &mut self,
        named: &[String],
        (from, to): (i64, i64),
        kind: Option<Kind>,
    ) -> Result<Vec<ProgrammeHead>, sqlx::Error> {
        let sql = super::rows::programme_rows_within(named.len());
        let mut query = sqlx::query_as::<_, ProgrammeRow>(&sql);
        if named.is_empty() {
            query = query.bind(from).bind(to).bind(kind.map(Kind::key));
        }
        for id in named {
            query = query.bind(id);
        }
        let rows = query.fetch_all(&mut *self.tx).await?;
        Ok(rows.into_iter().map(|row| ProgrammeHead { row }).collect())
    }

    /// The reported figures of `heads` and their kept sums at `grain` (summed in SQL to each
    /// programme's activity and/or scope; the lines of `sources` only, which should be every
    /// source), in the order of `heads`: two statements whatever their number.
    #[tracing::instrument(skip_all, fields(programmes = heads.len()))]
    pub async fn figures_of(
        &mut self,
        heads: &[&ProgrammeHead],
        grain: Grain,
        sources: &[&str],
    ) -> Result<Vec<(Reported<Money>, ProgrammeSums)>, sqlx::Error> {
        // A thousand programmes a statement: under both engines' limits on bound parameters
        // (SQLite's 32,766; PostgreSQL's 65,535), whatever the number selected.
        let mut figures = Vec::with_capacity(heads.len());
        for chunk in heads.chunks(1000) {
            figures.extend(self.figures_of_some(chunk, grain, sources).await?);
        }
        Ok(figures)
    }

    async fn figures_of_some(
        &mut self,
        heads: &[&ProgrammeHead],
        grain: Grain,
        sources: &[&str],
    ) -> Result<Vec<(Reported<Money>, ProgrammeSums)>, sqlx::Error> {
        use std::collections::HashMap;

        use sqlx::Row;
        if heads.is_empty() {
            return Ok(Vec::new());
        }
        let sql = super::rows::reported_entries_of(heads.len());
        let mut query = sqlx::query_as::<_, super::rows::ReportedRowOf>(&sql);
        for head in heads {
            query = query.bind(head.id());
        }
        let mut reported: HashMap<String, Vec<ReportedRow>> = HashMap::new();
        for entry in query.fetch_all(&mut *self.tx).await? {
            reported.entry(entry.programme_id).or_default().push(entry.row);
        }
        let sql = super::rows::sums_at_grain(heads.len(), sources.len(), grain.activity, grain.scope);
        let mut query = sqlx::query(&sql);
        for head in heads {
            query = query.bind(head.id());
        }
        for source in sources {
            query = query.bind(*source);
        }
        let mut sums: HashMap<String, ProgrammeSums> = HashMap::new();
        for row in query.fetch_all(&mut *self.tx).await? {
            let (activity, scope): (String, String) = (row.try_get(1)?, row.try_get(2)?);
            let kept = sums.entry(row.try_get(0)?).or_default();
            for (i, source) in sources.iter().enumerate() {
                let at = 7 + 3 * i;
                if let Some(amount) = row.try_get::<Option<i64>, _>(at)? {
                    kept.lines.push(LineSums {
                        activity: activity.clone(),
                        scope: scope.clone(),
                        source: source.to_string(),
                        amount: Money::from_dong(amount),
                        schemes: row.try_get::<Option<i64>, _>(at + 1)?.unwrap_or(0),
                        records: row.try_get::<Option<i64>, _>(at + 2)?.unwrap_or(0),
                    });
                }
            }
            kept.records.push(RecordSums {
                activity,
                scope,
                records: row.try_get(3)?,
                schemes: row.try_get(4)?,
                cost: Money::from_dong(row.try_get(5)?),
                unattributed_schemes: row.try_get(6)?,
            });
        }
        // By id, not taken out: the same programme may be asked for twice (compared with itself).
        Ok(heads
            .iter()
            .map(|head| {
                let mut kept = sums.get(head.id()).cloned().unwrap_or_default();
                kept.records.sort_by(|a, b| (&a.activity, &a.scope).cmp(&(&b.activity, &b.scope)));
                kept.lines.sort_by(|a, b| (&a.activity, &a.scope, &a.source).cmp(&(&b.activity, &b.scope, &b.source)));
                (head.row.reported(reported.get(head.id()).cloned().unwrap_or_default()), kept)
            })
            .collect())
    }

    /// Programmes, newest period first, `limit` of them after `after`.
    /// Keyset pagination on (end_year DESC, start_year DESC, id ASC): stable under inserts.
    #[tracing::instrument(skip(self))]
    pub async fn programmes(
        &mut self,
        limit: i64,
        after: Option<&ProgrammeKey>,
        kind: Option<Kind>,
    ) -> Result<Vec<ProgrammeSummary>, sqlx::Error> {
        let (end, start, id) =
            after.map_or((i64::MAX, i64::MAX, String::new()), |k| (k.end_year, k.start_year, k.id.clone()));
        let sql = format!(
            r#"SELECT p.id, p.name_vi, p.name_en, p.jurisdiction, p.start_year, p.end_year, p.reported_schemes,
                      rp.qualifier AS schemes_qualifier, rp.estimate AS schemes_estimate, rp.low AS schemes_low,
                      rp.high AS schemes_high, p.about_tolerance_percent, p.kind, p.status, p.part_of, p.part_kind, p.part_label, p.approved_by_title,
                      p.approved_by_number, p.approved_by_date, p.approved_by_issuer, p.approved_by_quote,
                      {RECORD_COUNTS}
               FROM programmes p
               LEFT JOIN reported_precision rp ON rp.programme_id = p.id AND rp.figure = 'schemes'
               WHERE (p.end_year < $1 OR (p.end_year = $1 AND (p.start_year < $2 OR (p.start_year = $2 AND p.id > $3))))
                 AND p.kind = COALESCE(CAST($5 AS TEXT), p.kind)
               ORDER BY p.end_year DESC, p.start_year DESC, p.id
               LIMIT $4"#
        );
        let rows = sqlx::query_as::<_, SummaryRow>(&sql)
            .bind(end)
            .bind(start)
            .bind(id)
            .bind(limit)
            .bind(kind.map(Kind::key))
            .fetch_all(&mut *self.tx)
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let identity = r.identity.identity();
                let published =
                    (r.reported_schemes.is_some() || r.schemes_qualifier.is_some()).then(|| ReportedCount {
                        value: r.reported_schemes,
                        qualifier: r.schemes_qualifier.as_deref().map_or(Qualifier::Exact, Qualifier::from_key),
                        estimate: r.schemes_estimate == Some(1),
                        min: r.schemes_low,
                        max: r.schemes_high,
                        quote: None,
                    });
                let tolerance = precision::tolerance(r.about_tolerance_percent.as_deref());
                let (schemes_reported, schemes_reported_bounds) = published_count(published.as_ref(), tolerance);
                ProgrammeSummary {
                    id: r.id,
                    names: Names { vi: r.name_vi, en: r.name_en },
                    jurisdiction: r.jurisdiction,
                    jurisdiction_unit: None,
                    period: Period { start_year: r.start_year, end_year: r.end_year },
                    kind: identity.kind,
                    status: identity.status,
                    part_of: identity.part_of,
                    scheme_records: r.scheme_records,
                    schemes_reported,
                    schemes_reported_bounds,
                    schemes_itemised: r.schemes_itemised,
                }
            })
            .collect())
    }

    /// Scheme records matching `filter` in `order`, `limit` of them after `after`, with their
    /// funding lines and indicators: three statements for the page (keyset pagination).
    #[tracing::instrument(skip(self))]
    pub async fn schemes(
        &mut self,
        programme_id: &str,
        filter: &SchemeFilter,
        order: SchemeOrder,
        limit: i64,
        after: Option<&SchemeAfter>,
    ) -> Result<Vec<(i64, SchemeRecord<Money>)>, sqlx::Error> {
        let (order_by, condition) = order.sql(after.is_some());
        // Every parameter is named whatever the order, so that PostgreSQL can type each one.
        let sql = format!(
            r#"SELECT {RECORD_COLUMNS} FROM scheme_records r WHERE r.programme_id = $1 {condition} {FILTER_SQL}
                 AND (CAST($2 AS BIGINT) IS NULL OR TRUE) AND (CAST($7 AS TEXT) IS NULL OR TRUE)
               ORDER BY {order_by} LIMIT $6"#
        );
        let rows = sqlx::query_as::<_, RecordRow>(&sql)
            .bind(programme_id)
            .bind(after.map(|a| a.value))
            .bind(&filter.activity)
            .bind(&filter.scope)
            .bind(&filter.source)
            .bind(limit)
            .bind(after.map(|a| a.id.clone()))
            .fetch_all(&mut *self.tx)
            .await?;
        super::documents::with_details(&mut self.tx, programme_id, rows).await
    }

    /// How many records match `filter`, from the kept sums: records per activity and scope, or,
    /// filtered by source, the records with a line at or below it per activity and scope. A few
    /// rows read, whatever the programme's size.
    #[tracing::instrument(skip(self))]
    pub async fn count_schemes(&mut self, programme_id: &str, filter: &SchemeFilter) -> Result<i64, sqlx::Error> {
        let table = if filter.source.is_none() { "record_sums" } else { "line_sums" };
        let sql = format!(
            r#"SELECT CAST(COALESCE(SUM(s.records), 0) AS BIGINT) FROM {table} s
               WHERE s.programme_id = $1 AND ($2 IS NULL OR s.activity = $2) AND ($3 IS NULL OR s.scope = $3)
                 AND {}"#,
            if filter.source.is_none() { "(CAST($4 AS TEXT) IS NULL OR TRUE)" } else { "s.source = $4" }
        );
        let (count,): (i64,) = sqlx::query_as(&sql)
            .bind(programme_id)
            .bind(&filter.activity)
            .bind(&filter.scope)
            .bind(&filter.source)
            .fetch_one(&mut *self.tx)
            .await?;
        Ok(count)
    }

    /// One scheme record, or None.
    #[tracing::instrument(skip(self))]
    pub async fn scheme(
        &mut self,
        programme_id: &str,
        scheme_id: &str,
    ) -> Result<Option<SchemeRecord<Money>>, sqlx::Error> {
        let rows = sqlx::query_as::<_, RecordRow>(&format!(
            "SELECT {RECORD_COLUMNS} FROM scheme_records r WHERE r.programme_id = $1 AND r.id = $2"
        ))
        .bind(programme_id)
        .bind(scheme_id)
        .fetch_all(&mut *self.tx)
        .await?;
        let records = super::documents::with_details(&mut self.tx, programme_id, rows).await?;
        Ok(records.into_iter().next().map(|(_, record)| record))
    }

    /// The programme's indicator definitions, in document order.
    #[tracing::instrument(skip(self))]
    pub async fn indicator_definitions(&mut self, programme_id: &str) -> Result<Vec<IndicatorDefinition>, sqlx::Error> {
        super::documents::indicator_definitions(&mut self.tx, programme_id).await
    }

    /// At most `limit` values of indicator `key`, of the records after position `after`, in
    /// record order: (the record's position, its id, the value). A page of an index, whatever
    /// the programme's size.
    #[tracing::instrument(skip(self))]
    pub async fn indicator_values(
        &mut self,
        programme_id: &str,
        key: &str,
        after: i64,
        limit: i64,
    ) -> Result<Vec<(i64, String, IndicatorValue)>, sqlx::Error> {
        #[derive(sqlx::FromRow)]
        struct ValueRow {
            position: i64,
            id: String,
            value: String,
            note: Option<String>,
            note_vi: Option<String>,
        }
        let rows: Vec<ValueRow> = sqlx::query_as(
            r#"SELECT r.position, r.id, i.value, i.note, i.note_vi FROM scheme_records r
               JOIN indicators i ON i.programme_id = r.programme_id AND i.scheme_id = r.id AND i.key = $2
               WHERE r.programme_id = $1 AND r.position > $3 ORDER BY r.position LIMIT $4"#,
        )
        .bind(programme_id)
        .bind(key)
        .bind(after)
        .bind(limit)
        .fetch_all(&mut *self.tx)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let note = Note::from_columns(r.note, r.note_vi);
                (r.position, r.id, IndicatorValue { key: key.to_string(), value: r.value, note })
            })
            .collect())
    }

    /// The whole programme document and its stamp, as export gives it.
    pub async fn document(&mut self, id: &str) -> Result<Option<(Programme, Stamp)>, sqlx::Error> {
        super::documents::load(&mut self.tx, id).await
    }

    /// The programme document without its records, and its stamp (to stream the records after).
    pub async fn document_head(&mut self, id: &str) -> Result<Option<(Programme, Stamp)>, sqlx::Error> {
        super::documents::head(&mut self.tx, id).await
    }

    /// At most `limit` of the programme's records after position `after`, as the document has them.
    pub async fn document_records(
        &mut self,
        id: &str,
        after: i64,
        limit: i64,
    ) -> Result<Vec<(i64, SchemeRecord<Money>)>, sqlx::Error> {
        super::documents::records(&mut self.tx, id, after, limit).await
    }
}
