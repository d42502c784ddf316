//! Line patterns written out by hand (start-up, issue 11).
//!
//! A regular expression costs 0.1–0.6 ms to compile, and the boilerplate
//! patterns were a tenth of a run on the bundled samples. The few that only
//! look at a line's start and a handful of literals are written here as
//! steps over the set of positions a pattern can have reached, as an
//! automaton tracks them: each step maps every position to the positions
//! one more piece of the pattern can reach, so alternatives and optional
//! parts need no backtracking and `is_match` is exact. Each piece matches
//! what the same piece of a case-insensitive (`(?i)`) Unicode regex
//! matches; the owners' tests keep each regex beside its steps and check
//! that both agree (on every character class, on random lines, and on the
//! lines of the samples and the corpus).

use std::sync::LazyLock;

/// Positions (byte offsets into the line) a pattern can have reached,
/// sorted, without repeats.
pub(crate) type Ends = Vec<usize>;

/// A line matched by hand-written steps.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The text.
    pub(crate) text: &'a str,
}

impl<'a> Line<'a> {
    pub(crate) const fn new(text: &'a str) -> Self {
        Self { text }
    }

    /// `^`: the start of the line.
    pub(crate) fn start(self) -> Ends {
        vec![0]
    }

    /// Every position (an unanchored search starts anywhere).
    pub(crate) fn anywhere(self) -> Ends {
        self.text.char_indices().map(|(i, _)| i).chain([self.text.len()]).collect()
    }

    /// `(?:a|b|…)`: one of `words`, compared as `(?i)` compares
    /// ([`same_letter`]).
    pub(crate) fn words(self, at: &[usize], words: &[&str]) -> Ends {
        let mut ends: Ends = at
            .iter()
            .flat_map(|&p| words.iter().filter_map(move |w| literal(&self.text[p..], w).map(|n| p + n)))
            .collect();
        tidy(&mut ends);
        ends
    }

    /// Whether the line starts with one of `words` (as [`Self::words`] at
    /// the start compares, with `\(?` before them when `paren`): a
    /// necessary condition checked before an anchored pattern's steps,
    /// without allocating.
    pub(crate) fn opens(self, paren: bool, words: &[&str]) -> bool {
        let at = |text: &str| match text.as_bytes().first() {
            // An ASCII character is the same letter as a word's first
            // character only when it is that byte, folded: words are
            // lower-case, and only non-ASCII characters (the Kelvin sign,
            // the long s) fold to an ASCII letter otherwise.
            Some(&b) if b.is_ascii() => {
                let b = b.to_ascii_lowercase();
                words.iter().any(|w| w.as_bytes().first() == Some(&b) && literal(text, w).is_some())
            }
            _ => words.iter().any(|w| literal(text, w).is_some()),
        };
        at(self.text) || (paren && self.text.strip_prefix('(').is_some_and(at))
    }

    /// `(?:a|b|…)?`: as [`Self::words`], or nothing.
    pub(crate) fn maybe(self, at: &[usize], words: &[&str]) -> Ends {
        let mut ends = self.words(at, words);
        ends.extend_from_slice(at);
        tidy(&mut ends);
        ends
    }

    /// `\s*` (`min` 0) or `\s+` (`min` 1).
    pub(crate) fn spaces(self, at: &[usize], min: usize) -> Ends {
        self.repeat(at, min, usize::MAX, char::is_whitespace)
    }

    /// `[class]{min,max}` for the class `pred`.
    pub(crate) fn repeat(self, at: &[usize], min: usize, max: usize, pred: impl Fn(char) -> bool) -> Ends {
        let mut ends = Ends::new();
        // With no upper bound, a run walked from one start holds every
        // position a later start in it would reach: each run is walked once.
        let mut walked_to: Option<usize> = None;
        for &p in at {
            if max == usize::MAX && walked_to.is_some_and(|end| p <= end) {
                if min == 0 {
                    ends.push(p);
                }
                continue;
            }
            let mut position = p;
            let mut count = 0;
            if min == 0 {
                ends.push(p);
            }
            for c in self.text[p..].chars() {
                if count == max || !pred(c) {
                    break;
                }
                position += c.len_utf8();
                count += 1;
                if count >= min {
                    ends.push(position);
                }
            }
            walked_to = Some(position);
        }
        tidy(&mut ends);
        ends
    }

    /// One character of the class `pred`.
    pub(crate) fn one(self, at: &[usize], pred: impl Fn(char) -> bool) -> Ends {
        self.repeat(at, 1, 1, pred)
    }

    /// `\b`: the positions between a word character and another character
    /// (or the line's edge), as Unicode `\b` sees words.
    pub(crate) fn boundary(self, at: &[usize]) -> Ends {
        at.iter().copied().filter(|&p| self.is_boundary(p)).collect()
    }

    fn is_boundary(self, p: usize) -> bool {
        let before = self.text[..p].chars().next_back().is_some_and(regex_syntax::is_word_character);
        let after = self.text[p..].chars().next().is_some_and(regex_syntax::is_word_character);
        before != after
    }

    /// Whether the line holds `literal` anywhere, ignoring ASCII case: a
    /// cheap necessary condition before an unanchored pattern. Exact only
    /// for literals without the letters k and s (which `(?i)` also matches
    /// to the Kelvin sign and the long s).
    pub(crate) fn holds(self, literal: &str) -> bool {
        debug_assert!(!literal.contains(['k', 's']), "{literal}");
        let needle = literal.as_bytes();
        self.text.as_bytes().windows(needle.len()).any(|window| window.eq_ignore_ascii_case(needle))
    }

    /// `$`: whether the line's end was reached.
    pub(crate) fn reaches_end(self, at: &[usize]) -> bool {
        at.last() == Some(&self.text.len())
    }
}

/// Union of two position sets.
pub(crate) fn either(mut a: Ends, b: &[usize]) -> Ends {
    a.extend_from_slice(b);
    tidy(&mut a);
    a
}

fn tidy(ends: &mut Ends) {
    ends.sort_unstable();
    ends.dedup();
}

/// The length in `text` of `word` at its start, compared as `(?i)`
/// compares, else `None`.
fn literal(text: &str, word: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for w in word.chars() {
        let (_, c) = chars.next()?;
        if !same_letter(c, w) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| i))
}

/// Whether `(?i)` matches `c` to the pattern character `w` (`w` is
/// lower-case): an ASCII letter matches both its cases, and `k` also the
/// Kelvin sign and `s` the long s (the only other characters whose simple
/// case folding reaches an ASCII letter); any other character only itself.
pub(crate) fn same_letter(c: char, w: char) -> bool {
    if w.is_ascii_alphabetic() {
        c.to_ascii_lowercase() == w || (w == 'k' && c == '\u{212A}') || (w == 's' && c == '\u{17F}')
    } else {
        c == w
    }
}

/// `(?i)[a-z]`: an ASCII letter, the Kelvin sign or the long s.
pub(crate) fn is_letter_nocase(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '\u{212A}' || c == '\u{17F}'
}

/// A class from the regex parser's Unicode tables, parsed on first use:
/// sorted, disjoint ranges.
pub(crate) fn unicode_class(source: &str) -> Vec<(char, char)> {
    match regex_syntax::parse(source).map(regex_syntax::hir::Hir::into_kind) {
        Ok(regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class))) => {
            class.ranges().iter().map(|r| (r.start(), r.end())).collect()
        }
        // A constant source: the tests check each one.
        _ => Vec::new(),
    }
}

pub(crate) fn in_class(ranges: &[(char, char)], c: char) -> bool {
    ranges
        .binary_search_by(|&(start, end)| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `(?i)\p{Lu}`: a letter whose case folding reaches an upper-case letter
/// (either case; not "ß" or "ª"). Only a non-ASCII letter needs the table.
pub(crate) fn is_cased_letter(c: char) -> bool {
    static CLASS: LazyLock<Vec<(char, char)>> = LazyLock::new(|| unicode_class(r"(?i)\p{Lu}"));
    if c.is_ascii() { c.is_ascii_alphabetic() } else { in_class(&CLASS, c) }
}

/// `\d`: a Unicode decimal digit. Only a non-ASCII character needs the table.
pub(crate) fn is_digit(c: char) -> bool {
    static CLASS: LazyLock<Vec<(char, char)>> = LazyLock::new(|| unicode_class(r"\d"));
    if c.is_ascii() { c.is_ascii_digit() } else { in_class(&CLASS, c) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_char() -> impl Iterator<Item = char> {
        (0u32..0x11_0000).filter_map(char::from_u32)
    }

    /// The characters a one-character regex matches, as the regex parser
    /// reads it (the compiled regex matches exactly these).
    fn regex_class(source: &str) -> Vec<(char, char)> {
        match regex_syntax::parse(source).expect("regex").into_kind() {
            regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) => {
                class.ranges().iter().map(|r| (r.start(), r.end())).collect()
            }
            regex_syntax::hir::HirKind::Literal(literal) => {
                let c = std::str::from_utf8(&literal.0).expect("utf-8").chars().next().expect("a character");
                vec![(c, c)]
            }
            other => panic!("{source}: not one character: {other:?}"),
        }
    }

    fn agrees(source: &str, class: impl Fn(char) -> bool) {
        let ranges = regex_class(source);
        for c in every_char() {
            assert_eq!(in_class(&ranges, c), class(c), "{source} on {c:?}");
        }
    }

    /// Each class agrees with the regex it stands for on every character.
    #[test]
    fn classes_agree_with_their_regexes_on_every_character() {
        agrees(r"(?i)\p{Lu}", is_cased_letter);
        agrees(r"\d", is_digit);
        agrees(r"\s", char::is_whitespace);
        agrees(r"\w", regex_syntax::is_word_character);
        agrees(r"(?i)[a-z]", is_letter_nocase);
        // And the parser reads as the compiled regex matches.
        let lu = regex::Regex::new(r"(?i)^\p{Lu}$").expect("regex");
        for c in ['A', 'a', 'ß', 'ª', 'ǅ', 'É', 'é', '\u{212A}', '1', ' '] {
            assert_eq!(lu.is_match(&c.to_string()), is_cased_letter(c), "{c:?}");
        }
    }

    /// A literal character matches what the same character in a `(?i)`
    /// regex matches, for every character of the patterns' words.
    #[test]
    fn literals_compare_as_case_insensitive_regexes_do() {
        for w in "abcdefghijklmnopqrstuvwxyz0123456789 ()':,.-|@©’·•/".chars() {
            agrees(&format!("(?i){}", regex_syntax::escape(&w.to_string())), |c| same_letter(c, w));
        }
    }

    /// The allocation-free gate agrees with the steps it stands before,
    /// whatever character a line starts with.
    #[test]
    fn opens_agrees_with_the_first_step_on_every_character() {
        let words = ["by", "keywords", "share", "©", "(c)", "editor’s note", "x", "1"];
        for c in every_char() {
            for rest in ["", "y", "eywords", "hare", "c)", "(c)"] {
                let text = format!("{c}{rest}");
                let l = Line::new(&text);
                assert_eq!(l.opens(false, &words), !l.words(&l.start(), &words).is_empty(), "{text:?}");
                let after_paren = l.words(&l.maybe(&l.start(), &["("]), &words);
                assert_eq!(l.opens(true, &words), !after_paren.is_empty(), "{text:?}");
            }
        }
        assert!(!Line::new("").opens(true, &words));
    }

    #[test]
    fn steps_track_every_way_through() {
        let line = Line::new("Share  on: x");
        let after = line.words(&line.start(), &["share"]);
        assert_eq!(after, vec![5]);
        assert_eq!(line.spaces(&after, 0), vec![5, 6, 7]);
        assert_eq!(line.spaces(&after, 1), vec![6, 7]);
        assert_eq!(line.maybe(&[7], &["on", "o"]), vec![7, 8, 9]);
        assert_eq!(line.boundary(&[0, 2, 5, 7, 9, 12]), vec![0, 5, 7, 9, 12]);
        assert!(line.reaches_end(&line.anywhere()));
        assert_eq!(line.repeat(&[0], 1, 3, |c| c.is_alphabetic()), vec![1, 2, 3]);
        // Starts inside a run already walked reach nothing new.
        let spaces = Line::new("a    b");
        assert_eq!(spaces.spaces(&[1, 2, 3], 1), vec![2, 3, 4, 5]);
        assert_eq!(spaces.spaces(&[1, 3], 0), vec![1, 2, 3, 4, 5]);
        assert_eq!(Line::new("ſHARE").words(&[0], &["share"]), vec![Line::new("ſHARE").text.len()]);
    }
}
