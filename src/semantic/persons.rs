//! Nouns that name a person (`assets/semantic/person-nouns-en.txt`: every
//! English noun whose first WordNet sense is a kind of person, "rookie",
//! "veteran", "suspect", "senator"; built by `scripts/build-person-nouns.sh`
//! from WordNet 3.0, `assets/semantic/LICENSE-wordnet.txt`), a sorted list
//! searched in place (nothing is parsed at start-up). A sentence that opens
//! with "The undrafted rookie" speaks of someone, as one that opens with "He".

/// One lower-case noun per line, sorted bytewise.
static PERSON_NOUNS: &str = include_str!("../../assets/semantic/person-nouns-en.txt");

/// Whether a lower-case word is a noun whose first sense is a person.
#[must_use]
pub fn is_person_noun(word: &str) -> bool {
    holds_line(PERSON_NOUNS, word)
}

/// Whether a table of sorted lines holds `word` as one line: a binary
/// search over byte offsets, each probe widened to the line it falls in.
fn holds_line(table: &str, word: &str) -> bool {
    let bytes = table.as_bytes();
    let (mut low, mut high) = (0usize, bytes.len());
    while low < high {
        let middle = low + (high - low) / 2;
        let start = bytes[..middle].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let end = bytes[middle..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| middle + i);
        let line = table.get(start..end).unwrap_or_default();
        match line.cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => low = end + 1,
            std::cmp::Ordering::Greater => high = start,
        }
    }
    false
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
