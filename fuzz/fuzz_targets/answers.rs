//! `Answers::from_json`: valid answers (which read back the same and get a recommendation)
//! or an error naming the field.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use treatment_finder::engine::{Answers, EngineError, Rules};

static RULES: OnceLock<Rules> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let text = treatment_finder_fuzz::text(data);
    match Answers::from_json(&text) {
        Ok(answers) => {
            let json = serde_json::to_string(&answers).unwrap();
            assert_eq!(Answers::from_json(&json), Ok(answers.clone()), "{json}");
            treatment_finder_fuzz::recommend_checked(&answers, RULES.get_or_init(Rules::default_rules));
        }
        Err(EngineError::InvalidAnswers { field, message }) => assert!(!field.is_empty() && !message.trim().is_empty()),
        Err(e) => panic!("answers gave {e:?}"),
    }
});
