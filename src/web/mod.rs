//! The boundary to browser APIs (storage, URL, clipboard, downloads, printing, the clock,
//! the console, fetching the page's own files) and every `#[wasm_bindgen]` export.
//!
//! **Architecture invariant:** this is the only module that calls web-sys or js-sys.
//! Everything it reads is turned into plain Rust data right here; everything it writes
//! arrives as plain data. No function here logs an answer: console messages are about
//! the configuration only.
//!
//! `embed` is the bridge to a partner page when the app runs in a widget's iframe. The
//! `#[wasm_bindgen]` exports, each in the modules whose Cargo feature asks for it
//! (ARCHITECTURE.md): `startApp` below (`app`), the JavaScript API in `api` (`api`), and the
//! rules reader's `readRules` in `reader` (`reader`), which also reads a clinic's rules file
//! for the app, in this module or through the rules reader module, and the clinic console's
//! exports in `console` (`console`).

#[cfg(feature = "api")]
pub mod api;
#[cfg(feature = "console")]
pub mod console;
pub mod crash;
pub mod embed;
pub mod first_screen;

pub mod json;
pub mod reader;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};
use yew::NodeRef;

use crate::config::{self, Accent, Config, QuerySource};
use crate::draft::{Resume, Saved, STORAGE_KEY};
use crate::embed::Settings;
use crate::engine::{Date, Lang, Rules};
use crate::ics::UtcTime;
use crate::share;

/// Starts the finder on its own page (called by `www/start.js` once the module is loaded).
#[cfg(feature = "app")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startApp)]
pub fn start_app() {
    crate::app::start();
}

/// What the page starts with: the configuration, the rules, the date, and any answers
/// brought back by a link or by saved progress.
pub struct Boot {
    pub config: Config,
    pub rules: Rules,
    pub today: Date,
    pub lang: Lang,
    pub resume: Option<Resume>,
    /// `clinic.json`'s text, for [`reconfigure`].
    pub clinic_file: Option<String>,
}

/// The clinic's settings and rules, as a page of the finder reads them.
pub struct Clinic {
    /// `clinic.json`'s text, when it could be loaded.
    pub file: Option<String>,
    pub config: Config,
    pub rules: Rules,
}

/// Reads `clinic.json` from the finder's folder `base` (empty on the finder's own page, which
/// is in that folder), applies what `query` may change over it (`source`), and loads the
/// rules file it names. Each problem is a console message, and the default takes its place.
pub async fn read_clinic(base: &str, query: &[(String, String)], source: QuerySource) -> Clinic {
    let origin = window().map(|w| w.location().origin().unwrap_or_default()).unwrap_or_default();
    let file = match fetch_text(&resolve_url(base, "clinic.json")).await {
        Ok(text) => Some(text),
        Err(why) => {
            warn(&format!("treatment finder configuration: clinic.json {why}; using the defaults"));
            None
        }
    };
    let (config, issues) = config::resolve_read(file.as_deref().map(json::read_clinic_file), query, source, &origin);
    for issue in &issues {
        if issue.is_error {
            error(&issue.to_string());
        } else {
            warn(&issue.to_string());
        }
    }
    let rules = match &config.rules_url {
        None => json::default_rules(),
        Some(url) => {
            // The rules reader downloads beside the rules file (the first module holds none).
            reader::prepare();
            let loaded = match fetch_text(&resolve_url(base, url)).await {
                Ok(text) => reader::read_rules(text).await,
                Err(why) => Err(why),
            };
            loaded.unwrap_or_else(|why| {
                error(&format!("treatment finder configuration: rules_url: {url:?}: {why}; using the built-in rules"));
                json::default_rules()
            })
        }
    };
    Clinic { file, config, rules }
}

/// Whether the finder has a wide screen's room (at least 40rem, the width of its column):
/// there a result's detail sections start open, on a phone folded. In a widget, the
/// iframe's width counts, not the partner page's. On the host (Yew's server renderer, in the
/// tests) there is no screen: wide.
///
/// The query is made once and kept: the result asks on each drawing, and making it anew cost
/// a slow phone's first drawing of the result several milliseconds.
pub fn wide_screen() -> bool {
    if cfg!(not(target_arch = "wasm32")) {
        return true;
    }
    thread_local! {
        static WIDE: Option<web_sys::MediaQueryList> =
            window().and_then(|w| w.match_media("(min-width: 40rem)").ok().flatten());
    }
    WIDE.with(|query| query.as_ref().is_none_or(|query| query.matches()))
}

/// Runs `f` once the browser has shown what is drawn now: in a task after the next frame (a
/// timer set from an animation frame callback), so the work in `f` does not delay that frame.
/// Without a window (the host), never.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = window() else { return };
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, f).forget();
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// `path` relative to `base` (a folder's URL); `path` itself when `base` is empty.
fn resolve_url(base: &str, path: &str) -> String {
    if base.is_empty() {
        return path.to_string();
    }
    web_sys::Url::new_with_base(path, base).map(|url| url.href()).unwrap_or_else(|_| path.to_string())
}

/// Reads `clinic.json`, the query, the rules file, the fragment and saved progress. In a
/// widget (`embedded`), the query holds the element's attributes; on the finder's own page
/// it is a link anyone can write, which may set only the language (and tag a partner).
pub async fn boot(embedded: bool) -> Boot {
    let source = if embedded { QuerySource::Embedder } else { QuerySource::Link };
    let Clinic { config, rules, file } = read_clinic("", &query_pairs(), source).await;

    let shared = share::decode(&fragment());
    let saved = load_saved();
    let lang = shared
        .as_ref()
        .and_then(|s| s.lang)
        .or(config.default_lang)
        .or_else(browser_lang)
        .unwrap_or_default();
    // A link and saved progress that differ: the visitor chooses (`Resume::offer`).
    let resume = Resume::start(shared.map(|s| s.to_draft()), saved);
    Boot { config, rules, today: today(), lang, resume, clinic_file: file }
}

/// The configuration again, with a widget's new `settings` in place of those in the page's
/// address (the element's attributes changed). Their problems are reported on the console,
/// as the address's are; `clinic.json`'s were reported at start.
pub fn reconfigure(clinic_file: Option<&str>, settings: &Settings) -> Config {
    let origin = window().map(|w| w.location().origin().unwrap_or_default()).unwrap_or_default();
    let query = settings.over(&query_pairs());
    let (config, issues) = config::resolve_read(clinic_file.map(json::read_clinic_file), &query, QuerySource::Embedder, &origin);
    let changed = |i: &&config::Issue| i.origin == config::Origin::Query && Settings::KEYS.contains(&i.field.as_str());
    for issue in issues.iter().filter(changed) {
        if issue.is_error {
            error(&issue.to_string());
        } else {
            warn(&issue.to_string());
        }
    }
    replace_query(&query);
    config
}

/// Puts `query` in the address bar in place of the page's query (keeping its fragment), so
/// that "Copy link" and a reload use it.
fn replace_query(query: &[(String, String)]) {
    let Some(window) = window() else { return };
    let Ok(url) = web_sys::Url::new(&window.location().href().unwrap_or_default()) else { return };
    let Ok(params) = web_sys::UrlSearchParams::new() else { return };
    for (key, value) in query {
        params.append(key, value);
    }
    url.set_search(&params.to_string().as_string().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url.href()));
    }
}

/// Today in the visitor's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::from_ymd(i64::from(now.get_full_year()), i64::from(now.get_month()) + 1, i64::from(now.get_date()))
        .unwrap_or_else(|| Date::from_unix_days((now.get_time() / 86_400_000.0).floor() as i64))
}

/// Now in UTC, for calendar stamps.
pub fn now_utc() -> UtcTime {
    let ms = js_sys::Date::now();
    let secs = (ms / 1000.0).floor() as i64;
    UtcTime { date: Date::from_unix_days(secs.div_euclid(86_400)), seconds: secs.rem_euclid(86_400) as u32 }
}

/// The first of the browser's languages the app speaks, else the page's `<html lang>`.
pub fn browser_lang() -> Option<Lang> {
    let window = window()?;
    let navigator = window.navigator();
    let listed = navigator.languages().iter().filter_map(|v| v.as_string()).find_map(|t| Lang::from_tag(&t));
    listed
        .or_else(|| navigator.language().and_then(|t| Lang::from_tag(&t)))
        .or_else(|| {
            let html = window.document()?.document_element()?;
            Lang::from_tag(&html.get_attribute("lang")?)
        })
}

/// Sets `<html lang>` and the document's title to follow the visitor's language.
pub fn set_document_lang(lang: Lang, title: &str) {
    let Some(document) = window().and_then(|w| w.document()) else { return };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    document.set_title(title);
}

/// Sets `--accent` and `--accent-text` through the CSSOM (allowed by a `style-src 'self'`
/// policy, unlike a `style` attribute).
pub fn set_accent(root: &NodeRef, accent: &Accent) {
    if let Some(el) = root.cast::<HtmlElement>() {
        let style = el.style();
        let _ = style.set_property("--accent", &accent.color);
        let _ = style.set_property("--accent-text", &accent.text);
    }
}

/// Focuses the first element under `root` matching `selector`.
pub fn focus(root: &NodeRef, selector: &str) {
    let Some(root) = root.cast::<Element>() else { return };
    if let Ok(Some(el)) = root.query_selector(selector) {
        if let Some(el) = el.dyn_ref::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// An input's value, from one of its events.
pub fn input_value(e: &Event) -> String {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

/// A checkbox's state, from one of its events.
pub fn input_checked(e: &Event) -> bool {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked())
}

/// Saved progress, if the visitor asked to be remembered, read leniently (a newer or older
/// version keeps what can be read). What cannot be read is left in storage as it is: a newer
/// app's data must survive an older cached app. Only this finder's "Forget my answers" or
/// unticked "Remember" removes it.
pub fn load_saved() -> Option<Saved> {
    let storage = storage()?;
    let text = storage.get_item(STORAGE_KEY).ok().flatten()?;
    json::saved_from_json(&text)
}

pub fn save(saved: &Saved) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, &json::to_json(saved));
    }
}

pub fn forget_saved() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}

/// The link "Copy link" copies: the finder's page with `fragment` (the answers that are not
/// health answers, and the language) and no query at all. Nothing else in the page's address
/// travels: not a widget's embed parameters or attributes, nor a parameter someone added to
/// the address the visitor opened (the page it opens takes only the language from a link).
pub fn link_with_fragment(fragment: &str) -> String {
    let Some(location) = window().map(|w| w.location()) else { return format!("#{fragment}") };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}#{fragment}")
}

/// Removes a shared link's fragment from the address bar (on "Start over").
pub fn clear_fragment() {
    let Some(window) = window() else { return };
    if window.location().hash().unwrap_or_default().is_empty() {
        return;
    }
    let href = window.location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default().to_string();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&base));
    }
}

/// Copies `text` to the clipboard; `Err` when the browser refuses.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let window = window().ok_or(())?;
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() {
        return Err(());
    }
    JsFuture::from(clipboard.write_text(text)).await.map(|_| ()).map_err(|_| ())
}

/// Offers `text` as a file download.
pub fn download(filename: &str, mime: &str, text: &str) {
    let Some(document) = window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(filename);
            a.set_hidden(true);
            if let Some(body) = document.body() {
                let _ = body.append_child(&a);
                a.click();
                a.remove();
            }
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

pub fn print() {
    if let Some(window) = window() {
        let _ = window.print();
    }
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

pub(crate) fn error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// The query's key–value pairs, decoded.
pub(crate) fn query_pairs() -> Vec<(String, String)> {
    let Some(search) = window().and_then(|w| w.location().search().ok()) else { return vec![] };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else { return vec![] };
    let mut out = Vec::new();
    if let Ok(Some(iter)) = js_sys::try_iter(&params) {
        for entry in iter.flatten() {
            let pair = js_sys::Array::from(&entry);
            if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                out.push((k, v));
            }
        }
    }
    out
}

fn fragment() -> String {
    window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Fetches one of the page's own files as text; `Err` says what went wrong. A redirect to
/// another origin is refused: the file must come from where it was asked for (the page's
/// CSP blocks that too, but `finder-api.js` may run on a page without that policy).
async fn fetch_text(url: &str) -> Result<String, String> {
    let window = window().ok_or("cannot be loaded outside a browser window")?;
    let page = window.location().href().unwrap_or_default();
    let wanted = web_sys::Url::new_with_base(url, &page).map(|u| u.origin()).map_err(|_| "is not a valid address".to_string())?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("could not be loaded ({})", js_message(&e)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "could not be loaded".to_string())?;
    let arrived = web_sys::Url::new(&response.url()).map(|u| u.origin()).unwrap_or_default();
    if arrived != wanted {
        return Err(format!("was redirected to another site ({arrived:?}); it must come from {wanted}"));
    }
    if !response.ok() {
        return Err(format!("could not be loaded (HTTP {})", response.status()));
    }
    let text = response.text().map_err(|e| format!("could not be read ({})", js_message(&e)))?;
    let text = JsFuture::from(text).await.map_err(|e| format!("could not be read ({})", js_message(&e)))?;
    text.as_string().ok_or_else(|| "is not text".to_string())
}

fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
