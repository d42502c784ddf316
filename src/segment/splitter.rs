//! `sentencex`, fed so that its cost follows the text: in windows (it is
//! quadratic on some input), and not at all for a line that it could only
//! return whole. Its first call compiles its patterns and word lists (about
//! 1 ms, a fifth of a run on two one-line articles), and a one-line article
//! needs none of them.

/// Text handed to `sentencex` at most this many bytes at a time. It chunks
/// long input only at paragraph breaks, and within a chunk some input
/// (thousands of unclosed quotation marks) costs it quadratic time: a
/// 240 KB paragraph of `«word` took it 4.6 s.
pub(super) const SPLITTER_WINDOW: usize = 8 * 1024;

/// `sentencex`'s sentence boundaries (byte ranges) in `text`, fed to it in
/// windows of at most [`SPLITTER_WINDOW`] bytes so the cost stays linear
/// in the text's length. A window's last sentence may be cut off by its
/// end, so it is read again at the start of the next window; only a window
/// holding a single sentence is taken whole (ending at a space, where it
/// has one), and that sentence is cut by `cap_length` anyway. A text that
/// [`is_one_sentence`] is its own boundary, as `sentencex` would say.
pub(crate) fn splitter_boundaries(language: &str, text: &str) -> Vec<(usize, usize)> {
    if is_one_sentence(language, text) {
        return vec![(0, text.len())];
    }
    let mut boundaries = Vec::new();
    let mut offset = 0;
    while offset < text.len() {
        let rest = &text[offset..];
        if rest.len() <= SPLITTER_WINDOW {
            let found = sentencex::get_sentence_boundaries(language, rest);
            boundaries.extend(found.iter().map(|b| (offset + b.start_byte, offset + b.end_byte)));
            break;
        }
        let length = window_end(rest);
        let found = sentencex::get_sentence_boundaries(language, &rest[..length]);
        match found.split_last() {
            Some((last, complete)) if !complete.is_empty() && last.start_byte > 0 => {
                boundaries.extend(complete.iter().map(|b| (offset + b.start_byte, offset + b.end_byte)));
                offset += last.start_byte;
            }
            _ => {
                boundaries.extend(found.iter().map(|b| (offset + b.start_byte, offset + b.end_byte)));
                offset += length;
            }
        }
    }
    boundaries
}

/// Where to end a window over `text` (longer than [`SPLITTER_WINDOW`]):
/// at its last space, else at a character boundary.
fn window_end(text: &str) -> usize {
    let mut limit = SPLITTER_WINDOW;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    text[..limit].rfind(char::is_whitespace).filter(|i| *i > 0).unwrap_or(limit)
}

/// True when `sentencex` (English) returns `text` as one sentence: the
/// text is one line that stops only at its end. `sentencex` breaks only
/// after a terminator (`.`, `!`, `?` and their kin in other scripts), at
/// a paragraph break or before a list item; so the line holds no line
/// break, no terminator but its final run (`.`, `?!`), no `)` (every
/// inline list marker has one: `a)`, `(2)`, `iv.)`) and does not start
/// with a bullet (`-`, `*`, `+`). Every other character is ASCII, a
/// letter, or common typography (quotes, dashes, currency signs), none of
/// them a terminator: a test puts every letter of Unicode through
/// `sentencex` to check that, and random lines over the edge cases.
fn is_one_sentence(language: &str, text: &str) -> bool {
    if language != "en" || text.len() > SPLITTER_WINDOW {
        return false;
    }
    let line = text.trim_matches([' ', '\t']);
    let body = line.trim_end_matches(['.', '!', '?']);
    !body.is_empty()
        && !body.starts_with(['-', '*', '+'])
        && body.chars().all(|c| match c {
            '.' | '!' | '?' | ')' => false,
            ' ' | '\t' => true,
            c if c.is_ascii() => !c.is_ascii_control(),
            '‘' | '’' | '“' | '”' | '«' | '»' | '–' | '—' | '€' | '£' | '¥' | '°' => true,
            c => c.is_alphabetic(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn by_sentencex(text: &str) -> Vec<(usize, usize)> {
        sentencex::get_sentence_boundaries("en", text).iter().map(|b| (b.start_byte, b.end_byte)).collect()
    }

    #[test]
    fn a_one_line_article_is_one_sentence_without_asking_sentencex() {
        for line in [
            "The Dravik dam burst on Tuesday and 300 people left their homes.",
            "Floodwater reached the old town’s “lower” streets — €4m of damage?!",
            "  No terminator at all, 40% of it, in Zürich  ",
        ] {
            assert!(is_one_sentence("en", line), "{line}");
            assert_eq!(splitter_boundaries("en", line), by_sentencex(line), "{line}");
        }
        for line in [
            "Two sentences. In one line.",
            "A list: (a) one (b) two",
            "- a bullet",
            "One line\nand another",
            "Dr. Vasquez spoke.",
            "",
            "   ",
        ] {
            assert!(!is_one_sentence("en", line), "{line}");
        }
        assert!(!is_one_sentence("fr", "Une phrase."));
    }

    #[test]
    fn no_letter_of_unicode_ends_a_sentence_for_sentencex() {
        // If sentencex took some letter for a terminator (as it takes `。`),
        // a line with it before a capitalised word would break there.
        let letters: Vec<char> = (0u32..0x11_0000).filter_map(char::from_u32).filter(|c| c.is_alphabetic()).collect();
        for chunk in letters.chunks(400) {
            let line: String = chunk.iter().map(|c| format!("Xy{c} Zw ")).collect();
            let line = format!("{}.", line.trim_end());
            assert!(is_one_sentence("en", &line));
            assert_eq!(by_sentencex(&line), vec![(0, line.len())], "a letter in {chunk:?} ends a sentence");
        }
        // The typography the check admits, each before a capitalised word.
        let line = "Xy‘ Zw’ Xy“ Zw” Xy« Zw» Xy– Zw— Xy€ Zw£ Xy¥ Zw° Xy.";
        assert!(is_one_sentence("en", line));
        assert_eq!(by_sentencex(line), vec![(0, line.len())]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn a_line_taken_whole_is_what_sentencex_returns(
            text in "[ a-zA-Z0-9,;:'\"`()\\[\\]{}<>@#&*+/=_%$-]{0,3}(?:[ aZ1.!?,;:'\"`()\\[\\]*+-]|(?:Dr|U\\.S|ii|iv|e\\.g|No)\\.?|[‘’“”«»–—€°é…•。]){0,30}[ .!?\"”)]{0,3}"
        ) {
            if is_one_sentence("en", &text) {
                prop_assert_eq!(splitter_boundaries("en", &text), by_sentencex(&text));
            }
        }

        #[test]
        fn lines_of_words_and_marks_are_taken_whole_only_as_sentencex_would(
            words in proptest::collection::vec(
                "[A-Za-z]{1,6}|[0-9]{1,4}|[(\\[<{'\"`‘“«]|[)\\]>}'\"`’”»]|[-*+•@#,;:/–—]|(?:a|ii|iv|1|12)[).]|[.!?…]",
                0..14,
            ),
            spaces in proptest::collection::vec("[ \t]{0,2}", 14),
            end in "[.!?]{0,3}[ \t]{0,2}",
        ) {
            let text: String = words.iter().zip(&spaces).map(|(w, s)| format!("{w}{s} ")).collect::<String>() + &end;
            if is_one_sentence("en", &text) {
                prop_assert_eq!(splitter_boundaries("en", &text), by_sentencex(&text));
            }
        }
    }
}
