//! Browser component tests: run in headless Chromium by `wasm-bindgen-test-runner`
//! (see scripts/test, stage "browser").
//!
//! Each test renders `App` into a fresh element with a fixed date, language and
//! configuration, then drives it as a visitor would: real DOM clicks and input events,
//! awaiting `yew::scheduler::flush()` after each (never a sleep).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use treatment_finder::app::{App, AppProps};
use treatment_finder::config::{self, Config};
use treatment_finder::draft::{Resume, Step};
use treatment_finder::app::i18n::{self, t, Key};
use treatment_finder::engine::{Area, Caution, Date, Goal, Lang, Recent, Rules, Screening};
use treatment_finder::share;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const TODAY: &str = "2026-11-23";

fn today() -> Date {
    Date::parse(TODAY).unwrap()
}

fn rules() -> Rules {
    treatment_finder::web::json::default_rules()
}

/// A rules text as the app shows it: `{practitioner}` filled with who treats at the clinic.
fn said(text: &treatment_finder::engine::Text, lang: Lang) -> String {
    text.get(lang).replace("{practitioner}", rules().settings.practitioner.get(lang))
}

/// A configuration as `clinic.json` would give it.
fn clinic(json: &str) -> Rc<Config> {
    let file = treatment_finder::web::json::read_clinic_file(json);
    let (config, issues) = config::resolve_read(Some(file), &[], config::QuerySource::Link, "http://127.0.0.1");
    assert!(issues.is_empty() || json.contains("javascript"), "{issues:?}");
    Rc::new(config)
}

fn props() -> AppProps {
    AppProps {
        config: clinic(r##"{"clinic_name":"Clinique Test","booking_url":"https://book.example/c","contact":"Call 514-555-0100.","accent":"#aa3355"}"##),
        rules: Rc::new(rules()),
        today: Some(today()),
        lang: Some(Lang::En),
        resume: None,
        first_screen: None,
        onresult: Default::default(),
        onbook: Default::default(),
        onlang: Default::default(),
        placement: Default::default(),
    }
}

/// One rendered app; dropping it unmounts the app and removes its element.
struct Page {
    root: Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Drop for Page {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

async fn render(props: AppProps) -> Page {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    Page { root, handle: Some(handle) }
}

impl Page {
    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn get(&self, selector: &str) -> Element {
        self.find(selector).unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().dyn_into().unwrap()).collect()
    }

    fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default().trim().to_string()
    }

    fn input(&self, selector: &str) -> HtmlInputElement {
        self.get(selector).dyn_into().unwrap()
    }

    fn checked(&self, selector: &str) -> bool {
        self.input(selector).checked()
    }

    /// The id of the element that has keyboard focus.
    fn focused_id(&self) -> String {
        let document = web_sys::window().unwrap().document().unwrap();
        document.active_element().map(|e| e.id()).unwrap_or_default()
    }

    async fn click(&self, selector: &str) {
        self.get(selector).dyn_into::<HtmlElement>().unwrap().click();
        yew::scheduler::flush().await;
    }

    /// Clicks the button whose text is `label`.
    async fn press(&self, label: &str) {
        let button = self
            .all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().trim() == label)
            .unwrap_or_else(|| panic!("no button labelled {label:?}"));
        button.dyn_into::<HtmlElement>().unwrap().click();
        yew::scheduler::flush().await;
    }

    /// Waits until the browser has shown a frame and run the tasks queued after it (where a
    /// widget's result draws its invisible copies, `web::after_paint`), then lets Yew draw.
    async fn after_paint(&self) {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            let then = wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = web_sys::window().unwrap().set_timeout_with_callback(resolve.unchecked_ref());
            });
            let _ = web_sys::window().unwrap().request_animation_frame(then.unchecked_ref());
        });
        wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
        yew::scheduler::flush().await;
    }

    /// Types `value` into an input the way a browser reports it: the value, then `input`.
    async fn fill(&self, selector: &str, value: &str) {
        let input = self.input(selector);
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        input.dispatch_event(&event).unwrap();
        yew::scheduler::flush().await;
    }

    /// Goes from step 1 to the result with the given answers.
    async fn answer(&self, goals: &[Goal], age: &str, screening: &[Screening]) {
        for g in goals {
            self.click(&format!("#goal-{}", g.id())).await;
        }
        self.press("Next").await;
        self.fill("#age", age).await;
        self.click("#area-face").await;
        self.press("Next").await;
        if screening.is_empty() {
            self.click("#screen-none").await;
        }
        for s in screening {
            self.click(&format!("#screen-{}", s.id())).await;
        }
        self.press("See my suggestion").await;
        self.after_paint().await;
    }
}

#[wasm_bindgen_test]
async fn app_renders_its_heading_in_one_main() {
    let page = render(props()).await;
    assert_eq!(page.text("main > h1"), "Treatment finder");
    assert_eq!(page.all("main").len(), 1);
    assert_eq!(page.text(".clinic-name"), "Clinique Test");
}

#[wasm_bindgen_test]
async fn step_one_lists_every_goal_with_its_label_from_the_rules() {
    let page = render(props()).await;
    let rules = rules();
    assert_eq!(page.text("#step-count"), "Step 1 of 4");
    assert_eq!(page.text("#step-heading"), "What would you like to improve?");
    assert_eq!(page.all("#goals-group input[type=checkbox]").len(), 9);
    for goal in Goal::ALL {
        let rule = rules.goal_rule(goal).unwrap();
        assert_eq!(page.text(&format!("label[for=goal-{}]", goal.id())), rule.label.get(Lang::En));
        assert!(!page.checked(&format!("#goal-{}", goal.id())));
    }
    // The treatments are explained in one line each, from the rules (behind a disclosure).
    let terms = page.text(".terms");
    assert!(terms.contains(rules.treatments.microneedling.explain.get(Lang::En)), "{terms}");
    assert!(terms.contains(rules.treatments.mesotherapy.explain.get(Lang::En)), "{terms}");
    assert!(page.find("button.secondary").is_none(), "no Back button on step 1");
}

#[wasm_bindgen_test]
async fn the_event_goal_reveals_a_date_field_from_today() {
    let page = render(props()).await;
    assert!(page.find("#event-date").is_none());
    page.click("#goal-event").await;
    let date = page.input("#event-date");
    assert_eq!(date.type_(), "date");
    assert_eq!(date.get_attribute("min").as_deref(), Some(TODAY));
    assert_eq!(page.text("label[for=event-date]"), "Date of your event");
    page.click("#goal-event").await;
    assert!(page.find("#event-date").is_none());
}

/// Each case: goals to tick, event date to type, the error shown and the field focused.
#[wasm_bindgen_test]
async fn step_one_names_what_is_missing_and_focuses_it() {
    for (goals, event, error_id, message, focused) in [
        (&[][..], None, "goals-error", "Choose at least one goal.", "goal-hydration"),
        (&[Goal::Event][..], None, "event-date-error", "Enter the date of your event.", "event-date"),
        (&[Goal::Event][..], Some("2026-11-01"), "event-date-error", "The event date is in the past: choose today or a later date.", "event-date"),
    ] {
        let page = render(props()).await;
        for g in goals {
            page.click(&format!("#goal-{}", g.id())).await;
        }
        if let Some(date) = event {
            page.fill("#event-date", date).await;
        }
        page.press("Next").await;
        let error = page.get(&format!("#{error_id}"));
        assert_eq!(error.text_content().unwrap().trim(), format!("⚠ {message}"));
        assert_eq!(error.query_selector("[aria-hidden=true]").unwrap().unwrap().text_content().unwrap(), "⚠ ", "the symbol is not read");
        // Not a live region itself: the one announcer says it, once.
        assert_eq!(error.get_attribute("role"), None);
        assert_eq!(page.all("[role=alert], [role=status], [aria-live]").len(), 2, "the announcer and Remember's status line only");
        assert_eq!(page.text("#problems-announcer"), message);
        let field = page.get(&format!("#{focused}"));
        assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"), "{focused}");
        // A group's error is tied to the group, not to each of its checkboxes.
        let described = if error_id == "goals-error" { page.get("#goals-group") } else { field.clone() };
        assert!(described.get_attribute("aria-describedby").unwrap_or_default().contains(error_id), "{focused}");
        if error_id == "goals-error" {
            assert!(!field.get_attribute("aria-describedby").unwrap_or_default().contains(error_id), "{focused}");
        }
        assert_eq!(page.focused_id(), focused);
        assert_eq!(page.text("#step-count"), "Step 1 of 4", "the step did not change");
    }
}

/// Every refused "Next" is announced, even in the same words as the last: the announcer is
/// filled with a new paragraph each time. And the step number is part of the heading's name.
#[wasm_bindgen_test]
async fn a_repeated_refusal_is_announced_again_and_headings_say_their_step() {
    let page = render(props()).await;
    let heading = page.get("#step-heading");
    assert_eq!(heading.get_attribute("aria-labelledby").as_deref(), Some("step-count step-heading"));
    assert_eq!(heading.get_attribute("aria-describedby"), None);
    page.press("Next").await;
    let first = page.get("#problems-announcer p");
    page.press("Next").await;
    let second = page.get("#problems-announcer p");
    assert_eq!(page.text("#problems-announcer"), "Choose at least one goal.");
    assert!(!first.is_same_node(Some(&second)), "the same words are announced afresh");
    assert!(!first.is_connected(), "and only once");
}

#[wasm_bindgen_test]
async fn an_error_clears_once_fixed() {
    let page = render(props()).await;
    page.press("Next").await;
    assert!(page.find("#goals-error").is_some());
    page.click("#goal-pores").await;
    assert!(page.find("#goals-error").is_none());
    assert_eq!(page.get("#goal-hydration").get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn step_two_checks_the_age() {
    for (age, message) in [
        ("", "Enter your age."),
        ("121", "Enter an age between 0 and 120."),
        ("36.5", "Enter your age as a whole number of years, for example 36."),
    ] {
        let page = render(props()).await;
        page.click("#goal-hydration").await;
        page.press("Next").await;
        page.fill("#age", age).await;
        page.press("Next").await;
        assert_eq!(page.text("#age-error"), format!("⚠ {message}"), "age {age:?}");
        assert!(page.text("#problems-announcer").starts_with(message), "age {age:?}");
        assert_eq!(page.get("#age").get_attribute("aria-errormessage").as_deref(), Some("age-error"));
        assert_eq!(page.focused_id(), "age");
        assert_eq!(page.text("#step-count"), "Step 2 of 4");
    }
}

#[wasm_bindgen_test]
async fn each_step_change_focuses_the_new_heading_and_back_keeps_answers() {
    let page = render(props()).await;
    page.click("#goal-hydration").await;
    page.press("Next").await;
    assert_eq!(page.text("#step-count"), "Step 2 of 4");
    assert_eq!(page.focused_id(), "step-heading");
    assert_eq!(page.text("#step-heading"), "About you");
    assert!(Area::ALL.iter().all(|a| !page.checked(&format!("#area-{}", a.id()))), "no area ticked for the visitor");
    assert!(page.checked("#downtime-not_sure"), "redness: not sure until chosen");
    page.fill("#age", "40").await;
    page.press("Next").await;
    assert_eq!(page.text("#step-count"), "Step 2 of 4", "an area is needed");
    assert_eq!(page.text("#areas-error"), "⚠ Choose at least one area.");
    page.click("#area-neck").await;
    page.click("#downtime-a_week").await;
    page.press("Next").await;
    assert_eq!(page.text("#step-count"), "Step 3 of 4");
    assert_eq!(page.focused_id(), "step-heading");
    page.press("Back").await;
    assert_eq!(page.input("#age").value(), "40");
    assert!(page.checked("#downtime-a_week"));
    page.press("Back").await;
    assert!(page.checked("#goal-hydration"));
}

#[wasm_bindgen_test]
async fn the_health_screen_needs_an_answer_and_none_excludes_the_items() {
    let page = render(props()).await;
    page.click("#goal-hydration").await;
    page.press("Next").await;
    page.fill("#age", "30").await;
    page.click("#area-face").await;
    page.press("Next").await;
    let items = Screening::ALL.len() + Recent::ALL.len() + Caution::ALL.len();
    assert_eq!(page.all("#health-group input[type=checkbox]").len(), items + 1);
    page.press("See my suggestion").await;
    page.after_paint().await;
    assert_eq!(page.text("#health-error"), "⚠ Tick the items that apply to you, or “None of these apply to me”.");
    // The error describes the group, once, not each of its checkboxes.
    assert_eq!(page.get("#health-group").get_attribute("aria-describedby").as_deref(), Some("health-why health-error"));
    assert_eq!(page.all("#health-group input[aria-describedby]").len(), 0);
    assert_eq!(page.focused_id(), "screen-pregnant_or_breastfeeding");
    page.click("#screen-blood_thinners").await;
    assert!(page.find("#health-error").is_none());
    page.click("#screen-none").await;
    assert!(page.checked("#screen-none"));
    assert!(!page.checked("#screen-blood_thinners"));
    page.click("#screen-keloid_scarring").await;
    assert!(!page.checked("#screen-none"));
    // A waiting period or a caution alone answers the step, and "none" clears them too.
    page.click("#screen-keloid_scarring").await;
    page.press("See my suggestion").await;
    page.after_paint().await;
    assert!(page.find("#health-error").is_some());
    page.click("#recent-sunburn_or_tan").await;
    assert!(page.find("#health-error").is_none());
    page.click("#caution-cold_sores").await;
    page.click("#screen-none").await;
    assert!(!page.checked("#recent-sunburn_or_tan") && !page.checked("#caution-cold_sores"));
    page.click("#caution-dark_marks_after_inflammation").await;
    assert!(!page.checked("#screen-none"));
    page.press("See my suggestion").await;
    page.after_paint().await;
    assert_eq!(page.text("#step-count"), "Step 4 of 4", "a caution alone is an answer");
}

/// The health step's three groups (hard stops, the last few weeks, good to know), each a
/// fieldset with its legend, every question's label from the rules, in both languages.
#[wasm_bindgen_test]
async fn the_health_step_asks_the_waits_and_cautions_in_their_groups_in_both_languages() {
    let page = render(props()).await;
    page.click("#goal-hydration").await;
    page.press("Next").await;
    page.fill("#age", "30").await;
    page.click("#area-face").await;
    page.press("Next").await;
    let rules = rules();
    for (lang, recent_legend) in [(Lang::En, "In the last few weeks"), (Lang::Fr, "Au cours des dernières semaines")] {
        let legends: Vec<String> =
            page.all("#health-group fieldset > legend").iter().map(|l| l.text_content().unwrap().trim().to_string()).collect();
        let expected = [Key::HealthStopsLegend, Key::HealthRecentLegend, Key::HealthCautionsLegend].map(|k| t(lang, k));
        assert_eq!(legends, expected, "{lang:?}");
        assert_eq!(legends[1], recent_legend);
        assert_eq!(page.text("#health-group > legend"), t(lang, Key::HealthLegend));
        // Who treats at the clinic, from the rules (`settings.practitioner`).
        let why = i18n::with_practitioner(lang, Key::HealthWhy, &rules);
        assert!(why.contains(rules.settings.practitioner.get(lang)), "{why}");
        assert_eq!(page.text("#health-why"), why);
        for (group, intro, key) in [
            ("#health-recent", "health-recent-intro", Key::HealthRecentIntro),
            ("#health-cautions", "health-cautions-intro", Key::HealthCautionsIntro),
        ] {
            assert_eq!(page.get(group).get_attribute("aria-describedby").as_deref(), Some(intro));
            assert_eq!(page.text(&format!("#{intro}")), t(lang, key));
        }
        let label = |selector: String| page.text(&selector);
        for s in Screening::ALL {
            let want = rules.screening_rule(s).unwrap().label.get(lang);
            assert_eq!(label(format!("#health-stops label[for=screen-{}]", s.id())), want);
        }
        for r in Recent::ALL {
            let want = rules.wait_rule(r).unwrap().label.get(lang);
            assert_eq!(label(format!("#health-recent label[for=recent-{}]", r.id())), want);
            assert_eq!(page.input(&format!("#recent-{}", r.id())).value(), r.id());
        }
        for c in Caution::ALL {
            let want = rules.caution_rule(c).unwrap().label.get(lang);
            assert_eq!(label(format!("#health-cautions label[for=caution-{}]", c.id())), want);
        }
        // "None of these apply to me" comes last, after the three groups.
        let inputs = page.all("#health-group input");
        assert_eq!(inputs.last().unwrap().id(), "screen-none");
        assert_eq!(page.text("label[for=screen-none]"), t(lang, Key::NoneApply));
        page.click(".lang-toggle").await;
    }
}

/// A rules file without a question's label shows its id in words, as for the hard stops.
#[wasm_bindgen_test]
async fn a_wait_or_caution_without_a_rule_shows_its_id_in_words() {
    let mut rules = rules();
    rules.waits.retain(|w| w.item != Recent::SunburnOrTan);
    rules.cautions.retain(|c| c.item != Caution::ColdSores);
    let page = render(AppProps { rules: Rc::new(rules), ..props() }).await;
    page.click("#goal-hydration").await;
    page.press("Next").await;
    page.fill("#age", "30").await;
    page.click("#area-face").await;
    page.press("Next").await;
    assert_eq!(page.text("label[for=recent-sunburn_or_tan]"), "sunburn or tan");
    assert_eq!(page.text("label[for=caution-cold_sores]"), "cold sores");
}

/// A waiting period moves the first session later and says why; a caution adds its warning;
/// neither changes the treatment.
#[wasm_bindgen_test]
async fn a_wait_moves_the_first_session_and_a_caution_adds_a_warning() {
    async fn first_session(recent: Option<&str>, caution: Option<&str>) -> (Page, String) {
        let page = render(props()).await;
        page.click("#goal-hydration").await;
        page.press("Next").await;
        page.fill("#age", "36").await;
        page.click("#area-face").await;
        page.press("Next").await;
        match (recent, caution) {
            (None, None) => page.click("#screen-none").await,
            _ => {
                for id in recent.iter().map(|r| format!("#recent-{r}")).chain(caution.iter().map(|c| format!("#caution-{c}"))) {
                    page.click(&id).await;
                }
            }
        }
        page.press("See my suggestion").await;
        page.after_paint().await;
        let first = page.get("#timeline time").get_attribute("datetime").unwrap();
        (page, first)
    }
    let (plain, usual) = first_session(None, None).await;
    assert!(plain.find("[data-rule^='recent.']").is_none());
    drop(plain);
    let (page, later) = first_session(Some("injectables_2_weeks"), Some("cold_sores")).await;
    assert_eq!(page.get("#result-summary").get_attribute("data-treatment").as_deref(), Some("mesotherapy"));
    let usual = Date::parse(&usual).unwrap();
    let later = Date::parse(&later).unwrap();
    assert!(usual.days_until(later) >= 14, "{usual} → {later}");
    let reason = page.get("[data-rule='recent.injectables_2_weeks']");
    assert!(reason.query_selector(".source").unwrap().is_some(), "the wait's reason cites its source");
    assert!(page.find("[data-code='caution.cold_sores']").is_some());
}

/// Every fact on a plan card says where it comes from: the clinic's articles (each by its
/// title, the file name in `title`) or the clinic's practice, in both languages.
#[wasm_bindgen_test]
async fn each_plan_fact_shows_its_source() {
    let page = render(props()).await;
    page.answer(&[Goal::Hydration, Goal::Scars], "36", &[]).await;
    let rules = rules();
    for lang in [Lang::En, Lang::Fr] {
        let cards = page.all(".treatment");
        assert_eq!(cards.len(), 2);
        let (articles, practice) = (t(lang, Key::FromArticles), t(lang, Key::ClinicPractice));
        for card in &cards {
            let facts = card.query_selector_all("[data-fact]").unwrap();
            assert_eq!(facts.length(), 5);
            for i in 0..facts.length() {
                let fact: Element = facts.item(i).unwrap().dyn_into().unwrap();
                let sources = fact.query_selector_all("dd > small.source").unwrap();
                let texts: Vec<String> = (0..sources.length()).map(|i| sources.item(i).unwrap().text_content().unwrap()).collect();
                let what = fact.get_attribute("data-fact").unwrap();
                assert!(!texts.is_empty(), "{what}: no source");
                assert!(texts.iter().all(|s| s.starts_with(articles) || s == practice), "{what}: {texts:?}");
                assert!(texts.iter().all(|s| !s.contains(".txt") && !s.contains("(00")), "{what}: a file name shown: {texts:?}");
            }
        }
        // The microneedling course is the clinic's own practice; mesotherapy's at 36 is article 004's.
        let sessions = |kind: &str| {
            let name = if kind == "microneedling" { &rules.treatments.microneedling.name } else { &rules.treatments.mesotherapy.name };
            let card = cards.iter().find(|c| c.query_selector("h4").unwrap().unwrap().text_content().as_deref() == Some(name.get(lang))).unwrap();
            card.query_selector("[data-fact=sessions] dd").unwrap().unwrap()
        };
        assert_eq!(sessions("microneedling").query_selector(".source").unwrap().unwrap().text_content().unwrap(), practice);
        let meso = sessions("mesotherapy");
        let title = i18n::quoted(lang, i18n::source_title(lang, "004_c8f6733e9a2bb73d.txt").unwrap());
        let screen = |e: &Element| e.query_selector(".on-screen").unwrap().unwrap().text_content().unwrap();
        let cite = meso.query_selector_all("cite").unwrap();
        let cite: Element = (0..cite.length()).map(|i| cite.item(i).unwrap().dyn_into::<Element>().unwrap()).find(|c| screen(c) == title).expect("004 cited");
        assert!(!cite.has_attribute("title"), "no file name in a tooltip");
        assert_eq!(screen(&meso.query_selector(".source").unwrap().unwrap()), format!("{articles} "));
        // On paper the article is a number, and the list under the result gives its title.
        let number = cite.query_selector(".on-paper").unwrap().unwrap().text_content().unwrap();
        assert!(page.text(".source-list").contains(&format!("{number}\u{a0}{title}")), "{number}");
        page.click(".lang-toggle").await;
    }
}

#[wasm_bindgen_test]
async fn hydration_and_scars_at_36_gives_both_with_dated_sessions() {
    let page = render(props()).await;
    page.answer(&[Goal::Hydration, Goal::Scars], "36", &[]).await;
    let rules = rules();
    assert_eq!(page.text("#step-count"), "Step 4 of 4");
    assert_eq!(page.text("#result-summary"), said(&rules.messages.summary_both, Lang::En));
    assert_eq!(page.focused_id(), "result-summary");

    let items = page.all("#timeline li");
    assert!(items.len() >= 2, "sessions on the timeline");
    let dates: Vec<String> =
        items.iter().map(|li| li.query_selector("time").unwrap().unwrap().get_attribute("datetime").unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "the timeline is in date order");
    assert!(dates.iter().all(|d| d.as_str() > TODAY));
    let labels = page.text("#timeline");
    assert!(labels.contains("Microneedling: session 1 of") && labels.contains("Mesotherapy: session 1 of"), "{labels}");
    // Dates read as a person writes them ("30 November 2026"), and say the date they stand for.
    const MONTHS: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ];
    for (li, iso) in items.iter().zip(&dates) {
        let (y, m, d) = (&iso[0..4], iso[5..7].parse::<usize>().unwrap(), iso[8..10].parse::<u32>().unwrap());
        let shown = li.query_selector("time").unwrap().unwrap().text_content().unwrap();
        assert_eq!(shown.trim(), format!("{d} {} {y}", MONTHS[m - 1]), "{iso}");
    }

    // Why, with sources; aftercare; disclaimer.
    assert!(page.all(".reasons li").len() >= 3);
    assert!(page.find(".reasons cite").is_some());
    // Lists drawn without bullets keep their semantics (VoiceOver drops them otherwise), and
    // only the main parts are named regions: the result and its plan.
    assert_eq!(page.get("#timeline").get_attribute("role").as_deref(), Some("list"));
    let regions: Vec<String> = page.all(".result[aria-labelledby], .result section[aria-labelledby], .result section[aria-label]").iter().map(|s| s.get_attribute("aria-labelledby").unwrap_or_default()).collect();
    assert_eq!(regions, ["result-summary", "plan-heading"]);
    assert_eq!(page.get("#result-summary").get_attribute("aria-labelledby").as_deref(), Some("step-count result-summary"));
    assert!(page.find("cite[title]").is_none(), "no file name in a tooltip");
    assert!(!page.all(".aftercare li").is_empty());
    assert_eq!(page.text(".disclaimer"), said(&rules.messages.disclaimer, Lang::En));

    // Book: a new tab, only treatment and lang added.
    let book = page.get("#book");
    assert_eq!(book.get_attribute("href").as_deref(), Some("https://book.example/c?treatment=both&lang=en"));
    assert_eq!(book.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(book.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    for label in ["Add to calendar", "Copy link", "Print or save as PDF", "Start over"] {
        assert!(page.all("button").iter().any(|b| b.text_content().unwrap().trim() == label), "{label}");
    }
}

#[wasm_bindgen_test]
async fn a_screening_item_gives_consult_with_no_plan_and_no_book_link() {
    let page = render(props()).await;
    page.answer(&[Goal::Hydration, Goal::Scars], "36", &[Screening::BloodThinners]).await;
    let rules = rules();
    assert_eq!(page.text("#result-summary"), said(&rules.messages.summary_consult, Lang::En));
    assert!(page.find("#book").is_none());
    assert!(page.find("#timeline").is_none());
    assert!(!page.all("button").iter().any(|b| b.text_content().unwrap().trim() == "Add to calendar"));
    let reason = said(&rules.screening_rule(Screening::BloodThinners).unwrap().reason.text, Lang::En);
    assert!(page.text(".reasons").contains(&reason));
    assert_eq!(page.text(".contact p"), "Call 514-555-0100.");
}

/// The clinic's name and contact in each language (`clinic.json`): the French page never
/// shows the English text, and the language switch changes both.
#[wasm_bindgen_test]
async fn the_clinics_name_and_contact_follow_the_language() {
    let config = clinic(r#"{"clinic_name":{"en":"Example Skin Clinic","fr":"Clinique Exemple"},"contact":{"en":"Call 514-555-0100, 9 a.m. to 5 p.m.","fr":"Appelez-nous au 514 555-0100, de 9 h à 17 h."}}"#);
    let page = render(AppProps { config, ..props() }).await;
    assert_eq!(page.text(".clinic-name"), "Example Skin Clinic");
    page.answer(&[Goal::Hydration], "36", &[Screening::BloodThinners]).await;
    assert_eq!(page.text(".contact p"), "Call 514-555-0100, 9 a.m. to 5 p.m.");
    page.click(".lang-toggle").await;
    assert_eq!(page.text(".clinic-name"), "Clinique Exemple");
    assert_eq!(page.text(".contact p"), "Appelez-nous au 514 555-0100, de 9 h à 17 h.");
    assert!(!page.text("main").contains("Call 514"));
}

/// A result is drawn in two steps, on the finder's page as in a widget: in the task of the
/// click, its top (the suggestion, the Book link, the warnings, the detail sections'
/// headings), so a slow phone shows the suggestion sooner; a frame later, the sections'
/// contents (why, the dates, aftercare) and what is under them (the disclaimer, the actions).
/// Focus is on the suggestion from the first.
#[wasm_bindgen_test]
async fn a_result_shows_its_suggestion_first_and_its_details_a_frame_later() {
    for placement in [treatment_finder::app::Placement::Page, treatment_finder::app::Placement::Widget] {
        let page = render(AppProps { placement, ..props() }).await;
        page.click("#goal-hydration").await;
        page.press("Next").await;
        page.fill("#age", "36").await;
        page.click("#area-face").await;
        page.press("Next").await;
        page.click("#caution-cold_sores").await;
        page.press("See my suggestion").await;
        assert_eq!(page.get("#result-summary").get_attribute("data-treatment").as_deref(), Some("mesotherapy"));
        assert_eq!(page.focused_id(), "result-summary", "the suggestion takes focus at once");
        assert_eq!(page.all("#book").len(), 1, "the Book link is in the first drawing");
        assert_eq!(page.all("[data-code='caution.cold_sores']").len(), 1, "the warnings too");
        let headings: Vec<String> = page.all(".fold-heading button").iter().map(|b| b.text_content().unwrap_or_default()).collect();
        assert_eq!(headings, ["Why this suggestion", "Proposed plan", "Aftercare"]);
        assert_eq!(page.all(".fold-body > *").len(), 0, "no section's contents yet");
        assert!(page.find(".actions").is_none() && page.find(".disclaimer").is_none(), "nor what is under them");
        page.after_paint().await;
        assert_eq!(page.all(".actions").len(), 1);
        assert!(!page.text(".disclaimer").is_empty());
        assert!(page.all("[data-rule]").len() > 0, "the reasons are drawn a frame later");
        assert_eq!(page.all("#timeline").len(), 1);
        assert!(page.all(".aftercare > li").len() > 0);
        assert_eq!(page.focused_id(), "result-summary", "focus stays on the suggestion");
    }
}

/// In a partner's widget, a plan result draws, invisible, every plan the same answers give
/// with any waits and soft warnings (the bridge pads the page to the tallest): the copies
/// carry no id, data attribute, label or anything to focus, and the visitor's own result is
/// the one found; on the finder's own page nothing of it is drawn.
#[wasm_bindgen_test]
async fn a_widgets_plan_result_draws_its_sizer_invisible_and_unreachable() {
    for placement in [treatment_finder::app::Placement::Widget, treatment_finder::app::Placement::Page] {
        let widget = placement == treatment_finder::app::Placement::Widget;
        let page = render(AppProps { placement, ..props() }).await;
        page.click("#goal-event").await;
        page.fill("#event-date", "2026-12-20").await;
        page.press("Next").await;
        page.fill("#age", "36").await;
        page.click("#area-face").await;
        page.press("Next").await;
        page.click("#recent-injectables_2_weeks").await;
        page.click("#caution-cold_sores").await;
        page.press("See my suggestion").await;
        if widget {
            // Drawn first without the copies, marked so the bridge reports no height yet.
            assert!(page.find("[data-even-sizer][data-even-pending] > div").is_none(), "no copy in the first drawing");
            assert!(page.find("[data-even-pending]").is_some(), "the sizer is marked pending");
        }
        page.after_paint().await;
        assert!(page.find("[data-even-pending]").is_none(), "the copies are drawn a frame later");
        assert_eq!(page.get("#result-summary").get_attribute("data-treatment").as_deref(), Some("mesotherapy"));
        let rules: Vec<String> = page.all("[data-rule^='recent.']").iter().filter_map(|e| e.get_attribute("data-rule")).collect();
        assert_eq!(rules, ["recent.injectables_2_weeks"], "only the visitor's own wait");
        let codes: Vec<String> = page.all("[data-code^='caution.']").iter().filter_map(|e| e.get_attribute("data-code")).collect();
        assert_eq!(codes, ["caution.cold_sores"], "only the visitor's own soft warning");
        assert_eq!(page.all("#timeline").len(), 1);
        assert_eq!(page.all("[data-fact=sessions]").len(), 1);
        if !widget {
            assert!(page.find("[data-even-sizer]").is_none() && page.find(".even-plan").is_none(), "nothing added on the page");
            continue;
        }
        let block = page.get(".even-plan > [data-even-block]");
        assert!(block.query_selector("#result-summary").unwrap().is_some(), "the visitor's own summary is measured");
        let sizer = page.get(".even-plan > [data-even-sizer]");
        assert_eq!(sizer.get_attribute("aria-hidden").as_deref(), Some("true"));
        let reachable = sizer
            .query_selector_all("[id], [data-rule], [data-code], [data-fact], [data-treatment], [data-step-heading], [tabindex], [aria-label], [aria-labelledby], a, button, input")
            .unwrap();
        assert_eq!(reachable.length(), 0);
        // Each copy lists its own waits: from none to all three more reasons than the fewest.
        let copies = sizer.query_selector_all(":scope > div").unwrap();
        let mut counts: Vec<u32> = (0..copies.length())
            .map(|i| copies.item(i).unwrap().dyn_into::<Element>().unwrap().query_selector_all(".reasons > li").unwrap().length())
            .collect();
        counts.sort();
        let least = counts[0];
        assert_eq!(counts, [0, 1, 1, 1, 2, 2, 2, 3].map(|n| least + n), "one copy for each set of waits");
    }
}

#[wasm_bindgen_test]
async fn under_18_gives_consult() {
    let page = render(props()).await;
    page.answer(&[Goal::Dullness], "16", &[]).await;
    assert_eq!(page.get("#result-summary").get_attribute("data-treatment").as_deref(), Some("consult"));
    assert!(page.find("#book").is_none());
}

#[wasm_bindgen_test]
async fn the_language_toggle_switches_to_french_and_keeps_the_answers() {
    let page = render(props()).await;
    page.click("#goal-hydration").await;
    page.click("#goal-scars").await;
    let toggle = page.get(".lang-toggle");
    assert_eq!(toggle.text_content().unwrap(), "Français");
    assert_eq!(toggle.get_attribute("lang").as_deref(), Some("fr"));
    page.click(".lang-toggle").await;

    assert_eq!(page.text("main > h1"), "Trouver mon traitement");
    assert_eq!(page.text("#step-count"), "Étape 1 sur 4");
    assert_eq!(page.text("label[for=goal-hydration]"), "Hydratation");
    assert!(page.checked("#goal-hydration") && page.checked("#goal-scars"));
    assert!(!page.checked("#goal-texture"));
    let html = web_sys::window().unwrap().document().unwrap().document_element().unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(page.text(".lang-toggle"), "English");
    assert_eq!(page.get(".lang-toggle").get_attribute("lang").as_deref(), Some("en"));
    page.click(".lang-toggle").await;
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn the_result_follows_the_language() {
    let page = render(props()).await;
    page.click("#goal-hydration").await;
    page.click("#goal-event").await;
    page.fill("#event-date", "2027-02-14").await;
    page.press("Next").await;
    page.fill("#age", "36").await;
    page.click("#area-face").await;
    page.press("Next").await;
    page.click("#screen-none").await;
    page.press("See my suggestion").await;
    page.after_paint().await;
    let rules = rules();
    assert_eq!(page.text("#result-summary"), said(&rules.messages.summary_mesotherapy, Lang::En));
    assert!(page.text("#timeline .is-event").contains("14 February 2027"));
    page.click(".lang-toggle").await;
    assert_eq!(page.text("#result-summary"), said(&rules.messages.summary_mesotherapy, Lang::Fr));
    assert!(page.text("#timeline .is-event").contains("14 février 2027"));
    assert_eq!(page.get("#book").get_attribute("href").as_deref(), Some("https://book.example/c?treatment=mesotherapy&lang=fr"));
}

#[wasm_bindgen_test]
async fn start_over_clears_the_answers() {
    let page = render(props()).await;
    page.answer(&[Goal::Pigmentation], "50", &[]).await;
    page.press("Start over").await;
    assert_eq!(page.text("#step-count"), "Step 1 of 4");
    assert!(!page.checked("#goal-pigmentation"));
    page.click("#goal-pigmentation").await;
    page.press("Next").await;
    assert_eq!(page.input("#age").value(), "");
}

#[wasm_bindgen_test]
async fn a_shared_link_lands_on_the_health_step_with_the_rest_filled_in() {
    let shared = share::decode("#v=1&goals=texture,event&event=2027-03-01&age=45&areas=face,neck&downtime=a_week&lang=fr").unwrap();
    let page = render(AppProps {
        lang: shared.lang,
        resume: Some(Resume { draft: shared.to_draft(), step: Step::Health, remember: false, offer: None }),
        ..props()
    })
    .await;
    assert_eq!(page.text("#step-count"), "Étape 3 sur 4");
    assert!(!page.all("#health-group input").iter().any(|i| i.clone().dyn_into::<HtmlInputElement>().unwrap().checked()));
    page.press("Retour").await;
    assert_eq!(page.input("#age").value(), "45");
    assert!(page.checked("#area-neck") && page.checked("#downtime-a_week"));
    page.press("Retour").await;
    assert!(page.checked("#goal-texture") && page.checked("#goal-event"));
    assert_eq!(page.input("#event-date").value(), "2027-03-01");
}

#[wasm_bindgen_test]
async fn the_configuration_sets_the_accent_and_hides_an_unsafe_book_link() {
    let page = render(AppProps {
        config: clinic(r##"{"booking_url":"javascript:alert(1)","accent":"#f5c542"}"##),
        ..props()
    })
    .await;
    let app: HtmlElement = page.get(".app").dyn_into().unwrap();
    assert_eq!(app.style().get_property_value("--accent").unwrap(), "#f5c542");
    assert_eq!(app.style().get_property_value("--accent-text").unwrap(), config::DARK_TEXT);
    page.answer(&[Goal::Hydration], "30", &[]).await;
    assert_eq!(page.get("#result-summary").get_attribute("data-treatment").as_deref(), Some("mesotherapy"));
    assert!(page.find("#book").is_none());
}

// JSON in the browser: the app reads JSON with the browser's `JSON.parse` (src/web/json.rs),
// so the engine's error cases run here too, from the same data files as the host tests.

/// `JSON.parse`, for the test data.
fn js_json(text: &str) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(text).unwrap()
}

fn js_get(value: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap()
}

fn js_items(value: &wasm_bindgen::JsValue) -> Vec<wasm_bindgen::JsValue> {
    value.clone().dyn_into::<js_sys::Array>().unwrap().iter().collect()
}

fn js_str(value: &wasm_bindgen::JsValue, key: &str) -> String {
    js_get(value, key).as_string().unwrap()
}

#[wasm_bindgen_test]
fn malformed_answers_name_their_field_in_the_browser_too() {
    use treatment_finder::engine::EngineError;
    for case in js_items(&js_json(include_str!("data/invalid_answers.json"))) {
        let (name, json) = (js_str(&case, "name"), js_str(&case, "json"));
        let (field, contains) = (js_str(&case, "field"), js_str(&case, "contains"));
        match treatment_finder::web::json::answers_from_json(&json) {
            Err(EngineError::InvalidAnswers { field: got, message }) => {
                assert_eq!(got, field, "{name}: field ({message})");
                // The same message as on the host, also for text that is not JSON: both
                // check it with `engine::json_text` before parsing.
                assert!(message.contains(&contains), "{name}: message {message:?} lacks {contains:?}");
            }
            other => panic!("{name}: expected an error, got {other:?}"),
        }
    }
    let ok = r#"{"goals":["event"],"event_date":"2027-02-14","today":"2026-11-22","age":30,"areas":["neck"],"downtime":"a_week","screening":[]}"#;
    let answers = treatment_finder::web::json::answers_from_json(ok).unwrap();
    assert_eq!((answers.age, answers.areas.len(), answers.event_date.map(|d| d.to_string())), (30, 1, Some("2027-02-14".into())));
}

/// Applies lint.json's JSON-pointer edits (set, or remove with `null`) to the default rules.
fn edited_rules(edits: &wasm_bindgen::JsValue) -> String {
    let doc = js_json(treatment_finder::engine::DEFAULT_RULES_JSON);
    for edit in js_items(edits) {
        let (pointer, value) = (js_get(&edit, "0").as_string().unwrap(), js_get(&edit, "1"));
        let (parent, last) = pointer.rsplit_once('/').unwrap();
        let target = parent.split('/').skip(1).fold(doc.clone(), |v, key| js_get(&v, key));
        match (js_sys::Array::is_array(&target), value.is_null()) {
            (true, true) => {
                let (items, i) = (target.unchecked_ref::<js_sys::Array>(), last.parse::<i32>().unwrap());
                items.copy_within(i, i + 1, items.length() as i32);
                items.pop();
            }
            (false, true) => {
                js_sys::Reflect::delete_property(target.unchecked_ref::<js_sys::Object>(), &last.into()).unwrap();
            }
            (_, false) => {
                js_sys::Reflect::set(&target, &last.into(), &value).unwrap();
            }
        }
    }
    js_sys::JSON::stringify(&doc).unwrap().into()
}

/// A lint.json case's rules file as text, as `tests/engine.rs` makes it: `edits`, then
/// `replace` (first occurrences), `append` and `pad_to_bytes`.
fn case_text(case: &wasm_bindgen::JsValue) -> String {
    let mut text = edited_rules(&js_get(case, "edits"));
    let replace = js_get(case, "replace");
    if !replace.is_undefined() {
        for pair in js_items(&replace) {
            let (from, to) = (js_str(&pair, "0"), js_str(&pair, "1"));
            assert!(text.contains(&from), "no {from:?} in the rules");
            text = text.replacen(&from, &to, 1);
        }
    }
    text.push_str(&js_get(case, "append").as_string().unwrap_or_default());
    let pad = js_get(case, "pad_to_bytes").as_f64().unwrap_or(0.0) as usize;
    text.push_str(&" ".repeat(pad.saturating_sub(text.len())));
    text
}

#[wasm_bindgen_test]
fn a_clinic_rules_file_is_refused_with_its_json_path_in_the_browser_too() {
    use treatment_finder::engine::EngineError;
    for case in js_items(&js_json(include_str!("data/lint.json"))) {
        let name = js_str(&case, "name");
        let errors = js_get(&case, "errors");
        let first = if errors.is_undefined() { None } else { js_items(&errors).into_iter().next() };
        match (treatment_finder::web::json::rules_from_json(&case_text(&case)), first) {
            (Ok(_), None) => {}
            (Err(EngineError::InvalidRules { path, message }), Some(first)) => {
                let (want_path, want_text) = (js_str(&first, "0"), js_str(&first, "1"));
                assert_eq!(path, want_path, "{name}: path ({message})");
                assert!(message.contains(&want_text), "{name}: message {message:?} lacks {want_text:?}");
            }
            (got, want) => panic!("{name}: got {got:?}, expected {want:?}"),
        }
    }
    // What JSON.parse refuses, and an array where an object belongs.
    let e = treatment_finder::web::json::rules_from_json("{format:").unwrap_err();
    assert!(matches!(e, EngineError::InvalidRules { ref path, .. } if path == "$"), "{e:?}");
    let e = treatment_finder::web::json::rules_from_json("[]").unwrap_err();
    assert!(matches!(e, EngineError::InvalidRules { ref path, ref message } if path == "$" && message.contains("invalid type")), "{e:?}");
}

#[wasm_bindgen_test]
fn the_default_rules_read_the_same_in_the_browser() {
    let rules = rules();
    assert_eq!(rules.format, treatment_finder::engine::RULES_FORMAT);
    assert!(!rules.revision.starts_with("fallback"), "{}", rules.revision);
    assert_eq!(rules.goals.len(), Goal::ALL.len());
}

#[wasm_bindgen_test]
fn saved_progress_round_trips_through_the_browsers_json() {
    use treatment_finder::draft::{Draft, Saved};
    use treatment_finder::engine::{Area, Downtime};
    use treatment_finder::web::json::{saved_from_json, to_json};
    let draft = Draft {
        goals: vec![Goal::Hydration, Goal::Event],
        event_date: "2027-02-14".into(),
        age: "36".into(),
        areas: vec![Area::Face, Area::Neck],
        downtime: Some(Downtime::AWeek),
        screening: vec![Screening::BloodThinners],
        recent: vec![Recent::SunburnOrTan],
        cautions: vec![Caution::ColdSores],
        none_apply: false,
    };
    let json = to_json(&Saved::new(&draft, Step::Result));
    for id in ["blood_thinners", "sunburn_or_tan", "cold_sores"] {
        assert!(!json.contains(id), "the health screen is never saved: {json}");
    }
    let back = saved_from_json(&json).unwrap();
    assert_eq!((back.step, back.draft), (Step::Health, draft.without_health()));
    let none = to_json(&Saved::new(&Draft::default(), Step::Goals));
    assert_eq!(saved_from_json(&none).unwrap().draft, Draft::default(), "{none}");
    // Other versions and unknown fields are read leniently (`tests/data/saved.json`); only
    // what holds no draft at all is nothing.
    for bad in ["", "{}", "null"] {
        assert_eq!(saved_from_json(bad), None, "{bad}");
    }
}

#[wasm_bindgen_test]
fn a_clinic_file_costs_only_its_wrong_settings_in_the_browser_too() {
    let check = |json: &str, expected: &[&str]| {
        let file = treatment_finder::web::json::read_clinic_file(json);
        let (config, issues) = config::resolve_read(Some(file), &[], config::QuerySource::Link, "http://127.0.0.1");
        let got: Vec<String> = issues.iter().map(|i| format!("{}: {}", i.field, i.message)).collect();
        assert_eq!(got.len(), expected.len(), "{json}: {got:?}");
        for (g, e) in got.iter().zip(expected) {
            assert!(g.starts_with(e), "{json}: issue {g:?} should start with {e:?}");
        }
        config
    };
    let c = check(r##"{"clinic_name":"Éclat","booking_ulr":"https://x.example","colour":"#fff"}"##, &["booking_ulr: is not a known setting", "colour: is not a known setting"]);
    assert_eq!(c.clinic_name, config::ClinicText::same("Éclat"));
    let c = check(r#"{"clinic_name":42,"contact":"hi","accent":null}"#, &["clinic_name: invalid type: integer `42`, expected a string"]);
    assert_eq!(c.contact, config::ClinicText::same("hi"));
    // In the file's order.
    check(r#"{"clinic_name":[1],"contact":{"a":1},"accent":1.5}"#, &["clinic_name: invalid type: sequence", "contact: invalid value: an object", "accent: invalid type: floating point"]);
    // The visitor's texts in each language, as on the host (src/config.rs).
    let c = check(r#"{"contact":{"en":"Call 514-555-0100.","fr":"Appelez le 514 555-0100."},"clinic_name":{"fr":"Clinique","en":"Clinic"}}"#, &[]);
    assert_eq!((c.contact.get(Lang::Fr), c.clinic_name.get(Lang::En)), ("Appelez le 514 555-0100.", "Clinic"));
    check(r#"{"contact":{"en":"Call us."}}"#, &["contact: invalid value: an object, expected a string or"]);
    check(r##"{"accent":{"en":"#000","fr":"#fff"}}"##, &["accent: invalid type: map, expected a string"]);
    check("not json", &["$: is not valid JSON"]);
    check("[1]", &["$: is not a JSON object"]);
    check("null", &["$: is not a JSON object"]);
}

#[wasm_bindgen_test]
async fn the_result_the_book_link_and_the_language_are_reported_without_answers() {
    use std::cell::RefCell;
    use treatment_finder::engine::Treatment;

    let results = Rc::new(RefCell::new(Vec::new()));
    let books = Rc::new(RefCell::new(Vec::new()));
    let record = |list: &Rc<RefCell<Vec<Treatment>>>| {
        let list = Rc::clone(list);
        yew::Callback::from(move |t| list.borrow_mut().push(t))
    };
    let langs = Rc::new(RefCell::new(Vec::new()));
    let onlang = {
        let langs = Rc::clone(&langs);
        yew::Callback::from(move |l| langs.borrow_mut().push(l))
    };
    let page = render(AppProps { onresult: record(&results), onbook: record(&books), onlang, ..props() }).await;
    assert_eq!(*langs.borrow(), [Lang::En], "the language at first");
    page.answer(&[Goal::Hydration], "30", &[]).await;
    assert_eq!(*results.borrow(), [Treatment::Mesotherapy]);
    assert!(books.borrow().is_empty());

    // The link must not open a tab in the test browser; the app still hears the click.
    let window = web_sys::window().unwrap();
    let options = gloo::events::EventListenerOptions { phase: gloo::events::EventListenerPhase::Capture, passive: false };
    let no_tab = gloo::events::EventListener::new_with_options(&window, "click", options, |e| e.prevent_default());
    page.click("#book").await;
    drop(no_tab);
    assert_eq!(*books.borrow(), [Treatment::Mesotherapy]);

    // Back and forth: the result shows again and is reported again; a language switch is not a new result.
    page.press("Back").await;
    page.press("See my suggestion").await;
    page.after_paint().await;
    page.click(".lang-toggle").await;
    assert_eq!(page.text("main > h1"), "Trouver mon traitement");
    assert_eq!(*results.borrow(), [Treatment::Mesotherapy, Treatment::Mesotherapy]);
    assert_eq!(*langs.borrow(), [Lang::En, Lang::Fr], "the language after the switch");
}

/// The JavaScript API's `recommend()` reads the new `recent` and `cautions` answers, and names
/// `recent[i]` for an unknown id.
#[wasm_bindgen_test]
fn the_js_api_reads_recent_and_cautions_and_names_an_unknown_one() {
    use treatment_finder::web::api::recommend;
    let answers = |recent: &str| {
        js_json(&format!(
            r#"{{"goals":["hydration"],"age":36,"today":"2026-11-22","screening":[],"recent":{recent},"cautions":["cold_sores"]}}"#
        ))
    };
    let rec = recommend(answers(r#"["injectables_2_weeks"]"#), wasm_bindgen::JsValue::UNDEFINED).unwrap();
    assert_eq!(js_str(&rec, "treatment"), "mesotherapy");
    let rules: Vec<String> = js_items(&js_get(&rec, "reasons")).iter().map(|r| js_str(r, "rule")).collect();
    assert!(rules.iter().any(|r| r == "recent.injectables_2_weeks"), "{rules:?}");
    let codes: Vec<String> = js_items(&js_get(&rec, "warnings")).iter().map(|w| js_str(w, "code")).collect();
    assert!(codes.iter().any(|c| c == "caution.cold_sores"), "{codes:?}");
    let plan = js_items(&js_get(&rec, "plan"));
    assert_eq!(js_str(&js_get(&plan[0], "sources"), "interval_days").get(..4), Some("004_"));

    for (recent, field) in [(r#"["botox"]"#, "recent[0]"), (r#"["sunburn_or_tan","tan"]"#, "recent[1]")] {
        let error: wasm_bindgen::JsValue = recommend(answers(recent), wasm_bindgen::JsValue::UNDEFINED).unwrap_err().into();
        let message = js_str(&error, "message");
        assert!(message.contains(&format!("invalid answers: {field}: unknown variant")), "{message}");
    }
}

/// What `JSON.stringify` would hide (NaN and Infinity become `null`, `undefined` in a list
/// becomes `null`) or throw on (a getter, a BigInt, a cycle) is named with its key, for
/// `recommend()`'s answers and options and `mount()`'s config.
#[wasm_bindgen_test]
fn the_js_api_names_what_json_cannot_hold_with_its_key() {
    use js_sys::{Array, BigInt, Function, Object, Reflect};
    use treatment_finder::web::api::{mount, recommend};
    use wasm_bindgen::JsValue;
    let answers = |key: &str, value: &JsValue| {
        let a = js_json(r#"{"goals":["hydration"],"age":36,"today":"2026-11-22","screening":[]}"#);
        Reflect::set(&a, &key.into(), value).unwrap();
        a
    };
    let message = |result: Result<JsValue, wasm_bindgen::JsError>| -> String {
        let error: JsValue = result.expect_err("an error").into();
        js_str(&error, "message")
    };
    let throwing = {
        let a = answers("age", &JsValue::from(36));
        let descriptor = Object::new();
        Reflect::set(&descriptor, &"get".into(), &Function::new_no_args("throw new Error('no goals today')")).unwrap();
        Reflect::set(&descriptor, &"enumerable".into(), &JsValue::TRUE).unwrap();
        <Object>::define_property(a.unchecked_ref::<Object>(), &"goals".into(), &descriptor);
        a
    };
    let cycle = answers("age", &JsValue::from(36));
    Reflect::set(&cycle, &"self".into(), &cycle).unwrap();
    let inner_cycle = answers("age", &JsValue::from(36));
    let goals = js_get(&inner_cycle, "goals");
    Reflect::set(&goals, &JsValue::from(1), &inner_cycle).unwrap();
    let mut deep = js_json("[]");
    for _ in 0..40 {
        deep = Array::of1(&deep).into();
    }
    let holes = Array::new_with_length(2);
    holes.set(0, "hydration".into());
    let many_goals = Array::new();
    for _ in 0..8_000 {
        many_goals.push(&"hydration".into());
    }
    for (value, expected) in [
        (answers("age", &JsValue::from(f64::NAN)), "invalid answers: age: NaN is not a number"),
        (answers("age", &JsValue::from(f64::INFINITY)), "invalid answers: age: Infinity is not a finite number"),
        (answers("age", &JsValue::from(f64::NEG_INFINITY)), "invalid answers: age: -Infinity is not a finite number"),
        (answers("age", &BigInt::from(36u32).into()), "invalid answers: age: a BigInt cannot be read"),
        (throwing, "invalid answers: goals: reading it threw an error: no goals today"),
        (cycle, "invalid answers: self: a cycle: it refers back to the whole value"),
        (inner_cycle, "invalid answers: goals[1]: a cycle: it refers back to the whole value"),
        (answers("goals", &deep), "is nested more than 32 levels deep"),
        (answers("goals", &holes), "invalid answers: goals[1]: undefined is not a value JSON can hold"),
        (answers("today", &Function::new_no_args("return 1")), "invalid answers: today: a function is not a value JSON can hold"),
        (JsValue::UNDEFINED, "invalid answers: answers: must be a JSON object, not undefined"),
        (answers("goals", &many_goals), "invalid answers: answers: the answers JSON is 96,056 bytes; the limit is 65,536"),
    ] {
        let got = message(recommend(value, JsValue::UNDEFINED));
        assert!(got.contains(expected), "{got:?} lacks {expected:?}");
    }
    // A key left `undefined` is an option not given, as in JSON.
    let options = js_json("{}");
    Reflect::set(&options, &"lang".into(), &JsValue::UNDEFINED).unwrap();
    assert!(recommend(answers("age", &JsValue::from(36)), options).is_ok());
    let options = js_json("{}");
    Reflect::set(&options, &"lang".into(), &BigInt::from(1u32).into()).unwrap();
    assert_eq!(message(recommend(answers("age", &JsValue::from(36)), options)), "recommend(): options: lang: a BigInt cannot be read (write it as a number)");

    // A Proxy whose keys throw: the exception is caught and named, not run through the wasm.
    let handler = Object::new();
    Reflect::set(&handler, &"ownKeys".into(), &Function::new_no_args("throw new Error('boom')")).unwrap();
    let hostile: JsValue = js_sys::Proxy::new(&Object::new(), &handler).into();
    assert_eq!(message(recommend(answers("age", &JsValue::from(36)), hostile)), "recommend(): options: its keys cannot be read: boom");

    let element: JsValue = web_sys::window().unwrap().document().unwrap().create_element("div").unwrap().into();
    let config = js_json("{}");
    Reflect::set(&config, &"accent".into(), &JsValue::from(f64::NAN)).unwrap();
    let error: JsValue = mount(element, config, JsValue::UNDEFINED).err().expect("refused").into();
    assert_eq!(js_str(&error, "message"), "mount(): config: accent: NaN is not a number");
}

/// Saved progress as the browser reads it (`JSON.parse` and `web::json`), from the same table
/// as the host test: read what can be read, drop only what cannot.
#[wasm_bindgen_test]
fn saved_progress_is_read_leniently_in_the_browser_too() {
    use treatment_finder::draft::Draft;
    #[derive(serde::Deserialize, Default, Debug, PartialEq)]
    struct Resumed {
        step: Step,
        draft: Draft,
    }
    let cases = js_items(&js_json(include_str!("data/saved.json")));
    assert!(cases.len() > 10);
    for case in cases {
        let (name, stored) = (js_str(&case, "name"), js_str(&case, "stored"));
        let expected = js_get(&case, "resumed");
        let expected = (!expected.is_null()).then(|| treatment_finder::web::json::from_js_value::<Resumed>(&expected).unwrap());
        let got = treatment_finder::web::json::saved_from_json(&stored).map(|s| Resumed { step: s.step, draft: s.draft });
        assert_eq!(got, expected, "{name}: {stored}");
    }
}

/// Saved answers and a link that holds others: the choice shows (its heading focused, what
/// each holds), nothing is stored until the visitor chooses, and each button opens its answers.
#[wasm_bindgen_test]
async fn saved_answers_and_a_links_wait_for_the_visitors_choice() {
    use treatment_finder::draft::{Draft, STORAGE_KEY};
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let saved = Draft { goals: vec![Goal::Hydration], age: "36".into(), ..Draft::default() };
    let link = share::decode("#v=1&goals=scars,pores&age=52&areas=face").unwrap().to_draft();
    let resume = Resume { draft: saved.clone(), step: Step::AboutYou, remember: true, offer: Some(link) };
    let rules = rules();
    let label = |g: Goal| rules.goal_rule(g).unwrap().label.get(Lang::En).to_string();
    for (button, step, age) in [("#choice-continue", "Step 2 of 4", "36"), ("#choice-open", "Step 3 of 4", "52")] {
        storage.set_item(STORAGE_KEY, "what another version saved").unwrap();
        let page = render(AppProps { resume: Some(resume.clone()), ..props() }).await;
        assert_eq!(page.text("#choice-heading"), t(Lang::En, Key::ChoiceTitle));
        assert_eq!(page.focused_id(), "choice-heading");
        assert!(page.find("#step-count").is_none() && page.find("#remember").is_none(), "no step, no Remember box yet");
        let (kept, offered) = (page.text("#choice-saved + dl"), page.text("#choice-link + dl"));
        assert!(kept.contains(&label(Goal::Hydration)) && kept.contains("36"), "{kept}");
        assert!(offered.contains(&label(Goal::Scars)) && offered.contains(&label(Goal::Pores)) && offered.contains("52"), "{offered}");
        assert_eq!(storage.get_item(STORAGE_KEY).unwrap().as_deref(), Some("what another version saved"), "nothing stored before the choice");

        page.click(button).await;
        assert_eq!(page.text("#step-count"), step, "{button}");
        assert_eq!(page.focused_id(), "step-heading", "{button}");
        assert!(page.find("#choice-heading").is_none() && page.checked("#remember"), "{button}");
        if step == "Step 3 of 4" {
            page.press("Back").await;
        }
        assert_eq!(page.input("#age").value(), age, "{button}");
        let stored = storage.get_item(STORAGE_KEY).unwrap().unwrap_or_default();
        if button == "#choice-continue" {
            assert_eq!(stored, "what another version saved", "continuing rewrites nothing");
        } else {
            assert!(stored.contains("\"scars\"") && stored.contains("\"52\""), "the link's answers replace the saved ones: {stored}");
        }
    }
    storage.remove_item(STORAGE_KEY).unwrap();
}

/// Forces a real trap, as a bug would cause one: `unreachable` (what a panic ends in with
/// `panic = "abort"`) in a callback the browser calls (a timer, as an event listener would
/// be), and waits for the browser to report it on the window (the guard's listener, added
/// before this one, has run by then). Only that call stops: the test harness goes on.
async fn trap() {
    use wasm_bindgen::closure::Closure;
    let window = web_sys::window().unwrap();
    let mut resolve = None;
    let reported = js_sys::Promise::new(&mut |r, _| resolve = Some(r));
    let resolve = resolve.unwrap();
    window.add_event_listener_with_callback("error", &resolve).unwrap();
    let bug = Closure::once_into_js(|| -> () { core::arch::wasm32::unreachable() });
    window.set_timeout_with_callback(bug.unchecked_ref()).unwrap();
    let event = wasm_bindgen_futures::JsFuture::from(reported).await.unwrap();
    window.remove_event_listener_with_callback("error", &resolve).unwrap();
    let error = js_sys::Reflect::get(&event, &"error".into()).unwrap();
    assert!(error.is_instance_of::<js_sys::WebAssembly::RuntimeError>(), "{error:?}");
}

/// Issue 14: when the WebAssembly traps, each finder on the page says so in its visitor's
/// language, with a Reload button, says answers are kept only where "Remember" keeps them,
/// leaves what was entered on screen but out of reach of the stopped app, and (in a widget)
/// changes nothing the partner page could hear of: neither the size nor, for the bridge's
/// MutationObserver, the document. Saved progress then brings the visitor back where they
/// were. One trap per page: the guard shows its message once, so this is the only test
/// that traps.
#[wasm_bindgen_test]
async fn a_trap_is_told_in_the_visitors_language_and_loses_nothing_remembered() {
    use std::cell::Cell;
    use wasm_bindgen::closure::Closure;
    let document = web_sys::window().unwrap().document().unwrap();
    treatment_finder::web::forget_saved();
    // An English visitor who ticked "Remember" and is on step 2; a French one who did not.
    let en = render(props()).await;
    en.click("#goal-hydration").await;
    en.click("#goal-scars").await;
    en.click("#remember").await;
    en.press("Next").await;
    en.fill("#age", "36").await;
    let fr = render(AppProps { lang: Some(Lang::Fr), ..props() }).await;
    fr.click("#goal-pores").await;

    // As in a widget's iframe (src/web/embed.rs marks <html data-embed>), whose bridge
    // watches the document with this MutationObserver and its size with a ResizeObserver.
    let html = document.document_element().unwrap();
    html.set_attribute("data-embed", "").unwrap();
    let heights = || [en.root.get_bounding_client_rect().height(), fr.root.get_bounding_client_rect().height()];
    let before = heights();
    let seen = Rc::new(Cell::new(0u32));
    let record = {
        let seen = Rc::clone(&seen);
        Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| seen.set(seen.get() + records.length()))
    };
    let observer = web_sys::MutationObserver::new(record.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    options.set_attributes(true);
    options.set_character_data(true);
    observer.observe_with_options(&html, &options).unwrap();

    treatment_finder::web::crash::install();
    trap().await;
    trap().await;

    for (page, lang, kept) in [(&en, Lang::En, Key::CrashKept), (&fr, Lang::Fr, Key::CrashNotKept)] {
        let shadow = page.root.shadow_root().expect("a message above the app");
        let alerts = shadow.query_selector_all("[role=alert]").unwrap();
        assert_eq!(alerts.length(), 1, "{lang:?}: one message for two traps");
        let alert: Element = alerts.item(0).unwrap().dyn_into().unwrap();
        assert_eq!(alert.get_attribute("lang").as_deref(), Some(lang.code()));
        let lines = alert.query_selector_all("p").unwrap();
        let lines: Vec<String> = (0..lines.length()).map(|i| lines.item(i).unwrap().text_content().unwrap()).collect();
        assert_eq!(lines, [t(lang, Key::Crashed), t(lang, kept)], "{lang:?}");
        let reload = alert.query_selector("button").unwrap().expect("a Reload button");
        assert_eq!(reload.text_content().unwrap(), t(lang, Key::Reload));
        // What the visitor entered is still shown, below the message.
        assert!(shadow.query_selector("slot").unwrap().is_some(), "{lang:?}: the app is shown under the message");
    }
    // The keyboard is on Reload (the first finder's), the one thing left to press.
    let focused = en.root.shadow_root().unwrap().active_element().map(|e| e.text_content().unwrap_or_default());
    assert_eq!(focused.as_deref(), Some("Reload"));

    assert_eq!(en.text("#step-count"), "Step 2 of 4");
    assert_eq!(en.input("#age").value(), "36");
    assert!(fr.checked("#goal-pores"));
    // The stopped app answers nothing: a box cannot be unticked, "Back" goes nowhere, a field
    // takes no focus.
    fr.input("#goal-pores").click();
    assert!(fr.checked("#goal-pores"), "a tick in a stopped finder");
    en.press("Back").await;
    assert_eq!(en.text("#step-count"), "Step 2 of 4", "Back in a stopped finder");
    en.input("#age").focus().unwrap();
    assert_ne!(en.focused_id(), "age");

    // In a widget, the partner page hears nothing: the iframe keeps its size and the
    // bridge's observer has no change to report (which would call the stopped app).
    yew::scheduler::flush().await;
    assert_eq!(heights(), before, "the widget's height changed");
    assert_eq!(seen.get(), 0, "the document changed under the widget bridge's MutationObserver");
    observer.disconnect();
    html.remove_attribute("data-embed").unwrap();

    // "Remember" kept the answers on this device: the reload brings the visitor back to step 2
    // with them (the page's start reads them with `load_saved`, as here).
    let saved = treatment_finder::web::load_saved().expect("saved progress survives the trap");
    drop((en, fr));
    let resume = Resume { draft: saved.draft, step: saved.step, remember: true, offer: None };
    let again = render(AppProps { resume: Some(resume), ..props() }).await;
    assert_eq!(again.text("#step-count"), "Step 2 of 4");
    assert_eq!(again.input("#age").value(), "36");
    again.press("Back").await;
    assert!(again.checked("#goal-hydration") && again.checked("#goal-scars") && !again.checked("#goal-pores"));
    drop(again);
    treatment_finder::web::forget_saved();
}
