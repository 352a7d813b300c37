//! `GET /audit`: who changed what, when (admin tokens only).

use actix_web::{HttpRequest, get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::{AppState, bad_cursor, next_url, with_next_link};
use crate::http::auth::{Scope, authorize};
use crate::http::error::Result;
use crate::http::error::responses::{BadRequest, Forbidden, TooManyRequests, Unauthorized, Unavailable};
use crate::http::parameters::{self, Limit};
use crate::storage::AuditRow;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_audit);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only writes to this programme.
    #[param(example = "2016-2020", pattern = r"^[^\x00]*$")]
    programme: Option<String>,
    /// Only writes by this actor: a token's name, `cli` or `seed`.
    #[param(example = "so-cong-thuong", pattern = r"^[^\x00]*$")]
    actor: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500, example = 50)]
    limit: Option<String>,
    /// Where the page starts: the `cursor` of a `next` URL.
    #[param(pattern = r"^a[0-9]{1,18}$")]
    cursor: Option<String>,
}

/// The state of the programme on one side of a write: the whole document for a write of the
/// whole programme, the record for a record edit, the reported figures for theirs.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditSide {
    /// The whole programme document, for a write of the whole programme (`seed`, `replace`,
    /// `delete`); null otherwise, when the programme did not exist, or when the document was
    /// over 1 MiB (then only `sha256` and `records` are kept).
    #[schema(value_type = Option<crate::domain::document::ProgrammeDocumentSchema>)]
    pub document: Option<serde_json::Value>,
    /// The scheme record, for a record edit (`create_scheme`, `replace_scheme`,
    /// `delete_scheme`): null before a creation and after a deletion.
    #[schema(value_type = Option<crate::domain::document::SchemeRecord<String>>)]
    pub record: Option<serde_json::Value>,
    /// The reported figures, for `replace_reported`.
    #[schema(value_type = Option<crate::domain::document::Reported<String>>)]
    pub reported: Option<serde_json::Value>,
    /// SHA-256 of the canonical text of what the side holds (the document, record or figures).
    #[schema(example = "9f2c1e0b4a7d3e8f6a5b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f")]
    pub sha256: Option<String>,
    /// Number of scheme records.
    #[schema(example = 7)]
    pub records: Option<i64>,
}

/// A page of the audit trail: its entries, newest first, and where the next page starts. The
/// trail is not counted.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    pub items: Vec<AuditEntry>,
    /// Absolute URL of the next page, or null when this is the last; also sent as
    /// `Link: <…>; rel="next"`.
    #[schema(example = "http://127.0.0.1:8080/audit?limit=50&cursor=a41")]
    pub next: Option<String>,
    /// The `cursor` of the next page, or null when this is the last.
    #[schema(example = "a41")]
    pub next_cursor: Option<String>,
}

/// One successful write.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntry {
    #[schema(example = 42)]
    pub id: i64,
    /// When, in UTC (RFC 3339).
    #[schema(example = "2026-11-26T15:04:05Z")]
    pub at: String,
    /// Who: the token's name, `cli` for the command line, `seed` for the seed load.
    #[schema(example = "so-cong-thuong")]
    pub actor: String,
    #[schema(example = "3f9a1c2e5b7d4a60")]
    pub token_id: Option<String>,
    /// `replace`, `delete`, `create_scheme`, `replace_scheme`, `delete_scheme`, `replace_reported`, `seed`.
    #[schema(example = "replace")]
    pub operation: String,
    #[schema(example = "2016-2020")]
    pub programme_id: String,
    #[schema(example = "vocational-training")]
    pub scheme_id: Option<String>,
    /// The data version the write was recorded at (the programme's new ETag version).
    #[schema(example = 3)]
    pub version: i64,
    pub before: AuditSide,
    pub after: AuditSide,
}

/// One side of an entry of `operation`, holding `kept` where that operation keeps it.
fn side(operation: &str, kept: Option<serde_json::Value>, sha256: Option<String>, records: Option<i64>) -> AuditSide {
    let mut side = AuditSide { document: None, record: None, reported: None, sha256, records };
    // (Entries written before 0.6 kept the whole document for every operation.)
    let whole = kept.as_ref().is_some_and(|k| k.get("schemes").is_some_and(serde_json::Value::is_array));
    match operation {
        _ if whole => side.document = kept,
        "create_scheme" | "replace_scheme" | "delete_scheme" => side.record = kept,
        "replace_reported" => side.reported = kept,
        _ => side.document = kept,
    }
    side
}

fn entry(row: AuditRow) -> AuditEntry {
    let operation = row.operation.clone();
    let parse = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
    AuditEntry {
        id: row.id,
        at: row.at,
        actor: row.actor,
        token_id: row.token_id,
        operation: row.operation,
        programme_id: row.programme_id,
        scheme_id: row.scheme_id,
        version: row.version,
        before: side(&operation, parse(row.before_doc), row.before_sha256, row.before_records),
        after: side(&operation, parse(row.after_doc), row.after_sha256, row.after_records),
    }
}

/// The audit trail
///
/// Every successful write, newest first: who (the token's name), when, what (operation,
/// programme, scheme record) and the programme document before and after. Filter by `programme`
/// or `actor`. Needs an `admin` token.
#[utoipa::path(
    tag = "audit",
    params(AuditQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of audit entries", body = AuditPage),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 429, response = TooManyRequests),
        (status = 503, response = Unavailable),
    )
)]
#[get("/audit")]
pub async fn list_audit(
    state: web::Data<AppState>,
    query: web::Query<AuditQuery>,
    req: HttpRequest,
) -> Result<actix_web::HttpResponse> {
    authorize(&req, &state.db, Scope::Admin).await?;
    let limit = parameters::parse::<Limit>(query.limit.as_deref())?.0;
    let before = match query.cursor.as_deref() {
        Some(text) => Some(
            text.strip_prefix('a')
                .filter(|d| (1..=18).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|d| d.parse::<i64>().ok())
                .ok_or_else(bad_cursor)?,
        ),
        None => None,
    };
    let mut snapshot = state.db.snapshot().await?;
    let mut rows = snapshot.audit(limit + 1, before, query.programme.as_deref(), query.actor.as_deref()).await?;
    snapshot.finish().await?;
    let next_cursor = if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|r| format!("a{}", r.id))
    } else {
        None
    };
    let next = next_cursor.as_deref().map(|c| next_url(&req, c));
    let page = AuditPage { items: rows.into_iter().map(entry).collect(), next, next_cursor };
    // The trail is never cached: an admin reads it as it is now.
    let body = serde_json::to_vec(&page).map_err(|e| crate::http::error::ApiError::Internal(e.into()))?;
    let response = actix_web::HttpResponse::Ok()
        .content_type(crate::http::respond::Representation::JSON.content_type())
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(body);
    Ok(with_next_link(response, page.next.as_deref()))
}
