//! `GET /programmes/{id}/indicators`: each indicator across the programme's records.

use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::programmes::ProgrammePath;
use super::{AppState, programme_snapshot};
use crate::domain::views::{IndicatorRecordValue, IndicatorSummary, Indicators};
use crate::http::error::Result;
use crate::http::error::responses::{NotFound, Unavailable};
use crate::http::respond as http;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(get_indicators);
}

/// Indicators of a programme
///
/// Each indicator (people trained, participant attendances, copies per issue…) with the records
/// it comes from. `total` is the sum only where the indicator is `additive`; person-times,
/// copies per issue and issues per year are listed but not summed.
#[utoipa::path(
    tag = "aggregates",
    params(ProgrammePath),
    responses(
        (status = 200, description = "The indicators", body = Indicators, headers(("ETag" = String))),
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
    let definitions = snapshot.indicators(&path.id).await?;
    let sums = snapshot.sums(&path.id).await?;
    snapshot.finish().await?;
    let indicators = definitions
        .into_iter()
        .map(|(definition, values)| {
            // Summed when written (ProgrammeSums); an additive indicator no record gives is 0.
            let total =
                definition.additive.then(|| sums.indicator_total(&definition.key).unwrap_or_default().to_string());
            IndicatorSummary {
                key: definition.key,
                names: definition.names,
                unit: definition.unit,
                additive: definition.additive,
                total,
                records: values
                    .into_iter()
                    .map(|(scheme_id, v)| IndicatorRecordValue { scheme_id, value: v.value, note: v.note })
                    .collect(),
            }
        })
        .collect();
    http::json(
        &req,
        &http::Validators::programme(head.stamp()),
        &Indicators { programme_id: path.id.clone(), indicators },
    )
}
