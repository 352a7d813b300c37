//! The OpenAPI document: its info block here; paths and schemas are collected from the handlers.

use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "khuyencong",
        description = "The results of Hải Phòng city's industrial promotion programme (Chương trình Khuyến công) 2016-2020, \
exact and explained: schemes, costs, who paid, by kind of activity, and how far the published totals agree with the \
itemised scheme records. Source: the article \"Hải Phòng: Kết quả thực hiện Chương trình Khuyến công giai đoạn 20216-2020\" \
(sic), 06/11/2020, congnghieptieudung.vn (http://www.congnghieptieudung.vn/). Amounts are decimal strings in million VND.",
    ),
    tags(
        (name = "programmes", description = "Programmes and their metadata"),
        (name = "schemes", description = "Scheme records: the lines of a programme's results"),
        (name = "aggregates", description = "Totals, breakdowns and indicators computed from the records"),
        (name = "reference", description = "Reference taxonomies"),
    )
)]
pub struct ApiDoc;

/// The whole document, as the server serves it.
pub fn document() -> utoipa::openapi::OpenApi {
    crate::startup::openapi_document()
}
