use std::rc::Rc;

use yew::prelude::*;

use super::{describedby, FieldError, StepCard};
use crate::app::error_id;
use crate::app::i18n::{self, t, Key};
use crate::draft::{Draft, Field, Problem, Step};
use crate::engine::{Caution, Lang, Recent, Rules, Screening, Text};
use crate::web;

#[derive(Clone, PartialEq, Properties)]
pub struct HealthStepProps {
    pub lang: Lang,
    pub draft: Draft,
    pub problems: Vec<Problem>,
    pub rules: Rc<Rules>,
    pub onscreening: Callback<(Screening, bool)>,
    pub onrecent: Callback<(Recent, bool)>,
    pub oncaution: Callback<(Caution, bool)>,
    pub onnoneapply: Callback<bool>,
    pub onback: Callback<()>,
    pub onnext: Callback<()>,
}

/// Step 3: the health screen, in three groups so that it reads quickly on a phone: the
/// hard stops (the clinic sees the visitor first), the waiting periods of the last few weeks
/// (the first session moves later), and what to mention at the consultation (a warning only). Any item
/// and "None of these apply to me" exclude each other, and the step needs one or the other.
#[function_component(HealthStep)]
pub fn health_step(props: &HealthStepProps) -> Html {
    let lang = props.lang;
    let problem = props.problems.iter().copied().find(|p| p.field() == Field::Health);
    let err = if problem.is_some() { error_id(Field::Health) } else { "" };
    let invalid = problem.map(|_| "true");

    // One checkbox; its label is the rules file's question, else the id in words. The error is
    // the whole group's description (`health-group`), not each checkbox's, so it is heard once.
    let choice = |id: String, name: &'static str, value: &'static str, label: String, checked: bool, onchange: Callback<Event>| {
        html! {
            <div class="choice">
                <input type="checkbox" id={id.clone()} {name} {value} {checked} {onchange}
                    aria-invalid={invalid} />
                <div class="choice-text"><label for={id}>{ label }</label></div>
            </div>
        }
    };
    let label = |text: Option<&Text>, id: &str| text.map(|l| l.get(lang).to_string()).unwrap_or_else(|| id.replace('_', " "));

    let stops = Screening::ALL.into_iter().map(|s| {
        let onchange = props.onscreening.reform(move |e: Event| (s, web::input_checked(&e)));
        let text = label(props.rules.screening_rule(s).map(|r| &r.label), s.id());
        choice(format!("screen-{}", s.id()), "screening", s.id(), text, props.draft.screening.contains(&s), onchange)
    });
    let waits = Recent::ALL.into_iter().map(|r| {
        let onchange = props.onrecent.reform(move |e: Event| (r, web::input_checked(&e)));
        let text = label(props.rules.wait_rule(r).map(|w| &w.label), r.id());
        choice(format!("recent-{}", r.id()), "recent", r.id(), text, props.draft.recent.contains(&r), onchange)
    });
    let cautions = Caution::ALL.into_iter().map(|c| {
        let onchange = props.oncaution.reform(move |e: Event| (c, web::input_checked(&e)));
        let text = label(props.rules.caution_rule(c).map(|w| &w.label), c.id());
        choice(format!("caution-{}", c.id()), "caution", c.id(), text, props.draft.cautions.contains(&c), onchange)
    });
    let onnone = props.onnoneapply.reform(|e: Event| web::input_checked(&e));

    html! {
        <StepCard step={Step::Health} {lang} title={t(lang, Key::HealthTitle)}
            next_label={t(lang, Key::SeeResult)} onnext={props.onnext.clone()} onback={props.onback.clone()}>
            <p class="why" id="health-why">{ i18n::with_practitioner(lang, Key::HealthWhy, &props.rules) }</p>
            <fieldset id="health-group" aria-describedby={describedby(&["health-why", err])}>
                <legend>{ t(lang, Key::HealthLegend) }</legend>
                <FieldError id={error_id(Field::Health)} {lang} problem={problem} />
                <fieldset class="health-set" id="health-stops">
                    <legend>{ t(lang, Key::HealthStopsLegend) }</legend>
                    <div class="choices">{ for stops }</div>
                </fieldset>
                <fieldset class="health-set" id="health-recent" aria-describedby="health-recent-intro">
                    <legend>{ t(lang, Key::HealthRecentLegend) }</legend>
                    <p class="hint" id="health-recent-intro">{ t(lang, Key::HealthRecentIntro) }</p>
                    <div class="choices">{ for waits }</div>
                </fieldset>
                <fieldset class="health-set" id="health-cautions" aria-describedby="health-cautions-intro">
                    <legend>{ t(lang, Key::HealthCautionsLegend) }</legend>
                    <p class="hint" id="health-cautions-intro">{ t(lang, Key::HealthCautionsIntro) }</p>
                    <div class="choices">{ for cautions }</div>
                </fieldset>
                <div class="choice none-apply">
                    <input type="checkbox" id="screen-none" name="screening" value="none"
                        checked={props.draft.none_apply} onchange={onnone}
                        aria-invalid={invalid} />
                    <div class="choice-text"><label for="screen-none">{ t(lang, Key::NoneApply) }</label></div>
                </div>
            </fieldset>
        </StepCard>
    }
}
