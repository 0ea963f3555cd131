//! The browser app's entry point. Trunk builds this binary for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    treatment_finder::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The treatment finder app runs in a browser: serve it with ./scripts/serve (see README.md).");
    eprintln!("For the command-line engine, use: cargo run --bin recommend -- --help");
    std::process::exit(2);
}
