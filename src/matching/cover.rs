//! A sentence that covers two statements: one long sentence often strings
//! together what another article tells in two ("The tremor shook the coast,
//! forcing office workers out of their buildings" / "The tremor shook the
//! coast." + "Office workers left their buildings."). It belongs to one
//! group as a member; it also carries each other group one of whose
//! members one of its clauses tells ([`super::clauses`]), and is listed
//! there as well ([`crate::model::Group::also`]).

use super::clauses::{Unit, Units};
use super::closest::clause_match;
use super::context::Traits;
use super::space::Space;
use crate::model::{Closest, SentenceKind, SentenceRef};
use rayon::prelude::*;

/// Clause-to-clause similarity at which a clause of a sentence carries a
/// member of another group: the bar at which a clause makes a sentence
/// no unique detail ([`super::closest`]: `CLAUSE` × 0.75 reaches
/// `CARRIED_ELSEWHERE`).
const CARRIES: f32 = 0.75;

/// Least lexical similarity of two whole sentences for a clause of one to
/// be compared with the other: a clause carrying a sentence shares its
/// words, so the whole sentences are not far apart either (0.1 and 0.15
/// list the same sentences on the gold and 36 corpus clusters outside it;
/// the bar bounds the pairs kept for this step).
const FLOOR: f32 = 0.1;

/// Least share of a sentence's weight a clause of it holds to stand for
/// the sentence's statement.
const MAIN_CLAUSE: f32 = 0.5;

/// The share of sentence `index`'s weight (0–1) whose terms a clause unit holds.
fn weight_share(space: &Space, index: usize, unit: &Unit) -> f32 {
    let whole = &space.vectors[index];
    unit.vector
        .iter()
        .filter_map(|(id, _)| whole.binary_search_by_key(id, |(t, _)| *t).ok().map(|i| whole[i].1 * whole[i].1))
        .sum()
}

/// Most groups one sentence is listed in besides its own: a sentence
/// covering two statements, or three for a long one.
const MOST: usize = 2;

/// A pair of sentence indices, compact: there can be millions.
pub(super) type Pair = (u32, u32);

/// The pair of sentences `a` and `b`.
pub(super) fn pair(a: usize, b: usize) -> Pair {
    (u32::try_from(a).unwrap_or(u32::MAX), u32::try_from(b).unwrap_or(u32::MAX))
}

/// Whether a pair of sentences (their lexical similarity and shared terms)
/// is close enough for a clause of one to tell the other: a clause scoring
/// [`CARRIES`] against a sentence lifts the whole sentences' similarity
/// too, and shares its words.
pub(super) fn worth_clauses(lexical: f32, shared: usize) -> bool {
    shared >= super::closest::CLAUSE_SHARED_WORDS && lexical >= FLOOR
}

/// For each group (indexed as `groups`, each a list of sentence indices
/// of the space): the sentences of articles the group does not hold that
/// carry its statement in one of their clauses, with the clause
/// similarity, in reading order. `pairs` are the pairs of sentences
/// (either order) [`worth_clauses`] keeps.
pub(super) fn also_members(
    refs: &[SentenceRef],
    space: &Space,
    units: &Units<'_>,
    traits: &Traits<'_>,
    groups: &[Vec<usize>],
    pairs: &[Pair],
) -> Vec<Vec<Closest>> {
    let mut group_of: Vec<Option<usize>> = vec![None; refs.len()];
    for (g, members) in groups.iter().enumerate() {
        for m in members {
            group_of[*m] = Some(g);
        }
    }
    let holds = |g: usize, article: usize| groups[g].iter().any(|m| refs[*m].article == article);
    // (sentence, group, clause similarity) for each sentence of a pair
    // whose clause tells the other sentence, a member of another group.
    let found: Vec<(usize, usize, f32)> = pairs
        .par_iter()
        .flat_map_iter(|&(a, b)| [(a as usize, b as usize), (b as usize, a as usize)])
        .filter_map(|(sentence, other)| {
            let g = group_of[other]?;
            if traits.kinds[sentence] != SentenceKind::Content
                || group_of[sentence] == Some(g)
                || holds(g, refs[sentence].article)
                || super::speaker::different(&traits.speakers[sentence], &traits.speakers[other])
            {
                return None;
            }
            // A clause of this sentence against the other sentence's
            // statement: the whole of it, or a clause holding most of its
            // weight, not a minor clause of a member that itself tells two
            // statements.
            let theirs: Vec<&Unit> =
                units.get(other).iter().filter(|u| weight_share(space, other, u) >= MAIN_CLAUSE).collect();
            let whole = Unit { vector: space.vectors[other].clone(), negated: traits.negated[other] };
            let score = clause_match(space, units.get(sentence), theirs.into_iter().chain([&whole]));
            (score >= CARRIES).then_some((sentence, g, score))
        })
        .collect();
    // The best score per sentence and group; each sentence's best groups.
    let mut best: std::collections::BTreeMap<usize, Vec<(usize, f32)>> = std::collections::BTreeMap::new();
    for (sentence, g, score) in found {
        let list = best.entry(sentence).or_default();
        match list.iter_mut().find(|(group, _)| *group == g) {
            Some(entry) => entry.1 = entry.1.max(score),
            None => list.push((g, score)),
        }
    }
    let mut also: Vec<Vec<Closest>> = vec![Vec::new(); groups.len()];
    for (sentence, mut list) in best {
        list.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        list.truncate(MOST);
        for (g, score) in list {
            also[g].push(Closest { at: refs[sentence], similarity: (score.min(1.0) * 1000.0).round() / 1000.0 });
        }
    }
    for list in &mut also {
        list.sort_by_key(|c| c.at);
    }
    also
}

#[cfg(test)]
mod tests {
    use crate::{Settings, compare_texts};

    const A: &str = "Storm Halda closed the port of Veldholm on Monday.\n\n\
        Harbour pilots said the wind reached gale force before dawn.\n\n\
        Late on Monday the ferry company cancelled every crossing to the islands, and by Tuesday morning \
        engineers inspecting the storm damage had found a long crack in the north breakwater of the harbour.\n\n\
        The mayor thanked the volunteers who filled sandbags along the quay.";
    const B: &str = "Storm Halda shut the port of Veldholm on Monday.\n\n\
        The ferry company cancelled every crossing to the islands.\n\n\
        Fishing boats stayed tied up in the inner basin all week.\n\n\
        Engineers found a long crack in the north breakwater of the harbour on Tuesday.\n\n\
        A primary school in Orlen will stay closed for the rest of the week.";
    const C: &str = "Veldholm harbour damaged\n\n\
        Engineers found a long crack in the north breakwater of the harbour.\n\n\
        Repairs to the breakwater will take a month, the port authority said.\n\n\
        Insurers expect claims from warehouse owners along the quay.";
    const D: &str = "Islands cut off\n\n\
        The ferry company cancelled every crossing to the islands.\n\n\
        Shops on the islands ran short of bread and milk.\n\n\
        A helicopter flew medicine to the clinic on Tarn.";

    #[test]
    fn a_sentence_covering_two_sentences_of_another_article_belongs_with_both() {
        let comparison = compare_texts(&[("a.txt", A), ("b.txt", B), ("c.txt", C), ("d.txt", D)], &Settings::default());
        let text = |at: &crate::model::SentenceRef| comparison.articles[at.article].sentence_text(at.sentence);
        let long = 2;
        let member = |g: &crate::model::Group| g.members.iter().any(|m| m.article == 0 && m.sentence == long);
        let listed = |g: &crate::model::Group| g.also.iter().any(|c| c.at.article == 0 && c.at.sentence == long);
        let groups: Vec<Vec<&str>> = comparison.groups.iter().map(|g| g.members.iter().map(text).collect()).collect();
        // Its own group: one of the two statements it tells.
        let own = comparison.groups.iter().position(member).unwrap_or_else(|| panic!("grouped: {groups:?}"));
        // The other statement's group lists it too.
        let other = comparison.groups.iter().position(listed).unwrap_or_else(|| panic!("listed: {groups:?}"));
        assert_ne!(own, other);
        let mentions = |g: usize, words: &str| comparison.groups[g].members.iter().any(|m| text(m).contains(words));
        assert!(
            mentions(own, "cancelled") && mentions(other, "crack")
                || mentions(own, "crack") && mentions(other, "cancelled")
        );
        // A sentence that tells one statement is listed nowhere else.
        let also: Vec<(&str, Vec<&str>)> = comparison
            .groups
            .iter()
            .flat_map(|g| g.also.iter().map(move |c| (text(&c.at), g.members.iter().map(text).collect())))
            .collect();
        assert_eq!(also.len(), 1, "{also:?}");
    }
}
