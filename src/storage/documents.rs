//! Reading a whole programme back into its document form (for export, audit and edits).

use std::collections::HashMap;

use sqlx::AnyConnection;

use super::Stamp;
use super::rows::{IndicatorDefinitionRow, IndicatorRow, LineRow, ProgrammeRow, REPORTED_ENTRIES, ReportedRow};
use crate::domain::document::{
    AMOUNT_UNIT, CURRENCY, IndicatorDefinition, IndicatorValue, Note, Programme, SchemeRecord, SourceAmount,
};
use crate::domain::money::Money;
use crate::domain::reference::Names;

/// A scheme record's own columns.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct RecordRow {
    position: i64,
    id: String,
    scheme_count: i64,
    activity: String,
    scope: String,
    title_vi: String,
    title_en: String,
    cost_dong: i64,
    quote: Option<String>,
    note: Option<String>,
    note_vi: Option<String>,
}

/// The columns of [`RecordRow`], from `scheme_records r`.
pub(super) const RECORD_COLUMNS: &str = "r.position, r.id, r.scheme_count, r.activity, r.scope, r.title_vi, r.title_en, r.cost_dong, r.quote, r.note, r.note_vi";

/// Records at most `limit` after position `after`, in position order, with their funding lines
/// and indicators: three statements, whatever the number of records.
#[tracing::instrument(skip(conn))]
pub async fn records(
    conn: &mut AnyConnection,
    id: &str,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, SchemeRecord<Money>)>, sqlx::Error> {
    let rows = sqlx::query_as::<_, RecordRow>(&format!(
        "SELECT {RECORD_COLUMNS} FROM scheme_records r WHERE r.programme_id = $1 AND r.position > $2 ORDER BY r.position LIMIT $3"
    ))
    .bind(id)
    .bind(after)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    with_details(conn, id, rows).await
}

/// The records of `rows` with their funding lines and indicators: two statements, never one
/// per record. Rows in document order (a page of the list, a batch of an export) are fetched
/// over their range of positions, driven from the records' position index (`CROSS JOIN` keeps
/// SQLite's join order): driven from the lines, a page of a 150,000-record programme read all
/// its lines (0.2 s instead of 2 ms). Rows spread wider than that (a page sorted by cost) are
/// fetched by their ids.
pub(super) async fn with_details(
    conn: &mut AnyConnection,
    id: &str,
    rows: Vec<RecordRow>,
) -> Result<Vec<(i64, SchemeRecord<Money>)>, sqlx::Error> {
    let (Some(low), Some(high)) = (rows.iter().map(|r| r.position).min(), rows.iter().map(|r| r.position).max()) else {
        return Ok(Vec::new());
    };
    let by_range = high - low < 4 * rows.len() as i64;
    let (restrict, ids): (String, Vec<&str>) = if by_range {
        ("r.position BETWEEN $2 AND $3".into(), Vec::new())
    } else {
        let marks: Vec<String> = (0..rows.len()).map(|i| format!("${}", i + 2)).collect();
        (format!("r.id IN ({})", marks.join(", ")), rows.iter().map(|r| r.id.as_str()).collect())
    };
    let bind = |sql: &'static str| -> String { sql.replace("{restrict}", &restrict) };
    let lines_sql = bind(
        r#"SELECT f.scheme_id, f.source, f.amount_dong, f.quote
           FROM scheme_records r CROSS JOIN funding_lines f
           WHERE r.programme_id = $1 AND {restrict}
             AND f.programme_id = r.programme_id AND f.scheme_id = r.id
           ORDER BY r.position, f.position"#,
    );
    let values_sql = bind(
        r#"SELECT i.scheme_id, i.key, i.value, i.note, i.note_vi
           FROM scheme_records r CROSS JOIN indicators i
           WHERE r.programme_id = $1 AND {restrict}
             AND i.programme_id = r.programme_id AND i.scheme_id = r.id
           ORDER BY r.position, i.position"#,
    );
    let mut lines_query = sqlx::query_as::<_, LineRow>(&lines_sql).bind(id);
    let mut values_query = sqlx::query_as::<_, IndicatorRow>(&values_sql).bind(id);
    if by_range {
        lines_query = lines_query.bind(low).bind(high);
        values_query = values_query.bind(low).bind(high);
    } else {
        for scheme_id in &ids {
            lines_query = lines_query.bind(*scheme_id);
            values_query = values_query.bind(*scheme_id);
        }
    }
    let mut lines: HashMap<String, Vec<SourceAmount<Money>>> = HashMap::new();
    for line in lines_query.fetch_all(&mut *conn).await? {
        lines.entry(line.scheme_id).or_default().push(SourceAmount {
            source: line.source,
            amount: Money::from_dong(line.amount_dong),
            quote: line.quote,
        });
    }
    let mut indicators: HashMap<String, Vec<IndicatorValue>> = HashMap::new();
    for value in values_query.fetch_all(&mut *conn).await? {
        indicators.entry(value.scheme_id).or_default().push(IndicatorValue {
            key: value.key,
            value: value.value,
            note: Note::from_columns(value.note, value.note_vi),
        });
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let record = SchemeRecord {
                scheme_count: r.scheme_count,
                activity: r.activity,
                scope: r.scope,
                title: Names { vi: r.title_vi, en: r.title_en },
                cost: Money::from_dong(r.cost_dong),
                funding: lines.remove(&r.id).unwrap_or_default(),
                indicators: indicators.remove(&r.id).unwrap_or_default(),
                quote: r.quote,
                note: Note::from_columns(r.note, r.note_vi),
                id: r.id,
            };
            (r.position, record)
        })
        .collect())
}

/// The programme's indicator definitions, in document order.
pub(super) async fn indicator_definitions(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Vec<IndicatorDefinition>, sqlx::Error> {
    let rows = sqlx::query_as::<_, IndicatorDefinitionRow>(
        "SELECT key, name_vi, name_en, unit, additive FROM indicator_definitions WHERE programme_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// The programme `id` as a document without its records (`schemes` empty), with its version:
/// the programme's row, its reported entries and its indicator definitions.
#[tracing::instrument(skip(conn))]
pub async fn head(conn: &mut AnyConnection, id: &str) -> Result<Option<(Programme, Stamp)>, sqlx::Error> {
    let Some(row) = sqlx::query_as::<_, ProgrammeRow>("SELECT * FROM programmes WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let entries = sqlx::query_as::<_, ReportedRow>(&REPORTED_ENTRIES).bind(id).fetch_all(&mut *conn).await?;
    let indicator_definitions = indicator_definitions(&mut *conn, id).await?;
    let meta = row.metadata();
    let programme = Programme {
        id: row.id.clone(),
        currency: CURRENCY.to_string(),
        amount_unit: AMOUNT_UNIT.to_string(),
        names: meta.names,
        jurisdiction: meta.jurisdiction,
        period: meta.period,
        kind: meta.identity.kind,
        status: meta.identity.status,
        part_of: meta.identity.part_of,
        legal_basis: meta.legal_basis,
        approved_by: meta.identity.approved_by,
        implementing_agency: meta.implementing_agency,
        source: meta.source,
        about_tolerance_percent: row.about_tolerance_percent(),
        reported: row.reported(entries),
        indicator_definitions,
        schemes: Vec::new(),
    };
    Ok(Some((programme, row.stamp())))
}

/// The programme `id` as a document, in canonical order (reported entries in reference order,
/// records, lines and indicators in the order they were written), with its version: six
/// statements whatever its size, on `conn` (a snapshot's or a write's transaction).
pub async fn load(conn: &mut AnyConnection, id: &str) -> Result<Option<(Programme, Stamp)>, sqlx::Error> {
    let Some((mut programme, stamp)) = head(&mut *conn, id).await? else {
        return Ok(None);
    };
    programme.schemes = records(&mut *conn, id, -1, i64::MAX).await?.into_iter().map(|(_, r)| r).collect();
    Ok(Some((programme, stamp)))
}
