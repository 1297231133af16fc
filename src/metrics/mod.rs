//! Metrics: pure functions that turn columns of numbers into the figures
//! behind each chart. Formulas, sources and edge cases are written out in
//! docs/METRICS.md, with the JSON keys of every result type.
//!
//! Nothing here knows about the dataset file, the browser or drawing: inputs
//! are slices, outputs are plain values, `Option`s (None when the metric is
//! undefined, e.g. an empty input) or small result types that serialise to
//! JSON with stable keys. The module compiles for wasm32: no threads, no
//! clock, no file I/O.
//!
//! - [`shares`]: sums with missing counts, shares, land leverage.
//! - [`inequality`]: Gini, Lorenz curve and weighted Gini, Theil T/L split, CV.
//! - [`similarity`]: cosine matrix, Krugman, location quotients, Herfindahl.
//! - [`innovation`]: intensities against the region's and a reference average.
//! - [`growth`]: year-on-year growth and CAGR.
//! - [`ranking`]: competition ranks and rank changes.
//! - [`composite`]: the composite evaluation index and TOPSIS.
//! - [`dynamic`]: reward, warning and exit rules over years.
//! - [`sensitivity`]: Monte Carlo rank intervals under perturbed weights.

pub mod composite;
pub mod dynamic;
pub mod error;
pub mod growth;
pub mod inequality;
pub mod innovation;
pub mod ranking;
pub mod sensitivity;
pub mod shares;
pub mod similarity;

pub use error::{MetricsError, MetricsErrorKind};
