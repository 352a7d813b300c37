//! Logging: `tracing` to stderr, text or JSON, level from RUST_LOG.

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::EnvFilter;

use crate::configuration::LogFormat;

/// The level when RUST_LOG is unset. tracing-actix-web's own error line is off: `ApiError`
/// already logs server-side failures with their cause chain.
pub const DEFAULT_FILTER: &str = "info,sqlx=warn,tracing_actix_web::middleware=off";

/// Installs the global subscriber once; later calls (tests) are no-ops. Lines are written to
/// stderr by a background thread, in batches, flushed whenever no line is waiting (a request
/// does not wait for the write; none is dropped: a full buffer makes the logger wait). Keep the guard until exit: dropping it flushes the rest.
pub fn init(format: LogFormat) -> WorkerGuard {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    // Colours only for a terminal: escape codes in a log file are noise (and cost time).
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    // Buffered: the writer thread writes every line it finds waiting in one call, then flushes
    // when none is left, instead of a write call per line (5 % of a trivial request's CPU).
    let stderr = std::io::BufWriter::with_capacity(64 * 1024, std::io::stderr());
    let (writer, guard) = NonBlockingBuilder::default().lossy(false).finish(stderr);
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer).with_ansi(ansi);
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
    guard
}

/// The request's id: from `X-Request-Id` when it is a sane token, else a new UUID. Returned in
/// the response's `X-Request-Id`, logged with every line of the request, and put in problems.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// When the request arrived, for its latency.
#[derive(Clone, Copy, Debug)]
struct Arrived(std::time::Instant);

/// What the code that handles a request may need without being handed the request: its id, and
/// the `Accept-Language` a problem is written for (parsed only when a problem is made).
struct InRequest {
    id: String,
    accept_language: Option<actix_web::http::header::HeaderValue>,
}

tokio::task_local! {
    static REQUEST: InRequest;
}

impl InRequest {
    fn of(id: &str, headers: &actix_web::http::header::HeaderMap) -> InRequest {
        InRequest {
            id: id.to_string(),
            accept_language: headers.get(actix_web::http::header::ACCEPT_LANGUAGE).cloned(),
        }
    }
}

/// The id of the request being handled, where there is one.
pub fn current_request_id() -> Option<String> {
    REQUEST.try_with(|r| r.id.clone()).ok()
}

/// The language the request being handled asks for (`Accept-Language`); English outside one.
pub fn current_lang() -> crate::i18n::Lang {
    REQUEST
        .try_with(|r| crate::http::negotiation::language(r.accept_language.as_ref().map(|v| v.as_bytes())))
        .unwrap_or_default()
}

fn acceptable(id: &str) -> bool {
    (1..=128).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
}

/// The id a request with these headers gets: its `X-Request-Id` when that is a sane token,
/// else a new UUID.
pub fn request_id_for(headers: &actix_web::http::header::HeaderMap) -> String {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| acceptable(v))
        .map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_string)
}

/// Runs `f` as part of request `id` with `headers` (the problems it makes name the id and are in
/// the language the headers ask for).
pub fn in_request<T>(id: &str, headers: &actix_web::http::header::HeaderMap, f: impl FnOnce() -> T) -> T {
    REQUEST.sync_scope(InRequest::of(id, headers), f)
}

/// Middleware: gives every request its id (see [`RequestId`]).
pub async fn request_id(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    use actix_web::HttpMessage;
    let id = request_id_for(req.headers());
    req.extensions_mut().insert(RequestId(id.clone()));
    req.extensions_mut().insert(Arrived(std::time::Instant::now()));
    // `call` runs inside the scope too: middleware such as the rate limiter answers from it.
    let scope = InRequest::of(&id, req.headers());
    let mut response = REQUEST.scope(scope, async move { next.call(req).await }).await?;
    if let Ok(value) = actix_web::http::header::HeaderValue::from_str(&id) {
        response.headers_mut().insert(actix_web::http::header::HeaderName::from_static("x-request-id"), value);
    }
    Ok(response)
}

/// One span per request, with its id, route template and client; one line when it ends, with
/// status and latency.
pub struct RequestSpan;

impl tracing_actix_web::RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        use actix_web::HttpMessage;
        let id = request.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
        // The route `http::screen` found, not a second lookup.
        let route = crate::http::context::route(request.request())
            .map_or_else(|| std::sync::Arc::from("(unmatched)"), |r| r.pattern);
        let client = request
            .app_data::<actix_web::web::Data<crate::http::network::TrustedProxies>>()
            .and_then(|p| p.client_ip(request.peer_addr().map(|a| a.ip()), request.headers()))
            .map(|ip| ip.to_string())
            .unwrap_or_default();
        tracing::info_span!(
            "request",
            request_id = %id,
            method = %request.method(),
            route = %route,
            client = %client,
            status = tracing::field::Empty,
        )
    }

    fn on_request_end<B: actix_web::body::MessageBody>(
        span: tracing::Span,
        outcome: &Result<actix_web::dev::ServiceResponse<B>, actix_web::Error>,
    ) {
        use actix_web::HttpMessage;
        let (status, latency) = match outcome {
            Ok(response) => {
                (response.status().as_u16(), response.request().extensions().get::<Arrived>().map(|a| a.0.elapsed()))
            }
            Err(error) => (error.as_response_error().status_code().as_u16(), None),
        };
        span.record("status", status);
        let latency_ms = latency.map_or(0.0, |l| l.as_secs_f64() * 1000.0);
        span.in_scope(|| tracing::info!(status, latency_ms, "request"));
    }
}
