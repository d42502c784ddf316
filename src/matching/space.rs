//! Sentence vectors: sparse TF-IDF over typed terms (weighted by rarity in
//! the compared articles and in English at large, with synonyms meeting at
//! part of a shared term's weight), plus a dense vector from static word
//! embeddings ([`crate::semantic::embeddings`]) that sees paraphrase.

use crate::tokens::Term;
use std::collections::HashMap;

/// A sparse, unit-length TF-IDF vector: (term id, weight), sorted by id.
pub(super) type Vector = Vec<(u32, f32)>;

/// How much more a term counts than a plain word: quantity keys ("what is
/// counted and what happened to it") and event-date keys ("what happened
/// when") say most about whether two sentences report the same fact.
fn term_boost(term: &Term) -> f32 {
    if matches!(term, Term::Quantity(_) | Term::DatedEvent(_)) { 2.0 } else { 1.0 }
}

/// Sentence vectors and what is needed to compare them.
pub(super) struct Space {
    /// One unit-length TF-IDF vector per sentence.
    pub(super) vectors: Vec<Vector>,
    /// For each term id, the ids of the terms present that are its synonyms.
    pub(super) synonyms: Vec<Vec<u32>>,
    /// For each term id, whether it is a word (a stem or a paraphrase
    /// concept), not a name, figure or date.
    pub(super) words: Vec<bool>,
    /// One unit-length dense vector per sentence (none when no word of it
    /// is in the embedding table).
    pub(super) dense: Vec<Option<Vec<f32>>>,
    /// What every compared sentence shares, for [`Space::dense`].
    centring: Centring,
}

/// The sum of the compared sentences' dense vectors, kept as what each
/// pair's centred cosine needs ([`Space::dense`]): every sentence's dot
/// product with the sum, the sum's squared length, how many sentences.
#[derive(Default)]
struct Centring {
    sum_dots: Vec<f32>,
    sum_squared: f32,
    count: usize,
}

impl Space {
    /// Adds each sentence's dense vector, and their sum for centring.
    pub(super) fn with_dense(mut self, texts: &[&str]) -> Self {
        use crate::semantic::embeddings::cosine;
        use rayon::prelude::*;
        self.dense = texts.par_iter().map(|t| crate::semantic::embeddings::text_vector(t)).collect();
        let present: Vec<&Vec<f32>> = self.dense.iter().flatten().collect();
        if let Some(first) = present.first() {
            let mut sum = vec![0.0f32; first.len()];
            for vector in &present {
                for (total, x) in sum.iter_mut().zip(vector.iter()) {
                    *total += x;
                }
            }
            self.centring = Centring {
                sum_dots: self.dense.iter().map(|v| v.as_deref().map_or(0.0, |v| cosine(v, &sum))).collect(),
                sum_squared: cosine(&sum, &sum),
                count: present.len(),
            };
        }
        self
    }

    /// Centred cosine of two sentences' dense vectors (0 when either has
    /// none): the cosine of `x − α·m` and `y − α·m`, where `m` is the mean
    /// vector of the other compared sentences (all but these two).
    ///
    /// Every sentence about one event shares "what the story is about", so
    /// the raw cosine of two unrelated sentences of one story sits near 0.5;
    /// taking out part of the mean (SIF's common-component removal) leaves
    /// what a sentence says beyond the story. Leaving the two sentences out
    /// of their own mean keeps small inputs safe: with two sentences there
    /// is nothing to remove (the raw cosine), where the plain mean would make
    /// any two sentences opposite; and `α` shrinks while few sentences make
    /// the mean ([`weights::CENTRING`], [`weights::CENTRING_SHRINK`]).
    /// Computed from dot products with the sum of all vectors, so a pair
    /// costs one cosine, as before.
    pub(super) fn dense(&self, a: usize, b: usize) -> f32 {
        let (Some(Some(x)), Some(Some(y))) = (self.dense.get(a), self.dense.get(b)) else { return 0.0 };
        let raw = crate::semantic::embeddings::cosine(x, y);
        let centring = &self.centring;
        let (Some(&dot_a), Some(&dot_b)) = (centring.sum_dots.get(a), centring.sum_dots.get(b)) else { return raw };
        centred_cosine(raw, dot_a, dot_b, centring.sum_squared, centring.count)
    }

    /// Similarity of two sentences: the lexical score plus the dense
    /// cosine above its floor, and how many terms they share.
    pub(super) fn similarity(&self, a: usize, b: usize) -> (f32, usize) {
        let (lexical, shared) = self.lexical(a, b);
        (combine(lexical, self.dense(a, b)), shared)
    }

    /// Lexical similarity of two sentences (cosine, with synonyms counting as a
    /// share of a shared term) and how many terms they share.
    pub(super) fn lexical(&self, a: usize, b: usize) -> (f32, usize) {
        self.lexical_of(&self.vectors[a], &self.vectors[b])
    }

    /// [`Space::lexical`] of any two unit vectors over this space's terms
    /// (clause units, [`Space::unit_vector`]).
    pub(super) fn lexical_of(&self, x: &Vector, y: &Vector) -> (f32, usize) {
        let (mut dot, mut shared) = cosine_shared(x, y);
        let has = |v: &Vector, id: u32| v.binary_search_by_key(&id, |(t, _)| *t).ok().map(|i| v[i].1);
        let mut used: Vec<u32> = Vec::new();
        for (term, weight) in x {
            if has(y, *term).is_some() {
                continue;
            }
            let partner = self.synonyms[*term as usize]
                .iter()
                .find(|s| has(x, **s).is_none() && !used.contains(s))
                .and_then(|s| has(y, *s).map(|w| (*s, w)));
            if let Some((synonym, other)) = partner {
                used.push(synonym);
                dot += weights::SYNONYM * weight * other;
                shared += 1;
            }
        }
        (dot, shared)
    }

    /// How many words (stems or concepts, not names, figures or dates) two
    /// vectors share exactly.
    pub(super) fn shared_words(&self, x: &Vector, y: &Vector) -> usize {
        common_terms(x, y).map(|(id, _, _)| usize::from(self.words[id as usize])).sum()
    }

    /// The part of sentence `a`'s vector over the term ids `ids` (sorted),
    /// made unit length again: a clause unit's vector.
    pub(super) fn unit_vector(&self, a: usize, ids: &[u32]) -> Vector {
        let mut vector: Vector =
            self.vectors[a].iter().filter(|(t, _)| ids.binary_search(t).is_ok()).copied().collect();
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, weight) in &mut vector {
                *weight /= norm;
            }
        }
        vector
    }

    /// The share of sentence `a`'s weight (0–1) whose terms, or a synonym
    /// of them, appear in one of the sentences `others`.
    pub(super) fn coverage(&self, a: usize, others: &[usize]) -> f32 {
        let has = |v: &Vector, id: u32| v.binary_search_by_key(&id, |(t, _)| *t).is_ok();
        self.vectors[a]
            .iter()
            .filter(|(term, _)| {
                others.iter().any(|o| {
                    let v = &self.vectors[*o];
                    has(v, *term) || self.synonyms[*term as usize].iter().any(|s| has(v, *s))
                })
            })
            .map(|(_, w)| w * w)
            .sum()
    }

    pub(super) fn cosine(&self, a: usize, b: usize) -> f32 {
        self.similarity(a, b).0
    }
}

/// The centred cosine of two unit vectors `x`, `y` (see [`Space::dense`])
/// from their raw cosine, their dot products with the sum `s` of all `count`
/// vectors (theirs included) and `|s|²`. With `k = count − 2` others and
/// `m = (s − x − y) / k`: `x·m = (x·s − 1 − x·y) / k`,
/// `|m|² = (|s|² − 2x·s − 2y·s + 2 + 2x·y) / k²`.
fn centred_cosine(raw: f32, dot_a: f32, dot_b: f32, sum_squared: f32, count: usize) -> f32 {
    let others = count.saturating_sub(2) as f32;
    if others < 1.0 {
        return raw;
    }
    let alpha = weights::CENTRING * others / (others + weights::CENTRING_SHRINK);
    let a_mean = (dot_a - 1.0 - raw) / others;
    let b_mean = (dot_b - 1.0 - raw) / others;
    let mean_squared = ((sum_squared - 2.0 * dot_a - 2.0 * dot_b + 2.0 + 2.0 * raw) / (others * others)).max(0.0);
    let dot = raw - alpha * (a_mean + b_mean) + alpha * alpha * mean_squared;
    let a_squared = 1.0 - 2.0 * alpha * a_mean + alpha * alpha * mean_squared;
    let b_squared = 1.0 - 2.0 * alpha * b_mean + alpha * alpha * mean_squared;
    if a_squared <= f32::EPSILON || b_squared <= f32::EPSILON {
        return 0.0;
    }
    (dot / (a_squared * b_squared).sqrt()).clamp(-1.0, 1.0)
}

/// Lexical and dense evidence in one score: the lexical similarity plus a
/// share of the dense cosine above its floor.
pub(super) fn combine(lexical: f32, dense: f32) -> f32 {
    lexical + weights::DENSE * semantic(dense, weights::DENSE_FLOOR)
}

/// A dense cosine rescaled to 0–1 above `floor`: two sentences about one
/// event score about 0.5 however unrelated their facts, so only the part
/// above that says "the same statement".
pub(super) fn semantic(dense: f32, floor: f32) -> f32 {
    ((dense - floor) / (1.0 - floor)).clamp(0.0, 1.0)
}

/// Weights of the background (language-wide) evidence, fitted on the dev
/// gold of real news (`../shared/gold`, see `docs/matching.md`).
pub(super) mod weights {
    /// Weight of the dense (embedding) similarity above its floor, added to
    /// the lexical score. Measured on the dev gold: on raw cosines, 0.2
    /// over a floor of 0.6 grouped 82 of 148 pairs (75 without), wrong
    /// merges 2 of 35; more weight or a lower floor merged look-alike
    /// statements. On centred cosines ([`super::Space::dense`]) 0.3 over
    /// 0.45 (see `docs/matching.md`).
    pub const DENSE: f32 = 0.3;
    pub const DENSE_FLOOR: f32 = 0.45;
    /// Dense (centred) cosine at which two sentences sharing a single term
    /// may link (otherwise two shared terms are needed).
    pub const DENSE_ALONE: f32 = 0.8;
    /// Share of the other sentences' mean vector taken out of each dense
    /// vector before the cosine (1 would take out all of it: on the samples
    /// that split what one story tells into too fine parts and merged two
    /// facts about one crack), and the number of other sentences at which
    /// half of that share is taken out (fewer sentences make a poor mean).
    pub const CENTRING: f32 = 0.7;
    pub const CENTRING_SHRINK: f32 = 5.0;
    /// Share of a shared term's weight that a synonym pair earns.
    pub const SYNONYM: f32 = 0.7;
    /// Zipf frequency at which a word's rarity factor reaches zero (before
    /// clamping): "the" is 7.7, "said" 6.3.
    pub const COMMON_ZIPF: f32 = 8.0;
    /// Zipf steps per unit of rarity factor.
    pub const ZIPF_SCALE: f32 = 2.0;
    /// Rarity factor bounds: the commonest words still count a little,
    /// and no rare word outweighs a few ordinary ones.
    pub const MIN_RARITY: f32 = 0.3;
    pub const MAX_RARITY: f32 = 3.0;
    /// Zipf assumed for stems the table does not know (rarer than 2.0).
    pub const RARE_ZIPF: f32 = 1.5;
    /// Rarity factor of a name and of a paraphrase concept.
    pub const NAME: f32 = 1.5;
    pub const CONCEPT: f32 = 1.0;
    /// Power of the in-article IDF: below 1, the event's own words, which
    /// every article shares, are not weighed down to nothing.
    pub const IDF_POWER: f32 = 0.75;
}

/// How much a term says in the language at large: words common in
/// English count less than rare ones, whatever the compared articles say.
fn background(term: &Term) -> f32 {
    match term {
        Term::Stem(stem) => {
            let zipf = crate::semantic::zipf(stem).unwrap_or(weights::RARE_ZIPF);
            ((weights::COMMON_ZIPF - zipf) / weights::ZIPF_SCALE).clamp(weights::MIN_RARITY, weights::MAX_RARITY)
        }
        Term::Concept(_) => weights::CONCEPT,
        Term::Name(_) => weights::NAME,
        _ => 1.0,
    }
}

/// TF-IDF vectors for every sentence, each term's IDF, and each term's id.
pub(super) fn build_vectors<'t>(term_lists: &[&'t [Term]]) -> (Space, Vec<f32>, HashMap<&'t Term, u32>) {
    let mut ids: HashMap<&Term, u32> = HashMap::new();
    let mut document_frequency: Vec<u32> = Vec::new();
    let mut boosts: Vec<f32> = Vec::new();
    let mut words: Vec<bool> = Vec::new();
    let mut id_lists: Vec<Vec<u32>> = Vec::with_capacity(term_lists.len());
    for terms in term_lists {
        let mut list: Vec<u32> = terms
            .iter()
            .map(|term| {
                let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                let id = *ids.entry(term).or_insert(next);
                if id as usize >= boosts.len() {
                    boosts.push(term_boost(term) * background(term));
                    words.push(matches!(term, Term::Stem(_) | Term::Concept(_)));
                    document_frequency.push(0);
                }
                id
            })
            .collect();
        list.sort_unstable();
        let mut distinct = list.clone();
        distinct.dedup();
        for id in distinct {
            document_frequency[id as usize] += 1;
        }
        id_lists.push(list);
    }
    let count = term_lists.len().max(1) as f32;
    let idf: Vec<f32> = document_frequency.iter().map(|df| (1.0 + count / *df as f32).ln()).collect();
    let vectors = id_lists
        .into_iter()
        .map(|list| {
            let mut vector: Vector = Vec::new();
            for id in list {
                let weight = idf[id as usize].powf(weights::IDF_POWER) * boosts[id as usize];
                match vector.last_mut() {
                    Some((last, total)) if *last == id => *total += weight,
                    _ => vector.push((id, weight)),
                }
            }
            let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (_, weight) in &mut vector {
                    *weight /= norm;
                }
            }
            vector
        })
        .collect();
    let mut synonyms: Vec<Vec<u32>> = vec![Vec::new(); ids.len()];
    for (term, id) in &ids {
        if let Some(stem) = term.word_text().filter(|_| matches!(term, Term::Stem(_))) {
            let mut list: Vec<u32> =
                crate::semantic::synonyms(stem).filter_map(|s| ids.get(&Term::word(s)).copied()).collect();
            list.sort_unstable();
            list.dedup();
            list.retain(|s| s != id);
            synonyms[*id as usize] = list;
        }
    }
    link_acronyms(&ids, &mut synonyms);
    (Space { vectors, synonyms, words, dense: Vec::new(), centring: Centring::default() }, idf, ids)
}

/// A name of several words and a one-word name made of their initials are
/// one name ("United Arab Emirates" / "UAE", "Federal Bureau of
/// Investigation" / "FBI"): each becomes the other's synonym.
fn link_acronyms(ids: &HashMap<&Term, u32>, synonyms: &mut [Vec<u32>]) {
    for (term, id) in ids {
        let Term::Name(key) = term else { continue };
        if !key.contains(' ') {
            continue;
        }
        let initials: String = key
            .split(' ')
            .filter(|w| !matches!(*w, "of" | "the" | "and" | "for"))
            .filter_map(|w| w.chars().next())
            .collect();
        if initials.chars().count() < 2 {
            continue;
        }
        // An acronym is read as a name or, written in capitals, as a word.
        let forms = [
            Term::Name(crate::names::fold_key(&initials)),
            Term::word(&crate::tokens::stem(&crate::tokens::fold_word(&initials))),
        ];
        for other in forms.iter().filter_map(|form| ids.get(form)) {
            for (a, b) in [(*id, *other), (*other, *id)] {
                if !synonyms[a as usize].contains(&b) {
                    synonyms[a as usize].push(b);
                    synonyms[a as usize].sort_unstable();
                }
            }
        }
    }
}

fn cosine_shared(a: &Vector, b: &Vector) -> (f32, usize) {
    common_terms(a, b).fold((0.0, 0), |(dot, shared), (_, x, y)| (dot + x * y, shared + 1))
}

/// The terms two vectors (sorted by id) share, with each one's weight, in
/// id order.
fn common_terms<'v>(a: &'v Vector, b: &'v Vector) -> impl Iterator<Item = (u32, f32, f32)> + 'v {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let common = (a[i].0, a[i].1, b[j].1);
                    i += 1;
                    j += 1;
                    return Some(common);
                }
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(words: &str) -> Term {
        Term::Name(words.split(' ').map(crate::names::fold_key).collect::<Vec<_>>().join(" "))
    }

    fn unit(v: &[f32]) -> Vec<f32> {
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.iter().map(|x| x / norm).collect()
    }

    fn dot(x: &[f32], y: &[f32]) -> f32 {
        x.iter().zip(y).map(|(a, b)| a * b).sum()
    }

    /// The centred cosine from dot products equals the cosine of the
    /// vectors with the others' mean taken out, computed directly.
    #[test]
    fn the_centred_cosine_takes_out_the_other_sentences_mean() {
        // Ten sentences of one story: a large common part, each its own rest
        // (x and y share nothing but the story).
        let vectors: Vec<Vec<f32>> = (0..10)
            .map(|i| {
                let mut v = vec![0.0f32; 6];
                v[0] = 0.8;
                v[1 + i % 5] = if i < 5 { 0.6 } else { -0.6 };
                unit(&v)
            })
            .collect();
        let sum: Vec<f32> = (0..6).map(|d| vectors.iter().map(|v| v[d]).sum()).collect();
        let others = (vectors.len() - 2) as f32;
        let alpha = weights::CENTRING * others / (others + weights::CENTRING_SHRINK);
        let (x, y) = (&vectors[0], &vectors[1]);
        let mean: Vec<f32> = (0..6).map(|d| (sum[d] - x[d] - y[d]) / others).collect();
        let cx: Vec<f32> = x.iter().zip(&mean).map(|(a, m)| a - alpha * m).collect();
        let cy: Vec<f32> = y.iter().zip(&mean).map(|(a, m)| a - alpha * m).collect();
        let direct = dot(&cx, &cy) / (dot(&cx, &cx) * dot(&cy, &cy)).sqrt();
        let raw = dot(x, y);
        let centred = centred_cosine(raw, dot(x, &sum), dot(y, &sum), dot(&sum, &sum), vectors.len());
        assert!((centred - direct).abs() < 1e-4, "{centred} {direct}");
        assert!(raw > 0.6 && centred < raw - 0.2, "the shared part no longer counts: {raw} -> {centred}");
    }

    /// Two sentences alone have no others to centre on: the raw cosine
    /// (a plain mean would make any two sentences opposite).
    #[test]
    fn two_sentences_keep_their_raw_cosine() {
        let (x, y) = (unit(&[0.9, 0.3, 0.1]), unit(&[0.8, 0.2, 0.4]));
        let sum: Vec<f32> = x.iter().zip(&y).map(|(a, b)| a + b).collect();
        let raw = dot(&x, &y);
        assert!((centred_cosine(raw, dot(&x, &sum), dot(&y, &sum), dot(&sum, &sum), 2) - raw).abs() < 1e-6);
    }

    #[test]
    fn a_name_meets_its_acronym() {
        let quake = Term::word(&crate::tokens::stem("quake"));
        let a = [quake.clone(), name("United Arab Emirates")];
        let other = [quake.clone(), name("United States")];
        // An acronym in capitals is read as a word, or else as a name.
        for acronym in [Term::word(&crate::tokens::stem("uae")), name("UAE")] {
            let b = [quake.clone(), acronym];
            let (space, _, _) = build_vectors(&[&a, &b, &other]);
            assert_eq!(space.lexical(0, 1).1, 2);
            assert_eq!(space.lexical(0, 2).1, 1);
            assert!(space.lexical(0, 1).0 > space.lexical(0, 2).0);
        }
    }
}
