//! The validation's warnings on a draft as it stands: the document's rules and the
//! reconciliation of its reported figures with its records, as a write would give them. Fields
//! the text did not give are stood in for the check only; records with no count or no exact cost
//! are left out of it, and a warning says how many.

use super::DraftDocument;
use crate::domain::aggregates::totals;
use crate::domain::document::{
    AMOUNT_UNIT, CURRENCY, IndicatorValue, Kind, ProgrammeDocument, SchemeRecord, SourceDocument, Status,
};
use crate::domain::reference::{Names, Reference, UNSPECIFIED_ACTIVITY};
use crate::i18n::Message;

/// What a write of `document` would warn about, once its blanks are filled; nothing when it has
/// no period (nothing to check against).
pub fn validation_warnings(document: &DraftDocument, reference: &Reference) -> Vec<Message> {
    let Some(period) = document.period.clone() else { return Vec::new() };
    let stand_in = || "draft".to_string();
    let held: Vec<SchemeRecord<String>> = document
        .schemes
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            Some(SchemeRecord {
                id: s.id.clone().unwrap_or_else(|| format!("record-{}", i + 1)),
                scheme_count: s.scheme_count?,
                activity: s.activity.clone().unwrap_or_else(|| UNSPECIFIED_ACTIVITY.to_string()),
                scope: s.scope.clone(),
                title: Names { vi: s.title.vi.clone().unwrap_or_else(stand_in), en: stand_in() },
                cost: s.cost.clone()?,
                funding: s.funding.clone(),
                indicators: s.indicators.iter().map(|v| IndicatorValue { note: None, ..v.clone() }).collect(),
                quote: s.quote.clone(),
                note: None,
            })
        })
        .collect();
    let left_out = document.schemes.len() - held.len();
    let doc = ProgrammeDocument {
        id: stand_in(),
        currency: CURRENCY.to_string(),
        amount_unit: AMOUNT_UNIT.to_string(),
        names: Names { vi: stand_in(), en: stand_in() },
        jurisdiction: document.jurisdiction.clone().unwrap_or_else(stand_in),
        period,
        kind: document.kind.unwrap_or(Kind::Result),
        status: document.status.unwrap_or(Status::Final),
        part_of: None,
        legal_basis: None,
        approved_by: None,
        implementing_agency: None,
        source: SourceDocument {
            title: stand_in(),
            publisher: stand_in(),
            date: "2000-01-01".to_string(),
            url: None,
            note: None,
        },
        about_tolerance_percent: None,
        reported: document.reported.clone(),
        indicator_definitions: document.indicator_definitions.clone(),
        schemes: held,
    };
    let mut warnings = match crate::domain::validate(doc, reference) {
        Ok(valid) => totals::warnings(&valid.programme.id, &valid.programme.reported, &valid.sums, reference),
        Err(violations) => violations
            .first
            .into_iter()
            .take(5)
            .map(|v| Message::new("draft-invalid").word("pointer", v.pointer).message("problem", v.detail))
            .collect(),
    };
    if left_out > 0 {
        warnings.push(Message::new("draft-records-left-out").count("count", left_out as i64));
    }
    warnings
}
