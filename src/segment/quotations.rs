//! Quotations that hold several sentences.
//!
//! `sentencex` never breaks inside a quotation, so a five-sentence quote
//! with its attribution ("“… That we know. We know that … ,” said Axelrod.")
//! comes out as one giant sentence that no shorter quote in another article
//! can match. Real news is full of them (BASIL's HuffPost and NYT articles
//! had sentences of over a thousand characters). Here each quotation's
//! inside is split on its own, so every quoted sentence stands alone and
//! the last one keeps the closing mark and the attribution.

use crate::model::Span;

/// Opening and closing marks of double quotations (single quotes are left
/// alone: they double as apostrophes).
const PAIRS: &[(char, &[char])] =
    &[('“', &['”']), ('«', &['»']), ('»', &['«']), ('„', &['“', '”']), ('"', &['"']), ('「', &['」']), ('『', &['』'])];

/// Splits `span` of `text` at the sentence breaks inside its quotations.
/// Spans come back trimmed, in order, covering the same text.
#[must_use]
pub fn split_quotations(text: &str, span: Span, language: &str) -> Vec<Span> {
    let sentence = &text[span.range()];
    let mut cuts: Vec<usize> = Vec::new();
    for (start, end) in quotations(sentence) {
        let inside = &sentence[start..end];
        let boundaries = super::splitter_boundaries(language, inside);
        // Every break but the last: the last piece runs on to the closing mark.
        for (_, end) in boundaries.iter().take(boundaries.len().saturating_sub(1)) {
            let cut = start + end;
            let next = sentence[cut..].trim_start();
            // A quoted sentence is a sentence: it starts like one.
            if next.chars().next().is_some_and(|c| !c.is_lowercase()) && sentence[start..cut].trim().len() > 1 {
                cuts.push(cut);
            }
        }
    }
    if cuts.is_empty() {
        return vec![span];
    }
    cuts.sort_unstable();
    let mut spans = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts.into_iter().chain(std::iter::once(sentence.len())) {
        let piece = &sentence[from..cut];
        let leading = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let start = span.start + from + leading;
            spans.push(Span::new(start, start + trimmed.len()));
        }
        from = cut;
    }
    spans
}

/// The insides (byte ranges, marks excluded) of the closed quotations in a
/// sentence. A straight `"` opens only at the start or after a space or
/// opening bracket, so inch marks and stray quotes do not count.
fn quotations(sentence: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut chars = sentence.char_indices().peekable();
    let mut previous: Option<char> = None;
    // Marks whose closer was not found after some point: it will not be
    // found after any later point either, and searching again for every
    // opener of an unclosed kind would make long text quadratic.
    let mut unclosed = [false; PAIRS.len()];
    while let Some((index, c)) = chars.next() {
        let opens = PAIRS.iter().position(|(open, _)| *open == c);
        let at_word_start = previous.is_none_or(|p| p.is_whitespace() || "([{—–-:".contains(p));
        previous = Some(c);
        let Some(pair) = opens else { continue };
        if (c == '"' && !at_word_start) || unclosed[pair] {
            continue;
        }
        let inside_start = index + c.len_utf8();
        let Some(offset) = sentence[inside_start..].find(PAIRS[pair].1) else {
            unclosed[pair] = true;
            continue;
        };
        let inside_end = inside_start + offset;
        found.push((inside_start, inside_end));
        // Continue after the closing mark.
        while chars.peek().is_some_and(|(i, _)| *i <= inside_end) {
            previous = chars.next().map(|(_, c)| c);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_quotations(text, Span::new(0, text.len()), "en").into_iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn quoted_sentences_stand_alone() {
        assert_eq!(
            split("“It failed. That we know. We know it will fail again,” said Axelrod."),
            ["“It failed.", "That we know.", "We know it will fail again,” said Axelrod."]
        );
        assert_eq!(
            split("He said: \"It failed. Dr. Smith knew.\" Then he left."),
            ["He said: \"It failed.", "Dr. Smith knew.\" Then he left."]
        );
    }

    #[test]
    fn single_sentence_quotations_and_other_marks_are_left_alone() {
        let text = "“We were lucky,” he said of the 12\" pipe.";
        assert_eq!(split(text), [text]);
        assert_eq!(split("Nobody wanted “more. of the same”."), ["Nobody wanted “more. of the same”."]);
        assert_eq!(split("Unclosed “quote. Still here."), ["Unclosed “quote. Still here."]);
    }
}
