//! Polarity: whether a sentence negates (`assets/lexicon/polarity.toml`).
//! A sentence that denies what another asserts reports a different
//! statement, so evidence from context alone never links the two.

use crate::tokens;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Polarity {
    negation: Negation,
    #[cfg_attr(not(test), allow(dead_code))]
    examples: crate::lexicon::Examples,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Negation {
    words: Vec<String>,
    suffixes: Vec<String>,
}

static POLARITY: LazyLock<Polarity> = LazyLock::new(|| crate::lexicon::parse("polarity"));

/// Whether the text holds a negation ("not", "never", "didn't").
#[must_use]
pub(super) fn negated(text: &str) -> bool {
    let negation = &POLARITY.negation;
    tokens::words(text).any(|w| {
        let word = tokens::fold_word(w.text);
        negation.words.contains(&word) || negation.suffixes.iter().any(|s| word.ends_with(s.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        for text in &POLARITY.examples.matches {
            assert!(negated(text), "{text}");
        }
        for text in &POLARITY.examples.no_match {
            assert!(!negated(text), "{text}");
        }
    }
}
