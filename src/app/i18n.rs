//! The app's own words in English and French. Texts about skin, treatments and health
//! come from the rules file instead, so the clinic can change them without a programmer.

use crate::draft::Problem;
use crate::engine::{Area, Downtime, Lang};

/// Every fixed UI string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    AppTitle,
    Tagline,
    Privacy,
    GoalsTitle,
    GoalsLegend,
    GoalsIntro,
    EventDateLabel,
    AboutTitle,
    AgeLabel,
    AgeHint,
    AreasLegend,
    DowntimeLegend,
    DowntimeNoAnswer,
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
    LinkManualLabel,
    LinkNote,
    Print,
    StartOver,
    Remember,
    RememberHint,
    Forget,
    Forgotten,
    ClinicPractice,
    Source,
    Sources,
    RulesRevision,
    CalendarFile,
    NoResult,
    CannotStart,
}

/// The fixed string for `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    let (en, fr) = match key {
        Key::AppTitle => ("Treatment finder", "Trouver mon traitement"),
        Key::Tagline => (
            "Microneedling, mesotherapy, or both? Answer a few short questions to see what may suit your skin.",
            "Microneedling, mésothérapie ou les deux? Répondez à quelques courtes questions pour voir ce qui pourrait convenir à votre peau.",
        ),
        Key::Privacy => (
            "Everything stays in your browser: nothing you answer is sent anywhere.",
            "Tout reste dans votre navigateur : aucune réponse n’est envoyée nulle part.",
        ),
        Key::GoalsTitle => ("What would you like to improve?", "Que souhaitez-vous améliorer?"),
        Key::GoalsLegend => ("Your goals (choose as many as you like)", "Vos objectifs (choisissez-en autant que vous voulez)"),
        Key::GoalsIntro => ("The two treatments, in one line each:", "Les deux traitements, en une ligne chacun :"),
        Key::EventDateLabel => ("Date of your event", "Date de votre événement"),
        Key::AboutTitle => ("About you", "À propos de vous"),
        Key::AgeLabel => ("Your age", "Votre âge"),
        Key::AgeHint => ("In years. Some treatments have a minimum age.", "En années. Certains traitements ont un âge minimum."),
        Key::AreasLegend => ("Areas to treat", "Zones à traiter"),
        Key::DowntimeLegend => (
            "How much visible redness after a session is acceptable to you?",
            "Quelle rougeur visible après une séance est acceptable pour vous?",
        ),
        Key::DowntimeNoAnswer => ("You can leave this blank if you are not sure.", "Vous pouvez laisser vide si vous hésitez."),
        Key::HealthTitle => ("A short health check", "Une courte vérification de santé"),
        Key::HealthWhy => (
            "Some health conditions mean a practitioner should see you before any needle treatment, and a few recent treatments mean waiting a little. Your answers stay on this device.",
            "Certains problèmes de santé demandent qu’un praticien vous voie avant tout traitement avec aiguilles, et certains traitements récents demandent d’attendre un peu. Vos réponses restent sur cet appareil.",
        ),
        Key::HealthLegend => ("Tick everything that applies to you", "Cochez tout ce qui s’applique à vous"),
        // The health step's three groups: the hard stops, the waiting periods, the soft warnings.
        Key::HealthStopsLegend => ("Your health and skin", "Votre santé et votre peau"),
        Key::HealthRecentLegend => ("In the last few weeks", "Au cours des dernières semaines"),
        Key::HealthRecentIntro => (
            "These rule nothing out: your first session is simply planned later.",
            "Cela n’exclut aucun traitement\u{a0}: votre première séance est simplement prévue plus tard.",
        ),
        Key::HealthCautionsLegend => ("Good for the practitioner to know", "Bon à savoir pour le praticien"),
        Key::HealthCautionsIntro => (
            "These change nothing in the suggestion; your result reminds you to mention them at your consultation.",
            "Cela ne change rien à la suggestion; votre résultat vous rappelle d’en parler lors de votre consultation.",
        ),
        Key::NoneApply => ("None of these apply to me", "Rien de cela ne s’applique à moi"),
        Key::Next => ("Next", "Suivant"),
        Key::Back => ("Back", "Retour"),
        Key::SeeResult => ("See my recommendation", "Voir ma recommandation"),
        Key::WhyTitle => ("Why", "Pourquoi"),
        Key::PlanTitle => ("Your proposed plan", "Votre plan proposé"),
        Key::PlanNote => (
            "Proposed dates, to confirm with a practitioner at your consultation.",
            "Dates proposées, à confirmer avec un praticien lors de votre consultation.",
        ),
        Key::EventOnTimeline => ("Your event", "Votre événement"),
        Key::SessionLength => ("Session length", "Durée d’une séance"),
        Key::Sessions => ("Sessions", "Séances"),
        Key::Downtime => ("Downtime", "Temps de récupération"),
        Key::Results => ("When results show", "Quand voir les résultats"),
        Key::Maintenance => ("Maintenance", "Entretien"),
        Key::WarningsTitle => ("Good to know", "Bon à savoir"),
        Key::AftercareTitle => ("Aftercare", "Soins après la séance"),
        Key::ConsultIntro => (
            "This is not a no: it means your skin deserves a closer look first. A practitioner will go over these points with you and tell you what is safe and right for you:",
            "Ce n’est pas un refus : votre peau mérite simplement un examen plus attentif d’abord. Un praticien verra ces points avec vous et vous dira ce qui est sûr et adapté pour vous :",
        ),
        Key::ContactTitle => ("How to reach the clinic", "Pour joindre la clinique"),
        Key::ContactFallback => (
            "Contact the clinic to book a consultation with a practitioner.",
            "Communiquez avec la clinique pour prendre rendez-vous avec un praticien.",
        ),
        Key::ActionsTitle => ("What next", "Et ensuite"),
        Key::Book => ("Book a consultation", "Réserver une consultation"),
        Key::NewTab => ("(opens in a new tab)", "(s’ouvre dans un nouvel onglet)"),
        Key::AddToCalendar => ("Add to calendar", "Ajouter au calendrier"),
        Key::CopyLink => ("Copy link", "Copier le lien"),
        Key::LinkCopied => ("Link copied.", "Lien copié."),
        Key::LinkManualLabel => ("Link to reopen your answers", "Lien pour retrouver vos réponses"),
        Key::LinkNote => (
            "The link keeps your goals, event date, age, areas and redness preference, never your health answers: you answer the health check again when you open it.",
            "Le lien garde vos objectifs, la date de l’événement, votre âge, les zones et la rougeur acceptée, jamais vos réponses de santé : vous refaites la vérification de santé en l’ouvrant.",
        ),
        Key::Print => ("Print or save as PDF", "Imprimer ou enregistrer en PDF"),
        Key::StartOver => ("Start over", "Recommencer"),
        Key::Remember => ("Remember my answers on this device", "Mémoriser mes réponses sur cet appareil"),
        Key::RememberHint => (
            "Saved only in this browser. Your health answers are never saved.",
            "Enregistrées seulement dans ce navigateur. Vos réponses de santé ne sont jamais enregistrées.",
        ),
        Key::Forget => ("Forget my answers", "Oublier mes réponses"),
        Key::Forgotten => ("Your answers were forgotten on this device.", "Vos réponses ont été effacées de cet appareil."),
        Key::ClinicPractice => ("clinic practice", "pratique de la clinique"),
        Key::Source => ("Source:", "Source :"),
        Key::Sources => ("Sources:", "Sources :"),
        Key::RulesRevision => ("Rules revision:", "Version des règles :"),
        Key::CalendarFile => ("treatment-plan.ics", "plan-de-traitement.ics"),
        Key::NoResult => (
            "Some answers could not be read. Please go back and check them.",
            "Certaines réponses n’ont pas pu être lues. Revenez en arrière pour les vérifier.",
        ),
        // Shown by www/first.js (from the page's templates, src/app/first_screen.rs) when the
        // app itself cannot start: a browser without WebAssembly, or its files did not arrive.
        Key::CannotStart => (
            "The treatment finder could not start in this browser. Nothing you entered has been sent anywhere. Please reload the page, or open it in an up-to-date browser.",
            "L’outil n’a pas pu démarrer dans ce navigateur. Rien de ce que vous avez saisi n’a été envoyé. Rechargez la page, ou ouvrez-la dans un navigateur à jour.",
        ),
    };
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// The language switch's label: the other language, in that language.
pub fn other_language(lang: Lang) -> (Lang, &'static str) {
    match lang {
        Lang::En => (Lang::Fr, "Français"),
        Lang::Fr => (Lang::En, "English"),
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
            "Indiquez une date réelle, par exemple 2027-02-14.",
        ),
        Problem::EventDatePast => (
            "The event date is in the past: choose today or a later date.",
            "La date de l’événement est passée : choisissez aujourd’hui ou une date future.",
        ),
        Problem::AgeMissing => ("Enter your age.", "Indiquez votre âge."),
        Problem::AgeNotWhole => (
            "Enter your age as a whole number of years, for example 36.",
            "Indiquez votre âge en années entières, par exemple 36.",
        ),
        Problem::AgeOutOfRange => ("Enter an age between 0 and 120.", "Indiquez un âge entre 0 et 120."),
        Problem::NoArea => ("Choose at least one area.", "Choisissez au moins une zone."),
        Problem::HealthUnanswered => (
            "Tick the items that apply to you, or “None of these apply to me”.",
            "Cochez ce qui s’applique à vous, ou « Rien de cela ne s’applique à moi ».",
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
    match lang {
        Lang::En => format!("Sessions are planned to end at least {buffer_days} days before it, so your skin has settled."),
        Lang::Fr => format!("Les séances sont prévues pour se terminer au moins {buffer_days} jours avant, pour que la peau soit reposée."),
    }
}

/// "45–60 minutes" / "45 à 60 minutes" (or one number when both ends agree).
pub fn range(lang: Lang, min: i64, max: i64, unit_en: &str, unit_fr: &str) -> String {
    match (lang, min == max) {
        (Lang::En, true) => format!("{min} {unit_en}"),
        (Lang::Fr, true) => format!("{min} {unit_fr}"),
        (Lang::En, false) => format!("{min}–{max} {unit_en}"),
        (Lang::Fr, false) => format!("{min} à {max} {unit_fr}"),
    }
}

pub fn sessions(lang: Lang, sessions: (i64, i64), interval: (i64, i64)) -> String {
    let count = match lang {
        Lang::En if sessions.0 == sessions.1 => format!("{}", sessions.0),
        Lang::En => format!("{}–{}", sessions.0, sessions.1),
        Lang::Fr if sessions.0 == sessions.1 => format!("{}", sessions.0),
        Lang::Fr => format!("{} à {}", sessions.0, sessions.1),
    };
    let every = range(lang, interval.0, interval.1, "days", "jours");
    match lang {
        Lang::En => format!("{count}, every {every}"),
        Lang::Fr => format!("{count}, tous les {every}"),
    }
}

pub fn session_label(lang: Lang, treatment: &str, n: usize, of: usize) -> String {
    match lang {
        Lang::En => format!("{treatment}: session {n} of {of}"),
        Lang::Fr => format!("{treatment} : séance {n} sur {of}"),
    }
}

pub fn calendar_title(lang: Lang, session: &str) -> String {
    match lang {
        Lang::En => format!("{session} (proposed)"),
        Lang::Fr => format!("{session} (proposée)"),
    }
}

pub fn calendar_description(lang: Lang, clinic: &str) -> String {
    match (lang, clinic.is_empty()) {
        (Lang::En, true) => "A proposed date from the treatment finder. Confirm it with the clinic.".into(),
        (Lang::Fr, true) => "Une date proposée par le guide des traitements. Confirmez-la avec la clinique.".into(),
        (Lang::En, false) => format!("A proposed date from the treatment finder. Confirm it with {clinic}."),
        (Lang::Fr, false) => format!("Une date proposée par le guide des traitements. Confirmez-la avec {clinic}."),
    }
}

/// A short title for a source article, keyed by the seed file's number. The file name
/// stays available in the `title` attribute.
pub fn source_title(lang: Lang, file: &str) -> Option<&'static str> {
    let (en, fr) = match file.get(..4)? {
        "000_" => ("How to choose the right treatment for your skin", "Choisir le bon traitement pour sa peau"),
        "001_" => ("How a mesotherapy facial works", "Comment fonctionne la mésothérapie du visage"),
        "002_" => ("What is mesotherapy?", "Qu’est-ce que la mésothérapie?"),
        "003_" => ("Microneedling or mesotherapy: the difference", "Microneedling ou mésothérapie : la différence"),
        "004_" => ("5 benefits of mesotherapy for skin rejuvenation", "5 bienfaits de la mésothérapie pour la peau"),
        _ => return None,
    };
    Some(if lang == Lang::En { en } else { fr })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The health step's words in Montréal French: a no-break space before a colon and
    /// inside « », none before ; ? ! (Québec usage), the curly apostrophe, and « vous ».
    /// (The other keys' typography is left to the wording issue that follows issue 12.)
    #[test]
    fn the_health_steps_french_follows_quebec_typography() {
        let keys = [
            Key::HealthTitle,
            Key::HealthWhy,
            Key::HealthLegend,
            Key::HealthStopsLegend,
            Key::HealthRecentLegend,
            Key::HealthRecentIntro,
            Key::HealthCautionsLegend,
            Key::HealthCautionsIntro,
            Key::NoneApply,
        ];
        for key in keys {
            let fr = t(Lang::Fr, key);
            assert_ne!(fr, t(Lang::En, key), "{key:?} is translated");
            assert!(!fr.contains(" :") && !fr.contains("« ") && !fr.contains(" »"), "{key:?}: a plain space in {fr:?}");
            for mark in [";", "?", "!"] {
                assert!(!fr.contains(&format!("\u{a0}{mark}")) && !fr.contains(&format!(" {mark}")), "{key:?}: a space before {mark} in {fr:?}");
            }
            assert!(!fr.contains('\''), "{key:?}: a straight apostrophe in {fr:?}");
            assert!(!fr.split(|c: char| !c.is_alphabetic()).any(|w| w == "tu" || w == "ton" || w == "ta" || w == "tes"), "{key:?}: « tu » in {fr:?}");
        }
    }
}
