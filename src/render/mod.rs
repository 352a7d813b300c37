//! Renderings for people and spreadsheets, made from the same domain values as the JSON: the
//! tables the downloads share, CSV, the XLSX workbook, and the HTML pages (askama templates: a
//! programme's in `html`, sums across programmes and comparisons in `across`).
//! A new output format (a PDF) goes here.

pub mod across;
pub mod csv;
pub mod html;
pub mod tables;
pub mod xlsx;
