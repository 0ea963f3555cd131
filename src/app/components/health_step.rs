use std::rc::Rc;

use yew::prelude::*;

use super::{describedby, FieldError, StepCard};
use crate::app::error_id;
use crate::app::i18n::{t, Key};
use crate::draft::{Draft, Field, Problem, Step};
use crate::engine::{Lang, Rules, Screening};
use crate::web;

#[derive(Clone, PartialEq, Properties)]
pub struct HealthStepProps {
    pub lang: Lang,
    pub draft: Draft,
    pub problems: Vec<Problem>,
    pub rules: Rc<Rules>,
    pub onscreening: Callback<(Screening, bool)>,
    pub onnoneapply: Callback<bool>,
    pub onback: Callback<()>,
    pub onnext: Callback<()>,
}

/// Step 3: the health screen. Items and "None of these apply to me" exclude each other,
/// and the step needs one or the other.
#[function_component(HealthStep)]
pub fn health_step(props: &HealthStepProps) -> Html {
    let lang = props.lang;
    let problem = props.problems.iter().copied().find(|p| p.field() == Field::Health);
    let err = if problem.is_some() { error_id(Field::Health) } else { "" };
    let invalid = problem.map(|_| "true");

    let item = |s: Screening| {
        let label = props
            .rules
            .screening_rule(s)
            .map(|r| r.label.get(lang).to_string())
            .unwrap_or_else(|| s.id().replace('_', " "));
        let id = format!("screen-{}", s.id());
        let onchange = props.onscreening.reform(move |e: Event| (s, web::input_checked(&e)));
        html! {
            <div class="choice">
                <input type="checkbox" id={id.clone()} name="screening" value={s.id()}
                    checked={props.draft.screening.contains(&s)} {onchange}
                    aria-invalid={invalid} aria-describedby={describedby(&[err])} />
                <div class="choice-text"><label for={id}>{ label }</label></div>
            </div>
        }
    };
    let onnone = props.onnoneapply.reform(|e: Event| web::input_checked(&e));

    html! {
        <StepCard step={Step::Health} {lang} title={t(lang, Key::HealthTitle)}
            next_label={t(lang, Key::SeeResult)} onnext={props.onnext.clone()} onback={props.onback.clone()}>
            <p class="why" id="health-why">{ t(lang, Key::HealthWhy) }</p>
            <fieldset id="health-group" aria-describedby={describedby(&["health-why", err])}>
                <legend>{ t(lang, Key::HealthLegend) }</legend>
                <FieldError id={error_id(Field::Health)} {lang} problem={problem} />
                <div class="choices">{ for Screening::ALL.into_iter().map(item) }</div>
                <div class="choice none-apply">
                    <input type="checkbox" id="screen-none" name="screening" value="none"
                        checked={props.draft.none_apply} onchange={onnone}
                        aria-invalid={invalid} aria-describedby={describedby(&[err])} />
                    <div class="choice-text"><label for="screen-none">{ t(lang, Key::NoneApply) }</label></div>
                </div>
            </fieldset>
        </StepCard>
    }
}
