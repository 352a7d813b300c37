//! Bearer tokens: generation, hashing, checking a request's `Authorization` header.

use actix_web::HttpRequest;
use actix_web::http::header;
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::error::ApiError;
use crate::storage::{Actor, Db};

/// What a token may do. `admin` may do everything `write` may, and read the audit trail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Scope {
    Write,
    Admin,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Write => "write",
            Scope::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Scope> {
        match text {
            "write" => Some(Scope::Write),
            "admin" => Some(Scope::Admin),
            _ => None,
        }
    }
}

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

/// The actor behind the request's bearer token, if it is valid and has at least `required`.
/// Missing or bad token → 401; valid token without the scope → 403.
pub async fn authorize(req: &HttpRequest, db: &Db, required: Scope) -> Result<Actor, ApiError> {
    let header = req.headers().get(header::AUTHORIZATION).and_then(|h| h.to_str().ok());
    let Some(header) = header else {
        return Err(ApiError::Unauthorized(
            "this operation needs a bearer token: Authorization: Bearer <token>".into(),
        ));
    };
    let token = header
        .strip_prefix("Bearer ")
        .or_else(|| header.strip_prefix("bearer "))
        .map(str::trim)
        .ok_or_else(|| ApiError::Unauthorized("the Authorization header must be: Bearer <token>".into()))?;
    let invalid = || ApiError::Unauthorized("the token is not valid: unknown, revoked or expired".into());
    let (id, secret) = parse(token).ok_or_else(invalid)?;
    let stored = db.token(id).await?.ok_or_else(invalid)?;
    let matches: bool = sha256(secret).as_bytes().ct_eq(stored.secret_sha256.as_bytes()).into();
    let now = crate::storage::now_text();
    let expired = stored.expires_at.as_deref().is_some_and(|at| at <= now.as_str());
    if !matches || stored.revoked_at.is_some() || expired {
        return Err(invalid());
    }
    let scope = Scope::parse(&stored.scope).ok_or_else(invalid)?;
    if scope < required {
        return Err(ApiError::Forbidden(format!(
            "the token {:?} has scope {}; this operation needs {}",
            stored.name,
            scope.as_str(),
            required.as_str()
        )));
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
