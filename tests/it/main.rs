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

/// The text `make-dataset ARGS FILE` writes, FILE a temporary file of its
/// own (tests run in parallel) removed once read.
fn make_dataset(args: &[&str]) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "zone-monitor-made-{}-{}.json",
        std::process::id(),
        CALLS.fetch_add(1, Ordering::Relaxed)
    ));
    let ok = std::process::Command::new(env!("CARGO_BIN_EXE_make-dataset"))
        .args(args)
        .arg(&path)
        .status()
        .expect("make-dataset runs")
        .success();
    assert!(ok, "make-dataset {args:?}");
    let text = std::fs::read_to_string(&path).expect("written");
    let _ = std::fs::remove_file(&path);
    text
}
