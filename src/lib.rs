//! The treatment finder: a pure recommendation engine plus, on wasm32, the browser app.
//!
//! **Architecture invariant:** `engine` imports nothing from yew, web-sys, gloo or
//! wasm-bindgen. Browser code lives in `app` (the Yew UI) and `web` (the one boundary
//! module that touches browser APIs and holds every `#[wasm_bindgen]` export).

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod web;
