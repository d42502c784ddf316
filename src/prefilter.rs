//! Cheap necessary conditions checked before a regular expression is built
//! or run (start-up, issue 11).
//!
//! Compiling a regular expression costs a fraction of a millisecond to a
//! millisecond; a run on two one-line articles used to spend more time
//! compiling patterns than reading the text. A module checks a cheap
//! condition every match needs (literals it must contain, in [`case_folded`]
//! text, which folds letters exactly as a case-insensitive (`(?i)`) pattern
//! sees ASCII letters) and builds its pattern, with [`lean_regex`], only
//! for a text that passes. The boilerplate shapes need no pattern at all
//! (`segment::shapes`).

/// A text lower-cased for gates: every character that a case-insensitive
/// pattern matches to an ASCII letter becomes that letter. Besides the
/// ASCII capitals these are only the Kelvin sign (K, lower-cased to `k`)
/// and the long s (ſ, which `(?i)s` matches).
#[must_use]
pub fn case_folded(text: &str) -> String {
    let lower = text.to_lowercase();
    if lower.contains('ſ') { lower.replace('ſ', "s") } else { lower }
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
}
