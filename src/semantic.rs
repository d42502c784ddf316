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
//! - **Person nouns** ([`persons`], `assets/semantic/person-nouns-en.tsv`):
//!   nouns whose first WordNet sense is a person ("rookie", "suspect").
//!
//! Both tables are `stem<TAB>value` lines sorted bytewise by stem, read
//! in place through a hash index of their lines that `build.rs` writes
//! (nothing parsed at start-up; one or two probes a look-up). Keys are the matcher's stems ([`crate::tokens::stem`] of a
//! folded word); [`word_synonyms`] takes a word as written.

pub mod embeddings;
pub mod persons;
mod slots;

/// `stem<TAB>zipf×10`.
static FREQUENCY: &str = include_str!("../assets/semantic/frequency-en.tsv");
/// `stem<TAB>synonym synonym …`.
static SYNONYMS: &str = include_str!("../assets/semantic/synonyms-en.tsv");
/// The tables' hash indexes, built by `build.rs` (see [`slots`]).
static FREQUENCY_SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/frequency-en.slots"));
static SYNONYMS_SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/synonyms-en.slots"));

/// The Zipf frequency of a stem: log10 of its occurrences per billion
/// words (about 7.7 for "the", 5 for "emergency", 2.5 for "temblor");
/// `None` for stems rarer than the table (names, typos, rare words).
#[must_use]
pub fn zipf(stem: &str) -> Option<f32> {
    lookup(FREQUENCY, FREQUENCY_SLOTS, stem).and_then(|tenths| tenths.parse::<f32>().ok()).map(|tenths| tenths / 10.0)
}

/// The stems that share a main sense with `stem` (sorted; empty when none).
pub fn synonyms(stem: &str) -> impl Iterator<Item = &'static str> {
    lookup(SYNONYMS, SYNONYMS_SLOTS, stem).unwrap_or_default().split(' ').filter(|s| !s.is_empty())
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

/// The value on `key`'s line of a `key<TAB>value` table, found through
/// the table's slot index (`build.rs`): the slot of the key's hash, then
/// the next ones until the key's line or an empty slot.
fn lookup(table: &'static str, index: &[u8], key: &str) -> Option<&'static str> {
    let count = index.len() / 4;
    let first = usize::try_from(slots::hash(key.as_bytes()) % u64::try_from(count).ok()?.max(1)).ok()?;
    for slot in (first..count).chain(0..first) {
        let start = u32::from_le_bytes(index.get(4 * slot..4 * slot + 4)?.try_into().ok()?);
        let start = usize::try_from(start.checked_sub(1)?).ok()?;
        let line = table.get(start..)?;
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let (found, value) = line.split_once('\t').unwrap_or((line, ""));
        if found == key {
            return Some(value);
        }
    }
    None
}

/// The value on `key`'s line of a sorted `key<TAB>value` table, by binary
/// search: what [`lookup`] must agree with.
#[cfg(test)]
fn search(table: &'static str, key: &str) -> Option<&'static str> {
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
#[cfg(test)]
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
                assert_eq!(search(table, key), Some(value), "{key}");
            }
        }
    }

    #[test]
    fn the_slot_index_finds_every_line_and_agrees_with_a_binary_search() {
        for (table, index) in [(FREQUENCY, FREQUENCY_SLOTS), (SYNONYMS, SYNONYMS_SLOTS)] {
            assert_eq!(index.len() / 4, slots::slot_count(table.lines().count()), "half the slots stay empty");
            for line in table.lines() {
                let (key, value) = line.split_once('\t').expect("key<TAB>value");
                assert_eq!(lookup(table, index, key), Some(value), "{key}");
                // Keys next to real ones: prefixes, extensions, other cases.
                let mut near = vec![format!("{key}s"), format!("{key}\t"), key.to_uppercase(), format!(" {key}")];
                near.extend(key.char_indices().map(|(i, _)| key[..i].to_owned()));
                for other in &near {
                    assert_eq!(lookup(table, index, other), search(table, other), "{other:?}");
                }
            }
            for key in ["zzzzqqqxv", "", "\u{10FFFF}", "0", "\t", "\n", "said\nthe"] {
                assert_eq!(lookup(table, index, key), search(table, key), "{key:?}");
            }
        }
    }

    #[test]
    fn an_empty_or_broken_index_finds_nothing() {
        assert_eq!(lookup(FREQUENCY, &[], "said"), None);
        assert_eq!(lookup(FREQUENCY, &[0, 0, 0], "said"), None);
        assert_eq!(lookup(FREQUENCY, &[0xff; 8], "said"), None);
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
