//! The Yew UI: the questionnaire, the result and its actions.
//!
//! `state` holds the one reducer; `components` render it; `i18n` holds the app's own
//! words. Browser APIs are reached only through `crate::web`.

pub mod components;
pub mod i18n;
pub mod state;

use std::rc::Rc;

use yew::prelude::*;

use crate::config::Config;
use crate::draft::{Draft, Field, Resume, Saved, Step};
use crate::engine::{recommend, Date, Lang, Rules};
use crate::share::{self, Shared};
use crate::web;
use components::{AboutStep, GoalsStep, Header, HealthStep, RememberBox, ResultView};
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
}

fn default_rules() -> Rc<Rules> {
    Rc::new(Rules::default_rules())
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
            let (draft, step, remember) = match props.resume {
                Some(r) => (r.draft, r.step, r.remember),
                None => (Draft::default(), Step::Goals, false),
            };
            State::new(draft, step, lang, today, remember)
        })
    };
    let root = use_node_ref();

    {
        let root = root.clone();
        use_effect_with(props.config.accent.clone(), move |accent| {
            if let Some(el) = root.cast::<web_sys::Element>() {
                web::set_accent(&el, accent);
            }
        });
    }
    use_effect_with(state.lang, |lang| web::set_document_lang(*lang, t(*lang, Key::AppTitle)));
    {
        let root = root.clone();
        let focus = state.focus;
        use_effect_with(state.focus_seq, move |_| {
            if let (Some(target), Some(el)) = (focus, root.cast::<web_sys::Element>()) {
                let selector = match target {
                    FocusTarget::Heading => "[data-step-heading]",
                    FocusTarget::Field(field) => focus_selector(field),
                };
                web::focus(&el, selector);
            }
        });
    }
    use_effect_with((state.remember, state.draft.clone(), state.step), |(remember, draft, step)| {
        if *remember {
            web::save(&Saved::new(draft, *step));
        } else {
            web::forget_saved();
        }
    });

    let send = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let lang = state.lang;
    let onswitchlang = send.reform(Action::SetLang);
    let onnext = send.reform(|()| Action::Next);
    let onback = send.reform(|()| Action::Back);

    let card = match state.step {
        Step::Goals => html! {
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
        Step::AboutYou => html! {
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
        Step::Health => html! {
            <HealthStep
                lang={lang}
                draft={state.draft.clone()}
                problems={state.problems.clone()}
                rules={props.rules.clone()}
                onscreening={send.reform(|(s, on)| Action::SetScreening(s, on))}
                onnoneapply={send.reform(Action::SetNoneApply)}
                onback={onback.clone()}
                onnext={onnext.clone()}
            />
        },
        Step::Result => {
            let rec = state
                .draft
                .answers(state.today)
                .and_then(|answers| recommend(&answers, &props.rules, lang).ok())
                .map(Rc::new);
            let oncopy = {
                let state = state.clone();
                Callback::from(move |()| {
                    let fragment = share::encode(&Shared::from_draft(&state.draft, state.lang));
                    let link = web::link_with_fragment(&fragment);
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
                    web::clear_fragment();
                    send.emit(Action::StartOver);
                })
            };
            let oncalendar = {
                let rec = rec.clone();
                let clinic = props.config.clinic_name.clone();
                Callback::from(move |()| {
                    if let Some(rec) = &rec {
                        let text = components::result_view::calendar_text(rec, &clinic, web::now_utc());
                        web::download(t(rec.lang, Key::CalendarFile), "text/calendar;charset=utf-8", &text);
                    }
                })
            };
            html! {
                <ResultView
                    lang={lang}
                    rec={rec}
                    oncalendar={oncalendar}
                    onprint={Callback::from(|()| web::print())}
                    config={props.config.clone()}
                    copy={state.copy.clone()}
                    oncopy={oncopy}
                    onstartover={onstartover}
                    onback={onback.clone()}
                />
            }
        }
    };

    html! {
        <div class="app" ref={root}>
            <Header lang={lang} clinic_name={props.config.clinic_name.clone()} {onswitchlang} />
            <main>
                <h1>{ t(lang, Key::AppTitle) }</h1>
                <p class="tagline">{ t(lang, Key::Tagline) }</p>
                { card }
                <RememberBox
                    lang={lang}
                    remember={state.remember}
                    forgotten={state.forgotten}
                    onremember={send.reform(Action::SetRemember)}
                    onforget={send.reform(|()| Action::Forget)}
                />
                <p class="privacy">{ t(lang, Key::Privacy) }</p>
            </main>
        </div>
    }
}

/// Reads the page's configuration, rules, date and any saved answers, then renders [`App`]
/// into the body.
pub fn start() {
    yew::platform::spawn_local(async {
        let boot = web::boot().await;
        let props = AppProps {
            config: Rc::new(boot.config),
            rules: Rc::new(boot.rules),
            today: Some(boot.today),
            lang: Some(boot.lang),
            resume: boot.resume,
        };
        yew::Renderer::<App>::with_props(props).render();
    });
}
