//! Browser component tests: run in headless Chromium by `wasm-bindgen-test-runner`
//! (see scripts/test, stage "browser").
#![cfg(target_arch = "wasm32")]

use treatment_finder::app::App;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh, empty element in the document body to render one component into.
fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

#[wasm_bindgen_test]
async fn app_renders_its_heading() {
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let h1 = root.query_selector("main > h1").unwrap().expect("the app renders an h1 inside main");
    assert_eq!(h1.text_content().as_deref(), Some("Treatment finder"));

    app.destroy();
    root.remove();
}
