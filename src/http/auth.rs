//! Bearer tokens: generation, hashing, checking a request's `Authorization` header, and the
//! budgets of writers (per token) and of failed authentications (per client address).

use std::net::IpAddr;
use std::num::NonZeroU32;

use actix_web::http::header;
use actix_web::{HttpRequest, web};
use governor::clock::{Clock, DefaultClock, QuantaInstant};
use governor::middleware::{StateInformationMiddleware, StateSnapshot};
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{DefaultKeyedRateLimiter, NotUntil, Quota, RateLimiter};
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::http::error::ApiError;
use crate::http::network::TrustedProxies;
use crate::i18n::Message;
use crate::storage::{Actor, Db};

pub use crate::storage::Scope;

/// A new token: its public id, and the whole secret text, shown to its owner once.
pub struct NewToken {
    pub id: String,
    pub token: String,
    pub secret_sha256: String,
}

/// `kc_<16 hex id>_<64 hex secret>`: 256 random bits, so a plain SHA-256 is enough to store it.
pub fn generate() -> NewToken {
    let mut rng = rand::rngs::OsRng;
    let mut id = [0u8; 8];
    let mut secret = [0u8; 32];
    rng.fill_bytes(&mut id);
    rng.fill_bytes(&mut secret);
    let (id, secret) = (hex::encode(id), hex::encode(secret));
    NewToken { token: format!("kc_{id}_{secret}"), secret_sha256: sha256(&secret), id }
}

pub fn sha256(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// Splits a token into its id and secret.
fn parse(token: &str) -> Option<(&str, &str)> {
    let rest = token.strip_prefix("kc_")?;
    let (id, secret) = rest.split_once('_')?;
    let hex = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_hexdigit());
    (hex(id, 16) && hex(secret, 64)).then_some((id, secret))
}

/// The budgets: writes per token (checked after the token is), and failed authentications per
/// client address (brute force). A request with no token spends neither: it gets 401.
pub struct WriteLimits {
    per_token: RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock, StateInformationMiddleware>,
    quota: Quota,
    failures: DefaultKeyedRateLimiter<IpAddr>,
}

/// A token's write budget as a write left it, for the `RateLimit-Policy` and `RateLimit`
/// headers (draft-ietf-httpapi-ratelimit-headers-10): the policy (`q` writes in `w` seconds)
/// and what remains of it (`r` writes; all back in `t` seconds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    pub policy: String,
    pub state: String,
}

impl Budget {
    fn of(quota: Quota, remaining: u32) -> Budget {
        let burst = quota.burst_size().get();
        let window = quota.burst_size_replenished_in().as_secs_f64().ceil() as u64;
        let refill = (quota.replenish_interval().as_secs_f64() * f64::from(burst.saturating_sub(remaining))).ceil();
        Budget {
            policy: format!("\"writes\";q={burst};w={window}"),
            state: format!("\"writes\";r={remaining};t={}", refill as u64),
        }
    }

    /// The two headers on `headers`.
    pub fn write_to(&self, headers: &mut header::HeaderMap) {
        for (name, value) in [("ratelimit-policy", &self.policy), ("ratelimit", &self.state)] {
            if let Ok(value) = header::HeaderValue::from_str(value) {
                headers.insert(header::HeaderName::from_static(name), value);
            }
        }
    }
}

impl WriteLimits {
    /// `writes_per_minute` per token with bursts of `write_burst`; `failures_per_minute` failed
    /// authentications per address, all of which may come at once.
    pub fn new(writes_per_minute: u32, write_burst: u32, failures_per_minute: u32) -> WriteLimits {
        let quota = |per_minute: u32, burst: u32| {
            Quota::per_minute(NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN))
                .allow_burst(NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN))
        };
        let writes = quota(writes_per_minute, write_burst);
        WriteLimits {
            per_token: RateLimiter::keyed(writes).with_middleware::<StateInformationMiddleware>(),
            quota: writes,
            failures: RateLimiter::keyed(quota(failures_per_minute, failures_per_minute)),
        }
    }

    /// Forgets the keys whose budget is whole again, so that neither map keeps every client
    /// ever seen (call it now and then).
    pub fn forget_idle(&self) {
        self.failures.retain_recent();
        self.failures.shrink_to_fit();
        self.per_token.retain_recent();
        self.per_token.shrink_to_fit();
    }
}

fn remaining(state: &StateSnapshot) -> u32 {
    state.remaining_burst_capacity()
}

fn too_many(not_until: &NotUntil<QuantaInstant>, what: Message) -> ApiError {
    let retry_after = not_until.wait_time_from(DefaultClock::default().now()).as_secs().max(1);
    let detail = Message::new("too-many").message("what", what).count("seconds", retry_after as i64);
    ApiError::TooManyRequests { detail, retry_after }
}

/// The actor behind the request's bearer token, if it is valid and has at least `required`.
/// No token, or not a token of ours → 401. A token of ours that is wrong (unknown, revoked,
/// expired, or its secret) → 401, spending the client address's failed-authentication budget
/// (429 once it is spent). A valid token without the scope → 403; with it, a write
/// spends the token's budget (429 once it is spent).
pub async fn authorize(req: &HttpRequest, db: &Db, required: Scope) -> Result<Actor, ApiError> {
    let limits = req.app_data::<web::Data<WriteLimits>>();
    let header = req.headers().get(header::AUTHORIZATION).and_then(|h| h.to_str().ok());
    let Some(header) = header else {
        return Err(ApiError::Unauthorized(Message::new("auth-no-token")));
    };
    let failed = |error: ApiError| -> ApiError {
        let proxies = req.app_data::<web::Data<TrustedProxies>>().map(|p| p.get_ref().clone()).unwrap_or_default();
        let client = proxies.client_ip(req.peer_addr().map(|a| a.ip()), req.headers());
        match (limits, client) {
            (Some(limits), Some(ip)) => match limits.failures.check_key(&ip) {
                Ok(()) => error,
                Err(not_until) => too_many(&not_until, Message::new("auth-too-many-failures")),
            },
            _ => error,
        }
    };
    // Only a token of the right shape can be a guess at one, so only such a token that fails
    // spends the address's budget; anything else is a plain 401, however often.
    let malformed = || ApiError::Unauthorized(Message::new("auth-malformed"));
    let token = header.strip_prefix("Bearer ").or_else(|| header.strip_prefix("bearer ")).map(str::trim);
    let (id, secret) = token.and_then(parse).ok_or_else(malformed)?;
    let invalid = || failed(ApiError::Unauthorized(Message::new("auth-invalid")));
    let stored = db.token(id).await?.ok_or_else(invalid)?;
    let matches: bool = sha256(secret).as_bytes().ct_eq(stored.secret_sha256.as_bytes()).into();
    let now = crate::storage::now_text();
    let expired = stored.expires_at.as_deref().is_some_and(|at| at <= now.as_str());
    if !matches || stored.revoked_at.is_some() || expired {
        return Err(invalid());
    }
    let scope = Scope::parse(&stored.scope).ok_or_else(invalid)?;
    if scope < required {
        return Err(ApiError::Forbidden(
            Message::new("auth-scope")
                .word("name", format!("{:?}", stored.name))
                .word("has", scope.as_str())
                .word("needs", required.as_str()),
        ));
    }
    let writes = !matches!(*req.method(), actix_web::http::Method::GET | actix_web::http::Method::HEAD);
    if let Some(limits) = limits.filter(|_| writes) {
        use actix_web::HttpMessage;
        match limits.per_token.check_key(&stored.id) {
            Ok(state) => {
                req.extensions_mut().insert(Budget::of(limits.quota, remaining(&state)));
            }
            Err(not_until) => {
                req.extensions_mut().insert(Budget::of(limits.quota, 0));
                return Err(too_many(&not_until, Message::new("auth-too-many-writes")));
            }
        }
    }
    Ok(Actor { name: stored.name, token_id: Some(stored.id) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_parse_back_and_only_their_hash_is_kept() {
        let new = generate();
        let (id, secret) = parse(&new.token).expect("a generated token parses");
        assert_eq!(id, new.id);
        assert_eq!(sha256(secret), new.secret_sha256);
        assert!(!new.secret_sha256.contains(secret));
        for bad in ["", "kc_", "kc_zz_yy", "Bearer x", &new.token[..new.token.len() - 1]] {
            assert!(parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn admin_includes_write() {
        assert!(Scope::Admin >= Scope::Write);
        assert!(Scope::Write < Scope::Admin);
    }
}
