//! The request understood once: its route, and what its headers ask for, made at most once per
//! request and read by the span, the metrics, the cache key, the ETag and the handler.

use std::sync::Arc;

use actix_web::HttpMessage;
use actix_web::HttpRequest;
use actix_web::http::header::{self, HeaderName};

use super::negotiation::{self, Coding};
use crate::i18n::Lang;

/// What a request's negotiation headers ask for, parsed once (on first use) and kept in the
/// request's extensions.
#[derive(Clone, Copy, Debug)]
pub struct Asked {
    /// By `Accept-Language`.
    pub lang: Lang,
    /// By `Accept-Encoding`: for bodies the cache keeps (compressed once).
    pub coding: Coding,
    /// By `Accept-Encoding`: for bodies compressed as they stream.
    pub stream_coding: Coding,
    /// `Accept` prefers `text/csv` to JSON.
    pub csv: bool,
}

/// The request's language, by its `Accept-Language` (parsed once per request: [`Asked`]).
pub fn lang(req: &HttpRequest) -> Lang {
    Asked::of(req).lang
}

impl Asked {
    /// The request's [`Asked`], parsed on the first call and kept for the others.
    pub fn of(req: &HttpRequest) -> Asked {
        if let Some(asked) = req.extensions().get::<Asked>() {
            return *asked;
        }
        let value = |name: HeaderName| req.headers().get(name).map(|v| v.as_bytes());
        let asked = Asked {
            lang: negotiation::language(value(header::ACCEPT_LANGUAGE)),
            coding: Coding::negotiate(value(header::ACCEPT_ENCODING)),
            stream_coding: Coding::for_streams(value(header::ACCEPT_ENCODING)),
            csv: negotiation::prefers_csv(value(header::ACCEPT)),
        };
        req.extensions_mut().insert(asked);
        asked
    }
}

/// One of the API's documented operations' paths, as a pattern (`/programmes/{id}/totals`).
#[derive(Clone, Debug)]
pub struct Route {
    /// Its index in the [`Routes`] table.
    pub index: usize,
    pub pattern: Arc<str>,
}

#[derive(Debug, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Parameter,
    /// `{name:.*}`: the rest of the path, whatever it is.
    Rest,
}

/// The API's path patterns, matched segment by segment (no regular expression): the one lookup
/// of a request's route before the router's own, which the span, the metrics labels, the cache
/// key and the query-parameter rule all read.
#[derive(Debug, Default)]
pub struct Routes {
    patterns: Vec<(Vec<Segment>, Arc<str>)>,
}

impl Routes {
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Routes {
        let patterns = patterns
            .into_iter()
            .map(|pattern| {
                let segments = pattern
                    .split('/')
                    .skip(1)
                    .map(|s| {
                        if s.starts_with('{') && s.ends_with(":.*}") {
                            Segment::Rest
                        } else if s.starts_with('{') && s.ends_with('}') {
                            Segment::Parameter
                        } else {
                            Segment::Literal(s.to_string())
                        }
                    })
                    .collect();
                (segments, Arc::from(pattern))
            })
            .collect();
        Routes { patterns }
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// The pattern of the route `path` takes, if it is one of the API's. A parameter matches
    /// one non-empty segment, as actix's `{name}` does.
    pub fn find(&self, path: &str) -> Option<Route> {
        let rest = path.strip_prefix('/')?;
        self.patterns.iter().enumerate().find_map(|(index, (segments, pattern))| {
            let mut parts = rest.split('/');
            let mut tail = false;
            let all = segments.iter().all(|segment| match (segment, parts.next()) {
                (Segment::Rest, _) => {
                    tail = true;
                    true
                }
                (Segment::Literal(literal), Some(part)) => literal == part,
                (Segment::Parameter, Some(part)) => !part.is_empty(),
                (_, None) => false,
            });
            (all && (tail || parts.next().is_none())).then(|| Route { index, pattern: Arc::clone(pattern) })
        })
    }
}

/// The route a request took, when it is one of the API's (set by `http::screen`).
pub fn route(req: &HttpRequest) -> Option<Route> {
    req.extensions().get::<Route>().cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_takes_the_pattern_whose_segments_it_fills() {
        let routes = Routes::new([
            "/",
            "/programmes",
            "/programmes/{id}",
            "/programmes/{id}/totals",
            "/programmes/{id}/breakdown",
            "/programmes/{id}/breakdown.csv",
            "/programmes/{id}/schemes/{scheme_id}",
            "/swagger-ui/{_:.*}",
        ]);
        let cases = [
            ("/", Some("/")),
            ("/programmes", Some("/programmes")),
            ("/programmes/2016-2020", Some("/programmes/{id}")),
            ("/programmes/2016-2020/totals", Some("/programmes/{id}/totals")),
            ("/programmes/2016-2020/breakdown.csv", Some("/programmes/{id}/breakdown.csv")),
            ("/programmes/x/schemes/y", Some("/programmes/{id}/schemes/{scheme_id}")),
            ("/programmes//totals", None),
            ("/programmes/2016-2020/totals/", None),
            ("/programmes/x/schemes", None),
            ("/nothing", None),
            ("/swagger-ui/", Some("/swagger-ui/{_:.*}")),
            ("/swagger-ui/index.css", Some("/swagger-ui/{_:.*}")),
            ("", None),
        ];
        for (path, expected) in cases {
            assert_eq!(routes.find(path).map(|r| r.pattern.to_string()).as_deref(), expected, "{path}");
        }
    }
}
