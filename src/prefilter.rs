//! Cheap necessary conditions checked before a regular expression is built
//! or run (start-up, issue 11).
//!
//! Compiling a regular expression costs a fraction of a millisecond to a
//! millisecond; a run on two one-line articles used to spend more time
//! compiling patterns than reading the text. A [`Gate`] names literals that
//! every match must contain; when a text has none of them, the pattern
//! cannot match it and is neither compiled nor run. Gates only ever skip
//! texts a pattern would reject, so results do not change.
//!
//! The literals are compared with [`case_folded`] text, which folds letters
//! exactly as a case-insensitive (`(?i)`) pattern sees ASCII letters.

/// A text lower-cased for gates: every character that a case-insensitive
/// pattern matches to an ASCII letter becomes that letter. Besides the
/// ASCII capitals these are only the Kelvin sign (K, lower-cased to `k`)
/// and the long s (ſ, which `(?i)s` matches).
#[must_use]
pub fn case_folded(text: &str) -> String {
    let lower = text.to_lowercase();
    if lower.contains('ſ') { lower.replace('ſ', "s") } else { lower }
}

/// [`case_folded`] for a text already lower-cased with `str::to_lowercase`.
#[must_use]
pub fn case_folded_lower(lower: &str) -> std::borrow::Cow<'_, str> {
    if lower.contains('ſ') { lower.replace('ſ', "s").into() } else { lower.into() }
}

/// Literals a match must contain, in a [`case_folded`] text.
#[derive(Debug, Clone, Copy)]
pub struct Gate {
    /// The text starts with one of these (after at most one `(`); empty:
    /// no condition.
    pub starts: &'static [&'static str],
    /// The text contains every one of these.
    pub contains: &'static [&'static str],
}

impl Gate {
    /// True when a text (already [`case_folded`]) could match.
    #[must_use]
    pub fn admits(&self, folded: &str) -> bool {
        let starts = self.starts.is_empty() || {
            let after_paren = folded.strip_prefix('(').unwrap_or(folded);
            self.starts.iter().any(|s| folded.starts_with(s) || after_paren.starts_with(s))
        };
        starts && self.contains.iter().all(|c| folded.contains(c))
    }
}

/// Compiles a pattern for the few short texts that pass its gate: with the
/// lean engines only (the PikeVM and the bounded backtracker), which find
/// exactly what the full set finds and skip building the lazy DFA's reverse
/// automaton and the one-pass DFA: about half the compile time.
///
/// # Panics
/// When the pattern does not compile (the patterns are constants, and the
/// owning modules' tests run them).
#[must_use]
#[allow(clippy::panic)]
pub fn lean_regex(source: &str) -> regex_automata::meta::Regex {
    let config = regex_automata::meta::Config::new().hybrid(false).dfa(false).onepass(false);
    match regex_automata::meta::Regex::builder().configure(config).build(source) {
        Ok(regex) => regex,
        Err(error) => panic!("pattern {source:?} does not compile: {error}"),
    }
}

/// True when `haystack` contains any of `needles`, ignoring ASCII case.
/// Exact for needles of ASCII letters other than `k` and `s` (the only
/// letters with a non-ASCII case-insensitive match), digits and punctuation.
#[must_use]
pub fn contains_ascii_nocase(haystack: &str, needles: &[&str]) -> bool {
    let bytes = haystack.as_bytes();
    needles.iter().any(|needle| {
        let needle = needle.as_bytes();
        !needle.is_empty() && bytes.windows(needle.len()).any(|window| window.eq_ignore_ascii_case(needle))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_matches_what_case_insensitive_patterns_match() {
        // Every character `(?i)[a-z]` matches folds to the ASCII letter it matches.
        let letter = regex::Regex::new(r"(?i)^[a-z]$").expect("regex");
        let mut one = String::new();
        for c in (0u32..0x11_0000).filter_map(char::from_u32) {
            one.clear();
            one.push(c);
            if letter.is_match(&one) {
                let folded = case_folded(&one);
                assert!(folded.len() == 1 && folded.as_bytes()[0].is_ascii_lowercase(), "{c:?} folds to {folded:?}");
                let same = regex::Regex::new(&format!("(?i)^{folded}$")).expect("regex");
                assert!(same.is_match(&one), "{c:?}");
            }
        }
        assert_eq!(case_folded("ſHARE \u{212A}IT"), "share kit");
    }

    #[test]
    fn gates_check_starts_and_contents() {
        let gate = Gate { starts: &["by", "photo"], contains: &[":"] };
        assert!(gate.admits("photo: a. smith"));
        assert!(gate.admits("(photo: a. smith)"));
        assert!(!gate.admits("photo by a. smith"));
        assert!(!gate.admits("the photo: a. smith"));
        assert!(Gate { starts: &[], contains: &[] }.admits(""));
        assert!(Gate { starts: &[], contains: &["min", "read"] }.admits("5 min read"));
        assert!(!Gate { starts: &[], contains: &["min", "read"] }.admits("already"));
    }

    #[test]
    fn ascii_search_ignores_case_only() {
        assert!(contains_ascii_nocase("Written BY hand", &["by"]));
        assert!(contains_ascii_nocase("x", &["y", "x"]));
        assert!(!contains_ascii_nocase("b y", &["by"]));
        assert!(!contains_ascii_nocase("", &["by"]));
        assert!(!contains_ascii_nocase("by", &[""]));
    }
}
