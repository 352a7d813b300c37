//! `GET /programmes/{id}/breakdown?by=activity|scope|source`.

use actix_web::http::StatusCode;
use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::programmes::ProgrammePath;
use super::{AppState, programme_snapshot};
use crate::domain::aggregates::breakdown::{Breakdown, Dimension, breakdown};
use crate::http::error::Result;
use crate::http::error::responses::{BadRequest, NotFound, Unavailable};
use crate::http::respond::{self as http, Body, Media, Representation};
use crate::render::csv;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(get_breakdown);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BreakdownQuery {
    /// The dimension to split by (required).
    #[param(required = true, inline, value_type = Dimension, example = "activity")]
    pub by: Option<String>,
    /// `format=csv`: the 0.1 CSV, kept for existing clients but no longer part of the documented
    /// contract since 0.2.0 (see the README); `breakdown.csv` replaces it.
    #[param(ignore)]
    pub format: Option<String>,
}

/// Break a programme down
///
/// The itemised schemes and cost split by `activity` (Decree 45/2012 Article 4 order,
/// `unspecified` last), `scope` (`unknown` included) or funding `source` (a tree, plus an
/// `unattributed` row). For `activity` and `scope` the rows sum exactly to `total`, which equals
/// the itemised figures of `/totals`, and each row says who paid (`funding`, rolled up). For
/// `source`, each row's `cost` is rolled up over its subtree, `own` is the part naming exactly
/// that source, the rows with no parent plus `unattributed` sum to `total.cost`, and `schemes`
/// counts the schemes with any line under the source, so it does not sum. Every breakdown
/// carries its `reconciliation` with the reported figures. As CSV:
/// `GET /programmes/{id}/breakdown.csv`.
#[utoipa::path(
    tag = "aggregates",
    params(ProgrammePath, BreakdownQuery),
    responses(
        (status = 200, description = "The breakdown", body = Breakdown, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/breakdown", wrap = "from_fn(crate::http::cache::serve_negotiated)")]
pub async fn get_breakdown(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    query: web::Query<BreakdownQuery>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let by = crate::http::parameters::dimension(query.by.as_deref())?;
    let representation = Representation::negotiate(&req, query.format.as_deref())?;
    let (mut snapshot, head) = programme_snapshot(&state, &path.id).await?;
    let reported = snapshot.reported(&head).await?;
    let sums = snapshot.sums(&path.id).await?;
    snapshot.finish().await?;
    let version = http::Validators::programme(head.stamp());
    let mut result = breakdown(&path.id, by, &reported, &sums, &state.reference);
    let identity = head.identity();
    (result.kind, result.status) = (identity.kind, identity.status);
    match representation.media {
        Media::Json | Media::Html | Media::Xlsx => http::json_as(&req, &version, representation, &result),
        Media::Csv => {
            Ok(http::respond(&req, &version, StatusCode::OK, representation, Body::Csv(csv::breakdown(&result)?)))
        }
    }
}
