//! `POST /drafts`: a report's text in, a draft of its programme document out (every figure with
//! its quote and place, the draft's doubts); nothing stored.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::AppState;
use crate::domain::draft::{self, Draft, MAX_TEXT_BYTES};
use crate::http::auth::{Scope, authorize};
use crate::http::error::ApiError;
use crate::http::error::responses::{
    BadRequest, Forbidden, PayloadTooLarge, RequestTimeout, TooManyRequests, Unauthorized, Unavailable,
    UnsupportedMediaType,
};
use crate::http::respond as http;

type Result<T> = std::result::Result<T, ApiError>;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(post_draft);
}

/// Draft a programme document from a report's text
///
/// Send a report's text (`text/plain; charset=utf-8`, a byte-order mark allowed, at most 1 MiB)
/// and get a draft: `document` (the programme document's shape with every field nullable: what
/// the text does not say is null, never guessed), `figures` (every amount and count found, each
/// with its value as a string, its qualifier, its exact `quote` and the quote's Unicode scalar
/// offsets `start`/`end` in the text after the byte-order mark is removed and it is made NFC,
/// and `pointer` into `document` where it went, or null with `reason`), and `warnings` (what a
/// person should check), in the request's language. Nothing is stored: correct the document and
/// send it with `PUT /programmes/{id}` to save it. Needs a `write` token, and spends its budget.
#[utoipa::path(
    tag = "writes",
    request_body(content = String, content_type = "text/plain", description = "The report's text, UTF-8"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The draft", body = Draft),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 408, response = RequestTimeout),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 429, response = TooManyRequests),
        (status = 503, response = Unavailable),
    )
)]
#[post("/drafts")]
pub async fn post_draft(state: web::Data<AppState>, req: HttpRequest, payload: web::Payload) -> Result<HttpResponse> {
    authorize(&req, &state.db, Scope::Write).await?;
    let body = http::text_body(&req, payload, (MAX_TEXT_BYTES, state.limits.idle)).await?;
    // Reading a long report costs as much as a download: one of the heavy-read permits, and
    // off the async workers.
    let _permit = state.heavy.permit().await?;
    // The shared state itself (one reference count), not a copy of its reference data per request.
    let shared = state.clone();
    let drafted = web::block(move || {
        draft::prepare(&body).map(|text| {
            let mut drafted = draft::draft(&text, &shared.jurisdictions);
            drafted.warnings.extend(draft::check::validation_warnings(&drafted.document, &shared.reference));
            drafted
        })
    })
    .await
    .map_err(|e| ApiError::Internal(anyhow::anyhow!("the draft task failed: {e}")))?
    .map_err(|why| ApiError::bad_parameter("body", why.message()))?;
    let lang = crate::http::context::lang(&req);
    let bytes =
        crate::i18n::in_language(lang, || serde_json::to_vec(&drafted)).map_err(|e| ApiError::Internal(e.into()))?;
    Ok(HttpResponse::Ok()
        .content_type("application/json; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::CONTENT_LANGUAGE, lang.code()))
        .insert_header((header::VARY, "Accept-Language"))
        .body(bytes))
}
