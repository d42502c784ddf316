//! Paragraph alignment: the rows side-by-side panes scroll by.
//!
//! Each paragraph is keyed by the groups its sentences belong to. Articles
//! are merged into the row list one at a time: every paragraph of the next
//! article is keyed by the row it shares most groups with, and `similar`
//! (Patience diff) finds the longest run of rows that both sequences keep
//! in the same order. Those paragraphs join their rows (anchors). Between
//! two anchors, a paragraph that shares nothing with anyone (front matter,
//! a unique detail) fills the next row that holds only such paragraphs, so
//! unrelated material sits side by side instead of stacking into rows of
//! one cell; the rest get rows of their own at their place in reading
//! order. A paragraph that matches a row but lies out of order is *moved*:
//! it keeps its own place, marked with the row it belongs to, instead of
//! being shown twice.

use crate::model::{AlignedRow, Article, SentenceKind};
use std::collections::HashMap;

/// A pseudo group every headline paragraph belongs to.
const HEADLINE: usize = usize::MAX;

/// A row while rows are being built: sparse cells, so adding an article
/// costs the size of the row order, not the number of articles times rows.
#[derive(Default)]
struct RowData {
    /// (article, paragraph) pairs.
    cells: Vec<(usize, usize)>,
    /// (article, row it belongs with) for moved paragraphs.
    moved: Vec<(usize, usize)>,
    /// True while every cell holds a paragraph that shares nothing.
    unmatched_only: bool,
}

/// Where one paragraph of the article being merged goes.
#[derive(Clone, Copy)]
enum Place {
    /// Into an existing row (an anchor, or a free slot beside unrelated material).
    Row(usize),
    /// Into a new row, after the row at this display position (`None`: first).
    NewAfter(Option<usize>),
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
                // Headlines share a row whatever they say.
                if p.sentences.clone().any(|s| content.sentences.get(s).is_some_and(|x| x.kind == SentenceKind::Title))
                {
                    groups.push(HEADLINE);
                }
                groups.sort_unstable();
                groups.dedup();
                groups
            })
            .collect();
        let position_of: HashMap<usize, usize> = order.iter().enumerate().map(|(i, row)| (*row, i)).collect();
        let keys = paragraph_keys(&signatures, &row_of_group, &position_of);
        let anchors = anchor_rows(&keys, &order, &position_of);

        // The display position of the next anchor at or after each paragraph
        // (the end of the rows when none), found in one backward pass: looking
        // ahead from every paragraph would be quadratic in a long article.
        let mut gap_ends = vec![order.len(); anchors.len()];
        let mut next_anchor = order.len();
        for (paragraph, anchor) in anchors.iter().enumerate().rev() {
            if let Some(row) = anchor {
                next_anchor = position_of[row];
            }
            gap_ends[paragraph] = next_anchor;
        }
        // A gap searched in vain for a free row: (from, to). Rows do not
        // change while places are decided, so a later search inside it fails too.
        let mut searched_in_vain: Option<(usize, usize)> = None;

        // Decide each paragraph's place, walking the article in order.
        let mut places: Vec<Place> = Vec::with_capacity(signatures.len());
        let mut cursor: Option<usize> = None; // display position of the last row used
        for (paragraph, anchor) in anchors.iter().enumerate() {
            if let Some(row) = anchor {
                cursor = Some(position_of[row]);
                places.push(Place::Row(*row));
                continue;
            }
            // The next anchor bounds the gap this paragraph must stay in.
            let gap_end = gap_ends[paragraph];
            let gap_start = cursor.map_or(0, |c| c + 1);
            let known_vain = searched_in_vain.is_some_and(|(from, to)| from <= gap_start && to == gap_end);
            let free = (signatures[paragraph].is_empty() && !known_vain)
                .then(|| {
                    let found = (gap_start..gap_end)
                        .find(|p| rows[order[*p]].unmatched_only && !has_article(&rows[order[*p]], article));
                    if found.is_none() {
                        searched_in_vain = Some((gap_start, gap_end));
                    }
                    found
                })
                .flatten();
            match free {
                Some(position) => {
                    cursor = Some(position);
                    places.push(Place::Row(order[position]));
                }
                None => places.push(Place::NewAfter(cursor)),
            }
        }

        // Apply: fill existing rows, then rebuild the order with new rows.
        let mut new_after: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
        for (paragraph, place) in places.iter().enumerate() {
            match place {
                Place::Row(row) => {
                    let data = &mut rows[*row];
                    data.cells.push((article, paragraph));
                    data.unmatched_only &= signatures[paragraph].is_empty();
                }
                Place::NewAfter(position) => new_after.entry(*position).or_default().push(paragraph),
            }
        }
        let mut row_of_paragraph: Vec<usize> = places
            .iter()
            .map(|place| match place {
                Place::Row(row) => *row,
                Place::NewAfter(_) => usize::MAX,
            })
            .collect();
        let mut new_order: Vec<usize> = Vec::with_capacity(order.len() + signatures.len());
        let mut add_rows = |paragraphs: Vec<usize>, rows: &mut Vec<RowData>, new_order: &mut Vec<usize>| {
            for paragraph in paragraphs {
                let moved = keys[paragraph].map(|matched| (article, matched)).into_iter().collect();
                row_of_paragraph[paragraph] = rows.len();
                new_order.push(rows.len());
                rows.push(RowData {
                    cells: vec![(article, paragraph)],
                    moved,
                    unmatched_only: signatures[paragraph].is_empty(),
                });
            }
        };
        add_rows(new_after.remove(&None).unwrap_or_default(), &mut rows, &mut new_order);
        for (position, row) in order.iter().enumerate() {
            new_order.push(*row);
            add_rows(new_after.remove(&Some(position)).unwrap_or_default(), &mut rows, &mut new_order);
        }
        order = new_order;
        for (paragraph, groups) in signatures.iter().enumerate() {
            for group in groups {
                row_of_group.entry(*group).or_insert(row_of_paragraph[paragraph]);
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

fn has_article(row: &RowData, article: usize) -> bool {
    row.cells.iter().any(|(a, _)| *a == article)
}

/// Each paragraph's key: the row it shares most groups with (ties: the
/// earlier row), or `None` when it shares no group with any row yet.
fn paragraph_keys(
    signatures: &[Vec<usize>],
    row_of_group: &HashMap<usize, usize>,
    position_of: &HashMap<usize, usize>,
) -> Vec<Option<usize>> {
    signatures
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
        .collect()
}

/// The paragraphs that stay in their key's row: the longest run of keys in
/// the rows' display order (Patience diff). Only keyed items take part, so
/// the diff costs the article's size, not the row count.
fn anchor_rows(keys: &[Option<usize>], order: &[usize], position_of: &HashMap<usize, usize>) -> Vec<Option<usize>> {
    let keyed: Vec<usize> = (0..keys.len()).filter(|p| keys[*p].is_some()).collect();
    let new: Vec<usize> = keyed.iter().filter_map(|p| keys[*p].map(|row| position_of[&row])).collect();
    let mut old: Vec<usize> = new.clone();
    old.sort_unstable();
    old.dedup();
    let mut anchors: Vec<Option<usize>> = vec![None; keys.len()];
    for op in similar::capture_diff_slices(similar::Algorithm::Patience, &old, &new) {
        if let similar::DiffOp::Equal { old_index, new_index, len } = op {
            for k in 0..len {
                anchors[keyed[new_index + k]] = Some(order[old[old_index + k]]);
            }
        }
    }
    anchors
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
    fn unrelated_material_shares_rows_between_anchors() {
        // Front matter (no groups) of both articles packs into shared rows
        // before the first shared paragraph.
        let rows = align(&[&[None, None, Some(0)], &[None, Some(0), None]]);
        assert_eq!(rows, [vec![Some(0), Some(0)], vec![Some(1), None], vec![Some(2), Some(1)], vec![None, Some(2)]]);
    }

    #[test]
    fn long_articles_with_few_shared_paragraphs_align_in_linear_time() {
        // 100,000 paragraphs sharing nothing, then one shared with a short
        // article: looking ahead for the next anchor from every paragraph
        // took minutes here; one pass takes milliseconds.
        let mut long = vec![None; 100_000];
        long.push(Some(0));
        let short = [None, None, Some(0), None];
        let clock = std::time::Instant::now();
        let rows = align(&[&long, &short]);
        assert!(clock.elapsed() < std::time::Duration::from_secs(10), "took {:?}", clock.elapsed());
        let shared = rows.iter().position(|r| r[0] == Some(100_000)).expect("the shared paragraph");
        assert_eq!(rows[shared][1], Some(2), "shares its row");
        // The short article's front matter sits beside the long one's.
        assert_eq!((rows[0][1], rows[1][1]), (Some(0), Some(1)));
        let long_article_rows = rows.iter().filter(|r| r[0].is_some()).count();
        assert_eq!(long_article_rows, 100_001, "every paragraph once");
        // Swapped, the long article is the one merged into the rows.
        let rows = align(&[&short, &long]);
        assert_eq!(rows.iter().filter(|r| r[1].is_some()).count(), 100_001);
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
