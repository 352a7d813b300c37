//! `GET /programmes/{id}/schemes.csv` and `GET /programmes/{id}/breakdown.csv`: CSV as operations
//! of their own (each JSON operation keeps one JSON type), for spreadsheets and scripts.

use actix_web::http::StatusCode;
use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::breakdown::BreakdownQuery;
use super::programmes::ProgrammePath;
use super::schemes::SchemeFilterQuery;
use super::{AppState, programme_snapshot};
use crate::domain::aggregates::breakdown::Dimension;
use crate::domain::aggregates::breakdown::breakdown;
use crate::domain::aggregates::totals::reconcile;
use crate::domain::document::SchemeRecord;
use crate::domain::money::Money;
use crate::http::error::ApiError;
use crate::http::error::Result;
use crate::http::error::responses::{NotFound, Unavailable};
use crate::http::heavy::Gone;
use crate::http::respond::{self as http, Body, Representation};
use crate::render::csv::{self, Writer};
use crate::render::tables::{breakdown_table, scheme_columns, scheme_row};
use crate::render::xlsx::{MAX_RECORDS, WorkbookHead, WorkbookWriter};
use crate::storage::{SchemeAfter, SchemeFilter, SchemeOrder};

/// Records read from the snapshot per statement (and per chunk of the body).
const BATCH: i64 = 1000;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(download_schemes).service(download_breakdown).service(download_workbook);
}

/// Options of the `.csv` operations.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CsvOptions {
    /// `true`: begin the file with a UTF-8 byte-order mark, which Excel needs to read it as
    /// UTF-8 (it then shows Vietnamese as it is). Part of the representation: its own ETag.
    #[param(example = true)]
    bom: Option<bool>,
}

/// Download the scheme records as CSV
///
/// Every scheme record matching the filters (the same as `/schemes`), one row each, streamed
/// from one snapshot, not paginated. Columns: `scheme_id`, `activity`, `scope`, `scheme_count`,
/// `cost_million_vnd`; one `<source>_own_million_vnd` per funding source (the lines naming
/// exactly that source: summing any of them never counts money twice) and
/// `unattributed_million_vnd` (the cost no line covers; with the own columns it makes up the
/// cost); one `indicator_<key>` per indicator of the programme; then `title_vi`, `title_en`,
/// `quote`, `note`. Amounts are plain decimals in million VND. A text cell a spreadsheet would
/// run as a formula is prefixed with `'`.
#[utoipa::path(
    tag = "downloads",
    params(ProgrammePath, SchemeFilterQuery, CsvOptions),
    responses(
        (status = 200, description = "The scheme records as CSV", content_type = "text/csv", body = String,
            headers(("ETag" = String), ("Content-Disposition" = String, description = "`attachment; filename=\"khuyencong-{id}-schemes.csv\"`"))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/schemes.csv")]
pub async fn download_schemes(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    filters: web::Query<SchemeFilterQuery>,
    options: web::Query<CsvOptions>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let filter = filters.filter(&state.reference)?;
    let representation = Representation::csv(options.bom.unwrap_or(false));
    let permit = state.heavy.permit().await?;
    let (mut snapshot, head) = programme_snapshot(&state, &path.id).await?;
    let validators = http::Validators::programme(head.stamp());
    let file = format!("khuyencong-{}-schemes.csv", path.id);
    if let Some(early) = http::before_download(&req, &validators, representation, Some(&file)) {
        snapshot.finish().await?;
        return Ok(early);
    }
    let definitions = snapshot.indicator_definitions(&path.id).await?;
    let (id, reference) = (path.id.clone(), state.reference.clone());
    let body = state.heavy.stream(move |chunks| async move {
        let _permit = permit;
        if representation.bom {
            chunks.send(csv::BOM.to_string()).await?;
        }
        let mut table = Writer::new(&scheme_columns(&reference, &definitions))?;
        let mut after = None;
        loop {
            let batch = snapshot.schemes(&id, &filter, SchemeOrder::default(), BATCH, after.as_ref()).await?;
            let Some((last, _)) = batch.last() else { break };
            after = Some(SchemeAfter { value: *last, id: String::new() });
            for (_, record) in &batch {
                table.row(&scheme_row(record, &reference, &definitions))?;
            }
            chunks.send(String::from_utf8(table.take()?)?).await?;
        }
        chunks.send(String::from_utf8(table.take()?)?).await?;
        snapshot.finish().await?;
        chunks.end().await?;
        Ok::<(), anyhow::Error>(())
    });
    Ok(http::streamed(&req, &validators, representation, Some(&file), body))
}

/// Download a breakdown as CSV
///
/// The breakdown of `GET /programmes/{id}/breakdown` as a table, one value per cell. For
/// `activity` and `scope`: the member, its names, `nothing_itemised`, `schemes`,
/// `reported_schemes`, `schemes_gap`, `cost_million_vnd`, the two shares, one
/// `<source>_own_million_vnd` per source and `unattributed_million_vnd` (together the row's
/// cost), then `<parent>_rolled_up_million_vnd` for each source with sources below it (which
/// repeats its children's money: do not add it to the own columns). For `source`: the source,
/// its parent, names, `nothing_itemised`, `schemes_with_lines_under` (does not sum),
/// `own_million_vnd` (sums to the itemised cost over all rows), `rolled_up_million_vnd`, the two
/// shares, `reported_funding_million_vnd`, `funding_gap_million_vnd` and the implied bounds.
#[utoipa::path(
    tag = "downloads",
    params(ProgrammePath, BreakdownQuery, CsvOptions),
    responses(
        (status = 200, description = "The breakdown as CSV", content_type = "text/csv", body = String,
            headers(("ETag" = String), ("Content-Disposition" = String, description = "`attachment; filename=\"khuyencong-{id}-breakdown-{by}.csv\"`"))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/breakdown.csv", wrap = "from_fn(crate::http::cache::serve_any_language)")]
pub async fn download_breakdown(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    query: web::Query<BreakdownQuery>,
    options: web::Query<CsvOptions>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let by = crate::http::parameters::dimension(query.by.as_deref())?;
    let representation = Representation::csv(options.bom.unwrap_or(false));
    let (mut snapshot, head) = programme_snapshot(&state, &path.id).await?;
    let reported = snapshot.reported(&head).await?;
    let sums = snapshot.sums(&path.id).await?;
    snapshot.finish().await?;
    let result = breakdown(&path.id, by, &reported, &sums, &state.reference);
    let mut table = csv::table(&breakdown_table(&result, &state.reference))?;
    if representation.bom {
        table.splice(0..0, csv::BOM.bytes());
    }
    let validators = http::Validators::programme(head.stamp());
    let response = http::respond(&req, &validators, StatusCode::OK, representation, Body::Csv(table));
    Ok(http::attachment(response, &format!("khuyencong-{}-breakdown-{}.csv", path.id, by.key())))
}

/// Download a programme as a spreadsheet (XLSX)
///
/// The programme as an Excel/LibreOffice workbook: `About` (the source, the data version and
/// when it was written, the unit), `Totals` (reported beside the sum of the records, gaps,
/// unsplit money, implied bounds, the source's words, and the notes), `By activity`, `By scope`
/// and `By source` (the breakdowns' columns and notes), `Schemes` (one row per record) and
/// `Quotes` (every quote and where it belongs). Amounts are numbers formatted `#,##0.00`, the
/// unit in the header; sheet and column names in Vietnamese or English by `Accept-Language`.
/// A spreadsheet cell is a binary float: the JSON and CSV are the exact figures. The same data
/// gives the same bytes (the workbook's creation time is the data's). Made a batch of records
/// at a time in constant memory, under the heavy-read permits; sent (chunked) within the
/// download deadline, or cut.
#[utoipa::path(
    tag = "downloads",
    params(ProgrammePath),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            body = Vec<u8>, headers(("ETag" = String), ("Content-Disposition" = String), ("Content-Language" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/export.xlsx")]
pub async fn download_workbook(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let representation = Representation::xlsx(&req);
    let lang = representation.lang;
    let permit = state.heavy.permit().await?;
    let (id, path_id) = (path.id.clone(), path.id.clone());
    let mut snapshot = state.db.snapshot().await?;
    // The document's head is the programme's row, its reported figures and definitions: one read.
    let (document, stamp) = snapshot.document_head(&id).await?.ok_or_else(|| ApiError::programme_not_found(&id))?;
    let validators = http::Validators::programme(stamp.clone());
    let file = format!("khuyencong-{}.xlsx", path.id);
    if let Some(early) = http::before_download(&req, &validators, representation, Some(&file)) {
        snapshot.finish().await?;
        return Ok(early);
    }
    let sums = snapshot.sums(&id).await?;
    let reference = state.reference.clone();
    let body = state.heavy.stream(move |chunks| async move {
        let _permit = permit;
        // The workbook is written on a thread of the blocking pool, fed a batch of records at a
        // time from the snapshot, into a file of its own that is then sent: memory holds a batch.
        let (feed, mut batches) = tokio::sync::mpsc::channel::<Vec<SchemeRecord<Money>>>(1);
        let build = tokio::task::spawn_blocking(move || -> anyhow::Result<Option<std::fs::File>> {
            let totals = reconcile(&id, &document.reported, &sums, &reference);
            let [activity, scope, source] = [Dimension::Activity, Dimension::Scope, Dimension::Source]
                .map(|by| breakdown(&id, by, &document.reported, &sums, &reference));
            let head = WorkbookHead {
                programme: &document,
                version: stamp.version,
                modified: stamp.modified.as_deref(),
                totals: &totals,
                breakdowns: [&activity, &scope, &source],
            };
            let mut writer = WorkbookWriter::begin(&head, &reference, lang)?;
            let mut seen = 0;
            while let Some(batch) = batches.blocking_recv() {
                if batch.is_empty() {
                    // The end (an empty batch). More records than a sheet holds: it says so.
                    let mut file = tempfile::tempfile()?;
                    writer.finish(seen > MAX_RECORDS, &mut file)?;
                    return Ok(Some(file));
                }
                writer.records(&batch[..MAX_RECORDS.saturating_sub(seen).min(batch.len())])?;
                seen += batch.len();
            }
            Ok(None) // the feeder stopped: the client left, or the deadline passed
        });
        let mut after = None;
        let mut fed = 0;
        while fed <= MAX_RECORDS {
            if chunks.is_closed() {
                return Err(anyhow::Error::new(Gone));
            }
            let batch = snapshot
                .schemes(&path_id, &SchemeFilter::default(), SchemeOrder::default(), BATCH, after.as_ref())
                .await?;
            let Some((last, _)) = batch.last() else { break };
            after = Some(SchemeAfter { value: *last, id: String::new() });
            fed += batch.len();
            if feed.send(batch.into_iter().map(|(_, r)| r).collect()).await.is_err() {
                break; // the build failed: its error is below
            }
        }
        snapshot.finish().await?;
        let _ = feed.send(Vec::new()).await;
        let file = build.await??.ok_or_else(|| anyhow::anyhow!("the workbook was not finished"))?;
        chunks.send_file(file).await?;
        chunks.end().await?;
        Ok::<(), anyhow::Error>(())
    });
    Ok(http::streamed(&req, &validators, representation, Some(&file), body))
}
