//! A message of the catalog as the code holds it: its id and its arguments (counts, amounts,
//! keys, other messages, lists), rendered in a language only when it is sent.

use std::cell::Cell;

use serde::{Serialize, Serializer};

use super::Lang;
use super::catalog;

/// One argument of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// A whole number, written plainly (`1184`, `-3`); the catalog may choose words by it.
    Count(i64),
    /// An amount as the API writes it (`41306.53`): kept in English prose, grouped in
    /// Vietnamese (`41.306,53`).
    Amount(String),
    /// A key, a name or a tag, written as it is (`central_budget`, `"43-json"`).
    Word(String),
    /// A name the data gives in each language (an indicator's, a source's): not prose of ours.
    Named { en: String, vi: String },
    /// Another message, rendered in the same language.
    Message(Box<Message>),
    /// `a`, `a and b`, `a, b and c`: the catalog's `list-and`, or `list-or` when `or`.
    List { items: Vec<Arg>, or: bool },
}

/// A message: an id of the catalog and its named arguments, then the sentences that follow it
/// (each rendered in the same language, after a space).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
    pub then: Vec<Message>,
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message { id, args: Vec::new(), then: Vec::new() }
    }

    pub fn arg(mut self, name: &'static str, value: Arg) -> Message {
        self.args.push((name, value));
        self
    }

    pub fn count(self, name: &'static str, n: i64) -> Message {
        self.arg(name, Arg::Count(n))
    }

    /// `amount` as the API writes amounts (a `Money`, a decimal string).
    pub fn amount(self, name: &'static str, amount: impl std::fmt::Display) -> Message {
        self.arg(name, Arg::Amount(amount.to_string()))
    }

    pub fn word(self, name: &'static str, word: impl Into<String>) -> Message {
        self.arg(name, Arg::Word(word.into()))
    }

    pub fn message(self, name: &'static str, message: Message) -> Message {
        self.arg(name, Arg::Message(Box::new(message)))
    }

    /// `items` as a list joined by `and` (`or`), in the language.
    pub fn list(self, name: &'static str, items: Vec<Arg>, or: bool) -> Message {
        self.arg(name, Arg::List { items, or })
    }

    /// This message followed by `next` (when there is one), as one text.
    pub fn then(mut self, next: impl Into<Option<Message>>) -> Message {
        self.then.extend(next.into());
        self
    }

    /// Rendered in `lang`: as it stands inside another message (no capital added).
    pub fn render(&self, lang: Lang) -> String {
        let mut text = catalog::render(lang, self.id, &self.args);
        for next in &self.then {
            text.push(' ');
            text.push_str(&next.sentence(lang));
        }
        text
    }

    /// Rendered in `lang` as a sentence: its first letter a capital.
    pub fn sentence(&self, lang: Lang) -> String {
        let text = self.render(lang);
        let mut chars = text.chars();
        match chars.next() {
            Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
            _ => text,
        }
    }
}

/// In English, as it stands (for logs and `Display`ed errors).
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

thread_local! {
    /// The reader's language of the serialization running on this thread: set by
    /// [`in_language`] for a response body, none for a document (an export, a log).
    static SERIALIZING_IN: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Runs `serialize` (a synchronous serialization of a response body) for a reader of `lang`:
/// every [`Message`] in it rendered in `lang`, every note in it given in `lang`.
pub fn in_language<T>(lang: Lang, serialize: impl FnOnce() -> T) -> T {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            SERIALIZING_IN.set(self.0);
        }
    }
    let _restore = Restore(SERIALIZING_IN.replace(Some(lang)));
    serialize()
}

/// The reader's language of the serialization running on this thread, if it is a response's
/// ([`in_language`]).
pub fn reading_in() -> Option<Lang> {
    SERIALIZING_IN.get()
}

/// A message in JSON is its text, in the language of the serialization ([`in_language`]);
/// English outside one.
impl Serialize for Message {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.sentence(SERIALIZING_IN.get().unwrap_or_default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_serializes_in_the_language_asked_for_and_english_otherwise() {
        let note = Message::new("totals-unattributed").amount("amount", "1184.78");
        assert_eq!(
            serde_json::to_string(&note).unwrap(),
            r#""1,184.78 million VND of the itemised cost has no funding line: the article does not say who paid it.""#
        );
        let vi = in_language(Lang::Vi, || serde_json::to_string(&note).unwrap());
        assert!(vi.starts_with(r#""1.184,78 triệu đồng"#), "{vi}");
        // Back to English once the serialization it wrapped is over.
        assert!(serde_json::to_string(&note).unwrap().starts_with(r#""1,184.78 million VND"#));
    }
}
