//! The `recommend` command line, as clinic staff and scripts use it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn recommend(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_recommend"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("recommend runs");
    // The child may exit before reading stdin (usage errors), so a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn temp_file(name: &str, content: &str) -> String {
    let dir = std::env::temp_dir().join(format!("recommend-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

/// (arguments, stdin, exit code, stdout must contain, stderr must contain)
const CASES: &[(&[&str], &str, i32, &str, &str)] = &[
    (
        &["-"],
        r#"{"goals":["hydration","scars"],"age":36,"today":"2026-11-22","screening":[]}"#,
        0,
        r#""treatment": "both""#,
        "",
    ),
    (
        &["--lang", "fr", "-"],
        r#"{"goals":["hydration"],"age":36,"today":"2026-11-22","screening":[]}"#,
        0,
        "Suggestion à discuter lors de votre consultation\u{a0}: la mésothérapie.",
        "",
    ),
    (&["-"], r#"{"goals":["tan"],"age":36,"screening":[]}"#, 2, "", "invalid answers: goals[0]: unknown variant `tan`"),
    // A line break inside a value still gives a one-line error.
    (&["-"], r#"{"goals":["event"],"event_date":"2027\n01-01","age":30,"screening":[]}"#, 2, "", "invalid answers: event_date: \"2027\\n01-01\" is not a date"),
    (&["-"], r#"{"goals":["tan\nline"],"age":30,"screening":[]}"#, 2, "", "invalid answers: goals[0]: unknown variant `tan\\nline`"),
    (&["--lang", "de", "-"], "{}", 2, "", "unknown language \"de\""),
    (&["--frobnicate"], "{}", 2, "", "unknown option --frobnicate"),
    (&["lint"], "", 2, "", "lint needs exactly one rules file"),
    (&["lint", "rules/default.json"], "", 0, "0 error(s), 0 warning(s)", ""),
    // The help shows the answers contract, new fields included.
    (&["--help"], "", 0, "recent      optional, waiting periods that move the first session later: injectables_2_weeks, peel_or_retinoid_1_week, sunburn_or_tan", ""),
    (&["--help"], "", 0, "cancer_treatment_or_poor_healing", ""),
    (&["--help"], "", 0, "cautions    optional, soft warnings for the practitioner: cold_sores, otc_blood_thinners, dark_marks_after_inflammation", ""),
    (&["-"], r#"{"goals":["hydration"],"age":36,"today":"2026-11-22","screening":[],"recent":["injectables_2_weeks"]}"#, 0, r#""rule": "recent.injectables_2_weeks""#, ""),
    (&["-"], r#"{"goals":["hydration"],"age":36,"screening":[],"recent":["botox"]}"#, 2, "", "invalid answers: recent[0]: unknown variant `botox`"),
];

#[test]
fn command_line_cases() {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    for (args, stdin, code, out, err) in CASES {
        let o = recommend(args, stdin);
        let (stdout, stderr) = (text(&o.stdout), text(&o.stderr));
        assert_eq!(o.status.code(), Some(*code), "{args:?}: {stderr}");
        assert!(stdout.contains(out), "{args:?}: stdout {stdout}");
        assert!(stderr.contains(err), "{args:?}: stderr {stderr}");
        if err.starts_with("invalid answers") {
            assert_eq!(stderr.lines().count(), 1, "{args:?}: the error is one line: {stderr}");
        }
    }
}

#[test]
fn output_is_a_valid_recommendation_with_dates_from_the_system_clock() {
    let o = recommend(&["-"], r#"{"goals":["hydration"],"age":36,"screening":[]}"#);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["treatment"], "mesotherapy");
    assert_eq!(v["plan"][0]["dates"].as_array().map(Vec::len), Some(3), "{v}");
    assert!(v["disclaimer"].as_str().unwrap().contains("not medical advice"));
}

#[test]
fn lint_reports_the_reopened_41_to_44_gap() {
    let mut rules: serde_json::Value =
        serde_json::from_str(treatment_finder::engine::DEFAULT_RULES_JSON).unwrap();
    let bands = rules["age_schedules"].as_array_mut().unwrap();
    bands.retain(|b| b["id"] != "meso_41_44");
    let path = temp_file("gap.json", &rules.to_string());
    let o = recommend(&["lint", &path], "");
    let stdout = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "warnings alone do not fail: {stdout}");
    assert!(
        stdout.contains("warning: $.age_schedules: ages 41–44 have no mesotherapy schedule"),
        "{stdout}"
    );
    // The engine still answers for a 42-year-old, with the general course and a warning.
    let o = recommend(&["--rules", &path, "-"], r#"{"goals":["pigmentation"],"age":42,"today":"2026-11-22","screening":[]}"#);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["warnings"][0]["code"], "age_without_schedule", "{v}");
}

#[test]
fn a_broken_rules_file_fails_lint_with_the_path_and_is_refused_for_answers() {
    let path = temp_file("broken.json", r#"{"format": 1, "revision": 7}"#);
    let o = recommend(&["lint", &path], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("error: $.revision: invalid type: integer `7`"), "{}", text(&o.stdout));
    let o = recommend(&["--rules", &path, "-"], r#"{"goals":[],"age":30,"screening":[]}"#);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("invalid rules: $.revision"), "{}", text(&o.stderr));
}

#[test]
fn a_file_name_that_is_not_utf8_is_a_usage_error_not_a_crash() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"answers-\xff.json");
    for args in [vec![name], vec![std::ffi::OsStr::new("lint"), name]] {
        let o = Command::new(env!("CARGO_BIN_EXE_recommend")).args(&args).stdin(Stdio::null()).output().unwrap();
        let stderr = text(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("is not valid UTF-8"), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    }
}

#[test]
fn a_closed_output_pipe_is_reported_not_a_crash() {
    // `recommend … | head -0`: the reader is gone before the recommendation is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_recommend"))
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let answers = r#"{"goals":["hydration","scars"],"age":36,"today":"2026-11-22","screening":[]}"#;
    child.stdin.take().unwrap().write_all(answers.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    let stderr = text(&o.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("recommend: cannot write the output:"), "{stderr}");
}

/// `recommend lint` and `recommend --rules` read a rules file as the browser does: trailing
/// text, a key twice and `18.0` are refused with the JSON path, by both commands alike.
#[test]
fn lint_and_the_rules_option_refuse_what_the_browser_refuses_with_the_path() {
    let default = treatment_finder::engine::DEFAULT_RULES_JSON;
    let twice = default.replacen("\"min_age\":{", "\"min_age\":{\"value\":18,", 1);
    let fraction = default.replacen("\"format\":2", "\"format\":2.0", 1);
    let big = format!("{default}{}", " ".repeat(treatment_finder::engine::MAX_RULES_BYTES + 1 - default.len()));
    for (name, content, expected) in [
        ("trailing.json", format!("{default}\n{{}}"), "$: unexpected text after the JSON value at line 2, column 1"),
        ("twice.json", twice, "$.settings.min_age.value: appears twice in the same object"),
        ("fraction.json", fraction, "$.format: 2.0 has a fraction or an exponent"),
        ("big.json", big, "$: the rules file is 1,048,577 bytes; the limit is 1,048,576"),
    ] {
        let path = temp_file(name, &content);
        let o = recommend(&["lint", &path], "");
        assert_eq!(o.status.code(), Some(1), "{name}: {}", text_of(&o));
        assert!(text(&o.stdout).contains(&format!("error: {expected}")), "{name}: {}", text(&o.stdout));
        let o = recommend(&["--rules", &path, "-"], r#"{"goals":[],"age":30,"screening":[]}"#);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", text_of(&o));
        assert!(text(&o.stderr).contains(&format!("invalid rules: {expected}")), "{name}: {}", text(&o.stderr));
    }
}

/// The answers too: trailing text, a key twice, `30.0` and an answers file over 64 KB.
#[test]
fn answers_with_trailing_text_a_key_twice_or_a_fraction_are_refused() {
    let many = format!(r#"{{"goals":[{}],"age":30,"screening":[]}}"#, vec!["\"hydration\""; 7_000].join(","));
    for (stdin, expected) in [
        (r#"{"goals":[],"age":30,"screening":[]} trailing"#.to_string(), "invalid answers: answers: unexpected text after the JSON value"),
        (r#"{"goals":[],"age":30,"screening":[],"screening":["blood_thinners"]}"#.to_string(), "invalid answers: screening: appears twice in the same object"),
        (r#"{"goals":[],"age":30.0,"screening":[]}"#.to_string(), "invalid answers: age: 30.0 has a fraction or an exponent"),
        (many, "invalid answers: answers: the answers JSON is 84,035 bytes; the limit is 65,536"),
    ] {
        let o = recommend(&["-"], &stdin);
        assert_eq!(o.status.code(), Some(2), "{}", text_of(&o));
        assert!(text(&o.stderr).contains(expected), "{}", text(&o.stderr));
    }
}

fn text_of(o: &Output) -> String {
    format!("{}{}", text(&o.stdout), text(&o.stderr))
}
