//! Views: what each chart shows, in the reader's language.
//!
//! A view is plain data built from a [`Dataset`](crate::model::Dataset) and the
//! metrics: the rows a chart draws, the one-paragraph summary that becomes the
//! chart's accessible description, and the table behind "show as table". The
//! charts draw views; the browser edge hands their strings to the page.
//!
//! **Invariant:** this module never imports wasm-bindgen, web-sys, js-sys or
//! plotters, like the rest of the core.

pub mod shares;
pub mod ui;

use serde::Serialize;

/// The table behind a chart's "show as table": every figure the chart draws,
/// as text, first column the row header.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The charts the widget knows, by the id claims and the page use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartId {
    Shares,
}

impl ChartId {
    pub fn parse(id: &str) -> Option<ChartId> {
        match id {
            "shares" => Some(ChartId::Shares),
            _ => None,
        }
    }
}
