//! Conditional requests (RFC 9110): the validators of a response (its ETag and when its data
//! was written), how an ETag names a data version and a coding, `If-None-Match` answered with
//! a 304, and what `If-Match` asks of a write.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse};

use crate::http::error::ApiError;
use crate::http::representation::Representation;
use crate::i18n::Message;
use crate::storage::{Precondition, Stamp};

/// How long shared and private caches may reuse a response without asking again. Short, because
/// a write must show soon everywhere; after it, `must-revalidate` sends them back with
/// `If-None-Match`, which costs a 304.
pub const MAX_AGE_SECS: u32 = 5;

/// The validators of a response: the data version it shows and when that was written.
#[derive(Clone, Debug)]
pub struct Validators {
    /// `""` for a programme's own version, `"all-"` for the database-wide one.
    prefix: &'static str,
    stamp: Stamp,
}

impl Validators {
    /// For a programme's resources: its version, the one `If-Match` checks.
    pub fn programme(stamp: Stamp) -> Validators {
        Validators { prefix: "", stamp }
    }

    /// For lists and reference data: the database-wide version, which moves with any write.
    pub fn data(stamp: Stamp) -> Validators {
        Validators { prefix: "all-", stamp }
    }

    /// The strong ETag in one representation: `"42-json"`, or `"all-42-json"` for lists.
    pub fn etag(&self, representation: Representation) -> String {
        format!("\"{}{}-{}\"", self.prefix, self.stamp.version, representation.suffix())
    }

    /// `Last-Modified` as an HTTP date, when the time is known: never later than the response's
    /// `Date` (RFC 9110 §8.8.2.1).
    pub fn last_modified(&self) -> Option<String> {
        let text = self.stamp.modified.as_deref()?;
        let time = time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).ok()?;
        Some(header::HttpDate::from(not_after_date(time.into(), std::time::SystemTime::now())).to_string())
    }
}

/// How far the server's `Date` header may lag the clock: actix writes the time it last read,
/// every 500 ms.
const DATE_LAG: std::time::Duration = std::time::Duration::from_secs(1);

/// `modified`, or, when that is later than a `Date` written at `now` can be (a write in the
/// last second; another server's clock), the latest time that `Date` shows for certain.
fn not_after_date(modified: std::time::SystemTime, now: std::time::SystemTime) -> std::time::SystemTime {
    modified.min(now - DATE_LAG)
}

/// The content codings `Compress` may apply; a coded body's ETag ends in one (`"42-json-gzip"`).
const CODINGS: [&str; 4] = ["gzip", "br", "zstd", "deflate"];

/// Whether an `If-None-Match` value holds `tag` (in any content coding) or is `*`.
pub fn none_match(if_none_match: &str, tag: &str) -> bool {
    let value = if_none_match.trim();
    value == "*" || value.split(',').any(|t| same_tag(t, tag))
}

/// Weak comparison (RFC 9110 §8.8.3.2, which `If-None-Match` uses): `W/"42-json"` holds
/// `"42-json"`; and a tag in one content coding holds the same representation in any other
/// (`"42-json-gzip"` holds `"42-json-br"` and `"42-json"`: the coding changes the bytes on the
/// wire, not what they say).
pub fn same_tag(asked: &str, tag: &str) -> bool {
    let (asked, tag) = (asked.trim(), tag.trim());
    let asked = asked.strip_prefix("W/").unwrap_or(asked);
    asked == tag || stem(asked) == stem(tag)
}

/// A tag without its coding: `"42-json-gzip"` → `42-json`.
fn stem(tag: &str) -> &str {
    let inner = tag.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(tag);
    match inner.rsplit_once('-') {
        Some((stem, coding)) if CODINGS.contains(&coding) => stem,
        _ => inner,
    }
}

/// `"42-json-gzip"` → `"42-json"` (with its quotes); None for a tag with no coding.
fn strip_coding(tag: &str) -> Option<String> {
    let inner = tag.strip_prefix('"')?.strip_suffix('"')?;
    let (stem, coding) = inner.rsplit_once('-')?;
    CODINGS.contains(&coding).then(|| format!("\"{stem}\""))
}

/// The version an ETag names (any representation or coding); None for weak or foreign tags,
/// and for the database-wide tags of lists, which no write can name.
fn version_of(tag: &str) -> Option<i64> {
    let tag = strip_coding(tag.trim()).unwrap_or_else(|| tag.trim().to_string());
    let inner = tag.strip_prefix('"')?.strip_suffix('"')?;
    let (version, suffix) = inner.split_once('-')?;
    matches!(suffix, "json" | "json-vi" | "csv" | "csv-bom" | "html-en" | "html-vi" | "xlsx-en" | "xlsx-vi")
        .then(|| version.parse().ok())
        .flatten()
}

/// The data version a response's ETag shows, for a programme's resources and for lists alike
/// (`"42-json-gzip"` and `"all-42-json"` both show 42): a version no later response may go back
/// from. None for tags this API did not give out.
pub fn shown_version(tag: &str) -> Option<i64> {
    let tag = tag.trim();
    match tag.strip_prefix("\"all-") {
        Some(rest) => version_of(&format!("\"{rest}")),
        None => version_of(tag),
    }
}

/// What `If-Match` / `If-None-Match: *` ask of a write. A tag this API did not give out
/// (or a weak one) can never match, so it yields a version no programme has.
pub fn precondition(req: &HttpRequest) -> Precondition {
    let header_text = |name| req.headers().get(name).and_then(|h: &HeaderValue| h.to_str().ok()).map(str::trim);
    if let Some(value) = header_text(header::IF_MATCH) {
        if value == "*" {
            return Precondition::Exists;
        }
        return Precondition::Versions(value.split(',').map(|t| version_of(t).unwrap_or(-1)).collect());
    }
    if header_text(header::IF_NONE_MATCH) == Some("*") {
        return Precondition::Absent;
    }
    Precondition::None
}

/// Fine-grained edits must say which version they edit.
pub fn require_if_match(req: &HttpRequest) -> Result<Precondition, ApiError> {
    match precondition(req) {
        Precondition::None | Precondition::Absent => {
            Err(ApiError::PreconditionRequired(Message::new("edit-needs-if-match")))
        }
        other => Ok(other),
    }
}

/// Whether an `If-None-Match` header (when there is one) already holds `tag`.
pub fn not_modified(if_none_match: Option<&HeaderValue>, tag: &str) -> bool {
    if_none_match.and_then(|h| h.to_str().ok()).is_some_and(|value| none_match(value, tag))
}

/// The headers a 304 repeats from the 200 it stands for (RFC 9110 §15.4.5).
const NOT_MODIFIED_HEADERS: [header::HeaderName; 5] =
    [header::ETAG, header::VARY, header::CACHE_CONTROL, header::LAST_MODIFIED, header::CONTENT_LANGUAGE];

/// The one place a 304 is made: when `asked` (the client's If-None-Match) holds `etag`, the tag
/// of a 200 with `headers`, the 304 that stands for that 200, repeating its validators.
pub fn not_modified_from<'a>(
    asked: Option<&HeaderValue>,
    etag: &HeaderValue,
    headers: impl Iterator<Item = (&'a header::HeaderName, &'a HeaderValue)>,
) -> Option<HttpResponse> {
    if !not_modified(asked, etag.to_str().ok()?) {
        return None;
    }
    let mut response = HttpResponse::NotModified();
    for (name, value) in headers.filter(|(name, _)| NOT_MODIFIED_HEADERS.contains(name)) {
        response.insert_header((name.clone(), value.clone()));
    }
    Some(response.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::representation::Media;
    use crate::i18n::Lang;

    #[test]
    fn etags_name_a_version_and_a_representation() {
        let stamp = Stamp { version: 42, modified: Some("2026-11-26T10:00:00Z".into()) };
        let csv =
            Representation { media: Media::Csv, negotiated: true, lang: Lang::En, lang_negotiated: false, bom: false };
        assert_eq!(Validators::programme(stamp.clone()).etag(Representation::JSON), "\"42-json\"");
        assert_eq!(Validators::data(stamp.clone()).etag(csv), "\"all-42-csv\"");
        assert_eq!(Validators::data(stamp).last_modified().as_deref(), Some("Thu, 26 Nov 2026 10:00:00 GMT"));
        assert_eq!(version_of("\"42-csv\""), Some(42));
        assert_eq!(
            Validators::programme(Stamp { version: 7, modified: None }).etag(Representation::html(Lang::Vi, false)),
            "\"7-html-vi\""
        );
        let vi = Representation { lang: Lang::Vi, ..Representation::JSON };
        assert_eq!(Validators::programme(Stamp { version: 7, modified: None }).etag(vi), "\"7-json-vi\"");
        assert_eq!((version_of("\"42-json-vi\""), version_of("\"42-html-en\"")), (Some(42), Some(42)));
        assert_eq!(version_of("\"42-json-gzip\""), Some(42));
        assert_eq!((shown_version("\"all-42-json-br\""), shown_version("\"43-html-vi\"")), (Some(42), Some(43)));
        assert_eq!(shown_version("W/\"all-42-json\""), None);
        for foreign in ["W/\"42-json\"", "42-json", "\"abc\"", "\"42-xml\"", "\"all-42-json\"", "\"42-json-xz\""] {
            assert_eq!(version_of(foreign), None, "{foreign}");
        }
    }

    #[test]
    fn last_modified_is_never_later_than_the_date() {
        use std::time::{Duration, SystemTime};
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        let old = now - Duration::from_secs(3600);
        assert_eq!(not_after_date(old, now), old);
        // Written a moment ago, or on a server whose clock runs ahead: clamped.
        assert_eq!(not_after_date(now + Duration::from_secs(30), now), now - DATE_LAG);
        assert_eq!(not_after_date(now - Duration::from_millis(300), now), now - DATE_LAG);
    }

    #[test]
    fn if_none_match_holds_a_tag_in_any_coding() {
        assert!(none_match("\"41-json\", \"42-json-br\"", "\"42-json\""));
        assert!(none_match("*", "\"42-json\""));
        assert!(!none_match("\"42-csv\"", "\"42-json\""));
        assert!(!none_match("\"42-json\"", "\"all-42-json\""));
        assert!(none_match("W/\"42-json\"", "\"42-json\""));
        assert!(none_match("\"1-json\", W/\"42-json-gzip\"", "\"42-json\""));
    }
}
