//! The one integration-test binary (matklad's "delete cargo integration
//! tests"): a module per area.
#![cfg(not(target_arch = "wasm32"))]

mod analysis;
mod architecture;
mod claims;
mod data;
mod metrics;
mod names;
mod scale;
mod values;
mod xlsx;
