//! Prometheus metrics at `/metrics`: requests by route template and status (actix-web-prom),
//! the database pool, and build info; on the API's own address, or on one of their own
//! (`METRICS_BIND_ADDR`).

use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::{App, HttpResponse, HttpServer, web};
use actix_web_prom::{PrometheusMetrics, PrometheusMetricsBuilder};
use anyhow::Context;
use prometheus::{IntGauge, IntGaugeVec, Opts, Registry, TextEncoder};

use crate::cache::ResponseCache;
use crate::storage::Db;

/// The metrics middleware, with the pool and cache gauges kept current by a background task.
/// With `on_api_address`, it also answers `GET /metrics` on the API's address.
pub fn build(db: &Db, cache: Arc<ResponseCache>, on_api_address: bool) -> anyhow::Result<PrometheusMetrics> {
    let mut builder = PrometheusMetricsBuilder::new("khuyencong")
        // Unknown paths share one label, so scrapers cannot blow up the series count (and
        // `http::screen` turns away unknown methods before they become a label).
        .mask_unmatched_patterns("UNMATCHED");
    if on_api_address {
        builder = builder.endpoint("/metrics");
    }
    let metrics = builder.build().map_err(|e| anyhow::anyhow!("cannot set up metrics: {e}"))?;
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
    Ok(metrics)
}

/// `GET /metrics` alone, on an address of its own (`METRICS_BIND_ADDR`), so that an operator can
/// keep it off the public listener. Returns the server and the port it listens on.
pub fn serve_separately(metrics: &PrometheusMetrics, address: &str) -> anyhow::Result<(Server, u16)> {
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
