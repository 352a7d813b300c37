//! The response cache: read responses built once per data version, compressed once in each
//! coding, and served as ready bytes.
//!
//! Correctness rests on the database-wide data version that every write bumps:
//! - the version the cache holds only moves forward ([`ResponseCache::saw`]): the poller reads
//!   it every 200 ms, a write through this instance raises it before its response leaves, and
//!   any response that shows a newer version (a miss, a download, a write) raises it as it
//!   passes, so no response after it serves an older one from memory;
//! - an entry is stored under the version its response shows, and only if no newer version is
//!   known by the time it is built;
//! - while the database is down the version cannot move, so what is cached keeps being served;
//! - with a read replica, reads go to it only while it holds the newest version served (checked
//!   by the poller), and a newer version seen anywhere stops them at once: no read goes back.
//!
//! One build per missing entry: the first request builds it; the others wait for that build and
//! are served what it built, kept or not (a full cache may refuse a new entry; a write may
//! overtake it), so that a burst of readers never becomes a burst of builds.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, Data};
use actix_web::{Error, HttpResponse};
use moka::sync::Cache;
use tokio::sync::watch;

use crate::http::compression;
use crate::http::context::Asked;
use crate::http::negotiation::Coding;
use crate::http::network::TrustedProxies;
use crate::http::representation::Representation;
use crate::storage::Db;

/// Bodies larger than this are not kept.
const MAX_BODY: usize = 1 << 20;
/// Keys longer than this are not kept (a key is a route, its parameters and an origin).
const MAX_KEY: usize = 2048;
const POLL: Duration = Duration::from_millis(200);
/// How long a request waits for another's build of the same entry before building its own.
const WAIT_FOR_BUILD: Duration = Duration::from_secs(10);
/// The version before the first is known.
const UNKNOWN: i64 = i64::MIN;

struct Entry {
    version: i64,
    /// The 200's headers, `ETag` and `Content-Encoding` as this coding's.
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

    fn etag(&self) -> Option<&HeaderValue> {
        self.headers.iter().find(|(name, _)| name == header::ETAG).map(|(_, value)| value)
    }
}

/// Marks a response served from memory: already in its coding, its ETag already coded.
#[derive(Clone, Copy, Debug)]
pub struct FromMemory;

pub struct ResponseCache {
    enabled: bool,
    db: Db,
    /// The newest data version known; only ever raised.
    version: AtomicI64,
    /// Bounded by bytes (`RESPONSE_CACHE_BYTES`); what was least used goes first.
    entries: Cache<String, Arc<Entry>>,
    /// The entries being built now, each with the channel its waiters watch: it carries what
    /// the build made, or closes without it (not a small 200, or the build was dropped).
    building: Mutex<HashMap<String, watch::Receiver<Option<Arc<Entry>>>>>,
    /// `khuyencong_response_cache_builds_total`: the cacheable reads that were built, kept or not.
    pub builds: prometheus::IntCounter,
}

/// A build in progress: while it lives, other requests for the same key wait for it.
struct Building<'a> {
    cache: &'a ResponseCache,
    key: String,
    done: watch::Sender<Option<Arc<Entry>>>,
}

impl Building<'_> {
    /// Hands what was built to the requests waiting for it, and ends the build.
    fn finish(self, entry: &Arc<Entry>) {
        let _ = self.done.send(Some(Arc::clone(entry)));
    }
}

/// What the build a request waited for made: None when it made nothing to share, or took
/// longer than [`WAIT_FOR_BUILD`].
async fn built(mut waiting: watch::Receiver<Option<Arc<Entry>>>) -> Option<Arc<Entry>> {
    let made = tokio::time::timeout(WAIT_FOR_BUILD, waiting.wait_for(Option::is_some)).await.ok()?.ok()?;
    made.as_ref().map(Arc::clone)
}

impl Drop for Building<'_> {
    fn drop(&mut self) {
        self.cache.building.lock().expect("cache lock").remove(&self.key);
    }
}

impl ResponseCache {
    /// A cache of at most `budget` bytes over `db`, kept current by a background poller.
    /// Disabled: every read is built.
    pub fn start(db: Db, enabled: bool, budget: u64) -> Arc<ResponseCache> {
        let entries =
            Cache::builder().max_capacity(budget).weigher(|key: &String, entry: &Arc<Entry>| entry.weight(key)).build();
        let cache = Arc::new(ResponseCache {
            enabled,
            db,
            version: AtomicI64::new(UNKNOWN),
            entries,
            building: Mutex::new(HashMap::new()),
            builds: prometheus::IntCounter::new(
                "khuyencong_response_cache_builds_total",
                "Cacheable reads that were built rather than served from memory, kept or not",
            )
            .expect("a valid metric name"),
        });
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

    /// Reads the data version on the primary and raises the cache's to it; then lets reads go
    /// to the replica only if it holds the newest version served. A failed read (database
    /// down) keeps what is known: the data cannot change while nobody can write it.
    pub async fn refresh(&self) {
        if let Ok(now) = self.db.data_version().await {
            // Before the version is published: from now on reads go to the replica only if it
            // holds the newest version, so nothing older is built and stored under it.
            let newest = self.current().map_or(now, |current| current.max(now));
            self.db.check_replica(newest).await;
            self.raise(now, false);
        }
    }

    /// After a successful write through this instance, before its answer leaves: reads the new
    /// data version, so that the next read through this instance sees the write.
    pub async fn refresh_after_write(&self) {
        if self.enabled || self.db.has_replica() {
            self.refresh().await;
        }
    }

    /// A response shows data at `version`: when that is newer than the cache's, the cache's is
    /// raised to it (never lowered: `fetch_max`), every entry is forgotten, and the replica is
    /// no longer read until it is seen to hold it.
    pub fn saw(&self, version: i64) {
        self.raise(version, true);
    }

    /// Raises the version to `version` when that is newer; `distrust`: the replica has not been
    /// seen to hold it.
    fn raise(&self, version: i64, distrust: bool) {
        if version <= self.version.load(Ordering::Acquire) {
            return;
        }
        if distrust {
            // Before anything is built under the new version: no read goes to a replica that
            // may lack it.
            self.db.distrust_replica();
        }
        if version > self.version.fetch_max(version, Ordering::AcqRel) {
            self.entries.invalidate_all();
        }
    }

    /// The newest data version known, once one is.
    pub fn current(&self) -> Option<i64> {
        Some(self.version.load(Ordering::Acquire)).filter(|v| *v != UNKNOWN)
    }

    /// The bytes the entries hold now (after pending evictions).
    pub fn weight(&self) -> u64 {
        self.entries.run_pending_tasks();
        self.entries.weighted_size()
    }

    /// The entry `key` at `version`, if it is kept.
    fn at(&self, key: &str, version: i64) -> Option<Arc<Entry>> {
        self.entries.get(key).filter(|e| e.version == version)
    }

    /// Starts the build of `key`, or, when another request is building it, the channel that
    /// closes when that build ends.
    fn build(&self, key: &str) -> Result<Building<'_>, watch::Receiver<Option<Arc<Entry>>>> {
        let mut building = self.building.lock().expect("cache lock");
        if let Some(waiting) = building.get(key) {
            return Err(waiting.clone());
        }
        let (done, waiting) = watch::channel(None);
        building.insert(key.to_string(), waiting);
        Ok(Building { cache: self, key: key.to_string(), done })
    }

    /// The entry `key` at `version` in `coding`: the coded entry kept, or, if the identity entry
    /// is kept, the coded one made now (once: concurrent requests for it wait for the one compression), or
    /// the identity entry itself if that compression fails or is not waited for.
    async fn coded(&self, key: &str, coding: Coding, version: i64) -> Option<Arc<Entry>> {
        // The coded entry first: a browser's hit is one look-up, not two.
        if coding != Coding::Identity
            && let Some(entry) = self.at(&coded_key(key, coding), version)
        {
            return Some(entry);
        }
        let plain = self.at(key, version)?;
        Some(self.in_coding(key, plain, coding).await)
    }

    /// `plain` (the identity entry of `key`, kept or only just built) in `coding`.
    async fn in_coding(&self, key: &str, plain: Arc<Entry>, coding: Coding) -> Arc<Entry> {
        if coding == Coding::Identity {
            return plain;
        }
        let coded_key = coded_key(key, coding);
        if let Some(entry) = self.at(&coded_key, plain.version) {
            return entry;
        }
        let made = match self.build(&coded_key) {
            Ok(building) => match compression::compress(plain.body.clone(), coding).await {
                Ok(body) => {
                    let entry = Arc::new(plain.in_coding(coding, body));
                    if self.current() == Some(plain.version) && self.at(key, plain.version).is_some() {
                        self.entries.insert(coded_key, Arc::clone(&entry));
                    }
                    building.finish(&entry);
                    Some(entry)
                }
                Err(_) => None,
            },
            Err(waiting) => built(waiting).await.filter(|entry| entry.version == plain.version),
        };
        made.unwrap_or(plain)
    }
}

impl Entry {
    /// This identity entry's headers for `body`, its `coding`: the ETag names the coding.
    fn in_coding(&self, coding: Coding, body: Bytes) -> Entry {
        let mut headers = self.headers.clone();
        for (name, value) in &mut headers {
            if *name == header::ETAG
                && let Some(coded) = value
                    .to_str()
                    .ok()
                    .and_then(|t| t.strip_suffix('"'))
                    .and_then(|stem| HeaderValue::from_str(&format!("{stem}-{}\"", coding.token())).ok())
            {
                *value = coded;
            }
        }
        headers.push((header::CONTENT_ENCODING, HeaderValue::from_static(coding.token())));
        Entry { version: self.version, headers, body }
    }
}

fn coded_key(key: &str, coding: Coding) -> String {
    format!("{key}\n{}", coding.token())
}

/// What a cached route's representation depends on besides its path and query.
#[derive(Clone, Copy, Debug)]
struct Shape {
    /// JSON or CSV, by `format` or `Accept`.
    negotiated: bool,
    /// Its body holds absolute links (`next`), built from the origin the client used.
    links: bool,
    /// Its body is in the language `Accept-Language` chooses (not fixed by the path or media).
    by_language: bool,
}

/// The cache key of a read: its representation. The route (its template) and its path
/// parameters; its query parameters parsed, sorted and encoded again (a query that does not
/// parse is not cached: it is a 400); the negotiated media type where the route negotiates; the
/// language `Accept-Language` chooses, where the body depends on it; and where the body holds
/// absolute links, the scheme and host they are built from (forwarded headers count only from
/// trusted proxies, as for the links themselves). Nothing else of the request: a header the
/// representation ignores cannot make a new entry. None for what is not cached (anything but
/// GET, an oversized key).
fn key(req: &ServiceRequest, shape: Shape) -> Option<String> {
    if req.method() != Method::GET {
        return None;
    }
    let route = crate::http::context::route(req.request())?;
    let mut key = String::with_capacity(route.pattern.len() + req.query_string().len() + 32);
    key.push_str(&route.pattern);
    for (_, value) in req.match_info().iter() {
        key.push('\n');
        key.push_str(value);
    }
    key.push('?');
    let mut format = None;
    if !req.query_string().is_empty() {
        let mut query: Vec<(String, String)> = serde_urlencoded::from_str(req.query_string()).ok()?;
        query.sort();
        key.push_str(&serde_urlencoded::to_string(&query).ok()?);
        format = query.into_iter().find(|(name, _)| name == "format").map(|(_, value)| value);
    }
    if shape.negotiated {
        key.push('\n');
        key.push_str(Representation::negotiate(req.request(), format.as_deref()).ok()?.suffix());
    }
    if shape.by_language {
        // The language of the messages a body holds (notes, warnings): by Accept-Language.
        key.push('\n');
        key.push_str(Asked::of(req.request()).lang.code());
    }
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

/// The shared cache from the app data, when it is on.
fn of(req: &ServiceRequest) -> Option<Arc<ResponseCache>> {
    req.app_data::<Data<Arc<ResponseCache>>>().map(|c| Arc::clone(c.get_ref())).filter(|c| c.enabled)
}

/// Middleware for a cached resource that is JSON only.
pub async fn serve(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    serve_as(req, next, Shape { negotiated: false, links: false, by_language: true }).await
}

/// Middleware for a cached resource whose body does not depend on `Accept-Language` (a page
/// whose language is in its path, a CSV).
pub async fn serve_any_language(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    serve_as(req, next, Shape { negotiated: false, links: false, by_language: false }).await
}

/// Middleware for a cached resource that is JSON or CSV.
pub async fn serve_negotiated(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    serve_as(req, next, Shape { negotiated: true, links: false, by_language: true }).await
}

/// Middleware for a cached page (its body links to the next page).
pub async fn serve_page(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    serve_as(req, next, Shape { negotiated: false, links: true, by_language: true }).await
}

/// Middleware for a cached page that is JSON or CSV.
pub async fn serve_negotiated_page(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    serve_as(req, next, Shape { negotiated: true, links: true, by_language: true }).await
}

/// The 200 of `entry`, or its 304 when `asked` (the client's If-None-Match) holds its tag,
/// marked as served from memory.
fn from_memory(
    req: actix_web::HttpRequest,
    asked: Option<&HeaderValue>,
    entry: &Entry,
    hit: bool,
) -> ServiceResponse<BoxBody> {
    let headers = entry.headers.iter().map(|(n, v)| (n, v));
    let response = match entry.etag().and_then(|etag| crate::http::conditional::not_modified_from(asked, etag, headers))
    {
        Some(not_modified) => not_modified,
        None => {
            let mut r = HttpResponse::Ok();
            for (name, value) in &entry.headers {
                r.insert_header((name.clone(), value.clone()));
            }
            r.body(entry.body.clone())
        }
    };
    let mut response = ServiceResponse::new(req, response);
    if hit {
        response.headers_mut().insert(HeaderName::from_static("x-cache"), HeaderValue::from_static("hit"));
    }
    response.response_mut().extensions_mut().insert(FromMemory);
    response
}

/// Each cached resource's middleware (wrapped on its route, so it runs after routing): serves
/// the stored bytes for the current data version in the coding the client prefers, or builds
/// the response and stores it (one build at a time per entry), then compresses it once.
async fn serve_as(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    shape: Shape,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let (Some(cache), Some(key)) = (of(&req), key(&req, shape)) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let coding = Asked::of(req.request()).coding;
    let mut building = None;
    if let Some(version) = cache.current() {
        if let Some(entry) = cache.coded(&key, coding, version).await {
            let asked = req.headers().get(header::IF_NONE_MATCH).cloned();
            return Ok(from_memory(req.into_parts().0, asked.as_ref(), &entry, true));
        }
        match cache.build(&key) {
            Ok(build) => building = Some((build, version)),
            Err(waiting) => {
                // Another request is building it: served what that build made, unless it shows
                // data older than this request already knew of. Otherwise built here, unkept.
                if let Some(plain) = built(waiting).await.filter(|entry| entry.version >= version) {
                    let entry = cache.in_coding(&key, plain, coding).await;
                    let asked = req.headers().get(header::IF_NONE_MATCH).cloned();
                    return Ok(from_memory(req.into_parts().0, asked.as_ref(), &entry, false));
                }
            }
        }
    }
    // A miss builds the whole 200, whatever the client holds, so that it can be stored; the
    // client's If-None-Match is answered here, from what was built.
    let mut req = req;
    let asked = req.headers_mut().remove(header::IF_NONE_MATCH).next();
    cache.builds.inc();
    let response = next.call(req).await?;
    let shown = response
        .headers()
        .get(header::ETAG)
        .and_then(|t| t.to_str().ok())
        .and_then(crate::http::conditional::shown_version);
    if let Some(shown) = shown {
        cache.saw(shown);
    }
    let small = matches!(response.response().body().size(), BodySize::Sized(n) if n as usize <= MAX_BODY);
    let Some((building, started_at)) = building.filter(|_| small && response.status() == StatusCode::OK) else {
        // Not kept (not a 200, too large, or no version known yet): still answered as the
        // client asked.
        let headers = response.headers();
        let not_modified = headers
            .get(header::ETAG)
            .and_then(|etag| crate::http::conditional::not_modified_from(asked.as_ref(), etag, headers.iter()));
        return Ok(match not_modified {
            Some(not_modified) if response.status() == StatusCode::OK => response.into_response(not_modified),
            _ => response.map_into_boxed_body(),
        });
    };
    let (request, response) = response.into_parts();
    let (head, body) = response.into_parts();
    let body = actix_web::body::to_bytes(body)
        .await
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.into().to_string()))?;
    let headers: Vec<(HeaderName, HeaderValue)> = head.headers().iter().map(|(n, v)| (n.clone(), v.clone())).collect();
    // Stored under the data version it was built at: the cache's when the build began, or the
    // version the response shows when that is newer (a build that began before the poller saw
    // a write, but read after it, is as current as any). A programme's response shows that
    // programme's version, which is older than the data's once another programme is written.
    let version = shown.map_or(started_at, |shown| shown.max(started_at));
    // A copy of exactly the body's length: the bytes a handler built may sit in a buffer up to
    // twice as large (a Vec grown by doubling), which the budget would not see.
    let plain = Arc::new(Entry { version, headers, body: Bytes::copy_from_slice(&body) });
    // Only if no newer version is known by now.
    if cache.current() == Some(version) {
        cache.entries.insert(key.clone(), Arc::clone(&plain));
    }
    building.finish(&plain);
    let entry = cache.in_coding(&key, Arc::clone(&plain), coding).await;
    let mut response = from_memory(request, asked.as_ref(), &entry, false);
    if entry.headers.iter().all(|(name, _)| name != header::CONTENT_ENCODING) {
        // Not coded here (not kept): the compression layer may still code it on its way out.
        response.response_mut().extensions_mut().remove::<FromMemory>();
    }
    Ok(response)
}
