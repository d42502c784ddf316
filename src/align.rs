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

/// Aligns the paragraphs of all articles into rows.
#[must_use]
pub fn align_paragraphs(articles: &[Article], sentence_groups: &[Vec<Option<usize>>]) -> Vec<AlignedRow> {
    let article_count = articles.len();
    let signatures: Vec<Vec<Vec<usize>>> = articles
        .iter()
        .enumerate()
        .map(|(a, article)| {
            article
                .paragraphs
                .iter()
                .map(|p| {
                    let mut groups: Vec<usize> = p
                        .sentences
                        .clone()
                        .filter_map(|s| sentence_groups.get(a).and_then(|g| g.get(s)).copied().flatten())
                        .collect();
                    groups.sort_unstable();
                    groups.dedup();
                    groups
                })
                .collect()
        })
        .collect();

    let mut rows: Vec<AlignedRow> = Vec::new();
    // The groups present in each row, for keying later articles.
    let mut row_groups: Vec<Vec<usize>> = Vec::new();
    for (article, paragraphs) in signatures.iter().enumerate() {
        // Which row each group currently lives in (first row wins).
        let mut row_of_group: HashMap<usize, usize> = HashMap::new();
        for (row, groups) in row_groups.iter().enumerate() {
            for group in groups {
                row_of_group.entry(*group).or_insert(row);
            }
        }
        // Key each paragraph by the row it shares most groups with.
        let keys: Vec<Option<usize>> = paragraphs
            .iter()
            .map(|groups| {
                let mut votes: HashMap<usize, usize> = HashMap::new();
                for group in groups {
                    if let Some(row) = row_of_group.get(group) {
                        *votes.entry(*row).or_default() += 1;
                    }
                }
                votes.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(row, _)| row)
            })
            .collect();
        // Diff the existing row order against this article's keys. Unkeyed
        // paragraphs get keys no row has, so they never count as equal.
        let old: Vec<usize> = (0..rows.len()).collect();
        let new: Vec<usize> = keys.iter().enumerate().map(|(i, key)| key.unwrap_or(usize::MAX - i)).collect();
        let ops = similar::capture_diff_slices(similar::Algorithm::Patience, &old, &new);
        let mut placed: Vec<Option<usize>> = vec![None; paragraphs.len()];
        for op in &ops {
            if let similar::DiffOp::Equal { old_index, new_index, len } = *op {
                for k in 0..len {
                    placed[new_index + k] = Some(old_index + k);
                }
            }
        }
        // Rebuild the row list: existing rows in order, with this article's
        // unplaced paragraphs inserted after the row of the paragraph before them.
        let mut inserts_after: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
        let mut last_row: Option<usize> = None;
        for (paragraph, row) in placed.iter().enumerate() {
            match row {
                Some(row) => last_row = Some(*row),
                None => inserts_after.entry(last_row).or_default().push(paragraph),
            }
        }
        let mut new_rows: Vec<AlignedRow> = Vec::with_capacity(rows.len() + paragraphs.len());
        let mut new_row_groups: Vec<Vec<usize>> = Vec::with_capacity(rows.len() + paragraphs.len());
        let mut pending_moves: Vec<(usize, usize)> = Vec::new(); // (new row index, old row matched)
        let mut old_to_new: Vec<usize> = vec![0; rows.len()];
        let paragraph_at_row: HashMap<usize, usize> =
            placed.iter().enumerate().filter_map(|(paragraph, row)| row.map(|r| (r, paragraph))).collect();
        let push_new = |paragraph: usize,
                        new_rows: &mut Vec<AlignedRow>,
                        new_row_groups: &mut Vec<Vec<usize>>,
                        pending: &mut Vec<(usize, usize)>| {
            let mut cells = vec![None; article_count];
            cells[article] = Some(paragraph);
            if let Some(matched) = keys[paragraph] {
                pending.push((new_rows.len(), matched));
            }
            new_rows.push(AlignedRow { cells, moved: vec![None; article_count] });
            new_row_groups.push(paragraphs[paragraph].clone());
        };
        for paragraph in inserts_after.remove(&None).unwrap_or_default() {
            push_new(paragraph, &mut new_rows, &mut new_row_groups, &mut pending_moves);
        }
        for (old_row, (row, groups)) in rows.drain(..).zip(row_groups.drain(..)).enumerate() {
            let mut row = row;
            let mut groups = groups;
            if let Some(&paragraph) = paragraph_at_row.get(&old_row) {
                row.cells[article] = Some(paragraph);
                groups.extend(paragraphs[paragraph].iter().copied());
                groups.sort_unstable();
                groups.dedup();
            }
            old_to_new[old_row] = new_rows.len();
            new_rows.push(row);
            new_row_groups.push(groups);
            for paragraph in inserts_after.remove(&Some(old_row)).unwrap_or_default() {
                push_new(paragraph, &mut new_rows, &mut new_row_groups, &mut pending_moves);
            }
        }
        for (new_row, matched_old_row) in pending_moves {
            new_rows[new_row].moved[article] = Some(old_to_new[matched_old_row]);
        }
        // Earlier articles' move marks point at old row numbers: renumber.
        for row in &mut new_rows {
            for (a, mark) in row.moved.iter_mut().enumerate() {
                if a != article
                    && let Some(target) = mark
                    && let Some(renumbered) = old_to_new.get(*target)
                {
                    *target = *renumbered;
                }
            }
        }
        rows = new_rows;
        row_groups = new_row_groups;
    }
    rows
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
