//! The first screen written into the built page (src/app/first_screen.rs,
//! src/bin/prerender.rs): the app's first step, drawn on the host by its own components.
//! What it does in a browser is tested end to end (tests/e2e/first-screen.test.mjs).
#![cfg(not(target_arch = "wasm32"))]

use treatment_finder::app::first_screen::{insert_into_page, render, render_page};
use treatment_finder::app::i18n::{t, Key};
use treatment_finder::config;
use treatment_finder::engine::{Goal, Lang, Rules};

fn rules() -> Rules {
    Rules::default_rules()
}

/// Text as the HTML writes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[test]
fn the_first_step_offers_every_goal_with_its_explanation_in_each_language() {
    let (config, _) = config::resolve(None, &[], config::QuerySource::Link, "");
    for lang in [Lang::En, Lang::Fr] {
        let html = render(lang, &config, &rules());
        for text in [t(lang, Key::AppTitle), t(lang, Key::GoalsTitle), t(lang, Key::GoalsLegend), t(lang, Key::Next)] {
            assert!(html.contains(&escaped(text)), "{lang:?}: {text:?} missing");
        }
        for goal in Goal::ALL {
            let rule = rules().goal_rule(goal).cloned().unwrap_or_else(|| panic!("{goal:?} has no rule"));
            assert!(html.contains(&format!("id=\"goal-{}\"", goal.id())), "{lang:?}: no box for {goal:?}");
            for text in [rule.label.get(lang), rule.explain.get(lang)] {
                assert!(html.contains(&escaped(text)), "{lang:?}: {text:?} missing");
            }
        }
        assert!(!html.contains("checked"), "{lang:?}: nothing is ticked before the visitor ticks it");
        assert!(!html.contains("event-date"), "{lang:?}: the event date shows only once its goal is ticked");
        assert!(html.contains(&format!("lang=\"{}\"", lang.code())));
    }
}

#[test]
fn the_page_gets_both_languages_the_clinic_name_and_its_default_language() {
    let clinic = r##"{"clinic_name":"Clinique <Éclat>","default_lang":"fr-CA","accent":"#FE0"}"##;
    let (config, issues) = config::resolve(Some(clinic), &[], config::QuerySource::Link, "");
    assert!(issues.is_empty(), "{issues:?}");
    let insert = render_page(&config, &rules());
    assert!(insert.contains(r#"<template id="tf-first-en" data-title="Treatment finder">"#));
    assert!(insert.contains(r#"<template id="tf-first-fr" data-title="Trouver mon traitement">"#));
    assert!(insert.contains("Clinique &lt;Éclat&gt;"), "the clinic's name, escaped");
    // What first.js shows instead, in each language, if the app cannot start.
    for lang in [Lang::En, Lang::Fr] {
        let code = lang.code();
        let message = format!(
            r#"<template id="tf-cannot-start-{code}"><p lang="{code}" class="cannot-start" role="alert">{}</p></template>"#,
            t(lang, Key::CannotStart)
        );
        assert!(insert.contains(&message), "{lang:?}: {message}");
    }
    let script = r##"<script src="first.js" data-default-lang="fr" data-accent="#ffee00" data-accent-text="#1b1b1b"></script>"##;
    assert!(insert.contains(script), "{insert}");

    // A name in each language: each template has its own, and only its own.
    let (both, issues) = config::resolve(Some(r#"{"clinic_name":{"en":"Example Skin Clinic","fr":"Clinique Exemple"}}"#), &[], config::QuerySource::Link, "");
    assert!(issues.is_empty(), "{issues:?}");
    let insert = render_page(&both, &rules());
    let template = |code: &str| {
        let start = insert.find(&format!(r#"<template id="tf-first-{code}""#)).expect("a template");
        insert[start..start + insert[start..].find("</template>").expect("its end")].to_string()
    };
    assert!(template("en").contains("Example Skin Clinic") && !template("en").contains("Clinique Exemple"));
    assert!(template("fr").contains("Clinique Exemple") && !template("fr").contains("Example Skin Clinic"));

    let (plain, _) = config::resolve(Some("{}"), &[], config::QuerySource::Link, "");
    let script = r##"<script src="first.js" data-default-lang="" data-accent="#2f6b66" data-accent-text="#ffffff"></script>"##;
    assert!(render_page(&plain, &rules()).contains(script));
}

#[test]
fn the_first_screen_goes_at_the_end_of_the_body_once() {
    let page = "<!doctype html><html><body><noscript>x</noscript></body></html>";
    let out = insert_into_page(page, "<template id=\"tf-first-en\"></template>").expect("inserted");
    assert_eq!(out, "<!doctype html><html><body><noscript>x</noscript><template id=\"tf-first-en\"></template></body></html>");
    assert_eq!(insert_into_page(&out, "<p>").unwrap_err(), "the page already has a first screen");
    assert_eq!(insert_into_page("<html></html>", "<p>").unwrap_err(), "the page has no </body>");
}

#[test]
fn the_app_carries_on_from_what_was_done_on_the_first_screen() {
    use treatment_finder::app::first_screen::FirstScreen;
    use treatment_finder::app::state::{FocusTarget, State};
    use treatment_finder::draft::{Draft, Field, Step};
    use treatment_finder::engine::Date;

    let today = Date::from_ymd(2026, 11, 22).expect("a date");
    let start = |goals: Vec<Goal>, first: FirstScreen| {
        let draft = Draft { goals, ..Draft::default() };
        State::new(draft, Step::Goals, Lang::En, today, false).after_first_screen(&first)
    };
    // (goals ticked, "Next" pressed, focused element) → (step, focus request, fields with a problem)
    let cases = [
        (vec![Goal::Scars], true, None, Step::AboutYou, Some(FocusTarget::Heading), vec![]),
        (vec![], true, None, Step::Goals, Some(FocusTarget::Field(Field::Goals)), vec![Field::Goals]),
        // "An upcoming event" needs its date, which the first screen does not ask yet.
        (vec![Goal::Event], true, None, Step::Goals, Some(FocusTarget::Field(Field::EventDate)), vec![Field::EventDate]),
        (vec![Goal::Pores], false, Some("#goal-pores"), Step::Goals, Some(FocusTarget::Selector("#goal-pores".into())), vec![]),
        (vec![], false, None, Step::Goals, None, vec![]),
    ];
    for (goals, next, focus, step, focus_request, problems) in cases {
        let what = format!("goals {goals:?}, next {next}, focus {focus:?}");
        let first = FirstScreen { next, focus: focus.map(String::from), ..FirstScreen::default() };
        let state = start(goals, first);
        assert_eq!(state.step, step, "{what}");
        assert_eq!(state.focus, focus_request, "{what}");
        assert_eq!(state.problems.iter().map(|p| p.field()).collect::<Vec<_>>(), problems, "{what}");
    }
}
