use std::rc::Rc;

use yew::prelude::*;

use super::{describedby, FieldError, StepCard, Terms};
use crate::app::error_id;
use crate::app::i18n::{self, t, Key};
use crate::draft::{Draft, Field, Problem, Step};
use crate::engine::{Date, Goal, Lang, Rules};
use crate::web;

#[derive(Clone, PartialEq, Properties)]
pub struct GoalsStepProps {
    pub lang: Lang,
    pub draft: Draft,
    pub problems: Vec<Problem>,
    pub rules: Rc<Rules>,
    pub today: Date,
    pub ongoal: Callback<(Goal, bool)>,
    pub oneventdate: Callback<String>,
    pub onnext: Callback<()>,
}

/// The id of a goal's checkbox (also how the first screen drawn before the app started is
/// read back: `web::first_screen`).
pub fn goal_input_id(goal: Goal) -> String {
    format!("goal-{}", goal.id())
}

/// Step 1: the goals, several at once; "An upcoming event" reveals its date.
#[function_component(GoalsStep)]
pub fn goals_step(props: &GoalsStepProps) -> Html {
    let lang = props.lang;
    let problem = |field: Field| props.problems.iter().copied().find(|p| p.field() == field);
    let goals_problem = problem(Field::Goals);
    let date_problem = problem(Field::EventDate);
    let goals_error = if goals_problem.is_some() { error_id(Field::Goals) } else { "" };

    let choice = |goal: Goal| {
        let rule = props.rules.goal_rule(goal);
        let label = rule.map(|r| r.label.get(lang).to_string()).unwrap_or_else(|| goal.id().replace('_', " "));
        let explain = rule.map(|r| r.explain.get(lang).to_string()).unwrap_or_default();
        let id = goal_input_id(goal);
        let hint_id = format!("{id}-hint");
        let checked = props.draft.goals.contains(&goal);
        let onchange = props.ongoal.reform(move |e: Event| (goal, web::input_checked(&e)));
        html! {
            <div class="choice">
                <input type="checkbox" id={id.clone()} name="goals" value={goal.id()} {checked} {onchange}
                    aria-invalid={goals_problem.map(|_| "true")}
                    aria-describedby={describedby(&[if explain.is_empty() { "" } else { &hint_id }])} />
                <div class="choice-text">
                    <label for={id}>{ label }</label>
                    if !explain.is_empty() {
                        <p class="hint" id={hint_id}>{ explain }</p>
                    }
                </div>
            </div>
        }
    };

    let event_field = props.draft.goals.contains(&Goal::Event).then(|| {
        let buffer = props.rules.settings.event_buffer_days.value;
        let date_error = if date_problem.is_some() { error_id(Field::EventDate) } else { "" };
        let oninput = props.oneventdate.reform(|e: InputEvent| web::input_value(&e));
        let onchange = props.oneventdate.reform(|e: Event| web::input_value(&e));
        html! {
            <div class="field nested">
                <label for="event-date">{ t(lang, Key::EventDateLabel) }</label>
                <p class="hint" id="event-date-hint">{ i18n::event_hint(lang, buffer) }</p>
                <input type="date" id="event-date" name="event_date" min={props.today.to_string()}
                    value={props.draft.event_date.clone()} {oninput} {onchange} required=true
                    aria-invalid={date_problem.map(|_| "true")}
                    aria-describedby={describedby(&["event-date-hint", date_error])} />
                <FieldError id={error_id(Field::EventDate)} {lang} problem={date_problem} />
            </div>
        }
    });

    html! {
        <StepCard step={Step::Goals} {lang} title={t(lang, Key::GoalsTitle)}
            next_label={t(lang, Key::Next)} onnext={props.onnext.clone()}>
            // Above the first goal, which a phone shows without scrolling: how long this takes
            // and where the answers stay, then the treatments' definitions, one tap away.
            <p class="goals-note">{ t(lang, Key::GoalsNote) }</p>
            <Terms {lang} rules={props.rules.clone()} summary={t(lang, Key::TermsSummary)} />
            <fieldset id="goals-group" aria-describedby={describedby(&[goals_error])}>
                <legend>{ t(lang, Key::GoalsLegend) }</legend>
                <FieldError id={error_id(Field::Goals)} {lang} problem={goals_problem} />
                <div class="choices">
                    { for Goal::ALL.into_iter().map(choice) }
                </div>
                { for event_field }
            </fieldset>
        </StepCard>
    }
}
