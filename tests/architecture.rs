//! The architecture invariants of ARCHITECTURE.md, checked on the source: which folders may
//! name which crates. A table of (files, crates they must not use); comments are left out,
//! since they may name a crate to say it is not used.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

const BROWSER: [&str; 5] = ["web_sys", "js_sys", "gloo", "wasm_bindgen", "wasm_bindgen_futures"];

/// The pure modules (engine and the serialized contracts around it) know nothing of the
/// browser or of Yew; the UI reaches the browser only through `crate::web`; every
/// `#[wasm_bindgen]` item is in `web`.
#[test]
fn each_part_uses_only_what_its_layer_may() {
    let pure: Vec<&str> = BROWSER.iter().copied().chain(["yew"]).collect();
    let cases: Vec<(&str, Vec<PathBuf>, &[&str])> = vec![
        ("the engine", rust_files("src/engine"), &pure),
        (
            "the contracts beside it",
            ["config.rs", "draft.rs", "share.rs", "ics.rs", "embed.rs"].iter().map(|f| Path::new("src").join(f)).collect(),
            &pure,
        ),
        ("the UI", rust_files("src/app"), &BROWSER),
    ];
    let mut checked = 0;
    for (part, files, forbidden) in cases {
        assert!(!files.is_empty(), "{part}: no files found");
        for file in files {
            let code = code_of(&file);
            for name in forbidden {
                let used = code.contains(&format!("{name}::")) || code.contains(&format!("use {name}"));
                assert!(!used, "{part}: {} uses {name}", file.display());
            }
            checked += 1;
        }
    }
    for file in rust_files("src") {
        let in_web = file.starts_with("src/web");
        if !in_web {
            assert!(!code_of(&file).contains("#[wasm_bindgen"), "{}: a #[wasm_bindgen] item outside src/web", file.display());
        }
    }
    assert!(checked >= 20, "only {checked} files checked");
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &str) -> Vec<PathBuf> {
    let mut out = vec![];
    let mut stack = vec![PathBuf::from(dir)];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The file's code without its comments (`//` to the end of a line; no block comments here).
fn code_of(file: &Path) -> String {
    let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    text.lines().map(|line| line.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}
