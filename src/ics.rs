//! The "Add to calendar" file: an iCalendar (RFC 5545) text with one all-day event per
//! proposed session. Pure, so its format is tested on the host; the boundary module only
//! turns the text into a download.
//!
//! It holds treatment names, dates and the clinic's name, never an answer the visitor gave.

use crate::engine::Date;

/// One proposed session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub date: Date,
    /// What the calendar shows, e.g. "Mesotherapy: session 1 of 3 (proposed)".
    pub title: String,
}

/// A UTC moment, for `DTSTAMP`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UtcTime {
    pub date: Date,
    /// Seconds since midnight UTC.
    pub seconds: u32,
}

impl UtcTime {
    fn ical(self) -> String {
        let (y, m, d) = self.date.ymd();
        let s = self.seconds.min(86_399);
        format!("{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z", s / 3600, s / 60 % 60, s % 60)
    }
}

/// What every event shares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarInfo<'a> {
    /// Added to each event's description; may be empty.
    pub description: &'a str,
    /// Makes UIDs unique per download.
    pub stamp: UtcTime,
}

/// The calendar text: CRLF line endings, escaped text, lines folded at 75 octets.
pub fn calendar(sessions: &[Session], info: &CalendarInfo) -> String {
    let stamp = info.stamp.ical();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Treatment finder//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    for (i, session) in sessions.iter().enumerate() {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}-{}-{}@treatment-finder", stamp, i + 1, day(session.date)));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", day(session.date)));
        lines.push(format!("DTEND;VALUE=DATE:{}", day(session.date.add_days(1))));
        lines.push(format!("SUMMARY:{}", escape(&session.title)));
        if !info.description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape(info.description)));
        }
        lines.push("TRANSP:TRANSPARENT".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
        out.push_str("\r\n");
    }
    out
}

fn day(date: Date) -> String {
    let (y, m, d) = date.ymd();
    format!("{y:04}{m:02}{d:02}")
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line so no physical line exceeds 75 octets, never splitting a UTF-8
/// character (RFC 5545 §3.1).
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn info(description: &str) -> CalendarInfo<'_> {
        CalendarInfo { description, stamp: UtcTime { date: d("2026-11-23"), seconds: 3600 * 14 + 60 * 5 + 9 } }
    }

    fn check(sessions: &[(&str, &str)], description: &str, expected: &[&str]) {
        let sessions: Vec<Session> =
            sessions.iter().map(|(date, title)| Session { date: d(date), title: title.to_string() }).collect();
        let text = calendar(&sessions, &info(description));
        assert!(text.ends_with("\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "bare LF in {text:?}");
        let lines: Vec<&str> = text.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(lines, expected);
    }

    const HEAD: [&str; 5] = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Treatment finder//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ];

    fn with_frame(events: &[&'static str]) -> Vec<&'static str> {
        HEAD.iter().copied().chain(events.iter().copied()).chain(["END:VCALENDAR"]).collect()
    }

    #[test]
    fn no_sessions() {
        check(&[], "", &with_frame(&[]));
    }

    #[test]
    fn one_all_day_event_per_session() {
        check(
            &[("2026-12-31", "Mesotherapy: session 1 of 3"), ("2027-01-14", "Mesotherapy: session 2 of 3")],
            "Clinique Éclat",
            &with_frame(&[
                "BEGIN:VEVENT",
                "UID:20261123T140509Z-1-20261231@treatment-finder",
                "DTSTAMP:20261123T140509Z",
                "DTSTART;VALUE=DATE:20261231",
                "DTEND;VALUE=DATE:20270101",
                "SUMMARY:Mesotherapy: session 1 of 3",
                "DESCRIPTION:Clinique Éclat",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:20261123T140509Z-2-20270114@treatment-finder",
                "DTSTAMP:20261123T140509Z",
                "DTSTART;VALUE=DATE:20270114",
                "DTEND;VALUE=DATE:20270115",
                "SUMMARY:Mesotherapy: session 2 of 3",
                "DESCRIPTION:Clinique Éclat",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]),
        );
    }

    #[test]
    fn escapes_text() {
        for (input, expected) in [
            ("a,b;c\\d", "a\\,b\\;c\\\\d"),
            ("line\nbreak\r\n", "line\\nbreak\\n"),
            ("tab\there", "tabhere"),
            ("Séance « 1 »", "Séance « 1 »"),
        ] {
            assert_eq!(escape(input), expected);
        }
    }

    #[test]
    fn folds_long_lines_by_octets() {
        for (input, lengths) in [
            ("a".repeat(75), vec![75]),
            ("a".repeat(76), vec![75, 2]),
            ("a".repeat(160), vec![75, 75, 12]),
            // 'é' is two octets; a fold never splits it.
            ("é".repeat(40), vec![74, 7]),
        ] {
            let folded = fold(&input);
            let got: Vec<usize> = folded.split("\r\n").map(str::len).collect();
            assert_eq!(got, lengths, "{input}");
            assert_eq!(folded.replace("\r\n ", ""), input);
        }
    }
}
