//! Discrepancies: the one ordered list the user navigates. Diverging
//! figures, spelling variants of names, differing dates and details only one
//! article reports, each pointing back at exact spans of the articles.

mod dating;
mod quantities;
mod spellings;
mod unique;

use crate::analysis::{SentenceAnalysis, TermStats};
use crate::matching::Matching;
use crate::model::{Article, Discrepancy, DiscrepancyKind};
use serde::{Deserialize, Serialize};

/// Thresholds for the discrepancy finders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DiscrepancySettings {
    /// Score (0–1) two figures need to count as the same quantity.
    pub number_link: f64,
    /// Jaro-Winkler similarity (0–1) two name words need to be spelling
    /// variants when their transliteration keys differ.
    pub name_similarity: f64,
    /// Context similarity (0–1) that confirms a name variant found by
    /// string similarity alone.
    pub name_context: f64,
}

impl Default for DiscrepancySettings {
    fn default() -> Self {
        Self { number_link: 0.5, name_similarity: 0.9, name_context: 0.15 }
    }
}

/// One discrepancy finder.
type Finder = fn(&Inputs<'_>) -> Vec<Discrepancy>;

/// Everything the finders read.
pub(crate) struct Inputs<'a> {
    pub articles: &'a [Article],
    pub analyses: &'a [Vec<SentenceAnalysis>],
    pub matching: &'a Matching,
    pub stats: &'a TermStats,
    pub settings: &'a DiscrepancySettings,
}

/// Finds every discrepancy and orders the list by reading position: the
/// first article's first, then the others', by where each first shows up.
#[must_use]
pub fn find_discrepancies(
    articles: &[Article],
    analyses: &[Vec<SentenceAnalysis>],
    matching: &Matching,
    settings: &DiscrepancySettings,
) -> Vec<Discrepancy> {
    let stats = TermStats::new(analyses);
    let inputs = Inputs { articles, analyses, matching, stats: &stats, settings };
    let mut list = Vec::new();
    let timings = std::env::var_os("PARALLAX_TIMINGS").is_some();
    let finders: [(&str, Finder); 4] =
        [("numbers", quantities::find), ("names", spellings::find), ("dates", dating::find), ("unique", unique::find)];
    for (name, finder) in finders {
        let clock = std::time::Instant::now();
        list.extend(finder(&inputs));
        if timings {
            eprintln!("  {name}: {:.1} ms", clock.elapsed().as_secs_f64() * 1000.0);
        }
    }
    for discrepancy in &mut list {
        discrepancy.mentions.sort_by_key(|m| (m.at, m.span));
    }
    list.sort_by_key(reading_position);
    list
}

fn reading_position(discrepancy: &Discrepancy) -> (usize, usize, usize, usize, String) {
    let first = discrepancy.mentions.first();
    (
        first.map_or(usize::MAX, |m| m.at.article),
        first.map_or(usize::MAX, |m| m.at.sentence),
        first.map_or(usize::MAX, |m| m.span.start),
        DiscrepancyKind::ALL.iter().position(|k| *k == discrepancy.kind).unwrap_or(0),
        discrepancy.summary.clone(),
    )
}

/// Shortens text for a summary line, on a character boundary.
pub(crate) fn excerpt(text: &str, limit: usize) -> String {
    let text = crate::normalize::collapse_spaces(text);
    if text.chars().count() <= limit {
        return text;
    }
    let mut out: String = text.chars().take(limit.saturating_sub(1)).collect();
    out = out.trim_end().to_owned();
    out.push('…');
    out
}
