//! The boundary to browser APIs (storage, URL, clipboard) and every `#[wasm_bindgen]` export.
