//! The Yew UI. Placeholder until the real app lands: it proves the build and test pipeline.

use yew::prelude::*;

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <main>
            <h1>{ "Treatment finder" }</h1>
        </main>
    }
}

/// Renders [`App`] into the document body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
