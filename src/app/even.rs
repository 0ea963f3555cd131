//! Even heights in a partner's widget: what the invisible sizers of a plan result hold.
//!
//! The partner page sees the iframe's height. A consult result is padded to the longest
//! consult (`engine::longest_consults`). A plan result changes with the two kinds of health
//! answer that do not lead to a consult: each waiting period (`Answers::recent`) adds a
//! reason and can move the first date, and with it the number of sessions that fit before an
//! event, the summary and the warnings; each soft warning (`Answers::cautions`) adds a
//! warning line. So a widget's plan result is padded to the tallest plan the same *other*
//! answers could give with any waits and cautions ([`plan_variants`]), drawn invisibly by
//! `ResultView`; `web::embed` makes the page as tall as that.
//!
//! Pure, so plain `cargo test` covers it.

use crate::engine::{recommend, Answers, Caution, Lang, Recent, Recommendation, Rules, Treatment};

/// The plan results (never a consult) that `answers` could give with each set of waiting
/// periods (all 8 subsets of `Recent::ALL`), each with every soft warning. Nothing here
/// depends on the visitor's own health answers: they are replaced (hard stops removed, as a
/// hard stop gives a consult, which is padded by its own sizer). Empty when these answers
/// give a consult anyway (under the minimum age, no goal).
///
/// The visitor's own plan is as tall as one of these: soft warnings change nothing but add
/// their own lines, so the variant with the visitor's waits and every soft warning holds all
/// of the visitor's result and perhaps a few more warning lines.
pub fn plan_variants(answers: &Answers, rules: &Rules, lang: Lang) -> Vec<Recommendation> {
    (0..1u32 << Recent::ALL.len())
        .map(|mask| Answers {
            screening: vec![],
            recent: Recent::ALL.into_iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, r)| r).collect(),
            cautions: Caution::ALL.to_vec(),
            ..answers.clone()
        })
        .filter_map(|a| recommend(&a, rules, lang).ok())
        .filter(|rec| rec.treatment != Treatment::Consult)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Area, Date, Downtime, Goal, Screening};

    fn rules() -> Rules {
        Rules::default_rules()
    }

    fn date(iso: &str) -> Date {
        Date::parse(iso).unwrap()
    }

    /// Answers with no health item.
    fn plain(goals: &[Goal], age: i64, event: Option<&str>) -> Answers {
        Answers {
            goals: goals.to_vec(),
            event_date: event.map(date),
            today: Some(date("2026-11-22")),
            age,
            areas: vec![Area::Face],
            downtime: None,
            screening: vec![],
            recent: vec![],
            cautions: vec![],
        }
    }

    /// Every subset of a list, in its order.
    fn subsets<T: Copy>(all: &[T]) -> Vec<Vec<T>> {
        (0..1u32 << all.len()).map(|m| all.iter().enumerate().filter(|(i, _)| m & (1 << i) != 0).map(|(_, x)| *x).collect()).collect()
    }

    /// `part`'s items appear in `whole`, in the same order.
    fn is_subsequence<T: PartialEq>(part: &[T], whole: &[T]) -> bool {
        let mut rest = whole.iter();
        part.iter().all(|p| rest.any(|w| w == p))
    }

    /// Non-health answers that give plans: the event 27 days ahead (one session fits without
    /// a wait, none with one), three weeks and three days ahead, no event, both treatments,
    /// microneedling, the no-redness trade-off, and an age schedule.
    fn plan_answers() -> Vec<Answers> {
        let mut no_redness = plain(&[Goal::Scars, Goal::Hydration], 36, None);
        no_redness.downtime = Some(Downtime::None);
        let mut areas = plain(&[Goal::Texture], 45, None);
        areas.areas = vec![Area::Face, Area::Neck, Area::Decolletage];
        vec![
            plain(&[Goal::Event], 36, Some("2026-12-19")),
            plain(&[Goal::Event, Goal::Scars], 32, Some("2026-12-13")),
            plain(&[Goal::Event, Goal::Hydration], 36, Some("2026-11-25")),
            plain(&[Goal::Hydration], 36, None),
            plain(&[Goal::Hydration, Goal::Scars], 36, None),
            plain(&[Goal::Scars], 30, None),
            no_redness,
            areas,
        ]
    }

    /// The visitor's own result, with any waits and any soft warnings, is among the variants
    /// or dominated by one (the one with the same waits: everything the same, and the
    /// visitor's warnings a part of its warnings, in order); with every soft warning, it is one
    /// of them exactly. And the variants are the same whatever the health answers.
    #[test]
    fn the_visitors_own_plan_is_among_the_variants_and_they_do_not_depend_on_health_answers() {
        let rules = rules();
        for lang in Lang::ALL {
            for base in plan_answers() {
                let variants = plan_variants(&base, &rules, lang);
                assert_eq!(variants.len(), 8, "{base:?}: one plan for each set of waits");
                for recent in subsets(&Recent::ALL) {
                    for cautions in subsets(&Caution::ALL) {
                        let answers = Answers { recent: recent.clone(), cautions: cautions.clone(), ..base.clone() };
                        let own = recommend(&answers, &rules, lang).unwrap();
                        assert_ne!(own.treatment, Treatment::Consult, "{answers:?}");
                        assert_eq!(plan_variants(&answers, &rules, lang), variants, "the variants follow no health answer: {answers:?}");
                        if cautions.len() == Caution::ALL.len() {
                            assert!(variants.contains(&own), "the visitor's own result is a variant: {answers:?}");
                        }
                        let twin = variants
                            .iter()
                            .find(|v| Recommendation { warnings: v.warnings.clone(), ..own.clone() } == **v)
                            .unwrap_or_else(|| panic!("no variant with the same plan: {answers:?}"));
                        assert!(is_subsequence(&own.warnings, &twin.warnings), "{:?} in {:?}", own.warnings, twin.warnings);
                    }
                }
            }
        }
    }

    /// The variants really differ where the waits change the plan: 27 days before the event,
    /// one session fits without a wait, none with one (the summary changes).
    #[test]
    fn a_wait_can_change_the_summary_and_the_sessions_before_an_event() {
        let variants = plan_variants(&plain(&[Goal::Event], 36, Some("2026-12-19")), &rules(), Lang::En);
        let summaries: std::collections::BTreeSet<&str> = variants.iter().map(|v| v.summary.as_str()).collect();
        assert_eq!(summaries.len(), 2, "{summaries:?}");
        let codes = |v: &Recommendation| v.warnings.iter().map(|w| w.code.clone()).collect::<Vec<_>>();
        assert!(codes(&variants[0]).contains(&"event_course_shortened".to_string()), "{:?}", codes(&variants[0]));
        assert!(variants[1..].iter().all(|v| codes(v).contains(&"event_too_close".to_string())));
        assert!(variants.iter().all(|v| Caution::ALL.iter().all(|c| codes(v).contains(&format!("caution.{}", c.id())))));
    }

    /// Consults are left out: a hard stop gives none (its own consult sizer pads it), and
    /// answers that give a consult whatever the health answers (under the minimum age, no
    /// goal) give no variant.
    #[test]
    fn consults_are_left_out() {
        let rules = rules();
        for lang in Lang::ALL {
            for answers in [plain(&[Goal::Hydration], 16, None), plain(&[], 40, None)] {
                assert_eq!(recommend(&answers, &rules, lang).unwrap().treatment, Treatment::Consult);
                assert!(plan_variants(&answers, &rules, lang).is_empty(), "{answers:?}");
            }
            // A hard stop with waits and cautions: the variants are those of the same answers
            // without it, all plans.
            let stopped = Answers {
                screening: vec![Screening::ALL[0]],
                recent: Recent::ALL.to_vec(),
                cautions: Caution::ALL.to_vec(),
                ..plain(&[Goal::Hydration], 40, None)
            };
            assert_eq!(recommend(&stopped, &rules, lang).unwrap().treatment, Treatment::Consult);
            let variants = plan_variants(&stopped, &rules, lang);
            assert_eq!(variants, plan_variants(&plain(&[Goal::Hydration], 40, None), &rules, lang));
            assert!(variants.iter().all(|v| v.treatment != Treatment::Consult && !v.plan.is_empty()));
        }
    }
}
