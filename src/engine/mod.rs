//! The recommendation engine: answers and rules in, an explained recommendation out.
//!
//! **Architecture invariant:** nothing here imports yew, web-sys, gloo or wasm-bindgen,
//! reads a clock, or touches I/O. The caller passes `today`; the rules are data.

mod answers;
mod date;
mod error;
pub mod json_text;
mod lint;
mod lowercase;
mod packed;
mod plan;
mod recommend;
mod rules;
pub mod sweep;
pub mod words;

use serde::{Deserialize, Serialize};

pub use answers::{Answers, Area, Caution, Downtime, Goal, Recent, Screening, LAST_YEAR, MAX_AGE};
pub use date::Date;
pub use error::EngineError;
pub use json_text::{MAX_ANSWERS_BYTES, MAX_RULES_BYTES};
pub use lint::texts as rule_texts;
pub use lint::{safety_texts, MAX_ID_CHARS, MAX_REVISION_CHARS, MAX_TEXT_CHARS};
pub use packed::{DEFAULT_RULES_FILE, DEFAULT_RULES_JSON_HASH, DEFAULT_RULES_PACKED};
pub use recommend::{longest_consults, recommend};
pub use rules::{
    AftercareRule, AgeSchedule, Alternative, CautionRule, Cited, CitedRange, Finding, GoalCourse,
    GoalRule, LintReport, Messages, Range, Rules, ScreeningRule, Setting, Settings, Text,
    TreatmentRules, Treatments, WaitRule, DEFAULT_RULES_JSON, RULES_FORMAT,
};

/// A language the app and the rules speak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// Reads a language tag such as `fr`, `fr-CA` or `EN`; `None` for anything else.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "French",
        }
    }
}

/// One of the two treatments the clinic offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TreatmentKind {
    Microneedling,
    Mesotherapy,
}

impl TreatmentKind {
    pub const ALL: [TreatmentKind; 2] = [TreatmentKind::Microneedling, TreatmentKind::Mesotherapy];

    pub fn id(self) -> &'static str {
        match self {
            TreatmentKind::Microneedling => "microneedling",
            TreatmentKind::Mesotherapy => "mesotherapy",
        }
    }
}

/// The engine's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Treatment {
    Microneedling,
    Mesotherapy,
    Both,
    /// See a practitioner before any plan: a screening item, an age, or nothing to treat.
    Consult,
}

impl Treatment {
    pub fn id(self) -> &'static str {
        match self {
            Treatment::Microneedling => "microneedling",
            Treatment::Mesotherapy => "mesotherapy",
            Treatment::Both => "both",
            Treatment::Consult => "consult",
        }
    }
}

/// The recommendation: the output contract (JSON). Fields may be added, never removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    pub treatment: Treatment,
    /// The recommendation in one localized sentence.
    pub summary: String,
    pub reasons: Vec<Reason>,
    /// Empty for `consult`: there is nothing to book before a practitioner has seen them.
    pub plan: Vec<PlanItem>,
    pub aftercare: Vec<String>,
    pub warnings: Vec<Warning>,
    pub disclaimer: String,
    /// The language of every text above.
    pub lang: Lang,
    /// The event date, when the visitor has one, so the plan can be drawn around it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date: Option<Date>,
    /// The rules revision that produced this, so a clinic can trace an answer.
    pub rules_revision: String,
}

impl Recommendation {
    /// Every text a visitor reads in this result, for checks of its words (`words`).
    pub fn texts(&self) -> Vec<&str> {
        let mut texts: Vec<&str> = vec![&self.summary, &self.disclaimer];
        texts.extend(self.reasons.iter().map(|r| r.text.as_str()));
        texts.extend(self.warnings.iter().map(|w| w.text.as_str()));
        texts.extend(self.aftercare.iter().map(String::as_str));
        for p in &self.plan {
            texts.extend([p.name.as_str(), &p.downtime, &p.results, &p.maintenance]);
        }
        texts
    }
}

/// Why the engine decided something.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    /// A stable id (`goal.scars`, `screening.blood_thinners`, `schedule.meso_30_34`).
    pub rule: String,
    pub text: String,
    /// A source article file name, or `clinic default`.
    pub source: String,
}

/// Something the visitor should know that does not change the treatment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub code: String,
    pub text: String,
}

/// One treatment's course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    pub treatment: TreatmentKind,
    /// The treatment's localized name.
    pub name: String,
    pub sessions: Range,
    pub interval_days: Range,
    pub session_minutes: Range,
    pub downtime: String,
    pub results: String,
    pub maintenance: String,
    /// Proposed session dates; empty when `today` was not given.
    pub dates: Vec<Date>,
    /// Where each number and text above comes from, so the visitor can tell the clinic's
    /// articles from its own practice.
    pub sources: PlanSources,
}

/// The source of each fact of a [`PlanItem`]: one or more source article file names
/// separated by commas, and/or `clinic default`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSources {
    /// Where the session count comes from (age band, goal, or the general course).
    pub sessions: String,
    pub interval_days: String,
    pub session_minutes: String,
    pub downtime: String,
    pub results: String,
    pub maintenance: String,
}
