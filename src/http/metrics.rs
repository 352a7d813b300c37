//! Prometheus metrics at `/metrics`: requests by route template and status, the database pool,
//! the response cache and build info; on the API's own address, or on one of their own
//! (`METRICS_BIND_ADDR`).

use std::sync::Arc;
use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{App, HttpResponse, HttpServer, web};
use anyhow::Context;
use prometheus::{HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry, TextEncoder};

use crate::http::cache::ResponseCache;
use crate::storage::Db;

/// The request metrics, under the names and labels Prometheus users know (those of
/// actix-web-prom, which this replaced: it matched every request's route twice more and built a
/// map per request): `khuyencong_http_requests_total` and
/// `khuyencong_http_requests_duration_seconds`, by `endpoint` (the route template, or
/// `UNMATCHED`), `method` and `status`.
pub struct Metrics {
    pub registry: Registry,
    requests: IntCounterVec,
    durations: HistogramVec,
}

/// The metrics, with the pool and cache gauges kept current by a background task.
pub fn build(db: &Db, cache: Arc<ResponseCache>) -> anyhow::Result<Arc<Metrics>> {
    let registry = Registry::new();
    let labels = ["endpoint", "method", "status"];
    let requests =
        IntCounterVec::new(Opts::new("khuyencong_http_requests_total", "Total number of HTTP requests"), &labels)?;
    let durations = HistogramVec::new(
        HistogramOpts::new("khuyencong_http_requests_duration_seconds", "HTTP request duration in seconds"),
        &labels,
    )?;
    registry.register(Box::new(requests.clone()))?;
    registry.register(Box::new(durations.clone()))?;
    let metrics = Metrics { registry, requests, durations };
    let registry = &metrics.registry;
    let in_use = IntGauge::new("khuyencong_db_pool_in_use", "Database connections in use")?;
    let cached = IntGauge::new("khuyencong_response_cache_bytes", "Bytes the response cache holds")?;
    let idle = IntGauge::new("khuyencong_db_pool_idle", "Database connections open and idle")?;
    let build_info = IntGaugeVec::new(Opts::new("khuyencong_build_info", "The running build"), &["version", "engine"])?;
    build_info.with_label_values(&[env!("CARGO_PKG_VERSION"), db.engine_name()]).set(1);
    for collector in [
        Box::new(in_use.clone()) as Box<dyn prometheus::core::Collector>,
        Box::new(idle.clone()),
        Box::new(cached.clone()),
        Box::new(cache.builds.clone()),
        Box::new(build_info),
    ] {
        registry.register(collector).context("cannot register a metric")?;
    }
    let pool = db.pool().clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        while !pool.is_closed() {
            tick.tick().await;
            let open = i64::from(pool.size());
            let idle_now = i64::try_from(pool.num_idle()).unwrap_or(i64::MAX);
            idle.set(idle_now);
            in_use.set(open - idle_now);
            cached.set(i64::try_from(cache.weight()).unwrap_or(i64::MAX));
        }
    });
    Ok(Arc::new(metrics))
}

/// Middleware, inside the log span: counts each request under its route template (found once,
/// by `http::screen`) and the time to its response's head. Methods no route uses never get
/// here (the screen answers them), so the labels stay few.
pub async fn record(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let metrics = req.app_data::<web::Data<Arc<Metrics>>>().map(|m| Arc::clone(m.get_ref()));
    let route = crate::http::context::route(req.request());
    let method = req.method().clone();
    let started = std::time::Instant::now();
    let response = next.call(req).await?;
    if let Some(metrics) = metrics {
        let endpoint = route.as_ref().map_or("UNMATCHED", |r| &r.pattern);
        let status = response.status();
        let labels = [endpoint, method.as_str(), status.as_str()];
        metrics.requests.with_label_values(&labels).inc();
        metrics.durations.with_label_values(&labels).observe(started.elapsed().as_secs_f64());
    }
    Ok(response)
}

/// `GET /metrics` on the API's own address.
pub async fn exposition_here(metrics: web::Data<Arc<Metrics>>) -> HttpResponse {
    exposition(web::Data::new(metrics.registry.clone())).await
}

/// `GET /metrics` alone, on an address of its own (`METRICS_BIND_ADDR`), so that an operator can
/// keep it off the public listener. Returns the server and the port it listens on.
pub fn serve_separately(metrics: &Metrics, address: &str) -> anyhow::Result<(Server, u16)> {
    let listener = std::net::TcpListener::bind(address)
        .with_context(|| format!("cannot listen on {address} (METRICS_BIND_ADDR)"))?;
    let port = listener.local_addr().context("cannot read the metrics address")?.port();
    let registry = web::Data::new(metrics.registry.clone());
    let server =
        HttpServer::new(move || App::new().app_data(registry.clone()).route("/metrics", web::get().to(exposition)))
            .workers(1)
            .listen(listener)
            .context("cannot start the metrics server")?
            .run();
    Ok((server, port))
}

async fn exposition(registry: web::Data<Registry>) -> HttpResponse {
    let mut text = String::new();
    match TextEncoder::new().encode_utf8(&registry.gather(), &mut text) {
        Ok(()) => HttpResponse::Ok().content_type("text/plain; version=0.0.4").body(text),
        Err(e) => {
            tracing::error!(error = %e, "cannot encode the metrics");
            HttpResponse::InternalServerError().finish()
        }
    }
}
