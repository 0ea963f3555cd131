use yew::prelude::*;

use crate::app::i18n;
use crate::draft::Problem;
use crate::engine::Lang;

#[derive(Clone, PartialEq, Properties)]
pub struct FieldErrorProps {
    pub id: AttrValue,
    pub lang: Lang,
    pub problem: Option<Problem>,
}

/// A field's error, next to it. `role="alert"` announces it as it appears; the field
/// points here with `aria-describedby`.
#[function_component(FieldError)]
pub fn field_error(props: &FieldErrorProps) -> Html {
    match props.problem {
        Some(p) => html! {
            <p id={props.id.clone()} class="field-error" role="alert">{ i18n::problem(props.lang, p) }</p>
        },
        None => html! {},
    }
}
