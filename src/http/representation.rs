//! A response's representation: its media type, whether the client chose it, and its language;
//! the ETag's suffix, `Vary` and `Content-Language` derive from it, and the cache keys on it.

use actix_web::HttpRequest;

use crate::http::error::ApiError;
use crate::i18n::Lang;

/// The media types of programme data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Media {
    Json,
    Csv,
    Html,
    Xlsx,
}

/// A response's representation, beyond its resource and data version: its media type, whether
/// the client chose it (by `Accept` or `format`), and its language (JSON's messages by
/// `Accept-Language`; a page's by its path, or by `Accept-Language` at `/`). Defined once, here:
/// the ETag's suffix (`"42-json"`, `"42-json-vi"`, `"42-html-en"`), `Vary` and
/// `Content-Language` derive from it, and the response cache keys on it (with the route's
/// parsed parameters and, for pages, the origin of their links), never on raw headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Representation {
    pub media: Media,
    pub(super) negotiated: bool,
    pub lang: Lang,
    /// The language was chosen by `Accept-Language` (not by the path).
    pub(super) lang_negotiated: bool,
    /// A CSV that begins with a UTF-8 byte-order mark (`bom=true`).
    pub bom: bool,
}

impl Representation {
    /// JSON in English (what writes and language-free reads answer when nothing else is asked).
    pub const JSON: Representation =
        Representation { media: Media::Json, negotiated: false, lang: Lang::En, lang_negotiated: true, bom: false };
    /// CSV, the only media type of the resource (`schemes.csv`, `breakdown.csv`): no language.
    pub const CSV: Representation =
        Representation { media: Media::Csv, negotiated: false, lang: Lang::En, lang_negotiated: false, bom: false };

    pub const XLSX_TYPE: &'static str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// The `.csv` operations' CSV, with a byte-order mark or without.
    pub fn csv(bom: bool) -> Representation {
        Representation { bom, ..Representation::CSV }
    }

    /// The workbook, its sheet and column names in the request's language.
    pub fn xlsx(req: &HttpRequest) -> Representation {
        Representation { media: Media::Xlsx, lang: crate::http::context::lang(req), ..Representation::JSON }
    }

    /// JSON, in the request's language.
    pub fn json(req: &HttpRequest) -> Representation {
        Representation { lang: crate::http::context::lang(req), ..Representation::JSON }
    }

    /// A page in `lang`; `negotiated` when `Accept-Language` chose it (at `/`).
    pub fn html(lang: Lang, negotiated: bool) -> Representation {
        Representation { media: Media::Html, negotiated: false, lang, lang_negotiated: negotiated, bom: false }
    }

    pub fn suffix(self) -> &'static str {
        match (self.media, self.lang) {
            (Media::Json, Lang::En) => "json",
            (Media::Json, Lang::Vi) => "json-vi",
            (Media::Csv, _) if self.bom => "csv-bom",
            (Media::Csv, _) => "csv",
            (Media::Xlsx, Lang::En) => "xlsx-en",
            (Media::Xlsx, Lang::Vi) => "xlsx-vi",
            (Media::Html, Lang::En) => "html-en",
            (Media::Html, Lang::Vi) => "html-vi",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self.media {
            Media::Json => "application/json; charset=utf-8",
            Media::Csv => "text/csv; charset=utf-8",
            Media::Html => "text/html; charset=utf-8",
            Media::Xlsx => Representation::XLSX_TYPE,
        }
    }

    /// The `Content-Language` of a body in this representation (none for CSV).
    pub fn content_language(self) -> Option<&'static str> {
        (self.media != Media::Csv).then(|| self.lang.code())
    }

    /// The request headers a response varies by (`Compress` adds `Accept-Encoding`).
    pub fn vary(self) -> &'static str {
        let by_language = self.lang_negotiated && self.media != Media::Csv;
        match (self.negotiated, by_language) {
            (true, true) => "Accept, Accept-Language, Accept-Encoding",
            (true, false) => "Accept, Accept-Encoding",
            (false, true) => "Accept-Language, Accept-Encoding",
            (false, false) => "Accept-Encoding",
        }
    }

    /// CSV when `?format=csv`, or when the client's Accept prefers text/csv; JSON otherwise (in
    /// the request's language).
    pub fn negotiate(req: &HttpRequest, format: Option<&str>) -> Result<Representation, ApiError> {
        let media = |media| Representation {
            media,
            negotiated: true,
            lang: if media == Media::Json { crate::http::context::lang(req) } else { Lang::En },
            lang_negotiated: media == Media::Json,
            bom: false,
        };
        match format {
            Some("csv") => return Ok(media(Media::Csv)),
            Some("json") => return Ok(media(Media::Json)),
            Some(other) => return Err(ApiError::bad_value("format", other, &["json", "csv"])),
            None => {}
        }
        Ok(media(if crate::http::context::Asked::of(req).csv { Media::Csv } else { Media::Json }))
    }
}
