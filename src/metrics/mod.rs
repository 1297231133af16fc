//! Metrics: pure functions that turn columns of numbers into the figures
//! behind each chart. Formulas, sources and edge cases are written out in
//! docs/METRICS.md, with the JSON keys of every result type.
//!
//! Nothing here knows about the dataset file, the browser or drawing: inputs
//! are slices, outputs are plain values, `Option`s (None when the metric is
//! undefined, e.g. an empty input) or small result types that serialise to
//! JSON with stable keys. The module compiles for wasm32: no threads, no
//! clock, no file I/O.

pub mod inequality;
pub mod shares;
pub mod similarity;
