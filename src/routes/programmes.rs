//! `GET /programmes` and `GET /programmes/{id}`.

use crate::domain::aggregates::figures::published_count;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, delete, get, put, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::{AppState, Page, bad_cursor, programme_snapshot};
use crate::domain::aggregates::totals::warnings;
use crate::domain::document::{
    Kind, ProgrammeDocument, ProgrammeDocumentSchema, ProgrammeMetadata, Violation, Violations, parse_document,
};
use crate::domain::reference::Reference;
use crate::domain::validate;
use crate::domain::views::{JurisdictionUnit, ProgrammeDetail, ProgrammeSummary};
use crate::http::auth::{Scope, authorize};
use crate::http::error::responses::{BadRequest, BodyErrors, NotFound, PreconditionRequired, Unavailable, WriteErrors};
use crate::http::error::{ApiError, Result};
use crate::http::parameters::{self, Limit};
use crate::http::respond::{self as http, Body};
use crate::storage::{Prepared, ProgrammeKey, Stamp, WriteError, Written};

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_programmes)
        .service(get_programme)
        .service(get_programme_metadata)
        .service(put_programme)
        .service(delete_programme);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500, example = 50)]
    limit: Option<String>,
    /// Where the page starts: the `cursor` of a `next` URL. Take it as it is; do not build one.
    #[param(pattern = r"^[0-9]{1,4}\.[0-9]{1,4}\.[a-z0-9-]{1,100}$")]
    cursor: Option<String>,
    /// Only plans (`plan`) or only results (`result`).
    #[param(schema_with = kind_schema)]
    kind: Option<String>,
}

fn kind_schema() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(Kind::ALL))
        .build()
}

/// The path of every programme resource.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ProgrammePath {
    /// Programme id, a slug such as `2016-2020`.
    #[param(example = "2016-2020")]
    pub id: String,
}

/// `END.START.ID`: the key of the last programme of a page (keyset pagination).
fn encode_key(key: &ProgrammeKey) -> String {
    format!("{}.{}.{}", key.end_year, key.start_year, key.id)
}

fn decode_key(text: &str) -> Option<ProgrammeKey> {
    let mut parts = text.splitn(3, '.');
    let mut year = || {
        let part = parts.next()?;
        let digits = (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        digits.then(|| part.parse().ok()).flatten()
    };
    let (end_year, start_year) = (year()?, year()?);
    let id = parts.next()?;
    let id_chars = id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ((1..=100).contains(&id.len()) && id_chars).then(|| ProgrammeKey { end_year, start_year, id: id.to_string() })
}

/// List programmes
///
/// Every programme, newest period first, with its counts of scheme records.
#[utoipa::path(
    tag = "programmes",
    params(ListQuery),
    responses(
        (status = 200, description = "A page of programmes", body = Page<ProgrammeSummary>, headers(("ETag" = String, description = "The database-wide data version, e.g. `\"all-42-json\"`"))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = BadRequest),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes", wrap = "from_fn(crate::http::cache::serve_page)")]
pub async fn list_programmes(
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let limit = parameters::parse::<Limit>(query.limit.as_deref())?.0;
    let after = match query.cursor.as_deref() {
        Some(text) => Some(decode_key(text).ok_or_else(bad_cursor)?),
        None => None,
    };
    let kind = super::known_key("kind", query.kind.as_deref(), &Kind::ALL)?.and_then(Kind::parse);
    let mut snapshot = state.db.snapshot().await?;
    let validators = http::Validators::data(snapshot.data_stamp().await?);
    let mut items = snapshot.programmes(limit + 1, after.as_ref(), kind).await?;
    let count = snapshot.count_programmes(kind).await?;
    snapshot.finish().await?;
    for item in &mut items {
        item.jurisdiction_unit = JurisdictionUnit::of(&state.jurisdictions, &item.jurisdiction, &item.period);
    }
    let cursor = if items.len() as i64 > limit {
        items.truncate(limit as usize);
        items.last().map(|p| {
            encode_key(&ProgrammeKey { end_year: p.period.end_year, start_year: p.period.start_year, id: p.id.clone() })
        })
    } else {
        None
    };
    Page::new(&req, items, cursor, count).respond(&req, &validators, http::Representation::json(&req))
}

/// Get a programme
///
/// The programme: names, jurisdiction, period, legal basis, implementing agency, the source
/// document its figures come from, and how many scheme records it has.
#[utoipa::path(
    tag = "programmes",
    params(ProgrammePath),
    responses(
        (status = 200, description = "The programme", body = ProgrammeDetail),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}", wrap = "from_fn(crate::http::cache::serve)")]
pub async fn get_programme(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let (mut snapshot, head) = programme_snapshot(&state, &path.id).await?;
    let whole = snapshot.sums(&path.id).await?.whole();
    let reported = snapshot.reported(&head).await?;
    snapshot.finish().await?;
    let meta = head.metadata();
    let (schemes_reported, schemes_reported_bounds) =
        published_count(reported.schemes.as_ref(), reported.tolerance_percent());
    let programme = ProgrammeDetail {
        id: path.id.clone(),
        names: meta.names,
        jurisdiction_unit: JurisdictionUnit::of(&state.jurisdictions, &meta.jurisdiction, &meta.period),
        jurisdiction: meta.jurisdiction,
        period: meta.period,
        kind: meta.identity.kind,
        status: meta.identity.status,
        part_of: meta.identity.part_of,
        legal_basis: meta.legal_basis,
        approved_by: meta.identity.approved_by,
        implementing_agency: meta.implementing_agency,
        source: meta.source,
        scheme_records: whole.records,
        schemes_reported,
        schemes_reported_bounds,
        schemes_itemised: whole.schemes,
    };
    http::json(&req, &http::Validators::programme(head.stamp()), &programme)
}

/// Get a programme's metadata as the document has it
///
/// The programme document without `reported` and `schemes`: its id, unit, names, jurisdiction,
/// period, legal basis, agency, source and indicator definitions, in the document's own shape
/// and key order. With `GET …/reported` and `GET …/schemes/{scheme_id}/record`, what a mirror
/// fetches instead of the whole export. Its `ETag` is the programme's version.
#[utoipa::path(
    tag = "programmes",
    params(ProgrammePath),
    responses(
        (status = 200, description = "The programme's metadata", body = ProgrammeMetadata, headers(("ETag" = String))),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/metadata")]
pub async fn get_programme_metadata(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let mut snapshot = state.db.snapshot().await?;
    let head = snapshot.document_head(&path.id).await?;
    snapshot.finish().await?;
    let (document, stamp) = head.ok_or_else(|| ApiError::programme_not_found(&path.id))?;
    http::document(&req, &http::Validators::programme(stamp), &ProgrammeMetadata::of(document))
}

/// What a write did: the programme's new version (also its `ETag`) and, when its reported
/// figures do not agree with its records, each disagreement in words (accepted, not errors).
#[derive(Debug, Serialize, ToSchema)]
pub struct WriteResult {
    #[schema(example = "2021-2025")]
    pub programme_id: String,
    #[schema(example = 42)]
    pub version: i64,
    /// The `ETag` header's value, quotes included: what the next write sends as `If-Match`.
    #[schema(example = "\"42-json\"")]
    pub etag: String,
    #[schema(value_type = Vec<String>)]
    pub warnings: Vec<crate::i18n::Message>,
}

/// The response to a write: 201 with `Location` when it created the programme, else 200. A
/// whole programme's write names its jurisdiction and period (`place`), which it warns about
/// when they resolve to no unit.
pub fn written(
    req: &HttpRequest,
    state: &AppState,
    written: Written,
    location: Option<String>,
    place: Option<(&str, &crate::domain::document::Period)>,
) -> Result<HttpResponse> {
    let after = written
        .after
        .as_ref()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("a write that kept the programme returned none")))?;
    let validators = http::Validators::programme(Stamp { version: written.version, modified: Some(written.modified) });
    let result = WriteResult {
        programme_id: after.id.clone(),
        version: written.version,
        etag: validators.etag(http::Representation::json(req)),
        warnings: warnings(&after.id, &after.reported, &after.sums, &state.reference)
            .into_iter()
            .chain(place.and_then(|(text, p)| state.jurisdictions.warning(text, (p.start_year, p.end_year))))
            .collect(),
    };
    let body = crate::i18n::in_language(crate::http::context::lang(req), || serde_json::to_vec(&result))
        .map_err(|e| ApiError::Internal(e.into()))?;
    let status = if location.is_some() { StatusCode::CREATED } else { StatusCode::OK };
    let mut response = http::written(req, &validators, status, Body::Json(body));
    if let Some(location) = location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// Create or replace a programme
///
/// Loads a whole programme document (the format of `seeds/` and of `GET /programmes/{id}/export`)
/// in one transaction: the programme, its reported figures, scheme records, funding lines and
/// indicators. Every rule is checked first and every violation reported at once (422, each with a
/// JSON pointer); nothing is written unless all pass. Reported figures that do not add up are
/// accepted and listed in `warnings`. Without `If-Match` the programme is replaced
/// unconditionally; with `If-Match: "<version>-json"` only if it is still at that version (else
/// 412); with `If-None-Match: *` only if it does not exist yet. Needs a `write` token.
#[utoipa::path(
    tag = "writes",
    params(
        ProgrammePath,
        ("If-Match" = Option<String>, Header, description = "Replace only if the programme is at this ETag (`*`: only if it exists)"),
        ("If-None-Match" = Option<String>, Header, description = "`*`: create only, never replace"),
    ),
    request_body(content = ProgrammeDocumentSchema, content_type = "application/json", description = "A programme document"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Replaced", body = WriteResult, headers(("ETag" = String, description = "The new version"))),
        (status = 201, description = "Created", body = WriteResult, headers(("ETag" = String), ("Location" = String))),
        WriteErrors,
        BodyErrors,
    )
)]
#[put("/programmes/{id}")]
pub async fn put_programme(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse> {
    let actor = authorize(&req, &state.db, Scope::Write).await?;
    let precondition = http::precondition(&req);
    let body = http::json_body(&req, payload, (state.limits.import, state.limits.idle)).await?;
    // Parsing, normalising, validating and making canonical cost as much as the document is
    // large: off the workers, before the write lock. A wrong document hears so (422) first, so
    // that it is fixed before it is retried; then a stale tag (412).
    let (id, reference) = (path.id.clone(), state.reference.clone());
    let prepared = web::block(move || prepare(&body, &id, &reference))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("the import task failed: {e}")))??;
    let place = (prepared.valid.programme.jurisdiction.clone(), prepared.valid.programme.period.clone());
    let place = Some((place.0.as_str(), &place.1));
    // A stale tag first (412); then the document as stored: nothing to write (no version, no
    // feed item, no audit entry).
    if let Some(unchanged) = state.db.unchanged(&prepared, &precondition).await? {
        return written(&req, &state, unchanged, None, place);
    }
    let result = state.db.replace(precondition, &actor, prepared).await?;
    let location = result.created.then(|| format!("/programmes/{}", path.id));
    written(&req, &state, result, location, place)
}

/// A whole programme document, checked and made ready to store: every violation at once.
fn prepare(body: &[u8], id: &str, reference: &Reference) -> Result<Prepared> {
    let doc: ProgrammeDocument<String> = parse_document(body).map_err(|unparsed| {
        // The rules, on the records that did parse: every problem at once, not the first kind.
        let mut violations = unparsed.violations;
        if let Some((rest, kept)) = unparsed.rest.map(|r| *r)
            && let Err(more) = validate(rest, reference)
        {
            violations.append(renumber(more, &kept));
        }
        ApiError::Unprocessable(violations)
    })?;
    let mut violations = Violations::default();
    if doc.id != id {
        violations.push(Violation {
            pointer: "/id".into(),
            detail: crate::i18n::Message::new("document-id-not-path")
                .word("id", format!("{:?}", doc.id))
                .word("path", format!("{id:?}")),
        });
    }
    match validate(doc, reference) {
        Ok(valid) if violations.is_empty() => Ok(Prepared::new(valid)),
        Ok(_) => Err(ApiError::Unprocessable(violations)),
        Err(more) => {
            violations.append(more);
            Err(ApiError::Unprocessable(violations))
        }
    }
}

/// Violations found in a document without some of its records, pointing at the records of the
/// document as sent: `/schemes/{i}` becomes `/schemes/{kept[i]}`.
fn renumber(violations: Violations, kept: &[usize]) -> Violations {
    let first = violations
        .first
        .into_iter()
        .map(|v| {
            let moved = v.pointer.strip_prefix("/schemes/").and_then(|rest| {
                let (index, below) = rest.split_once('/').map_or((rest, ""), |(i, b)| (i, b));
                let original = kept.get(index.parse::<usize>().ok()?)?;
                Some(format!("/schemes/{original}{}{below}", if below.is_empty() { "" } else { "/" }))
            });
            Violation { pointer: moved.unwrap_or(v.pointer), detail: v.detail }
        })
        .collect();
    Violations { first, total: violations.total }
}

/// Delete a programme
///
/// Deletes the programme and everything it holds. Needs `If-Match` with its current ETag (428
/// without, 412 when it changed) and a `write` token.
#[utoipa::path(
    tag = "writes",
    params(ProgrammePath, ("If-Match" = String, Header, description = "The programme's current ETag from any GET of it, e.g. `\"42-json\"` (or `*`: any version)")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, response = NotFound),
        (status = 428, response = PreconditionRequired),
        WriteErrors,
    )
)]
#[delete("/programmes/{id}")]
pub async fn delete_programme(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let actor = authorize(&req, &state.db, Scope::Write).await?;
    let precondition = http::require_if_match(&req)?;
    match state.db.delete(&path.id, precondition, &actor).await {
        Ok(_) => Ok(HttpResponse::NoContent().finish()),
        Err(WriteError::PreconditionFailed { current: None, .. }) => Err(ApiError::programme_not_found(&path.id)),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_keys_round_trip() {
        let key = ProgrammeKey { end_year: 2020, start_year: 2016, id: "2016-2020".into() };
        assert_eq!(encode_key(&key), "2020.2016.2016-2020");
        assert_eq!(decode_key(&encode_key(&key)), Some(key));
        for bad in ["2020.x.id", "2020.2016.", "2020.2016.A", "20201.2016.a", "2020:2016:a", "", "2020.2016.a.b"] {
            assert_eq!(decode_key(bad), None, "{bad}");
        }
    }
}
