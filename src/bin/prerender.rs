//! Writes the app's first screen into a built page (ARCHITECTURE.md, `app::first_screen`).
//!
//!     prerender PAGE.html CLINIC.json
//!
//! Trunk runs it after each build (Trunk.toml) on the page it is about to publish, with the
//! clinic's `www/clinic.json`. It draws the first step with the app's own components and
//! the default rules, in English and in French, and adds both, with the `first.js` script
//! that shows one, at the end of the page's body. Errors are one line on stderr, exit 2.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::process::exit;
    use treatment_finder::app::first_screen;
    use treatment_finder::config;
    use treatment_finder::engine::Rules;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [page_path, clinic_path] = args.as_slice() else {
        eprintln!("usage: prerender PAGE.html CLINIC.json");
        exit(2);
    };
    let fail = |what: &str, why: &dyn std::fmt::Display| -> ! {
        eprintln!("prerender: {what}: {why}");
        exit(2);
    };
    let page = std::fs::read_to_string(page_path).unwrap_or_else(|e| fail(page_path, &e));
    let clinic = std::fs::read_to_string(clinic_path).unwrap_or_else(|e| fail(clinic_path, &e));
    // The same reading as the app's (a bad setting falls back to its default), without a
    // query; the origin only matters for a rules_url, which the drawing does not use.
    let (config, issues) = config::resolve(Some(&clinic), &[], config::QuerySource::Link, "");
    for issue in issues {
        eprintln!("prerender: {clinic_path}: {issue}");
    }
    let rules = Rules::default_rules();
    let out = first_screen::insert_into_page(&page, &first_screen::render_page(&config, &rules))
        .unwrap_or_else(|e| fail(page_path, &e));
    std::fs::write(page_path, out).unwrap_or_else(|e| fail(page_path, &e));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
