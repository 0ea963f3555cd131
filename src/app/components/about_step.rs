use std::rc::Rc;

use yew::prelude::*;

use super::{describedby, FieldError, StepCard};
use crate::app::error_id;
use crate::app::i18n::{self, t, Key};
use crate::draft::{Draft, Field, Problem, Step};
use crate::engine::{Area, Downtime, Lang, Rules, TreatmentKind};
use crate::web;

#[derive(Clone, PartialEq, Properties)]
pub struct AboutStepProps {
    pub lang: Lang,
    pub draft: Draft,
    pub problems: Vec<Problem>,
    pub rules: Rc<Rules>,
    pub onage: Callback<String>,
    pub onarea: Callback<(Area, bool)>,
    /// `None`: "Not sure".
    pub ondowntime: Callback<Option<Downtime>>,
    pub onback: Callback<()>,
    pub onnext: Callback<()>,
}

/// Step 2: age, areas and how much redness is acceptable.
#[function_component(AboutStep)]
pub fn about_step(props: &AboutStepProps) -> Html {
    let lang = props.lang;
    let problem = |field: Field| props.problems.iter().copied().find(|p| p.field() == field);
    let age_problem = problem(Field::Age);
    let areas_problem = problem(Field::Areas);
    let age_error = if age_problem.is_some() { error_id(Field::Age) } else { "" };
    let areas_error = if areas_problem.is_some() { error_id(Field::Areas) } else { "" };

    let area = |a: Area| {
        let id = format!("area-{}", a.id());
        let onchange = props.onarea.reform(move |e: Event| (a, web::input_checked(&e)));
        html! {
            <div class="choice">
                <input type="checkbox" id={id.clone()} name="areas" value={a.id()}
                    checked={props.draft.areas.contains(&a)} {onchange}
                    aria-invalid={areas_problem.map(|_| "true")} />
                <div class="choice-text"><label for={id}>{ i18n::area(lang, a) }</label></div>
            </div>
        }
    };
    // The redness choices and "Not sure" (`None`): a radio cannot be cleared, so not knowing
    // is a choice of its own, and it is the one selected until the visitor picks another.
    let downtime = |d: Option<Downtime>| {
        let value = d.map_or("not_sure", Downtime::id);
        let id = format!("downtime-{value}");
        let label = d.map_or_else(|| t(lang, Key::DowntimeNotSure), |d| i18n::downtime(lang, d));
        let onchange = props.ondowntime.reform(move |_: Event| d);
        html! {
            <div class="choice">
                <input type="radio" id={id.clone()} name="downtime" {value}
                    checked={props.draft.downtime == d} {onchange} />
                <div class="choice-text"><label for={id}>{ label }</label></div>
            </div>
        }
    };
    let oninput = props.onage.reform(|e: InputEvent| web::input_value(&e));
    let onchange = props.onage.reform(|e: Event| web::input_value(&e));

    html! {
        <StepCard step={Step::AboutYou} {lang} title={t(lang, Key::AboutTitle)}
            next_label={t(lang, Key::Next)} onnext={props.onnext.clone()} onback={props.onback.clone()}>
            <div class="field">
                <label for="age">{ t(lang, Key::AgeLabel) }</label>
                <p class="hint" id="age-hint">{ t(lang, Key::AgeHint) }</p>
                <input type="number" id="age" name="age" inputmode="numeric" min="0" max="120" step="1"
                    class="input-age" value={props.draft.age.clone()} {oninput} {onchange} required=true
                    aria-invalid={age_problem.map(|_| "true")}
                    aria-describedby="age-hint"
                    aria-errormessage={(!age_error.is_empty()).then_some(age_error)} />
                <FieldError id={error_id(Field::Age)} {lang} problem={age_problem} />
            </div>
            <fieldset id="areas-group" aria-describedby={describedby(&[areas_error])}>
                <legend>{ t(lang, Key::AreasLegend) }</legend>
                <FieldError id={error_id(Field::Areas)} {lang} problem={areas_problem} />
                <div class="choices">{ for Area::ALL.into_iter().map(area) }</div>
            </fieldset>
            <fieldset id="downtime-group" aria-describedby="downtime-hint">
                <legend>{ t(lang, Key::DowntimeLegend) }</legend>
                <div class="hint" id="downtime-hint">
                    <ul class="plain" role="list">
                        { for TreatmentKind::ALL.into_iter().map(|kind| {
                            let tr = props.rules.treatments.get(kind);
                            html! { <li><strong>{ tr.name.get(lang) }</strong>{ i18n::colon(lang) }{ tr.downtime.text.get(lang) }</li> }
                        }) }
                    </ul>
                    <p>{ t(lang, Key::DowntimeNoAnswer) }</p>
                </div>
                <div class="choices">{ for Downtime::ALL.into_iter().map(Some).chain([None]).map(downtime) }</div>
            </fieldset>
        </StepCard>
    }
}
