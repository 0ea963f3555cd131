//! The browser app's module. Trunk builds this binary for wasm32; its exports (the app's
//! start and the JavaScript API) come from `treatment_finder::web::api`.

// Links the library: its `#[wasm_bindgen]` exports (`web::api`) are this module's interface.
#[cfg(target_arch = "wasm32")]
use treatment_finder as _;

// wasm-bindgen runs `main` as soon as the module is loaded, also on pages that load it only
// for the JavaScript API (`www/finder-api.js`). So it starts nothing: the app's own page
// calls the `startApp` export (`www/start.js`).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The treatment finder app runs in a browser: serve it with ./scripts/serve (see README.md).");
    eprintln!("For the command-line engine, use: cargo run --bin recommend -- --help");
    std::process::exit(2);
}
