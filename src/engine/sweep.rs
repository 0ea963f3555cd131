//! Every combination of answers the safety invariants check, numbered, so that the same space
//! serves two callers: `tests/invariants.rs` walks it to check the product's promises, and the
//! clinic's console (`web::console`) walks it with two sets of rules to tell staff how many
//! outcomes an edit changes ("who does this change affect").
//!
//! The space: every set of goals; for a set with the event goal, each of [`EVENT_DAYS`] from
//! `today`; no health answer, all hard stops, or each one alone; no downtime answer or each
//! one; and each of [`AGES`] (both sides of every boundary the rules and settings draw). One
//! area (the face), no waiting period and no soft warning: those have tests of their own.
//! Combination `i` is [`Space::answers`]`(i)`, in the order of the loops above (age last).

use super::{Answers, Area, Date, Downtime, Goal, Recommendation, Screening, Treatment, TreatmentKind};
use serde::Serialize;

/// Ages on each side of every boundary the rules and settings draw.
pub const AGES: [i64; 19] = [0, 17, 18, 21, 22, 27, 28, 29, 30, 34, 35, 39, 40, 44, 45, 65, 66, 100, 120];

/// Days from today to the event: today, tomorrow, inside and at the edge of the buffer,
/// three weeks, and far away.
pub const EVENT_DAYS: [i64; 10] = [0, 1, 7, 13, 20, 21, 22, 35, 60, 365];

/// No hard stop, every one, then each alone.
const SCREENING_SETS: usize = 2 + Screening::ALL.len();
/// No downtime answer, then each one.
const DOWNTIMES: usize = 1 + Downtime::ALL.len();
/// The combinations under one set of goals without the event goal.
const PER_GOALS: u64 = (SCREENING_SETS * DOWNTIMES * AGES.len()) as u64;

/// The numbered space of answers, as of `today`.
#[derive(Clone, Debug)]
pub struct Space {
    today: Date,
    /// For each set of goals (a bit mask over [`Goal::ALL`]), the number of the first
    /// combination with it; one more entry at the end: the size of the space.
    starts: Vec<u64>,
}

impl Space {
    pub fn new(today: Date) -> Space {
        let mut starts = Vec::with_capacity((1 << Goal::ALL.len()) + 1);
        let mut next = 0u64;
        for mask in 0u32..(1 << Goal::ALL.len()) {
            starts.push(next);
            next += events_of(mask) * PER_GOALS;
        }
        starts.push(next);
        Space { today, starts }
    }

    /// How many combinations there are.
    pub fn len(&self) -> u64 {
        self.starts.last().copied().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Combination number `index`, or `None` past the end.
    pub fn answers(&self, index: u64) -> Option<Answers> {
        if index >= self.len() {
            return None;
        }
        // The last set of goals whose first combination is at or before `index`.
        let mask = self.starts.partition_point(|&start| start <= index) - 1;
        let mut rest = index - self.starts[mask];
        let mask = mask as u32;
        let age = AGES[(rest % AGES.len() as u64) as usize];
        rest /= AGES.len() as u64;
        let downtime = match (rest % DOWNTIMES as u64) as usize {
            0 => None,
            n => Some(Downtime::ALL[n - 1]),
        };
        rest /= DOWNTIMES as u64;
        let screening = match (rest % SCREENING_SETS as u64) as usize {
            0 => vec![],
            1 => Screening::ALL.to_vec(),
            n => vec![Screening::ALL[n - 2]],
        };
        rest /= SCREENING_SETS as u64;
        let goals: Vec<Goal> =
            Goal::ALL.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, g)| *g).collect();
        let event_date = goals.contains(&Goal::Event).then(|| self.today.add_days(EVENT_DAYS[rest as usize]));
        Some(Answers {
            goals,
            event_date,
            today: Some(self.today),
            age,
            areas: vec![Area::Face],
            downtime,
            screening,
            recent: vec![],
            cautions: vec![],
        })
    }
}

/// How many event dates a set of goals is tried with.
fn events_of(mask: u32) -> u64 {
    let event_bit = Goal::ALL.iter().position(|g| *g == Goal::Event).unwrap_or(0);
    if mask & (1 << event_bit) != 0 {
        EVENT_DAYS.len() as u64
    } else {
        1
    }
}

/// What a visitor would book from a recommendation, without its words: the treatment, each
/// course's dates and the warnings' codes. Two rule sets "agree" on an answer when these are
/// equal; a text edited in the rules changes no outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub treatment: Treatment,
    pub dates: Dates,
    pub warnings: Vec<String>,
}

/// Each course's session dates (`YYYY-MM-DD`), empty when the course is not in the plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Dates {
    pub microneedling: Vec<Date>,
    pub mesotherapy: Vec<Date>,
}

impl Outcome {
    pub fn of(rec: &Recommendation) -> Outcome {
        let mut dates = Dates::default();
        for item in &rec.plan {
            let into = match item.treatment {
                TreatmentKind::Microneedling => &mut dates.microneedling,
                TreatmentKind::Mesotherapy => &mut dates.mesotherapy,
            };
            into.extend(item.dates.iter().copied());
        }
        Outcome {
            treatment: rec.treatment,
            dates,
            warnings: rec.warnings.iter().map(|w| w.code.clone()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_every_combination_once_in_loop_order() {
        let today = Date::parse("2026-11-22").unwrap();
        let space = Space::new(today);
        // 256 sets of goals without the event, 256 with it at each of ten distances.
        assert_eq!(space.len(), (256 + 256 * 10) * 11 * 4 * 19);
        let first = space.answers(0).unwrap();
        assert!(first.goals.is_empty() && first.screening.is_empty() && first.downtime.is_none());
        assert_eq!(first.age, 0);
        assert_eq!(space.answers(1).unwrap().age, 17);
        assert_eq!(space.answers(19).unwrap().downtime, Some(Downtime::ALL[0]));
        assert_eq!(space.answers(19 * 4).unwrap().screening, Screening::ALL.to_vec());
        let last = space.answers(space.len() - 1).unwrap();
        assert_eq!(last.goals, Goal::ALL.to_vec());
        assert_eq!(last.event_date, Some(today.add_days(365)));
        assert_eq!(last.age, 120);
        assert!(space.answers(space.len()).is_none());
        // No two numbers give the same answers.
        let mut seen = std::collections::HashSet::new();
        for i in (0..space.len()).step_by(7) {
            assert!(seen.insert(format!("{:?}", space.answers(i).unwrap())), "combination {i} twice");
        }
    }
}
