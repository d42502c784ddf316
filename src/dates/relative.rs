//! Relative dates ("on Tuesday night", "late on Friday", "yesterday",
//! "this morning") found by a hand-written scanner instead of a regular
//! expression: compiling the pattern took about half a millisecond of every
//! run that met the word "day" (start-up, issue 11). The scanner finds
//! exactly what this pattern finds, leftmost first, with the same
//! preferences between alternatives (the tests compare the two):
//!
//! ```text
//! (?i)\b(?:(?:on|last|this|late on|early on|early|late)\s+)?(?P<wd>monday|…|sunday)
//!       (?:\s+(?P<part>night|evening|morning|afternoon))?\b
//!   | \b(?P<rel>yesterday|today|tonight|last night|this morning|this afternoon
//!       |this evening|the day before yesterday)\b
//! ```

use std::ops::Range;

/// Words that may stand before a weekday, in the pattern's order.
const BEFORE_WEEKDAY: [&str; 7] = ["on", "last", "this", "late on", "early on", "early", "late"];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const PARTS_OF_DAY: [&str; 4] = ["night", "evening", "morning", "afternoon"];
/// Words that are relative dates by themselves, in the pattern's order.
const RELATIVE_WORDS: [&str; 8] = [
    "yesterday",
    "today",
    "tonight",
    "last night",
    "this morning",
    "this afternoon",
    "this evening",
    "the day before yesterday",
];

/// One relative date: where it is, and where its weekday or its relative
/// word is (byte ranges into the scanned text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Relative {
    pub(super) whole: Range<usize>,
    pub(super) weekday: Option<Range<usize>>,
    pub(super) word: Option<Range<usize>>,
}

/// The relative dates of `text`, left to right, not overlapping.
pub(super) fn scan(text: &str) -> Vec<Relative> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(next) = first_from(text, from) {
        from = next.whole.end;
        found.push(next);
    }
    found
}

/// The leftmost relative date starting at or after `from`: every form
/// starts with a letter at a word boundary ([`super::word_starts`]).
fn first_from(text: &str, from: usize) -> Option<Relative> {
    super::word_starts(text, from)
        .filter(|&(p, c)| may_start(c) && OPENINGS.iter().any(|opening| literal(text, p, opening).is_some()))
        .find_map(|(p, _)| at(text, p))
}

/// Whether a form can start with `c`: each opens with one of the letters
/// o l t e m w f s y (either case, or the long s). A cheap test before the
/// forms are tried at each word (start-up, issue 11).
fn may_start(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'o' | 'l' | 't' | 'e' | 'm' | 'w' | 'f' | 's' | 'y') || c == 'ſ'
}

/// The first two letters of every form: a word opening with none of them
/// is not tried (each of [`at`]'s alternatives starts with one).
const OPENINGS: [&str; 12] = ["on", "la", "th", "ea", "mo", "tu", "we", "fr", "sa", "su", "ye", "to"];

/// The relative date starting exactly at `start`, preferring what the
/// pattern prefers: a weekday (with a word before it, then without), then
/// a relative word.
fn at(text: &str, start: usize) -> Option<Relative> {
    for before in BEFORE_WEEKDAY {
        if let Some(after) = literal(text, start, before)
            && let Some(day) = spaces(text, after).and_then(|at| weekday(text, at))
        {
            return Some(Relative { whole: start..day.1, weekday: Some(day.0), word: None });
        }
    }
    if let Some((day, end)) = weekday(text, start) {
        return Some(Relative { whole: start..end, weekday: Some(day), word: None });
    }
    RELATIVE_WORDS.iter().find_map(|word| {
        let end = literal(text, start, word).filter(|end| ends_word(text, *end))?;
        Some(Relative { whole: start..end, weekday: None, word: Some(start..end) })
    })
}

/// A weekday at `start`, with a part of the day after it when one follows:
/// the weekday's range and where the whole ends.
fn weekday(text: &str, start: usize) -> Option<(Range<usize>, usize)> {
    let end = WEEKDAYS.iter().find_map(|day| literal(text, start, day))?;
    let part = spaces(text, end)
        .and_then(|at| PARTS_OF_DAY.iter().find_map(|part| literal(text, at, part).filter(|e| ends_word(text, *e))));
    match part {
        Some(part_end) => Some((start..end, part_end)),
        None => ends_word(text, end).then_some((start..end, end)),
    }
}

/// Where `word` (lower-case ASCII, spaces literal) ends when `text` has it
/// at `start`, compared as `(?i)` compares: a letter also matches its
/// capital, `ſ` matches `s` and the Kelvin sign matches `k`.
fn literal(text: &str, start: usize, word: &str) -> Option<usize> {
    let mut chars = text[start..].char_indices();
    for expected in word.chars() {
        let (_, c) = chars.next()?;
        let folded = match c {
            'ſ' => 's',
            '\u{212A}' => 'k',
            c => c.to_ascii_lowercase(),
        };
        if folded != expected {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(offset, _)| start + offset))
}

/// After one or more white-space characters at `start` (`\s+`), if any.
fn spaces(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let skipped = rest.len() - rest.trim_start_matches(char::is_whitespace).len();
    (skipped > 0).then_some(start + skipped)
}

/// A word boundary at `end`, just after a letter (`\b`).
fn ends_word(text: &str, end: usize) -> bool {
    !text[end..].chars().next().is_some_and(regex_syntax::is_word_character)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The pattern the scanner replaces, as it was.
    fn pattern() -> &'static regex::Regex {
        static PATTERN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(&format!(
            r"(?i)\b(?:(?:on|last|this|late on|early on|early|late)\s+)?(?P<wd>{})(?:\s+(?P<part>night|evening|morning|afternoon))?\b|\b(?P<rel>yesterday|today|tonight|last night|this morning|this afternoon|this evening|the day before yesterday)\b",
            WEEKDAYS.join("|")
        ))
            .expect("regex")
        });
        &PATTERN
    }

    fn by_pattern(regex: &regex::Regex, text: &str) -> Vec<Relative> {
        regex
            .captures_iter(text)
            .filter_map(|c| {
                Some(Relative {
                    whole: c.get(0)?.range(),
                    weekday: c.name("wd").map(|m| m.range()),
                    word: c.name("rel").map(|m| m.range()),
                })
            })
            .collect()
    }

    #[test]
    fn finds_what_the_pattern_found() {
        let regex = pattern();
        for text in [
            "The dam gave way on Tuesday night; yesterday it rained, and on Wednesday it stopped.",
            "late on Friday, early on Saturday morning, early Sunday, late Monday evening",
            "last night, this morning, this afternoon, this evening, tonight, today",
            "the day before yesterday; Tuesdays; upon Tuesday; on  \u{a0}Tuesday   night",
            "ON TUESDAY NIGHT, ſunday, on \u{212A}onday, éMonday, Monday_, Mondayé, Monday nightly",
            "last Tuesday night last night this Friday afternoon early on on Tuesday",
            "",
            "day",
        ] {
            assert_eq!(scan(text), by_pattern(regex, text), "{text:?}");
        }
        let found = scan("We left on Tuesday night and came back yesterday.");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].whole, 8..24);
        assert_eq!(found[1].word, Some(39..48));
    }

    #[test]
    fn every_form_starts_with_an_opening() {
        for form in BEFORE_WEEKDAY.iter().chain(&WEEKDAYS).chain(&RELATIVE_WORDS) {
            assert!(OPENINGS.iter().any(|opening| form.starts_with(opening)), "{form}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn agrees_with_the_pattern_on_mixed_words(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "on", "On", "last", "this", "late", "early", "Tuesday", "SUNDAY", "ſunday", "friday",
                    "night", "Evening", "morning", "afternoon", "yesterday", "today", "tonight", "the",
                    "day", "before", "x", "é", "1", "_", "ǅ", "\u{212A}", "s", "Mon", "day",
                ]),
                0..12,
            ),
            separators in proptest::collection::vec(
                proptest::sample::select(vec!["", " ", "  ", "\t", "\u{a0}", ", ", ".", "-", "\n"]),
                12,
            ),
        ) {
            let text: String = words.iter().zip(&separators).map(|(w, s)| format!("{w}{s}")).collect();
            prop_assert_eq!(scan(&text), by_pattern(pattern(), &text), "{:?}", text);
        }
    }
}
