//! HTTP mechanics every resource shares: the request understood once, negotiation, responses
//! and conditional requests, the cache, compression, authentication, trusted proxies, metrics,
//! the OpenAPI document, problems (errors) and the heavy-read permits.

pub mod auth;
pub mod cache;
pub mod compression;
pub mod conditional;
pub mod context;
pub mod error;
pub mod heavy;
pub mod metrics;
pub mod negotiation;
pub mod network;
pub mod openapi;
pub mod operations;
pub mod parameters;
pub mod representation;
pub mod respond;
pub mod telemetry;
