//! A note of ours in a document: one text (English, as before 0.6) or one per language. A
//! document keeps the form it was given; a response gives the text in the request's language.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use utoipa::ToSchema;

use crate::domain::reference::Names;
use crate::i18n::{Lang, reading_in};

/// What a reader must know that the quote does not say. Ours, not the source's: a string, or
/// `{ "vi": …, "en": … }`. An export keeps the form it was given; every other response gives
/// the text in the request's language (a string note as it is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    Text(String),
    Both(Names),
}

/// `oneOf`: a string, or an object of one text per language (each as long as a string note
/// may be, so not `Names`, whose texts are names).
impl utoipa::PartialSchema for Note {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, OneOfBuilder, Type};
        let text = || ObjectBuilder::new().schema_type(Type::String).pattern(Some(r"\S")).max_length(Some(MAX_CHARS));
        let both = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("vi", text().description(Some("In Vietnamese.")))
            .property("en", text().description(Some("In English.")))
            .required("vi")
            .required("en")
            .additional_properties(Some(AdditionalProperties::FreeForm(false)));
        OneOfBuilder::new()
            .item(text())
            .item(both)
            .description(Some(
                "Ours, not the source's: what a reader must know that the quote does not say. A string, or \
                 `{\"vi\": …, \"en\": …}`. An export keeps the form it was given; every other response gives the \
                 text in the request's language.",
            ))
            .examples([serde_json::json!({"vi": "Cách hiểu của chúng tôi, không phải lời bài viết.", "en": "Our reading, not the article's words."})])
            .into()
    }
}

impl ToSchema for Note {}

/// The most characters a note's text may have (each language's, for a note in both).
pub const MAX_CHARS: usize = 5000;

impl Note {
    /// The text for a reader of `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Note::Text(text) => text,
            Note::Both(names) => names.get(lang),
        }
    }

    /// Each text with the JSON pointer below the note's it is at (`""`, or `/vi` and `/en`).
    pub fn texts(&self) -> Vec<(&'static str, &str)> {
        match self {
            Note::Text(text) => vec![("", text)],
            Note::Both(names) => vec![("/vi", &names.vi), ("/en", &names.en)],
        }
    }

    /// The two columns storage keeps: the English (or only) text, and the Vietnamese one.
    pub fn columns(note: Option<&Note>) -> (Option<&str>, Option<&str>) {
        match note {
            None => (None, None),
            Some(Note::Text(text)) => (Some(text), None),
            Some(Note::Both(names)) => (Some(&names.en), Some(&names.vi)),
        }
    }

    /// The note storage's two columns hold.
    pub fn from_columns(text: Option<String>, vi: Option<String>) -> Option<Note> {
        match (text, vi) {
            (Some(en), Some(vi)) => Some(Note::Both(Names { vi, en })),
            (text, _) => text.map(Note::Text),
        }
    }
}

/// In a response, the text in its language; in a document, the form it was given.
impl Serialize for Note {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (self, reading_in()) {
            (note, Some(lang)) => serializer.serialize_str(note.get(lang)),
            (Note::Text(text), None) => serializer.serialize_str(text),
            (Note::Both(names), None) => names.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Note {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Note, D::Error> {
        struct NoteVisitor;
        impl<'de> Visitor<'de> for NoteVisitor {
            type Value = Note;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string or an object with vi and en")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Note, E> {
                Ok(Note::Text(text.to_string()))
            }
            fn visit_string<E: de::Error>(self, text: String) -> Result<Note, E> {
                Ok(Note::Text(text))
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Note, M::Error> {
                Names::deserialize(de::value::MapAccessDeserializer::new(map)).map(Note::Both)
            }
        }
        deserializer.deserialize_any(NoteVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::in_language;

    #[test]
    fn a_document_keeps_the_form_given_and_a_response_gives_its_language() {
        let both: Note = serde_json::from_str(r#"{"vi": "Cách hiểu của chúng tôi.", "en": "Our reading."}"#).unwrap();
        let text: Note = serde_json::from_str(r#""Our reading.""#).unwrap();
        assert_eq!(serde_json::to_string(&both).unwrap(), r#"{"vi":"Cách hiểu của chúng tôi.","en":"Our reading."}"#);
        assert_eq!(serde_json::to_string(&text).unwrap(), r#""Our reading.""#);
        let vi = in_language(Lang::Vi, || serde_json::to_string(&both).unwrap());
        assert_eq!(vi, r#""Cách hiểu của chúng tôi.""#);
        assert_eq!(in_language(Lang::En, || serde_json::to_string(&both).unwrap()), r#""Our reading.""#);
        assert_eq!(in_language(Lang::Vi, || serde_json::to_string(&text).unwrap()), r#""Our reading.""#);
        let wrong = serde_json::from_str::<Note>(r#"{"vi": "x"}"#).unwrap_err().to_string();
        assert!(wrong.contains("missing field `en`"), "{wrong}");
        let wrong = serde_json::from_str::<Note>("3").unwrap_err().to_string();
        assert!(wrong.contains("expected a string or an object with vi and en"), "{wrong}");
    }
}
