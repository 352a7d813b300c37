//! HTTP routes: one module per resource, each with a `configure` that registers its handlers.

mod breakdown;
mod indicators;
mod programmes;
mod reference;
mod schemes;
mod totals;

use actix_web::{HttpRequest, HttpResponse, web};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::domain::reference::Reference;
use crate::error::{ApiError, ProblemType, generic_problem, problem_response};
use crate::storage::Db;

/// What every handler shares: the database and the reference data (fixed by the migrations).
pub struct AppState {
    pub db: Db,
    pub reference: Reference,
}

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.configure(programmes::configure)
        .configure(totals::configure)
        .configure(schemes::configure)
        .configure(breakdown::configure)
        .configure(indicators::configure)
        .configure(reference::configure);
}

/// A page of a list: its items and the URL of the next page (null on the last page).
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Absolute URL of the next page, or null when this is the last.
    #[schema(example = "http://127.0.0.1:8080/programmes/2016-2020/schemes?limit=2&cursor=djE6MQ")]
    pub next: Option<String>,
}

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 500;

/// `limit` and `cursor`, shared by every list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500, example = 50)]
    pub limit: Option<String>,
    /// Opaque: the `cursor` of a `next` URL.
    pub cursor: Option<String>,
}

impl Paging {
    pub fn limit(&self) -> Result<i64, ApiError> {
        let Some(text) = &self.limit else {
            return Ok(DEFAULT_LIMIT);
        };
        match text.parse::<i64>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            _ => Err(ApiError::bad_parameter(
                "limit",
                format!("{text:?} is not a whole number from 1 to {MAX_LIMIT}"),
            )),
        }
    }

    /// The cursor's text, or None on the first page. Cursors are opaque to clients.
    pub fn cursor(&self) -> Result<Option<String>, ApiError> {
        let Some(cursor) = &self.cursor else {
            return Ok(None);
        };
        URL_SAFE_NO_PAD
            .decode(cursor)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| text.strip_prefix("v1:").map(str::to_string))
            .map(Some)
            .ok_or_else(|| {
                ApiError::bad_parameter(
                    "cursor",
                    "is not a cursor this API gave out; start again without it",
                )
            })
    }
}

/// The absolute URL of the page after this one: the same query with `cursor` replaced.
pub fn next_url(req: &HttpRequest, cursor: &str) -> String {
    let encoded = URL_SAFE_NO_PAD.encode(format!("v1:{cursor}"));
    let mut query: Vec<(String, String)> =
        serde_urlencoded::from_str::<Vec<(String, String)>>(req.query_string())
            .unwrap_or_default()
            .into_iter()
            .filter(|(k, _)| k != "cursor")
            .collect();
    query.push(("cursor".into(), encoded));
    let query = serde_urlencoded::to_string(&query).unwrap_or_default();
    // Host and scheme of this connection; forwarded headers are not trusted here.
    let host = req
        .headers()
        .get(actix_web::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .map_or_else(|| req.app_config().host().to_string(), str::to_string);
    let scheme = if req.app_config().secure() {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}{}?{query}", req.path())
}

/// Answers unknown routes with a 404 problem.
pub async fn not_found(req: HttpRequest) -> HttpResponse {
    let problem = generic_problem(
        ProblemType::NotFound,
        actix_web::http::StatusCode::NOT_FOUND,
        format!(
            "no resource at {}; see /openapi.json for the API's paths",
            req.path()
        ),
    );
    problem_response(actix_web::http::StatusCode::NOT_FOUND, &problem)
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
        match parameter {
            Some(p) => ApiError::bad_parameter(&p, detail).into(),
            None => ApiError::BadRequest {
                detail,
                errors: Vec::new(),
            }
            .into(),
        }
    })
}

pub fn path_config() -> web::PathConfig {
    web::PathConfig::default()
        .error_handler(|err, _req| ApiError::NotFound(format!("no such resource: {err}")).into())
}

/// serde names the field in backquotes (`unknown field `x``, `duplicate field `limit``).
fn parameter_named_in(detail: &str) -> Option<String> {
    let start = detail.find('`')? + 1;
    let len = detail[start..].find('`')?;
    Some(detail[start..start + len].to_string())
}

/// Checks an optional key against the allowed ones: 400 listing them when unknown.
pub fn known_key<'a>(
    parameter: &str,
    value: Option<&'a str>,
    allowed: &[&str],
) -> Result<Option<&'a str>, ApiError> {
    match value {
        Some(v) if !allowed.contains(&v) => Err(ApiError::bad_value(parameter, v, allowed)),
        other => Ok(other),
    }
}

pub fn not_found_programme(id: &str) -> ApiError {
    ApiError::NotFound(format!("programme {id:?} not found"))
}
