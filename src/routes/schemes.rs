//! `GET /programmes/{id}/schemes` and `GET /programmes/{id}/schemes/{scheme_id}`.

use actix_web::{HttpRequest, get, web};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::programmes::ProgrammePath;
use super::{AppState, Page, Paging, known_key, next_url, not_found_programme};
use crate::domain::views::SchemeView;
use crate::error::{ApiError, Problem, Result};
use crate::storage::SchemeFilter;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_schemes).service(get_scheme);
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SchemeQuery {
    /// Only records of this activity (see `GET /activities`).
    #[param(example = "vocational_training")]
    activity: Option<String>,
    /// Only records of this scope.
    #[param(example = "unknown")]
    scope: Option<String>,
    /// Only records with a funding line naming this source or a source below it.
    #[param(example = "state_budget")]
    source: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500, example = 50)]
    limit: Option<String>,
    /// Opaque: the `cursor` of a `next` URL.
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
        (status = 400, description = "An unknown filter value, a bad `limit` or `cursor`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No programme has this id", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is not answering", body = Problem, content_type = "application/problem+json"),
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
    let paging = Paging {
        limit: query.limit,
        cursor: query.cursor,
    };
    let limit = paging.limit()?;
    let after =
        match paging.cursor()? {
            Some(text) => Some(text.parse::<i64>().map_err(|_| {
                ApiError::bad_parameter("cursor", "is not a cursor this API gave out")
            })?),
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
            .map(|(position, _)| next_url(&req, &position.to_string()))
    } else {
        None
    };
    Ok(web::Json(Page {
        items: rows.into_iter().map(|(_, view)| view).collect(),
        next,
    }))
}

/// Get a scheme record
#[utoipa::path(
    tag = "schemes",
    params(SchemePath),
    responses(
        (status = 200, description = "The scheme record", body = SchemeView),
        (status = 404, description = "No such programme or scheme record", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is not answering", body = Problem, content_type = "application/problem+json"),
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
