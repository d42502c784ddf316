//! The identity reader's lexicon: the concepts of `quantities.toml`, the
//! word lists of `identity.toml` and the irregular verb forms, loaded on
//! first use, and the two questions other modules ask of the lists.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The concepts of `assets/lexicon/quantities.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Lexicon {
    pub(super) predicate: Vec<Concept>,
    pub(super) thing: Vec<Concept>,
}

/// One concept: its stems and phrases, and examples the reader must and
/// must not read as it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Concept {
    pub(super) concept: String,
    #[serde(default)]
    pub(super) stems: Vec<String>,
    #[serde(default)]
    pub(super) phrases: Vec<String>,
    #[serde(default)]
    pub(super) exclusive: bool,
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) examples: crate::lexicon::Examples,
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| crate::lexicon::parse("quantities"));

/// The reader's word lists (`assets/lexicon/identity.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Lists {
    /// Words that open a new clause between two figures.
    pub(super) clause_words: Words,
    /// Prepositions that introduce what a sum is for.
    pub(super) purpose: Words,
    /// Words saying a figure has moved.
    pub(super) changing: Words,
    /// Predicate concepts that happen to people.
    pub(super) people_predicates: Words,
    /// Words right after a figure saying it is a rate.
    pub(super) rate: Words,
    /// Stems before a figure saying it is an average.
    pub(super) average: Words,
    /// Words saying a figure counts on top of others.
    pub(super) additional: Words,
    /// Nouns after a figure that count occasions ("three times").
    pub(super) repetitions: Words,
    /// Prepositions opening a place phrase.
    pub(super) place: Words,
    /// Stems of nouns that name an area ("province", "country"): a place
    /// phrase with one of these heads, or a name, says where a figure holds.
    pub(super) place_heads: Words,
    /// Stems of heads that say nothing about what is counted.
    pub(super) empty_heads: Words,
    /// Stems that make a purpose phrase a time.
    pub(super) time_heads: Words,
    /// Verbs and prepositions that end the noun phrase after a figure.
    pub(super) phrase_ends: Words,
    /// Words that set one source's figure against another's.
    pub(super) contrast: Words,
    /// Modal verbs that make a sentence opening with "A"/"An" a general
    /// statement ("A magnitude-6 quake can cause severe damage").
    pub(super) generic_modals: Words,
    /// Stretches of an event ("at the half", "in the past 24 hours").
    pub(super) periods: Periods,
    /// Verbs by which the name before them holds the figure after them
    /// ("Carter had 12 points", "Varn scored 23").
    pub(super) holding: Words,
    /// Words opening the sub-population a share is held among ("among farmers").
    pub(super) subgroups: Words,
    /// Words after a figure opening the variant it is given for ("for the 11-inch model").
    pub(super) variants: Words,
    /// Words before a range saying it spreads over several things ("ranging from").
    pub(super) spreads: Words,
    /// Words between a figure's noun phrase and its own verb ("who", "were").
    pub(super) verb_links: Words,
    /// Words before a figure in its clause that make it expected, not
    /// reported ("will get 10 to 12 carries").
    pub(super) projected: Projected,
}

/// Expected figures (`[projected]` of identity.toml).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Projected {
    pub(super) words: Vec<String>,
    /// Words that end a projection's reach back from the figure ("expected
    /// to approve the bill, which grants $1.4 billion").
    pub(super) ends: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) examples: crate::lexicon::Examples,
}

/// How a stretch of an event is written (`[periods]` of identity.toml).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Periods {
    pub(super) openers: Vec<String>,
    pub(super) parts: Vec<String>,
    /// [word, stretch].
    pub(super) heads: Vec<(String, String)>,
    pub(super) wholes: Vec<String>,
    /// Words opening a window of time when a month follows ("since October").
    pub(super) windows: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) examples: crate::lexicon::Examples,
}

/// One word list with the sentences that show it at work.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Words {
    pub(super) words: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) examples: crate::lexicon::Examples,
}

impl Words {
    pub(super) fn has(&self, word: &str) -> bool {
        self.words.iter().any(|w| w == word)
    }
}

pub(super) static WORDS: LazyLock<Lists> = LazyLock::new(|| crate::lexicon::parse("identity"));

/// Whether a folded word sets one source's figure against another's in one
/// sentence ("but", "while"); its examples run in the quantity finder's tests.
#[must_use]
pub fn is_contrast(folded: &str) -> bool {
    WORDS.contrast.has(folded)
}

/// Whether a sentence states what is generally true rather than what
/// happened: it opens with "A"/"An" and its verb is a modal of those in
/// `identity.toml` ("A magnitude-6 quake can cause severe damage"). Its
/// figures describe no event, so they are compared with none.
#[must_use]
pub fn is_generic_statement(text: &str) -> bool {
    let mut words = crate::tokens::words(text).map(|w| crate::tokens::fold_word(w.text));
    if !matches!(words.next().as_deref(), Some("a" | "an")) {
        return false;
    }
    words.take(8).any(|w| WORDS.generic_modals.has(&w))
}

/// The examples of the generic modals (for the tests).
#[cfg(test)]
pub(crate) fn generic_examples() -> &'static crate::lexicon::Examples {
    &WORDS.generic_modals.examples
}

/// The examples of the contrast words (for the quantity finder's tests).
#[cfg(test)]
pub(crate) fn contrast_examples() -> &'static crate::lexicon::Examples {
    &WORDS.contrast.examples
}

/// Stem (or phrase) → (concept index, is predicate).
pub(super) static INDEX: LazyLock<HashMap<&'static str, (usize, bool)>> = LazyLock::new(|| {
    let mut index = HashMap::new();
    for (kind, list) in [(true, &LEXICON.predicate), (false, &LEXICON.thing)] {
        for (i, concept) in list.iter().enumerate() {
            for stem in &concept.stems {
                index.insert(stem.as_str(), (i, kind));
            }
        }
    }
    index
});

/// Irregular past forms that are no noun ("struck", "began"), from WordNet
/// (`assets/lexicon/verb-forms.txt`, built by `scripts/build-verb-forms.sh`).
pub(super) static VERB_FORMS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        include_str!("../../../assets/lexicon/verb-forms.txt")
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    });
