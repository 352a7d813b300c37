//! The limit of this machine for `scripts/bench`: a bare actix-web handler that answers what
//! `/health/live` answers (its body and headers, a fresh request id included) with nothing
//! around it, on `HTTP_WORKERS` workers (0: actix's default) at `BIND_ADDR`.

use actix_web::{App, HttpResponse, HttpServer, web};

async fn live() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header(("x-request-id", uuid::Uuid::new_v4().to_string()))
        .insert_header(("access-control-expose-headers", "link, location, etag, retry-after, x-request-id, vary"))
        .insert_header(("vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"))
        .body(r#"{"status":"ok"}"#)
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let address = std::env::var("BIND_ADDR").unwrap_or_else(|_| "127.0.0.1:8081".into());
    let workers: usize = std::env::var("HTTP_WORKERS").ok().and_then(|w| w.parse().ok()).unwrap_or(0);
    let mut server = HttpServer::new(|| App::new().route("/health/live", web::get().to(live)))
        .on_connect(|connection, _| {
            if let Some(socket) = connection.downcast_ref::<actix_web::rt::net::TcpStream>() {
                let _ = socket.set_nodelay(true);
            }
        })
        .bind(address)?;
    if workers > 0 {
        server = server.workers(workers);
    }
    server.run().await
}
