//! The shareable link: a URL fragment holding the answers that are not health answers
//! (goals, event date, age, areas, redness, language), so "Copy link" can reopen a result.
//!
//! **Invariant:** the health screen is never in a link. [`Shared`] has no field for it, and
//! opening a link lands on the health step so it is answered again.
//!
//! Format (version 1): `v=1&goals=hydration,scars&event=2027-02-14&age=36&areas=face&downtime=a_week&lang=fr`.
//! Every value is an id or a number, so nothing needs percent-encoding. Unknown keys and
//! unknown values are ignored, so an old link still opens in a newer app.

use crate::draft::Draft;
use crate::engine::{Area, Date, Downtime, Goal, Lang};

/// The non-health answers carried by a link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shared {
    pub goals: Vec<Goal>,
    pub event_date: Option<Date>,
    pub age: Option<i64>,
    pub areas: Vec<Area>,
    pub downtime: Option<Downtime>,
    pub lang: Option<Lang>,
}

impl Shared {
    pub fn from_draft(draft: &Draft, lang: Lang) -> Shared {
        let wants_event = draft.goals.contains(&Goal::Event);
        Shared {
            goals: draft.goals.clone(),
            event_date: draft.event_date().filter(|_| wants_event),
            age: draft.age(),
            areas: draft.areas.clone(),
            downtime: draft.downtime,
            lang: Some(lang),
        }
    }

    /// A draft with these answers and an unanswered health screen.
    pub fn to_draft(&self) -> Draft {
        Draft {
            goals: self.goals.clone(),
            event_date: self.event_date.map(|d| d.to_string()).unwrap_or_default(),
            age: self.age.map(|a| a.to_string()).unwrap_or_default(),
            areas: self.areas.clone(),
            downtime: self.downtime,
            ..Draft::default()
        }
    }
}

/// The fragment, without the leading `#`.
pub fn encode(shared: &Shared) -> String {
    let list = |ids: Vec<&str>| ids.join(",");
    let mut parts = vec!["v=1".to_string()];
    parts.push(format!("goals={}", list(shared.goals.iter().map(|g| g.id()).collect())));
    if let Some(d) = shared.event_date {
        parts.push(format!("event={d}"));
    }
    if let Some(age) = shared.age {
        parts.push(format!("age={age}"));
    }
    parts.push(format!("areas={}", list(shared.areas.iter().map(|a| a.id()).collect())));
    if let Some(d) = shared.downtime {
        parts.push(format!("downtime={}", d.id()));
    }
    if let Some(lang) = shared.lang {
        parts.push(format!("lang={}", lang.code()));
    }
    parts.join("&")
}

/// Reads a fragment (with or without `#`); `None` unless it is a version-1 link.
pub fn decode(fragment: &str) -> Option<Shared> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let pairs: Vec<(&str, &str)> = fragment
        .split('&')
        .filter_map(|p| p.split_once('='))
        .collect();
    if !pairs.contains(&("v", "1")) {
        return None;
    }
    let mut shared = Shared::default();
    for (key, value) in pairs {
        match key {
            "goals" => shared.goals = ids(value, &Goal::ALL, Goal::id),
            "event" => shared.event_date = Date::parse(value).ok(),
            "age" => {
                shared.age = value.parse::<i64>().ok().filter(|a| (0..=crate::engine::MAX_AGE).contains(a))
            }
            "areas" => shared.areas = ids(value, &Area::ALL, Area::id),
            "downtime" => shared.downtime = Downtime::ALL.into_iter().find(|d| d.id() == value),
            "lang" => shared.lang = Lang::from_tag(value),
            _ => {}
        }
    }
    Some(shared)
}

/// The known ids in a comma-separated list, in canonical order, without duplicates.
fn ids<T: Copy + PartialEq>(value: &str, all: &[T], id: fn(T) -> &'static str) -> Vec<T> {
    let wanted: Vec<&str> = value.split(',').collect();
    all.iter().copied().filter(|t| wanted.contains(&id(*t))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Caution, Recent, Screening};

    fn check(fragment: &str, expected: Option<&str>) {
        let got = decode(fragment).map(|s| encode(&s));
        assert_eq!(got.as_deref(), expected, "{fragment}");
    }

    #[test]
    fn decodes_and_normalises() {
        let full = "v=1&goals=hydration,scars&event=2027-02-14&age=36&areas=face,neck&downtime=a_week&lang=fr";
        check(full, Some(full));
        check(&format!("#{full}"), Some(full));
        check("", None);
        check("#", None);
        check("goals=scars", None);
        check("v=2&goals=scars", None);
        check("v=1", Some("v=1&goals=&areas="));
        // Order, duplicates and unknown values are normalised away.
        check("v=1&goals=scars,hydration,scars,tan", Some("v=1&goals=hydration,scars&areas="));
        check("v=1&age=200&event=2027-02-30&downtime=forever&lang=de&x=1", Some("v=1&goals=&areas="));
        check("v=1&age=-1", Some("v=1&goals=&areas="));
        check("age=40&v=1&lang=FR", Some("v=1&goals=&age=40&areas=&lang=fr"));
    }

    #[test]
    fn round_trips_a_draft_without_its_health_screen() {
        let draft = Draft {
            goals: vec![Goal::Scars, Goal::Event],
            event_date: "2027-02-14".into(),
            age: "36".into(),
            areas: vec![Area::Face, Area::Body],
            downtime: Some(Downtime::OneOrTwoDays),
            screening: vec![Screening::BloodThinners, Screening::PregnantOrBreastfeeding],
            recent: Recent::ALL.to_vec(),
            cautions: Caution::ALL.to_vec(),
            none_apply: false,
        };
        let fragment = encode(&Shared::from_draft(&draft, Lang::Fr));
        let ids = Screening::ALL.map(Screening::id).into_iter().chain(Recent::ALL.map(Recent::id)).chain(Caution::ALL.map(Caution::id));
        for id in ids {
            assert!(!fragment.contains(id), "{fragment} holds {id}");
        }
        assert!(!fragment.contains("recent") && !fragment.contains("caution"), "{fragment}");
        assert!(!fragment.contains("screen") && !fragment.contains("none_apply"), "{fragment}");
        let back = decode(&fragment).unwrap();
        assert_eq!(back.lang, Some(Lang::Fr));
        assert_eq!(back.to_draft(), draft.without_health());
    }

    #[test]
    fn an_event_date_travels_only_with_the_event_goal() {
        let draft = Draft { goals: vec![Goal::Pores], event_date: "2027-02-14".into(), ..Draft::default() };
        assert!(!encode(&Shared::from_draft(&draft, Lang::En)).contains("event="));
    }
}
