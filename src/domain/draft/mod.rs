//! Drafts from report text (issue 30's foundation, not served yet): the figures a report's
//! prose states, read by rules written here (`figures`), and where the programme's reported
//! figures among them go in a programme document, or why a figure is not programme money
//! (`place`).

pub mod figures;
pub mod place;
