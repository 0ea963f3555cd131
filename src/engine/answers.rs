//! What a visitor answered: the engine's input contract (JSON, snake_case).

use serde::{Deserialize, Deserializer, Serialize};

use super::date::Date;
use super::error::EngineError;

/// A skin goal the visitor can pick. The order here is the order the app shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    Hydration,
    Texture,
    Scars,
    FineLines,
    Pigmentation,
    Dullness,
    Pores,
    StretchMarks,
    Event,
}

impl Goal {
    pub const ALL: [Goal; 9] = [
        Goal::Hydration,
        Goal::Texture,
        Goal::Scars,
        Goal::FineLines,
        Goal::Pigmentation,
        Goal::Dullness,
        Goal::Pores,
        Goal::StretchMarks,
        Goal::Event,
    ];

    /// The snake_case id used in JSON and in rule ids.
    pub fn id(self) -> &'static str {
        match self {
            Goal::Hydration => "hydration",
            Goal::Texture => "texture",
            Goal::Scars => "scars",
            Goal::FineLines => "fine_lines",
            Goal::Pigmentation => "pigmentation",
            Goal::Dullness => "dullness",
            Goal::Pores => "pores",
            Goal::StretchMarks => "stretch_marks",
            Goal::Event => "event",
        }
    }
}

/// A health-screen item: a hard stop. Any one of them means a practitioner must see the
/// visitor first, whatever the rules file says (safety is code, not data).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Screening {
    PregnantOrBreastfeeding,
    ActiveSkinInfection,
    /// An eczema, psoriasis, rosacea or vitiligo flare, an open wound, or a changing mole in
    /// the area.
    SkinConditionFlare,
    #[serde(rename = "isotretinoin_6_months")]
    Isotretinoin6Months,
    BloodThinners,
    KeloidScarring,
    /// Allergy to an ingredient, a local anaesthetic, metals or latex.
    IngredientAllergy,
    AutoimmuneOrImmunosuppressed,
    /// Chemotherapy or radiotherapy, uncontrolled diabetes, or wounds that heal slowly.
    CancerTreatmentOrPoorHealing,
}

impl Screening {
    pub const ALL: [Screening; 9] = [
        Screening::PregnantOrBreastfeeding,
        Screening::ActiveSkinInfection,
        Screening::SkinConditionFlare,
        Screening::Isotretinoin6Months,
        Screening::BloodThinners,
        Screening::KeloidScarring,
        Screening::IngredientAllergy,
        Screening::AutoimmuneOrImmunosuppressed,
        Screening::CancerTreatmentOrPoorHealing,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Screening::PregnantOrBreastfeeding => "pregnant_or_breastfeeding",
            Screening::ActiveSkinInfection => "active_skin_infection",
            Screening::SkinConditionFlare => "skin_condition_flare",
            Screening::Isotretinoin6Months => "isotretinoin_6_months",
            Screening::BloodThinners => "blood_thinners",
            Screening::KeloidScarring => "keloid_scarring",
            Screening::IngredientAllergy => "ingredient_allergy",
            Screening::AutoimmuneOrImmunosuppressed => "autoimmune_or_immunosuppressed",
            Screening::CancerTreatmentOrPoorHealing => "cancer_treatment_or_poor_healing",
        }
    }
}

/// Something done to the skin recently: not a reason to refuse, but a waiting period that
/// moves the first session later (the rules file sets the days).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Recent {
    /// Botulinum toxin or fillers in the area in the last 2 weeks.
    #[serde(rename = "injectables_2_weeks")]
    Injectables2Weeks,
    /// Retinoids, AHA/BHA acids or a peel in the last week.
    #[serde(rename = "peel_or_retinoid_1_week")]
    PeelOrRetinoid1Week,
    /// A sunburn, a tan or self-tanner in the area.
    #[serde(rename = "sunburn_or_tan")]
    SunburnOrTan,
}

impl Recent {
    pub const ALL: [Recent; 3] = [Recent::Injectables2Weeks, Recent::PeelOrRetinoid1Week, Recent::SunburnOrTan];

    pub fn id(self) -> &'static str {
        match self {
            Recent::Injectables2Weeks => "injectables_2_weeks",
            Recent::PeelOrRetinoid1Week => "peel_or_retinoid_1_week",
            Recent::SunburnOrTan => "sunburn_or_tan",
        }
    }

    /// The waiting period when a rules file has no rule for this item (the default rules
    /// give the same numbers, with their sources).
    pub fn default_days(self) -> i64 {
        match self {
            Recent::Injectables2Weeks => 14,
            Recent::PeelOrRetinoid1Week => 7,
            Recent::SunburnOrTan => 14,
        }
    }

    /// The item with this id.
    pub fn from_id(id: &str) -> Option<Recent> {
        Recent::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// Something the practitioner should know that changes neither the treatment nor the dates:
/// it becomes a warning the visitor reads (a soft warning).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Caution {
    /// Cold sores around the mouth (an antiviral may be needed before treating near the lips).
    ColdSores,
    /// Aspirin, ibuprofen, fish oil or vitamin E (more bruising).
    OtcBloodThinners,
    /// Dark marks that stay after a pimple, a scratch or irritation.
    DarkMarksAfterInflammation,
}

impl Caution {
    pub const ALL: [Caution; 3] = [Caution::ColdSores, Caution::OtcBloodThinners, Caution::DarkMarksAfterInflammation];

    pub fn id(self) -> &'static str {
        match self {
            Caution::ColdSores => "cold_sores",
            Caution::OtcBloodThinners => "otc_blood_thinners",
            Caution::DarkMarksAfterInflammation => "dark_marks_after_inflammation",
        }
    }

    /// The item with this id.
    pub fn from_id(id: &str) -> Option<Caution> {
        Caution::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// A body area to treat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Face,
    Neck,
    Decolletage,
    Body,
}

impl Area {
    pub const ALL: [Area; 4] = [Area::Face, Area::Neck, Area::Decolletage, Area::Body];

    pub fn id(self) -> &'static str {
        match self {
            Area::Face => "face",
            Area::Neck => "neck",
            Area::Decolletage => "decolletage",
            Area::Body => "body",
        }
    }
}

/// How much visible redness after a session the visitor accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Downtime {
    None,
    OneOrTwoDays,
    AWeek,
}

impl Downtime {
    pub const ALL: [Downtime; 3] = [Downtime::None, Downtime::OneOrTwoDays, Downtime::AWeek];

    /// Days of visible redness accepted.
    pub fn days(self) -> u32 {
        match self {
            Downtime::None => 0,
            Downtime::OneOrTwoDays => 2,
            Downtime::AWeek => 7,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Downtime::None => "none",
            Downtime::OneOrTwoDays => "one_or_two_days",
            Downtime::AWeek => "a_week",
        }
    }
}

/// The visitor's answers. Unknown fields are refused: a typo must not silently drop an
/// answer (for example a misspelt `screening` would otherwise read as "none apply").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    pub goals: Vec<Goal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date: Option<Date>,
    /// The caller's date, so results are reproducible. Without it there are no dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<Date>,
    pub age: i64,
    #[serde(default = "default_areas")]
    pub areas: Vec<Area>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downtime: Option<Downtime>,
    pub screening: Vec<Screening>,
    /// Waiting periods (optional; default none). Each moves the first session later.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recent: Vec<Recent>,
    /// Soft warnings for the practitioner (optional; default none). They change nothing
    /// but add a warning.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cautions: Vec<Caution>,
}

fn default_areas() -> Vec<Area> {
    vec![Area::Face]
}

pub const MAX_AGE: i64 = 120;

/// The last year `today` and `event_date` may be in: a plan runs years past them at most,
/// and its dates must stay four-digit ISO dates (`YYYY-MM-DD`).
pub const LAST_YEAR: i64 = 9000;

impl Answers {
    /// Parses and validates answers from JSON text.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Answers, EngineError> {
        Answers::check_text(text)?;
        // serde also reads a struct from a JSON array of its fields in order; answers are
        // always an object, so anything else is refused before it can be misread.
        if !text.trim_start().starts_with('{') {
            return Err(EngineError::invalid_answers("answers", "must be a JSON object"));
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let answers = Answers::from_deserializer(&mut de)?;
        de.end().map_err(|e| EngineError::invalid_answers("answers", e.to_string()))?;
        Ok(answers)
    }

    /// Whether `text` is a valid answers JSON before it is parsed: at most
    /// [`MAX_ANSWERS_BYTES`](super::MAX_ANSWERS_BYTES), one JSON value, no key twice, whole
    /// numbers only (`"age": 30`, not `30.0`; see `json_text`). The host and the browser both
    /// call it; the error names the field (`age`, `goals[1]`) or `answers`.
    pub fn check_text(text: &str) -> Result<(), EngineError> {
        super::json_text::check(text, "the answers JSON", super::json_text::MAX_ANSWERS_BYTES)
            .map_err(|e| EngineError::invalid_answers(e.path, e.message))
    }

    /// [`Answers::from_json`] for any serde deserializer, with serde_path_to_error naming
    /// the field of an error. The caller refuses anything but an object first, as
    /// `from_json` does. (The browser's `web::json` keeps the path itself and calls
    /// [`Answers::validate`].)
    pub fn from_deserializer<'de, D: Deserializer<'de>>(de: D) -> Result<Answers, EngineError> {
        let answers: Answers = serde_path_to_error::deserialize(de).map_err(|e| {
            let field = e.path().to_string();
            EngineError::invalid_answers(field, e.into_inner().to_string())
        })?;
        answers.validate()?;
        Ok(answers)
    }

    /// Checks what the types alone cannot: the age range and the event date.
    pub fn validate(&self) -> Result<(), EngineError> {
        if !(0..=MAX_AGE).contains(&self.age) {
            return Err(EngineError::invalid_answers(
                "age",
                format!("{} is outside 0–{MAX_AGE}", self.age),
            ));
        }
        for (field, date) in [("today", self.today), ("event_date", self.event_date)] {
            if let Some(date) = date.filter(|d| d.ymd().0 > LAST_YEAR) {
                return Err(EngineError::invalid_answers(field, format!("{date} is after the year {LAST_YEAR}")));
            }
        }
        let wants_event = self.goals.contains(&Goal::Event);
        match (wants_event, self.event_date) {
            (true, None) => {
                return Err(EngineError::invalid_answers(
                    "event_date",
                    "is required when goals include \"event\"",
                ))
            }
            (true, Some(event)) => {
                if let Some(today) = self.today {
                    if event < today {
                        return Err(EngineError::invalid_answers(
                            "event_date",
                            format!("{event} is in the past (today is {today})"),
                        ));
                    }
                }
            }
            // A date without the event goal is ignored: the visitor may have unticked it.
            (false, _) => {}
        }
        Ok(())
    }
}
