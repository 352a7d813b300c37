//! The response cache: read responses built once per data version and served as ready bytes.
//!
//! Correctness rests on the database-wide data version that every write bumps:
//! - a poller reads it every 200 ms, so a write through another instance is seen within that;
//! - a write through this instance refreshes it before its response leaves, so the very next
//!   read sees the new data;
//! - an entry is stored only if the version did not move while it was being built;
//! - while the database is down the version cannot move, so what is cached keeps being served;
//! - with a read replica, reads go to it only while it holds the version last read from the
//!   primary (checked by the same poller, and after each write), so no read goes back in time.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, Data};
use actix_web::{Error, HttpResponse};

use crate::storage::Db;

/// Entries are dropped all at once past this count (writes clear them anyway).
const MAX_ENTRIES: usize = 10_000;
/// Bodies larger than this are not kept.
const MAX_BODY: usize = 1 << 20;
const POLL: Duration = Duration::from_millis(200);

struct Entry {
    version: i64,
    headers: Vec<(HeaderName, HeaderValue)>,
    body: Bytes,
}

pub struct ResponseCache {
    enabled: bool,
    db: Db,
    version: RwLock<Option<i64>>,
    entries: RwLock<HashMap<String, Arc<Entry>>>,
}

impl ResponseCache {
    /// A cache over `db`, kept current by a background poller. Disabled: every read is built.
    pub fn start(db: Db, enabled: bool) -> Arc<ResponseCache> {
        let cache =
            Arc::new(ResponseCache { enabled, db, version: RwLock::new(None), entries: RwLock::new(HashMap::new()) });
        // The poller also decides where reads go when there is a replica, cache or not.
        if enabled || cache.db.has_replica() {
            let poller = Arc::downgrade(&cache);
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(POLL);
                while let Some(cache) = poller.upgrade() {
                    if cache.db.pool().is_closed() {
                        break;
                    }
                    cache.refresh().await;
                    drop(cache);
                    tick.tick().await;
                }
            });
        }
        cache
    }

    /// Reads the data version; on a change, forgets every entry. A failed read (database down)
    /// keeps what is known: the data cannot change while nobody can write it.
    pub async fn refresh(&self) {
        if let Ok(now) = self.db.data_version().await {
            // Before the version is published: from now on reads go to the replica only if it
            // holds this version, so nothing older is built and stored under it.
            self.db.check_replica(now).await;
            let changed = *self.version.read().expect("cache lock") != Some(now);
            if changed {
                *self.version.write().expect("cache lock") = Some(now);
                self.entries.write().expect("cache lock").clear();
            }
        }
    }

    fn current(&self) -> Option<i64> {
        *self.version.read().expect("cache lock")
    }
}

/// The cache key of a read: the target, the representation asked for, and the host and scheme
/// that absolute links are built from. None for what is not cached (anything but GET, or a
/// target too long to be worth keeping).
fn key(req: &ServiceRequest) -> Option<String> {
    if req.method() != Method::GET || req.path().len() > 1024 {
        return None;
    }
    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("");
    let parts = [req.path(), "?", req.query_string(), "\n", header("accept"), "\n", header("host"), "\n"];
    let forwarded = [header("x-forwarded-proto"), "\n", header("x-forwarded-host")];
    let mut key = String::with_capacity(parts.iter().chain(&forwarded).map(|p| p.len()).sum());
    parts.iter().chain(&forwarded).for_each(|p| key.push_str(p));
    Some(key)
}

/// The headers a 304 repeats from the 200 it stands for (RFC 9110 §15.4.5).
const NOT_MODIFIED_HEADERS: [HeaderName; 4] =
    [header::ETAG, header::VARY, header::CACHE_CONTROL, header::LAST_MODIFIED];

/// A 304 when `asked` (the client's If-None-Match) holds `etag`, the ETag of the 200 whose
/// `headers` it repeats (those a 304 carries); None when the client needs the body.
fn not_modified<'a>(
    asked: Option<&HeaderValue>,
    etag: Option<&HeaderValue>,
    headers: impl Iterator<Item = (&'a HeaderName, &'a HeaderValue)>,
) -> Option<HttpResponse> {
    if !crate::routes::http::not_modified(asked, etag?.to_str().ok()?) {
        return None;
    }
    let mut response = HttpResponse::NotModified();
    for (name, value) in headers.filter(|(name, _)| NOT_MODIFIED_HEADERS.contains(name)) {
        response.insert_header((name.clone(), value.clone()));
    }
    Some(response.finish())
}

/// The shared cache from the app data, when it is on.
fn of(req: &ServiceRequest) -> Option<Arc<ResponseCache>> {
    req.app_data::<Data<Arc<ResponseCache>>>().map(|c| Arc::clone(c.get_ref())).filter(|c| c.enabled)
}

/// App-wide middleware: after a successful write, and before its answer leaves, reads the new
/// data version, so that the next read through this instance sees the write.
pub async fn refresh_after_writes(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let is_write = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let cache = req
        .app_data::<Data<Arc<ResponseCache>>>()
        .map(|c| Arc::clone(c.get_ref()))
        .filter(|c| is_write && (c.enabled || c.db.has_replica()));
    let response = next.call(req).await?;
    if let Some(cache) = cache.filter(|_| response.status().is_success()) {
        cache.refresh().await;
    }
    Ok(response)
}

/// Middleware for each cached resource (wrapped on its route, so it runs after routing): serves
/// the stored bytes for the current data version, or builds the response and stores it.
pub async fn serve(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let (Some(cache), Some(key)) = (of(&req), key(&req)) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let version = cache.current();
    let hit =
        version.and_then(|v| cache.entries.read().expect("cache lock").get(&key).filter(|e| e.version == v).cloned());
    if let Some(entry) = hit {
        let asked = req.headers().get(header::IF_NONE_MATCH);
        let etag = entry.headers.iter().find(|(name, _)| name == header::ETAG).map(|(_, value)| value);
        let mut response = not_modified(asked, etag, entry.headers.iter().map(|(n, v)| (n, v))).unwrap_or_else(|| {
            let mut r = HttpResponse::Ok();
            for (name, value) in &entry.headers {
                r.insert_header((name.clone(), value.clone()));
            }
            r.body(entry.body.clone())
        });
        response.headers_mut().insert(HeaderName::from_static("x-cache"), HeaderValue::from_static("hit"));
        return Ok(req.into_response(response));
    }
    // A miss builds the whole 200, whatever the client holds, so that it can be stored; the
    // client's If-None-Match is answered here, from what was built.
    let mut req = req;
    let asked = req.headers_mut().remove(header::IF_NONE_MATCH).next();
    let response = next.call(req).await?;
    if response.status() != StatusCode::OK {
        return Ok(response.map_into_boxed_body());
    }
    let small = matches!(response.response().body().size(), BodySize::Sized(n) if n as usize <= MAX_BODY);
    let Some(version) = version.filter(|_| small) else {
        // Not kept (too large, or no version known yet): still answered as the client asked.
        let headers = response.headers();
        return Ok(match not_modified(asked.as_ref(), headers.get(header::ETAG), headers.iter()) {
            Some(not_modified) => response.into_response(not_modified),
            None => response.map_into_boxed_body(),
        });
    };
    let (request, response) = response.into_parts();
    let (head, body) = response.into_parts();
    let body = actix_web::body::to_bytes(body)
        .await
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.into().to_string()))?;
    // Only if no write moved the version while this was built.
    if cache.current() == Some(version) {
        let headers = head.headers().iter().map(|(n, v)| (n.clone(), v.clone())).collect();
        let mut entries = cache.entries.write().expect("cache lock");
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key, Arc::new(Entry { version, headers, body: body.clone() }));
    }
    let headers = head.headers();
    let response = match not_modified(asked.as_ref(), headers.get(header::ETAG), headers.iter()) {
        Some(not_modified) => not_modified,
        None => head.set_body(body).map_into_boxed_body(),
    };
    Ok(ServiceResponse::new(request, response))
}
