//! The pages for people: `/` (in the language `Accept-Language` prefers), `/vi` and `/en`
//! (every programme with its headline figures), and `/{vi,en}/programmes/{id}` (a programme's
//! reconciliation, breakdowns with charts, and records), `/{vi,en}/aggregate` (sums across
//! programmes), `/{vi,en}/compare` (two programmes side by side), cached and validated like the
//! JSON; and `/{vi,en}/drafts` (a report's text made a draft, with its script), the same for
//! every request.

use actix_web::http::StatusCode;
use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, get, web};
use askama::Template;
use utoipa_actix_web::service_config::ServiceConfig;

use super::AppState;
use super::across::{AggregateQuery, CompareQuery};
use super::programmes::ProgrammePath;
use crate::domain::aggregates::breakdown::{Dimension, breakdown};
use crate::domain::aggregates::totals::reconcile;
use crate::http::error::responses::{BadRequest, NotFound, Unavailable};
use crate::http::error::{ApiError, Result};
use crate::http::respond::{self as http, Body, Representation};
use crate::i18n::Lang;
use crate::render::across::{AggregatePage, ComparePage};
use crate::render::html::{Chrome, DRAFTS_SCRIPT, DraftsPage, Home, HomeRow, ProgrammeFigures, ProgrammePage, Words};
use crate::storage::{SchemeFilter, SchemeOrder};

/// Programmes the home page lists (newest first); the rest are counted and linked.
const HOME_PROGRAMMES: i64 = 100;
/// Scheme records a programme page shows; the CSV has them all.
const PAGE_RECORDS: i64 = 100;

pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(home)
        .service(home_vi)
        .service(home_en)
        .service(programme_vi)
        .service(programme_en)
        .service(aggregate_vi)
        .service(aggregate_en)
        .service(compare_vi)
        .service(compare_en)
        .service(drafts_vi)
        .service(drafts_en)
        .service(drafts_script);
}

fn render(template: &impl Template) -> Result<String> {
    template.render().map_err(|e| ApiError::Internal(anyhow::Error::new(e).context("cannot render the page")))
}

async fn home_page(state: &AppState, req: &HttpRequest, lang: Lang, negotiated: bool) -> Result<HttpResponse> {
    let mut snapshot = state.db.snapshot().await?;
    let validators = http::Validators::data(snapshot.data_stamp().await?);
    let representation = Representation::html(lang, negotiated);
    if let Some(not_modified) = http::not_modified_response(req, &validators, representation) {
        snapshot.finish().await?;
        return Ok(not_modified);
    }
    let overviews = snapshot.overviews(HOME_PROGRAMMES).await?;
    let total = snapshot.count_programmes(None).await?;
    let programmes: Vec<HomeRow> = overviews
        .iter()
        .map(|(summary, reported, sums)| {
            HomeRow::of(summary, &reconcile(&summary.id, reported, sums, &state.reference), lang)
        })
        .collect();
    snapshot.finish().await?;
    let page = Home {
        chrome: Chrome::new(lang, Words::of(lang).home.to_string(), ""),
        more: total - programmes.len() as i64,
        programmes,
    };
    Ok(http::respond(req, &validators, StatusCode::OK, representation, Body::Html(render(&page)?)))
}

/// The home page, in the language you prefer
///
/// Every programme with its period, jurisdiction and headline figures (schemes, cost, state
/// budget, contributions: reported and the sum of the records), in Vietnamese or English as
/// `Accept-Language` prefers (English otherwise), linking to the other language. HTML for
/// people; the same figures are in the JSON operations.
#[utoipa::path(
    tag = "pages",
    responses(
        (status = 200, description = "The home page", content_type = "text/html", body = String,
            headers(("ETag" = String), ("Content-Language" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 503, response = Unavailable),
    )
)]
#[get("/", wrap = "from_fn(crate::http::cache::serve)")]
pub async fn home(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse> {
    home_page(&state, &req, crate::http::context::lang(&req), true).await
}

/// Trang chủ (tiếng Việt)
///
/// Mọi chương trình với giai đoạn, địa phương và các số liệu chính (số đề án, tổng kinh phí,
/// ngân sách nhà nước, đóng góp: số báo cáo và số cộng từ bản ghi). The home page in Vietnamese.
#[utoipa::path(
    tag = "pages",
    responses(
        (status = 200, description = "Trang chủ", content_type = "text/html", body = String, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 503, response = Unavailable),
    )
)]
#[get("/vi", wrap = "from_fn(crate::http::cache::serve_any_language)")]
pub async fn home_vi(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse> {
    home_page(&state, &req, Lang::Vi, false).await
}

/// The home page in English
///
/// Every programme with its period, jurisdiction and headline figures (schemes, cost, state
/// budget, contributions: reported and the sum of the records).
#[utoipa::path(
    tag = "pages",
    responses(
        (status = 200, description = "The home page", content_type = "text/html", body = String, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 503, response = Unavailable),
    )
)]
#[get("/en", wrap = "from_fn(crate::http::cache::serve_any_language)")]
pub async fn home_en(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse> {
    home_page(&state, &req, Lang::En, false).await
}

async fn programme_page(state: &AppState, req: &HttpRequest, id: &str, lang: Lang) -> Result<HttpResponse> {
    let mut snapshot = state.db.snapshot().await?;
    // The document's head is the programme's row, its reported figures and definitions: one read.
    let (document, stamp) = snapshot.document_head(id).await?.ok_or_else(|| ApiError::programme_not_found(id))?;
    let validators = http::Validators::programme(stamp);
    let representation = Representation::html(lang, false);
    if let Some(not_modified) = http::not_modified_response(req, &validators, representation) {
        snapshot.finish().await?;
        return Ok(not_modified);
    }
    let reported = &document.reported;
    let sums = snapshot.sums(id).await?;
    let mut records =
        snapshot.schemes(id, &SchemeFilter::default(), SchemeOrder::default(), PAGE_RECORDS + 1, None).await?;
    snapshot.finish().await?;
    let more_records = records.len() as i64 > PAGE_RECORDS;
    records.truncate(PAGE_RECORDS as usize);
    let records: Vec<_> = records.into_iter().map(|(_, r)| r).collect();
    let reference = &state.reference;
    let totals = reconcile(id, reported, &sums, reference);
    let by_activity = breakdown(id, Dimension::Activity, reported, &sums, reference);
    let by_source = breakdown(id, Dimension::Source, reported, &sums, reference);
    let figures = ProgrammeFigures {
        programme: &document,
        totals: &totals,
        by_activity: &by_activity,
        by_source: &by_source,
        records: &records,
        definitions: &document.indicator_definitions,
        more_records,
    };
    let page = ProgrammePage::of(figures, reference, lang);
    Ok(http::respond(req, &validators, StatusCode::OK, representation, Body::Html(render(&page)?)))
}

/// Trang chương trình (tiếng Việt)
///
/// Một chương trình: nguồn số liệu, bảng số báo cáo và số cộng từ bản ghi với chênh lệch và
/// giới hạn suy ra bằng lời, phân tích theo nội dung hoạt động và theo nguồn kinh phí (bảng và
/// biểu đồ), các bản ghi đề án với câu gốc, và đường dẫn tải về. A programme's page in Vietnamese.
#[utoipa::path(
    tag = "pages",
    params(ProgrammePath),
    responses(
        (status = 200, description = "Trang chương trình", content_type = "text/html", body = String, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/vi/programmes/{id}", wrap = "from_fn(crate::http::cache::serve_any_language)")]
pub async fn programme_vi(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    programme_page(&state, &req, &path.id, Lang::Vi).await
}

/// A programme's page in English
///
/// A programme: its source, the table of reported figures beside the sum of the records with
/// each gap and implied bound in words, the breakdowns by activity and by funding source (tables
/// and charts), the scheme records with the source's words, and the downloads.
#[utoipa::path(
    tag = "pages",
    params(ProgrammePath),
    responses(
        (status = 200, description = "The programme's page", content_type = "text/html", body = String, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, response = NotFound),
        (status = 503, response = Unavailable),
    )
)]
#[get("/en/programmes/{id}", wrap = "from_fn(crate::http::cache::serve_any_language)")]
pub async fn programme_en(
    state: web::Data<AppState>,
    path: web::Path<ProgrammePath>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    programme_page(&state, &req, &path.id, Lang::En).await
}

async fn aggregate_page(
    state: &AppState,
    req: &HttpRequest,
    query: &AggregateQuery,
    lang: Lang,
) -> Result<HttpResponse> {
    let (aggregation, validators) = super::across::aggregated(state, query).await?;
    let page = AggregatePage::of(&aggregation, req.query_string(), lang);
    let representation = Representation::html(lang, false);
    Ok(http::respond(req, &validators, StatusCode::OK, representation, Body::Html(render(&page)?)))
}

/// Trang tổng hợp nhiều chương trình (tiếng Việt)
///
/// Các số của `GET /aggregate` (cùng các tham số) dưới dạng bảng và biểu đồ: số công bố, số cộng
/// từ các nhóm đề án và chênh lệch của mỗi dòng và của tổng, ghi chú, các chương trình không được
/// cộng và lý do, đường dẫn tải về. Sums across programmes as a page, in Vietnamese.
#[utoipa::path(
    tag = "pages",
    params(AggregateQuery),
    responses(
        (status = 200, description = "Trang tổng hợp", content_type = "text/html", body = String, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = BadRequest),
        (status = 503, response = Unavailable),
    )
)]
#[get("/vi/aggregate", wrap = "from_fn(crate::http::cache::serve_any_language)")]
pub async fn aggregate_vi(
    state: web::Data<AppState>,
    query: web::Query<AggregateQuery>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    aggregate_page(&state, &req, &query, Lang::Vi).await
}

/// Sums across programmes, as a page in English
///
/// The figures of `GET /aggregate` (the same parameters) as a table and a chart: each row's and
/// the total's published sum, records' sum and gap, the notes, the programmes left out and why,
/// and the downloads.
#[utoipa::path(
    tag = "pages",
    params(AggregateQuery),
    responses(
        (status = 200, description = "The sums' page", content_type = "text/html", body = String, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = BadRequest),
        (status = 503, response = Unavailable),
    )
)]
#[get("/en/aggregate", wrap = "from_fn(crate::http::cache::serve_any_language)")]
pub async fn aggregate_en(
    state: web::Data<AppState>,
    query: web::Query<AggregateQuery>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    aggregate_page(&state, &req, &query, Lang::En).await
}

async fn compare_page(state: &AppState, req: &HttpRequest, query: &CompareQuery, lang: Lang) -> Result<HttpResponse> {
    let (comparison, validators) = super::across::compared(state, query).await?;
    let page = ComparePage::of(&comparison, lang);
    let representation = Representation::html(lang, false);
    Ok(http::respond(req, &validators, StatusCode::OK, representation, Body::Html(render(&page)?)))
}

/// Trang so sánh hai chương trình (tiếng Việt)
///
/// Các số của `GET /compare` dưới dạng bảng và biểu đồ: số công bố và số cộng từ các nhóm đề án
/// để riêng, chênh lệch và tỷ lệ thay đổi, ghi chú về vượt hay chưa đạt kế hoạch. Two programmes
/// compared, as a page in Vietnamese.
#[utoipa::path(
    tag = "pages",
    params(CompareQuery),
    responses(
        (status = 200, description = "Trang so sánh", content_type = "text/html", body = String, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = BadRequest),
        (status = 503, response = Unavailable),
    )
)]
#[get("/vi/compare", wrap = "from_fn(crate::http::cache::serve_any_language)")]
pub async fn compare_vi(
    state: web::Data<AppState>,
    query: web::Query<CompareQuery>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    compare_page(&state, &req, &query, Lang::Vi).await
}

/// Two programmes compared, as a page in English
///
/// The figures of `GET /compare` as tables and a chart: published figures and the records' sums
/// apart, each difference and change in percent, and what a result exceeded or fell short of
/// against its plan.
#[utoipa::path(
    tag = "pages",
    params(CompareQuery),
    responses(
        (status = 200, description = "The comparison's page", content_type = "text/html", body = String, headers(("ETag" = String))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = BadRequest),
        (status = 503, response = Unavailable),
    )
)]
#[get("/en/compare", wrap = "from_fn(crate::http::cache::serve_any_language)")]
pub async fn compare_en(
    state: web::Data<AppState>,
    query: web::Query<CompareQuery>,
    req: HttpRequest,
) -> Result<HttpResponse> {
    compare_page(&state, &req, &query, Lang::En).await
}

/// What the drafts page may load and run: its own script (and no other), requests to this
/// server, its inline styles; nothing else.
const DRAFTS_POLICY: &str = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

fn drafts_page(lang: Lang) -> Result<HttpResponse> {
    Ok(HttpResponse::Ok()
        .content_type(Representation::html(lang, false).content_type())
        .insert_header((actix_web::http::header::CONTENT_SECURITY_POLICY, DRAFTS_POLICY))
        .insert_header((actix_web::http::header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "public, max-age=300"))
        .insert_header((actix_web::http::header::CONTENT_LANGUAGE, lang.code()))
        .body(render(&DraftsPage::new(lang))?))
}

/// Trang lập bản nháp từ văn bản báo cáo (tiếng Việt)
///
/// Dán văn bản báo cáo, xem mọi số liệu được đánh dấu trong văn bản (đã xếp, chưa xếp, số gần
/// đúng), sửa bản nháp dưới dạng bảng và lưu bằng `PUT` với `If-None-Match: *`. A report's text
/// made a draft, as a page in Vietnamese.
#[utoipa::path(
    tag = "pages",
    responses((status = 200, description = "Trang lập bản nháp", content_type = "text/html", body = String))
)]
#[get("/vi/drafts")]
pub async fn drafts_vi() -> Result<HttpResponse> {
    drafts_page(Lang::Vi)
}

/// A report's text made a draft, as a page in English
///
/// Paste a report, see every figure marked in the text (placed, not placed, approximate),
/// correct the draft as a table and save it with `PUT` and `If-None-Match: *`.
#[utoipa::path(
    tag = "pages",
    responses((status = 200, description = "The drafts page", content_type = "text/html", body = String))
)]
#[get("/en/drafts")]
pub async fn drafts_en() -> Result<HttpResponse> {
    drafts_page(Lang::En)
}

/// The drafts page's script
///
/// The small script of `/{vi,en}/drafts` (plain DOM, no framework).
#[utoipa::path(
    tag = "pages",
    responses((status = 200, description = "The script", content_type = "text/javascript", body = String))
)]
#[get("/assets/drafts.js")]
pub async fn drafts_script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((actix_web::http::header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "public, max-age=300"))
        .body(DRAFTS_SCRIPT)
}
