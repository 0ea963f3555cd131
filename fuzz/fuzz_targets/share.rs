//! The share-link fragment: `share::decode` gives a link or nothing, and a link reads back
//! as itself through `share::encode`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use treatment_finder::share;

fuzz_target!(|data: &[u8]| {
    if let Some(shared) = share::decode(&treatment_finder_fuzz::text(data)) {
        let fragment = share::encode(&shared);
        assert_eq!(share::decode(&fragment), Some(shared), "{fragment}");
    }
});
