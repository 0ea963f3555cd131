//! The clinic's contact text with its phone numbers and e-mail addresses found, so that a
//! visitor on a phone can tap them (`tel:` and `mailto:` links) instead of copying them.
//!
//! Pure: the text is the clinic's (`clinic.json`'s `contact`, or a widget's attribute), and
//! what is not a phone number or an address stays plain text, exactly as written.

/// A piece of the contact text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// As written (`514 555-0100`), and the link (`tel:+15145550100`).
    Phone { text: String, href: String },
    /// As written, and the link (`mailto:hello@example.com`).
    Email { text: String, href: String },
}

/// The fewest and most digits a phone number has: a local number with its area code (10 in
/// North America) to an international one (15, the ITU's limit).
const MIN_DIGITS: usize = 10;
const MAX_DIGITS: usize = 15;

/// Splits `text` into plain text, phone numbers and e-mail addresses, in order. Joined, the
/// pieces' texts give `text` back.
pub fn pieces(text: &str) -> Vec<Piece> {
    // Each link found: where it starts and ends in `text`, and the piece.
    let mut found: Vec<(usize, usize, Piece)> = emails(text);
    let mut i = 0;
    while let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
        let starts_run = (c.is_ascii_digit() || c == '+' || c == '(')
            && !text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
            && !found.iter().any(|(start, end, _)| (*start..*end).contains(&i));
        if starts_run {
            let (run, phone) = phone_at(&text[i..]);
            if let Some((piece, len)) = phone.filter(|(_, len)| !found.iter().any(|(s, _, _)| (i..i + len).contains(s))) {
                found.push((i, i + len, piece));
            }
            // A run of digits too long or too short to be a number is skipped whole.
            i += run.max(c.len_utf8());
            continue;
        }
        i += c.len_utf8();
    }
    // A contact text holds a few links.
    crate::sort_few_by_key(&mut found, |(start, _, _)| *start);
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, piece) in found {
        if start > at {
            out.push(Piece::Text(text[at..start].to_string()));
        }
        out.push(piece);
        at = end;
    }
    if at < text.len() {
        out.push(Piece::Text(text[at..].to_string()));
    }
    out
}

/// A phone number at the start of `text`: digits with spaces, `-`, `.`, and an optional
/// leading `+` and parentheses between them, 10 to 15 digits. Returns the length of the run of
/// digits and separators in bytes, and the piece with its length, when it is a number.
fn phone_at(text: &str) -> (usize, Option<(Piece, usize)>) {
    let mut digits = String::new();
    let mut last_digit_end = 0;
    let mut run = 0;
    for (i, c) in text.char_indices() {
        match c {
            '0'..='9' => {
                digits.push(c);
                last_digit_end = i + 1;
            }
            '+' if i == 0 => {}
            ' ' | '-' | '.' | '(' | ')' | '\u{a0}' => {}
            _ => break,
        }
        // Two separators in a row end the number (`514-555-0100 (Monday`).
        if i + c.len_utf8() - last_digit_end > 2 {
            break;
        }
        run = i + c.len_utf8();
    }
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits.len()) {
        return (run, None);
    }
    let written = &text[..last_digit_end];
    let href = if written.starts_with('+') || (digits.len() == 11 && digits.starts_with('1')) {
        format!("tel:+{digits}")
    } else if digits.len() == 10 {
        // A North American number written without its country code (the clinic is in Montréal).
        format!("tel:+1{digits}")
    } else {
        format!("tel:{digits}")
    };
    (run, Some((Piece::Phone { text: written.to_string(), href }, last_digit_end)))
}

/// Every e-mail address in `text`: letters, digits and `._%+-` before an `@`, and a domain
/// with at least one dot after it (a sentence's full stop is not part of it).
fn emails(text: &str) -> Vec<(usize, usize, Piece)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('@') {
        let start = text[..at].char_indices().rev().take_while(|(_, c)| is_local(*c)).last().map_or(at, |(i, _)| i);
        let after = &text[at + 1..];
        let domain_len = after.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.')).unwrap_or(after.len());
        let domain = after[..domain_len].trim_end_matches('.');
        let labels_ok = domain.split('.').all(|label| !label.is_empty()) && domain.contains('.');
        if start == at || !labels_ok || out.iter().any(|(_, end, _)| *end > start) {
            continue;
        }
        let address = &text[start..at + 1 + domain.len()];
        out.push((start, at + 1 + domain.len(), Piece::Email { text: address.to_string(), href: format!("mailto:{address}") }));
    }
    out
}

fn is_local(c: char) -> bool {
    c.is_alphanumeric() || "._%+-".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(String, String)> {
        pieces(text)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Phone { text, href } | Piece::Email { text, href } => Some((text, href)),
                Piece::Text(_) => None,
            })
            .collect()
    }

    fn joined(text: &str) -> String {
        pieces(text)
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) | Piece::Phone { text: t, .. } | Piece::Email { text: t, .. } => t,
            })
            .collect()
    }

    #[test]
    fn phones_and_addresses_become_links() {
        let en = "Call 514-555-0100 (Monday to Friday, 9 a.m. to 5 p.m.) or write to hello@example.com.";
        assert_eq!(
            links(en),
            [
                ("514-555-0100".into(), "tel:+15145550100".into()),
                ("hello@example.com".into(), "mailto:hello@example.com".into())
            ]
        );
        let fr = "Appelez-nous au 514 555-0100 (du lundi au vendredi, de 9 h à 17 h) ou écrivez-nous à hello@example.com.";
        assert_eq!(
            links(fr),
            [
                ("514 555-0100".into(), "tel:+15145550100".into()),
                ("hello@example.com".into(), "mailto:hello@example.com".into())
            ]
        );
        for (text, href) in [
            ("(514) 555-0100", "tel:+15145550100"),
            ("+1 514 555 0100", "tel:+15145550100"),
            ("1-800-555-0199", "tel:+18005550199"),
            ("+33 1 23 45 67 89", "tel:+33123456789"),
            ("514.555.0100", "tel:+15145550100"),
        ] {
            assert_eq!(links(&format!("Tél. : {text}.")), [(text.to_string(), href.to_string())], "{text}");
        }
        assert_eq!(links("rdv.clinique@exemple-montreal.ca"), [("rdv.clinique@exemple-montreal.ca".into(), "mailto:rdv.clinique@exemple-montreal.ca".into())]);
    }

    #[test]
    fn hours_dates_and_short_numbers_stay_text() {
        for text in ["de 9 h à 17 h", "Open 9 to 5, suite 200", "2026-12-02", "Call ext. 12345", "@clinic on social media", "a@b", "x@.com"] {
            assert_eq!(links(text), [], "{text}");
        }
    }

    #[test]
    fn the_text_is_kept_exactly() {
        for text in [
            "Call 514-555-0100 (Monday to Friday) or write to hello@example.com.",
            "Écrivez à reception.consultations@clinique-dermo-esthetique-exemple-montreal.example.com",
            "",
            "(((+",
            "@@@ 123 4567 89012 3456789012345678",
            "é@é.é",
        ] {
            assert_eq!(joined(text), text);
        }
    }
}
