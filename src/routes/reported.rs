//! `PUT /programmes/{id}/reported`: replace the programme-level figures.

use actix_web::{HttpRequest, HttpResponse, get, put, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::programmes::{ProgrammePath, WriteResult, written};
use super::schemes::{edit_at_version, edit_snapshot};
use super::{AppState, programme_snapshot};
use crate::domain::document::{Reported, check_reported, parse_part};
use crate::http::auth::{Scope, authorize};
use crate::http::error::responses::{BodyErrors, NotFound, PreconditionRequired, Unavailable, WriteErrors};
use crate::http::error::{ApiError, Result};
use crate::http::respond as http;
use crate::storage::ReportedEdit;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(get_reported).service(put_reported);
}

/// Get the reported figures as the document has them
///
/// What the programme published at programme level, in the programme document's own shape (the
/// body `PUT` here takes): what a mirror fetches when `GET /changes` names `replace_reported`.
/// Its `ETag` is the programme's version.
#[utoipa::path(
    tag = "programmes",
    params(ProgrammePath),
    responses(
        (status = 200, description = "The reported figures", body = Reported<String>, headers(("ETag" = String))),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/reported")]
pub async fn get_reported(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let (mut snapshot, head) = programme_snapshot(&state, &path.id).await?;
    let reported = snapshot.reported(&head).await?;
    snapshot.finish().await?;
    http::document(&req, &http::Validators::programme(head.stamp()), &reported)
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
    let id = path.id.as_str();
    let state = state.get_ref();
    // The figures on their own first (422), off the workers; then the precondition.
    let reference = state.reference.clone();
    let after = web::block(move || {
        let sent: Reported<String> = parse_part(&body)?;
        check_reported(sent, "", &reference)
    })
    .await
    .map_err(|e| ApiError::Internal(anyhow::anyhow!("the edit task failed: {e}")))?
    .map_err(ApiError::Unprocessable)?;
    let prepare = async || {
        let (mut snapshot, head, read_at) = edit_snapshot(state, id, &precondition).await?;
        let before = snapshot.reported(&head).await?;
        let sums = snapshot.sums(id).await?;
        snapshot.finish().await?;
        let read_modified = head.stamp().modified;
        // "About" keeps the document's tolerance: it is the document's, not the figures'.
        let after = Reported { tolerance: before.tolerance, ..after.clone() };
        Ok(ReportedEdit { programme_id: id.to_string(), read_at, read_modified, before, after, sums })
    };
    let write = async |edit: &ReportedEdit| state.db.edit_reported(edit, &precondition, &actor).await;
    let result = edit_at_version(state, id, &precondition, prepare, write).await?;
    written(&req, state, result, None, None)
}
