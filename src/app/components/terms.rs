use yew::prelude::*;

use crate::engine::{Lang, Rules, TreatmentKind};

#[derive(Clone, PartialEq, Properties)]
pub struct TermsProps {
    pub lang: Lang,
    pub rules: std::rc::Rc<Rules>,
    /// A line introducing the list.
    pub intro: AttrValue,
}

/// The two treatments in one line each, from the rules' `explain` texts.
#[function_component(Terms)]
pub fn terms(props: &TermsProps) -> Html {
    html! {
        <div class="terms">
            <p class="terms-intro">{ props.intro.clone() }</p>
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
        </div>
    }
}
