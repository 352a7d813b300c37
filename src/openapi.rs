//! The OpenAPI document: its info block here; paths and schemas are collected from the handlers.

use utoipa::OpenApi;

use crate::error::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, PreconditionFailed, PreconditionRequired, RequestTimeout,
    TooManyRequests, Unauthorized, Unavailable, Unprocessable, UnsupportedMediaType,
};
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
    components(
        schemas(Problem, ProblemDetailItem),
        responses(
            BadRequest, NotFound, Unavailable, Unauthorized, Forbidden, PreconditionFailed, PreconditionRequired,
            PayloadTooLarge, UnsupportedMediaType, Unprocessable, TooManyRequests, RequestTimeout
        )
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "programmes", description = "Programmes and their metadata"),
        (name = "schemes", description = "Scheme records: the lines of a programme's results"),
        (name = "aggregates", description = "Totals, breakdowns and indicators computed from the records"),
        (name = "reference", description = "Reference taxonomies"),
        (name = "writes", description = "Authenticated writes: whole programmes, scheme records, reported figures"),
        (name = "audit", description = "Who changed what, when (admin tokens)"),
        (name = "operations", description = "Health checks for load balancers"),
    )
)]
pub struct ApiDoc;

/// Declares the bearer-token scheme that writes and the audit trail need.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some("A token from `khuyencong token create --name NAME --scope write|admin`"))
            .build();
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// The whole document, as the server serves it.
pub fn document() -> utoipa::openapi::OpenApi {
    crate::startup::openapi_document()
}

/// The programme document's JSON Schema (2020-12), taken from the OpenAPI components so the two
/// cannot disagree: `seeds/programme.schema.json`.
pub fn programme_document_schema() -> serde_json::Value {
    let spec = serde_json::to_value(document()).expect("the OpenAPI document serialises");
    let mut defs = spec["components"]["schemas"].clone();
    let text = serde_json::to_string(&defs).expect("schemas serialise").replace("#/components/schemas/", "#/$defs/");
    defs = serde_json::from_str(&text).expect("schemas parse back");
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "khuyencong programme document",
        "description": "A programme with its reported figures and scheme records: the format of seeds/, of PUT /programmes/{id} and of GET /programmes/{id}/export. Amounts are decimal strings in million VND with at most two decimal places.",
        "$ref": "#/$defs/ProgrammeDocument",
        "$defs": defs,
    })
}
