//! Jurisdictions as reference data, with time: the provinces and centrally-run cities as they
//! were and are (the 63 became 34 on 1 July 2025), the nation, and how a document's
//! `jurisdiction` text resolves to one of them in its period.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use utoipa::ToSchema;

use crate::domain::reference::Names;
use crate::i18n::{Arg, Message};

/// An administrative unit a programme can belong to, in force from `valid_from` to `valid_to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Jurisdiction {
    /// Our own id: the unit's name as a slug, `-2025` for a unit made by the 2025 merger that
    /// kept a predecessor's name (`hai-phong` until 30 June 2025, `hai-phong-2025` since).
    #[schema(example = "hai-phong")]
    pub id: String,
    /// The official code (the General Statistics Office's list of administrative units). Codes
    /// repeat across the 2025 merger: a merged unit kept one predecessor's. Null for the nation.
    #[schema(example = "31")]
    pub code: Option<String>,
    /// `national`, `province` or `municipality` (a centrally-run city).
    #[schema(example = "municipality")]
    pub level: String,
    pub names: Names,
    /// The first day it was in force, where a change we record made it (ISO 8601); null: in
    /// force before our records begin.
    #[schema(example = "2025-07-01", format = Date)]
    pub valid_from: Option<String>,
    /// The last day it was in force; null while it is.
    #[schema(example = "2025-06-30", format = Date)]
    pub valid_to: Option<String>,
    /// The unit it became (its `id`); null while it is in force.
    #[schema(example = "hai-phong-2025")]
    pub successor: Option<String>,
    /// The act that made or ended it, as its title reads.
    #[schema(
        example = "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh"
    )]
    pub act: Option<String>,
}

/// Every unit, and every name it is known by, normalised once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Jurisdictions {
    pub units: Vec<Jurisdiction>,
    /// (normalised name, index in `units`): each unit's Vietnamese and English names and the
    /// other names reports write it by.
    names: Vec<(String, usize)>,
}

/// What a document's `jurisdiction` text resolves to in its period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution<'a> {
    /// One unit: the one in force when the period began. `then`: the unit it became within the
    /// period (the period spans the change).
    Unit { unit: &'a Jurisdiction, then: Option<&'a Jurisdiction> },
    /// No unit in force in the period has this name.
    Unknown,
    /// Several units in force when the period began have this name.
    Ambiguous(Vec<&'a Jurisdiction>),
}

/// Where the older spelling puts a tone mark (on the second vowel of `oa`, `oe`, `uy`: "Thanh
/// Hoá") and where ours does ("Thanh Hóa"): the resolver reads both as ours.
const TONE_PLACEMENT: [(&str, &str); 15] = [
    ("oà", "òa"),
    ("oá", "óa"),
    ("oả", "ỏa"),
    ("oã", "õa"),
    ("oạ", "ọa"),
    ("oè", "òe"),
    ("oé", "óe"),
    ("oẻ", "ỏe"),
    ("oẽ", "õe"),
    ("oẹ", "ọe"),
    ("uỳ", "ùy"),
    ("uý", "úy"),
    ("uỷ", "ủy"),
    ("uỹ", "ũy"),
    ("uỵ", "ụy"),
];

/// A name as the resolver compares it: NFC, lower case, tone marks where our names put them,
/// one kind of dash with no space around it, single spaces, without the `tỉnh`/`thành phố`/`TP.`
/// a report may put before it.
pub fn normalise(text: &str) -> String {
    let mut lower: String = text.nfc().collect::<String>().to_lowercase();
    for (older, ours) in TONE_PLACEMENT {
        lower = lower.replace(older, ours);
    }
    let dashed: String = lower.chars().map(|c| if matches!(c, '–' | '—' | '‐' | '-') { '-' } else { c }).collect();
    let mut words = dashed.split_whitespace().collect::<Vec<_>>().join(" ").replace(" - ", "-").replace(" -", "-");
    words = words.replace("- ", "-");
    loop {
        let before = words.len();
        for prefix in ["thành phố ", "tp. ", "tp.", "tp ", "tỉnh "] {
            if let Some(rest) = words.strip_prefix(prefix) {
                words = rest.trim_start().to_string();
            }
        }
        if words.len() == before {
            return words;
        }
    }
}

impl Jurisdiction {
    /// Whether it was in force at some time from `from` to `to` (ISO dates, inclusive).
    fn in_force_between(&self, from: &str, to: &str) -> bool {
        self.valid_from.as_deref().is_none_or(|start| start <= to)
            && self.valid_to.as_deref().is_none_or(|end| end >= from)
    }
}

impl Jurisdictions {
    /// `units`, known by their names and by `aliases` ((normalised name, unit id): `cả nước`,
    /// `tphcm`): the names normalised here, once, not at every resolution.
    pub fn new(units: Vec<Jurisdiction>, aliases: Vec<(String, String)>) -> Jurisdictions {
        let mut names: Vec<(String, usize)> = Vec::with_capacity(units.len() * 2 + aliases.len());
        for (i, unit) in units.iter().enumerate() {
            names.push((normalise(&unit.names.vi), i));
            names.push((normalise(&unit.names.en), i));
        }
        for (alias, id) in aliases {
            if let Some(i) = units.iter().position(|u| u.id == id) {
                names.push((alias, i));
            }
        }
        names.sort();
        names.dedup();
        Jurisdictions { units, names }
    }

    pub fn unit(&self, id: &str) -> Option<&Jurisdiction> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The unit in force today that `unit` became (itself while it is in force).
    pub fn today<'a>(&'a self, unit: &'a Jurisdiction) -> &'a Jurisdiction {
        let mut current = unit;
        for _ in 0..self.units.len() {
            match current.successor.as_deref().and_then(|id| self.unit(id)) {
                Some(next) => current = next,
                None => break,
            }
        }
        current
    }

    /// The unit `text` names in `period`: among the units of that name in force at some time in
    /// the period, the one in force when it began (or, when none was, the first to come in
    /// force). Never refused: a name no unit has, or several have, says so.
    pub fn resolve(&self, text: &str, (start_year, end_year): (i64, i64)) -> Resolution<'_> {
        let name = normalise(text);
        let (from, to) = (format!("{start_year:04}-01-01"), format!("{end_year:04}-12-31"));
        let mut candidates: Vec<&Jurisdiction> = self
            .names
            .iter()
            .filter(|(known, _)| *known == name)
            .map(|(_, i)| &self.units[*i])
            .filter(|u| u.in_force_between(&from, &to))
            .collect();
        if candidates.is_empty() {
            return Resolution::Unknown;
        }
        candidates.sort_by(|a, b| a.valid_from.cmp(&b.valid_from));
        let at_start: Vec<&Jurisdiction> =
            candidates.iter().copied().filter(|u| u.in_force_between(&from, &from)).collect();
        let unit = match at_start.as_slice() {
            [one] => *one,
            [] => candidates[0],
            several => return Resolution::Ambiguous(several.to_vec()),
        };
        let ends_within = unit.valid_to.as_deref().is_some_and(|end| end < to.as_str());
        let then = unit.successor.as_deref().filter(|_| ends_within).and_then(|id| self.unit(id));
        Resolution::Unit { unit, then }
    }

    /// The warning a write gets when its `jurisdiction` resolves to no unit, or to several.
    pub fn warning(&self, text: &str, (start_year, end_year): (i64, i64)) -> Option<Message> {
        let message = |id| Message::new(id).word("text", format!("{text:?}")).count("start", start_year);
        match self.resolve(text, (start_year, end_year)) {
            Resolution::Unit { .. } => None,
            Resolution::Unknown => Some(message("jurisdiction-unknown").count("end", end_year)),
            Resolution::Ambiguous(units) => {
                let named = units.iter().map(|u| Arg::Named { en: u.id.clone(), vi: u.id.clone() }).collect();
                Some(message("jurisdiction-ambiguous").list("units", named, false))
            }
        }
    }
}

/// The migration that defines the jurisdictions: the one source of them, read by the database
/// and, for what needs no database (`khuyencong draft`), by [`Jurisdictions::built_in`].
const JURISDICTIONS_SQL: &str = include_str!("../../migrations/sqlite/20261204000007_programme_identity.sql");

/// The rows of the `INSERT INTO {table} (…) VALUES` statement of `sql`: each row's values,
/// `NULL` as None, quoted text unquoted ('' is one quote), numbers as written.
fn inserted_rows(sql: &str, table: &str) -> Vec<Vec<Option<String>>> {
    let Some(at) = sql.find(&format!("INSERT INTO {table} (")) else { return Vec::new() };
    let chars: Vec<char> = sql[at..].chars().collect();
    let (mut rows, mut row, mut i, mut depth) = (Vec::new(), Vec::new(), 0, 0);
    // Skip the column list.
    while i < chars.len() && chars[i] != ')' {
        i += 1;
    }
    i += 1;
    while i < chars.len() {
        match chars[i] {
            '(' => {
                depth += 1;
                row = Vec::new();
            }
            ')' if depth == 1 => {
                depth -= 1;
                rows.push(std::mem::take(&mut row));
            }
            ';' if depth == 0 => break,
            '\'' if depth == 1 => {
                let mut text = String::new();
                i += 1;
                while i < chars.len() {
                    if chars[i] == '\'' && chars.get(i + 1) == Some(&'\'') {
                        text.push('\'');
                        i += 1;
                    } else if chars[i] == '\'' {
                        break;
                    } else {
                        text.push(chars[i]);
                    }
                    i += 1;
                }
                row.push(Some(text));
            }
            c if depth == 1 && (c.is_ascii_alphanumeric() || c == '-') => {
                let start = i;
                while i + 1 < chars.len() && (chars[i + 1].is_ascii_alphanumeric() || chars[i + 1] == '-') {
                    i += 1;
                }
                let word: String = chars[start..=i].iter().collect();
                row.push((word != "NULL").then_some(word));
            }
            _ => {}
        }
        i += 1;
    }
    rows
}

impl Jurisdictions {
    /// The jurisdictions as the migrations define them, read from the migration's text: for
    /// what runs with no database. A test checks them against the database's.
    pub fn built_in() -> Jurisdictions {
        let units = inserted_rows(JURISDICTIONS_SQL, "jurisdictions")
            .into_iter()
            .filter(|r| r.len() == 10)
            .map(|r| {
                let mut r = r.into_iter();
                let mut next = || r.next().flatten();
                let id = next().unwrap_or_default();
                let _position = next();
                Jurisdiction {
                    id,
                    code: next(),
                    level: next().unwrap_or_default(),
                    names: Names { vi: next().unwrap_or_default(), en: next().unwrap_or_default() },
                    valid_from: next(),
                    valid_to: next(),
                    successor: next(),
                    act: next(),
                }
            })
            .collect();
        let aliases = inserted_rows(JURISDICTIONS_SQL, "jurisdiction_names")
            .into_iter()
            .filter_map(|r| match r.as_slice() {
                [Some(name), Some(id)] => Some((name.clone(), id.clone())),
                _ => None,
            })
            .collect();
        Jurisdictions::new(units, aliases)
    }

    /// Every unit named in `text`, with where its name starts (in Unicode scalars): the names
    /// as written there, whole words, each unit once, in text order.
    pub fn named_in(&self, text: &str) -> Vec<(usize, &Jurisdiction)> {
        let lower: Vec<char> = text.to_lowercase().chars().collect();
        let mut out: Vec<(usize, &Jurisdiction)> = Vec::new();
        for unit in &self.units {
            let name: Vec<char> = unit.names.vi.to_lowercase().chars().collect();
            if name.is_empty() || unit.level == "national" {
                continue;
            }
            let boundary = |k: Option<&char>| k.is_none_or(|c| !c.is_alphanumeric());
            let first = (0..lower.len().saturating_sub(name.len() - 1)).find(|&i| {
                lower[i..i + name.len()] == name[..]
                    && boundary(i.checked_sub(1).and_then(|p| lower.get(p)))
                    && boundary(lower.get(i + name.len()))
            });
            if let Some(at) = first
                && !out.iter().any(|(_, u)| u.names.vi == unit.names.vi)
            {
                out.push((at, unit));
            }
        }
        out.sort_by_key(|(at, _)| *at);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, name: &str, from: Option<&str>, to: Option<&str>, successor: Option<&str>) -> Jurisdiction {
        Jurisdiction {
            id: id.into(),
            code: Some("31".into()),
            level: "province".into(),
            names: Names { vi: name.into(), en: name.into() },
            valid_from: from.map(str::to_string),
            valid_to: to.map(str::to_string),
            successor: successor.map(str::to_string),
            act: None,
        }
    }

    fn merger_units() -> Vec<Jurisdiction> {
        vec![
            unit("hai-phong", "Hải Phòng", None, Some("2025-06-30"), Some("hai-phong-2025")),
            unit("hai-duong", "Hải Dương", None, Some("2025-06-30"), Some("hai-phong-2025")),
            unit("hai-phong-2025", "Hải Phòng", Some("2025-07-01"), None, None),
            unit("ba-ria-vung-tau", "Bà Rịa - Vũng Tàu", None, Some("2025-06-30"), None),
        ]
    }

    fn merger(units: Vec<Jurisdiction>) -> Jurisdictions {
        Jurisdictions::new(units, vec![("hp".into(), "hai-phong".into())])
    }

    fn period(start_year: i64, end_year: i64) -> (i64, i64) {
        (start_year, end_year)
    }

    #[test]
    fn names_are_compared_as_reports_write_them() {
        assert_eq!(normalise("Thành phố Hải Phòng"), "hải phòng");
        assert_eq!(normalise("TP. Hải  Phòng"), "hải phòng");
        assert_eq!(normalise("tỉnh Bà Rịa – Vũng Tàu"), "bà rịa-vũng tàu");
        assert_eq!(normalise("Ha\u{0309}i Phòng"), "hải phòng", "decomposed (NFD) text too");
        assert_eq!(normalise("Thanh Hoá"), normalise("Thanh Hóa"), "either placement of the tone mark");
        assert_eq!(normalise("tỉnh Khánh Hoà"), "khánh hòa");
    }

    #[test]
    fn a_name_resolves_to_the_unit_in_force_when_the_period_began() {
        let mut units = merger_units();
        units[1].names.en = "Hai Duong".into();
        let all = merger(units);
        let id = |r: Resolution<'_>| match r {
            Resolution::Unit { unit, then } => (unit.id.clone(), then.map(|t| t.id.clone())),
            other => panic!("{other:?}"),
        };
        assert_eq!(id(all.resolve("Hải Dương", period(2024, 2024))), ("hai-duong".into(), None));
        assert_eq!(id(all.resolve("Hải Phòng", period(2016, 2020))), ("hai-phong".into(), None));
        assert_eq!(
            id(all.resolve("Hải Phòng", period(2021, 2025))),
            ("hai-phong".into(), Some("hai-phong-2025".into())),
            "straddles 1 July 2025"
        );
        assert_eq!(id(all.resolve("thành phố Hải Phòng", period(2026, 2030))), ("hai-phong-2025".into(), None));
        assert_eq!(id(all.resolve("Bà Rịa-Vũng Tàu", period(2020, 2020))), ("ba-ria-vung-tau".into(), None));
        assert_eq!(id(all.resolve("TP HP", period(2020, 2020))), ("hai-phong".into(), None), "an alias");
        assert_eq!(id(all.resolve("Hai Duong", period(2020, 2020))), ("hai-duong".into(), None), "the English name");
        assert_eq!(all.today(all.unit("hai-duong").unwrap()).id, "hai-phong-2025");
    }

    #[test]
    fn a_name_no_unit_has_or_several_have_is_kept_and_said() {
        let all = merger(merger_units());
        assert_eq!(all.resolve("Bồng Lai", period(2020, 2020)), Resolution::Unknown);
        assert_eq!(all.resolve("Hải Dương", period(2026, 2026)), Resolution::Unknown, "not in force then");
        let mut units = merger_units();
        units.push(unit("hai-phong-other", "Hải Phòng", None, None, None));
        let all = merger(units);
        assert!(matches!(all.resolve("Hải Phòng", period(2020, 2020)), Resolution::Ambiguous(u) if u.len() == 2));
        assert!(all.warning("Bồng Lai", period(2020, 2020)).is_some());
    }
}
