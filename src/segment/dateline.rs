//! Wire-service datelines at the start of a sentence ("VELMORA, March 4
//! (CPA) -", "LONDON (Reuters) —").

use crate::segment::shapes::{in_class, unicode_class};
use std::sync::LazyLock;

/// The dateline pattern. Unbounded repetitions with the lengths checked
/// afterwards: bounded repeats of Unicode classes ("[\p{Lu}…]{2,40}")
/// compile to an automaton 40 classes long, and that one regex took 15 ms
/// — half of a whole run on the samples.
const DATELINE: &str = r"^(?P<place>\p{Lu}[\p{Lu}\p{M} .'’-]+)(?:,\s*(?P<region>[\p{Lu}a-z .'’-]+))?(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2}|[0-9]{1,2}\s+[A-Z][a-z]{2,8}))?(?:\s*\((?P<agency>[^()]+)\))?\s*[-–—]{1,2}\s+";

/// [`DATELINE`] for a sentence without a capital or a mark beyond ASCII:
/// there `\p{Lu}` matches what `[A-Z]` matches and `\p{M}` nothing, so the
/// two find the same match with the same groups, and this one compiles in
/// a quarter of the time (start-up: most sentences are such).
const DATELINE_ASCII: &str = r"^(?P<place>[A-Z][A-Z .'’-]+)(?:,\s*(?P<region>[A-Za-z .'’-]+))?(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2}|[0-9]{1,2}\s+[A-Z][a-z]{2,8}))?(?:\s*\((?P<agency>[^()]+)\))?\s*[-–—]{1,2}\s+";

/// Whether [`DATELINE_ASCII`] stands for [`DATELINE`] on `sentence`: no
/// character of `[\p{Lu}\p{M}]` beyond ASCII.
fn ascii_will_do(sentence: &str) -> bool {
    static WIDE: LazyLock<Vec<(char, char)>> = LazyLock::new(|| unicode_class(r"[\p{Lu}\p{M}]"));
    sentence.chars().all(|c| c.is_ascii() || !in_class(&WIDE, c))
}

/// The length of a wire-service dateline at the start of a sentence,
/// dash and space included.
pub(super) fn dateline_length(sentence: &str) -> Option<usize> {
    static FULL: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| crate::prefilter::lean_regex(DATELINE));
    static ASCII: LazyLock<regex_automata::meta::Regex> =
        LazyLock::new(|| crate::prefilter::lean_regex(DATELINE_ASCII));
    // Gate (the pattern is compiled only when a sentence passes): a capital
    // first, no lower-case ASCII letter second, a dash somewhere.
    let mut chars = sentence.chars();
    let could_match = chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(|c| !c.is_ascii_lowercase())
        && sentence.contains(['-', '–', '—']);
    if !could_match {
        return None;
    }
    let pattern: &regex_automata::meta::Regex = if ascii_will_do(sentence) { &ASCII } else { &FULL };
    let mut captures = pattern.create_captures();
    pattern.captures(sentence, &mut captures);
    let found = captures.get_match()?;
    let chars = |name: &str| captures.get_group_by_name(name).map(|m| sentence[m.range()].chars().count());
    let fits = |name: &str, range: std::ops::RangeInclusive<usize>| chars(name).is_none_or(|n| range.contains(&n));
    if !(fits("place", 3..=41) && fits("region", 2..=30) && fits("agency", 2..=40)) {
        return None;
    }
    // The rest must still be a sentence, starting like one.
    let starts_sentence = sentence[found.end()..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    starts_sentence.then_some(found.end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn datelines_become_boilerplate() {
        assert_eq!(dateline_length("VELMORA, March 4 (CPA) - The dam burst."), Some(25));
        assert_eq!(dateline_length("LONDON (Reuters) — Prices rose."), Some("LONDON (Reuters) — ".len()));
        assert_eq!(dateline_length("WASHINGTON — The Senate voted."), Some("WASHINGTON — ".len()));
        assert_eq!(dateline_length("The dam burst - and then it rained."), None);
        assert_eq!(dateline_length("NATO - the alliance - said so."), None);
        // Beyond ASCII: the full pattern.
        assert_eq!(dateline_length("ZÜRICH (SDA) — Prices rose."), Some("ZÜRICH (SDA) — ".len()));
        assert_eq!(dateline_length("ZURICH (SDA) — Prices rose."), Some("ZURICH (SDA) — ".len()));
    }

    static FULL_REGEX: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(DATELINE).expect("regex"));
    static ASCII_REGEX: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(DATELINE_ASCII).expect("regex"));

    /// The groups the length checks read, and the whole match.
    fn groups(regex: &regex::Regex, sentence: &str) -> Option<Vec<Option<std::ops::Range<usize>>>> {
        let captures = regex.captures(sentence)?;
        let named = ["place", "region", "agency"].iter().map(|n| captures.name(n).map(|m| m.range()));
        Some(named.chain([captures.get(0).map(|m| m.range())]).collect())
    }

    const PIECES: &[&str] = &[
        "VELMORA", "LONDON", "St. ", "O'NEIL", "O’NEIL", "A", "Z", "x", "é", "ß", "’", "'", ".", " ", "  ", "\u{a0}",
        ",", ", ", "March 4", "4 March", "Mar. 12", "(", ")", "(CPA)", "-", "–", "—", "The", "1", "12", "Kessary", "É",
        "\u{301}", "Ж", "ж",
    ];

    /// Sentences shaped like datelines (a head, a region, a date, an
    /// agency, dashes, the rest), each part from random pieces.
    fn sentences() -> impl Strategy<Value = String> {
        let part = |most| prop::collection::vec(prop::sample::select(PIECES), 0..most).prop_map(|p| p.concat());
        let head = (prop::sample::select(&["VELMORA", "LONDON", "A", "É", "Ж", "NEW YORK", "X"][..]), part(3));
        let region = prop::option::of((prop::sample::select(&[",", ", ", ",  "][..]), part(3)));
        let date = prop::option::of(prop::sample::select(&[", March 4", ", 4 March", ", Mar. 12", ",March 4"][..]));
        let agency = prop::option::of((prop::sample::select(&[" (", "("][..]), part(3), Just(")")));
        let dash = prop::sample::select(&[" - ", " — ", "–", " -- ", "- ", " —\u{a0}", " - -"][..]);
        (head, region, date, agency, dash, part(3)).prop_map(|((h, hp), r, d, a, dash, rest)| {
            let region = r.map(|(comma, p)| format!("{comma}{p}")).unwrap_or_default();
            let agency = a.map(|(open, p, close)| format!("{open}{p}{close}")).unwrap_or_default();
            format!("{h}{hp}{region}{}{agency}{dash}{rest}", d.unwrap_or_default())
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4_000))]
        /// Where the ASCII pattern is used, it finds what the full one finds.
        #[test]
        fn the_ascii_pattern_agrees_where_it_is_used(sentence in sentences()) {
            if ascii_will_do(&sentence) {
                prop_assert_eq!(groups(&ASCII_REGEX, &sentence), groups(&FULL_REGEX, &sentence), "{:?}", sentence);
            }
        }
    }

    #[test]
    fn sentences_with_wide_capitals_or_marks_take_the_full_pattern() {
        assert!(ascii_will_do("LONDON (Reuters) — Prices rose ’quickly’, é ß ж."));
        assert!(!ascii_will_do("ZÜRICH — x"));
        assert!(!ascii_will_do("ZURICH\u{301} — x"));
        assert!(!ascii_will_do("Ж"));
    }
}
