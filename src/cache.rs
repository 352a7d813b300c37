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

use std::sync::{Arc, RwLock};
use std::time::Duration;

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, Data};
use actix_web::{Error, HttpResponse};
use moka::sync::Cache;

use crate::network::TrustedProxies;
use crate::routes::http::Representation;
use crate::storage::Db;

/// Bodies larger than this are not kept.
const MAX_BODY: usize = 1 << 20;
/// Keys longer than this are not kept (a key is a route, its parameters and an origin).
const MAX_KEY: usize = 2048;
const POLL: Duration = Duration::from_millis(200);

struct Entry {
    version: i64,
    headers: Vec<(HeaderName, HeaderValue)>,
    body: Bytes,
}

impl Entry {
    /// What the entry costs the process, for the budget: its key, headers and body, and half
    /// the body again. Measured with `scripts/exhaustion-test` (attack 3): while the cache fills
    /// and evicts bodies of many sizes, the allocator keeps about 1.5 times the bodies' bytes
    /// resident, so weighing only the bytes let RSS grow to 1.5 times the budget.
    fn weight(&self, key: &str) -> u32 {
        let headers: usize = self.headers.iter().map(|(n, v)| n.as_str().len() + v.len()).sum();
        u32::try_from(key.len() + headers + self.body.len() * 3 / 2 + 128).unwrap_or(u32::MAX)
    }
}

pub struct ResponseCache {
    enabled: bool,
    db: Db,
    version: RwLock<Option<i64>>,
    /// Bounded by bytes (`RESPONSE_CACHE_BYTES`); what was least used goes first.
    entries: Cache<String, Arc<Entry>>,
}

impl ResponseCache {
    /// A cache of at most `budget` bytes over `db`, kept current by a background poller.
    /// Disabled: every read is built.
    pub fn start(db: Db, enabled: bool, budget: u64) -> Arc<ResponseCache> {
        let entries =
            Cache::builder().max_capacity(budget).weigher(|key: &String, entry: &Arc<Entry>| entry.weight(key)).build();
        let cache = Arc::new(ResponseCache { enabled, db, version: RwLock::new(None), entries });
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
                self.entries.invalidate_all();
            }
        }
    }

    fn current(&self) -> Option<i64> {
        *self.version.read().expect("cache lock")
    }

    /// The bytes the entries hold now (after pending evictions).
    pub fn weight(&self) -> u64 {
        self.entries.run_pending_tasks();
        self.entries.weighted_size()
    }
}

/// What a cached route's representation depends on besides its path and query.
#[derive(Clone, Copy, Debug)]
struct Shape {
    /// JSON or CSV, by `format` or `Accept`.
    negotiated: bool,
    /// Its body holds absolute links (`next`), built from the origin the client used.
    links: bool,
}

/// The cache key of a read: its representation. The route (its template) and its path
/// parameters; its query parameters parsed, sorted and encoded again (a query that does not
/// parse is not cached: it is a 400); the negotiated media type where the route negotiates; the
/// language `Accept-Language` chooses; and
/// where the body holds absolute links, the scheme and host they are built from (forwarded
/// headers count only from trusted proxies, as for the links themselves). Nothing else of the
/// request: a header the representation ignores cannot make a new entry. None for what is not
/// cached (anything but GET, an oversized key).
fn key(req: &ServiceRequest, shape: Shape) -> Option<String> {
    if req.method() != Method::GET {
        return None;
    }
    let mut query: Vec<(String, String)> = serde_urlencoded::from_str(req.query_string()).ok()?;
    query.sort();
    let mut key = req.match_pattern()?;
    for (_, value) in req.match_info().iter() {
        key.push('\n');
        key.push_str(value);
    }
    key.push('?');
    key.push_str(&serde_urlencoded::to_string(&query).ok()?);
    if shape.negotiated {
        let format = query.iter().find(|(name, _)| name == "format").map(|(_, value)| value.as_str());
        key.push('\n');
        key.push_str(Representation::negotiate(req.request(), format).ok()?.suffix());
    }
    // The language of the messages a body holds (notes, warnings): by Accept-Language.
    key.push('\n');
    key.push_str(crate::i18n::Lang::of(req.request()).code());
    if shape.links {
        let proxies = req.app_data::<Data<TrustedProxies>>().map(|p| p.get_ref().clone()).unwrap_or_default();
        let (scheme, host) = proxies.origin(req.request());
        key.push('\n');
        key.push_str(&scheme);
        key.push_str("://");
        key.push_str(&host);
    }
    (key.len() <= MAX_KEY).then_some(key)
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

/// Middleware for a cached resource that is JSON only.
pub async fn serve(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    serve_as(req, next, Shape { negotiated: false, links: false }).await
}

/// Middleware for a cached resource that is JSON or CSV.
pub async fn serve_negotiated(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    serve_as(req, next, Shape { negotiated: true, links: false }).await
}

/// Middleware for a cached page (its body links to the next page).
pub async fn serve_page(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    serve_as(req, next, Shape { negotiated: false, links: true }).await
}

/// Middleware for a cached page that is JSON or CSV.
pub async fn serve_negotiated_page(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    serve_as(req, next, Shape { negotiated: true, links: true }).await
}

/// Each cached resource's middleware (wrapped on its route, so it runs after routing): serves
/// the stored bytes for the current data version, or builds the response and stores it.
async fn serve_as(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    shape: Shape,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let (Some(cache), Some(key)) = (of(&req), key(&req, shape)) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let version = cache.current();
    let hit = version.and_then(|v| cache.entries.get(&key).filter(|e| e.version == v));
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
        // A copy of exactly the body's length: the bytes a handler built may sit in a buffer
        // up to twice as large (a Vec grown by doubling), which the budget would not see.
        let kept = Bytes::copy_from_slice(&body);
        cache.entries.insert(key, Arc::new(Entry { version, headers, body: kept }));
    }
    let headers = head.headers();
    let response = match not_modified(asked.as_ref(), headers.get(header::ETAG), headers.iter()) {
        Some(not_modified) => not_modified,
        None => head.set_body(body).map_into_boxed_body(),
    };
    Ok(ServiceResponse::new(request, response))
}
