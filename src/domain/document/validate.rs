//! The rules of a programme document, checked all at once (`check`): what passes has exact
//! amounts and its reported entries in reference order; `domain::validate` adds its sums.

use std::collections::HashSet;

use rust_decimal::Decimal;

use super::*;
use crate::domain::money::Money;
use crate::domain::reference::{Names, Reference};
use crate::i18n::{Message, codes};

/// A lowercase slug of at most 100 characters: `[a-z0-9]+(-[a-z0-9]+)*`.
/// Whether XML 1.0 allows `c` in a document (its `Char` production): what a workbook can hold.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Whether `text` is an absolute `http:` or `https:` URL with a host and no white space: a link
/// that can only be followed, never run (`javascript:`, `data:`).
pub fn is_web_url(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &text[8..]
    } else if lower.starts_with("http://") {
        &text[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 100
        && text
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// An indicator key: `[a-z0-9]+(_[a-z0-9]+)*`, at most 100 characters.
fn is_key(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 100
        && text
            .split('_')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    if !shape {
        return false;
    }
    let (y, m, d) = (&text[0..4], &text[5..7], &text[8..10]);
    let (y, m, d): (u32, u32, u32) = (y.parse().unwrap_or(0), m.parse().unwrap_or(0), d.parse().unwrap_or(0));
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Collects violations while a document is checked, so that all are reported at once.
struct Checker<'r> {
    reference: &'r Reference,
    violations: Violations,
}

impl Checker<'_> {
    fn fail(&mut self, pointer: impl Into<String>, detail: Message) {
        self.violations.push(Violation { pointer: pointer.into(), detail });
    }

    /// Checks a programme's reported figures (under `at`); returns them with exact amounts, their
    /// entries in reference order.
    fn reported(&mut self, at: &str, reported: Reported<String>) -> Reported<Money> {
        let c = self;
        for (field, count) in [
            ("schemes", &reported.schemes),
            ("tasks", &reported.tasks),
            ("schemes_registered", &reported.schemes_registered),
        ] {
            if let Some(count) = count {
                c.counts(&format!("{at}/{field}"), &count.precision());
                c.optional_text(&format!("{at}/{field}/quote"), count.quote.as_deref(), 5000);
            }
        }
        let mut scopes_seen = HashSet::new();
        for (i, entry) in reported.schemes_by_scope.iter().enumerate() {
            let at = format!("{at}/schemes_by_scope/{i}");
            if c.reference.scope(&entry.scope).is_none() {
                let allowed = codes(c.reference.scope_keys());
                c.fail(
                    format!("{at}/scope"),
                    Message::new("scope-unknown").word("key", format!("{:?}", entry.scope)).word("allowed", &allowed),
                );
            }
            if !scopes_seen.insert(entry.scope.clone()) {
                c.fail(format!("{at}/scope"), Message::new("scope-twice").word("key", format!("{:?}", entry.scope)));
            }
            c.counts(&at, &entry.precision());
            c.optional_text(&format!("{at}/quote"), entry.quote.as_deref(), 5000);
        }
        let cost = reported.cost.map(|cost| {
            let at = format!("{at}/cost");
            c.optional_text(&format!("{at}/quote"), cost.quote.as_deref(), 5000);
            let precision = c.amounts(&at, &cost.precision_of().map(String::as_str), false);
            let covers = c.covers(&format!("{at}/covers"), cost.covers);
            ReportedAmount {
                amount: precision.value,
                qualifier: cost.qualifier,
                estimate: cost.estimate,
                min: precision.min,
                max: precision.max,
                covers,
                quote: cost.quote,
            }
        });
        let mut funding = Vec::with_capacity(reported.funding.len());
        let mut seen = HashSet::new();
        for (i, entry) in reported.funding.into_iter().enumerate() {
            let at = format!("{at}/funding/{i}");
            c.source_key(&format!("{at}/source"), &entry.source);
            if !seen.insert(entry.source.clone()) {
                c.fail(format!("{at}/source"), Message::new("source-twice").word("key", format!("{:?}", entry.source)));
            }
            c.optional_text(&format!("{at}/quote"), entry.quote.as_deref(), 5000);
            let precision = c.amounts(&at, &entry.precision_of().map(String::as_str), entry.remainder);
            funding.push(ReportedSource {
                source: entry.source,
                amount: precision.value,
                qualifier: entry.qualifier,
                estimate: entry.estimate,
                min: precision.min,
                max: precision.max,
                remainder: entry.remainder,
                quote: entry.quote,
            });
        }
        c.one_remainder_a_level(&format!("{at}/funding"), &funding);
        let mut reported = Reported {
            schemes: reported.schemes,
            schemes_by_scope: reported.schemes_by_scope,
            tasks: reported.tasks,
            schemes_registered: reported.schemes_registered,
            cost,
            funding,
            tolerance: None,
        };
        // In reference order, whatever the order sent.
        let scope_position = |key: &str| c.reference.scopes.iter().position(|s| s.key == key);
        let source_position = |key: &str| c.reference.sources.iter().position(|s| s.key == key);
        reported.schemes_by_scope.sort_by_key(|e| scope_position(&e.scope));
        reported.funding.sort_by_key(|e| source_position(&e.source));
        reported
    }

    /// Checks the shape of a figure's precision (under `at`, its figure `field`): a `range` has
    /// `min` and `max` and no figure; any other qualifier has its figure and no ends; a
    /// `remainder` has neither, and no qualifier.
    fn shape<V>(&mut self, at: &str, field: &str, p: &Precision<V>, remainder: bool) {
        if remainder {
            if p.value.is_some() || p.min.is_some() || p.max.is_some() || !p.qualifier.is_exact() || p.estimate {
                self.fail(format!("{at}/remainder"), Message::new("remainder-with-figure"));
            }
            return;
        }
        if p.qualifier == Qualifier::Range {
            if p.value.is_some() {
                self.fail(format!("{at}/{field}"), Message::new("range-has-no-figure").word("field", field));
            }
            for (end, value) in [("min", &p.min), ("max", &p.max)] {
                if value.is_none() {
                    self.fail(format!("{at}/{end}"), Message::new("range-needs-ends"));
                }
            }
        } else {
            if p.value.is_none() {
                self.fail(format!("{at}/{field}"), Message::new("figure-missing").word("field", field));
            }
            for (end, value) in [("min", &p.min), ("max", &p.max)] {
                if value.is_some() {
                    self.fail(format!("{at}/{end}"), Message::new("ends-without-range"));
                }
            }
        }
    }

    /// Checks a reported count's precision (under `at`).
    fn counts(&mut self, at: &str, p: &Precision<i64>) {
        self.shape(at, "value", p, false);
        for (field, value) in [("value", p.value), ("min", p.min), ("max", p.max)] {
            if let Some(value) = value {
                self.count(&format!("{at}/{field}"), value, 0);
            }
        }
        if let (Some(min), Some(max)) = (p.min, p.max)
            && min > max
        {
            self.fail(format!("{at}/max"), Message::new("range-backwards").count("min", min).count("max", max));
        }
    }

    /// Checks a reported amount's precision (under `at`); returns it with exact amounts.
    fn amounts(&mut self, at: &str, p: &Precision<&str>, remainder: bool) -> Precision<Money> {
        self.shape(at, "amount", p, remainder);
        let mut parse = |field: &str, text: Option<&str>| text.and_then(|t| self.amount(&format!("{at}/{field}"), t));
        let exact = Precision {
            value: parse("amount", p.value),
            qualifier: p.qualifier,
            estimate: p.estimate,
            min: parse("min", p.min),
            max: parse("max", p.max),
        };
        if let (Some(min), Some(max)) = (exact.min, exact.max)
            && min > max
        {
            self.fail(format!("{at}/max"), Message::new("range-backwards").amount("min", min).amount("max", max));
        }
        exact
    }

    /// Checks `about_tolerance_percent`: a decimal from 0 to 99.99 with at most two places;
    /// returns it written plainly (`"2.5"`), or None where it is the default (`"5"`, `"5.0"`).
    fn tolerance(&mut self, at: &str, text: Option<String>) -> Option<String> {
        let text = text?;
        let valid =
            text.split_once('.').map_or(text.len() <= 2, |(whole, places)| whole.len() <= 2 && places.len() <= 2)
                && !text.starts_with('.')
                && !text.ends_with('.')
                && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && text.bytes().filter(|b| *b == b'.').count() <= 1;
        let Some(value) = valid.then(|| Decimal::from_str_exact(&text).ok()).flatten() else {
            self.fail(at, Message::new("tolerance-invalid").word("value", format!("{text:?}")));
            return None;
        };
        let value = value.normalize();
        (value != super::precision::DEFAULT_TOLERANCE_PERCENT).then(|| value.to_string())
    }

    /// Checks what a reported cost covers: top-level sources, each once; returns them in
    /// reference order, or None where they are all of them (the default).
    fn covers(&mut self, at: &str, covers: Option<Vec<String>>) -> Option<Vec<String>> {
        let covers = covers?;
        let top: Vec<&str> =
            self.reference.sources.iter().filter(|s| s.parent.is_none()).map(|s| s.key.as_str()).collect();
        if covers.is_empty() {
            self.fail(at, Message::new("covers-empty").word("allowed", codes(top.iter().copied())));
        }
        let mut seen = HashSet::new();
        for (i, key) in covers.iter().enumerate() {
            if !top.contains(&key.as_str()) {
                let allowed = codes(top.iter().copied());
                self.fail(
                    format!("{at}/{i}"),
                    Message::new("covers-not-top").word("key", format!("{key:?}")).word("allowed", &allowed),
                );
            }
            if !seen.insert(key.as_str()) {
                self.fail(format!("{at}/{i}"), Message::new("covers-twice").word("key", format!("{key:?}")));
            }
        }
        let ordered: Vec<String> = top.iter().filter(|key| seen.contains(**key)).map(|key| key.to_string()).collect();
        (ordered.len() < top.len()).then_some(ordered)
    }

    /// At most one remainder among the sources of one level (the children of one parent, or
    /// the top level): a second could not be told from the first.
    fn one_remainder_a_level(&mut self, at: &str, funding: &[ReportedSource<Money>]) {
        let parent = |key: &str| self.reference.source(key).and_then(|s| s.parent.clone());
        let mut levels: Vec<(Option<String>, &str)> = Vec::new();
        let mut twice = Vec::new();
        for (i, entry) in funding.iter().enumerate().filter(|(_, e)| e.remainder) {
            let level = parent(&entry.source);
            match levels.iter().find(|(l, _)| *l == level) {
                Some((_, first)) => twice.push((i, first.to_string())),
                None => levels.push((level, &entry.source)),
            }
        }
        for (i, first) in twice {
            self.fail(
                format!("{at}/{i}/remainder"),
                Message::new("remainder-twice").word("other", format!("{first:?}")),
            );
        }
    }

    /// Checks one scheme record (all but its id's uniqueness, which needs the others); returns
    /// it with exact amounts (zero where an amount is wrong: the violation says so).
    fn record(
        &mut self,
        at: &str,
        record: SchemeRecord<String>,
        indicator_keys: Option<&HashSet<&str>>,
    ) -> SchemeRecord<Money> {
        let c = self;
        if !is_slug(&record.id) {
            c.fail(format!("{at}/id"), Message::new("not-a-slug").word("value", format!("{:?}", record.id)));
        }
        c.count(&format!("{at}/scheme_count"), record.scheme_count, 1);
        if c.reference.activity(&record.activity).is_none() {
            let allowed = codes(c.reference.activity_keys());
            c.fail(
                format!("{at}/activity"),
                Message::new("activity-unknown")
                    .word("key", format!("{:?}", record.activity))
                    .word("allowed", &allowed),
            );
        }
        if c.reference.scope(&record.scope).is_none() {
            let allowed = codes(c.reference.scope_keys());
            c.fail(
                format!("{at}/scope"),
                Message::new("scope-unknown").word("key", format!("{:?}", record.scope)).word("allowed", &allowed),
            );
        }
        c.names(&format!("{at}/title"), &record.title);
        c.optional_text(&format!("{at}/quote"), record.quote.as_deref(), 5000);
        c.note(&format!("{at}/note"), record.note.as_ref());
        let cost = c.amount(&format!("{at}/cost"), &record.cost);
        let (funding, lines_valid) = c.funding(&format!("{at}/funding"), record.funding);
        let funded: Money = funding.iter().map(|line| line.amount).sum();
        // Compared only when every amount is valid: a bad amount is one problem, not two.
        if let Some(cost) = cost.filter(|cost| lines_valid && funded > *cost) {
            c.fail(
                format!("{at}/funding"),
                Message::new("funding-over-cost").amount("funded", funded).amount("cost", cost),
            );
        }
        let mut keys_seen = HashSet::new();
        for (j, indicator) in record.indicators.iter().enumerate() {
            let at = format!("{at}/indicators/{j}");
            if indicator_keys.is_none() && !is_key(&indicator.key) {
                c.fail(format!("{at}/key"), Message::new("not-a-key").word("value", format!("{:?}", indicator.key)));
            } else if indicator_keys.is_some_and(|keys| !keys.contains(indicator.key.as_str())) {
                c.fail(
                    format!("{at}/key"),
                    Message::new("indicator-undefined").word("key", format!("{:?}", indicator.key)),
                );
            }
            c.note(&format!("{at}/note"), indicator.note.as_ref());
            if !keys_seen.insert(indicator.key.as_str()) {
                c.fail(
                    format!("{at}/key"),
                    Message::new("indicator-twice").word("key", format!("{:?}", indicator.key)),
                );
            }
            let plain = !indicator.value.is_empty()
                && indicator.value.len() <= 40
                && indicator.value.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
            if !plain || indicator.value.parse::<Decimal>().is_err() {
                c.fail(
                    format!("{at}/value"),
                    Message::new("indicator-not-decimal").word("value", format!("{:?}", indicator.value)),
                );
            } else if Decimal::from_str_exact(&indicator.value).is_err() {
                // Kept as text, but summed as a Decimal: a value it would round cannot add up exactly.
                c.fail(
                    format!("{at}/value"),
                    Message::new("indicator-too-precise").word("value", format!("{:?}", indicator.value)),
                );
            }
        }
        SchemeRecord {
            id: record.id,
            scheme_count: record.scheme_count,
            activity: record.activity,
            scope: record.scope,
            title: record.title,
            cost: cost.unwrap_or_default(),
            funding,
            indicators: record.indicators,
            quote: record.quote,
            note: record.note,
        }
    }

    fn text(&mut self, pointer: &str, value: &str, max: usize) {
        if value.contains('\0') {
            // Neither engine stores it the same way (PostgreSQL refuses it), and no text needs it.
            self.fail(pointer, Message::new("text-nul"));
        } else if let Some(c) = value.chars().find(|c| !is_xml_char(*c)) {
            // A workbook (XML) cannot hold it: Excel and LibreOffice repair or refuse the file.
            self.fail(pointer, Message::new("text-not-xml").word("code", format!("U+{:04X}", c as u32)));
        } else if value.trim().is_empty() {
            self.fail(pointer, Message::new("text-empty"));
        } else if value.chars().count() > max {
            self.fail(pointer, Message::new("text-too-long").count("max", max as i64));
        }
    }

    /// A link a page shows: an absolute `http` or `https` URL, nothing a browser would run.
    fn url(&mut self, pointer: &str, value: Option<&str>) {
        let Some(value) = value else { return };
        self.text(pointer, value, 2000);
        if !is_web_url(value) {
            self.fail(pointer, Message::new("url-not-http"));
        }
    }

    fn optional_text(&mut self, pointer: &str, value: Option<&str>, max: usize) {
        if let Some(value) = value {
            self.text(pointer, value, max);
        }
    }

    /// A note: each of its texts (one, or one per language) non-empty and at most 5,000
    /// characters.
    fn note(&mut self, pointer: &str, note: Option<&Note>) {
        for (below, text) in note.map(Note::texts).unwrap_or_default() {
            self.text(&format!("{pointer}{below}"), text, super::note::MAX_CHARS);
        }
    }

    fn names(&mut self, pointer: &str, names: &Names) {
        self.text(&format!("{pointer}/vi"), &names.vi, 1000);
        self.text(&format!("{pointer}/en"), &names.en, 1000);
    }

    /// The amount, or None (with a violation) when it is not a non-negative amount.
    fn amount(&mut self, pointer: &str, text: &str) -> Option<Money> {
        match Money::parse(text) {
            Ok(money) if money.is_negative() => {
                self.fail(pointer, Message::new("amount-negative"));
                None
            }
            Ok(money) => Some(money),
            Err(e) => {
                self.fail(
                    pointer,
                    Message::new("amount-invalid").word("value", format!("{text:?}")).message("problem", e.message()),
                );
                None
            }
        }
    }

    fn count(&mut self, pointer: &str, value: i64, least: i64) {
        if value < least {
            self.fail(pointer, Message::new("count-too-small").count("least", least));
        } else if value > 1_000_000_000 {
            self.fail(pointer, Message::new("count-too-large"));
        }
    }

    fn source_key(&mut self, pointer: &str, key: &str) {
        if self.reference.source(key).is_none() {
            let allowed = codes(self.reference.source_keys());
            self.fail(
                pointer,
                Message::new("source-unknown").word("key", format!("{key:?}")).word("allowed", &allowed),
            );
        }
    }

    /// The lines with exact amounts, and whether every amount was valid (only then do they sum).
    fn funding(&mut self, pointer: &str, lines: Vec<SourceAmount<String>>) -> (Vec<SourceAmount<Money>>, bool) {
        let mut valid = true;
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(lines.len());
        for (i, line) in lines.into_iter().enumerate() {
            let at = format!("{pointer}/{i}");
            self.source_key(&format!("{at}/source"), &line.source);
            if !seen.insert(line.source.clone()) {
                self.fail(
                    format!("{at}/source"),
                    Message::new("source-twice").word("key", format!("{:?}", line.source)),
                );
            }
            self.optional_text(&format!("{at}/quote"), line.quote.as_deref(), 5000);
            let amount = self.amount(&format!("{at}/amount"), &line.amount);
            valid &= amount.is_some();
            out.push(SourceAmount { source: line.source, amount: amount.unwrap_or_default(), quote: line.quote });
        }
        (out, valid)
    }
}

/// Checks every rule of a programme document and returns it with exact amounts, its reported
/// entries in reference order and its sums, or every violation found. Reported totals that
/// differ from the records are not violations; sums that do not fit storage are.
pub fn check(doc: ProgrammeDocument<String>, reference: &Reference) -> Result<Programme, Violations> {
    let mut c = Checker { reference, violations: Violations::default() };

    if !is_slug(&doc.id) {
        c.fail("/id", Message::new("not-a-slug").word("value", format!("{:?}", doc.id)));
    }
    if doc.currency != CURRENCY {
        c.fail("/currency", Message::new("currency-must-be").word("currency", format!("{CURRENCY:?}")));
    }
    if doc.amount_unit != AMOUNT_UNIT {
        c.fail("/amount_unit", Message::new("unit-must-be").word("unit", format!("{AMOUNT_UNIT:?}")));
    }
    c.names("/names", &doc.names);
    c.text("/jurisdiction", &doc.jurisdiction, 200);
    for (field, year) in [("start_year", doc.period.start_year), ("end_year", doc.period.end_year)] {
        if !(1900..=2200).contains(&year) {
            c.fail(format!("/period/{field}"), Message::new("year-out-of-range"));
        }
    }
    if doc.period.end_year < doc.period.start_year {
        let (end, start) = (doc.period.end_year, doc.period.start_year);
        c.fail("/period/end_year", Message::new("period-backwards").count("end", end).count("start", start));
    }
    for (at, basis) in [("/legal_basis", &doc.legal_basis), ("/approved_by", &doc.approved_by)] {
        let Some(basis) = basis else { continue };
        c.text(&format!("{at}/title"), &basis.title, 1000);
        c.optional_text(&format!("{at}/number"), basis.number.as_deref(), 200);
        c.optional_text(&format!("{at}/issuer"), basis.issuer.as_deref(), 500);
        c.optional_text(&format!("{at}/quote"), basis.quote.as_deref(), 5000);
        if let Some(date) = basis.date.as_deref().filter(|d| !is_iso_date(d)) {
            c.fail(format!("{at}/date"), Message::new("not-a-date").word("value", format!("{date:?}")));
        }
    }
    if let Some(part) = &doc.part_of {
        if !is_slug(&part.programme) {
            c.fail("/part_of/programme", Message::new("not-a-slug").word("value", format!("{:?}", part.programme)));
        } else if part.programme == doc.id {
            c.fail("/part_of/programme", Message::new("part-of-itself"));
        }
        c.text("/part_of/label", &part.label, 200);
    }
    if let Some(agency) = &doc.implementing_agency {
        c.names("/implementing_agency", agency);
    }
    c.text("/source/title", &doc.source.title, 1000);
    c.text("/source/publisher", &doc.source.publisher, 500);
    c.url("/source/url", doc.source.url.as_deref());
    c.note("/source/note", doc.source.note.as_ref());
    if !is_iso_date(&doc.source.date) {
        let date = &doc.source.date;
        c.fail("/source/date", Message::new("not-a-date").word("value", format!("{date:?}")));
    }

    let mut reported = c.reported("/reported", doc.reported);
    let about_tolerance_percent = c.tolerance("/about_tolerance_percent", doc.about_tolerance_percent);
    reported.tolerance = about_tolerance_percent.as_deref().map(|t| super::precision::tolerance(Some(t)));

    let mut indicator_keys = HashSet::new();
    for (i, def) in doc.indicator_definitions.iter().enumerate() {
        let at = format!("/indicator_definitions/{i}");
        if !is_key(&def.key) {
            c.fail(format!("{at}/key"), Message::new("not-a-key").word("value", format!("{:?}", def.key)));
        }
        if !indicator_keys.insert(def.key.as_str()) {
            c.fail(format!("{at}/key"), Message::new("indicator-defined-twice").word("key", format!("{:?}", def.key)));
        }
        c.names(&format!("{at}/names"), &def.names);
        c.text(&format!("{at}/unit"), &def.unit, 100);
    }

    if doc.schemes.len() > 2_000_000 {
        c.fail("/schemes", Message::new("too-many-records"));
    }
    let mut scheme_ids = HashSet::new();
    let mut schemes = Vec::with_capacity(doc.schemes.len());
    for (i, record) in doc.schemes.into_iter().enumerate() {
        let at = format!("/schemes/{i}");
        if !scheme_ids.insert(record.id.clone()) {
            c.fail(format!("{at}/id"), Message::new("scheme-id-twice").word("id", format!("{:?}", record.id)));
        }
        schemes.push(c.record(&at, record, Some(&indicator_keys)));
    }

    if !c.violations.is_empty() {
        return Err(c.violations);
    }
    let programme = ProgrammeDocument {
        id: doc.id,
        currency: doc.currency,
        amount_unit: doc.amount_unit,
        names: doc.names,
        jurisdiction: doc.jurisdiction,
        period: doc.period,
        kind: doc.kind,
        status: doc.status,
        part_of: doc.part_of,
        legal_basis: doc.legal_basis,
        approved_by: doc.approved_by,
        implementing_agency: doc.implementing_agency,
        source: doc.source,
        about_tolerance_percent,
        reported,
        indicator_definitions: doc.indicator_definitions,
        schemes,
    };
    Ok(programme)
}

/// Checks one scheme record on its own, against the reference data and, when given, the
/// programme's indicator definitions (without them, any indicator key passes): an edit's record,
/// whose id's uniqueness is the caller's to check. Violations point under `at`.
pub fn check_record(
    record: SchemeRecord<String>,
    at: &str,
    definitions: Option<&[IndicatorDefinition]>,
    reference: &Reference,
) -> Result<SchemeRecord<Money>, Violations> {
    let mut c = Checker { reference, violations: Violations::default() };
    let keys: Option<HashSet<&str>> = definitions.map(|d| d.iter().map(|d| d.key.as_str()).collect());
    let record = c.record(at, record, keys.as_ref());
    match c.violations.is_empty() {
        true => Ok(record),
        false => Err(c.violations),
    }
}

/// Checks a programme's reported figures on their own (an edit's); violations point under `at`.
pub fn check_reported(
    reported: Reported<String>,
    at: &str,
    reference: &Reference,
) -> Result<Reported<Money>, Violations> {
    let mut c = Checker { reference, violations: Violations::default() };
    let reported = c.reported(at, reported);
    match c.violations.is_empty() {
        true => Ok(reported),
        false => Err(c.violations),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for ok in ["2016-2020", "a", "synthetic-hai-phong-2021-2025"] {
            assert!(is_slug(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "đ", &"a".repeat(101)] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn dates() {
        for ok in ["2020-11-06", "2016-03-21", "2024-02-29"] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for bad in ["06/11/2020", "2020-13-01", "2023-02-29", "2020-1-6", "2020-11-31"] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }
}
