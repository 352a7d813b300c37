//! `GET /programmes/{id}/totals`: reported, itemised and gap for every measure.

use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::programmes::ProgrammePath;
use super::{AppState, programme_snapshot};
use crate::domain::aggregates::totals::{Totals, reconcile};
use crate::http::error::Result;
use crate::http::error::responses::{NotFound, Unavailable};
use crate::http::respond as http;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(get_totals);
}

/// Reconciled totals of a programme
///
/// The programme's figures as published (`reported`) next to the sums of its scheme records
/// (`itemised`) and the difference (`gap` = reported − itemised; null where nothing was
/// published): the number of schemes (and by scope), the total cost, and funding by source
/// (rolled up the source tree). `cost.unattributed` is the itemised cost no funding line covers.
/// Amounts are decimal strings in million VND. `notes` states each non-zero gap in words.
#[utoipa::path(
    tag = "aggregates",
    params(ProgrammePath),
    responses(
        (status = 200, description = "The reconciled totals", body = Totals, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/programmes/{id}/totals", wrap = "from_fn(crate::http::cache::serve)")]
pub async fn get_totals(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    let (mut snapshot, head) = programme_snapshot(&state, &path.id).await?;
    let reported = snapshot.reported(&head).await?;
    let sums = snapshot.sums(&path.id).await?;
    snapshot.finish().await?;
    let mut totals = reconcile(&path.id, &reported, &sums, &state.reference);
    let identity = head.identity();
    (totals.kind, totals.status) = (identity.kind, identity.status);
    http::json(&req, &http::Validators::programme(head.stamp()), &totals)
}
