//! Metrics: pure functions that turn columns of numbers into the figures
//! behind each chart. Formulas and edge cases are written out in
//! docs/METRICS.md.
//!
//! Nothing here knows about the dataset file, the browser or drawing: inputs
//! are slices, outputs are plain values or `Option`s (None when the metric is
//! undefined, e.g. an empty input).

pub mod inequality;
pub mod similarity;
