//! Checks of the words a visitor reads, shared by `recommend lint` (a clinic's rules file)
//! and the tests (the app's own texts): claims a clinic may not publish, and Québec French
//! typography.
//!
//! What the finder says is medical-adjacent advertising for a Montréal clinic: it must never
//! promise a result (Code of ethics of physicians, Consumer Protection Act ss. 219, 220, 228,
//! Health Canada's advertising rules), and its French follows the OQLF.

use super::lowercase::push_lower;
use super::Lang;

/// Words and phrases that promise a result, in each language. Matched whole-word and without
/// regard to case; none is allowed in a visitor-facing text, hedged or not. ("Right away" is
/// not among them: "call the clinic right away" is an instruction, not a promise.)
pub const CLAIMS_EN: &[&str] = &[
    "guarantee",
    "guaranteed",
    "guarantees",
    "permanent",
    "permanently",
    "best fit",
    "will remove",
    "will eliminate",
    "painless",
    "risk-free",
    "no risk",
    "100 %",
    "100%",
    "long-lasting",
];

/// The French counterparts of [`CLAIMS_EN`].
pub const CLAIMS_FR: &[&str] = &[
    "garanti",
    "garantie",
    "garantis",
    "garanties",
    "garantit",
    "permanent",
    "permanente",
    "permanents",
    "permanentes",
    "définitivement",
    "le mieux adapté",
    "la mieux adaptée",
    "éliminera",
    "élimine",
    "sans douleur",
    "indolore",
    "sans risque",
    "100 %",
    "100%",
    "durables",
];

/// The claim words of `lang` that `text` uses.
pub fn claims(text: &str, lang: Lang) -> Vec<&'static str> {
    let list = match lang {
        Lang::En => CLAIMS_EN,
        Lang::Fr => CLAIMS_FR,
    };
    // Char by char (std's mapping, from a smaller table: `lowercase`) rather than
    // `str::to_lowercase`, whose only difference (a final capital sigma becomes `ς`, not `σ`;
    // both are letters of two bytes) cannot change a match, and whose tables cost several KB
    // of WebAssembly (bench/size-notes.md).
    let mut lower = String::with_capacity(text.len());
    text.chars().for_each(|c| push_lower(c, &mut lower));
    list.iter().copied().filter(|claim| contains_phrase(&lower, claim)).collect()
}

/// Whether `phrase` occurs in `text` as whole words (letters or digits on neither side).
fn contains_phrase(text: &str, phrase: &str) -> bool {
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !is_word(before) && !is_word(after)
    })
}

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

/// What breaks the typography rules in a text of `lang`, each as a short sentence. In both
/// languages: "(s)" plurals. In French: a no-break space (U+00A0 or U+202F) before `:` and
/// inside « », no plain space before `;` `?` `!`, two consecutive whole numbers joined by
/// « ou » (« 3 ou 4 », not « 3 à 4 »), and the curly apostrophe.
pub fn typography(text: &str, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for plural in ["(s)", "(es)", "(x)"] {
        if text.contains(plural) {
            out.push(format!("builds a plural with \"{plural}\": write the singular and the plural"));
        }
    }
    if lang == Lang::En {
        return out;
    }
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let no_break = |c: Option<char>| matches!(c, Some(NBSP | NNBSP));
        match c {
            // A colon in an address (https://) or a time (9:30) is not punctuation.
            ':' if after == Some('/') || before.is_some_and(|b| b.is_ascii_digit()) && after.is_some_and(|a| a.is_ascii_digit()) => {}
            ':' if !no_break(before) => out.push(context("needs a no-break space before \":\"", &chars, i)),
            '«' if !no_break(after) => out.push(context("needs a no-break space after \"«\"", &chars, i)),
            '»' if !no_break(before) => out.push(context("needs a no-break space before \"»\"", &chars, i)),
            ';' | '?' | '!' if before == Some(' ') || before == Some(NBSP) => {
                out.push(context(&format!("has a space that can break the line before \"{c}\" (none, or U+202F)"), &chars, i))
            }
            '\'' => out.push(context("uses a straight apostrophe (’ in French)", &chars, i)),
            _ => {}
        }
    }
    // « 3 à 4 séances »: two consecutive whole numbers take « ou ».
    let words: Vec<&str> = text.split([' ', NBSP, NNBSP]).collect();
    for w in words.windows(3) {
        if let (Ok(a), "à", Ok(b)) = (w[0].parse::<i64>(), w[1], w[2].trim_end_matches(|c: char| !c.is_ascii_digit()).parse::<i64>()) {
            if b == a + 1 {
                out.push(format!("writes \"{a} à {b}\": two consecutive numbers take « ou » (\"{a} ou {b}\")"));
            }
        }
    }
    out
}

/// `message` with the few characters around position `i`, so the place can be found.
fn context(message: &str, chars: &[char], i: usize) -> String {
    let from = i.saturating_sub(12);
    let to = (i + 12).min(chars.len());
    let around: String = chars[from..to].iter().collect();
    format!("{message}: \"…{around}…\"")
}

/// A count with its unit, singular or plural as the number asks: "1 day", "14 days",
/// "1 jour", "14 jours" (French takes the singular for 0 and 1).
pub fn days(n: i64, lang: Lang) -> String {
    match lang {
        Lang::En if n == 1 => format!("{n} day"),
        Lang::En => format!("{n} days"),
        Lang::Fr if (0..=1).contains(&n) => format!("{n}{NBSP}jour"),
        Lang::Fr => format!("{n}{NBSP}jours"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_are_found_as_whole_words() {
        assert_eq!(claims("Results are guaranteed.", Lang::En), ["guaranteed"]);
        assert_eq!(claims("This is the best fit for you", Lang::En), ["best fit"]);
        assert!(claims("a guarantor", Lang::En).is_empty());
        assert_eq!(claims("La mésothérapie semble la mieux adaptée.", Lang::Fr), ["la mieux adaptée"]);
        assert!(claims("Results vary.", Lang::En).is_empty());
    }

    #[test]
    fn french_typography() {
        let ok = "Microaiguilletage\u{a0}: 3 ou 4 séances; « vous »? non";
        assert_eq!(typography(ok, Lang::Fr).len(), 2, "{:?}", typography(ok, Lang::Fr));
        let good = "Microaiguilletage\u{a0}: 3 ou 4 séances, de 2 à 4 semaines; «\u{a0}oui\u{a0}» l’été https://x.ca 9:30";
        assert_eq!(typography(good, Lang::Fr), Vec::<String>::new());
        assert_eq!(typography("Séance : 3 à 4", Lang::Fr).len(), 2);
        assert_eq!(typography("Voulez-vous ?", Lang::Fr).len(), 1);
        assert_eq!(typography("1 session(s)", Lang::En).len(), 1);
        assert_eq!(typography("Note: fine", Lang::En), Vec::<String>::new());
    }

    #[test]
    fn day_counts_agree_with_their_number() {
        assert_eq!(days(1, Lang::En), "1 day");
        assert_eq!(days(14, Lang::En), "14 days");
        assert_eq!(days(1, Lang::Fr), "1\u{a0}jour");
        assert_eq!(days(7, Lang::Fr), "7\u{a0}jours");
    }
}
