//! The `<treatment-finder>` element's attributes (`booking-url`, `clinic-name`, `accent`,
//! `contact`, `lang`, split at NUL bytes): as the iframe's query parameters, and as the
//! `settings` message `www/embed.js` sends, which must read back as the same settings.
#![no_main]
use libfuzzer_sys::fuzz_target;
use treatment_finder::embed::{Command, Embed, Incoming, Settings, PROTOCOL, VERSION};

fuzz_target!(|data: &[u8]| {
    let values = treatment_finder_fuzz::texts(data, 5);
    let set = |v: &String| Some(v.trim().to_string()).filter(|v| !v.is_empty());
    let settings = Settings { booking_url: set(&values[0]), clinic_name: set(&values[1]), accent: set(&values[2]), contact: set(&values[3]) };
    let mut query = settings.over(&[]);
    if let Some(lang) = set(&values[4]) {
        query.push(("lang".into(), lang));
    }
    query.push(("embed".into(), "tf1-abc".into()));
    query.push(("parent_origin".into(), "https://partner.example".into()));
    treatment_finder_fuzz::resolve_checked(None, &query);
    assert!(Embed::from_query(&query).is_ok_and(|e| e.is_some()));

    let message = serde_json::json!({
        "protocol": PROTOCOL, "version": VERSION, "widget": "tf1-abc", "type": "settings",
        "settings": {
            "booking_url": settings.booking_url, "clinic_name": settings.clinic_name,
            "accent": settings.accent, "contact": settings.contact,
        },
    });
    let embed = Embed { widget: "tf1-abc".into(), parent_origin: "https://partner.example".into() };
    let incoming: Incoming = serde_json::from_str(&message.to_string()).unwrap();
    assert_eq!(embed.command(incoming), Some(Command::SetSettings(settings)));
});
