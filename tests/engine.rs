//! Data-driven engine tests: every case lives in `tests/data/*.json`, and each file is run by
//! one test (`recommend.json` through the `check` helper), so adding a case means adding
//! data, not code.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;
use treatment_finder::engine::{longest_consults, recommend, words, Answers, EngineError, Lang, Recommendation, Rules};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    #[serde(default)]
    lang: Lang,
    answers: Value,
    expect: Expect,
}

/// What a case checks. Every field is optional; only what is given is compared.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Expect {
    treatment: Option<String>,
    summary: Option<String>,
    /// Rule ids that must appear among the reasons.
    #[serde(default)]
    rules: Vec<String>,
    /// Rule ids that must not appear.
    #[serde(default)]
    no_rules: Vec<String>,
    #[serde(default)]
    sources_include: Vec<String>,
    /// The exact warning codes, in order.
    warnings: Option<Vec<String>>,
    warning_text_contains: Option<String>,
    /// Session dates per treatment.
    dates: Option<BTreeMap<String, Vec<String>>>,
    #[serde(default)]
    no_plan: bool,
    #[serde(default)]
    no_aftercare: bool,
    event_date: Option<String>,
    reason_count: Option<usize>,
    /// The session range per treatment, as `[min, max]`.
    sessions: Option<BTreeMap<String, (i64, i64)>>,
    /// Per treatment and fact (`sessions`, `interval_days`, ...): text its source contains.
    #[serde(default)]
    sources: BTreeMap<String, BTreeMap<String, String>>,
    /// Texts some aftercare line must contain, and texts no line may contain.
    #[serde(default)]
    aftercare_contains: Vec<String>,
    #[serde(default)]
    aftercare_lacks: Vec<String>,
    /// Text some reason must contain, in the reason with this rule id.
    #[serde(default)]
    reason_text: BTreeMap<String, String>,
}

fn load<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn check(case: &Case, rules: &Rules) {
    let name = &case.name;
    let answers = Answers::from_json(&case.answers.to_string())
        .unwrap_or_else(|e| panic!("{name}: answers refused: {e}"));
    let rec: Recommendation = recommend(&answers, rules, case.lang).unwrap_or_else(|e| panic!("{name}: {e}"));
    let json = serde_json::to_value(&rec).unwrap();
    let e = &case.expect;
    let rule_ids: Vec<&str> = rec.reasons.iter().map(|r| r.rule.as_str()).collect();
    if let Some(t) = &e.treatment {
        assert_eq!(json["treatment"], *t, "{name}: treatment; reasons {rule_ids:?}");
    }
    if let Some(s) = &e.summary {
        assert_eq!(&rec.summary, s, "{name}: summary");
    }
    for r in &e.rules {
        assert!(rule_ids.contains(&r.as_str()), "{name}: expected reason {r}, got {rule_ids:?}");
    }
    for r in &e.no_rules {
        assert!(!rule_ids.contains(&r.as_str()), "{name}: unexpected reason {r} in {rule_ids:?}");
    }
    for s in &e.sources_include {
        assert!(rec.reasons.iter().any(|r| r.source.contains(s.as_str())), "{name}: no reason cites {s}");
    }
    if let Some(w) = &e.warnings {
        let codes: Vec<&str> = rec.warnings.iter().map(|w| w.code.as_str()).collect();
        assert_eq!(codes, *w, "{name}: warnings");
    }
    if let Some(text) = &e.warning_text_contains {
        assert!(rec.warnings.iter().any(|w| w.text.contains(text.as_str())), "{name}: no warning mentions {text}: {:?}", rec.warnings);
    }
    if let Some(dates) = &e.dates {
        let got: BTreeMap<String, Vec<String>> = rec
            .plan
            .iter()
            .map(|p| (p.treatment.id().to_string(), p.dates.iter().map(|d| d.to_string()).collect()))
            .collect();
        assert_eq!(&got, dates, "{name}: dates");
    }
    if e.no_plan {
        assert!(rec.plan.is_empty(), "{name}: a consult must have no plan");
    }
    if e.no_aftercare {
        assert!(rec.aftercare.is_empty(), "{name}: no aftercare without a plan");
    }
    if let Some(d) = &e.event_date {
        assert_eq!(json["event_date"], *d, "{name}: event_date");
    }
    if let Some(n) = e.reason_count {
        assert_eq!(rec.reasons.len(), n, "{name}: reasons {rule_ids:?}");
    }
    if let Some(sessions) = &e.sessions {
        let got: BTreeMap<String, (i64, i64)> =
            rec.plan.iter().map(|p| (p.treatment.id().to_string(), (p.sessions.min, p.sessions.max))).collect();
        assert_eq!(&got, sessions, "{name}: sessions");
    }
    for (treatment, facts) in &e.sources {
        let item = rec.plan.iter().find(|p| p.treatment.id() == treatment).unwrap_or_else(|| panic!("{name}: no {treatment} in the plan"));
        let sources = serde_json::to_value(&item.sources).unwrap();
        for (fact, text) in facts {
            let got = sources[fact].as_str().unwrap_or_else(|| panic!("{name}: no source for {fact}"));
            assert!(got.contains(text.as_str()), "{name}: {treatment}'s {fact} source is {got:?}, expected {text:?}");
        }
    }
    for text in &e.aftercare_contains {
        assert!(rec.aftercare.iter().any(|a| a.contains(text.as_str())), "{name}: no aftercare mentions {text:?}: {:?}", rec.aftercare);
    }
    for text in &e.aftercare_lacks {
        assert!(!rec.aftercare.iter().any(|a| a.contains(text.as_str())), "{name}: aftercare mentions {text:?}: {:?}", rec.aftercare);
    }
    for (rule, text) in &e.reason_text {
        let reason = rec.reasons.iter().find(|r| &r.rule == rule).unwrap_or_else(|| panic!("{name}: no reason {rule} in {rule_ids:?}"));
        assert!(reason.text.contains(text.as_str()), "{name}: reason {rule} is {:?}, expected it to contain {text:?}", reason.text);
    }
}

#[test]
fn recommendation_cases() {
    let rules = Rules::default_rules();
    let cases: Vec<Case> = load("recommend.json");
    assert!(cases.len() >= 20);
    for case in &cases {
        check(case, &rules);
    }
}

/// Every text the engine writes for a visitor, filled in (dates, counts, the clinic's
/// profession), promises nothing and follows Québec French typography: each case of
/// `recommend.json` in both languages, and the longest consults.
#[test]
fn every_text_a_visitor_reads_promises_nothing_and_is_typeset() {
    let rules = Rules::default_rules();
    let cases: Vec<Case> = load("recommend.json");
    let mut results: Vec<(String, Recommendation)> = Vec::new();
    for case in &cases {
        let answers = Answers::from_json(&case.answers.to_string()).unwrap();
        for lang in Lang::ALL {
            results.push((case.name.clone(), recommend(&answers, &rules, lang).unwrap()));
        }
    }
    for lang in Lang::ALL {
        results.extend(longest_consults(&rules, lang).into_iter().map(|r| ("longest consult".to_string(), r)));
    }
    let mut problems = Vec::new();
    for (name, rec) in &results {
        for text in rec.texts() {
            for claim in words::claims(text, rec.lang) {
                problems.push(format!("{name} ({:?}): promises \"{claim}\" in {text:?}", rec.lang));
            }
            for problem in words::typography(text, rec.lang) {
                problems.push(format!("{name} ({:?}): {problem}", rec.lang));
            }
        }
    }
    problems.dedup();
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InvalidCase {
    name: String,
    json: String,
    field: String,
    contains: String,
}

#[test]
fn malformed_answers_name_the_field_and_the_problem() {
    let cases: Vec<InvalidCase> = load("invalid_answers.json");
    for case in &cases {
        match Answers::from_json(&case.json) {
            Ok(a) => panic!("{}: accepted {a:?}", case.name),
            Err(EngineError::InvalidAnswers { field, message }) => {
                assert_eq!(field, case.field, "{}: field ({message})", case.name);
                assert!(message.contains(&case.contains), "{}: message {message:?} lacks {:?}", case.name, case.contains);
            }
            Err(other) => panic!("{}: wrong error kind {other:?}", case.name),
        }
    }
}

#[test]
fn the_default_rules_lint_clean() {
    let report = Rules::lint_json(treatment_finder::engine::DEFAULT_RULES_JSON);
    assert_eq!(report.errors, vec![], "errors");
    assert_eq!(report.warnings, vec![], "warnings");
    assert!(Rules::from_json(treatment_finder::engine::DEFAULT_RULES_JSON).is_ok());
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LintCase {
    name: String,
    /// JSON-pointer edits applied to a copy of the default rules: set, or remove with null.
    edits: Vec<(String, Value)>,
    #[serde(default)]
    errors: Vec<(String, String)>,
    #[serde(default)]
    warnings: Vec<(String, String)>,
    /// Edits of the file's text after `edits`, for what a JSON value cannot hold (a key
    /// twice, `2.0`): each first occurrence of a string replaced by another.
    #[serde(default)]
    replace: Vec<(String, String)>,
    /// Text added after the file (trailing text).
    #[serde(default)]
    append: String,
    /// Spaces added at the end until the file is this many bytes.
    #[serde(default)]
    pad_to_bytes: usize,
}

/// A case's rules file as text: `edits`, then `replace`, `append` and `pad_to_bytes`.
fn case_text(case: &LintCase) -> String {
    let mut text = edited_rules(&case.edits);
    for (from, to) in &case.replace {
        assert!(text.contains(from.as_str()), "{}: no {from:?} in the rules", case.name);
        text = text.replacen(from.as_str(), to, 1);
    }
    text.push_str(&case.append);
    let pad = case.pad_to_bytes.saturating_sub(text.len());
    text.push_str(&" ".repeat(pad));
    text
}

/// Applies `edits` to the default rules: a JSON pointer and a value, or `null` to remove
/// the key or array element.
pub fn edited_rules(edits: &[(String, Value)]) -> String {
    let mut doc: Value = serde_json::from_str(treatment_finder::engine::DEFAULT_RULES_JSON).unwrap();
    for (pointer, value) in edits {
        let (parent, last) = pointer.rsplit_once('/').unwrap();
        let target = doc.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent}"));
        match (target, value) {
            (Value::Object(map), Value::Null) => {
                map.remove(last);
            }
            (Value::Array(items), Value::Null) => {
                items.remove(last.parse::<usize>().unwrap());
            }
            (Value::Object(map), v) => {
                map.insert(last.to_string(), v.clone());
            }
            (Value::Array(items), v) => items[last.parse::<usize>().unwrap()] = v.clone(),
            _ => panic!("cannot edit {pointer}"),
        }
    }
    doc.to_string()
}

#[test]
fn lint_finds_what_a_clinic_got_wrong() {
    let cases: Vec<LintCase> = load("lint.json");
    for case in &cases {
        let text = case_text(case);
        let report = Rules::lint_json(&text);
        let has = |found: &[treatment_finder::engine::Finding], (path, text): &(String, String)| {
            found.iter().any(|f| &f.path == path && f.message.contains(text.as_str()))
        };
        for e in &case.errors {
            assert!(has(&report.errors, e), "{}: expected error {e:?}, got {:?}", case.name, report.errors);
        }
        for w in &case.warnings {
            assert!(has(&report.warnings, w), "{}: expected warning {w:?}, got {:?}", case.name, report.warnings);
        }
        assert_eq!(report.errors.len(), case.errors.len(), "{}: errors {:?}", case.name, report.errors);
        assert_eq!(report.warnings.len(), case.warnings.len(), "{}: warnings {:?}", case.name, report.warnings);
        // The file is refused exactly when lint finds an error, with lint's first error.
        match (Rules::from_json(&text), report.errors.first()) {
            (Ok(_), None) => {}
            (Err(EngineError::InvalidRules { path, message }), Some(first)) => {
                assert_eq!((&path, &message), (&first.path, &first.message), "{}", case.name)
            }
            (got, first) => panic!("{}: from_json gave {got:?}, lint's first error is {first:?}", case.name),
        }
    }
}

#[test]
fn a_rejected_rules_file_names_the_path() {
    let text = edited_rules(&[("/treatments/mesotherapy/interval_days/min".into(), Value::from(30))]);
    let err = Rules::from_json(&text).unwrap_err();
    assert_eq!(
        err,
        EngineError::InvalidRules {
            path: "$.treatments.mesotherapy.interval_days".into(),
            message: "min 30 is greater than max 28".into()
        }
    );
}

/// Every place in the default rules where a clinic could type something odd: each number
/// set to extreme and boundary values, each array emptied, each object key removed, each
/// string blanked. Lint must answer every one (an error or warnings, never a crash), and a
/// file it accepts must give a recommendation for ordinary and edge answers.
#[test]
fn no_rules_file_a_clinic_can_write_crashes_lint_or_the_engine() {
    fn pointers(value: &Value, at: String, out: &mut Vec<(String, Value)>) {
        match value {
            Value::Number(_) => {
                for n in [-1_000_000_000_i64, -1, 0, 1, 2, 17, 18, 21, 22, 28, 45, 65, 120, 121, 366, 1_000_000_000] {
                    out.push((at.clone(), Value::from(n)));
                }
                out.push((at.clone(), Value::from(2.5)));
            }
            Value::String(_) => out.push((at.clone(), Value::from(""))),
            Value::Array(items) => {
                out.push((at.clone(), Value::Array(vec![])));
                for (i, item) in items.iter().enumerate() {
                    pointers(item, format!("{at}/{i}"), out);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    out.push((format!("{at}/{key}"), Value::Null));
                    pointers(item, format!("{at}/{key}"), out);
                }
            }
            _ => {}
        }
    }
    let doc: Value = serde_json::from_str(treatment_finder::engine::DEFAULT_RULES_JSON).unwrap();
    let mut edits = Vec::new();
    pointers(&doc, String::new(), &mut edits);
    let answers: Vec<Answers> = [
        r#"{"goals":["hydration","scars","event"],"event_date":"2026-12-10","today":"2026-11-22","age":36,"screening":[]}"#,
        r#"{"goals":["texture","fine_lines","pores","stretch_marks"],"today":"2026-11-22","age":50,"downtime":"a_week","screening":[]}"#,
        r#"{"goals":["pigmentation","dullness"],"today":"2026-11-22","age":0,"screening":["blood_thinners"]}"#,
        r#"{"goals":["texture"],"today":"2026-11-22","age":120,"downtime":"none","screening":[]}"#,
        r#"{"goals":[],"age":29,"screening":[]}"#,
    ]
    .iter()
    .map(|text| Answers::from_json(text).unwrap())
    .collect();
    let (mut refused, mut accepted) = (0, 0);
    for (pointer, value) in &edits {
        let text = edited_rules(&[(pointer.clone(), value.clone())]);
        let report = Rules::lint_json(&text);
        match Rules::from_json(&text) {
            Err(e) => {
                refused += 1;
                assert!(!report.errors.is_empty(), "{pointer} = {value}: refused ({e}) but lint found no error");
            }
            Ok(rules) => {
                accepted += 1;
                // The packed form (how the reader module hands rules to the app) reads back the same.
                assert_eq!(Rules::from_packed(&rules.to_packed()).as_ref(), Ok(&rules), "{pointer} = {value}: packed");
                for a in &answers {
                    for lang in [Lang::En, Lang::Fr] {
                        if let Ok(r) = recommend(a, &rules, lang) {
                            assert!(!r.reasons.is_empty(), "{pointer} = {value}: a result without a reason");
                        }
                    }
                }
            }
        }
    }
    println!("{} odd rules files: {refused} refused with an error, {accepted} accepted and run", edits.len());
}

/// The packed rules (`engine::packed`), the only form the browser's first module reads: the
/// default rules and every valid rules file of `lint.json` read back exactly as they were
/// read from JSON (the ~2,000 odd files above are checked too).
#[test]
fn packed_rules_read_back_the_same() {
    let default = Rules::default_rules();
    assert_eq!(Rules::from_packed(&default.to_packed()), Ok(default.clone()));
    let cases: Vec<LintCase> = load("lint.json");
    let mut valid = 0;
    for case in &cases {
        if let Ok(rules) = Rules::from_json(&case_text(case)) {
            assert_eq!(Rules::from_packed(&rules.to_packed()), Ok(rules), "{}", case.name);
            valid += 1;
        }
    }
    assert!(valid >= 10, "only {valid} valid rules files in lint.json");
}

/// `rules/default.packed` is `rules/default.json` packed, stamped with the JSON's hash, as the
/// browser's first module embeds it (a wasm32 build refuses a stale stamp).
/// `UPDATE_PACKED=1 cargo test --test engine packed` writes it after a change to the rules or
/// to their types.
#[test]
fn the_packed_default_rules_are_fresh() {
    use treatment_finder::engine::{DEFAULT_RULES_FILE, DEFAULT_RULES_JSON, DEFAULT_RULES_JSON_HASH};
    // Never the fallback `Rules::default_rules` would give for a broken file: that is packed
    // nowhere, and a broken rules/default.json is named here.
    let rules = Rules::from_json(DEFAULT_RULES_JSON).unwrap_or_else(|e| panic!("rules/default.json: {e}"));
    let mut file = DEFAULT_RULES_JSON_HASH.to_le_bytes().to_vec();
    file.extend(rules.to_packed());
    if std::env::var_os("UPDATE_PACKED").is_some() {
        let path = format!("{}/rules/default.packed", env!("CARGO_MANIFEST_DIR"));
        std::fs::write(&path, &file).unwrap_or_else(|e| panic!("{path}: {e}"));
        return;
    }
    assert!(
        file == DEFAULT_RULES_FILE,
        "rules/default.packed is not rules/default.json packed: run UPDATE_PACKED=1 cargo test --test engine packed"
    );
    assert_eq!(Rules::from_packed(treatment_finder::engine::DEFAULT_RULES_PACKED), Ok(Rules::default_rules()));
}

/// The rules as the clinic's console saves them (`web::console`: the engine's own types written
/// back in their field order, two-space indents, as `serde_json::to_string_pretty` writes them):
/// the default rules and every valid file of `lint.json` read back as the same rules, with the
/// same lint report, and the default rules' file is already in that form, so a console that
/// changed nothing saves the file it opened.
#[test]
fn rules_written_back_read_back_the_same() {
    let default = Rules::default_rules();
    let written = serde_json::to_string_pretty(&default).unwrap() + "\n";
    assert_eq!(Rules::from_json(&written), Ok(default.clone()));
    let on_disk = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/default.json")).unwrap();
    assert_eq!(written, on_disk, "rules/default.json is not in the form the console saves");
    let cases: Vec<LintCase> = load("lint.json");
    let mut valid = 0;
    for case in &cases {
        let text = case_text(case);
        if let Ok(rules) = Rules::parse(&text) {
            let written = serde_json::to_string_pretty(&rules).unwrap();
            assert_eq!(Rules::parse(&written).as_ref(), Ok(&rules), "{}", case.name);
            assert_eq!(Rules::lint_json(&written), Rules::lint_json(&text), "{}", case.name);
            valid += 1;
        }
    }
    assert!(valid >= 10, "only {valid} readable rules files in lint.json");
}
