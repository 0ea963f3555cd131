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

/// The lean first module (the `app` feature alone) holds no reader of a rules file and exports
/// no JavaScript API (ARCHITECTURE.md, "The modules the browser downloads"): what only the
/// later modules hold is behind their Cargo features, and so is every export in `src/web`.
#[test]
fn each_export_is_behind_the_feature_of_the_modules_that_export_it() {
    let web = code_of(Path::new("src/web/mod.rs"));
    assert!(web.contains("#[cfg(feature = \"api\")]\npub mod api;"), "src/web/mod.rs: `api` is not behind the api feature");
    assert!(
        web.contains("#[cfg(feature = \"console\")]\npub mod console;"),
        "src/web/mod.rs: `console` is not behind the console feature"
    );
    let json = code_of(Path::new("src/web/json.rs"));
    assert!(
        json.contains("#[cfg(feature = \"reader\")]\npub fn rules_from_json"),
        "src/web/json.rs: rules_from_json (serde's reader of the rules, and lint) is not behind the reader feature"
    );
    let mut exports = 0;
    for file in rust_files("src/web").into_iter().filter(|f| !f.ends_with("api.rs") && !f.ends_with("console.rs")) {
        let lines: Vec<String> = code_of(&file).lines().map(|l| l.trim().to_string()).collect();
        for (i, line) in lines.iter().enumerate() {
            if !line.starts_with("#[wasm_bindgen") || line.contains("module =") {
                continue;
            }
            // The attributes around it, up to the item they belong to.
            let start = (0..i).rev().take_while(|&j| lines[j].starts_with("#[")).last().unwrap_or(i);
            let end = (i..lines.len()).find(|&j| !lines[j].starts_with("#[")).unwrap_or(i);
            let item = &lines[end];
            // An import (an extern block, or a function declared in one) is no export.
            if item.starts_with("extern") || item.ends_with(';') {
                continue;
            }
            exports += 1;
            assert!(
                lines[start..end].iter().any(|a| a.starts_with("#[cfg(feature = ")),
                "{}: the export `{item}` is in every module: put it behind the feature of the modules that export it",
                file.display()
            );
        }
    }
    assert!(exports >= 2, "only {exports} exports found in src/web (startApp, readRules)");
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
