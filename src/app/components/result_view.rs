use std::rc::Rc;

use yew::prelude::*;

use super::step_card::Progress;
use crate::app::i18n::{self, t, Key};
use crate::app::state::CopyState;
use crate::config::{booking_href, Config};
use crate::draft::Step;
use crate::engine::{Date, Lang, Reason, Recommendation, Treatment, Warning};
use crate::ics::{self, CalendarInfo, Session, UtcTime};

#[derive(Clone, PartialEq, Properties)]
pub struct ResultViewProps {
    pub lang: Lang,
    /// `None` if the answers could not be turned into a recommendation.
    pub rec: Option<Rc<Recommendation>>,
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
    entries.sort_by_key(|e| e.date);
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
                <h2 id="result-summary" tabindex="-1" data-step-heading="">{ t(lang, Key::NoResult) }</h2>
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
        .map(|base| booking_href(base, rec.treatment.id(), lang));
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());

    let content = if consult {
        let contact = if props.config.contact.is_empty() {
            t(lang, Key::ContactFallback).to_string()
        } else {
            props.config.contact.clone()
        };
        html! {
            <>
                <h2 id="result-summary" tabindex="-1" data-step-heading="" data-treatment={rec.treatment.id()}>
                    { rec.summary.clone() }
                </h2>
                <p>{ t(lang, Key::ConsultIntro) }</p>
                <div class="consult-why" data-even-block="">
                    <ul class="reasons">{ for rec.reasons.iter().map(|r| reason(lang, r, true)) }</ul>
                    { warnings(lang, &rec.warnings, true) }
                    if !props.longest.is_empty() {
                        <div class="even-sizer" aria-hidden="true" data-even-sizer="">
                            { for props.longest.iter().map(|longest| html! {
                                <div>
                                    <ul class="reasons">{ for longest.reasons.iter().map(|r| reason(lang, r, false)) }</ul>
                                    { warnings(lang, &longest.warnings, false) }
                                </div>
                            }) }
                        </div>
                    }
                </div>
                <section class="contact" aria-labelledby="contact-heading">
                    <h3 id="contact-heading">{ t(lang, Key::ContactTitle) }</h3>
                    <p>{ contact }</p>
                </section>
            </>
        }
    } else if props.plans.is_empty() {
        plan(lang, &rec, true)
    } else {
        // In a widget: the visitor's plan (measured), and every plan the same answers give
        // with any waits and soft warnings, invisible, stacked in one grid cell (see `plans`).
        html! {
            <div class="even-plan">
                <div data-even-block="">{ plan(lang, &rec, true) }</div>
                <div class="even-sizer" aria-hidden="true" data-even-sizer="" data-even-spans="">
                    { for props.plans.iter().map(|other| html! { <div>{ plan(lang, other, false) }</div> }) }
                </div>
            </div>
        }
    };

    html! {
        <section class="card result" aria-labelledby="result-summary">
            <Progress step={Step::Result} {lang} />
            { content }
            <p class="disclaimer">{ rec.disclaimer.clone() }</p>
            <p class="revision">{ t(lang, Key::RulesRevision) }{ " " }{ rec.rules_revision.clone() }</p>

            <section class="actions" aria-labelledby="actions-heading">
                <h3 id="actions-heading">{ t(lang, Key::ActionsTitle) }</h3>
                <div class="action-row">
                    if let Some(href) = booking {
                        <a class="button primary" id="book" href={href} target="_blank" rel="noopener noreferrer"
                            onclick={props.onbook.reform(|_: MouseEvent| ())}>
                            { t(lang, Key::Book) }
                            <span class="visually-hidden">{ " " }{ t(lang, Key::NewTab) }</span>
                        </a>
                    }
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
        </section>
    }
}

/// A plan result's summary, reasons, timeline, plan cards, aftercare and warnings: all that
/// its health answers can change. `shown` is false for the invisible copies that only size it
/// in a widget: no id, no data attribute, no label, so nothing there can be found, focused or
/// read; the same boxes, so each is exactly as tall as that result would be.
fn plan(lang: Lang, rec: &Recommendation, shown: bool) -> Html {
    let entries = timeline(rec);
    let id = |id: &'static str| shown.then_some(id);
    html! {
        <>
            <h2 id={id("result-summary")} tabindex={id("-1")} data-step-heading={id("")}
                data-treatment={shown.then(|| rec.treatment.id())}>
                { rec.summary.clone() }
            </h2>
            <section aria-labelledby={id("why-heading")}>
                <h3 id={id("why-heading")}>{ t(lang, Key::WhyTitle) }</h3>
                <ul class="reasons">{ for rec.reasons.iter().map(|r| reason(lang, r, shown)) }</ul>
            </section>
            <section aria-labelledby={id("plan-heading")}>
                <h3 id={id("plan-heading")}>{ t(lang, Key::PlanTitle) }</h3>
                <p class="hint">{ t(lang, Key::PlanNote) }</p>
                if !entries.is_empty() {
                    <ol id={id("timeline")} class="timeline">
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
                    <section class="treatment" aria-label={shown.then(|| item.name.clone())}>
                        <h4>{ item.name.clone() }</h4>
                        <dl class="facts">
                            { fact(lang, Key::Sessions,
                                i18n::sessions(lang, (item.sessions.min, item.sessions.max),
                                    (item.interval_days.min, item.interval_days.max)),
                                &[&item.sources.sessions, &item.sources.interval_days], id("sessions")) }
                            { fact(lang, Key::SessionLength,
                                i18n::range(lang, item.session_minutes.min, item.session_minutes.max, "minutes", "minutes"),
                                &[&item.sources.session_minutes], id("session_minutes")) }
                            { fact(lang, Key::Downtime, item.downtime.clone(), &[&item.sources.downtime], id("downtime")) }
                            { fact(lang, Key::Results, item.results.clone(), &[&item.sources.results], id("results")) }
                            { fact(lang, Key::Maintenance, item.maintenance.clone(), &[&item.sources.maintenance], id("maintenance")) }
                        </dl>
                    </section>
                }) }
            </section>
            if !rec.aftercare.is_empty() {
                <section aria-labelledby={id("aftercare-heading")}>
                    <h3 id={id("aftercare-heading")}>{ t(lang, Key::AftercareTitle) }</h3>
                    <ul class="aftercare">{ for rec.aftercare.iter().map(|a| html! { <li>{ a.clone() }</li> }) }</ul>
                </section>
            }
            { warnings(lang, &rec.warnings, shown) }
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
        <section aria-labelledby={shown.then_some("warnings-heading")} class="warnings">
            <h3 id={shown.then_some("warnings-heading")}>{ t(lang, Key::WarningsTitle) }</h3>
            <ul>{ for list.iter().map(|w| html! { <li data-code={shown.then(|| w.code.clone())}>{ w.text.clone() }</li> }) }</ul>
        </section>
    }
}

/// A reason and its sources. `shown` as for [`warnings`].
fn reason(lang: Lang, r: &Reason, shown: bool) -> Html {
    html! {
        <li data-rule={shown.then(|| r.rule.clone())}>
            <span class="reason-text">{ r.text.clone() }</span>
            { sources(lang, &[&r.source]) }
        </li>
    }
}

/// One fact of a plan card and where it comes from (an article or the clinic's practice), as
/// the reasons show theirs. `key` names the fact in `data-fact` (none in the invisible copies).
fn fact(lang: Lang, term: Key, value: String, from: &[&str], key: Option<&'static str>) -> Html {
    html! {
        <div data-fact={key}>
            <dt>{ t(lang, term) }</dt>
            <dd>{ value }{ sources(lang, from) }</dd>
        </div>
    }
}

/// "Source: …" for one or more source strings (each a comma-separated list of article file
/// names and/or `clinic default`), each source once: short titles, with the article's file
/// name in `title`. Nothing when there is no source.
fn sources(lang: Lang, from: &[&str]) -> Html {
    let mut list: Vec<&str> = Vec::new();
    for s in from.iter().flat_map(|s| s.split(',')).map(str::trim).filter(|s| !s.is_empty()) {
        if !list.contains(&s) {
            list.push(s);
        }
    }
    if list.is_empty() {
        return Html::default();
    }
    let label = if list.len() > 1 { t(lang, Key::Sources) } else { t(lang, Key::Source) };
    html! {
        <small class="source">
            { label }{ " " }
            { for list.iter().enumerate().map(|(i, s)| {
                let sep = if i > 0 { ", " } else { "" };
                let shown = match i18n::source_title(lang, s) {
                    Some(title) => format!("{title} ({})", &s[..3]),
                    None if *s == "clinic default" => t(lang, Key::ClinicPractice).to_string(),
                    None => s.to_string(),
                };
                html! { <>{ sep }<cite title={s.to_string()}>{ shown }</cite></> }
            }) }
        </small>
    }
}
