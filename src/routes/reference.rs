//! `GET /activities`, `GET /funding-sources` and `GET /jurisdictions`: the reference data (their
//! ETag is the database-wide data version, like every list's).

use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::{AppState, data_validators};
use crate::domain::jurisdiction::Jurisdiction;
use crate::domain::reference::{Activity, FundingSource};
use crate::http::error::Result;
use crate::http::error::responses::Unavailable;
use crate::http::respond as http;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_activities).service(list_funding_sources).service(list_jurisdictions);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JurisdictionList {
    pub items: Vec<Jurisdiction>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityList {
    pub items: Vec<Activity>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FundingSourceList {
    pub items: Vec<FundingSource>,
}

/// Kinds of activity
///
/// The industrial-promotion activities of Decree 45/2012/NĐ-CP Article 4, in clause order, and
/// `unspecified` for records whose activity the source does not name.
#[utoipa::path(
    tag = "reference",
    responses(
        (status = 200, description = "The activities", body = ActivityList, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 503, response = Unavailable),
    )
)]
#[get("/activities", wrap = "from_fn(crate::http::cache::serve)")]
pub async fn list_activities(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse> {
    http::json(&req, &data_validators(&state).await?, &ActivityList { items: state.reference.activities.clone() })
}

/// Funding sources
///
/// The funding-source tree: `state_budget` (with `central_budget` and `local_budget` below it)
/// and `contributions` of the participating organisations and individuals.
#[utoipa::path(
    tag = "reference",
    responses(
        (status = 200, description = "The funding sources", body = FundingSourceList, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 503, response = Unavailable),
    )
)]
#[get("/funding-sources", wrap = "from_fn(crate::http::cache::serve)")]
pub async fn list_funding_sources(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse> {
    http::json(&req, &data_validators(&state).await?, &FundingSourceList { items: state.reference.sources.clone() })
}

/// Jurisdictions
///
/// The provinces and centrally-run cities, as they were and are, and the nation: each with our
/// `id`, its official `code`, its names, its level, when it was in force and the unit it became.
/// On 1 July 2025 the 63 provinces and cities became 34 (Nghị quyết số 202/2025/QH15): the 11
/// that did not change are one entry each; each merged one has its predecessors, in force until
/// 30 June 2025, pointing at it. A programme's `jurisdiction` text resolves to one of these in
/// its period (`jurisdiction_unit` on `/programmes`).
#[utoipa::path(
    tag = "reference",
    responses(
        (status = 200, description = "The jurisdictions", body = JurisdictionList, headers(("ETag" = String))),
        (status = 503, response = Unavailable),
    )
)]
#[get("/jurisdictions", wrap = "from_fn(crate::http::cache::serve)")]
pub async fn list_jurisdictions(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse> {
    let items = state.jurisdictions.units.clone();
    http::json(&req, &data_validators(&state).await?, &JurisdictionList { items })
}
