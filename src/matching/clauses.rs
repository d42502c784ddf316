//! Clauses: the statements a long sentence strings together
//! (`assets/lexicon/clauses.toml`). A fact told as one clause of a long
//! sentence ("Mr. Vell, a retired pilot, has run the ferry since 2009")
//! shares few of that sentence's words with the same fact told elsewhere
//! ("Vell is a retired pilot and a keen sailor"): the rest of each
//! sentence's rare words drown the shared ones. Compared clause to clause,
//! the shared fact stands out.
//!
//! A sentence splits into pieces at punctuation and before conjunctions and
//! relative words; its clause units are each piece and each run of two
//! adjacent pieces ("Mr. Vell" + "a retired pilot"), as the term ids of the
//! sentence's vector they hold.

use super::space::{Space, Vector};
use crate::analysis::SentenceAnalysis;
use crate::model::{Article, SentenceRef, Span};
use crate::tokens::{self, Term};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Clauses {
    boundaries: Boundaries,
    #[cfg_attr(not(test), allow(dead_code))]
    examples: crate::lexicon::Examples,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Boundaries {
    punctuation: Vec<String>,
    words: Vec<String>,
}

static CLAUSES: LazyLock<Clauses> = LazyLock::new(|| crate::lexicon::parse("clauses"));

/// A clause unit of a sentence: its vector (the part of the sentence's
/// vector over the unit's terms) and whether it negates
/// ([`super::polarity`]).
pub(super) struct Unit {
    pub(super) vector: Vector,
    pub(super) negated: bool,
}

/// Most adjacent pieces one clause unit spans.
const RUN: usize = 2;

/// The pieces of a sentence (spans relative to `text`): split at
/// punctuation between words and before conjunctions and relative words.
#[must_use]
pub(super) fn pieces(text: &str) -> Vec<Span> {
    let boundaries = &CLAUSES.boundaries;
    let mut pieces: Vec<Span> = Vec::new();
    let mut current: Option<Span> = None;
    let mut previous_end = 0;
    for word in tokens::words(text) {
        let gap = text.get(previous_end..word.span.start).unwrap_or("");
        let split = gap.chars().any(|c| boundaries.punctuation.iter().any(|p| p.starts_with(c)))
            || boundaries.words.contains(&tokens::fold_word(word.text));
        match current.as_mut() {
            Some(piece) if !split => piece.end = word.span.end,
            _ => {
                pieces.extend(current.take());
                current = Some(word.span);
            }
        }
        previous_end = word.span.end;
    }
    pieces.extend(current);
    pieces
}

/// The clause units of a sentence: for each piece and each run of up to
/// [`RUN`] adjacent pieces, the distinct ids of the terms inside it (terms
/// given with their spans, relative to the same text as `pieces`) with
/// the unit's span. A
/// sentence of one piece has one unit, the whole sentence.
#[must_use]
pub(super) fn units(pieces: &[Span], terms: &[(u32, Span)]) -> Vec<(Span, Vec<u32>)> {
    let mut units: Vec<(Span, Vec<u32>)> = Vec::new();
    for first in 0..pieces.len() {
        for last in first..pieces.len().min(first + RUN) {
            let range = Span::new(pieces[first].start, pieces[last].end);
            let mut ids: Vec<u32> =
                terms.iter().filter(|(_, s)| s.start >= range.start && s.end <= range.end).map(|(id, _)| *id).collect();
            ids.sort_unstable();
            ids.dedup();
            // A run adds nothing when its first piece holds all its terms.
            if !ids.is_empty() && (last == first || units.last().is_none_or(|(_, u)| *u != ids)) {
                units.push((range, ids));
            }
        }
    }
    units
}

/// Every comparable sentence's clause units, read on first use.
pub(super) struct Units<'a> {
    cells: Vec<OnceLock<Vec<Unit>>>,
    articles: &'a [Article],
    analyses: &'a [Vec<SentenceAnalysis>],
    refs: &'a [SentenceRef],
    space: &'a Space,
    ids: &'a HashMap<&'a Term, u32>,
}

impl<'a> Units<'a> {
    pub(super) fn new(
        articles: &'a [Article],
        analyses: &'a [Vec<SentenceAnalysis>],
        refs: &'a [SentenceRef],
        space: &'a Space,
        ids: &'a HashMap<&'a Term, u32>,
    ) -> Self {
        Self { cells: refs.iter().map(|_| OnceLock::new()).collect(), articles, analyses, refs, space, ids }
    }

    /// The clause units of sentence `index` of the space.
    pub(super) fn get(&self, index: usize) -> &[Unit] {
        self.cells[index].get_or_init(|| {
            let at = self.refs[index];
            units_of(
                &self.articles[at.article],
                at.sentence,
                &self.analyses[at.article][at.sentence],
                self.space,
                index,
                self.ids,
            )
        })
    }
}

/// The clause units of sentence `index` of the space (sentence `sentence`
/// of `article`) as [`Unit`]s: each term of the sentence placed by its span
/// ([`crate::analysis::placed_terms`]; dates belong to no clause).
fn units_of(
    article: &Article,
    sentence: usize,
    analysis: &SentenceAnalysis,
    space: &Space,
    index: usize,
    ids: &HashMap<&Term, u32>,
) -> Vec<Unit> {
    let span = article.sentences[sentence].span;
    let text = &article.text[span.range()];
    let relative = |s: Span| Span::new(s.start.saturating_sub(span.start), s.end.saturating_sub(span.start));
    let pieces = pieces(text);
    // Who spoke is no statement two clauses share: speech verbs and the
    // attributions they open or close ("said agency spokesman Olek
    // Brandt") are left out.
    let attributions: Vec<Span> =
        pieces.iter().copied().filter(|p| super::speaker::is_attribution(&text[p.range()])).collect();
    let terms: Vec<(u32, Span)> = crate::analysis::placed_terms(&analysis.words, &analysis.names, &analysis.numbers)
        .into_iter()
        .filter(|(term, _)| !super::speaker::is_speech(term))
        .filter_map(|(term, at)| ids.get(&*term).map(|id| (*id, relative(at))))
        .filter(|(_, at)| !attributions.iter().any(|p| p.start <= at.start && at.end <= p.end))
        .collect();
    units(&pieces, &terms)
        .iter()
        .map(|(at, ids)| Unit {
            vector: space.unit_vector(index, ids),
            negated: super::polarity::negated(text.get(at.range()).unwrap_or_default()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        pieces(text).into_iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn examples() {
        for text in &CLAUSES.examples.matches {
            assert!(pieces(text).len() >= 2, "{text}: {:?}", texts(text));
        }
        for text in &CLAUSES.examples.no_match {
            assert_eq!(pieces(text).len(), 1, "{text}: {:?}", texts(text));
        }
    }

    #[test]
    fn a_sentence_splits_at_commas_and_conjunctions() {
        assert_eq!(
            texts("Mr. Vell, a retired pilot, has run the ferry since 2009 and sails on weekends."),
            ["Mr. Vell", "a retired pilot", "has run the ferry", "since 2009", "and sails on weekends"]
        );
    }

    #[test]
    fn units_are_pieces_and_pairs_of_neighbours() {
        let text = "Mr. Vell, a retired pilot, has run the ferry.";
        let pieces = pieces(text);
        let at = |word: &str| {
            let start = text.find(word).unwrap_or_default();
            Span::new(start, start + word.len())
        };
        let terms = [(7, at("Vell")), (3, at("retired")), (4, at("pilot")), (9, at("ferry"))];
        let units: Vec<Vec<u32>> = units(&pieces, &terms).into_iter().map(|(_, ids)| ids).collect();
        assert!(units.contains(&vec![3, 4, 7]), "{units:?}");
        assert!(units.contains(&vec![3, 4]), "{units:?}");
        assert!(units.contains(&vec![3, 4, 9]), "{units:?}");
        assert!(!units.iter().any(|u| u.contains(&7) && u.contains(&9)), "{units:?}");
    }
}
