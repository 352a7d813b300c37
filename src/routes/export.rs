//! `GET /programmes/{id}/export`: the whole programme as a document, in canonical form.

use actix_web::http::StatusCode;
use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::http::{self, Body, Representation};
use super::programmes::ProgrammePath;
use super::{AppState, not_found_programme};
use crate::domain::document::ProgrammeDocumentSchema;
use crate::error::Result;
use crate::error::responses::{NotFound, Unavailable};

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(export_programme);
}

/// Export a programme
///
/// The programme as a programme document, the format `PUT /programmes/{id}` and `seeds/` use, in
/// canonical form: fixed key order, two-space indentation, reported entries in reference order.
/// Exporting, importing and exporting again gives the same bytes.
#[utoipa::path(
    tag = "writes",
    params(ProgrammePath),
    responses(
        (status = 200, description = "The programme document", body = ProgrammeDocumentSchema, headers(("ETag" = String))),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/export", wrap = "from_fn(crate::cache::serve)")]
pub async fn export_programme(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let mut snapshot = state.db.snapshot().await?;
    let (programme, stamp) = snapshot.document(&path.id).await?.ok_or_else(|| not_found_programme(&path.id))?;
    snapshot.finish().await?;
    let body = Body::Json(programme.canonical_json().into_bytes());
    Ok(http::respond(&req, &http::Validators::programme(stamp), StatusCode::OK, Representation::JSON, body))
}
