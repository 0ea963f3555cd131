//! The JavaScript API's `#[wasm_bindgen]` exports: what `www/finder-api.js` calls. Only the
//! full module has them (the `api` feature, ARCHITECTURE.md): the finder's own page and its
//! widget load the lean first module, whose one export is `startApp` (`web::start_app`).
//!
//! - `loadClinic(base)` reads the clinic's `clinic.json` and rules file for the two below.
//! - `recommend(answers, options)` runs the engine: the same answers and recommendation
//!   JSON as the `recommend` command line, as plain JavaScript objects.
//! - `mount(element, config, assets)` renders the whole finder into an element of another
//!   page on the clinic's site, in a shadow root of its own, and returns a handle to
//!   `destroy()` it.
//!
//! The public, documented surface is `www/finder-api.js` (typed by
//! `www/treatment-finder.d.ts`); the names here are its implementation.

use std::cell::RefCell;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback};

use crate::app::{App, AppProps, Placement};
use crate::config;
use crate::draft::Resume;
use crate::engine::{self, EngineError, Lang, Rules, Treatment};

/// The clinic's settings and rules for the API, read by `loadClinic` (else the built-in ones).
struct ClinicFiles {
    /// `clinic.json`'s text; `mount()`'s settings go over it.
    file: Option<String>,
    rules: Rc<Rules>,
}

thread_local! {
    static CLINIC: RefCell<Option<ClinicFiles>> = const { RefCell::new(None) };
}

/// Reads the clinic's `clinic.json` and the rules file it names from the finder's folder
/// `base` (called once by `www/finder-api.js`, before its import resolves), so `recommend()`
/// and `mount()` follow the clinic's settings and rules as the finder's own page does.
/// Problems are console messages, with the defaults in their place; it never throws.
#[wasm_bindgen(js_name = loadClinic)]
pub async fn load_clinic(base: String) {
    let clinic = super::read_clinic(&base, &[], config::QuerySource::Link).await;
    CLINIC.with(|c| *c.borrow_mut() = Some(ClinicFiles { file: clinic.file, rules: Rc::new(clinic.rules) }));
}

/// The clinic's rules, else (before `loadClinic`) the built-in ones, read once.
fn clinic_rules() -> Rc<Rules> {
    CLINIC.with(|c| {
        let mut clinic = c.borrow_mut();
        let clinic = clinic.get_or_insert_with(|| ClinicFiles { file: None, rules: Rc::new(super::json::default_rules()) });
        Rc::clone(&clinic.rules)
    })
}

/// `recommend()`'s options.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecommendOptions {
    /// `en` (the default) or `fr`; tags such as `fr-CA` are read as their language.
    #[serde(default)]
    lang: Option<String>,
}

/// The engine's recommendation for `answers` (the answers JSON of README.md, as an object).
/// When `today` is missing, the visitor's date is used, so the plan has dates. Throws an
/// `Error` whose message names the field for malformed answers
/// (``invalid answers: goals[1]: unknown variant `tan`, expected one of …``).
#[wasm_bindgen]
pub fn recommend(answers: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let options: RecommendOptions = read_optional(options).map_err(|e| JsError::new(&format!("recommend(): options: {e}")))?;
    let lang = match options.lang {
        None => Lang::En,
        Some(tag) => Lang::from_tag(&tag).ok_or_else(|| {
            JsError::new(&format!("recommend(): options: lang: {tag:?} is not a supported language (en or fr)"))
        })?,
    };
    // Through JSON text, so the answers are read exactly as the command line reads them,
    // with the same messages naming the field.
    // First what JSON.stringify would hide or throw on (NaN, a BigInt, a getter that
    // throws, a cycle), named with its path: `invalid answers: age: NaN is not a number`.
    let invalid = |field: String, message: String| JsError::new(&EngineError::invalid_answers(field, message).to_string());
    if answers.is_undefined() {
        return Err(invalid(String::new(), "must be a JSON object, not undefined".into()));
    }
    super::json::check_js_value(&answers).map_err(|(field, message)| invalid(field, message))?;
    let text = super::json::stringify(&answers).map_err(|message| invalid(String::new(), message))?;
    let mut answers = super::json::answers_from_json(&text).map_err(|e| JsError::new(&e.to_string()))?;
    if answers.today.is_none() {
        answers.today = Some(super::today());
    }
    let recommendation = engine::recommend(&answers, &clinic_rules(), lang).map_err(|e| JsError::new(&e.to_string()))?;
    recommendation
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("recommend(): {e}")))
}

/// `mount()`'s configuration: the same settings, under the same names, as the app's query
/// parameters (and `clinic.json`, where `lang` is `default_lang`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MountConfig {
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    booking_url: Option<String>,
    #[serde(default)]
    clinic_name: Option<String>,
    #[serde(default)]
    contact: Option<String>,
    #[serde(default)]
    accent: Option<String>,
    #[serde(default)]
    partner: Option<String>,
}

/// Where the finder's own files are; `finder-api.js` fills it in.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MountAssets {
    /// The finder's stylesheet, loaded inside the shadow root.
    #[serde(default)]
    stylesheet: Option<String>,
    /// The finder's own page, which "Copy link" links to.
    #[serde(default)]
    app_url: Option<String>,
}

/// A mounted finder.
#[wasm_bindgen]
pub struct FinderHandle {
    app: Option<AppHandle<App>>,
    container: Element,
}

#[wasm_bindgen]
impl FinderHandle {
    /// Unmounts the finder and removes everything it added to the element. Calling it
    /// again does nothing.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            self.container.remove();
        }
    }
}

/// Renders the finder into `element`. Settings with a wrong value are reported on the
/// console and fall back to their default, as in `clinic.json`; an unknown setting or a
/// target that is not an element throws.
#[wasm_bindgen]
pub fn mount(element: JsValue, config: JsValue, assets: JsValue) -> Result<FinderHandle, JsError> {
    super::crash::install();
    let element: Element = element.dyn_into().map_err(|_| JsError::new("mount(): element: is not a DOM element"))?;
    let settings: MountConfig = read_optional(config).map_err(|e| JsError::new(&format!("mount(): config: {e}")))?;
    let assets: MountAssets = read_optional(assets).map_err(|e| JsError::new(&format!("mount(): assets: {e}")))?;
    let window = web_sys::window().ok_or_else(|| JsError::new("mount(): needs a browser window"))?;
    let origin = window.location().origin().unwrap_or_default();

    let query: Vec<(String, String)> = [
        ("lang", settings.lang),
        ("booking_url", settings.booking_url),
        ("clinic_name", settings.clinic_name),
        ("contact", settings.contact),
        ("accent", settings.accent),
        ("partner", settings.partner),
    ]
    .into_iter()
    .filter_map(|(key, value)| Some((key.to_string(), value?)))
    .collect();
    // Over the clinic's own settings, whose problems `loadClinic` has already reported.
    let file = CLINIC.with(|c| c.borrow().as_ref().and_then(|c| c.file.clone()));
    // The page's own code calls mount(): it answers for these settings, as a partner page
    // answers for its widget's attributes.
    let (config, issues) =
        config::resolve_read(file.as_deref().map(super::json::read_clinic_file), &query, config::QuerySource::Embedder, &origin);
    for issue in issues.iter().filter(|issue| issue.origin == config::Origin::Query) {
        super::error(&format!("treatment finder mount(): config: {}: {}", issue.field, issue.message));
    }

    let (container, root) = shadow_container(&element, assets.stylesheet.as_deref())
        .map_err(|_| JsError::new("mount(): could not add the finder to the element"))?;
    let app_url = assets.app_url.unwrap_or_else(|| format!("{origin}/"));
    let event = |name: &'static str| {
        let target = element.clone();
        Callback::from(move |treatment: Treatment| dispatch(&target, name, treatment))
    };
    let lang = config.default_lang.or_else(super::browser_lang).unwrap_or_default();
    let props = AppProps {
        config: Rc::new(config),
        rules: clinic_rules(),
        today: Some(super::today()),
        lang: Some(lang),
        resume: super::load_saved().map(|saved| Resume { draft: saved.draft, step: saved.step, remember: true, offer: None }),
        first_screen: None,
        onresult: event("treatment-finder:result"),
        onbook: event("treatment-finder:book"),
        onlang: Callback::noop(),
        placement: Placement::Element { app_url: app_url.into() },
    };
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    Ok(FinderHandle { app: Some(app), container })
}

/// A `<div>` appended to `element`, with an open shadow root holding the stylesheet and the
/// element the app renders into: the page's CSS cannot restyle the finder, and the finder's
/// CSS (which styles `body`, headings, forms) cannot restyle the page.
fn shadow_container(element: &Element, stylesheet: Option<&str>) -> Result<(Element, Element), JsValue> {
    let document = element.owner_document().ok_or(JsValue::NULL)?;
    let container = document.create_element("div")?;
    container.set_attribute("data-treatment-finder", "")?;
    let shadow = container.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let root = document.create_element("div")?;
    if let Some(href) = stylesheet {
        let link = document.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", href)?;
        // Hidden until the stylesheet is there, rather than flashing unstyled.
        if let Some(root) = root.dyn_ref::<HtmlElement>() {
            root.style().set_property("visibility", "hidden")?;
            for event in ["load", "error"] {
                let root = root.clone();
                gloo::events::EventListener::once(&link, event, move |_| {
                    let _ = root.style().remove_property("visibility");
                })
                .forget();
            }
        }
        shadow.append_child(&link)?;
    }
    shadow.append_child(&root)?;
    element.append_child(&container)?;
    Ok((container, root))
}

/// Dispatches `name` on `target`, bubbling and crossing shadow roots, with
/// `detail: { treatment }` (nothing else).
fn dispatch(target: &Element, name: &str, treatment: Treatment) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &JsValue::from_str("treatment"), &JsValue::from_str(treatment.id()));
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// Reads an optional options object: `undefined` and `null` give the defaults. Every key is
/// read, so a misspelt option is refused rather than ignored.
fn read_optional<T: Default + for<'de> Deserialize<'de>>(value: JsValue) -> Result<T, String> {
    super::json::from_js_value(&value)
}
