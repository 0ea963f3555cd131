//! `clinic.json` (`config::read_file`, `config::resolve`): a configuration the app can
//! trust, with issues that say what is wrong.
#![no_main]
use libfuzzer_sys::fuzz_target;
use treatment_finder::config::{self, FileError};

fuzz_target!(|data: &[u8]| {
    let text = treatment_finder_fuzz::text(data);
    if let Err(FileError::NotJson(message)) = config::read_file(&text) {
        assert!(!message.trim().is_empty());
    }
    treatment_finder_fuzz::resolve_checked(Some(&text), &[]);
});
