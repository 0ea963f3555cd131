//! Property tests: every parser a stranger can reach (answers JSON, rules JSON, `clinic.json`,
//! query parameters, the share fragment, saved progress, widget messages and the element's
//! attributes, dates) gives a value or a clear error for arbitrary input, never a panic; and
//! what the app writes reads back the same (share link, saved progress, calendar file, a
//! widget's settings message). The engine itself gives a recommendation for any valid
//! answers, with the default rules or any rules file the checks accept.
//!
//! Inputs mix arbitrary text with near-valid documents (the default rules, valid answers,
//! a clinic.json, a widget message) that have one to three values or keys changed, so the
//! properties reach past the first byte. Each block sets its number of cases so the whole
//! file runs in seconds in a debug build; a failure is written to `proptest-regressions/`
//! and tried first on the next run. `scripts/fuzz` runs the same parsers under cargo fuzz.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use proptest::sample::{select, subsequence, Index};
use serde_json::Value;

use treatment_finder::config::{self, FileError, QUERY_KEYS};
use treatment_finder::draft::{Draft, Saved, Step};
use treatment_finder::embed::{Command, Embed, Incoming, Settings, PROTOCOL, VERSION};
use treatment_finder::engine::{
    longest_consults, recommend, Answers, Area, Caution, Date, Downtime, EngineError, Goal, Lang, Recent, Rules,
    Screening, DEFAULT_RULES_JSON, LAST_YEAR, MAX_AGE,
};
use treatment_finder::ics::{self, CalendarInfo, Session, UtcTime};
use treatment_finder::share::{self, Shared};

/// `n` cases, with failures kept in `tests/properties.proptest-regressions` (committed, so
/// every run tries them first).
fn cases(n: u32) -> ProptestConfig {
    ProptestConfig {
        cases: n,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------

/// Words the parsers know, so that a changed value is often a plausible one.
const WORDS: &[&str] = &[
    "", " ", "en", "fr", "fr-CA", "EN", "de", "hydration", "texture", "scars", "fine_lines", "event",
    "stretch_marks", "face", "neck", "body", "decolletage", "none", "a_week", "one_or_two_days",
    "microneedling", "mesotherapy", "both", "consult", "pregnant_or_breastfeeding", "blood_thinners",
    "injectables_2_weeks", "sunburn_or_tan", "cold_sores", "otc_blood_thinners", "2026-11-23",
    "2024-02-29", "2026-02-29", "0001-01-01", "9000-12-31", "9999-12-31", "10000-01-01", "clinic default",
    "{practitioner}", "{days}", "{buffer}", "{", "}", "{{days}}", "#fff", "#2F6B66", "#12345", "https://",
    "https://clinic.example/book", "http://[::1]:8080", "javascript:alert(1)", "//evil.example/rules.json",
    "/\\evil.example", "rules.json", "treatment-finder", "lang", "settings", "resize", "tf1-abc", "v=1",
    "goals", "age", "areas", "downtime", "step", "draft", "version", "health", "result", "about_you",
    "é", "«\u{a0}", "\u{0}", "\u{85}", "\u{2028}", "😀", "\\", "\"", "\r\n",
];

/// Text with the characters that escaping, folding and URL checks care about.
fn text() -> impl Strategy<Value = String> {
    let interesting = select(vec![
        ',', ';', '\\', '\n', '\r', '\t', ' ', ':', '"', '<', '#', '&', '=', '?', '/', '@', '{', '}', 'é', '€', '😀',
        '\u{0}', '\u{7f}', '\u{85}', '\u{a0}', '\u{2028}', 'a', 'Z', '0', '9', '-',
    ]);
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop_oneof![3 => interesting, 1 => any::<char>()], 0..100)
            .prop_map(|chars| chars.into_iter().collect()),
        select(WORDS).prop_map(String::from),
    ]
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        select(vec![0i64, -1, 1, 7, 17, 18, 22, 28, 65, 120, 121, 9000, i64::MIN, i64::MAX]).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Value::Number)),
        text().prop_map(Value::from),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((text(), inner), 0..4).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// One change to a JSON document, at a node chosen by `at` (depth first, the root first).
#[derive(Clone, Debug)]
enum Edit {
    Replace(Value),
    /// The value of another node (chosen by the index), so types and shapes get mixed.
    CopyFrom(Index),
    Remove,
    RenameKey(String),
    Duplicate,
    /// A value of the same kind: another number for a number, another text for a text, so
    /// the document often still reads and the checks after parsing are reached.
    SameKind(i64, String),
}

fn edit() -> impl Strategy<Value = (Index, Edit)> {
    let kind = prop_oneof![
        3 => json_value().prop_map(Edit::Replace),
        2 => any::<Index>().prop_map(Edit::CopyFrom),
        2 => Just(Edit::Remove),
        1 => prop_oneof![text(), select(WORDS).prop_map(String::from)].prop_map(Edit::RenameKey),
        1 => Just(Edit::Duplicate),
        3 => (
            prop_oneof![select(vec![0i64, -1, 1, 2, 3, 6, 7, 13, 14, 17, 18, 21, 22, 99, 120, 121, 366, 100_000, i64::MAX, i64::MIN]), any::<i64>()],
            text(),
        )
            .prop_map(|(n, t)| Edit::SameKind(n, t)),
    ];
    (any::<Index>(), kind)
}

#[derive(Clone, Debug, PartialEq)]
enum Hop {
    Key(String),
    At(usize),
}

/// Every node's path, depth first.
fn paths(value: &Value, here: &mut Vec<Hop>, out: &mut Vec<Vec<Hop>>) {
    out.push(here.clone());
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                here.push(Hop::At(i));
                paths(item, here, out);
                here.pop();
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                here.push(Hop::Key(key.clone()));
                paths(item, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn get_mut<'a>(mut value: &'a mut Value, path: &[Hop]) -> &'a mut Value {
    for step in path {
        value = match (step, value) {
            (Hop::Key(k), Value::Object(map)) => map.get_mut(k).expect("a path from `paths`"),
            (Hop::At(i), Value::Array(items)) => &mut items[*i],
            _ => unreachable!("a path from `paths`"),
        };
    }
    value
}

/// `doc` with each edit applied in turn.
fn mutated(mut doc: Value, edits: &[(Index, Edit)]) -> Value {
    for (at, edit) in edits {
        let mut all = vec![];
        paths(&doc, &mut vec![], &mut all);
        let path = all[at.index(all.len())].clone();
        let Some((last, parent_path)) = path.split_last() else {
            // The root itself: only a replacement makes sense.
            if let Edit::Replace(v) = edit {
                doc = v.clone();
            }
            continue;
        };
        let source = match edit {
            Edit::CopyFrom(from) => Some(get_mut(&mut doc, &all[from.index(all.len())]).clone()),
            _ => None,
        };
        let parent = get_mut(&mut doc, parent_path);
        match (edit, parent, last) {
            (Edit::Replace(v), parent, _) => *get_mut(parent, std::slice::from_ref(last)) = v.clone(),
            (Edit::CopyFrom(_), parent, _) => *get_mut(parent, std::slice::from_ref(last)) = source.unwrap_or_default(),
            (Edit::SameKind(n, t), parent, _) => {
                let target = get_mut(parent, std::slice::from_ref(last));
                match target {
                    Value::Number(_) => *target = Value::from(*n),
                    Value::String(_) => *target = Value::from(t.clone()),
                    Value::Bool(b) => *b = !*b,
                    Value::Array(items) => items.reverse(),
                    _ => {}
                }
            }
            (Edit::Remove, Value::Object(map), Hop::Key(k)) => {
                map.remove(k);
            }
            (Edit::Remove, Value::Array(items), Hop::At(i)) => {
                items.remove(*i);
            }
            (Edit::RenameKey(new), Value::Object(map), Hop::Key(k)) => {
                if let Some(v) = map.remove(k) {
                    map.insert(new.clone(), v);
                }
            }
            (Edit::Duplicate, Value::Array(items), Hop::At(i)) => {
                let copy = items[*i].clone();
                items.insert(*i, copy);
            }
            // A duplicated key: serde_json's map cannot hold one, so it is written as text.
            _ => {}
        }
    }
    doc
}

/// A JSON text near `doc`: one to three edits, sometimes cut short or with a stray byte.
fn near(doc: Value) -> impl Strategy<Value = String> {
    let edits = prop::collection::vec(edit(), 1..=3);
    (edits, 0..8u8, any::<Index>(), text()).prop_map(move |(edits, how, at, extra)| {
        let text = serde_json::to_string(&mutated(doc.clone(), &edits)).unwrap();
        let cut = char_boundary(&text, at.index(text.len() + 1));
        match how {
            // Cut short, as a download that stopped.
            0 => text[..cut].to_string(),
            // Something inserted, such as a duplicated key or a stray character.
            1 => format!("{}{}{}", &text[..cut], extra, &text[cut..]),
            _ => text,
        }
    })
}

fn char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn default_rules_value() -> Value {
    serde_json::from_str(DEFAULT_RULES_JSON).unwrap()
}

/// A date from 0001-01-01 to `last`.
fn date_upto(last: &'static str) -> impl Strategy<Value = Date> {
    let first = Date::parse("0001-01-01").unwrap();
    let span = first.days_until(Date::parse(last).unwrap());
    let near_now = Date::parse("2026-01-01").unwrap();
    prop_oneof![
        (0..=span).prop_map(move |d| first.add_days(d)),
        (0..=3650i64).prop_map(move |d| near_now.add_days(d)),
        (0..=400i64).prop_map(move |d| first.add_days(span - d)),
    ]
}

fn valid_answers() -> impl Strategy<Value = Answers> {
    (
        subsequence(Goal::ALL.to_vec(), 0..=Goal::ALL.len()),
        0..=MAX_AGE,
        prop::option::weighted(0.9, date_upto("9000-12-31")),
        (0..=2000i64, prop::option::of(date_upto("9000-12-31"))),
        subsequence(Area::ALL.to_vec(), 0..=Area::ALL.len()),
        prop::option::of(select(Downtime::ALL.to_vec())),
        prop::collection::vec(select(Screening::ALL.to_vec()), 0..3),
        subsequence(Recent::ALL.to_vec(), 0..=Recent::ALL.len()),
        subsequence(Caution::ALL.to_vec(), 0..=Caution::ALL.len()),
    )
        .prop_map(|(goals, age, today, (ahead, other_date), areas, downtime, screening, recent, cautions)| {
            let last = Date::parse("9000-12-31").unwrap();
            let event_date = if goals.contains(&Goal::Event) {
                // On or after today, in the years answers may name.
                Some(today.map_or(other_date.unwrap_or(last), |t| {
                    let d = t.add_days(ahead);
                    if d > last { last } else { d }
                }))
            } else {
                other_date
            };
            Answers { goals, event_date, today, age, areas, downtime, screening, recent, cautions }
        })
}

fn draft() -> impl Strategy<Value = Draft> {
    (
        subsequence(Goal::ALL.to_vec(), 0..=Goal::ALL.len()),
        prop_oneof![text(), date_upto("9999-12-31").prop_map(|d| d.to_string())],
        prop_oneof![text(), (-5..130i64).prop_map(|a| a.to_string())],
        subsequence(Area::ALL.to_vec(), 0..=Area::ALL.len()),
        prop::option::of(select(Downtime::ALL.to_vec())),
        subsequence(Screening::ALL.to_vec(), 0..=Screening::ALL.len()),
        subsequence(Recent::ALL.to_vec(), 0..=Recent::ALL.len()),
        subsequence(Caution::ALL.to_vec(), 0..=Caution::ALL.len()),
        any::<bool>(),
    )
        .prop_map(|(goals, event_date, age, areas, downtime, screening, recent, cautions, none_apply)| Draft {
            goals,
            event_date,
            age,
            areas,
            downtime,
            screening,
            recent,
            cautions,
            none_apply,
        })
}

fn shared() -> impl Strategy<Value = Shared> {
    (
        subsequence(Goal::ALL.to_vec(), 0..=Goal::ALL.len()),
        prop::option::of(date_upto("9999-12-31")),
        prop::option::of(0..=MAX_AGE),
        subsequence(Area::ALL.to_vec(), 0..=Area::ALL.len()),
        prop::option::of(select(Downtime::ALL.to_vec())),
        prop::option::of(select(Lang::ALL.to_vec())),
    )
        .prop_map(|(goals, event_date, age, areas, downtime, lang)| Shared { goals, event_date, age, areas, downtime, lang })
}

/// A fragment built from the link's own keys with values near the valid ones, shuffled.
fn near_fragment() -> impl Strategy<Value = String> {
    let key = select(vec!["v", "goals", "event", "age", "areas", "downtime", "lang", "x", ""]);
    let value = prop_oneof![
        select(WORDS).prop_map(String::from),
        prop::collection::vec(select(WORDS), 0..4).prop_map(|w| w.join(",")),
        any::<i64>().prop_map(|n| n.to_string()),
        text(),
    ];
    (prop::collection::vec((key, value), 0..8), any::<bool>(), any::<bool>()).prop_map(|(pairs, v1, hash)| {
        let mut parts: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
        if v1 {
            parts.insert(parts.len() / 2, "v=1".into());
        }
        format!("{}{}", if hash { "#" } else { "" }, parts.join("&"))
    })
}

/// Query parameters as a browser decodes them: the app's own keys, the embed keys and
/// others, with plausible or arbitrary values.
fn query() -> impl Strategy<Value = Vec<(String, String)>> {
    let mut keys: Vec<&'static str> = QUERY_KEYS.iter().map(|(k, _)| *k).collect();
    keys.extend(["embed", "parent_origin", "default_lang", "rules_url", ""]);
    let key = prop_oneof![4 => select(keys).prop_map(String::from), 1 => text()];
    let value = prop_oneof![
        select(WORDS).prop_map(String::from),
        origin_like(),
        "#[0-9a-fA-Fg]{0,7}",
        text(),
    ];
    prop::collection::vec((key, value), 0..6)
}

/// Something shaped like an origin or URL, often valid, often just not.
fn origin_like() -> impl Strategy<Value = String> {
    "(https?|HTTPS|ftp|javascript)?:?(//)?(\\[[0-9a-f:.]{0,6}\\]|[a-zA-Z0-9.@\\- ]{0,12})(:[0-9]{0,7})?[/?#\\\\]?[a-z]{0,3}"
}

fn settings() -> impl Strategy<Value = Settings> {
    let value = || prop::option::of(prop_oneof![select(WORDS).prop_map(String::from), origin_like(), text()]);
    (value(), value(), value(), value(), value()).prop_map(|(booking_url, clinic_name, accent, contact, partner)| Settings {
        booking_url,
        clinic_name,
        accent,
        contact,
        partner,
    })
}

fn clinic_value() -> Value {
    serde_json::json!({
        "clinic_name": { "en": "Example Skin Clinic, Montréal", "fr": "Clinique dermo-esthétique Exemple, Montréal" },
        "booking_url": "https://booking.example.com/consultation",
        "contact": "514-555-0100",
        "accent": "#2f6b66",
        "default_lang": "fr",
        "rules_url": "rules.json"
    })
}

fn incoming_value() -> Value {
    serde_json::json!({
        "protocol": PROTOCOL, "version": VERSION, "widget": "tf1-abc", "type": "settings",
        "settings": { "booking_url": "https://b.example/x", "clinic_name": null, "accent": "#123456", "contact": null }
    })
}

// ---------------------------------------------------------------------------------------
// Checks shared by several properties
// ---------------------------------------------------------------------------------------

/// An answers error names a field and says what is wrong with it.
fn check_answers_error(e: &EngineError) -> Result<(), TestCaseError> {
    match e {
        EngineError::InvalidAnswers { field, message } => {
            // The field may be an unknown key as written, such as "\u{85}": not empty.
            prop_assert!(!field.is_empty() && !message.trim().is_empty(), "unclear error {e:?}");
        }
        other => prop_assert!(false, "answers gave a rules error {other:?}"),
    }
    Ok(())
}

/// A rules error names a JSON path (`$…`) and says what is wrong there.
fn check_rules_error(e: &EngineError) -> Result<(), TestCaseError> {
    match e {
        EngineError::InvalidRules { path, message } => {
            prop_assert!(path.starts_with('$') && !message.trim().is_empty(), "unclear error {e:?}");
        }
        other => prop_assert!(false, "rules gave an answers error {other:?}"),
    }
    Ok(())
}

/// Answers read back as themselves, and the engine answers them in both languages. (The
/// generator keeps to the types and ranges; should `validate` come to refuse more, such
/// answers must be refused the same way everywhere, with a clear error.)
fn check_answers(answers: &Answers, rules: &Rules) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(answers).unwrap();
    match answers.validate() {
        Ok(()) => {
            prop_assert_eq!(Answers::from_json(&json), Ok(answers.clone()), "{}", json);
            for lang in Lang::ALL {
                let r = recommend(answers, rules, lang);
                prop_assert!(r.is_ok(), "valid answers refused: {:?} for {}", r, json);
            }
        }
        Err(e) => {
            check_answers_error(&e)?;
            prop_assert!(Answers::from_json(&json).is_err(), "{}", json);
            prop_assert!(recommend(answers, rules, Lang::En).is_err(), "{}", json);
        }
    }
    Ok(())
}

/// What the app may trust in a resolved configuration, whatever it was given, from a link
/// and from a widget (`fuzz/src/lib.rs`'s checks, shared with the fuzz targets; a failed
/// check panics, which proptest reports and shrinks).
fn check_config(query: &[(String, String)], file: Option<&str>) -> Result<(), TestCaseError> {
    fuzz_shared::resolve_checked(file, query);
    Ok(())
}

/// What the fuzz targets share (`fuzz/src/lib.rs`): the same decoding and message helpers.
#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod fuzz_shared;
use fuzz_shared::ics_unescape as unescape;

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(2048))]

    /// A date reads back as the text it came from; anything else is a sentence, not a panic.
    /// The contact text's links (`contact::pieces`): whatever the clinic wrote comes back
    /// exactly, and every link is a `tel:` of digits or a `mailto:` of the text it shows.
    #[test]
    fn contact_texts_keep_their_words(text in text()) {
        let pieces = treatment_finder::contact::pieces(&text);
        let mut joined = String::new();
        for piece in &pieces {
            match piece {
                treatment_finder::contact::Piece::Text(t) => joined.push_str(t),
                treatment_finder::contact::Piece::Phone { text, href } => {
                    prop_assert!(href.strip_prefix("tel:").is_some_and(|n| n.trim_start_matches('+').bytes().all(|b| b.is_ascii_digit())), "{href}");
                    joined.push_str(text);
                }
                treatment_finder::contact::Piece::Email { text, href } => {
                    prop_assert_eq!(href, &format!("mailto:{text}"));
                    joined.push_str(text);
                }
            }
        }
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn dates_parse_or_explain(text in prop_oneof![text(), "[0-9]{4}-[0-9]{2}-[0-9]{2}", "[0-9٣]{0,5}-?[0-9]{0,3}-?[0-9]{0,3}"]) {
        match Date::parse(&text) {
            Ok(date) => prop_assert_eq!(date.to_string(), text),
            Err(message) => prop_assert!(!message.is_empty()),
        }
    }

    #[test]
    fn dates_round_trip(date in date_upto("9999-12-31")) {
        let text = date.to_string();
        prop_assert_eq!(Date::parse(&text), Ok(date));
        let (y, m, d) = date.ymd();
        prop_assert_eq!(Date::from_ymd(y, m, d), Some(date));
    }

    /// Any fragment opens as a link or as nothing; a link reads back as itself.
    #[test]
    fn share_fragments_decode_or_not(fragment in prop_oneof![text(), near_fragment()]) {
        if let Some(shared) = share::decode(&fragment) {
            prop_assert!(shared.age.is_none_or(|a| (0..=MAX_AGE).contains(&a)));
            prop_assert_eq!(share::decode(&share::encode(&shared)), Some(shared));
        }
    }

    #[test]
    fn share_links_round_trip(shared in shared()) {
        let fragment = share::encode(&shared);
        prop_assert_eq!(share::decode(&fragment), Some(shared.clone()), "{}", fragment);
        prop_assert_eq!(share::decode(&format!("#{fragment}")), Some(shared));
    }

    /// Saved progress reads back as written, never with a health answer or past that step.
    #[test]
    fn saved_progress_round_trips(draft in draft(), step in select(Step::ALL.to_vec())) {
        let saved = Saved::new(&draft, step);
        prop_assert!(!saved.draft.has_health_answer());
        // The answers come back exactly; the step no later than the first step still missing
        // an answer (a draft the app could not have saved there resumes where it can go on).
        let back = Saved::from_json(&saved.to_json());
        prop_assert!(back.is_some());
        let back = back.unwrap();
        prop_assert_eq!(&back.draft, &saved.draft);
        prop_assert!(back.step <= saved.step);
        prop_assert_eq!(Saved::from_json(&back.to_json()), Some(back));
    }

    #[test]
    fn saved_progress_reads_anything(text in prop_oneof![
        text(),
        (draft(), select(Step::ALL.to_vec())).prop_flat_map(|(d, s)| {
            near(serde_json::to_value(Saved { version: 1, step: s, draft: d }).unwrap())
        }),
    ]) {
        if let Some(saved) = Saved::from_json(&text) {
            prop_assert!(saved.step <= Step::Health && !saved.draft.has_health_answer(), "{saved:?}");
            prop_assert_eq!(Saved::from_json(&saved.to_json()), Some(saved));
        }
    }

    /// The calendar file: CRLF lines of at most 75 octets that unfold and unescape to the
    /// exact titles and description (less the control characters a calendar cannot hold),
    /// on the sessions' dates.
    #[test]
    fn calendars_fold_and_read_back(
        sessions in prop::collection::vec((date_upto("9998-12-31"), text()), 0..4),
        description in text(),
        stamp in (date_upto("9999-12-31"), any::<u32>()),
    ) {
        let sessions: Vec<Session> = sessions.into_iter().map(|(date, title)| Session { date, title }).collect();
        let info = CalendarInfo { description: &description, stamp: UtcTime { date: stamp.0, seconds: stamp.1 } };
        let cal = ics::calendar(&sessions, &info);
        prop_assert!(cal.ends_with("\r\n"));
        let physical: Vec<&str> = cal.trim_end_matches("\r\n").split("\r\n").collect();
        for line in &physical {
            prop_assert!(line.len() <= 75, "{} octets: {:?}", line.len(), line);
            prop_assert!(!line.contains(['\r', '\n']), "bare CR or LF in {:?}", line);
        }
        let unfolded = cal.replace("\r\n ", "");
        let lines: Vec<&str> = unfolded.trim_end_matches("\r\n").split("\r\n").collect();
        let kept = |text: &str| -> String { text.chars().filter(|c| *c == '\n' || !c.is_control()).collect() };
        let values = |name: &str| -> Vec<&str> { lines.iter().filter_map(|l| l.strip_prefix(name)).collect() };
        let summaries = values("SUMMARY:");
        prop_assert_eq!(summaries.len(), sessions.len());
        for (value, session) in summaries.iter().zip(&sessions) {
            prop_assert_eq!(unescape(value), Some(kept(&session.title)), "{:?}", value);
        }
        let descriptions = values("DESCRIPTION:");
        prop_assert_eq!(descriptions.len(), if description.is_empty() { 0 } else { sessions.len() });
        for value in descriptions {
            prop_assert_eq!(unescape(value), Some(kept(&description)), "{:?}", value);
        }
        let starts = values("DTSTART;VALUE=DATE:");
        for (value, session) in starts.iter().zip(&sessions) {
            let (y, m, d) = session.date.ymd();
            prop_assert_eq!(*value, format!("{y:04}{m:02}{d:02}"));
        }
    }

    /// The embed parameters: not embedded, embedded with a checked origin, or an error that
    /// names the parameter.
    #[test]
    fn embed_parameters_are_checked(query in query()) {
        let last = |key: &str| query.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        match Embed::from_query(&query) {
            Ok(None) => prop_assert!(last("embed").is_none()),
            Ok(Some(embed)) => {
                prop_assert_eq!(Some(embed.widget.clone()), last("embed"));
                let origin = &embed.parent_origin;
                prop_assert_eq!(Some(origin.clone()), last("parent_origin").map(|o| o.to_ascii_lowercase()));
                let authority = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"));
                prop_assert!(authority.is_some_and(|a| !a.is_empty() && !a.contains(['/', '?', '#', '@', ' ', '\\'])), "{}", origin);
            }
            Err(e) => {
                prop_assert!(["embed", "parent_origin"].contains(&e.param) && !e.message.trim().is_empty(), "{e:?}");
            }
        }
    }

    /// A widget's `settings` message, as the loader writes it, reads back as the same
    /// settings; they then configure the app as its address would, never with a panic.
    #[test]
    fn widget_settings_round_trip(settings in settings(), query in query()) {
        let embed = Embed { widget: "tf1-abc".into(), parent_origin: "https://partner.example".into() };
        let incoming = fuzz_shared::settings_message(&settings);
        prop_assert_eq!(embed.command(incoming), Some(Command::SetSettings(settings.clone())));
        check_config(&settings.over(&query), None)?;
    }

    /// The element's attributes reach the app as query parameters of the iframe (trimmed,
    /// as `www/embed.js` passes them) beside `embed` and `parent_origin`.
    #[test]
    fn element_attributes_configure_or_explain(
        attributes in prop::collection::vec((select(vec!["booking_url", "clinic_name", "accent", "contact", "lang"]), text()), 0..5),
        widget in prop_oneof!["tf1-[a-z0-9]{1,8}", text()],
        origin in origin_like(),
    ) {
        let mut query: Vec<(String, String)> =
            attributes.into_iter().map(|(k, v)| (k.to_string(), v.trim().to_string())).collect();
        query.push(("embed".into(), widget));
        query.push(("parent_origin".into(), origin));
        let _ = Embed::from_query(&query);
        check_config(&query, None)?;
    }
}

proptest! {
    #![proptest_config(cases(1024))]

    /// Any widget message is either for this widget, with the one field its type has, or
    /// ignored.
    #[test]
    fn widget_messages_are_taken_or_ignored(text in prop_oneof![text(), near(incoming_value())]) {
        let embed = Embed { widget: "tf1-abc".into(), parent_origin: "https://partner.example".into() };
        if let Ok(incoming) = serde_json::from_str::<Incoming>(&text) {
            let ours = incoming.protocol == PROTOCOL && incoming.version == VERSION && incoming.widget == embed.widget;
            let command = embed.command(incoming);
            prop_assert!(command.is_none() || ours, "{text}");
            if let Some(Command::SetSettings(settings)) = command {
                check_config(&settings.over(&[]), None)?;
            }
        }
    }

    /// `clinic.json` and the query: a configuration the app can trust and issues that name
    /// their setting, whatever the file and the address hold.
    #[test]
    fn clinic_files_configure_or_explain(
        file in prop::option::of(prop_oneof![
            text(),
            json_value().prop_map(|v| v.to_string()),
            near(clinic_value()),
        ]),
        query in query(),
    ) {
        if let Some(text) = &file {
            match config::read_file(text) {
                Ok(_) | Err(FileError::NotAnObject) => {}
                Err(FileError::NotJson(message)) => prop_assert!(!message.trim().is_empty()),
                Err(FileError::TooLarge(bytes)) => prop_assert!(bytes > config::MAX_CLINIC_FILE_BYTES),
            }
        }
        check_config(&query, file.as_deref())?;
    }

    /// Answers JSON: valid answers, or an error naming the field.
    #[test]
    fn answers_parse_or_name_the_field(text in prop_oneof![
        text(),
        json_value().prop_map(|v| v.to_string()),
        valid_answers().prop_flat_map(|a| near(serde_json::to_value(a).unwrap())),
    ]) {
        match Answers::from_json(&text) {
            Ok(answers) => {
                prop_assert!(answers.validate().is_ok());
                let json = serde_json::to_string(&answers).unwrap();
                prop_assert_eq!(Answers::from_json(&json), Ok(answers));
            }
            Err(e) => check_answers_error(&e)?,
        }
    }
}

proptest! {
    #![proptest_config(cases(512))]

    /// The engine answers any valid answers with the default rules, in both languages.
    #[test]
    fn recommend_answers_any_valid_answers(answers in valid_answers()) {
        check_answers(&answers, &Rules::default_rules())?;
    }
}

proptest! {
    #![proptest_config(cases(256))]

    /// A rules file is accepted, or refused with the JSON path of its first problem; lint
    /// agrees with that verdict; and the engine answers valid answers with any rules the
    /// checks accept.
    #[test]
    fn rules_parse_or_name_the_path(
        text in prop_oneof![1 => text(), 1 => json_value().prop_map(|v| v.to_string()), 6 => near(default_rules_value())],
        answers in prop::collection::vec(valid_answers(), 3),
    ) {
        let report = Rules::lint_json(&text);
        for finding in report.errors.iter().chain(&report.warnings) {
            prop_assert!(!finding.path.is_empty() && !finding.message.trim().is_empty(), "unclear finding {finding:?}");
        }
        match Rules::from_json(&text) {
            Ok(rules) => {
                prop_assert!(report.errors.is_empty(), "accepted, but lint found {:?}", report.errors);
                for lang in Lang::ALL {
                    let _ = longest_consults(&rules, lang);
                }
                for a in &answers {
                    check_answers(a, &rules)?;
                }
            }
            Err(e) => {
                check_rules_error(&e)?;
                prop_assert!(!report.errors.is_empty(), "refused ({e}), but lint found no error");
            }
        }
    }
}

/// The generators' footing: the default rules are accepted (so a near copy reaches the
/// checks after parsing), and valid answers' dates end in the engine's last year.
#[test]
fn generators_start_from_valid_input() {
    assert!(Rules::from_json(DEFAULT_RULES_JSON).is_ok());
    assert_eq!(Date::parse("9000-12-31").unwrap().ymd().0, LAST_YEAR);
}
