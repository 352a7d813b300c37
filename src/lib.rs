//! khuyencong: a REST API publishing the results of Vietnam's industrial promotion programmes.

pub mod cli;
pub mod configuration;
pub mod domain;
pub mod http;
pub mod i18n;
pub mod render;
pub mod routes;
pub mod startup;
pub mod storage;
