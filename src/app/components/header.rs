use yew::prelude::*;

use crate::app::i18n::other_language;
use crate::engine::Lang;

#[derive(Clone, PartialEq, Properties)]
pub struct HeaderProps {
    pub lang: Lang,
    pub clinic_name: AttrValue,
    /// Called with the language to switch to.
    pub onswitchlang: Callback<Lang>,
}

/// The clinic's name and the language switch.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let (other, label) = other_language(props.lang);
    let onclick = props.onswitchlang.reform(move |_: MouseEvent| other);
    html! {
        <header class="site-header">
            if !props.clinic_name.is_empty() {
                <p class="clinic-name">{ props.clinic_name.clone() }</p>
            }
            <button type="button" class="lang-toggle" lang={other.code()} {onclick}>{ label }</button>
        </header>
    }
}
