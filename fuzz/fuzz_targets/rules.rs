//! `Rules::from_json` and `Rules::lint_json`: rules the checks accept (and then the engine
//! answers valid answers with them), or errors naming a JSON path; the two agree.
#![no_main]
use libfuzzer_sys::fuzz_target;
use treatment_finder::engine::{longest_consults, EngineError, Lang, Rules};

fuzz_target!(|data: &[u8]| {
    let text = treatment_finder_fuzz::text(data);
    let report = Rules::lint_json(&text);
    for f in report.errors.iter().chain(&report.warnings) {
        assert!(!f.path.is_empty() && !f.message.trim().is_empty(), "{f:?}");
    }
    match Rules::from_json(&text) {
        Ok(rules) => {
            assert!(report.errors.is_empty(), "accepted, but lint found {:?}", report.errors);
            for lang in Lang::ALL {
                longest_consults(&rules, lang);
            }
            for seed in [&b""[..], b"\x03\x01\x24\x00\x01\x10\x00\x02\x03\x04\x05", b"\xff\x01\x11\x00\xff\xff\xff\x7f\x10\x00\x00\x00\xff\x0f"] {
                treatment_finder_fuzz::recommend_checked(&treatment_finder_fuzz::answers_from_bytes(seed), &rules);
            }
        }
        Err(EngineError::InvalidRules { path, message }) => {
            assert!(path.starts_with('$') && !message.trim().is_empty());
            assert!(!report.errors.is_empty(), "refused ({message}), but lint found no error");
        }
        Err(e) => panic!("rules gave {e:?}"),
    }
});
