//! The analysis layer's one error type: a question the dataset cannot answer
//! (a year it does not cover, an indicator it does not define) or settings
//! that make the computation meaningless. Undefined figures are `None`, not
//! errors.

use serde::Serialize;
use std::fmt;

use crate::metrics::MetricsError;

/// What kind of problem an [`AnalysisError`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnalysisErrorKind {
    /// The year is not one of the dataset's years.
    UnknownYear,
    /// No indicator with that id or index.
    UnknownIndicator,
    /// The settings do not fit the dataset (e.g. the wrong number of
    /// dimension weights).
    InvalidSettings,
    /// The metrics layer rejected its input (see the message).
    Metrics,
}

/// An error from the analysis layer: a kind and a message that says what is
/// wrong and what to do.
///
/// JSON: `{"kind": "unknown_year" | "unknown_indicator" |
/// "invalid_settings" | "metrics", "message"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnalysisError {
    pub kind: AnalysisErrorKind,
    pub message: String,
}

impl AnalysisError {
    pub(crate) fn new(kind: AnalysisErrorKind, message: impl Into<String>) -> Self {
        AnalysisError {
            kind,
            message: message.into(),
        }
    }

    pub(crate) fn settings(message: impl Into<String>) -> Self {
        Self::new(AnalysisErrorKind::InvalidSettings, message)
    }
}

impl From<MetricsError> for AnalysisError {
    fn from(e: MetricsError) -> Self {
        AnalysisError::new(AnalysisErrorKind::Metrics, e.message)
    }
}

impl fmt::Display for AnalysisError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AnalysisError {}
