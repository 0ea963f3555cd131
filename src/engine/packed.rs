//! The rules in a compact binary form: how the finder's lean first module holds the default
//! rules, and how the rules reader module hands it a clinic's rules file once read and
//! checked (ARCHITECTURE.md). One small decoder, no serde: the lean module reads rules
//! without the rules file's reader and lint.
//!
//! The form follows the types field by field, in the order they are declared here: a
//! whole number (a length, a number, an enum's place in its `ALL`) is a zigzag LEB128
//! varint, a string its length and UTF-8 bytes, an `Option` a 0 or 1 then the value, a
//! list its length then its items. Nothing names a field, so both sides must come from the
//! same build, which the content-hashed file names ensure; [`HEADER`] refuses anything else
//! that looks wrong. Only rules that passed [`Rules::checked`](super::Rules::checked) are
//! packed: unpacking does not check them again.

use super::answers::{Area, Caution, Goal, Recent, Screening};
use super::error::EngineError;
use super::rules::{
    AftercareRule, AgeSchedule, Alternative, CautionRule, Cited, CitedRange, GoalCourse, GoalRule, Messages,
    Range, Rules, ScreeningRule, Setting, Settings, Text, TreatmentRules, Treatments, WaitRule,
};
use super::TreatmentKind;

/// The first bytes of packed rules: a tag and the packing's own version. Raise the version
/// when the layout changes in a way the field lists below do not show (a new kind of value).
pub const HEADER: &[u8; 4] = b"TFR\x01";

// `DEFAULT_RULES_JSON_HASH`: the hash of the embedded `rules/default.json` (`build.rs`).
include!(concat!(env!("OUT_DIR"), "/default_rules_hash.rs"));

/// `rules/default.packed`: the hash of the `rules/default.json` it was made from (8 bytes,
/// little-endian), then those rules packed. Generated, and checked fresh by `tests/engine.rs`
/// (`UPDATE_PACKED=1 cargo test --test engine packed` rewrites it).
pub const DEFAULT_RULES_FILE: &[u8] = include_bytes!("../../rules/default.packed");

/// The default rules (`rules/default.json`), packed.
pub const DEFAULT_RULES_PACKED: &[u8] = DEFAULT_RULES_FILE.split_at(8).1;

// A browser build never embeds stale default rules: after an edit of `rules/default.json`, it
// stops here until the packed copy is made again. (The host still builds, so that the test
// that writes it can run.)
#[cfg(target_arch = "wasm32")]
const _: () = assert!(
    stamped(DEFAULT_RULES_FILE, DEFAULT_RULES_JSON_HASH),
    "rules/default.packed is older than rules/default.json: run UPDATE_PACKED=1 cargo test --test engine packed"
);

/// Whether `file` starts with `hash` (little-endian).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const fn stamped(file: &[u8], hash: u64) -> bool {
    let want = hash.to_le_bytes();
    if file.len() < 8 {
        return false;
    }
    let mut i = 0;
    while i < 8 {
        if file[i] != want[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl Rules {
    /// These rules in the packed form.
    pub fn to_packed(&self) -> Vec<u8> {
        let mut out = HEADER.to_vec();
        self.pack(&mut out);
        out
    }

    /// Rules from their packed form; an error when the bytes are not packed rules of this
    /// build (damaged, cut short, or from another version of the finder).
    pub fn from_packed(bytes: &[u8]) -> Result<Rules, EngineError> {
        let damaged = || EngineError::invalid_rules("$", "the packed rules are damaged or come from another version of the finder");
        let mut reader = Reader(bytes.strip_prefix(HEADER.as_slice()).ok_or_else(damaged)?);
        match Rules::unpack(&mut reader) {
            Some(rules) if reader.0.is_empty() => Ok(rules),
            _ => Err(damaged()),
        }
    }
}

/// The bytes still to read. Every read checks its bounds: `None` ends the unpacking.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if n > self.0.len() {
            return None;
        }
        let (taken, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(taken)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// A length, never more than the bytes left (each item takes at least one).
    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok().filter(|&n| n <= self.0.len())
    }
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// One value's packed form.
trait Pack: Sized {
    fn pack(&self, out: &mut Vec<u8>);
    fn unpack(reader: &mut Reader) -> Option<Self>;
}

impl Pack for i64 {
    fn pack(&self, out: &mut Vec<u8>) {
        put_varint(out, ((self << 1) ^ (self >> 63)) as u64);
    }

    fn unpack(reader: &mut Reader) -> Option<Self> {
        let zigzag = reader.varint()?;
        Some((zigzag >> 1) as i64 ^ -((zigzag & 1) as i64))
    }
}

impl Pack for u32 {
    fn pack(&self, out: &mut Vec<u8>) {
        put_varint(out, u64::from(*self));
    }

    fn unpack(reader: &mut Reader) -> Option<Self> {
        u32::try_from(reader.varint()?).ok()
    }
}

impl Pack for String {
    fn pack(&self, out: &mut Vec<u8>) {
        put_varint(out, self.len() as u64);
        out.extend_from_slice(self.as_bytes());
    }

    fn unpack(reader: &mut Reader) -> Option<Self> {
        let n = reader.len()?;
        std::str::from_utf8(reader.take(n)?).ok().map(str::to_owned)
    }
}

impl<T: Pack> Pack for Option<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.pack(out);
            }
        }
    }

    fn unpack(reader: &mut Reader) -> Option<Self> {
        match reader.byte()? {
            0 => Some(None),
            1 => T::unpack(reader).map(Some),
            _ => None,
        }
    }
}

impl<T: Pack> Pack for Vec<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        put_varint(out, self.len() as u64);
        for item in self {
            item.pack(out);
        }
    }

    fn unpack(reader: &mut Reader) -> Option<Self> {
        // No capacity reserved from a length read: damaged bytes could ask for gigabytes.
        let n = reader.len()?;
        let mut items = Vec::new();
        for _ in 0..n {
            items.push(T::unpack(reader)?);
        }
        Some(items)
    }
}

/// A fieldless enum: its place in its `ALL` list (in declaration order, so `as u8` is it).
macro_rules! pack_enum {
    ($($ty:ident),* $(,)?) => {$(
        impl Pack for $ty {
            fn pack(&self, out: &mut Vec<u8>) {
                out.push(*self as u8);
            }

            fn unpack(reader: &mut Reader) -> Option<Self> {
                $ty::ALL.get(usize::from(reader.byte()?)).copied()
            }
        }
    )*};
}

pack_enum!(Goal, TreatmentKind, Screening, Recent, Caution, Area);

/// A struct: its fields in this order. Every field must be listed, or the struct literal
/// in `unpack` does not compile.
macro_rules! pack_struct {
    ($($ty:ident { $($field:ident),* $(,)? })*) => {$(
        impl Pack for $ty {
            fn pack(&self, out: &mut Vec<u8>) {
                $(self.$field.pack(out);)*
            }

            fn unpack(reader: &mut Reader) -> Option<Self> {
                Some($ty { $($field: Pack::unpack(reader)?,)* })
            }
        }
    )*};
}

pack_struct! {
    Rules {
        format, revision, settings, treatments, goals, combination, screening, waits, cautions,
        age_schedules, goal_courses, aftercare, messages,
    }
    Text { en, fr }
    Range { min, max }
    Setting { value, source, note }
    CitedRange { min, max, source, note }
    Cited { text, source, note }
    Settings {
        min_age, microneedling_min_age, event_buffer_days, first_session_after_days, combined_gap_days,
        practitioner,
    }
    Treatments { microneedling, mesotherapy }
    TreatmentRules {
        name, explain, sessions, interval_days, session_minutes, redness_days, downtime, results,
        maintenance, general_schedule,
    }
    GoalRule { goal, treatment, label, explain, reason, alternative, areas }
    Alternative { treatment, reason }
    WaitRule { item, label, days, reason }
    CautionRule { item, label, warning }
    GoalCourse { id, goals, treatment, sessions, interval_days, reason }
    ScreeningRule { item, label, reason }
    AgeSchedule { id, treatment, ages, sessions, interval_days, reason }
    AftercareRule { id, treatments, areas, text, source, note }
    Messages {
        disclaimer, summary_microneedling, summary_mesotherapy, summary_both, summary_consult,
        summary_event_too_close, under_min_age, microneedling_min_age, prefers_no_redness, no_goals,
        no_treatment_left, goal_without_rule, screening_without_rule, redness_longer_than_accepted,
        downtime_trade_off, event_too_close, event_course_shortened, course_after_event,
        goal_area_mismatch, wait_without_rule, caution_without_rule, age_without_schedule,
        no_dates_without_today,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_the_same() {
        for n in [0, 1, -1, 63, -64, 64, 127, 128, -129, 300, i64::from(i32::MAX), i64::MIN, i64::MAX] {
            let mut out = Vec::new();
            n.pack(&mut out);
            let mut reader = Reader(&out);
            assert_eq!(i64::unpack(&mut reader), Some(n));
            assert!(reader.0.is_empty(), "{n}: bytes left");
        }
        // Small numbers, the common case, take one byte.
        let mut out = Vec::new();
        (-64i64).pack(&mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn every_variant_packs_to_itself() {
        fn check<T: Pack + PartialEq + std::fmt::Debug + Copy>(all: &[T]) {
            for &value in all {
                let mut out = Vec::new();
                value.pack(&mut out);
                assert_eq!(T::unpack(&mut Reader(&out)), Some(value));
            }
        }
        check(&Goal::ALL);
        check(&TreatmentKind::ALL);
        check(&Screening::ALL);
        check(&Recent::ALL);
        check(&Caution::ALL);
        check(&Area::ALL);
    }

    #[test]
    fn damaged_bytes_are_refused_without_a_panic() {
        let packed = Rules::default_rules().to_packed();
        assert!(Rules::from_packed(&packed).is_ok());
        assert!(Rules::from_packed(&[]).is_err());
        assert!(Rules::from_packed(&packed[4..]).is_err(), "no header");
        let mut longer = packed.clone();
        longer.push(0);
        assert!(Rules::from_packed(&longer).is_err(), "trailing bytes");
        // Cut anywhere, or with any one byte changed to 0xff: an error or other rules, never a panic.
        for at in 0..packed.len() {
            assert!(Rules::from_packed(&packed[..at]).is_err(), "cut at {at}");
            let mut changed = packed.clone();
            changed[at] = 0xff;
            let _ = Rules::from_packed(&changed);
        }
        let err = Rules::from_packed(b"TFR\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f").unwrap_err();
        assert_eq!(err.to_string(), "invalid rules: $: the packed rules are damaged or come from another version of the finder");
    }
}
