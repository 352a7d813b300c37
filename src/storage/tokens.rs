//! Bearer tokens as stored: only a SHA-256 of the secret.

use super::{Db, now_text};

/// A token as stored (never its secret).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StoredToken {
    pub id: String,
    pub name: String,
    pub scope: String,
    pub secret_sha256: String,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub revoked_at: Option<String>,
}

impl Db {
    #[tracing::instrument(skip(self, secret_sha256))]
    pub async fn create_token(
        &self,
        id: &str,
        name: &str,
        scope: &str,
        secret_sha256: &str,
        expires_at: Option<&str>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO api_tokens (id, name, scope, secret_sha256, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(id)
            .bind(name)
            .bind(scope)
            .bind(secret_sha256)
            .bind(now_text())
            .bind(expires_at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    #[tracing::instrument(skip(self))]
    pub async fn token(&self, id: &str) -> Result<Option<StoredToken>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM api_tokens WHERE id = $1").bind(id).fetch_optional(&self.pool).await
    }

    #[tracing::instrument(skip(self))]
    pub async fn tokens(&self) -> Result<Vec<StoredToken>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM api_tokens ORDER BY created_at, id").fetch_all(&self.pool).await
    }

    /// The token with this name (names are unique), revoked or not.
    #[tracing::instrument(skip(self))]
    pub async fn token_named(&self, name: &str) -> Result<Option<StoredToken>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM api_tokens WHERE name = $1").bind(name).fetch_optional(&self.pool).await
    }

    /// Revokes the token with this id, if it is active; returns whether it was.
    #[tracing::instrument(skip(self))]
    pub async fn revoke_token(&self, id: &str) -> Result<bool, sqlx::Error> {
        Ok(sqlx::query("UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
            .bind(id)
            .bind(now_text())
            .execute(&self.pool)
            .await?
            .rows_affected()
            == 1)
    }
}

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
