//! Responses the resources share: the builders (with their validators, or a 304), JSON bodies
//! read and written, and the middleware every request passes (screen, the parameter rule,
//! respond_as_asked).

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use std::time::Duration;

use actix_web::web::{Bytes, Payload};
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};
use futures_util::StreamExt;
use serde::Serialize;

pub use crate::http::conditional::{
    MAX_AGE_SECS, Validators, not_modified, not_modified_from, precondition, require_if_match, same_tag, shown_version,
};
pub use crate::http::representation::{Media, Representation};

use crate::http::error::ApiError;
use crate::i18n::{Lang, Message};

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

/// A 200 whose body is streamed (a download; see `http::heavy`), as `representation`, saved as
/// `file` (`Content-Disposition: attachment`) when named.
pub fn streamed(
    req: &HttpRequest,
    validators: &Validators,
    representation: Representation,
    file: Option<&str>,
    body: impl futures_util::Stream<Item = Result<Bytes, actix_web::Error>> + 'static,
) -> HttpResponse {
    download_headers(req, validators, representation, file).streaming(body)
}

/// What a download answers before making its body: a 304 when the client has it, or, to a
/// HEAD, the headers of its 200 with no body (and no length: the body is not made). None: make
/// the body.
pub fn before_download(
    req: &HttpRequest,
    validators: &Validators,
    representation: Representation,
    file: Option<&str>,
) -> Option<HttpResponse> {
    not_modified_response(req, validators, representation).or_else(|| {
        is_head(req).then(|| download_headers(req, validators, representation, file).body(actix_web::body::None::new()))
    })
}

fn download_headers(
    req: &HttpRequest,
    validators: &Validators,
    representation: Representation,
    file: Option<&str>,
) -> HttpResponseBuilder {
    let mut builder = with_validators(HttpResponse::Ok(), req, validators, representation);
    builder.content_type(representation.content_type());
    if let Some(file) = file {
        builder.insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}\"")));
    }
    builder
}

/// The answer to a write that took effect: its new ETag, never a 304. On a write, If-Match and
/// If-None-Match are RFC 9110's preconditions (checked with the write), not cache validators.
pub fn written(req: &HttpRequest, validators: &Validators, status: StatusCode, body: Body) -> HttpResponse {
    build(req, validators, status, Representation::json(req), body)
}

/// What a page may load and run: its own inline styles and nothing else (no script at all, no
/// other origin, no framing by another site), so that text a document holds can never run.
const PAGE_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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
        Body::Html(text) => builder
            .content_type(Representation::html(Lang::En, false).content_type())
            .insert_header((header::CONTENT_SECURITY_POLICY, PAGE_POLICY))
            .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
            .body(text),
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
    let bytes = crate::i18n::in_language(crate::http::context::lang(req), || serde_json::to_vec(value))
        .map_err(|e| ApiError::Internal(e.into()))?;
    Ok(respond(req, validators, StatusCode::OK, representation, Body::Json(bytes)))
}

/// A part of a programme document (`value`) as JSON at `validators`: as the document has it, in
/// no request's language (a note in both languages stays in both).
pub fn document<T: Serialize>(req: &HttpRequest, validators: &Validators, value: &T) -> Result<HttpResponse, ApiError> {
    let bytes = serde_json::to_vec(value).map_err(|e| ApiError::Internal(e.into()))?;
    Ok(respond(req, validators, StatusCode::OK, Representation::JSON, Body::Json(bytes)))
}

/// Reads a JSON request body of at most `limit` bytes: 415 for another content type, 413 past
/// the limit, 408 when it stops arriving for `idle`.
pub async fn json_body(req: &HttpRequest, payload: Payload, limits: (usize, Duration)) -> Result<Bytes, ApiError> {
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|h| h.to_str().ok()).unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if essence != "application/json" {
        return Err(ApiError::UnsupportedMediaType(match content_type {
            "" => Message::new("body-not-json-none"),
            sent => Message::new("body-not-json").word("sent", format!("{sent:?}")),
        }));
    }
    body(req, payload, limits).await
}

/// Reads a `text/plain` request body in UTF-8 (no charset, or `charset=utf-8`) of at most
/// `limit` bytes: 415 for another content type or charset, 413 past the limit, 408 when it
/// stops arriving for `idle`.
pub async fn text_body(req: &HttpRequest, payload: Payload, limits: (usize, Duration)) -> Result<Bytes, ApiError> {
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|h| h.to_str().ok()).unwrap_or("");
    let mut parts = content_type.split(';').map(|p| p.trim().to_ascii_lowercase());
    let essence = parts.next().unwrap_or_default();
    let utf8 = parts.all(|p| match p.split_once('=') {
        Some(("charset", value)) => matches!(value.trim_matches('"'), "utf-8" | "utf8"),
        _ => true,
    });
    if essence != "text/plain" || !utf8 {
        return Err(ApiError::UnsupportedMediaType(match content_type {
            "" => Message::new("body-not-text-none"),
            sent => Message::new("body-not-text").word("sent", format!("{sent:?}")),
        }));
    }
    body(req, payload, limits).await
}

/// Reads a request body of at most `limit` bytes: 413 past the limit (as declared, or as it
/// arrives), 408 when it stops arriving for `idle`.
async fn body(req: &HttpRequest, mut payload: Payload, (limit, idle): (usize, Duration)) -> Result<Bytes, ApiError> {
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
    let methods = req.app_data::<actix_web::web::Data<crate::http::operations::Methods>>().cloned();
    if let Some(route) = methods.as_ref().and_then(|m| m.routes.find(req.path())) {
        req.extensions_mut().insert(route);
    }
    if !KNOWN_METHODS.contains(req.method()) {
        return Ok(refuse(req, |req| match &methods {
            Some(methods) => crate::http::operations::not_routed(methods, req.path(), req.method().as_str()),
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
    let id = crate::http::telemetry::request_id_for(req.headers());
    let mut response = crate::http::telemetry::in_request(&id, req.headers(), || problem(&req));
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

/// Middleware, after the route is known and inside the request id, CORS and log layers: for the
/// operation the request takes, `Accept` (406 when it takes none of the operation's media types)
/// and the query-parameter rule ([`screen_query`]).
pub async fn parameters(
    mut req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    let accept = req.headers().get(header::ACCEPT).map(|h| h.as_bytes()).filter(|a| !a.is_empty() && *a != b"*/*");
    if req.query_string().is_empty() && accept.is_none() {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let methods = req.app_data::<actix_web::web::Data<crate::http::operations::Methods>>().cloned();
    let route = crate::http::context::route(req.request());
    if let (Some(methods), Some(route), Some(accept)) = (&methods, &route, accept) {
        let offered = methods.media_types(route, req.method().as_str());
        if !offered.is_empty() && crate::http::negotiation::takes_none(accept, offered) {
            let shown: String = String::from_utf8_lossy(accept).chars().take(100).collect();
            let detail =
                Message::new("not-acceptable").word("offered", offered.join(", ")).word("accept", format!("{shown:?}"));
            return Ok(req.into_response(actix_web::ResponseError::error_response(&ApiError::NotAcceptable(detail))));
        }
    }
    if req.query_string().is_empty() {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    if let (Some(methods), Some(route)) = (methods, route)
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

/// `/openapi.json` changes only with the server's version: reused for an hour, then revalidated.
const DOCUMENT_CACHE_CONTROL: &str = "public, max-age=3600, must-revalidate";

/// A HEAD request, answered as GET (the handler sees GET): marked so that a handler whose body
/// costs work (a download) skips it.
#[derive(Clone, Copy, Debug)]
struct Head;

/// Whether the request is a HEAD: the answer's headers are wanted, not its body.
pub fn is_head(req: &HttpRequest) -> bool {
    use actix_web::HttpMessage;
    req.extensions().get::<Head>().is_some()
}

/// Middleware, the one layer between the shared ones and the routes, in the order a response
/// needs (one layer, not four: each costs every request a boxed future):
/// - HEAD is answered as GET without the body, with the GET's headers: a body in memory keeps
///   its `Content-Length` (the connection does not send it); a streamed one has none, and a
///   download does not make it ([`is_head`]);
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
        use actix_web::HttpMessage;
        req.head_mut().method = Method::GET;
        req.extensions_mut().insert(Head);
    }
    let is_write = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    // The served OpenAPI document: its digest is its ETag (304 when the client has it).
    let document_tag = (req.path() == "/openapi.json")
        .then(|| req.app_data::<actix_web::web::Data<crate::http::openapi::DocumentTag>>().cloned())
        .flatten();
    if let Some(tag) = &document_tag
        && not_modified(req.headers().get(header::IF_NONE_MATCH), &tag.0)
    {
        let response = HttpResponse::NotModified()
            .insert_header((header::ETAG, tag.0.clone()))
            .insert_header((header::CACHE_CONTROL, DOCUMENT_CACHE_CONTROL))
            .finish();
        // Through `coded`, which repeats the tag the client holds (a coded one too).
        return Ok(coded(req.into_response(response).map_into_boxed_body()));
    }
    let mut response = next.call(req).await?.map_into_boxed_body();
    if let Some(tag) = document_tag
        && response.status() == StatusCode::OK
        && let Ok(value) = HeaderValue::from_str(&tag.0)
    {
        response.headers_mut().insert(header::ETAG, value);
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(DOCUMENT_CACHE_CONTROL));
    }
    let cache =
        response.request().app_data::<actix_web::web::Data<std::sync::Arc<crate::http::cache::ResponseCache>>>();
    if is_write
        && response.status().is_success()
        && let Some(cache) = cache
    {
        cache.refresh_after_write().await;
    }
    let (request, mut response) = response.into_parts();
    {
        use actix_web::HttpMessage;
        if let Some(budget) = request.extensions().get::<crate::http::auth::Budget>() {
            budget.write_to(response.headers_mut());
        }
    }
    let response = coded(actix_web::dev::ServiceResponse::new(request, response));
    // A body in memory stays: the connection sends its length and not its bytes (it knows the
    // request was HEAD). A stream is dropped unread: no length.
    let streamed =
        matches!(actix_web::body::MessageBody::size(response.response().body()), actix_web::body::BodySize::Stream);
    Ok(if head && streamed {
        response.map_body(|_, _| actix_web::body::BoxBody::new(actix_web::body::None::new()))
    } else {
        response
    })
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
        // The answer to a write is a few hundred bytes whose `ETag` (also in its body, `etag`)
        // is what the next write sends: it goes as it is, its tag never a coded one.
        && response.request().method() == Method::GET
        && status.is_success()
        && !response.headers().contains_key(header::CONTENT_ENCODING)
    {
        use actix_web::HttpMessage;
        let size = response.response().body().size();
        // A HEAD of a download has no body (it was not made): it says what the GET would.
        let headers_only =
            size == actix_web::body::BodySize::None && response.request().extensions().get::<Head>().is_some();
        let encoding = match coding {
            crate::http::negotiation::Coding::Br => header::ContentEncoding::Brotli,
            crate::http::negotiation::Coding::Zstd => header::ContentEncoding::Zstd,
            crate::http::negotiation::Coding::Gzip => header::ContentEncoding::Gzip,
            crate::http::negotiation::Coding::Identity => header::ContentEncoding::Identity,
        };
        let empty = matches!(size, actix_web::body::BodySize::None | actix_web::body::BodySize::Sized(0));
        if (headers_only || !empty)
            && let Some(value) = tag
                .and_then(|tag| HeaderValue::from_str(&format!("{}-{}\"", tag.strip_suffix('"')?, coding.token())).ok())
        {
            response.headers_mut().insert(header::ETAG, value);
        }
        if headers_only {
            response.headers_mut().insert(header::CONTENT_ENCODING, encoding.to_header_value());
            response.headers_mut().append(header::VARY, HeaderValue::from_static("accept-encoding"));
        } else if !empty {
            response = response.map_body(|head, body| {
                actix_web::body::BoxBody::new(actix_http::encoding::Encoder::response(encoding, head, body))
            });
        }
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

/// `response` named as a download (`Content-Disposition: attachment; filename="…"`) when it is
/// a 200 (a 304 or a problem names no file).
pub fn attachment(mut response: HttpResponse, file: &str) -> HttpResponse {
    let value = format!("attachment; filename=\"{file}\"");
    if response.status() == StatusCode::OK
        && let Ok(value) = header::HeaderValue::from_str(&value)
    {
        response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
    }
    response
}
