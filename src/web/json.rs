//! JSON in the browser without a JSON parser in the WebAssembly: the browser's own
//! `JSON.parse` reads the text, and serde reads the JavaScript value it made through
//! [`JsDeserializer`]; `JSON.stringify` writes what serde-wasm-bindgen built. serde_json
//! (about a fifth of the download when it was in) is used only on the host.
//!
//! The engine's and the app's types, their `deny_unknown_fields`, and the JSON path in
//! every error are the same as on the host; only the parser is the browser's. The path is
//! kept by [`JsDeserializer`] itself rather than by serde_path_to_error, whose wrappers
//! double the serde code of every type they read (about 18 KB of the download).

use std::{fmt, mem};

use js_sys::{Array, Number, Object, Reflect, JSON};
use serde::de::{self, IntoDeserializer, Unexpected, Visitor};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

use crate::config::{FileEntries, FileError, FileRead};
use crate::draft::Saved;
use crate::engine::{Answers, EngineError, Rules, DEFAULT_RULES_PACKED};

/// The embedded default rules (see [`Rules::default_rules`] on the host), packed: the browser
/// reads them without the rules file's reader (`engine::packed`).
pub fn default_rules() -> Rules {
    // The packed default rules are checked by the test suite (fresh, and read back the same as
    // `rules/default.json`), so this cannot fail in a build that passed its tests; the
    // fallback keeps even a broken build from panicking.
    Rules::from_packed(DEFAULT_RULES_PACKED).unwrap_or_else(|_| Rules::fallback())
}

/// [`Rules::from_json`] in the browser: parses and lints a rules file. Only in a module with
/// the rules reader (`web::reader`).
#[cfg(feature = "reader")]
pub fn rules_from_json(text: &str) -> Result<Rules, EngineError> {
    rules_parse(text)?.checked()
}

/// [`Rules::parse`] in the browser: reads a rules file without the semantic checks (the
/// console shows every finding of `lint` itself).
#[cfg(feature = "reader")]
pub fn rules_parse(text: &str) -> Result<Rules, EngineError> {
    // The same definition of a valid file as the host's (`engine::json_text`): what
    // `JSON.parse` would take but serde_json refuses (a key twice, `18.0`), or the reverse
    // (trailing text), is refused here first, with the same message.
    Rules::check_text(text)?;
    let value = parse(text).map_err(|message| EngineError::invalid_rules("$", message))?;
    let rules = Rules::deserialize(JsDeserializer(value)).map_err(|e| {
        // The engine's rules paths start at the document: `$`, `$.goals[2].treatment`.
        let path = match e.path() {
            path if path == "." => "$".to_string(),
            path => format!("$.{path}"),
        };
        EngineError::invalid_rules(path, e.message())
    })?;
    Ok(rules)
}

/// [`Answers::from_json`] in the browser: parses and validates answers.
pub fn answers_from_json(text: &str) -> Result<Answers, EngineError> {
    Answers::check_text(text)?;
    let value = parse(text).map_err(|message| EngineError::invalid_answers("answers", message))?;
    // As on the host, only an object is read (serde would also read an array of fields).
    if !is_object(&value) {
        return Err(EngineError::invalid_answers("answers", "must be a JSON object"));
    }
    let answers = Answers::deserialize(JsDeserializer(value))
        .map_err(|e| EngineError::invalid_answers(e.path(), e.message()))?;
    answers.validate()?;
    Ok(answers)
}

/// [`Saved::from_json`] in the browser.
pub fn saved_from_json(text: &str) -> Option<Saved> {
    Saved::from_deserializer(JsDeserializer(parse(text).ok()?))
}

/// A value a page passed to the JavaScript API (`recommend()`'s options, `mount()`'s
/// config), read as `T`. [`check_js_value`] walks it first and names what JSON cannot hold
/// (`NaN`, a BigInt, a getter that throws, a cycle), then it goes through `JSON.stringify`,
/// which catches whatever a strange object still throws (a `toJSON`, a Proxy): an exception
/// must not run through the WebAssembly, which cannot unwind. `undefined` and `null` give
/// `T::default()`. The error names the key (``lang: invalid type: integer `5`, expected a
/// string``).
pub fn from_js_value<T: Default + for<'de> Deserialize<'de>>(value: &JsValue) -> Result<T, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    check_js_value(value).map_err(|(path, message)| at(&path, &message))?;
    let text = stringify(value)?;
    T::deserialize(JsDeserializer(parse(&text)?)).map_err(|e| at(&e.path(), e.message()))
}

/// `JSON.stringify(value)`, with the browser's message when it throws.
pub fn stringify(value: &JsValue) -> Result<String, String> {
    JSON::stringify(value)
        .map_err(|e| match e.dyn_ref::<js_sys::Error>() {
            Some(e) => format!("cannot be read as JSON ({})", String::from(e.message())),
            None => "cannot be read as JSON".into(),
        })?
        .as_string()
        .ok_or_else(|| "cannot be read as JSON (a function, or a symbol)".into())
}

/// `path: message`, or the message alone for the value itself.
fn at(path: &str, message: &str) -> String {
    match path {
        "" | "." => message.to_string(),
        path => format!("{path}: {message}"),
    }
}

/// How deep [`check_js_value`] walks (the answers and settings are two levels deep).
pub const MAX_JS_DEPTH: usize = 32;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Object.keys`, catching what a Proxy's `ownKeys` throws (js-sys's does not catch).
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;
}

/// The first thing in a value from a page's JavaScript that JSON cannot carry faithfully,
/// as `(path, message)` with the path in the answers' style (`goals[1]`, `age`; empty for
/// the value itself): a number that is `NaN` or infinite (`JSON.stringify` would write
/// `null`), a BigInt, a function or symbol, `undefined` in a list (a key set to
/// `undefined` counts as left out, as in JSON), a property whose getter throws (with its
/// message), a cycle, or more than [`MAX_JS_DEPTH`] levels. Every read is through
/// `Reflect.get` and a catching `Object.keys`, so nothing the page's objects throw runs
/// through the WebAssembly. An object with `toJSON` (a `Date`) is left to `JSON.stringify`.
pub fn check_js_value(value: &JsValue) -> Result<(), (String, String)> {
    let mut ancestors: Vec<(JsValue, String)> = Vec::new();
    walk(value, String::new(), &mut ancestors)
}

fn walk(value: &JsValue, path: String, ancestors: &mut Vec<(JsValue, String)>) -> Result<(), (String, String)> {
    if let Some(n) = value.as_f64() {
        return if n.is_nan() {
            Err((path, "NaN is not a number".into()))
        } else if n.is_infinite() {
            Err((path, format!("{}Infinity is not a finite number", if n < 0.0 { "-" } else { "" })))
        } else {
            Ok(())
        };
    }
    if value.is_bigint() {
        return Err((path, "a BigInt cannot be read (write it as a number)".into()));
    }
    if value.is_function() {
        return Err((path, "a function is not a value JSON can hold".into()));
    }
    if value.is_symbol() {
        return Err((path, "a symbol is not a value JSON can hold".into()));
    }
    if !value.is_object() {
        return Ok(()); // null, undefined (checked by the caller where it matters), booleans, strings
    }
    if let Some((_, first)) = ancestors.iter().find(|(a, _)| a == value) {
        let first = if first.is_empty() { "the whole value".to_string() } else { first.clone() };
        return Err((path, format!("a cycle: it refers back to {first}")));
    }
    if ancestors.len() >= MAX_JS_DEPTH {
        return Err((path, format!("is nested more than {MAX_JS_DEPTH} levels deep")));
    }
    let read = |key: &JsValue, at: &str| {
        Reflect::get(value, key).map_err(|e| {
            let why = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string());
            (at.to_string(), format!("reading it threw an error: {}", why.unwrap_or_else(|| "(no message)".into())))
        })
    };
    // `toJSON` (a Date's) decides what JSON.stringify writes; the engine then reads that.
    if read(&JsValue::from_str("toJSON"), &path)?.is_function() {
        return Ok(());
    }
    ancestors.push((value.clone(), path.clone()));
    if Array::is_array(value) {
        let length = read(&JsValue::from_str("length"), &path)?.as_f64().unwrap_or(0.0);
        let mut i = 0u32;
        while f64::from(i) < length {
            let item_path = format!("{path}[{i}]");
            let item = read(&JsValue::from(i), &item_path)?;
            if item.is_undefined() {
                return Err((item_path, "undefined is not a value JSON can hold".into()));
            }
            walk(&item, item_path, ancestors)?;
            i += 1;
        }
    } else {
        let keys = object_keys(value).map_err(|e| {
            let why = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
            (path.clone(), format!("its keys cannot be read: {why}"))
        })?;
        for key in keys.iter() {
            let name = key.as_string().unwrap_or_default();
            let key_path = if path.is_empty() { name } else { format!("{path}.{name}") };
            let item = read(&key, &key_path)?;
            // A key set to undefined is left out, as JSON.stringify does (an unset option).
            if !item.is_undefined() {
                walk(&item, key_path, ancestors)?;
            }
        }
    }
    ancestors.pop();
    Ok(())
}

/// `clinic.json` read by the browser, for [`crate::config::resolve_read`].
pub fn read_clinic_file(text: &str) -> FileRead {
    // Too big to read at all, as on the host (`config::read_file`).
    crate::config::check_file_size(text)?;
    let value = parse(text).map_err(FileError::NotJson)?;
    if !is_object(&value) {
        return Err(FileError::NotAnObject);
    }
    FileEntries::deserialize(JsDeserializer(value)).map_err(|_| FileError::NotAnObject)
}

/// `value` as compact JSON text, like `serde_json::to_string` (empty if it cannot be).
pub fn to_json<T: Serialize>(value: &T) -> String {
    serde_wasm_bindgen::to_value(value)
        .ok()
        .and_then(|v| JSON::stringify(&v).ok())
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// `JSON.parse`; `Err` holds the browser's message.
fn parse(text: &str) -> Result<JsValue, String> {
    JSON::parse(text).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "is not valid JSON".into())
    })
}

/// A plain object: not `null`, not an array.
fn is_object(value: &JsValue) -> bool {
    value.is_object() && !Array::is_array(value)
}

/// A deserialization error: serde's message and where in the document it happened.
/// Boxed, so that every `Result` of the generated serde code stays one word wide.
#[derive(Debug)]
pub struct Error(Box<ErrorInner>);

#[derive(Debug)]
struct ErrorInner {
    message: String,
    /// Innermost first: each level adds its own key or index as the error passes up.
    segments: Vec<Segment>,
}

#[derive(Debug)]
enum Segment {
    Key(String),
    Index(u32),
}

impl Error {
    fn new(message: String) -> Error {
        Error(Box::new(ErrorInner { message, segments: Vec::new() }))
    }

    #[inline(never)]
    fn under(mut self, segment: Segment) -> Error {
        self.0.segments.push(segment);
        self
    }

    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The path as serde_path_to_error writes it (`goals[1]`, `treatments.mesotherapy`),
    /// `.` for the document itself.
    pub fn path(&self) -> String {
        if self.0.segments.is_empty() {
            return ".".into();
        }
        let mut path = String::new();
        for segment in self.0.segments.iter().rev() {
            match segment {
                Segment::Key(key) if path.is_empty() => path.push_str(key),
                Segment::Key(key) => {
                    path.push('.');
                    path.push_str(key);
                }
                Segment::Index(i) => path.push_str(&format!("[{i}]")),
            }
        }
        path
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::new(msg.to_string())
    }

    fn invalid_type(unexpected: Unexpected, expected: &dyn de::Expected) -> Self {
        Error::new(format!("invalid type: {}, expected {expected}", describe(unexpected)))
    }

    fn invalid_value(unexpected: Unexpected, expected: &dyn de::Expected) -> Self {
        Error::new(format!("invalid value: {}, expected {expected}", describe(unexpected)))
    }
}

/// serde's wording for what was found, except that a fraction is not written out: serde's
/// own `Display` formats it with Rust's float formatting, about 10 KB of code for a message
/// nobody reads (and [`JsDeserializer`] spells such numbers itself).
fn describe(unexpected: Unexpected) -> String {
    match unexpected {
        Unexpected::Bool(b) => format!("boolean `{b}`"),
        Unexpected::Unsigned(n) => format!("integer `{n}`"),
        Unexpected::Signed(n) => format!("integer `{n}`"),
        Unexpected::Float(_) => "floating point number".into(),
        Unexpected::Char(c) => format!("character `{c}`"),
        Unexpected::Str(s) => format!("string {s:?}"),
        Unexpected::Bytes(_) => "byte array".into(),
        Unexpected::Unit => "unit value".into(),
        Unexpected::Option => "Option value".into(),
        Unexpected::NewtypeStruct => "newtype struct".into(),
        Unexpected::Seq => "sequence".into(),
        Unexpected::Map => "map".into(),
        Unexpected::Enum => "enum".into(),
        Unexpected::UnitVariant => "unit variant".into(),
        Unexpected::NewtypeVariant => "newtype variant".into(),
        Unexpected::TupleVariant => "tuple variant".into(),
        Unexpected::StructVariant => "struct variant".into(),
        Unexpected::Other(other) => other.into(),
    }
}

/// Reads a value made by `JSON.parse` (so only `null`, booleans, numbers, strings, arrays
/// and plain objects). Unlike serde-wasm-bindgen's deserializer, which looks up only a
/// struct's own fields, it shows a struct every key of the object, so
/// `deny_unknown_fields` still refuses a misspelt one. An integer must be a whole number
/// (`30.5` is not an age), as with serde_json.
pub struct JsDeserializer(pub JsValue);

impl JsDeserializer {
    /// The "invalid type" error, out of line: one copy for every visitor.
    #[cold]
    fn invalid(&self, expected: &dyn de::Expected) -> Error {
        let text;
        let unexpected = if self.0.is_null() || self.0.is_undefined() {
            Unexpected::Other("null")
        } else if let Some(b) = self.0.as_bool() {
            Unexpected::Bool(b)
        } else if self.0.as_f64().is_some() {
            match self.integer() {
                Some(i) if i < 0 => Unexpected::Signed(i),
                Some(i) => Unexpected::Unsigned(i as u64),
                // serde_json's wording, with the number as JavaScript writes it: formatting
                // an f64 in Rust would add about 10 KB of code for this one message.
                None => {
                    let number: &Number = self.0.unchecked_ref();
                    text = format!("floating point `{}`", String::from(number.to_string_with_radix(10).unwrap_or_default()));
                    Unexpected::Other(&text)
                }
            }
        } else if let Some(s) = self.0.as_string() {
            text = s;
            Unexpected::Str(&text)
        } else if Array::is_array(&self.0) {
            Unexpected::Seq
        } else {
            Unexpected::Map
        };
        de::Error::invalid_type(unexpected, expected)
    }

    /// The number, when it is a whole number JavaScript holds exactly.
    fn integer(&self) -> Option<i64> {
        Number::is_safe_integer(&self.0).then(|| self.0.as_f64().unwrap_or_default() as i64)
    }

    fn object(&self) -> Option<&Object> {
        is_object(&self.0).then(|| self.0.unchecked_ref::<Object>())
    }
}

impl<'de> de::Deserializer<'de> for JsDeserializer {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_unit()
        } else if let Some(b) = self.0.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(i) = self.integer() {
            visitor.visit_i64(i)
        } else if let Some(n) = self.0.as_f64() {
            visitor.visit_f64(n)
        } else if let Some(s) = self.0.as_string() {
            visitor.visit_string(s)
        } else if Array::is_array(&self.0) {
            self.deserialize_seq(visitor)
        } else {
            self.deserialize_map(visitor)
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.as_bool() {
            Some(b) => visitor.visit_bool(b),
            None => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.integer() {
            Some(i) => visitor.visit_i64(i),
            None => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.integer() {
            Some(i) if i >= 0 => visitor.visit_u64(i as u64),
            // A negative integer: serde's visitor says it is out of range.
            Some(i) => visitor.visit_i64(i),
            None => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.as_f64() {
            Some(n) => visitor.visit_f64(n),
            None => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.as_string() {
            Some(s) => visitor.visit_string(s),
            None => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_null() {
            visitor.visit_unit()
        } else {
            Err(self.invalid(&visitor))
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.dyn_ref::<Array>() {
            Some(array) => visitor.visit_seq(SeqAccess { array: array.clone(), next: 0 }),
            None => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.object() {
            Some(object) => {
                let keys = Object::keys(object);
                visitor.visit_map(MapAccess { object: object.clone(), keys, next: 0, key: String::new() })
            }
            None => Err(self.invalid(&visitor)),
        }
    }

    /// Every key of the object, not only the struct's fields (see the type's comment).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    /// Unit variants, written as strings (the only kind the contracts use).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0.as_string() {
            Some(s) => visitor.visit_enum(IntoDeserializer::<Error>::into_deserializer(s)),
            None => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

struct SeqAccess {
    array: Array,
    next: u32,
}

impl<'de> de::SeqAccess<'de> for SeqAccess {
    type Error = Error;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if self.next >= self.array.length() {
            return Ok(None);
        }
        let (index, value) = (self.next, self.array.get(self.next));
        self.next += 1;
        seed.deserialize(JsDeserializer(value)).map(Some).map_err(|e| e.under(Segment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.array.length() - self.next) as usize)
    }
}

struct MapAccess {
    object: Object,
    keys: Array,
    next: u32,
    /// The key just read, for the path of an error in its value.
    key: String,
}

impl<'de> de::MapAccess<'de> for MapAccess {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        if self.next >= self.keys.length() {
            return Ok(None);
        }
        self.key = self.keys.get(self.next).as_string().unwrap_or_default();
        // An unknown field's error names the field, as serde_path_to_error's does.
        seed.deserialize(IntoDeserializer::<Error>::into_deserializer(self.key.as_str()))
            .map(Some)
            .map_err(|e| e.under(Segment::Key(mem::take(&mut self.key))))
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = Reflect::get(&self.object, &self.keys.get(self.next)).unwrap_or(JsValue::UNDEFINED);
        self.next += 1;
        seed.deserialize(JsDeserializer(value)).map_err(|e| e.under(Segment::Key(mem::take(&mut self.key))))
    }
}
