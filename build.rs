//! Embeds the default rules without their layout: `rules/default.json` is written for
//! people (indented, one fact per line), but every byte of it is downloaded with the app,
//! so the copy that `include_str!` embeds has the whitespace between tokens removed.
//! Strings are copied byte for byte, so the rules read exactly the same.

use std::{env, fs, path::Path};

fn main() {
    let source = "rules/default.json";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("default.min.json");
    fs::write(&out, minify(&text)).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// Drops JSON whitespace outside strings. It does not check the JSON: the test suite
/// parses and lints the embedded copy.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}
