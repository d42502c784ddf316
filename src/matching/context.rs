//! Context: evidence beyond one sentence pair's similarity. After the first
//! pass, a pair below the bar links when context supports it:
//!
//! - the two sentences are each other's best match between their two
//!   articles (mutual best match), and
//! - their neighbours already sit in one group (the sentence before each,
//!   the sentence after each).
//!
//! Each adds a bonus to the pair's score. Context is weaker evidence than
//! similarity, so such a link also needs the two sentences to agree in
//! polarity, to share two terms, to quote no different speakers, not to state only
//! different figures, nor shares that are all two quantities ([`super::figures`]); both must be body sentences (not headlines or
//! captions) and at least one of them ungrouped.

use super::people::{People, name_conflict};
use super::space::Space;
use super::{find, join};
use crate::model::{SentenceKind, SentenceRef};
use std::collections::HashMap;

/// Bonus for a mutual best match. Measured on the dev gold (see
/// `docs/matching.md`): with [`LOWEST`] 0.22 it raised grouped pairs from
/// 84 to 101 of 148 with no more look-alike pairs merged.
const MUTUAL: f32 = 0.08;
/// Bonus for each side (before, after) whose neighbours share a group.
const NEIGHBOURS: f32 = 0.1;
/// Bonus for one quotation held by both sentences ([`super::quotes`]):
/// a shared quotation alone links two sentences.
const QUOTATION: f32 = 0.3;
/// Lowest pair score that context can lift to the bar.
pub(super) const LOWEST: f32 = 0.22;
/// Fewest terms a pair must share to link on context: one shared word
/// ("Then came the rain." / "More rain is expected on Friday.") is no
/// statement in common.
pub(super) const MIN_SHARED: usize = 2;

/// What is known about each comparable sentence besides its vectors.
pub(super) struct Traits<'a> {
    pub(super) people: &'a [People],
    pub(super) kinds: &'a [SentenceKind],
    /// Whether the sentence negates ([`super::polarity`]).
    pub(super) negated: &'a [bool],
    /// Who its quotation is attributed to ([`super::speaker`]).
    pub(super) speakers: &'a [Vec<String>],
    /// The values of its figures.
    pub(super) figures: &'a [Vec<String>],
    /// The words of its quotations ([`super::quotes`]).
    pub(super) quotations: &'a [Vec<Vec<String>>],
    /// All its words, folded ([`super::quotes::sentence_words`]).
    pub(super) words: &'a [Vec<String>],
    /// Its shares with their identities ([`super::figures`]).
    pub(super) stated: &'a [super::figures::Stated<'a>],
}

impl Traits<'_> {
    /// Whether two sentences hold one quotation ([`super::quotes`]): both
    /// quote it, or one quotes it and the other reports it word for word.
    pub(super) fn quoted(&self, i: usize, j: usize) -> bool {
        !self.quotations[i].is_empty()
            && !self.quotations[j].is_empty()
            && super::quotes::share_quotation(&self.quotations[i], &self.quotations[j])
            || super::quotes::reported(&self.quotations[i], &self.words[j])
            || super::quotes::reported(&self.quotations[j], &self.words[i])
    }

    /// Whether two sentences agree in polarity, or hold one quotation: the
    /// quotation's words are the same words, negation and all, so a
    /// negation elsewhere in one of them ("he had “no excuses” …") does not
    /// make them two statements.
    pub(super) fn same_polarity(&self, i: usize, j: usize) -> bool {
        self.negated[i] == self.negated[j] || self.quoted(i, j)
    }

    /// Whether two sentences state different facts by their shares: every
    /// pair of their percentages is two quantities ([`super::figures`]).
    pub(super) fn apart(&self, i: usize, j: usize) -> bool {
        super::figures::apart(&self.stated[i], &self.stated[j])
    }

    /// Whether a pair may link on context: body sentences (every headline
    /// is every other headline's best match), no conflicting people or
    /// speakers, same polarity, and some figure in common when both state
    /// figures.
    pub(super) fn compatible(&self, i: usize, j: usize) -> bool {
        self.kinds[i] == SentenceKind::Content
            && self.kinds[j] == SentenceKind::Content
            && !name_conflict(&self.people[i], &self.people[j])
            && self.same_polarity(i, j)
            && !super::speaker::different(&self.speakers[i], &self.speakers[j])
            && !super::speaker::different(&self.figures[i], &self.figures[j])
            && !self.apart(i, j)
    }
}

/// On how many sides (before, after; 0–2) the neighbours of `i` and `j`
/// sit in one group.
pub(super) fn support(refs: &[SentenceRef], same: &impl Fn(usize, usize) -> bool, i: usize, j: usize) -> u32 {
    let (a, b) = (refs[i].article, refs[j].article);
    let before = i >= 1 && j >= 1 && refs[i - 1].article == a && refs[j - 1].article == b && same(i - 1, j - 1);
    let after = i + 1 < refs.len()
        && j + 1 < refs.len()
        && refs[i + 1].article == a
        && refs[j + 1].article == b
        && same(i + 1, j + 1);
    u32::from(before) + u32::from(after)
}

/// The second pass: links pairs below the bar that context supports
/// (updates the clusters of the first pass). `near` holds every pair
/// sharing [`MIN_SHARED`] terms that scores at least [`LOWEST`], as
/// (score, a, b).
pub(super) fn context_pass(
    refs: &[SentenceRef],
    space: &Space,
    traits: &Traits<'_>,
    near: &[(f32, usize, usize)],
    parent: &mut [usize],
    members: &mut [Vec<usize>],
    settings: &super::MatchSettings,
) {
    let (threshold, link_threshold) = (settings.threshold, settings.link_threshold);
    let roots: Vec<usize> = (0..refs.len()).map(|i| find(parent, i)).collect();
    let same = |x: usize, y: usize| roots[x] == roots[y];
    // Each sentence's best match in every other article (among pairs that
    // reach the lowest bar: only those can link here).
    let mut best: HashMap<(usize, usize), (usize, f32)> = HashMap::new();
    for &(score, a, b) in near {
        for (i, j) in [(a, b), (b, a)] {
            let entry = best.entry((i, refs[j].article)).or_insert((j, f32::MIN));
            if score > entry.1 || score == entry.1 && j < entry.0 {
                *entry = (j, score);
            }
        }
    }
    let mutual = |i: usize, j: usize| {
        best.get(&(i, refs[j].article)).is_some_and(|b| b.0 == j)
            && best.get(&(j, refs[i].article)).is_some_and(|b| b.0 == i)
    };
    let mut edges: Vec<(f32, f32, usize, usize)> = Vec::new();
    for &(score, i, j) in near {
        let quoted = traits.quoted(i, j);
        if score < LOWEST && !quoted || same(i, j) || members[roots[i]].len() > 1 && members[roots[j]].len() > 1 {
            continue;
        }
        if !traits.compatible(i, j) {
            continue;
        }
        let extra = NEIGHBOURS * support(refs, &same, i, j) as f32
            + if mutual(i, j) { MUTUAL } else { 0.0 }
            + if quoted { QUOTATION } else { 0.0 };
        if extra > 0.0 && f64::from(score + extra) >= threshold {
            edges.push((score + extra, extra, i, j));
        }
    }
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.2.cmp(&y.2)).then(x.3.cmp(&y.3)));
    for (_, extra, a, b) in edges {
        let (root_a, root_b) = (find(parent, a), find(parent, b));
        if root_a == root_b || members[root_a].len() > 1 && members[root_b].len() > 1 {
            continue;
        }
        let link = super::average_link(refs, space, traits, &members[root_a], &members[root_b]);
        if link + f64::from(extra) < link_threshold {
            continue;
        }
        // No group holds more than three sentences of one article.
        let mut per_article: HashMap<usize, usize> = HashMap::new();
        for m in members[root_a].iter().chain(&members[root_b]) {
            *per_article.entry(refs[*m].article).or_default() += 1;
        }
        if per_article.values().any(|c| *c > 3) {
            continue;
        }
        join(parent, members, root_a, root_b);
    }
}

#[cfg(test)]
mod tests {
    use crate::{Settings, compare_texts};

    /// Whether a sentence of `a` containing `x` and one of `b` containing
    /// `y` share a group.
    fn together(a: &str, b: &str, x: &str, y: &str) -> bool {
        let comparison = compare_texts(&[("a.txt", a), ("b.txt", b)], &Settings::default());
        let has = |m: &crate::model::SentenceRef, text: &str| {
            let article = &comparison.articles[m.article];
            article.slice(article.sentences[m.sentence].span).contains(text)
        };
        comparison.groups.iter().any(|g| {
            g.members.iter().any(|m| m.article == 0 && has(m, x))
                && g.members.iter().any(|m| m.article == 1 && has(m, y))
        })
    }

    const A: &str = "Storm Halda closed the port of Veldholm on Monday.\n\n\
        The ferry company cancelled every crossing to the islands.\n\n\
        Waves of six metres broke over the northern breakwater at dawn.\n\n\
        The mayor thanked the volunteers who filled sandbags along the quay.";
    const B: &str = "Storm Halda shut the port of Veldholm on Monday.\n\n\
        Islanders were stranded after the ferry company halted its boats.\n\n\
        Six-metre waves broke over the northern breakwater at dawn.\n\n\
        A primary school in Orlen will stay closed for the rest of the week.";

    #[test]
    fn a_paraphrase_between_matched_neighbours_groups() {
        // The sentences before and after each are one statement, and
        // the two are each other's closest: context links them.
        assert!(together(A, B, "cancelled every crossing", "stranded"));
        assert!(!together(A, B, "mayor thanked", "primary school"));
    }

    #[test]
    fn a_quotation_and_its_report_group_despite_a_negation_elsewhere() {
        // One outlet quotes the mayor, the other reports her words without
        // quotation marks and adds a negation of its own: still one statement.
        let a = "Mayor Ilse Varga said she would “take full responsibility for the closure of the ferry line.”\n\n            The harbour board meets on Friday.";
        let b = "Varga, who gave no interview, said she takes full responsibility for the closure of the ferry line.\n\n            A primary school in Orlen will stay closed for the rest of the week.";
        assert!(together(a, b, "full responsibility", "full responsibility"));
    }

    #[test]
    fn a_denial_never_groups_with_the_claim() {
        let b = B.replace("were stranded after", "were not stranded after");
        assert!(!together(A, &b, "cancelled every crossing", "stranded"));
    }
}
