use yew::prelude::*;

use crate::engine::{Lang, Rules, TreatmentKind};

#[derive(Clone, PartialEq, Properties)]
pub struct TermsProps {
    pub lang: Lang,
    pub rules: std::rc::Rc<Rules>,
    /// The question that opens the definitions.
    pub summary: AttrValue,
}

/// The two treatments in one line each, from the rules' `explain` texts, behind a question
/// that opens them: on a phone the goals come first, and the definitions are one tap away
/// (a native disclosure, so the keyboard and screen readers open it too; print opens it).
#[function_component(Terms)]
pub fn terms(props: &TermsProps) -> Html {
    html! {
        <details class="terms">
            <summary>{ props.summary.clone() }</summary>
            <dl>
                { for TreatmentKind::ALL.into_iter().map(|kind| {
                    let t = props.rules.treatments.get(kind);
                    html! {
                        <div class="term">
                            <dt>{ t.name.get(props.lang) }</dt>
                            <dd>{ t.explain.get(props.lang) }</dd>
                        </div>
                    }
                }) }
            </dl>
        </details>
    }
}
