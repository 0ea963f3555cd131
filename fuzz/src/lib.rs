//! What the fuzz targets share: turning bytes into the inputs a parser takes, and the checks
//! every target makes on what it gets back. Each target panics (a finding) only when a
//! parser panics or breaks one of these promises.

use treatment_finder::config::{self, Config, Issue};
use treatment_finder::embed::{Incoming, Settings, PROTOCOL, VERSION};
use treatment_finder::engine::{recommend, Answers, Area, Caution, Date, Downtime, Goal, Lang, Recent, Rules, Screening};

/// The input as text (invalid UTF-8 replaced, as a browser's decoder would).
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// The input as `n` texts, split at NUL bytes (missing ones are empty).
pub fn texts(data: &[u8], n: usize) -> Vec<String> {
    let mut parts: Vec<String> = text(data).splitn(n, '\0').map(str::to_string).collect();
    parts.resize(n, String::new());
    parts
}

/// A query string's pairs, split as `URLSearchParams` splits them (without decoding
/// `%xx`: the parsers see decoded text, and any text is possible).
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.replace('+', " "), v.replace('+', " ")),
            None => (p.replace('+', " "), String::new()),
        })
        .collect()
}

/// The configuration for `file` and `query`, checked as the app trusts it, from a link and
/// from a widget (the one returned): issues that say what is wrong, a `#rrggbb` accent, an
/// http(s) booking URL that leads where it seems, a rules URL on this site; and a link never
/// changes what only clinic.json may set.
pub fn resolve_checked(file: Option<&str>, query: &[(String, String)]) -> Config {
    let origin = "https://clinic.example";
    let (filed, _) = config::resolve(file, &[], config::QuerySource::Link, origin);
    let (linked, issues) = config::resolve(file, query, config::QuerySource::Link, origin);
    check_issues(&issues);
    check_config(&linked);
    assert_eq!(
        (&linked.booking_url, &linked.contact, &linked.clinic_name, &linked.rules_url, &linked.accent),
        (&filed.booking_url, &filed.contact, &filed.clinic_name, &filed.rules_url, &filed.accent)
    );
    let (config, issues) = config::resolve(file, query, config::QuerySource::Embedder, origin);
    check_issues(&issues);
    check_config(&config);
    config
}

fn check_config(config: &Config) {
    let accent = &config.accent.color;
    assert!(accent.len() == 7 && accent.starts_with('#') && accent[1..].bytes().all(|b| b.is_ascii_hexdigit()), "{accent:?}");
    if let Some(url) = &config.booking_url {
        let lower = url.to_ascii_lowercase();
        assert!(lower.starts_with("https://") || lower.starts_with("http://"), "booking URL {url:?}");
        assert!(!url.chars().any(|c| c.is_whitespace() || c.is_control()), "booking URL {url:?}");
        // It leads where it seems to: no user name before the host, no backslash.
        let authority = lower.split_once("//").map_or("", |(_, rest)| rest).split(['/', '?', '#']).next().unwrap_or("");
        assert!(!authority.contains('@') && !url.contains('\\'), "booking URL {url:?}");
    }
    if let Some(url) = &config.rules_url {
        assert!(!url.starts_with("//") && !url.contains('\\'), "rules URL {url:?}");
    }
    // The partner goes into the Book link's query as it is: nothing there to escape.
    if let Some(partner) = &config.partner {
        assert!(config::is_partner_name(partner), "partner {partner:?}");
    }
}

/// Every issue says what is wrong and names its setting (an unknown key is named as written,
/// quoted when blank: a warning).
pub fn check_issues(issues: &[Issue]) {
    for issue in issues {
        assert!(!issue.message.trim().is_empty(), "{issue:?}");
        assert!(!issue.field.trim().is_empty() || !issue.is_error, "{issue:?}");
        assert!(issue.to_string().contains(&issue.field), "{issue:?}");
    }
}

/// The engine gives a recommendation for valid answers, in both languages (and refuses
/// answers `validate` refuses).
pub fn recommend_checked(answers: &Answers, rules: &Rules) {
    if answers.validate().is_err() {
        assert!(recommend(answers, rules, Lang::En).is_err());
        return;
    }
    for lang in Lang::ALL {
        if let Err(e) = recommend(answers, rules, lang) {
            panic!("valid answers refused: {e} for {answers:?}");
        }
    }
}

/// Valid answers made from bytes: every combination the types allow, in range.
pub fn answers_from_bytes(data: &[u8]) -> Answers {
    let mut bytes = data.iter().copied().chain(std::iter::repeat(0));
    let mut next = move || bytes.next().unwrap_or(0);
    let mut word = || u16::from_le_bytes([next(), next()]);
    let mask = u16::from_le_bytes([data.first().copied().unwrap_or(0), data.get(1).copied().unwrap_or(0)]);
    let goals: Vec<Goal> = pick(&Goal::ALL, mask);
    let age = i64::from(word() % 121);
    let first = Date::parse("0001-01-01").unwrap();
    let span = first.days_until(Date::parse("9000-12-31").unwrap());
    let date = |w: u32| first.add_days(i64::from(w) % (span + 1));
    let (a, b) = (u32::from(word()) << 16 | u32::from(word()), u32::from(word()));
    let today = (a & 1 == 1).then(|| date(a >> 1));
    let event_date = match today {
        Some(t) if goals.contains(&Goal::Event) => Some(t.add_days(i64::from(b) % 3000).min(Date::parse("9000-12-31").unwrap())),
        _ if goals.contains(&Goal::Event) || b & 1 == 1 => Some(date(b.wrapping_mul(2_654_435_761))),
        _ => None,
    };
    let w = word();
    Answers {
        goals,
        event_date,
        today,
        age,
        areas: pick(&Area::ALL, w),
        downtime: [None, Some(Downtime::None), Some(Downtime::OneOrTwoDays), Some(Downtime::AWeek)][usize::from(w >> 4 & 3)],
        screening: pick(&Screening::ALL, word() & word() & word()),
        recent: pick(&Recent::ALL, w >> 6),
        cautions: pick(&Caution::ALL, w >> 9),
    }
}

/// The `settings` message `www/embed.js` sends for `settings`, read as the app reads it.
pub fn settings_message(settings: &Settings) -> Incoming {
    let message = serde_json::json!({
        "protocol": PROTOCOL, "version": VERSION, "widget": "tf1-abc", "type": "settings",
        "settings": {
            "booking_url": settings.booking_url, "clinic_name": settings.clinic_name,
            "accent": settings.accent, "contact": settings.contact, "partner": settings.partner,
        },
    });
    serde_json::from_str(&message.to_string()).expect("the loader's message reads back")
}

/// The items of `all` whose bit is set in `bits`.
fn pick<T: Copy>(all: &[T], bits: u16) -> Vec<T> {
    all.iter().enumerate().filter(|(i, _)| bits >> i & 1 == 1).map(|(_, x)| *x).collect()
}

/// Undoes the escaping of an iCalendar TEXT value; `None` if `,` or `;` was left bare or a
/// backslash starts no escape.
pub fn ics_unescape(value: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(match chars.next()? {
                'n' | 'N' => '\n',
                c @ (',' | ';' | '\\') => c,
                _ => return None,
            }),
            ',' | ';' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}
