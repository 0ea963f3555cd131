//! Four checkboxes and a count: a first step of a questionnaire, and nothing else.

use yew::prelude::*;

#[function_component]
fn App() -> Html {
    let picked = use_state(Vec::<&'static str>::new);
    let goals = ["Hydration", "Texture", "Scars", "Fine lines"];
    html! {
        <main>
            <h1>{ "Step 1 of 4" }</h1>
            <fieldset>
                <legend>{ "Your goals" }</legend>
                { for goals.iter().map(|goal| {
                    let picked = picked.clone();
                    let goal = *goal;
                    let onchange = Callback::from(move |_| {
                        let mut next = (*picked).clone();
                        next.push(goal);
                        picked.set(next);
                    });
                    html! { <label><input type="checkbox" {onchange} />{ goal }</label> }
                }) }
            </fieldset>
            <p>{ format!("{} chosen", picked.len()) }</p>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
