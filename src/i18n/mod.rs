//! Vietnamese and English: the language a request or a terminal asks for, the messages of the
//! catalog (`en.ftl`, `vi.ftl`) with their arguments, and numbers as each language writes them.

mod catalog;
mod message;

pub use message::{Arg, Message, in_language, reading_in};

/// A language of messages and pages. English is the JSON default within this major version.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Vi,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 tag (`Content-Language`, page paths, ETags).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Vi,
            Lang::Vi => Lang::En,
        }
    }

    /// The language of the command line's messages: Vietnamese when the locale is (`LC_ALL`,
    /// `LC_MESSAGES` or `LANG` beginning `vi`), else English.
    pub fn of_environment() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()));
        if locale.is_some_and(|l| l.to_ascii_lowercase().starts_with("vi")) { Lang::Vi } else { Lang::En }
    }

    /// The marks of a written number: thousands and decimal (`,` `.` in English, `.` `,` in
    /// Vietnamese).
    fn marks(self) -> (char, char) {
        match self {
            Lang::En => (',', '.'),
            Lang::Vi => ('.', ','),
        }
    }

    /// An amount for a reader (prose, pages, workbooks): `41,306.53` or `41.306,53`, as the
    /// glossary writes numbers in each language. `money` is an amount as the API writes it.
    pub fn amount(self, money: impl std::fmt::Display) -> String {
        let (thousands, decimal) = self.marks();
        grouped(&money.to_string(), thousands, decimal)
    }

    /// `message` in this language, as a sentence (its first letter a capital).
    pub fn say(self, message: &Message) -> String {
        message.sentence(self)
    }

    /// Each of `messages` in this language.
    pub fn say_all(self, messages: &[Message]) -> Vec<String> {
        messages.iter().map(|m| self.say(m)).collect()
    }

    /// A whole number for a page: `1,184` or `1.184`.
    pub fn count(self, n: i64) -> String {
        let (thousands, decimal) = self.marks();
        grouped(&n.to_string(), thousands, decimal)
    }

    /// A percentage for a page: `76.85%` or `76,85%`.
    pub fn percent(self, text: &str) -> String {
        format!("{}%", text.replace('.', &self.marks().1.to_string()))
    }

    /// A unit of measure a document names (`person`, `copies/issue`) as a reader of this
    /// language writes it (`người`, `cuốn/kỳ`): the catalog's `unit-…` word where it has one,
    /// else the document's own word.
    pub fn unit_of_measure(self, unit: &str) -> String {
        let id = format!("unit-{}", unit.replace('/', "-per-"));
        if catalog::has(self, &id) { catalog::render(self, &id, &[]) } else { unit.to_string() }
    }

    /// A date (`2020-11-06`) for a reader: `06/11/2020` in Vietnamese, `6 November 2020` in
    /// English; anything else as it is.
    pub fn date(self, iso: &str) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        let [y, m, d] = parts.as_slice() else { return iso.to_string() };
        let month = m.parse::<usize>().ok().filter(|m| (1..=12).contains(m));
        match (self, month, d.parse::<u32>()) {
            (Lang::Vi, Some(_), Ok(_)) => format!("{d}/{m}/{y}"),
            (Lang::En, Some(month), Ok(day)) => {
                const MONTHS: [&str; 12] = [
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December",
                ];
                format!("{day} {} {y}", MONTHS[month - 1])
            }
            _ => iso.to_string(),
        }
    }

    /// The unit of amounts: `million VND` or `triệu đồng`.
    pub fn unit(self) -> String {
        Message::new("unit-amounts").render(self)
    }
}

/// A name the API defines (a parameter, a key) as it stands in a message: in backticks, so that
/// a reader of either language sees it is a code to type, not a word of the sentence.
pub fn code(name: &str) -> String {
    format!("`{name}`")
}

/// Names the API defines, each as [`code`], joined by commas.
pub fn codes<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> String {
    names.into_iter().map(|n| code(n.as_ref())).collect::<Vec<_>>().join(", ")
}

/// `-1234567.89` with thousands marked by `thousands` and the decimals by `decimal`.
fn grouped(plain: &str, thousands: char, decimal: char) -> String {
    let (sign, digits) = plain.strip_prefix('-').map_or(("", plain), |rest| ("-", rest));
    let (whole, fraction) = digits.split_once('.').map_or((digits, None), |(w, f)| (w, Some(f)));
    let mut out = String::with_capacity(plain.len() + whole.len() / 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(c);
    }
    if let Some(fraction) = fraction {
        out.push(decimal);
        out.push_str(fraction);
    }
    format!("{sign}{out}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        let m = |t: &'static str| t;
        assert_eq!(Lang::Vi.amount(m("41306.53")), "41.306,53");
        assert_eq!(Lang::En.amount(m("41306.53")), "41,306.53");
        assert_eq!(Lang::Vi.amount(m("6349.00")), "6.349,00");
        assert_eq!(Lang::En.amount(m("6349.00")), "6,349.00");
        assert_eq!(Lang::Vi.amount(m("-1184.78")), "-1.184,78");
        assert_eq!(Lang::En.amount(m("735.50")), "735.50");
        assert_eq!((Lang::En.count(1234567), Lang::Vi.count(65)), ("1,234,567".to_string(), "65".to_string()));
        assert_eq!(Lang::Vi.percent("76.85"), "76,85%");
        assert_eq!(
            (Lang::Vi.date("2020-11-06"), Lang::En.date("2020-11-06")),
            ("06/11/2020".into(), "6 November 2020".into())
        );
        assert_eq!(Lang::En.date("2020-13-06"), "2020-13-06");
        let units = |lang: Lang| {
            ["person", "person-time", "copies/issue", "issues/year", "hectare"].map(|u| lang.unit_of_measure(u))
        };
        assert_eq!(units(Lang::Vi), ["người", "lượt người", "cuốn/kỳ", "kỳ/năm", "hectare"]);
        assert_eq!(units(Lang::En), ["persons", "person-times", "copies/issue", "issues/year", "hectare"]);
    }
}
