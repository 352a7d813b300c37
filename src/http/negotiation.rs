//! Content negotiation (RFC 9110 §12.5): `Accept-Language`, `Accept-Encoding` and `Accept`,
//! each read from a bounded prefix of its header, without allocating per range.

use crate::i18n::Lang;

/// How much of a negotiation header is read: what comes after is ignored. Real clients send a
/// few ranges in well under this; a client that sends more gains nothing but its own cost.
pub const MAX_HEADER_BYTES: usize = 1024;
/// How many ranges of a header are read, at most.
pub const MAX_RANGES: usize = 16;

/// A q-value in thousandths (RFC 9110 §12.4.2): 0 refuses, 1000 is the default.
type Q = u16;

/// The ranges of a negotiation header, in order, each with its q-value: at most [`MAX_RANGES`]
/// from the first [`MAX_HEADER_BYTES`] bytes. A range whose weight is not a valid qvalue (above
/// 1, or not a number) is left out, as if it had not been sent.
fn ranges(header: &[u8]) -> impl Iterator<Item = (&[u8], Q)> {
    let header = &header[..header.len().min(MAX_HEADER_BYTES)];
    header.split(|&b| b == b',').take(MAX_RANGES).filter_map(|range| {
        let mut parts = range.split(|&b| b == b';');
        let token = trim(parts.next().unwrap_or_default());
        if token.is_empty() {
            return None;
        }
        let mut q = 1000;
        for parameter in parts {
            let parameter = trim(parameter);
            if parameter.len() >= 2 && parameter[..2].eq_ignore_ascii_case(b"q=") {
                q = qvalue(trim(&parameter[2..]))?;
            }
        }
        Some((token, q))
    })
}

fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(start, |i| i + 1);
    &bytes[start..end]
}

/// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, in thousandths.
fn qvalue(text: &[u8]) -> Option<Q> {
    let (whole, fraction) = match text.iter().position(|&b| b == b'.') {
        Some(dot) => (&text[..dot], &text[dot + 1..]),
        None => (text, &b""[..]),
    };
    if fraction.len() > 3 || !fraction.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut thousandths: Q = 0;
    for (i, digit) in fraction.iter().enumerate() {
        thousandths += Q::from(digit - b'0') * [100, 10, 1][i];
    }
    match whole {
        b"0" => Some(thousandths),
        b"1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The q-value a header gives `wanted` (matched by `matches`), or `*`'s when nothing more
/// specific names it; with the position of the range that decided, for ties. None: not named.
fn weight(header: &[u8], matches: impl Fn(&[u8]) -> bool) -> Option<(Q, usize)> {
    let mut explicit: Option<(Q, usize)> = None;
    let mut wildcard: Option<(Q, usize)> = None;
    for (position, (token, q)) in ranges(header).enumerate() {
        if token == b"*" {
            wildcard = wildcard.or(Some((q, position)));
        } else if matches(token) {
            // Of several ranges naming it, the most favourable one counts.
            explicit = match explicit {
                Some((q0, p0)) if q0 >= q => Some((q0, p0)),
                _ => Some((q, position)),
            };
        }
    }
    explicit.or(wildcard)
}

/// The language an `Accept-Language` header prefers (RFC 9110 §12.5.4): of `vi` and `en` (a
/// range names a language by its primary subtag: `vi-VN` names `vi`; `*` names any language no
/// range names), the one with the highest q-value, the earlier on a tie; `q=0` refuses. English
/// when neither is acceptable, or when the header names neither.
pub fn language(header: Option<&[u8]>) -> Lang {
    let Some(header) = header else { return Lang::En };
    let of = |lang: Lang| {
        weight(header, |token| {
            let primary = token.split(|&b| b == b'-').next().unwrap_or_default();
            primary.eq_ignore_ascii_case(lang.code().as_bytes())
        })
        .filter(|(q, _)| *q > 0)
    };
    match (of(Lang::Vi), of(Lang::En)) {
        (Some((qv, pv)), Some((qe, pe))) if qv > qe || (qv == qe && pv < pe) => Lang::Vi,
        (Some(_), None) => Lang::Vi,
        _ => Lang::En,
    }
}

/// A content coding the API sends (RFC 9110 §8.4.1); the cache keeps a body in each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Coding {
    Identity,
    Br,
    Zstd,
    Gzip,
}

impl Coding {
    /// In the order the server prefers when the client weighs them the same: the smallest first.
    pub const PREFERRED: [Coding; 4] = [Coding::Br, Coding::Zstd, Coding::Gzip, Coding::Identity];

    /// The token of `Content-Encoding` and of the ETag's suffix (`"42-json-gzip"`).
    pub fn token(self) -> &'static str {
        match self {
            Coding::Identity => "identity",
            Coding::Br => "br",
            Coding::Zstd => "zstd",
            Coding::Gzip => "gzip",
        }
    }

    /// The coding an `Accept-Encoding` header prefers, of those the API sends: the highest
    /// q-value, then the server's preference. Identity is acceptable unless refused (by
    /// `identity;q=0`, or by `*;q=0` without `identity`); when everything is refused the body
    /// goes as it is, which RFC 9110 §12.5.3 allows.
    pub fn negotiate(header: Option<&[u8]>) -> Coding {
        let Some(header) = header else { return Coding::Identity };
        let mut best = (Coding::Identity, 0);
        for coding in Coding::PREFERRED {
            let q = match weight(header, |token| token.eq_ignore_ascii_case(coding.token().as_bytes())) {
                Some((q, _)) => q,
                None if coding == Coding::Identity => 1,
                None => 0,
            };
            if q > best.1 {
                best = (coding, q);
            }
        }
        best.0
    }
}

impl Coding {
    /// The coding of a body compressed as it streams (one the cache does not keep): gzip when
    /// the client takes it, else none. gzip holds a fixed few hundred KB per stream, where
    /// brotli and zstd at actix's settings hold megabytes, so a stream's memory stays bounded
    /// whatever the client prefers.
    pub fn for_streams(header: Option<&[u8]>) -> Coding {
        let gzip = header.and_then(|h| weight(h, |t| t.eq_ignore_ascii_case(b"gzip")));
        if gzip.is_some_and(|(q, _)| q > 0) { Coding::Gzip } else { Coding::Identity }
    }
}

/// Whether an `Accept` header, read whole, takes none of `offered`: the one case that is 406.
/// A header this reader does not wholly understand (a range with a q-value it cannot read, such
/// as Java's `*; q=.2`, or more than it reads) never is: the answer is then what it would have
/// been without it.
pub fn takes_none(header: &[u8], offered: &[String]) -> bool {
    if header.len() > MAX_HEADER_BYTES {
        return false;
    }
    let items = header.split(|&b| b == b',').filter(|range| !trim(range).is_empty()).count();
    if items > MAX_RANGES || ranges(header).count() != items {
        return false;
    }
    !offered.iter().any(|media| accepts(header, media))
}

/// Whether an `Accept` header takes `media` (`type/subtype`): named, or its family (`text/*`),
/// or `*/*`, the most specific range deciding, with a q-value above 0.
fn accepts(header: &[u8], media: &str) -> bool {
    let media = essence(media.as_bytes());
    let Some(slash) = media.iter().position(|&b| b == b'/') else { return false };
    let family = [&media[..=slash], b"*"].concat();
    weight(header, |t| essence(t).eq_ignore_ascii_case(media))
        .or_else(|| weight(header, |t| essence(t).eq_ignore_ascii_case(&family)))
        .or_else(|| weight(header, |t| essence(t) == b"*/*"))
        .is_some_and(|(q, _)| q > 0)
}

/// Whether `Accept` prefers CSV to JSON, weighing `text/csv` (or `text/*`, `*/*`) against
/// `application/json` (or `application/*`, `*/*`) by q-value, the earlier on a tie. JSON when
/// the header names neither, or refuses CSV (`text/csv;q=0`).
pub fn prefers_csv(header: Option<&[u8]>) -> bool {
    let Some(header) = header else { return false };
    let of = |full: &[u8], family: &[u8]| {
        // The most specific range decides: the media type, then its family, then `*/*`.
        let exact = weight(header, |t| essence(t).eq_ignore_ascii_case(full));
        let any = |t: &[u8]| essence(t) == b"*/*";
        exact
            .or_else(|| weight(header, |t| essence(t).eq_ignore_ascii_case(family)))
            .or_else(|| weight(header, any))
            .filter(|(q, _)| *q > 0)
    };
    match (of(b"text/csv", b"text/*"), of(b"application/json", b"application/*")) {
        (Some((qc, pc)), Some((qj, pj))) => qc > qj || (qc == qj && pc < pj),
        (Some(_), None) => true,
        _ => false,
    }
}

/// A media range without its parameters (they come after `;`, already split off).
fn essence(token: &[u8]) -> &[u8] {
    trim(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_is_negotiated_by_q_value() {
        let cases: [(Option<&str>, Lang); 18] = [
            (None, Lang::En),
            (Some(""), Lang::En),
            (Some("vi"), Lang::Vi),
            (Some("vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7"), Lang::Vi),
            (Some("en-US,en;q=0.9,vi;q=0.8"), Lang::En),
            (Some("fr, vi;q=0.5"), Lang::Vi),
            (Some("en;q=0.2, vi;q=0.8"), Lang::Vi),
            (Some("vi;q=0, en;q=0.1"), Lang::En),
            (Some("vi;q=0"), Lang::En),
            (Some("fr-FR, de"), Lang::En),
            (Some("*;q=0.5, vi;q=0.4"), Lang::En),
            (Some("VI"), Lang::Vi),
            // RFC 9110: `*` stands for the languages no range names, so English, refused by
            // name, is not chosen through it.
            (Some("en;q=0, *"), Lang::Vi),
            // A q-value above 1 is not a qvalue: that range is left out.
            (Some("en;q=2, vi;q=0.5"), Lang::Vi),
            (Some("vi;q=1.5"), Lang::En),
            (Some("vi;q=0.9, en;q=0.900"), Lang::Vi),
            (Some("en;q=0.95, vi;q=0.951"), Lang::Vi),
            (Some("vi;q=abc, en"), Lang::En),
        ];
        for (header, expected) in cases {
            assert_eq!(language(header.map(str::as_bytes)), expected, "{header:?}");
        }
    }

    #[test]
    fn a_long_header_is_read_only_as_far_as_its_bound() {
        // 30,000 ranges that name nothing we have, then `vi`: past the bound, so not read.
        let long = format!("{}vi", "xx;q=0.5, ".repeat(30_000));
        assert_eq!(language(Some(long.as_bytes())), Lang::En);
        // Within the bound, the 16th range still counts; the 17th does not.
        let sixteenth = format!("{}vi", "xx, ".repeat(15));
        let seventeenth = format!("{}vi", "xx, ".repeat(16));
        assert_eq!(language(Some(sixteenth.as_bytes())), Lang::Vi);
        assert_eq!(language(Some(seventeenth.as_bytes())), Lang::En);
    }

    #[test]
    fn the_coding_is_the_clients_preference_then_the_smallest() {
        let cases = [
            (None, Coding::Identity),
            (Some("gzip"), Coding::Gzip),
            (Some("gzip, deflate, br, zstd"), Coding::Br),
            (Some("gzip, deflate"), Coding::Gzip),
            (Some("deflate"), Coding::Identity),
            (Some("br;q=0.5, gzip"), Coding::Gzip),
            (Some("*"), Coding::Br),
            (Some("*;q=0.5, gzip;q=0"), Coding::Br),
            (Some("identity"), Coding::Identity),
            (Some("zstd;q=1.0, br;q=0.999"), Coding::Zstd),
            (Some("gzip;q=7"), Coding::Identity),
            (Some("identity;q=0, *;q=0"), Coding::Identity),
        ];
        for (header, expected) in cases {
            assert_eq!(Coding::negotiate(header.map(str::as_bytes)), expected, "{header:?}");
        }
    }

    #[test]
    fn streams_are_gzip_or_nothing() {
        for (header, expected) in [
            (None, Coding::Identity),
            (Some("gzip, deflate, br, zstd"), Coding::Gzip),
            (Some("br"), Coding::Identity),
            (Some("*"), Coding::Gzip),
            (Some("gzip;q=0, *"), Coding::Identity),
        ] {
            assert_eq!(Coding::for_streams(header.map(str::as_bytes)), expected, "{header:?}");
        }
    }

    #[test]
    fn accept_weighs_csv_against_json() {
        let cases = [
            (None, false),
            (Some("text/csv"), true),
            (Some("text/csv, application/json"), true),
            (Some("application/json, text/csv"), false),
            (Some("text/csv;q=0"), false),
            (Some("text/csv;q=0, */*"), false),
            (Some("application/json;q=0.5, text/csv"), true),
            (Some("*/*"), false),
            (Some("text/*, application/json;q=0.9"), true),
            (Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), false),
        ];
        for (header, expected) in cases {
            assert_eq!(prefers_csv(header.map(str::as_bytes)), expected, "{header:?}");
        }
    }

    #[test]
    fn qvalues_follow_the_grammar() {
        for (text, expected) in [("1", Some(1000)), ("0.5", Some(500)), ("0", Some(0)), ("1.000", Some(1000))] {
            assert_eq!(qvalue(text.as_bytes()), expected, "{text}");
        }
        for bad in ["1.5", "2", "0.1234", "-1", "", ".5", "abc"] {
            assert_eq!(qvalue(bad.as_bytes()), None, "{bad}");
        }
    }
}
