//! Comparing the words of names: forms of one word
//! (plural, possessive, demonym) and how alike two words are, by the
//! transliteration key of `fold`.

use super::fold_key;
use super::{given, lexicon};

/// A word as compared for case and apostrophes only: "D’Arcy" and
/// "D'ARCY" are one word written alike.
#[must_use]
pub fn plain(word: &str) -> String {
    crate::normalize::fold_diacritics_lower(word).chars().map(|c| if c == '’' || c == '`' { '\'' } else { c }).collect()
}

/// How close two words of a name are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WordMatch {
    /// Different words.
    Different,
    /// Alike by string similarity only: needs something else to count.
    Similar,
    /// A short and a long form of one given name (Ken / Kenneth); only
    /// compared where a given name stands.
    ShortForm,
    /// The same under the transliteration key, or the plural of a word
    /// inside a longer name (Election / Elections Commission).
    SameKey,
    /// One word in another grammatical form: plural, possessive, a place
    /// and its demonym (Indonesia / Indonesian). Not a spelling variant.
    Form,
    /// Spelled the same (ignoring case, diacritics aside, and apostrophes).
    Identical,
}

/// A word prepared for comparison once (the key is folded once per
/// distinct word, not once per pair).
#[derive(Debug, Clone)]
pub struct Word {
    /// Lower case, typographic apostrophes straightened.
    pub plain: String,
    /// The transliteration key.
    pub key: String,
    /// The word exactly as lower-cased (diacritics kept).
    pub lower: String,
    /// Its stem when the word is a known English word (at least
    /// `names.toml`'s `known_word_zipf`) and no given name: two such words
    /// of different stems are two words ("Majority" / "Minority",
    /// "Medicare" / "Medicaid"), where given names ("Stephen" / "Steven")
    /// are still compared by spelling.
    pub known_stem: Option<String>,
}

impl Word {
    /// Prepares a word.
    #[must_use]
    pub fn new(word: &str) -> Self {
        let lower: String = word.to_lowercase().replace(['’', '`'], "'");
        let stem = crate::tokens::stem(&crate::tokens::fold_word(word));
        let key = fold_key(word);
        let known = crate::semantic::zipf(&stem).is_some_and(|zipf| zipf >= lexicon::get().known_word_zipf);
        let known_stem = (known && given::groups(&key).is_empty()).then_some(stem);
        Self { plain: plain(word), key, lower, known_stem }
    }
}

/// Compares two words of a name. `given` is true where a given name stands
/// (the first word of a person's name), where short forms count.
#[must_use]
pub fn compare_words(a: &str, b: &str, similarity: f64) -> WordMatch {
    compare(&Word::new(a), &Word::new(b), similarity, false)
}

/// Compares two prepared words.
#[must_use]
pub fn compare(a: &Word, b: &Word, similarity: f64, given_name: bool) -> WordMatch {
    if a.lower == b.lower {
        return WordMatch::Identical;
    }
    if a.key == b.key {
        // Not identical as written: a variant spelling (Sánchez / Sanchez),
        // unless only an apostrophe's shape differs.
        return if a.plain.replace('\'', "") == b.plain.replace('\'', "")
            && (a.plain.contains('\'') || b.plain.contains('\''))
        {
            WordMatch::Identical
        } else {
            WordMatch::SameKey
        };
    }
    // A plural or an apostrophe-less possessive ("Oscars", "Globes") is the
    // same name written in another form, not another spelling of it.
    if a.key.strip_suffix('z') == Some(&b.key) || b.key.strip_suffix('z') == Some(&a.key) {
        return WordMatch::Form;
    }
    if one_stem(&a.plain, &b.plain) {
        return WordMatch::Form;
    }
    if given_name && given::same_given_name(&a.key, &b.key) {
        return WordMatch::ShortForm;
    }
    // Two known English words of different stems that look alike
    // ("Majority" / "Minority") are two words, not one misspelled.
    if a.known_stem.is_some() && b.known_stem.is_some() && a.known_stem != b.known_stem {
        return WordMatch::Different;
    }
    let (la, lb) = (a.key.chars().count(), b.key.chars().count());
    if la.min(lb) < 4 || la.min(lb) * 10 < la.max(lb) * 8 {
        return WordMatch::Different;
    }
    // One letter apart from four letters on, two from eight, two in
    // shorter words alike overall and from the same two first letters
    // ("Goursin" / "Gourian"; not "Yankees" / "Ibanez", "Pittsburg" /
    // "Ginsburg"), three in long words alike overall.
    let edits = edits(a, b);
    let shortest = la.min(lb);
    let alike = || strsim::jaro_winkler(&a.key, &b.key) >= similarity;
    let same_start = a.key.chars().take(2).eq(b.key.chars().take(2));
    if edits <= 1 && shortest >= 4
        || edits <= 2 && shortest >= 8
        || edits <= 2 && shortest >= 6 && same_start && alike()
        || edits <= 3 && shortest >= 10 && alike()
    {
        WordMatch::Similar
    } else {
        WordMatch::Different
    }
}

/// Whether a stem is a frequent English word: at least as frequent as
/// `names.toml`'s `plain_word_zipf`.
#[must_use]
pub fn is_plain_word(stem: &str) -> bool {
    crate::semantic::zipf(stem).is_some_and(|zipf| zipf >= lexicon::get().plain_word_zipf)
}

/// Edits (insertions, deletions, substitutions, swaps) between the keys.
#[must_use]
pub fn edits(a: &Word, b: &Word) -> usize {
    strsim::osa_distance(&a.key, &b.key)
}

/// Whether two words are one stem with two of the form endings (Indonesia
/// / Indonesian, Sudan / Sudanese, Democrat / Democratic / Democrats).
#[must_use]
pub fn one_stem(a: &str, b: &str) -> bool {
    let endings = &lexicon::get().form_endings;
    endings
        .iter()
        .filter_map(|ea| a.strip_suffix(ea.as_str()))
        .any(|stem| stem.chars().count() >= 4 && endings.iter().any(|eb| b.strip_suffix(eb.as_str()) == Some(stem)))
}

/// The plural of a word inside a longer name ("Central Elections
/// Commission" / "Central Election Commission") is a real difference.
#[must_use]
pub fn inner_plural(a: &Word, b: &Word) -> bool {
    let s = |x: &str, y: &str| x.strip_suffix('s') == Some(y);
    s(&a.plain, &b.plain) || s(&b.plain, &a.plain)
}

/// The neighbourhood of a key for blocking: the key and every key one
/// letter shorter (two letters shorter too when `deep` and the key has
/// eight letters or more). Two keys within one edit share a member; with
/// `deep`, two long keys within two edits do. Each member is handed to
/// `visit` from one reused buffer (no allocation per member), possibly
/// more than once.
pub fn for_each_near(key: &str, deep: bool, mut visit: impl FnMut(&str)) {
    visit(key);
    let count = key.chars().count();
    // Long words (hostile input) are blocked on their exact key only.
    if !(4..=24).contains(&count) {
        return;
    }
    let mut buffer = String::with_capacity(key.len());
    let mut without = |skip: (usize, usize)| {
        buffer.clear();
        buffer.extend(key.chars().enumerate().filter(|(i, _)| *i != skip.0 && *i != skip.1).map(|(_, c)| c));
        visit(&buffer);
    };
    for first in 0..count {
        without((first, first));
        if deep && count >= 8 {
            for second in first + 1..count {
                without((first, second));
            }
        }
    }
}
