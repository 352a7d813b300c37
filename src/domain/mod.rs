//! The domain: programme documents, exact money, reference taxonomies and the pure arithmetic
//! of totals and breakdowns (unit-tested without a database).

pub mod breakdown;
pub mod document;
pub mod implied;
pub mod money;
pub mod reference;
pub mod sums;
pub mod totals;
pub mod views;
