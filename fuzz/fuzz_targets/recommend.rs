//! The engine: `recommend` gives a recommendation for any valid answers (made from the
//! bytes: goals, age, dates up to the year 9000, areas, redness, health items), in both
//! languages, with the default rules.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use treatment_finder::engine::Rules;

static RULES: OnceLock<Rules> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let rules = RULES.get_or_init(Rules::default_rules);
    treatment_finder_fuzz::recommend_checked(&treatment_finder_fuzz::answers_from_bytes(data), rules);
});
