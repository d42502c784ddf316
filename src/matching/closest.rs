//! "Only one article reports this" is a claim: for each content sentence
//! no group holds, the closest sentence of every other article, scored as
//! the matcher scores pairs or, when higher, as the share of the sentence's
//! content that the other sentence carries together with its neighbour (a
//! fact told inside a longer sentence, or split over two).

use super::space::{Space, semantic};
use crate::model::{Article, Closest, SentenceKind, SentenceRef};
use rayon::prelude::*;

/// The claim weighs the dense similarity more than grouping does (a
/// statement carried in other words elsewhere is not unique, even when it
/// is too loose a paraphrase to group): weight and floor, fitted on the
/// dev gold (see `docs/matching.md`).
/// On centred cosines ([`Space::dense`]); 0.3 over 0.5 on raw ones.
const CLAIM_DENSE: f32 = 0.3;
const CLAIM_DENSE_FLOOR: f32 = 0.4;

/// How much a full coverage of the sentence's content by another sentence
/// and its neighbour counts (a coverage is looser evidence than a match).
const COVERAGE: f32 = 0.8;

/// Fewest terms a sentence needs before its coverage by another sentence
/// counts: a short sentence is "covered" by almost anything.
const COVERAGE_MIN_TERMS: usize = 4;

/// The closest sentences, per article and sentence (see [`super::Matching::closest`]).
pub(super) fn closest_sentences(
    articles: &[Article],
    refs: &[SentenceRef],
    space: &Space,
    sentence_groups: &[Vec<Option<usize>>],
    kinds: &[SentenceKind],
    candidates: impl Fn(usize) -> Vec<usize> + Sync,
) -> Vec<Vec<Vec<Closest>>> {
    let mut closest: Vec<Vec<Vec<Closest>>> = articles.iter().map(|a| vec![Vec::new(); a.sentences.len()]).collect();
    let found: Vec<(SentenceRef, Vec<Closest>)> = (0..refs.len())
        .into_par_iter()
        .filter(|i| {
            kinds[*i] == SentenceKind::Content && sentence_groups[refs[*i].article][refs[*i].sentence].is_none()
        })
        .map(|i| (refs[i], closest_of(i, refs, space, &candidates(i))))
        .collect();
    for (at, list) in found {
        closest[at.article][at.sentence] = list;
    }
    closest
}

/// The best candidate of each other article (candidates sorted by index,
/// so by article).
fn closest_of(sentence: usize, refs: &[SentenceRef], space: &Space, candidates: &[usize]) -> Vec<Closest> {
    // (closest, its score, its dense cosine): the dense cosine breaks ties,
    // so an article none of whose sentences shares a word or comes near in
    // meaning still names its nearest sentence, not merely its first.
    let mut best: Vec<(Closest, f32)> = Vec::new();
    let cover = space.vectors[sentence].len() >= COVERAGE_MIN_TERMS;
    for &other in candidates {
        let (lexical, shared) = space.lexical(sentence, other);
        let dense = space.dense(sentence, other);
        let mut score = lexical + CLAIM_DENSE * semantic(dense, CLAIM_DENSE_FLOOR);
        // Coverage needs a few shared terms to count (and is the costly part).
        if cover && shared >= 2 {
            let next = other + 1;
            let window: &[usize] =
                if next < refs.len() && refs[next].article == refs[other].article { &[other, next] } else { &[other] };
            score = score.max(space.coverage(sentence, window) * COVERAGE);
        }
        let at = refs[other];
        match best.last_mut() {
            Some((last, last_dense)) if last.at.article == at.article => {
                if score > last.similarity || score == last.similarity && dense > *last_dense {
                    *last = Closest { at, similarity: score };
                    *last_dense = dense;
                }
            }
            _ => best.push((Closest { at, similarity: score }, dense)),
        }
    }
    best.into_iter()
        .map(|(entry, _)| Closest { similarity: (entry.similarity.clamp(0.0, 1.0) * 1000.0).round() / 1000.0, ..entry })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::model::{DiscrepancyKind, Evidence};
    use crate::{Settings, compare_texts};

    const A: &str = "Crews at the Varnholt reservoir worked through the night on Tuesday.\n\n\
        Engineers found a long crack in the north spillway of the Varnholt dam.\n\n\
        The mayor thanked the volunteers who filled sandbags along the river.";
    const B: &str = "Crews at the Varnholt reservoir worked overnight on Tuesday, and engineers said the north \
        spillway of the Varnholt dam had a long crack after weeks of heavy rain.\n\n\
        A primary school in Orlen will stay closed for the rest of the week.";

    /// The unique details' mentions.
    fn unique_mentions(comparison: &crate::Comparison) -> impl Iterator<Item = &crate::model::Mention> {
        comparison.discrepancies.iter().filter(|d| d.kind == DiscrepancyKind::Unique).flat_map(|d| &d.mentions)
    }

    /// The unique details' sentences, as (article, text).
    fn unique_sentences(comparison: &crate::Comparison) -> Vec<(usize, String)> {
        unique_mentions(comparison)
            .map(|m| (m.at.article, comparison.articles[m.at.article].slice(m.span).to_owned()))
            .collect()
    }

    /// The unique detail whose sentence holds `words`.
    fn unique_holding<'c>(comparison: &'c crate::Comparison, words: &str) -> Option<&'c crate::model::Mention> {
        unique_mentions(comparison).find(|m| comparison.articles[m.at.article].slice(m.span).contains(words))
    }

    #[test]
    fn a_fact_told_inside_a_longer_sentence_is_not_unique() {
        let comparison = compare_texts(&[("a.txt", A), ("b.txt", B)], &Settings::default());
        let unique = unique_sentences(&comparison);
        assert!(!unique.iter().any(|(_, text)| text.contains("crack")), "{unique:?}");
        assert!(unique.iter().any(|(a, text)| *a == 0 && text.contains("mayor thanked")), "{unique:?}");
        assert!(unique.iter().any(|(a, text)| *a == 1 && text.contains("Orlen")), "{unique:?}");
    }

    #[test]
    fn a_unique_detail_names_the_closest_sentence_of_every_other_article() {
        let comparison = compare_texts(&[("a.txt", A), ("b.txt", B)], &Settings::default());
        let mayor = unique_holding(&comparison, "mayor").expect("the mayor's sentence is a unique detail");
        let Evidence::Detail(closest) = &mayor.evidence else { panic!("a detail carries its closest sentences") };
        assert_eq!(closest.len(), 1, "{closest:?}");
        assert_eq!(closest[0].at.article, 1);
        assert!((0.0..super::super::CARRIED_ELSEWHERE).contains(&closest[0].similarity), "{closest:?}");
    }

    #[test]
    fn the_closest_sentence_is_the_nearest_in_meaning_even_when_none_shares_a_word() {
        // No sentence of the second article shares a word with "Then came
        // the rain." or scores above the claim's floor: the one nearest in
        // meaning is still named, not merely the article's first.
        let a = "Crews at the Varnholt reservoir worked through the night on Tuesday.\n\nThen came the rain.";
        let b = "The mayor opened a new library in Orlen on Friday.\n\nA school band played at the opening.\n\n\
            Storm clouds gathered over the valley.";
        let comparison = compare_texts(&[("a.txt", a), ("b.txt", b)], &Settings::default());
        let rain = unique_holding(&comparison, "rain").expect("the rain is a unique detail");
        let Evidence::Detail(closest) = &rain.evidence else { panic!("a detail carries its closest sentences") };
        assert_eq!(closest.len(), 1, "{closest:?}");
        let other = &comparison.articles[1];
        assert!(other.sentence_text(closest[0].at.sentence).starts_with("Storm clouds"), "{closest:?}");
    }
}
