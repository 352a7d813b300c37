//! `GET /health/live` and `GET /health/ready`: for load balancers and orchestrators.

use std::time::Duration;

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::AppState;
use crate::http::error::responses::Unavailable;
use crate::http::error::{ApiError, Result};

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(live).service(ready);
}

/// How long readiness waits for the database.
const READY_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    pub status: &'static str,
}

/// Liveness
///
/// The process answers. Touches nothing else.
#[utoipa::path(tag = "operations", responses((status = 200, description = "Alive", body = Health)))]
#[get("/health/live")]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok" })
}

/// Readiness
///
/// The database answers a trivial query within 2 seconds: 200, else 503 problem+json.
#[utoipa::path(
    tag = "operations",
    responses((status = 200, description = "Ready", body = Health), (status = 503, response = Unavailable))
)]
#[get("/health/ready")]
pub async fn ready(state: web::Data<AppState>) -> Result<HttpResponse> {
    match tokio::time::timeout(READY_TIMEOUT, state.db.ping()).await {
        Ok(Ok(())) => Ok(HttpResponse::Ok().json(Health { status: "ok" })),
        Ok(Err(e)) => Err(ApiError::Unavailable(e)),
        Err(_) => Err(ApiError::Unavailable(sqlx::Error::PoolTimedOut)),
    }
}
