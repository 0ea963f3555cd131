//! The clinic's configuration: `clinic.json` plus query-parameter overrides, validated
//! into a [`Config`] the app can trust.
//!
//! Pure: the boundary module (`web`) fetches the file and reads the query; everything
//! here is plain data in, data out, so it is tested on the host. A bad value never stops
//! the app: it becomes an [`Issue`] (which `web` prints to the console) and the field
//! falls back to its default.

use std::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::engine::Lang;

/// The `clinic.json` contract. Every field is optional; an unknown key is reported and
/// ignored (so a typo such as `booking_ulr` is visible in the console, not silent). The
/// texts a visitor reads (`clinic_name`, `contact`) are a string for both languages or
/// `{ "en": "…", "fr": "…" }`; the other settings are strings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClinicFile {
    /// Shown above the page heading and in calendar entries.
    pub clinic_name: Option<ClinicText>,
    /// Where "Book a consultation" leads: an `http:` or `https:` URL. The app adds only
    /// `treatment` and `lang` query parameters, never health answers.
    pub booking_url: Option<String>,
    /// How to reach the clinic, shown when the clinic should see the visitor first.
    pub contact: Option<ClinicText>,
    /// The brand colour, `#rgb` or `#rrggbb`.
    pub accent: Option<String>,
    /// `en` or `fr`; otherwise the browser's language decides.
    pub default_lang: Option<String>,
    /// A rules file on this site (a relative path or a same-origin URL).
    pub rules_url: Option<String>,
}

/// A clinic text the visitor reads, in each language: `clinic.json` gives one string for
/// both or `{ "en": "…", "fr": "…" }`, so that the French page never shows English contact
/// details (« 514 555-0100, de 9 h à 17 h »). A query parameter or a widget attribute is one
/// string, for both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClinicText {
    pub en: String,
    pub fr: String,
}

impl ClinicText {
    /// The same text in both languages.
    pub fn same(text: &str) -> ClinicText {
        ClinicText { en: text.to_string(), fr: text.to_string() }
    }

    /// The text in `lang` (empty when the clinic gave none).
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }

    fn trimmed(self) -> ClinicText {
        ClinicText { en: self.en.trim().to_string(), fr: self.fr.trim().to_string() }
    }
}

/// The validated configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub clinic_name: ClinicText,
    /// `None` when no valid booking URL was given: the Book button is then hidden.
    pub booking_url: Option<String>,
    pub contact: ClinicText,
    pub accent: Accent,
    pub default_lang: Option<Lang>,
    pub rules_url: Option<String>,
    /// The partner whose widget (or no-script link) the visitor came through, for the clinic's
    /// statistics: the Book link then carries `utm_source=<partner>&utm_medium=partner-widget`
    /// ([`booking_href`]). Checked by [`is_partner_name`]; never from `clinic.json`.
    pub partner: Option<String>,
}

/// The longest partner name (`partner`); see [`is_partner_name`].
pub const MAX_PARTNER_CHARS: usize = 40;

/// `utm_medium` on the Book link of a partner's finder.
pub const PARTNER_MEDIUM: &str = "partner-widget";

/// A partner name: 1 to [`MAX_PARTNER_CHARS`] ASCII letters, digits, `-` or `_`, so that it
/// goes into the Book link's query as it is, with nothing to escape (`www/embed.js` checks the
/// element's `partner` attribute the same way).
pub fn is_partner_name(name: &str) -> bool {
    (1..=MAX_PARTNER_CHARS).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The accent colour and the text colour that reads on it (WCAG AA, 4.5:1 when possible).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accent {
    /// `#rrggbb`.
    pub color: String,
    /// `#ffffff` or [`DARK_TEXT`], whichever contrasts more with `color`.
    pub text: String,
}

/// The default accent: a calm teal that carries white text at 5.9:1.
pub const DEFAULT_ACCENT: &str = "#2f6b66";
/// The dark text colour used on light accents.
pub const DARK_TEXT: &str = "#1b1b1b";

impl Default for Accent {
    fn default() -> Self {
        Accent::from_hex(DEFAULT_ACCENT).unwrap_or(Accent { color: DEFAULT_ACCENT.into(), text: "#ffffff".into() })
    }
}

impl Accent {
    /// Reads `#rgb` or `#rrggbb` (any case) and picks the readable text colour.
    pub fn from_hex(text: &str) -> Option<Accent> {
        let rgb = parse_hex(text)?;
        let color = format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
        let on_white = contrast(rgb, [255, 255, 255]);
        let on_dark = contrast(rgb, parse_hex(DARK_TEXT)?);
        let text = if on_white >= 4.5 || on_white >= on_dark { "#ffffff" } else { DARK_TEXT };
        Some(Accent { color, text: text.into() })
    }
}

/// Where a setting came from, so a message can say which one to fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    File,
    Query,
}

/// Something wrong in the configuration. The app still runs, with the default for `field`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub origin: Origin,
    pub field: String,
    pub message: String,
    /// Unknown keys are warnings; invalid values are errors.
    pub is_error: bool,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = match self.origin {
            Origin::File => "clinic.json",
            Origin::Query => "query parameter",
        };
        write!(f, "treatment finder configuration: {place}: {}: {}", self.field, self.message)
    }
}

/// The query parameters that can override `clinic.json`, and the field each one sets.
/// Which of them a page takes depends on who wrote its address ([`QuerySource`]).
pub const QUERY_KEYS: [(&str, &str); 7] = [
    ("clinic_name", "clinic_name"),
    ("booking_url", "booking_url"),
    ("contact", "contact"),
    ("accent", "accent"),
    ("lang", "default_lang"),
    ("rules", "rules_url"),
    ("partner", "partner"),
];

/// Who wrote the query parameters, which decides what they may change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuerySource {
    /// The address of the finder's own page: anyone can send such a link, so it may choose
    /// the language, and tag the partner it came from (a partner's no-script iframe or link:
    /// the tag adds `utm_source` to the Book link for the clinic's statistics, but changes
    /// neither where it leads nor anything the visitor reads). Where the visitor books, whom
    /// they call, the clinic's name, its colours and its rules come only from `clinic.json`.
    Link,
    /// A partner's widget (the `<treatment-finder>` element's attributes, which `embed.js`
    /// puts in its iframe's address and sends in `settings` messages) or `mount()` on the
    /// clinic's own pages: the page that wrote them is accountable for them, so they may
    /// also set the booking link, the contact text, the clinic's name and the accent. The
    /// rules still come only from `clinic.json`.
    Embedder,
}

impl QuerySource {
    /// The query parameters this source may set.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            QuerySource::Link => &["lang", "partner"],
            QuerySource::Embedder => &["lang", "booking_url", "clinic_name", "contact", "accent", "partner"],
        }
    }
}

/// The most a `clinic.json` may weigh (the example is under 1 KB). A bigger file is refused
/// whole, before it is parsed, and the defaults are used.
pub const MAX_CLINIC_FILE_BYTES: usize = 64 * 1024;

/// The longest value a setting may have, from `clinic.json`, a query parameter or a widget's
/// attribute (a contact text of a few sentences is under 300). A longer one is refused and
/// that setting falls back to its default.
pub const MAX_SETTING_CHARS: usize = 2_000;

/// `clinic.json` as a JSON parser read it: its top-level settings, or why it could not be
/// read. The host reads the text with serde_json ([`read_file`]); the browser with its own
/// `JSON.parse` (`web::json::read_clinic_file`), so the app ships no JSON parser.
pub type FileRead = Result<FileEntries, FileError>;

/// Why `clinic.json` could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON, with the parser's message.
    NotJson(String),
    /// JSON, but not an object.
    NotAnObject,
    /// Over [`MAX_CLINIC_FILE_BYTES`]: its size in bytes (not read at all).
    TooLarge(usize),
}

/// Refuses a `clinic.json` over [`MAX_CLINIC_FILE_BYTES`] before any parser reads it.
pub fn check_file_size(text: &str) -> Result<(), FileError> {
    if text.len() > MAX_CLINIC_FILE_BYTES {
        return Err(FileError::TooLarge(text.len()));
    }
    Ok(())
}

/// The top-level entries of `clinic.json`, in the file's order. Any value is accepted here,
/// so that a wrong one costs only its own setting. (A list, not a map: a `BTreeMap` would
/// add about 3 KB to the app for six keys.)
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileEntries(Vec<(String, Entry)>);

/// One entry's value: text, `null` (the same as leaving it out), or what was wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Text(String),
    /// An object: a text in each language (`{ "en": "…", "fr": "…" }`), or why it is not one.
    /// Only the visitor's texts take it (`clinic_name`, `contact`).
    Texts(Result<ClinicText, String>),
    Null,
    /// serde's message, such as "invalid type: integer `42`, expected a string".
    Invalid(String),
}

/// Reads `clinic.json` (when there is one) and applies the query's overrides that `source`
/// may make. `origin` is the page's origin (`https://clinic.example`), used to keep the rules
/// file on this site.
#[cfg(not(target_arch = "wasm32"))]
pub fn resolve(file: Option<&str>, query: &[(String, String)], source: QuerySource, origin: &str) -> (Config, Vec<Issue>) {
    resolve_read(file.map(read_file), query, source, origin)
}

/// Reads `clinic.json`'s text with serde_json.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_file(text: &str) -> FileRead {
    check_file_size(text)?;
    serde_json::from_str::<FileEntries>(text).map_err(|e| match e.classify() {
        // Every value is accepted, so a data error can only be the document's own type.
        serde_json::error::Category::Data => FileError::NotAnObject,
        _ => FileError::NotJson(e.to_string()),
    })
}

/// [`resolve`] with the file already read by a JSON parser.
pub fn resolve_read(
    file: Option<FileRead>,
    query: &[(String, String)],
    source: QuerySource,
    origin: &str,
) -> (Config, Vec<Issue>) {
    let mut issues = Vec::new();
    let mut raw = match file {
        Some(read) => file_settings(read, &mut issues),
        None => ClinicFile::default(),
    };
    let mut from_query = Vec::new();
    // Not a clinic setting: only a widget, `mount()` or a link sets it.
    let mut partner = None;
    for (key, value) in query {
        let Some((_, field)) = QUERY_KEYS.iter().find(|(k, _)| k == key) else { continue };
        if !source.keys().contains(&key.as_str()) {
            // Said once per key, without its value: the address is the visitor's.
            if !issues.iter().any(|i: &Issue| i.origin == Origin::Query && i.field == *key) {
                issues.push(Issue {
                    origin: Origin::Query,
                    field: key.clone(),
                    message: match source {
                        QuerySource::Link => {
                            format!("is ignored: a link to the finder may set only the language (lang) and the partner (partner); {field} comes from clinic.json")
                        }
                        QuerySource::Embedder => format!("is ignored: {field} comes only from clinic.json"),
                    },
                    is_error: false,
                });
            }
            continue;
        }
        if value.chars().count() > MAX_SETTING_CHARS {
            issues.push(Issue {
                origin: Origin::Query,
                field: key.clone(),
                message: format!("is {} characters long, over the limit of {MAX_SETTING_CHARS}; it is ignored", value.chars().count()),
                is_error: true,
            });
            continue;
        }
        match *field {
            // One text, for both languages.
            "clinic_name" => raw.clinic_name = Some(ClinicText::same(value)),
            "contact" => raw.contact = Some(ClinicText::same(value)),
            "booking_url" => raw.booking_url = Some(value.clone()),
            "accent" => raw.accent = Some(value.clone()),
            "default_lang" => raw.default_lang = Some(value.clone()),
            "partner" => partner = Some(value.clone()),
            _ => raw.rules_url = Some(value.clone()),
        }
        from_query.push(*field);
    }
    let origin_of = |field: &str| if from_query.contains(&field) { Origin::Query } else { Origin::File };
    // A query parameter's problem is reported under the parameter's own name (`lang`).
    let mut error = |field: &str, message: String| {
        let origin = origin_of(field);
        let name = match origin {
            Origin::Query => QUERY_KEYS.iter().find(|(_, f)| *f == field).map_or(field, |(k, _)| k),
            Origin::File => field,
        };
        issues.push(Issue { origin, field: name.into(), message, is_error: true });
    };

    let mut config = Config {
        clinic_name: raw.clinic_name.map(ClinicText::trimmed).unwrap_or_default(),
        contact: raw.contact.map(ClinicText::trimmed).unwrap_or_default(),
        ..Config::default()
    };
    if let Some(url) = raw.booking_url.filter(|u| !u.trim().is_empty()) {
        match check_booking_url(&url) {
            Ok(url) => config.booking_url = Some(url),
            Err(why) => error("booking_url", format!("{url:?} {why}; the Book button is hidden")),
        }
    }
    if let Some(hex) = raw.accent {
        match Accent::from_hex(&hex) {
            Some(accent) => config.accent = accent,
            None => error(
                "accent",
                format!("{hex:?} is not a colour in the form #rgb or #rrggbb; using {DEFAULT_ACCENT}"),
            ),
        }
    }
    if let Some(tag) = raw.default_lang {
        match Lang::from_tag(&tag) {
            Some(lang) => config.default_lang = Some(lang),
            None => error("default_lang", format!("{tag:?} is not a supported language (en or fr); using the browser's language")),
        }
    }
    if let Some(url) = raw.rules_url.filter(|u| !u.trim().is_empty()) {
        match check_rules_url(&url, origin) {
            Ok(url) => config.rules_url = Some(url),
            Err(why) => error("rules_url", format!("{url:?} {why}; using the built-in rules")),
        }
    }
    if let Some(name) = partner.filter(|p| !p.trim().is_empty()) {
        let name = name.trim();
        if is_partner_name(name) {
            config.partner = Some(name.to_string());
        } else {
            error(
                "partner",
                format!("{name:?} is not a partner name (1 to {MAX_PARTNER_CHARS} letters, digits, '-' or '_'); the Book link names no partner"),
            );
        }
    }
    (config, issues)
}

/// The booking link for a result: the clinic's URL plus `treatment` and `lang`, and with a
/// `partner` (already checked by [`is_partner_name`]) `utm_source=<partner>` and
/// `utm_medium=partner-widget`; nothing else, never an answer. Those of the clinic's URL are
/// replaced, not repeated (its own `utm_source` and `utm_medium` only when a partner is named);
/// its other parameters and its fragment are kept as they are.
pub fn booking_href(base: &str, treatment: &str, lang: Lang, partner: Option<&str>) -> String {
    let (before_fragment, fragment) = match base.find('#') {
        Some(i) => base.split_at(i),
        None => (base, ""),
    };
    let (path, query) = before_fragment.split_once('?').unwrap_or((before_fragment, ""));
    let ours = |pair: &&str| {
        let key = pair.split('=').next().unwrap_or_default();
        key == "treatment" || key == "lang" || (partner.is_some() && (key == "utm_source" || key == "utm_medium"))
    };
    let mut pairs: Vec<&str> = query.split('&').filter(|p| !p.is_empty() && !ours(p)).collect();
    let mut added = vec![format!("treatment={treatment}"), format!("lang={}", lang.code())];
    if let Some(partner) = partner {
        added.push(format!("utm_source={partner}"));
        added.push(format!("utm_medium={PARTNER_MEDIUM}"));
    }
    pairs.extend(added.iter().map(String::as_str));
    format!("{path}?{}{fragment}", pairs.join("&"))
}

/// The WCAG contrast ratio of two sRGB colours (1.0 to 21.0).
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

fn luminance(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            pow_2_4((c + 0.055) / 1.055)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

/// `x` to the power 2.4, for `x` in (0, 1]: x² times the fifth root of x², found by Newton's
/// method. `f64::powf` would bring libm's `pow` into the WebAssembly (about 1 KB gzip) for
/// this one call; the tests check that this gives the same luminance to within 1e-15.
fn pow_2_4(x: f64) -> f64 {
    let a = x * x;
    // From y = 1, above the root since a <= 1, Newton's steps for y^5 = a fall steadily
    // towards it; the first step that does not fall is where f64 rounding stops them.
    let mut y = 1.0;
    loop {
        let next = (4.0 * y + a / (y * y * y * y)) / 5.0;
        if next >= y {
            return a * y;
        }
        y = next;
    }
}

fn parse_hex(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
    match hex.len() {
        3 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17]),
        6 => {
            let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
            Some([byte(0)?, byte(2)?, byte(4)?])
        }
        _ => None,
    }
}

/// The file's settings, dropping (and reporting) each key that is unknown or has the wrong
/// type, so one mistake costs one setting, not the whole file.
fn file_settings(read: FileRead, issues: &mut Vec<Issue>) -> ClinicFile {
    let entries = match read {
        Ok(entries) => entries,
        Err(FileError::NotAnObject) => {
            issues.push(file_error("$", "is not a JSON object; using the defaults".into()));
            return ClinicFile::default();
        }
        Err(FileError::TooLarge(bytes)) => {
            issues.push(file_error(
                "$",
                format!("is {bytes} bytes, over the limit of {MAX_CLINIC_FILE_BYTES}; it is not read, and the defaults are used"),
            ));
            return ClinicFile::default();
        }
        Err(FileError::NotJson(e)) => {
            issues.push(file_error("$", format!("is not valid JSON ({e}); using the defaults")));
            return ClinicFile::default();
        }
    };
    let mut file = ClinicFile::default();
    for (key, entry) in entries.0 {
        let too_long = match &entry {
            Entry::Text(text) => text.chars().count() > MAX_SETTING_CHARS,
            Entry::Texts(Ok(texts)) => texts.en.chars().count().max(texts.fr.chars().count()) > MAX_SETTING_CHARS,
            _ => false,
        };
        if too_long {
            issues.push(file_error(&key, format!("is over the limit of {MAX_SETTING_CHARS} characters; it is ignored")));
            continue;
        }
        // The visitor's texts: a string, or one in each language.
        let texts = match key.as_str() {
            "clinic_name" => Some(&mut file.clinic_name),
            "contact" => Some(&mut file.contact),
            _ => None,
        };
        if let Some(slot) = texts {
            match entry {
                Entry::Text(text) => *slot = Some(ClinicText::same(&text)),
                Entry::Texts(Ok(texts)) => *slot = Some(texts),
                Entry::Null => {}
                Entry::Texts(Err(message)) | Entry::Invalid(message) => {
                    issues.push(file_error(&key, format!("{message}; it is ignored")));
                }
            }
            continue;
        }
        let slot = match key.as_str() {
            "booking_url" => &mut file.booking_url,
            "accent" => &mut file.accent,
            "default_lang" => &mut file.default_lang,
            "rules_url" => &mut file.rules_url,
            _ => {
                // A blank key is quoted, so the message still points at something.
                let name = if key.trim().is_empty() { format!("{key:?}") } else { key };
                issues.push(file_warning(&name, "is not a known setting; it is ignored".into()));
                continue;
            }
        };
        match entry {
            Entry::Text(text) => *slot = Some(text),
            Entry::Null => {}
            Entry::Texts(_) => issues.push(file_error(&key, "invalid type: map, expected a string; it is ignored".into())),
            Entry::Invalid(message) => issues.push(file_error(&key, format!("{message}; it is ignored"))),
        }
    }
    file
}

impl<'de> Deserialize<'de> for FileEntries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FileEntries, D::Error> {
        deserializer.deserialize_map(EntriesVisitor)
    }
}

struct EntriesVisitor;

impl<'de> Visitor<'de> for EntriesVisitor {
    type Value = FileEntries;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FileEntries, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(FileEntries(entries))
    }
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Entry, D::Error> {
        deserializer.deserialize_any(EntryVisitor)
    }
}

struct EntryVisitor;

impl EntryVisitor {
    /// serde's "invalid type" message, written here rather than through `Unexpected`'s
    /// `Display`, which would bring Rust's float formatting (about 10 KB) into the app.
    fn invalid<E>(found: &str) -> Result<Entry, E> {
        Ok(Entry::Invalid(format!("invalid type: {found}, expected a string")))
    }
}

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = Entry;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E>(self, v: &str) -> Result<Entry, E> {
        Ok(Entry::Text(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Entry, E> {
        Ok(Entry::Text(v))
    }

    fn visit_unit<E>(self) -> Result<Entry, E> {
        Ok(Entry::Null)
    }

    fn visit_none<E>(self) -> Result<Entry, E> {
        Ok(Entry::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Entry, E> {
        Self::invalid(&format!("boolean `{v}`"))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Entry, E> {
        Self::invalid(&format!("integer `{v}`"))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Entry, E> {
        Self::invalid(&format!("integer `{v}`"))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Entry, E> {
        Self::invalid("floating point number")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entry, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Self::invalid("sequence")
    }

    /// An object: a text in each language, `{ "en": "…", "fr": "…" }`, and nothing else.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
        let (mut en, mut fr, mut other) = (None, None, false);
        while let Some(key) = map.next_key::<String>()? {
            let text = match map.next_value::<Entry>()? {
                Entry::Text(text) => Some(text),
                _ => None,
            };
            match key.as_str() {
                "en" if en.is_none() => en = text,
                "fr" if fr.is_none() => fr = text,
                _ => other = true,
            }
        }
        Ok(Entry::Texts(match (en, fr, other) {
            (Some(en), Some(fr), false) => Ok(ClinicText { en, fr }),
            _ => Err(r#"invalid value: an object, expected a string or { "en": "…", "fr": "…" } with a text in each language"#.into()),
        }))
    }
}

/// A problem in `clinic.json` that costs a setting (or the whole file).
fn file_error(field: &str, message: String) -> Issue {
    Issue { origin: Origin::File, field: field.into(), message, is_error: true }
}

/// Something in `clinic.json` that costs nothing (an unknown key, ignored).
fn file_warning(field: &str, message: String) -> Issue {
    Issue { origin: Origin::File, field: field.into(), message, is_error: false }
}

/// Accepts only absolute `http:`/`https:` URLs with a host name (and an optional port) and
/// no spaces or controls. The Book button must lead where it seems to, so no user name or
/// password (`https://clinic.example@evil.example/` goes to evil.example) and no backslash
/// (which browsers read as `/`, moving where the host name ends).
fn check_booking_url(url: &str) -> Result<String, &'static str> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = if let Some(rest) = lower.strip_prefix("https://") {
        rest
    } else if let Some(rest) = lower.strip_prefix("http://") {
        rest
    } else {
        return Err("is not an http: or https: URL");
    };
    if url.contains('\\') {
        return Err("contains a backslash, which browsers read as `/`");
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err("has a user name or password before its host name (`…@`), so it would lead elsewhere than it seems");
    }
    let host = authority.rsplit_once(':').filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit())).map_or(authority, |(host, _)| host);
    if host.is_empty() || host.starts_with('.') {
        return Err("has no host name");
    }
    if !host.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.' || c == '[' || c == ']' || c == ':') {
        return Err("has characters that cannot be in a host name");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>') {
        return Err("contains spaces or characters not allowed in a URL");
    }
    Ok(url.to_string())
}

/// The rules decide what the visitor is told, so they must come from this site: a
/// relative path, or an absolute URL on the page's own origin.
fn check_rules_url(url: &str, origin: &str) -> Result<String, &'static str> {
    let url = url.trim();
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("contains spaces or control characters");
    }
    let lower = url.to_ascii_lowercase();
    let has_scheme = lower.split(['/', '?', '#']).next().is_some_and(|first| first.contains(':'));
    // A browser reads `\` as `/` in an http(s) URL, so `/\other.example` would be another
    // site: no backslash at all (a clinic's path never needs one).
    if url.starts_with("//") || url.contains('\\') {
        return Err("points to another site; the rules file must be on this site");
    }
    if has_scheme {
        let origin = origin.trim_end_matches('/').to_ascii_lowercase();
        let same = !origin.is_empty()
            && lower.starts_with(&origin)
            && matches!(lower[origin.len()..].chars().next(), None | Some('/' | '?' | '#'));
        if !same {
            return Err("is not on this site's origin; the rules file must be on this site");
        }
    }
    Ok(url.to_string())
}

// Host-only: these tests read JSON with serde_json, which is not a wasm32 dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const ORIGIN: &str = "https://clinic.example";

    /// Resolves a file and query; `expected` lists the issues as "field: start of message".
    fn check(file: Option<&str>, query: &[(&str, &str)], expected_issues: &[&str]) -> Config {
        let query: Vec<(String, String)> = query.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let (config, issues) = resolve(file, &query, QuerySource::Embedder, ORIGIN);
        let got: Vec<String> = issues.iter().map(|i| format!("{}: {}", i.field, i.message)).collect();
        assert_eq!(got.len(), expected_issues.len(), "issues: {got:#?}");
        for (g, e) in got.iter().zip(expected_issues) {
            assert!(g.starts_with(e), "issue {g:?} should start with {e:?}");
        }
        config
    }

    #[test]
    fn a_full_valid_file() {
        let c = check(
            Some(r##"{"clinic_name":" Clinique Éclat ","booking_url":"https://book.example/c?x=1","contact":"514-555-0100","accent":"#ABC","default_lang":"fr-CA","rules_url":"rules.json"}"##),
            &[],
            &[],
        );
        assert_eq!(c.clinic_name, ClinicText::same("Clinique Éclat"));
        assert_eq!(c.booking_url.as_deref(), Some("https://book.example/c?x=1"));
        assert_eq!(c.contact, ClinicText::same("514-555-0100"));
        assert_eq!(c.accent.color, "#aabbcc");
        assert_eq!(c.default_lang, Some(Lang::Fr));
        assert_eq!(c.rules_url.as_deref(), Some("rules.json"));
    }

    #[test]
    fn no_file_gives_defaults() {
        assert_eq!(check(None, &[], &[]), Config::default());
        assert_eq!(check(Some("{}"), &[], &[]), Config::default());
    }

    #[test]
    fn booking_urls() {
        for (url, ok) in [
            ("https://book.example", true),
            ("HTTP://book.example/path?a=b", true),
            ("javascript:alert(1)", false),
            ("JavaScript:alert(1)", false),
            ("data:text/html,hi", false),
            ("ftp://book.example", false),
            ("//book.example", false),
            ("https://", false),
            ("https:///path", false),
            ("https://book.example/a b", false),
            ("book.example", false),
            ("https://book.example:8443/rdv", true),
            ("https://[2001:db8::1]/rdv", true),
            ("https://clinique-éclat.example/rdv", true),
            // A user name or password before the host: the link would go to evil.example.
            ("https://clinic.example@evil.example/", false),
            ("https://clinic.example:pw@evil.example/", false),
            ("https://@evil.example/", false),
            // Browsers read `\` as `/`, which moves where the host name ends.
            ("https://clinic.example\\@evil.example/", false),
            ("https://evil.example\\clinic.example/", false),
            ("https://book.example/path\\x", false),
            ("https://.example/", false),
            ("https://book.example%2F@evil.example/", false),
        ] {
            let file = serde_json::json!({ "booking_url": url }).to_string();
            let expected: &[&str] = if ok { &[] } else { &["booking_url: "] };
            let c = check(Some(&file), &[], expected);
            assert_eq!(c.booking_url.is_some(), ok, "{url}");
        }
        // An empty value just means "no booking link".
        check(Some(r#"{"booking_url":""}"#), &[], &[]);
    }

    #[test]
    fn accents_and_their_text_colour() {
        for (hex, color, text) in [
            ("#2f6b66", "#2f6b66", "#ffffff"),
            ("#000", "#000000", "#ffffff"),
            ("#fff", "#ffffff", DARK_TEXT),
            ("#F5C542", "#f5c542", DARK_TEXT),
            ("#777777", "#777777", "#ffffff"),
            ("#8a8a8a", "#8a8a8a", DARK_TEXT),
            ("#595959", "#595959", "#ffffff"),
        ] {
            let file = serde_json::json!({ "accent": hex }).to_string();
            let c = check(Some(&file), &[], &[]);
            assert_eq!((c.accent.color.as_str(), c.accent.text.as_str()), (color, text), "{hex}");
        }
        for bad in ["red", "#12", "#12345", "#gggggg", "123456", "#1234567", ""] {
            let file = serde_json::json!({ "accent": bad }).to_string();
            let c = check(Some(&file), &[], &["accent: "]);
            assert_eq!(c.accent, Accent::default(), "{bad}");
        }
    }

    #[test]
    fn languages() {
        for (tag, lang) in [("en", Some(Lang::En)), ("FR", Some(Lang::Fr)), ("fr-CA", Some(Lang::Fr))] {
            let file = serde_json::json!({ "default_lang": tag }).to_string();
            assert_eq!(check(Some(&file), &[], &[]).default_lang, lang);
        }
        for bad in ["de", "", "english"] {
            let file = serde_json::json!({ "default_lang": bad }).to_string();
            let c = check(Some(&file), &[], &["default_lang: "]);
            assert_eq!(c.default_lang, None);
        }
    }

    #[test]
    fn unknown_keys_and_wrong_types_cost_only_themselves() {
        let c = check(
            Some(r##"{"clinic_name":"Éclat","booking_ulr":"https://x.example","colour":"#fff"}"##),
            &[],
            &["booking_ulr: is not a known setting", "colour: is not a known setting"],
        );
        assert_eq!(c.clinic_name, ClinicText::same("Éclat"));
        let c = check(Some(r#"{"clinic_name":42,"contact":"hi"}"#), &[], &["clinic_name: invalid type"]);
        assert_eq!(c.contact, ClinicText::same("hi"));
        // In the file's order, with the same words as in the browser (tests/browser.rs).
        check(
            Some(r#"{"clinic_name":[1],"contact":{"a":1},"accent":1.5,"rules_url":null}"#),
            &[],
            &["clinic_name: invalid type: sequence", "contact: invalid value: an object", "accent: invalid type: floating point"],
        );
        check(Some("not json"), &[], &["$: is not valid JSON"]);
        check(Some("[1]"), &[], &["$: is not a JSON object"]);
        check(Some("null"), &[], &["$: is not a JSON object"]);
        check(Some("{} x"), &[], &["$: is not valid JSON"]);
    }

    /// The visitor's texts take a text in each language, so that the French page never shows
    /// English contact details; a query parameter (or a widget attribute) is one text for both.
    #[test]
    fn clinic_texts_in_each_language() {
        let both = r#"{"clinic_name":{"en":"Example Skin Clinic","fr":"Clinique Exemple"},"contact":{"fr":" Appelez-nous au 514 555-0100, de 9 h à 17 h. ","en":"Call 514-555-0100, 9 a.m. to 5 p.m."}}"#;
        let c = check(Some(both), &[], &[]);
        assert_eq!(c.clinic_name.get(Lang::En), "Example Skin Clinic");
        assert_eq!(c.clinic_name.get(Lang::Fr), "Clinique Exemple");
        assert_eq!(c.contact.get(Lang::Fr), "Appelez-nous au 514 555-0100, de 9 h à 17 h.");
        assert_eq!(c.contact.get(Lang::En), "Call 514-555-0100, 9 a.m. to 5 p.m.");
        // A query parameter overrides both languages.
        let c = check(Some(both), &[("contact", "514 555-0199")], &[]);
        assert_eq!(c.contact, ClinicText::same("514 555-0199"));
        // An object needs both languages and nothing else; a wrong one costs only itself.
        for bad in [
            r#"{"contact":{"en":"Call us."},"clinic_name":"Éclat"}"#,
            r#"{"contact":{"en":"Call us.","fr":42},"clinic_name":"Éclat"}"#,
            r#"{"contact":{"en":"Call us.","fr":"Appelez-nous.","de":"Rufen Sie an."},"clinic_name":"Éclat"}"#,
            r#"{"contact":{},"clinic_name":"Éclat"}"#,
        ] {
            let c = check(Some(bad), &[], &["contact: invalid value: an object, expected a string or { \"en\""]);
            assert_eq!((c.contact, c.clinic_name), (ClinicText::default(), ClinicText::same("Éclat")), "{bad}");
        }
        // The other settings are not texts for the visitor: an object is the wrong type there.
        check(Some(r##"{"accent":{"en":"#000","fr":"#fff"}}"##), &[], &["accent: invalid type: map, expected a string"]);
    }

    #[test]
    fn query_overrides_the_file() {
        let c = check(
            Some(r##"{"clinic_name":"A","accent":"#000000","default_lang":"en"}"##),
            &[("clinic_name", "B"), ("lang", "fr"), ("accent", "#fff"), ("utm_source", "x")],
            &[],
        );
        assert_eq!(c.clinic_name, ClinicText::same("B"));
        assert_eq!(c.default_lang, Some(Lang::Fr));
        assert_eq!(c.accent.color, "#ffffff");
        // The rules come only from clinic.json, even in a widget: said while the query is read.
        check(None, &[("lang", "de"), ("rules", "/r.json")], &["rules: is ignored: rules_url comes only from clinic.json", "lang: "]);
        let (_, issues) = resolve(None, &[("booking_url".into(), "javascript:x".into())], QuerySource::Embedder, ORIGIN);
        assert_eq!(issues[0].origin, Origin::Query);
        assert!(issues[0].to_string().starts_with("treatment finder configuration: query parameter: booking_url: \"javascript:x\""));
    }

    /// Anyone can send a link to the finder's own page: it may choose the language (and tag
    /// the partner, `partner_names`), and nothing else. The booking link, contact, clinic name, colours and rules are the
    /// clinic's (clinic.json), and each ignored parameter is named on the console.
    #[test]
    fn a_link_sets_only_the_language() {
        let file = r##"{"clinic_name":"Éclat","booking_url":"https://book.example/eclat","contact":"514 555-0100","accent":"#000000","rules_url":"rules.json"}"##;
        let query: Vec<(String, String)> = [
            ("booking_url", "https://evil.example/phish"),
            ("contact", "Call 1-900-SCAM"),
            ("clinic_name", "Not the clinic"),
            ("accent", "#ff0000"),
            ("rules", "/uploads/other.json"),
            ("lang", "fr"),
            ("partner", "salon-bella"),
            ("utm_source", "newsletter"),
            ("booking_url", "https://evil.example/again"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let (c, issues) = resolve(Some(file), &query, QuerySource::Link, ORIGIN);
        assert_eq!(c.booking_url.as_deref(), Some("https://book.example/eclat"));
        assert_eq!(c.contact, ClinicText::same("514 555-0100"));
        assert_eq!(c.clinic_name, ClinicText::same("Éclat"));
        assert_eq!(c.accent.color, "#000000");
        assert_eq!(c.rules_url.as_deref(), Some("rules.json"));
        assert_eq!(c.default_lang, Some(Lang::Fr));
        // The partner's tag changes neither where the Book link leads nor what the visitor reads.
        assert_eq!(c.partner.as_deref(), Some("salon-bella"));
        let named: Vec<(&str, bool)> = issues.iter().map(|i| (i.field.as_str(), i.is_error)).collect();
        assert_eq!(
            named,
            [("booking_url", false), ("contact", false), ("clinic_name", false), ("accent", false), ("rules", false)],
            "{issues:?}"
        );
        for issue in &issues {
            let text = issue.to_string();
            assert!(text.contains("a link to the finder may set only the language"), "{text}");
            assert!(!text.contains("evil") && !text.contains("SCAM"), "the message repeats no value: {text}");
        }
        // Without clinic.json, such a link gives no Book button at all.
        let (c, _) = resolve(None, &query, QuerySource::Link, ORIGIN);
        assert_eq!((c.booking_url, c.contact), (None, ClinicText::default()));
    }

    #[test]
    fn overlong_settings_and_files_are_refused() {
        let long = "x".repeat(MAX_SETTING_CHARS + 1);
        let file = serde_json::json!({ "contact": long, "clinic_name": "Éclat" }).to_string();
        let c = check(Some(&file), &[], &["contact: is over the limit of 2000 characters"]);
        assert_eq!((c.contact, c.clinic_name), (ClinicText::default(), ClinicText::same("Éclat")));
        let file = serde_json::json!({ "contact": { "en": "Call us.", "fr": long } }).to_string();
        check(Some(&file), &[], &["contact: is over the limit"]);
        let c = check(None, &[("clinic_name", long.as_str()), ("lang", "fr")], &["clinic_name: is 2001 characters long"]);
        assert_eq!((c.clinic_name, c.default_lang), (ClinicText::default(), Some(Lang::Fr)));
        // A file over the size limit is not parsed at all.
        let big = format!(r#"{{"clinic_name":"Éclat","padding":"{}"}}"#, " ".repeat(MAX_CLINIC_FILE_BYTES));
        let expected = format!("$: is {} bytes, over the limit of 65536", big.len());
        let c = check(Some(&big), &[], &[expected.as_str()]);
        assert_eq!(c, Config::default());
    }

    #[test]
    fn rules_urls_stay_on_this_site() {
        for (url, ok) in [
            ("rules.json", true),
            ("/rules/clinic.json", true),
            ("https://clinic.example/rules.json", true),
            ("https://clinic.example", true),
            ("https://clinic.example.evil.example/rules.json", false),
            ("https://other.example/rules.json", false),
            ("//other.example/rules.json", false),
            // Browsers read `\` as `/` in http(s) URLs, so these are other sites too.
            ("/\\other.example/rules.json", false),
            ("\\/other.example/rules.json", false),
            ("https://clinic.example\\@other.example/rules.json", false),
            ("rules\\clinic.json", false),
            ("javascript:alert(1)", false),
            ("data:application/json,{}", false),
        ] {
            let file = serde_json::json!({ "rules_url": url }).to_string();
            let (c, issues) = resolve(Some(&file), &[], QuerySource::Link, ORIGIN);
            assert_eq!(c.rules_url.is_some(), ok, "{url}: {issues:?}");
        }
    }

    #[test]
    fn booking_links_carry_only_treatment_and_lang() {
        for (base, expected) in [
            ("https://b.example", "https://b.example?treatment=both&lang=fr"),
            ("https://b.example/x?clinic=1", "https://b.example/x?clinic=1&treatment=both&lang=fr"),
            ("https://b.example/x?", "https://b.example/x?treatment=both&lang=fr"),
            ("https://b.example/x#top", "https://b.example/x?treatment=both&lang=fr#top"),
            // The clinic's own `treatment` and `lang` are replaced, not repeated.
            ("https://b.example/x?treatment=old&clinic=1&lang=en", "https://b.example/x?clinic=1&treatment=both&lang=fr"),
            ("https://b.example/x?lang=en&lang=de&&a=1#top", "https://b.example/x?a=1&treatment=both&lang=fr#top"),
            ("https://b.example/x?treatment", "https://b.example/x?treatment=both&lang=fr"),
            ("https://b.example/x?treatments=2", "https://b.example/x?treatments=2&treatment=both&lang=fr"),
        ] {
            assert_eq!(booking_href(base, "both", Lang::Fr, None), expected);
        }
        // A partner adds its tag; the clinic's own utm parameters are then replaced.
        for (base, expected) in [
            ("https://b.example", "https://b.example?treatment=both&lang=fr&utm_source=salon-bella&utm_medium=partner-widget"),
            (
                "https://b.example/x?utm_source=site&clinic=1&utm_medium=web&utm_campaign=fall#top",
                "https://b.example/x?clinic=1&utm_campaign=fall&treatment=both&lang=fr&utm_source=salon-bella&utm_medium=partner-widget#top",
            ),
        ] {
            assert_eq!(booking_href(base, "both", Lang::Fr, Some("salon-bella")), expected);
        }
        // Without a partner, the clinic's own utm parameters stay as they are.
        assert_eq!(
            booking_href("https://b.example/x?utm_source=site", "mesotherapy", Lang::En, None),
            "https://b.example/x?utm_source=site&treatment=mesotherapy&lang=en"
        );
    }

    /// The partner's tag comes from a widget, `mount()` or a link (a partner's no-script
    /// iframe), never from clinic.json; a name that is not 1 to 40 letters, digits, `-` or `_`
    /// is refused, named on the console, and the Book link names no partner.
    #[test]
    fn partner_names() {
        let longest = "p".repeat(MAX_PARTNER_CHARS);
        let too_long = "p".repeat(MAX_PARTNER_CHARS + 1);
        for (name, expected) in [
            ("salon-bella", Some("salon-bella")),
            (" Salon_Bella2 ", Some("Salon_Bella2")),
            ("a", Some("a")),
            (longest.as_str(), Some(longest.as_str())),
            ("", None),
            ("  ", None),
        ] {
            for source in [QuerySource::Link, QuerySource::Embedder] {
                let (c, issues) = resolve(None, &[("partner".into(), name.into())], source, ORIGIN);
                assert_eq!((c.partner.as_deref(), issues.len()), (expected, 0), "{name:?} {source:?}: {issues:?}");
            }
        }
        for bad in [too_long.as_str(), "salon bella", "salon&utm_medium=x", "salon=1", "salon#x", "salon/bella", "salon.bella", "élégance", "<b>", "a%20b"] {
            for source in [QuerySource::Link, QuerySource::Embedder] {
                let (c, issues) = resolve(None, &[("partner".into(), bad.into())], source, ORIGIN);
                assert_eq!(c.partner, None, "{bad:?}");
                let named: Vec<(&str, Origin, bool)> = issues.iter().map(|i| (i.field.as_str(), i.origin, i.is_error)).collect();
                assert_eq!(named, [("partner", Origin::Query, true)], "{bad:?} {source:?}");
                assert!(issues[0].message.contains("is not a partner name"), "{}", issues[0]);
            }
        }
        // Not a clinic setting: clinic.json's `partner` is an unknown key.
        let c = check(Some(r#"{"partner":"salon-bella"}"#), &[], &["partner: is not a known setting"]);
        assert_eq!(c.partner, None);
    }

    #[test]
    fn contrast_ratios() {
        let ratio = |a, b| (contrast(a, b) * 100.0).round() / 100.0;
        assert_eq!(ratio([0, 0, 0], [255, 255, 255]), 21.0);
        assert_eq!(ratio([255, 255, 255], [255, 255, 255]), 1.0);
        assert_eq!(ratio([0x76, 0x76, 0x76], [255, 255, 255]), 4.54);
    }

    /// `pow_2_4` stands in for `powf(2.4)`: the same luminance on every channel value, and
    /// so the same text colour on every accent (checked on all 16.7 million colours once;
    /// none comes within 1e-9 of a tie, so a last-digit difference cannot change one).
    #[test]
    fn pow_2_4_is_powf() {
        for c in 0..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            let (ours, std) = (pow_2_4(x), x.powf(2.4));
            assert!(((ours - std) / std).abs() < 1e-15, "channel {c}: {ours} vs {std}");
        }
        let text_with_powf = |rgb: [u8; 3]| {
            let channel = |c: u8| {
                let c = f64::from(c) / 255.0;
                if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
            };
            let lum = |[r, g, b]: [u8; 3]| 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
            let ratio = |a: f64, b: f64| (a.max(b) + 0.05) / (a.min(b) + 0.05);
            let (on_white, on_dark) = (ratio(lum(rgb), 1.0), ratio(lum(rgb), lum([0x1b; 3])));
            if on_white >= 4.5 || on_white >= on_dark { "#ffffff" } else { DARK_TEXT }
        };
        // Every accent the tests and docs use, then every `#rgb`.
        let used = ["#004466", "#111111", "#123456", "#222222", "#2f6b66", "#7a4b94", "#8a1c4a", "#aa3355", "#aabbcc", "#f5c542", "#ffee00"];
        for hex in used.map(String::from).into_iter().chain((0..0x1000u16).map(|short| format!("#{short:03x}"))) {
            let rgb = parse_hex(&hex).unwrap();
            assert_eq!(Accent::from_hex(&hex).unwrap().text, text_with_powf(rgb), "{hex}");
        }
    }
}
