//! zone-monitor: the figures of a policy report on a region's high-tech zones
//! (高新区), computed from a dataset and drawn as charts.
//!
//! The crate has a pure core and two edges (see ARCHITECTURE.md):
//!
//! - [`model`]: the dataset (schema `zone-monitor/1`), its validation, and the
//!   core types the rest reads. Serde lives here and nowhere else.
//! - [`metrics`]: pure functions from numbers to numbers: shares, inequality,
//!   similarity, composite indices, rankings.
//! - [`analysis`]: the dataset wired to the metrics: every figure of a year,
//!   the evaluation over all years, for the charts and `zone-monitor report`.
//! - [`claims`]: the report's claims C1–C19 checked against a dataset.
//! - [`charts`]: one chart per question of the report, generic over plotters'
//!   `DrawingBackend`.
//! - `web` (wasm32 only): the `#[wasm_bindgen]` handle the page talks to.
//! - [`values`]: the spreadsheet import and export (`import-values`,
//!   `export-values`); native, and in the studio's wasm (`studio`, feature
//!   `studio`, instead of `web`).
//!
//! The core (`model`, `metrics`) never imports wasm-bindgen, web-sys, js-sys or
//! plotters.

pub mod analysis;
pub mod charts;
pub mod claims;
#[cfg(not(target_arch = "wasm32"))]
pub mod exercise;
pub mod format;
pub mod i18n;
pub mod metrics;
pub mod model;
pub mod order;
mod registry;
pub mod views;

// The spreadsheet import and export (`import-values`, `export-values`, the
// studio page): native always, and in the wasm only with the feature
// `studio`, so the widget's wasm never carries them.
#[cfg(any(not(target_arch = "wasm32"), feature = "studio"))]
pub mod values;

// The wasm exports the widget's bindings, or with the feature `studio` the
// studio page's instead (a build of its own: www/pkg-studio), so that
// neither module carries the other's code.
#[cfg(all(target_arch = "wasm32", not(feature = "studio")))]
pub mod web;

#[cfg(all(target_arch = "wasm32", feature = "studio"))]
#[path = "web/studio.rs"]
pub mod studio;
