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

// The browser keeps Rust's default allocator (dlmalloc). lol_alloc's free list saved 3.3 KB
// gzip but made a widget's result (which draws 8 more plans) about half again slower, 4× so
// on a slowed CPU (bench/size-notes.md): not worth it.

/// Sorts `items` by `key`, stable like `slice::sort_by_key`, by insertion: for the few items of
/// a timeline or a contact text. std's stable sort would add about 1.5 KB of WebAssembly for
/// each element type (bench/size-notes.md).
pub(crate) fn sort_few_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
