//! The browser edge: the `#[wasm_bindgen]` handle the page talks to.

pub mod backend;
