//! `PUT /programmes/{id}/reported`: replace the programme-level figures.

use actix_web::{HttpRequest, HttpResponse, put, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::AppState;
use super::programmes::{ProgrammePath, WriteResult, written};
use crate::domain::document::{Reported, parse_part, relocate};
use crate::domain::validate;
use crate::http::auth::{Scope, authorize};
use crate::http::error::responses::{BodyErrors, NotFound, PreconditionRequired, WriteErrors};
use crate::http::error::{ApiError, Result};
use crate::http::respond as http;
use crate::storage::{Operation, WriteError};

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(put_reported);
}

/// Replace the reported figures
///
/// Replaces what the programme published at programme level: the number of schemes (and by
/// scope), the total cost, and funding by source, each with its quote. Figures left out become
/// unknown. Needs `If-Match` with the programme's current ETag and a `write` token.
#[utoipa::path(
    tag = "writes",
    params(ProgrammePath, ("If-Match" = String, Header, description = "The programme's current ETag from any GET of it, e.g. `\"42-json\"` (or `*`: any version)")),
    request_body(content = Reported<String>, content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Replaced", body = WriteResult, headers(("ETag" = String))),
        (status = 404, response = NotFound),
        (status = 428, response = PreconditionRequired),
        WriteErrors,
        BodyErrors,
    )
)]
#[put("/programmes/{id}/reported")]
pub async fn put_reported(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse> {
    let actor = authorize(&req, &state.db, Scope::Write).await?;
    let precondition = http::require_if_match(&req)?;
    let body = http::json_body(&req, payload, (state.limits.body, state.limits.idle)).await?;
    let reported: Reported<String> = parse_part(&body).map_err(|v| ApiError::Unprocessable(v.into()))?;
    let reference = &state.reference;
    let result = state
        .db
        .write(&path.id, precondition, &actor, Operation::ReplaceReported, |before| {
            let mut doc = before.ok_or_else(|| WriteError::NoProgramme(path.id.clone()))?.into_raw();
            doc.reported = reported;
            let programme = validate(doc, reference).map_err(|v| WriteError::Invalid(relocate(v, "/reported", "")))?;
            Ok(programme)
        })
        .await
        .map_err(|e| super::schemes::missing_programme(e, &path.id))?;
    written(&req, &state, result, None)
}
