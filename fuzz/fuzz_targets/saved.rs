//! Saved progress: `Saved::from_json` gives progress without a health answer, at most at
//! the health step, that reads back as itself through `Saved::to_json`; or nothing.
#![no_main]
use libfuzzer_sys::fuzz_target;
use treatment_finder::draft::{Saved, Step};

fuzz_target!(|data: &[u8]| {
    if let Some(saved) = Saved::from_json(&treatment_finder_fuzz::text(data)) {
        assert!(saved.step <= Step::Health && !saved.draft.has_health_answer(), "{saved:?}");
        let json = saved.to_json();
        assert_eq!(Saved::from_json(&json), Some(saved), "{json}");
    }
});
