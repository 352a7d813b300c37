//! `GET /changes`: every write after a data version, oldest first, for mirrors.

use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::AppState;
use crate::domain::views::Changes;
use crate::http::error::responses::{BadRequest, Conflict, Unavailable};
use crate::http::error::{ApiError, Result};
use crate::http::parameters::{self, Limit};
use crate::http::respond as http;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_changes);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangesQuery {
    /// The data version a mirror has applied (the `version` of the last item it took, or
    /// `latest_version`); the list starts after it. 0 (the default) lists every write.
    #[param(value_type = Option<i64>, minimum = 0, example = 0)]
    since: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500, example = 50)]
    limit: Option<String>,
}

/// List the changes since a version
///
/// Every write after data version `since`, oldest first: its version, the programme (and the
/// scheme record, for a record write), what it did and when; never who (that is `/audit`, for
/// admin tokens). A mirror keeps the last version it applied, asks `GET /changes?since=V`,
/// fetches what each item names (`/programmes/{id}/export`, or notes a `delete`), follows `next`
/// until it is null, and asks again later with `If-None-Match`: the ETag is the database's data
/// version, so nothing new answers 304. A `since` later than the latest version is 409 with
/// `latest_version`: the database is not the one the mirror followed (a restore, another
/// server), so the mirror starts again.
#[utoipa::path(
    tag = "programmes",
    params(ChangesQuery),
    responses(
        (status = 200, description = "The writes after `since`", body = Changes,
            headers(("ETag" = String, description = "The database-wide data version, e.g. `\"all-42-json\"`"))),
        (status = 304, description = "Not modified (If-None-Match): no write since that ETag"),
        (status = 400, response = BadRequest),
        (status = 409, response = Conflict),
        (status = 503, response = Unavailable),
    )
)]
#[get("/changes", wrap = "from_fn(crate::http::cache::serve_page)")]
pub async fn list_changes(
    state: web::Data<AppState>,
    query: web::Query<ChangesQuery>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let limit = parameters::parse::<Limit>(query.limit.as_deref())?.0;
    let since = match query.since.as_deref() {
        None => 0,
        Some(text) => text.parse::<i64>().ok().filter(|v| *v >= 0).ok_or_else(|| {
            ApiError::bad_parameter(
                "since",
                crate::i18n::Message::new("parameter-not-a-version").word("value", format!("{text:?}")),
            )
        })?,
    };
    let mut snapshot = state.db.snapshot().await?;
    let mut stamp = snapshot.data_stamp().await?;
    if since > stamp.version {
        // Later than this snapshot: a replica may only lag. The primary decides whether the
        // version exists at all; if it does, the list is read there.
        snapshot.finish().await?;
        snapshot = state.db.primary_snapshot().await?;
        stamp = snapshot.data_stamp().await?;
        if since > stamp.version {
            snapshot.finish().await?;
            let detail = crate::i18n::Message::new("changes-since-future")
                .word("since", since.to_string())
                .word("latest", stamp.version.to_string());
            return Err(ApiError::Conflict { detail, latest_version: stamp.version });
        }
    }
    let mut items = snapshot.changes(since, limit + 1).await?;
    snapshot.finish().await?;
    let latest_version = stamp.version;
    let next_since = if items.len() as i64 > limit {
        items.truncate(limit as usize);
        items.last().map(|last| last.version)
    } else {
        None
    };
    let next = next_since.map(|version| since_url(&req, version));
    let page = Changes { items, next, next_since, latest_version };
    let response = http::json(&req, &http::Validators::data(stamp), &page)?;
    Ok(super::with_next_link(response, page.next.as_deref()))
}

/// This request's URL with `since` moved on to `version`.
fn since_url(req: &HttpRequest, version: i64) -> String {
    super::with_query_value(req, "since", &version.to_string())
}
