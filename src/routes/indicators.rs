//! `GET /programmes/{id}/indicators`: each indicator across the programme's records, from the
//! kept sums, with a first page of its values; `…/indicators/{key}/records` pages the rest.

use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::programmes::ProgrammePath;
use super::{AppState, Page, bad_cursor, programme_snapshot};
use crate::domain::views::{IndicatorRecordValue, IndicatorSummary, ProgrammeIndicators};
use crate::http::error::responses::{BadRequest, NotFound, Unavailable};
use crate::http::error::{ApiError, Result};
use crate::http::parameters::{self, Limit};
use crate::http::respond as http;
use crate::i18n::Message;
use crate::storage::Snapshot;

/// How many values of each indicator `GET /programmes/{id}/indicators` lists.
const FIRST_VALUES: i64 = 50;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(get_indicators).service(get_indicator_records);
}

/// Indicators of a programme
///
/// Each indicator (people trained, participant attendances, copies per issue…): how many records
/// give it, its `total` where it is `additive` (person-times, copies per issue and issues per
/// year are listed but not summed), and the first 50 of its values in record order; `next`
/// pages the rest. Read from the sums kept with the programme: the same size whatever the
/// programme's.
#[utoipa::path(
    tag = "aggregates",
    params(ProgrammePath),
    responses(
        (status = 200, description = "The indicators", body = ProgrammeIndicators, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/indicators", wrap = "from_fn(crate::http::cache::serve)")]
pub async fn get_indicators(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let (mut snapshot, head) = programme_snapshot(&state, &path.id).await?;
    let definitions = snapshot.indicator_definitions(&path.id).await?;
    let sums = snapshot.sums(&path.id).await?;
    let mut indicators = Vec::new();
    for definition in definitions {
        let kept = sums.indicator(&definition.key);
        // Summed when written (ProgrammeSums); an additive indicator no record gives is 0.
        let total = definition.additive.then(|| kept.and_then(|i| i.total).unwrap_or_default().to_string());
        let (records, last) = values(&mut snapshot, &path.id, &definition.key, -1, FIRST_VALUES).await?;
        let next = last.map(|last| {
            let page = format!(
                "/programmes/{}/indicators/{}/records?limit={FIRST_VALUES}&cursor={last}",
                path.id, definition.key
            );
            format!("{}{page}", super::base_url(&req))
        });
        indicators.push(IndicatorSummary {
            key: definition.key,
            names: definition.names,
            unit: definition.unit,
            additive: definition.additive,
            total,
            record_count: kept.map_or(0, |i| i.records),
            records,
            next,
        });
    }
    snapshot.finish().await?;
    http::json(
        &req,
        &http::Validators::programme(head.stamp()),
        &ProgrammeIndicators { programme_id: path.id.clone(), indicators },
    )
}

/// At most `limit` values of `key` after record position `after`, and the cursor of the page
/// after (None: these are the last).
async fn values(
    snapshot: &mut Snapshot,
    id: &str,
    key: &str,
    after: i64,
    limit: i64,
) -> Result<(Vec<IndicatorRecordValue>, Option<i64>)> {
    let mut rows = snapshot.indicator_values(id, key, after, limit + 1).await?;
    let next = (rows.len() as i64 > limit).then(|| {
        rows.truncate(limit as usize);
        rows.last().map_or(after, |(position, _, _)| *position)
    });
    let items = rows
        .into_iter()
        .map(|(_, scheme_id, v)| IndicatorRecordValue { scheme_id, value: v.value, note: v.note })
        .collect();
    Ok((items, next))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct IndicatorPath {
    /// Programme id.
    #[param(example = "2016-2020")]
    id: String,
    /// Indicator key (see `GET /programmes/{id}/indicators`).
    #[param(example = "workers_trained")]
    key: String,
}

/// A page of an indicator's values.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IndicatorPageQuery {
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500, example = 50)]
    limit: Option<String>,
    /// Where the page starts: the `cursor` of a `next` URL. Take it as it is; do not build one.
    #[param(pattern = r"^[0-9]{1,18}$", max_length = 18)]
    cursor: Option<String>,
}

/// An indicator's values, a page at a time
///
/// The records that give indicator `key`, with their values, in record order; `count` is how
/// many records give it.
#[utoipa::path(
    tag = "aggregates",
    params(IndicatorPath, IndicatorPageQuery),
    responses(
        (status = 200, description = "A page of values", body = Page<IndicatorRecordValue>, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/indicators/{key}/records", wrap = "from_fn(crate::http::cache::serve)")]
pub async fn get_indicator_records(
    state: web::Data<AppState>,
    path: web::Path<IndicatorPath>,
    query: web::Query<IndicatorPageQuery>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let limit = parameters::parse::<Limit>(query.limit.as_deref())?.0;
    let after = match query.cursor.as_deref() {
        Some(text) if text.len() <= 18 && !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
            text.parse::<i64>().map_err(|_| bad_cursor())?
        }
        Some(_) => return Err(bad_cursor()),
        None => -1,
    };
    let (mut snapshot, head) = programme_snapshot(&state, &path.id).await?;
    let defined = snapshot.indicator_definitions(&path.id).await?.iter().any(|d| d.key == path.key);
    if !defined {
        snapshot.finish().await?;
        let detail = Message::new("indicator-not-found").word("key", format!("{:?}", path.key)).word("id", &path.id);
        return Err(ApiError::NotFound(detail));
    }
    let count = snapshot.sums(&path.id).await?.indicator(&path.key).map_or(0, |i| i.records);
    let (items, last) = values(&mut snapshot, &path.id, &path.key, after, limit).await?;
    snapshot.finish().await?;
    let page = Page::new(&req, items, last.map(|l| l.to_string()), count);
    page.respond(&req, &http::Validators::programme(head.stamp()), http::Representation::json(&req))
}
