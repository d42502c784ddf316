//! Name discrepancies: one name spelled differently across or within articles.

use super::Inputs;
use crate::model::{Discrepancy, DiscrepancyKind, Evidence, Mention, SentenceRef};
use crate::names::{self, Occurrence, SetKind};
use crate::tokens::Term;

/// The name finder.
pub(super) struct Spellings;

impl super::Finder for Spellings {
    fn kind(&self) -> DiscrepancyKind {
        DiscrepancyKind::Name
    }

    fn find(&self, inputs: &Inputs<'_>) -> Vec<Discrepancy> {
        find(inputs)
    }
}

fn find(inputs: &Inputs<'_>) -> Vec<Discrepancy> {
    let mut occurrences: Vec<Occurrence> = Vec::new();
    for (a, sentences) in inputs.analyses.iter().enumerate() {
        for (s, analysis) in sentences.iter().enumerate() {
            for mention in &analysis.names {
                occurrences.push(Occurrence { article: a, sentence: s, mention: mention.clone() });
            }
        }
    }
    let related = |x: &Occurrence, y: &Occurrence| {
        let group_x = inputs.matching.sentence_groups[x.article][x.sentence];
        if group_x.is_some() && group_x == inputs.matching.sentence_groups[y.article][y.sentence] {
            return true;
        }
        let terms_x = &inputs.analyses[x.article][x.sentence].terms;
        let terms_y = &inputs.analyses[y.article][y.sentence].terms;
        // Context without the names themselves (they are what differs).
        let without_names =
            |terms: &[Term]| -> Vec<Term> { terms.iter().filter(|t| !matches!(t, Term::Name(_))).cloned().collect() };
        inputs.stats.similarity(&without_names(terms_x), &without_names(terms_y)) >= inputs.settings.name_context
    };
    names::find_variants(&occurrences, inputs.settings.name_similarity, related)
        .into_iter()
        .map(|set| {
            let mentions: Vec<Mention> = set
                .occurrences
                .iter()
                .map(|i| {
                    let o = &occurrences[*i];
                    Mention {
                        at: SentenceRef { article: o.article, sentence: o.sentence },
                        span: o.mention.span,
                        evidence: Evidence::Spelling,
                    }
                })
                .collect();
            let mut versions: Vec<String> = Vec::new();
            for form in &set.forms {
                let mut outlets: Vec<&str> = set
                    .occurrences
                    .iter()
                    .filter(|i| occurrences[**i].mention.form() == *form)
                    .map(|i| inputs.articles[occurrences[*i].article].outlet.as_str())
                    .collect();
                outlets.dedup();
                versions.push(format!("{form} ({})", outlets.join(", ")));
            }
            let label = set.forms.iter().max_by_key(|f| f.split(' ').count()).cloned().unwrap_or_default();
            let kind = DiscrepancyKind::Name;
            let joined = kind.info().join(&versions);
            let summary = match set.kind {
                SetKind::Spelling => kind.summary(&[("versions", &joined)]),
                SetKind::DifferentFirstName => {
                    super::excerpt(&format!("different first name, same role: {joined}"), 240)
                }
            };
            Discrepancy { kind, summary, agreement: None, label, mentions }
        })
        .collect()
}
