//! Black-box tests of the API: one binary, each test on its own fresh database (SQLite by
//! default; PostgreSQL when TEST_DATABASE_URL points at a server).

mod agency;
mod audit;
mod auth;
mod breakdown;
mod cache;
mod cli;
mod csv;
mod downloads;
mod errors;
mod heavy;
mod helpers;
mod hostile;
mod http_caching;
mod identity;
mod indicators;
mod languages;
mod layout;
mod limits;
mod openapi;
mod operations;
mod pages;
mod programmes;
mod reader;
mod reader_language;
mod reference;
mod round_trip;
mod schema_parity;
mod schemes;
mod shutdown;
mod snapshot;
mod spreadsheets;
mod storage;
mod sync;
mod totals;
mod writes;
