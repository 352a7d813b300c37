//! `GET /programmes` and `GET /programmes/{id}`.

use actix_web::{HttpRequest, get, web};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::{AppState, Page, bad_cursor, next_url, not_found_programme, parse_limit};
use crate::domain::views::{ProgrammeDetail, ProgrammeSummary};
use crate::error::Result;
use crate::error::responses::{BadRequest, NotFound, Unavailable};
use crate::storage::ProgrammeKey;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_programmes).service(get_programme);
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500, example = 50)]
    limit: Option<String>,
    /// Where the page starts: the `cursor` of a `next` URL. Take it as it is; do not build one.
    #[param(pattern = r"^[0-9]{1,4}\.[0-9]{1,4}\.[a-z0-9-]{1,100}$")]
    cursor: Option<String>,
}

/// The path of every programme resource.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ProgrammePath {
    /// Programme id, a slug such as `2016-2020`.
    #[param(example = "2016-2020")]
    pub id: String,
}

/// `END.START.ID`: the key of the last programme of a page (keyset pagination).
fn encode_key(key: &ProgrammeKey) -> String {
    format!("{}.{}.{}", key.end_year, key.start_year, key.id)
}

fn decode_key(text: &str) -> Option<ProgrammeKey> {
    let mut parts = text.splitn(3, '.');
    let mut year = || {
        let part = parts.next()?;
        let digits = (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        digits.then(|| part.parse().ok()).flatten()
    };
    let (end_year, start_year) = (year()?, year()?);
    let id = parts.next()?;
    let id_chars = id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ((1..=100).contains(&id.len()) && id_chars).then(|| ProgrammeKey {
        end_year,
        start_year,
        id: id.to_string(),
    })
}

/// List programmes
///
/// Every programme, newest period first, with its counts of scheme records.
#[utoipa::path(
    tag = "programmes",
    params(ListQuery),
    responses(
        (status = 200, description = "A page of programmes", body = Page<ProgrammeSummary>),
        (status = 400, response = BadRequest),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes")]
pub async fn list_programmes(
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
    req: HttpRequest,
) -> Result<web::Json<Page<ProgrammeSummary>>> {
    let limit = parse_limit(query.limit.as_deref())?;
    let after = match query.cursor.as_deref() {
        Some(text) => Some(decode_key(text).ok_or_else(bad_cursor)?),
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
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
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
    fn cursor_keys_round_trip() {
        let key = ProgrammeKey {
            end_year: 2020,
            start_year: 2016,
            id: "2016-2020".into(),
        };
        assert_eq!(encode_key(&key), "2020.2016.2016-2020");
        assert_eq!(decode_key(&encode_key(&key)), Some(key));
        for bad in [
            "2020.x.id",
            "2020.2016.",
            "2020.2016.A",
            "20201.2016.a",
            "2020:2016:a",
            "",
            "2020.2016.a.b",
        ] {
            assert_eq!(decode_key(bad), None, "{bad}");
        }
    }
}
