//! `Date::parse`: a date that prints as the text it came from, or a sentence.
#![no_main]
use libfuzzer_sys::fuzz_target;
use treatment_finder::engine::Date;

fuzz_target!(|data: &[u8]| {
    let text = treatment_finder_fuzz::text(data);
    match Date::parse(&text) {
        Ok(date) => {
            assert_eq!(date.to_string(), text);
            let (y, m, d) = date.ymd();
            assert_eq!(Date::from_ymd(y, m, d), Some(date));
        }
        Err(message) => assert!(!message.is_empty()),
    }
});
