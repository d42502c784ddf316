//! Which figures are one quantity: each figure is scored against the
//! recent figures that share a lookup key with it (never a full scan), and
//! the strongest links are joined first under average linkage, so a figure
//! lands in the quantity it fits best.

use super::{Candidate, link_score};
use crate::discrepancies::Inputs;
use crate::model::SentenceRef;
use crate::numbers::{NumberMention, QuantityClass};
// Looked up, never iterated in an order that shows: FxHash (SipHash cost a
// fifth of the quantity finder on 100 articles).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Members of a cluster compared with a new figure: the first and the
/// latest few (average linkage on a bounded sample keeps cost linear).
const SAMPLE_HEAD: usize = 6;
const SAMPLE_TAIL: usize = 6;
/// Clusters looked up per key: the most recent ones.
const CANDIDATES_PER_KEY: usize = 32;
/// Rare clause words used as lookup keys.
const CONTEXT_KEYS: usize = 3;
/// Sentences looked at when asking whether two values were stated apart.
const APART_LOOKUPS: usize = 16;

fn hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Lookup keys of a figure: its thing, predicate, matched statement, rarest
/// clause words and order of magnitude. Clusters are found through them,
/// never by a full scan.
fn lookup_keys(candidate: &Candidate<'_>) -> Vec<(u8, u64)> {
    let mut keys: Vec<(u8, u64)> = Vec::new();
    if let Some(thing) = &candidate.identity.thing {
        keys.push((0, hash(thing)));
    }
    if let Some(predicate) = candidate.identity.predicate {
        keys.push((1, hash(predicate.concept)));
    }
    if let Some(group) = candidate.group {
        keys.push((2, group as u64));
    }
    let mut rare: Vec<&(u32, f32)> = candidate.context.iter().collect();
    rare.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    keys.extend(rare.iter().take(CONTEXT_KEYS).map(|(id, _)| (3, u64::from(*id))));
    let value = candidate.mention.figure.value.abs();
    if value > 0.0 {
        // Quarter-decades: a figure meets figures up to about 1.8 times away.
        let bucket = (value.log10() * 4.0).floor() as i64;
        keys.push((4, bucket as u64));
    }
    keys
}

/// Keys under which a figure looks for clusters: its own, plus the
/// neighbouring orders of magnitude.
fn search_keys(keys: &[(u8, u64)]) -> Vec<(u8, u64)> {
    let mut out = keys.to_vec();
    for (kind, key) in keys {
        if *kind == 4 {
            out.push((4, key.wrapping_add(1)));
            out.push((4, key.wrapping_sub(1)));
        }
    }
    out
}

/// Which values some sentence states side by side ("$334 million, of which
/// $281 million in cash"): such values are two quantities wherever else
/// they appear. Linear in the figures: one entry per figure, never per pair.
pub(super) struct StatedApart<'a> {
    /// (sentence, class, value bits) of every figure.
    present: HashSet<(SentenceRef, &'a QuantityClass, u64)>,
    /// The sentences stating each (class, value).
    sentences: HashMap<(&'a QuantityClass, u64), Vec<SentenceRef>>,
}

impl<'a> StatedApart<'a> {
    pub(super) fn new(figures: impl Iterator<Item = (SentenceRef, &'a NumberMention)>) -> Self {
        let mut apart = Self { present: HashSet::default(), sentences: HashMap::default() };
        for (at, mention) in figures {
            let key = (&mention.class, mention.figure.value.to_bits());
            if apart.present.insert((at, key.0, key.1)) {
                apart.sentences.entry(key).or_default().push(at);
            }
        }
        apart
    }

    /// Whether a sentence states both values of one class (at most
    /// `APART_LOOKUPS` sentences are looked at).
    pub(super) fn apart(&self, class: &QuantityClass, a: f64, b: f64) -> bool {
        if a.to_bits() == b.to_bits() {
            return false;
        }
        self.sentences.get(&(class, a.to_bits())).is_some_and(|list| {
            list.iter().take(APART_LOOKUPS).any(|at| self.present.contains(&(*at, class, b.to_bits())))
        })
    }

    /// Entries stored: one per distinct figure of a sentence.
    #[cfg(test)]
    pub(super) fn stored(&self) -> usize {
        self.present.len() + self.sentences.values().map(Vec::len).sum::<usize>()
    }
}

pub(super) fn cluster(candidates: &[Candidate<'_>], inputs: &Inputs<'_>) -> Vec<Vec<usize>> {
    let apart = StatedApart::new(candidates.iter().filter(|c| !c.contrasted).map(|c| (c.at, c.mention.as_ref())));
    let threshold = inputs.settings.number_link;
    // Links: each figure against the recent figures that share a lookup key
    // with it (never a full scan), scored once.
    let mut index_of: HashMap<(&QuantityClass, (u8, u64)), Vec<usize>> = HashMap::default();
    let mut links: Vec<(f64, usize, usize)> = Vec::new();
    for (index, candidate) in candidates.iter().enumerate() {
        let keys = lookup_keys(candidate);
        let mut looked_up: Vec<usize> = search_keys(&keys)
            .iter()
            .filter_map(|key| index_of.get(&(&candidate.mention.class, *key)))
            .flat_map(|list| list.iter().rev().take(CANDIDATES_PER_KEY).copied())
            .collect();
        looked_up.sort_unstable();
        looked_up.dedup();
        for other in looked_up {
            if let Some(score) = pair_score(candidate, &candidates[other], &apart)
                && score >= threshold
            {
                links.push((score, other, index));
            }
        }
        for key in keys {
            index_of.entry((&candidate.mention.class, key)).or_default().push(index);
        }
    }
    // Strongest links first: a figure joins the quantity it fits best, not
    // the first one that fits well enough ("$3.5 billion" meets "about $3.6
    // billion" for one fund before a weaker link to the "$8 billion" total
    // can claim it).
    links.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut forming: Vec<Forming> = candidates.iter().enumerate().map(|(i, c)| Forming::single(i, c)).collect();
    let mut owner: Vec<usize> = (0..candidates.len()).collect();
    for (_, a, b) in links {
        let (x, y) = (owner[a], owner[b]);
        if x == y || !can_merge(&forming[x], &forming[y], candidates, &apart, threshold) {
            continue;
        }
        let (keep, gone) = if forming[x].members.len() >= forming[y].members.len() { (x, y) } else { (y, x) };
        let moved = std::mem::take(&mut forming[gone]);
        for member in &moved.members {
            owner[*member] = keep;
        }
        forming[keep].absorb(moved);
    }
    forming.into_iter().map(|f| f.members).filter(|members| !members.is_empty()).collect()
}

/// A quantity being formed: its members in reading order, their sentences,
/// and per article the lowest upper bound and highest lower bound of its
/// figures, kept as members join so a merge is checked without a rescan.
#[derive(Default)]
struct Forming {
    members: Vec<usize>,
    sentences: HashSet<SentenceRef>,
    bounds: HashMap<usize, (f64, f64)>,
}

impl Forming {
    fn single(index: usize, candidate: &Candidate<'_>) -> Self {
        let figure = &candidate.mention.figure;
        Self {
            members: vec![index],
            sentences: std::iter::once(candidate.at).collect(),
            bounds: std::iter::once((candidate.at.article, (figure.high, figure.low))).collect(),
        }
    }

    fn absorb(&mut self, other: Self) {
        self.members.extend(other.members);
        self.members.sort_unstable();
        self.sentences.extend(other.sentences);
        for (article, (high, low)) in other.bounds {
            let entry = self.bounds.entry(article).or_insert((f64::INFINITY, f64::NEG_INFINITY));
            entry.0 = entry.0.min(high);
            entry.1 = entry.1.max(low);
        }
    }

    /// Whether some figure here and some figure there, of one article,
    /// cannot both be true.
    fn disjoint_in_some_article(&self, other: &Self) -> bool {
        other.bounds.iter().any(|(article, (high, low))| {
            self.bounds.get(article).is_some_and(|(lowest_high, highest_low)| lowest_high < low || high < highest_low)
        })
    }
}

/// How likely two figures are one quantity, `None` when they cannot be:
/// one sentence, values some sentence states side by side, or a veto of
/// [`link_score`].
pub(super) fn pair_score(a: &Candidate<'_>, b: &Candidate<'_>, apart: &StatedApart<'_>) -> Option<f64> {
    if a.at == b.at || apart.apart(&a.mention.class, a.mention.figure.value, b.mention.figure.value) {
        return None;
    }
    link_score(a, b)
}

/// Whether two quantities can be one: no sentence in both (two figures of
/// one sentence are two quantities), no article whose figures in them could
/// not both be true, and their members link on average (a bounded sample of
/// each, so the cost stays linear).
fn can_merge(x: &Forming, y: &Forming, candidates: &[Candidate<'_>], apart: &StatedApart<'_>, threshold: f64) -> bool {
    let (small, large) = if x.sentences.len() <= y.sentences.len() { (x, y) } else { (y, x) };
    if small.sentences.iter().any(|at| large.sentences.contains(at)) || large.disjoint_in_some_article(small) {
        return false;
    }
    let sample = |members: &[usize]| -> Vec<usize> {
        let tail = members.len().saturating_sub(SAMPLE_HEAD).min(SAMPLE_TAIL);
        members.iter().take(SAMPLE_HEAD).chain(members.iter().rev().take(tail)).copied().collect()
    };
    let (sx, sy) = (sample(&x.members), sample(&y.members));
    let mut total = 0.0;
    let mut count = 0usize;
    for a in &sx {
        for b in &sy {
            match pair_score(&candidates[*a], &candidates[*b], apart) {
                Some(score) => total += score,
                None => return false,
            }
            count += 1;
        }
    }
    count > 0 && total / count as f64 >= threshold
}
