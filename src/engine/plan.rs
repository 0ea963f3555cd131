//! Proposes session dates for one or two courses, around an optional event.
//!
//! Without an event, sessions go as early as the calendar allows, the two courses
//! interleaved. With an event, the course that serves it is counted **back** from the event
//! (its last session on the last day the buffer allows, so the results are fresh on the day)
//! and every course is placed whole, either before the event or after it: never split.

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
    /// The earliest date a session can take place (after the lead time and any wait).
    pub first_day: Date,
    /// Days between sessions of two different treatments.
    pub gap_days: i64,
    /// The event, and how many days before it the last session must be.
    pub event: Option<Event>,
}

/// The visitor's event, and which course serves it.
#[derive(Clone, Copy, Debug)]
pub struct Event {
    pub date: Date,
    /// Every session before the event is at least this many days before it.
    pub buffer_days: i64,
    /// The index in `courses` of the course that serves the event, if any.
    pub course: Option<usize>,
}

/// Where a course ended up relative to the event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// No event, or a whole course before it.
    Before,
    /// The event's course, shortened to the sessions that fit before the event.
    Shortened,
    /// The whole course after the event.
    After,
}

/// The proposed dates and placement of each course, in the order of `courses`, and whether
/// no session at all fits before the event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub dates: Vec<Vec<Date>>,
    pub placement: Vec<Placement>,
    pub event_too_close: bool,
}

/// Places the courses on the calendar (see the module's comment).
pub fn schedule(courses: &[Course], cal: Calendar) -> Schedule {
    let Some(event) = cal.event else {
        return Schedule {
            dates: interleave(courses, cal.first_day, cal.gap_days, &[]),
            placement: vec![Placement::Before; courses.len()],
            event_too_close: false,
        };
    };
    // The last day a session may be on before the event, and the first day after it.
    let latest = event.date.add_days(-event.buffer_days.max(0));
    let after = cal.first_day.max(event.date.add_days(1));
    let mut dates: Vec<Vec<Date>> = vec![Vec::new(); courses.len()];
    let mut placement = vec![Placement::After; courses.len()];
    let event_too_close = latest < cal.first_day;
    if event_too_close {
        return Schedule { dates: interleave(courses, after, cal.gap_days, &[]), placement, event_too_close };
    }

    // The event's course, counted back from `latest`, whole if it fits, else shortened to
    // the sessions that do (at least one: `latest` is bookable).
    let mut before: Vec<(usize, Date)> = Vec::new();
    if let Some(i) = event.course.filter(|i| *i < courses.len()) {
        let c = courses[i];
        let step = c.interval_days.max(1);
        let fit = cal.first_day.days_until(latest) / step + 1;
        let n = i64::from(c.sessions.max(1)).min(fit);
        dates[i] = (0..n).map(|k| latest.add_days(-(n - 1 - k) * step)).collect();
        placement[i] = if n < i64::from(c.sessions.max(1)) { Placement::Shortened } else { Placement::Before };
        before.extend(dates[i].iter().map(|d| (i, *d)));
    }

    // Every other course: whole before the event's course (as early as possible, ending a
    // gap before its first session), or else whole after the event.
    let event_first = event.course.and_then(|i| dates.get(i)).and_then(|d| d.first().copied());
    let limit = match event_first {
        Some(first) => first.add_days(-cal.gap_days).min(latest),
        None => latest,
    };
    let others: Vec<usize> = (0..courses.len()).filter(|i| Some(*i) != event.course).collect();
    let mut later: Vec<usize> = Vec::new();
    for &i in &others {
        let c = courses[i];
        let step = c.interval_days.max(1);
        let n = i64::from(c.sessions.max(1));
        // After any course already placed before it, with the gap between treatments.
        let start = before
            .iter()
            .filter(|(j, _)| Some(*j) != event.course)
            .map(|(_, d)| d.add_days(cal.gap_days))
            .fold(cal.first_day, Date::max);
        let last = start.add_days((n - 1) * step);
        if last <= limit {
            dates[i] = (0..n).map(|k| start.add_days(k * step)).collect();
            placement[i] = Placement::Before;
            before.extend(dates[i].iter().map(|d| (i, *d)));
        } else {
            later.push(i);
        }
    }
    if !later.is_empty() {
        // After the event, and a gap after the last session of another treatment.
        let sub: Vec<Course> = later.iter().map(|i| courses[*i]).collect();
        let placed = interleave(&sub, after, cal.gap_days, &before);
        for (k, i) in later.iter().enumerate() {
            dates[*i] = placed[k].clone();
        }
    }
    Schedule { dates, placement, event_too_close }
}

/// Places every session as early as possible from `first_day`: the treatment whose next
/// session is earliest goes first (the first course on a tie), with `gap_days` between
/// sessions of two different treatments, including sessions already booked in `booked`
/// (their course index is ignored: they are all of another course than these).
fn interleave(courses: &[Course], first_day: Date, gap_days: i64, booked: &[(usize, Date)]) -> Vec<Vec<Date>> {
    let mut dates: Vec<Vec<Date>> = vec![Vec::new(); courses.len()];
    // Another treatment's sessions already booked push the start back by the gap.
    let start = booked.iter().map(|(_, d)| d.add_days(gap_days)).fold(first_day, Date::max);
    let mut next: Vec<Date> = vec![start; courses.len()];
    let mut last: Option<(usize, Date)> = None;
    loop {
        let mut best: Option<(usize, Date)> = None;
        for (i, course) in courses.iter().enumerate() {
            if dates[i].len() >= course.sessions.max(1) as usize {
                continue;
            }
            let mut candidate = next[i];
            if let Some((j, day)) = last {
                if j != i {
                    candidate = candidate.max(day.add_days(gap_days));
                }
            }
            if best.is_none_or(|(_, d)| candidate < d) {
                best = Some((i, candidate));
            }
        }
        let Some((i, day)) = best else { break };
        dates[i].push(day);
        next[i] = day.add_days(courses[i].interval_days.max(1));
        last = Some((i, day));
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn text(v: &[Date]) -> Vec<String> {
        v.iter().map(Date::to_string).collect()
    }

    #[test]
    fn interleaves_two_courses_with_a_gap() {
        let courses = [
            Course { sessions: 2, interval_days: 28 },
            Course { sessions: 3, interval_days: 14 },
        ];
        let cal = Calendar { first_day: d("2026-12-01"), gap_days: 7, event: None };
        let s = schedule(&courses, cal);
        assert_eq!(text(&s.dates[0]), ["2026-12-01", "2026-12-29"]);
        assert_eq!(text(&s.dates[1]), ["2026-12-08", "2026-12-22", "2027-01-05"]);
        assert!(!s.event_too_close);
    }

    #[test]
    fn counts_the_event_course_back_from_the_event() {
        let courses = [Course { sessions: 3, interval_days: 14 }];
        let event = Event { date: d("2027-05-22"), buffer_days: 14, course: Some(0) };
        let cal = Calendar { first_day: d("2026-11-29"), gap_days: 7, event: Some(event) };
        let s = schedule(&courses, cal);
        assert_eq!(text(&s.dates[0]), ["2027-04-10", "2027-04-24", "2027-05-08"]);
        assert_eq!(s.placement, [Placement::Before]);
    }

    #[test]
    fn shortens_the_event_course_and_puts_the_other_whole_after() {
        let courses = [
            Course { sessions: 3, interval_days: 28 },
            Course { sessions: 3, interval_days: 14 },
        ];
        let event = Event { date: d("2026-12-13"), buffer_days: 14, course: Some(1) };
        let cal = Calendar { first_day: d("2026-11-29"), gap_days: 7, event: Some(event) };
        let s = schedule(&courses, cal);
        assert_eq!(text(&s.dates[1]), ["2026-11-29"]);
        assert_eq!(text(&s.dates[0]), ["2026-12-14", "2027-01-11", "2027-02-08"]);
        assert_eq!(s.placement, [Placement::After, Placement::Shortened]);
    }

    #[test]
    fn an_event_too_close_puts_everything_after_it() {
        let courses = [Course { sessions: 3, interval_days: 14 }];
        let event = Event { date: d("2026-11-25"), buffer_days: 14, course: Some(0) };
        let cal = Calendar { first_day: d("2026-11-29"), gap_days: 7, event: Some(event) };
        let s = schedule(&courses, cal);
        assert!(s.event_too_close);
        assert_eq!(text(&s.dates[0]), ["2026-11-29", "2026-12-13", "2026-12-27"]);
    }
}
