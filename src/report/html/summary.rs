//! The editor's summary at the top of the page: what the articles agree on,
//! the discrepancies that matter most with who says what, and the
//! weightiest details only one article reports. Everything links to its
//! entry below.

use super::anchors::Anchors;
use super::index::{FactView, shorten};
use crate::model::{Agreement, Comparison, DiscrepancyKind};
use crate::report::order::{Tier, versions};

/// How many figure, name and date discrepancies the summary names.
pub const KEY_LIMIT: usize = 8;
/// How many shared statements it quotes.
pub const AGREED_LIMIT: usize = 5;
/// How many single-source details it quotes.
pub const DETAIL_LIMIT: usize = 3;

/// The editor's summary.
#[derive(Debug, Default)]
pub struct EditorSummary {
    /// The widely carried statements.
    pub agreed: Vec<AgreedView>,
    /// Shared statements not quoted here.
    pub agreed_more: usize,
    /// The figure, name and date discrepancies that matter most.
    pub key: Vec<KeyView>,
    /// Figure, name and date discrepancies not named here.
    pub key_more: usize,
    /// The weightiest details only one article reports.
    pub details: Vec<DetailView>,
    /// Single-source details not quoted here.
    pub details_more: usize,
}

/// A statement several articles share.
#[derive(Debug)]
pub struct AgreedView {
    /// "All 5", "4 of 5".
    pub carried: String,
    /// The statement, shortened.
    pub statement: String,
    /// Link target.
    pub target: String,
}

/// A discrepancy with who says what.
#[derive(Debug)]
pub struct KeyView {
    /// Its number (the list entry is `dN`).
    pub number: usize,
    /// `k-conflict`, `k-name`, `k-date`, `k-compatible` (CSS class).
    pub class: &'static str,
    /// "≠", "→" (changed), "≈", "~", "@": a sign that reads without colour.
    pub sign: &'static str,
    /// What it is about.
    pub label: String,
    /// Each version with the articles that give it.
    pub says: Vec<SaysView>,
    /// "not in 2 · Kanal Nord, …" or empty.
    pub silent: String,
}

/// One version and who gives it.
#[derive(Debug)]
pub struct SaysView {
    /// The figure, spelling or date as written.
    pub text: String,
    /// The articles giving it: 1-based number and outlet.
    pub articles: Vec<(usize, String)>,
}

/// A detail only one article reports.
#[derive(Debug)]
pub struct DetailView {
    /// Its number.
    pub number: usize,
    /// 1-based article number.
    pub article: usize,
    /// The article's outlet.
    pub outlet: String,
    /// The detail, shortened.
    pub text: String,
}

/// Builds the summary.
#[must_use]
pub fn summary(comparison: &Comparison, anchors: &Anchors, facts: &[FactView]) -> EditorSummary {
    let total = comparison.articles.len();
    let shared: Vec<&FactView> = facts.iter().filter(|f| f.count >= 2).collect();
    let agreed = shared
        .iter()
        .take(AGREED_LIMIT)
        .map(|fact| AgreedView {
            carried: if fact.everywhere { format!("All {total}") } else { format!("{} of {total}", fact.count) },
            statement: shorten(&crate::normalize::collapse_spaces(&fact.statement), 220),
            target: fact.target.clone(),
        })
        .collect();
    let mut key = Vec::new();
    let mut details = Vec::new();
    let (mut key_total, mut details_total) = (0, 0);
    for &index in anchors.order() {
        let Some(discrepancy) = comparison.discrepancies.get(index) else { continue };
        let number = anchors.number(index);
        if discrepancy.kind == DiscrepancyKind::Unique {
            details_total += 1;
            if details.len() < DETAIL_LIMIT
                && let Some(mention) = discrepancy.mentions.first()
                && let Some(article) = comparison.articles.get(mention.at.article)
            {
                details.push(DetailView {
                    number,
                    article: mention.at.article + 1,
                    outlet: article.outlet.clone(),
                    text: shorten(&crate::normalize::collapse_spaces(article.slice(mention.span)), 220),
                });
            }
            continue;
        }
        key_total += 1;
        if key.len() >= KEY_LIMIT {
            continue;
        }
        let says: Vec<SaysView> = versions(comparison, discrepancy)
            .into_iter()
            .map(|version| SaysView {
                text: version.text,
                articles: version
                    .articles
                    .iter()
                    .filter_map(|a| Some((a + 1, comparison.articles.get(*a)?.outlet.clone())))
                    .collect(),
            })
            .collect();
        let carried = discrepancy.articles();
        let silent: Vec<String> = (0..total).filter(|a| !carried.contains(a)).map(|a| (a + 1).to_string()).collect();
        key.push(KeyView {
            number,
            class: match Tier::of(discrepancy) {
                Tier::ConflictingFigure => "k-conflict",
                Tier::CompatibleFigure => "k-compatible",
                Tier::Name => "k-name",
                Tier::Date | Tier::Unique => "k-date",
            },
            sign: match Tier::of(discrepancy) {
                Tier::ConflictingFigure if discrepancy.agreement == Some(Agreement::Changed) => "→",
                Tier::ConflictingFigure => "≠",
                Tier::CompatibleFigure => "≈",
                Tier::Name => "~",
                Tier::Date | Tier::Unique => "@",
            },
            label: discrepancy.label.clone(),
            says,
            silent: if silent.is_empty() { String::new() } else { format!("not mentioned in {}", silent.join(", ")) },
        });
    }
    EditorSummary {
        agreed_more: shared.len().saturating_sub(AGREED_LIMIT),
        agreed,
        key_more: key_total - key.len(),
        key,
        details_more: details_total - details.len(),
        details,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Settings, compare_texts};

    #[test]
    fn the_summary_says_who_gives_which_figure() {
        let comparison = compare_texts(
            &[
                (
                    "a.txt",
                    "Source: Wire\n\nDam bursts\n\nThree people died in the flood on Tuesday. A bakery gave out bread.",
                ),
                ("b.txt", "Source: Blog\n\nFlood\n\nFive people died in the flood on Tuesday."),
                ("c.txt", "Source: Radio\n\nWater\n\nThree people died in the flood on Tuesday."),
            ],
            &Settings::default(),
        );
        let anchors = Anchors::new(&comparison);
        let facts = super::super::index::facts(&comparison, &anchors, &|_| Vec::new());
        let summary = summary(&comparison, &anchors, &facts);
        let first = summary.key.first().expect("the death toll differs");
        assert_eq!(first.number, 1);
        assert_eq!(first.sign, "≠");
        let texts: Vec<&str> = first.says.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["Three", "Five"]);
        assert_eq!(first.says[0].articles, [(1, "Wire".to_owned()), (3, "Radio".to_owned())]);
        assert_eq!(first.says[1].articles, [(2, "Blog".to_owned())]);
        assert!(summary.agreed.iter().any(|a| a.carried == "All 3"), "{:?}", summary.agreed);
        assert_eq!(summary.details.len(), 1, "the bakery");
        assert!(summary.details[0].text.contains("bakery"));
    }
}
