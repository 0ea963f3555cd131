//! Embed mode: the app inside the iframe of a `<treatment-finder>` element (`www/embed.js`).
//!
//! It tells the partner page when it is on screen, how tall its document is (so the iframe
//! never shows a scroll bar of its own; a consult result made as tall as the longest, so the
//! height tells no reason, and a plan as tall as with any waits and soft warnings, so it tells
//! none of those), which language the finder speaks, which treatment the result
//! shows and when the visitor follows the Book link; and it takes the element's `lang` and
//! other settings when they change, without starting again. Messages are posted
//! only to the `parent_origin` the loader passed, and a message is read only when it comes
//! from that origin *and* from the parent window. The schema is in `crate::embed`; no
//! message carries an answer.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, MessageEvent, MutationObserver, MutationObserverInit, ResizeObserver, Window};

use crate::embed::{Command, Embed, Event, Incoming, MAX_MESSAGE_CHARS};

/// The link to the partner page. Created once at start-up; it lives as long as the page.
pub struct Bridge {
    embed: Embed,
    parent: Window,
}

impl Bridge {
    /// Embed mode, when the loader opened this page: valid `embed` and `parent_origin`
    /// query parameters, inside a frame. Invalid parameters are reported on the console and
    /// the app runs on its own. It marks `<html data-embed>` so the stylesheet lets the
    /// document be as short as its content.
    pub fn from_page() -> Option<Rc<Bridge>> {
        let window = web_sys::window()?;
        let embed = match Embed::from_query(&super::query_pairs()) {
            Ok(embed) => embed?,
            Err(e) => {
                super::error(&e.to_string());
                return None;
            }
        };
        // A copied link opened on its own has no parent to talk to.
        let parent = window.parent().ok().flatten()?;
        if js_sys::Object::is(&parent, &window) {
            return None;
        }
        if let Some(html) = window.document().and_then(|d| d.document_element()) {
            let _ = html.set_attribute("data-embed", "");
        }
        Some(Rc::new(Bridge { embed, parent }))
    }

    /// Listens for the partner page's messages (calling `on_command` for each well-formed
    /// one), then says the finder is ready once it has rendered, and keeps the partner page
    /// told of the document's height.
    pub fn start(self: &Rc<Self>, on_command: impl Fn(Command) + 'static) {
        self.listen(on_command);
        self.observe_height();
    }

    /// Posts one message to the partner page, and only to its origin.
    pub fn post(&self, event: Event) {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        if let Ok(message) = self.embed.message(event).serialize(&serializer) {
            let _ = self.parent.post_message(&message, &self.embed.parent_origin);
        }
    }

    /// Says `ready` once, then measures the document after each change of the DOM (a
    /// MutationObserver) and of the iframe's width (a ResizeObserver), and posts its height
    /// when it changed. The MutationObserver matters: Chrome runs no ResizeObserver in a
    /// cross-origin frame that is off screen, and a widget further down the page must still
    /// get its height. A hidden widget (height 0) is ready too, so a partner page may wait
    /// for `ready` to show it; its height follows when it is shown.
    ///
    /// A consult result's page is first made as tall as it would be with the longest
    /// consult ([`even_height`]), so its height says nothing of why a practitioner comes
    /// first, and a plan result's as tall as with the tallest plan of any waits and soft
    /// warnings, so it says nothing of those; nothing is measured while the page is laid
    /// out for printing, whose results are not padded.
    fn observe_height(self: &Rc<Self>) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(html) = document.document_element().and_then(|e| e.dyn_into::<HtmlElement>().ok()) else { return };
        let report = {
            let (bridge, html, last, ready) = (Rc::clone(self), html.clone(), Cell::new(0u32), Cell::new(false));
            let evened = Cell::new(None);
            let print = web_sys::window().and_then(|w| w.match_media("print").ok().flatten());
            Closure::<dyn FnMut()>::new(move || {
                if !ready.replace(true) {
                    bridge.post(Event::Ready);
                }
                // Nothing while printing, nor while a result's invisible copies are still to be
                // drawn (`ResultView`'s `pending`): the height would then follow the visitor's
                // own waits and soft warnings. The copies come a frame later.
                if print.as_ref().is_some_and(|p| p.matches()) || document.query_selector("[data-even-pending]").ok().flatten().is_some() {
                    return;
                }
                let even = even_height(&document);
                if evened.replace(even) != even {
                    // Whole pixels, the same number for every consult: the page is exactly
                    // as tall whatever the reasons (an f64 would also add 10 KB of formatting).
                    let style = html.style();
                    let _ = match even {
                        Some(px) => style.set_property("min-height", &format!("{px}px")),
                        None => style.remove_property("min-height").map(drop),
                    };
                }
                let height = html.get_bounding_client_rect().height().ceil() as u32;
                if height == 0 || last.replace(height) == height {
                    return;
                }
                bridge.post(Event::Resize { height });
            })
        };
        let callback = report.as_ref().unchecked_ref();
        if let Ok(observer) = ResizeObserver::new(callback) {
            observer.observe(&html);
            // Observers live as long as the page.
            std::mem::forget(observer);
        }
        if let Ok(observer) = MutationObserver::new(callback) {
            let options = MutationObserverInit::new();
            options.set_child_list(true);
            options.set_subtree(true);
            options.set_attributes(true);
            options.set_character_data(true);
            let _ = observer.observe_with_options(&html, &options);
            std::mem::forget(observer);
        }
        // Once now, whether or not an observer has anything to say yet (hidden, or drawn).
        let _ = report.as_ref().unchecked_ref::<js_sys::Function>().call0(&wasm_bindgen::JsValue::NULL);
        report.forget();
    }

    fn listen(self: &Rc<Self>, on_command: impl Fn(Command) + 'static) {
        let Some(window) = web_sys::window() else { return };
        let bridge = Rc::clone(self);
        EventListener::new(&window, "message", move |event| {
            let Some(event) = event.dyn_ref::<MessageEvent>() else { return };
            let from_parent = event.source().is_some_and(|source| js_sys::Object::is(&source, &bridge.parent));
            if !from_parent || event.origin().to_ascii_lowercase() != bridge.embed.parent_origin {
                return;
            }
            // A message too big to be one of ours is not read at all.
            let size = js_sys::JSON::stringify(&event.data()).ok().map_or(usize::MAX, |text| text.length() as usize);
            if size > MAX_MESSAGE_CHARS {
                super::error(&format!(
                    "treatment finder widget: a message from the page is over {MAX_MESSAGE_CHARS} characters of JSON; it is ignored"
                ));
                return;
            }
            // Every key is read: a message with one more than the schema is refused.
            let Ok(incoming) = Incoming::deserialize(super::json::JsDeserializer(event.data())) else { return };
            if let Some(command) = bridge.embed.command(incoming) {
                on_command(command);
            }
        })
        .forget();
    }
}

/// On a consult result, the height in whole CSS pixels its page is given: as tall as with the
/// longest consult, that is the page's content less the visitor's own reasons
/// (`[data-even-block]`) plus the invisible longest consults (`[data-even-sizer]`), both
/// drawn by `ResultView` in a widget. On a plan result in a widget, the same with the
/// visitor's own summary, reasons, plan and warnings as the block and, in the sizer, every
/// plan the same answers give with any waits and soft warnings, so the height follows no
/// health answer. `None` on any other screen.
fn even_height(document: &Document) -> Option<i64> {
    let element = |selector| document.query_selector(selector).ok().flatten();
    let (block, sizer, app) = (element("[data-even-block]")?, element("[data-even-sizer]")?, element(".app")?);
    let top = document.document_element()?.get_bounding_client_rect().top();
    let tallest = if sizer.has_attribute("data-even-spans") {
        // The plan's block is a plain block: its first and last children's outer margins
        // collapse with the elements around it, so it is as tall as from its first child's top
        // border to its last child's bottom border. Each copy in the sizer is a grid item,
        // which keeps those margins inside: it is measured the same way, border to border.
        std::iter::successors(sizer.first_element_child(), |copy| copy.next_element_sibling())
            .filter_map(|copy| {
                let (first, last) = (copy.first_element_child()?, copy.last_element_child()?);
                Some(last.get_bounding_client_rect().bottom() - first.get_bounding_client_rect().top())
            })
            .fold(0.0, f64::max)
    } else {
        sizer.get_bounding_client_rect().height()
    };
    // In exact layout this is one number for every consult (or every plan of the same other
    // answers); measured, it may differ in its last digits, and the small margin keeps that
    // from tipping it over a whole pixel.
    let longest = app.get_bounding_client_rect().bottom() - top - block.get_bounding_client_rect().height() + tallest;
    Some((longest - 0.001).ceil() as i64)
}
