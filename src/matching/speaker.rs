//! Who a quotation is attributed to (`assets/lexicon/attribution.toml`):
//! the people named outside the quotation marks of a sentence that says
//! who spoke. Quotes attributed to different speakers never group.

use crate::lexicon::ATTRIBUTION;
use crate::names::{self, NameMention};
use crate::tokens;
use std::sync::LazyLock;

/// The speech verbs as word terms ("said", "told", "according" …).
static SPEECH_TERMS: LazyLock<Vec<tokens::Term>> = LazyLock::new(|| {
    ATTRIBUTION.speech_verbs().iter().map(|v| tokens::Term::word(&tokens::stem(&tokens::fold_word(v)))).collect()
});

/// True for the term of a speech verb: who said something is no part of
/// what was said ([`super::clauses`] leaves it out of clause units).
pub(super) fn is_speech(term: &tokens::Term) -> bool {
    SPEECH_TERMS.contains(term)
}

/// True when a clause is an attribution: it opens or closes on a speech
/// verb ("said disaster agency official Fauzi", "the agency's spokesman
/// Olek Brandt said", "according to the governor"), so it tells who
/// spoke, not what was said ("Brandt said the dam held" is a statement).
pub(super) fn is_attribution(clause: &str) -> bool {
    let speech = ATTRIBUTION.speech_verbs();
    let mut words = tokens::words(clause).map(|w| tokens::fold_word(w.text));
    let first = words.next();
    let last = words.last();
    [first, last].iter().flatten().any(|w| speech.contains(w))
}

/// The surnames (folded keys) a sentence's quotation is attributed to:
/// the people named outside the quotation marks when a speech verb is
/// there too. Empty
/// when the sentence quotes no one or names no speaker. `names` have spans
/// relative to a text in which the sentence starts at `start`.
#[must_use]
pub(super) fn speakers(text: &str, start: usize, names: &[NameMention]) -> Vec<String> {
    if !text.chars().any(super::quotes::is_quote_mark) {
        return Vec::new();
    }
    let quoted = super::quotes::quoted_spans(text);
    let inside = |at: usize| quoted.iter().any(|(a, b)| (*a..*b).contains(&at));
    let speaks = tokens::words(text)
        .filter(|w| !inside(w.span.start))
        .any(|w| ATTRIBUTION.is_speech_verb(&tokens::fold_word(w.text)));
    if !speaks {
        return Vec::new();
    }
    let mut found: Vec<String> = names
        .iter()
        .filter(|name| names::is_personal(&name.words) && !all_common_words(&name.words))
        .filter(|name| name.span.start.checked_sub(start).is_some_and(|from| !inside(from)))
        .filter_map(|name| name.words.last().map(|w| names::fold_key(w)))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// Zipf frequency from which a word is common English: a name made only
/// of such words ("White House", "Justice Department") is an institution,
/// not a speaker.
const COMMON_ZIPF: f32 = 5.0;

fn all_common_words(words: &[String]) -> bool {
    words.iter().all(|w| crate::semantic::zipf(&tokens::stem(&tokens::fold_word(w))).is_some_and(|z| z >= COMMON_ZIPF))
}

/// Whether two sentences quote different speakers.
#[must_use]
pub(super) fn different(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.contains(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Vec<String> {
        speakers(text, 0, &names::extract(text, &std::collections::HashSet::new()))
    }

    #[test]
    fn attribution_clause_examples() {
        for clause in &ATTRIBUTION.clauses.examples.matches {
            assert!(is_attribution(clause), "{clause}");
        }
        for clause in &ATTRIBUTION.clauses.examples.no_match {
            assert!(!is_attribution(clause), "{clause}");
        }
    }

    #[test]
    fn speech_verbs_are_speech_terms() {
        assert!(is_speech(&tokens::Term::word(&tokens::stem("said"))));
        assert!(!is_speech(&tokens::Term::word(&tokens::stem("flooded"))));
    }

    #[test]
    fn examples() {
        for example in &ATTRIBUTION.examples.matches {
            let (text, surname) = example.split_once(" | ").expect("text | surname");
            assert!(of(text).iter().any(|s| s == surname), "{text}: {:?}", of(text));
        }
        for example in &ATTRIBUTION.examples.no_match {
            let (text, surname) = example.split_once(" | ").expect("text | surname");
            assert!(!of(text).iter().any(|s| s == surname), "{text}");
        }
    }

    #[test]
    fn quotes_of_different_speakers_differ() {
        let a = of("“This is a gross abuse of power,” said Ilse Varga.");
        let b = of("“It is a gross abuse of power,” Olek Brandt said on Friday.");
        assert!(different(&a, &b), "{a:?} {b:?}");
        assert!(!different(&a, &of("“It is an abuse of power,” Mayor Ilse Varga told reporters.")));
    }

    #[test]
    fn an_institution_is_no_speaker() {
        assert!(of("“We will reopen the quay,” she told reporters outside the White House.").is_empty());
        assert_eq!(of("“We will reopen the quay,” Ilse Varga told reporters at the White House."), ["varga"]);
    }
}
