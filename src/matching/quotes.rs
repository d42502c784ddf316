//! Shared quotations: outlets quote a speaker word for word, so a run of
//! words that two sentences both hold inside quotation marks is strong
//! evidence that they report one statement, even when the quoted words
//! are the common ones a TF-IDF vector weighs least ("“I will not
//! resign,” said the governor" / "“I will not resign,” he told the
//! Globe"). Contractions are spelled out first
//! (`assets/lexicon/contractions.toml`), so "We’re asking" meets "We are
//! asking".

use crate::tokens;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lexicon {
    contractions: Contractions,
    #[cfg_attr(not(test), allow(dead_code))]
    examples: crate::lexicon::Examples,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Contractions {
    whole: Vec<(String, String)>,
    suffixes: Vec<(String, String)>,
}

static CONTRACTIONS: LazyLock<Lexicon> = LazyLock::new(|| crate::lexicon::parse("contractions"));

/// Fewest words a shared quoted run needs when it is the whole of neither
/// quotation: shorter runs ("the American people") are set phrases.
pub(super) const MIN_RUN: usize = 6;
/// Fewest words a shared run needs when it is the whole of the shorter
/// quotation ("I will not resign").
pub(super) const MIN_WHOLE_RUN: usize = 4;

pub(super) fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»')
}

/// Byte ranges of `text` inside quotation marks. An unclosed quotation
/// runs to the end; a closing mark with no opening one before it closes a
/// quotation that began in an earlier sentence ("… for my campaign.”").
pub(super) fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut quoted: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in text.char_indices() {
        let opens = c == '“' || c == '«' || (c == '"' && open.is_none());
        match open {
            Some(from) if is_quote_mark(c) && !opens || (c == '"' && open.is_some()) => {
                quoted.push((from, at));
                open = None;
            }
            None if c == '”' && quoted.is_empty() => quoted.push((0, at)),
            None if opens => open = Some(at),
            _ => {}
        }
    }
    if let Some(from) = open {
        quoted.push((from, text.len()));
    }
    quoted
}

/// A folded word with its contraction spelled out ("we're" → "we are").
fn spell_out(folded: &str, out: &mut Vec<String>) {
    let lexicon = &CONTRACTIONS.contractions;
    if let Some((_, full)) = lexicon.whole.iter().find(|(w, _)| w == folded) {
        out.extend(full.split(' ').map(str::to_owned));
        return;
    }
    for (suffix, full) in &lexicon.suffixes {
        if let Some(stem) = folded.strip_suffix(suffix.as_str()).filter(|s| !s.is_empty()) {
            out.push(stem.to_owned());
            out.push(full.clone());
            return;
        }
    }
    out.push(folded.to_owned());
}

/// The words of each quotation in `text`, folded, contractions spelled
/// out (empty when the sentence quotes nothing).
pub(super) fn quoted_words(text: &str) -> Vec<Vec<String>> {
    if !text.chars().any(is_quote_mark) {
        return Vec::new();
    }
    quoted_spans(text)
        .into_iter()
        .map(|(from, to)| {
            let mut words = Vec::new();
            for word in tokens::words(&text[from..to]) {
                spell_out(&tokens::fold_cow(word.text), &mut words);
            }
            words
        })
        .filter(|words| !words.is_empty())
        .collect()
}

/// The words of a whole sentence, folded, contractions spelled out (to
/// find a quotation that another outlet reports without quotation marks).
pub(super) fn sentence_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for word in tokens::words(text) {
        spell_out(&tokens::fold_cow(word.text), &mut words);
    }
    words
}

/// Whether a quotation of one sentence is reported word for word, without
/// quotation marks, in another: a run of [`MIN_RUN`] of its words among
/// the other sentence's words ("“I fully accept my responsibility for the
/// improper decisions and mistakes”" / "he said he fully accepts the
/// responsibility for the improper decisions and mistakes he made").
pub(super) fn reported(quotations: &[Vec<String>], words: &[String]) -> bool {
    quotations.iter().any(|quotation| longest_common_run(quotation, words) >= MIN_RUN)
}

/// Whether two sentences' quotations share a run of words long enough to
/// be one quotation: [`MIN_RUN`] words, or [`MIN_WHOLE_RUN`] when the run
/// is the whole of the shorter quotation.
pub(super) fn share_quotation(a: &[Vec<String>], b: &[Vec<String>]) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| {
            let run = longest_common_run(x, y);
            run >= MIN_RUN || run >= MIN_WHOLE_RUN && run == x.len().min(y.len())
        })
    })
}

/// The length of the longest run of words that `a` and `b` both hold.
fn longest_common_run(a: &[String], b: &[String]) -> usize {
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    let mut best = 0;
    for x in a {
        for (j, y) in b.iter().enumerate() {
            current[j + 1] = if x == y { previous[j] + 1 } else { 0 };
            best = best.max(current[j + 1]);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelled(text: &str) -> String {
        let mut out = Vec::new();
        for word in tokens::words(text) {
            spell_out(&tokens::fold_word(word.text), &mut out);
        }
        out.join(" ")
    }

    #[test]
    fn examples() {
        for example in &CONTRACTIONS.examples.matches {
            let (text, full) = example.split_once(" | ").expect("text | spelled out");
            assert_eq!(spelled(text), full, "{text}");
        }
        for example in &CONTRACTIONS.examples.no_match {
            let (text, full) = example.split_once(" | ").expect("text | spelling");
            assert_ne!(spelled(text), full, "{text}");
        }
    }

    fn share(a: &str, b: &str) -> bool {
        share_quotation(&quoted_words(a), &quoted_words(b))
    }

    #[test]
    fn a_quotation_reported_without_marks_is_found() {
        let quote = quoted_words("Varga said she would “take full responsibility for the closure of the ferry line.”");
        assert!(reported(
            &quote,
            &sentence_words("The mayor said she takes full responsibility for the closure of the ferry line.")
        ));
        // Five words in common are a set phrase, not a quotation.
        assert!(!reported(&quote, &sentence_words("Nobody took responsibility for the closure of a school.")));
        // Only quotations count: plain words of both are no quotation.
        assert!(!reported(&[], &sentence_words("She takes full responsibility for the closure of the ferry line.")));
    }

    #[test]
    fn one_quotation_written_two_ways_is_shared() {
        assert!(share("“I will not resign,” said Mayor Ilse Varga.", "“I won’t resign,” she told the Orlen Courier."));
        assert!(share(
            "Varga said: “We are asking the council to open up the ferry terminal.",
            "“We’re asking the council to open the ferry terminal,” she told reporters."
        ));
        // A quotation that began in the sentence before.
        assert!(share("… we will rebuild the north quay.”", "She promised that “we will rebuild the north quay.”"));
    }

    #[test]
    fn a_common_phrase_or_unquoted_words_are_no_shared_quotation() {
        assert!(!share(
            "“The people of Orlen deserve better,” Varga said.",
            "“The people of Orlen will decide,” Brandt said."
        ));
        assert!(!share("I will not resign, the mayor said.", "“I will not resign,” the mayor said."));
    }
}
