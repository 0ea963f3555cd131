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
///
/// The default has nothing answered: no goal, no area ticked (the About step asks for one)
/// and no redness answer ("Not sure").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
///
/// Written as version [`SAVED_VERSION`], read leniently ([`Saved::from_json`]): a newer or
/// older app's data, or a cached older app reading a newer one's, keeps what it can read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Saved {
    /// [`SAVED_VERSION`] when written; any number when read.
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
    /// A shared link's answers (at the health step), offered in place of these saved ones:
    /// the visitor chooses before either is used, and nothing is stored until then.
    pub offer: Option<Draft>,
}

impl Resume {
    /// What the page starts with for a shared link's answers (`link`) and saved progress.
    /// With both, the visitor chooses, unless they hold the same answers (as a link copied on
    /// this device and opened on it again does): then the link opens as it would alone.
    pub fn start(link: Option<Draft>, saved: Option<Saved>) -> Option<Resume> {
        let at_health = |draft: Draft, remember: bool| Resume { draft, step: Step::Health, remember, offer: None };
        match (link, saved) {
            (Some(link), Some(saved)) if !same_answers(&link, &saved.draft) => {
                Some(Resume { draft: saved.draft, step: saved.step, remember: true, offer: Some(link) })
            }
            (Some(link), saved) => Some(at_health(link, saved.is_some())),
            (None, Some(saved)) => Some(Resume { draft: saved.draft, step: saved.step, remember: true, offer: None }),
            (None, None) => None,
        }
    }
}

/// Whether two drafts hold the same answers a link can carry: the health screen, a date
/// left behind by an unticked event and spaces around the age aside.
fn same_answers(a: &Draft, b: &Draft) -> bool {
    let carried = |d: &Draft| {
        let event = d.goals.contains(&Goal::Event).then(|| d.event_date.trim().to_string());
        (d.goals.clone(), event, d.age.trim().to_string(), d.areas.clone(), d.downtime)
    };
    carried(a) == carried(b)
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

    /// Reads saved progress of any version, leniently: each field on its own, what cannot be
    /// read left at its default (an unknown goal or area id dropped from its list, an unknown
    /// step read as the goals step), unknown fields ignored, and never a health answer, even
    /// one a newer version wrote. The step is no later than the first one whose answers are
    /// missing. `None` only when the text is not JSON or holds no `draft` object.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Option<Saved> {
        Saved::from_loose(&serde_json::from_str::<Loose>(text).ok()?)
    }

    /// [`Saved::from_json`] for any self-describing serde deserializer (the browser's is in
    /// `web::json`).
    pub fn from_deserializer<'de, D: serde::Deserializer<'de>>(de: D) -> Option<Saved> {
        Saved::from_loose(&Loose::deserialize(de).ok()?)
    }

    fn from_loose(value: &Loose) -> Option<Saved> {
        let draft = value.get("draft")?;
        draft.as_map()?;
        let text = |key: &str| match draft.get(key) {
            Some(Loose::Text(s)) => s.clone(),
            // A whole number as integer text: formatting an f64 would add about 13 KB to the app.
            Some(Loose::Number(n)) if n.fract() == 0.0 && n.abs() < 1e15 => (*n as i64).to_string(),
            _ => String::new(),
        };
        let ids = |key: &str| -> Vec<String> {
            match draft.get(key) {
                Some(Loose::List(items)) => items.iter().filter_map(|i| i.as_text().map(str::to_string)).collect(),
                _ => vec![],
            }
        };
        let known = |key: &str, all: &[Goal]| -> Vec<Goal> {
            let wanted = ids(key);
            all.iter().copied().filter(|g| wanted.iter().any(|w| w == g.id())).collect()
        };
        let wanted = ids("areas");
        let areas = Area::ALL.into_iter().filter(|a| wanted.iter().any(|w| w == a.id())).collect();
        let downtime = draft.get("downtime").and_then(Loose::as_text).and_then(|t| Downtime::ALL.into_iter().find(|d| d.id() == t));
        // The health screen (`screening`, `recent`, `cautions`, `none_apply`) is never read.
        let draft = Draft {
            goals: known("goals", &Goal::ALL),
            event_date: text("event_date"),
            age: text("age"),
            areas,
            downtime,
            ..Draft::default()
        };
        let step = value
            .get("step")
            .and_then(Loose::as_text)
            .and_then(|t| Step::ALL.into_iter().find(|s| s.id() == t))
            .unwrap_or_default();
        // Not past the first step with missing answers (an event date in the past is left to
        // the questionnaire, which knows today).
        let first_day = Date::from_ymd(1, 1, 1).unwrap_or_else(|| Date::from_unix_days(0));
        let step = match draft.first_blocked(step, first_day) {
            Some((blocked, _)) => blocked,
            None => step,
        };
        let version = match value.get("version") {
            Some(Loose::Number(n)) if *n >= 0.0 && *n <= f64::from(u32::MAX) => *n as u32,
            _ => 0,
        };
        Some(Saved { version, ..Saved::new(&draft, step) })
    }
}

impl Step {
    /// The id saved progress uses (`snake_case`).
    pub fn id(self) -> &'static str {
        match self {
            Step::Goals => "goals",
            Step::AboutYou => "about_you",
            Step::Health => "health",
            Step::Result => "result",
        }
    }
}

/// Any JSON value, read with `deserialize_any` (serde_json on the host, the browser's
/// `JSON.parse` value in `web::json`), so that saved progress is read field by field: a
/// field of an unexpected shape is one value to leave out, not an error for the whole.
#[derive(Clone, Debug, PartialEq)]
enum Loose {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Loose>),
    Map(Vec<(String, Loose)>),
}

impl Loose {
    fn get(&self, key: &str) -> Option<&Loose> {
        self.as_map()?.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn as_map(&self) -> Option<&[(String, Loose)]> {
        match self {
            Loose::Map(entries) => Some(entries),
            _ => None,
        }
    }

    fn as_text(&self) -> Option<&str> {
        match self {
            Loose::Text(s) => Some(s),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Loose, D::Error> {
        de.deserialize_any(LooseVisitor)
    }
}

struct LooseVisitor;

impl<'de> serde::de::Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }

    fn visit_none<E>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, de: D) -> Result<Loose, D::Error> {
        Loose::deserialize(de)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Loose, E> {
        Ok(Loose::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Loose, E> {
        Ok(Loose::Number(n as f64))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Loose, E> {
        Ok(Loose::Number(n as f64))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Loose, E> {
        Ok(Loose::Number(n))
    }

    fn visit_str<E>(self, s: &str) -> Result<Loose, E> {
        Ok(Loose::Text(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Loose, E> {
        Ok(Loose::Text(s))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Loose>()? {
            items.push(item);
        }
        Ok(Loose::List(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Loose>()? {
            entries.push((key, value));
        }
        Ok(Loose::Map(entries))
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
        Draft { goals: goals.to_vec(), event_date: event.into(), age: age.into(), areas: vec![Area::Face], ..Draft::default() }
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
        d.areas = vec![];
        assert_eq!(d.first_blocked(Step::Result, today()), Some((Step::AboutYou, vec![Problem::NoArea])), "no area is ticked for the visitor");
        d.areas = vec![Area::Neck];
        let a = d.answers(today()).unwrap();
        assert_eq!((a.age, a.today, a.event_date), (36, Some(today()), None));
        assert_eq!(a.areas, vec![Area::Neck]);
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

    /// Stored texts of saved progress and what the app resumes from each
    /// (`tests/data/saved.json`, run in the browser too): read what can be read (any
    /// version, unknown fields ignored, each field on its own), drop only what cannot, never
    /// a health answer; `null` when nothing can be read and the app starts afresh.
    #[test]
    fn saved_progress_is_read_leniently() {
        #[derive(Deserialize, Debug, PartialEq)]
        struct Resumed {
            step: Step,
            draft: Draft,
        }
        #[derive(Deserialize)]
        struct Case {
            name: String,
            stored: String,
            resumed: Option<Resumed>,
        }
        let cases: Vec<Case> = serde_json::from_str(include_str!("../tests/data/saved.json")).unwrap();
        assert!(cases.len() > 10);
        for case in cases {
            let got = Saved::from_json(&case.stored).map(|s| Resumed { step: s.step, draft: s.draft });
            assert_eq!(got, case.resumed, "{}: {}", case.name, case.stored);
        }
    }

    /// What this app writes reads back as it was.
    #[test]
    fn saved_progress_round_trips() {
        let d = Draft { downtime: Some(Downtime::OneOrTwoDays), areas: vec![Area::Neck, Area::Body], ..draft(&[Goal::Pores, Goal::Event], "2027-02-14", "36") };
        for step in [Step::Goals, Step::AboutYou, Step::Health] {
            let saved = Saved::new(&d, step);
            assert_eq!(Saved::from_json(&saved.to_json()), Some(saved));
        }
    }

    #[test]
    fn a_link_and_saved_progress_that_differ_ask_the_visitor() {
        let saved = Saved::new(&draft(&[Goal::Hydration], "", "36"), Step::AboutYou);
        let link = draft(&[Goal::Scars], "", "36");
        let resume = |link: Option<&Draft>, saved: Option<&Saved>| Resume::start(link.cloned(), saved.cloned());
        // Both, different: the saved answers wait at their step, the link's are offered.
        assert_eq!(
            resume(Some(&link), Some(&saved)),
            Some(Resume { draft: saved.draft.clone(), step: Step::AboutYou, remember: true, offer: Some(link.clone()) })
        );
        // The same answers (a date left by an unticked event, spaces around the age aside):
        // the link opens at the health step, remembering, without a question.
        let same = Saved::new(&Draft { event_date: "2027-01-01".into(), age: " 36 ".into(), ..link.clone() }, Step::Goals);
        assert_eq!(resume(Some(&link), Some(&same)), Some(Resume { draft: link.clone(), step: Step::Health, remember: true, offer: None }));
        assert_eq!(resume(Some(&link), None), Some(Resume { draft: link.clone(), step: Step::Health, remember: false, offer: None }));
        assert_eq!(resume(None, Some(&saved)), Some(Resume { draft: saved.draft.clone(), step: Step::AboutYou, remember: true, offer: None }));
        assert_eq!(resume(None, None), None);
    }
}
