//! A message from the partner page (`embed::Incoming`, `Embed::command`): taken only when it
//! is for this widget, and its settings configure the app as its address would.
#![no_main]
use libfuzzer_sys::fuzz_target;
use treatment_finder::embed::{Command, Embed, Incoming, PROTOCOL, VERSION};

fuzz_target!(|data: &[u8]| {
    let embed = Embed { widget: "tf1-abc".into(), parent_origin: "https://partner.example".into() };
    if let Ok(incoming) = serde_json::from_str::<Incoming>(&treatment_finder_fuzz::text(data)) {
        let ours = incoming.protocol == PROTOCOL && incoming.version == VERSION && incoming.widget == embed.widget;
        let command = embed.command(incoming);
        assert!(command.is_none() || ours);
        if let Some(Command::SetSettings(settings)) = command {
            treatment_finder_fuzz::resolve_checked(None, &settings.over(&[("lang".into(), "fr".into())]));
        }
    }
});
