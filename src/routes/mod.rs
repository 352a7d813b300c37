//! HTTP routes: one module per resource, each with a `configure` that registers its handlers.

pub(crate) mod across;
mod audit;
mod breakdown;
mod changes;
mod downloads;
mod drafts;
mod export;
mod health;
mod indicators;
mod pages;
mod programmes;
mod reference;
mod reported;
mod schemes;
mod totals;

use actix_web::{HttpRequest, web};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::domain::reference::Reference;
use crate::http::error::ApiError;
use crate::http::heavy;
use crate::http::respond as http;
use crate::i18n::Message;
use crate::storage::{Db, ProgrammeHead, Snapshot};

/// What every handler shares: the database and the reference data (fixed by the migrations).
pub struct AppState {
    pub db: Db,
    pub reference: Reference,
    /// The jurisdictions, then and now (fixed by the migrations, like the reference data).
    pub jurisdictions: crate::domain::jurisdiction::Jurisdictions,
    pub limits: BodyLimits,
    /// Permits and deadlines of whole-programme downloads.
    pub heavy: heavy::HeavyReads,
}

/// Request body limits, in bytes.
#[derive(Clone, Copy, Debug)]
pub struct BodyLimits {
    pub body: usize,
    pub import: usize,
    /// How long a body may stop arriving before 408.
    pub idle: std::time::Duration,
}

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    // The router tries resources in this order, and each dynamic path costs a regex match: fixed
    // paths first (a string compare each), then the reads in the order of their traffic, the
    // aggregates first, and the writes last.
    cfg.configure(health::configure)
        .configure(reference::configure)
        .configure(totals::configure)
        .configure(breakdown::configure)
        .configure(across::configure)
        .configure(schemes::configure)
        .configure(downloads::configure)
        .configure(programmes::configure)
        .configure(indicators::configure)
        .configure(export::configure)
        .configure(reported::configure)
        .configure(changes::configure)
        .configure(audit::configure)
        .configure(drafts::configure)
        .configure(pages::configure);
}

/// A page of a list: its items, where the next page starts (null on the last page) and how many
/// items match over all pages.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Absolute URL of the next page, or null when this is the last; also sent as
    /// `Link: <…>; rel="next"`.
    #[schema(example = "http://127.0.0.1:8080/programmes/2016-2020/schemes?limit=2&cursor=1.management-capacity")]
    pub next: Option<String>,
    /// The `cursor` of the next page (the same request with `cursor` set to it is `next`), or
    /// null when this is the last. Take it as it is; do not build one.
    #[schema(example = "1.management-capacity")]
    pub next_cursor: Option<String>,
    /// How many items match the request over all pages.
    #[schema(example = 7)]
    pub count: i64,
}

impl<T: Serialize> Page<T> {
    /// The page of `items` whose next page starts after `cursor` (None: the last page).
    pub fn new(req: &HttpRequest, items: Vec<T>, cursor: Option<String>, count: i64) -> Page<T> {
        Page { items, next: cursor.as_deref().map(|c| next_url(req, c)), next_cursor: cursor, count }
    }

    /// The page as JSON at `validators`, with `Link: <next>; rel="next"` when there is a next page.
    pub fn respond(
        &self,
        req: &HttpRequest,
        validators: &http::Validators,
        representation: http::Representation,
    ) -> Result<actix_web::HttpResponse, ApiError> {
        Ok(with_next_link(http::json_as(req, validators, representation, self)?, self.next.as_deref()))
    }
}

/// `response` with `Link: <next>; rel="next"` (RFC 8288) when there is a next page.
pub fn with_next_link(mut response: actix_web::HttpResponse, next: Option<&str>) -> actix_web::HttpResponse {
    if response.status() == actix_web::http::StatusCode::OK
        && let Some(link) =
            next.and_then(|n| actix_web::http::header::HeaderValue::from_str(&format!("<{n}>; rel=\"next\"")).ok())
    {
        response.headers_mut().insert(actix_web::http::header::LINK, link);
    }
    response
}

/// A cursor that is not one this API gives out.
pub fn bad_cursor() -> ApiError {
    ApiError::bad_parameter("cursor", Message::new("parameter-not-a-cursor"))
}

/// The absolute URL of the page after this one: the same query with `cursor` replaced.
pub fn next_url(req: &HttpRequest, cursor: &str) -> String {
    with_query_value(req, "cursor", cursor)
}

/// This request's absolute URL with the query parameter `name` set to `value`.
pub fn with_query_value(req: &HttpRequest, name: &str, value: &str) -> String {
    let mut query: Vec<(String, String)> = serde_urlencoded::from_str::<Vec<(String, String)>>(req.query_string())
        .unwrap_or_default()
        .into_iter()
        .filter(|(k, _)| k != name)
        .collect();
    query.push((name.into(), value.to_string()));
    let query = serde_urlencoded::to_string(&query).unwrap_or_default();
    format!("{}{}?{query}", base_url(req), req.path())
}

/// The client's scheme and host (`http://127.0.0.1:8080`); forwarded ones only from trusted
/// proxies.
pub fn base_url(req: &HttpRequest) -> String {
    let (scheme, host) = req
        .app_data::<web::Data<crate::http::network::TrustedProxies>>()
        .map(|p| p.origin(req))
        .unwrap_or_else(|| crate::http::network::TrustedProxies::default().origin(req));
    format!("{scheme}://{host}")
}

/// Query strings that do not parse (a number that is not one, an unknown or repeated
/// parameter) become 400 problems instead of actix's plain-text answer.
pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, _req| {
        let detail = match &err {
            actix_web::error::QueryPayloadError::Deserialize(e) => e.to_string(),
            other => other.to_string(),
        };
        let parameter = parameter_named_in(&detail);
        // serde's words are English: each kind of failure gets a message of the catalog, and
        // serde's own text is kept for the English one only.
        let kind = if detail.starts_with("duplicate field") {
            "parameter-repeated"
        } else if detail.starts_with("missing field") {
            "parameter-absent"
        } else {
            "parameter-parser"
        };
        match parameter {
            Some(p) => ApiError::bad_parameter(&p, Message::new(kind).word("detail", detail)).into(),
            None => {
                ApiError::BadRequest { detail: Message::new("query-parser").word("detail", detail), errors: Vec::new() }
                    .into()
            }
        }
    })
}

pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|err, _req| {
        ApiError::NotFound(Message::new("path-parser").word("detail", err.to_string())).into()
    })
}

/// serde names the field in backquotes (`unknown field `x``, `duplicate field `limit``).
fn parameter_named_in(detail: &str) -> Option<String> {
    let start = detail.find('`')? + 1;
    let len = detail[start..].find('`')?;
    Some(detail[start..start + len].to_string())
}

/// Checks an optional key against the allowed ones: 400 listing them when unknown.
pub fn known_key<'a>(parameter: &str, value: Option<&'a str>, allowed: &[&str]) -> Result<Option<&'a str>, ApiError> {
    match value {
        Some(v) if !allowed.contains(&v) => Err(ApiError::bad_value(parameter, v, allowed)),
        other => Ok(other),
    }
}

pub use crate::domain::reference::{activity_schema, scope_schema, source_schema};

/// The validators of reference data: the database-wide version.
pub async fn data_validators(state: &AppState) -> Result<http::Validators, ApiError> {
    let mut snapshot = state.db.snapshot().await?;
    let stamp = snapshot.data_stamp().await?;
    snapshot.finish().await?;
    Ok(http::Validators::data(stamp))
}

/// Opens a snapshot and reads programme `id`'s row in it (404 when there is none): every read
/// of a programme's resources starts here, so its ETag is the version its body shows.
pub async fn programme_snapshot(state: &AppState, id: &str) -> Result<(Snapshot, ProgrammeHead), ApiError> {
    let mut snapshot = state.db.snapshot().await?;
    let head = snapshot.programme(id).await?.ok_or_else(|| ApiError::programme_not_found(id))?;
    Ok((snapshot, head))
}
