//! Takes over the first screen that `www/first.js` showed before the WebAssembly arrived
//! (`app::first_screen`): reads what the visitor did there and removes it.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use crate::app::components::goals_step::goal_input_id;
use crate::app::first_screen::{markers, FirstScreen};
use crate::engine::{Goal, Lang};

/// What the visitor did on the first screen, which is then removed from the page; `None`
/// when the page shows none (a shared link, saved progress, or a page without one).
pub fn take() -> Option<FirstScreen> {
    let document = web_sys::window()?.document()?;
    let root = document.get_element_by_id(markers::ROOT_ID)?;
    let checked = |selector: &str| {
        root.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
            .is_some_and(|input| input.checked())
    };
    let goals = Goal::ALL.into_iter().filter(|goal| checked(&format!("#{}", goal_input_id(*goal)))).collect();
    let focus = document.active_element().filter(|el| root.contains(Some(el))).and_then(|el| focus_selector(&el));
    let first = FirstScreen {
        lang: root.get_attribute("lang").and_then(|tag| Lang::from_tag(&tag)),
        lang_chosen: root.has_attribute(markers::LANG_CHOSEN_ATTR),
        goals,
        remember: checked("#remember"),
        next: root.has_attribute(markers::NEXT_ATTR),
        focus,
    };
    root.remove();
    Some(first)
}

/// A selector for the focused element that finds its twin in the app: its id when it has a
/// plain one, else the language switch or the "Next" button.
fn focus_selector(el: &Element) -> Option<String> {
    let id = el.id();
    if !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Some(format!("#{id}"));
    }
    if el.class_name().split_whitespace().any(|class| class == "lang-toggle") {
        return Some(".lang-toggle".into());
    }
    if el.get_attribute("type").as_deref() == Some("submit") {
        return Some(".step-nav [type=submit]".into());
    }
    None
}
