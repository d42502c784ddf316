//! "Only one article reports this" is a claim: for each content sentence
//! no group holds, the closest sentence of every other article, scored as
//! the matcher scores pairs or, when higher, as the share of the sentence's
//! content that the other sentence carries together with its neighbour (a
//! fact told inside a longer sentence, or split over two).

use super::clauses::{Unit, Units};
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

/// How much a clause of the sentence carried by a clause of another
/// sentence counts ([`super::clauses`]: the lexical similarity of the two
/// clauses alone). At 0.6 a clause pair needs 0.75 to carry the sentence.
/// Measured on the dev gold (`docs/matching.md`): 0.6–0.8 give one fewer
/// shared-fact sentence called unique and no gold unique detail lost; on
/// 36 corpus clusters outside the gold 0.7 and 0.8 also stop calling 3 and
/// 8 sentences unique, about half wrongly ("Mr. Holder’s first stop was at
/// a community college" / "Holder told others at the community college
/// how he had been stopped").
const CLAUSE: f32 = 0.6;

/// Fewest words (stems or concepts) a clause of one sentence must share
/// with a clause of another to carry it: with 3, descriptions of the
/// story's people ("a former heavyweight champion", "a convicted sex
/// offender") and circumstances ("before the reading began") carried
/// whole sentences that say something else.
pub(super) const CLAUSE_SHARED_WORDS: usize = 4;

/// Fewest terms a sentence needs before its coverage by another sentence
/// counts: a short sentence is "covered" by almost anything.
const COVERAGE_MIN_TERMS: usize = 4;

/// The closest sentences, per article and sentence (see [`super::Matching::closest`]).
pub(super) fn closest_sentences(
    articles: &[Article],
    refs: &[SentenceRef],
    space: &Space,
    units: &Units<'_>,
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
        .map(|i| (refs[i], closest_of(i, refs, space, units, &candidates(i))))
        .collect();
    for (at, list) in found {
        closest[at.article][at.sentence] = list;
    }
    closest
}

/// The best candidate of each other article (candidates sorted by index,
/// so by article).
fn closest_of(
    sentence: usize,
    refs: &[SentenceRef],
    space: &Space,
    units: &Units<'_>,
    candidates: &[usize],
) -> Vec<Closest> {
    // (closest, its score, its dense cosine): the dense cosine breaks ties,
    // so an article none of whose sentences shares a word or comes near in
    // meaning still names its nearest sentence, not merely its first.
    let cover = space.vectors[sentence].len() >= COVERAGE_MIN_TERMS;
    // (candidate, score, dense cosine, shared terms).
    let mut scored: Vec<(usize, f32, f32, usize)> = candidates
        .iter()
        .map(|&other| {
            let (lexical, shared) = space.lexical(sentence, other);
            let dense = space.dense(sentence, other);
            let mut score = lexical + CLAIM_DENSE * semantic(dense, CLAIM_DENSE_FLOOR);
            // Coverage needs a few shared terms to count (and is the costly part).
            if cover && shared >= 2 {
                let next = other + 1;
                let window: &[usize] = if next < refs.len() && refs[next].article == refs[other].article {
                    &[other, next]
                } else {
                    &[other]
                };
                score = score.max(space.coverage(sentence, window) * COVERAGE);
            }
            (other, score, dense, shared)
        })
        .collect();
    // A clause carried by a clause of the other sentence: the shared fact
    // stands out once each sentence's other clauses are set aside. Only
    // worth reading while the sentence is carried nowhere (the closest
    // sentences are shown for unique details only) and where the clause
    // score can beat the sentence's.
    if !scored.iter().any(|c| c.1 >= super::CARRIED_ELSEWHERE) {
        for (other, score, _, shared) in &mut scored {
            if *shared >= CLAUSE_SHARED_WORDS && *score < CLAUSE {
                let clause = clause_match(space, units.get(sentence), units.get(*other));
                *score = score.max(clause * CLAUSE);
            }
        }
    }
    // (closest, its score, its dense cosine): the dense cosine breaks ties,
    // so an article none of whose sentences shares a word or comes near in
    // meaning still names its nearest sentence, not merely its first.
    let mut best: Vec<(Closest, f32)> = Vec::new();
    for (other, score, dense, _) in scored {
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

/// The best lexical similarity ([`Space::lexical_of`]) of a clause unit of
/// one sentence and a clause unit of another that agree in polarity and
/// share at least [`CLAUSE_SHARED_WORDS`] words (stems or concepts: names
/// and figures alone make no statement in common, "Justice Ginsburg said" /
/// "even Justice Ginsburg").
pub(super) fn clause_match<'u>(space: &Space, mine: &[Unit], theirs: impl IntoIterator<Item = &'u Unit>) -> f32 {
    let theirs: Vec<&Unit> = theirs.into_iter().collect();
    let mut best = 0.0f32;
    for x in mine {
        for y in theirs.iter().filter(|y| y.negated == x.negated) {
            if space.shared_words(&x.vector, &y.vector) >= CLAUSE_SHARED_WORDS {
                best = best.max(space.lexical_of(&x.vector, &y.vector).0);
            }
        }
    }
    best
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

    /// Two long sentences that share one clause and differ in the rest,
    /// among sentences that repeat the clause's words (so the sentences'
    /// own words weigh most).
    fn one_shared_clause(resigned: &str) -> crate::Comparison {
        let a = "Port board shake-up in Velmora\n\n\
            The dredging inquiry opened in January after silt closed the north channel.\n\n\
            The harbour master, who resigned from the port board in March amid the dredging inquiry, told \
            reporters in Kestrel Bay that the winter ferry timetable, the pilot roster and the lighthouse budget \
            would all be revised by the council before Christmas.\n\n\
            The port board meets again on Friday.\n\n\
            The mayor thanked the volunteers who filled sandbags along the river.";
        let b = format!(
            "Velmora port board under pressure\n\n\
            Officials sold two rusting tugboats and a floating crane to a salvage yard near Orlen for scrap \
            metal worth forty thousand crowns, and the harbour master {resigned} from the port board in March \
            amid the dredging inquiry.\n\n\
            The dredging inquiry will report in the spring, a port board spokesman said.\n\n\
            A primary school in Orlen will stay closed for the rest of the week."
        );
        compare_texts(&[("a.txt", a), ("b.txt", &b)], &Settings::default())
    }

    #[test]
    fn a_fact_told_as_one_clause_of_two_long_sentences_is_not_unique() {
        let comparison = one_shared_clause("resigned");
        let unique = unique_sentences(&comparison);
        assert!(!unique.iter().any(|(_, text)| text.contains("harbour master")), "{unique:?}");
        assert!(unique.iter().any(|(a, text)| *a == 0 && text.contains("mayor thanked")), "{unique:?}");
    }

    #[test]
    fn a_clause_that_denies_the_other_carries_nothing() {
        let comparison = one_shared_clause("did not resign");
        let unique = unique_sentences(&comparison);
        assert!(unique.iter().any(|(a, text)| *a == 0 && text.contains("harbour master")), "{unique:?}");
        assert!(unique.iter().any(|(a, text)| *a == 1 && text.contains("harbour master")), "{unique:?}");
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
