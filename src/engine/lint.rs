//! The checks behind `recommend lint` and `Rules::from_json`.
//!
//! Errors make a rules file unusable (the app then keeps the embedded rules); warnings
//! point at something a clinic probably did not mean: an age nobody covers, a goal with no
//! rule, a text in one language only, a rule that can never fire.
//!
//! Before any of this, the file's text must be a valid file (`json_text`: size, one value,
//! no key twice, whole numbers only). Then, among the errors:
//! - **safety texts** ([`safety_texts`]) empty, whitespace only or missing in English or
//!   French: who treats (`settings.practitioner`, it fills `{practitioner}` in "see
//!   {practitioner} first"), every hard stop's, waiting period's and soft warning's label
//!   and reason or warning, every aftercare line, the disclaimer, the consult summary, the
//!   age messages (`under_min_age`, `microneedling_min_age`) and the lines shown for a
//!   health item without a rule (`screening_without_rule`, `wait_without_rule`,
//!   `caution_without_rule`). Another text missing in one language is a warning (the other
//!   language is shown);
//! - a treatment without any aftercare line (a visitor with its plan would be told nothing
//!   about caring for the skin after a session);
//! - lengths: `revision` over [`MAX_REVISION_CHARS`] characters, an `id` over
//!   [`MAX_ID_CHARS`], any text, source or note over [`MAX_TEXT_CHARS`] (each result carries
//!   copies of them, and the widget computes many results).
//!
//! An empty `age_schedules` or `goal_courses` is a warning, not an error: the engine still
//! answers with a sourced count (the goal course, else the treatment's general course), but
//! the visitor's age, or goal, then never picks it, which the clinic should know.

use super::answers::{Caution, Goal, Recent, Screening, MAX_AGE};
use super::rules::{Cited, CitedRange, Finding, LintReport, Range, Rules, Setting, Text, RULES_FORMAT};
use super::{Lang, TreatmentKind};

pub fn lint(rules: &Rules) -> LintReport {
    let mut out = Lint::default();
    if rules.format != RULES_FORMAT {
        out.error("$.format", format!("is {}, but this engine reads format {RULES_FORMAT}", rules.format));
    }
    check_settings(rules, &mut out);
    check_treatments(rules, &mut out);
    check_goals(rules, &mut out);
    check_screening(rules, &mut out);
    check_waits(rules, &mut out);
    check_cautions(rules, &mut out);
    check_age_schedules(rules, &mut out);
    check_goal_courses(rules, &mut out);
    check_aftercare(rules, &mut out);
    if rules.revision.chars().count() > MAX_REVISION_CHARS {
        out.error("$.revision", too_long("is", rules.revision.chars().count(), MAX_REVISION_CHARS));
    }
    let safety: Vec<String> = safety_texts(rules).into_iter().map(|(path, _)| path).collect();
    for (path, text) in texts(rules) {
        for (lang, t) in [(Lang::En, &text.en), (Lang::Fr, &text.fr)] {
            let length = t.as_deref().map_or(0, |t| t.chars().count());
            if length > MAX_TEXT_CHARS {
                out.error(&path, too_long(&format!("{} text is", lang.name()), length, MAX_TEXT_CHARS));
            }
        }
        if safety.contains(&path) {
            match text.missing()[..] {
                [] => {}
                [lang] => out.error(
                    &path,
                    format!("has no {} text: a safety text must be written in English and in French", lang.name()),
                ),
                _ => out.error(&path, "is empty: a safety text must be written in English and in French".into()),
            }
        }
        for lang in Lang::ALL {
            let Some(t) = (match lang {
                Lang::En => text.en.as_deref(),
                Lang::Fr => text.fr.as_deref(),
            }) else {
                continue;
            };
            for claim in super::words::claims(t, lang) {
                out.warn(&path, format!("{} text promises a result (\"{claim}\"): say \"can help\", \"may\", and that results vary", lang.name()));
            }
            for problem in super::words::typography(t, lang) {
                out.warn(&path, format!("{} text {problem}", lang.name()));
            }
        }
        // A French text that is the English one, word for word, was probably never translated
        // (names such as "Microneedling" are the same in both, so only a sentence counts).
        if let (Some(en), Some(fr)) = (text.en.as_deref(), text.fr.as_deref()) {
            if en.trim() == fr.trim() && en.split_whitespace().count() >= 3 {
                out.warn(&path, "French text is the English text: is it translated?".to_string());
            }
        }
        for lang in text.missing().into_iter().filter(|_| !safety.contains(&path)) {
            if text.missing().len() == 2 {
                out.warn(&path, "is empty in every language".to_string());
                break;
            }
            out.warn(&path, format!("has no {} text (the other language is shown instead)", lang.name()));
        }
    }
    for (path, source, note) in sources(rules) {
        check_source(&path, source, note, &mut out);
        for (what, value) in [("source", source), ("note", note)] {
            let length = value.chars().count();
            if length > MAX_TEXT_CHARS {
                out.error(&path, too_long(&format!("{what} is"), length, MAX_TEXT_CHARS));
            }
        }
    }
    out.report
}

/// The longest `revision`, in characters: it is a label in the result's footer, copied
/// into every result.
pub const MAX_REVISION_CHARS: usize = 100;

/// The longest `id` of an age schedule, goal course or aftercare line, in characters.
pub const MAX_ID_CHARS: usize = 100;

/// The longest text (in each language), source or note, in characters: generous for a
/// paragraph, and it keeps a rules file from filling every result with megabytes.
pub const MAX_TEXT_CHARS: usize = 4_000;

fn too_long(what: &str, length: usize, limit: usize) -> String {
    format!(
        "{what} {} characters long; the limit is {}",
        super::json_text::grouped(length as u64),
        super::json_text::grouped(limit as u64)
    )
}

/// The texts that carry a safety message, with their JSON paths: each must be written in
/// both languages, or the file is refused (see the module's comment for why each is here).
/// They are the [`texts`] at [`is_safety_text`]'s paths.
pub fn safety_texts(rules: &Rules) -> Vec<(String, &Text)> {
    texts(rules).into_iter().filter(|(path, _)| is_safety_text(path)).collect()
}

/// Whether the text at `path` carries a safety message: who treats, every health question
/// and what it leads to, the aftercare, and the messages that send a visitor to a
/// practitioner or explain why a treatment is not offered.
fn is_safety_text(path: &str) -> bool {
    const MESSAGES: [&str; 7] = [
        "disclaimer",
        "summary_consult",
        "under_min_age.text",
        "microneedling_min_age.text",
        "screening_without_rule",
        "wait_without_rule",
        "caution_without_rule",
    ];
    path == "$.settings.practitioner"
        || ["$.screening[", "$.waits[", "$.cautions[", "$.aftercare["].iter().any(|list| path.starts_with(list))
        || path.strip_prefix("$.messages.").is_some_and(|name| MESSAGES.contains(&name))
}

/// Every text in the rules with its JSON path, so translations can be checked in one place.
pub fn texts(rules: &Rules) -> Vec<(String, &Text)> {
    let mut all: Vec<(String, &Text)> = vec![("$.settings.practitioner".into(), &rules.settings.practitioner)];
    for kind in TreatmentKind::ALL {
        let t = rules.treatments.get(kind);
        let base = format!("$.treatments.{}", kind.id());
        all.push((format!("{base}.name"), &t.name));
        all.push((format!("{base}.explain"), &t.explain));
        for (field, cited) in treatment_citations(t) {
            all.push((format!("{base}.{field}.text"), &cited.text));
        }
    }
    for (i, g) in rules.goals.iter().enumerate() {
        all.push((format!("$.goals[{i}].label"), &g.label));
        all.push((format!("$.goals[{i}].explain"), &g.explain));
        all.push((format!("$.goals[{i}].reason.text"), &g.reason.text));
        if let Some(alt) = &g.alternative {
            all.push((format!("$.goals[{i}].alternative.reason.text"), &alt.reason.text));
        }
    }
    all.push(("$.combination.text".into(), &rules.combination.text));
    for (i, s) in rules.screening.iter().enumerate() {
        all.push((format!("$.screening[{i}].label"), &s.label));
        all.push((format!("$.screening[{i}].reason.text"), &s.reason.text));
    }
    for (i, w) in rules.waits.iter().enumerate() {
        all.push((format!("$.waits[{i}].label"), &w.label));
        all.push((format!("$.waits[{i}].reason.text"), &w.reason.text));
    }
    for (i, c) in rules.cautions.iter().enumerate() {
        all.push((format!("$.cautions[{i}].label"), &c.label));
        all.push((format!("$.cautions[{i}].warning.text"), &c.warning.text));
    }
    for (i, s) in rules.age_schedules.iter().enumerate() {
        all.push((format!("$.age_schedules[{i}].reason.text"), &s.reason.text));
    }
    for (i, c) in rules.goal_courses.iter().enumerate() {
        all.push((format!("$.goal_courses[{i}].reason.text"), &c.reason.text));
    }
    for (i, a) in rules.aftercare.iter().enumerate() {
        all.push((format!("$.aftercare[{i}].text"), &a.text));
    }
    let m = &rules.messages;
    for (name, text) in [
        ("disclaimer", &m.disclaimer),
        ("summary_microneedling", &m.summary_microneedling),
        ("summary_mesotherapy", &m.summary_mesotherapy),
        ("summary_both", &m.summary_both),
        ("summary_consult", &m.summary_consult),
        ("summary_event_too_close", &m.summary_event_too_close),
        ("under_min_age.text", &m.under_min_age.text),
        ("microneedling_min_age.text", &m.microneedling_min_age.text),
        ("prefers_no_redness.text", &m.prefers_no_redness.text),
        ("no_goals", &m.no_goals),
        ("no_treatment_left", &m.no_treatment_left),
        ("goal_without_rule", &m.goal_without_rule),
        ("screening_without_rule", &m.screening_without_rule),
        ("redness_longer_than_accepted", &m.redness_longer_than_accepted),
        ("downtime_trade_off", &m.downtime_trade_off),
        ("event_too_close", &m.event_too_close),
        ("event_course_shortened", &m.event_course_shortened),
        ("course_after_event", &m.course_after_event),
        ("goal_area_mismatch", &m.goal_area_mismatch),
        ("wait_without_rule", &m.wait_without_rule),
        ("caution_without_rule", &m.caution_without_rule),
        ("age_without_schedule", &m.age_without_schedule),
        ("no_dates_without_today", &m.no_dates_without_today),
    ] {
        all.push((format!("$.messages.{name}"), text));
    }
    all
}

/// Every `source` in the rules with its path and note.
fn sources(rules: &Rules) -> Vec<(String, &str, &str)> {
    let mut all: Vec<(String, &str, &str)> = Vec::new();
    for (name, setting) in settings(rules) {
        all.push((format!("$.settings.{name}"), &setting.source, &setting.note));
    }
    for kind in TreatmentKind::ALL {
        let t = rules.treatments.get(kind);
        let base = format!("$.treatments.{}", kind.id());
        for (field, range) in treatment_ranges(t) {
            all.push((format!("{base}.{field}"), &range.source, &range.note));
        }
        all.push((format!("{base}.redness_days"), &t.redness_days.source, &t.redness_days.note));
        for (field, cited) in treatment_citations(t) {
            all.push((format!("{base}.{field}"), &cited.source, &cited.note));
        }
    }
    for (i, g) in rules.goals.iter().enumerate() {
        all.push((format!("$.goals[{i}].reason"), &g.reason.source, &g.reason.note));
        if let Some(alt) = &g.alternative {
            all.push((format!("$.goals[{i}].alternative.reason"), &alt.reason.source, &alt.reason.note));
        }
    }
    all.push(("$.combination".into(), &rules.combination.source, &rules.combination.note));
    for (i, r) in rules.screening.iter().enumerate() {
        all.push((format!("$.screening[{i}].reason"), &r.reason.source, &r.reason.note));
    }
    for (i, w) in rules.waits.iter().enumerate() {
        all.push((format!("$.waits[{i}].days"), &w.days.source, &w.days.note));
        all.push((format!("$.waits[{i}].reason"), &w.reason.source, &w.reason.note));
    }
    for (i, c) in rules.cautions.iter().enumerate() {
        all.push((format!("$.cautions[{i}].warning"), &c.warning.source, &c.warning.note));
    }
    for (i, r) in rules.age_schedules.iter().enumerate() {
        all.push((format!("$.age_schedules[{i}].reason"), &r.reason.source, &r.reason.note));
    }
    for (i, c) in rules.goal_courses.iter().enumerate() {
        all.push((format!("$.goal_courses[{i}].reason"), &c.reason.source, &c.reason.note));
    }
    for (i, r) in rules.aftercare.iter().enumerate() {
        all.push((format!("$.aftercare[{i}]"), &r.source, &r.note));
    }
    let m = &rules.messages;
    for (name, c) in [
        ("under_min_age", &m.under_min_age),
        ("microneedling_min_age", &m.microneedling_min_age),
        ("prefers_no_redness", &m.prefers_no_redness),
    ] {
        all.push((format!("$.messages.{name}"), &c.source, &c.note));
    }
    all
}

fn settings(rules: &Rules) -> [(&'static str, &Setting); 5] {
    let s = &rules.settings;
    [
        ("min_age", &s.min_age),
        ("microneedling_min_age", &s.microneedling_min_age),
        ("event_buffer_days", &s.event_buffer_days),
        ("first_session_after_days", &s.first_session_after_days),
        ("combined_gap_days", &s.combined_gap_days),
    ]
}

fn treatment_ranges(t: &super::rules::TreatmentRules) -> [(&'static str, &CitedRange); 3] {
    [
        ("sessions", &t.sessions),
        ("interval_days", &t.interval_days),
        ("session_minutes", &t.session_minutes),
    ]
}

fn treatment_citations(t: &super::rules::TreatmentRules) -> [(&'static str, &Cited); 4] {
    [
        ("downtime", &t.downtime),
        ("results", &t.results),
        ("maintenance", &t.maintenance),
        ("general_schedule", &t.general_schedule),
    ]
}

#[derive(Default)]
struct Lint {
    report: LintReport,
}

impl Lint {
    fn error(&mut self, path: &str, message: String) {
        self.report.errors.push(Finding { path: path.to_string(), message });
    }
    fn warn(&mut self, path: &str, message: String) {
        self.report.warnings.push(Finding { path: path.to_string(), message });
    }
    /// A range a schedule can use: at least `floor`, and min not above max.
    fn range(&mut self, path: &str, r: Range, floor: i64, ceiling: i64) {
        if r.min > r.max {
            self.error(path, format!("min {} is greater than max {}", r.min, r.max));
        }
        if r.min < floor || r.max > ceiling {
            self.error(path, format!("must stay within {floor}–{ceiling}, got {}–{}", r.min, r.max));
        }
    }
}

// Generous ceilings: they catch typos (a 140-day "interval" meant as 14) without
// second-guessing a clinic's real choices.
const MAX_SESSIONS: i64 = 24;
const MAX_INTERVAL_DAYS: i64 = 365;
const MAX_SESSION_MINUTES: i64 = 480;
const MAX_SETTING_DAYS: i64 = 365;
/// The lowest `min_age` and `microneedling_min_age` a rules file may set. A safety floor in
/// code, like the health screen: the finder proposes treatment plans to adults only, so a
/// clinic's rules file can raise these ages but cannot open plans to minors (README.md, "How
/// it decides").
pub const ADULT_AGE: i64 = 18;

fn check_settings(rules: &Rules, out: &mut Lint) {
    for (name, setting) in settings(rules) {
        let (lo, hi) = match name {
            "min_age" | "microneedling_min_age" => (ADULT_AGE, MAX_AGE),
            "combined_gap_days" => (1, MAX_SETTING_DAYS),
            _ => (0, MAX_SETTING_DAYS),
        };
        if !(lo..=hi).contains(&setting.value) {
            let why = if lo == ADULT_AGE && setting.value < lo {
                ": the finder proposes treatment plans to adults only"
            } else {
                ""
            };
            out.error(
                &format!("$.settings.{name}.value"),
                format!("must be within {lo}–{hi}, got {}{why}", setting.value),
            );
        }
    }
}

fn check_treatments(rules: &Rules, out: &mut Lint) {
    for kind in TreatmentKind::ALL {
        let t = rules.treatments.get(kind);
        let base = format!("$.treatments.{}", kind.id());
        out.range(&format!("{base}.sessions"), t.sessions.range(), 1, MAX_SESSIONS);
        out.range(&format!("{base}.interval_days"), t.interval_days.range(), 1, MAX_INTERVAL_DAYS);
        out.range(&format!("{base}.session_minutes"), t.session_minutes.range(), 1, MAX_SESSION_MINUTES);
        if !(0..=MAX_SETTING_DAYS).contains(&t.redness_days.value) {
            out.error(
                &format!("{base}.redness_days.value"),
                format!("must be within 0–{MAX_SETTING_DAYS}, got {}", t.redness_days.value),
            );
        }
    }
}

fn check_goals(rules: &Rules, out: &mut Lint) {
    let mut seen = Vec::new();
    for (i, g) in rules.goals.iter().enumerate() {
        if seen.contains(&g.goal) {
            out.error(
                &format!("$.goals[{i}].goal"),
                format!("\"{}\" already has a rule earlier in the list", g.goal.id()),
            );
        }
        seen.push(g.goal);
        if let Some(alt) = &g.alternative {
            if alt.treatment == g.treatment {
                out.error(
                    &format!("$.goals[{i}].alternative.treatment"),
                    format!("is the same as the goal's treatment (\"{}\")", g.treatment.id()),
                );
            }
        }
    }
    for goal in Goal::ALL {
        if !seen.contains(&goal) {
            out.warn(
                "$.goals",
                format!("goal \"{}\" has no rule: visitors who pick it get no treatment for it", goal.id()),
            );
        }
    }
}

/// Each built-in health item of one kind has exactly one rule in `list` (`$.screening`,
/// `$.waits`, `$.cautions`): a duplicate, or a missing one, is an error. The items are code,
/// so a rules file cannot remove a question (it would lose its label and its meaning).
fn check_one_rule_each<T: Copy + PartialEq>(list: &str, items: &[T], all: &[T], id: fn(T) -> &'static str, missing: &str, out: &mut Lint) {
    let mut seen = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if seen.contains(item) {
            out.error(&format!("{list}[{i}].item"), format!("\"{}\" already has a rule earlier in the list", id(*item)));
        }
        seen.push(*item);
    }
    for item in all.iter().filter(|item| !seen.contains(item)) {
        out.error(list, format!("{missing} \"{}\" has no rule: built-in health questions cannot be removed (add its label)", id(*item)));
    }
}

fn check_screening(rules: &Rules, out: &mut Lint) {
    let items: Vec<Screening> = rules.screening.iter().map(|s| s.item).collect();
    check_one_rule_each("$.screening", &items, &Screening::ALL, Screening::id, "hard stop", out);
}

/// Waiting periods: one rule each, and none below zero days. (A health-screen id in `item`
/// is refused when the file is read: `rules::wait_item`.)
fn check_waits(rules: &Rules, out: &mut Lint) {
    let items: Vec<Recent> = rules.waits.iter().map(|w| w.item).collect();
    check_one_rule_each("$.waits", &items, &Recent::ALL, Recent::id, "waiting period", out);
    for (i, w) in rules.waits.iter().enumerate() {
        let days = w.days.value;
        if days < 0 {
            out.error(&format!("$.waits[{i}].days.value"), format!("is {days}: a waiting period cannot be below zero days"));
        } else if days > MAX_SETTING_DAYS {
            out.error(&format!("$.waits[{i}].days.value"), format!("must be within 0–{MAX_SETTING_DAYS}, got {days}"));
        }
    }
}

fn check_cautions(rules: &Rules, out: &mut Lint) {
    let items: Vec<Caution> = rules.cautions.iter().map(|c| c.item).collect();
    check_one_rule_each("$.cautions", &items, &Caution::ALL, Caution::id, "soft warning", out);
}

/// The `id`s of the items of `list` (a JSON path): none empty, none used twice (each is a
/// reason's rule id).
fn check_ids(list: &str, ids: &[&str], what: &str, out: &mut Lint) {
    for (i, id) in ids.iter().enumerate() {
        if id.trim().is_empty() {
            out.error(&format!("{list}[{i}].id"), "is empty".into());
        } else if id.chars().count() > MAX_ID_CHARS {
            out.error(&format!("{list}[{i}].id"), too_long("is", id.chars().count(), MAX_ID_CHARS));
        } else if ids[..i].contains(id) {
            out.error(&format!("{list}[{i}].id"), format!("\"{id}\" is used by an earlier {what}"));
        }
    }
}

/// Goal courses: sensible ranges, unique ids, and goals to apply to.
fn check_goal_courses(rules: &Rules, out: &mut Lint) {
    let ids: Vec<&str> = rules.goal_courses.iter().map(|c| c.id.as_str()).collect();
    check_ids("$.goal_courses", &ids, "goal course", out);
    if rules.goal_courses.is_empty() {
        out.warn(
            "$.goal_courses",
            "is empty: no goal gives its own session count; the age schedule, else each treatment's general course ($.treatments), applies".into(),
        );
    }
    for (i, c) in rules.goal_courses.iter().enumerate() {
        let path = format!("$.goal_courses[{i}]");
        if c.goals.is_empty() {
            out.warn(&format!("{path}.goals"), "is empty, so this course is never used".into());
        }
        out.range(&format!("{path}.sessions"), c.sessions, 1, MAX_SESSIONS);
        out.range(&format!("{path}.interval_days"), c.interval_days, 1, MAX_INTERVAL_DAYS);
    }
}

fn check_age_schedules(rules: &Rules, out: &mut Lint) {
    let min_age = rules.settings.min_age.value;
    let ids: Vec<&str> = rules.age_schedules.iter().map(|s| s.id.as_str()).collect();
    check_ids("$.age_schedules", &ids, "schedule", out);
    if rules.age_schedules.is_empty() {
        out.warn(
            "$.age_schedules",
            "is empty: the visitor's age never picks a session count; the goal courses, else each treatment's general course ($.treatments), apply at every age".into(),
        );
    }
    for (i, s) in rules.age_schedules.iter().enumerate() {
        let path = format!("$.age_schedules[{i}]");
        out.range(&format!("{path}.ages"), s.ages, 0, MAX_AGE);
        if let Some(r) = s.sessions {
            out.range(&format!("{path}.sessions"), r, 1, MAX_SESSIONS);
        }
        if let Some(r) = s.interval_days {
            out.range(&format!("{path}.interval_days"), r, 1, MAX_INTERVAL_DAYS);
        }
    }
    for kind in TreatmentKind::ALL {
        let bands: Vec<(usize, Range)> = rules
            .age_schedules
            .iter()
            .enumerate()
            .filter(|(_, s)| s.treatment == kind && s.ages.min <= s.ages.max)
            .map(|(i, s)| (i, s.ages))
            .collect();
        if bands.is_empty() {
            continue;
        }
        // Clamped: an out-of-range minimum age is reported as an error above, and must not
        // send the age walk below outside the ages there are.
        let lowest = match kind {
            TreatmentKind::Microneedling => min_age.max(rules.settings.microneedling_min_age.value),
            TreatmentKind::Mesotherapy => min_age,
        }
        .clamp(0, MAX_AGE + 1);
        // Which band each age falls to (the first in the list wins), to find overlaps,
        // gaps and bands that can never fire.
        let mut owner: Vec<Option<usize>> = vec![None; (MAX_AGE + 1) as usize];
        for &(i, ages) in &bands {
            let (lo, hi) = (ages.min.max(0), ages.max.min(MAX_AGE));
            let mut fires = false;
            let mut overlap: Option<(usize, i64, i64)> = None;
            for age in lo..=hi {
                match owner[age as usize] {
                    None => {
                        owner[age as usize] = Some(i);
                        fires |= age >= lowest;
                    }
                    Some(first) => {
                        overlap = Some(match overlap {
                            Some((f, a, _)) if f == first => (f, a, age),
                            _ => (first, age, age),
                        });
                    }
                }
            }
            if let Some((first, a, b)) = overlap {
                out.warn(
                    &format!("$.age_schedules[{i}].ages"),
                    format!(
                        "{} overlap with $.age_schedules[{first}] (\"{}\"), which wins",
                        age_span(a, b),
                        rules.age_schedules[first].id
                    ),
                );
            }
            if !fires {
                out.warn(
                    &format!("$.age_schedules[{i}]"),
                    format!(
                        "can never fire: {} are below the minimum age of {lowest} or covered by earlier schedules",
                        age_span(ages.min, ages.max)
                    ),
                );
            }
        }
        let mut age = lowest;
        while age <= MAX_AGE {
            if owner[age as usize].is_none() {
                let start = age;
                while age < MAX_AGE && owner[(age + 1) as usize].is_none() {
                    age += 1;
                }
                out.warn(
                    "$.age_schedules",
                    format!(
                        "{} have no {} schedule: the general schedule ($.treatments.{}) applies",
                        age_span(start, age),
                        kind.id(),
                        kind.id()
                    ),
                );
            }
            age += 1;
        }
    }
}

fn age_span(a: i64, b: i64) -> String {
    if a == b {
        format!("age {a}")
    } else {
        format!("ages {a}–{b}")
    }
}

/// Aftercare: every treatment has some (an error otherwise: it is what a visitor with a
/// plan is told about the days after a session), and a line for no treatment is a warning.
fn check_aftercare(rules: &Rules, out: &mut Lint) {
    for kind in TreatmentKind::ALL {
        if !rules.aftercare.iter().any(|a| a.treatments.contains(&kind)) {
            out.error(
                "$.aftercare",
                format!("has no line for {}: a visitor with a {} plan would be told nothing about caring for the skin after a session", kind.id(), kind.id()),
            );
        }
    }
    for (i, a) in rules.aftercare.iter().enumerate() {
        if a.treatments.is_empty() {
            out.warn(&format!("$.aftercare[{i}].treatments"), "is empty, so this advice is never shown".into());
        }
    }
}

/// A source is one or more seed file names (`001_8463ed7e798e68ea.txt`) separated by
/// commas, or `clinic default` with a note giving the reason.
fn check_source(path: &str, source: &str, note: &str, out: &mut Lint) {
    if source.trim().is_empty() {
        out.warn(path, "has no source: cite a source article or write \"clinic default\"".into());
        return;
    }
    for part in source.split(',').map(str::trim) {
        if part == "clinic default" {
            if note.trim().is_empty() {
                out.warn(path, "is a clinic default without a note giving the reason".into());
            }
        } else if !is_seed_name(part) {
            out.warn(path, format!("source \"{part}\" is neither a source article file name nor \"clinic default\""));
        }
    }
}

fn is_seed_name(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 24
        && b[..3].iter().all(u8::is_ascii_digit)
        && b[3] == b'_'
        && b[4..20].iter().all(|c| c.is_ascii_hexdigit())
        && s.ends_with(".txt")
}
