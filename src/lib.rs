//! khuyencong: a REST API publishing the results of Hải Phòng's industrial promotion programme.

pub mod auth;
pub mod cache;
pub mod configuration;
pub mod domain;
pub mod error;
pub mod http;
pub mod i18n;
pub mod metrics;
pub mod network;
pub mod openapi;
pub mod pages;
pub mod routes;
pub mod seeds;
pub mod spreadsheet;
pub mod startup;
pub mod storage;
pub mod synthetic;
pub mod tables;
pub mod telemetry;
