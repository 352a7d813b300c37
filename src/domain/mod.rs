//! The domain: programme documents, exact money, reference taxonomies and jurisdictions, and the
//! pure arithmetic of totals and breakdowns (unit-tested without a database).

pub mod aggregates;
pub mod document;
pub mod draft;
pub mod jurisdiction;
pub mod money;
pub mod reference;
pub mod views;

use aggregates::sums::ProgrammeSums;
use document::{Programme, ProgrammeDocument, Violations};
use reference::Reference;

/// A programme that passed every rule, with its sums: the only form storage accepts, so that no
/// stored document can have sums that do not fit.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidProgramme {
    pub programme: Programme,
    pub sums: ProgrammeSums,
}

/// Checks every rule of a programme document (`document::check`) and makes its sums, which
/// must fit storage: the programme with exact amounts, its reported entries in reference order
/// and its sums, or every violation found. Reported totals that differ from the records are not
/// violations.
pub fn validate(doc: ProgrammeDocument<String>, reference: &Reference) -> Result<ValidProgramme, Violations> {
    let programme = document::check(doc, reference)?;
    let sums = ProgrammeSums::of(&programme, reference)?;
    Ok(ValidProgramme { programme, sums })
}
