//! HTTP mechanics the resources share: ETags and conditional requests, CSV or JSON, bodies.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use std::time::Duration;

use actix_web::web::{Bytes, Payload};
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};
use futures_util::StreamExt;
use serde::Serialize;

use crate::http::error::ApiError;
use crate::i18n::{Lang, Message};
use crate::storage::{Precondition, Stamp};

/// The media types of programme data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Media {
    Json,
    Csv,
    Html,
    Xlsx,
}

/// A response's representation, beyond its resource and data version: its media type, whether
/// the client chose it (by `Accept` or `format`), and its language (JSON's messages by
/// `Accept-Language`; a page's by its path, or by `Accept-Language` at `/`). Defined once, here:
/// the ETag's suffix (`"42-json"`, `"42-json-vi"`, `"42-html-en"`), `Vary` and
/// `Content-Language` derive from it, and the response cache keys on it (with the route's
/// parsed parameters and, for pages, the origin of their links), never on raw headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Representation {
    pub media: Media,
    negotiated: bool,
    pub lang: Lang,
    /// The language was chosen by `Accept-Language` (not by the path).
    lang_negotiated: bool,
    /// A CSV that begins with a UTF-8 byte-order mark (`bom=true`).
    pub bom: bool,
}

impl Representation {
    /// JSON in English (what writes and language-free reads answer when nothing else is asked).
    pub const JSON: Representation =
        Representation { media: Media::Json, negotiated: false, lang: Lang::En, lang_negotiated: true, bom: false };
    /// CSV, the only media type of the resource (`schemes.csv`, `breakdown.csv`): no language.
    pub const CSV: Representation =
        Representation { media: Media::Csv, negotiated: false, lang: Lang::En, lang_negotiated: false, bom: false };

    pub const XLSX_TYPE: &'static str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// The `.csv` operations' CSV, with a byte-order mark or without.
    pub fn csv(bom: bool) -> Representation {
        Representation { bom, ..Representation::CSV }
    }

    /// The workbook, its sheet and column names in the request's language.
    pub fn xlsx(req: &HttpRequest) -> Representation {
        Representation { media: Media::Xlsx, lang: Lang::of(req), ..Representation::JSON }
    }

    /// JSON, in the request's language.
    pub fn json(req: &HttpRequest) -> Representation {
        Representation { lang: Lang::of(req), ..Representation::JSON }
    }

    /// A page in `lang`; `negotiated` when `Accept-Language` chose it (at `/`).
    pub fn html(lang: Lang, negotiated: bool) -> Representation {
        Representation { media: Media::Html, negotiated: false, lang, lang_negotiated: negotiated, bom: false }
    }

    pub fn suffix(self) -> &'static str {
        match (self.media, self.lang) {
            (Media::Json, Lang::En) => "json",
            (Media::Json, Lang::Vi) => "json-vi",
            (Media::Csv, _) if self.bom => "csv-bom",
            (Media::Csv, _) => "csv",
            (Media::Xlsx, Lang::En) => "xlsx-en",
            (Media::Xlsx, Lang::Vi) => "xlsx-vi",
            (Media::Html, Lang::En) => "html-en",
            (Media::Html, Lang::Vi) => "html-vi",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self.media {
            Media::Json => "application/json",
            Media::Csv => "text/csv; charset=utf-8",
            Media::Html => "text/html; charset=utf-8",
            Media::Xlsx => Representation::XLSX_TYPE,
        }
    }

    /// The `Content-Language` of a body in this representation (none for CSV).
    pub fn content_language(self) -> Option<&'static str> {
        (self.media != Media::Csv).then(|| self.lang.code())
    }

    /// The request headers a response varies by (`Compress` adds `Accept-Encoding`).
    pub fn vary(self) -> &'static str {
        let by_language = self.lang_negotiated && self.media != Media::Csv;
        match (self.negotiated, by_language) {
            (true, true) => "Accept, Accept-Language, Accept-Encoding",
            (true, false) => "Accept, Accept-Encoding",
            (false, true) => "Accept-Language, Accept-Encoding",
            (false, false) => "Accept-Encoding",
        }
    }

    /// CSV when `?format=csv`, or when the client's Accept prefers text/csv; JSON otherwise (in
    /// the request's language).
    pub fn negotiate(req: &HttpRequest, format: Option<&str>) -> Result<Representation, ApiError> {
        let media = |media| Representation {
            media,
            negotiated: true,
            lang: if media == Media::Json { Lang::of(req) } else { Lang::En },
            lang_negotiated: media == Media::Json,
            bom: false,
        };
        match format {
            Some("csv") => return Ok(media(Media::Csv)),
            Some("json") => return Ok(media(Media::Json)),
            Some(other) => return Err(ApiError::bad_value("format", other, &["json", "csv"])),
            None => {}
        }
        Ok(media(if crate::http::context::Asked::of(req).csv { Media::Csv } else { Media::Json }))
    }
}

/// How long shared and private caches may reuse a response without asking again. Short, because
/// a write must show soon everywhere; after it, `must-revalidate` sends them back with
/// `If-None-Match`, which costs a 304.
pub const MAX_AGE_SECS: u32 = 5;

/// The validators of a response: the data version it shows and when that was written.
#[derive(Clone, Debug)]
pub struct Validators {
    /// `""` for a programme's own version, `"all-"` for the database-wide one.
    prefix: &'static str,
    stamp: Stamp,
}

impl Validators {
    /// For a programme's resources: its version, the one `If-Match` checks.
    pub fn programme(stamp: Stamp) -> Validators {
        Validators { prefix: "", stamp }
    }

    /// For lists and reference data: the database-wide version, which moves with any write.
    pub fn data(stamp: Stamp) -> Validators {
        Validators { prefix: "all-", stamp }
    }

    /// The strong ETag in one representation: `"42-json"`, or `"all-42-json"` for lists.
    pub fn etag(&self, representation: Representation) -> String {
        format!("\"{}{}-{}\"", self.prefix, self.stamp.version, representation.suffix())
    }

    /// `Last-Modified` as an HTTP date, when the time is known.
    fn last_modified(&self) -> Option<String> {
        let text = self.stamp.modified.as_deref()?;
        let time = time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).ok()?;
        Some(header::HttpDate::from(std::time::SystemTime::from(time)).to_string())
    }
}

/// The content codings `Compress` may apply; a coded body's ETag ends in one (`"42-json-gzip"`).
const CODINGS: [&str; 4] = ["gzip", "br", "zstd", "deflate"];

/// Whether an `If-None-Match` value holds `tag` (in any content coding) or is `*`.
pub fn none_match(if_none_match: &str, tag: &str) -> bool {
    let value = if_none_match.trim();
    value == "*" || value.split(',').any(|t| same_tag(t, tag))
}

/// Weak comparison (RFC 9110 §8.8.3.2, which `If-None-Match` uses): `W/"42-json"` holds
/// `"42-json"`; and a tag in one content coding holds the same representation in any other
/// (`"42-json-gzip"` holds `"42-json-br"` and `"42-json"`: the coding changes the bytes on the
/// wire, not what they say).
fn same_tag(asked: &str, tag: &str) -> bool {
    let (asked, tag) = (asked.trim(), tag.trim());
    let asked = asked.strip_prefix("W/").unwrap_or(asked);
    asked == tag || stem(asked) == stem(tag)
}

/// A tag without its coding: `"42-json-gzip"` → `42-json`.
fn stem(tag: &str) -> &str {
    let inner = tag.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(tag);
    match inner.rsplit_once('-') {
        Some((stem, coding)) if CODINGS.contains(&coding) => stem,
        _ => inner,
    }
}

/// `"42-json-gzip"` → `"42-json"` (with its quotes); None for a tag with no coding.
fn strip_coding(tag: &str) -> Option<String> {
    let inner = tag.strip_prefix('"')?.strip_suffix('"')?;
    let (stem, coding) = inner.rsplit_once('-')?;
    CODINGS.contains(&coding).then(|| format!("\"{stem}\""))
}

/// The version an ETag names (any representation or coding); None for weak or foreign tags,
/// and for the database-wide tags of lists, which no write can name.
fn version_of(tag: &str) -> Option<i64> {
    let tag = strip_coding(tag.trim()).unwrap_or_else(|| tag.trim().to_string());
    let inner = tag.strip_prefix('"')?.strip_suffix('"')?;
    let (version, suffix) = inner.split_once('-')?;
    matches!(suffix, "json" | "json-vi" | "csv" | "csv-bom" | "html-en" | "html-vi" | "xlsx-en" | "xlsx-vi")
        .then(|| version.parse().ok())
        .flatten()
}

/// The data version a response's ETag shows, for a programme's resources and for lists alike
/// (`"42-json-gzip"` and `"all-42-json"` both show 42): a version no later response may go back
/// from. None for tags this API did not give out.
pub fn shown_version(tag: &str) -> Option<i64> {
    let tag = tag.trim();
    match tag.strip_prefix("\"all-") {
        Some(rest) => version_of(&format!("\"{rest}")),
        None => version_of(tag),
    }
}

/// What `If-Match` / `If-None-Match: *` ask of a write. A tag this API did not give out
/// (or a weak one) can never match, so it yields a version no programme has.
pub fn precondition(req: &HttpRequest) -> Precondition {
    let header_text = |name| req.headers().get(name).and_then(|h: &HeaderValue| h.to_str().ok()).map(str::trim);
    if let Some(value) = header_text(header::IF_MATCH) {
        if value == "*" {
            return Precondition::Exists;
        }
        return Precondition::Versions(value.split(',').map(|t| version_of(t).unwrap_or(-1)).collect());
    }
    if header_text(header::IF_NONE_MATCH) == Some("*") {
        return Precondition::Absent;
    }
    Precondition::None
}

/// Fine-grained edits must say which version they edit.
pub fn require_if_match(req: &HttpRequest) -> Result<Precondition, ApiError> {
    match precondition(req) {
        Precondition::None | Precondition::Absent => {
            Err(ApiError::PreconditionRequired(Message::new("edit-needs-if-match")))
        }
        other => Ok(other),
    }
}

/// Whether an `If-None-Match` header (when there is one) already holds `tag`.
pub fn not_modified(if_none_match: Option<&HeaderValue>, tag: &str) -> bool {
    if_none_match.and_then(|h| h.to_str().ok()).is_some_and(|value| none_match(value, tag))
}

/// The headers a 200 and a 304 of a resource carry (`Cache-Control` only on reads: the answer to
/// a write is not a representation to reuse).
fn with_validators(
    mut builder: HttpResponseBuilder,
    req: &HttpRequest,
    validators: &Validators,
    representation: Representation,
) -> HttpResponseBuilder {
    let tag = validators.etag(representation);
    builder.insert_header((header::ETAG, tag.to_string())).insert_header((header::VARY, representation.vary()));
    if let Some(language) = representation.content_language() {
        builder.insert_header((header::CONTENT_LANGUAGE, language));
    }
    if req.method() == Method::GET {
        builder.insert_header((header::CACHE_CONTROL, format!("public, max-age={MAX_AGE_SECS}, must-revalidate")));
    }
    if let Some(date) = validators.last_modified() {
        builder.insert_header((header::LAST_MODIFIED, date));
    }
    builder
}

/// A response about data at `validators`: its ETag, `Last-Modified`, `Cache-Control`,
/// `Vary: Accept`, and 304 when the client already has it. Reads only: see [`written`].
pub fn respond(
    req: &HttpRequest,
    validators: &Validators,
    status: StatusCode,
    representation: Representation,
    body: Body,
) -> HttpResponse {
    if status == StatusCode::OK
        && let Some(not_modified) = not_modified_response(req, validators, representation)
    {
        return not_modified;
    }
    build(req, validators, status, representation, body)
}

/// A 304 when the client's If-None-Match already holds this representation at `validators`.
pub fn not_modified_response(
    req: &HttpRequest,
    validators: &Validators,
    representation: Representation,
) -> Option<HttpResponse> {
    let asked = req.headers().get(header::IF_NONE_MATCH)?;
    let ok = with_validators(HttpResponse::Ok(), req, validators, representation).finish();
    not_modified_from(Some(asked), ok.headers().get(header::ETAG)?, ok.headers().iter())
}

/// The headers a 304 repeats from the 200 it stands for (RFC 9110 §15.4.5).
const NOT_MODIFIED_HEADERS: [header::HeaderName; 5] =
    [header::ETAG, header::VARY, header::CACHE_CONTROL, header::LAST_MODIFIED, header::CONTENT_LANGUAGE];

/// The one place a 304 is made: when `asked` (the client's If-None-Match) holds `etag`, the tag
/// of a 200 with `headers`, the 304 that stands for that 200, repeating its validators.
pub fn not_modified_from<'a>(
    asked: Option<&HeaderValue>,
    etag: &HeaderValue,
    headers: impl Iterator<Item = (&'a header::HeaderName, &'a HeaderValue)>,
) -> Option<HttpResponse> {
    if !not_modified(asked, etag.to_str().ok()?) {
        return None;
    }
    let mut response = HttpResponse::NotModified();
    for (name, value) in headers.filter(|(name, _)| NOT_MODIFIED_HEADERS.contains(name)) {
        response.insert_header((name.clone(), value.clone()));
    }
    Some(response.finish())
}

/// A 200 whose body is streamed (a download; see `http::heavy`), as `representation`.
pub fn streamed(
    req: &HttpRequest,
    validators: &Validators,
    representation: Representation,
    body: impl futures_util::Stream<Item = Result<Bytes, actix_web::Error>> + 'static,
) -> HttpResponse {
    with_validators(HttpResponse::Ok(), req, validators, representation)
        .content_type(representation.content_type())
        .streaming(body)
}

/// The answer to a write that took effect: its new ETag, never a 304. On a write, If-Match and
/// If-None-Match are RFC 9110's preconditions (checked with the write), not cache validators.
pub fn written(req: &HttpRequest, validators: &Validators, status: StatusCode, body: Body) -> HttpResponse {
    build(req, validators, status, Representation::json(req), body)
}

fn build(
    req: &HttpRequest,
    validators: &Validators,
    status: StatusCode,
    representation: Representation,
    body: Body,
) -> HttpResponse {
    let mut builder = with_validators(HttpResponse::build(status), req, validators, representation);
    match body {
        Body::Json(bytes) => builder.content_type(Representation::JSON.content_type()).body(bytes),
        Body::Csv(bytes) => builder.content_type(Representation::CSV.content_type()).body(bytes),
        Body::Html(text) => builder.content_type(Representation::html(Lang::En, false).content_type()).body(text),
        Body::Xlsx(bytes) => builder.content_type(Representation::XLSX_TYPE).body(bytes),
    }
}

pub enum Body {
    Json(Vec<u8>),
    Csv(Vec<u8>),
    Html(String),
    Xlsx(Vec<u8>),
}

/// A JSON response about data at `validators`, of a resource that is JSON only.
pub fn json<T: Serialize>(req: &HttpRequest, validators: &Validators, value: &T) -> Result<HttpResponse, ApiError> {
    json_as(req, validators, Representation::json(req), value)
}

/// A JSON response about data at `validators`, as `representation` (JSON, negotiated or not).
pub fn json_as<T: Serialize>(
    req: &HttpRequest,
    validators: &Validators,
    representation: Representation,
    value: &T,
) -> Result<HttpResponse, ApiError> {
    // Messages in it (notes, warnings) in the request's language.
    let bytes = crate::i18n::in_language(Lang::of(req), || serde_json::to_vec(value))
        .map_err(|e| ApiError::Internal(e.into()))?;
    Ok(respond(req, validators, StatusCode::OK, representation, Body::Json(bytes)))
}

/// Reads a JSON request body of at most `limit` bytes: 415 for another content type, 413 past
/// the limit, 408 when it stops arriving for `idle`.
pub async fn json_body(
    req: &HttpRequest,
    mut payload: Payload,
    (limit, idle): (usize, Duration),
) -> Result<Bytes, ApiError> {
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|h| h.to_str().ok()).unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if essence != "application/json" {
        return Err(ApiError::UnsupportedMediaType(match content_type {
            "" => Message::new("body-not-json-none"),
            sent => Message::new("body-not-json").word("sent", format!("{sent:?}")),
        }));
    }
    let too_large = || ApiError::PayloadTooLarge(Message::new("body-too-large").count("limit", limit as i64));
    let declared =
        req.headers().get(header::CONTENT_LENGTH).and_then(|h| h.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let mut body = actix_web::web::BytesMut::new();
    // A client that stops sending mid-body gets 408 after `idle`, not a worker held forever.
    let stalled = || ApiError::RequestTimeout(Message::new("body-stalled").count("seconds", idle.as_secs() as i64));
    while let Some(chunk) = tokio::time::timeout(idle, payload.next()).await.map_err(|_| stalled())? {
        let chunk = chunk.map_err(|e| {
            ApiError::bad_parameter("body", Message::new("body-unreadable").word("error", e.to_string()))
        })?;
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// The methods the API (and CORS) uses anywhere; any other gets 501 before it is seen further.
const KNOWN_METHODS: [Method; 7] =
    [Method::GET, Method::HEAD, Method::POST, Method::PUT, Method::DELETE, Method::OPTIONS, Method::PATCH];

/// Middleware, outermost: finds the request's route once (`http::context::Route`, which the
/// span, the metrics, the cache key and the parameter rule read), and turns away what no route
/// can use before metrics, logs, the rate limit or the cache see it, so nothing a client invents
/// becomes a label, a log field or a key. A method the API uses nowhere (actix accepts any
/// token as a method) → 405 with `Allow` on the API's paths, 404 elsewhere; a NUL character in
/// the path or query, raw or percent-encoded → 400 (no text the API stores or matches may hold
/// one, and PostgreSQL refuses it). Its refusals still carry a request id (header and body),
/// CORS headers and a log line, where an unknown method is logged as `OTHER`.
pub async fn screen(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    use crate::http::error::{ProblemType, generic_problem};
    use actix_web::HttpMessage;
    let methods = req.app_data::<actix_web::web::Data<crate::routes::Methods>>().cloned();
    if let Some(route) = methods.as_ref().and_then(|m| m.routes.find(req.path())) {
        req.extensions_mut().insert(route);
    }
    if !KNOWN_METHODS.contains(req.method()) {
        return Ok(refuse(req, |req| match &methods {
            Some(methods) => crate::routes::not_routed(methods, req.path(), req.method().as_str()),
            None => HttpResponse::MethodNotAllowed().finish(),
        }));
    }
    let has_nul = |text: &str| text.contains('\0') || text.as_bytes().windows(3).any(|w| w == b"%00");
    let where_nul = if has_nul(req.uri().path()) {
        Some("nul-in-path")
    } else if has_nul(req.query_string()) {
        Some("nul-in-query")
    } else {
        None
    };
    if let Some(id) = where_nul {
        let detail = Message::new(id);
        return Ok(refuse(req, |_| generic_problem(ProblemType::BadRequest, &detail)));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

/// A refusal made before the request id, CORS and log layers: with all three all the same.
fn refuse(
    req: actix_web::dev::ServiceRequest,
    problem: impl FnOnce(&actix_web::dev::ServiceRequest) -> HttpResponse,
) -> actix_web::dev::ServiceResponse<actix_web::body::BoxBody> {
    let id = crate::telemetry::request_id_for(req.headers());
    let mut response = crate::telemetry::in_request(&id, req.headers(), || problem(&req));
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&id) {
        headers.insert(header::HeaderName::from_static("x-request-id"), value);
    }
    // As CORS answers a read from any origin (and nothing else from any): the refusal of a read
    // is readable where the read would be.
    let read = matches!(*req.method(), Method::GET | Method::HEAD);
    if let Some(origin) = req.headers().get(header::ORIGIN).filter(|_| read) {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
        headers.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("x-request-id"));
        headers.append(header::VARY, HeaderValue::from_static("Origin"));
    }
    let method = if KNOWN_METHODS.contains(req.method()) { req.method().as_str() } else { "OTHER" };
    let route = crate::http::context::route(req.request()).map_or_else(|| "(unmatched)".into(), |r| r.pattern);
    tracing::info!(request_id = %id, method, route = %route, status = response.status().as_u16(), "request refused");
    req.into_response(response)
}

/// Middleware, after the route is known and inside the request id, CORS and log layers: the
/// query-parameter rule ([`screen_query`]) for the operation the request takes.
pub async fn parameters(
    mut req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    if req.query_string().is_empty() {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    if let Some(methods) = req.app_data::<actix_web::web::Data<crate::routes::Methods>>().cloned()
        && let Some(route) = crate::http::context::route(req.request())
        && let Some(declared) = methods.query_parameters(&route, req.method().as_str())
    {
        match screen_query(req.query_string(), declared) {
            Ok(None) => {}
            Ok(Some(kept)) => {
                let path = req.path().to_string();
                let target = if kept.is_empty() { path } else { format!("{path}?{kept}") };
                if let Ok(uri) = target.parse() {
                    req.head_mut().uri = uri;
                }
            }
            Err(error) => {
                return Ok(req.into_response(actix_web::ResponseError::error_response(&error)));
            }
        }
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

/// The one rule for query parameters, on every operation: a parameter the operation does not
/// declare, or one given twice, is refused (400 naming it); one whose name begins with `_` is a
/// cache-buster and is dropped before anything (the handler, the cache key) sees the query.
/// Returns the query without the dropped parameters when there were any.
fn screen_query(query: &str, declared: &[String]) -> Result<Option<String>, crate::http::error::ApiError> {
    use crate::http::error::ApiError;
    if query.is_empty() {
        return Ok(None);
    }
    let mut seen: Vec<String> = Vec::new();
    let mut kept: Vec<&str> = Vec::new();
    let mut dropped = false;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let raw_name = pair.split_once('=').map_or(pair, |(name, _)| name);
        let name: String = serde_urlencoded::from_str::<Vec<(String, String)>>(raw_name)
            .ok()
            .and_then(|pairs| pairs.into_iter().next())
            .map_or_else(|| raw_name.to_string(), |(name, _)| name);
        if name.starts_with('_') {
            dropped = true;
            continue;
        }
        if !declared.contains(&name) {
            let shown: String = name.chars().take(40).collect();
            return Err(ApiError::unknown_parameter(&shown, declared));
        }
        if seen.contains(&name) {
            return Err(ApiError::bad_parameter(&name, Message::new("parameter-repeated")));
        }
        seen.push(name);
        kept.push(pair);
    }
    Ok(dropped.then(|| kept.join("&")))
}

/// Middleware, the one layer between the shared ones and the routes, in the order a response
/// needs (one layer, not four: each costs every request a boxed future):
/// - HEAD is answered as GET without the body (so `curl -I` shows the ETag);
/// - after a successful write, and before its answer leaves, the cache reads the new data
///   version, so the next read through this instance sees the write;
/// - a response that shows a data version newer than the cache's raises it
///   ([`crate::http::cache::ResponseCache::saw`]);
/// - what the cache did not already code goes gzip-compressed as it streams when the client
///   takes gzip (`Asked::stream_coding`: bounded memory per stream); a coded body is another
///   representation, so its strong ETag names the coding (`"42-json"` sent gzip-encoded is
///   `"42-json-gzip"`), and a 304 repeats the tag the client holds;
/// - `Vary` stays on one line.
pub async fn respond_as_asked(
    mut req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    let head = req.method() == Method::HEAD;
    if head {
        req.head_mut().method = Method::GET;
    }
    let is_write = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let response = next.call(req).await?.map_into_boxed_body();
    let cache =
        response.request().app_data::<actix_web::web::Data<std::sync::Arc<crate::http::cache::ResponseCache>>>();
    if is_write
        && response.status().is_success()
        && let Some(cache) = cache
    {
        cache.refresh_after_write().await;
    }
    let (request, response) = response.into_parts();
    let response = coded(actix_web::dev::ServiceResponse::new(request, response));
    Ok(if head { response.map_body(|_, _| actix_web::body::BoxBody::new(())) } else { response })
}

/// See [`respond_as_asked`]: the version a response shows, its coding and its `Vary`.
fn coded(
    mut response: actix_web::dev::ServiceResponse<actix_web::body::BoxBody>,
) -> actix_web::dev::ServiceResponse<actix_web::body::BoxBody> {
    use actix_web::body::MessageBody as _;
    if response.response().extensions().get::<crate::http::cache::FromMemory>().is_some() {
        return response;
    }
    let tag = response.headers().get(header::ETAG).and_then(|t| t.to_str().ok()).map(str::to_string);
    if let Some(shown) = tag.as_deref().and_then(shown_version)
        && let Some(cache) =
            response.request().app_data::<actix_web::web::Data<std::sync::Arc<crate::http::cache::ResponseCache>>>()
    {
        cache.saw(shown);
    }
    let coding = crate::http::context::Asked::of(response.request()).stream_coding;
    let status = response.status();
    if status == StatusCode::NOT_MODIFIED {
        let asked = response.request().headers().get(header::IF_NONE_MATCH).and_then(|h| h.to_str().ok());
        let held = tag.as_deref().and_then(|tag| asked?.split(',').map(str::trim).find(|t| same_tag(t, tag)));
        if let Some(value) = held.and_then(|t| HeaderValue::from_str(t).ok()) {
            response.headers_mut().insert(header::ETAG, value);
        }
    } else if coding != crate::http::negotiation::Coding::Identity
        && status.is_success()
        && !response.headers().contains_key(header::CONTENT_ENCODING)
        && !matches!(
            response.response().body().size(),
            actix_web::body::BodySize::None | actix_web::body::BodySize::Sized(0)
        )
    {
        if let Some(value) =
            tag.and_then(|tag| HeaderValue::from_str(&format!("{}-{}\"", tag.strip_suffix('"')?, coding.token())).ok())
        {
            response.headers_mut().insert(header::ETAG, value);
        }
        let encoding = match coding {
            crate::http::negotiation::Coding::Br => header::ContentEncoding::Brotli,
            crate::http::negotiation::Coding::Zstd => header::ContentEncoding::Zstd,
            crate::http::negotiation::Coding::Gzip => header::ContentEncoding::Gzip,
            crate::http::negotiation::Coding::Identity => header::ContentEncoding::Identity,
        };
        response = response.map_body(|head, body| {
            actix_web::body::BoxBody::new(actix_http::encoding::Encoder::response(encoding, head, body))
        });
    }
    // The encoder adds a second `Vary` line; CORS, further out, keeps only the first. One line,
    // each name once.
    if response.headers().get_all(header::VARY).count() > 1 {
        let mut names: Vec<&str> = Vec::new();
        for name in response.headers().get_all(header::VARY).filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(','))
        {
            let name = name.trim();
            if !name.is_empty() && !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                names.push(name);
            }
        }
        if let Ok(joined) = HeaderValue::from_str(&names.join(", ")) {
            response.headers_mut().insert(header::VARY, joined);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_name_a_version_and_a_representation() {
        let stamp = Stamp { version: 42, modified: Some("2026-11-26T10:00:00Z".into()) };
        let csv =
            Representation { media: Media::Csv, negotiated: true, lang: Lang::En, lang_negotiated: false, bom: false };
        assert_eq!(Validators::programme(stamp.clone()).etag(Representation::JSON), "\"42-json\"");
        assert_eq!(Validators::data(stamp.clone()).etag(csv), "\"all-42-csv\"");
        assert_eq!(Validators::data(stamp).last_modified().as_deref(), Some("Thu, 26 Nov 2026 10:00:00 GMT"));
        assert_eq!(version_of("\"42-csv\""), Some(42));
        assert_eq!(
            Validators::programme(Stamp { version: 7, modified: None }).etag(Representation::html(Lang::Vi, false)),
            "\"7-html-vi\""
        );
        let vi = Representation { lang: Lang::Vi, ..Representation::JSON };
        assert_eq!(Validators::programme(Stamp { version: 7, modified: None }).etag(vi), "\"7-json-vi\"");
        assert_eq!((version_of("\"42-json-vi\""), version_of("\"42-html-en\"")), (Some(42), Some(42)));
        assert_eq!(version_of("\"42-json-gzip\""), Some(42));
        assert_eq!((shown_version("\"all-42-json-br\""), shown_version("\"43-html-vi\"")), (Some(42), Some(43)));
        assert_eq!(shown_version("W/\"all-42-json\""), None);
        for foreign in ["W/\"42-json\"", "42-json", "\"abc\"", "\"42-xml\"", "\"all-42-json\"", "\"42-json-xz\""] {
            assert_eq!(version_of(foreign), None, "{foreign}");
        }
    }

    #[test]
    fn if_none_match_holds_a_tag_in_any_coding() {
        assert!(none_match("\"41-json\", \"42-json-br\"", "\"42-json\""));
        assert!(none_match("*", "\"42-json\""));
        assert!(!none_match("\"42-csv\"", "\"42-json\""));
        assert!(!none_match("\"42-json\"", "\"all-42-json\""));
        assert!(none_match("W/\"42-json\"", "\"42-json\""));
        assert!(none_match("\"1-json\", W/\"42-json-gzip\"", "\"42-json\""));
    }
}
