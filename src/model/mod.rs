//! The dataset: schema `zone-monitor/1` (docs/DATA.md), its validation, and the
//! core types the metrics and charts read.
