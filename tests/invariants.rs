//! Exhaustive safety invariants: every combination of goals, screening, downtime, age
//! bands and event distances goes through the engine, in both languages, and each result
//! is checked against the promises the product makes to a visitor.
#![cfg(not(target_arch = "wasm32"))]

use treatment_finder::engine::{
    longest_consults, recommend, rule_texts, Answers, Area, Caution, Date, Downtime, Goal, Lang, Recent,
    Recommendation, Rules, Screening, Treatment, TreatmentKind,
};
use treatment_finder::engine::sweep::Space;

/// The same with the edges a waiting period of 7 or 14 days moves, and an event half a year
/// away (counted back from it).
const EVENT_DAYS_WITH_WAITS: [i64; 12] = [0, 20, 21, 27, 28, 29, 34, 35, 36, 49, 180, 365];

fn screening_sets() -> Vec<Vec<Screening>> {
    let mut sets = vec![vec![], Screening::ALL.to_vec()];
    sets.extend(Screening::ALL.iter().map(|s| vec![*s]));
    sets
}

#[test]
fn every_combination_keeps_the_safety_promises() {
    let rules = Rules::default_rules();
    let today = Date::parse("2026-11-22").unwrap();
    let s = &rules.settings;
    let buffer = s.event_buffer_days.value;
    let first_day = today.add_days(s.first_session_after_days.value);
    let longest = Longest::of(&rules);
    let mut checked = 0u64;
    // The numbered space of answers the console's sweep also walks (`engine::sweep`).
    let space = Space::new(today);
    for answers in (0..space.len()).filter_map(|i| space.answers(i)) {
        let en = recommend(&answers, &rules, Lang::En).expect("valid answers");
        let fr = recommend(&answers, &rules, Lang::Fr).expect("valid answers");
        let why = format!("{answers:?}");
        assert_eq!(en.treatment, fr.treatment, "{why}: languages disagree");
        assert_eq!(
            en.plan.iter().map(|p| &p.dates).collect::<Vec<_>>(),
            fr.plan.iter().map(|p| &p.dates).collect::<Vec<_>>(),
            "{why}: languages disagree on dates"
        );
        for rec in [&en, &fr] {
            check(&answers, rec, &why, buffer, first_day, &rules);
            longest.check(rec, &why);
        }
        checked += 1;
    }
    println!("checked {checked} combinations of answers, each in English and French");
    assert!(checked > 1_000_000, "only {checked} combinations");
}

/// Waiting periods and soft warnings with every set of goals, event distances on each side
/// of every edge a wait moves, and the ages where the course changes: every promise of
/// `check` (no session inside the buffer or split across the event, the event's course last
/// within an interval of the buffer, each wait's days kept), and soft warnings that change
/// nothing but their own lines.
#[test]
fn waiting_periods_move_the_plan_and_soft_warnings_change_nothing() {
    let rules = Rules::default_rules();
    let today = Date::parse("2026-11-22").unwrap();
    let s = &rules.settings;
    let first_day = today.add_days(s.first_session_after_days.value);
    let mut checked = 0u64;
    let recent_sets: Vec<Vec<Recent>> = (0u32..(1 << Recent::ALL.len()))
        .map(|mask| Recent::ALL.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, r)| *r).collect())
        .collect();
    for mask in 0u32..(1 << Goal::ALL.len()) {
        let goals: Vec<Goal> =
            Goal::ALL.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, g)| *g).collect();
        let events: Vec<Option<Date>> = if goals.contains(&Goal::Event) {
            EVENT_DAYS_WITH_WAITS.iter().map(|d| Some(today.add_days(*d))).collect()
        } else {
            vec![None]
        };
        for event_date in &events {
            for recent in &recent_sets {
                for downtime in [None, Some(Downtime::None)] {
                    for age in [21, 36, 45] {
                        let plain = Answers {
                            goals: goals.clone(),
                            event_date: *event_date,
                            today: Some(today),
                            age,
                            areas: vec![Area::Face],
                            downtime,
                            screening: vec![],
                            recent: recent.clone(),
                            cautions: vec![],
                        };
                        let rec = recommend(&plain, &rules, Lang::En).expect("valid answers");
                        let why = format!("{plain:?}");
                        check(&plain, &rec, &why, s.event_buffer_days.value, first_day, &rules);
                        // Soft warnings add their own lines and change nothing else.
                        let cautious = Answers { cautions: Caution::ALL.to_vec(), ..plain.clone() };
                        let with = recommend(&cautious, &rules, Lang::En).expect("valid answers");
                        let added: Vec<&str> = with
                            .warnings
                            .iter()
                            .map(|w| w.code.as_str())
                            .filter(|c| !rec.warnings.iter().any(|w| w.code == *c))
                            .collect();
                        if rec.treatment == Treatment::Consult {
                            assert_eq!(with, rec, "{why}: soft warnings in a consult");
                        } else {
                            assert_eq!(added, ["caution.cold_sores", "caution.otc_blood_thinners", "caution.dark_marks_after_inflammation"], "{why}");
                            assert_eq!((&with.treatment, &with.plan, &with.reasons), (&rec.treatment, &rec.plan, &rec.reasons), "{why}: a soft warning changed the plan");
                        }
                        checked += 1;
                    }
                }
            }
        }
    }
    println!("checked {checked} combinations of waiting periods, goals, events and ages, with and without soft warnings");
    assert!(checked > 100_000, "only {checked} combinations");
}

/// The screening promise for every one of the 128 sets of health answers (the test above
/// tries none, all and each alone), with every set of goals, one area or all of them, an
/// adult and a minor.
#[test]
fn every_set_of_health_answers_means_see_a_practitioner_first() {
    let rules = Rules::default_rules();
    let today = Date::parse("2026-11-22").unwrap();
    let first_day = today.add_days(rules.settings.first_session_after_days.value);
    let buffer = rules.settings.event_buffer_days.value;
    let longest = Longest::of(&rules);
    let mut checked = 0u64;
    for screening_mask in 0u32..(1 << Screening::ALL.len()) {
        let screening: Vec<Screening> = Screening::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| screening_mask & (1 << i) != 0)
            .map(|(_, s)| *s)
            .collect();
        for goal_mask in 0u32..(1 << Goal::ALL.len()) {
            let goals: Vec<Goal> =
                Goal::ALL.iter().enumerate().filter(|(i, _)| goal_mask & (1 << i) != 0).map(|(_, g)| *g).collect();
            let event_date = goals.contains(&Goal::Event).then(|| today.add_days(21));
            for areas in [vec![Area::Face], Area::ALL.to_vec()] {
                for age in [17, 36] {
                    let answers = Answers {
                        goals: goals.clone(),
                        event_date,
                        today: Some(today),
                        age,
                        areas: areas.clone(),
                        downtime: None,
                        screening: screening.clone(),
                        recent: vec![],
                        cautions: vec![],
                    };
                    let rec = recommend(&answers, &rules, Lang::En).expect("valid answers");
                    check(&answers, &rec, &format!("{answers:?}"), buffer, first_day, &rules);
                    longest.check(&rec, &format!("{answers:?}"));
                    checked += 1;
                }
            }
        }
    }
    println!("checked {checked} combinations of health answers, goals, areas and ages");
    assert_eq!(checked, (1 << Screening::ALL.len()) * 512 * 2 * 2);
}

/// The longest consult results in each language (`longest_consults`): a partner's widget pads
/// every consult result to the tallest of them, so each consult must fit inside one.
struct Longest([Vec<Recommendation>; 2]);

impl Longest {
    fn of(rules: &Rules) -> Longest {
        Longest(Lang::ALL.map(|lang| longest_consults(rules, lang)))
    }

    /// A consult's reasons and warnings are all in one of the longest consults (same rule or
    /// code, same text once numbers are set aside, and no longer: the age in "At 17, ..." may
    /// be shorter, never longer).
    fn check(&self, rec: &Recommendation, why: &str) {
        if rec.treatment != Treatment::Consult {
            return;
        }
        let longest = &self.0[usize::from(rec.lang == Lang::Fr)];
        assert!(!longest.is_empty(), "{why}: no longest consult to pad to");
        let digits = |t: &str| t.split(|c: char| c.is_ascii_digit()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("#");
        let fits = |big: &Recommendation| {
            let fits = |b: &str, r: &str| digits(b) == digits(r) && r.chars().count() <= b.chars().count();
            rec.reasons.iter().all(|r| big.reasons.iter().any(|b| b.rule == r.rule && fits(&b.text, &r.text)))
                && rec.warnings.iter().all(|w| big.warnings.iter().any(|b| b.code == w.code && b.text == w.text))
        };
        assert!(longest.iter().any(fits), "{why}: a consult longer than every longest consult: {rec:?}");
    }
}

/// With rules that leave some goals no treatment (a goal without a rule, microneedling goals
/// without an alternative, a screening item without a rule), every consult still fits in one
/// of the longest.
#[test]
fn every_consult_fits_in_one_of_the_longest_even_when_rules_leave_no_treatment() {
    let mut rules = Rules::default_rules();
    rules.goals.retain(|g| g.goal != Goal::Pores);
    for g in rules.goals.iter_mut().filter(|g| matches!(g.goal, Goal::Texture | Goal::Scars)) {
        g.alternative = None;
    }
    rules.screening.retain(|s| s.item != Screening::KeloidScarring);
    let longest = Longest::of(&rules);
    let today = Date::parse("2026-11-22").unwrap();
    let mut consults = std::collections::BTreeSet::new();
    for goal_mask in 0u32..(1 << Goal::ALL.len()) {
        let goals: Vec<Goal> =
            Goal::ALL.iter().enumerate().filter(|(i, _)| goal_mask & (1 << i) != 0).map(|(_, g)| *g).collect();
        for screening in screening_sets() {
            for downtime in [None, Some(Downtime::None), Some(Downtime::AWeek)] {
                for age in [0, 9, 17, 18, 21, 22, 40] {
                    let answers = Answers {
                        goals: goals.clone(),
                        event_date: goals.contains(&Goal::Event).then(|| today.add_days(40)),
                        today: Some(today),
                        age,
                        areas: vec![Area::Face],
                        downtime,
                        screening: screening.clone(),
                        recent: vec![],
                        cautions: vec![],
                    };
                    for lang in Lang::ALL {
                        let rec = recommend(&answers, &rules, lang).expect("valid answers");
                        longest.check(&rec, &format!("{answers:?}"));
                        if rec.treatment == Treatment::Consult {
                            let last = rec.reasons.last().map(|r| r.rule.clone()).unwrap_or_default();
                            consults.insert((last, rec.warnings.iter().map(|w| w.code.clone()).collect::<Vec<_>>()));
                        }
                    }
                }
            }
        }
    }
    // Each way to a consult was tried: health, age, no goals, no treatment left (with the
    // goal without a rule warned about).
    let reached: Vec<&str> = consults.iter().map(|(rule, _)| rule.as_str()).collect();
    for way in ["screening.autoimmune_or_immunosuppressed", "age.under_min", "goals.none", "goals.no_treatment_left"] {
        assert!(reached.contains(&way), "no consult ends with {way}: {reached:?}");
    }
    assert!(
        consults.iter().any(|(rule, warnings)| rule == "goals.no_treatment_left" && warnings.contains(&"goal_without_rule".to_string())),
        "no consult for a goal without a rule: {consults:?}"
    );
}

fn check(a: &Answers, rec: &Recommendation, why: &str, buffer: i64, first_day: Date, rules: &Rules) {
    // Any screening item, or an age under the minimum, means consult and nothing to book.
    if !a.screening.is_empty() || a.age < rules.settings.min_age.value {
        assert_eq!(rec.treatment, Treatment::Consult, "{why}");
    }
    for item in &a.screening {
        let rule = format!("screening.{}", item.id());
        assert!(rec.reasons.iter().any(|r| r.rule == rule), "{why}: no reason names {rule}");
    }
    if rec.treatment == Treatment::Consult {
        assert!(rec.plan.is_empty() && rec.aftercare.is_empty(), "{why}: consult with a plan");
    } else {
        let expected = if rec.treatment == Treatment::Both { 2 } else { 1 };
        assert_eq!(rec.plan.len(), expected, "{why}: plan items");
        assert!(!rec.aftercare.is_empty(), "{why}: a plan without aftercare");
    }
    // Microneedling is never proposed under its minimum age or to someone who accepts no redness.
    let has_micro = rec.plan.iter().any(|p| p.treatment == TreatmentKind::Microneedling);
    if a.age < rules.settings.microneedling_min_age.value || a.downtime == Some(Downtime::None) {
        assert!(!has_micro, "{why}: microneedling proposed");
    }
    // Every result explains itself, in full sentences with a source.
    assert!(!rec.reasons.is_empty(), "{why}: no reason");
    for r in &rec.reasons {
        assert!(!r.source.trim().is_empty(), "{why}: reason {} has no source", r.rule);
    }
    for t in rec.texts() {
        assert!(!t.trim().is_empty(), "{why}: an empty text in {:?}", rec.lang);
        assert!(!(t.contains('{') || t.contains('}')), "{why}: unfilled placeholder in {t:?}");
    }
    // Dates: none before the first bookable day (moved by every waiting period), none
    // inside the event's buffer, the right count and spacing, and each course whole on one
    // side of the event.
    let s = &rules.settings;
    let wait = a
        .recent
        .iter()
        .map(|r| rules.wait_rule(*r).map_or(r.default_days(), |w| w.days.value))
        .max()
        .unwrap_or(0);
    let first_day = first_day.add_days(wait);
    for r in &a.recent {
        let days = rules.wait_rule(*r).map_or(r.default_days(), |w| w.days.value);
        for p in &rec.plan {
            if let (Some(today), Some(first)) = (a.today, p.dates.first()) {
                assert!(
                    today.days_until(*first) >= s.first_session_after_days.value + days,
                    "{why}: {first} does not wait the {days} days of {}",
                    r.id()
                );
            }
        }
    }
    let event = rec.event_date;
    let warned = |code: &str| rec.warnings.iter().any(|w| w.code == code);
    let mut all: Vec<(Date, TreatmentKind)> = vec![];
    for p in &rec.plan {
        if a.today.is_none() {
            assert!(p.dates.is_empty(), "{why}: dates without today");
            continue;
        }
        let shortened = event.is_some_and(|e| p.dates.iter().all(|d| *d < e)) && warned("event_course_shortened");
        if shortened {
            assert!(!p.dates.is_empty() && (p.dates.len() as i64) <= p.sessions.min, "{why}: shortened course");
        } else {
            assert_eq!(p.dates.len() as i64, p.sessions.min, "{why}: session count");
        }
        for pair in p.dates.windows(2) {
            assert!(pair[0].days_until(pair[1]) >= p.interval_days.min, "{why}: sessions too close");
        }
        if let Some(e) = event {
            let before = p.dates.iter().filter(|d| **d < e).count();
            assert!(before == 0 || before == p.dates.len(), "{why}: {} split across the event", p.name);
        }
        all.extend(p.dates.iter().map(|d| (*d, p.treatment)));
    }
    all.sort();
    for pair in all.windows(2) {
        if pair[0].1 != pair[1].1 {
            assert!(pair[0].0.days_until(pair[1].0) >= s.combined_gap_days.value, "{why}: two treatments too close");
        }
    }
    for (d, _) in &all {
        assert!(*d >= first_day, "{why}: {d} is before the first bookable day {first_day}");
        if let Some(e) = event {
            assert!(d.days_until(e) >= buffer || *d > e, "{why}: {d} is inside the buffer before {e}");
        }
    }
    let Some(e) = event.filter(|_| !rec.plan.is_empty() && a.today.is_some()) else {
        assert!(!warned("event_too_close") && !warned("course_after_event"), "{why}: event warnings without an event plan");
        return;
    };
    // Reachable: the last day the buffer allows is bookable.
    let latest = e.add_days(-buffer);
    let reachable = latest >= first_day;
    assert_eq!(warned("event_too_close"), !reachable, "{why}: event_too_close");
    if !reachable {
        assert!(all.iter().all(|(d, _)| *d > e), "{why}: a session before an event too close");
        return;
    }
    // The event's treatment: the event goal's, or its alternative when microneedling is out.
    let event_kind = rules.goal_rule(Goal::Event).and_then(|rule| {
        let blocked = rule.treatment == TreatmentKind::Microneedling
            && (a.age < s.microneedling_min_age.value || a.downtime == Some(Downtime::None));
        if blocked {
            rule.alternative.as_ref().map(|alt| alt.treatment)
        } else {
            Some(rule.treatment)
        }
    });
    if let Some(item) = event_kind.and_then(|k| rec.plan.iter().find(|p| p.treatment == k)) {
        let last = item.dates.iter().filter(|d| **d < e).max();
        let last = last.unwrap_or_else(|| panic!("{why}: the event's treatment has no session before it"));
        assert!(
            last.days_until(latest) < item.interval_days.min.max(1),
            "{why}: the last session before the event ({last}) is more than an interval before {latest}"
        );
    }
    // A course after the event is said, the event's own course apart.
    let after_courses = rec
        .plan
        .iter()
        .filter(|p| Some(p.treatment) != event_kind && p.dates.first().is_some_and(|d| *d > e))
        .count();
    assert_eq!(warned("course_after_event"), after_courses > 0, "{why}: course_after_event");
}

#[test]
fn every_rules_text_exists_in_both_languages() {
    let rules = Rules::default_rules();
    let texts = rule_texts(&rules);
    assert!(texts.len() > 80, "only {} texts", texts.len());
    for (path, text) in texts {
        for lang in Lang::ALL {
            let missing = text.missing();
            assert!(!missing.contains(&lang), "{path} has no {} text", lang.name());
        }
    }
}
