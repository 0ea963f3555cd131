//! The browser app's lean first module. Trunk builds this binary for wasm32 with the `app`
//! feature alone (www/index.html), so its one export is the app's start
//! (`treatment_finder::web::start_app`); the later modules are the library's (scripts/modules).

// Links the library: its `#[wasm_bindgen]` exports (`web`) are this module's interface.
#[cfg(target_arch = "wasm32")]
use treatment_finder as _;

// wasm-bindgen runs `main` as soon as the module is loaded. It starts nothing: the app's own
// page calls the `startApp` export (`www/start.js`).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The treatment finder app runs in a browser: serve it with ./scripts/serve (see README.md).");
    eprintln!("For the command-line engine, use: cargo run --bin recommend -- --help");
    std::process::exit(2);
}
