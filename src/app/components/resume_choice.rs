use std::rc::Rc;

use yew::prelude::*;

use crate::app::i18n::{self, t, Key};
use crate::draft::Draft;
use crate::engine::{Goal, Lang, Rules};

#[derive(Clone, PartialEq, Properties)]
pub struct ResumeChoiceProps {
    pub lang: Lang,
    pub rules: Rc<Rules>,
    /// The answers saved on this device.
    pub saved: Draft,
    /// The answers of the link the visitor opened.
    pub link: Draft,
    pub oncontinue: Callback<()>,
    pub onopenlink: Callback<()>,
}

/// Saved answers and a link that holds others: what each holds (the goals by name, and every
/// other answer in which they differ), and a button for each. Drawn in place of a step; its
/// heading takes focus as a step's does.
#[function_component(ResumeChoice)]
pub fn resume_choice(props: &ResumeChoiceProps) -> Html {
    let lang = props.lang;
    let rows = rows(lang, &props.rules, &props.saved, &props.link);
    let facts = |side: usize| {
        html! {
            <dl class="resume-facts">
                { for rows.iter().map(|(label, values)| html! {
                    <div><dt>{ *label }</dt><dd>{ values[side].clone() }</dd></div>
                }) }
            </dl>
        }
    };
    html! {
        <section class="card resume-choice" aria-labelledby="choice-heading">
            <h2 id="choice-heading" tabindex="-1" data-step-heading="">{ t(lang, Key::ChoiceTitle) }</h2>
            <p>{ t(lang, Key::ChoiceIntro) }</p>
            <div class="resume-options">
                <section class="resume-option" aria-labelledby="choice-saved">
                    <h3 id="choice-saved">{ t(lang, Key::ChoiceSavedTitle) }</h3>
                    { facts(0) }
                    <button type="button" id="choice-continue" class="button primary"
                        onclick={props.oncontinue.reform(|_: MouseEvent| ())}>
                        { t(lang, Key::ChoiceContinue) }
                    </button>
                </section>
                <section class="resume-option" aria-labelledby="choice-link">
                    <h3 id="choice-link">{ t(lang, Key::ChoiceLinkTitle) }</h3>
                    { facts(1) }
                    <p class="hint" id="choice-link-hint">{ t(lang, Key::ChoiceOpenLinkHint) }</p>
                    <button type="button" id="choice-open" class="button secondary" aria-describedby="choice-link-hint"
                        onclick={props.onopenlink.reform(|_: MouseEvent| ())}>
                        { t(lang, Key::ChoiceOpenLink) }
                    </button>
                </section>
            </div>
        </section>
    }
}

/// The facts to compare, each with its value in the saved answers and in the link's: the
/// goals always, the other answers a link carries when the two differ in them.
fn rows(lang: Lang, rules: &Rules, saved: &Draft, link: &Draft) -> Vec<(&'static str, [String; 2])> {
    let none = || t(lang, Key::ChoiceNotAnswered).to_string();
    let listed = |items: Vec<String>| if items.is_empty() { none() } else { items.join(", ") };
    let goals = |d: &Draft| {
        listed(d.goals.iter().map(|g| rules.goal_rule(*g).map_or_else(|| g.id().replace('_', " "), |r| r.label.get(lang).to_string())).collect())
    };
    let event = |d: &Draft| match (d.goals.contains(&Goal::Event), d.event_date()) {
        (false, _) => none(),
        (true, Some(date)) => date.long(lang),
        (true, None) if d.event_date.trim().is_empty() => none(),
        (true, None) => d.event_date.trim().to_string(),
    };
    let age = |d: &Draft| if d.age.trim().is_empty() { none() } else { d.age.trim().to_string() };
    let areas = |d: &Draft| listed(d.areas.iter().map(|a| i18n::area(lang, *a).to_string()).collect());
    let redness = |d: &Draft| d.downtime.map_or_else(none, |r| i18n::downtime(lang, r).to_string());
    let mut out = vec![(t(lang, Key::ChoiceGoals), [goals(saved), goals(link)])];
    let others = [
        (Key::ChoiceEventDate, [event(saved), event(link)]),
        (Key::ChoiceAge, [age(saved), age(link)]),
        (Key::ChoiceAreas, [areas(saved), areas(link)]),
        (Key::ChoiceRedness, [redness(saved), redness(link)]),
    ];
    for (key, values) in others {
        if values[0] != values[1] {
            out.push((t(lang, key), values));
        }
    }
    out
}
