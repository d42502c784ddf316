//! What words mean beyond their spelling, from two tables that ship with
//! the binary (no network, nothing parsed at start-up):
//!
//! - **Frequency** (`assets/semantic/frequency-en.tsv`): how common each
//!   stem is in English at large (Zipf scale), so the matcher weighs words
//!   by their rarity in the language and not only in the compared
//!   sentences: the words every article about an event shares
//!   ("emergency", "border") still outweigh "said" or "people". Built by
//!   `scripts/build-frequency.sh` from the `wordfreq` package's data
//!   (CC BY-SA 4.0, `assets/semantic/LICENSE-wordfreq.txt`).
//! - **Synonyms** (`assets/semantic/synonyms-en.tsv`): stems that share one
//!   of their two first WordNet senses ("temblor" ~ "quake", "wound" ~
//!   "hurt"). Built by `scripts/build-synonyms.sh` from WordNet 3.0
//!   (`assets/semantic/LICENSE-wordnet.txt`).
//!
//! - **Embeddings** ([`embeddings`], `assets/semantic/embeddings-en.bin`):
//!   static word vectors distilled from the sentence model all-MiniLM-L6-v2
//!   (Apache-2.0), so paraphrase without a shared stem still meets.
//!
//! Both tables are `stem<TAB>value` lines sorted bytewise by stem, searched
//! in place. Keys are the matcher's stems ([`crate::tokens::stem`] of a
//! folded word); [`word_synonyms`] takes a word as written.

pub mod embeddings;

/// `stem<TAB>zipf×10`.
static FREQUENCY: &str = include_str!("../assets/semantic/frequency-en.tsv");
/// `stem<TAB>synonym synonym …`.
static SYNONYMS: &str = include_str!("../assets/semantic/synonyms-en.tsv");

/// The Zipf frequency of a stem: log10 of its occurrences per billion
/// words (about 7.7 for "the", 5 for "emergency", 2.5 for "temblor");
/// `None` for stems rarer than the table (names, typos, rare words).
#[must_use]
pub fn zipf(stem: &str) -> Option<f32> {
    lookup(FREQUENCY, stem).and_then(|tenths| tenths.parse::<f32>().ok()).map(|tenths| tenths / 10.0)
}

/// The stems that share a main sense with `stem` (sorted; empty when none).
pub fn synonyms(stem: &str) -> impl Iterator<Item = &'static str> {
    lookup(SYNONYMS, stem).unwrap_or_default().split(' ').filter(|s| !s.is_empty())
}

/// True when two stems share a main sense.
#[must_use]
pub fn are_synonyms(a: &str, b: &str) -> bool {
    synonyms(a).any(|s| s == b)
}

/// The synonyms of a word as written ("wounded" → the stems "hurt", "maim", …).
#[must_use]
pub fn word_synonyms(word: &str) -> Vec<&'static str> {
    synonyms(&crate::tokens::stem(&crate::tokens::fold_word(word))).collect()
}

/// The value on `key`'s line of a sorted `key<TAB>value` table.
fn lookup(table: &'static str, key: &str) -> Option<&'static str> {
    let bytes = table.as_bytes();
    let (mut low, mut high) = (0usize, bytes.len());
    // Invariant: the line holding `key`, if any, starts in [low, high).
    while low < high {
        let middle = line_start(bytes, low + (high - low) / 2);
        let end = bytes[middle..].iter().position(|b| *b == b'\n').map_or(bytes.len(), |p| middle + p);
        let line = &table[middle..end];
        let (found, value) = line.split_once('\t').unwrap_or((line, ""));
        match found.as_bytes().cmp(key.as_bytes()) {
            std::cmp::Ordering::Equal => return Some(value),
            std::cmp::Ordering::Less => low = end + 1,
            std::cmp::Ordering::Greater => high = middle,
        }
    }
    None
}

/// The start of the line holding byte `at`.
fn line_start(bytes: &[u8], at: usize) -> usize {
    bytes[..at].iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens;

    fn of(word: &str) -> Option<f32> {
        zipf(&tokens::stem(&tokens::fold_word(word)))
    }

    #[test]
    fn common_words_are_more_frequent_than_event_words() {
        let (said, emergency, temblor) = (of("said"), of("emergency"), of("temblor"));
        assert!(said > emergency, "{said:?} {emergency:?}");
        assert!(emergency > temblor, "{emergency:?} {temblor:?}");
        assert!(said.is_some_and(|z| z > 5.5));
    }

    #[test]
    fn inflections_share_their_stem_frequency() {
        assert_eq!(of("evacuated"), of("evacuating"));
    }

    #[test]
    fn unknown_and_edge_keys_are_absent() {
        for key in ["zzzzqqqxv", "", "\u{10FFFF}", "0", "\t"] {
            assert_eq!(zipf(key), None, "{key:?}");
            assert_eq!(synonyms(key).count(), 0, "{key:?}");
        }
    }

    #[test]
    fn tables_are_sorted_and_every_line_is_found() {
        for table in [FREQUENCY, SYNONYMS] {
            let mut previous = "";
            for line in table.lines() {
                let (key, value) = line.split_once('\t').expect("key<TAB>value");
                assert!(key > previous, "{previous:?} then {key:?}");
                previous = key;
                assert_eq!(lookup(table, key), Some(value), "{key}");
            }
        }
    }

    #[test]
    fn synonyms_are_main_senses_both_ways() {
        let stem = |w: &str| tokens::stem(&tokens::fold_word(w));
        assert!(are_synonyms(&stem("temblor"), &stem("quake")));
        assert!(are_synonyms(&stem("quake"), &stem("temblor")));
        assert!(are_synonyms(&stem("wounded"), &stem("hurt")));
        assert!(!are_synonyms(&stem("killed"), &stem("injured")));
        assert!(!are_synonyms(&stem("border"), &stem("emergency")));
        assert!(word_synonyms("soldiers").is_empty() || !word_synonyms("soldiers").contains(&"civilian"));
    }
}
