//! The decision: which treatment, why, and the plan.

use super::answers::{Answers, Downtime, Goal, Screening};
use super::error::EngineError;
use super::plan::{schedule, Calendar, Course};
use super::rules::{Cited, Rules, Text};
use super::{Lang, PlanItem, Reason, Recommendation, Treatment, TreatmentKind, Warning};

/// Turns valid answers into a recommendation in `lang`.
///
/// Fails only when the answers are malformed (see [`Answers::validate`]); everything odd
/// but valid becomes a warning. Safety comes first and is not configurable: any screening
/// item, or an age under the rules' minimum, gives `consult` with no plan.
pub fn recommend(answers: &Answers, rules: &Rules, lang: Lang) -> Result<Recommendation, EngineError> {
    answers.validate()?;
    let mut out = Builder { rules, lang, reasons: vec![], warnings: vec![] };
    let decision = out.decide(answers);
    let treatment = match decision.as_slice() {
        [] => Treatment::Consult,
        [TreatmentKind::Microneedling] => Treatment::Microneedling,
        [TreatmentKind::Mesotherapy] => Treatment::Mesotherapy,
        _ => Treatment::Both,
    };
    let plan = if treatment == Treatment::Consult { vec![] } else { out.plan(answers, &decision) };
    let aftercare = rules
        .aftercare
        .iter()
        .filter(|a| a.treatments.iter().any(|t| decision.contains(t)))
        .map(|a| a.text.get(lang).to_string())
        .collect();
    let m = &rules.messages;
    let summary = match treatment {
        Treatment::Microneedling => &m.summary_microneedling,
        Treatment::Mesotherapy => &m.summary_mesotherapy,
        Treatment::Both => &m.summary_both,
        Treatment::Consult => &m.summary_consult,
    };
    Ok(Recommendation {
        treatment,
        summary: summary.get(lang).to_string(),
        reasons: out.reasons,
        plan,
        aftercare,
        warnings: out.warnings,
        disclaimer: m.disclaimer.get(lang).to_string(),
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
}

/// Placeholder values for the rules' sentences.
type Vars<'v> = &'v [(&'v str, String)];

fn fill(template: &str, vars: Vars) -> String {
    vars.iter()
        .fold(template.to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

impl Builder<'_> {
    fn reason(&mut self, rule: String, cited: &Cited, vars: Vars) {
        let text = fill(cited.text.get(self.lang), vars);
        self.reasons.push(Reason { rule, text, source: cited.source.clone() });
    }

    fn warn(&mut self, code: &str, text: &Text, vars: Vars) {
        let text = fill(text.get(self.lang), vars);
        self.warnings.push(Warning { code: code.to_string(), text });
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
        for goal in goals {
            let Some(rule) = rules.goal_rule(goal) else {
                self.warn("goal_without_rule", &m.goal_without_rule, &[("goal", goal.id().into())]);
                continue;
            };
            let blocked = rule.treatment == TreatmentKind::Microneedling
                && (too_young_for_micro || wants_no_redness);
            if !blocked {
                self.reason(format!("goal.{}", goal.id()), &rule.reason, &[]);
                chosen.push(rule.treatment);
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
            if let Some(alt) = &rule.alternative {
                self.reason(format!("goal.{}.alternative", goal.id()), &alt.reason, &[]);
                chosen.push(alt.treatment);
            }
        }
        let chosen: Vec<TreatmentKind> = TreatmentKind::ALL.into_iter().filter(|t| chosen.contains(t)).collect();
        if chosen.is_empty() {
            let cited = Cited { text: m.no_treatment_left.clone(), source: "clinic default".into(), note: String::new() };
            self.reason("goals.no_treatment_left".into(), &cited, &[]);
            return vec![];
        }
        if chosen.len() == 2 {
            self.reason("combine.both".into(), &rules.combination, &[]);
        }
        if chosen.contains(&TreatmentKind::Microneedling) {
            let redness = rules.treatments.microneedling.redness_days.value;
            let accepted = answers.downtime.map(Downtime::days).unwrap_or(u32::MAX);
            if i64::from(accepted) < redness {
                self.warn("redness_longer_than_accepted", &m.redness_longer_than_accepted, &[]);
            }
        }
        chosen
    }

    fn plan(&mut self, answers: &Answers, treatments: &[TreatmentKind]) -> Vec<PlanItem> {
        let rules = self.rules;
        let lang = self.lang;
        let mut items = Vec::new();
        let mut courses = Vec::new();
        for &kind in treatments {
            let t = rules.treatments.get(kind);
            let (sessions, interval) = match rules.age_schedule(kind, answers.age) {
                Some(s) => {
                    self.reason(format!("schedule.{}", s.id), &s.reason, &[("age", answers.age.to_string())]);
                    (s.sessions, s.interval_days)
                }
                None => {
                    if rules.age_schedules.iter().any(|s| s.treatment == kind) {
                        let vars = [("age", answers.age.to_string()), ("treatment", t.name.get(lang).to_string())];
                        self.warn("age_without_schedule", &rules.messages.age_without_schedule, &vars);
                    }
                    self.reason(format!("schedule.{}.general", kind.id()), &t.general_schedule, &[]);
                    (t.sessions.range(), t.interval_days.range())
                }
            };
            courses.push(Course {
                sessions: sessions.min.clamp(1, 24) as u32,
                interval_days: interval.min.max(1),
            });
            items.push(PlanItem {
                treatment: kind,
                name: t.name.get(lang).to_string(),
                sessions,
                interval_days: interval,
                session_minutes: t.session_minutes.range(),
                downtime: t.downtime.text.get(lang).to_string(),
                results: t.results.text.get(lang).to_string(),
                maintenance: t.maintenance.text.get(lang).to_string(),
                dates: vec![],
            });
        }
        let Some(today) = answers.today else {
            self.warn("no_dates_without_today", &rules.messages.no_dates_without_today, &[]);
            return items;
        };
        let s = &rules.settings;
        let event = answers
            .event_date
            .filter(|_| answers.goals.contains(&Goal::Event))
            .map(|e| (e, s.event_buffer_days.value));
        let cal = Calendar {
            first_day: today.add_days(s.first_session_after_days.value),
            gap_days: s.combined_gap_days.value.max(1),
            event,
        };
        let result = schedule(&courses, cal);
        for (item, dates) in items.iter_mut().zip(result.dates) {
            item.dates = dates;
        }
        if let (Some((event, buffer)), true) = (event, result.after_event > 0) {
            let vars = [
                ("count", result.after_event.to_string()),
                ("event", event.long(lang)),
                ("buffer", buffer.to_string()),
            ];
            self.warn("sessions_after_event", &rules.messages.sessions_after_event, &vars);
        }
        items
    }
}

