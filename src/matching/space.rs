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
    /// One unit-length dense vector per sentence (none when no word of it
    /// is in the embedding table).
    pub(super) dense: Vec<Option<Vec<f32>>>,
}

impl Space {
    /// Adds each sentence's dense vector.
    pub(super) fn with_dense(mut self, texts: &[&str]) -> Self {
        use rayon::prelude::*;
        self.dense = texts.par_iter().map(|t| crate::semantic::embeddings::text_vector(t)).collect();
        self
    }

    /// Cosine of two sentences' dense vectors (0 when either has none).
    pub(super) fn dense(&self, a: usize, b: usize) -> f32 {
        match (self.dense.get(a), self.dense.get(b)) {
            (Some(Some(x)), Some(Some(y))) => crate::semantic::embeddings::cosine(x, y),
            _ => 0.0,
        }
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
        let (x, y) = (&self.vectors[a], &self.vectors[b]);
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
    /// the lexical score. Measured on the dev gold: 0.2 over a floor of
    /// 0.6 grouped 82 of 148 pairs (75 without), wrong merges 2 of 35;
    /// more weight or a lower floor merged look-alike statements.
    pub const DENSE: f32 = 0.2;
    pub const DENSE_FLOOR: f32 = 0.6;
    /// Dense cosine at which two sentences sharing a single term may link
    /// (otherwise two shared terms are needed).
    pub const DENSE_ALONE: f32 = 0.8;
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

/// TF-IDF vectors for every sentence, and each term's IDF.
pub(super) fn build_vectors(term_lists: &[&[Term]]) -> (Space, Vec<f32>) {
    let mut ids: HashMap<&Term, u32> = HashMap::new();
    let mut document_frequency: Vec<u32> = Vec::new();
    let mut boosts: Vec<f32> = Vec::new();
    let mut id_lists: Vec<Vec<u32>> = Vec::with_capacity(term_lists.len());
    for terms in term_lists {
        let mut list: Vec<u32> = terms
            .iter()
            .map(|term| {
                let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                let id = *ids.entry(term).or_insert(next);
                if id as usize >= boosts.len() {
                    boosts.push(term_boost(term) * background(term));
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
    (Space { vectors, synonyms, dense: Vec::new() }, idf)
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
    let (mut i, mut j, mut dot, mut shared) = (0, 0, 0.0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (dot, shared)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(words: &str) -> Term {
        Term::Name(words.split(' ').map(crate::names::fold_key).collect::<Vec<_>>().join(" "))
    }

    #[test]
    fn a_name_meets_its_acronym() {
        let quake = Term::word(&crate::tokens::stem("quake"));
        let a = [quake.clone(), name("United Arab Emirates")];
        let other = [quake.clone(), name("United States")];
        // An acronym in capitals is read as a word, or else as a name.
        for acronym in [Term::word(&crate::tokens::stem("uae")), name("UAE")] {
            let b = [quake.clone(), acronym];
            let (space, _) = build_vectors(&[&a, &b, &other]);
            assert_eq!(space.lexical(0, 1).1, 2);
            assert_eq!(space.lexical(0, 2).1, 1);
            assert!(space.lexical(0, 1).0 > space.lexical(0, 2).0);
        }
    }
}
