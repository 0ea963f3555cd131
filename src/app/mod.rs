//! The Yew UI: the questionnaire, the result and its actions.
//!
//! `state` holds the one reducer; `components` render it; `i18n` holds the app's own
//! words. Browser APIs are reached only through `crate::web`.

pub mod components;
pub mod even;
pub mod first_screen;
pub mod i18n;
pub mod state;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::config::Config;
use crate::draft::{Draft, Field, Resume, Saved, Step};
use crate::embed::{Command, Event};
use crate::engine::{longest_consults, recommend, Answers, Date, Lang, Recommendation, Rules, Treatment};
use crate::share::{self, Shared};
use crate::web;
use first_screen::FirstScreen;
use components::{AboutStep, GoalsStep, Header, HealthStep, RememberBox, ResultView, ResumeChoice};
use i18n::{t, Key};
use state::{Action, FocusTarget, State};

/// What the app is given. Every field has a default, so tests can render `App` with
/// only what they care about; `start` fills them from the page.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct AppProps {
    #[prop_or_default]
    pub config: Rc<Config>,
    #[prop_or_else(default_rules)]
    pub rules: Rc<Rules>,
    /// Today's date; `None` reads the browser's clock.
    #[prop_or_default]
    pub today: Option<Date>,
    /// The starting language; `None` follows the configuration, then the browser.
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// Answers from a shared link or saved progress.
    #[prop_or_default]
    pub resume: Option<Resume>,
    /// What the visitor did on the first screen drawn before the app started (its goals
    /// and "Remember" box come in `resume`; this brings "Next" and focus).
    #[prop_or_default]
    pub first_screen: Option<Rc<FirstScreen>>,
    /// Called each time the result screen shows, with its treatment (never the answers).
    #[prop_or_default]
    pub onresult: Callback<Treatment>,
    /// Called when the visitor follows the Book link.
    #[prop_or_default]
    pub onbook: Callback<Treatment>,
    /// Called with the language the app speaks, at first and after each switch.
    #[prop_or_default]
    pub onlang: Callback<Lang>,
    #[prop_or_default]
    pub placement: Placement,
}

/// Where the app is rendered.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Placement {
    /// The whole page: the app's own page.
    #[default]
    Page,
    /// The whole page of a partner's widget iframe. The partner page sees the iframe's
    /// height, so every consult result is drawn as tall as the longest one, and a plan as
    /// tall as the tallest the same answers give with any waits and soft warnings
    /// (`ResultView`, `even`).
    Widget,
    /// An element of another page (`mount()` in the JavaScript API). The page's title,
    /// language and address are left alone, and "Copy link" links to the finder's own page.
    Element { app_url: Rc<str> },
}

/// The id of the input that receives focus for a field's problem.
pub fn focus_selector(field: Field) -> &'static str {
    match field {
        Field::Goals => "#goals-group input",
        Field::EventDate => "#event-date",
        Field::Age => "#age",
        Field::Areas => "#areas-group input",
        Field::Health => "#health-group input",
    }
}

/// The id of the element holding a field's error message.
pub fn error_id(field: Field) -> &'static str {
    match field {
        Field::Goals => "goals-error",
        Field::EventDate => "event-date-error",
        Field::Age => "age-error",
        Field::Areas => "areas-error",
        Field::Health => "health-error",
    }
}

/// The root component.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = {
        let props = props.clone();
        use_reducer(move || {
            let today = props.today.unwrap_or_else(web::today);
            let lang = props.lang.or(props.config.default_lang).or_else(web::browser_lang).unwrap_or_default();
            let (draft, step, remember, offer) = match props.resume {
                Some(r) => (r.draft, r.step, r.remember, r.offer),
                None => (Draft::default(), Step::Goals, false, None),
            };
            let state = State::new(draft, step, lang, today, remember).offering(offer);
            match &props.first_screen {
                Some(first) => state.after_first_screen(first),
                None => state,
            }
        })
    };
    let root = use_node_ref();

    {
        let root = root.clone();
        use_effect_with(props.config.accent.clone(), move |accent| web::set_accent(&root, accent));
    }
    let owns_page = !matches!(props.placement, Placement::Element { .. });
    {
        let onlang = props.onlang.clone();
        use_effect_with(state.lang, move |lang| {
            if owns_page {
                web::set_document_lang(*lang, t(*lang, Key::AppTitle));
            }
            onlang.emit(*lang);
        });
    }
    {
        // The embedding page may change the language (the widget's `lang` attribute).
        let state = state.clone();
        use_effect_with(props.lang, move |lang| {
            if let Some(lang) = *lang {
                if state.lang != lang {
                    state.dispatch(Action::SetLang(lang));
                }
            }
        });
    }
    {
        let root = root.clone();
        let focus = state.focus.clone();
        use_effect_with(state.focus_seq, move |_| {
            if let Some(target) = focus {
                let selector = match &target {
                    FocusTarget::Heading => "[data-step-heading]",
                    FocusTarget::Field(field) => focus_selector(*field),
                    FocusTarget::Selector(selector) => selector,
                };
                web::focus(&root, selector);
            }
        });
    }
    // What storage holds as far as this finder knows: at first, the saved progress it resumed
    // (not the first screen's answers, which are not stored yet). It is not written again
    // unchanged, so that saved progress of another version stays as it is until the visitor
    // changes an answer.
    let stored = {
        let resumed = props.resume.as_ref().filter(|r| r.remember && props.first_screen.is_none());
        let resumed = resumed.map(|r| Saved::new(&r.draft, r.step));
        use_mut_ref(move || resumed)
    };
    // Saved progress is erased only when *this* finder stops remembering (see the state),
    // before any save: unticked and ticked again in one render, the answers are saved.
    {
        let stored = stored.clone();
        use_effect_with(state.stopped_remembering, move |stopped| {
            if *stopped != 0 {
                web::forget_saved();
                *stored.borrow_mut() = None;
            }
        });
    }
    // Nothing is stored while the visitor chooses between saved answers and a link's.
    use_effect_with(
        (state.remember, state.draft.clone(), state.step, state.offer.is_some()),
        move |(remember, draft, step, choosing)| {
            let saved = Saved::new(draft, *step);
            if *remember && !*choosing && stored.borrow().as_ref() != Some(&saved) {
                web::save(&saved);
                *stored.borrow_mut() = Some(saved);
            }
        },
    );

    let send = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let lang = state.lang;
    // Worked out once per set of answers, not on every render (a keystroke elsewhere, the
    // "Copied" note, the result drawn whole): the rules are compared by address, never field
    // by field.
    let outcome = use_memo(
        (state.step == Step::Result, state.draft.clone(), lang, state.today, SameRules(props.rules.clone())),
        |(shown, draft, lang, today, rules)| Outcome::new(*shown, draft, *lang, *today, &rules.0),
    );
    let widget = props.placement == Placement::Widget;
    // A widget's invisible copies (many recommendations more) once the result is drawn whole.
    let copies = use_memo(
        (SameOutcome(outcome.clone()), SameRules(props.rules.clone()), widget && state.whole),
        |(outcome, rules, pad)| Copies::new(&outcome.0, &rules.0, *pad),
    );
    let rec = outcome.rec.clone();
    // The result is shown but not drawn whole yet (`State::whole`): only its top is drawn.
    let top_only = rec.is_some() && !state.whole;
    {
        // A result is drawn first without its detail sections' contents and, in a widget, its
        // invisible copies (many recommendations more to work out and draw): the visitor sees
        // the suggestion in the frame after their click, and the rest follows once the browser
        // has shown it.
        let send = state.dispatcher();
        use_effect_with(top_only, move |top_only| {
            if *top_only {
                web::after_paint(move || send.dispatch(Action::DrawWhole));
            }
        });
    }
    {
        let onresult = props.onresult.clone();
        let shown = rec.as_ref().map(|r| r.treatment);
        use_effect_with(shown, move |shown| {
            if let Some(treatment) = *shown {
                onresult.emit(treatment);
            }
        });
    }
    let onswitchlang = send.reform(Action::SetLang);
    let onnext = send.reform(|()| Action::Next);
    let onback = send.reform(|()| Action::Back);

    let card = match (&state.offer, state.step) {
        (Some(link), _) => {
            let oncontinue = {
                let send = send.clone();
                Callback::from(move |()| {
                    // The link's answers are left aside: a reload resumes the saved ones.
                    if owns_page {
                        web::clear_fragment();
                    }
                    send.emit(Action::ContinueSaved);
                })
            };
            html! {
                <ResumeChoice
                    lang={lang}
                    rules={props.rules.clone()}
                    saved={state.draft.clone()}
                    link={link.clone()}
                    oncontinue={oncontinue}
                    onopenlink={send.reform(|()| Action::OpenLink)}
                />
            }
        }
        (None, Step::Goals) => html! {
            <GoalsStep
                lang={lang}
                draft={state.draft.clone()}
                problems={state.problems.clone()}
                rules={props.rules.clone()}
                today={state.today}
                ongoal={send.reform(|(g, on)| Action::SetGoal(g, on))}
                oneventdate={send.reform(Action::SetEventDate)}
                onnext={onnext.clone()}
            />
        },
        (None, Step::AboutYou) => html! {
            <AboutStep
                lang={lang}
                draft={state.draft.clone()}
                problems={state.problems.clone()}
                rules={props.rules.clone()}
                onage={send.reform(Action::SetAge)}
                onarea={send.reform(|(a, on)| Action::SetArea(a, on))}
                ondowntime={send.reform(Action::SetDowntime)}
                onback={onback.clone()}
                onnext={onnext.clone()}
            />
        },
        (None, Step::Health) => html! {
            <HealthStep
                lang={lang}
                draft={state.draft.clone()}
                problems={state.problems.clone()}
                rules={props.rules.clone()}
                onscreening={send.reform(|(s, on)| Action::SetScreening(s, on))}
                onrecent={send.reform(|(r, on)| Action::SetRecent(r, on))}
                oncaution={send.reform(|(c, on)| Action::SetCaution(c, on))}
                onnoneapply={send.reform(Action::SetNoneApply)}
                onback={onback.clone()}
                onnext={onnext.clone()}
            />
        },
        (None, Step::Result) => {
            let oncopy = {
                let state = state.clone();
                let placement = props.placement.clone();
                Callback::from(move |()| {
                    let fragment = share::encode(&Shared::from_draft(&state.draft, state.lang));
                    let link = match &placement {
                        Placement::Page | Placement::Widget => web::link_with_fragment(&fragment),
                        Placement::Element { app_url } => format!("{}#{fragment}", app_url.split('#').next().unwrap_or_default()),
                    };
                    let state = state.clone();
                    yew::platform::spawn_local(async move {
                        let result = web::copy_text(&link).await.map_err(|()| link);
                        state.dispatch(Action::Copied(result));
                    });
                })
            };
            let onstartover = {
                let send = send.clone();
                Callback::from(move |()| {
                    if owns_page {
                        web::clear_fragment();
                    }
                    send.emit(Action::StartOver);
                })
            };
            let oncalendar = {
                let rec = rec.clone();
                let send = send.clone();
                let clinic = props.config.clinic_name.clone();
                Callback::from(move |()| {
                    if let Some(rec) = &rec {
                        let text = components::result_view::calendar_text(rec, clinic.get(rec.lang), web::now_utc());
                        web::download(t(rec.lang, Key::CalendarFile), "text/calendar;charset=utf-8", &text);
                        send.emit(Action::CalendarDownloaded);
                    }
                })
            };
            let onbook = {
                let treatment = rec.as_ref().map(|r| r.treatment);
                let onbook = props.onbook.clone();
                Callback::from(move |()| {
                    if let Some(treatment) = treatment {
                        onbook.emit(treatment);
                    }
                })
            };
            let (longest, plans) = (copies.longest.clone(), copies.plans.clone());
            // In a widget, the copies are not worked out yet: the result is drawn with an
            // empty sizer that holds the bridge's height report back.
            let pending = widget && top_only;
            html! {
                <ResultView
                    lang={lang}
                    rec={rec}
                    rules={props.rules.clone()}
                    longest={longest}
                    plans={plans}
                    pending={pending}
                    details={!top_only}
                    onbook={onbook}
                    oncalendar={oncalendar}
                    onprint={Callback::from(|()| web::print())}
                    config={props.config.clone()}
                    copy={state.copy.clone()}
                    oncopy={oncopy}
                    onstartover={onstartover}
                    onback={onback.clone()}
                    folds={state.folds}
                    wide={web::wide_screen()}
                    onfold={send.reform(|(section, open)| Action::Fold(section, open))}
                />
            }
        }
    };

    html! {
        <div class="app" lang={lang.code()} ref={root}>
            <Header lang={lang} clinic_name={props.config.clinic_name.get(lang).to_string()} {onswitchlang} />
            <main>
                <h1>{ t(lang, Key::AppTitle) }</h1>
                <p class="tagline">{ t(lang, Key::Tagline) }</p>
                { card }
                // The one announcer of a refused "Next": every problem, once, and again at the
                // next refusal even in the same words (the keyed paragraph is a new node each
                // time). The errors beside the fields are not live regions.
                <div id="problems-announcer" class="visually-hidden" aria-live="assertive" aria-atomic="true">
                    if !state.announced.is_empty() {
                        <p key={state.problems_seq}>
                            { state.announced.iter().map(|p| i18n::problem(lang, *p)).collect::<Vec<_>>().join(" ") }
                        </p>
                    }
                </div>
                // While the visitor chooses, "Remember" stays as it was.
                if state.offer.is_none() {
                    <RememberBox
                        lang={lang}
                        remember={state.remember}
                        forgotten={state.forgotten}
                        onremember={send.reform(Action::SetRemember)}
                        onforget={send.reform(|()| Action::Forget)}
                    />
                }
                <p class="privacy">{ t(lang, Key::Privacy) }</p>
            </main>
        </div>
    }
}

/// Reads the page's configuration, rules, date and any saved answers, then renders [`App`]
/// into the body. In an embedded widget's iframe, it also starts the bridge to the
/// partner page (`web::embed`).
pub fn start() {
    // First, so that a trap from here on shows the visitor a message (`web::crash`).
    web::crash::install();
    let bridge = web::embed::Bridge::from_page();
    yew::platform::spawn_local(async move {
        let boot = web::boot(bridge.is_some()).await;
        // The first screen shown while the WebAssembly loaded: the app starts from what the
        // visitor did there (the page shows none when there are answers to resume).
        let first = web::first_screen::take().filter(|_| boot.resume.is_none());
        let (mut lang, mut resume) = (boot.lang, boot.resume);
        if let Some(first) = &first {
            if first.lang_chosen {
                lang = first.lang.unwrap_or(lang);
            }
            let draft = Draft { goals: first.goals.clone(), ..Draft::default() };
            resume = Some(Resume { draft, step: Step::Goals, remember: first.remember, offer: None });
        }
        let mut props = AppProps {
            config: Rc::new(boot.config),
            rules: Rc::new(boot.rules),
            today: Some(boot.today),
            lang: Some(lang),
            resume,
            first_screen: first.map(Rc::new),
            onresult: Callback::noop(),
            onbook: Callback::noop(),
            onlang: Callback::noop(),
            placement: if bridge.is_some() { Placement::Widget } else { Placement::Page },
        };
        let Some(bridge) = bridge else {
            yew::Renderer::<App>::with_props(props).render();
            return;
        };
        let to_partner = |event: fn(Treatment) -> Event| {
            let bridge = Rc::clone(&bridge);
            Callback::from(move |treatment| bridge.post(event(treatment)))
        };
        props.onresult = to_partner(|treatment| Event::Result { treatment });
        props.onbook = to_partner(|treatment| Event::Book { treatment });
        props.onlang = {
            let bridge = Rc::clone(&bridge);
            Callback::from(move |lang| bridge.post(Event::Lang { lang }))
        };
        let app = RefCell::new(yew::Renderer::<App>::with_props(props.clone()).render());
        // The element's attributes change the running app: the visitor keeps their answers.
        let props = RefCell::new(props);
        let clinic_file = boot.clinic_file;
        bridge.start(move |command| {
            let mut props = props.borrow_mut();
            match command {
                Command::SetLang(lang) => props.lang = Some(lang),
                Command::SetSettings(settings) => {
                    props.config = Rc::new(web::reconfigure(clinic_file.as_deref(), &settings));
                }
            }
            app.borrow_mut().update(props.clone());
        });
    });
}

/// Rules compared by address: the app is given one `Rc` per rules file, and comparing two
/// files field by field on every render would cost as much as the file is long.
#[derive(Clone)]
struct SameRules(Rc<Rules>);

impl PartialEq for SameRules {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the result screen shows, worked out from the answers: the answers the engine read and
/// the recommendation, when the result step is shown and the answers are complete.
struct Outcome {
    answers: Option<Answers>,
    rec: Option<Rc<Recommendation>>,
}

impl Outcome {
    fn new(shown: bool, draft: &Draft, lang: Lang, today: Date, rules: &Rules) -> Outcome {
        let Some(answers) = shown.then(|| draft.answers(today)).flatten() else { return Outcome { answers: None, rec: None } };
        let rec = recommend(&answers, rules, lang).ok().map(Rc::new);
        Outcome { answers: Some(answers), rec }
    }
}

/// The same `Outcome`, by address: a new one is worked out only when the answers change.
struct SameOutcome(Rc<Outcome>);

impl PartialEq for SameOutcome {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What a widget's result height is padded against (`pad`): the longest consults for a
/// consult, every plan variant for a plan (see `even` and `web::embed`); nothing otherwise.
struct Copies {
    longest: Rc<[Recommendation]>,
    plans: Rc<[Recommendation]>,
}

impl Copies {
    fn new(outcome: &Outcome, rules: &Rules, pad: bool) -> Copies {
        let none = || Copies { longest: Rc::new([]), plans: Rc::new([]) };
        let (Some(answers), Some(rec), true) = (&outcome.answers, &outcome.rec, pad) else { return none() };
        let lang = rec.lang;
        if rec.treatment == Treatment::Consult {
            Copies { longest: longest_consults(rules, lang).into(), plans: Rc::new([]) }
        } else {
            Copies { longest: Rc::new([]), plans: even::plan_variants(answers, rules, lang).into() }
        }
    }
}

fn default_rules() -> Rc<Rules> {
    Rc::new(web::json::default_rules())
}
