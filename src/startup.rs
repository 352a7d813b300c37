//! Building the application: database, migrations, seeds, routes, HTTP server.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use tracing_actix_web::TracingLogger;
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::configuration::Settings;
use crate::openapi::ApiDoc;
use crate::routes::{self, AppState};
use crate::seeds;
use crate::storage::Db;

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

impl Application {
    pub async fn build(settings: &Settings) -> anyhow::Result<Application> {
        let db = prepare_database(settings).await?;
        let reference = db.reference().await.context("cannot read the reference data")?;
        let listener = TcpListener::bind(&settings.bind_addr)
            .with_context(|| format!("cannot listen on {}", settings.bind_addr))?;
        let address = listener.local_addr().context("cannot read the listening address")?;
        let limits = routes::BodyLimits { body: settings.body_limit_bytes, import: settings.import_body_limit_bytes };
        let state = web::Data::new(AppState { db: db.clone(), reference, limits });
        let methods = web::Data::new(routes::Methods::from_document(&openapi_document()));
        let mut server = HttpServer::new(move || {
            App::new()
                .into_utoipa_app()
                .openapi(ApiDoc::openapi())
                .configure(routes::configure)
                .openapi_service(|api| SwaggerUi::new("/swagger-ui/{_:.*}").url("/openapi.json", api))
                .into_app()
                .app_data(state.clone())
                .app_data(methods.clone())
                .app_data(routes::query_config())
                .app_data(routes::path_config())
                .service(routes::landing)
                .default_service(web::to(routes::fallback))
                .wrap(TracingLogger::default())
        })
        .listen(listener)
        .context("cannot start the HTTP server")?;
        if settings.http_workers > 0 {
            server = server.workers(settings.http_workers);
        }
        tracing::info!("serving http://{address} (database: {})", crate::storage::redact(&settings.database_url));
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
