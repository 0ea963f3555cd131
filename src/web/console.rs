//! The clinic console's `#[wasm_bindgen]` exports: what `www/console/` calls. Only the console
//! module has them (the `console` feature, ARCHITECTURE.md); no page of the finder and no
//! partner widget downloads it. They are the engine's own reader, lint, decision and
//! canonical writer of a rules file, so what the console shows is what the finder and
//! `recommend` do with the same file.
//!
//! Everything crosses as text or plain objects. The one thing kept between calls is a
//! [`Sweep`]: the two rule sets of a sweep, read once, which a Web Worker
//! (`www/console/sweep-worker.js`, loading the same module) runs a range at a time while the
//! page edits.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::json::{answers_from_json, default_rules, rules_parse};
use crate::engine::sweep::{Outcome, Space};
use crate::engine::{self, Date, EngineError, Finding, Lang, Rules};

/// The data-driven test cases (`tests/data/recommend.json`), offered to staff as ready-made
/// clients: the same answers the test suite checks.
const CASES: &str = include_str!("../../tests/data/recommend.json");

/// The day the sweep's answers are dated from: the test suite's `today`, so the console's
/// sweep and `tests/invariants.rs` walk the very same answers.
const SWEEP_TODAY: (i64, i64, i64) = (2026, 11, 22);

/// At most this many examples of changed outcomes per [`Sweep::run`] call.
const EXAMPLES_PER_CALL: usize = 5;

/// The built-in rules, as the canonical text [`format`] writes.
#[wasm_bindgen(js_name = consoleBuiltin)]
pub fn builtin() -> String {
    pretty(&default_rules())
}

/// What [`check`] found in a rules file.
#[derive(Serialize)]
struct Check {
    /// `false` when the text is not a rules file at all (not JSON, a wrong type, an
    /// unknown field): `errors` then holds that one error, with its path.
    readable: bool,
    errors: Vec<Finding>,
    warnings: Vec<Finding>,
}

/// Every finding of `recommend lint` for `text`: errors (saving is refused) and warnings.
#[wasm_bindgen(js_name = consoleCheck)]
pub fn check(text: &str) -> JsValue {
    let check = match rules_parse(text) {
        Ok(rules) => {
            let report = rules.lint();
            Check { readable: true, errors: report.errors, warnings: report.warnings }
        }
        Err(e) => Check { readable: false, errors: vec![finding(e)], warnings: vec![] },
    };
    to_js(&check)
}

/// The same rules as `text`, written canonically: the engine's field order, two-space
/// indents, a newline at the end. Throws when `text` is not a rules file.
#[wasm_bindgen(js_name = consoleFormat)]
pub fn format(text: &str) -> Result<String, JsError> {
    rules_parse(text).map(|rules| pretty(&rules)).map_err(|e| JsError::new(&e.to_string()))
}

/// What [`recommend`] gives: the recommendation, or why there is none.
#[derive(Serialize)]
struct Recommended {
    #[serde(skip_serializing_if = "Option::is_none")]
    recommendation: Option<engine::Recommendation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// The recommendation `recommend --rules FILE` prints for these rules (`rules_text`), these
/// answers (the answers JSON) and language (`en` or `fr`), or the error it prints.
#[wasm_bindgen(js_name = consoleRecommend)]
pub fn recommend(rules_text: &str, answers_text: &str, lang: &str) -> JsValue {
    let result = (|| {
        let rules = rules_parse(rules_text).and_then(Rules::checked).map_err(|e| e.to_string())?;
        let answers = answers_from_json(answers_text).map_err(|e| e.to_string())?;
        let lang = Lang::from_tag(lang).ok_or_else(|| format!("{lang:?} is not a supported language (en or fr)"))?;
        engine::recommend(&answers, &rules, lang).map_err(|e| e.to_string())
    })();
    to_js(&match result {
        Ok(rec) => Recommended { recommendation: Some(rec), error: None },
        Err(e) => Recommended { recommendation: None, error: Some(e) },
    })
}

/// What `engine::words` finds in one of the console's own texts (`lang`: `en` or `fr`): claim
/// words and, in French, Québec typography. The console's words are checked with the very rules
/// lint applies to a clinic's texts and the tests to the finder's (`tests/e2e/console.test.mjs`).
#[wasm_bindgen(js_name = consoleWords)]
pub fn words(text: &str, lang: &str) -> Vec<String> {
    let Some(lang) = Lang::from_tag(lang) else { return vec![format!("{lang:?} is not a supported language (en or fr)")] };
    let mut out: Vec<String> =
        engine::words::claims(text, lang).into_iter().map(|claim| format!("promises a result (\"{claim}\")")).collect();
    out.extend(engine::words::typography(text, lang));
    out
}

/// The ready-made clients: the test cases' text (`[{name, answers, expect}]`).
#[wasm_bindgen(js_name = consoleCases)]
pub fn cases() -> String {
    CASES.to_string()
}

/// How many answer combinations a [`Sweep`] walks (`engine::sweep`).
#[wasm_bindgen(js_name = consoleSweepSize)]
pub fn sweep_size() -> f64 {
    space().len() as f64
}

/// One changed outcome.
#[derive(Serialize)]
struct Example {
    index: f64,
    answers: engine::Answers,
    before: Outcome,
    after: Outcome,
}

/// What one [`Sweep::run`] call found.
#[derive(Serialize)]
struct Swept {
    checked: f64,
    changed: f64,
    examples: Vec<Example>,
}

/// A sweep ("who does this change affect"): the deployed and the edited rules, read and
/// checked once (reading and linting them is about as long as 400 combinations), and the
/// numbered space of answers they are compared on.
#[wasm_bindgen(js_name = ConsoleSweep)]
pub struct Sweep {
    before: Rules,
    after: Rules,
    space: Space,
}

#[wasm_bindgen(js_class = ConsoleSweep)]
impl Sweep {
    /// Reads both rule sets; throws an Error naming which one cannot be used, and why.
    #[wasm_bindgen(constructor)]
    pub fn new(before: &str, after: &str) -> Result<Sweep, JsError> {
        let read = |text: &str, which: &str| {
            rules_parse(text).and_then(Rules::checked).map_err(|e| JsError::new(&format!("the {which} rules: {e}")))
        };
        Ok(Sweep { before: read(before, "deployed")?, after: read(after, "edited")?, space: space() })
    }

    /// Combinations `start..end` of the space, each recommended with both rule sets
    /// (English): how many were checked, how many outcomes (`engine::sweep::Outcome`) differ,
    /// and the first few that do.
    pub fn run(&self, start: f64, end: f64) -> JsValue {
        let whole = |n: f64| if n.is_finite() && n > 0.0 { (n as u64).min(self.space.len()) } else { 0 };
        let (start, end) = (whole(start), whole(end));
        let mut swept = Swept { checked: 0.0, changed: 0.0, examples: vec![] };
        for index in start..end.max(start) {
            let Some(answers) = self.space.answers(index) else { break };
            let outcome = |rules: &Rules| engine::recommend(&answers, rules, Lang::En).ok().map(|r| Outcome::of(&r));
            let (was, now) = (outcome(&self.before), outcome(&self.after));
            swept.checked += 1.0;
            if was != now {
                swept.changed += 1.0;
                if let (Some(was), Some(now), true) = (was, now, swept.examples.len() < EXAMPLES_PER_CALL) {
                    swept.examples.push(Example { index: index as f64, answers, before: was, after: now });
                }
            }
        }
        to_js(&swept)
    }
}

fn space() -> Space {
    let (y, m, d) = SWEEP_TODAY;
    Space::new(Date::from_ymd(y, m, d).unwrap_or(Date::from_unix_days(0)))
}

/// Pretty JSON text, as `JSON.stringify(value, null, 2)` writes it, with a final newline.
fn pretty(rules: &Rules) -> String {
    let value = match rules.serialize(&serde_wasm_bindgen::Serializer::json_compatible()) {
        Ok(value) => value,
        Err(_) => return String::new(),
    };
    js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from_f64(2.0))
        .ok()
        .and_then(|s| s.as_string())
        .map(|s| s + "\n")
        .unwrap_or_default()
}

fn finding(e: EngineError) -> Finding {
    match e {
        EngineError::InvalidRules { path, message } | EngineError::InvalidAnswers { field: path, message } => {
            Finding { path, message }
        }
    }
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}
