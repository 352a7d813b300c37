//! Reading a document (or a part of one) from JSON: in Unicode NFC, a byte-order mark allowed,
//! one value and nothing after it, and each structural error as a violation at its pointer,
//! with serde_json's message as a message of the catalog.

use super::ProgrammeDocument;

use crate::i18n::{Arg, Message};

/// One thing wrong with a document, and where (an RFC 6901 JSON pointer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pub pointer: String,
    pub detail: Message,
}

/// The violations found in a document: the first [`Violations::KEPT`] of them, and how many
/// there are in all. A document of millions of wrong values costs a hundred entries, not
/// millions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Violations {
    pub first: Vec<Violation>,
    pub total: usize,
}

impl Violations {
    /// How many violations are kept (and reported).
    pub const KEPT: usize = 100;

    pub fn push(&mut self, violation: Violation) {
        self.total += 1;
        if self.first.len() < Violations::KEPT {
            self.first.push(violation);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// `self`, then `more`.
    pub fn append(&mut self, more: Violations) {
        let total = self.total + more.total;
        more.first.into_iter().for_each(|v| self.push(v));
        self.total = total;
    }
}

impl From<Violation> for Violations {
    fn from(violation: Violation) -> Self {
        Violations { first: vec![violation], total: 1 }
    }
}

impl From<Vec<Violation>> for Violations {
    fn from(violations: Vec<Violation>) -> Self {
        let mut all = Violations::default();
        violations.into_iter().for_each(|v| all.push(v));
        all
    }
}

impl Violation {
    /// A parser's message (serde_json's, in English), as a message of the catalog.
    fn parser(pointer: impl Into<String>, serde: String) -> Self {
        Violation { pointer: pointer.into(), detail: parser_message(&serde) }
    }
}

/// serde_json's message as a message of the catalog: the common ones by kind (their English
/// is serde's own words), the others quoted. Its position, when it gives one, as
/// `json-located` around it.
fn parser_message(serde: &str) -> Message {
    let located = serde.rsplit_once(" at line ").and_then(|(what, at)| {
        let (line, column) = at.split_once(" column ")?;
        Some((what, line.parse::<i64>().ok()?, column.parse::<i64>().ok()?))
    });
    let what = located.map_or(serde, |(what, _, _)| what);
    let split = |rest: &str| rest.split_once(", expected ").map(|(a, b)| (a.to_string(), b.to_string()));
    let message = if let Some(field) = what.strip_prefix("missing field ") {
        Message::new("json-missing-field").word("field", field)
    } else if let Some((field, expected)) = what.strip_prefix("unknown field ").and_then(split) {
        match (expected.strip_prefix("one of "), expected.split_once(" or ")) {
            (Some(fields), _) => Message::new("json-unknown-field-one-of").word("fields", fields),
            (None, Some((first, second))) => {
                Message::new("json-unknown-field-either").word("first", first).word("second", second)
            }
            (None, None) => Message::new("json-unknown-field").word("expected", expected),
        }
        .word("field", field)
    } else if let Some((found, expected)) = what.strip_prefix("invalid type: ").and_then(split) {
        Message::new("json-invalid-type").arg("found", json_kind(&found)).word("expected", expected)
    } else if let Some((found, expected)) = what.strip_prefix("invalid value: ").and_then(split) {
        Message::new("json-invalid-value").arg("found", json_kind(&found)).word("expected", expected)
    } else if let Some(field) = what.strip_prefix("duplicate field ") {
        Message::new("json-duplicate-field").word("field", field)
    } else if let Some(id) = [
        ("EOF while parsing a value", "json-eof-value"),
        ("EOF while parsing an object", "json-eof-object"),
        ("EOF while parsing a list", "json-eof-list"),
        ("EOF while parsing a string", "json-eof-string"),
    ]
    .into_iter()
    .find_map(|(text, id)| (what == text).then_some(id))
    {
        Message::new(id)
    } else if what.starts_with("expected") || what.starts_with("key must be") {
        Message::new("json-syntax").word("what", what)
    } else if let Some(number) = what.strip_suffix(" is not a whole number in range") {
        Message::new("json-not-whole").word("number", number)
    } else {
        Message::new("json-unreadable").word("text", what)
    };
    match located {
        Some((_, line, column)) => {
            Message::new("json-located").message("what", message).count("line", line).count("column", column)
        }
        None => message,
    }
}

/// What serde found (`string "abc"`, `integer `3``, `map`) as each language names it: serde's
/// words in English; in Vietnamese the kind of JSON value, with the value itself where serde
/// quotes one.
fn json_kind(found: &str) -> Arg {
    const KINDS: [(&str, &str); 9] = [
        ("string", "chuỗi"),
        ("integer", "số nguyên"),
        ("floating point", "số thực"),
        ("boolean", "giá trị đúng/sai"),
        ("null", "null"),
        ("map", "đối tượng"),
        ("sequence", "mảng"),
        ("unit value", "giá trị rỗng"),
        ("character", "ký tự"),
    ];
    let vi = KINDS
        .iter()
        .find_map(|(en, vi)| found.strip_prefix(en).map(|value| format!("{vi}{value}")))
        .unwrap_or_else(|| "giá trị khác".to_string());
    Arg::Named { en: found.to_string(), vi }
}

/// Parses JSON text into a document, naming where a structural error is (missing field, wrong type).
pub fn parse_json(text: &str) -> Result<ProgrammeDocument<String>, Violation> {
    parse_part(text.as_bytes())
}

fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        out.push('/');
        match segment {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } => out.push_str(&key.replace('~', "~0").replace('/', "~1")),
            Segment::Enum { variant } => out.push_str(variant),
            Segment::Unknown => out.push('?'),
        }
    }
    out
}

/// Re-points violations found in a whole document at the part a request sent: a violation at
/// `{from}/x` becomes `{to}/x`; others are kept as they are.
pub fn relocate(violations: Violations, from: &str, to: &str) -> Violations {
    let first = violations
        .first
        .into_iter()
        .map(|v| match v.pointer.strip_prefix(from).filter(|rest| rest.is_empty() || rest.starts_with('/')) {
            Some(rest) => Violation { pointer: format!("{to}{rest}"), detail: v.detail },
            None => v,
        })
        .collect();
    Violations { first, total: violations.total }
}

/// Parses one JSON part of a document (a scheme record, the reported figures), naming where a
/// structural error is.
///
/// The text may begin with a UTF-8 byte-order mark (what Windows editors write). Every string
/// is taken in Unicode NFC, so that a word typed decomposed (NFD, as some systems send
/// Vietnamese) is stored, and compares, as the same word typed composed.
pub fn parse_part<T: serde::de::DeserializeOwned>(text: &[u8]) -> Result<T, Violation> {
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    if !needs_nfc(text) {
        let de = &mut serde_json::Deserializer::from_slice(text);
        let value = serde_path_to_error::deserialize(&mut *de)
            .map_err(|e| Violation::parser(path_to_pointer(e.path()), e.into_inner().to_string()))?;
        // One JSON value and nothing after it: `{…}}}` is not a document.
        de.end().map_err(|e| Violation {
            pointer: String::new(),
            detail: Message::new("json-trailing").word("error", e.to_string()),
        })?;
        return Ok(value);
    }
    // Rare: text that is not NFC, or that escapes characters (`\u0301`). Parsed to a value
    // first, its strings normalised, then read as the document.
    let mut value: serde_json::Value =
        serde_json::from_slice(text).map_err(|e| Violation::parser("", e.to_string()))?;
    to_nfc(&mut value);
    serde_path_to_error::deserialize(value)
        .map_err(|e| Violation::parser(path_to_pointer(e.path()), e.into_inner().to_string()))
}

/// A document that did not parse: each structural error found, and, when only some scheme
/// records are wrong, the document without them, so that the rules can still be checked on
/// the rest (`kept[i]` is the index in the sent document of the rest's record `i`).
#[derive(Debug)]
pub struct Unparsed {
    pub violations: Violations,
    pub rest: Option<Box<(ProgrammeDocument<String>, Vec<usize>)>>,
}

/// Parses a whole document, reporting every structural error it can see at once: when the
/// document does not parse, the reported figures, each scheme record and the rest of the
/// document are read apart, and each gives its first error (a wrong type, a missing or unknown
/// field) at its pointer. Broken JSON syntax is one error: nothing after it can be read.
pub fn parse_document(text: &[u8]) -> Result<ProgrammeDocument<String>, Unparsed> {
    let first = match parse_part::<ProgrammeDocument<String>>(text) {
        Ok(document) => return Ok(document),
        Err(first) => first,
    };
    let alone = |first: Violation| Unparsed { violations: first.into(), rest: None };
    let body = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    let Ok(serde_json::Value::Object(mut top)) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Err(alone(first));
    };
    let mut found = Violations::default();
    fn part<T: serde::de::DeserializeOwned>(value: serde_json::Value, at: &str, found: &mut Violations) -> Option<T> {
        let mut value = value;
        to_nfc(&mut value);
        serde_path_to_error::deserialize::<_, T>(value)
            .map_err(|e| {
                let pointer = format!("{at}{}", path_to_pointer(e.path()));
                found.push(Violation::parser(pointer, e.into_inner().to_string()));
            })
            .ok()
    }
    let reported = top.remove("reported").map(|r| part::<super::Reported<String>>(r, "/reported", &mut found));
    let mut kept = Vec::new();
    let mut records = Vec::new();
    // Read apart only when they are a list: anything else is the document's own error.
    let schemes = match top.remove("schemes") {
        Some(serde_json::Value::Array(schemes)) => Some(schemes),
        Some(other) => {
            top.insert("schemes".into(), other);
            None
        }
        None => None,
    };
    if let Some(schemes) = schemes {
        for (i, record) in schemes.into_iter().enumerate() {
            if let Some(record) = part::<super::SchemeRecord<String>>(record, &format!("/schemes/{i}"), &mut found) {
                kept.push(i);
                records.push(record);
            }
        }
        top.insert("schemes".into(), serde_json::json!([]));
    }
    let document = part::<ProgrammeDocument<String>>(serde_json::Value::Object(top), "", &mut found);
    if found.is_empty() {
        return Err(alone(first));
    }
    // The whole parse's error, when reading the parts apart did not meet it (a key given twice,
    // which a parsed value no longer shows): reported too.
    if !found.first.iter().any(|v| v.pointer == first.pointer) {
        let mut with_first = Violations::from(first);
        with_first.append(found);
        found = with_first;
    }
    let rest = match (document, reported) {
        (Some(mut document), None) => {
            document.schemes = records;
            Some(Box::new((document, kept)))
        }
        (Some(mut document), Some(Some(reported))) => {
            document.reported = reported;
            document.schemes = records;
            Some(Box::new((document, kept)))
        }
        _ => None,
    };
    Err(Unparsed { violations: found, rest })
}

/// Whether some string of the JSON `text` may not be NFC: the text is not plainly NFC, or it
/// escapes a character (whose decoded form the raw text does not show).
fn needs_nfc(text: &[u8]) -> bool {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    let Ok(text) = std::str::from_utf8(text) else { return false }; // the parser says what is wrong
    text.contains("\\u") || is_nfc_quick(text.chars()) != IsNormalized::Yes
}

fn to_nfc(value: &mut serde_json::Value) {
    use unicode_normalization::UnicodeNormalization;
    match value {
        serde_json::Value::String(text) => *text = text.nfc().collect(),
        serde_json::Value::Array(items) => items.iter_mut().for_each(to_nfc),
        serde_json::Value::Object(map) => map.values_mut().for_each(to_nfc),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::Names;

    #[test]
    fn text_after_the_document_is_rejected() {
        let err = parse_part::<Names>(br#"{"vi": "a", "en": "b"}}}"#).unwrap_err();
        assert!(
            err.detail.to_string().starts_with("unexpected text after the JSON value"),
            "{}",
            err.detail.to_string()
        );
        assert!(parse_part::<Names>(b"{\"vi\": \"a\", \"en\": \"b\"}\n").is_ok(), "trailing white space is fine");
    }

    #[test]
    fn a_missing_field_is_named_with_its_pointer() {
        let err = parse_json(r#"{"id": "x", "currency": "VND", "amount_unit": "million", "names": {"vi": "a"}}"#)
            .unwrap_err();
        assert_eq!(err.pointer, "/names");
        assert!(err.detail.to_string().contains("missing field `en`"), "{}", err.detail.to_string());
    }

    /// The English of a parser's message is serde_json's own, word for word; the Vietnamese
    /// says the same with the position as a Vietnamese reader writes it.
    #[test]
    fn the_parsers_messages_keep_serdes_english_and_read_as_vietnamese() {
        use crate::i18n::Lang;
        let cases: [(&[u8], &str); 5] = [
            (br#"{"vi": "a"}"#, "thiếu trường `en` (dòng 1, cột 11)"),
            (
                br#"{"vi": "a", "en": "b", "x": 1}"#,
                "trường `x` không có trong định dạng; các trường được phép: `vi`, `en` (dòng 1, cột 26)",
            ),
            (
                br#"{"vi": 1, "en": "b"}"#,
                "sai kiểu dữ liệu: có số nguyên `1`, không phải kiểu mà trường này nhận (dòng 1, cột 8)",
            ),
            (br#"{"vi": "a", "vi": "b", "en": "c"}"#, "trường `vi` xuất hiện hai lần (dòng 1, cột 16)"),
            (br#"{"vi": "a""#, "văn bản JSON kết thúc giữa chừng (dòng 1, cột 10)"),
        ];
        for (text, vietnamese) in cases {
            let serde = serde_json::from_slice::<Names>(text).map(|_| ()).unwrap_err().to_string();
            let violation = parse_part::<Names>(text).unwrap_err();
            assert_eq!(violation.detail.render(Lang::En), serde);
            assert_eq!(violation.detail.render(Lang::Vi), vietnamese, "{serde}");
        }
    }
}
