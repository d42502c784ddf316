//! Paragraph alignment: the rows side-by-side panes scroll by.
//!
//! Each paragraph is keyed by the groups its sentences belong to. Articles
//! are merged into the row list one at a time: every paragraph of the next
//! article is keyed by the row it shares most groups with, and `similar`
//! (Patience diff) finds the longest run of rows that both sequences keep
//! in the same order. Those paragraphs join their rows; the others get rows
//! of their own at their place in reading order. A paragraph that matches a
//! row but lies out of order is *moved*: it keeps its own place, marked with
//! the row it belongs to, instead of being shown twice.

use crate::model::{AlignedRow, Article};
use std::collections::HashMap;

/// A row while rows are being built: sparse cells, so adding an article
/// costs the size of the row order, not the number of articles times rows.
#[derive(Default)]
struct RowData {
    /// (article, paragraph) pairs.
    cells: Vec<(usize, usize)>,
    /// (article, row it belongs with) for moved paragraphs.
    moved: Vec<(usize, usize)>,
}

/// Aligns the paragraphs of all articles into rows.
#[must_use]
pub fn align_paragraphs(articles: &[Article], sentence_groups: &[Vec<Option<usize>>]) -> Vec<AlignedRow> {
    let mut rows: Vec<RowData> = Vec::new();
    // Rows in display order (ids into `rows`).
    let mut order: Vec<usize> = Vec::new();
    // The first row each group appears in.
    let mut row_of_group: HashMap<usize, usize> = HashMap::new();
    for (article, content) in articles.iter().enumerate() {
        let signatures: Vec<Vec<usize>> = content
            .paragraphs
            .iter()
            .map(|p| {
                let mut groups: Vec<usize> = p
                    .sentences
                    .clone()
                    .filter_map(|s| sentence_groups.get(article).and_then(|g| g.get(s)).copied().flatten())
                    .collect();
                groups.sort_unstable();
                groups.dedup();
                groups
            })
            .collect();
        // Key each paragraph by the row it shares most groups with (ties: the earlier row).
        let position_of: HashMap<usize, usize> = order.iter().enumerate().map(|(i, row)| (*row, i)).collect();
        let keys: Vec<Option<usize>> = signatures
            .iter()
            .map(|groups| {
                let mut votes: HashMap<usize, usize> = HashMap::new();
                for group in groups {
                    if let Some(row) = row_of_group.get(group) {
                        *votes.entry(*row).or_default() += 1;
                    }
                }
                votes
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(position_of[&b.0].cmp(&position_of[&a.0])))
                    .map(|(row, _)| row)
            })
            .collect();
        // Diff the rows this article touches (in display order) against its
        // keyed paragraphs (in reading order): the common subsequence stays
        // aligned, the rest is inserted or marked moved. Only keyed items
        // take part, so the diff costs the article's size, not the row count.
        let keyed: Vec<usize> = (0..keys.len()).filter(|p| keys[*p].is_some()).collect();
        let new: Vec<usize> = keyed.iter().filter_map(|p| keys[*p].map(|row| position_of[&row])).collect();
        let mut old: Vec<usize> = new.clone();
        old.sort_unstable();
        old.dedup();
        let ops = similar::capture_diff_slices(similar::Algorithm::Patience, &old, &new);
        let mut placed: Vec<Option<usize>> = vec![None; signatures.len()];
        for op in &ops {
            if let similar::DiffOp::Equal { old_index, new_index, len } = *op {
                for k in 0..len {
                    placed[keyed[new_index + k]] = Some(order[old[old_index + k]]);
                }
            }
        }
        // Unplaced paragraphs get new rows after the row of the paragraph before them.
        let mut inserts_after: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
        let mut previous_row: Option<usize> = None;
        for (paragraph, row) in placed.iter().enumerate() {
            match row {
                Some(row) => {
                    rows[*row].cells.push((article, paragraph));
                    previous_row = Some(*row);
                }
                None => inserts_after.entry(previous_row).or_default().push(paragraph),
            }
        }
        let mut new_order: Vec<usize> = Vec::with_capacity(order.len() + signatures.len());
        let add_rows = |paragraphs: Vec<usize>,
                        rows: &mut Vec<RowData>,
                        new_order: &mut Vec<usize>,
                        placed: &mut [Option<usize>]| {
            for paragraph in paragraphs {
                let mut row = RowData { cells: vec![(article, paragraph)], moved: Vec::new() };
                if let Some(matched) = keys[paragraph] {
                    row.moved.push((article, matched));
                }
                placed[paragraph] = Some(rows.len());
                new_order.push(rows.len());
                rows.push(row);
            }
        };
        add_rows(inserts_after.remove(&None).unwrap_or_default(), &mut rows, &mut new_order, &mut placed);
        for row in &order {
            new_order.push(*row);
            add_rows(inserts_after.remove(&Some(*row)).unwrap_or_default(), &mut rows, &mut new_order, &mut placed);
        }
        order = new_order;
        // Groups of this article's paragraphs now live in their rows.
        for (paragraph, groups) in signatures.iter().enumerate() {
            if let Some(row) = placed[paragraph] {
                for group in groups {
                    row_of_group.entry(*group).or_insert(row);
                }
            }
        }
    }
    let position_of: HashMap<usize, usize> = order.iter().enumerate().map(|(i, row)| (*row, i)).collect();
    order
        .iter()
        .map(|row| {
            let data = &rows[*row];
            let mut cells = vec![None; articles.len()];
            for (article, paragraph) in &data.cells {
                cells[*article] = Some(*paragraph);
            }
            let mut moved = vec![None; articles.len()];
            for (article, target) in &data.moved {
                moved[*article] = position_of.get(target).copied();
            }
            AlignedRow { cells, moved }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, Provenance, Span};

    fn article(paragraphs: usize) -> Article {
        Article {
            source: String::new(),
            title: String::new(),
            outlet: String::new(),
            byline: None,
            date: None,
            text: String::new(),
            paragraphs: (0..paragraphs).map(|i| Paragraph { span: Span::new(0, 0), sentences: i..i + 1 }).collect(),
            sentences: Vec::new(),
            provenance: Provenance::default(),
        }
    }

    /// Groups per sentence (one sentence per paragraph).
    fn align(groups: &[&[Option<usize>]]) -> Vec<Vec<Option<usize>>> {
        let articles: Vec<Article> = groups.iter().map(|g| article(g.len())).collect();
        let sentence_groups: Vec<Vec<Option<usize>>> = groups.iter().map(|g| g.to_vec()).collect();
        align_paragraphs(&articles, &sentence_groups).into_iter().map(|r| r.cells).collect()
    }

    #[test]
    fn shared_paragraphs_share_rows_and_extra_ones_get_their_own() {
        let rows = align(&[&[Some(0), None, Some(1)], &[Some(0), Some(1), None]]);
        assert_eq!(rows, [vec![Some(0), Some(0)], vec![Some(1), None], vec![Some(2), Some(1)], vec![None, Some(2)]]);
    }

    #[test]
    fn a_moved_paragraph_is_marked_not_duplicated() {
        let articles = vec![article(3), article(3)];
        let sentence_groups = vec![vec![Some(0), Some(1), Some(2)], vec![Some(2), Some(0), Some(1)]];
        let rows = align_paragraphs(&articles, &sentence_groups);
        let placed: usize = rows.iter().filter(|r| r.cells[1].is_some()).count();
        assert_eq!(placed, 3, "each paragraph appears once");
        let moved: Vec<(usize, usize)> =
            rows.iter().enumerate().filter_map(|(i, r)| r.moved[1].map(|target| (i, target))).collect();
        assert_eq!(moved.len(), 1);
        let (row, target) = moved[0];
        assert_eq!(rows[row].cells[1], Some(0));
        assert_eq!(rows[target].cells[0], Some(2));
    }
}
