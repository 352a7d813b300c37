//! The canonical form of a programme document: fixed key order, two-space indentation, a final
//! newline, so that export, import and export again gives the same bytes.

use serde::Serialize;

use super::{Programme, SchemeRecord};
use crate::domain::money::Money;

impl Programme {
    /// The document in canonical form: fixed key order (the struct's), two-space indentation,
    /// a final newline; `validate` has put the reported entries in reference order. Export,
    /// import and export again gives the same bytes.
    pub fn canonical_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a programme always serialises");
        text.push('\n');
        text
    }

    /// The canonical form written a part at a time, so that export can stream a large programme
    /// batch by batch: this, then [`canonical_records`] for each batch of records, then
    /// [`canonical_tail`], is byte for byte [`Programme::canonical_json`] (a test checks it).
    /// `self` is the document without its records.
    pub fn canonical_head(&self) -> String {
        let text = serde_json::to_string_pretty(self).expect("a programme always serialises");
        // The records are the last field: the text ends in `"schemes": []` and the closing brace.
        let cut = text.rfind("[]").expect("a document's text ends with its schemes");
        text[..cut].to_string()
    }
}

/// Records of the canonical form, after the head (`first`: the first records) or after others.
pub fn canonical_records(records: &[SchemeRecord<Money>], first: bool) -> String {
    if records.is_empty() {
        return String::new();
    }
    // Serialised where they stand in a document (inside an object, inside an array), so that
    // serde_json indents them as the whole document would, in one pass.
    #[derive(Serialize)]
    struct Within<'a> {
        schemes: &'a [SchemeRecord<Money>],
    }
    let text = serde_json::to_string_pretty(&Within { schemes: records }).expect("records always serialise");
    let start = text.find("[\n").expect("an array") + 2;
    let end = text.rfind("\n  ]").expect("an array");
    let mut out = String::with_capacity(end - start + 2);
    out.push_str(if first { "[\n" } else { ",\n" });
    out.push_str(&text[start..end]);
    out
}

/// What closes the canonical form, after `records` records.
pub fn canonical_tail(records: usize) -> &'static str {
    if records == 0 { "[]\n}\n" } else { "\n  ]\n}\n" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canonical_form_streamed_in_parts_is_the_whole_one() {
        use crate::domain::aggregates::sums::fixtures::{programme, record};
        for records in [0, 1, 3] {
            let mut doc = programme(
                (0..records)
                    .map(|i| {
                        let mut r = record("vocational_training", "local", 2, "735.50", &[("contributions", "1.00")]);
                        r.id = format!("r{i}");
                        r.quote = Some("dòng \"một\"\nhai".into());
                        r
                    })
                    .collect(),
            );
            let whole = doc.canonical_json();
            let schemes = std::mem::take(&mut doc.schemes);
            let mut streamed = doc.canonical_head();
            for (i, batch) in schemes.chunks(2).enumerate() {
                streamed.push_str(&canonical_records(batch, i == 0));
            }
            streamed.push_str(canonical_tail(schemes.len()));
            assert_eq!(streamed, whole, "{records} records");
        }
    }
}
