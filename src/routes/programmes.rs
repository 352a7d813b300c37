//! `GET /programmes` and `GET /programmes/{id}`.

use actix_web::{HttpRequest, get, web};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::{AppState, Page, Paging, next_url, not_found_programme};
use crate::domain::views::{ProgrammeDetail, ProgrammeSummary};
use crate::error::{ApiError, Problem, Result};
use crate::storage::ProgrammeKey;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_programmes).service(get_programme);
}

/// The path of every programme resource.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ProgrammePath {
    /// Programme id, a slug such as `2016-2020`.
    #[param(example = "2016-2020")]
    pub id: String,
}

fn encode_key(key: &ProgrammeKey) -> String {
    format!("{}:{}:{}", key.end_year, key.start_year, key.id)
}

fn decode_key(text: &str) -> Option<ProgrammeKey> {
    let mut parts = text.splitn(3, ':');
    Some(ProgrammeKey {
        end_year: parts.next()?.parse().ok()?,
        start_year: parts.next()?.parse().ok()?,
        id: parts.next()?.to_string(),
    })
}

/// List programmes
///
/// Every programme, newest period first, with its counts of scheme records.
#[utoipa::path(
    tag = "programmes",
    params(Paging),
    responses(
        (status = 200, description = "A page of programmes", body = Page<ProgrammeSummary>),
        (status = 400, description = "A bad `limit` or `cursor`", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is not answering", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/programmes")]
pub async fn list_programmes(
    state: web::Data<AppState>,
    query: web::Query<Paging>,
    req: HttpRequest,
) -> Result<web::Json<Page<ProgrammeSummary>>> {
    let limit = query.limit()?;
    let after = match query.cursor()? {
        Some(text) => Some(decode_key(&text).ok_or_else(|| {
            ApiError::bad_parameter("cursor", "is not a cursor this API gave out")
        })?),
        None => None,
    };
    let mut items = state.db.programmes(limit + 1, after.as_ref()).await?;
    let next = if items.len() as i64 > limit {
        items.truncate(limit as usize);
        items.last().map(|p| {
            let key = ProgrammeKey {
                end_year: p.period.end_year,
                start_year: p.period.start_year,
                id: p.id.clone(),
            };
            next_url(&req, &encode_key(&key))
        })
    } else {
        None
    };
    Ok(web::Json(Page { items, next }))
}

/// Get a programme
///
/// The programme: names, jurisdiction, period, legal basis, implementing agency, the source
/// document its figures come from, and how many scheme records it has.
#[utoipa::path(
    tag = "programmes",
    params(ProgrammePath),
    responses(
        (status = 200, description = "The programme", body = ProgrammeDetail),
        (status = 404, description = "No programme has this id", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is not answering", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/programmes/{id}")]
pub async fn get_programme(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
) -> Result<web::Json<ProgrammeDetail>> {
    let programme = state
        .db
        .programme(&path.id)
        .await?
        .ok_or_else(|| not_found_programme(&path.id))?;
    Ok(web::Json(programme))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_keys_round_trip_even_with_colons_in_ids() {
        let key = ProgrammeKey {
            end_year: 2020,
            start_year: 2016,
            id: "a:b".into(),
        };
        assert_eq!(decode_key(&encode_key(&key)), Some(key));
        assert_eq!(decode_key("2020:x:id"), None);
    }
}
