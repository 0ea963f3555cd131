//! Embeds the default rules without their layout: `rules/default.json` is written for
//! people (indented, one fact per line), so the copy that `include_str!` embeds (the host's
//! and the rules reader's) has the whitespace between tokens removed. Strings are copied byte
//! for byte, so the rules read exactly the same. Also writes the hash that
//! `rules/default.packed` must be stamped with (`engine::packed`).

use std::{env, fs, path::Path};

fn main() {
    let source = "rules/default.json";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"));
    let dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&dir).join("default.min.json");
    let min = minify(&text);
    fs::write(&out, &min).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    // The browser's first module embeds rules/default.packed, made from this file by a test
    // (engine::packed): its stamp must be this hash, or a wasm32 build stops with what to run.
    let out = Path::new(&dir).join("default_rules_hash.rs");
    let hash = format!("pub const DEFAULT_RULES_JSON_HASH: u64 = {:#018x};\n", fnv1a(min.as_bytes()));
    fs::write(&out, hash).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// FNV-1a, 64 bits: a stamp, not a defence.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
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
