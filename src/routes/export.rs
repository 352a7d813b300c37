//! `GET /programmes/{id}/export`: the whole programme as a document, in canonical form,
//! streamed from one snapshot under the heavy-read permits.

use actix_web::{HttpRequest, HttpResponse, get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::AppState;
use super::programmes::ProgrammePath;
use crate::domain::document::{ProgrammeDocumentSchema, canonical_records, canonical_tail};
use crate::http::error::ApiError;
use crate::http::error::Result;
use crate::http::error::responses::{NotFound, Unavailable};
use crate::http::respond as http;

/// Records read from the snapshot per statement batch (and per chunk of the body).
const BATCH: i64 = 1000;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(export_programme);
}

/// Export a programme
///
/// The programme as a programme document, the format `PUT /programmes/{id}` and `seeds/` use, in
/// canonical form: fixed key order, two-space indentation, reported entries in reference order.
/// Exporting, importing and exporting again gives the same bytes.
#[utoipa::path(
    tag = "downloads",
    params(ProgrammePath),
    responses(
        (status = 200, description = "The programme document", body = ProgrammeDocumentSchema, headers(("ETag" = String))),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/export")]
pub async fn export_programme(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let permit = state.heavy.permit().await?;
    let mut snapshot = state.db.snapshot().await?;
    let (head, stamp) =
        snapshot.document_head(&path.id).await?.ok_or_else(|| ApiError::programme_not_found(&path.id))?;
    let validators = http::Validators::programme(stamp);
    if let Some(early) = http::before_download(&req, &validators, http::Representation::JSON, None) {
        snapshot.finish().await?;
        return Ok(early);
    }
    let id = path.id.clone();
    let body = state.heavy.stream(move |chunks| async move {
        let _permit = permit;
        chunks.send(head.canonical_head()).await?;
        let (mut after, mut sent) = (-1, 0);
        loop {
            let batch = snapshot.document_records(&id, after, BATCH).await?;
            let Some((last, _)) = batch.last() else { break };
            after = *last;
            let records: Vec<_> = batch.into_iter().map(|(_, record)| record).collect();
            let text = canonical_records(&records, sent == 0);
            sent += records.len();
            chunks.send(text).await?;
        }
        chunks.send(canonical_tail(sent).to_string()).await?;
        snapshot.finish().await?;
        chunks.end().await?;
        Ok::<(), anyhow::Error>(())
    });
    Ok(http::streamed(&req, &validators, http::Representation::JSON, None, body))
}
