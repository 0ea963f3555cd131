//! The rules file: every fact, number and text the engine uses, as data a clinic can
//! replace without a programmer. `rules/default.json` is embedded as the default.
//!
//! Every fact cites its source: a file name from the clinic's source articles, or
//! `clinic default` with a `note` giving the reason.

use serde::{Deserialize, Deserializer, Serialize};

use super::answers::{Area, Caution, Goal, Recent, Screening};
use super::error::EngineError;
use super::{Lang, TreatmentKind};

/// The rules-file format this engine reads. A file with another version is refused.
/// Format 2 added the waiting periods (`waits`), soft warnings (`cautions`), goal courses,
/// goal and aftercare areas, and the event-planning messages.
pub const RULES_FORMAT: u32 = 2;

/// The embedded default rules, as shipped: `rules/default.json` without its indentation
/// (`build.rs` strips the whitespace between tokens, which the app would otherwise download).
pub const DEFAULT_RULES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default.min.json"));

/// `Eq` (no field is a float) also lets the app's `Rc<Rules>` props compare by address
/// first: one rules file is never compared field by field on a render.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// The rules-file format, currently 2.
    pub format: u32,
    /// The clinic's own label for this revision, shown in the result's footer.
    pub revision: String,
    pub settings: Settings,
    pub treatments: Treatments,
    pub goals: Vec<GoalRule>,
    pub combination: Cited,
    pub screening: Vec<ScreeningRule>,
    /// Waiting periods: recent treatments or sun that move the first session later.
    pub waits: Vec<WaitRule>,
    /// Soft warnings: what the practitioner should know, without changing the outcome.
    pub cautions: Vec<CautionRule>,
    pub age_schedules: Vec<AgeSchedule>,
    /// Session counts an article gives for a goal (used when no age band gives one).
    pub goal_courses: Vec<GoalCourse>,
    pub aftercare: Vec<AftercareRule>,
    pub messages: Messages,
}

/// A piece of text in each language the app speaks. A missing language falls back to the
/// other one at run time, and `recommend lint` warns about it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
}

impl Text {
    /// The text in `lang`, else in the other language, else empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::En => (&self.en, &self.fr),
            Lang::Fr => (&self.fr, &self.en),
        };
        first
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .or(second.as_deref())
            .unwrap_or("")
    }

    /// The languages this text is missing or blank in.
    pub fn missing(&self) -> Vec<Lang> {
        [(Lang::En, &self.en), (Lang::Fr, &self.fr)]
            .into_iter()
            .filter(|(_, t)| t.as_deref().is_none_or(|s| s.trim().is_empty()))
            .map(|(l, _)| l)
            .collect()
    }
}

/// An inclusive range of whole numbers, such as "3–4 sessions".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub min: i64,
    pub max: i64,
}

impl Range {
    pub fn contains(self, n: i64) -> bool {
        self.min <= n && n <= self.max
    }
}

/// A number with where it comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Setting {
    pub value: i64,
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A range with where it comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitedRange {
    pub min: i64,
    pub max: i64,
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl CitedRange {
    pub fn range(&self) -> Range {
        Range { min: self.min, max: self.max }
    }
}

/// A sentence shown as a reason, with its source.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cited {
    pub text: Text,
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Below this age the answer is always "consult".
    pub min_age: Setting,
    /// Microneedling is not proposed below this age.
    pub microneedling_min_age: Setting,
    /// Every session before an event ends at least this many days before it.
    pub event_buffer_days: Setting,
    /// The first proposed session is this many days after today.
    pub first_session_after_days: Setting,
    /// Days between a microneedling and a mesotherapy session in a combined plan.
    pub combined_gap_days: Setting,
    /// Who treats and sees visitors at the clinic, as the visitor reads it ("a nurse or
    /// physician of the clinic"): it fills `{practitioner}` in every text.
    pub practitioner: Text,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Treatments {
    pub microneedling: TreatmentRules,
    pub mesotherapy: TreatmentRules,
}

impl Treatments {
    pub fn get(&self, kind: TreatmentKind) -> &TreatmentRules {
        match kind {
            TreatmentKind::Microneedling => &self.microneedling,
            TreatmentKind::Mesotherapy => &self.mesotherapy,
        }
    }
}

/// What the clinic says about one treatment, and its general schedule (used when no age
/// schedule applies).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreatmentRules {
    pub name: Text,
    /// One plain line for a newcomer.
    pub explain: Text,
    pub sessions: CitedRange,
    pub interval_days: CitedRange,
    pub session_minutes: CitedRange,
    /// Days of visible redness to expect, compared with the visitor's `downtime`.
    pub redness_days: Setting,
    pub downtime: Cited,
    pub results: Cited,
    pub maintenance: Cited,
    /// Shown as the reason for the schedule when no age schedule applies.
    pub general_schedule: Cited,
}

/// Which treatment a goal points to, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalRule {
    pub goal: Goal,
    pub treatment: TreatmentKind,
    pub label: Text,
    pub explain: Text,
    pub reason: Cited,
    /// Proposed instead when the main treatment is not available to this visitor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative: Option<Alternative>,
    /// The areas this goal is usually about (empty: any). When the visitor chose none of
    /// them, the result says so.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Area>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    pub treatment: TreatmentKind,
    pub reason: Cited,
}

/// A waiting period: a recent treatment (or sun) that moves the first session at least
/// `days` later. It can never stand in for a hard stop: `item` must be a waiting-period id,
/// and a health-screen id there is refused with its path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaitRule {
    #[serde(deserialize_with = "wait_item")]
    pub item: Recent,
    /// The question in plain words.
    pub label: Text,
    /// Days after today before the earliest first session (on top of the usual lead time).
    pub days: Setting,
    /// Shown as a reason; `{days}` and `{date}` (the earliest first session) are filled in.
    pub reason: Cited,
}

/// A soft warning: something the practitioner should know. It never changes the outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CautionRule {
    #[serde(deserialize_with = "caution_item")]
    pub item: Caution,
    /// The question in plain words.
    pub label: Text,
    /// Shown as a warning with the code `caution.<item>`.
    pub warning: Cited,
}

/// The session count and interval an article gives for some goals, for one treatment. Used
/// when the visitor's age band gives none; see [`Rules::course`] for the precedence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalCourse {
    /// A stable id, used in the reason's `rule` (`course.<id>`).
    pub id: String,
    pub goals: Vec<Goal>,
    pub treatment: TreatmentKind,
    pub sessions: Range,
    pub interval_days: Range,
    pub reason: Cited,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreeningRule {
    pub item: Screening,
    /// The question in plain words.
    pub label: Text,
    /// Why this sends the visitor to a practitioner first.
    pub reason: Cited,
}

/// A schedule for an age band, from the source article 004 where it covers the age.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeSchedule {
    /// A stable id, used in the reason's `rule` (`schedule.<id>`).
    pub id: String,
    pub treatment: TreatmentKind,
    /// Inclusive ages.
    pub ages: Range,
    /// The band's session count; absent when the article gives none for these ages (the
    /// goal's count or the general course then applies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sessions: Option<Range>,
    /// The band's interval; absent as for `sessions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval_days: Option<Range>,
    pub reason: Cited,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AftercareRule {
    pub id: String,
    pub treatments: Vec<TreatmentKind>,
    /// Shown only when the visitor chose one of these areas (empty: any area).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Area>,
    pub text: Text,
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The engine's own sentences. Placeholders in braces are filled in: `{age}`,
/// `{min_age}`, `{event}`, `{buffer}`, `{count}`, `{usual}`, `{first}`, `{goal}`,
/// `{goals}`, `{areas}`, `{item}`, `{days}`, `{treatment}`, `{downtime}`, and in every text
/// `{practitioner}` (`settings.practitioner`). `{days}` and `{buffer}` are filled with their
/// unit, singular or plural as the number asks ("14 days", « 14 jours »).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Messages {
    pub disclaimer: Text,
    pub summary_microneedling: Text,
    pub summary_mesotherapy: Text,
    pub summary_both: Text,
    pub summary_consult: Text,
    /// The summary when no session can take effect before the visitor's event.
    pub summary_event_too_close: Text,
    pub under_min_age: Cited,
    pub microneedling_min_age: Cited,
    pub prefers_no_redness: Cited,
    pub no_goals: Text,
    pub no_treatment_left: Text,
    pub goal_without_rule: Text,
    pub screening_without_rule: Text,
    pub redness_longer_than_accepted: Text,
    /// The visitor's wish for no redness moved goals away from the treatment the articles
    /// give for them (`{goals}`).
    pub downtime_trade_off: Text,
    /// No session fits before the event: `{event}`, `{buffer}`, `{first}`.
    pub event_too_close: Text,
    /// Only `{count}` of the usual `{usual}` sessions of `{treatment}` fit before the event.
    pub event_course_shortened: Text,
    /// A course that does not fit whole before the event is proposed whole after it.
    pub course_after_event: Text,
    /// A goal usually about other areas than the ones chosen: `{goal}`, `{areas}`.
    pub goal_area_mismatch: Text,
    /// A waiting period without a rule in this file: `{item}`, `{days}`, `{date}`.
    pub wait_without_rule: Text,
    /// A soft warning without a rule in this file: `{item}`.
    pub caution_without_rule: Text,
    pub age_without_schedule: Text,
    pub no_dates_without_today: Text,
}

/// Reads a waiting period's `item`, refusing a health-screen id with a sentence that says
/// why: a rules file cannot turn a hard stop into a wait.
fn wait_item<'de, D: Deserializer<'de>>(de: D) -> Result<Recent, D::Error> {
    let id = String::deserialize(de)?;
    Recent::from_id(&id).ok_or_else(|| serde::de::Error::custom(not_a_soft_item(&id, "a waiting period")))
}

/// Reads a soft warning's `item`, refusing a health-screen id as [`wait_item`] does.
fn caution_item<'de, D: Deserializer<'de>>(de: D) -> Result<Caution, D::Error> {
    let id = String::deserialize(de)?;
    Caution::from_id(&id).ok_or_else(|| serde::de::Error::custom(not_a_soft_item(&id, "a soft warning")))
}

fn not_a_soft_item(id: &str, what: &str) -> String {
    if Screening::ALL.iter().any(|s| s.id() == id) {
        format!("\"{id}\" is a health-screen hard stop: a rules file cannot turn it into {what}")
    } else {
        let known: Vec<&str> = match what {
            "a waiting period" => Recent::ALL.iter().map(|r| r.id()).collect(),
            _ => Caution::ALL.iter().map(|c| c.id()).collect(),
        };
        format!("unknown item \"{id}\", expected one of {}", known.join(", "))
    }
}

/// A finding of `lint`: where in the file (a JSON path) and what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub path: String,
    pub message: String,
}

/// What `lint` found: errors make the file unusable; warnings are worth a look.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LintReport {
    pub errors: Vec<Finding>,
    pub warnings: Vec<Finding>,
}

impl Rules {
    /// The embedded default rules.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn default_rules() -> Rules {
        // The default rules are checked by the test suite, so this cannot fail in a build
        // that passed its tests; the fallback keeps even a broken build from panicking.
        Rules::from_json(DEFAULT_RULES_JSON).unwrap_or_else(|_| Rules::fallback())
    }

    /// Parses a rules file and refuses it when `lint` finds errors.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Rules, EngineError> {
        Rules::parse(text)?.checked()
    }

    /// Parses without the semantic checks (for `lint`, which reports them all). The text
    /// must first be a valid file ([`Rules::check_text`]), as in the browser.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(text: &str) -> Result<Rules, EngineError> {
        Rules::check_text(text)?;
        let mut de = serde_json::Deserializer::from_str(text);
        let rules = Rules::parse_deserializer(&mut de)?;
        // Nothing may follow the value (`check_text` has refused it already; this keeps
        // serde_json from ever reading past it silently).
        de.end().map_err(|e| EngineError::invalid_rules("$", e.to_string()))?;
        Ok(rules)
    }

    /// Parses and checks a rules file, reporting every problem found.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn lint_json(text: &str) -> LintReport {
        match Rules::parse(text) {
            Ok(rules) => rules.lint(),
            Err(EngineError::InvalidRules { path, message })
            | Err(EngineError::InvalidAnswers { field: path, message }) => LintReport {
                errors: vec![Finding { path, message }],
                warnings: vec![],
            },
        }
    }

    /// Whether `text` is a valid rules file before it is parsed: at most
    /// [`MAX_RULES_BYTES`](super::MAX_RULES_BYTES), one JSON value, no key twice in an
    /// object, whole numbers only (see `json_text`). The host and the browser both call it,
    /// so they accept the same files; the error names the JSON path (`$.goals[2].treatment`).
    pub fn check_text(text: &str) -> Result<(), EngineError> {
        super::json_text::check(text, "the rules file", super::json_text::MAX_RULES_BYTES)
            .map_err(|e| EngineError::invalid_rules(json_path(&e.path), e.message))
    }

    /// [`Rules::from_json`] for any serde deserializer, with serde_path_to_error naming the
    /// JSON path of an error. (The browser's deserializer in `web::json` keeps the path
    /// itself, which is smaller, and calls [`Rules::checked`].)
    pub fn from_deserializer<'de, D: Deserializer<'de>>(de: D) -> Result<Rules, EngineError> {
        Rules::parse_deserializer(de)?.checked()
    }

    /// These rules, unless `lint` finds an error: then the first one.
    pub fn checked(self) -> Result<Rules, EngineError> {
        let report = self.lint();
        match report.errors.into_iter().next() {
            Some(first) => Err(EngineError::invalid_rules(first.path, first.message)),
            None => Ok(self),
        }
    }

    /// [`Rules::parse`] for any serde deserializer. An error names its JSON path.
    pub fn parse_deserializer<'de, D: Deserializer<'de>>(de: D) -> Result<Rules, EngineError> {
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = json_path(&e.path().to_string());
            EngineError::invalid_rules(path, e.into_inner().to_string())
        })
    }

    pub fn goal_rule(&self, goal: Goal) -> Option<&GoalRule> {
        self.goals.iter().find(|g| g.goal == goal)
    }

    pub fn screening_rule(&self, item: Screening) -> Option<&ScreeningRule> {
        self.screening.iter().find(|s| s.item == item)
    }

    /// The first age schedule for this treatment that covers `age`.
    pub fn age_schedule(&self, treatment: TreatmentKind, age: i64) -> Option<&AgeSchedule> {
        self.age_schedules
            .iter()
            .find(|s| s.treatment == treatment && s.ages.contains(age))
    }

    /// The first goal course for this treatment that names one of `goals`.
    pub fn goal_course(&self, treatment: TreatmentKind, goals: &[Goal]) -> Option<&GoalCourse> {
        self.goal_courses
            .iter()
            .find(|c| c.treatment == treatment && c.goals.iter().any(|g| goals.contains(g)))
    }

    pub fn wait_rule(&self, item: Recent) -> Option<&WaitRule> {
        self.waits.iter().find(|w| w.item == item)
    }

    pub fn caution_rule(&self, item: Caution) -> Option<&CautionRule> {
        self.cautions.iter().find(|c| c.item == item)
    }

    /// Checks everything the types cannot: ranges, duplicates, coverage and translations.
    pub fn lint(&self) -> LintReport {
        super::lint::lint(self)
    }

    /// A last-resort rule set with no facts, used only if the embedded file were
    /// unreadable: every answer then gets "consult", which is always safe.
    pub fn fallback() -> Rules {
        let setting = |value| Setting { value, source: "clinic default".into(), note: String::new() };
        Rules {
            format: RULES_FORMAT,
            revision: "fallback (no rules)".into(),
            settings: Settings {
                min_age: setting(18),
                microneedling_min_age: setting(22),
                event_buffer_days: setting(14),
                first_session_after_days: setting(7),
                combined_gap_days: setting(7),
                practitioner: Text { en: Some("a member of the clinic's care team".into()), fr: Some("un membre de l’équipe soignante de la clinique".into()) },
            },
            ..Rules::default()
        }
    }
}

/// Turns serde_path_to_error's `goals[2].treatment` into `$.goals[2].treatment`.
fn json_path(path: &str) -> String {
    if path.is_empty() || path == "." || path == "?" {
        "$".to_string()
    } else {
        format!("$.{path}")
    }
}
