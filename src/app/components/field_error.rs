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

/// A field's error, next to it. It is not a live region: `App`'s one announcer says every
/// refusal once (`State::announced`); a group points here with `aria-describedby`, a single
/// field with `aria-errormessage`. The ⚠ is decoration, hidden from screen readers.
#[function_component(FieldError)]
pub fn field_error(props: &FieldErrorProps) -> Html {
    match props.problem {
        Some(p) => html! {
            <p id={props.id.clone()} class="field-error"><span aria-hidden="true">{ "⚠ " }</span>{ i18n::problem(props.lang, p) }</p>
        },
        None => html! {},
    }
}
