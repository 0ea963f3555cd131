//! The treatment finder: a pure recommendation engine plus the browser app.
//!
//! **Architecture invariant:** `engine` imports nothing from yew, web-sys, gloo or
//! wasm-bindgen. Browser code lives in `app` (the Yew UI) and `web` (the one boundary
//! module that touches browser APIs and holds every `#[wasm_bindgen]` export).
//! `config`, `contact`, `draft`, `embed`, `ics` and `share` are the app's pure parts: like the engine,
//! they know nothing of the browser and are tested on the host. `app` and `web` compile on
//! the host too, where Yew's server renderer draws the first step into the built page
//! (`app::first_screen`); only the browser runs them.

pub mod engine;

// Pure helpers of the app, with no browser calls, so plain `cargo test` covers them.
pub mod config;
pub mod contact;
pub mod draft;
pub mod embed;
pub mod ics;
pub mod share;

pub mod app;
pub mod web;

// In the browser, a small free-list allocator instead of Rust's default (dlmalloc): about
// 3 KB less WebAssembly to download (bench/size-notes.md). The finder's WebAssembly runs on
// one thread, as `AssumeSingleThreaded` requires. The host keeps the system allocator.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: the WebAssembly module runs on the page's one thread; nothing shares its memory.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
