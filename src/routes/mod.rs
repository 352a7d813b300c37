//! HTTP routes: one module per resource, each with a `configure` that registers its handlers.

mod audit;
mod breakdown;
mod changes;
mod downloads;
mod export;
mod health;
mod indicators;
mod pages;
mod programmes;
mod reference;
mod reported;
mod schemes;
mod totals;

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::domain::reference::Reference;
use crate::http::context::{Route, Routes};
use crate::http::error::{ApiError, ProblemType, generic_problem};
use crate::http::heavy;
use crate::http::respond as http;
use crate::i18n::Message;
use crate::storage::{Db, ProgrammeHead, Snapshot};

/// What every handler shares: the database and the reference data (fixed by the migrations).
pub struct AppState {
    pub db: Db,
    pub reference: Reference,
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
        .configure(schemes::configure)
        .configure(downloads::configure)
        .configure(programmes::configure)
        .configure(indicators::configure)
        .configure(export::configure)
        .configure(reported::configure)
        .configure(changes::configure)
        .configure(audit::configure)
        .configure(pages::configure);
}

/// A page of a list: its items and the URL of the next page (null on the last page).
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Absolute URL of the next page, or null when this is the last.
    #[schema(example = "http://127.0.0.1:8080/programmes/2016-2020/schemes?limit=2&cursor=1.management-capacity")]
    pub next: Option<String>,
    /// How many items match the request over all pages (the scheme list, the programme list);
    /// null where a list does not count them (the audit trail).
    #[schema(example = 7)]
    pub count: Option<i64>,
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
    // The client's scheme and host; forwarded ones only from trusted proxies.
    let (scheme, host) = req
        .app_data::<web::Data<crate::http::network::TrustedProxies>>()
        .map(|p| p.origin(req))
        .unwrap_or_else(|| crate::http::network::TrustedProxies::default().origin(req));
    format!("{scheme}://{host}{}?{query}", req.path())
}

/// Query parameters kept for 0.1 clients but no longer in the documented contract (0.2.0):
/// `format=csv` on the list and the breakdown (see the README's changelog).
const LEGACY_QUERY: [(&str, &str, &str); 2] =
    [("/programmes/{id}/schemes", "GET", "format"), ("/programmes/{id}/breakdown", "GET", "format")];

/// The methods each documented path answers and the query parameters each operation takes,
/// taken from the OpenAPI document (itself collected from the handlers): so that a wrong method
/// gets 405 with `Allow` rather than 404, and one rule for query parameters holds everywhere.
/// Its [`Routes`] are the one lookup of a request's route (`http::screen`).
pub struct Methods {
    pub routes: Routes,
    /// By route index: the methods (for `Allow`), and each method's query parameters.
    operations: Vec<Operations>,
}

/// A path's methods (for `Allow`) and each method's query parameters.
type Operations = (String, Vec<(&'static str, Vec<String>)>);

/// Paths the server answers that are not operations of the API (no methods or parameters of
/// their own in the document), so that logs and metrics still name their route.
const OTHER_PATHS: [&str; 3] = ["/openapi.json", "/metrics", "/swagger-ui/{_:.*}"];

impl Methods {
    pub fn from_document(document: &utoipa::openapi::OpenApi) -> Methods {
        use utoipa::openapi::path::ParameterIn;
        let operations = document
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let operations = [
                    ("GET", &item.get),
                    ("PUT", &item.put),
                    ("POST", &item.post),
                    ("DELETE", &item.delete),
                    ("PATCH", &item.patch),
                ];
                let present: Vec<(&'static str, &utoipa::openapi::path::Operation)> =
                    operations.iter().filter_map(|(method, op)| op.as_ref().map(|op| (*method, op))).collect();
                let methods: Vec<&str> = present.iter().map(|(method, _)| *method).collect();
                let queries = present
                    .iter()
                    .map(|(method, op)| {
                        let mut names: Vec<String> = op
                            .parameters
                            .iter()
                            .flatten()
                            .filter(|p| matches!(p.parameter_in, ParameterIn::Query))
                            .map(|p| p.name.clone())
                            .collect();
                        let legacy = LEGACY_QUERY.iter().filter(|(p, m, _)| *p == path.as_str() && *m == *method);
                        names.extend(legacy.map(|(_, _, name)| name.to_string()));
                        (*method, names)
                    })
                    .collect();
                (path.as_str(), methods.join(", "), queries)
            })
            .collect::<Vec<_>>();
        let routes = Routes::new(operations.iter().map(|(path, _, _)| *path).chain(OTHER_PATHS));
        Methods { routes, operations: operations.into_iter().map(|(_, allow, queries)| (allow, queries)).collect() }
    }

    fn allowed(&self, path: &str) -> Option<&str> {
        let route = self.routes.find(path)?;
        self.operations.get(route.index).map(|(methods, _)| methods.as_str())
    }

    /// The query parameters of `method` on `route` (HEAD as GET), when it is one of the API's
    /// operations.
    pub fn query_parameters(&self, route: &Route, method: &str) -> Option<&[String]> {
        let method = if method == "HEAD" { "GET" } else { method };
        let (_, queries) = self.operations.get(route.index)?;
        queries.iter().find(|(m, _)| *m == method).map(|(_, names)| names.as_slice())
    }
}

/// What no route answered: 405 with `Allow` for a known path, else 404; problem+json either way.
pub async fn fallback(req: HttpRequest, methods: web::Data<Methods>) -> HttpResponse {
    not_routed(&methods, req.path(), req.method().as_str())
}

/// 405 with `Allow` when `path` is one of the API's, else 404. `method` is named in the detail
/// only when it is short (it may be any token a client invented).
pub fn not_routed(methods: &Methods, path: &str, method: &str) -> HttpResponse {
    if let Some(allow) = methods.allowed(path) {
        let detail = if method.len() <= 16 {
            Message::new("method-not-allowed").word("method", method)
        } else {
            Message::new("method-not-allowed-long")
        }
        .word("allowed", allow);
        let mut response = generic_problem(ProblemType::MethodNotAllowed, &detail);
        if let Ok(value) = HeaderValue::from_str(allow) {
            response.headers_mut().insert(header::ALLOW, value);
        }
        return response;
    }
    let detail = Message::new("path-unknown").word("path", path);
    generic_problem(ProblemType::NotFound, &detail)
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
            Some(p) => ApiError::bad_parameter(&p, Message::new("parameter-parser").word("detail", detail)).into(),
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
