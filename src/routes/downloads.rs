//! `GET /programmes/{id}/schemes.csv` and `GET /programmes/{id}/breakdown.csv`: CSV as operations
//! of their own (each JSON operation keeps one JSON type), for spreadsheets and scripts.

use actix_web::http::StatusCode;
use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::breakdown::BreakdownQuery;
use super::csv::{Table, breakdown_table, scheme_header, scheme_row};
use super::http::{self, Body, Representation};
use super::programmes::ProgrammePath;
use super::schemes::SchemeFilterQuery;
use super::{AppState, programme_snapshot};
use crate::domain::breakdown::breakdown;
use crate::error::Result;
use crate::error::responses::{NotFound, Unavailable};
use crate::storage::{SchemeAfter, SchemeOrder};

/// Records read from the snapshot per statement (and per chunk of the body).
const BATCH: i64 = 1000;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(download_schemes).service(download_breakdown);
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
    tag = "schemes",
    params(ProgrammePath, SchemeFilterQuery),
    responses(
        (status = 200, description = "The scheme records as CSV", content_type = "text/csv", body = String,
            headers(("ETag" = String))),
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
    req: HttpRequest,
) -> Result<HttpResponse> {
    let filter = filters.filter(&state.reference)?;
    let permit = state.heavy.permit().await?;
    let (mut snapshot, head) = programme_snapshot(&state, &path.id).await?;
    let validators = http::Validators::programme(head.stamp());
    if let Some(not_modified) = http::not_modified_response(&req, &validators, Representation::CSV) {
        snapshot.finish().await?;
        return Ok(not_modified);
    }
    let definitions = snapshot.indicator_definitions(&path.id).await?;
    let (id, reference) = (path.id.clone(), state.reference.clone());
    let body = state.heavy.stream(move |chunks| async move {
        let _permit = permit;
        let mut table = Table::new(&scheme_header(&reference, &definitions))?;
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
    Ok(http::streamed(&req, &validators, Representation::CSV, body))
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
    tag = "aggregates",
    params(ProgrammePath, BreakdownQuery),
    responses(
        (status = 200, description = "The breakdown as CSV", content_type = "text/csv", body = String,
            headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/breakdown.csv", wrap = "from_fn(crate::cache::serve)")]
pub async fn download_breakdown(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    query: web::Query<BreakdownQuery>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let by = query.dimension()?;
    let (mut snapshot, head) = programme_snapshot(&state, &path.id).await?;
    let reported = snapshot.reported(&head).await?;
    let sums = snapshot.sums(&path.id).await?;
    snapshot.finish().await?;
    let result = breakdown(&path.id, by, &reported, &sums, &state.reference, crate::i18n::Lang::of(&req));
    let table = breakdown_table(&result, &state.reference)?;
    let validators = http::Validators::programme(head.stamp());
    Ok(http::respond(&req, &validators, StatusCode::OK, Representation::CSV, Body::Csv(table)))
}
