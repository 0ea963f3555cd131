//! The decision: which treatment, why, and the plan.

use super::answers::{Answers, Caution, Downtime, Goal, Recent, Screening};
use super::error::EngineError;
use super::lowercase::push_lower;
use super::plan::{schedule, Calendar, Course, Event, Placement};
use super::rules::{Cited, Range, Rules, Text};
use super::{words, Lang, PlanItem, PlanSources, Reason, Recommendation, Treatment, TreatmentKind, Warning};

/// Turns valid answers into a recommendation in `lang`.
///
/// Fails only when the answers are malformed (see [`Answers::validate`]); everything odd
/// but valid becomes a warning. Safety comes first and is not configurable: any screening
/// item, or an age under the rules' minimum, gives `consult` with no plan.
pub fn recommend(answers: &Answers, rules: &Rules, lang: Lang) -> Result<Recommendation, EngineError> {
    answers.validate()?;
    let mut out = Builder { rules, lang, reasons: vec![], warnings: vec![], served: vec![], event_too_close: false };
    let decision = out.decide(answers);
    let treatment = match decision.as_slice() {
        [] => Treatment::Consult,
        [TreatmentKind::Microneedling] => Treatment::Microneedling,
        [TreatmentKind::Mesotherapy] => Treatment::Mesotherapy,
        _ => Treatment::Both,
    };
    let plan = if treatment == Treatment::Consult { vec![] } else { out.plan(answers, &decision) };
    if treatment != Treatment::Consult {
        out.cautions(answers);
    }
    // Advice for an area the visitor did not choose (makeup on the body) is left out.
    let aftercare = rules
        .aftercare
        .iter()
        .filter(|a| a.treatments.iter().any(|t| decision.contains(t)))
        .filter(|a| a.areas.is_empty() || a.areas.iter().any(|area| answers.areas.contains(area)))
        .map(|a| fill_all(rules, lang, a.text.get(lang), &[]))
        .collect();
    let m = &rules.messages;
    let summary = match treatment {
        _ if out.event_too_close => &m.summary_event_too_close,
        Treatment::Microneedling => &m.summary_microneedling,
        Treatment::Mesotherapy => &m.summary_mesotherapy,
        Treatment::Both => &m.summary_both,
        Treatment::Consult => &m.summary_consult,
    };
    Ok(Recommendation {
        treatment,
        summary: fill_all(rules, lang, summary.get(lang), &[]),
        reasons: out.reasons,
        plan,
        aftercare,
        warnings: out.warnings,
        disclaimer: fill_all(rules, lang, m.disclaimer.get(lang), &[]),
        lang,
        event_date: answers.event_date.filter(|_| answers.goals.contains(&Goal::Event)),
        rules_revision: rules.revision.clone(),
    })
}

/// The longest consult results these rules can give, one for each way to a consult: every
/// health-screen item with an age under the minimum; no goals; and every goal that only
/// microneedling answers (or that has no rule), blocked by age or by the wish for no redness.
///
/// Every consult result lists some of the reasons and warnings of one of these, so none is
/// longer than the longest of them. A partner's widget pads each consult result to that
/// height (`web::embed`), so the partner page cannot tell from the iframe's height why a
/// practitioner should see the visitor first.
pub fn longest_consults(rules: &Rules, lang: Lang) -> Vec<Recommendation> {
    let s = &rules.settings;
    let clamp = |age: i64| age.clamp(0, super::MAX_AGE);
    let adult = clamp(s.min_age.value.max(s.microneedling_min_age.value));
    // Goals no treatment is left for once microneedling is out.
    let micro_only: Vec<Goal> = Goal::ALL
        .into_iter()
        .filter(|g| match rules.goal_rule(*g) {
            None => true,
            Some(rule) => rule.treatment == TreatmentKind::Microneedling && rule.alternative.is_none(),
        })
        .collect();
    let event_date = micro_only.contains(&Goal::Event).then(|| super::Date::from_unix_days(0));
    let answers = |goals: Vec<Goal>, age: i64, downtime: Option<Downtime>, screening: Vec<Screening>| Answers {
        goals,
        event_date,
        today: None,
        age,
        areas: vec![],
        downtime,
        screening,
        recent: vec![],
        cautions: vec![],
    };
    [
        answers(vec![], clamp(s.min_age.value - 1), None, Screening::ALL.to_vec()),
        answers(vec![], adult, None, vec![]),
        answers(micro_only.clone(), clamp(s.microneedling_min_age.value - 1).max(s.min_age.value), None, vec![]),
        answers(micro_only, adult, Some(Downtime::None), vec![]),
    ]
    .iter()
    .filter_map(|a| recommend(a, rules, lang).ok())
    .filter(|rec| rec.treatment == Treatment::Consult)
    .collect()
}

struct Builder<'a> {
    rules: &'a Rules,
    lang: Lang,
    reasons: Vec<Reason>,
    warnings: Vec<Warning>,
    /// Which treatment serves each goal the visitor picked (after age and redness).
    served: Vec<(Goal, TreatmentKind)>,
    /// No session fits before the visitor's event (the summary says so).
    event_too_close: bool,
}

/// Placeholder values for the rules' sentences.
type Vars<'v> = &'v [(&'v str, String)];

fn fill(template: &str, vars: Vars) -> String {
    vars.iter()
        .fold(template.to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// `template` filled with `vars` and, in every text, `{practitioner}` (who treats at the
/// clinic, `settings.practitioner`).
fn fill_all(rules: &Rules, lang: Lang, template: &str, vars: Vars) -> String {
    fill(&fill(template, vars), &[("practitioner", rules.settings.practitioner.get(lang).to_string())])
}

/// Words joined as a reader expects: "a", "a and b", "a, b and c" ("et" in French).
fn join(lang: Lang, words: &[String]) -> String {
    let and = match lang {
        Lang::En => " and ",
        Lang::Fr => " et ",
    };
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

/// A label inside a sentence: "acne or surgical scars", not "Acne or surgical scars".
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    let mut out = String::with_capacity(label.len() + 1);
    if let Some(c) = chars.next() {
        push_lower(c, &mut out);
    }
    out.push_str(chars.as_str());
    out
}

/// A session count and interval, with where they come from.
struct CourseChoice {
    sessions: Range,
    interval: Range,
    sessions_source: String,
    interval_source: String,
}

impl Builder<'_> {
    fn reason(&mut self, rule: String, cited: &Cited, vars: Vars) {
        let text = fill_all(self.rules, self.lang, cited.text.get(self.lang), vars);
        self.reasons.push(Reason { rule, text, source: cited.source.clone() });
    }

    fn warn(&mut self, code: &str, text: &Text, vars: Vars) {
        let text = fill_all(self.rules, self.lang, text.get(self.lang), vars);
        self.warnings.push(Warning { code: code.to_string(), text });
    }

    fn goal_label(&self, goal: Goal) -> String {
        match self.rules.goal_rule(goal) {
            Some(rule) => rule.label.get(self.lang).to_string(),
            None => goal.id().replace('_', " "),
        }
    }

    /// The treatments to propose, in plan order; empty means `consult`.
    fn decide(&mut self, answers: &Answers) -> Vec<TreatmentKind> {
        let rules = self.rules;
        let m = &rules.messages;
        let age = answers.age;
        let min_age = rules.settings.min_age.value;
        // Each item once, in the order of the health screen (sets would cost the app ~1 KB each).
        let screening: Vec<Screening> = Screening::ALL.into_iter().filter(|s| answers.screening.contains(s)).collect();
        for item in &screening {
            match rules.screening_rule(*item) {
                Some(rule) => self.reason(format!("screening.{}", item.id()), &rule.reason, &[]),
                None => {
                    let generic = Cited {
                        text: m.screening_without_rule.clone(),
                        source: "clinic default".into(),
                        note: String::new(),
                    };
                    self.reason(format!("screening.{}", item.id()), &generic, &[("item", item.id().into())]);
                }
            }
        }
        if age < min_age {
            let vars = [("age", age.to_string()), ("min_age", min_age.to_string())];
            self.reason("age.under_min".into(), &m.under_min_age, &vars);
        }
        if !screening.is_empty() || age < min_age {
            return vec![];
        }

        let goals: Vec<Goal> = Goal::ALL.into_iter().filter(|g| answers.goals.contains(g)).collect();
        if goals.is_empty() {
            let cited = Cited { text: m.no_goals.clone(), source: "clinic default".into(), note: String::new() };
            self.reason("goals.none".into(), &cited, &[]);
            self.warn("no_goals", &m.no_goals, &[]);
            return vec![];
        }

        let micro_min = rules.settings.microneedling_min_age.value;
        let too_young_for_micro = age < micro_min;
        let wants_no_redness = answers.downtime == Some(Downtime::None);
        // May repeat a treatment; made unique and put in plan order below.
        let mut chosen = Vec::new();
        let mut explained_micro_age = false;
        let mut explained_redness = false;
        // Goals the wish for no redness moved away from microneedling: the trade-off is said.
        let mut traded: Vec<String> = Vec::new();
        for goal in goals {
            let Some(rule) = rules.goal_rule(goal) else {
                self.warn("goal_without_rule", &m.goal_without_rule, &[("goal", goal.id().into())]);
                continue;
            };
            if !rule.areas.is_empty() && !rule.areas.iter().any(|a| answers.areas.contains(a)) {
                self.warn("goal_area_mismatch", &m.goal_area_mismatch, &[("goal", rule.label.get(self.lang).to_string())]);
            }
            let blocked = rule.treatment == TreatmentKind::Microneedling
                && (too_young_for_micro || wants_no_redness);
            if !blocked {
                self.reason(format!("goal.{}", goal.id()), &rule.reason, &[]);
                chosen.push(rule.treatment);
                self.served.push((goal, rule.treatment));
                continue;
            }
            // Microneedling is out for this visitor; say why once, then use the goal's
            // alternative when the rules give one.
            if too_young_for_micro && !explained_micro_age {
                let vars = [("age", age.to_string()), ("min_age", micro_min.to_string())];
                self.reason("age.microneedling_min".into(), &m.microneedling_min_age, &vars);
                explained_micro_age = true;
            } else if !too_young_for_micro && !explained_redness {
                self.reason("downtime.prefers_no_redness".into(), &m.prefers_no_redness, &[]);
                explained_redness = true;
            }
            if !too_young_for_micro {
                traded.push(lower_first(rule.label.get(self.lang)));
            }
            if let Some(alt) = &rule.alternative {
                self.reason(format!("goal.{}.alternative", goal.id()), &alt.reason, &[]);
                chosen.push(alt.treatment);
                self.served.push((goal, alt.treatment));
            }
        }
        let chosen: Vec<TreatmentKind> = TreatmentKind::ALL.into_iter().filter(|t| chosen.contains(t)).collect();
        if chosen.is_empty() {
            let cited = Cited { text: m.no_treatment_left.clone(), source: "clinic default".into(), note: String::new() };
            self.reason("goals.no_treatment_left".into(), &cited, &[]);
            return vec![];
        }
        if !traded.is_empty() {
            let goals = join(self.lang, &traded);
            self.warn("downtime_trade_off", &m.downtime_trade_off, &[("goals", goals)]);
        }
        if chosen.len() == 2 {
            self.reason("combine.both".into(), &rules.combination, &[]);
        }
        // What each proposed treatment may still show, when it is more than the visitor
        // said they accept (mesotherapy's redness, swelling or bruising for "none").
        let accepted = answers.downtime.map(Downtime::days).unwrap_or(u32::MAX);
        for &kind in &chosen {
            let t = rules.treatments.get(kind);
            if i64::from(accepted) < t.redness_days.value {
                let vars = [
                    ("treatment", t.name.get(self.lang).to_string()),
                    ("downtime", t.downtime.text.get(self.lang).to_string()),
                ];
                self.warn("redness_longer_than_accepted", &m.redness_longer_than_accepted, &vars);
            }
        }
        chosen
    }

    /// The soft warnings, after what the plan says: they change nothing, so they come last.
    fn cautions(&mut self, answers: &Answers) {
        let rules = self.rules;
        for item in Caution::ALL.into_iter().filter(|c| answers.cautions.contains(c)) {
            let code = format!("caution.{}", item.id());
            match rules.caution_rule(item) {
                Some(rule) => self.warn(&code, &rule.warning.text, &[]),
                None => self.warn(&code, &rules.messages.caution_without_rule, &[("item", item.id().into())]),
            }
        }
    }

    /// The session count and interval for `kind`, by the precedence the rules file
    /// documents: the visitor's age band when it gives them, else a goal course for the
    /// goals this treatment serves, else the treatment's general course. Each step adds the
    /// reason that says where the numbers come from.
    fn course(&mut self, kind: TreatmentKind, age: i64) -> CourseChoice {
        let rules = self.rules;
        let lang = self.lang;
        let t = rules.treatments.get(kind);
        let band = rules.age_schedule(kind, age);
        if let Some(s) = band {
            self.reason(format!("schedule.{}", s.id), &s.reason, &[("age", age.to_string())]);
        } else if rules.age_schedules.iter().any(|s| s.treatment == kind) {
            let vars = [("age", age.to_string()), ("treatment", t.name.get(lang).to_string())];
            self.warn("age_without_schedule", &rules.messages.age_without_schedule, &vars);
        }
        let (mut sessions, mut interval) = (None, None);
        if let Some(s) = band {
            sessions = s.sessions.map(|r| (r, s.reason.source.clone()));
            interval = s.interval_days.map(|r| (r, s.reason.source.clone()));
        }
        if sessions.is_none() || interval.is_none() {
            let goals: Vec<Goal> = self.served.iter().filter(|(_, k)| *k == kind).map(|(g, _)| *g).collect();
            if let Some(c) = rules.goal_course(kind, &goals) {
                let names: Vec<String> =
                    c.goals.iter().filter(|g| goals.contains(g)).map(|g| lower_first(&self.goal_label(*g))).collect();
                let vars = [("goals", join(lang, &names)), ("age", age.to_string())];
                self.reason(format!("course.{}", c.id), &c.reason, &vars);
                sessions = sessions.or_else(|| Some((c.sessions, c.reason.source.clone())));
                interval = interval.or_else(|| Some((c.interval_days, c.reason.source.clone())));
            }
        }
        if sessions.is_none() || interval.is_none() {
            self.reason(format!("schedule.{}.general", kind.id()), &t.general_schedule, &[]);
        }
        let (sessions, sessions_source) = sessions.unwrap_or_else(|| (t.sessions.range(), t.sessions.source.clone()));
        let (interval, interval_source) =
            interval.unwrap_or_else(|| (t.interval_days.range(), t.interval_days.source.clone()));
        CourseChoice { sessions, interval, sessions_source, interval_source }
    }

    fn plan(&mut self, answers: &Answers, treatments: &[TreatmentKind]) -> Vec<PlanItem> {
        let rules = self.rules;
        let lang = self.lang;
        let mut items = Vec::new();
        let mut courses = Vec::new();
        for &kind in treatments {
            let t = rules.treatments.get(kind);
            let choice = self.course(kind, answers.age);
            courses.push(Course {
                sessions: choice.sessions.min.clamp(1, 24) as u32,
                interval_days: choice.interval.min.max(1),
            });
            items.push(PlanItem {
                treatment: kind,
                name: t.name.get(lang).to_string(),
                sessions: choice.sessions,
                interval_days: choice.interval,
                session_minutes: t.session_minutes.range(),
                downtime: fill_all(rules, lang, t.downtime.text.get(lang), &[]),
                results: fill_all(rules, lang, t.results.text.get(lang), &[]),
                maintenance: fill_all(rules, lang, t.maintenance.text.get(lang), &[]),
                dates: vec![],
                sources: PlanSources {
                    sessions: choice.sessions_source,
                    interval_days: choice.interval_source,
                    session_minutes: t.session_minutes.source.clone(),
                    downtime: t.downtime.source.clone(),
                    results: t.results.source.clone(),
                    maintenance: t.maintenance.source.clone(),
                },
            });
        }
        // Waiting periods move the first session later, by the longest of them (they run
        // at the same time); each one says so.
        let s = &rules.settings;
        let mut wait = 0;
        for item in Recent::ALL.into_iter().filter(|r| answers.recent.contains(r)) {
            let rule = format!("recent.{}", item.id());
            match rules.wait_rule(item) {
                Some(w) => {
                    let days = w.days.value.max(0);
                    wait = wait.max(days);
                    self.reason(rule, &w.reason, &[("days", words::days(days, lang))]);
                }
                None => {
                    let days = item.default_days();
                    wait = wait.max(days);
                    let generic = Cited {
                        text: rules.messages.wait_without_rule.clone(),
                        source: "clinic default".into(),
                        note: String::new(),
                    };
                    self.reason(rule, &generic, &[("item", item.id().into()), ("days", words::days(days, lang))]);
                }
            }
        }
        let Some(today) = answers.today else {
            self.warn("no_dates_without_today", &rules.messages.no_dates_without_today, &[]);
            return items;
        };
        let event_date = answers.event_date.filter(|_| answers.goals.contains(&Goal::Event));
        // The course that serves the event: the treatment the event goal went to.
        let event_kind = self.served.iter().find(|(g, _)| *g == Goal::Event).map(|(_, k)| *k);
        let event = event_date.map(|date| Event {
            date,
            buffer_days: s.event_buffer_days.value,
            course: event_kind.and_then(|k| treatments.iter().position(|t| *t == k)),
        });
        let cal = Calendar {
            first_day: today.add_days(s.first_session_after_days.value + wait),
            gap_days: s.combined_gap_days.value.max(1),
            event,
        };
        let result = schedule(&courses, cal);
        for (item, dates) in items.iter_mut().zip(result.dates) {
            item.dates = dates;
        }
        let Some(event) = event else { return items };
        let m = &rules.messages;
        let event_vars = |extra: &[(&'static str, String)]| {
            let mut v = vec![("event", event.date.long(lang)), ("buffer", words::days(event.buffer_days, lang))];
            v.extend(extra.iter().cloned());
            v
        };
        if result.event_too_close {
            self.event_too_close = true;
            let vars = event_vars(&[("first", cal.first_day.long(lang))]);
            self.warn("event_too_close", &m.event_too_close, &vars);
            return items;
        }
        // The event's own course is spoken of first.
        let mut placed: Vec<(String, usize, i64, Placement)> = items
            .iter()
            .zip(&courses)
            .zip(&result.placement)
            .map(|((item, course), p)| (item.name.clone(), item.dates.len(), i64::from(course.sessions), *p))
            .collect();
        if let Some(i) = event.course {
            placed[..=i].rotate_right(1);
        }
        for (name, count, usual, placement) in placed {
            match placement {
                Placement::Before => {}
                Placement::Shortened => {
                    let vars = event_vars(&[
                        ("treatment", name),
                        ("count", count.to_string()),
                        ("usual", usual.to_string()),
                    ]);
                    self.warn("event_course_shortened", &m.event_course_shortened, &vars);
                }
                Placement::After => {
                    let vars = event_vars(&[("treatment", name)]);
                    self.warn("course_after_event", &m.course_after_event, &vars);
                }
            }
        }
        items
    }
}
