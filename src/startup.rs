//! Building the application: database, migrations, seeds, routes, HTTP server.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use std::time::Duration;

use actix_cors::Cors;
use actix_governor::{Governor, GovernorConfig, GovernorConfigBuilder};
use actix_web::http::{Method, header};
use actix_web::middleware::{Compress, from_fn};
use governor::clock::QuantaInstant;
use governor::middleware::NoOpMiddleware;
use tracing_actix_web::TracingLogger;

use crate::cache::ResponseCache;
use crate::network::{ClientIp, TrustedProxies};
use crate::telemetry::{RequestSpan, request_id};
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::configuration::Settings;
use crate::openapi::ApiDoc;
use crate::routes::{self, AppState};
use crate::seeds;
use crate::storage::{Db, DbOptions};

pub struct Application {
    server: Server,
    port: u16,
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
    App::new().into_utoipa_app().openapi(ApiDoc::openapi()).configure(routes::configure).split_for_parts().1
}

/// The write rate limit: `WRITE_RATE_PER_MINUTE` per client address, bursts of `WRITE_RATE_BURST`.
/// Reads are never limited here.
fn write_rate_limit(
    settings: &Settings,
    proxies: &TrustedProxies,
) -> anyhow::Result<GovernorConfig<ClientIp, NoOpMiddleware<QuantaInstant>>> {
    let per_minute = u64::from(settings.write_rate_per_minute.max(1));
    GovernorConfigBuilder::default()
        .period(Duration::from_micros(60_000_000 / per_minute))
        .burst_size(settings.write_rate_burst.max(1))
        .methods(vec![Method::PUT, Method::POST, Method::DELETE, Method::PATCH])
        .key_extractor(ClientIp(proxies.clone()))
        .finish()
        .context("WRITE_RATE_PER_MINUTE and WRITE_RATE_BURST must be at least 1")
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
        .expose_headers(["x-request-id"])
        .max_age(3600)
}

impl Application {
    pub async fn build(settings: &Settings) -> anyhow::Result<Application> {
        let mut db = prepare_database(settings).await?;
        if let Some(url) = &settings.database_read_url {
            db = db.with_replica(&DbOptions { url: url.clone(), ..settings.db_options() }).await?;
        }
        let reference = db.reference().await.context("cannot read the reference data")?;
        let listener = TcpListener::bind(&settings.bind_addr)
            .with_context(|| format!("cannot listen on {}", settings.bind_addr))?;
        let address = listener.local_addr().context("cannot read the listening address")?;
        let limits = routes::BodyLimits {
            body: settings.body_limit_bytes,
            import: settings.import_body_limit_bytes,
            idle: Duration::from_secs(settings.request_timeout_secs.max(1)),
        };
        let proxies = TrustedProxies::parse(&settings.trusted_proxies)?;
        let state = web::Data::new(AppState { db: db.clone(), reference, limits });
        let methods = web::Data::new(routes::Methods::from_document(&openapi_document()));
        let metrics = crate::metrics::build(&db)?;
        let cache = web::Data::new(ResponseCache::start(db.clone(), settings.response_cache));
        let rate_limit = write_rate_limit(settings, &proxies)?;
        let write_origins: Vec<String> =
            settings.cors_write_origins.split(',').map(|o| o.trim().to_string()).filter(|o| !o.is_empty()).collect();
        let proxies = web::Data::new(proxies);
        let mut server = HttpServer::new(move || {
            App::new()
                .into_utoipa_app()
                .openapi(ApiDoc::openapi())
                .configure(routes::configure)
                .openapi_service(|api| SwaggerUi::new("/swagger-ui/{_:.*}").url("/openapi.json", api))
                .into_app()
                .app_data(state.clone())
                .app_data(methods.clone())
                .app_data(proxies.clone())
                .app_data(cache.clone())
                .app_data(routes::query_config())
                .app_data(routes::path_config())
                .service(routes::landing)
                .default_service(web::to(routes::fallback))
                // Outermost last: request id → log span → metrics → CORS → write rate limit →
                // HEAD as GET → coded ETags → compression → cache refresh after writes → routes,
                // where each cacheable resource has the response cache (after routing, so a hit
                // costs no route lookup). The cache keeps plain bytes; a body is compressed on its
                // way out, when the client asks.
                .wrap(from_fn(crate::cache::refresh_after_writes))
                .wrap(Compress::default())
                .wrap(from_fn(routes::http::coded_etags))
                .wrap(from_fn(routes::http::head_as_get))
                .wrap(Governor::new(&rate_limit))
                .wrap(cors(&write_origins))
                .wrap(metrics.clone())
                .wrap(TracingLogger::<RequestSpan>::new())
                .wrap(from_fn(request_id))
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
        Ok(Application { server: server.run(), port: address.port(), db })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let result = self.server.await;
        self.db.close().await;
        result
    }
}
