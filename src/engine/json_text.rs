//! What a valid rules or answers file is, as text: one definition that the host (serde_json)
//! and the browser (`JSON.parse`, `src/web/json.rs`) both apply before they parse, so the
//! command line, `recommend lint` and the app accept and refuse the same files with the
//! same message.
//!
//! A file is valid JSON text (RFC 8259) that also:
//! - is at most its limit in bytes ([`MAX_RULES_BYTES`], [`MAX_ANSWERS_BYTES`]), checked
//!   before anything else is read;
//! - is exactly one value: nothing but whitespace after it (serde_json without `end()`
//!   would read `{…} x` and ignore the rest, `JSON.parse` refuses it);
//! - has no key twice in any object (serde refuses a duplicate field, `JSON.parse` keeps
//!   the last one silently), keys compared after their escapes (`"a"` and `"\u0061"` are
//!   the same key);
//! - writes every number as a whole number without a fraction or an exponent (`18`, not
//!   `18.0` or `1e1`; after `JSON.parse` the browser cannot tell them apart), within
//!   ±[`MAX_SAFE_INTEGER`] (JavaScript holds no larger whole number exactly). No field of
//!   the rules or answers contracts takes a fraction;
//! - has no lone surrogate escape in a string (`"\ud800"`: `JSON.parse` takes it, serde_json
//!   does not);
//! - nests at most [`MAX_DEPTH`] objects and arrays deep.
//!
//! The scanner only reads: it builds no value, allocates only the keys of the objects it is
//! in, and never recurses, so no text can overflow the stack or panic it.

use std::collections::BTreeSet;

/// The largest rules file read, in bytes (the default rules are about 50 KB). A larger file
/// is refused before it is parsed: its texts would be copied into every result.
pub const MAX_RULES_BYTES: usize = 1_048_576;

/// The largest answers JSON read, in bytes (real answers are a few hundred).
pub const MAX_ANSWERS_BYTES: usize = 65_536;

/// The deepest nesting of objects and arrays read (the rules file uses five levels).
pub const MAX_DEPTH: usize = 32;

/// The largest whole number JavaScript holds exactly (2^53 − 1).
pub const MAX_SAFE_INTEGER: u64 = 9_007_199_254_740_991;

/// Why a text is not a valid file: where (a path in serde_path_to_error's style,
/// `goals[2].treatment`, empty for the document itself) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextError {
    pub path: String,
    pub message: String,
}

/// Checks `text` against the definition above. `what` names the file in the size message
/// ("the rules file"); `limit` is its size limit in bytes.
pub fn check(text: &str, what: &str, limit: usize) -> Result<(), TextError> {
    if text.len() > limit {
        return Err(TextError {
            path: String::new(),
            message: format!("{what} is {} bytes; the limit is {}", grouped(text.len() as u64), grouped(limit as u64)),
        });
    }
    Scanner { text, bytes: text.as_bytes(), pos: 0, stack: Vec::new() }.document()
}

/// `n` with a comma between each group of three digits (`1,048,576`).
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An object or array the scanner is inside.
enum Frame {
    /// The keys read so far and the one whose value is being read.
    Object { keys: BTreeSet<String>, key: String },
    Array { index: usize },
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    stack: Vec<Frame>,
}

impl Scanner<'_> {
    fn document(mut self) -> Result<(), TextError> {
        self.whitespace();
        if self.pos >= self.bytes.len() {
            return Err(self.at_root("is empty: expected a JSON value".into()));
        }
        self.values()?;
        self.whitespace();
        if self.pos < self.bytes.len() {
            let (line, column) = self.line_column();
            return Err(self.at_root(format!(
                "unexpected text after the JSON value at line {line}, column {column}: a file holds one value only"
            )));
        }
        Ok(())
    }

    /// Reads one value and everything nested in it, with a stack of frames instead of
    /// recursion.
    fn values(&mut self) -> Result<(), TextError> {
        'value: loop {
            self.whitespace();
            match self.peek() {
                Some(open @ (b'{' | b'[')) => {
                    if self.stack.len() >= MAX_DEPTH {
                        return Err(self.here(format!("is nested more than {MAX_DEPTH} levels deep")));
                    }
                    self.pos += 1;
                    self.whitespace();
                    let close = if open == b'{' { b'}' } else { b']' };
                    if self.peek() == Some(close) {
                        self.pos += 1;
                    } else {
                        if open == b'{' {
                            self.stack.push(Frame::Object { keys: BTreeSet::new(), key: String::new() });
                            self.key()?;
                        } else {
                            self.stack.push(Frame::Array { index: 0 });
                        }
                        continue 'value;
                    }
                }
                Some(b'"') => {
                    self.string(false)?;
                }
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(b't') => self.literal("true")?,
                Some(b'f') => self.literal("false")?,
                Some(b'n') => self.literal("null")?,
                _ => return Err(self.syntax("a value")),
            }
            // After a value: the next item of the container, or its end (and so on out).
            loop {
                self.whitespace();
                let next = self.peek();
                match self.stack.last_mut() {
                    None => return Ok(()),
                    Some(Frame::Array { index }) => match next {
                        Some(b',') => {
                            self.pos += 1;
                            *index += 1;
                            continue 'value;
                        }
                        Some(b']') => {
                            self.pos += 1;
                            self.stack.pop();
                        }
                        _ => return Err(self.syntax("`,` or `]`")),
                    },
                    Some(Frame::Object { .. }) => match next {
                        Some(b',') => {
                            self.pos += 1;
                            self.key()?;
                            continue 'value;
                        }
                        Some(b'}') => {
                            self.pos += 1;
                            self.stack.pop();
                        }
                        _ => return Err(self.syntax("`,` or `}`")),
                    },
                }
            }
        }
    }

    /// A key and its colon, in the object on top of the stack; a key seen before in the
    /// same object is refused with its path.
    fn key(&mut self) -> Result<(), TextError> {
        self.whitespace();
        if self.peek() != Some(b'"') {
            return Err(self.syntax("a key in double quotes"));
        }
        let key = self.string(true)?;
        let duplicate = match self.stack.last_mut() {
            Some(Frame::Object { keys, key: current }) => {
                current.clone_from(&key);
                !keys.insert(key)
            }
            _ => false,
        };
        if duplicate {
            return Err(self.here("appears twice in the same object: each key may be given once".into()));
        }
        self.whitespace();
        if self.peek() != Some(b':') {
            return Err(self.syntax("`:` after the key"));
        }
        self.pos += 1;
        Ok(())
    }

    /// A string from its opening quote; its value (escapes decoded) when `keep`.
    fn string(&mut self, keep: bool) -> Result<String, TextError> {
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.syntax("the end of the string (`\"`)")),
                Some(b'"') => {
                    if keep {
                        out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    }
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    if keep {
                        out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    }
                    self.pos += 1;
                    let c = self.escape()?;
                    if keep {
                        out.push(c);
                    }
                    run = self.pos;
                }
                Some(byte) if byte < 0x20 => {
                    return Err(self.invalid("a control character in a string (write it as an escape: `\\n`, `\\t`)"));
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// The character after a backslash (and its `\uXXXX` pair, for a surrogate).
    fn escape(&mut self) -> Result<char, TextError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4()?;
                return match unit {
                    0xD800..=0xDBFF => {
                        if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                            return Err(self.invalid("a lone surrogate escape (a `\\ud800`–`\\udbff` without its low half)"));
                        }
                        self.pos += 2;
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.invalid("a lone surrogate escape (a `\\ud800`–`\\udbff` without its low half)"));
                        }
                        let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        Ok(char::from_u32(code).unwrap_or('\u{fffd}'))
                    }
                    0xDC00..=0xDFFF => Err(self.invalid("a lone surrogate escape (a `\\udc00`–`\\udfff` without its high half)")),
                    _ => Ok(char::from_u32(unit).unwrap_or('\u{fffd}')),
                };
            }
            _ => return Err(self.syntax("an escape (`\\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` or `\\uXXXX`)")),
        };
        self.pos += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, TextError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| (b as char).to_digit(16));
            match digit {
                Some(d) => {
                    unit = unit * 16 + d;
                    self.pos += 1;
                }
                None => return Err(self.syntax("four hexadecimal digits after `\\u`")),
            }
        }
        Ok(unit)
    }

    /// A number: JSON's grammar, then this file's rule (whole, within the safe range).
    fn number(&mut self) -> Result<(), TextError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let digits_start = self.pos;
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.syntax("a digit")),
        }
        let digits_end = self.pos;
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.syntax("a digit after the decimal point"));
            }
            self.digits();
            whole = false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.syntax("a digit in the exponent"));
            }
            self.digits();
            whole = false;
        }
        let written = shortened(self.text.get(start..self.pos).unwrap_or_default());
        if !whole {
            return Err(self.here(format!(
                "{written} has a fraction or an exponent: write a whole number without them (18, not 18.0)"
            )));
        }
        let digits = self.text.get(digits_start..digits_end).unwrap_or_default();
        if digits.len() > 16 || digits.parse::<u64>().map_or(true, |n| n > MAX_SAFE_INTEGER) {
            return Err(self.here(format!(
                "{written} is too large: a whole number must be within ±{}",
                grouped(MAX_SAFE_INTEGER)
            )));
        }
        Ok(())
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    fn literal(&mut self, word: &str) -> Result<(), TextError> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.syntax("a value"))
        }
    }

    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// The line and column (in characters) of the scanner's position, from 1.
    fn line_column(&self) -> (usize, usize) {
        let before = self.bytes.get(..self.pos).unwrap_or(self.bytes);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = self.text.get(line_start..self.pos).map_or(0, |s| s.chars().count()) + 1;
        (line, column)
    }

    /// Not JSON: what was expected and where (line and column; the path would be partial).
    #[cold]
    fn syntax(&self, expected: &str) -> TextError {
        let (line, column) = self.line_column();
        let message = match self.text.get(self.pos..).and_then(|rest| rest.chars().next()) {
            None => format!("is not valid JSON: the text ends where {expected} was expected (line {line}, column {column})"),
            Some(found) => {
                format!("is not valid JSON: expected {expected} at line {line}, column {column}, found {:?}", found)
            }
        };
        self.at_root(message)
    }

    /// Not JSON (or a string that is no text): what is wrong, and where.
    #[cold]
    fn invalid(&self, what: &str) -> TextError {
        let (line, column) = self.line_column();
        self.at_root(format!("is not valid JSON: {what} at line {line}, column {column}"))
    }

    fn at_root(&self, message: String) -> TextError {
        TextError { path: String::new(), message }
    }

    /// An error about the value (or key) being read, with its path.
    #[cold]
    fn here(&self, message: String) -> TextError {
        let mut path = String::new();
        for frame in &self.stack {
            match frame {
                Frame::Object { key, .. } => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                Frame::Array { index } => path.push_str(&format!("[{index}]")),
            }
        }
        TextError { path, message }
    }
}

/// A number as written, cut short when it is long (it is quoted in a one-line message).
fn shortened(written: &str) -> String {
    match written.char_indices().nth(24) {
        Some((end, _)) => format!("{}…", written.get(..end).unwrap_or_default()),
        None => written.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_rules(text: &str) -> Result<(), (String, String)> {
        check(text, "the rules file", MAX_RULES_BYTES).map_err(|e| (e.path, e.message))
    }

    #[test]
    fn valid_json_passes() {
        for ok in [
            "{}",
            "[]",
            " {\"a\":[1,-2,0,{\"b\":null,\"c\":true,\"d\":false}],\"e\":\"x\\\"\\u00e9\\ud83d\\ude00\"}\n",
            "9007199254740991",
            "-9007199254740991",
            "\"été\"",
        ] {
            assert_eq!(check_rules(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn each_refusal_names_its_path_and_problem() {
        for (text, path, message) in [
            ("", "", "is empty"),
            ("{} x", "", "unexpected text after the JSON value at line 1, column 4"),
            ("{\"a\":1}{}", "", "unexpected text after the JSON value"),
            ("{\"goals\":[{},{},{\"treatment\":1,\"treatment\":2}]}", "goals[2].treatment", "appears twice"),
            ("{\"a\":1,\"\\u0061\":2}", "a", "appears twice"),
            ("{\"age\":18.0}", "age", "18.0 has a fraction or an exponent"),
            ("{\"a\":[1,1e1]}", "a[1]", "1e1 has a fraction"),
            ("9007199254740992", "", "is too large"),
            ("-123456789012345678901234567890", "", "-12345678901234567890123… is too large"),
            ("\"\\ud800\"", "", "a lone surrogate escape"),
            ("\"\\udc00\"", "", "a lone surrogate escape"),
            ("\"\\ud800\\u0041\"", "", "a lone surrogate escape"),
            ("{goals:", "", "expected a key in double quotes at line 1, column 2"),
            ("[1,", "", "the text ends where a value was expected"),
            ("\"a\nb\"", "", "control character"),
            ("01", "", "unexpected text after the JSON value"),
            ("[1 2]", "", "expected `,` or `]` at line 1, column 4"),
            ("{\"a\":1 \"b\":2}", "", "expected `,` or `}`"),
            ("\u{feff}{}", "", "expected a value"),
            ("NaN", "", "expected a value"),
        ] {
            let (got_path, got) = check_rules(text).expect_err(text);
            assert_eq!(got_path, path, "{text:?}: {got}");
            assert!(got.contains(message), "{text:?}: {got:?} lacks {message:?}");
        }
    }

    #[test]
    fn deep_nesting_and_size_are_refused_before_they_cost() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let (_, message) = check_rules(&deep).unwrap_err();
        assert!(message.contains("nested more than 32 levels"), "{message}");
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(check_rules(&ok), Ok(()));
        let big = " ".repeat(MAX_RULES_BYTES + 1);
        assert_eq!(
            check_rules(&big),
            Err((String::new(), "the rules file is 1,048,577 bytes; the limit is 1,048,576".into()))
        );
        // Half a million unclosed arrays: refused at the depth limit, no stack used.
        assert!(check_rules(&"[".repeat(500_000)).is_err());
    }

    #[test]
    fn grouped_writes_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(52_428_800), "52,428,800");
    }
}
