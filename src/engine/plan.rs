//! Proposes session dates for one or two courses, around an optional event.

use super::date::Date;

/// One course to place: how many sessions, and the days between two of them.
#[derive(Clone, Copy, Debug)]
pub struct Course {
    pub sessions: u32,
    pub interval_days: i64,
}

/// What the calendar must respect.
#[derive(Clone, Copy, Debug)]
pub struct Calendar {
    /// The earliest date a session can take place.
    pub first_day: Date,
    /// Days between sessions of two different treatments.
    pub gap_days: i64,
    /// The event, and how many days before it the last session must be.
    pub event: Option<(Date, i64)>,
}

/// The proposed dates, in the order of `courses`, and how many were moved after the event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub dates: Vec<Vec<Date>>,
    pub after_event: usize,
}

/// Places every session as early as the calendar allows. Sessions that would fall inside
/// the event's buffer (or on the event) move to the day after the event; the treatment
/// whose next session is earliest goes first, microneedling first on a tie (it prepares
/// the skin to absorb what mesotherapy brings: 003).
pub fn schedule(courses: &[Course], cal: Calendar) -> Schedule {
    let mut dates: Vec<Vec<Date>> = vec![Vec::new(); courses.len()];
    let mut next: Vec<Date> = vec![cal.first_day; courses.len()];
    let mut last: Option<(usize, Date)> = None;
    let mut after_event = 0;
    loop {
        let mut best: Option<(usize, Date)> = None;
        for (i, course) in courses.iter().enumerate() {
            if dates[i].len() >= course.sessions as usize {
                continue;
            }
            let mut candidate = next[i];
            if let Some((j, day)) = last {
                if j != i {
                    candidate = candidate.max(day.add_days(cal.gap_days));
                }
            }
            if let Some((event, buffer)) = cal.event {
                if candidate > event.add_days(-buffer) && candidate <= event {
                    candidate = event.add_days(1);
                }
            }
            if best.is_none_or(|(_, d)| candidate < d) {
                best = Some((i, candidate));
            }
        }
        let Some((i, day)) = best else { break };
        if cal.event.is_some_and(|(event, _)| day > event) {
            after_event += 1;
        }
        dates[i].push(day);
        next[i] = day.add_days(courses[i].interval_days.max(1));
        last = Some((i, day));
    }
    Schedule { dates, after_event }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn interleaves_two_courses_with_a_gap() {
        let courses = [
            Course { sessions: 2, interval_days: 28 },
            Course { sessions: 3, interval_days: 14 },
        ];
        let cal = Calendar { first_day: d("2026-12-01"), gap_days: 7, event: None };
        let s = schedule(&courses, cal);
        let text = |v: &Vec<Date>| v.iter().map(Date::to_string).collect::<Vec<_>>();
        assert_eq!(text(&s.dates[0]), ["2026-12-01", "2026-12-29"]);
        assert_eq!(text(&s.dates[1]), ["2026-12-08", "2026-12-22", "2027-01-05"]);
        assert_eq!(s.after_event, 0);
    }

    #[test]
    fn moves_what_does_not_fit_after_the_event() {
        let courses = [Course { sessions: 3, interval_days: 14 }];
        let cal = Calendar { first_day: d("2026-11-29"), gap_days: 7, event: Some((d("2026-12-27"), 14)) };
        let s = schedule(&courses, cal);
        let text: Vec<String> = s.dates[0].iter().map(Date::to_string).collect();
        assert_eq!(text, ["2026-11-29", "2026-12-13", "2026-12-28"]);
        assert_eq!(s.after_event, 1);
    }
}
