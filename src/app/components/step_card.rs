use yew::prelude::*;

use crate::app::i18n::{self, t, Key};
use crate::draft::Step;
use crate::engine::Lang;

/// What names a step's heading: "Step N of M", then its title (the heading itself).
pub const HEADING_NAME: &str = "step-count step-heading";

#[derive(Clone, PartialEq, Properties)]
pub struct StepCardProps {
    pub step: Step,
    pub lang: Lang,
    pub title: AttrValue,
    /// The label of the button that continues.
    pub next_label: AttrValue,
    pub onnext: Callback<()>,
    /// `None` on the first step.
    #[prop_or_default]
    pub onback: Option<Callback<()>>,
    #[prop_or_default]
    pub children: Html,
}

/// A questionnaire step: progress, the heading that receives focus, the step's fields in
/// a form (so Enter continues), and Back/Next.
#[function_component(StepCard)]
pub fn step_card(props: &StepCardProps) -> Html {
    let onnext = props.onnext.clone();
    let onsubmit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        onnext.emit(());
    });
    html! {
        <section class="card" aria-labelledby="step-heading">
            <Progress step={props.step} lang={props.lang} />
            // The step number is part of the heading's name ("Step 2 of 4 About you"), heard
            // whenever the heading is, and shown once, above it.
            <h2 id="step-heading" tabindex="-1" data-step-heading="" aria-labelledby={HEADING_NAME}>
                { props.title.clone() }
            </h2>
            <form novalidate=true {onsubmit}>
                { props.children.clone() }
                <div class="step-nav">
                    if let Some(onback) = props.onback.clone() {
                        <button type="button" class="button secondary" onclick={onback.reform(|_: MouseEvent| ())}>
                            { t(props.lang, Key::Back) }
                        </button>
                    }
                    <button type="submit" class="button primary">{ props.next_label.clone() }</button>
                </div>
            </form>
        </section>
    }
}

#[derive(Clone, PartialEq, Properties)]
pub struct ProgressProps {
    pub step: Step,
    pub lang: Lang,
}

/// "Step N of M" and a bar (decorative: the text says it all).
#[function_component(Progress)]
pub fn progress(props: &ProgressProps) -> Html {
    let n = props.step.number();
    let of = Step::ALL.len();
    html! {
        <div class="progress">
            <p id="step-count" class="step-count">{ i18n::step_of(props.lang, n, of) }</p>
            <div class="progress-track" aria-hidden="true">
                <div class={classes!("progress-bar", format!("progress-{n}"))}></div>
            </div>
        </div>
    }
}
