//! How the page numbers its discrepancies and where its links land.
//!
//! Discrepancies are numbered in the checker's order
//! ([`crate::report::order::checker_order`]): #1 is what an editor looks at
//! first, in the summary, the list and the marks in the text alike. The
//! side-by-side view is shown twice: the rows that hold a figure, name or
//! date discrepancy (the "key rows", open: for each discrepancy, the row of
//! its first mention in each article, so a name found in every paragraph
//! does not bring back the whole text), and every row (in a closed
//! `<details>`). A sentence's canonical anchor (`a0-s3`) is in the full
//! view; its copy in the key rows is `k-a0-s3`, and links prefer the copy,
//! which is on screen without a click.

use crate::model::{Comparison, SentenceRef};
use crate::report::order::checker_order;
use std::collections::{BTreeSet, HashSet};

/// Numbers and link targets for one page.
#[derive(Debug, Default)]
pub struct Anchors {
    /// Engine index → 1-based number shown.
    shown: Vec<usize>,
    /// Engine indices in the order shown.
    order: Vec<usize>,
    /// 0-based alignment rows that hold a figure, name or date discrepancy.
    key_rows: BTreeSet<usize>,
    /// Sentences shown in the key rows.
    key_sentences: HashSet<SentenceRef>,
}

impl Anchors {
    /// Numbers the discrepancies of `comparison` and finds its key rows.
    #[must_use]
    pub fn new(comparison: &Comparison) -> Self {
        let order = checker_order(comparison);
        let mut shown = vec![0; comparison.discrepancies.len()];
        for (position, index) in order.iter().enumerate() {
            if let Some(slot) = shown.get_mut(*index) {
                *slot = position + 1;
            }
        }
        // The paragraph of each figure, name or date discrepancy's first
        // mention in each article, and every sentence such a discrepancy
        // mentions.
        let mut paragraphs: HashSet<(usize, usize)> = HashSet::new();
        let mut differing: HashSet<SentenceRef> = HashSet::new();
        for discrepancy in comparison.discrepancies.iter().filter(|d| d.kind.info().versions) {
            let mut seen: Vec<usize> = Vec::new();
            for mention in &discrepancy.mentions {
                let at = mention.at;
                differing.insert(at);
                if seen.contains(&at.article) {
                    continue;
                }
                seen.push(at.article);
                if let Some(sentence) = comparison.articles.get(at.article).and_then(|a| a.sentences.get(at.sentence)) {
                    paragraphs.insert((at.article, sentence.paragraph));
                }
            }
        }
        let mut key_rows = BTreeSet::new();
        let mut key_sentences = HashSet::new();
        for (index, row) in comparison.rows.iter().enumerate() {
            let holds = row
                .cells
                .iter()
                .enumerate()
                .any(|(article, cell)| cell.is_some_and(|p| paragraphs.contains(&(article, p))));
            if !holds {
                continue;
            }
            key_rows.insert(index);
            // The row shows the differing sentences and their counterparts.
            let in_row: Vec<SentenceRef> = row
                .cells
                .iter()
                .enumerate()
                .filter_map(|(article, cell)| {
                    Some((article, comparison.articles.get(article)?.paragraphs.get((*cell)?)?))
                })
                .flat_map(|(article, paragraph)| {
                    paragraph.sentences.clone().map(move |sentence| SentenceRef { article, sentence })
                })
                .collect();
            let groups: HashSet<usize> =
                in_row.iter().filter(|at| differing.contains(at)).filter_map(|at| comparison.group_of(*at)).collect();
            key_sentences.extend(
                in_row.into_iter().filter(|at| {
                    differing.contains(at) || comparison.group_of(*at).is_some_and(|g| groups.contains(&g))
                }),
            );
        }
        Self { shown, order, key_rows, key_sentences }
    }

    /// The 1-based number shown for the discrepancy at engine `index`.
    #[must_use]
    pub fn number(&self, index: usize) -> usize {
        self.shown.get(index).copied().unwrap_or(index + 1)
    }

    /// The number shown for every engine index (for [`super::fragments`]).
    #[must_use]
    pub fn numbers(&self) -> &[usize] {
        &self.shown
    }

    /// Engine indices in the order shown.
    #[must_use]
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// Whether the 0-based alignment `row` is a key row.
    #[must_use]
    pub fn is_key_row(&self, row: usize) -> bool {
        self.key_rows.contains(&row)
    }

    /// How many key rows there are.
    #[cfg(test)]
    #[must_use]
    pub fn key_row_count(&self) -> usize {
        self.key_rows.len()
    }

    /// Whether the key rows show this sentence (others are cut to "…").
    #[must_use]
    pub fn in_key_rows(&self, at: SentenceRef) -> bool {
        self.key_sentences.contains(&at)
    }

    /// The id of a link target for a sentence: its copy in the key rows when
    /// it is there, else its place in the full view.
    #[must_use]
    pub fn sentence_target(&self, at: SentenceRef) -> String {
        if self.key_sentences.contains(&at) { format!("k-{}", sentence_id(at)) } else { sentence_id(at) }
    }

    /// The id of a link target for a 0-based alignment row.
    #[must_use]
    pub fn row_target(&self, row: usize) -> String {
        if self.is_key_row(row) { format!("k-row-{}", row + 1) } else { format!("row-{}", row + 1) }
    }
}

/// The canonical anchor id of a sentence (in the full side-by-side view).
#[must_use]
pub fn sentence_id(at: SentenceRef) -> String {
    format!("a{}-s{}", at.article, at.sentence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DiscrepancyKind;
    use crate::{Settings, compare_texts};

    #[test]
    fn numbers_follow_the_checker_order_and_key_rows_hold_the_figures() {
        let comparison = compare_texts(
            &[
                ("a.txt", "Dam bursts\n\nA bakery gave out bread.\n\nThree people died in the flood on Tuesday."),
                ("b.txt", "Flood\n\nFive people died in the flood on Tuesday."),
            ],
            &Settings::default(),
        );
        let anchors = Anchors::new(&comparison);
        let figure = comparison
            .discrepancies
            .iter()
            .position(|d| d.kind == DiscrepancyKind::Number)
            .expect("the death toll differs");
        assert_eq!(anchors.number(figure), 1, "the conflicting figure comes first");
        let mut numbers = anchors.numbers().to_vec();
        numbers.sort_unstable();
        assert_eq!(numbers, (1..=comparison.discrepancies.len()).collect::<Vec<_>>(), "a permutation");
        // The row with the death toll is a key row; the bakery's is not.
        let died = comparison.discrepancies[figure].mentions[0].at;
        assert!(anchors.sentence_target(died).starts_with("k-a"), "{}", anchors.sentence_target(died));
        let bakery = comparison
            .discrepancies
            .iter()
            .find(|d| d.kind == DiscrepancyKind::Unique)
            .map(|d| d.mentions[0].at)
            .expect("the bakery is unique");
        assert_eq!(anchors.sentence_target(bakery), sentence_id(bakery));
        assert!(anchors.key_row_count() >= 1 && anchors.key_row_count() < comparison.rows.len());
    }
}
