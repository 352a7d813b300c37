//! The aggregates: a programme's sums, made once and checked (`sums`), its reported figures
//! reconciled with them (`totals`), the bounds those figures imply for unsplit money
//! (`implied`), breakdowns by activity, scope and source (`breakdown`), the arithmetic of figures
//! published as less than exact (`interval`), how responses read them (`figures`), sums across
//! programmes, only of what is alike (`across`), grouped by drilldowns (`aggregate`), and two programmes side by side (`compare`). A new
//! aggregate goes here, over `ProgrammeSums`.

pub mod across;
pub mod aggregate;
pub mod breakdown;
pub mod compare;
pub mod figures;
pub mod implied;
pub mod interval;
pub mod sums;
pub mod totals;
