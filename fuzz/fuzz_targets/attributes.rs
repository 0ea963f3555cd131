//! The `<treatment-finder>` element's attributes (`booking-url`, `clinic-name`, `accent`,
//! `contact`, `lang`, `partner`, split at NUL bytes): as the iframe's query parameters, and as the
//! `settings` message `www/embed.js` sends, which must read back as the same settings.
#![no_main]
use libfuzzer_sys::fuzz_target;
use treatment_finder::embed::{Command, Embed, Settings};

fuzz_target!(|data: &[u8]| {
    let values = treatment_finder_fuzz::texts(data, 6);
    let set = |v: &String| Some(v.trim().to_string()).filter(|v| !v.is_empty());
    let settings = Settings { booking_url: set(&values[0]), clinic_name: set(&values[1]), accent: set(&values[2]), contact: set(&values[3]), partner: set(&values[5]) };
    let mut query = settings.over(&[]);
    if let Some(lang) = set(&values[4]) {
        query.push(("lang".into(), lang));
    }
    query.push(("embed".into(), "tf1-abc".into()));
    query.push(("parent_origin".into(), "https://partner.example".into()));
    treatment_finder_fuzz::resolve_checked(None, &query);
    assert!(Embed::from_query(&query).is_ok_and(|e| e.is_some()));

    let embed = Embed { widget: "tf1-abc".into(), parent_origin: "https://partner.example".into() };
    let incoming = treatment_finder_fuzz::settings_message(&settings);
    assert_eq!(embed.command(incoming), Some(Command::SetSettings(settings)));
});
