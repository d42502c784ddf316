//! Words and terms: the vocabulary matching and context comparison work on.
//!
//! A term is a word lower-cased, with diacritics and typographic variants
//! folded, Snowball-stemmed, and mapped through a small table of news
//! paraphrases (killed / died / lost their lives → one concept), so that
//! reworded sentences share terms. Stop words are dropped, but never
//! numbers, negations or quantifiers: "not" and "more than" carry meaning.

use crate::model::Span;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

mod bounds;

pub(crate) use bounds::word_bounds;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The stop-list changes and paraphrase concepts of `assets/lexicon/terms.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Lexicon {
    /// The standard English stop list.
    stop: Words,
    /// Words the stop list must keep: negations, quantifiers and comparison words.
    keep: Words,
    /// Reporting verbs and fillers dropped besides the standard stop list.
    extra_stop: Words,
    /// Paraphrase concepts.
    concept: Vec<Concept>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    words: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))]
    examples: crate::lexicon::Examples,
}

/// Stems (after stemming) and phrases that news writing uses for the same
/// thing. Kept small and specific; a concept's name starts with `~` so it
/// never collides with a real stem.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Concept {
    name: String,
    stems: Vec<String>,
    /// Multi-word expressions folded to the concept before stemming.
    #[serde(default)]
    phrases: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))]
    examples: crate::lexicon::Examples,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| crate::lexicon::parse("terms"));

static STOP: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    let keep: HashSet<&str> = LEXICON.keep.words.iter().map(String::as_str).collect();
    // Contracted negations ("didn't", "wasn't") are single words to the
    // word splitter, so they are kept whole like "not".
    LEXICON
        .stop
        .words
        .iter()
        .map(String::as_str)
        .filter(|w| !keep.contains(w) && !w.ends_with("n't"))
        .chain(LEXICON.extra_stop.words.iter().map(String::as_str).filter(|w| !keep.contains(w)))
        .collect()
});

/// Multi-word expressions folded to a concept before stemming: (words, concept).
static PHRASES: LazyLock<Vec<(Vec<&'static str>, &'static str)>> = LazyLock::new(|| {
    LEXICON
        .concept
        .iter()
        .flat_map(|c| c.phrases.iter().map(|p| (p.split_whitespace().collect(), c.name.as_str())))
        .collect()
});

/// The first word of each of [`PHRASES`]: a word that starts none is
/// looked up no further (start-up, issue 11).
static PHRASE_STARTS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| PHRASES.iter().filter_map(|(words, _)| words.first().copied()).collect());

static CONCEPT_OF: LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    LEXICON.concept.iter().flat_map(|c| c.stems.iter().map(move |stem| (stem.as_str(), c.name.as_str()))).collect()
});

/// One comparable unit of a sentence: what matching, context comparison
/// and the discrepancy finders compare. Built once per sentence by
/// [`crate::analysis`]; words become stems or concepts here.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Term {
    /// A folded, Snowball-stemmed content word ("evacu").
    Stem(String),
    /// A paraphrase concept: killed / died / lost their lives are all
    /// `Concept("~die")`. The name never collides with a stem.
    Concept(&'static str),
    /// A name by its transliteration-folded words ("tomas halloran",
    /// "kuznetsov"), so spelling variants are one term.
    Name(String),
    /// A figure of a strong class, by value and counted noun: "1,200 homes"
    /// and "1,200 rescuers" are different figures.
    Figure {
        /// The value.
        value: FigureValue,
        /// The counted noun as a term key, `None` when none is stated.
        noun: Option<String>,
    },
    /// What a figure measures regardless of its value (a key from
    /// [`crate::numbers::NumberMention::quantity_keys`]: class, noun, event).
    Quantity(crate::model::QuantityKey),
    /// A resolved calendar day the sentence puts an event on.
    Date {
        /// Month, 1-12.
        month: i8,
        /// Day of the month.
        day: i8,
    },
    /// A concept stated together with some date ("something collapsed on
    /// a given day"): matches the same statement dated differently.
    DatedEvent(&'static str),
}

/// A figure's value as a term: equal when the values are the same number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FigureValue(u64);

impl FigureValue {
    /// The term value of a figure.
    #[must_use]
    pub fn new(value: f64) -> Self {
        // 0.0 and -0.0 are one value.
        Self(if value == 0.0 { 0 } else { value.to_bits() })
    }

    /// The value.
    #[must_use]
    pub fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

impl Term {
    /// A word term: a stem, or the concept it belongs to.
    #[must_use]
    pub fn word(stem: &str) -> Self {
        CONCEPT_OF.get(stem).map_or_else(|| Self::Stem(stem.to_owned()), |concept| Self::Concept(concept))
    }

    /// True for terms that come from the sentence's words (stems and concepts).
    #[must_use]
    pub const fn is_word(&self) -> bool {
        matches!(self, Self::Stem(_) | Self::Concept(_))
    }

    /// The term as one string, unique per term (for debugging output and
    /// for code that keys maps by text): a stem as itself, a concept by its
    /// `~` name, others with a kind prefix (`n:`, `#`, `q:`, `d:`, `e:`).
    #[must_use]
    pub fn key(&self) -> String {
        match self {
            Self::Stem(stem) => stem.clone(),
            Self::Concept(concept) => (*concept).to_owned(),
            Self::Name(key) => format!("n:{key}"),
            Self::Figure { value, noun } => format!("#{}:{}", value.get(), noun.as_deref().unwrap_or_default()),
            Self::Quantity(key) => format!("q:{key}"),
            Self::Date { month, day } => format!("d:{month:02}-{day:02}"),
            Self::DatedEvent(concept) => format!("e:{concept}@*"),
        }
    }

    /// The stem or concept name of a word term, `None` for other kinds.
    #[must_use]
    pub fn word_text(&self) -> Option<&str> {
        match self {
            Self::Stem(stem) => Some(stem),
            Self::Concept(concept) => Some(concept),
            _ => None,
        }
    }
}

impl std::fmt::Display for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.key())
    }
}

/// A word of a text with its span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Where it is (relative to the text given to [`words`]).
    pub span: Span,
}

/// The words of a text (UAX #29 word boundaries; punctuation and spaces left out).
/// Numbers with separators ("4,500", "3.5") stay one word.
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    words_of(bounds::word_bounds(text))
}

/// [`words`] of a text already split at its word boundaries
/// ([`word_bounds`]: every segment, spaces and punctuation included), so a
/// sentence is split once for all its readers (start-up, issue 11).
pub(crate) fn words_of<'t>(bounds: impl IntoIterator<Item = (usize, &'t str)>) -> impl Iterator<Item = Word<'t>> {
    bounds
        .into_iter()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(start, w)| Word { text: w, span: Span::new(start, start + w.len()) })
}

/// Lower-cases and folds a word for comparison (quotes, diacritics, digits
/// of other scripts).
#[must_use]
pub fn fold_word(word: &str) -> String {
    fold_cow(word).into_owned()
}

/// [`fold_word`] without a copy when folding changes nothing: a word in
/// lower-case ASCII letters and digits (most words) is its own fold.
#[must_use]
pub fn fold_cow(word: &str) -> Cow<'_, str> {
    // Most words are plain ASCII: skip the Unicode decomposition for them.
    if word.is_ascii() {
        // Trimmed before lower-casing, so the word is copied at most once:
        // "'S" lower-cases to "'s", and nothing else changes under ASCII
        // lower-casing that the trims look at.
        let bytes = word.as_bytes();
        let mut end = bytes.len();
        while end >= 2 && bytes[end - 2] == b'\'' && bytes[end - 1].eq_ignore_ascii_case(&b's') {
            end -= 2;
        }
        // `trim_matches(['\'', '`'])`, on bytes.
        let quote = |b: u8| b == b'\'' || b == b'`';
        let mut start = 0;
        while start < end && quote(bytes[start]) {
            start += 1;
        }
        while end > start && quote(bytes[end - 1]) {
            end -= 1;
        }
        let trimmed = &word[start..end];
        return if trimmed.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(trimmed.to_ascii_lowercase())
        } else {
            Cow::Borrowed(trimmed)
        };
    }
    let plain: String =
        word.chars().map(|c| crate::normalize::fold_digit(crate::normalize::fold_punctuation(c))).collect();
    let folded = crate::normalize::fold_diacritics_lower(&plain);
    Cow::Owned(folded.trim_end_matches("'s").trim_matches('\'').to_owned())
}

/// True for words the matcher ignores.
#[must_use]
pub fn is_stop_word(folded: &str) -> bool {
    STOP.contains(folded)
}

/// The stem of a folded word.
#[must_use]
pub fn stem(folded: &str) -> String {
    static STEMS: crate::memo::Memo = crate::memo::Memo::new();
    // Snowball costs a few thousand instructions a word; the words recur.
    STEMS.get(folded, |word| STEMMER.stem(word).into_owned())
}

/// The concept a stem belongs to, or the stem itself.
#[must_use]
pub fn concept(stem: &str) -> &str {
    CONCEPT_OF.get(stem).copied().unwrap_or(stem)
}

/// The content terms of a text as strings (a concept as its `~` name), in
/// order, with the span each comes from. Prefer [`word_terms`].
#[must_use]
pub fn terms(text: &str) -> Vec<(String, Span)> {
    keys(&word_terms(text))
}

/// The string keys of word terms ([`Term::key`]), keeping their spans.
#[must_use]
pub fn keys(terms: &[(Term, Span)]) -> Vec<(String, Span)> {
    terms.iter().map(|(term, span)| (term.key(), *span)).collect()
}

/// The content words of a text as terms (stems and paraphrase concepts),
/// in order, with the span each comes from (relative to `text`).
/// Numbers are left out here: figures enter matching through the number
/// extractor, which knows "4,500" and "four thousand five hundred" are one value.
#[must_use]
pub fn word_terms(text: &str) -> Vec<(Term, Span)> {
    word_terms_of(words(text))
}

/// [`word_terms`] of a text's words ([`words`], [`words_of`]).
#[must_use]
pub(crate) fn word_terms_of<'t>(words: impl Iterator<Item = Word<'t>>) -> Vec<(Term, Span)> {
    let folded: Vec<(Cow<'t, str>, Span)> = words.map(|w| (fold_cow(w.text), w.span)).collect();
    let mut out = Vec::with_capacity(folded.len());
    let mut index = 0;
    'words: while index < folded.len() {
        let phrases = if PHRASE_STARTS.contains(folded[index].0.as_ref()) { PHRASES.as_slice() } else { &[] };
        for (phrase, concept) in phrases {
            if folded.len() - index >= phrase.len() && phrase.iter().zip(&folded[index..]).all(|(p, (w, _))| p == w) {
                let span = Span::new(folded[index].1.start, folded[index + phrase.len() - 1].1.end);
                out.push((Term::Concept(concept), span));
                index += phrase.len();
                continue 'words;
            }
        }
        let (word, span) = &folded[index];
        index += 1;
        if word.is_empty() || is_stop_word(word) || word.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
            continue;
        }
        let stemmed = stem(word);
        let term = match CONCEPT_OF.get(stemmed.as_str()) {
            Some(concept) => Term::Concept(concept),
            None => Term::Stem(stemmed),
        };
        out.push((term, *span));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII path folds as the string functions it replaces did:
    /// every string of up to five of the characters the trims look at.
    #[test]
    fn ascii_folding_trims_as_trim_matches_did() {
        let alphabet = ['a', 'S', 's', '\'', '`', 'x', 'D'];
        let mut words = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> =
                words.iter().flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}"))).collect();
            words.extend(longer);
        }
        for word in &words {
            let bytes = word.as_bytes();
            let mut end = bytes.len();
            while end >= 2 && bytes[end - 2] == b'\'' && bytes[end - 1].eq_ignore_ascii_case(&b's') {
                end -= 2;
            }
            let expected = word[..end].trim_matches(['\'', '`']).to_ascii_lowercase();
            assert_eq!(fold_word(word), expected, "{word:?}");
        }
    }

    fn term_list(text: &str) -> Vec<String> {
        terms(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn words_become_stems_or_concepts() {
        let found: Vec<Term> = word_terms("Residents fled as three were killed").into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            found,
            [Term::Concept("~peopl"), Term::Concept("~evacu"), Term::Stem("three".to_owned()), Term::Concept("~die")]
        );
        let spans: Vec<Span> = word_terms("They lost their lives").into_iter().map(|(_, s)| s).collect();
        assert_eq!(spans, [Span::new(5, 21)], "a phrase is one term over its words");
    }

    #[test]
    fn every_kind_of_term_has_its_own_key() {
        let terms = [
            Term::Stem("evacu".to_owned()),
            Term::Concept("~die"),
            Term::Name("kuznetsov".to_owned()),
            Term::Figure { value: FigureValue::new(4500.0), noun: Some("~peopl".to_owned()) },
            Term::Quantity(crate::model::QuantityKey {
                class: crate::model::QuantityClass::Count,
                noun: Some("~peopl".to_owned()),
                event: Some("~die"),
            }),
            Term::Date { month: 3, day: 4 },
            Term::DatedEvent("~collaps"),
        ];
        let keys: Vec<String> = terms.iter().map(Term::key).collect();
        assert_eq!(
            keys,
            ["evacu", "~die", "n:kuznetsov", "#4500:~peopl", "q:count|~peopl|~die", "d:03-04", "e:~collaps@*"]
        );
        assert_eq!(FigureValue::new(-0.0), FigureValue::new(0.0));
        assert_ne!(Term::Stem("kuznetsov".to_owned()), Term::Name("kuznetsov".to_owned()));
    }

    #[test]
    fn lexicon_examples_are_read_as_their_concept() {
        for concept in &LEXICON.concept {
            let name = concept.name.as_str();
            let has = |text: &str| word_terms(text).iter().any(|(t, _)| *t == Term::Concept(name));
            assert!(!concept.examples.matches.is_empty() && !concept.examples.no_match.is_empty(), "{name}");
            for text in &concept.examples.matches {
                assert!(has(text), "{name}: {text:?} gives {:?}", term_list(text));
            }
            for text in &concept.examples.no_match {
                assert!(!has(text), "{name}: {text:?} gives {:?}", term_list(text));
            }
        }
    }

    #[test]
    fn stop_list_examples() {
        for word in &LEXICON.stop.examples.matches {
            assert!(is_stop_word(word) && term_list(word).is_empty(), "{word} should be dropped");
        }
        for word in &LEXICON.stop.examples.no_match {
            assert!(!is_stop_word(word) && term_list(word).len() == 1, "{word} should stay a term");
        }
        for word in &LEXICON.keep.examples.matches {
            assert!(!is_stop_word(word) && term_list(word).len() == 1, "{word} should stay a term");
        }
        for word in &LEXICON.keep.examples.no_match {
            assert!(is_stop_word(word) && term_list(word).is_empty(), "{word} should be dropped");
        }
        for word in &LEXICON.extra_stop.examples.matches {
            assert!(is_stop_word(word) && term_list(word).is_empty(), "{word} should be dropped");
        }
        for word in &LEXICON.extra_stop.examples.no_match {
            assert!(!is_stop_word(word) && term_list(word).len() == 1, "{word} should stay a term");
        }
    }

    #[test]
    fn stems_are_single_words_and_phrases_folded_words() {
        // A stem is compared with the stem of one word, so a stem with a
        // space never matches ("vote down" did not): word sequences are
        // phrases, compared word by word with folded words.
        for concept in &LEXICON.concept {
            for stem in &concept.stems {
                assert!(!stem.is_empty() && !stem.contains(char::is_whitespace), "{}: stem {stem:?}", concept.name);
            }
            for phrase in &concept.phrases {
                let words: Vec<&str> = phrase.split(' ').collect();
                assert!(
                    words.iter().all(|w| !w.is_empty() && fold_word(w) == *w),
                    "{}: phrase {phrase:?}",
                    concept.name
                );
            }
        }
    }

    #[test]
    fn no_two_concepts_share_a_stem_or_phrase() {
        let mut seen = std::collections::HashMap::new();
        for concept in &LEXICON.concept {
            for key in concept.stems.iter().chain(&concept.phrases) {
                if let Some(other) = seen.insert(key.as_str(), concept.name.as_str()) {
                    assert_eq!(other, concept.name, "{key} is in {other} and {}", concept.name);
                }
            }
        }
    }

    #[test]
    fn stop_list_keeps_negations_and_quantifiers() {
        assert_eq!(term_list("It was not more than a million"), ["not", "more", "million"]);
    }

    #[test]
    fn paraphrases_share_terms() {
        let a = term_list("despite repeated warnings from engineers");
        let b = term_list("although engineers had warned several times");
        assert!(a.contains(&"~warn".to_owned()) && b.contains(&"~warn".to_owned()));
        assert!(a.contains(&"~repeat".to_owned()) && b.contains(&"~repeat".to_owned()));
        assert!(term_list("Four people lost their lives").contains(&"~die".to_owned()));
        assert!(term_list("Three people were killed").contains(&"~die".to_owned()));
    }

    #[test]
    fn diacritics_and_quotes_fold() {
        assert_eq!(term_list("Milošević’s"), term_list("Milosevic's"));
    }

    #[test]
    fn typographic_quotes_and_dashes_never_change_terms() {
        for (typographic, plain) in [
            ("The mill’s owner didn’t say “no”—the end", "The mill's owner didn't say \"no\" - the end"),
            ("a well‑known, well–run plant", "a well-known, well-run plant"),
            ("«Nobody was hurt», he said", "\"Nobody was hurt\", he said"),
            ("It’s ‚fine‘ – „really“", "It's 'fine' - \"really\""),
            ("O’Brien met D’Souza", "O'Brien met D'Souza"),
        ] {
            assert_eq!(term_list(typographic), term_list(plain), "{typographic}");
        }
    }

    #[test]
    fn contracted_negations_are_kept() {
        assert!(term_list("The dam didn’t hold").contains(&"didn't".to_owned()));
        assert!(term_list("It wasn't safe").contains(&"wasn't".to_owned()));
    }

    #[test]
    fn numbers_stay_one_word() {
        let found: Vec<&str> = words("About 4,500 residents; 3.5 m").map(|w| w.text).collect();
        assert_eq!(found, ["About", "4,500", "residents", "3.5", "m"]);
    }
}
