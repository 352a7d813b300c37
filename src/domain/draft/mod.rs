//! Drafts from report text (issue 30's foundation, not served yet): the figures a report's
//! prose states, read by rules written here (`figures`), before they are placed in a
//! programme document.

pub mod figures;
