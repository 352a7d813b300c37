//! `ApiError`: every failure a client can see, rendered as RFC 9457 problem+json.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::document::Violations;
use crate::i18n::{Lang, Message, code, codes};

pub type Result<T, E = ApiError> = std::result::Result<T, E>;

pub const PROBLEM_JSON: &str = "application/problem+json";
/// What problems are sent as: with the charset, which some clients (Windows PowerShell 5.1)
/// otherwise take to be ISO-8859-1.
pub const PROBLEM_JSON_UTF8: &str = "application/problem+json; charset=utf-8";

/// A stable problem type: its URI never changes within a major version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemType {
    NotFound,
    BadRequest,
    Unprocessable,
    MethodNotAllowed,
    Unauthorized,
    Forbidden,
    PreconditionFailed,
    PreconditionRequired,
    PayloadTooLarge,
    UnsupportedMediaType,
    TooManyRequests,
    RequestTimeout,
    Conflict,
    NotAcceptable,
    Unavailable,
    Internal,
}

impl ProblemType {
    pub const ALL: [ProblemType; 16] = [
        ProblemType::NotFound,
        ProblemType::BadRequest,
        ProblemType::Unprocessable,
        ProblemType::MethodNotAllowed,
        ProblemType::Unauthorized,
        ProblemType::Forbidden,
        ProblemType::PreconditionFailed,
        ProblemType::PreconditionRequired,
        ProblemType::PayloadTooLarge,
        ProblemType::UnsupportedMediaType,
        ProblemType::TooManyRequests,
        ProblemType::RequestTimeout,
        ProblemType::Conflict,
        ProblemType::NotAcceptable,
        ProblemType::Unavailable,
        ProblemType::Internal,
    ];

    /// What the kind is, in one row: its URI, its status, and the catalog id of its title.
    fn spec(self) -> (&'static str, StatusCode, &'static str) {
        match self {
            ProblemType::NotFound => ("urn:khuyencong:problem:not-found", StatusCode::NOT_FOUND, "problem-not-found"),
            ProblemType::BadRequest => {
                ("urn:khuyencong:problem:invalid-parameter", StatusCode::BAD_REQUEST, "problem-invalid-parameter")
            }
            ProblemType::Unprocessable => (
                "urn:khuyencong:problem:invalid-document",
                StatusCode::UNPROCESSABLE_ENTITY,
                "problem-invalid-document",
            ),
            ProblemType::MethodNotAllowed => (
                "urn:khuyencong:problem:method-not-allowed",
                StatusCode::METHOD_NOT_ALLOWED,
                "problem-method-not-allowed",
            ),
            ProblemType::Unauthorized => {
                ("urn:khuyencong:problem:unauthorized", StatusCode::UNAUTHORIZED, "problem-unauthorized")
            }
            ProblemType::Forbidden => ("urn:khuyencong:problem:forbidden", StatusCode::FORBIDDEN, "problem-forbidden"),
            ProblemType::PreconditionFailed => (
                "urn:khuyencong:problem:precondition-failed",
                StatusCode::PRECONDITION_FAILED,
                "problem-precondition-failed",
            ),
            ProblemType::PreconditionRequired => (
                "urn:khuyencong:problem:precondition-required",
                StatusCode::PRECONDITION_REQUIRED,
                "problem-precondition-required",
            ),
            ProblemType::PayloadTooLarge => {
                ("urn:khuyencong:problem:payload-too-large", StatusCode::PAYLOAD_TOO_LARGE, "problem-payload-too-large")
            }
            ProblemType::UnsupportedMediaType => (
                "urn:khuyencong:problem:unsupported-media-type",
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "problem-unsupported-media-type",
            ),
            ProblemType::TooManyRequests => {
                ("urn:khuyencong:problem:too-many-requests", StatusCode::TOO_MANY_REQUESTS, "problem-too-many-requests")
            }
            ProblemType::RequestTimeout => {
                ("urn:khuyencong:problem:request-timeout", StatusCode::REQUEST_TIMEOUT, "problem-request-timeout")
            }
            ProblemType::Conflict => ("urn:khuyencong:problem:conflict", StatusCode::CONFLICT, "problem-conflict"),
            ProblemType::NotAcceptable => {
                ("urn:khuyencong:problem:not-acceptable", StatusCode::NOT_ACCEPTABLE, "problem-not-acceptable")
            }
            ProblemType::Unavailable => {
                ("urn:khuyencong:problem:unavailable", StatusCode::SERVICE_UNAVAILABLE, "problem-unavailable")
            }
            ProblemType::Internal => {
                ("urn:khuyencong:problem:internal", StatusCode::INTERNAL_SERVER_ERROR, "problem-internal")
            }
        }
    }

    pub fn uri(self) -> &'static str {
        self.spec().0
    }

    pub fn status(self) -> StatusCode {
        self.spec().1
    }

    /// Its title in `lang`.
    fn title(self, lang: Lang) -> String {
        lang.say(&Message::new(self.spec().2))
    }
}

/// One thing wrong with a request: where (`pointer` into the body, or `parameter`) and what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ProblemDetailItem {
    /// RFC 6901 JSON pointer into the request body.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "/schemes/0/cost")]
    pub pointer: Option<String>,
    /// Name of the path or query parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "by")]
    pub parameter: Option<String>,
    #[schema(example = "unknown value \"year\"; allowed: activity, scope, source")]
    pub detail: String,
    /// The values the parameter accepts, where they are a fixed list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Vec<String>>,
}

/// RFC 9457 problem details, served as `application/problem+json`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Problem {
    /// The kind of problem, a URI that never changes within a major version:
    /// `urn:khuyencong:problem:not-found` (404: no such programme, record or path),
    /// `urn:khuyencong:problem:invalid-parameter` (400: a path or query parameter is wrong),
    /// `urn:khuyencong:problem:invalid-document` (422: a programme document breaks a rule),
    /// `urn:khuyencong:problem:method-not-allowed` (405: see the `Allow` header),
    /// `urn:khuyencong:problem:unauthorized` (401), `…:forbidden` (403), `…:precondition-failed`
    /// (412), `…:precondition-required` (428), `…:payload-too-large` (413),
    /// `…:unsupported-media-type` (415), `…:request-timeout` (408), `…:too-many-requests` (429),
    /// `…:conflict` (409: `/changes?since=` is later than any version; see `latest_version`),
    /// `…:not-acceptable` (406: the operation has no representation the `Accept` header takes),
    /// `urn:khuyencong:problem:unavailable` (503: the database is not answering),
    /// `urn:khuyencong:problem:internal` (500: a bug; the server's log has the cause).
    #[serde(rename = "type")]
    #[schema(example = "urn:khuyencong:problem:not-found")]
    pub problem_type: &'static str,
    #[schema(example = "Not found")]
    pub title: String,
    #[schema(example = 404)]
    pub status: u16,
    /// What happened, for a person.
    #[schema(example = "programme \"1999-2000\" not found")]
    pub detail: String,
    /// For 400 and 422: each thing wrong, with where it is. Absent otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemDetailItem>,
    /// For 422: how many things are wrong in all. `errors` lists the first 100 of them; fix
    /// those and send again to hear of the next.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = 2)]
    pub errors_total: Option<usize>,
    /// For 409 from `/changes`: the latest data version (start again from it, or from 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = 42)]
    pub latest_version: Option<i64>,
    /// The request's id (also in the `X-Request-Id` header): quote it when reporting a problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "5f0c6e2e-8d1b-4bb4-9a57-0d3c1f0b7e21")]
    pub request_id: Option<String>,
}

/// A parameter that is wrong: which, why (in both languages), and the values it takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParameterError {
    pub parameter: String,
    pub detail: Message,
    pub allowed: Option<Vec<String>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{}", .0)]
    NotFound(Message),
    #[error("{}", detail)]
    BadRequest { detail: Message, errors: Vec<ParameterError> },
    #[error("{}", Message::new("document-problems").count("count", .0.total as i64))]
    Unprocessable(Violations),
    #[error("{}", detail)]
    TooManyRequests { detail: Message, retry_after: u64 },
    /// The server is at its limit for this kind of request (heavy reads); retry shortly.
    #[error("{}", .0)]
    Busy(Message),
    #[error("{}", .0)]
    Unauthorized(Message),
    #[error("{}", .0)]
    Forbidden(Message),
    /// The programme is at `current` (its ETag goes with the 412), or absent (None).
    #[error("{}", detail)]
    PreconditionFailed { detail: Message, current: Option<i64> },
    /// `since` is later than the latest data version.
    #[error("{}", detail)]
    Conflict { detail: Message, latest_version: i64 },
    #[error("{}", .0)]
    NotAcceptable(Message),
    #[error("{}", .0)]
    PreconditionRequired(Message),
    #[error("{}", .0)]
    PayloadTooLarge(Message),
    #[error("{}", .0)]
    UnsupportedMediaType(Message),
    #[error("{}", .0)]
    RequestTimeout(Message),
    #[error("the database is not answering")]
    Unavailable(#[source] sqlx::Error),
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    fn bad(parameter: &str, detail: Message, allowed: Option<Vec<String>>) -> Self {
        ApiError::BadRequest {
            detail: detail.clone(),
            errors: vec![ParameterError { parameter: parameter.to_string(), detail, allowed }],
        }
    }

    /// A bad parameter value, listing the values it accepts.
    pub fn bad_value(parameter: &str, value: &str, allowed: &[&str]) -> Self {
        let detail = Message::new("parameter-unknown-value")
            .word("parameter", code(parameter))
            .word("value", format!("{value:?}"))
            .word("allowed", codes(allowed));
        ApiError::bad(parameter, detail, Some(allowed.iter().map(|s| s.to_string()).collect()))
    }

    /// A required parameter that is absent, listing the values it accepts.
    pub fn missing(parameter: &str, allowed: &[&str]) -> Self {
        let detail =
            Message::new("parameter-missing").word("parameter", code(parameter)).word("allowed", codes(allowed));
        ApiError::bad(parameter, detail, Some(allowed.iter().map(|s| s.to_string()).collect()))
    }

    /// A parameter that is malformed or out of range.
    pub fn bad_parameter(parameter: &str, detail: Message) -> Self {
        let whole =
            Message::new("parameter-invalid").word("parameter", code(parameter)).message("detail", detail.clone());
        ApiError::BadRequest {
            detail: whole,
            errors: vec![ParameterError { parameter: parameter.to_string(), detail, allowed: None }],
        }
    }

    /// 404: no programme `id`. The one way a missing programme is answered.
    pub fn programme_not_found(id: &str) -> Self {
        ApiError::NotFound(Message::new("programme-not-found").word("id", format!("{id:?}")))
    }

    /// 404: no scheme record `scheme` in programme `programme`.
    pub fn scheme_not_found(programme: &str, scheme: &str) -> Self {
        ApiError::NotFound(
            Message::new("scheme-not-found")
                .word("scheme", format!("{scheme:?}"))
                .word("programme", format!("{programme:?}")),
        )
    }

    /// A query parameter the operation does not take, listing those it does.
    pub fn unknown_parameter(name: &str, declared: &[String]) -> Self {
        let detail = if declared.is_empty() {
            Message::new("parameter-unknown-takes-none")
        } else {
            Message::new("parameter-unknown").word("declared", codes(declared))
        }
        .word("name", format!("{name:?}"));
        ApiError::bad(name, detail, Some(declared.to_vec()))
    }

    fn problem_type(&self) -> ProblemType {
        match self {
            ApiError::NotFound(_) => ProblemType::NotFound,
            ApiError::BadRequest { .. } => ProblemType::BadRequest,
            ApiError::Unprocessable(_) => ProblemType::Unprocessable,
            ApiError::Unauthorized(_) => ProblemType::Unauthorized,
            ApiError::Forbidden(_) => ProblemType::Forbidden,
            ApiError::PreconditionFailed { .. } => ProblemType::PreconditionFailed,
            ApiError::Conflict { .. } => ProblemType::Conflict,
            ApiError::NotAcceptable(_) => ProblemType::NotAcceptable,
            ApiError::TooManyRequests { .. } => ProblemType::TooManyRequests,
            ApiError::Busy(_) => ProblemType::Unavailable,
            ApiError::PreconditionRequired(_) => ProblemType::PreconditionRequired,
            ApiError::PayloadTooLarge(_) => ProblemType::PayloadTooLarge,
            ApiError::UnsupportedMediaType(_) => ProblemType::UnsupportedMediaType,
            ApiError::RequestTimeout(_) => ProblemType::RequestTimeout,
            ApiError::Unavailable(_) => ProblemType::Unavailable,
            ApiError::Internal(_) => ProblemType::Internal,
        }
    }

    /// The problem, in `lang`.
    pub fn problem(&self, lang: Lang) -> Problem {
        let kind = self.problem_type();
        let (detail, errors) = match self {
            ApiError::NotFound(what)
            | ApiError::Unauthorized(what)
            | ApiError::Forbidden(what)
            | ApiError::PreconditionFailed { detail: what, .. }
            | ApiError::Conflict { detail: what, .. }
            | ApiError::NotAcceptable(what)
            | ApiError::PreconditionRequired(what)
            | ApiError::PayloadTooLarge(what)
            | ApiError::UnsupportedMediaType(what)
            | ApiError::RequestTimeout(what)
            | ApiError::Busy(what)
            | ApiError::TooManyRequests { detail: what, .. } => (what.render(lang), Vec::new()),
            ApiError::BadRequest { detail, errors } => (
                detail.render(lang),
                errors
                    .iter()
                    .map(|e| ProblemDetailItem {
                        pointer: None,
                        parameter: Some(e.parameter.clone()),
                        detail: e.detail.render(lang),
                        allowed: e.allowed.clone(),
                    })
                    .collect(),
            ),
            ApiError::Unprocessable(violations) => (
                Message::new("document-problems").count("count", violations.total as i64).render(lang),
                violations
                    .first
                    .iter()
                    .map(|v| ProblemDetailItem {
                        pointer: Some(v.pointer.clone()),
                        parameter: None,
                        detail: v.detail.render(lang),
                        allowed: None,
                    })
                    .collect(),
            ),
            // Server-side failures say nothing internal; the log has the cause chain.
            ApiError::Unavailable(_) => (Message::new("database-unavailable").render(lang), Vec::new()),
            ApiError::Internal(_) => (Message::new("internal-error").render(lang), Vec::new()),
        };
        Problem {
            problem_type: kind.uri(),
            title: kind.title(lang),
            status: kind.status().as_u16(),
            detail,
            errors,
            errors_total: match self {
                ApiError::Unprocessable(violations) => Some(violations.total),
                _ => None,
            },
            latest_version: match self {
                ApiError::Conflict { latest_version, .. } => Some(*latest_version),
                _ => None,
            },
            request_id: crate::http::telemetry::current_request_id(),
        }
    }
}

/// Database errors that mean "not reachable now" become 503; anything else is a bug (500).
impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        if crate::storage::is_unavailable(&error) {
            ApiError::Unavailable(error)
        } else {
            ApiError::Internal(anyhow::Error::new(error))
        }
    }
}

impl From<crate::storage::WriteError> for ApiError {
    fn from(error: crate::storage::WriteError) -> Self {
        use crate::storage::{Precondition, WriteError};
        match error {
            // The tag named is one the client can send back as it is: `"42-json"`, a word, never
            // a number the catalog would group (`"12,345-json"`).
            WriteError::PreconditionFailed { current: Some(v), asked: Precondition::Absent } => {
                let detail = Message::new("write-exists").word("version", v.to_string());
                ApiError::PreconditionFailed { detail, current: Some(v) }
            }
            WriteError::PreconditionFailed { current: Some(v), .. } | WriteError::Moved(v) => {
                let detail = Message::new("write-changed").word("version", v.to_string());
                ApiError::PreconditionFailed { detail, current: Some(v) }
            }
            WriteError::PreconditionFailed { current: None, .. } => {
                ApiError::PreconditionFailed { detail: Message::new("write-no-programme"), current: None }
            }
            WriteError::NoProgramme(id) => ApiError::programme_not_found(&id),
            WriteError::MissingScheme { programme, scheme } => ApiError::scheme_not_found(&programme, &scheme),
            WriteError::Invalid(violations) => ApiError::Unprocessable(violations),
            WriteError::Database(e) => e.into(),
        }
    }
}

/// The response of `problem`, written in `lang`: the language goes in `Content-Language`, and
/// `Vary: Accept-Language` says it was chosen.
fn problem_response(status: StatusCode, problem: &Problem, lang: Lang) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::CONTENT_TYPE, PROBLEM_JSON_UTF8))
        .insert_header((header::CONTENT_LANGUAGE, lang.code()))
        .insert_header((header::VARY, "Accept-Language"))
        .json(problem)
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.problem_type().status()
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            // Expected while the database is down or busy: a warning, with its cause.
            ApiError::Unavailable(_) => tracing::warn!(error = %anyhow_chain(self), "database unavailable"),
            // A bug: the whole cause chain.
            ApiError::Internal(_) => tracing::error!(error = %anyhow_chain(self), "request failed"),
            _ => {}
        }
        // Written once, in the language of the request being handled.
        let lang = crate::http::telemetry::current_lang();
        let mut response = problem_response(self.status_code(), &self.problem(lang), lang);
        let extra = match self {
            ApiError::Unavailable(_) | ApiError::Busy(_) => Some((header::RETRY_AFTER, "5")),
            // No credentials: the challenge alone, with no error code (RFC 6750 §3.1).
            ApiError::Unauthorized(detail) if detail.id == "auth-no-token" => {
                Some((header::WWW_AUTHENTICATE, "Bearer realm=\"khuyencong\""))
            }
            ApiError::Unauthorized(_) => {
                Some((header::WWW_AUTHENTICATE, "Bearer realm=\"khuyencong\", error=\"invalid_token\""))
            }
            ApiError::Forbidden(_) => {
                Some((header::WWW_AUTHENTICATE, "Bearer realm=\"khuyencong\", error=\"insufficient_scope\""))
            }
            _ => None,
        };
        if let Some((name, value)) = extra {
            response.headers_mut().insert(name, header::HeaderValue::from_static(value));
        }
        // The programme's current tag, to read it again or retry the write against (RFC 9110
        // §13.2.2 allows it on a 412).
        if let ApiError::PreconditionFailed { current: Some(version), .. } = self
            && let Ok(tag) = header::HeaderValue::from_str(&format!("\"{version}-json\""))
        {
            response.headers_mut().insert(header::ETAG, tag);
        }
        if let ApiError::TooManyRequests { retry_after, .. } = self {
            response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(*retry_after));
        }
        response
    }
}

/// The whole cause chain, for the log.
fn anyhow_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut out = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        source = cause.source();
    }
    out
}

/// A problem response for a status the routes do not produce themselves (unknown route, wrong
/// method, a NUL in the request), in the language of the request being handled.
pub fn generic_problem(kind: ProblemType, detail: &Message) -> HttpResponse {
    let lang = crate::http::telemetry::current_lang();
    let problem = Problem {
        problem_type: kind.uri(),
        title: kind.title(lang),
        status: kind.status().as_u16(),
        detail: detail.render(lang),
        errors: Vec::new(),
        errors_total: None,
        latest_version: None,
        request_id: crate::http::telemetry::current_request_id(),
    };
    problem_response(kind.status(), &problem, lang)
}

/// Documented error responses, shared by every operation that can give them.
pub mod responses {
    use utoipa::{IntoResponses, ToResponse};

    use super::Problem;

    /// The examples of the error responses: each the problem a real error of its kind makes, in
    /// English, so that an example can never say what the server does not.
    mod examples {
        use serde_json::Value;

        use crate::domain::aggregates::breakdown::Dimension;
        use crate::domain::document::{Violation, Violations};
        use crate::http::error::ApiError;
        use crate::i18n::{Lang, Message};
        use crate::storage::{Precondition, WriteError};

        fn example(error: ApiError) -> Value {
            serde_json::to_value(error.problem(Lang::En)).expect("a problem serialises")
        }

        pub fn bad_request() -> Value {
            example(ApiError::bad_value("by", "year", &Dimension::ALL))
        }

        pub fn not_found() -> Value {
            example(ApiError::programme_not_found("1999-2000"))
        }

        pub fn unavailable() -> Value {
            example(ApiError::Unavailable(sqlx::Error::PoolTimedOut))
        }

        pub fn unauthorized() -> Value {
            example(ApiError::Unauthorized(Message::new("auth-no-token")))
        }

        pub fn forbidden() -> Value {
            let scope = Message::new("auth-scope").word("name", "\"so-cong-thuong\"").word("has", "write");
            example(ApiError::Forbidden(scope.word("needs", "admin")))
        }

        pub fn precondition_failed() -> Value {
            let stale = WriteError::PreconditionFailed { current: Some(43), asked: Precondition::Versions(vec![42]) };
            example(ApiError::from(stale))
        }

        pub fn precondition_required() -> Value {
            example(ApiError::PreconditionRequired(Message::new("edit-needs-if-match")))
        }

        pub fn payload_too_large() -> Value {
            example(ApiError::PayloadTooLarge(Message::new("body-too-large").count("limit", 1_048_576)))
        }

        pub fn unsupported_media_type() -> Value {
            example(ApiError::UnsupportedMediaType(Message::new("body-not-json").word("sent", "\"text/plain\"")))
        }

        pub fn unprocessable() -> Value {
            let at = |pointer: &str, detail: Message| Violation { pointer: pointer.to_string(), detail };
            let unknown = Message::new("activity-unknown").word("key", "\"tourism\"");
            example(ApiError::Unprocessable(Violations::from(vec![
                at("/schemes/0/cost", Message::new("amount-negative")),
                at("/schemes/2/activity", unknown.word("allowed", "vocational_training, …")),
            ])))
        }

        pub fn too_many_requests() -> Value {
            let detail =
                Message::new("too-many").message("what", Message::new("auth-too-many-writes")).count("seconds", 20);
            example(ApiError::TooManyRequests { detail, retry_after: 20 })
        }

        pub fn conflict() -> Value {
            let detail = Message::new("changes-since-future").word("since", "90").word("latest", "42");
            example(ApiError::Conflict { detail, latest_version: 42 })
        }

        pub fn not_acceptable() -> Value {
            let detail = Message::new("not-acceptable")
                .word("offered", "application/json")
                .word("accept", "\"application/xml\"");
            example(ApiError::NotAcceptable(detail))
        }

        pub fn request_timeout() -> Value {
            example(ApiError::RequestTimeout(Message::new("body-stalled").count("seconds", 10)))
        }
    }

    /// Bad request: a query parameter is unknown, repeated, malformed, out of range or not one of
    /// its allowed values. `errors` names each parameter and, where the values are a fixed list,
    /// the allowed ones.
    #[derive(ToResponse)]
    #[response(
        content_type = "application/problem+json",
        example = json!(examples::bad_request())
    )]
    pub struct BadRequest(#[to_schema] pub Problem);

    /// Not found: no programme (or scheme record) has this id.
    #[derive(ToResponse)]
    #[response(
        content_type = "application/problem+json",
        example = json!(examples::not_found())
    )]
    pub struct NotFound(#[to_schema] pub Problem);

    /// Service unavailable: the database is not answering. Retry after the `Retry-After` seconds.
    #[derive(ToResponse)]
    #[response(
        content_type = "application/problem+json",
        headers(("Retry-After" = u32, description = "Seconds to wait before trying again")),
        example = json!(examples::unavailable())
    )]
    pub struct Unavailable(#[to_schema] pub Problem);

    /// Unauthorized: the bearer token is missing, malformed, unknown, revoked or expired.
    #[derive(ToResponse)]
    #[response(
        content_type = "application/problem+json",
        headers(("WWW-Authenticate" = String, description = "`Bearer realm=\"khuyencong\"` when no token was sent; `Bearer realm=\"khuyencong\", error=\"invalid_token\"` when the token failed")),
        example = json!(examples::unauthorized())
    )]
    pub struct Unauthorized(#[to_schema] pub Problem);

    /// Forbidden: the token is valid but its scope does not allow this operation.
    #[derive(ToResponse)]
    #[response(
        content_type = "application/problem+json",
        example = json!(examples::forbidden())
    )]
    pub struct Forbidden(#[to_schema] pub Problem);

    /// Precondition failed: `If-Match` names a version the programme is no longer at. `ETag`
    /// is the programme's current one (none when it does not exist).
    #[derive(ToResponse)]
    #[response(
        content_type = "application/problem+json",
        headers(("ETag" = String, description = "The programme's current ETag, e.g. `\"43-json\"`")),
        example = json!(examples::precondition_failed())
    )]
    pub struct PreconditionFailed(#[to_schema] pub Problem);

    /// Precondition required: this edit needs `If-Match` with the programme's current ETag.
    #[derive(ToResponse)]
    #[response(
        content_type = "application/problem+json",
        example = json!(examples::precondition_required())
    )]
    pub struct PreconditionRequired(#[to_schema] pub Problem);

    /// Payload too large: the body is over the configured limit.
    #[derive(ToResponse)]
    #[response(
        content_type = "application/problem+json",
        example = json!(examples::payload_too_large())
    )]
    pub struct PayloadTooLarge(#[to_schema] pub Problem);

    /// Unsupported media type: the body must be `application/json`.
    #[derive(ToResponse)]
    #[response(
        content_type = "application/problem+json",
        example = json!(examples::unsupported_media_type())
    )]
    pub struct UnsupportedMediaType(#[to_schema] pub Problem);

    /// Unprocessable: the document breaks one or more rules; `errors` lists every one, each with
    /// a JSON pointer into the body. Nothing was written.
    #[derive(ToResponse)]
    #[response(
        content_type = "application/problem+json",
        example = json!(examples::unprocessable())
    )]
    pub struct Unprocessable(#[to_schema] pub Problem);

    /// Too many requests: this token sent more writes than its rate allows, or this client
    /// address sent too many wrong tokens. A request with no token is never limited: it is 401.
    #[derive(ToResponse)]
    #[response(
        content_type = "application/problem+json",
        headers(("Retry-After" = u32, description = "Seconds to wait before writing again")),
        example = json!(examples::too_many_requests())
    )]
    pub struct TooManyRequests(#[to_schema] pub Problem);

    /// Request timeout: the body stopped arriving.
    #[derive(ToResponse)]
    #[response(
        content_type = "application/problem+json",
        example = json!(examples::request_timeout())
    )]
    pub struct RequestTimeout(#[to_schema] pub Problem);

    /// Conflict: `since` is later than any data version this database has had. `latest_version`
    /// says where it is.
    #[derive(ToResponse)]
    #[response(
        content_type = "application/problem+json",
        example = json!(examples::conflict())
    )]
    pub struct Conflict(#[to_schema] pub Problem);

    /// Not acceptable: the `Accept` header takes none of the operation's media types.
    #[derive(ToResponse)]
    #[response(
        content_type = "application/problem+json",
        example = json!(examples::not_acceptable())
    )]
    pub struct NotAcceptable(#[to_schema] pub Problem);

    /// What any write can answer besides success: no or a bad token, the wrong scope, a stale
    /// If-Match, the rate limit, the database down.
    #[derive(IntoResponses)]
    pub enum WriteErrors {
        #[response(status = 401)]
        Unauthorized(#[ref_response] Unauthorized),
        #[response(status = 403)]
        Forbidden(#[ref_response] Forbidden),
        #[response(status = 412)]
        PreconditionFailed(#[ref_response] PreconditionFailed),
        #[response(status = 429)]
        TooManyRequests(#[ref_response] TooManyRequests),
        #[response(status = 503)]
        Unavailable(#[ref_response] Unavailable),
    }

    /// What a write with a JSON body can answer about that body.
    #[derive(IntoResponses)]
    pub enum BodyErrors {
        #[response(status = 408)]
        RequestTimeout(#[ref_response] RequestTimeout),
        #[response(status = 413)]
        PayloadTooLarge(#[ref_response] PayloadTooLarge),
        #[response(status = 415)]
        UnsupportedMediaType(#[ref_response] UnsupportedMediaType),
        #[response(status = 422)]
        Unprocessable(#[ref_response] Unprocessable),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_412_names_a_tag_the_client_can_send_back_whatever_the_version() {
        let error = ApiError::from(crate::storage::WriteError::Moved(12345));
        let detail = error.problem(Lang::En).detail;
        assert!(detail.contains("If-Match: \"12345-json\""), "{detail}");
        let vi = error.problem(Lang::Vi).detail;
        assert!(vi.contains("If-Match: \"12345-json\""), "{vi}");
    }

    #[test]
    fn every_problem_type_has_a_title_in_each_language() {
        for kind in ProblemType::ALL {
            let id = kind.spec().2;
            assert_eq!(id.strip_prefix("problem-"), kind.uri().strip_prefix("urn:khuyencong:problem:"));
            for lang in Lang::ALL {
                assert_ne!(kind.title(lang), id, "{id} is not in the {} catalog", lang.code());
            }
        }
        assert_eq!(ProblemType::NotFound.title(Lang::En), "Not found");
        assert_eq!(ProblemType::PreconditionFailed.title(Lang::Vi), "Dữ liệu đã được thay đổi");
        assert_eq!(ProblemType::Internal.title(Lang::En), "Internal error");
    }
}
