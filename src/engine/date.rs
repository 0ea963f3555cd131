//! A calendar date without a time zone, enough for planning sessions.
//!
//! The engine only needs ISO dates, day arithmetic and a localized long form, so it carries
//! its own small type instead of a date crate: the WASM stays small and nothing here can
//! read a clock (the caller passes `today`).

use std::fmt;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use super::Lang;

/// A proleptic Gregorian date, years 1..=9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Days since 1970-01-01.
    days: i64,
}

impl Date {
    /// Parses `YYYY-MM-DD`; returns a sentence naming the problem otherwise.
    pub fn parse(text: &str) -> Result<Date, String> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(format!("{text:?} is not a date in the form YYYY-MM-DD"));
        }
        let number = |range: std::ops::Range<usize>| -> i64 {
            text[range].parse::<i64>().unwrap_or(0)
        };
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        Date::from_ymd(year, month, day)
            .ok_or_else(|| format!("{text:?} is not a real calendar date"))
    }

    /// Builds a date from its parts, or `None` when the day does not exist.
    pub fn from_ymd(year: i64, month: i64, day: i64) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { days: days_from_civil(year, month, day) })
    }

    /// The date from a count of days since 1970-01-01 (used for the system clock).
    pub fn from_unix_days(days: i64) -> Date {
        Date { days }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date { days: self.days + days }
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days - self.days
    }

    pub fn ymd(self) -> (i64, i64, i64) {
        civil_from_days(self.days)
    }

    /// The date as a reader expects it: "14 February 2027" / "14 février 2027".
    pub fn long(self, lang: Lang) -> String {
        let (y, m, d) = self.ymd();
        let idx = (m - 1) as usize;
        match lang {
            Lang::En => format!("{} {} {}", d, MONTHS_EN[idx], y),
            Lang::Fr => {
                let day = if d == 1 { "1er".to_string() } else { d.to_string() };
                format!("{} {} {}", day, MONTHS_FR[idx], y)
            }
        }
    }
}

const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
];

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(de::Error::custom)
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

// Howard Hinnant's civil-date algorithms (public domain), exact for the whole range.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects() {
        for (text, ok) in [
            ("2026-11-22", true),
            ("2024-02-29", true),
            ("2026-02-29", false),
            ("2026-13-01", false),
            ("2026-1-01", false),
            ("20261122", false),
            ("0000-01-01", false),
        ] {
            let parsed = Date::parse(text);
            assert_eq!(parsed.is_ok(), ok, "{text}");
            if let Ok(d) = parsed {
                assert_eq!(d.to_string(), text);
            }
        }
        let d = Date::parse("2026-12-31").unwrap();
        assert_eq!(d.add_days(1).to_string(), "2027-01-01");
        assert_eq!(Date::from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(d.long(Lang::Fr), "31 décembre 2026");
        assert_eq!(Date::parse("2027-02-01").unwrap().long(Lang::Fr), "1er février 2027");
    }
}
