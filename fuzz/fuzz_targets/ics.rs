//! The calendar file (`ics::calendar`), with titles and a description from the input (split
//! at NUL bytes): CRLF lines of at most 75 octets that unfold and unescape to the exact
//! texts, less the control characters a calendar cannot hold.
#![no_main]
use libfuzzer_sys::fuzz_target;
use treatment_finder::engine::Date;
use treatment_finder::ics::{self, CalendarInfo, Session, UtcTime};

fuzz_target!(|data: &[u8]| {
    let texts = treatment_finder_fuzz::texts(data, 4);
    let day = Date::parse("2026-11-23").unwrap();
    let sessions: Vec<Session> =
        texts[1..].iter().enumerate().map(|(i, t)| Session { date: day.add_days(i as i64 * 30), title: t.clone() }).collect();
    let info = CalendarInfo { description: &texts[0], stamp: UtcTime { date: day, seconds: data.len() as u32 * 997 } };
    let cal = ics::calendar(&sessions, &info);
    assert!(cal.ends_with("\r\n"));
    for line in cal.trim_end_matches("\r\n").split("\r\n") {
        assert!(line.len() <= 75 && !line.contains(['\r', '\n']), "{line:?}");
    }
    let unfolded = cal.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.trim_end_matches("\r\n").split("\r\n").collect();
    let kept = |t: &str| -> String { t.chars().filter(|c| *c == '\n' || !c.is_control()).collect() };
    let summaries: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("SUMMARY:")).collect();
    assert_eq!(summaries.len(), sessions.len());
    for (value, session) in summaries.iter().zip(&sessions) {
        assert_eq!(treatment_finder_fuzz::ics_unescape(value), Some(kept(&session.title)), "{value:?}");
    }
    for value in lines.iter().filter_map(|l| l.strip_prefix("DESCRIPTION:")) {
        assert_eq!(treatment_finder_fuzz::ics_unescape(value), Some(kept(&texts[0])), "{value:?}");
    }
});
