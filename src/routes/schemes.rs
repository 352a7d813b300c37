//! `GET /programmes/{id}/schemes` and `GET /programmes/{id}/schemes/{scheme_id}`.

use crate::http::parameters::{self, Limit};
use crate::i18n::Message;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::programmes::{ProgrammePath, WriteResult, written};
use super::{AppState, Page, bad_cursor, known_key, next_url, programme_snapshot};
use crate::domain::document::{IndicatorDefinition, SchemeRecord, Violation, Violations, check_record, parse_part};
use crate::domain::money::Money;
use crate::domain::reference::Reference;
use crate::domain::views::SchemeView;
use crate::http::auth::{Scope, authorize};
use crate::http::error::responses::{BadRequest, BodyErrors, NotFound, PreconditionRequired, Unavailable, WriteErrors};
use crate::http::error::{ApiError, Result};
use crate::http::respond::{self as http, Body, Media, Representation};
use crate::render::csv;
use crate::storage::{
    Actor, Operation, Precondition, ProgrammeHead, RecordEdit, SchemeAfter, SchemeFilter, SchemeOrder, Snapshot,
    WriteError, Written,
};

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_schemes)
        .service(get_scheme)
        .service(get_scheme_record)
        .service(post_scheme)
        .service(put_scheme)
        .service(delete_scheme);
}

/// The filters of the scheme list, shared by `/schemes` and `/schemes.csv`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SchemeFilterQuery {
    /// Only records of this activity (see `GET /activities`).
    #[param(schema_with = super::activity_schema, example = "vocational_training")]
    activity: Option<String>,
    /// Only records of this scope.
    #[param(schema_with = super::scope_schema, example = "unknown")]
    scope: Option<String>,
    /// Only records with a funding line naming this source or a source below it.
    #[param(schema_with = super::source_schema, example = "state_budget")]
    source: Option<String>,
}

impl SchemeFilterQuery {
    /// The filter, each key checked against the reference data (400 naming the allowed ones).
    pub fn filter(&self, reference: &Reference) -> Result<SchemeFilter, ApiError> {
        let key = |name: &str, value: &Option<String>, allowed: Vec<&str>| {
            known_key(name, value.as_deref(), &allowed).map(|k| k.map(str::to_string))
        };
        Ok(SchemeFilter {
            activity: key("activity", &self.activity, reference.activity_keys())?,
            scope: key("scope", &self.scope, reference.scope_keys())?,
            source: key("source", &self.source, reference.source_keys())?,
        })
    }
}

/// A page of the scheme list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The order: `cost`, `scheme_count` or `id`, with a leading `-` for descending; ties are
    /// broken by `id` in the same direction, so pages are stable. The document's order when
    /// absent.
    #[param(schema_with = sort_schema, example = "-cost")]
    sort: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500, example = 50)]
    limit: Option<String>,
    /// Where the page starts: the `cursor` of a `next` URL. Take it as it is; do not build one.
    #[param(pattern = r"^[0-9]{1,18}\.([a-z0-9]+(-[a-z0-9]+)*)?$", max_length = 120)]
    cursor: Option<String>,
    /// `format=csv`: the 0.1 CSV, kept for existing clients but no longer part of the documented
    /// contract since 0.2.0 (see the README); `schemes.csv` and `breakdown.csv` replace it.
    #[param(ignore)]
    format: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SchemePath {
    /// Programme id.
    #[param(example = "2016-2020")]
    id: String,
    /// Scheme record id.
    #[param(example = "vocational-training")]
    scheme_id: String,
}

fn sort_schema() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(parameters::SORTS))
        .build()
}

/// The cursor after `record` at `position`: `<value>.<id>`, the record's sort value (its
/// position in the document's order, its cost in đồng, its scheme count; 0 by id) and its id.
/// Any cursor of this shape is one the list can start after, in whichever order it is asked.
fn encode_cursor(order: SchemeOrder, position: i64, record: &SchemeRecord<Money>) -> String {
    format!("{}.{}", order.value_of(position, record), record.id)
}

fn decode_cursor(text: &str) -> Option<SchemeAfter> {
    let number = |digits: &str| {
        let plain = (1..=18).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
        plain.then(|| digits.parse::<i64>().ok()).flatten()
    };
    // `s<position>`, the cursors 0.1 and 0.2 gave out (the document's order), still read.
    if let Some(position) = text.strip_prefix('s').and_then(number) {
        return Some(SchemeAfter { value: position, id: String::new() });
    }
    let (value, id) = text.split_once('.')?;
    let value = number(value)?;
    // The documented shape (a slug of any length within the cursor's 120 characters): a cursor
    // of that shape is one the list can start after, even if no record has that id.
    let slug = id
        .split('-')
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    (text.len() <= 120 && (id.is_empty() || slug)).then(|| SchemeAfter { value, id: id.to_string() })
}

/// List scheme records
///
/// The programme's scheme records in the source's order, each with its activity, scope, cost,
/// funding lines, indicators and source quote. A record may cover several schemes
/// (`scheme_count`). Filter by `activity`, `scope` or `source`. The whole list as CSV is
/// `GET /programmes/{id}/schemes.csv`.
#[utoipa::path(
    tag = "schemes",
    params(ProgrammePath, SchemeFilterQuery, PageQuery),
    responses(
        (status = 200, description = "A page of scheme records", body = Page<SchemeView>, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/schemes", wrap = "from_fn(crate::http::cache::serve_negotiated_page)")]
pub async fn list_schemes(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    filters: web::Query<SchemeFilterQuery>,
    query: web::Query<PageQuery>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let reference = &state.reference;
    let representation = Representation::negotiate(&req, query.format.as_deref())?;
    let filter = filters.filter(reference)?;
    let limit = parameters::parse::<Limit>(query.limit.as_deref())?.0;
    let order: SchemeOrder = parameters::parse(query.sort.as_deref())?;
    let after = match query.cursor.as_deref() {
        Some(text) => Some(decode_cursor(text).ok_or_else(bad_cursor)?),
        None => None,
    };
    // A page that may pass over many records takes a heavy-read permit (so that few such reads
    // hold connections at once, and cheap reads and health checks always find one).
    let _permit = match filter.may_scan(order) {
        true => Some(state.heavy.permit().await?),
        false => None,
    };
    let (mut snapshot, head) = programme_snapshot(&state, &path.id).await?;
    let count = snapshot.count_schemes(&path.id, &filter).await?;
    // Counted from the kept sums first: nothing matches, nothing to look for.
    let mut rows = match count {
        0 => Vec::new(),
        _ => snapshot.schemes(&path.id, &filter, order, limit + 1, after.as_ref()).await?,
    };
    let definitions = definitions_for(&mut snapshot, &path.id, rows.iter().map(|(_, r)| r)).await?;
    snapshot.finish().await?;
    let version = http::Validators::programme(head.stamp());
    let cursor = if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|(position, record)| encode_cursor(order, *position, record))
    } else {
        None
    };
    let items: Vec<SchemeView> =
        rows.into_iter().map(|(_, record)| SchemeView::of(record, reference, &definitions)).collect();
    match representation.media {
        Media::Json | Media::Html | Media::Xlsx => {
            Page::new(&req, items, cursor, count).respond(&req, &version, representation)
        }
        Media::Csv => {
            let response =
                http::respond(&req, &version, StatusCode::OK, representation, Body::Csv(csv::schemes(&items)?));
            Ok(super::with_next_link(response, cursor.map(|c| next_url(&req, &c)).as_deref()))
        }
    }
}

/// Get a scheme record
///
/// One scheme record in full: activity, scope, title, `scheme_count`, cost, funding lines (which
/// need not cover the whole cost), indicators and the source's own words.
#[utoipa::path(
    tag = "schemes",
    params(SchemePath),
    responses(
        (status = 200, description = "The scheme record", body = SchemeView, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/schemes/{scheme_id}", wrap = "from_fn(crate::http::cache::serve)")]
pub async fn get_scheme(
    state: web::Data<AppState>,
    path: web::Path<SchemePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let (record, head, definitions) = one_record(&state, &path, true).await?;
    let view = SchemeView::of(record, &state.reference, &definitions);
    http::json(&req, &http::Validators::programme(head.stamp()), &view)
}

/// Record `scheme_id` of programme `id` (404 when either is missing), the programme's head, and
/// its indicator definitions when `definitions` and the record has indicators.
async fn one_record(
    state: &AppState,
    path: &SchemePath,
    definitions: bool,
) -> Result<(SchemeRecord<Money>, crate::storage::ProgrammeHead, Vec<IndicatorDefinition>)> {
    let (mut snapshot, head) = programme_snapshot(state, &path.id).await?;
    let record = snapshot.scheme(&path.id, &path.scheme_id).await?;
    let definitions = match definitions {
        true => definitions_for(&mut snapshot, &path.id, record.iter()).await?,
        false => Vec::new(),
    };
    snapshot.finish().await?;
    let record = record.ok_or_else(|| missing_scheme(&path.id, &path.scheme_id))?;
    Ok((record, head, definitions))
}

/// Get a scheme record as the document has it
///
/// The record in the programme document's own shape, the body `PUT …/schemes/{scheme_id}`
/// takes: what a mirror fetches when `GET /changes` names `scheme_id`. Its `ETag` is the
/// programme's version.
#[utoipa::path(
    tag = "programmes",
    params(SchemePath),
    responses(
        (status = 200, description = "The scheme record", body = SchemeRecord<String>, headers(("ETag" = String))),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/schemes/{scheme_id}/record")]
pub async fn get_scheme_record(
    state: web::Data<AppState>,
    path: web::Path<SchemePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let (record, head, _) = one_record(&state, &path, false).await?;
    http::document(&req, &http::Validators::programme(head.stamp()), &record)
}

/// The programme's indicator definitions, read only when one of `records` has an indicator.
async fn definitions_for<'a>(
    snapshot: &mut Snapshot,
    programme_id: &str,
    mut records: impl Iterator<Item = &'a SchemeRecord<Money>>,
) -> Result<Vec<IndicatorDefinition>, ApiError> {
    if records.any(|r| !r.indicators.is_empty()) {
        Ok(snapshot.indicator_definitions(programme_id).await?)
    } else {
        Ok(Vec::new())
    }
}

fn missing_scheme(programme_id: &str, scheme_id: &str) -> ApiError {
    ApiError::scheme_not_found(programme_id, scheme_id)
}

/// A write's NotFound, and a failed If-Match on a programme that does not exist, as 404.
pub fn missing_programme(error: WriteError, programme_id: &str) -> ApiError {
    match error {
        WriteError::PreconditionFailed { current: None, .. } => ApiError::programme_not_found(programme_id),
        other => other.into(),
    }
}

/// Reads a scheme record from the body; its `id` must be `expected` when one is given.
async fn record_body(
    req: &HttpRequest,
    state: &AppState,
    payload: web::Payload,
    expected: Option<&str>,
) -> Result<SchemeRecord<String>> {
    let body = http::json_body(req, payload, (state.limits.body, state.limits.idle)).await?;
    let record: SchemeRecord<String> = parse_part(&body).map_err(|v| ApiError::Unprocessable(v.into()))?;
    if let Some(expected) = expected.filter(|e| *e != record.id) {
        return Err(ApiError::Unprocessable(Violations::from(Violation {
            pointer: "/id".into(),
            detail: Message::new("scheme-id-not-path")
                .word("id", format!("{:?}", record.id))
                .word("path", format!("{expected:?}")),
        })));
    }
    // What the record alone breaks is said first (422), before its precondition is checked;
    // its indicators are checked against the programme's definitions with the edit.
    check_record(record.clone(), "", None, &state.reference).map_err(ApiError::Unprocessable)?;
    Ok(record)
}

/// What an edit does to one record.
enum RecordChange {
    /// Adds the record; its id must be new.
    Create(SchemeRecord<String>),
    /// Puts the record in place of the one with its id, or after the last one.
    Replace(SchemeRecord<String>),
    /// Deletes the record with this id.
    Delete(String),
}

impl RecordChange {
    fn id(&self) -> &str {
        match self {
            RecordChange::Create(r) | RecordChange::Replace(r) => &r.id,
            RecordChange::Delete(id) => id,
        }
    }
}

/// Makes one record's edit (whose body was checked on its own): a stale `If-Match` is refused
/// with one indexed read; the programme's
/// sums and the record are read in a snapshot; the record is checked and the sums made again off
/// the workers; then only the record's rows and the sums are written, if the programme is still
/// at the version read (with `If-Match: *`, once more against a newer one; else 412). Violations
/// point into the request body.
async fn edit_record(
    state: &AppState,
    programme_id: &str,
    (actor, precondition): (Actor, Precondition),
    change: RecordChange,
) -> Result<Written> {
    edit_at_version(
        state,
        programme_id,
        &precondition,
        async || prepare_edit(state, programme_id, &precondition, &change).await,
        async |edit| state.db.edit_record(edit, &precondition, &actor).await,
    )
    .await
}

/// An edit made against the version of the programme it read: a stale `If-Match` refused with
/// one indexed read first; then `prepare` (reading a snapshot, checking off the workers) and
/// `write` (under the write lock, only if the programme is still at the version read). When it
/// moved on to a version the precondition allows (`If-Match: *`), the edit is made once more.
pub async fn edit_at_version<E>(
    state: &AppState,
    programme_id: &str,
    precondition: &Precondition,
    prepare: impl AsyncFn() -> Result<E>,
    write: impl AsyncFn(&E) -> std::result::Result<Written, WriteError>,
) -> Result<Written> {
    state.db.check_precondition(programme_id, precondition).await.map_err(|e| missing_programme(e, programme_id))?;
    let mut retried = false;
    loop {
        let edit = prepare().await?;
        match write(&edit).await {
            Err(WriteError::Moved(_)) if !retried => retried = true,
            written => return written.map_err(|e| missing_programme(e, programme_id)),
        }
    }
}

/// The edit `change` makes to the programme as a snapshot of it has it now.
async fn prepare_edit(
    state: &AppState,
    programme_id: &str,
    precondition: &Precondition,
    change: &RecordChange,
) -> Result<RecordEdit> {
    let (mut snapshot, head, read_at) = edit_snapshot(state, programme_id, precondition).await?;
    let definitions = snapshot.indicator_definitions(programme_id).await?;
    let sums = snapshot.sums(programme_id).await?;
    let reported = snapshot.reported(&head).await?;
    let before = snapshot.scheme(programme_id, change.id()).await?;
    snapshot.finish().await?;
    let (operation, new) = match (change, &before) {
        (RecordChange::Create(record), Some(_)) => {
            return Err(ApiError::Unprocessable(Violations::from(Violation {
                pointer: "/id".into(),
                detail: Message::new("scheme-id-taken").word("id", format!("{:?}", record.id)),
            })));
        }
        (RecordChange::Delete(id), None) => return Err(ApiError::scheme_not_found(programme_id, id)),
        (RecordChange::Create(record), None) => (Operation::CreateScheme(record.id.clone()), Some(record.clone())),
        (RecordChange::Replace(record), _) => (Operation::ReplaceScheme(record.id.clone()), Some(record.clone())),
        (RecordChange::Delete(id), Some(_)) => (Operation::DeleteScheme(id.clone()), None),
    };
    let records: i64 = sums.records.iter().map(|r| r.records).sum();
    if before.is_none() && records >= MAX_RECORDS {
        let too_many = Violation { pointer: String::new(), detail: Message::new("too-many-records") };
        return Err(ApiError::Unprocessable(too_many.into()));
    }
    let reference = state.reference.clone();
    let programme_id = programme_id.to_string();
    let read_modified = head.stamp().modified;
    web::block(move || {
        let after = new.map(|record| check_record(record, "", Some(&definitions), &reference)).transpose()?;
        let sums = sums.with_change(before.as_ref(), after.as_ref().map(|a| (a, "")), &definitions, &reference)?;
        Ok::<_, Violations>(RecordEdit {
            programme_id,
            operation,
            read_at,
            read_modified,
            before,
            after,
            sums,
            definitions,
            reported,
        })
    })
    .await
    .map_err(|e| ApiError::Internal(anyhow::anyhow!("the edit task failed: {e}")))?
    .map_err(ApiError::Unprocessable)
}

/// A snapshot for an edit, the programme's head, and the version it read, which `precondition`
/// must allow.
pub async fn edit_snapshot(
    state: &AppState,
    programme_id: &str,
    precondition: &Precondition,
) -> Result<(Snapshot, ProgrammeHead, i64)> {
    // The primary's: the edit is written there, against the version it read.
    let mut snapshot = state.db.primary_snapshot().await?;
    let Some(head) = snapshot.programme(programme_id).await? else {
        snapshot.finish().await?;
        return Err(ApiError::programme_not_found(programme_id));
    };
    let read_at = head.stamp().version;
    if !precondition.allows(Some(read_at)) {
        snapshot.finish().await?;
        let asked = precondition.clone();
        return Err(WriteError::PreconditionFailed { current: Some(read_at), asked }.into());
    }
    Ok((snapshot, head, read_at))
}

/// The most records a programme may have (as `document::check` allows).
const MAX_RECORDS: i64 = 2_000_000;

/// Add a scheme record
///
/// Appends a scheme record to the programme. The whole programme is validated as for an import;
/// problems with the record point into the request body. Needs `If-Match` with the programme's
/// current ETag and a `write` token.
#[utoipa::path(
    tag = "writes",
    params(ProgrammePath, ("If-Match" = String, Header, description = "The programme's current ETag from any GET of it, e.g. `\"42-json\"` (or `*`: any version)")),
    request_body(content = SchemeRecord<String>, content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Added", body = WriteResult, headers(("ETag" = String), ("Location" = String))),
        (status = 404, response = NotFound),
        (status = 428, response = PreconditionRequired),
        WriteErrors,
        BodyErrors,
    )
)]
#[post("/programmes/{id}/schemes")]
pub async fn post_scheme(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse> {
    let writer = (authorize(&req, &state.db, Scope::Write).await?, http::require_if_match(&req)?);
    let record = record_body(&req, &state, payload, None).await?;
    let location = format!("/programmes/{}/schemes/{}", path.id, record.id);
    let result = edit_record(&state, &path.id, writer, RecordChange::Create(record)).await?;
    let mut response = written(&req, &state, result, None, None)?;
    *response.status_mut() = StatusCode::CREATED;
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    Ok(response)
}

/// Replace a scheme record
///
/// Replaces the scheme record with this id (or appends it when there is none). The body's `id`
/// must be the one in the path. Needs `If-Match` with the programme's current ETag and a `write`
/// token.
#[utoipa::path(
    tag = "writes",
    params(SchemePath, ("If-Match" = String, Header, description = "The programme's current ETag from any GET of it, e.g. `\"42-json\"` (or `*`: any version)")),
    request_body(content = SchemeRecord<String>, content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Replaced", body = WriteResult, headers(("ETag" = String))),
        (status = 404, response = NotFound),
        (status = 428, response = PreconditionRequired),
        WriteErrors,
        BodyErrors,
    )
)]
#[put("/programmes/{id}/schemes/{scheme_id}")]
pub async fn put_scheme(
    state: web::Data<AppState>,
    path: web::Path<SchemePath>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse> {
    let writer = (authorize(&req, &state.db, Scope::Write).await?, http::require_if_match(&req)?);
    let record = record_body(&req, &state, payload, Some(&path.scheme_id)).await?;
    let result = edit_record(&state, &path.id, writer, RecordChange::Replace(record)).await?;
    written(&req, &state, result, None, None)
}

/// Delete a scheme record
///
/// Removes the scheme record, its funding lines and indicators. Needs `If-Match` with the
/// programme's current ETag and a `write` token.
#[utoipa::path(
    tag = "writes",
    params(SchemePath, ("If-Match" = String, Header, description = "The programme's current ETag from any GET of it, e.g. `\"42-json\"` (or `*`: any version)")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Deleted", body = WriteResult, headers(("ETag" = String))),
        (status = 404, response = NotFound),
        (status = 428, response = PreconditionRequired),
        WriteErrors,
    )
)]
#[delete("/programmes/{id}/schemes/{scheme_id}")]
pub async fn delete_scheme(
    state: web::Data<AppState>,
    path: web::Path<SchemePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let writer = (authorize(&req, &state.db, Scope::Write).await?, http::require_if_match(&req)?);
    let result = edit_record(&state, &path.id, writer, RecordChange::Delete(path.scheme_id.clone())).await?;
    written(&req, &state, result, None, None)
}
