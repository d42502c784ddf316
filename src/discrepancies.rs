//! Discrepancies: the one ordered list the user navigates. Diverging
//! figures, spelling variants of names, differing dates and details only one
//! article reports, each pointing back at exact spans of the articles.

mod dating;
mod quantities;
mod spellings;
mod unique;

use crate::analysis::{SentenceAnalysis, TermStats};
use crate::matching::Matching;
use crate::model::{Article, Discrepancy, DiscrepancyKind, Evidence, Quantity};
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

/// One discrepancy finder: the one place that finds a kind. Its kind's
/// names, marks and summary template are its row of [`crate::kinds::KINDS`].
pub(crate) trait Finder: Sync {
    /// The kind it finds.
    fn kind(&self) -> DiscrepancyKind;
    /// Every discrepancy of its kind.
    fn find(&self, inputs: &Inputs<'_>) -> Vec<Discrepancy>;
}

/// The finders, in the order they run.
const FINDERS: [&dyn Finder; 4] = [&quantities::Quantities, &spellings::Spellings, &dating::Dating, &unique::Unique];

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
    let found = FINDERS.iter().map(|finder| run_finder(*finder, &inputs)).collect();
    order_discrepancies(found, articles)
}

/// Every quantity stated by at least two articles, with the figure each
/// gives and their verdict (also when they agree).
#[must_use]
pub fn find_quantities(
    articles: &[Article],
    analyses: &[Vec<SentenceAnalysis>],
    matching: &Matching,
    settings: &DiscrepancySettings,
) -> Vec<Quantity> {
    let stats = TermStats::new(analyses);
    let inputs = Inputs { articles, analyses, matching, stats: &stats, settings };
    order_quantities(quantities::quantities(&inputs))
}

/// [`find_discrepancies`] and [`find_quantities`] in one pass: the figures
/// are read and clustered once (the number finder's discrepancies are its
/// quantities' verdicts), and the number finder runs beside the others.
#[must_use]
pub fn find_discrepancies_and_quantities(
    articles: &[Article],
    analyses: &[Vec<SentenceAnalysis>],
    matching: &Matching,
    settings: &DiscrepancySettings,
) -> (Vec<Discrepancy>, Vec<Quantity>) {
    let stats = TermStats::new(analyses);
    let inputs = Inputs { articles, analyses, matching, stats: &stats, settings };
    debug_assert_eq!(FINDERS[0].kind(), DiscrepancyKind::Number, "the number finder comes first");
    let ((quantities, numbers), others) = rayon::join(
        || quantities::quantities_and_discrepancies(&inputs),
        || FINDERS[1..].iter().map(|finder| run_finder(*finder, &inputs)).collect::<Vec<_>>(),
    );
    let found = std::iter::once(numbers).chain(others).collect();
    (order_discrepancies(found, articles), order_quantities(quantities))
}

/// One finder's discrepancies.
fn run_finder(finder: &dyn Finder, inputs: &Inputs<'_>) -> Vec<Discrepancy> {
    let found = finder.find(inputs);
    debug_assert!(found.iter().all(|d| d.kind == finder.kind()), "a finder returned another kind");
    found
}

/// The finders' lists, in [`FINDERS`] order, as the one ordered list.
fn order_discrepancies(found: Vec<Vec<Discrepancy>>, articles: &[Article]) -> Vec<Discrepancy> {
    let mut list: Vec<Discrepancy> = found.into_iter().flatten().collect();
    // Articles that all give the same versions do not disagree, even when
    // each gives two ("thousands" in the headline, "about 4,500" below):
    // identical copies of one article must not report discrepancies.
    list.retain(|discrepancy| !discrepancy.kind.info().versions || articles_differ(discrepancy, articles));
    for discrepancy in &mut list {
        discrepancy.mentions.sort_by_key(|m| (m.at, m.span));
    }
    list.sort_by_key(reading_position);
    list
}

/// The quantities in reading order, each one's figures too.
fn order_quantities(mut list: Vec<Quantity>) -> Vec<Quantity> {
    for quantity in &mut list {
        quantity.figures.sort_by_key(|f| (f.at, f.span));
    }
    list.sort_by_key(|q| q.figures.first().map(|f| (f.at, f.span)));
    list
}

/// True when some article's versions (figures, dates or spellings, as a
/// set) differ from another's.
pub(crate) fn articles_differ(discrepancy: &Discrepancy, articles: &[Article]) -> bool {
    let mut versions: std::collections::BTreeMap<usize, Vec<String>> = std::collections::BTreeMap::new();
    for mention in &discrepancy.mentions {
        let version = match &mention.evidence {
            // The hedge's direction is part of a version: "$250,000" and
            // "more than $250,000" are two versions; "about" is not a
            // direction (the quantity finder reads it as the figure).
            Evidence::Figure(figure) => format!("{:e}/{}", figure.value, figure.qualifier.direction()),
            Evidence::Date(date) => format!("{date:?}"),
            Evidence::Spelling | Evidence::Detail(_) => articles
                .get(mention.at.article)
                .and_then(|article| article.text.get(mention.span.range()))
                .unwrap_or_default()
                .to_owned(),
        };
        versions.entry(mention.at.article).or_default().push(version);
    }
    let mut sets = versions.into_values().map(|mut list| {
        list.sort();
        list.dedup();
        list
    });
    let Some(first) = sets.next() else { return false };
    sets.any(|set| set != first)
}

pub(crate) fn reading_position(discrepancy: &Discrepancy) -> (usize, usize, usize, usize, String) {
    let first = discrepancy.mentions.first();
    (
        first.map_or(usize::MAX, |m| m.at.article),
        first.map_or(usize::MAX, |m| m.at.sentence),
        first.map_or(usize::MAX, |m| m.span.start),
        discrepancy.kind.index(),
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

#[cfg(test)]
mod tests {
    use crate::model::DiscrepancyKind;
    use crate::{Settings, compare_texts};

    const WIRE: &str = "Source: Wire\n\nDam breach floods Velmora; three dead, thousands evacuated\n\nAbout 4,500 \
                        residents were evacuated overnight. Engineer Yevgeny Kuznetsov warned in March. Kouznetsov \
                        said the cracks had been reported on March 3.";

    fn kinds(texts: &[(&str, &str)]) -> Vec<DiscrepancyKind> {
        compare_texts(texts, &Settings::default()).discrepancies.iter().map(|d| d.kind).collect()
    }

    #[test]
    fn identical_articles_report_no_discrepancy() {
        // Each copy gives two figures and two spellings, but both copies give the same ones.
        assert_eq!(kinds(&[("a.txt", WIRE), ("b.txt", WIRE)]), []);
    }

    #[test]
    fn an_article_that_lacks_one_version_still_differs() {
        let other = "Source: Blog\n\nAbout 4,500 residents were evacuated overnight.";
        assert!(kinds(&[("a.txt", WIRE), ("b.txt", other)]).contains(&DiscrepancyKind::Number));
    }

    #[test]
    fn the_one_pass_finds_what_the_two_finders_find() {
        let options = crate::ingest::IngestOptions::default();
        let loaded = crate::ingest::load_inputs(&["assets/samples/dravik-dam".to_owned()], &options);
        assert!(loaded.documents.len() >= 5, "the samples load");
        let articles: Vec<_> = loaded.documents.into_iter().map(crate::segment::segment).collect();
        let analyses = crate::analysis::analyse(&articles);
        let settings = Settings::default();
        let matching = crate::matching::match_sentences(&articles, &analyses, &settings.matching);
        let settings = &settings.discrepancies;
        let (discrepancies, quantities) =
            super::find_discrepancies_and_quantities(&articles, &analyses, &matching, settings);
        assert!(discrepancies.iter().any(|d| d.kind == DiscrepancyKind::Number));
        assert!(!quantities.is_empty());
        assert_eq!(discrepancies, super::find_discrepancies(&articles, &analyses, &matching, settings));
        assert_eq!(quantities, super::find_quantities(&articles, &analyses, &matching, settings));
    }
}
