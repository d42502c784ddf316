//! Text clean-up applied to every article before anything else sees it.
//!
//! Article text is untrusted. Cleaning it once, at the door, means every
//! later stage (the terminal, the Markdown and HTML reports, the JSON) works
//! on text that cannot move the cursor, retitle the terminal, write the
//! clipboard or disguise itself with bidi overrides.

use unicode_normalization::UnicodeNormalization;

/// Cleans raw decoded text: line endings to `\n`, escape sequences and
/// control characters removed, tabs and exotic spaces to plain spaces,
/// invisible format characters dropped, Unicode composed (NFC).
#[must_use]
pub fn clean_text(raw: &str) -> String {
    // Most text needs no change: check that first, cheaply, before rebuilding it.
    let mut plain_composed = true;
    for c in raw.chars() {
        if needs_cleaning(c) {
            plain_composed = false;
            break;
        }
        // Below U+0300 and among common punctuation nothing composes; other
        // characters need the full quick check.
        plain_composed &= c < '\u{300}' || ('\u{2010}'..='\u{2027}').contains(&c);
    }
    if plain_composed
        || (!raw.chars().any(needs_cleaning)
            && unicode_normalization::is_nfc_quick(raw.chars()) == unicode_normalization::IsNormalized::Yes)
    {
        return raw.to_owned();
    }
    let without_escapes = strip_escape_sequences(raw);
    let mut out = String::with_capacity(without_escapes.len());
    let mut chars = without_escapes.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // CRLF and lone CR both end a line.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c if is_invisible(c) => {}
            c if c.is_control() => {}
            c if is_space_separator(c) => out.push(' '),
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            c => out.push(c),
        }
    }
    // Most text is already composed; checking is far cheaper than rebuilding.
    if unicode_normalization::is_nfc_quick(out.chars()) == unicode_normalization::IsNormalized::Yes {
        return out;
    }
    out.nfc().collect()
}

/// True for a character [`clean_text`] removes or replaces.
fn needs_cleaning(c: char) -> bool {
    if (' '..'\u{7f}').contains(&c) || c == '\n' {
        return false;
    }
    c.is_control() || is_invisible(c) || is_space_separator(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Cleans a single-line field such as a title, byline or file name: as
/// [`clean_text`], with line breaks folded to spaces and runs of spaces collapsed.
#[must_use]
pub fn clean_line(raw: &str) -> String {
    let cleaned = clean_text(raw);
    collapse_spaces(&cleaned)
}

/// Collapses every run of whitespace to one space and trims the ends.
#[must_use]
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Characters that change how text is displayed without being visible:
/// bidi embeddings, overrides and isolates, zero-width characters, the BOM
/// and the soft hyphen. Right-to-left text needs none of them to display in
/// logical order, and they are the tools of disguise (Trojan Source).
#[must_use]
pub const fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{061C}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// Unicode space separators other than the plain space (no-break space,
/// thin space, narrow no-break space used as a thousands separator, ...).
const fn is_space_separator(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// Removes ANSI/ECMA-48 escape sequences: CSI (`ESC [` or C1 `U+009B`),
/// OSC (`ESC ]` or `U+009D`, ended by BEL or ST), DCS/SOS/PM/APC strings and
/// two-byte `ESC x` sequences. Unlike a generic stripper this also removes
/// the parameters of C1-introduced sequences and keeps tabs and CRs for the
/// caller to normalise.
#[must_use]
pub fn strip_escape_sequences(text: &str) -> String {
    if !text.contains(['\u{1b}', '\u{9b}', '\u{9d}', '\u{90}', '\u{98}', '\u{9e}', '\u{9f}']) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let introducer = match c {
            '\u{1b}' => match chars.peek().copied() {
                Some('[') => {
                    chars.next();
                    Some(Sequence::Csi)
                }
                Some(']') => {
                    chars.next();
                    Some(Sequence::String)
                }
                Some('P' | 'X' | '^' | '_') => {
                    chars.next();
                    Some(Sequence::String)
                }
                Some(next) if ('\u{20}'..='\u{7e}').contains(&next) => {
                    // Two-character escape (ESC 7, ESC c, ...): drop both.
                    chars.next();
                    None
                }
                _ => None,
            },
            '\u{9b}' => Some(Sequence::Csi),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => Some(Sequence::String),
            other => {
                out.push(other);
                continue;
            }
        };
        match introducer {
            Some(Sequence::Csi) => {
                // Parameters and intermediates, then one final byte 0x40–0x7E.
                for next in chars.by_ref() {
                    if ('\u{40}'..='\u{7e}').contains(&next) {
                        break;
                    }
                    if !('\u{20}'..='\u{3f}').contains(&next) {
                        break;
                    }
                }
            }
            Some(Sequence::String) => {
                // Until BEL, ST (ESC \ or U+009C).
                while let Some(next) = chars.next() {
                    if next == '\u{7}' || next == '\u{9c}' {
                        break;
                    }
                    if next == '\u{1b}' && chars.peek() == Some(&'\\') {
                        chars.next();
                        break;
                    }
                }
            }
            None => {}
        }
    }
    out
}

enum Sequence {
    Csi,
    String,
}

/// Folds typographic variants to their plain forms for comparison only
/// (curly quotes, primes, dashes, ellipsis); display text keeps the original.
#[must_use]
pub const fn fold_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '-',
        c => c,
    }
}

/// Folds the decimal digits of other scripts (Arabic-Indic, Persian,
/// Devanagari, Bengali, fullwidth) and the Arabic decimal and thousands
/// separators to ASCII, for reading figures; display text keeps the original.
#[must_use]
pub fn fold_digit(c: char) -> char {
    let zero = match c {
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        '\u{0966}'..='\u{096F}' => 0x0966,
        '\u{09E6}'..='\u{09EF}' => 0x09E6,
        '\u{FF10}'..='\u{FF19}' => 0xFF10,
        '\u{066B}' => return '.',
        '\u{066C}' => return ',',
        _ => return c,
    };
    char::from_digit(u32::from(c) - zero, 10).unwrap_or(c)
}

/// Removes diacritics and folds to lower case ASCII where a base letter
/// exists (Milošević → milosevic); other characters are lower-cased as is.
#[must_use]
pub fn fold_diacritics_lower(text: &str) -> String {
    if text.is_ascii() {
        // Nothing to decompose or map: the common case, without the
        // decomposition's buffers (names are folded by the thousand).
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ø' => 'o',
            'ł' => 'l',
            'đ' => 'd',
            'ß' => 's',
            'æ' => 'a',
            'œ' => 'o',
            'ı' => 'i',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_become_newlines() {
        assert_eq!(clean_text("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        let hostile = "Ti\u{1b}[31mtle\u{1b}]0;pwned\u{7} end\u{1b}]52;c;ZXZpbA==\u{1b}\\!\u{0}\u{9b}31mX";
        assert_eq!(clean_text(hostile), "Title end!X");
    }

    #[test]
    fn bidi_overrides_and_zero_width_characters_are_removed() {
        assert_eq!(clean_text("abc\u{202E}fed\u{2066}x\u{200B}y\u{FEFF}"), "abcfedxy");
    }

    #[test]
    fn exotic_spaces_become_plain_spaces() {
        assert_eq!(clean_text("10\u{202F}000\u{A0}people\tnow"), "10 000 people now");
    }

    #[test]
    fn clean_text_is_returned_unchanged() {
        for text in ["Plain ASCII text.\nSecond line.", "Café “quoted” — 10 000 people", "Дамба прорвалась. 大坝决堤。"]
        {
            assert_eq!(clean_text(text), text);
        }
        // Decomposed text takes the slow path even without controls.
        assert_eq!(clean_text("Cafe\u{301}"), "Café");
    }

    #[test]
    fn text_is_composed() {
        assert_eq!(clean_text("Milos\u{30C}evic\u{301}"), "Milošević");
    }

    #[test]
    fn folding_removes_diacritics() {
        assert_eq!(fold_diacritics_lower("Milošević Łódź"), "milosevic lodz");
    }
}
