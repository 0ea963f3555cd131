use std::rc::Rc;

use yew::prelude::*;

use super::step_card::Progress;

/// What names the result's heading: "Step 4 of 4", then the summary.
const SUMMARY_NAME: &str = "step-count result-summary";
use crate::app::i18n::{self, t, Key};
use crate::app::state::{CopyState, Folds, Section};
use crate::config::{booking_href, Config};
use crate::contact::{self, Piece};
use crate::draft::Step;
use crate::engine::{Date, Lang, Reason, Recommendation, Rules, Treatment, Warning};
use crate::ics::{self, CalendarInfo, Session, UtcTime};

#[derive(Clone, PartialEq, Properties)]
pub struct ResultViewProps {
    pub lang: Lang,
    /// `None` if the answers could not be turned into a recommendation.
    pub rec: Option<Rc<Recommendation>>,
    /// The rules the result came from: who treats at the clinic (`settings.practitioner`).
    pub rules: Rc<Rules>,
    pub config: Rc<Config>,
    pub copy: CopyState,
    pub oncalendar: Callback<()>,
    pub oncopy: Callback<()>,
    pub onprint: Callback<()>,
    pub onstartover: Callback<()>,
    pub onback: Callback<()>,
    /// The visitor followed the Book link (it still opens).
    #[prop_or_default]
    pub onbook: Callback<()>,
    /// In a partner's widget, the longest consults the rules can give
    /// (`engine::longest_consults`): a consult result draws them, invisible, under its own
    /// reasons, and the bridge (`web::embed`) makes the page as tall as it would be with
    /// them, so that every consult is as tall as the longest and the iframe's height does
    /// not tell why.
    #[prop_or_default]
    pub longest: Rc<[Recommendation]>,
    /// In a partner's widget, on a plan result: every plan the visitor's other answers give
    /// with any waiting periods and soft warnings (`app::even::plan_variants`). The result
    /// draws them, invisible, beside its own summary, reasons, plan and warnings, and the
    /// bridge makes the page as tall as with the tallest, so the iframe's height does not
    /// tell which waits or soft warnings the visitor ticked.
    #[prop_or_default]
    pub plans: Rc<[Recommendation]>,
    /// In a partner's widget, the two above are not worked out yet (`State::whole`): the
    /// result is drawn as it will stay, with an empty sizer marked `data-even-pending`, which
    /// keeps the bridge from reporting a height until the copies are in it.
    #[prop_or_default]
    pub pending: bool,
    /// Whether the detail sections' contents (why, the plan, aftercare) and what is under them
    /// (the disclaimer, the actions) are drawn. `false` in a result's first drawing
    /// (`State::whole`): its top (the suggestion, the Book link, the warnings, the sections'
    /// headings) shows in the task of the visitor's click, and the rest a frame later, so a
    /// slow phone shows the suggestion sooner.
    #[prop_or(true)]
    pub details: bool,
    /// The detail sections the visitor opened or closed, and whether the screen is wide
    /// (`web::wide_screen`): one not touched is open on a wide screen, folded on a phone.
    #[prop_or_default]
    pub folds: Folds,
    #[prop_or(true)]
    pub wide: bool,
    /// A detail section's heading was clicked: open it (`true`) or close it.
    #[prop_or_default]
    pub onfold: Callback<(Section, bool)>,
}

/// How a plan result's detail sections are drawn: which are open, and what their headings do.
#[derive(Clone, PartialEq)]
struct Folding {
    folds: Folds,
    wide: bool,
    onfold: Callback<(Section, bool)>,
    /// Whether the sections' contents are drawn yet (`ResultViewProps::details`).
    details: bool,
}

impl Folding {
    /// A detail section: its heading holds the button that opens or closes it (an accordion
    /// heading, so it is still a heading to a screen reader), its body is hidden when folded
    /// and printed anyway. In a widget's invisible copies (`shown` false) the same boxes, with
    /// a plain label in place of the button, open and closed as the visitor's own are.
    /// `region`: the section is a named region (the plan only). `body` is `None` until the
    /// result is drawn whole (`details`): the box is there, empty.
    fn section(&self, section: Section, title: &str, shown: bool, region: bool, body: Option<Html>) -> Html {
        let open = self.folds.is_open(section, self.wide);
        let (heading, details) = section.ids();
        let id = |id: &'static str| shown.then_some(id);
        let onclick = self.onfold.reform(move |_: MouseEvent| (section, !open));
        html! {
            <section class="fold" aria-labelledby={id(heading).filter(|_| region)}>
                <h3 id={id(heading)} class="fold-heading">
                    if shown {
                        <button type="button" class="fold-button" aria-expanded={open.to_string()} aria-controls={details} {onclick}>
                            { title.to_string() }
                        </button>
                    } else {
                        <span class="fold-button">{ title.to_string() }</span>
                    }
                </h3>
                <div id={id(details)} class="fold-body" hidden={!open}>
                    if let Some(body) = body { { body } }
                </div>
            </section>
        }
    }
}

/// One line of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub date: Date,
    pub label: String,
    pub is_event: bool,
}

/// Every proposed session across treatments, and the event, sorted by date.
pub fn timeline(rec: &Recommendation) -> Vec<Entry> {
    let mut entries: Vec<Entry> = rec
        .plan
        .iter()
        .flat_map(|item| {
            let of = item.dates.len();
            item.dates.iter().enumerate().map(move |(i, date)| Entry {
                date: *date,
                label: i18n::session_label(rec.lang, &item.name, i + 1, of),
                is_event: false,
            })
        })
        .collect();
    if let Some(event) = rec.event_date.filter(|_| !entries.is_empty()) {
        entries.push(Entry { date: event, label: t(rec.lang, Key::EventOnTimeline).into(), is_event: true });
    }
    // A timeline has a few dozen lines at most.
    crate::sort_few_by_key(&mut entries, |e| e.date);
    entries
}

/// The calendar file for a result's sessions (the event itself is the visitor's own).
pub fn calendar_text(rec: &Recommendation, clinic: &str, stamp: UtcTime) -> String {
    let sessions: Vec<Session> = timeline(rec)
        .into_iter()
        .filter(|e| !e.is_event)
        .map(|e| Session { date: e.date, title: i18n::calendar_title(rec.lang, &e.label) })
        .collect();
    let description = i18n::calendar_description(rec.lang, clinic);
    ics::calendar(&sessions, &CalendarInfo { description: &description, stamp })
}

/// Step 4: the recommendation, why, the plan, and what to do next.
#[function_component(ResultView)]
pub fn result_view(props: &ResultViewProps) -> Html {
    let lang = props.lang;
    let Some(rec) = props.rec.clone() else {
        return html! {
            <section class="card result" aria-labelledby="result-summary">
                <Progress step={Step::Result} {lang} />
                <h2 id="result-summary" tabindex="-1" data-step-heading="" aria-labelledby={SUMMARY_NAME}>{ t(lang, Key::NoResult) }</h2>
                <div class="actions">
                    <button type="button" class="button secondary" onclick={props.onback.reform(|_: MouseEvent| ())}>
                        { t(lang, Key::Back) }
                    </button>
                </div>
            </section>
        };
    };
    let consult = rec.treatment == Treatment::Consult;
    let entries = timeline(&rec);
    let booking = props
        .config
        .booking_url
        .as_deref()
        .filter(|_| !consult)
        .map(|base| booking_href(base, rec.treatment.id(), lang, props.config.partner.as_deref()));
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let plan_note = i18n::with_practitioner(lang, Key::PlanNote, &props.rules);
    let articles = cited_articles(&rec);

    // The Book link leads the plan, right under the suggestion: the visitor's next step.
    let book = booking.clone().map(|href| (href, props.onbook.clone()));
    let folding = Folding { folds: props.folds, wide: props.wide, onfold: props.onfold.clone(), details: props.details };
    let content = if consult {
        let contact = match props.config.contact.get(lang) {
            "" => t(lang, Key::ContactFallback).to_string(),
            contact => contact.to_string(),
        };
        html! {
            <>
                <h2 id="result-summary" tabindex="-1" data-step-heading="" aria-labelledby={SUMMARY_NAME} data-treatment={rec.treatment.id()}>
                    { rec.summary.clone() }
                </h2>
                // How to reach the clinic first: it is what the visitor can do now.
                <section class="contact" aria-labelledby="contact-heading">
                    <h3 id="contact-heading">{ t(lang, Key::ContactTitle) }</h3>
                    <p>{ contact_links(&contact) }</p>
                </section>
                <p>{ t(lang, Key::ConsultIntro) }</p>
                <div class="consult-why" data-even-block="">
                    <ul class="reasons">{ for rec.reasons.iter().map(|r| reason(lang, r, &articles, true)) }</ul>
                    { warnings(lang, &rec.warnings, true) }
                    if !props.longest.is_empty() || props.pending {
                        <div class="even-sizer" aria-hidden="true" data-even-sizer="" data-even-pending={props.pending.then_some("")}>
                            { for props.longest.iter().map(|longest| html! {
                                <div>
                                    <ul class="reasons">{ for longest.reasons.iter().map(|r| reason(lang, r, &articles, false)) }</ul>
                                    { warnings(lang, &longest.warnings, false) }
                                </div>
                            }) }
                        </div>
                    }
                </div>
            </>
        }
    } else if props.plans.is_empty() && !props.pending {
        plan(lang, &rec, &plan_note, &articles, true, book.as_ref(), &folding)
    } else {
        // In a widget: the visitor's plan (measured), and every plan the same answers give
        // with any waits and soft warnings, invisible, stacked in one grid cell (see `plans`).
        html! {
            <div class="even-plan">
                <div data-even-block="">{ plan(lang, &rec, &plan_note, &articles, true, book.as_ref(), &folding) }</div>
                <div class="even-sizer" aria-hidden="true" data-even-sizer="" data-even-spans="" data-even-pending={props.pending.then_some("")}>
                    { for props.plans.iter().map(|other| html! { <div>{ plan(lang, other, &plan_note, &articles, false, book.as_ref(), &folding) }</div> }) }
                </div>
            </div>
        }
    };

    // Below the fold: drawn with the sections' contents, a frame after the top.
    let actions = || html! {
        // Not a landmark: the named regions are the result (summary), the plan and the contact.
        <section class="actions">
            <h3 id="actions-heading">{ t(lang, Key::ActionsTitle) }</h3>
            <div class="action-row">
                if !consult && !entries.is_empty() {
                    <button type="button" class="button secondary" onclick={click(&props.oncalendar)}>
                        { t(lang, Key::AddToCalendar) }
                    </button>
                }
                <button type="button" class="button secondary" onclick={click(&props.oncopy)}
                    aria-describedby="link-note">
                    { t(lang, Key::CopyLink) }
                </button>
                <button type="button" class="button secondary" onclick={click(&props.onprint)}>
                    { t(lang, Key::Print) }
                </button>
            </div>
            <p class="hint" id="link-note">{ t(lang, Key::LinkNote) }</p>
            <p class="status" role="status">
                if props.copy == CopyState::Copied { { t(lang, Key::LinkCopied) } }
                if props.copy == CopyState::CalendarDownloaded { { t(lang, Key::CalendarDownloaded) } }
            </p>
            if let CopyState::Manual(link) = &props.copy {
                <div class="field">
                    <label for="share-link">{ t(lang, Key::LinkManualLabel) }</label>
                    <input type="text" id="share-link" readonly=true value={link.clone()} />
                </div>
            }
            <div class="action-row">
                <button type="button" class="button secondary" onclick={click(&props.onback)}>
                    { t(lang, Key::Back) }
                </button>
                <button type="button" class="button secondary" onclick={click(&props.onstartover)}>
                    { t(lang, Key::StartOver) }
                </button>
            </div>
        </section>
    };

    html! {
        <section class="card result" aria-labelledby="result-summary">
            <Progress step={Step::Result} {lang} />
            { content }
            if props.details {
                { articles_on_paper(lang, &articles) }
                <p class="disclaimer">{ rec.disclaimer.clone() }</p>
                // For the clinic, on paper only: which rules gave this result.
                <p class="revision on-paper">{ t(lang, Key::RulesRevision) }{ " " }{ rec.rules_revision.clone() }</p>
                { actions() }
            }
        </section>
    }
}

/// A plan result's summary, reasons, timeline, plan cards, aftercare and warnings: all that
/// its health answers can change. `shown` is false for the invisible copies that only size it
/// in a widget: no id, no data attribute, no label, so nothing there can be found, focused or
/// read; the same boxes, so each is exactly as tall as that result would be. `note` is the
/// line under the plan's heading (who confirms the dates).
/// `book` is the Book link, when the clinic gave a booking URL (drawn unlinked in the copies);
/// `folding`, which detail sections are open (the same in the copies as in the visitor's own).
fn plan(lang: Lang, rec: &Recommendation, note: &str, articles: &[&str], shown: bool, book: Option<&(String, Callback<()>)>, folding: &Folding) -> Html {
    let entries = timeline(rec);
    let id = |id: &'static str| shown.then_some(id);
    // The sections' contents are not even built until the result is drawn whole.
    let why = folding.details.then(|| html! {
        <ul class="reasons">{ for rec.reasons.iter().map(|r| reason(lang, r, articles, shown)) }</ul>
    });
    let plan = folding.details.then(|| html! {
        <>
            <p class="hint">{ note.to_string() }</p>
            if !entries.is_empty() {
                <ol id={id("timeline")} class="timeline" role="list">
                    { for entries.iter().map(|e| html! {
                        <li class={classes!("timeline-item", e.is_event.then_some("is-event"))}>
                            <time datetime={e.date.to_string()}>{ e.date.long(lang) }</time>
                            { " " }
                            <span class="timeline-label">{ e.label.clone() }</span>
                        </li>
                    }) }
                </ol>
            }
            { for rec.plan.iter().map(|item| html! {
                <section class="treatment">
                    <h4>{ item.name.clone() }</h4>
                    <dl class="facts">
                        { fact(lang, Key::Sessions,
                            i18n::sessions(lang, (item.sessions.min, item.sessions.max),
                                (item.interval_days.min, item.interval_days.max)),
                            &[&item.sources.sessions, &item.sources.interval_days], articles, id("sessions")) }
                        { fact(lang, Key::SessionLength,
                            i18n::range(lang, item.session_minutes.min, item.session_minutes.max, i18n::Unit::Minute),
                            &[&item.sources.session_minutes], articles, id("session_minutes")) }
                        { fact(lang, Key::Downtime, item.downtime.clone(), &[&item.sources.downtime], articles, id("downtime")) }
                        { fact(lang, Key::Results, item.results.clone(), &[&item.sources.results], articles, id("results")) }
                        { fact(lang, Key::Maintenance, item.maintenance.clone(), &[&item.sources.maintenance], articles, id("maintenance")) }
                    </dl>
                </section>
            }) }
        </>
    });
    html! {
        <>
            <h2 id={id("result-summary")} tabindex={id("-1")} data-step-heading={id("")} aria-labelledby={id(SUMMARY_NAME)}
                data-treatment={shown.then(|| rec.treatment.id())}>
                { rec.summary.clone() }
            </h2>
            { next_step(lang, &entries, shown, book) }
            // The warnings stay open: what the practitioner must know is never folded away.
            { warnings(lang, &rec.warnings, shown) }
            { folding.section(Section::Why, t(lang, Key::WhyTitle), shown, false, why) }
            { folding.section(Section::Plan, t(lang, Key::PlanTitle), shown, true, plan) }
            if !rec.aftercare.is_empty() {
                { folding.section(Section::Aftercare, t(lang, Key::AftercareTitle), shown, false, folding.details.then(|| html! {
                    <ul class="aftercare">{ for rec.aftercare.iter().map(|a| html! { <li>{ a.clone() }</li> }) }</ul>
                })) }
            }
        </>
    }
}

/// The warnings, if any, under their heading. `shown` is false for the invisible copies that
/// only size a consult or a plan (no id, no data attribute).
fn warnings(lang: Lang, list: &[Warning], shown: bool) -> Html {
    if list.is_empty() {
        return Html::default();
    }
    html! {
        <section class="warnings">
            <h3 id={shown.then_some("warnings-heading")}>{ t(lang, Key::WarningsTitle) }</h3>
            <ul>{ for list.iter().map(|w| html! { <li data-code={shown.then(|| w.code.clone())}>{ w.text.clone() }</li> }) }</ul>
        </section>
    }
}

/// A reason and its sources. `shown` as for [`warnings`].
fn reason(lang: Lang, r: &Reason, articles: &[&str], shown: bool) -> Html {
    html! {
        <li data-rule={shown.then(|| r.rule.clone())}>
            <span class="reason-text">{ r.text.clone() }</span>
            { sources(lang, &[&r.source], articles) }
        </li>
    }
}

/// One fact of a plan card and where it comes from (an article or the clinic's practice), as
/// the reasons show theirs. `key` names the fact in `data-fact` (none in the invisible copies).
fn fact(lang: Lang, term: Key, value: String, from: &[&str], articles: &[&str], key: Option<&'static str>) -> Html {
    html! {
        <div data-fact={key}>
            <dt>{ t(lang, term) }</dt>
            <dd>{ value }{ sources(lang, from, articles) }</dd>
        </div>
    }
}

/// The articles in source strings (each a comma-separated list of article file names and/or
/// `clinic default`), each once, in order.
fn articles_in<'a>(from: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for s in from.into_iter().flat_map(|s| s.split(',')).map(str::trim) {
        if !s.is_empty() && s != "clinic default" && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The articles a result cites, in the order it shows them first: on paper they are
/// numbered in that order, and listed once under the result ([`articles_on_paper`]).
fn cited_articles(rec: &Recommendation) -> Vec<&str> {
    let reasons = rec.reasons.iter().map(|r| r.source.as_str());
    let facts = rec.plan.iter().flat_map(|item| {
        let s = &item.sources;
        [&s.sessions, &s.interval_days, &s.session_minutes, &s.downtime, &s.results, &s.maintenance].map(String::as_str)
    });
    articles_in(reasons.chain(facts))
}

/// Where a reason or a fact comes from: "From the clinic’s articles: “Title”, “Title”" (no
/// file name on screen, not even in a tooltip), and "The clinic’s practice" on its own line. On paper, where
/// a long plan must fit on one page, an article is its number instead (`[2]`), and the titles
/// are listed once under the result. Nothing when there is no source.
fn sources(lang: Lang, from: &[&str], numbered: &[&str]) -> Html {
    let articles = articles_in(from.iter().copied());
    let practice = from.iter().flat_map(|s| s.split(',')).any(|s| s.trim() == "clinic default");
    html! {
        <>
            if !articles.is_empty() {
                <small class="source">
                    <span class="on-screen">{ t(lang, Key::FromArticles) }{ " " }</span>
                    { for articles.iter().enumerate().map(|(i, file)| {
                        let sep = if i > 0 { ", " } else { "" };
                        let number = numbered.iter().position(|n| n == file);
                        html! {
                            <>
                                { sep }
                                <cite>
                                    <span class={classes!(number.is_some().then_some("on-screen"))}>{ article_on_screen(lang, file, number) }</span>
                                    if let Some(n) = number {
                                        <span class="on-paper">{ format!("[{}]", n + 1) }</span>
                                    }
                                </cite>
                            </>
                        }
                    }) }
                </small>
            }
            if practice {
                <small class="source">{ t(lang, Key::ClinicPractice) }</small>
            }
        </>
    }
}

/// An article as the visitor reads it: its quoted title, or (an article of a clinic's own
/// rules, which the app has no title for) its file name.
fn article(lang: Lang, file: &str) -> String {
    match i18n::source_title(lang, file) {
        Some(title) => i18n::quoted(lang, title),
        None => file.to_string(),
    }
}

/// An article on screen: its quoted title, or (an article of a clinic's own rules, which the
/// app has no title for) "Article 2", its number in the result's list, never its file name.
fn article_on_screen(lang: Lang, file: &str, number: Option<usize>) -> String {
    match i18n::source_title(lang, file) {
        Some(title) => i18n::quoted(lang, title),
        None => i18n::article_number(number.map(|n| n + 1)),
    }
}

/// On paper only: the result's articles, numbered as its sources cite them. (On screen each
/// source names its articles in full.)
fn articles_on_paper(lang: Lang, articles: &[&str]) -> Html {
    if articles.is_empty() {
        return Html::default();
    }
    html! {
        <p class="on-paper source-list">
            { t(lang, Key::FromArticles) }
            { for articles.iter().enumerate().map(|(i, file)| {
                let sep = if i > 0 { ";" } else { "" };
                html! { <>{ sep }{ " " }{ format!("[{}]\u{a0}{}", i + 1, article(lang, file)) }</> }
            }) }
        </p>
    }
}

/// The clinic's contact text with its phone numbers and e-mail addresses as `tel:` and
/// `mailto:` links, so a visitor on a phone can tap them.
fn contact_links(text: &str) -> Html {
    html! {
        { for contact::pieces(text).into_iter().map(|piece| match piece {
            Piece::Text(text) => html! { { text } },
            Piece::Phone { text, href } | Piece::Email { text, href } => html! { <a href={href}>{ text }</a> },
        }) }
    }
}

/// What to do next, right under the suggestion: the first proposed date (or, for an event,
/// the last session before it) and the Book link. In a widget's invisible copies (`shown` is
/// false) the same box is drawn with a plain label in place of the link, so every copy is as
/// tall as the visitor's own; it holds nothing that can be focused.
fn next_step(lang: Lang, entries: &[Entry], shown: bool, book: Option<&(String, Callback<()>)>) -> Html {
    let event = entries.iter().position(|e| e.is_event);
    let before_event = event.and_then(|i| i.checked_sub(1)).and_then(|i| entries.get(i));
    let (label, date) = match (before_event, entries.iter().find(|e| !e.is_event)) {
        (Some(last), _) => (Key::NextBeforeEvent, Some(last.date)),
        (None, first) => (Key::NextFirstDate, first.map(|e| e.date)),
    };
    let booking = match book {
        Some((href, onbook)) if shown => html! {
            <a class="button primary" id="book" href={href.clone()} target="_blank" rel="noopener noreferrer"
                onclick={onbook.reform(|_: MouseEvent| ())}>
                { t(lang, Key::Book) }
                <span class="visually-hidden">{ " " }{ t(lang, Key::NewTab) }</span>
            </a>
        },
        Some(_) => html! { <span class="button primary">{ t(lang, Key::Book) }</span> },
        None => html! {},
    };
    html! {
        <div class="next-step">
            if let Some(date) = date {
                <p>{ t(lang, label) }{ " " }<time datetime={date.to_string()}>{ date.long(lang) }</time></p>
            }
            { booking }
        </div>
    }
}
