//! The questionnaire in progress: what the visitor has typed so far (possibly incomplete or
//! invalid), the checks each step makes before it lets the visitor continue, and the
//! saved-progress format for "Remember my answers on this device".
//!
//! Pure, like the engine: the UI's reducer calls it, and host tests cover it.

use serde::{Deserialize, Serialize};

use crate::engine::{Answers, Area, Caution, Date, Downtime, Goal, Recent, Screening, LAST_YEAR, MAX_AGE};

/// The questionnaire's steps, in order. The result counts as the last step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    #[default]
    Goals,
    AboutYou,
    Health,
    Result,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Goals, Step::AboutYou, Step::Health, Step::Result];

    /// 1-based, for "Step N of M".
    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn next(self) -> Step {
        Step::ALL[(self as usize + 1).min(3)]
    }

    pub fn previous(self) -> Step {
        Step::ALL[(self as usize).saturating_sub(1)]
    }
}

/// The answers as typed. Text fields keep the raw input so a half-typed age survives a
/// language switch or a step change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// Kept in `Goal::ALL` order.
    pub goals: Vec<Goal>,
    /// The date input's value (`YYYY-MM-DD`, or empty).
    pub event_date: String,
    /// The age input's value.
    pub age: String,
    /// Kept in `Area::ALL` order.
    pub areas: Vec<Area>,
    pub downtime: Option<Downtime>,
    /// Kept in `Screening::ALL` order.
    pub screening: Vec<Screening>,
    /// Recent treatments or sun (waiting periods), kept in `Recent::ALL` order.
    #[serde(default)]
    pub recent: Vec<Recent>,
    /// What the practitioner should know (soft warnings), kept in `Caution::ALL` order.
    #[serde(default)]
    pub cautions: Vec<Caution>,
    /// "None of these apply to me": exclusive with every health item above.
    pub none_apply: bool,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            goals: vec![],
            event_date: String::new(),
            age: String::new(),
            areas: vec![Area::Face],
            downtime: None,
            screening: vec![],
            recent: vec![],
            cautions: vec![],
            none_apply: false,
        }
    }
}

/// A field a problem belongs to; the UI maps it to the input's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Goals,
    EventDate,
    Age,
    Areas,
    Health,
}

/// Why a step cannot continue yet. Each one names its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Problem {
    NoGoal,
    EventDateMissing,
    EventDateInvalid,
    EventDatePast,
    AgeMissing,
    AgeNotWhole,
    AgeOutOfRange,
    NoArea,
    HealthUnanswered,
}

impl Problem {
    /// Every problem (the tests read each message in both languages).
    pub const ALL: [Problem; 9] = [
        Problem::NoGoal,
        Problem::EventDateMissing,
        Problem::EventDateInvalid,
        Problem::EventDatePast,
        Problem::AgeMissing,
        Problem::AgeNotWhole,
        Problem::AgeOutOfRange,
        Problem::NoArea,
        Problem::HealthUnanswered,
    ];

    pub fn field(self) -> Field {
        match self {
            Problem::NoGoal => Field::Goals,
            Problem::EventDateMissing | Problem::EventDateInvalid | Problem::EventDatePast => Field::EventDate,
            Problem::AgeMissing | Problem::AgeNotWhole | Problem::AgeOutOfRange => Field::Age,
            Problem::NoArea => Field::Areas,
            Problem::HealthUnanswered => Field::Health,
        }
    }
}

/// Toggles `item` in a list kept in the order of `all`.
pub fn toggle<T: Copy + PartialEq>(list: &[T], item: T, on: bool, all: &[T]) -> Vec<T> {
    all.iter()
        .copied()
        .filter(|x| if *x == item { on } else { list.contains(x) })
        .collect()
}

impl Draft {
    /// What stops `step` from continuing, in the order the fields appear.
    pub fn problems(&self, step: Step, today: Date) -> Vec<Problem> {
        let mut out = Vec::new();
        match step {
            Step::Goals => {
                if self.goals.is_empty() {
                    out.push(Problem::NoGoal);
                }
                if self.goals.contains(&Goal::Event) {
                    match self.event_date() {
                        _ if self.event_date.trim().is_empty() => out.push(Problem::EventDateMissing),
                        None => out.push(Problem::EventDateInvalid),
                        Some(d) if d < today => out.push(Problem::EventDatePast),
                        Some(_) => {}
                    }
                }
            }
            Step::AboutYou => {
                if let Err(p) = parse_age(&self.age) {
                    out.push(p);
                }
                if self.areas.is_empty() {
                    out.push(Problem::NoArea);
                }
            }
            Step::Health => {
                if !self.has_health_answer() && !self.none_apply {
                    out.push(Problem::HealthUnanswered);
                }
            }
            Step::Result => {}
        }
        out
    }

    /// The first step (before `upto`) that has problems, with them.
    pub fn first_blocked(&self, upto: Step, today: Date) -> Option<(Step, Vec<Problem>)> {
        Step::ALL
            .into_iter()
            .take_while(|s| *s < upto)
            .map(|s| (s, self.problems(s, today)))
            .find(|(_, p)| !p.is_empty())
    }

    /// The event date, when the input holds a real date.
    pub fn event_date(&self) -> Option<Date> {
        // A year past the engine's last (`LAST_YEAR`) is no date it can plan around.
        Date::parse(self.event_date.trim()).ok().filter(|d| d.ymd().0 <= LAST_YEAR)
    }

    pub fn age(&self) -> Option<i64> {
        parse_age(&self.age).ok()
    }

    /// The engine's answers, once every step before the result is complete.
    pub fn answers(&self, today: Date) -> Option<Answers> {
        if self.first_blocked(Step::Result, today).is_some() {
            return None;
        }
        let wants_event = self.goals.contains(&Goal::Event);
        Some(Answers {
            goals: self.goals.clone(),
            event_date: self.event_date().filter(|_| wants_event),
            today: Some(today),
            age: self.age()?,
            areas: self.areas.clone(),
            downtime: self.downtime,
            screening: self.screening.clone(),
            recent: self.recent.clone(),
            cautions: self.cautions.clone(),
        })
    }

    /// The same draft without the health screen (hard stops, waiting periods and soft
    /// warnings alike): what may be shared or stored.
    pub fn without_health(&self) -> Draft {
        Draft { screening: vec![], recent: vec![], cautions: vec![], none_apply: false, ..self.clone() }
    }

    /// Whether any health item is ticked.
    pub fn has_health_answer(&self) -> bool {
        !(self.screening.is_empty() && self.recent.is_empty() && self.cautions.is_empty())
    }
}

/// The saved-progress contract (localStorage `treatment-finder:v1`). It never holds the
/// health screen: those answers stay in memory only and are asked again after a reload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Saved {
    /// Always [`SAVED_VERSION`].
    pub version: u32,
    /// Never later than [`Step::Health`].
    pub step: Step,
    pub draft: Draft,
}

pub const SAVED_VERSION: u32 = 1;

/// Answers the app starts with, from a shared link or saved progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resume {
    pub draft: Draft,
    pub step: Step,
    /// Whether "Remember my answers on this device" starts ticked.
    pub remember: bool,
}
pub const STORAGE_KEY: &str = "treatment-finder:v1";

impl Saved {
    /// What to store for this draft and step.
    pub fn new(draft: &Draft, step: Step) -> Saved {
        Saved { version: SAVED_VERSION, step: step.min(Step::Health), draft: draft.without_health() }
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads saved progress; `None` for anything unreadable, of another version, or odd.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Option<Saved> {
        serde_json::from_str::<Saved>(text).ok()?.checked()
    }

    /// [`Saved::from_json`] for any serde deserializer (the browser's is in `web::json`).
    pub fn from_deserializer<'de, D: serde::Deserializer<'de>>(de: D) -> Option<Saved> {
        Saved::deserialize(de).ok()?.checked()
    }

    fn checked(self) -> Option<Saved> {
        if self.version != SAVED_VERSION {
            return None;
        }
        Some(Saved::new(&self.draft, self.step))
    }
}

fn parse_age(text: &str) -> Result<i64, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Problem::AgeMissing);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::AgeNotWhole);
    }
    match text.parse::<i64>() {
        Ok(age) if (0..=MAX_AGE).contains(&age) => Ok(age),
        _ => Err(Problem::AgeOutOfRange),
    }
}

// Host-only: these tests read JSON with serde_json, which is not a wasm32 dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::parse("2026-11-23").unwrap()
    }

    fn draft(goals: &[Goal], event: &str, age: &str) -> Draft {
        Draft { goals: goals.to_vec(), event_date: event.into(), age: age.into(), ..Draft::default() }
    }

    fn check(d: &Draft, step: Step, expected: &[Problem]) {
        assert_eq!(d.problems(step, today()), expected, "{d:?} at {step:?}");
    }

    #[test]
    fn goal_step() {
        use Problem::*;
        check(&draft(&[], "", ""), Step::Goals, &[NoGoal]);
        check(&draft(&[Goal::Scars], "", ""), Step::Goals, &[]);
        check(&draft(&[Goal::Event], "", ""), Step::Goals, &[EventDateMissing]);
        check(&draft(&[Goal::Event], "2026-02-30", ""), Step::Goals, &[EventDateInvalid]);
        check(&draft(&[Goal::Event], "9500-01-01", ""), Step::Goals, &[EventDateInvalid]);
        check(&draft(&[Goal::Event], "2026-11-22", ""), Step::Goals, &[EventDatePast]);
        check(&draft(&[Goal::Event], "2026-11-23", ""), Step::Goals, &[]);
        // A date left behind after unticking the event is ignored.
        check(&draft(&[Goal::Pores], "garbage", ""), Step::Goals, &[]);
    }

    #[test]
    fn about_you_step() {
        use Problem::*;
        for (age, expected) in [
            ("", vec![AgeMissing]),
            ("  ", vec![AgeMissing]),
            ("36", vec![]),
            (" 36 ", vec![]),
            ("0", vec![]),
            ("120", vec![]),
            ("121", vec![AgeOutOfRange]),
            ("99999999999999999999", vec![AgeOutOfRange]),
            ("-3", vec![AgeNotWhole]),
            ("36.5", vec![AgeNotWhole]),
            ("abc", vec![AgeNotWhole]),
        ] {
            check(&draft(&[], "", age), Step::AboutYou, &expected);
        }
        let no_area = Draft { age: "30".into(), areas: vec![], ..Draft::default() };
        check(&no_area, Step::AboutYou, &[NoArea]);
    }

    #[test]
    fn health_step() {
        let mut d = Draft::default();
        check(&d, Step::Health, &[Problem::HealthUnanswered]);
        d.none_apply = true;
        check(&d, Step::Health, &[]);
        d = Draft { screening: vec![Screening::BloodThinners], ..Draft::default() };
        check(&d, Step::Health, &[]);
        // A waiting period or a soft warning alone answers the step too.
        for recent in Recent::ALL {
            check(&Draft { recent: vec![recent], ..Draft::default() }, Step::Health, &[]);
        }
        for caution in Caution::ALL {
            check(&Draft { cautions: vec![caution], ..Draft::default() }, Step::Health, &[]);
        }
    }

    #[test]
    fn waits_and_cautions_reach_the_engine() {
        let d = Draft {
            none_apply: false,
            recent: vec![Recent::SunburnOrTan],
            cautions: vec![Caution::ColdSores],
            ..draft(&[Goal::Hydration], "", "36")
        };
        let a = d.answers(today()).unwrap();
        assert_eq!((a.screening, a.recent, a.cautions), (vec![], vec![Recent::SunburnOrTan], vec![Caution::ColdSores]));
    }

    #[test]
    fn answers_need_every_step() {
        let mut d = draft(&[Goal::Hydration, Goal::Scars], "", "36");
        assert_eq!(d.answers(today()), None);
        assert_eq!(d.first_blocked(Step::Result, today()), Some((Step::Health, vec![Problem::HealthUnanswered])));
        d.none_apply = true;
        let a = d.answers(today()).unwrap();
        assert_eq!((a.age, a.today, a.event_date), (36, Some(today()), None));
        assert_eq!(a.areas, vec![Area::Face]);
        d.age = String::new();
        assert_eq!(d.first_blocked(Step::Result, today()).map(|b| b.0), Some(Step::AboutYou));
    }

    #[test]
    fn toggling_keeps_the_canonical_order() {
        let l = toggle(&[Goal::Scars], Goal::Hydration, true, &Goal::ALL);
        assert_eq!(l, [Goal::Hydration, Goal::Scars]);
        assert_eq!(toggle(&l, Goal::Hydration, false, &Goal::ALL), [Goal::Scars]);
        assert_eq!(toggle(&l, Goal::Scars, true, &Goal::ALL), l);
    }

    #[test]
    fn saved_progress_never_holds_the_health_screen() {
        let d = Draft {
            screening: vec![Screening::PregnantOrBreastfeeding],
            recent: Recent::ALL.to_vec(),
            cautions: Caution::ALL.to_vec(),
            none_apply: true,
            ..draft(&[Goal::Event], "2027-02-14", "36")
        };
        let json = Saved::new(&d, Step::Result).to_json();
        let ids = Screening::ALL.map(Screening::id).into_iter().chain(Recent::ALL.map(Recent::id)).chain(Caution::ALL.map(Caution::id));
        for id in ids {
            assert!(!json.contains(id), "{id} in {json}");
        }
        assert!(json.contains(r#""recent":[],"cautions":[]"#), "{json}");
        let back = Saved::from_json(&json).unwrap();
        assert_eq!(back.step, Step::Health);
        assert_eq!(back.draft, d.without_health());
        assert!(!back.draft.has_health_answer() && !back.draft.none_apply);
    }

    #[test]
    fn unreadable_saved_progress_is_discarded() {
        let good = Saved::new(&Draft::default(), Step::AboutYou).to_json();
        assert!(Saved::from_json(&good).is_some());
        for bad in [
            "",
            "null",
            "{",
            r#"{"version":2,"step":"goals","draft":{}}"#,
            &good.replace("\"version\":1", "\"version\":9"),
            &good.replace("\"step\":\"about_you\"", "\"step\":\"nowhere\""),
            &good.replace("\"goals\":[]", "\"goals\":[\"tan\"]"),
            &good.replace("\"version\":1", "\"version\":1,\"extra\":true"),
        ] {
            assert_eq!(Saved::from_json(bad), None, "{bad}");
        }
        // A saved health screen from an older build would be dropped, never restored.
        let with_health = good.replace("\"screening\":[]", "\"screening\":[\"blood_thinners\"]");
        assert_eq!(Saved::from_json(&with_health).unwrap().draft.screening, vec![]);
        // Nor would waits or cautions, had anything saved them; progress saved before they
        // existed (no `recent` or `cautions` key) still reads.
        let with_waits = good.replace("\"recent\":[]", "\"recent\":[\"sunburn_or_tan\"]").replace("\"cautions\":[]", "\"cautions\":[\"cold_sores\"]");
        assert_ne!(with_waits, good);
        let back = Saved::from_json(&with_waits).unwrap().draft;
        assert_eq!((back.recent, back.cautions), (vec![], vec![]));
        let older = good.replace(",\"recent\":[],\"cautions\":[]", "");
        assert_ne!(older, good);
        assert_eq!(Saved::from_json(&older).unwrap().draft, Draft::default());
        assert_eq!(Saved::from_json(&good.replace("\"recent\":[]", "\"recent\":[\"tan\"]")), None, "an unknown id");
    }
}
