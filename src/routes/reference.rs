//! `GET /activities` and `GET /funding-sources`: the reference taxonomies.

use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::AppState;
use crate::domain::reference::{Activity, FundingSource};

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_activities).service(list_funding_sources);
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
#[utoipa::path(tag = "reference", responses((status = 200, description = "The activities", body = ActivityList)))]
#[get("/activities")]
pub async fn list_activities(state: web::Data<AppState>) -> web::Json<ActivityList> {
    web::Json(ActivityList { items: state.reference.activities.clone() })
}

/// Funding sources
///
/// The funding-source tree: `state_budget` (with `central_budget` and `local_budget` below it)
/// and `contributions` of the participating organisations and individuals.
#[utoipa::path(tag = "reference", responses((status = 200, description = "The funding sources", body = FundingSourceList)))]
#[get("/funding-sources")]
pub async fn list_funding_sources(state: web::Data<AppState>) -> web::Json<FundingSourceList> {
    web::Json(FundingSourceList { items: state.reference.sources.clone() })
}
