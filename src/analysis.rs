//! Per-sentence analysis shared by matching and the discrepancy finders:
//! the sentence's terms and the figures it states. Computed once per
//! article (in parallel) before anything compares articles.

use crate::dates::{self, DateMention};
use crate::model::{Article, SentenceKind, Span};
use crate::names::{self, NameMention};
use crate::numbers::identity::{self, Identity};
use crate::numbers::{self, NumberMention};
use crate::tokens::{self, FigureValue, Term};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// What one sentence says, in comparable form. Every later stage reads
/// this; none re-tokenises or re-extracts.
#[derive(Debug, Clone, Default)]
pub struct SentenceAnalysis {
    /// The sentence's content words as terms (stems and concepts), in
    /// order, with spans relative to the article's text: names included.
    pub words: Vec<(Term, Span)>,
    /// Comparable terms, with repeats: the words outside names, then names,
    /// figures with their quantity keys, and dates with dated events.
    pub terms: Vec<Term>,
    /// Quantities (the figures of a quantity class), with spans relative to
    /// the article's text.
    pub numbers: Vec<NumberMention>,
    /// Every figure read, quantities or not, with spans relative to the
    /// article's text.
    pub figures: Vec<NumberMention>,
    /// Names, with spans relative to the article's text.
    pub names: Vec<NameMention>,
    /// Dates that say when something happened, resolved against the
    /// article's date, with spans relative to the article's text.
    pub dates: Vec<DateMention>,
    /// What each of [`Self::numbers`] counts and under which circumstances,
    /// one identity per quantity, read from the sentence once here for the
    /// quantity finder. Empty for a general statement ("A magnitude-6 quake
    /// can cause severe damage"), whose figures describe no event.
    pub identities: Vec<Identity>,
}

/// Whether a sentence takes part in comparison: everything but boilerplate.
#[must_use]
pub fn is_comparable(kind: SentenceKind) -> bool {
    kind != SentenceKind::Boilerplate
}

/// Analyses every sentence of every article (boilerplate gets an empty entry).
#[must_use]
pub fn analyse(articles: &[Article]) -> Vec<Vec<SentenceAnalysis>> {
    let vocabulary = vocabulary(articles);
    // Sentence by sentence, so the workers share the work evenly whatever
    // the articles' lengths (start-up, issue 11); the order is kept.
    articles
        .par_iter()
        .map(|article| {
            let sentences = 0..article.sentences.len();
            sentences.into_par_iter().map(|index| analyse_sentence(article, index, &vocabulary)).collect()
        })
        .collect()
}

/// Words written in lower case in the articles (common words, so a
/// capitalised "Governor" or "The" is not taken for a name), and words
/// written capitalised after a lower-case word (mid-sentence: names, so a
/// sentence in capitals still finds "WALLY" as a name). A word capitalised
/// mid-sentence at least [`NAME_MAJORITY`] times as often as it is written
/// in lower case is a name all the same: one blog's lower-case "teixeira…"
/// or a web address does not unmake a name every other sentence writes.
fn vocabulary(articles: &[Article]) -> names::Vocabulary {
    let per_article: Vec<FxHashMap<String, (u32, u32)>> = articles
        .par_iter()
        .map(|article| {
            // word -> (written in lower case, capitalised mid-sentence)
            let mut counts: FxHashMap<String, (u32, u32)> = FxHashMap::default();
            // A word already counted is looked up without a copy.
            fn count<'c>(counts: &'c mut FxHashMap<String, (u32, u32)>, word: &str) -> &'c mut (u32, u32) {
                let folded = tokens::fold_cow(word);
                if !counts.contains_key(folded.as_ref()) {
                    counts.insert(folded.clone().into_owned(), (0, 0));
                }
                counts.get_mut(folded.as_ref()).expect("just inserted")
            }
            let mut after_lower = false;
            for word in tokens::words(&article.text) {
                let lower = word.text.chars().next().is_some_and(char::is_lowercase);
                if lower {
                    count(&mut counts, word.text).0 += 1;
                } else if after_lower && names::is_capitalised(word.text) {
                    count(&mut counts, word.text).1 += 1;
                }
                after_lower = lower;
            }
            counts
        })
        .collect();
    let mut counts: FxHashMap<String, (u32, u32)> = FxHashMap::default();
    for article in per_article {
        for (word, (lower, capitalised)) in article {
            let entry = counts.entry(word).or_default();
            entry.0 += lower;
            entry.1 += capitalised;
        }
    }
    let mut all = names::Vocabulary::default();
    for (word, (lower, capitalised)) in counts {
        if lower > 0 && capitalised < NAME_MAJORITY * lower {
            all.common.insert(word.clone());
        }
        if capitalised > 0 {
            all.capitalised.insert(word);
        }
    }
    all
}

/// How many times more often a word must be capitalised mid-sentence than
/// written in lower case to stay a name.
const NAME_MAJORITY: u32 = 4;

/// Analyses one article on this thread, for [`crate::warm_up`]: builds
/// every lexicon and pattern the analysis reads, and keeps nothing.
pub(crate) fn warm_up(article: &Article) {
    drop(analyse_article(article, &names::Vocabulary::default()));
}

fn analyse_article(article: &Article, vocabulary: &names::Vocabulary) -> Vec<SentenceAnalysis> {
    (0..article.sentences.len()).map(|index| analyse_sentence(article, index, vocabulary)).collect()
}

fn analyse_sentence(article: &Article, index: usize, vocabulary: &names::Vocabulary) -> SentenceAnalysis {
    let sentence = &article.sentences[index];
    if !is_comparable(sentence.kind) {
        return SentenceAnalysis::default();
    }
    let offset = sentence.span.start;
    let text = &article.text[sentence.span.range()];
    // Split at word boundaries once for words, figures and names, and
    // stemmed once: the figures reader gets the same word terms.
    let bounds: Vec<(usize, &str)> = tokens::word_bounds(text).collect();
    let words = tokens::word_terms_of(tokens::words_of(bounds.iter().copied()));
    let figures: Vec<NumberMention> = numbers::read_all_in_bounds(text, bounds.iter().copied(), &words)
        .into_iter()
        .map(|m| NumberMention { span: m.span.shifted(offset), ..m })
        .collect();
    let numbers: Vec<NumberMention> = figures.iter().filter(|m| m.class.is_quantity()).cloned().collect();
    let names: Vec<NameMention> = names::extract_in_bounds(text, &bounds, vocabulary);
    let identities = if numbers.is_empty() || identity::is_generic_statement(text) {
        Vec::new()
    } else {
        let back = |span: Span| Span::new(span.start.saturating_sub(offset), span.end.saturating_sub(offset));
        let spans: Vec<Span> = numbers.iter().map(|m| back(m.span)).collect();
        let name_spans: Vec<Span> = names.iter().map(|n| n.span).collect();
        identity::read_sentence_in_words(text, tokens::words_of(bounds.iter().copied()), &spans, &name_spans)
    };
    let names: Vec<NameMention> =
        names.into_iter().map(|n| NameMention { span: n.span.shifted(offset), ..n }).collect();
    let words: Vec<(Term, Span)> = words.into_iter().map(|(term, span)| (term, span.shifted(offset))).collect();
    let mut terms: Vec<Term> =
        placed_terms(&words, &names, &numbers).into_iter().map(|(term, _)| term.into_owned()).collect();
    // Resolved dates: "late on Tuesday, March 3" and "on Tuesday
    // night" in Wednesday's paper share the date March 3.
    // Dates work like figures: the date itself matches only the same
    // date, while "something dated happened" (a paraphrase concept with
    // any date) matches statements that put the same event on a
    // different day, which is exactly the discrepancy to show.
    let dates = dates::event_dates(article, index);
    let days: Vec<Term> =
        dates.iter().filter_map(|d| d.date).map(|date| Term::Date { month: date.month, day: date.day }).collect();
    if !days.is_empty() {
        let concepts: Vec<Term> = terms
            .iter()
            .filter_map(|t| if let Term::Concept(concept) = t { Some(Term::DatedEvent(concept)) } else { None })
            .collect();
        terms.extend(concepts);
        terms.extend(days);
    }
    SentenceAnalysis { words, terms, numbers, figures, names, dates, identities }
}

/// A sentence's word, name and figure terms, each with the span it is read
/// from (`words`, `names` and `numbers` in one frame of reference): the
/// terms [`SentenceAnalysis::terms`] opens with, in its order, and what the
/// matcher places clause by clause.
/// Word terms are borrowed, so a reader that only looks terms up copies none.
pub(crate) fn placed_terms<'w>(
    words: &'w [(Term, Span)],
    names: &[NameMention],
    numbers: &[NumberMention],
) -> Vec<(Cow<'w, Term>, Span)> {
    let mut terms: Vec<(Cow<'w, Term>, Span)> = words
        .iter()
        .filter(|(_, span)| !names.iter().any(|n| n.span.overlaps(*span)))
        .map(|(term, span)| (Cow::Borrowed(term), *span))
        .collect();
    // A name counts as one term keyed by its transliteration-folded
    // spelling: "Tomas Halloran" and "Marek Halloran" share nothing,
    // while "Kuznetsov" and "Kouznetsov" are one term.
    for name in names {
        let key: Vec<String> = name.words.iter().map(|w| names::fold_key(w)).collect();
        terms.push((Cow::Owned(Term::Name(key.join(" "))), name.span));
        // "Donald Trump", "Donald J. Trump" and "Mr. Trump" share the
        // surname; different people of one surname are kept apart
        // by the matcher's name-conflict rule.
        if key.len() >= 2 && names::is_personal(&name.words) {
            terms.extend(key.last().map(|surname| (Cow::Owned(Term::Name(surname.clone())), name.span)));
        }
    }
    // Figures join the terms by value, so "4,500" and "four thousand
    // five hundred" match, and "€50m" matches "50 million euros".
    // Each figure also adds what it measures ("three people were
    // killed" and "four lost their lives" share `count|~peopl|~die`),
    // which matches sentences about one quantity even when their
    // figures differ; the figure itself counts only with its noun, so
    // 1,200 homes and 1,200 rescuers do not match.
    for number in numbers.iter().filter(|n| n.class.is_strong()) {
        let value = FigureValue::new(number.figure.value);
        terms.push((Cow::Owned(Term::Figure { value, noun: number.noun.clone() }), number.span));
        terms.extend(number.quantity_keys().into_iter().map(|key| (Cow::Owned(Term::Quantity(key)), number.span)));
    }
    terms
}

/// How rare each term is across all analysed sentences: rare terms carry
/// more weight when two contexts are compared.
#[derive(Debug, Clone, Default)]
pub struct TermStats {
    document_frequency: FxHashMap<Term, u32>,
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
            let mut distinct: Vec<&Term> = sentence.terms.iter().collect();
            distinct.sort_unstable();
            distinct.dedup();
            for term in distinct {
                // Cloned only the first time a term is seen.
                match stats.document_frequency.get_mut(term) {
                    Some(count) => *count += 1,
                    None => {
                        stats.document_frequency.insert(term.clone(), 1);
                    }
                }
            }
        }
        stats
    }

    /// Inverse document frequency of a term (unknown terms count as rare).
    #[must_use]
    pub fn idf(&self, term: &Term) -> f64 {
        let df = self.document_frequency.get(term).copied().unwrap_or(1).max(1);
        (1.0 + self.sentences.max(1) as f64 / f64::from(df)).ln()
    }

    /// Cosine similarity of two term sets with IDF weights (0–1), leaving
    /// out figures.
    #[must_use]
    pub fn similarity<'t>(&self, a: &'t [Term], b: &'t [Term]) -> f64 {
        let set = |terms: &'t [Term]| -> std::collections::BTreeSet<&'t Term> {
            terms.iter().filter(|t| !matches!(t, Term::Figure { .. })).collect()
        };
        let (a, b) = (set(a), set(b));
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let weight = |t: &&Term| self.idf(t).powi(2);
        let shared: f64 = a.intersection(&b).map(weight).sum();
        let norm_a: f64 = a.iter().map(weight).sum::<f64>().sqrt();
        let norm_b: f64 = b.iter().map(weight).sum::<f64>().sqrt();
        shared / (norm_a * norm_b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare_texts;

    #[test]
    fn one_analysis_keeps_words_figures_names_and_dates() {
        let text = "Source: Wire\nDate: 2024-03-04\n\nOn March 3, engineer Yevgeny Kuznetsov said 4,500 residents were evacuated.";
        let comparison = compare_texts(&[("a.txt", text), ("b.txt", text)], &crate::Settings::default());
        let article = &comparison.articles[0];
        let analyses = analyse(&comparison.articles);
        let (index, analysis) =
            analyses[0].iter().enumerate().find(|(_, a)| !a.numbers.is_empty()).expect("the sentence with the figure");
        let sentence = article.sentences[index].span;
        // Every span points into the article's text, inside the sentence.
        for span in analysis.words.iter().map(|(_, s)| *s).chain(analysis.dates.iter().map(|d| d.span)) {
            assert!(span.start >= sentence.start && span.end <= sentence.end);
        }
        assert_eq!(article.slice(analysis.numbers[0].span), "4,500");
        assert!(analysis.terms.contains(&Term::Name(names::fold_key("Kuznetsov"))), "{:?}", analysis.terms);
        assert!(analysis.terms.contains(&Term::Date { month: 3, day: 3 }), "{:?}", analysis.terms);
        assert!(analysis.terms.contains(&Term::DatedEvent("~evacu")), "{:?}", analysis.terms);
        assert!(analysis.terms.iter().any(|t| matches!(t, Term::Quantity(_))), "{:?}", analysis.terms);
        // Words inside names are not terms of their own.
        let (surname, _) = analysis.words.iter().find(|(_, s)| article.slice(*s) == "Kuznetsov").expect("a word");
        assert!(!analysis.terms.contains(surname), "{:?}", analysis.terms);
    }
}
