//! HTTP mechanics every resource shares: the request understood once, negotiation, compression.

pub mod compression;
pub mod context;
pub mod negotiation;
