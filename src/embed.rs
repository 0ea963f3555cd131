//! The embed protocol: the query parameters that put the app in embed mode, and the
//! messages it exchanges with the loader (`www/embed.js`) on a partner's page.
//!
//! Pure: `web::embed` reads the query, posts and receives these values; the loader speaks
//! the same schema in JavaScript (docs/embedding.md). A message carries the widget's id
//! and a type, plus a height, a treatment or a language: never an answer.
//!
//! ```json
//! { "protocol": "treatment-finder", "version": 1, "widget": "tf1-9c2e4a", "type": "ready" }
//! { "protocol": "treatment-finder", "version": 1, "widget": "tf1-9c2e4a", "type": "resize", "height": 812 }
//! { "protocol": "treatment-finder", "version": 1, "widget": "tf1-9c2e4a", "type": "result", "treatment": "both" }
//! { "protocol": "treatment-finder", "version": 1, "widget": "tf1-9c2e4a", "type": "book", "treatment": "both" }
//! { "protocol": "treatment-finder", "version": 1, "widget": "tf1-9c2e4a", "type": "lang", "lang": "fr" }
//! { "protocol": "treatment-finder", "version": 1, "widget": "tf1-9c2e4a", "type": "settings",
//!   "settings": { "booking_url": "https://clinic.example/book", "clinic_name": null, "accent": "#7a4b94", "contact": null,
//!                 "partner": "salon-bella" } }
//! ```
//! The first four go from the app to the partner page. `lang` goes both ways: from the
//! loader, the element's `lang` attribute changed; from the app, the language it now speaks
//! (the visitor switched, or the page asked), so the loader titles the iframe in it.
//! `settings` goes from the loader to the app: another attribute changed, and the app takes
//! the new values (`null`: not set) without starting again, so the visitor keeps their answers.

use serde::{Deserialize, Serialize};

use crate::engine::{Lang, Treatment};

/// The `protocol` of every message.
pub const PROTOCOL: &str = "treatment-finder";
/// The schema's version; a message with another version is ignored.
pub const VERSION: u32 = 1;

/// The most a message from the partner page may hold, as JSON text: a `settings` message with
/// every attribute at its longest ([`crate::config::MAX_SETTING_CHARS`] each) is under it. A
/// bigger one is ignored with a console error, before it is read.
pub const MAX_MESSAGE_CHARS: usize = 32 * 1024;

/// The longest widget id accepted (the loader's ids are about 16 characters).
const MAX_WIDGET_ID: usize = 64;

/// Where the app is embedded: its widget id and the partner page's origin, the only
/// target its messages are posted to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    pub widget: String,
    /// `http(s)://host[:port]`, lower case.
    pub parent_origin: String,
}

/// A problem with the embed parameters, named after the parameter (`parent_origin`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    pub param: &'static str,
    pub message: String,
}

impl std::fmt::Display for ParamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "treatment finder embed: query parameter: {}: {}", self.param, self.message)
    }
}

impl Embed {
    /// Reads `embed` and `parent_origin` from the query: `Ok(None)` when the page is not
    /// embedded (no `embed` parameter), an error naming the parameter when either is invalid
    /// (the app then runs without talking to the partner page).
    pub fn from_query(query: &[(String, String)]) -> Result<Option<Embed>, ParamError> {
        let get = |key: &str| query.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        let Some(widget) = get("embed") else { return Ok(None) };
        if !is_widget_id(widget) {
            return Err(ParamError {
                param: "embed",
                message: format!("{widget:?} is not a widget id (1 to {MAX_WIDGET_ID} letters, digits, '-' or '_'); the partner page is not told anything"),
            });
        }
        let origin = get("parent_origin").ok_or_else(|| ParamError {
            param: "parent_origin",
            message: "is missing; the partner page is not told anything".into(),
        })?;
        let parent_origin = check_origin(origin).map_err(|why| ParamError {
            param: "parent_origin",
            message: format!("{origin:?} {why}; the partner page is not told anything"),
        })?;
        Ok(Some(Embed { widget: widget.to_string(), parent_origin }))
    }

    /// A message from this widget to the partner page.
    pub fn message(&self, event: Event) -> Message<'_> {
        Message { protocol: PROTOCOL, version: VERSION, widget: &self.widget, event }
    }

    /// What an incoming message asks for, when it is a well-formed message for this widget;
    /// `None` for anything else. (The caller has already checked its origin and source.)
    pub fn command(&self, incoming: Incoming) -> Option<Command> {
        let ours = incoming.protocol == PROTOCOL && incoming.version == VERSION && incoming.widget == self.widget;
        if !ours {
            return None;
        }
        // Each type has its own field, and only that one.
        match (incoming.kind, incoming.lang, incoming.settings) {
            (IncomingKind::Lang, Some(lang), None) => Some(Command::SetLang(lang)),
            (IncomingKind::Settings, None, Some(settings)) => Some(Command::SetSettings(settings)),
            _ => None,
        }
    }
}

/// One message from the app to the partner page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Message<'a> {
    pub protocol: &'static str,
    pub version: u32,
    pub widget: &'a str,
    #[serde(flatten)]
    pub event: Event,
}

/// What the app tells the partner page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// The finder is on screen.
    Ready,
    /// The finder's document is `height` CSS pixels tall: size the iframe to it.
    Resize { height: u32 },
    /// The result screen shows this treatment.
    Result { treatment: Treatment },
    /// The visitor followed the Book link for this treatment.
    Book { treatment: Treatment },
    /// The finder speaks `lang` (at first, and after each switch).
    Lang { lang: Lang },
}

/// A message from the loader, as received. Unknown fields are refused, so a message that
/// does not follow the schema exactly is ignored.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incoming {
    pub protocol: String,
    pub version: u32,
    pub widget: String,
    #[serde(rename = "type")]
    pub kind: IncomingKind,
    /// With `lang` only.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// With `settings` only.
    #[serde(default)]
    pub settings: Option<Settings>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncomingKind {
    /// The element's `lang` attribute changed.
    Lang,
    /// Another of the element's attributes changed.
    Settings,
}

/// The element's settings, as the loader checked them: each is what the query parameter of
/// the same name would be, or `None` when the attribute is not set (or not valid).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub booking_url: Option<String>,
    pub clinic_name: Option<String>,
    pub accent: Option<String>,
    pub contact: Option<String>,
    /// The element's `partner` (left out by an older loader: the same as `null`).
    #[serde(default)]
    pub partner: Option<String>,
}

impl Settings {
    /// The query parameters the settings stand for.
    pub const KEYS: [&'static str; 5] = ["booking_url", "clinic_name", "accent", "contact", "partner"];

    /// `query` with these settings in place of its own (the app's configuration reads the
    /// result as it reads its page's address).
    pub fn over(&self, query: &[(String, String)]) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> =
            query.iter().filter(|(k, _)| !Self::KEYS.contains(&k.as_str())).cloned().collect();
        let values = [&self.booking_url, &self.clinic_name, &self.accent, &self.contact, &self.partner];
        for (key, value) in Self::KEYS.iter().zip(values) {
            if let Some(value) = value {
                out.push((key.to_string(), value.clone()));
            }
        }
        out
    }
}

/// What the loader can ask of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    SetLang(Lang),
    SetSettings(Settings),
}

fn is_widget_id(id: &str) -> bool {
    (1..=MAX_WIDGET_ID).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Accepts a serialized `http:` or `https:` origin (`https://partner.example:8443`): a host,
/// an optional port, and nothing else. Returns it in lower case.
fn check_origin(origin: &str) -> Result<String, &'static str> {
    const NOT_AN_ORIGIN: &str = "is not an origin (http(s)://host[:port], with nothing after)";
    let lower = origin.to_ascii_lowercase();
    let authority = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or("is not an http: or https: origin")?;
    let port = if let Some(v6) = authority.strip_prefix('[') {
        // An IPv6 literal: [::1]:8080
        let (addr, after) = v6.split_once(']').ok_or(NOT_AN_ORIGIN)?;
        if addr.is_empty() || !addr.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.') {
            return Err(NOT_AN_ORIGIN);
        }
        match after {
            "" => None,
            after => Some(after.strip_prefix(':').ok_or(NOT_AN_ORIGIN)?),
        }
    } else {
        let (host, port) = match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        if host.is_empty() || !host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.') {
            return Err(NOT_AN_ORIGIN);
        }
        port
    };
    if let Some(port) = port {
        let digits = (1..=5).contains(&port.len()) && port.bytes().all(|b| b.is_ascii_digit());
        if !digits || port.parse::<u32>().map_or(true, |p| p > 65_535) {
            return Err(NOT_AN_ORIGIN);
        }
    }
    Ok(lower)
}

// Host-only: these tests read JSON with serde_json, which is not a wasm32 dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn embed(widget: &str, origin: &str) -> Result<Option<Embed>, ParamError> {
        Embed::from_query(&query(&[("lang", "fr"), ("embed", widget), ("parent_origin", origin)]))
    }

    /// The message size limit never refuses a real `settings` message: every attribute at
    /// the longest a setting may be, in characters JSON text counts twice (UTF-16), fits.
    #[test]
    fn the_longest_settings_message_is_under_the_limit() {
        let longest = "😀".repeat(crate::config::MAX_SETTING_CHARS);
        let settings = serde_json::json!({ "booking_url": longest, "clinic_name": longest, "accent": longest, "contact": longest, "partner": longest });
        let message = serde_json::json!({
            "protocol": PROTOCOL, "version": VERSION, "widget": "w".repeat(MAX_WIDGET_ID), "type": "settings", "settings": settings,
        });
        let utf16 = message.to_string().encode_utf16().count();
        assert!(utf16 <= MAX_MESSAGE_CHARS, "{utf16} > {MAX_MESSAGE_CHARS}");
    }

    #[test]
    fn no_embed_parameter_means_a_plain_page() {
        assert_eq!(Embed::from_query(&query(&[("lang", "fr"), ("parent_origin", "https://a.example")])), Ok(None));
    }

    #[test]
    fn valid_parameters() {
        for (origin, normalized) in [
            ("https://partner.example", "https://partner.example"),
            ("HTTP://Partner.Example:8080", "http://partner.example:8080"),
            ("http://127.0.0.1:43123", "http://127.0.0.1:43123"),
            ("http://[::1]:8080", "http://[::1]:8080"),
            ("https://xn--clinique-lcla.example", "https://xn--clinique-lcla.example"),
        ] {
            let got = embed("tf1-a9F_3", origin).unwrap().unwrap();
            assert_eq!(got, Embed { widget: "tf1-a9F_3".into(), parent_origin: normalized.into() }, "{origin}");
        }
    }

    #[test]
    fn invalid_parent_origins_are_refused_by_name() {
        for origin in [
            "",
            "null",
            "*",
            "javascript:alert(1)",
            "file://",
            "ftp://partner.example",
            "https://",
            "https://partner.example/",
            "https://partner.example/page",
            "https://partner.example?x=1",
            "https://partner.example#x",
            "https://user@partner.example",
            "https://partner.example:",
            "https://partner.example:99999",
            "https://partner.example:80:80",
            "https://partner .example",
            "https://[::1",
        ] {
            let err = embed("tf1", origin).unwrap_err();
            assert_eq!(err.param, "parent_origin", "{origin:?}");
            assert!(err.to_string().starts_with("treatment finder embed: query parameter: parent_origin: "), "{err}");
        }
        let err = Embed::from_query(&query(&[("embed", "tf1")])).unwrap_err();
        assert_eq!((err.param, err.message.starts_with("is missing")), ("parent_origin", true));
    }

    #[test]
    fn invalid_widget_ids_are_refused_by_name() {
        for id in ["", "a b", "<script>", "tf1/..", &"x".repeat(65)] {
            assert_eq!(embed(id, "https://a.example").unwrap_err().param, "embed", "{id:?}");
        }
    }

    #[test]
    fn new_settings_replace_those_of_the_address_and_keep_the_rest() {
        let address = query(&[("lang", "fr"), ("embed", "tf1"), ("booking_url", "https://old.example/"), ("accent", "#111111")]);
        for (settings, expected) in [
            (Settings::default(), query(&[("lang", "fr"), ("embed", "tf1")])),
            (
                Settings { clinic_name: Some("Clinique".into()), accent: Some("#222222".into()), ..Settings::default() },
                query(&[("lang", "fr"), ("embed", "tf1"), ("clinic_name", "Clinique"), ("accent", "#222222")]),
            ),
            (
                Settings { booking_url: Some("https://new.example/".into()), contact: Some("514".into()), ..Settings::default() },
                query(&[("lang", "fr"), ("embed", "tf1"), ("booking_url", "https://new.example/"), ("contact", "514")]),
            ),
            (
                Settings { partner: Some("salon-bella".into()), ..Settings::default() },
                query(&[("lang", "fr"), ("embed", "tf1"), ("partner", "salon-bella")]),
            ),
        ] {
            assert_eq!(settings.over(&address), expected, "{settings:?}");
        }
    }

    #[test]
    fn outgoing_messages_follow_the_schema() {
        let e = Embed { widget: "tf1-abc".into(), parent_origin: "https://a.example".into() };
        let json = |event| serde_json::to_value(e.message(event)).unwrap();
        let head = r#""protocol":"treatment-finder","version":1,"widget":"tf1-abc""#;
        for (event, expected) in [
            (Event::Ready, format!(r#"{{{head},"type":"ready"}}"#)),
            (Event::Resize { height: 812 }, format!(r#"{{{head},"type":"resize","height":812}}"#)),
            (Event::Result { treatment: Treatment::Both }, format!(r#"{{{head},"type":"result","treatment":"both"}}"#)),
            (Event::Book { treatment: Treatment::Consult }, format!(r#"{{{head},"type":"book","treatment":"consult"}}"#)),
            (Event::Lang { lang: Lang::Fr }, format!(r#"{{{head},"type":"lang","lang":"fr"}}"#)),
        ] {
            assert_eq!(json(event), serde_json::from_str::<serde_json::Value>(&expected).unwrap());
        }
    }

    #[test]
    fn incoming_messages_must_match_exactly() {
        let e = Embed { widget: "tf1-abc".into(), parent_origin: "https://a.example".into() };
        let read = |text: &str| serde_json::from_str::<Incoming>(text).ok().and_then(|m| e.command(m));
        let ok = r#"{"protocol":"treatment-finder","version":1,"widget":"tf1-abc","type":"lang","lang":"fr"}"#;
        assert_eq!(read(ok), Some(Command::SetLang(Lang::Fr)));
        let settings = r##"{"protocol":"treatment-finder","version":1,"widget":"tf1-abc","type":"settings",
            "settings":{"booking_url":"https://b.example/x","clinic_name":null,"accent":"#123456","contact":null}}"##;
        let expected = Settings {
            booking_url: Some("https://b.example/x".into()),
            accent: Some("#123456".into()),
            ..Settings::default()
        };
        assert_eq!(read(settings), Some(Command::SetSettings(expected)));
        for bad in [
            r#"{"protocol":"treatment-finder","version":1,"widget":"tf1-abc","type":"settings","lang":"fr"}"#,
            r#"{"protocol":"treatment-finder","version":1,"widget":"tf1-abc","type":"lang","lang":"fr","settings":{}}"#,
            r#"{"protocol":"treatment-finder","version":1,"widget":"tf1-abc","type":"settings","settings":{"age":40}}"#,
            r#"{"protocol":"treatment-finder","version":1,"widget":"tf2-xyz","type":"settings","settings":{}}"#,
            r#"{"protocol":"treatment-finder","version":1,"widget":"tf1-abc","type":"settings","settings":{"accent":5}}"#,
            r#"{"protocol":"treatment-finder","version":2,"widget":"tf1-abc","type":"lang","lang":"fr"}"#,
            r#"{"protocol":"other","version":1,"widget":"tf1-abc","type":"lang","lang":"fr"}"#,
            r#"{"protocol":"treatment-finder","version":1,"widget":"tf2-xyz","type":"lang","lang":"fr"}"#,
            r#"{"protocol":"treatment-finder","version":1,"widget":"tf1-abc","type":"lang","lang":"de"}"#,
            r#"{"protocol":"treatment-finder","version":1,"widget":"tf1-abc","type":"result","lang":"fr"}"#,
            r#"{"protocol":"treatment-finder","version":1,"widget":"tf1-abc","type":"lang","lang":"fr","age":40}"#,
            r#"{"protocol":"treatment-finder","version":1,"widget":"tf1-abc","type":"lang"}"#,
            r#""lang""#,
        ] {
            assert_eq!(read(bad), None, "{bad}");
        }
    }
}
