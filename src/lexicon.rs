//! Rules as data: the word lists, patterns and concepts the analysis reads,
//! kept in `assets/lexicon/*.toml` and embedded at build time.
//!
//! Each file is one TOML document with its own typed shape, parsed once on
//! first use. Every file carries examples it must and must not match (as
//! Duckling keeps a `Corpus.hs` beside each `Rules.hs`); the module that
//! reads a file runs those examples in its tests, and `tests` below checks
//! that every file parses and every pattern compiles. A broken file is a
//! build defect caught by the tests, never a feature that silently turns off.

use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

/// Every embedded lexicon file: (name, TOML source). New files are added
/// here so the tests parse them.
pub const FILES: &[(&str, &str)] = &[
    ("calendar", include_str!("../assets/lexicon/calendar.toml")),
    ("honorifics", include_str!("../assets/lexicon/honorifics.toml")),
    ("quantities", include_str!("../assets/lexicon/quantities.toml")),
    ("identity", include_str!("../assets/lexicon/identity.toml")),
    ("terms", include_str!("../assets/lexicon/terms.toml")),
    ("segment", include_str!("../assets/lexicon/segment.toml")),
    ("names", include_str!("../assets/lexicon/names.toml")),
    ("numbers", include_str!("../assets/lexicon/numbers.toml")),
    ("polarity", include_str!("../assets/lexicon/polarity.toml")),
    ("attribution", include_str!("../assets/lexicon/attribution.toml")),
    ("contractions", include_str!("../assets/lexicon/contractions.toml")),
    ("ages", include_str!("../assets/lexicon/ages.toml")),
    ("clauses", include_str!("../assets/lexicon/clauses.toml")),
];

/// Examples an entry must match and must not match, written by us.
///
/// Only the tests read them: outside `cfg(test)` they are skipped while
/// parsing (still checked to be JSON, nothing allocated) and both lists are
/// empty, which saves start-up a fifth of the lexicons' parsing (issue 11).
#[derive(Debug, Clone, Default)]
pub struct Examples {
    /// Texts the entry must recognise (empty outside `cfg(test)`).
    pub matches: Vec<String>,
    /// Texts the entry must not recognise (empty outside `cfg(test)`).
    pub no_match: Vec<String>,
}

impl<'de> Deserialize<'de> for Examples {
    #[cfg(test)]
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// The examples as written.
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Written {
            #[serde(default, rename = "match")]
            matches: Vec<String>,
            #[serde(default)]
            no_match: Vec<String>,
        }
        let Written { matches, no_match } = Written::deserialize(deserializer)?;
        Ok(Self { matches, no_match })
    }

    #[cfg(not(test))]
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer)?;
        Ok(Self::default())
    }
}

/// The same files as JSON, converted at build time (`build.rs`), sorted by
/// name: what a run parses.
const JSON: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/lexicon_json.rs"));

/// Parses one embedded lexicon file into its typed shape (from its JSON
/// form: the tests check it holds what the TOML says).
///
/// # Panics
/// When the embedded file does not parse: the files are part of the
/// binary, and the tests parse every one, so this never happens in a build
/// that passed its tests.
#[must_use]
#[allow(clippy::panic)]
pub fn parse<T: serde::de::DeserializeOwned>(name: &str) -> T {
    if !FILES.iter().any(|(file, _)| *file == name) {
        panic!("lexicon file {name} is not listed in lexicon::FILES");
    }
    let Ok(at) = JSON.binary_search_by(|(file, _)| (*file).cmp(name)) else {
        panic!("lexicon file {name} has no build-time JSON form");
    };
    match serde_json::from_str(JSON[at].1) {
        Ok(value) => value,
        Err(error) => panic!("lexicon file assets/lexicon/{name}.toml: {error}"),
    }
}

/// Compiles a pattern from a lexicon file.
///
/// # Panics
/// When the pattern does not compile (caught by the owning module's tests).
#[must_use]
#[allow(clippy::panic)]
pub fn pattern(file: &str, source: &str) -> Regex {
    match Regex::new(source) {
        Ok(regex) => regex,
        Err(error) => panic!("lexicon file assets/lexicon/{file}.toml: pattern {source:?}: {error}"),
    }
}

/// Months and weekdays (`calendar.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    month: Vec<Month>,
    weekdays: WordList,
    /// Month words to recognise and to refuse.
    pub examples: Examples,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Month {
    number: i8,
    forms: Vec<String>,
}

/// A plain list of lower-case words.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordList {
    /// The words.
    pub words: Vec<String>,
}

impl Calendar {
    /// The month (1–12) a word names: "Sept", "january", "Dec." (a trailing
    /// full stop is ignored). Case-insensitive.
    #[must_use]
    pub fn month(&self, word: &str) -> Option<i8> {
        let word = word.strip_suffix('.').unwrap_or(word).to_lowercase();
        self.month.iter().find(|m| m.forms.contains(&word)).map(|m| m.number)
    }

    /// Whether a word is a month word ("may" included: callers that care
    /// about the modal verb look at case or context).
    #[must_use]
    pub fn is_month(&self, word: &str) -> bool {
        self.month(word).is_some()
    }

    /// Whether a word is a weekday name, in any case.
    #[must_use]
    pub fn is_weekday(&self, word: &str) -> bool {
        let word = word.to_lowercase();
        self.weekdays.words.contains(&word)
    }

    /// The weekday's index from Monday (0) to Sunday (6).
    #[must_use]
    pub fn weekday_index(&self, word: &str) -> Option<usize> {
        let word = word.to_lowercase();
        self.weekdays.words.iter().position(|day| *day == word)
    }

    /// The full name of month 1–12 as a sentence writes it ("March").
    #[must_use]
    pub fn month_name(&self, number: i8) -> Option<String> {
        self.month.iter().find(|m| m.number == number).and_then(|m| m.forms.first()).map(|word| capitalise(word))
    }

    /// Month and weekday names as they start a sentence ("March", "Monday").
    pub fn capitalised_names(&self) -> impl Iterator<Item = String> + '_ {
        let full_months = self.month.iter().filter_map(|m| m.forms.first());
        self.weekdays.words.iter().chain(full_months).map(|word| capitalise(word))
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The calendar, parsed on first use.
pub static CALENDAR: LazyLock<Calendar> = LazyLock::new(|| parse("calendar"));

/// Titles and roles written before names (`honorifics.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Honorifics {
    honorifics: HonorificLists,
    /// Lone titles to keep with the next sentence piece, and pieces that are not.
    pub examples: Examples,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HonorificLists {
    abbreviations: Vec<String>,
    words: Vec<String>,
}

impl Honorifics {
    /// Whether a word (lower case, no full stop) is a title or role before a name.
    #[must_use]
    pub fn is_title_word(&self, word: &str) -> bool {
        self.honorifics.words.iter().any(|w| w == word)
    }

    /// Whether a written abbreviation (as cased in text, no full stop) is a title.
    #[must_use]
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.honorifics.abbreviations.iter().any(|w| w == word)
    }

    /// A sentence piece that is only a title before a name ("Ms.", "“Dr.",
    /// "Sen."): a splitter that broke there broke between the title and
    /// the name it belongs to.
    #[must_use]
    pub fn is_lone_title(&self, piece: &str) -> bool {
        let word = piece.trim_start_matches(['"', '“', '‘', '\'', '(', '«']);
        word.strip_suffix('.').is_some_and(|title| self.is_abbreviation(title))
    }
}

/// The honorifics, parsed on first use.
pub static HONORIFICS: LazyLock<Honorifics> = LazyLock::new(|| parse("honorifics"));

/// Who a quotation is attributed to (`attribution.toml`): the speech verbs,
/// read by the matcher (quotes of different speakers never group) and by
/// the figure identity reader (a speech verb is no figure's own verb).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribution {
    speech: SpeechVerbs,
    /// Sentences and a surname their quotation is attributed to (and not).
    pub examples: Examples,
    /// Clauses that only say who spoke (and clauses that say more).
    pub clauses: AttributionClauses,
}

/// Examples of clauses that only say who spoke (`[clauses]` of attribution.toml).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributionClauses {
    /// Clauses matching's attribution filter leaves out, and clauses it keeps.
    pub examples: Examples,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SpeechVerbs {
    verbs: Vec<String>,
}

impl Attribution {
    /// Whether a folded word says someone spoke ("said", "told", "according").
    #[must_use]
    pub fn is_speech_verb(&self, folded: &str) -> bool {
        self.speech.verbs.iter().any(|v| v == folded)
    }

    /// The speech verbs, folded.
    #[must_use]
    pub fn speech_verbs(&self) -> &[String] {
        &self.speech.verbs
    }
}

/// The attribution words, parsed on first use.
pub static ATTRIBUTION: LazyLock<Attribution> = LazyLock::new(|| parse("attribution"));

#[cfg(test)]
mod tests {
    use super::*;

    /// The tests read the examples in full (the run skips them), and an
    /// unknown key among them is still refused.
    #[test]
    fn examples_are_read_in_tests() {
        let examples: Examples = serde_json::from_str(r#"{"match":["a"],"no_match":["b","c"]}"#).expect("examples");
        assert_eq!((examples.matches, examples.no_match), (vec!["a".to_owned()], vec!["b".to_owned(), "c".to_owned()]));
        assert!(serde_json::from_str::<Examples>(r#"{"matchs":["a"]}"#).is_err());
    }

    #[test]
    fn the_build_time_json_holds_what_the_toml_says() {
        let mut names: Vec<&str> = FILES.iter().map(|(name, _)| *name).collect();
        names.sort_unstable();
        let json_names: Vec<&str> = JSON.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, json_names, "every listed file, and only those, has a JSON form");
        for (name, source) in FILES {
            let from_toml: serde_json::Value = toml::from_str(source).expect("TOML");
            let (_, json) = JSON.iter().find(|(n, _)| n == name).expect("a JSON form");
            let from_json: serde_json::Value = serde_json::from_str(json).expect("JSON");
            assert_eq!(from_toml, from_json, "{name}");
        }
    }

    #[test]
    fn every_file_parses_as_toml() {
        for (name, source) in FILES {
            assert!(toml::from_str::<toml::Table>(source).is_ok(), "assets/lexicon/{name}.toml does not parse");
        }
    }

    #[test]
    fn calendar_examples() {
        let calendar = &*CALENDAR;
        for word in &calendar.examples.matches {
            assert!(calendar.is_month(word), "{word:?} should read as a month");
        }
        for word in &calendar.examples.no_match {
            assert!(!calendar.is_month(word), "{word:?} should not read as a month");
        }
        assert_eq!(calendar.month("Sept."), Some(9));
        assert_eq!(calendar.weekday_index("Sunday"), Some(6));
        assert_eq!(calendar.capitalised_names().count(), 19);
    }

    #[test]
    fn honorific_examples_through_the_sentence_splitter_rule() {
        let honorifics = &*HONORIFICS;
        for piece in &honorifics.examples.matches {
            assert!(honorifics.is_lone_title(piece), "{piece:?} should be a lone title");
        }
        for piece in &honorifics.examples.no_match {
            assert!(!honorifics.is_lone_title(piece), "{piece:?} should not be a lone title");
        }
        assert!(honorifics.is_title_word("senator"));
        assert!(!honorifics.is_title_word("senate"));
    }
}
