//! Three articles concurring: a fact that three outlets each tell in their
//! own words often scores under the pair bar between any two of them
//! ("Helicopters ferried the injured to hospital" / "some of the injured
//! were transferred by helicopter to … Bandar Abbas" / "two helicopters
//! were evacuating injured from Qeshm to Bandar Abbas": 0.14–0.19), each
//! sentence's other words drowning what they share. Two weak pairs are
//! weak evidence; three sentences of three articles that are pairwise
//! near, in words and in meaning, and share a core of words all three
//! hold, are one statement told three times.
//!
//! After the context pass, three ungrouped sentences of three different
//! articles form a group when every pair of them scores at least
//! [`EDGE`] (sharing two terms), has a centred dense cosine of at least
//! [`DENSE`], may link on context (body sentences, same polarity, no name,
//! speaker or figure conflict), when the three pairs average [`MEAN`], and
//! when at least [`CORE`] terms are held by all three and by few other
//! sentences ([`SPECIFIC`]).

use super::context::Traits;
use super::space::Space;
use super::{find, join};
use crate::model::SentenceRef;
use std::collections::HashMap;

/// Least score of each pair of a triangle.
pub(super) const EDGE: f32 = 0.12;
/// Least centred dense cosine of each pair ([`Space::dense`]): the three
/// must be near in meaning too, not only share the story's words.
pub(super) const DENSE: f32 = 0.25;
/// Least mean score of the three pairs.
const MEAN: f32 = 0.15;
/// Fewest terms all three sentences hold.
const CORE: usize = 2;
/// Most sentences of the comparison that may hold all of a triangle's
/// core terms (twice the triangle): a core the whole story shares ("House",
/// "leadership"; "AMD", "SeaMicro", "cloud") says nothing of one statement.
const SPECIFIC: usize = 6;
/// Most partners kept per sentence (its best-scoring ones): bounds the
/// triangles read per sentence on large inputs.
const PARTNERS: usize = 8;

/// Whether a pair (its score, shared terms and dense cosine) may be an
/// edge of a triangle.
pub(super) fn is_edge(score: f32, shared: usize, dense: f32) -> bool {
    score >= EDGE && shared >= 2 && dense >= DENSE
}

/// Groups each triangle of ungrouped sentences (strongest first) that
/// `edges` (score, a, b: the pairs [`is_edge`] keeps) and the conditions
/// above allow.
pub(super) fn triangle_pass(
    refs: &[SentenceRef],
    space: &Space,
    traits: &Traits<'_>,
    edges: &[(f32, usize, usize)],
    postings: &[Vec<u32>],
    parent: &mut [usize],
    members: &mut [Vec<usize>],
) {
    let single = |parent: &mut [usize], members: &[Vec<usize>], x: usize| members[find(parent, x)].len() == 1;
    let mut partners: HashMap<usize, Vec<(usize, f32)>> = HashMap::new();
    for &(score, a, b) in edges {
        if single(parent, members, a) && single(parent, members, b) && traits.compatible(a, b) {
            partners.entry(a).or_default().push((b, score));
            partners.entry(b).or_default().push((a, score));
        }
    }
    for list in partners.values_mut() {
        list.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        list.truncate(PARTNERS);
    }
    let score_of = |x: usize, y: usize| partners.get(&x).and_then(|l| l.iter().find(|(z, _)| *z == y)).map(|p| p.1);
    let has = |x: usize, term: u32| space.vectors[x].binary_search_by_key(&term, |(t, _)| *t).is_ok();
    // Whether few sentences hold all the core terms (the shortest posting
    // list bounds the count).
    let specific = |core: &[u32]| {
        let Some(rarest) = core.iter().map(|t| &postings[*t as usize]).min_by_key(|p| p.len()) else { return false };
        rarest.len() <= SPECIFIC
            || rarest.iter().filter(|x| core.iter().all(|t| has(**x as usize, *t))).count() <= SPECIFIC
    };
    let mut triangles: Vec<(f32, usize, usize, usize)> = Vec::new();
    for (&u, list) in &partners {
        for &(v, uv) in list.iter().filter(|(v, _)| *v > u) {
            for &(w, uw) in list.iter().filter(|(w, _)| *w > v) {
                if refs[w].article == refs[v].article || refs[w].article == refs[u].article {
                    continue;
                }
                // Both ends keep the pair among their best partners.
                let (Some(vw), Some(_)) = (score_of(v, w), score_of(w, v)) else { continue };
                let mean = (uv + uw + vw) / 3.0;
                if mean < MEAN || score_of(v, u).is_none() || score_of(w, u).is_none() {
                    continue;
                }
                let core: Vec<u32> =
                    space.vectors[u].iter().map(|(t, _)| *t).filter(|t| has(v, *t) && has(w, *t)).collect();
                if core.len() >= CORE && specific(&core) {
                    triangles.push((mean, u, v, w));
                }
            }
        }
    }
    triangles.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)).then(x.3.cmp(&y.3)));
    for (_, u, v, w) in triangles {
        if ![u, v, w].iter().all(|x| single(parent, members, *x)) {
            continue;
        }
        join(parent, members, u, v);
        let root = find(parent, u);
        join(parent, members, root, w);
    }
}

#[cfg(test)]
mod tests {
    use crate::{Settings, compare_texts};

    /// The group holding the sentence of article `a` that contains `text`.
    fn group_of(comparison: &crate::Comparison, a: usize, text: &str) -> Option<usize> {
        comparison.groups.iter().position(|g| {
            g.members.iter().any(|m| {
                let article = &comparison.articles[m.article];
                m.article == a && article.slice(article.sentences[m.sentence].span).contains(text)
            })
        })
    }

    #[test]
    fn a_fact_three_articles_tell_in_their_own_words_groups() {
        let a = "Storm Halda closed the port of Veldholm on Monday.\n\n\
            Helicopters ferried the injured to hospital but the coast guard says the rescue effort is now winding down.\n\n\
            The mayor thanked the volunteers who filled sandbags along the quay.";
        let b = "Storm Halda shut the port of Veldholm on Monday.\n\n\
            Officials said some of the injured were transferred by helicopter to Orlen, \
            including several who were in critical condition.\n\n\
            A primary school in Orlen will stay closed for the rest of the week.";
        let c = "The port of Veldholm was closed on Monday as Storm Halda hit.\n\n\
            The head of the rescue unit said two helicopters were evacuating injured islanders to Orlen, \
            a city of 90,000 people.\n\n\
            Fishermen pulled their boats onto the beach.";
        let comparison = compare_texts(&[("a.txt", a), ("b.txt", b), ("c.txt", c)], &Settings::default());
        let ferried = group_of(&comparison, 0, "Helicopters ferried");
        assert!(ferried.is_some());
        assert_eq!(ferried, group_of(&comparison, 1, "transferred by helicopter"));
        assert_eq!(ferried, group_of(&comparison, 2, "two helicopters"));
        assert!(group_of(&comparison, 0, "mayor thanked").is_none());
        // Two of them alone are too weak a pair to group.
        let two = compare_texts(&[("a.txt", a), ("b.txt", b)], &Settings::default());
        assert!(group_of(&two, 0, "Helicopters ferried").is_none());
    }
}
