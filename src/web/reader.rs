//! A clinic's own rules file (`clinic.json`'s `rules_url`), read and checked.
//!
//! Reading a rules file takes serde's reader of the `Rules` types and the engine's lint, about
//! a tenth of the whole download, which no visitor of a clinic without its own rules needs.
//! So the finder's first module (the `app` feature without `reader`, ARCHITECTURE.md) does
//! not hold them: when `clinic.json` names a rules file, [`prepare`] starts loading the rules
//! reader module (the `reader` feature: [`read_rules_export`] and nothing of the app) through
//! `reader.js`, beside the rules file's own download, and [`read_rules`] hands it the text and
//! takes back the rules packed (`engine::packed`), or the error's message. A module built with
//! the `reader` feature (the full module of the JavaScript API, the browser tests) reads the
//! file itself, with the same code, so every path gives the same rules and the same messages.

use crate::engine::Rules;

#[cfg(feature = "reader")]
use wasm_bindgen::prelude::*;

/// The rules reader module's one export: `text` read and checked as a rules file, given back
/// as the packed rules (a `Uint8Array`), or as the error's message (a string), word for word
/// what the finder prints for it.
#[cfg(feature = "reader")]
#[wasm_bindgen(js_name = readRules)]
pub fn read_rules_export(text: &str) -> JsValue {
    match super::json::rules_from_json(text) {
        Ok(rules) => js_sys::Uint8Array::from(rules.to_packed().as_slice()).into(),
        Err(e) => JsValue::from_str(&e.to_string()),
    }
}

/// Starts loading the rules reader when this module does not hold it (called as soon as a
/// rules file is named, so the two downloads share the wait).
pub fn prepare() {
    #[cfg(not(feature = "reader"))]
    elsewhere::start_reader();
}

/// A rules file's text read and checked: the rules, or what was wrong in the words the
/// console message gives after the file's name.
pub async fn read_rules(text: String) -> Result<Rules, String> {
    #[cfg(feature = "reader")]
    {
        super::json::rules_from_json(&text).map_err(|e| e.to_string())
    }
    #[cfg(not(feature = "reader"))]
    {
        elsewhere::read_rules(&text).await
    }
}

/// The rules reader as a module of its own (`reader.js` loads it).
#[cfg(not(feature = "reader"))]
mod elsewhere {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    use crate::engine::Rules;

    #[wasm_bindgen(module = "/src/web/reader.js")]
    extern "C" {
        #[wasm_bindgen(js_name = startReader)]
        pub fn start_reader();
        #[wasm_bindgen(js_name = readRules)]
        fn read_rules_in_reader(text: &str) -> js_sys::Promise;
    }

    pub async fn read_rules(text: &str) -> Result<Rules, String> {
        let value = JsFuture::from(read_rules_in_reader(text))
            .await
            .map_err(|e| format!("could not be read: the rules reader did not load or run ({})", super::super::js_message(&e)))?;
        if let Some(message) = value.as_string() {
            return Err(message);
        }
        let bytes = value.dyn_into::<js_sys::Uint8Array>().map_err(|_| "could not be read: the rules reader gave no rules".to_string())?;
        Rules::from_packed(&bytes.to_vec()).map_err(|e| e.to_string())
    }
}
