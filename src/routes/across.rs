//! `GET /aggregate` (and `.csv`, `.xlsx`): sums over many programmes by cuts and drilldowns; and
//! `GET /compare`: two programmes side by side.

use actix_web::http::StatusCode;
use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::{AppState, bad_cursor, next_url};
use crate::domain::aggregates::across::{Excluded, SumError};
use crate::domain::aggregates::aggregate::{
    AggregateFigures, AggregateRow, Aggregation, Cut, Drilldown, Grain, Input, Programmed, aggregate, cut_notes, select,
};
use crate::domain::aggregates::compare::{Comparison, Side, compare};
use crate::http::error::responses::{BadRequest, Unavailable};
use crate::http::error::{ApiError, Result};
use crate::http::parameters::{self, Limit};
use crate::http::respond::{self as http, Body, Representation};
use crate::i18n::Message;
use crate::render::{csv, tables, xlsx};
use crate::storage::Metadata;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(get_aggregate).service(download_aggregate).service(workbook_aggregate).service(get_compare);
}

/// The cuts and drilldowns of `/aggregate` (its `.csv` and `.xlsx` take the same).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AggregateQuery {
    /// One or two drilldowns, comma-separated: `programme`, `jurisdiction`, `period`, `year`,
    /// `kind`, `activity`, `scope`, `source`. Absent: the total alone.
    #[param(pattern = r"^[a-z]+(,[a-z]+)?$", example = "jurisdiction")]
    by: Option<String>,
    /// Programme ids, comma-separated: only these (each must exist).
    #[param(example = "2016-2020")]
    programme: Option<String>,
    /// Jurisdiction ids from `/jurisdictions`, comma-separated: the programmes of these units,
    /// and of the units that became them unless `as_published=true`.
    #[param(example = "hai-phong-2025")]
    jurisdiction: Option<String>,
    /// Programmes whose period ends in or after this year.
    #[param(value_type = Option<i64>, minimum = 1900, maximum = 2200, example = 2016)]
    from_year: Option<String>,
    /// Programmes whose period begins in or before this year.
    #[param(value_type = Option<i64>, minimum = 1900, maximum = 2200, example = 2020)]
    to_year: Option<String>,
    /// `result`, `plan`, or both (comma-separated); `result` when absent. With both, rows are
    /// split by kind and there is no total: a plan is never added to a result.
    #[param(example = "result")]
    kind: Option<String>,
    /// `true`: add parts (a year, a round, figures to date) whose whole is not in the cut; a
    /// part is never added to its whole, nor to a part it overlaps.
    #[param(value_type = Option<bool>)]
    parts: Option<String>,
    /// `true`: jurisdictions as the programmes name them: a cut on a unit leaves out its
    /// predecessors, and rows by jurisdiction are the units named, not the units they became.
    #[param(value_type = Option<bool>)]
    as_published: Option<String>,
}

/// The pages of `/aggregate`'s rows (the downloads and the pages for people hold every row).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AggregatePaging {
    /// Rows per page.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500, example = 50)]
    limit: Option<String>,
    /// The `next_cursor` of the previous page.
    #[param(pattern = r"^[0-9]{1,9}$")]
    cursor: Option<String>,
}

/// `GET /aggregate`: sums over many programmes.
#[derive(Debug, Serialize, ToSchema)]
pub struct Aggregate {
    /// The drilldowns the rows are grouped by: those asked for, with `kind` first where the
    /// programmes mix plans and results.
    pub by: Vec<Drilldown>,
    #[schema(example = "VND")]
    pub currency: &'static str,
    #[schema(example = "million")]
    pub amount_unit: &'static str,
    /// This page's rows, in the drilldowns' order (jurisdictions in `/jurisdictions` order,
    /// periods and years in time, the reference data's order for activities, scopes and sources).
    pub rows: Vec<AggregateRow>,
    /// Every programme added, over all rows (on every page); null where they mix plans and
    /// results.
    pub total: Option<AggregateFigures>,
    /// The programmes added.
    pub included: Vec<String>,
    /// The programmes the cut names or finds but does not add, and why.
    pub excluded: Vec<Excluded>,
    /// What the figures cover and leave out, in the request's language (on every page).
    #[schema(value_type = Vec<String>)]
    pub notes: Vec<Message>,
    /// The next page's URL; null on the last.
    pub next: Option<String>,
    pub next_cursor: Option<String>,
    /// How many rows over all pages.
    pub count: i64,
}

/// Sums over many programmes
///
/// The programmes a cut selects (`programme`, `jurisdiction`, `from_year`/`to_year`, `kind`,
/// `parts`), grouped by one or two drilldowns (`by`). A row gives its programmes, and for the
/// schemes and the cost: `reported` (the sum of the published figures, only where every
/// programme of the row publishes one at that grain: whole programmes, schemes by scope, funding
/// by source; never by activity), `itemised` (the sum of the scheme records) and `gap`, each
/// with `_bounds` where a published figure is not exact; and `funding` by source (`own`,
/// `rolled_up`, `reported`, `gap`). Never added together: a plan and a result (with both kinds
/// the rows are split by kind and `total` is null), a part and its whole, a published total of
/// state support and one with contributions. `by=year` groups one-year programmes and yearly
/// parts; a programme over several years is not split: its row has `year: null` and its
/// `period`. `excluded` and `notes` say what was left out and why. Sums are checked: each
/// programme summed in SQL from its kept sums, the programmes added here. As CSV:
/// `/aggregate.csv`; as a workbook: `/aggregate.xlsx`.
#[utoipa::path(
    tag = "aggregates",
    params(AggregateQuery, AggregatePaging),
    responses(
        (status = 200, description = "The sums", body = Aggregate, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = BadRequest),
        (status = 503, response = Unavailable),
    )
)]
#[get("/aggregate", wrap = "from_fn(crate::http::cache::serve_page)")]
pub async fn get_aggregate(
    state: web::Data<AppState>,
    query: web::Query<AggregateQuery>,
    paging: web::Query<AggregatePaging>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let limit = parameters::parse::<Limit>(paging.limit.as_deref())?.0 as usize;
    // A cursor is the position of the page's first row: past the last row, the page is empty.
    let start = match paging.cursor.as_deref() {
        Some(text) => text.parse::<usize>().ok().filter(|_| text.len() <= 9).ok_or_else(bad_cursor)?,
        None => 0,
    };
    let (summed, validators) = aggregated(&state, &query).await?;
    let Aggregation { aggregated, included, excluded } = summed;
    let count = aggregated.rows.len();
    let rows: Vec<AggregateRow> = aggregated.rows.into_iter().skip(start).take(limit).collect();
    let cursor = (start + limit < count).then(|| (start + limit).to_string());
    let body = Aggregate {
        by: aggregated.by,
        currency: "VND",
        amount_unit: "million",
        rows,
        total: aggregated.total,
        included,
        excluded,
        notes: aggregated.notes,
        next: cursor.as_deref().map(|c| next_url(&req, c)),
        next_cursor: cursor,
        count: count as i64,
    };
    let response = http::json(&req, &validators, &body)?;
    Ok(super::with_next_link(response, body.next.as_deref()))
}

/// Download sums over many programmes as CSV
///
/// The rows of `GET /aggregate` (every row: no pages), one value per cell: for each drilldown
/// its key, `<drilldown>_name_vi` and `<drilldown>_name_en`; `programmes` (how many),
/// `scheme_records`, `reported_schemes`, `schemes`, `schemes_gap`, `reported_cost_million_vnd`,
/// `cost_million_vnd`, `cost_gap_million_vnd`, each published figure and gap with its
/// `_qualifier`, `_estimate`, `_at_least…` and `_at_most…`; then for each source
/// `<source>_own_million_vnd`, `<source>_rolled_up_million_vnd` (sources with sources below
/// them) and `<source>_reported_million_vnd` with its bounds. Without `by`, the one row is the
/// total; with it, the total and the notes are in the JSON and the workbook.
#[utoipa::path(
    tag = "downloads",
    params(AggregateQuery),
    responses(
        (status = 200, description = "The sums as CSV", content_type = "text/csv", body = String,
            headers(("ETag" = String), ("Content-Disposition" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = BadRequest),
        (status = 503, response = Unavailable),
    )
)]
#[get("/aggregate.csv", wrap = "from_fn(crate::http::cache::serve_any_language)")]
pub async fn download_aggregate(
    state: web::Data<AppState>,
    query: web::Query<AggregateQuery>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let (summed, validators) = aggregated(&state, &query).await?;
    // The total is a row only where there are no rows to add up to it (no `by`).
    let a = &summed.aggregated;
    let total = a.total.as_ref().filter(|_| a.by.is_empty());
    let table = tables::aggregate_table(a, total, &state.reference);
    let body = csv::table(&table)?;
    let response = http::respond(&req, &validators, StatusCode::OK, Representation::CSV, Body::Csv(body));
    Ok(http::attachment(response, "khuyencong-aggregate.csv"))
}

/// Download sums over many programmes as a workbook (XLSX)
///
/// The rows of `GET /aggregate` on one sheet with its total and notes below them, figures that
/// are not exact in words ("trên 41.000,00"), and the programmes added and left out on a second
/// sheet; sheet and column names in Vietnamese or English by `Accept-Language`.
#[utoipa::path(
    tag = "downloads",
    params(AggregateQuery),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            body = Vec<u8>, headers(("ETag" = String), ("Content-Disposition" = String), ("Content-Language" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = BadRequest),
        (status = 503, response = Unavailable),
    )
)]
#[get("/aggregate.xlsx", wrap = "from_fn(crate::http::cache::serve)")]
pub async fn workbook_aggregate(
    state: web::Data<AppState>,
    query: web::Query<AggregateQuery>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let representation = Representation::xlsx(&req);
    let (summed, validators) = aggregated(&state, &query).await?;
    let book = xlsx::aggregate_workbook(&summed, &state.reference, representation.lang)
        .map_err(|e| ApiError::Internal(e.into()))?;
    let response = http::respond(&req, &validators, StatusCode::OK, representation, Body::Xlsx(book));
    Ok(http::attachment(response, "khuyencong-aggregate.xlsx"))
}

/// Reads and adds up what `query` asks for, in one snapshot, under a heavy-read permit: the
/// JSON, the downloads and the pages share it.
pub async fn aggregated(state: &AppState, query: &AggregateQuery) -> Result<(Aggregation, http::Validators)> {
    let by = parameters::drilldowns(query.by.as_deref())?;
    let cut = Cut {
        programmes: parameters::list("programme", query.programme.as_deref())?,
        jurisdictions: parameters::list("jurisdiction", query.jurisdiction.as_deref())?,
        years: parameters::years(query.from_year.as_deref(), query.to_year.as_deref())?,
        kinds: parameters::kinds(query.kind.as_deref())?,
        parts: parameters::flag("parts", query.parts.as_deref())?,
        as_published: parameters::flag("as_published", query.as_published.as_deref())?,
    };
    let unknown: Vec<&String> = cut.jurisdictions.iter().filter(|j| state.jurisdictions.unit(j).is_none()).collect();
    if let Some(first) = unknown.first() {
        return Err(ApiError::bad_parameter(
            "jurisdiction",
            Message::new("parameter-unknown-jurisdiction").word("value", format!("{first:?}")),
        ));
    }
    let _permit = state.heavy.permit().await?;
    let mut snapshot = state.db.snapshot().await?;
    let validators = http::Validators::data(snapshot.data_stamp().await?);
    let one_kind = match cut.kinds.as_slice() {
        [kind] => Some(*kind),
        _ => None,
    };
    let heads = snapshot.programmes_within(&cut.programmes, cut.years, one_kind).await?;
    if let Some(missing) = cut.programmes.iter().find(|id| !heads.iter().any(|h| h.id() == id.as_str())) {
        snapshot.finish().await?;
        return Err(ApiError::bad_parameter(
            "programme",
            Message::new("parameter-unknown-programme").word("value", format!("{missing:?}")),
        ));
    }
    let metadata: Vec<Metadata> = heads.iter().map(|h| h.metadata()).collect();
    let candidates: Vec<Programmed<'_>> = heads
        .iter()
        .zip(&metadata)
        .map(|(head, m)| Programmed {
            id: head.id(),
            names: &m.names,
            jurisdiction: &m.jurisdiction,
            period: (m.period.start_year, m.period.end_year),
            kind: m.identity.kind,
            part_of: m.identity.part_of.as_ref(),
        })
        .collect();
    let (chosen, excluded) = select(&cut, &candidates, &state.jurisdictions);
    let chosen_heads: Vec<_> = chosen.iter().map(|i| &heads[*i]).collect();
    let figures = snapshot.figures_of(&chosen_heads, Grain::of(&by), &state.reference.source_keys()).await?;
    snapshot.finish().await?;
    let inputs: Vec<Input<'_>> = chosen
        .iter()
        .zip(&figures)
        .map(|(i, (reported, sums))| Input { programme: candidates[*i], reported, sums })
        .collect();
    let mut aggregated =
        aggregate(&inputs, &by, cut.as_published, &state.reference, &state.jurisdictions).map_err(too_large)?;
    aggregated.notes.extend(cut_notes(&cut, &state.jurisdictions));
    let included = inputs.iter().map(|i| i.programme.id.to_string()).collect();
    Ok((Aggregation { aggregated, included, excluded }, validators))
}

/// A sum past what the API holds (a million programmes of the largest size): said, not wrong.
fn too_large(_: SumError) -> ApiError {
    ApiError::bad_parameter("programme", Message::new("across-too-large"))
}

/// The two programmes of `/compare`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CompareQuery {
    /// The programme compared against (a plan, an earlier period).
    #[param(required = true, example = "2016-2020")]
    base: Option<String>,
    /// The programme compared with it (the plan's result, a later period).
    #[param(required = true, example = "2016-2020")]
    other: Option<String>,
}

/// Two programmes side by side
///
/// Every measure of `base` and `other`: the schemes, the cost, each funding source, each
/// activity. For each, the published figures (`reported`) and the records' sums (`itemised`)
/// apart, each with `base`, `other`, `difference` (other − base) and `change_percent`
/// (difference ÷ base × 100, two places; null where the base is zero or unknown), with `_bounds`
/// where a figure is not exact. A plan against its result is the main case: the notes say what
/// was exceeded and what fell short. Published totals that cover different sources get a note,
/// and no difference.
#[utoipa::path(
    tag = "aggregates",
    params(CompareQuery),
    responses(
        (status = 200, description = "The comparison", body = Comparison, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = BadRequest),
        (status = 503, response = Unavailable),
    )
)]
#[get("/compare", wrap = "from_fn(crate::http::cache::serve)")]
pub async fn get_compare(
    state: web::Data<AppState>,
    query: web::Query<CompareQuery>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let comparison = compared(&state, &query).await?;
    http::json(&req, &comparison.1, &comparison.0)
}

/// The comparison `query` asks for, read in one snapshot under a heavy-read permit.
pub async fn compared(state: &AppState, query: &CompareQuery) -> Result<(Comparison, http::Validators)> {
    let id = |name: &str, value: &Option<String>| match value.as_deref().map(str::trim) {
        Some(v) if !v.is_empty() => Ok(v.to_string()),
        _ => Err(ApiError::bad_parameter(name, Message::new("parameter-absent"))),
    };
    let (base, other) = (id("base", &query.base)?, id("other", &query.other)?);
    let _permit = state.heavy.permit().await?;
    let mut snapshot = state.db.snapshot().await?;
    let validators = http::Validators::data(snapshot.data_stamp().await?);
    let named = [base.clone(), other.clone()];
    let heads = snapshot.programmes_within(&named, (1900, 2200), None).await?;
    let head = |parameter: &str, id: &str| {
        heads.iter().find(|h| h.id() == id).ok_or_else(|| {
            ApiError::bad_parameter(
                parameter,
                Message::new("parameter-unknown-programme").word("value", format!("{id:?}")),
            )
        })
    };
    let (base_head, other_head) = match (head("base", &base), head("other", &other)) {
        (Ok(b), Ok(o)) => (b, o),
        (Err(e), _) | (_, Err(e)) => {
            snapshot.finish().await?;
            return Err(e);
        }
    };
    let sources = state.reference.source_keys();
    let figures =
        snapshot.figures_of(&[base_head, other_head], Grain { activity: true, scope: false }, &sources).await?;
    snapshot.finish().await?;
    let (base_meta, other_meta) = (base_head.metadata(), other_head.metadata());
    let base_side = side(base_head, &base_meta, &figures[0]);
    let other_side = side(other_head, &other_meta, &figures[1]);
    let comparison = compare(base_side, other_side, &state.reference).map_err(too_large)?;
    Ok((comparison, validators))
}

/// A programme as `/compare` reads it.
fn side<'a>(
    head: &'a crate::storage::ProgrammeHead,
    m: &'a Metadata,
    (reported, sums): &'a (
        crate::domain::document::Reported<crate::domain::money::Money>,
        crate::domain::aggregates::sums::ProgrammeSums,
    ),
) -> Side<'a> {
    Side {
        id: head.id(),
        names: &m.names,
        period: (m.period.start_year, m.period.end_year),
        kind: m.identity.kind,
        reported,
        sums,
    }
}
