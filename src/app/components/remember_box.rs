use yew::prelude::*;

use crate::app::i18n::{t, Key};
use crate::engine::Lang;
use crate::web;

#[derive(Clone, PartialEq, Properties)]
pub struct RememberBoxProps {
    pub lang: Lang,
    pub remember: bool,
    /// Shows "Your answers were forgotten".
    pub forgotten: bool,
    pub onremember: Callback<bool>,
    pub onforget: Callback<()>,
}

/// "Remember my answers on this device", and "Forget my answers" while it is on.
#[function_component(RememberBox)]
pub fn remember_box(props: &RememberBoxProps) -> Html {
    let lang = props.lang;
    let onchange = props.onremember.reform(|e: Event| web::input_checked(&e));
    html! {
        <section class="remember" aria-label={t(lang, Key::Remember)}>
            <div class="choice">
                <input type="checkbox" id="remember" checked={props.remember} {onchange}
                    aria-describedby="remember-hint" />
                <div class="choice-text">
                    <label for="remember">{ t(lang, Key::Remember) }</label>
                    <p class="hint" id="remember-hint">{ t(lang, Key::RememberHint) }</p>
                </div>
            </div>
            if props.remember {
                <button type="button" class="button secondary" onclick={props.onforget.reform(|_: MouseEvent| ())}>
                    { t(lang, Key::Forget) }
                </button>
            }
            <p class="status" role="status">
                if props.forgotten { { t(lang, Key::Forgotten) } }
            </p>
        </section>
    }
}
