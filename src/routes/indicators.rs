//! `GET /programmes/{id}/indicators`: each indicator across the programme's records.

use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, get, web};
use rust_decimal::Decimal;
use utoipa_actix_web::service_config::ServiceConfig;

use super::programmes::ProgrammePath;
use super::{AppState, http, version_of};
use crate::domain::views::{IndicatorRecordValue, IndicatorSummary, Indicators};
use crate::error::responses::{NotFound, Unavailable};
use crate::error::{ApiError, Result};

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
#[get("/programmes/{id}/indicators", wrap = "from_fn(crate::cache::serve)")]
pub async fn get_indicators(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let version = version_of(&state, &path.id).await?;
    let indicators = state
        .db
        .indicators(&path.id)
        .await?
        .into_iter()
        .map(|(definition, values)| {
            let total = if definition.additive {
                let sum = values
                    .iter()
                    .try_fold(Decimal::ZERO, |acc, (_, v)| v.parse::<Decimal>().ok().and_then(|v| acc.checked_add(v)));
                let sum = sum.ok_or_else(|| {
                    anyhow::anyhow!("indicator {} has a stored value that is not a decimal", definition.key)
                })?;
                Some(sum.normalize().to_string())
            } else {
                None
            };
            Ok(IndicatorSummary {
                key: definition.key,
                names: definition.names,
                unit: definition.unit,
                additive: definition.additive,
                total,
                records: values
                    .into_iter()
                    .map(|(scheme_id, value)| IndicatorRecordValue { scheme_id, value })
                    .collect(),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    http::json(&req, &version, &Indicators { programme_id: path.id.clone(), indicators })
}
