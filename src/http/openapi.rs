//! The OpenAPI document: its info block here; paths and schemas are collected from the handlers.

use serde_json::{Value, json};
use utoipa::OpenApi;

use crate::http::error::responses::{
    BadRequest, Conflict, Forbidden, NotAcceptable, NotFound, PayloadTooLarge, PreconditionFailed,
    PreconditionRequired, RequestTimeout, TooManyRequests, Unauthorized, Unavailable, Unprocessable,
    UnsupportedMediaType,
};
use crate::http::error::{Problem, ProblemDetailItem};

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
**Compatibility.** `info.version` follows semantic versioning (before 1.0, a minor version may change the \
documented contract; the README's changelog says how). Within a version fields and values are only added, never \
renamed or removed; a breaking change ships as a new major version, announced in the README. Response fields that \
carry a taxonomy key (an activity, a scope, a funding source) are strings whose known values their description \
lists, not enums: new keys may appear (Decree 235/2025/NĐ-CP amended the list of activities), so a client must \
accept a key it does not know. Request parameters that take a key are enums of today's keys. Query parameters: \
an unknown or repeated one is refused (400 naming it); one whose name begins with `_` is ignored (cache-busters). \
Each operation has one media type: JSON, or CSV for the `.csv` downloads. \
Errors are RFC 9457 `application/problem+json`, all of one `Problem` schema whose `type` URIs it lists.",
        license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0"),
        contact(name = "khuyencong maintainers"),
    ),
    components(
        schemas(Problem, ProblemDetailItem),
        responses(
            BadRequest, NotFound, Unavailable, Unauthorized, Forbidden, PreconditionFailed, PreconditionRequired,
            PayloadTooLarge, UnsupportedMediaType, Unprocessable, TooManyRequests, RequestTimeout, Conflict,
            NotAcceptable
        )
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "programmes", description = "Programmes and their metadata"),
        (name = "schemes", description = "Scheme records: the lines of a programme's results"),
        (name = "aggregates", description = "Totals, breakdowns and indicators computed from the records"),
        (name = "reference", description = "Reference taxonomies"),
        (name = "downloads", description = "Whole-programme files: the document (export), the workbook, the CSV tables"),
        (name = "writes", description = "Authenticated writes: whole programmes, scheme records, reported figures"),
        (name = "audit", description = "Who changed what, when (admin tokens)"),
        (name = "operations", description = "Health checks for load balancers"),
        (name = "pages", description = "HTML pages for people, in Vietnamese and English"),
    )
)]
pub struct ApiDoc;

/// The strong ETag of the served `/openapi.json`: a digest of the document, so that a client
/// (or Swagger UI) revalidates it with a 304 and sees a new one after an upgrade.
#[derive(Clone, Debug)]
pub struct DocumentTag(pub String);

impl DocumentTag {
    pub fn of(document: &utoipa::openapi::OpenApi) -> DocumentTag {
        use sha2::Digest;
        let bytes = serde_json::to_vec(document).expect("the OpenAPI document serialises");
        let digest = sha2::Sha256::digest(&bytes);
        DocumentTag(format!("\"openapi-{}\"", hex::encode(&digest[..12])))
    }
}

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

/// The programme document's JSON Schema (2020-12), taken from the components of `document` (the
/// OpenAPI document, `startup::openapi_document`) so the two cannot disagree:
/// `seeds/programme.schema.json`.
pub fn programme_document_schema(document: &utoipa::openapi::OpenApi) -> serde_json::Value {
    let spec = serde_json::to_value(document).expect("the OpenAPI document serialises");
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

/// What generators need that the derived document does not say: applied to the document the
/// server serves and `khuyencong openapi` prints, and checked by `tests/clients` (Redocly,
/// Spectral, a Python and a TypeScript client).
pub fn finish(document: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    let mut spec = serde_json::to_value(document).expect("the OpenAPI document serialises");
    spec["servers"] = json!([{"url": "/", "description": "This server (paths are relative to where it serves)"}]);
    rename_generic_schemas(&mut spec);
    open_ended_bounds(&mut spec);
    nullable_generic_fields(&mut spec);
    refer_to_components(&mut spec);
    problems_by_ref(&mut spec);
    shared_parameter_enums(&mut spec);
    public_and_bad_request(&mut spec);
    required_and_nullable(&mut spec);
    binary_bodies(&mut spec);
    conditional_reads(&mut spec);
    parameters_say_what_they_refuse(&mut spec);
    enum_names(&mut spec);
    document_example(&mut spec);
    serde_json::from_value(spec).expect("the finished document is an OpenAPI document")
}

/// utoipa names a generic's instance after its argument (`Reported_String`, `Page_SchemeView`):
/// internal names a client should not see.
const RENAMES: [(&str, &str); 14] = [
    ("Reported_String", "Reported"),
    ("ReportedAmount_String", "ReportedAmount"),
    ("ReportedSource_String", "ReportedSource"),
    ("Bounds_Money", "AmountBounds"),
    ("Bounds_i64", "SchemeBounds"),
    ("Bounds_Percent", "PercentBounds"),
    ("Summed_i64", "SummedSchemes"),
    ("Summed_Money", "SummedCost"),
    ("Difference_i64", "CountDifference"),
    ("Difference_Money", "AmountDifference"),
    ("SourceAmount_String", "SourceAmount"),
    ("SchemeRecord_String", "SchemeRecord"),
    ("Page_SchemeView", "SchemePage"),
    ("Page_ProgrammeSummary", "ProgrammePage"),
];

/// The bounds objects (`Bounds<V>`): utoipa drops the `null` of a generic `Option<V>`, and a
/// bound's `at_least` or `at_most` is null where that end is open.
fn open_ended_bounds(spec: &mut Value) {
    for name in ["AmountBounds", "SchemeBounds", "PercentBounds"] {
        let Some(properties) =
            spec["components"]["schemas"].get_mut(name).and_then(|s| s["properties"].as_object_mut())
        else {
            continue;
        };
        for end in ["at_least", "at_most"] {
            let Some(property) = properties.get_mut(end) else { continue };
            match property["type"].clone() {
                Value::String(kind) => property["type"] = json!([kind, "null"]),
                _ => *property = json!({"oneOf": [{"type": "null"}, property.clone()]}),
            }
        }
    }
}

/// The fields of generic schemas that are `Option<V>` in Rust: utoipa drops their `null` (as
/// it does the bounds' ends), so each is made nullable here.
const NULLABLE_GENERIC_FIELDS: [(&str, &[&str]); 4] = [
    ("SummedSchemes", &["reported", "gap"]),
    ("SummedCost", &["reported", "gap"]),
    ("CountDifference", &["base", "other", "difference"]),
    ("AmountDifference", &["base", "other", "difference"]),
];

fn nullable_generic_fields(spec: &mut Value) {
    for (name, fields) in NULLABLE_GENERIC_FIELDS {
        let Some(properties) =
            spec["components"]["schemas"].get_mut(name).and_then(|s| s["properties"].as_object_mut())
        else {
            continue;
        };
        for field in fields {
            let Some(property) = properties.get_mut(*field) else { continue };
            match property["type"].clone() {
                Value::String(kind) => property["type"] = json!([kind, "null"]),
                _ => *property = json!({"oneOf": [{"type": "null"}, property.clone()]}),
            }
        }
    }
}

fn rename_generic_schemas(spec: &mut Value) {
    let mut text = serde_json::to_string(spec).expect("serialises");
    for (from, to) in RENAMES {
        text = text.replace(&format!("\"#/components/schemas/{from}\""), &format!("\"#/components/schemas/{to}\""));
    }
    *spec = serde_json::from_str(&text).expect("parses back");
    let schemas = spec["components"]["schemas"].as_object_mut().expect("schemas");
    for (from, to) in RENAMES {
        if let Some(schema) = schemas.remove(from) {
            schemas.insert(to.to_string(), schema);
        }
    }
}

/// utoipa inlines a generic's argument (a page's items) and some nested objects: every inline
/// object that is a component's schema becomes a `$ref` to it, so a generator makes one type.
fn refer_to_components(spec: &mut Value) {
    let components: Vec<(String, Value)> = spec["components"]["schemas"]
        .as_object()
        .expect("schemas")
        .iter()
        .filter(|(_, schema)| schema["type"] == "object")
        .map(|(name, schema)| (name.clone(), schema.clone()))
        .collect();
    fn walk(node: &mut Value, components: &[(String, Value)], top: bool) {
        if !top && let Some((name, _)) = components.iter().find(|(_, schema)| schema == node) {
            *node = json!({"$ref": format!("#/components/schemas/{name}")});
            return;
        }
        match node {
            Value::Object(map) => map.values_mut().for_each(|child| walk(child, components, false)),
            Value::Array(items) => items.iter_mut().for_each(|child| walk(child, components, false)),
            _ => {}
        }
    }
    if let Some(paths) = spec.get_mut("paths") {
        walk(paths, &components, true);
    }
    for (_, schema) in spec["components"]["schemas"].as_object_mut().expect("schemas").iter_mut() {
        walk(schema, &components, true);
    }
    if let Some(responses) = spec["components"].get_mut("responses") {
        walk(responses, &components, true);
    }
}

/// Query parameters that take a taxonomy key or a dimension refer to one named enum each, so
/// that a generator makes one type per enum, not one per operation.
const PARAMETER_ENUMS: [(&str, &str); 4] =
    [("activity", "ActivityKey"), ("scope", "ScopeKey"), ("source", "FundingSourceKey"), ("by", "Dimension")];

fn shared_parameter_enums(spec: &mut Value) {
    let mut enums: Vec<(&str, Value)> = Vec::new();
    for item in spec["paths"].as_object_mut().expect("paths").values_mut() {
        for operation in item.as_object_mut().expect("a path item").values_mut() {
            for parameter in operation["parameters"].as_array_mut().into_iter().flatten() {
                let Some((_, name)) = PARAMETER_ENUMS.iter().find(|(p, _)| parameter["name"] == *p) else { continue };
                if parameter["schema"].get("enum").is_none() {
                    continue; // not one key: `/aggregate`'s list of drilldowns
                }
                let mut schema = parameter["schema"].take();
                if let Some(description) = schema.as_object_mut().and_then(|s| s.remove("description"))
                    && parameter.get("description").is_none()
                {
                    parameter["description"] = description;
                }
                parameter["schema"] = json!({"$ref": format!("#/components/schemas/{name}")});
                enums.push((name, schema));
            }
        }
    }
    let schemas = spec["components"]["schemas"].as_object_mut().expect("schemas");
    for (name, schema) in enums {
        schemas.entry(name.to_string()).or_insert(schema);
    }
}

/// Every error response refers to the one `Problem` schema, so that one type handles them all.
fn problems_by_ref(spec: &mut Value) {
    if let Some(responses) = spec["components"]["responses"].as_object_mut() {
        for response in responses.values_mut() {
            if let Some(content) = response["content"].as_object_mut() {
                for media in content.values_mut() {
                    media["schema"] = json!({"$ref": "#/components/schemas/Problem"});
                }
            }
        }
    }
}

/// Operations without a security requirement are public (`security: []`); every operation can
/// answer 400, since an unknown or repeated query parameter is refused everywhere, and every one
/// with a body to answer 406.
fn public_and_bad_request(spec: &mut Value) {
    for item in spec["paths"].as_object_mut().expect("paths").values_mut() {
        for operation in item.as_object_mut().expect("a path item").values_mut() {
            let Some(operation) = operation.as_object_mut() else { continue };
            operation.entry("security").or_insert_with(|| json!([]));
            let responses = operation.entry("responses").or_insert_with(|| json!({}));
            if responses.get("400").is_none() {
                responses["400"] = json!({"$ref": "#/components/responses/BadRequest"});
            }
            // An operation with a body to answer refuses an `Accept` that takes none of its types.
            let has_body = responses
                .as_object()
                .is_some_and(|r| r.iter().any(|(status, r)| status.starts_with('2') && r.get("content").is_some()));
            if has_body {
                responses["406"] = json!({"$ref": "#/components/responses/NotAcceptable"});
            }
        }
    }
}

/// Schemas that are (parts of) the programme document, which requests send: an optional field
/// may be absent or null. Everywhere else a response field is always present, null where it
/// has no value, so it is required; the problem's extension members are absent when empty.
const SENT: [&str; 15] = [
    "ProgrammeDocument",
    "ProgrammeMetadata",
    "Names",
    "Period",
    "LegalBasis",
    "SourceDocument",
    "Reported",
    "ReportedCount",
    "ScopeCount",
    "ReportedAmount",
    "ReportedSource",
    "SourceAmount",
    "IndicatorDefinition",
    "SchemeRecord",
    "IndicatorValue",
];
const ABSENT_WHEN_EMPTY: [&str; 2] = ["Problem", "ProblemDetailItem"];

fn required_and_nullable(spec: &mut Value) {
    for (name, schema) in spec["components"]["schemas"].as_object_mut().expect("schemas").iter_mut() {
        if SENT.contains(&name.as_str()) {
            continue;
        }
        let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) else { continue };
        let keys: Vec<String> = properties.keys().cloned().collect();
        if ABSENT_WHEN_EMPTY.contains(&name.as_str()) {
            properties.values_mut().for_each(not_nullable);
            continue;
        }
        schema["required"] = json!(keys);
    }
}

/// `["string", "null"]` → `"string"`; `oneOf: [null, X]` → X.
fn not_nullable(property: &mut Value) {
    if let Some(types) = property["type"].as_array() {
        let kept: Vec<Value> = types.iter().filter(|t| *t != "null").cloned().collect();
        property["type"] = if kept.len() == 1 { kept[0].clone() } else { Value::Array(kept) };
    }
    if let Some(variants) = property.get("oneOf").and_then(Value::as_array).cloned() {
        let kept: Vec<Value> = variants.into_iter().filter(|v| v["type"] != "null").collect();
        if kept.len() == 1 {
            let description = property.get("description").cloned();
            *property = kept[0].clone();
            if let Some(description) = description {
                property["description"] = description;
            }
        }
    }
}

/// Reads that answer no `ETag` (so never 304): the health checks and the audit trail (never
/// cached).
const UNCONDITIONAL_READS: [&str; 6] =
    ["/health/live", "/health/ready", "/audit", "/vi/drafts", "/en/drafts", "/assets/drafts.js"];

/// Every other read sends an `ETag` and answers `If-None-Match` with a 304: each declares the
/// header parameter, the `ETag` of its 200 and the 304 (one shared response).
fn conditional_reads(spec: &mut Value) {
    // Inline: the parameter list of an operation holds no `$ref` in the derived document.
    let if_none_match = json!({
        "name": "If-None-Match",
        "in": "header",
        "required": false,
        "description": "ETags the client holds (from an earlier answer): when one is still current, the answer is 304 with no body",
        "schema": {"type": "string"},
        "example": "\"42-json\"",
    });
    let components = spec["components"].as_object_mut().expect("components");
    components.entry("responses").or_insert_with(|| json!({}))["NotModified"] = json!({
        "description": "Not modified: `If-None-Match` holds the current ETag; reuse what you have",
        "headers": {"ETag": {"description": "The tag the client holds", "schema": {"type": "string"}}},
    });
    for (path, item) in spec["paths"].as_object_mut().expect("paths").iter_mut() {
        if UNCONDITIONAL_READS.contains(&path.as_str()) {
            continue;
        }
        let Some(get) = item.get_mut("get").and_then(Value::as_object_mut) else { continue };
        let parameters = get.entry("parameters").or_insert_with(|| json!([]));
        if !parameters.is_array() {
            *parameters = json!([]);
        }
        if let Some(list) = parameters.as_array_mut() {
            list.retain(|p| p["name"] != "If-None-Match");
            list.push(if_none_match.clone());
        }
        let responses = get.entry("responses").or_insert_with(|| json!({}));
        responses["304"] = json!({"$ref": "#/components/responses/NotModified"});
        let headers = responses["200"].as_object_mut().map(|ok| ok.entry("headers").or_insert_with(|| json!({})));
        if let Some(headers) = headers.and_then(Value::as_object_mut) {
            headers.entry("ETag").or_insert_with(|| {
                json!({"description": "The data version and representation, e.g. `\"42-json\"`", "schema": {"type": "string"}})
            });
        }
    }
}

/// What the server refuses before any operation (a NUL character, raw or encoded, in the path
/// or the query: 400) is outside every text parameter's schema, so that no request the schema
/// allows is refused; and a header parameter is a string when sent (never null).
fn parameters_say_what_they_refuse(spec: &mut Value) {
    for item in spec["paths"].as_object_mut().expect("paths").values_mut() {
        for operation in item.as_object_mut().expect("a path item").values_mut() {
            for parameter in operation["parameters"].as_array_mut().into_iter().flatten() {
                if parameter["in"] == "header" {
                    not_nullable(parameter.get_mut("schema").unwrap_or(&mut Value::Null));
                    continue;
                }
                let schema = &mut parameter["schema"];
                let free_text = schema["type"] == "string"
                    && ["pattern", "enum", "format", "$ref"].iter().all(|k| schema.get(*k).is_none());
                if free_text {
                    schema["pattern"] = json!("^[^\\x00]*$");
                }
            }
        }
    }
}

/// An enum value a generator cannot make a name of (`-cost`: the Python client called it
/// `VALUE_1`) gets a name in `x-enum-varnames`: `COST_DESC`.
fn enum_names(spec: &mut Value) {
    fn walk(node: &mut Value) {
        match node {
            Value::Object(map) => {
                let names: Option<Vec<String>> = map.get("enum").and_then(Value::as_array).and_then(|values| {
                    let texts: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
                    let unnamed = texts.len() == values.len() && texts.iter().any(|t| t.starts_with('-'));
                    unnamed.then(|| {
                        texts
                            .iter()
                            .map(|t| match t.strip_prefix('-') {
                                Some(rest) => format!("{}_DESC", rest.to_uppercase()),
                                None => t.to_uppercase(),
                            })
                            .collect()
                    })
                });
                if let Some(names) = names {
                    map.insert("x-enum-varnames".into(), json!(names));
                }
                map.values_mut().for_each(walk);
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(spec);
}

/// The programme document's request body shows a whole (small, made-up) document.
fn document_example(spec: &mut Value) {
    let example: Value = serde_json::from_str(include_str!("../../docs/agency/2021-2025.json"))
        .expect("docs/agency/2021-2025.json is JSON");
    if let Some(media) = spec["paths"]["/programmes/{id}"]["put"]["requestBody"]["content"].get_mut("application/json")
    {
        media["example"] = example;
    }
}

/// A workbook is a file: `type: string, format: binary`, not the array of integers utoipa
/// derives from `Vec<u8>`; and so is a text body.
fn binary_bodies(spec: &mut Value) {
    for item in spec["paths"].as_object_mut().expect("paths").values_mut() {
        for operation in item.as_object_mut().expect("a path item").values_mut() {
            // A text body (a report for POST /drafts) is a file of UTF-8 text: generators send
            // its bytes as they are (openapi-python-client has no text/plain string body).
            if let Some(media) = operation.pointer_mut("/requestBody/content/text~1plain") {
                media["schema"] = json!({"type": "string", "format": "binary", "minLength": 1, "description": "UTF-8 text, not empty"});
            }
            for response in operation["responses"].as_object_mut().into_iter().flat_map(|r| r.values_mut()) {
                let xlsx = crate::http::representation::Representation::XLSX_TYPE;
                if let Some(media) = response.get_mut("content").and_then(|c| c.get_mut(xlsx)) {
                    media["schema"] = json!({"type": "string", "format": "binary"});
                }
            }
        }
    }
}
