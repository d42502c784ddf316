//! Unique details: content sentences no other article carries. Adjacent
//! unique sentences of one paragraph form one detail.
//!
//! "Not grouped" is not "unique": a sentence whose closest sentence in some
//! other article scores [`crate::matching::CARRIED_ELSEWHERE`] or more (as a
//! whole, or as part of a longer sentence) is not claimed as unique. Each
//! mention carries those closest sentences so the reader can judge.

use super::{Inputs, excerpt};
use crate::model::{Discrepancy, DiscrepancyKind, Evidence, Mention, SentenceKind, SentenceRef};

/// The unique finder.
pub(super) struct Unique;

impl super::Finder for Unique {
    fn kind(&self) -> DiscrepancyKind {
        DiscrepancyKind::Unique
    }

    fn find(&self, inputs: &Inputs<'_>) -> Vec<Discrepancy> {
        find(inputs)
    }
}

fn find(inputs: &Inputs<'_>) -> Vec<Discrepancy> {
    let mut found: Vec<Discrepancy> = Vec::new();
    for (a, article) in inputs.articles.iter().enumerate() {
        let mut previous: Option<(usize, usize)> = None; // (paragraph, sentence)
        for (s, sentence) in article.sentences.iter().enumerate() {
            let closest = inputs.matching.closest.get(a).and_then(|c| c.get(s)).cloned().unwrap_or_default();
            let unique = sentence.kind == SentenceKind::Content
                && inputs.matching.sentence_groups[a][s].is_none()
                && !closest.iter().any(|c| c.similarity >= crate::matching::CARRIED_ELSEWHERE);
            if !unique {
                previous = None;
                continue;
            }
            let mention = Mention {
                at: SentenceRef { article: a, sentence: s },
                span: sentence.span,
                evidence: Evidence::Detail(closest),
            };
            let continues = previous.is_some_and(|(p, prev)| p == sentence.paragraph && prev + 1 == s);
            match found.last_mut() {
                Some(detail) if continues => detail.mentions.push(mention),
                _ => found.push(Discrepancy {
                    kind: DiscrepancyKind::Unique,
                    summary: String::new(),
                    agreement: None,
                    label: String::new(),
                    mentions: vec![mention],
                }),
            }
            previous = Some((sentence.paragraph, s));
        }
    }
    for detail in &mut found {
        let first = &detail.mentions[0];
        let article = &inputs.articles[first.at.article];
        let text = article.slice(first.span);
        detail.label = excerpt(text, 60);
        let more =
            if detail.mentions.len() > 1 { format!(" (+{} more)", detail.mentions.len() - 1) } else { String::new() };
        detail.summary = DiscrepancyKind::Unique.summary(&[
            ("outlet", &article.outlet),
            ("text", &excerpt(text, 160)),
            ("more", &more),
        ]);
    }
    found
}
