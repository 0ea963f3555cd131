//! Every word the app itself shows a visitor, in English and French, checked with the same
//! rules as a clinic's rules file (`engine::words`, `recommend lint`): no claim a clinic may
//! not publish ("best fit", "guaranteed", …), no "(s)" plural in either language, and Québec
//! French typography (a no-break space before `:` and inside « », none before `; ? !`, the
//! curly apostrophe, « 3 ou 4 » for two consecutive numbers).
//!
//! Two sources of text: the app's strings themselves (every `Key`, every generated count,
//! label, problem and calendar text), and every screen the app draws, rendered on the host
//! with Yew's server renderer as the first screen is (so punctuation a component adds between
//! two texts, and the rules' texts as the visitor reads them, are checked too).
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use treatment_finder::app::i18n::{self, t, Key, Unit};
use treatment_finder::app::{App, AppProps, Placement};
use treatment_finder::app::first_screen::FirstScreen;
use treatment_finder::config::{self, Config};
use treatment_finder::draft::{Draft, Problem, Resume, Step};
use treatment_finder::engine::{words, Area, Caution, Date, Downtime, Goal, Lang, Recent, Rules, Screening, TreatmentKind};

const LANGS: [Lang; 2] = [Lang::En, Lang::Fr];

fn rules() -> Rules {
    Rules::default_rules()
}

/// What is wrong with `text` in `lang`: claims, typography, a placeholder left unfilled, a
/// seed file shown by its name.
fn problems(text: &str, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = words::claims(text, lang).into_iter().map(|c| format!("claims \"{c}\"")).collect();
    out.extend(words::typography(text, lang));
    if text.contains('{') || text.contains('}') {
        out.push("has a placeholder left unfilled".into());
    }
    if text.contains(".txt") || ["(000)", "(001)", "(002)", "(003)", "(004)"].iter().any(|id| text.contains(id)) {
        out.push("shows a source file's name or number".into());
    }
    if lang == Lang::Fr && text.to_lowercase().split(|c: char| !c.is_alphabetic()).any(|w| ["tu", "ton", "ta", "tes", "toi"].contains(&w)) {
        out.push("says « tu » (the finder says « vous »)".into());
    }
    out
}

/// Fails with every problem found, each with where it was and the text.
fn check_all(texts: &[(String, Lang, String)]) {
    let found: Vec<String> = texts
        .iter()
        .flat_map(|(place, lang, text)| {
            problems(text, *lang).into_iter().map(move |p| format!("{place} ({lang:?}): {p}\n    {text:?}"))
        })
        .collect();
    assert!(found.is_empty(), "{} problems:\n{}", found.len(), found.join("\n"));
}

/// Every string `i18n` can produce, in both languages, with where it comes from.
fn app_strings(rules: &Rules) -> Vec<(String, Lang, String)> {
    let mut out = Vec::new();
    let mut add = |place: String, lang: Lang, text: String| out.push((place, lang, text));
    // A clinic's rules that leave `settings.practitioner` empty: the care team.
    let mut unnamed = rules.clone();
    unnamed.settings.practitioner = Default::default();
    for lang in LANGS {
        for &key in Key::ALL {
            if key.names_practitioner() {
                add(format!("{key:?}"), lang, i18n::with_practitioner(lang, key, rules));
                add(format!("{key:?}, no practitioner set"), lang, i18n::with_practitioner(lang, key, &unnamed));
            } else {
                add(format!("{key:?}"), lang, t(lang, key).to_string());
            }
        }
        for n in 1..=4 {
            add(format!("step_of({n})"), lang, i18n::step_of(lang, n, 4));
        }
        for p in Problem::ALL {
            add(format!("{p:?}"), lang, i18n::problem(lang, p).to_string());
        }
        for a in Area::ALL {
            add(format!("{a:?}"), lang, i18n::area(lang, a).to_string());
        }
        for d in Downtime::ALL {
            add(format!("{d:?}"), lang, i18n::downtime(lang, d).to_string());
        }
        for buffer in [0, 1, 2, 7, 14] {
            add(format!("event_hint({buffer})"), lang, i18n::event_hint(lang, buffer));
        }
        add("language switch".into(), lang, i18n::other_language(lang).1.to_string());
        // Every count and range a plan can show: one, two, consecutive, wider.
        let ranges = [(0, 0), (1, 1), (1, 2), (2, 2), (3, 3), (3, 4), (3, 6), (4, 6), (6, 6), (14, 14), (14, 28), (30, 45), (44, 45)];
        for unit in Unit::ALL {
            for (min, max) in ranges {
                add(format!("range({min}, {max}, {unit:?})"), lang, i18n::range(lang, min, max, unit));
            }
        }
        for sessions in ranges {
            for interval in [(1, 1), (3, 4), (7, 7), (14, 14), (14, 28), (21, 21), (21, 28), (28, 42), (10, 12)] {
                add(format!("sessions({sessions:?}, {interval:?})"), lang, i18n::sessions(lang, sessions, interval));
            }
        }
        for kind in TreatmentKind::ALL {
            let name = rules.treatments.get(kind).name.get(lang);
            for (n, of) in [(1, 1), (1, 2), (2, 4), (6, 6)] {
                let label = i18n::session_label(lang, name, n, of);
                add(format!("calendar_title({kind:?}, {n}, {of})"), lang, i18n::calendar_title(lang, &label));
                add(format!("session_label({kind:?}, {n}, {of})"), lang, label);
            }
        }
        for clinic in ["", "Clinique dermo-esthétique Exemple, Montréal"] {
            add(format!("calendar_description({clinic:?})"), lang, i18n::calendar_description(lang, clinic));
        }
        for n in 0..=4 {
            let file = ["000_32744ad06e311a98.txt", "001_8463ed7e798e68ea.txt", "002_d169e0762e0d8404.txt", "003_8f7a4763e8386d43.txt", "004_c8f6733e9a2bb73d.txt"][n];
            let title = i18n::source_title(lang, file).unwrap_or_else(|| panic!("{file} has no title"));
            add(format!("source_title({file})"), lang, format!("{} {}", t(lang, Key::FromArticles), i18n::quoted(lang, title)));
        }
        let downtime = rules.treatments.get(TreatmentKind::Mesotherapy);
        add("downtime line".into(), lang, format!("{}{}{}", downtime.name.get(lang), i18n::colon(lang), downtime.downtime.text.get(lang)));
    }
    out
}

/// Every fixed string and every generated one, in both languages, promises nothing and is
/// typeset as it should be; English has no "(s)" either.
#[test]
fn every_app_string_promises_nothing_and_follows_the_typography() {
    let rules = rules();
    let texts = app_strings(&rules);
    assert!(texts.len() > 500, "{} texts", texts.len());
    check_all(&texts);
    // French is written, not left in English; a practitioner's text names who treats.
    for &key in Key::ALL {
        assert_ne!(t(Lang::Fr, key), t(Lang::En, key), "{key:?} is translated");
        assert_eq!(t(Lang::En, key).contains("{practitioner}"), key.names_practitioner(), "{key:?}");
        assert_eq!(t(Lang::Fr, key).contains("{practitioner}"), key.names_practitioner(), "{key:?}");
    }
    for lang in LANGS {
        let who = rules.settings.practitioner.get(lang);
        assert!(!who.is_empty());
        assert!(i18n::with_practitioner(lang, Key::HealthWhy, &rules).contains(who), "{lang:?}");
    }
}

/// The checks themselves find what they are for, in app-made text.
#[test]
fn the_checks_catch_what_they_are_for() {
    for (text, lang) in [
        ("3 session(s)", Lang::En),
        ("3 séance(s)", Lang::Fr),
        ("Microaiguilletage : 3 séances", Lang::Fr),
        ("De 3 à 4\u{a0}séances", Lang::Fr),
        ("Prêt ?", Lang::Fr),
        ("« Titre »", Lang::Fr),
        ("l'outil", Lang::Fr),
        ("This looks like the best fit for your goals.", Lang::En),
        ("Results are guaranteed.", Lang::En),
        ("Sans douleur.", Lang::Fr),
        ("From the clinic's articles: 000_32744ad06e311a98.txt", Lang::En),
        ("Dates to confirm with {practitioner}.", Lang::En),
        ("Tu peux revenir.", Lang::Fr),
    ] {
        assert!(!problems(text, lang).is_empty(), "{text:?} passes");
    }
}

/// The text a visitor sees or hears in `html`: each run of text between tags, and the
/// `aria-label` and `alt` attributes, entities decoded. (`title` is left out: a source's holds
/// its file name, on purpose, for the clinic to find the article.)
fn visible_texts(html: &str) -> Vec<String> {
    let decode = |s: &str| {
        s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&nbsp;", "\u{a0}").replace("&amp;", "&")
    };
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let text = decode(&rest[..open]);
        if !text.trim().is_empty() {
            out.push(text);
        }
        rest = &rest[open..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.split_once("-->").map_or("", |(_, after)| after);
            continue;
        }
        // The tag, to its `>` outside quotes.
        let mut quote = None;
        let end = rest
            .char_indices()
            .find(|&(_, c)| match (quote, c) {
                (None, '"' | '\'') => {
                    quote = Some(c);
                    false
                }
                (Some(q), c) if c == q => {
                    quote = None;
                    false
                }
                (None, '>') => true,
                _ => false,
            })
            .map_or(rest.len(), |(i, _)| i + 1);
        let tag = &rest[..end];
        for attribute in ["aria-label=\"", "alt=\""] {
            for (at, _) in tag.match_indices(attribute) {
                let before = tag[..at].chars().next_back();
                if before.is_some_and(|c| c.is_whitespace()) {
                    let value = &tag[at + attribute.len()..];
                    out.push(decode(&value[..value.find('"').unwrap_or(value.len())]));
                }
            }
        }
        rest = &rest[end..];
    }
    let text = decode(rest);
    if !text.trim().is_empty() {
        out.push(text);
    }
    out
}

/// `App` drawn on the host at `step` with `draft`, as a browser would show it first.
fn draw(lang: Lang, config: &Config, draft: Draft, step: Step, next: bool, placement: Placement) -> String {
    draw_offering(lang, config, draft, step, next, placement, None)
}

/// [`draw`], with a link's answers offered in place of the saved `draft` (the choice shows).
fn draw_offering(lang: Lang, config: &Config, draft: Draft, step: Step, next: bool, placement: Placement, offer: Option<Draft>) -> String {
    let props = AppProps {
        config: Rc::new(config.clone()),
        rules: Rc::new(rules()),
        today: Date::from_ymd(2026, 11, 22),
        lang: Some(lang),
        resume: Some(Resume { draft, step, remember: true, offer }),
        // "Next" pressed: the step's problems show.
        first_screen: next.then(|| Rc::new(FirstScreen { next: true, ..FirstScreen::default() })),
        onresult: Default::default(),
        onbook: Default::default(),
        onlang: Default::default(),
        placement,
    };
    let renderer = yew::LocalServerRenderer::<App>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// The screens a visitor can reach: each step, with and without its problems, and results of
/// every kind (a plan with an event, waits and soft warnings; the no-redness trade-off; an
/// event too close; a consult with and without the clinic's contact; answers that cannot be
/// read), on the finder's page and in a widget (whose invisible copies hold the same texts).
fn screens() -> Vec<(String, Draft, Step, bool)> {
    let answered = |goals: &[Goal], age: &str| Draft {
        goals: goals.to_vec(),
        age: age.into(),
        areas: vec![Area::Face],
        none_apply: true,
        ..Draft::default()
    };
    let event = |days: i64| Date::from_ymd(2026, 11, 22).unwrap().add_days(days).to_string();
    let every_goal = Goal::ALL.to_vec();
    vec![
        ("goals".into(), Draft::default(), Step::Goals, false),
        ("goals, nothing ticked".into(), Draft::default(), Step::Goals, true),
        ("goals, an event without its date".into(), Draft { goals: vec![Goal::Event], ..Draft::default() }, Step::Goals, true),
        ("goals, an event in the past".into(), Draft { goals: vec![Goal::Event], event_date: "2026-11-01".into(), ..Draft::default() }, Step::Goals, true),
        ("goals, an event that is no date".into(), Draft { goals: vec![Goal::Event], event_date: "2027-02-30".into(), ..Draft::default() }, Step::Goals, true),
        ("about you".into(), Draft { goals: vec![Goal::Hydration], ..Draft::default() }, Step::AboutYou, false),
        ("about you, no age, no area".into(), Draft { goals: vec![Goal::Hydration], areas: vec![], ..Draft::default() }, Step::AboutYou, true),
        ("about you, an age of 36.5".into(), Draft { goals: vec![Goal::Hydration], age: "36.5".into(), ..Draft::default() }, Step::AboutYou, true),
        ("about you, an age of 130".into(), Draft { goals: vec![Goal::Hydration], age: "130".into(), ..Draft::default() }, Step::AboutYou, true),
        ("health".into(), answered(&[Goal::Hydration], "36"), Step::Health, false),
        ("health, unanswered".into(), Draft { none_apply: false, ..answered(&[Goal::Hydration], "36") }, Step::Health, true),
        ("both, with an event".into(), Draft { event_date: event(90), ..answered(&[Goal::Hydration, Goal::Scars, Goal::Event], "36") }, Step::Result, false),
        (
            "every goal at 50, an event in three weeks, every area, every wait and soft warning".into(),
            Draft {
                goals: every_goal.clone(),
                event_date: event(21),
                age: "50".into(),
                areas: Area::ALL.to_vec(),
                downtime: Some(Downtime::AWeek),
                recent: Recent::ALL.to_vec(),
                cautions: Caution::ALL.to_vec(),
                ..Draft::default()
            },
            Step::Result,
            false,
        ),
        ("an event in three days".into(), Draft { event_date: event(3), ..answered(&[Goal::Dullness, Goal::Event], "30") }, Step::Result, false),
        (
            "no redness for scars and fine lines, on the body".into(),
            Draft { downtime: Some(Downtime::None), areas: vec![Area::Body], ..answered(&[Goal::Scars, Goal::FineLines], "29") },
            Step::Result,
            false,
        ),
        ("at 20, texture".into(), answered(&[Goal::Texture], "20"), Step::Result, false),
        ("at 42, pigmentation".into(), answered(&[Goal::Pigmentation], "42"), Step::Result, false),
        (
            "every hard stop".into(),
            Draft { screening: Screening::ALL.to_vec(), none_apply: false, ..answered(&[Goal::Hydration], "36") },
            Step::Result,
            false,
        ),
        ("under 18".into(), answered(&[Goal::Dullness], "16"), Step::Result, false),
        ("answers that cannot be read".into(), Draft { age: "x".into(), ..answered(&[Goal::Hydration], "") }, Step::Result, false),
    ]
}

/// Every screen, in both languages, with the clinic's contact in each language and without
/// one, on the page and in a widget: every text a visitor sees or hears passes the checks.
#[test]
fn every_screen_promises_nothing_and_follows_the_typography() {
    let with_contact = r#"{"clinic_name":{"en":"Example Skin Clinic","fr":"Clinique Exemple"},"contact":{"en":"Call 514-555-0100, 9 a.m. to 5 p.m.","fr":"Appelez-nous au 514 555-0100, de 9 h à 17 h."}}"#;
    let configs = [config::resolve(Some(with_contact), &[], config::QuerySource::Link, "").0, config::resolve(None, &[], config::QuerySource::Link, "").0];
    let mut texts = Vec::new();
    let mut drawn = 0;
    for (name, draft, step, next) in screens() {
        for lang in LANGS {
            for (c, config) in configs.iter().enumerate() {
                for placement in [Placement::Page, Placement::Widget] {
                    let html = draw(lang, config, draft.clone(), step, next, placement.clone());
                    drawn += 1;
                    for text in visible_texts(&html) {
                        texts.push((format!("{name} (clinic file {c}, {placement:?})"), lang, text));
                    }
                    if c == 0 {
                        // The clinic's texts in the visitor's language only.
                        let other = if lang == Lang::En { "Clinique Exemple" } else { "Example Skin Clinic" };
                        assert!(!html.contains(other), "{name} ({lang:?}) shows {other:?}");
                    }
                }
            }
        }
    }
    assert_eq!(drawn, screens().len() * 8);
    // Saved answers and a link's that differ in every answer: the choice between them.
    let saved = Draft { goals: vec![Goal::Hydration, Goal::Event], event_date: "2027-02-14".into(), age: "36".into(), ..Draft::default() };
    let link = Draft { goals: Goal::ALL.to_vec(), event_date: "2027-03-01".into(), age: "41".into(), areas: Area::ALL.to_vec(), downtime: Some(Downtime::AWeek), ..Draft::default() };
    for lang in LANGS {
        for (offer, saved) in [(link.clone(), saved.clone()), (saved.clone(), Draft::default())] {
            let html = draw_offering(lang, &configs[0], saved, Step::AboutYou, false, Placement::Page, Some(offer));
            assert!(html.contains(t(lang, Key::ChoiceTitle)), "{lang:?}: the choice shows");
            for text in visible_texts(&html) {
                texts.push(("the choice between saved answers and a link's".into(), lang, text));
            }
        }
    }
    // Each text once, where it was first seen.
    let mut seen = std::collections::HashSet::new();
    texts.retain(|(_, lang, text)| seen.insert((lang.code(), text.clone())));
    check_all(&texts);
}

/// What the result says about its sources, in each language: the clinic's articles by their
/// titles (never a file name or number), the clinic's practice by name, on the plan cards too.
#[test]
fn sources_are_named_as_the_clinics_articles_and_practice() {
    let draft = Draft { goals: vec![Goal::Hydration, Goal::Scars], age: "36".into(), areas: vec![Area::Face], none_apply: true, ..Draft::default() };
    for lang in LANGS {
        let html = draw(lang, &Config::default(), draft.clone(), Step::Result, false, Placement::Page);
        let texts = visible_texts(&html);
        assert!(texts.iter().any(|s| s.trim() == t(lang, Key::FromArticles)), "{lang:?}");
        assert!(texts.iter().any(|s| s.trim() == t(lang, Key::ClinicPractice)), "{lang:?}: the microneedling course");
        let title = i18n::source_title(lang, "003_8f7a4763e8386d43.txt").unwrap();
        assert!(texts.contains(&i18n::quoted(lang, title)), "{lang:?}: 003 by its title");
        assert!(!html.contains("_8f7a4763e8386d43") && !html.contains(".txt"), "{lang:?}: no file name, not even in a tooltip");
        // The rules revision is for the clinic's paper copy: hidden on screen.
        let revision = format!("{}{}", t(lang, Key::RulesRevision), " ");
        assert!(html.contains(&format!(r#"<p class="revision on-paper">{revision}"#)), "{lang:?}: the revision only on paper");
        assert!(!html.contains("clinic default"), "{lang:?}");
        // Each fact of a plan card says where it comes from.
        let cards = html.matches("data-fact=").count();
        let sourced = html.split("data-fact=").skip(1).filter(|fact| fact[..fact.find("</div>").unwrap()].contains("class=\"source\"")).count();
        assert_eq!((cards, sourced), (10, 10), "{lang:?}");
    }
}

