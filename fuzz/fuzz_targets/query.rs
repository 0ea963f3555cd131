//! The page's query parameters: the clinic overrides (`config::resolve`) and the embed
//! parameters (`Embed::from_query`).
#![no_main]
use libfuzzer_sys::fuzz_target;
use treatment_finder::embed::Embed;

fuzz_target!(|data: &[u8]| {
    let query = treatment_finder_fuzz::query_pairs(&treatment_finder_fuzz::text(data));
    treatment_finder_fuzz::resolve_checked(None, &query);
    match Embed::from_query(&query) {
        Ok(None) => assert!(!query.iter().any(|(k, _)| k == "embed")),
        Ok(Some(embed)) => {
            let origin = &embed.parent_origin;
            let authority = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"));
            assert!(authority.is_some_and(|a| !a.is_empty() && !a.contains(['/', '?', '#', '@', ' ', '\\'])), "{origin}");
        }
        Err(e) => assert!(!e.message.trim().is_empty()),
    }
});
