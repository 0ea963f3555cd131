//! The UI state and its reducer: `reduce` is the only place state changes.
//!
//! Side effects (storage, focus, the document's language) are not done here: the reducer
//! records what should happen (for example a focus request) and `App`'s effects do it.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::first_screen::FirstScreen;
use crate::draft::{toggle, Draft, Field, Problem, Step};
use crate::engine::{Area, Caution, Date, Downtime, Goal, Lang, Recent, Screening};

/// Where keyboard focus should go after the next render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    /// The current step's heading (on every step change).
    Heading,
    /// The first invalid field (after a refused "Next").
    Field(Field),
    /// The element the visitor was on in the first screen drawn before the app started
    /// (`first_screen`), as a CSS selector.
    Selector(Rc<str>),
}

/// The state of "Copy link", and what the result's status line says after an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopyState {
    Idle,
    Copied,
    /// "Add to calendar" handed the file to the browser's downloads.
    CalendarDownloaded,
    /// The clipboard refused: show the link in a read-only field instead.
    Manual(String),
}

/// A plan result's detail sections, which a phone shows folded (`Folds`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Why,
    Plan,
    Aftercare,
}

impl Section {
    /// The id of the section's heading, and of its body (which its button controls).
    pub fn ids(self) -> (&'static str, &'static str) {
        match self {
            Section::Why => ("why-heading", "why-details"),
            Section::Plan => ("plan-heading", "plan-details"),
            Section::Aftercare => ("aftercare-heading", "aftercare-details"),
        }
    }
}

/// Which detail sections the visitor opened or closed. One they have not touched is open on a
/// wide screen and folded on a phone, where the summary and Book come first; paper shows
/// them all (`www/styles.css`). The warnings and a consult's reasons never fold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Folds {
    why: Option<bool>,
    plan: Option<bool>,
    aftercare: Option<bool>,
}

impl Folds {
    fn slot(&mut self, section: Section) -> &mut Option<bool> {
        match section {
            Section::Why => &mut self.why,
            Section::Plan => &mut self.plan,
            Section::Aftercare => &mut self.aftercare,
        }
    }

    /// Whether `section` is open, on a wide screen (`wide`) or a phone.
    pub fn is_open(mut self, section: Section, wide: bool) -> bool {
        self.slot(section).unwrap_or(wide)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub step: Step,
    pub draft: Draft,
    pub lang: Lang,
    pub today: Date,
    /// The current step's problems, shown only after a refused "Next".
    pub problems: Vec<Problem>,
    /// What the one announcer says (every problem of the last refused "Next", changed by no
    /// edit), and `problems_seq`, which changes with each refusal, so that the announcer is
    /// filled afresh and heard again even when the words are the same.
    pub announced: Vec<Problem>,
    pub problems_seq: u32,
    pub remember: bool,
    /// A focus request; `focus_seq` changes with each one so the same target can repeat.
    pub focus: Option<FocusTarget>,
    pub focus_seq: u32,
    pub copy: CopyState,
    /// "Your answers were forgotten", until the next change.
    pub forgotten: bool,
    /// Changes each time this finder stops remembering (the box unticked, or "Forget my
    /// answers"), which erases the saved progress. Only such a change erases it: another tab
    /// or widget of the same site that never opted in must not wipe what this one saved.
    pub stopped_remembering: u32,
    /// A shared link's answers, offered in place of the saved ones in `draft`: until the
    /// visitor chooses ([`Action::ContinueSaved`] or [`Action::OpenLink`]), the choice is
    /// shown instead of a step and nothing is stored.
    pub offer: Option<Draft>,
    /// The result's detail sections the visitor opened or closed.
    pub folds: Folds,
    /// Whether the result is drawn whole: `false` when it first shows, so its top (the
    /// suggestion, the Book link, the warnings and the detail sections' headings) is drawn in
    /// the task of the visitor's click; `Action::DrawWhole` sets it a frame later, and only
    /// then are the detail sections' contents drawn and, in a widget, its invisible copies
    /// (`app::even`, the longest consults). The bridge reports a widget's height only then
    /// (`web::embed`), so the partner page never sees an unpadded one. A state that starts on
    /// the result (Yew's server renderer in the host tests; the browser never resumes there, as
    /// the health answers are never saved) draws it whole at once: there is no click to answer.
    pub whole: bool,
}

/// Every change the UI can make.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetGoal(Goal, bool),
    SetEventDate(String),
    SetAge(String),
    SetArea(Area, bool),
    /// `None`: "Not sure".
    SetDowntime(Option<Downtime>),
    SetScreening(Screening, bool),
    /// A waiting period (a recent treatment or sun): moves the first session later.
    SetRecent(Recent, bool),
    /// Something the practitioner should know (a soft warning).
    SetCaution(Caution, bool),
    /// "None of these apply to me": ticked, it clears every health item above.
    SetNoneApply(bool),
    Next,
    Back,
    StartOver,
    SetLang(Lang),
    SetRemember(bool),
    Forget,
    /// The clipboard's answer: `Err` carries the link to show instead.
    Copied(Result<(), String>),
    /// "Add to calendar" gave the browser the file.
    CalendarDownloaded,
    /// A result's detail section opened (`true`) or closed by the visitor.
    Fold(Section, bool),
    /// Saved answers and a link's: carry on with the saved ones, where they were left.
    ContinueSaved,
    /// Saved answers and a link's: open the link's, at the health step. "Remember" stays as
    /// it was, so the saved answers are replaced because the visitor chose it.
    OpenLink,
    /// The result's top has been shown: the rest may be drawn now (`whole`).
    DrawWhole,
}

impl State {
    pub fn new(draft: Draft, step: Step, lang: Lang, today: Date, remember: bool) -> State {
        State {
            step,
            draft,
            lang,
            today,
            problems: vec![],
            announced: vec![],
            problems_seq: 0,
            remember,
            focus: None,
            focus_seq: 0,
            copy: CopyState::Idle,
            forgotten: false,
            stopped_remembering: 0,
            offer: None,
            folds: Folds::default(),
            whole: step == Step::Result,
        }
    }

    /// The state with a shared link's answers offered in place of the saved ones: the choice
    /// shows first, and its heading takes focus.
    pub fn offering(self, link: Option<Draft>) -> State {
        let mut s = self;
        if link.is_some() {
            s.offer = link;
            s.request_focus(FocusTarget::Heading);
        }
        s
    }

    /// The state after what the visitor did on the first screen drawn before the app started:
    /// "Next" pressed there is pressed again; otherwise focus goes back where it was.
    pub fn after_first_screen(self, first: &FirstScreen) -> State {
        let mut s = self;
        if first.next {
            s.next();
        } else if let Some(selector) = &first.focus {
            s.request_focus(FocusTarget::Selector(selector.as_str().into()));
        }
        s
    }

    /// The problem shown for `field`, if any.
    pub fn problem(&self, field: Field) -> Option<Problem> {
        self.problems.iter().copied().find(|p| p.field() == field)
    }

    fn go_to(&mut self, step: Step) {
        self.step = step;
        self.problems.clear();
        self.announced.clear();
        self.copy = CopyState::Idle;
        self.request_focus(FocusTarget::Heading);
    }

    fn set_remember(&mut self, on: bool) {
        if self.remember && !on {
            self.stopped_remembering = self.stopped_remembering.wrapping_add(1);
        }
        self.remember = on;
    }

    fn request_focus(&mut self, target: FocusTarget) {
        self.focus = Some(target);
        self.focus_seq = self.focus_seq.wrapping_add(1);
    }

    /// After an edit, refreshes the problems already on screen (never adds new ones
    /// before the visitor asks to continue).
    fn revalidate(&mut self) {
        self.forgotten = false;
        if !self.problems.is_empty() {
            self.problems = self.draft.problems(self.step, self.today);
        }
    }

    /// After a health item (hard stop, waiting period or caution) was ticked or unticked:
    /// a tick and "None of these apply to me" exclude each other.
    fn health_item_set(&mut self, on: bool) {
        if on {
            self.draft.none_apply = false;
        }
        self.revalidate();
    }

    /// A refused "Next": the problems show, and the announcer says them (again).
    fn refuse(&mut self, problems: Vec<Problem>) {
        self.announced = problems.clone();
        self.problems = problems;
        self.problems_seq = self.problems_seq.wrapping_add(1);
    }

    fn next(&mut self) {
        let problems = self.draft.problems(self.step, self.today);
        if let Some(first) = problems.first() {
            let field = first.field();
            self.refuse(problems);
            self.request_focus(FocusTarget::Field(field));
            return;
        }
        let next = self.step.next();
        // A link or saved progress may bring answers that are no longer valid (an event
        // date now in the past): send the visitor to the step that needs them.
        if next == Step::Result {
            if let Some((step, problems)) = self.draft.first_blocked(Step::Result, self.today) {
                let field = problems[0].field();
                self.step = step;
                self.refuse(problems);
                self.request_focus(FocusTarget::Field(field));
                return;
            }
        }
        self.go_to(next);
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let drawing_whole = matches!(action, Action::DrawWhole);
        match action {
            Action::SetGoal(goal, on) => {
                s.draft.goals = toggle(&s.draft.goals, goal, on, &Goal::ALL);
                s.revalidate();
            }
            Action::SetEventDate(text) => {
                s.draft.event_date = text;
                s.revalidate();
            }
            Action::SetAge(text) => {
                s.draft.age = text;
                s.revalidate();
            }
            Action::SetArea(area, on) => {
                s.draft.areas = toggle(&s.draft.areas, area, on, &Area::ALL);
                s.revalidate();
            }
            Action::SetDowntime(d) => {
                s.draft.downtime = d;
                s.revalidate();
            }
            Action::SetScreening(item, on) => {
                s.draft.screening = toggle(&s.draft.screening, item, on, &Screening::ALL);
                s.health_item_set(on);
            }
            Action::SetRecent(item, on) => {
                s.draft.recent = toggle(&s.draft.recent, item, on, &Recent::ALL);
                s.health_item_set(on);
            }
            Action::SetCaution(item, on) => {
                s.draft.cautions = toggle(&s.draft.cautions, item, on, &Caution::ALL);
                s.health_item_set(on);
            }
            Action::SetNoneApply(on) => {
                s.draft.none_apply = on;
                if on {
                    s.draft.screening.clear();
                    s.draft.recent.clear();
                    s.draft.cautions.clear();
                }
                s.revalidate();
            }
            Action::Next => s.next(),
            Action::Back => {
                let previous = s.step.previous();
                s.go_to(previous);
            }
            Action::StartOver => {
                s.draft = Draft::default();
                s.folds = Folds::default();
                s.forgotten = false;
                s.go_to(Step::Goals);
            }
            Action::SetLang(lang) => s.lang = lang,
            Action::SetRemember(on) => {
                s.set_remember(on);
                s.forgotten = false;
            }
            Action::Forget => {
                s.set_remember(false);
                s.draft = Draft::default();
                s.folds = Folds::default();
                s.go_to(Step::Goals);
                s.forgotten = true;
            }
            Action::ContinueSaved => {
                if s.offer.take().is_some() {
                    s.request_focus(FocusTarget::Heading);
                }
            }
            Action::OpenLink => {
                if let Some(link) = s.offer.take() {
                    s.draft = link;
                    s.go_to(Step::Health);
                }
            }
            Action::Copied(result) => {
                s.copy = match result {
                    Ok(()) => CopyState::Copied,
                    Err(link) => CopyState::Manual(link),
                }
            }
            Action::CalendarDownloaded => s.copy = CopyState::CalendarDownloaded,
            Action::Fold(section, open) => *s.folds.slot(section) = Some(open),
            Action::DrawWhole => s.whole = s.step == Step::Result,
        }
        // A result reached anew is first drawn without its details and copies.
        if !drawing_whole && (s.step != Step::Result || self.step != Step::Result) {
            s.whole = false;
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Which actions erase the saved progress (`stopped_remembering` changes): only turning
    /// "Remember" off in this finder, never a finder that did not remember.
    #[test]
    fn only_this_finder_turning_remember_off_erases_saved_progress() {
        use Action::*;
        let cases: Vec<(&str, bool, Vec<Action>, u32)> = vec![
            ("ticked, then unticked", false, vec![SetRemember(true), SetRemember(false)], 1),
            ("never ticked, unticked", false, vec![SetRemember(false)], 0),
            ("never ticked, forget", false, vec![Forget], 0),
            ("resumed saved progress, forget", true, vec![Forget], 1),
            ("resumed saved progress, untick, forget", true, vec![SetRemember(false), Forget], 1),
            ("ticked and unticked twice", false, vec![SetRemember(true), SetRemember(false), SetRemember(true), SetRemember(false)], 2),
            ("answering while remembering", true, vec![SetGoal(Goal::Hydration, true), Next, SetAge("40".into()), StartOver], 0),
        ];
        let today = Date::from_ymd(2026, 11, 22).unwrap();
        for (name, remembering, actions, erased) in cases {
            let mut state = Rc::new(State::new(Draft::default(), Step::Goals, Lang::En, today, remembering));
            for action in actions {
                state = state.reduce(action);
            }
            assert_eq!(state.stopped_remembering, erased, "{name}");
        }
    }

    /// The health step: any tick (hard stop, waiting period or caution) unticks "None of
    /// these apply to me", and ticking that clears every item; lists keep their canonical order.
    #[test]
    fn health_items_and_none_apply_exclude_each_other() {
        use Action::*;
        use Caution::*;
        use Recent::*;
        use Screening::*;
        type Health = (Vec<Screening>, Vec<Recent>, Vec<Caution>, bool);
        let cases: Vec<(&str, Vec<Action>, Health)> = vec![
            ("nothing", vec![], (vec![], vec![], vec![], false)),
            ("none apply", vec![SetNoneApply(true)], (vec![], vec![], vec![], true)),
            ("a hard stop unticks none", vec![SetNoneApply(true), SetScreening(SkinConditionFlare, true)], (vec![SkinConditionFlare], vec![], vec![], false)),
            ("a wait unticks none", vec![SetNoneApply(true), SetRecent(SunburnOrTan, true)], (vec![], vec![SunburnOrTan], vec![], false)),
            ("a caution unticks none", vec![SetNoneApply(true), SetCaution(ColdSores, true)], (vec![], vec![], vec![ColdSores], false)),
            (
                "none clears every kind",
                vec![SetScreening(CancerTreatmentOrPoorHealing, true), SetRecent(Injectables2Weeks, true), SetCaution(OtcBloodThinners, true), SetNoneApply(true)],
                (vec![], vec![], vec![], true),
            ),
            ("unticking an item leaves none unticked", vec![SetRecent(PeelOrRetinoid1Week, true), SetRecent(PeelOrRetinoid1Week, false)], (vec![], vec![], vec![], false)),
            ("unticking an item keeps none ticked", vec![SetNoneApply(true), SetCaution(ColdSores, false)], (vec![], vec![], vec![], true)),
            (
                "canonical order",
                vec![SetRecent(SunburnOrTan, true), SetRecent(Injectables2Weeks, true), SetCaution(DarkMarksAfterInflammation, true), SetCaution(ColdSores, true)],
                (vec![], vec![Injectables2Weeks, SunburnOrTan], vec![ColdSores, DarkMarksAfterInflammation], false),
            ),
            ("unticking none keeps the items cleared", vec![SetRecent(SunburnOrTan, true), SetNoneApply(true), SetNoneApply(false)], (vec![], vec![], vec![], false)),
        ];
        let today = Date::from_ymd(2026, 11, 22).unwrap();
        for (name, actions, expected) in cases {
            let mut state = Rc::new(State::new(Draft::default(), Step::Health, Lang::En, today, false));
            for action in actions {
                state = state.reduce(action);
            }
            let d = &state.draft;
            assert_eq!((d.screening.clone(), d.recent.clone(), d.cautions.clone(), d.none_apply), expected, "{name}");
        }
    }

    /// A refused "Next" on the health step shows its problem; a wait or a caution alone
    /// answers the step and clears it.
    #[test]
    fn a_wait_or_a_caution_alone_answers_the_health_step() {
        let today = Date::from_ymd(2026, 11, 22).unwrap();
        for tick in [Action::SetRecent(Recent::SunburnOrTan, true), Action::SetCaution(Caution::ColdSores, true)] {
            let state = Rc::new(State::new(Draft::default(), Step::Health, Lang::En, today, false)).reduce(Action::Next);
            assert_eq!(state.problems, vec![Problem::HealthUnanswered], "{tick:?}");
            let state = state.reduce(tick.clone());
            assert_eq!(state.problems, vec![], "{tick:?}: the problem clears");
            assert_eq!(state.step, Step::Health);
        }
    }

    /// Every refused "Next" is announced afresh, even in the same words; an edit changes what
    /// is shown beside the fields, never what is announced; a step change clears it.
    #[test]
    fn each_refusal_is_announced_once_and_again() {
        let today = Date::from_ymd(2026, 11, 22).unwrap();
        let start = Rc::new(State::new(Draft::default(), Step::AboutYou, Lang::En, today, false));
        let once = start.clone().reduce(Action::Next);
        assert_eq!(once.announced, vec![Problem::AgeMissing, Problem::NoArea], "no area is ticked for the visitor");
        let twice = once.clone().reduce(Action::Next);
        assert_eq!((twice.announced.clone(), twice.problems_seq), (once.announced.clone(), once.problems_seq + 1));
        let edited = twice.clone().reduce(Action::SetArea(Area::Neck, true));
        assert_eq!((edited.problems.clone(), edited.announced.clone(), edited.problems_seq), (vec![Problem::AgeMissing], twice.announced.clone(), twice.problems_seq));
        let on = edited.reduce(Action::SetAge("36".into())).reduce(Action::Next);
        assert_eq!((on.step, on.announced.clone()), (Step::Health, vec![]));
    }

    /// Saved answers and a link's: nothing changes until the visitor chooses; then the
    /// chosen answers are on screen at their step, with "Remember" as it was.
    #[test]
    fn the_visitor_chooses_between_saved_answers_and_a_links() {
        let today = Date::from_ymd(2026, 11, 22).unwrap();
        let saved = Draft { goals: vec![Goal::Hydration], age: "36".into(), ..Draft::default() };
        let link = Draft { goals: vec![Goal::Scars], age: "50".into(), ..Draft::default() };
        let start = Rc::new(State::new(saved.clone(), Step::AboutYou, Lang::Fr, today, true).offering(Some(link.clone())));
        assert_eq!((&start.offer, start.focus.clone()), (&Some(link.clone()), Some(FocusTarget::Heading)));
        for (action, draft, step) in [(Action::ContinueSaved, &saved, Step::AboutYou), (Action::OpenLink, &link, Step::Health)] {
            let chosen = start.clone().reduce(action.clone());
            let got = (&chosen.draft, chosen.step, chosen.offer.is_none(), chosen.remember, chosen.stopped_remembering);
            assert_eq!(got, (draft, step, true, true, 0), "{action:?}");
            assert_ne!(chosen.focus_seq, start.focus_seq, "{action:?}: the chosen step's heading takes focus");
            // A second press (a double click) changes nothing more.
            assert_eq!(chosen.clone().reduce(Action::OpenLink).draft, *draft, "{action:?}");
        }
        // Without a link, no choice.
        assert_eq!(State::new(saved, Step::AboutYou, Lang::Fr, today, true).offering(None).offer, None);
    }

    /// A result is first drawn without its details (and a widget's invisible copies):
    /// `DrawWhole` adds them only on the result, and each result reached anew (back and on,
    /// start over, a language switch elsewhere) starts without them again; a change on the
    /// result keeps them.
    #[test]
    fn a_result_is_drawn_whole_only_after_its_top_is_shown() {
        let today = Date::from_ymd(2026, 11, 22).unwrap();
        let draft = Draft { goals: vec![Goal::Hydration], age: "36".into(), areas: vec![Area::Face], ..Draft::default() };
        let health = Rc::new(State::new(draft, Step::Health, Lang::En, today, false));
        assert!(!health.clone().reduce(Action::DrawWhole).whole, "not on a question");
        let result = health.reduce(Action::SetNoneApply(true)).reduce(Action::Next);
        assert_eq!((result.step, result.whole), (Step::Result, false));
        let whole = result.reduce(Action::DrawWhole);
        assert!(whole.whole);
        assert!(whole.clone().reduce(Action::SetLang(Lang::Fr)).whole, "a language switch on the result keeps them");
        assert!(whole.clone().reduce(Action::Fold(Section::Plan, false)).whole);
        let again = whole.clone().reduce(Action::Back).reduce(Action::Next);
        assert_eq!((again.step, again.whole), (Step::Result, false), "back and on: drawn anew");
        assert!(!whole.reduce(Action::StartOver).whole);
        assert!(State::new(Draft::default(), Step::Result, Lang::En, today, false).whole, "a result drawn first is drawn whole");
    }

    /// A result's detail sections: open on a wide screen and folded on a phone until the
    /// visitor opens or closes one; going back keeps what they chose, starting over forgets it.
    #[test]
    fn detail_sections_fold_on_a_phone_until_the_visitor_chooses() {
        let today = Date::from_ymd(2026, 11, 22).unwrap();
        let start = Rc::new(State::new(Draft::default(), Step::Result, Lang::En, today, false));
        let all = [Section::Why, Section::Plan, Section::Aftercare];
        for section in all {
            assert_eq!((start.folds.is_open(section, true), start.folds.is_open(section, false)), (true, false), "{section:?}");
        }
        let chosen = start.reduce(Action::Fold(Section::Plan, true)).reduce(Action::Fold(Section::Why, false));
        let on = |s: &State, wide| all.map(|section| s.folds.is_open(section, wide));
        assert_eq!((on(&chosen, false), on(&chosen, true)), ([false, true, false], [false, true, true]));
        let back = chosen.clone().reduce(Action::Back).reduce(Action::Next);
        assert_eq!(back.folds, chosen.folds, "going back and on keeps the sections as the visitor left them");
        for action in [Action::StartOver, Action::Forget] {
            assert_eq!(chosen.clone().reduce(action.clone()).folds, Folds::default(), "{action:?}");
        }
    }
}
