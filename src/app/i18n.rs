//! The app's own words in English and French. Texts about skin, treatments and health
//! come from the rules file instead, so the clinic can change them without a programmer.
//!
//! What the finder says is medical-adjacent advertising for a Montréal clinic: these words
//! promise no result, call the result a suggestion to discuss at the consultation, and the
//! French is written for Québec (a no-break space before `:` and inside « », none before
//! `;` `?` `!`, « 3 ou 4 séances », no "(s)" plurals). `tests/app_words.rs` checks every
//! string here, and every screen the app draws, with `engine::words`.

use crate::draft::Problem;
use crate::engine::{words, Area, Downtime, Lang, Rules};

/// A no-break space (U+00A0): before a French colon, inside « », between a number and its unit.
const NBSP: char = '\u{a0}';

/// Declares [`Key`] and [`Key::ALL`] from one list, so that `ALL` cannot miss a variant.
macro_rules! keys {
    ($($key:ident),* $(,)?) => {
        /// Every fixed UI string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key {
            $($key),*
        }

        impl Key {
            /// Every key, in declaration order (the tests check every text).
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }
    };
}

keys! {
    AppTitle,
    Tagline,
    Privacy,
    GoalsTitle,
    GoalsLegend,
    GoalsNote,
    TermsSummary,
    EventDateLabel,
    AboutTitle,
    AgeLabel,
    AgeHint,
    AreasLegend,
    DowntimeLegend,
    DowntimeNoAnswer,
    DowntimeNotSure,
    HealthTitle,
    HealthWhy,
    HealthLegend,
    HealthStopsLegend,
    HealthRecentLegend,
    HealthRecentIntro,
    HealthCautionsLegend,
    HealthCautionsIntro,
    NoneApply,
    Next,
    Back,
    SeeResult,
    WhyTitle,
    PlanTitle,
    PlanNote,
    EventOnTimeline,
    SessionLength,
    Sessions,
    Downtime,
    Results,
    Maintenance,
    WarningsTitle,
    AftercareTitle,
    ConsultIntro,
    ContactTitle,
    ContactFallback,
    ActionsTitle,
    Book,
    NewTab,
    AddToCalendar,
    CopyLink,
    LinkCopied,
    CalendarDownloaded,
    LinkManualLabel,
    LinkNote,
    Print,
    StartOver,
    Remember,
    RememberHint,
    Forget,
    Forgotten,
    ClinicPractice,
    FromArticles,
    RulesRevision,
    CalendarFile,
    NoResult,
    CannotStart,
    NextFirstDate,
    NextBeforeEvent,
    ChoiceTitle,
    ChoiceIntro,
    ChoiceSavedTitle,
    ChoiceLinkTitle,
    ChoiceContinue,
    ChoiceOpenLink,
    ChoiceOpenLinkHint,
    ChoiceGoals,
    ChoiceEventDate,
    ChoiceAge,
    ChoiceAreas,
    ChoiceRedness,
    ChoiceNotAnswered,
    Crashed,
    CrashKept,
    CrashNotKept,
    Reload,
}

/// The fixed string for `key` in `lang`. The texts of [`Key::names_practitioner`] hold
/// `{practitioner}`: show them with [`with_practitioner`].
pub fn t(lang: Lang, key: Key) -> &'static str {
    let (en, fr) = match key {
        Key::AppTitle => ("Treatment finder", "Trouver mon traitement"),
        Key::Tagline => (
            "Microneedling, mesotherapy or both? Answer a few short questions for a suggestion to discuss at your consultation.",
            "Microaiguilletage (microneedling), mésothérapie ou les deux? Répondez à quelques courtes questions pour obtenir une suggestion à discuter lors de votre consultation.",
        ),
        Key::Privacy => (
            "Everything stays in your browser: nothing you answer is sent anywhere.",
            "Tout reste dans votre navigateur\u{a0}: aucune de vos réponses n’est transmise.",
        ),
        Key::GoalsTitle => ("What would you like to improve?", "Qu’aimeriez-vous améliorer?"),
        Key::GoalsLegend => ("Your goals (choose as many as you like)", "Vos objectifs (cochez-en autant que vous voulez)"),
        Key::GoalsNote => (
            "About 2 minutes. Your answers stay on this device.",
            "Environ 2\u{a0}minutes. Vos réponses restent sur cet appareil.",
        ),
        Key::TermsSummary => ("What are microneedling and mesotherapy?", "Que sont le microaiguilletage et la mésothérapie?"),
        Key::EventDateLabel => ("Date of your event", "Date de votre événement"),
        Key::AboutTitle => ("About you", "À propos de vous"),
        Key::AgeLabel => ("Your age", "Votre âge"),
        Key::AgeHint => ("In years. Some treatments have a minimum age.", "En années. Certains traitements ont un âge minimal."),
        Key::AreasLegend => ("Areas to treat", "Zones à traiter"),
        Key::DowntimeLegend => (
            "How much visible redness after a session is acceptable to you?",
            "Après une séance, quelle rougeur visible pouvez-vous accepter?",
        ),
        Key::DowntimeNoAnswer => (
            "If you do not know yet, choose “Not sure”.",
            "Si vous hésitez, choisissez «\u{a0}Je ne sais pas\u{a0}».",
        ),
        Key::DowntimeNotSure => ("Not sure", "Je ne sais pas"),
        Key::HealthTitle => ("A few health questions", "Quelques questions de santé"),
        Key::HealthWhy => (
            "Some health conditions mean {practitioner} should see you before any needle treatment, and some recent treatments mean waiting a little. Your answers stay on this device.",
            "Pour certains problèmes de santé, {practitioner} doit vous voir avant tout traitement par aiguilles; après certains traitements récents, il suffit d’attendre un peu. Vos réponses restent sur cet appareil.",
        ),
        Key::HealthLegend => ("Tick everything that applies to you", "Cochez tout ce qui vous concerne"),
        // The health step's three groups: the hard stops, the waiting periods, the soft warnings.
        Key::HealthStopsLegend => ("Your health and skin", "Votre santé et votre peau"),
        Key::HealthRecentLegend => ("In the last few weeks", "Au cours des dernières semaines"),
        Key::HealthRecentIntro => (
            "These rule nothing out: your first session is simply planned later.",
            "Cela n’exclut aucun traitement\u{a0}: votre première séance sera simplement prévue plus tard.",
        ),
        Key::HealthCautionsLegend => ("Worth mentioning at your consultation", "À mentionner lors de votre consultation"),
        Key::HealthCautionsIntro => (
            "These change nothing in the suggestion; your result will remind you of them.",
            "Cela ne change rien à la suggestion; votre résultat vous les rappellera.",
        ),
        Key::NoneApply => ("None of these apply to me", "Rien de cela ne me concerne"),
        Key::Next => ("Next", "Suivant"),
        Key::Back => ("Back", "Retour"),
        Key::SeeResult => ("See my suggestion", "Voir ma suggestion"),
        Key::WhyTitle => ("Why this suggestion", "Pourquoi cette suggestion"),
        Key::PlanTitle => ("Proposed plan", "Protocole proposé"),
        Key::PlanNote => (
            "Proposed dates, to confirm with {practitioner} at your consultation.",
            "Dates proposées, à confirmer avec {practitioner} lors de votre consultation.",
        ),
        Key::EventOnTimeline => ("Your event", "Votre événement"),
        Key::SessionLength => ("Session length", "Durée d’une séance"),
        Key::Sessions => ("Sessions", "Séances"),
        Key::Downtime => ("Downtime", "Temps de récupération"),
        Key::Results => ("When results may show", "Quand des résultats peuvent paraître"),
        Key::Maintenance => ("Maintenance", "Entretien"),
        Key::WarningsTitle => ("Good to know", "Bon à savoir"),
        Key::AftercareTitle => ("Aftercare", "Soins après la séance"),
        Key::ConsultIntro => (
            "This is not a no: your skin deserves a closer look first. These are the points to go over together at your consultation:",
            "Ce n’est pas un refus\u{a0}: votre peau mérite d’abord un examen plus attentif. Voici les points à revoir ensemble lors de votre consultation\u{a0}:",
        ),
        Key::ContactTitle => ("How to reach the clinic", "Pour joindre la clinique"),
        Key::ContactFallback => (
            "Contact the clinic to book a consultation.",
            "Communiquez avec la clinique pour prendre rendez-vous.",
        ),
        Key::ActionsTitle => ("What next", "Et ensuite"),
        Key::Book => ("Book a consultation", "Prendre rendez-vous"),
        // Under the suggestion, before the details: the visitor's next step (`next_step`).
        Key::NextFirstDate => ("First proposed date:", "Première date proposée\u{a0}:"),
        Key::NextBeforeEvent => ("Last session before your event:", "Dernière séance avant votre événement\u{a0}:"),
        Key::NewTab => ("(opens in a new tab)", "(s’ouvre dans un nouvel onglet)"),
        Key::AddToCalendar => ("Add to calendar", "Ajouter à mon agenda"),
        Key::CopyLink => ("Copy link", "Copier le lien"),
        Key::LinkCopied => ("Link copied.", "Lien copié."),
        Key::CalendarDownloaded => ("Calendar file downloaded.", "Fichier de calendrier téléchargé."),
        Key::LinkManualLabel => ("Link to reopen your answers", "Lien pour retrouver vos réponses"),
        Key::LinkNote => (
            "The link keeps your goals, event date, age, areas and redness preference, never your health answers: you answer the health questions again when you open it.",
            "Le lien garde vos objectifs, la date de l’événement, votre âge, les zones et la rougeur acceptée, mais jamais vos réponses de santé\u{a0}: vous y répondrez de nouveau en l’ouvrant.",
        ),
        Key::Print => ("Print or save as PDF", "Imprimer ou enregistrer en PDF"),
        Key::StartOver => ("Start over", "Recommencer"),
        Key::Remember => ("Remember my answers on this device", "Garder mes réponses sur cet appareil"),
        Key::RememberHint => (
            "Saved only in this browser. Your health answers are never saved.",
            "Enregistrées seulement dans ce navigateur. Vos réponses de santé ne sont jamais enregistrées.",
        ),
        Key::Forget => ("Forget my answers", "Effacer mes réponses"),
        Key::Forgotten => ("Your answers were erased from this device.", "Vos réponses ont été effacées de cet appareil."),
        // Where a fact comes from: the clinic's own practice, or its articles (English only,
        // hence the French note; their titles are in `source_title`).
        Key::ClinicPractice => ("The clinic’s practice", "Pratique de la clinique"),
        Key::FromArticles => ("From the clinic’s articles:", "Tiré des articles de la clinique (en anglais)\u{a0}:"),
        Key::RulesRevision => ("Rules version:", "Version des règles\u{a0}:"),
        Key::CalendarFile => ("treatment-plan.ics", "protocole-de-traitement.ics"),
        Key::NoResult => (
            "Some answers could not be read. Please go back and check them.",
            "Certaines réponses n’ont pas pu être lues. Revenez en arrière pour les vérifier.",
        ),
        // Shown by www/first.js (from the page's templates, src/app/first_screen.rs) when the
        // app itself cannot start: a browser without WebAssembly, or its files did not arrive.
        Key::CannotStart => (
            "The treatment finder could not start in this browser. Nothing you entered was sent anywhere. Reload the page, or open it in an up-to-date browser.",
            "L’outil Trouver mon traitement n’a pas pu démarrer dans ce navigateur. Rien de ce que vous avez saisi n’a été transmis. Rechargez la page ou ouvrez-la dans un navigateur à jour.",
        ),
        // Saved answers on this device and a link that holds others: the visitor chooses
        // (`components::ResumeChoice`); neither is used, nor anything stored, before then.
        Key::ChoiceTitle => ("You have answers saved on this device", "Vous avez des réponses enregistrées sur cet appareil"),
        Key::ChoiceIntro => (
            "The link you opened holds other answers. Which would you like to use? Nothing is replaced until you choose.",
            "Le lien que vous avez ouvert contient d’autres réponses. Lesquelles voulez-vous utiliser? Rien n’est remplacé avant votre choix.",
        ),
        Key::ChoiceSavedTitle => ("Your saved answers", "Vos réponses enregistrées"),
        Key::ChoiceLinkTitle => ("The link’s answers", "Les réponses du lien"),
        Key::ChoiceContinue => ("Continue with my saved answers", "Continuer avec mes réponses enregistrées"),
        Key::ChoiceOpenLink => ("Open the link’s answers", "Ouvrir les réponses du lien"),
        Key::ChoiceOpenLinkHint => (
            "They will replace your saved answers on this device.",
            "Elles remplaceront vos réponses enregistrées sur cet appareil.",
        ),
        Key::ChoiceGoals => ("Goals", "Objectifs"),
        Key::ChoiceEventDate => ("Event date", "Date de l’événement"),
        Key::ChoiceAge => ("Age", "Âge"),
        Key::ChoiceAreas => ("Areas", "Zones"),
        Key::ChoiceRedness => ("Acceptable redness", "Rougeur acceptée"),
        Key::ChoiceNotAnswered => ("Not answered yet", "Pas encore de réponse"),
        // Shown by src/web/crash.js when the running app stops (its WebAssembly trapped): it
        // no longer answers, so this is all it can say. `CrashKept` only when saved progress
        // is on this device ("Remember" was ticked), which never holds the health answers.
        Key::Crashed => (
            "Something went wrong and the treatment finder stopped working.",
            "Un problème est survenu et l’outil Trouver mon traitement a cessé de fonctionner.",
        ),
        Key::CrashKept => (
            "Your answers, except the health ones, are saved on this device: reload the page to get them back.",
            "Vos réponses, sauf celles sur la santé, sont gardées sur cet appareil\u{a0}: rechargez la page pour les retrouver.",
        ),
        Key::CrashNotKept => (
            "Nothing you entered was sent anywhere. Reload the page to start again.",
            "Rien de ce que vous avez saisi n’a été transmis. Rechargez la page pour recommencer.",
        ),
        Key::Reload => ("Reload", "Recharger"),
    };
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

impl Key {
    /// Whether the text names who treats at the clinic (`{practitioner}`), so that it must be
    /// shown with [`with_practitioner`].
    pub fn names_practitioner(self) -> bool {
        matches!(self, Key::HealthWhy | Key::PlanNote)
    }
}

/// The text of `key` with `{practitioner}` filled with who treats at the clinic
/// (`settings.practitioner` in the rules: "a nurse or physician of the clinic"), or, when a
/// clinic's rules leave it empty, its care team. The texts put it where no other word depends
/// on it: in French no « il » or adjective agrees with it, and no « que » has to elide before
/// « une infirmière… ».
pub fn with_practitioner(lang: Lang, key: Key, rules: &Rules) -> String {
    let who = match rules.settings.practitioner.get(lang).trim() {
        "" if lang == Lang::En => "the clinic’s care team",
        "" => "l’équipe soignante de la clinique",
        who => who,
    };
    t(lang, key).replace("{practitioner}", who)
}

/// The language switch's label: the other language, in that language.
pub fn other_language(lang: Lang) -> (Lang, &'static str) {
    match lang {
        Lang::En => (Lang::Fr, "Français"),
        Lang::Fr => (Lang::En, "English"),
    }
}

/// What goes between a term and its value: ": ", or in French a no-break space before the
/// colon.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Fr => "\u{a0}: ",
    }
}

pub fn step_of(lang: Lang, n: usize, of: usize) -> String {
    match lang {
        Lang::En => format!("Step {n} of {of}"),
        Lang::Fr => format!("Étape {n} sur {of}"),
    }
}

pub fn problem(lang: Lang, p: Problem) -> &'static str {
    let (en, fr) = match p {
        Problem::NoGoal => ("Choose at least one goal.", "Choisissez au moins un objectif."),
        Problem::EventDateMissing => ("Enter the date of your event.", "Indiquez la date de votre événement."),
        Problem::EventDateInvalid => (
            "Enter a real date, for example 2027-02-14.",
            "Indiquez une date valide, par exemple 2027-02-14.",
        ),
        Problem::EventDatePast => (
            "The event date is in the past: choose today or a later date.",
            "Cette date est déjà passée\u{a0}: choisissez aujourd’hui ou une date ultérieure.",
        ),
        Problem::AgeMissing => ("Enter your age.", "Indiquez votre âge."),
        Problem::AgeNotWhole => (
            "Enter your age as a whole number of years, for example 36.",
            "Indiquez votre âge en années complètes, par exemple 36.",
        ),
        Problem::AgeOutOfRange => ("Enter an age between 0 and 120.", "Indiquez un âge entre 0 et 120."),
        Problem::NoArea => ("Choose at least one area.", "Choisissez au moins une zone."),
        Problem::HealthUnanswered => (
            "Tick the items that apply to you, or “None of these apply to me”.",
            "Cochez ce qui vous concerne, ou «\u{a0}Rien de cela ne me concerne\u{a0}».",
        ),
    };
    if lang == Lang::En { en } else { fr }
}

pub fn area(lang: Lang, a: Area) -> &'static str {
    let (en, fr) = match a {
        Area::Face => ("Face", "Visage"),
        Area::Neck => ("Neck", "Cou"),
        Area::Decolletage => ("Décolletage", "Décolleté"),
        Area::Body => ("Body", "Corps"),
    };
    if lang == Lang::En { en } else { fr }
}

pub fn downtime(lang: Lang, d: Downtime) -> &'static str {
    let (en, fr) = match d {
        Downtime::None => ("None", "Aucune"),
        Downtime::OneOrTwoDays => ("One or two days", "Un ou deux jours"),
        Downtime::AWeek => ("Up to a week", "Jusqu’à une semaine"),
    };
    if lang == Lang::En { en } else { fr }
}

pub fn event_hint(lang: Lang, buffer_days: i64) -> String {
    let days = words::days(buffer_days, lang);
    match lang {
        Lang::En => format!("Sessions are planned to end at least {days} before it, to give your skin time to settle."),
        Lang::Fr => format!("Les séances sont prévues pour se terminer au moins {days} avant, pour laisser à votre peau le temps de se remettre."),
    }
}

/// A unit a plan counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Session,
    Minute,
    Day,
    Week,
}

impl Unit {
    /// Every unit (the tests write each one with many counts).
    pub const ALL: [Unit; 4] = [Unit::Session, Unit::Minute, Unit::Day, Unit::Week];

    /// The unit's word, singular or plural.
    fn word(self, lang: Lang, plural: bool) -> &'static str {
        let (en, fr) = match self {
            Unit::Session => (("session", "sessions"), ("séance", "séances")),
            Unit::Minute => (("minute", "minutes"), ("minute", "minutes")),
            Unit::Day => (("day", "days"), ("jour", "jours")),
            Unit::Week => (("week", "weeks"), ("semaine", "semaines")),
        };
        let (one, many) = if lang == Lang::En { en } else { fr };
        if plural { many } else { one }
    }
}

/// A number and its unit, singular or plural as the number asks ("1 session", "14 days";
/// in French with a no-break space, and the singular for 0 and 1: « 1 séance »).
pub fn count(lang: Lang, n: i64, unit: Unit) -> String {
    match lang {
        Lang::En => format!("{n} {}", unit.word(lang, n != 1)),
        Lang::Fr => format!("{n}{NBSP}{}", unit.word(lang, n > 1)),
    }
}

/// A range with its unit: one number when both ends agree ("45 minutes"), two consecutive
/// numbers joined by "or" ("3 or 4 sessions", « 3 ou 4 séances »), others by a dash or « à »
/// ("30–45 minutes", « 30 à 45 minutes »).
pub fn range(lang: Lang, min: i64, max: i64, unit: Unit) -> String {
    if min == max {
        return count(lang, min, unit);
    }
    let plural = unit.word(lang, max > 1);
    match (lang, max == min + 1) {
        (Lang::En, true) => format!("{min} or {max} {plural}"),
        (Lang::En, false) => format!("{min}–{max} {plural}"),
        (Lang::Fr, true) => format!("{min} ou {max}{NBSP}{plural}"),
        (Lang::Fr, false) => format!("{min} à {max}{NBSP}{plural}"),
    }
}

/// A plan card's count and spacing: "3 or 4 sessions, 2 weeks apart", « 3 à 6 séances,
/// espacées de 2 à 4 semaines » (weeks when both ends are whole weeks), "1 session".
pub fn sessions(lang: Lang, sessions: (i64, i64), interval: (i64, i64)) -> String {
    let count = range(lang, sessions.0, sessions.1, Unit::Session);
    if sessions.1 <= 1 {
        return count;
    }
    let weeks = interval.0 > 0 && interval.0 % 7 == 0 && interval.1 % 7 == 0;
    let apart = if weeks {
        range(lang, interval.0 / 7, interval.1 / 7, Unit::Week)
    } else {
        range(lang, interval.0, interval.1, Unit::Day)
    };
    match lang {
        Lang::En => format!("{count}, {apart} apart"),
        Lang::Fr => format!("{count}, espacées de {apart}"),
    }
}

pub fn session_label(lang: Lang, treatment: &str, n: usize, of: usize) -> String {
    match lang {
        Lang::En => format!("{treatment}: session {n} of {of}"),
        Lang::Fr => format!("{treatment}{NBSP}: séance {n} sur {of}"),
    }
}

/// A calendar entry's title: the session and that its date is only proposed.
pub fn calendar_title(lang: Lang, session: &str) -> String {
    match lang {
        Lang::En => format!("{session} (proposed date)"),
        Lang::Fr => format!("{session} (date proposée)"),
    }
}

/// Every calendar entry's description. The clinic's name goes in parentheses, where no
/// article has to agree with it (« avec la Clinique… » or « avec Clinique… »).
pub fn calendar_description(lang: Lang, clinic: &str) -> String {
    let text = match lang {
        Lang::En => "A date proposed by the treatment finder, to confirm with the clinic at your consultation.",
        Lang::Fr => "Date proposée par l’outil Trouver mon traitement, à confirmer avec la clinique lors de votre consultation.",
    };
    match clinic.trim() {
        "" => text.to_string(),
        clinic => format!("{} ({clinic}).", text.trim_end_matches('.')),
    }
}

/// The title of a source article, by its seed file's name: the article's own title in
/// English, and a faithful translation in French (the articles themselves are in English,
/// which [`Key::FromArticles`] says). The file name stays in the `title` attribute.
/// A clinic's own article the app has no title for, on screen: by its number in the result's
/// list of articles (the same word in both languages), never by its file name.
pub fn article_number(n: Option<usize>) -> String {
    match n {
        Some(n) => format!("Article{NBSP}{n}"),
        None => "Article".to_string(),
    }
}

pub fn source_title(lang: Lang, file: &str) -> Option<&'static str> {
    let (en, fr) = match file {
        "000_32744ad06e311a98.txt" => (
            "How To Choose The Right Mesotherapy Treatment For Your Skin",
            "Comment choisir le bon traitement de mésothérapie pour votre peau",
        ),
        "001_8463ed7e798e68ea.txt" => (
            "How Mesotherapy Facial Works: The Science Behind the Treatment",
            "Comment fonctionne la mésothérapie du visage\u{a0}: la science derrière le traitement",
        ),
        "002_d169e0762e0d8404.txt" => ("What Is Mesotherapy?", "Qu’est-ce que la mésothérapie?"),
        // The file has no title line: its opening names its subject, the difference between
        // the two treatments.
        "003_8f7a4763e8386d43.txt" => (
            "What Is the Difference Between Microneedling and Mesotherapy?",
            "Quelle est la différence entre le microaiguilletage et la mésothérapie?",
        ),
        "004_c8f6733e9a2bb73d.txt" => (
            "5 Benefits of Mesotherapy for Skin Rejuvenation",
            "5 bienfaits de la mésothérapie pour rajeunir la peau",
        ),
        _ => return None,
    };
    Some(if lang == Lang::En { en } else { fr })
}

/// A title as quoted in running text: “…” in English, «\u{a0}…\u{a0}» in French.
pub fn quoted(lang: Lang, title: &str) -> String {
    match lang {
        Lang::En => format!("“{title}”"),
        Lang::Fr => format!("«{NBSP}{title}{NBSP}»"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts and ranges as a reader writes them, singular or plural by the number.
    #[test]
    fn counts_and_ranges_agree_with_their_numbers() {
        for ((min, max), interval, en, fr) in [
            ((1, 1), (14, 14), "1 session", "1 séance"),
            ((2, 2), (7, 7), "2 sessions, 1 week apart", "2 séances, espacées de 1 semaine"),
            ((3, 4), (14, 14), "3 or 4 sessions, 2 weeks apart", "3 ou 4 séances, espacées de 2 semaines"),
            ((3, 6), (14, 28), "3–6 sessions, 2–4 weeks apart", "3 à 6 séances, espacées de 2 à 4 semaines"),
            ((4, 6), (21, 28), "4–6 sessions, 3 or 4 weeks apart", "4 à 6 séances, espacées de 3 ou 4 semaines"),
            ((6, 6), (3, 4), "6 sessions, 3 or 4 days apart", "6 séances, espacées de 3 ou 4 jours"),
            ((3, 3), (1, 1), "3 sessions, 1 day apart", "3 séances, espacées de 1 jour"),
            ((3, 3), (10, 12), "3 sessions, 10–12 days apart", "3 séances, espacées de 10 à 12 jours"),
        ] {
            assert_eq!(sessions(Lang::En, (min, max), interval), en);
            // A no-break space between each number and its unit in French.
            let want_fr = fr.replace(" séance", "\u{a0}séance").replace(" semaine", "\u{a0}semaine").replace(" jour", "\u{a0}jour");
            assert_eq!(sessions(Lang::Fr, (min, max), interval), want_fr);
        }
        assert_eq!(range(Lang::En, 30, 45, Unit::Minute), "30–45 minutes");
        assert_eq!(range(Lang::Fr, 44, 45, Unit::Minute), "44 ou 45\u{a0}minutes");
        assert_eq!(range(Lang::En, 1, 1, Unit::Minute), "1 minute");
    }

    #[test]
    fn the_clinic_name_goes_in_parentheses_in_the_calendar() {
        assert_eq!(
            calendar_description(Lang::En, "Clinique Éclat"),
            "A date proposed by the treatment finder, to confirm with the clinic at your consultation (Clinique Éclat)."
        );
        assert!(calendar_description(Lang::Fr, " ").ends_with("lors de votre consultation."));
    }
}
