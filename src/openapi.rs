//! The OpenAPI document: its info block here; paths and schemas are collected from the handlers.

use utoipa::OpenApi;

use crate::error::responses::{BadRequest, NotFound, Unavailable};
use crate::error::{Problem, ProblemDetailItem};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "khuyencong",
        description = "The results of Hải Phòng city's industrial promotion programme (Chương trình Khuyến công) \
2016-2020, exact and explained: how many schemes, what they cost, who paid (central budget, city budget, contributions \
of the participating enterprises and people), by kind of activity, and how far the published totals agree with the \
itemised scheme records (`reported`, `itemised`, `gap`).\n\n\
**Source.** Every figure comes from one article, \"Hải Phòng: Kết quả thực hiện Chương trình Khuyến công giai đoạn \
20216-2020\" (sic: the title misprints the period), unsigned, dated 06/11/2020, published on congnghieptieudung.vn \
(http://www.congnghieptieudung.vn/). Each figure carries the article's sentence it comes from; where the article is \
silent the data says unknown. The licence of the data is not stated by its source; the software is MIT OR Apache-2.0.\n\n\
**Money** is a decimal string in million VND with two decimal places (`\"41306.53\"`): never parse it as a float.\n\n\
**Compatibility.** `info.version` follows semantic versioning. Within a major version fields and values are only \
added, never renamed or removed; a breaking change ships as a new major version, announced in the README. \
Errors are RFC 9457 `application/problem+json` whose `type` URIs are listed in the `Problem` schema.",
        license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0"),
        contact(name = "khuyencong maintainers"),
    ),
    components(schemas(Problem, ProblemDetailItem), responses(BadRequest, NotFound, Unavailable)),
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
