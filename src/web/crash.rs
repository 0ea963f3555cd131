//! The crash guard (`crash.js`): when the WebAssembly traps, the visitor is told in their
//! language, keeps what they entered on screen (and, with "Remember", on this device), and
//! gets a Reload button; the dead instance is never called again by the guard, and nothing
//! is posted to a partner page.
//!
//! The guard is JavaScript because after a trap nothing may run in the WebAssembly: it is
//! given the words and the saved-progress key now, while the app is well.

use wasm_bindgen::prelude::*;

use crate::app::i18n::{t, Key};
use crate::draft::STORAGE_KEY;
use crate::engine::Lang;

#[wasm_bindgen(module = "/src/web/crash.js")]
extern "C" {
    #[wasm_bindgen(js_name = installCrashGuard)]
    fn install_crash_guard(texts: &JsValue, storage_key: &str);
}

/// Installs the guard (once per page; later calls do nothing). Called first by
/// `app::start()` and `api::mount()`, before anything can trap.
pub fn install() {
    install_crash_guard(&texts(), STORAGE_KEY);
}

/// `{ en: { crashed, kept, notKept, reload }, fr: { … } }`.
fn texts() -> JsValue {
    let texts = js_sys::Object::new();
    for lang in [Lang::En, Lang::Fr] {
        let words = js_sys::Object::new();
        for (name, key) in [("crashed", Key::Crashed), ("kept", Key::CrashKept), ("notKept", Key::CrashNotKept), ("reload", Key::Reload)] {
            let _ = js_sys::Reflect::set(&words, &name.into(), &t(lang, key).into());
        }
        let _ = js_sys::Reflect::set(&texts, &lang.code().into(), &words);
    }
    texts.into()
}
