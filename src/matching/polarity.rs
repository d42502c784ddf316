//! Polarity: whether a sentence negates (`assets/lexicon/polarity.toml`).
//! A sentence that denies what another asserts reports a different
//! statement, so two sentences that disagree in polarity never link.
//!
//! A negation counts against a pair only over what the two sentences
//! share: the clause holding it ([`super::clauses::pieces`]) must hold a
//! content word (a stem or concept, or its synonym) of the other sentence.
//! "Nobody knows where the group will go" denies "Officials say they know
//! where the group is" (its clause "Nobody knows" holds "know"), while "The
//! ferry company cancelled every crossing, and the mayor would not comment"
//! tells what "The ferry company cancelled every crossing" tells.

use super::space::Space;
use crate::analysis::SentenceAnalysis;
use crate::model::Span;
use crate::tokens::{self, Term};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Polarity {
    negation: Negation,
    #[cfg_attr(not(test), allow(dead_code))]
    examples: crate::lexicon::Examples,
    #[cfg_attr(not(test), allow(dead_code))]
    scope: ScopeExamples,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Negation {
    words: Vec<String>,
    suffixes: Vec<String>,
}

/// Examples of the clause scope: pairs of sentences ("A | B").
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScopeExamples {
    #[cfg_attr(not(test), allow(dead_code))]
    examples: crate::lexicon::Examples,
}

static POLARITY: LazyLock<Polarity> = LazyLock::new(|| crate::lexicon::parse("polarity"));

/// The spans of the words of `text` that negate ("not", "nobody",
/// "didn't").
fn negations(text: &str) -> Vec<Span> {
    let negation = &POLARITY.negation;
    tokens::words(text)
        .filter(|w| {
            let word = tokens::fold_word(w.text);
            negation.words.contains(&word) || negation.suffixes.iter().any(|s| word.ends_with(s.as_str()))
        })
        .map(|w| w.span)
        .collect()
}

/// Whether the text holds a negation ("not", "never", "didn't").
#[must_use]
pub(super) fn negated(text: &str) -> bool {
    !negations(text).is_empty()
}

/// The clauses of a sentence that hold a negation, each with the spans
/// of its negation words (spans relative to `text`).
#[must_use]
fn negated_clauses(text: &str) -> Vec<(Span, Vec<Span>)> {
    let negations = negations(text);
    if negations.is_empty() {
        return Vec::new();
    }
    super::clauses::pieces(text)
        .into_iter()
        .filter_map(|piece| {
            let inside: Vec<Span> =
                negations.iter().copied().filter(|n| piece.start <= n.start && n.end <= piece.end).collect();
            (!inside.is_empty()).then_some((piece, inside))
        })
        .collect()
}

/// Least share of a sentence's content-word weight its negated clauses
/// hold for the negation to be what the sentence says, and count against
/// any pair ("McConnell, the majority leader, said after the meeting that
/// he had no intention of putting the bills to a vote": the sentences it
/// shares the attribution with say something else). On the dev gold 0.3
/// and 0.4 gave the same figures, 0.5 lost a shared fact.
const NEGATED_SHARE: f32 = 0.4;

/// Where a sentence's negations sit: the content words (stems and
/// concepts, as term ids of the space; speech verbs left out) of each
/// clause holding a negation, the negation words left out, and those of
/// its other clauses. Both empty when it negates nothing.
#[derive(Default)]
pub(super) struct Scope {
    negated: Vec<Vec<u32>>,
    rest: Vec<u32>,
}

impl Scope {
    /// The scope of the negations of `text`, a sentence starting at
    /// `start` in its article (the frame of `analysis`).
    #[must_use]
    pub(super) fn of(text: &str, start: usize, analysis: &SentenceAnalysis, ids: &HashMap<&Term, u32>) -> Self {
        let clauses = negated_clauses(text);
        if clauses.is_empty() {
            return Self::default();
        }
        let relative = |s: Span| Span::new(s.start.saturating_sub(start), s.end.saturating_sub(start));
        let words: Vec<(u32, Span)> = analysis
            .words
            .iter()
            .filter(|(term, at)| {
                !super::speaker::is_speech(term) && !analysis.names.iter().any(|n| n.span.overlaps(*at))
            })
            .filter_map(|(term, at)| ids.get(term).map(|id| (*id, relative(*at))))
            .collect();
        let inside = |clause: Span, at: Span| clause.start <= at.start && at.end <= clause.end;
        let negated = clauses
            .iter()
            .map(|(clause, negations)| {
                let mut ids: Vec<u32> = words
                    .iter()
                    .filter(|(_, at)| inside(*clause, *at) && !negations.iter().any(|n| n.overlaps(*at)))
                    .map(|(id, _)| *id)
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            })
            .collect();
        let mut rest: Vec<u32> = words
            .iter()
            .filter(|(_, at)| !clauses.iter().any(|(clause, _)| inside(*clause, *at)))
            .map(|(id, _)| *id)
            .collect();
        rest.sort_unstable();
        rest.dedup();
        Self { negated, rest }
    }

    /// Whether this sentence (sentence `a` of the space) denies something
    /// sentence `b` says: it negates, and a clause holding a negation holds
    /// one of `b`'s words (or a synonym of it), or its negated clauses hold
    /// at least [`NEGATED_SHARE`] of its content words' weight (the
    /// negation is what it says).
    #[must_use]
    pub(super) fn denies(&self, space: &Space, a: usize, b: usize) -> bool {
        if self.negated.is_empty() {
            return false;
        }
        let other = &space.vectors[b];
        let has = |id: u32| other.binary_search_by_key(&id, |(t, _)| *t).is_ok();
        let shared = |id: &u32| has(*id) || space.synonyms[*id as usize].iter().any(|s| has(*s));
        if self.negated.iter().flatten().any(shared) {
            return true;
        }
        let mine = &space.vectors[a];
        let weight = |id: &u32| mine.binary_search_by_key(id, |(t, _)| *t).map_or(0.0, |i| mine[i].1);
        let mut negated: Vec<u32> = self.negated.iter().flatten().copied().collect();
        negated.sort_unstable();
        negated.dedup();
        let negated: f32 = negated.iter().map(weight).sum();
        let rest: f32 = self.rest.iter().map(weight).sum();
        negated >= NEGATED_SHARE * (negated + rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        for text in &POLARITY.examples.matches {
            assert!(negated(text), "{text}");
        }
        for text in &POLARITY.examples.no_match {
            assert!(!negated(text), "{text}");
        }
    }

    /// Whether the two one-sentence articles group.
    fn grouped(a: &str, b: &str) -> bool {
        let comparison = crate::compare_texts(&[("a.txt", a), ("b.txt", b)], &crate::Settings::default());
        comparison.groups.iter().any(|g| g.article_count() == 2)
    }

    /// The text without its negation words.
    fn affirmed(text: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for span in negations(text) {
            out.push_str(&text[last..span.start]);
            last = span.end;
        }
        out.push_str(&text[last..]);
        out
    }

    /// `match`: pairs that disagree over what they share, kept apart (and
    /// grouped once the negation is taken out, so it is the negation that
    /// keeps them apart); `no_match`: pairs whose negation sits in a clause
    /// the other sentence shares no word with, grouped.
    #[test]
    fn scope_examples() {
        let pair = |text: &str| -> (String, String) {
            let (a, b) = text.split_once(" | ").unwrap_or_else(|| panic!("no ` | ` in {text}"));
            (a.to_owned(), b.to_owned())
        };
        for text in &POLARITY.scope.examples.matches {
            let (a, b) = pair(text);
            assert!(!grouped(&a, &b), "{text}");
            assert!(grouped(&affirmed(&a), &affirmed(&b)), "without negations: {text}");
        }
        for text in &POLARITY.scope.examples.no_match {
            let (a, b) = pair(text);
            assert!(grouped(&a, &b), "{text}");
        }
    }

    #[test]
    fn a_negation_is_scoped_to_its_clause() {
        let text = "The ferry sailed at noon, but the mayor did not comment.";
        let clauses: Vec<&str> = negated_clauses(text).iter().map(|(s, _)| &text[s.range()]).collect();
        assert_eq!(clauses, ["but the mayor did not comment"]);
        assert!(negated_clauses("The ferry sailed at noon.").is_empty());
    }
}
