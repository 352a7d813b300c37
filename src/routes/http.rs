//! HTTP mechanics the resources share: ETags and conditional requests, CSV or JSON, bodies.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use std::time::Duration;

use actix_web::web::{Bytes, Payload};
use actix_web::{HttpRequest, HttpResponse};
use futures_util::StreamExt;
use serde::Serialize;

use crate::error::ApiError;
use crate::storage::Precondition;

/// The two representations of programme data; each has its own ETag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Representation {
    Json,
    Csv,
}

impl Representation {
    fn suffix(self) -> &'static str {
        match self {
            Representation::Json => "json",
            Representation::Csv => "csv",
        }
    }

    /// CSV when `?format=csv`, or when the client's Accept prefers text/csv; JSON otherwise.
    pub fn negotiate(req: &HttpRequest, format: Option<&str>) -> Result<Representation, ApiError> {
        match format {
            Some("csv") => return Ok(Representation::Csv),
            Some("json") => return Ok(Representation::Json),
            Some(other) => return Err(ApiError::bad_value("format", other, &["json", "csv"])),
            None => {}
        }
        let accept = req.headers().get(header::ACCEPT).and_then(|h| h.to_str().ok()).unwrap_or("");
        let wants_csv = accept
            .split(',')
            .map(|part| part.split(';').next().unwrap_or("").trim())
            .find(|t| matches!(*t, "text/csv" | "application/json" | "application/*" | "*/*" | "text/*"));
        Ok(if wants_csv == Some("text/csv") { Representation::Csv } else { Representation::Json })
    }
}

/// The strong ETag of a programme's data at `version` in one representation: `"42-json"`.
pub fn etag(version: i64, representation: Representation) -> String {
    format!("\"{version}-{}\"", representation.suffix())
}

/// The version an ETag names (any representation); None for weak or foreign tags.
fn version_of(tag: &str) -> Option<i64> {
    let inner = tag.trim().strip_prefix('"')?.strip_suffix('"')?;
    let (version, suffix) = inner.split_once('-')?;
    matches!(suffix, "json" | "csv").then(|| version.parse().ok()).flatten()
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
        Precondition::None | Precondition::Absent => Err(ApiError::PreconditionRequired(
            "this edit needs If-Match with the programme's current ETag (from any GET of the programme), so that two \
             editors never overwrite each other"
                .into(),
        )),
        other => Ok(other),
    }
}

/// Whether the request's `If-None-Match` already holds `tag`.
fn not_modified(req: &HttpRequest, tag: &str) -> bool {
    req.headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|value| value.trim() == "*" || value.split(',').any(|t| t.trim() == tag))
}

fn with_validators(mut builder: actix_web::HttpResponseBuilder, tag: &str) -> actix_web::HttpResponseBuilder {
    builder.insert_header((header::ETAG, tag.to_string())).insert_header((header::VARY, "Accept"));
    builder
}

/// A response about a programme at `version`: its ETag, `Vary: Accept`, and 304 when the client
/// already has it.
pub fn respond(
    req: &HttpRequest,
    version: i64,
    status: StatusCode,
    representation: Representation,
    body: Body,
) -> HttpResponse {
    let tag = etag(version, representation);
    if status == StatusCode::OK && not_modified(req, &tag) {
        return with_validators(HttpResponse::NotModified(), &tag).finish();
    }
    let mut builder = with_validators(HttpResponse::build(status), &tag);
    match body {
        Body::Json(bytes) => builder.content_type("application/json").body(bytes),
        Body::Csv(bytes) => builder.content_type("text/csv; charset=utf-8").body(bytes),
    }
}

pub enum Body {
    Json(Vec<u8>),
    Csv(Vec<u8>),
}

/// A JSON response about a programme at `version`.
pub fn json<T: Serialize>(req: &HttpRequest, version: i64, value: &T) -> Result<HttpResponse, ApiError> {
    let bytes = serde_json::to_vec(value).map_err(|e| ApiError::Internal(e.into()))?;
    Ok(respond(req, version, StatusCode::OK, Representation::Json, Body::Json(bytes)))
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
        return Err(ApiError::UnsupportedMediaType(format!(
            "the body must be application/json, not {:?}",
            if content_type.is_empty() { "nothing" } else { content_type }
        )));
    }
    let too_large = || ApiError::PayloadTooLarge(format!("the body is larger than {limit} bytes"));
    let declared =
        req.headers().get(header::CONTENT_LENGTH).and_then(|h| h.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let mut body = actix_web::web::BytesMut::new();
    // A client that stops sending mid-body gets 408 after `idle`, not a worker held forever.
    let stalled = || ApiError::RequestTimeout(format!("the body stopped arriving for {} s", idle.as_secs()));
    while let Some(chunk) = tokio::time::timeout(idle, payload.next()).await.map_err(|_| stalled())? {
        let chunk = chunk.map_err(|e| ApiError::bad_parameter("body", format!("the body could not be read: {e}")))?;
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// Middleware: answers HEAD as GET without the body (so `curl -I` shows the ETag).
pub async fn head_as_get(
    mut req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    let head = req.method() == actix_web::http::Method::HEAD;
    if head {
        req.head_mut().method = actix_web::http::Method::GET;
    }
    let response = next.call(req).await?;
    if !head {
        return Ok(response.map_into_boxed_body());
    }
    Ok(response.map_body(|_, _| actix_web::body::BoxBody::new(())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_name_a_version_and_a_representation() {
        assert_eq!(etag(42, Representation::Json), "\"42-json\"");
        assert_eq!(version_of("\"42-csv\""), Some(42));
        for foreign in ["W/\"42-json\"", "42-json", "\"abc\"", "\"42-xml\""] {
            assert_eq!(version_of(foreign), None, "{foreign}");
        }
    }
}
