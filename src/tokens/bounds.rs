//! UAX #29 word boundaries with a fast path for ASCII text: the same
//! segments as `unicode_segmentation`'s `split_word_bound_indices`, found
//! from a byte's class instead of a table search per character (start-up:
//! the table search was ~4% of a run on the samples). Text with any
//! non-ASCII byte goes to `unicode_segmentation`.

use unicode_segmentation::UnicodeSegmentation;

/// Segments of `text` at UAX #29 word boundaries, with their start.
///
/// Text with non-ASCII characters goes line by line: UAX #29 always breaks
/// after a line feed (WB3a), so each line (with its line feed) segments as
/// it does inside the whole text, and only the lines with a non-ASCII
/// character need the table (an article with one "€" keeps the fast path
/// for its other lines).
pub(crate) fn word_bounds(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_ascii = text.is_ascii();
    let ascii = is_ascii.then_some(Ascii { text, at: 0 });
    let other = (!is_ascii).then(|| {
        text.split_inclusive('\n').scan(0, |start, line| {
            let offset = *start;
            *start += line.len();
            Some(Line::new(offset, line))
        })
    });
    ascii.into_iter().flatten().chain(other.into_iter().flatten().flatten())
}

/// One line's segments, by the fast path when the line is ASCII.
enum Line<'a> {
    Ascii(usize, Ascii<'a>),
    Other(usize, unicode_segmentation::UWordBoundIndices<'a>),
}

impl<'a> Line<'a> {
    fn new(offset: usize, line: &'a str) -> Self {
        if line.is_ascii() {
            Self::Ascii(offset, Ascii { text: line, at: 0 })
        } else {
            Self::Other(offset, line.split_word_bound_indices())
        }
    }
}

impl<'a> Iterator for Line<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let (offset, (start, segment)) = match self {
            Self::Ascii(offset, segments) => (*offset, segments.next()?),
            Self::Other(offset, segments) => (*offset, segments.next()?),
        };
        Some((offset + start, segment))
    }
}

struct Ascii<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Ascii<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        if start >= bytes.len() {
            return None;
        }
        let mut end = start + 1;
        while end < bytes.len() {
            // Inside a run of letters and digits there is no boundary
            // (WB5, WB8, WB9, WB10): the common case, without the rules.
            let inside = bytes[end - 1].is_ascii_alphanumeric() && bytes[end].is_ascii_alphanumeric();
            if !inside && breaks(bytes, end) {
                break;
            }
            end += 1;
        }
        self.at = end;
        Some((start, &self.text[start..end]))
    }
}

/// Word_Break property values of the ASCII characters (WordBreakProperty.txt).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Cr,
    Lf,
    Newline,
    WSegSpace,
    ALetter,
    Numeric,
    ExtendNumLet,
    MidLetter,
    MidNum,
    /// MidNumLet and Single_Quote (`MidNumLetQ` of the rules).
    MidNumLetQ,
    Other,
}

/// Each ASCII byte's class, so a look-up is one load.
static CLASSES: [Class; 128] = {
    let mut classes = [Class::Other; 128];
    let mut byte = 0;
    while byte < 128 {
        classes[byte as usize] = class_of(byte);
        byte += 1;
    }
    classes
};

fn class(byte: u8) -> Class {
    CLASSES.get(usize::from(byte)).copied().unwrap_or(Class::Other)
}

const fn class_of(byte: u8) -> Class {
    match byte {
        b'\r' => Class::Cr,
        b'\n' => Class::Lf,
        0x0B | 0x0C => Class::Newline,
        b' ' => Class::WSegSpace,
        b'A'..=b'Z' | b'a'..=b'z' => Class::ALetter,
        b'0'..=b'9' => Class::Numeric,
        b'_' => Class::ExtendNumLet,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' | b'\'' => Class::MidNumLetQ,
        _ => Class::Other,
    }
}

/// Whether UAX #29 breaks between `bytes[at - 1]` and `bytes[at]` (rules
/// WB3–WB13b, WB999; the others concern characters beyond ASCII).
fn breaks(bytes: &[u8], at: usize) -> bool {
    use Class::{ALetter, Cr, ExtendNumLet, Lf, MidLetter, MidNum, MidNumLetQ, Newline, Numeric, WSegSpace};
    let before = class(bytes[at - 1]);
    let after = class(bytes[at]);
    let before_before = || at.checked_sub(2).map(|i| class(bytes[i]));
    let after_after = || bytes.get(at + 1).map(|b| class(*b));
    match (before, after) {
        (Cr, Lf) | (WSegSpace, WSegSpace) => false,
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => true,
        (ALetter | Numeric, ALetter | Numeric) => false,
        (ALetter, MidLetter | MidNumLetQ) if after_after() == Some(ALetter) => false,
        (MidLetter | MidNumLetQ, ALetter) if before_before() == Some(ALetter) => false,
        (MidNum | MidNumLetQ, Numeric) if before_before() == Some(Numeric) => false,
        (Numeric, MidNum | MidNumLetQ) if after_after() == Some(Numeric) => false,
        (ALetter | Numeric | ExtendNumLet, ExtendNumLet) | (ExtendNumLet, ALetter | Numeric) => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn agree(text: &str) {
        let fast: Vec<(usize, &str)> = word_bounds(text).collect();
        let table: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
        assert_eq!(fast, table, "{text:?}");
    }

    #[test]
    fn ascii_bounds_are_the_tables_bounds_on_every_pair_and_triple() {
        for a in 0..128u8 {
            for b in 0..128u8 {
                agree(&String::from_utf8(vec![a, b]).expect("ascii"));
                for c in [b'a', b'1', b'.', b',', b':', b'\'', b'_', b' ', b'\r', b'\n', b'-', b'"'] {
                    agree(&String::from_utf8(vec![a, b, c]).expect("ascii"));
                    agree(&String::from_utf8(vec![c, a, b]).expect("ascii"));
                }
            }
        }
    }

    #[test]
    fn written_cases() {
        for text in [
            "",
            "U.S. troops",
            "4,500 people; 3.5% of 1,2,3",
            "can't won't 'quoted'",
            "a:b 10:30 e.g. x_1 _a_",
            "line\r\nnext\n\n\r\r",
            "a  b   c",
            "1.2.3 a.b.c a..b 1,,2 a'.b",
            "Sérgio 300",
            "\u{a0}x",
        ] {
            agree(text);
        }
    }

    #[test]
    fn lines_with_other_characters_are_segmented_by_the_table() {
        for text in [
            "€40 lost\nThe dam's wall\r\nfell",
            "a\n\u{301}b\n",
            "x\r\n\r\n‘quoted’ — 4,500\n",
            "Sérgio\nSergio said\n\n",
            "🇫🇷🇩🇪\n🇫🇷x",
        ] {
            agree(text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn mixed_lines_are_the_tables_bounds(text in "[a-c0-2.,:'’é\u{301}\u{200d}🇫🇷 \r\n\t-]{0,24}") {
            let fast: Vec<(usize, &str)> = word_bounds(&text).collect();
            let table: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
            prop_assert_eq!(fast, table);
        }

        #[test]
        fn ascii_bounds_are_the_tables_bounds(text in "[a-cA-C0-2.,;:'\"_ \\r\\n\\t\\x0b\\x0c!?()-]{0,24}") {
            let fast: Vec<(usize, &str)> = word_bounds(&text).collect();
            let table: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
            prop_assert_eq!(fast, table);
        }
    }
}
