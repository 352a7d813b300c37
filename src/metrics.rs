//! Prometheus metrics at `/metrics`: requests by route template and status (actix-web-prom),
//! the database pool, and build info.

use std::time::Duration;

use actix_web_prom::{PrometheusMetrics, PrometheusMetricsBuilder};
use anyhow::Context;
use prometheus::{IntGauge, IntGaugeVec, Opts};

use crate::storage::Db;

/// The metrics middleware, with the pool gauges kept current by a background task.
pub fn build(db: &Db) -> anyhow::Result<PrometheusMetrics> {
    let metrics = PrometheusMetricsBuilder::new("khuyencong")
        .endpoint("/metrics")
        // Unknown paths share one label, so scrapers cannot blow up the series count.
        .mask_unmatched_patterns("UNMATCHED")
        .build()
        .map_err(|e| anyhow::anyhow!("cannot set up metrics: {e}"))?;
    let registry = &metrics.registry;
    let in_use = IntGauge::new("khuyencong_db_pool_in_use", "Database connections in use")?;
    let idle = IntGauge::new("khuyencong_db_pool_idle", "Database connections open and idle")?;
    let build_info = IntGaugeVec::new(Opts::new("khuyencong_build_info", "The running build"), &["version", "engine"])?;
    build_info.with_label_values(&[env!("CARGO_PKG_VERSION"), db.engine_name()]).set(1);
    for collector in
        [Box::new(in_use.clone()) as Box<dyn prometheus::core::Collector>, Box::new(idle.clone()), Box::new(build_info)]
    {
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
        }
    });
    Ok(metrics)
}
