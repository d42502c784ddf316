//! Nouns that name a person (`assets/semantic/person-nouns-en.tsv`: every
//! English noun whose first WordNet sense is a kind of person, "rookie",
//! "veteran", "suspect", "senator", one per line; built by
//! `scripts/build-person-nouns.sh` from WordNet 3.0,
//! `assets/semantic/LICENSE-wordnet.txt`), read in place through the hash
//! index `build.rs` writes, as the other semantic tables. A sentence that
//! opens with "The undrafted rookie" speaks of someone, as one that opens
//! with "He".

/// One lower-case noun per line, sorted bytewise.
static PERSON_NOUNS: &str = include_str!("../../assets/semantic/person-nouns-en.tsv");
/// Its hash index, built by `build.rs` (see [`super::slots`]).
static PERSON_NOUNS_SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/person-nouns-en.slots"));

/// Whether a lower-case word is a noun whose first sense is a person.
#[must_use]
pub fn is_person_noun(word: &str) -> bool {
    super::lookup(PERSON_NOUNS, PERSON_NOUNS_SLOTS, word).is_some()
}

#[cfg(test)]
mod tests {
    use super::is_person_noun;

    #[test]
    fn nouns_whose_first_sense_is_a_person_are_found() {
        for word in ["rookie", "veteran", "suspect", "senator", "quarterback", "victim", "actress"] {
            assert!(is_person_noun(word), "{word}");
        }
    }

    #[test]
    fn other_nouns_and_odd_keys_are_not() {
        for word in ["company", "team", "toll", "quake", "bill", "", "zzzz", "Rookie", "rookies"] {
            assert!(!is_person_noun(word), "{word}");
        }
    }

    #[test]
    fn every_line_of_the_table_is_found_and_the_table_is_sorted() {
        let lines: Vec<&str> = super::PERSON_NOUNS.lines().collect();
        assert!(lines.len() > 5000, "{}", lines.len());
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        assert!(lines.iter().all(|line| is_person_noun(line)));
    }
}
