//! What the command line does beside serving: synthetic programmes for load and exhaustion
//! tests (`khuyencong generate`).

pub mod synthetic;
