//! `GET /programmes/{id}/schemes` and `GET /programmes/{id}/schemes/{scheme_id}`.

use actix_web::{HttpRequest, get, web};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::programmes::ProgrammePath;
use super::{AppState, Page, bad_cursor, known_key, next_url, not_found_programme, parse_limit};
use crate::domain::views::SchemeView;
use crate::error::responses::{BadRequest, NotFound, Unavailable};
use crate::error::{ApiError, Result};
use crate::storage::SchemeFilter;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_schemes).service(get_scheme);
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SchemeQuery {
    /// Only records of this activity (see `GET /activities`).
    #[param(schema_with = super::activity_schema, example = "vocational_training")]
    activity: Option<String>,
    /// Only records of this scope.
    #[param(schema_with = super::scope_schema, example = "unknown")]
    scope: Option<String>,
    /// Only records with a funding line naming this source or a source below it.
    #[param(schema_with = super::source_schema, example = "state_budget")]
    source: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500, example = 50)]
    limit: Option<String>,
    /// Where the page starts: the `cursor` of a `next` URL. Take it as it is; do not build one.
    #[param(pattern = r"^s[0-9]{1,18}$")]
    cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SchemePath {
    /// Programme id.
    #[param(example = "2016-2020")]
    id: String,
    /// Scheme record id.
    #[param(example = "vocational-training")]
    scheme_id: String,
}

/// `s<position>`: the position of the last record of a page (keyset pagination).
fn decode_position(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('s')?;
    let plain = (1..=18).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    plain.then(|| digits.parse().ok()).flatten()
}

/// List scheme records
///
/// The programme's scheme records in the source's order, each with its activity, scope, cost,
/// funding lines, indicators and source quote. A record may cover several schemes
/// (`scheme_count`). Filter by `activity`, `scope` or `source`.
#[utoipa::path(
    tag = "schemes",
    params(ProgrammePath, SchemeQuery),
    responses(
        (status = 200, description = "A page of scheme records", body = Page<SchemeView>),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/schemes")]
pub async fn list_schemes(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    query: web::Query<SchemeQuery>,
    req: HttpRequest,
) -> Result<web::Json<Page<SchemeView>>> {
    let reference = &state.reference;
    let query = query.into_inner();
    let filter = SchemeFilter {
        activity: known_key(
            "activity",
            query.activity.as_deref(),
            &reference.activity_keys(),
        )?
        .map(str::to_string),
        scope: known_key("scope", query.scope.as_deref(), &reference.scope_keys())?
            .map(str::to_string),
        source: known_key("source", query.source.as_deref(), &reference.source_keys())?
            .map(str::to_string),
    };
    let limit = parse_limit(query.limit.as_deref())?;
    let after = match query.cursor.as_deref() {
        Some(text) => Some(decode_position(text).ok_or_else(bad_cursor)?),
        None => None,
    };
    if !state.db.programme_exists(&path.id).await? {
        return Err(not_found_programme(&path.id));
    }
    let mut rows = state
        .db
        .schemes(&path.id, &filter, limit + 1, after)
        .await?;
    let next = if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        rows.last()
            .map(|(position, _)| next_url(&req, &format!("s{position}")))
    } else {
        None
    };
    Ok(web::Json(Page {
        items: rows.into_iter().map(|(_, view)| view).collect(),
        next,
    }))
}

/// Get a scheme record
///
/// One scheme record in full: activity, scope, title, `scheme_count`, cost, funding lines (which
/// need not cover the whole cost), indicators and the source's own words.
#[utoipa::path(
    tag = "schemes",
    params(SchemePath),
    responses(
        (status = 200, description = "The scheme record", body = SchemeView),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/schemes/{scheme_id}")]
pub async fn get_scheme(
    state: web::Data<AppState>,
    path: web::Path<SchemePath>,
) -> Result<web::Json<SchemeView>> {
    match state.db.scheme(&path.id, &path.scheme_id).await? {
        Some(view) => Ok(web::Json(view)),
        None if state.db.programme_exists(&path.id).await? => Err(ApiError::NotFound(format!(
            "scheme record {:?} not found in programme {:?}",
            path.scheme_id, path.id
        ))),
        None => Err(not_found_programme(&path.id)),
    }
}
