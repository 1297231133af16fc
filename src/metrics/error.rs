//! The metrics layer's one error type, for inputs whose shape or parameters
//! make a computation meaningless (undefined values are `None`, not errors).

use serde::Serialize;
use std::fmt;

/// What kind of problem a [`MetricsError`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricsErrorKind {
    /// Slices that must line up do not (zones, indicators, years, weights).
    ShapeMismatch,
    /// A parameter is out of its domain (a negative weight, δ ≥ 1, ...).
    InvalidParameter,
    /// A value cannot be used by the chosen method (e.g. a negative
    /// normalised value under geometric aggregation).
    InvalidValue,
}

/// An error from the metrics layer: a kind and a message that says what is
/// wrong, where, and what to do.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricsError {
    pub kind: MetricsErrorKind,
    pub message: String,
}

impl MetricsError {
    pub(crate) fn new(kind: MetricsErrorKind, message: impl Into<String>) -> Self {
        MetricsError {
            kind,
            message: message.into(),
        }
    }

    pub(crate) fn shape(message: impl Into<String>) -> Self {
        Self::new(MetricsErrorKind::ShapeMismatch, message)
    }

    pub(crate) fn parameter(message: impl Into<String>) -> Self {
        Self::new(MetricsErrorKind::InvalidParameter, message)
    }
}

impl fmt::Display for MetricsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MetricsError {}
