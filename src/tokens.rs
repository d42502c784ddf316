//! Words and terms: the vocabulary matching and context comparison work on.
//!
//! A term is a word lower-cased, with diacritics and typographic variants
//! folded, Snowball-stemmed, and mapped through a small table of news
//! paraphrases (killed / died / lost their lives → one concept), so that
//! reworded sentences share terms. Stop words are dropped, but never
//! numbers, negations or quantifiers: "not" and "more than" carry meaning.

use crate::model::Span;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Words the stop list must keep: negations, quantifiers and comparison words.
const KEEP: &[&str] = &[
    "no", "not", "nor", "never", "none", "nothing", "nobody", "neither", "without", "against", "over", "under", "more",
    "most", "less", "least", "few", "fewer", "only", "up", "down", "above", "below", "before", "after", "again", "all",
    "both", "each", "some", "same", "too", "very", "off", "out", "t", "don", "didn", "doesn", "hadn", "hasn", "haven",
    "isn", "wasn", "weren", "won", "wouldn", "couldn", "shouldn", "mustn", "needn", "aren", "ain",
];

/// Reporting verbs and fillers that say nothing about the event itself.
const EXTRA_STOP: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tell",
    "according",
    "also",
    "would",
    "could",
    "may",
    "might",
    "one",
    "us",
    "mr",
    "mrs",
    "ms",
    "dr",
    "per",
    "cent",
    "percent",
    "like",
    "just",
    "still",
    "now",
    "yet",
    "however",
    "including",
    "among",
    "many",
    "much",
    "well",
    "even",
    "since",
    "while",
    "within",
    "whether",
    "though",
    "although",
    "despite",
    "across",
    "around",
    "about",
    "nearly",
    "almost",
    "some",
    "least",
];

static STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let keep: HashSet<&str> = KEEP.iter().copied().collect();
    // Contracted negations ("didn't", "wasn't") are single words to the
    // word splitter, so they are kept whole like "not".
    stop_words::lookup("en")
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|w| !keep.contains(w) && !w.ends_with("n't"))
        .chain(EXTRA_STOP.iter().copied().filter(|w| !keep.contains(w)))
        .collect()
});

/// Paraphrase concepts: stems (after stemming) that news writing uses for
/// the same thing. Kept small and specific; a concept term is written with
/// a leading `~` so it never collides with a real stem.
const CONCEPTS: &[(&str, &[&str])] = &[
    ("~die", &["kill", "die", "dead", "death", "fatal", "perish", "toll", "bodi"]),
    ("~injur", &["injur", "hurt", "wound", "injuri"]),
    ("~evacu", &["evacu", "evacue", "flee", "fled", "displac", "reloc"]),
    ("~peopl", &["peopl", "resid", "inhabit", "person", "citizen", "villag", "individu", "civilian", "other"]),
    ("~collaps", &["collaps", "burst", "breach", "broke", "break", "fail", "failur", "rupture", "ruptur"]),
    ("~rescuer", &["rescuer", "rescu", "firefight", "responder"]),
    ("~promis", &["pledg", "promis", "commit", "earmark"]),
    ("~home", &["home", "hous", "dwell", "household", "properti"]),
    ("~investig", &["investig", "probe", "inquiri", "inquest"]),
    ("~doubl", &["doubl", "twice"]),
    ("~usual", &["usual", "normal", "averag", "typic"]),
    ("~cut", &["cut", "close", "shut", "block"]),
    ("~rail", &["railway", "rail", "railroad", "train", "track"]),
    ("~repeat", &["repeat", "sever", "multipl"]),
    ("~warn", &["warn", "alert", "caution"]),
    ("~arrest", &["arrest", "detain", "custodi"]),
    ("~missing", &["miss", "unaccount"]),
    ("~damag", &["damag", "destruct", "destroy", "loss"]),
    ("~manag", &["manag", "manageri", "execut", "boss", "leadership"]),
    ("~crack", &["crack", "fissur", "fractur"]),
    ("~night", &["night", "midnight", "nighttim"]),
    ("~withdraw", &["withdraw", "withdrew", "quit", "resign", "abandon"]),
    ("~condemn", &["condemn", "denounc", "critic", "criticis", "criticiz", "blast", "slam"]),
    ("~approv", &["approv", "pass", "adopt", "endors"]),
    ("~reject", &["reject", "oppos", "refus", "declin", "vote down"]),
];

/// Multi-word expressions folded to a concept before stemming.
const PHRASES: &[(&[&str], &str)] = &[
    (&["lost", "their", "lives"], "~die"),
    (&["lost", "his", "life"], "~die"),
    (&["lost", "her", "life"], "~die"),
    (&["gave", "way"], "~collaps"),
    (&["give", "way"], "~collaps"),
    (&["leave", "their", "homes"], "~evacu"),
    (&["left", "their", "homes"], "~evacu"),
    (&["fled", "their", "homes"], "~evacu"),
    (&["forced", "from", "their", "homes"], "~evacu"),
    (&["emergency", "workers"], "~rescuer"),
    (&["emergency", "crews"], "~rescuer"),
    (&["several", "times"], "~repeat"),
    (&["bowing", "out"], "~withdraw"),
    (&["bowed", "out"], "~withdraw"),
    (&["bow", "out"], "~withdraw"),
    (&["pulling", "out"], "~withdraw"),
    (&["pulled", "out"], "~withdraw"),
    (&["pull", "out"], "~withdraw"),
    (&["dropping", "out"], "~withdraw"),
    (&["dropped", "out"], "~withdraw"),
    (&["drop", "out"], "~withdraw"),
    (&["stepping", "down"], "~withdraw"),
    (&["stepped", "down"], "~withdraw"),
    (&["step", "down"], "~withdraw"),
    (&["backed", "out"], "~withdraw"),
    (&["dropped", "plans"], "~withdraw"),
    (&["many", "times"], "~repeat"),
    (&["more", "than", "once"], "~repeat"),
];

static CONCEPT_OF: LazyLock<std::collections::HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    CONCEPTS.iter().flat_map(|(concept, stems)| stems.iter().map(move |stem| (*stem, *concept))).collect()
});

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
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(start, w)| Word { text: w, span: Span::new(start, start + w.len()) })
}

/// Lower-cases and folds a word for comparison (quotes, diacritics, digits
/// of other scripts).
#[must_use]
pub fn fold_word(word: &str) -> String {
    // Most words are plain ASCII: skip the Unicode decomposition for them.
    if word.is_ascii() {
        let lower = word.to_ascii_lowercase();
        return lower.trim_end_matches("'s").trim_matches(['\'', '`']).to_owned();
    }
    let plain: String =
        word.chars().map(|c| crate::normalize::fold_digit(crate::normalize::fold_punctuation(c))).collect();
    let folded = crate::normalize::fold_diacritics_lower(&plain);
    folded.trim_end_matches("'s").trim_matches('\'').to_owned()
}

/// True for words the matcher ignores.
#[must_use]
pub fn is_stop_word(folded: &str) -> bool {
    STOP.contains(folded)
}

/// The stem of a folded word.
#[must_use]
pub fn stem(folded: &str) -> String {
    STEMMER.stem(folded).into_owned()
}

/// The concept a stem belongs to, or the stem itself.
#[must_use]
pub fn concept(stem: &str) -> &str {
    CONCEPT_OF.get(stem).copied().unwrap_or(stem)
}

/// The content terms of a text, in order, with the span each comes from.
/// Numbers are left out here: figures enter matching through the number
/// extractor, which knows "4,500" and "four thousand five hundred" are one value.
#[must_use]
pub fn terms(text: &str) -> Vec<(String, Span)> {
    let folded: Vec<(String, Span)> = words(text).map(|w| (fold_word(w.text), w.span)).collect();
    let mut out = Vec::with_capacity(folded.len());
    let mut index = 0;
    'words: while index < folded.len() {
        for (phrase, concept) in PHRASES {
            if folded.len() - index >= phrase.len() && phrase.iter().zip(&folded[index..]).all(|(p, (w, _))| p == w) {
                let span = Span::new(folded[index].1.start, folded[index + phrase.len() - 1].1.end);
                out.push(((*concept).to_owned(), span));
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
        out.push((concept(&stemmed).to_owned(), *span));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term_list(text: &str) -> Vec<String> {
        terms(text).into_iter().map(|(t, _)| t).collect()
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
