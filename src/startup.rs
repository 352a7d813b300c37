//! Building the application: database, migrations, seeds, routes, HTTP server.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use std::time::Duration;

use actix_cors::Cors;
use actix_web::http::{Method, header};
use actix_web::middleware::from_fn;
use tracing_actix_web::TracingLogger;

use crate::http::auth::WriteLimits;
use crate::http::cache::ResponseCache;
use crate::http::network::TrustedProxies;
use crate::http::telemetry::{RequestSpan, request_id};
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::configuration::Settings;
use crate::http::openapi::ApiDoc;
use crate::routes::{self, AppState};
use crate::storage::seeds;
use crate::storage::{Db, DbOptions};

pub struct Application {
    server: Server,
    port: u16,
    /// `/metrics` on an address of its own, when `METRICS_BIND_ADDR` is set.
    metrics: Option<(Server, u16)>,
    db: Db,
}

/// Connects, migrates and loads seed files not loaded before. Shared by `serve` and tests.
pub async fn prepare_database(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::connect(&settings.db_options()).await?;
    db.migrate().await?;
    let files = seeds::files(settings.seeds_dir.as_deref())?;
    seeds::load(&db, &files, false).await?;
    Ok(db)
}

/// The OpenAPI document of the routes the server registers (collected from the handlers).
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    let raw = App::new().into_utoipa_app().openapi(ApiDoc::openapi()).configure(routes::configure).split_for_parts().1;
    crate::http::openapi::finish(raw)
}

/// The budgets `auth::authorize` checks: `WRITE_RATE_PER_MINUTE` writes per token (bursts of
/// `WRITE_RATE_BURST`), `AUTH_FAILURES_PER_MINUTE` failed authentications per client address.
/// A task forgets idle keys every minute.
fn write_limits(settings: &Settings) -> anyhow::Result<web::Data<WriteLimits>> {
    anyhow::ensure!(
        settings.write_rate_per_minute > 0 && settings.write_rate_burst > 0 && settings.auth_failures_per_minute > 0,
        "WRITE_RATE_PER_MINUTE, WRITE_RATE_BURST and AUTH_FAILURES_PER_MINUTE must be at least 1"
    );
    let limits = web::Data::new(WriteLimits::new(
        settings.write_rate_per_minute,
        settings.write_rate_burst,
        settings.auth_failures_per_minute,
    ));
    let idle = limits.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            idle.forget_idle();
        }
    });
    Ok(limits)
}

/// CORS: reads from any origin (the data is public); writes only from `origins`.
fn cors(origins: &[String]) -> Cors {
    let origins = origins.to_vec();
    Cors::default()
        .allowed_origin_fn(move |origin, head| {
            let method = if head.method == Method::OPTIONS {
                head.headers
                    .get("access-control-request-method")
                    .and_then(|m| m.to_str().ok())
                    .unwrap_or("")
                    .to_string()
            } else {
                head.method.to_string()
            };
            matches!(method.as_str(), "GET" | "HEAD") || origin.to_str().is_ok_and(|o| origins.iter().any(|w| w == o))
        })
        .allowed_methods(["GET", "HEAD", "PUT", "POST", "DELETE"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            header::IF_NONE_MATCH,
            header::ACCEPT,
        ])
        .allowed_header("x-request-id")
        .expose_headers([header::ETAG, header::LOCATION, header::LINK, header::RETRY_AFTER, header::VARY])
        .expose_headers(["x-request-id", "ratelimit", "ratelimit-policy"])
        .expose_headers([header::CONTENT_DISPOSITION])
        .max_age(3600)
}

impl Application {
    pub async fn build(settings: &Settings) -> anyhow::Result<Application> {
        let mut db = prepare_database(settings).await?;
        if let Some(url) = &settings.database_read_url {
            db = db.with_replica(&DbOptions { url: url.clone(), ..settings.db_options() }).await?;
        }
        let reference = db.reference().await.context("cannot read the reference data")?;
        let jurisdictions = db.jurisdictions().await.context("cannot read the jurisdictions")?;
        let listener = TcpListener::bind(&settings.bind_addr)
            .with_context(|| format!("cannot listen on {}", settings.bind_addr))?;
        let address = listener.local_addr().context("cannot read the listening address")?;
        let limits = routes::BodyLimits {
            body: settings.body_limit_bytes,
            import: settings.import_body_limit_bytes,
            idle: Duration::from_secs(settings.request_timeout_secs.max(1)),
        };
        let proxies = TrustedProxies::parse(&settings.trusted_proxies)?;
        anyhow::ensure!(
            settings.heavy_read_permits >= 1 && settings.heavy_read_permits < settings.database_max_connections,
            "HEAVY_READ_PERMITS must be at least 1 and fewer than DATABASE_MAX_CONNECTIONS ({})",
            settings.database_max_connections
        );
        let heavy = crate::http::heavy::HeavyReads::new(
            settings.heavy_read_permits as usize,
            Duration::from_secs(settings.heavy_read_wait_secs),
            Duration::from_secs(settings.heavy_read_deadline_secs.max(1)),
        );
        let state = web::Data::new(AppState { db: db.clone(), reference, jurisdictions, limits, heavy });
        let document = openapi_document();
        let methods = web::Data::new(crate::http::operations::Methods::from_document(&document));
        let document_tag = web::Data::new(crate::http::openapi::DocumentTag::of(&document));
        let cache = ResponseCache::start(db.clone(), settings.response_cache, settings.response_cache_bytes);
        // The data version read before the first request, not at the poller's first tick: from
        // the first read on, responses are kept (and tests need not wait for the poller).
        cache.refresh().await;
        let metrics = crate::http::metrics::build(&db, cache.clone())?;
        let metrics_here = settings.metrics_bind_addr.is_none();
        let metrics_server = match &settings.metrics_bind_addr {
            Some(address) => Some(crate::http::metrics::serve_separately(&metrics, address)?),
            None => None,
        };
        let cache = web::Data::new(cache);
        let metrics = web::Data::new(metrics);
        let write_limits = write_limits(settings)?;
        let write_origins: Vec<String> =
            settings.cors_write_origins.split(',').map(|o| o.trim().to_string()).filter(|o| !o.is_empty()).collect();
        let proxies = web::Data::new(proxies);
        let mut server = HttpServer::new(move || {
            App::new()
                .into_utoipa_app()
                .openapi(ApiDoc::openapi())
                .configure(routes::configure)
                .openapi_service(|api| {
                    SwaggerUi::new("/swagger-ui/{_:.*}").url("/openapi.json", crate::http::openapi::finish(api))
                })
                .into_app()
                .app_data(state.clone())
                .app_data(methods.clone())
                .app_data(document_tag.clone())
                .app_data(proxies.clone())
                .app_data(cache.clone())
                .app_data(metrics.clone())
                .configure(|cfg| {
                    if metrics_here {
                        cfg.route("/metrics", web::get().to(crate::http::metrics::exposition_here));
                    }
                })
                .app_data(write_limits.clone())
                .app_data(routes::query_config())
                .app_data(routes::path_config())
                .default_service(web::to(crate::http::operations::fallback))
                // Outermost last: screen (the route, found once; unknown methods, NUL) → request
                // id → log span → metrics → CORS → the query-parameter rule → the response as
                // asked (HEAD as GET, cache refresh after writes, problems in the request's
                // language, coding and coded ETags) → routes, where each cacheable resource has the response cache
                // (after routing, so a hit costs no route lookup). The cache keeps each body in
                // every coding, compressed once; `respond_as_asked` codes
                // only what it did not.
                .wrap(from_fn(crate::http::respond::respond_as_asked))
                .wrap(from_fn(crate::http::respond::parameters))
                .wrap(cors(&write_origins))
                .wrap(from_fn(crate::http::metrics::record))
                .wrap(TracingLogger::<RequestSpan>::new())
                .wrap(from_fn(request_id))
                .wrap(from_fn(crate::http::respond::screen))
        })
        // Each response goes out as soon as it is written: with Nagle's algorithm on, a body
        // written in two parts (a coded or streamed one) waited for the client's delayed ACK,
        // about 40 ms on every kept-alive request.
        .on_connect(|connection, _| {
            if let Some(socket) = connection.downcast_ref::<actix_web::rt::net::TcpStream>()
                && let Err(e) = socket.set_nodelay(true)
            {
                tracing::warn!(error = %e, "cannot set TCP_NODELAY on a connection");
            }
        })
        .client_request_timeout(Duration::from_secs(settings.request_timeout_secs.max(1)))
        .shutdown_timeout(settings.shutdown_timeout_secs)
        .listen(listener)
        .context("cannot start the HTTP server")?;
        if settings.http_workers > 0 {
            server = server.workers(settings.http_workers);
        }
        tracing::info!("serving http://{address} (database: {})", crate::storage::redact(&settings.database_url));
        if let Some(url) = &settings.database_read_url {
            tracing::info!("reading from the replica {} whenever it has caught up", crate::storage::redact(url));
        }
        if let Some((_, port)) = &metrics_server {
            tracing::info!("serving /metrics on port {port} (METRICS_BIND_ADDR)");
        }
        Ok(Application { server: server.run(), port: address.port(), metrics: metrics_server, db })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The port of `/metrics` when it has an address of its own.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics.as_ref().map(|(_, port)| *port)
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let metrics = self.metrics.map(|(server, _)| {
            let handle = server.handle();
            tokio::spawn(server);
            handle
        });
        let result = self.server.await;
        if let Some(metrics) = metrics {
            metrics.stop(true).await;
        }
        self.db.close().await;
        result
    }
}
