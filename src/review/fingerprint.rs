//! Fingerprints: what a judgement points at, by content, never by position.
//!
//! A discrepancy's fingerprint is its kind and, for every mention, the
//! article's content hash, the sentence's text and the mention's own text
//! (the figure, the spelling, or the sentence of a unique detail). A newer
//! parallax that lists discrepancies in another order, or finds one more
//! mention, still finds the same discrepancy; one whose sentences changed
//! is not found, and its verdict shows as stale.

use crate::model::{Comparison, Discrepancy, Mention, SentenceRef};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// One article a review was made on: what fingerprints find articles by
/// (the review file lists them; `model` keeps them there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewedArticle {
    /// The path or URL as given then (used to follow an edited article).
    pub source: String,
    /// Hex SHA-256 of its bytes then.
    pub content_sha256: String,
}

/// One sentence, by content.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub struct SentenceKey {
    /// The article's content hash (hex SHA-256 of its bytes).
    pub article: String,
    /// The sentence's text.
    pub sentence: String,
}

/// One mention (a figure, a spelling, a detail), by content.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub struct MentionKey {
    /// The article's content hash.
    pub article: String,
    /// The text of the sentence it is in.
    pub sentence: String,
    /// The mention's own text ("about 4,500", "Kouznetsov").
    pub text: String,
}

/// What a verdict or a correction judged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Fingerprint {
    /// `number`, `name`, `date` or `unique`.
    pub kind: String,
    /// Every mention, sorted, without repeats.
    pub mentions: Vec<MentionKey>,
}

impl Fingerprint {
    /// The fingerprint of a discrepancy of `comparison`.
    #[must_use]
    pub fn of(comparison: &Comparison, discrepancy: &Discrepancy) -> Self {
        let set: BTreeSet<MentionKey> = discrepancy.mentions.iter().map(|m| mention_key(comparison, m)).collect();
        Self { kind: discrepancy.kind.as_str().to_owned(), mentions: set.into_iter().collect() }
    }

    /// How alike two fingerprints are: 0 for different kinds, else the
    /// share of mentions they have in common (Jaccard).
    #[must_use]
    pub fn overlap(&self, other: &Self) -> f64 {
        if self.kind != other.kind {
            return 0.0;
        }
        let ours: BTreeSet<&MentionKey> = self.mentions.iter().collect();
        let theirs: BTreeSet<&MentionKey> = other.mentions.iter().collect();
        let union = ours.union(&theirs).count();
        if union == 0 {
            return 0.0;
        }
        #[allow(clippy::cast_precision_loss)] // counts of mentions
        let share = ours.intersection(&theirs).count() as f64 / union as f64;
        share
    }
}

/// The key of one mention of `comparison`.
#[must_use]
pub fn mention_key(comparison: &Comparison, mention: &Mention) -> MentionKey {
    let article = comparison.articles.get(mention.at.article);
    MentionKey {
        article: article.map(|a| a.provenance.content_sha256.clone()).unwrap_or_default(),
        sentence: sentence_text(comparison, mention.at).to_owned(),
        text: article.map(|a| a.slice(mention.span).to_owned()).unwrap_or_default(),
    }
}

/// The key of one sentence of `comparison`.
#[must_use]
pub fn sentence_key(comparison: &Comparison, at: SentenceRef) -> SentenceKey {
    SentenceKey {
        article: comparison.articles.get(at.article).map(|a| a.provenance.content_sha256.clone()).unwrap_or_default(),
        sentence: sentence_text(comparison, at).to_owned(),
    }
}

fn sentence_text(comparison: &Comparison, at: SentenceRef) -> &str {
    comparison
        .articles
        .get(at.article)
        .and_then(|a| a.sentences.get(at.sentence).map(|s| a.slice(s.span)))
        .unwrap_or_default()
}

/// How the articles a review was made on map to today's: the same content
/// hash, or — for an article edited since — the same source.
#[derive(Debug, Clone, Default)]
pub struct ArticleMap {
    /// Old content hash → today's content hash.
    hashes: HashMap<String, String>,
    /// Today's articles that changed since the review (indices).
    pub changed: Vec<usize>,
}

impl ArticleMap {
    /// Maps the review's articles onto `comparison`'s.
    #[must_use]
    pub fn new(reviewed: &[ReviewedArticle], comparison: &Comparison) -> Self {
        let current: Vec<&str> = comparison.articles.iter().map(|a| a.provenance.content_sha256.as_str()).collect();
        let mut map = Self::default();
        for then in reviewed {
            if current.contains(&then.content_sha256.as_str()) {
                map.hashes.insert(then.content_sha256.clone(), then.content_sha256.clone());
                continue;
            }
            // Edited: an earlier version of an article given from the same
            // source today. (The review lists today's versions too, once
            // opened, so being listed says nothing about being new.)
            let edited = comparison.articles.iter().position(|a| a.source == then.source);
            if let Some(index) = edited {
                map.hashes.insert(then.content_sha256.clone(), current[index].to_owned());
                if !map.changed.contains(&index) {
                    map.changed.push(index);
                }
            }
        }
        map.changed.sort_unstable();
        map
    }

    /// True when the article a stored key names was edited since the review
    /// (its content hash maps to another).
    #[must_use]
    pub fn edited(&self, old: &str) -> bool {
        self.hashes.get(old).is_some_and(|now| now != old)
    }

    /// A stored key in today's terms (an article that is gone keeps its old hash, and so matches nothing).
    #[must_use]
    pub fn mention(&self, key: &MentionKey) -> MentionKey {
        MentionKey { article: self.hash(&key.article), ..key.clone() }
    }

    /// A stored sentence key in today's terms.
    #[must_use]
    pub fn sentence(&self, key: &SentenceKey) -> SentenceKey {
        SentenceKey { article: self.hash(&key.article), ..key.clone() }
    }

    /// A stored fingerprint in today's terms.
    #[must_use]
    pub fn fingerprint(&self, fingerprint: &Fingerprint) -> Fingerprint {
        let set: BTreeSet<MentionKey> = fingerprint.mentions.iter().map(|m| self.mention(m)).collect();
        Fingerprint { kind: fingerprint.kind.clone(), mentions: set.into_iter().collect() }
    }

    fn hash(&self, old: &str) -> String {
        self.hashes.get(old).cloned().unwrap_or_else(|| old.to_owned())
    }
}

/// The sentence a key names in `comparison` (the first with that text).
#[must_use]
pub fn find_sentence(comparison: &Comparison, key: &SentenceKey) -> Option<SentenceRef> {
    comparison.articles.iter().enumerate().filter(|(_, a)| a.provenance.content_sha256 == key.article).find_map(
        |(index, article)| {
            article
                .sentences
                .iter()
                .position(|s| article.slice(s.span) == key.sentence)
                .map(|sentence| SentenceRef { article: index, sentence })
        },
    )
}

/// Finds the discrepancy a stored fingerprint (in today's terms) judged:
/// the one with exactly these mentions, else the one sharing more than
/// half of its mentions with it (at most one can). `None`: stale.
#[must_use]
pub fn attach(fingerprint: &Fingerprint, current: &[Fingerprint]) -> Option<usize> {
    if let Some(exact) = current.iter().position(|f| f == fingerprint) {
        return Some(exact);
    }
    current
        .iter()
        .enumerate()
        .map(|(i, f)| (i, fingerprint.overlap(f)))
        .filter(|(_, share)| *share > 0.5)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}
