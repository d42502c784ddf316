//! The word lists of `assets/lexicon/names.toml`, with their examples run
//! through the real recognisers.

use crate::lexicon::Examples;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The examples of the file.
#[derive(Debug, Deserialize)]
#[allow(dead_code, reason = "read by the tests")]
#[serde(deny_unknown_fields)]
pub struct FileExamples {
    /// Sentences and the names found in them.
    pub extract: Examples,
    /// Pairs of spellings that are or are not variants.
    pub variants: Examples,
}

/// `assets/lexicon/names.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Lower-case words joining the parts of a name.
    pub connectors: HashSet<String>,
    /// Roles written before a name, besides the shared honorifics.
    pub roles: HashSet<String>,
    /// Jr., Sr., III: after a name, not part of it.
    pub generational: HashSet<String>,
    /// First words of place names (Los Angeles, New Delhi).
    pub place_prefixes: HashSet<String>,
    /// Abbreviated titles written out ("rep" → "representative"), so that
    /// "Rep. Ana Lind" and "Representative Ana Lind" stand in one role.
    pub role_forms: HashMap<String, String>,
    /// Endings that make another form of one word (plural, demonym).
    pub form_endings: Vec<String>,
    /// Words at least this frequent in English (Zipf scale) are plain
    /// words: in a sentence written in capitals they split names (unless
    /// the articles capitalise them mid-sentence).
    pub plain_word_zipf: f32,
    /// Words at least this frequent in English are known words: two of
    /// them of different stems are never one word misspelled.
    pub known_word_zipf: f32,
    /// Examples.
    #[allow(dead_code, reason = "read by the tests")]
    pub examples: FileExamples,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| crate::lexicon::parse("names"));

/// The lists.
#[must_use]
pub fn get() -> &'static Lexicon {
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::names::{NameMention, Occurrence, Vocabulary, extract_in, find_variants};

    fn names_in(sentence: &str) -> Vec<String> {
        // Words that would be seen in lower case elsewhere in a set.
        let words = |list: &[&str]| -> HashSet<String> { list.iter().map(|s| (*s).to_owned()).collect() };
        let vocabulary = Vocabulary {
            common: words(&[
                "the", "health", "police", "said", "was", "released", "won", "resigns", "over", "flood", "resigned",
                "fire",
            ]),
            // Written capitalised mid-sentence elsewhere in the articles.
            capitalised: words(&["james", "brecht"]),
        };
        extract_in(sentence, &vocabulary).iter().map(NameMention::form).collect()
    }

    #[test]
    fn extraction_examples() {
        for example in &get().examples.extract.matches {
            let (sentence, expected) = example.split_once(" => ").expect("example has =>");
            let expected: Vec<&str> = expected.split(" | ").collect();
            assert_eq!(names_in(sentence), expected, "{example}");
        }
        for example in &get().examples.extract.no_match {
            let (sentence, wrong) = example.split_once(" => ").expect("example has =>");
            assert!(!names_in(sentence).iter().any(|n| n == wrong), "{example}: {:?}", names_in(sentence));
        }
    }

    fn sets(example: &str) -> Vec<Vec<String>> {
        let occurrences: Vec<Occurrence> = example
            .split(" / ")
            .enumerate()
            .map(|(article, name)| Occurrence {
                article,
                sentence: 0,
                mention: NameMention {
                    words: name.split(' ').map(str::to_owned).collect(),
                    span: Span::new(0, name.len()),
                    before: None,
                },
            })
            .collect();
        find_variants(&occurrences, 0.9, |_, _| false).into_iter().map(|s| s.forms).collect()
    }

    #[test]
    fn variant_examples() {
        for example in &get().examples.variants.matches {
            let found = sets(example);
            assert_eq!(found.len(), 1, "{example}: {found:?}");
            assert_eq!(found[0].len(), example.split(" / ").count(), "{example}: {found:?}");
        }
        for example in &get().examples.variants.no_match {
            assert!(sets(example).is_empty(), "{example}: {:?}", sets(example));
        }
    }
}
