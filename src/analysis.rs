//! Per-sentence analysis shared by matching and the discrepancy finders:
//! the sentence's terms and the figures it states. Computed once per
//! article (in parallel) before anything compares articles.

use crate::model::{Article, SentenceKind, Span};
use crate::names::{self, NameMention};
use crate::numbers::{self, NumberMention};
use crate::tokens;
use rayon::prelude::*;
use std::collections::HashSet;

/// What one sentence says, in comparable form.
#[derive(Debug, Clone, Default)]
pub struct SentenceAnalysis {
    /// Content terms (stemmed, folded, concept-mapped), with repeats.
    pub terms: Vec<String>,
    /// Figures, with spans relative to the article's text.
    pub numbers: Vec<NumberMention>,
    /// Names, with spans relative to the article's text.
    pub names: Vec<NameMention>,
}

/// Whether a sentence takes part in comparison: everything but boilerplate.
#[must_use]
pub fn is_comparable(kind: SentenceKind) -> bool {
    kind != SentenceKind::Boilerplate
}

/// Analyses every sentence of every article (boilerplate gets an empty entry).
#[must_use]
pub fn analyse(articles: &[Article]) -> Vec<Vec<SentenceAnalysis>> {
    let common = lower_case_words(articles);
    articles.par_iter().map(|article| analyse_article(article, &common)).collect()
}

/// Words written in lower case somewhere in the articles: common words, so
/// a capitalised "Governor" or "The" is not taken for a name.
fn lower_case_words(articles: &[Article]) -> HashSet<String> {
    let per_article: Vec<HashSet<String>> = articles
        .par_iter()
        .map(|article| {
            tokens::words(&article.text)
                .filter(|w| w.text.chars().next().is_some_and(char::is_lowercase))
                .map(|w| tokens::fold_word(w.text))
                .collect()
        })
        .collect();
    per_article.into_iter().flatten().collect()
}

fn analyse_article(article: &Article, common: &HashSet<String>) -> Vec<SentenceAnalysis> {
    article
        .sentences
        .iter()
        .enumerate()
        .map(|(index, sentence)| {
            if !is_comparable(sentence.kind) {
                return SentenceAnalysis::default();
            }
            let text = &article.text[sentence.span.range()];
            let numbers: Vec<NumberMention> = numbers::extract(text)
                .into_iter()
                .map(|m| NumberMention { span: m.span.shifted(sentence.span.start), ..m })
                .collect();
            let names: Vec<NameMention> = names::extract(text, common);
            // A name counts as one term keyed by its transliteration-folded
            // spelling: "Tomas Halloran" and "Marek Halloran" share nothing,
            // while "Kuznetsov" and "Kouznetsov" are one term.
            let mut terms: Vec<String> = tokens::terms(text)
                .into_iter()
                .filter(|(_, span)| !names.iter().any(|n| n.span.overlaps(*span)))
                .map(|(t, _)| t)
                .collect();
            for name in &names {
                let key: Vec<String> = name.words.iter().map(|w| names::fold_key(w)).collect();
                terms.push(format!("n:{}", key.join(" ")));
                // "Donald Trump", "Donald J. Trump" and "Mr. Trump" share the
                // surname; different people of one surname are kept apart
                // by the matcher's name-conflict rule.
                if key.len() >= 2 && names::is_personal(&name.words) {
                    terms.extend(key.last().map(|surname| format!("n:{surname}")));
                }
            }
            let names: Vec<NameMention> =
                names.into_iter().map(|n| NameMention { span: n.span.shifted(sentence.span.start), ..n }).collect();
            // Figures join the terms by value, so "4,500" and "four thousand
            // five hundred" match, and "€50m" matches "50 million euros".
            // Each figure also adds what it measures ("three people were
            // killed" and "four lost their lives" share `q:count|~peopl|~die`),
            // which matches sentences about one quantity even when their
            // figures differ; the figure itself counts only with its noun, so
            // 1,200 homes and 1,200 rescuers do not match.
            for number in numbers.iter().filter(|n| n.class.is_strong()) {
                terms.push(format!("#{}:{}", number.figure.value, number.noun.as_deref().unwrap_or("")));
                terms.extend(number.quantity_keys().into_iter().map(|key| format!("q:{key}")));
            }
            // Resolved dates: "late on Tuesday, March 3" and "on Tuesday
            // night" in Wednesday's paper share `d:03-03`.
            // Dates work like figures: the date itself (`d:03-03`) matches
            // only the same date, while "something dated happened" (a
            // paraphrase concept with any date, `e:~collaps@*`) matches
            // statements that put the same event on a different day, which
            // is exactly the discrepancy to show.
            let dates: Vec<String> = crate::dates::event_dates(article, index)
                .into_iter()
                .filter_map(|d| d.date)
                .map(|date| format!("d:{:02}-{:02}", date.month, date.day))
                .collect();
            if !dates.is_empty() {
                let concepts: Vec<String> =
                    terms.iter().filter(|t| t.starts_with('~')).map(|concept| format!("e:{concept}@*")).collect();
                terms.extend(concepts);
                terms.extend(dates);
            }
            SentenceAnalysis { terms, numbers, names }
        })
        .collect()
}

/// The terms of a span of an article (for context around a mention).
#[must_use]
pub fn terms_in(article: &Article, span: Span) -> Vec<String> {
    tokens::terms(article.slice(span)).into_iter().map(|(t, _)| t).collect()
}

/// How rare each term is across all analysed sentences: rare terms carry
/// more weight when two contexts are compared.
#[derive(Debug, Clone, Default)]
pub struct TermStats {
    document_frequency: std::collections::HashMap<String, u32>,
    sentences: usize,
}

impl TermStats {
    /// Counts term frequencies over every analysed sentence.
    #[must_use]
    pub fn new(analyses: &[Vec<SentenceAnalysis>]) -> Self {
        let mut stats = Self::default();
        for sentence in analyses.iter().flatten() {
            if sentence.terms.is_empty() {
                continue;
            }
            stats.sentences += 1;
            let mut distinct: Vec<&String> = sentence.terms.iter().collect();
            distinct.sort_unstable();
            distinct.dedup();
            for term in distinct {
                *stats.document_frequency.entry(term.clone()).or_default() += 1;
            }
        }
        stats
    }

    /// Inverse document frequency of a term (unknown terms count as rare).
    #[must_use]
    pub fn idf(&self, term: &str) -> f64 {
        let df = self.document_frequency.get(term).copied().unwrap_or(1).max(1);
        (1.0 + self.sentences.max(1) as f64 / f64::from(df)).ln()
    }

    /// Cosine similarity of two term sets with IDF weights (0–1), leaving
    /// out the terms in `ignore` and figures.
    #[must_use]
    pub fn similarity(&self, a: &[String], b: &[String], ignore: &[&str]) -> f64 {
        let set = |terms: &[String]| -> std::collections::BTreeSet<String> {
            terms.iter().filter(|t| !t.starts_with('#') && !ignore.contains(&t.as_str())).cloned().collect()
        };
        let (a, b) = (set(a), set(b));
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let weight = |t: &String| self.idf(t).powi(2);
        let shared: f64 = a.intersection(&b).map(weight).sum();
        let norm_a: f64 = a.iter().map(weight).sum::<f64>().sqrt();
        let norm_b: f64 = b.iter().map(weight).sum::<f64>().sqrt();
        shared / (norm_a * norm_b)
    }
}
