//! The API's operations as its OpenAPI document declares them: the methods each path answers
//! (a wrong one gets 405 with `Allow`), the query parameters each operation takes (the one rule
//! for parameters), the route table every request is matched against once, and the answer to
//! what no route takes.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::http::context::{Route, Routes};
use crate::http::error::{ProblemType, generic_problem};
use crate::i18n::Message;

/// Query parameters kept for 0.1 clients but no longer in the documented contract (0.2.0):
/// `format=csv` on the list and the breakdown (see the README's changelog).
const LEGACY_QUERY: [(&str, &str, &str); 2] =
    [("/programmes/{id}/schemes", "GET", "format"), ("/programmes/{id}/breakdown", "GET", "format")];

/// CSV by `Accept` on the list and the breakdown, kept for 0.1 clients (as `format=csv` is):
/// not in the documented contract, still answered, so `Accept: text/csv` there is not a 406.
const LEGACY_MEDIA: [(&str, &str, &str); 2] =
    [("/programmes/{id}/schemes", "GET", "text/csv"), ("/programmes/{id}/breakdown", "GET", "text/csv")];

/// The methods each documented path answers and the query parameters each operation takes,
/// taken from the OpenAPI document (itself collected from the handlers): so that a wrong method
/// gets 405 with `Allow` rather than 404, and one rule for query parameters holds everywhere.
/// Its [`Routes`] are the one lookup of a request's route (`http::screen`).
pub struct Methods {
    pub routes: Routes,
    /// By route index: the methods (for `Allow`), and each method's query parameters.
    operations: Vec<Operations>,
}

/// A path's methods (for `Allow`) and each method's query parameters and the media types of its
/// successful answers.
type Operations = (String, Vec<(&'static str, Vec<String>, Vec<String>)>);

/// Paths the server answers that are not operations of the API (no methods or parameters of
/// their own in the document), so that logs and metrics still name their route.
const OTHER_PATHS: [&str; 3] = ["/openapi.json", "/metrics", "/swagger-ui/{_:.*}"];

impl Methods {
    pub fn from_document(document: &utoipa::openapi::OpenApi) -> Methods {
        use utoipa::openapi::path::ParameterIn;
        let operations = document
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let operations = [
                    ("GET", &item.get),
                    ("PUT", &item.put),
                    ("POST", &item.post),
                    ("DELETE", &item.delete),
                    ("PATCH", &item.patch),
                ];
                let present: Vec<(&'static str, &utoipa::openapi::path::Operation)> =
                    operations.iter().filter_map(|(method, op)| op.as_ref().map(|op| (*method, op))).collect();
                let methods: Vec<&str> = present.iter().map(|(method, _)| *method).collect();
                let queries = present
                    .iter()
                    .map(|(method, op)| {
                        let mut names: Vec<String> = op
                            .parameters
                            .iter()
                            .flatten()
                            .filter(|p| matches!(p.parameter_in, ParameterIn::Query))
                            .map(|p| p.name.clone())
                            .collect();
                        let legacy = LEGACY_QUERY.iter().filter(|(p, m, _)| *p == path.as_str() && *m == *method);
                        names.extend(legacy.map(|(_, _, name)| name.to_string()));
                        let mut media: Vec<String> = op
                            .responses
                            .responses
                            .iter()
                            .filter(|(status, _)| status.starts_with('2'))
                            .filter_map(|(_, response)| match response {
                                utoipa::openapi::RefOr::T(response) => Some(response.content.keys().cloned()),
                                utoipa::openapi::RefOr::Ref(_) => None,
                            })
                            .flatten()
                            .collect();
                        let legacy = LEGACY_MEDIA.iter().filter(|(p, m, _)| *p == path.as_str() && *m == *method);
                        media.extend(legacy.map(|(_, _, media)| media.to_string()));
                        (*method, names, media)
                    })
                    .collect();
                (path.as_str(), methods.join(", "), queries)
            })
            .collect::<Vec<_>>();
        let routes = Routes::new(operations.iter().map(|(path, _, _)| *path).chain(OTHER_PATHS));
        Methods { routes, operations: operations.into_iter().map(|(_, allow, queries)| (allow, queries)).collect() }
    }

    fn allowed(&self, path: &str) -> Option<&str> {
        let route = self.routes.find(path)?;
        self.operations.get(route.index).map(|(methods, _)| methods.as_str())
    }

    /// The query parameters of `method` on `route` (HEAD as GET), when it is one of the API's
    /// operations.
    pub fn query_parameters(&self, route: &Route, method: &str) -> Option<&[String]> {
        let method = if method == "HEAD" { "GET" } else { method };
        let (_, queries) = self.operations.get(route.index)?;
        queries.iter().find(|(m, _, _)| *m == method).map(|(_, names, _)| names.as_slice())
    }

    /// The media types `method` on `route` answers with (HEAD as GET); empty when its answers
    /// have no body (204) or it is not one of the API's operations.
    pub fn media_types(&self, route: &Route, method: &str) -> &[String] {
        let method = if method == "HEAD" { "GET" } else { method };
        let Some((_, queries)) = self.operations.get(route.index) else { return &[] };
        queries.iter().find(|(m, _, _)| *m == method).map_or(&[], |(_, _, media)| media.as_slice())
    }
}

/// What no route answered: 405 with `Allow` for a known path, else 404; problem+json either way.
pub async fn fallback(req: HttpRequest, methods: web::Data<Methods>) -> HttpResponse {
    not_routed(&methods, req.path(), req.method().as_str())
}

/// 405 with `Allow` when `path` is one of the API's, else 404. `method` is named in the detail
/// only when it is short (it may be any token a client invented).
pub fn not_routed(methods: &Methods, path: &str, method: &str) -> HttpResponse {
    if let Some(allow) = methods.allowed(path) {
        let detail = if method.len() <= 16 {
            Message::new("method-not-allowed").word("method", method)
        } else {
            Message::new("method-not-allowed-long")
        }
        .word("allowed", allow);
        let mut response = generic_problem(ProblemType::MethodNotAllowed, &detail);
        if let Ok(value) = HeaderValue::from_str(allow) {
            response.headers_mut().insert(header::ALLOW, value);
        }
        return response;
    }
    let detail = Message::new("path-unknown").word("path", path);
    generic_problem(ProblemType::NotFound, &detail)
}
