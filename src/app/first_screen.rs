//! The first screen before the WebAssembly arrives.
//!
//! On a phone most of the wait for the finder is the download of its WebAssembly. So the
//! built page already holds the first step, drawn at build time by these same components
//! with Yew's server renderer (`render`, run by `src/bin/prerender.rs` after each build),
//! once per language, in `<template>` elements. `www/first.js` shows the visitor's language
//! at once: the goals can be ticked, the language switched and "Next" pressed while the
//! WebAssembly loads. When the app starts, `web::first_screen::take` reads what the visitor
//! did there ([`FirstScreen`]), removes it, and the app carries on from it: nothing the
//! visitor ticked is lost.
//!
//! The drawing uses the clinic's `clinic.json` (name, language, colours) and the default rules
//! as they were at build time. What only the running app knows (a `rules_url`, the widget's
//! attributes, a `clinic.json` edited after the build) applies when it takes over.

use crate::engine::{Goal, Lang};

/// What the visitor did on the first screen before the app took over.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FirstScreen {
    /// The language shown when the app took over.
    pub lang: Option<Lang>,
    /// Whether the visitor chose that language with the switch (it then wins over the
    /// clinic's and the browser's).
    pub lang_chosen: bool,
    /// The goals ticked, in the questionnaire's order.
    pub goals: Vec<Goal>,
    /// "Remember my answers on this device" ticked.
    pub remember: bool,
    /// "Next" was pressed: the app continues as if it were pressed again.
    pub next: bool,
    /// The element that had keyboard focus, as a selector the app focuses again (an id,
    /// or the language switch).
    pub focus: Option<String>,
}

/// The page's ids and classes shared with `www/first.js`: a change here must be made there.
pub mod markers {
    /// The element that holds the shown first screen.
    pub const ROOT_ID: &str = "tf-first";
    /// The template of one language's first screen: this prefix and the language code.
    pub const TEMPLATE_ID_PREFIX: &str = "tf-first-";
    /// Set on the root by `first.js` when the visitor used the language switch.
    pub const LANG_CHOSEN_ATTR: &str = "data-lang-chosen";
    /// Set on the root by `first.js` when the visitor pressed "Next".
    pub const NEXT_ATTR: &str = "data-next";
    /// The template of one language's message for when the app cannot start: this prefix
    /// and the language code.
    pub const CANNOT_START_TEMPLATE_ID_PREFIX: &str = "tf-cannot-start-";
}

#[cfg(not(target_arch = "wasm32"))]
pub use host::{insert_into_page, render, render_page};

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use std::rc::Rc;

    use super::markers;
    use crate::app::i18n::{t, Key};
    use crate::app::{App, AppProps};
    use crate::config::Config;
    use crate::engine::{Date, Lang, Rules};

    /// The app's first screen in `lang`, as HTML: what `App` draws before any answer.
    pub fn render(lang: Lang, config: &Config, rules: &Rules) -> String {
        let props = AppProps {
            config: Rc::new(config.clone()),
            rules: Rc::new(rules.clone()),
            // The first step shows no date until "An upcoming event" is ticked, and then the
            // running app draws it; any fixed date will do here.
            today: Date::from_ymd(2026, 1, 1),
            lang: Some(lang),
            resume: None,
            first_screen: None,
            onresult: Default::default(),
            onbook: Default::default(),
            onlang: Default::default(),
            placement: Default::default(),
        };
        let renderer = yew::LocalServerRenderer::<App>::with_props(props).hydratable(false);
        futures::executor::block_on(renderer.render())
    }

    /// The templates and the script tag to add to the page: both languages' first screens,
    /// and what `first.js` shows instead of the app if the app cannot start.
    pub fn render_page(config: &Config, rules: &Rules) -> String {
        let mut out = String::new();
        for lang in [Lang::En, Lang::Fr] {
            out.push_str(&format!(
                "<template id=\"{}{}\" data-title=\"{}\">{}</template>\n",
                markers::TEMPLATE_ID_PREFIX,
                lang.code(),
                escape(t(lang, Key::AppTitle)),
                render(lang, config, rules)
            ));
            out.push_str(&format!(
                "<template id=\"{}{}\"><p lang=\"{}\" class=\"cannot-start\" role=\"alert\">{}</p></template>\n",
                markers::CANNOT_START_TEMPLATE_ID_PREFIX,
                lang.code(),
                lang.code(),
                escape(t(lang, Key::CannotStart))
            ));
        }
        // A classic script at the end of the body runs before the page is first painted. It
        // gets the clinic's language and colours (validated: `#rrggbb`) as the app sets them.
        let default_lang = config.default_lang.map_or("", Lang::code);
        out.push_str(&format!(
            "<script src=\"first.js\" data-default-lang=\"{default_lang}\" data-accent=\"{}\" data-accent-text=\"{}\"></script>\n",
            escape(&config.accent.color),
            escape(&config.accent.text)
        ));
        out
    }

    /// `page` (the built index.html) with `insert` added at the end of its body.
    pub fn insert_into_page(page: &str, insert: &str) -> Result<String, String> {
        if page.contains(markers::TEMPLATE_ID_PREFIX) {
            return Err("the page already has a first screen".into());
        }
        let end = page.rfind("</body>").ok_or("the page has no </body>")?;
        Ok(format!("{}{insert}{}", &page[..end], &page[end..]))
    }

    /// `text` safe in an attribute value in double quotes, or as an element's text.
    fn escape(text: &str) -> String {
        text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
    }
}
