//! The finished comparison as the panes see it: aligned rows, wrapped
//! paragraphs and where each paragraph goes on screen.
//!
//! Panes laid out together (a *flow*: the visible panes side by side with
//! sync on, or one pane alone) are placed by [`placement`]: each pane
//! stacks its own paragraphs, and a paragraph row two or more panes share
//! starts at the same height in all of them. A row only holds back the panes
//! that share it, so no pane waits for statements it does not carry.
//!
//! Placement runs lazily, only as far down as a pane looks, and each
//! paragraph is wrapped once per width: the cost of a frame or a key press
//! does not grow with the length of the articles. A pane's scroll position
//! is a [`Pos`], anchored to one of its own paragraphs, so it survives a
//! resize, a shift of the pane window or a change of sync.

mod folded;
mod placement;

pub use placement::Placed;

use super::styled::StyledArticle;
use super::wrap::{WrapCache, wrap};
use crate::model::{Comparison, Span};
pub use folded::Folded;
use placement::Placement;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

/// One pane of a flow: an article and its text width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Column {
    /// The article.
    pub article: usize,
    /// Columns available for its text.
    pub width: u16,
}

/// The top of a pane: `offset` lines below the start of the pane's own
/// paragraph in aligned row `row` (negative: above it). Independent of how
/// the panes are laid out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// An aligned row holding one of the pane's paragraphs (or the first
    /// such row at or after it).
    pub row: usize,
    /// Lines from that paragraph's first line.
    pub offset: isize,
}

/// Placements kept at once (one per set of panes and widths seen recently).
const PLACEMENTS_KEPT: usize = 8;

/// The comparison with its row index and the caches the panes draw from.
#[derive(Debug)]
pub struct Reader {
    comparison: Arc<Comparison>,
    /// Per article: the rows holding one of its paragraphs, ascending.
    rows_of: Vec<Vec<usize>>,
    /// Per article, per paragraph: its row.
    row_of_paragraph: Vec<Vec<usize>>,
    markers: bool,
    styled: RefCell<Vec<Option<Rc<StyledArticle>>>>,
    wraps: RefCell<WrapCache>,
    placements: RefCell<HashMap<Vec<Column>, Placement>>,
    /// Every article's text folded for search, made on the first search.
    folded: std::cell::OnceCell<Vec<Folded>>,
}

impl Reader {
    /// Indexes a comparison. `markers`: whether the view puts a marker
    /// before marked spans (it takes a column, so wrapping must know).
    #[must_use]
    pub fn new(comparison: Arc<Comparison>, markers: bool) -> Self {
        let articles = comparison.articles.len();
        let mut rows_of = vec![Vec::new(); articles];
        let mut row_of_paragraph: Vec<Vec<usize>> =
            comparison.articles.iter().map(|a| vec![usize::MAX; a.paragraphs.len()]).collect();
        for (row, aligned) in comparison.rows.iter().enumerate() {
            for (article, cell) in aligned.cells.iter().enumerate() {
                if let Some(paragraph) = cell
                    && let Some(slot) = row_of_paragraph.get_mut(article).and_then(|p| p.get_mut(*paragraph))
                {
                    *slot = row;
                    rows_of[article].push(row);
                }
            }
        }
        // A paragraph the alignment left out (never expected) still gets a
        // place: the row of the paragraph before it.
        for rows in &mut row_of_paragraph {
            let mut previous = 0;
            for row in rows.iter_mut() {
                if *row == usize::MAX {
                    *row = previous;
                }
                previous = *row;
            }
        }
        let styled = RefCell::new(vec![None; articles]);
        Self {
            comparison,
            rows_of,
            row_of_paragraph,
            markers,
            styled,
            wraps: RefCell::default(),
            placements: RefCell::default(),
            folded: std::cell::OnceCell::new(),
        }
    }

    /// Article `article`'s text folded for search; every article's is made
    /// on the first call and kept.
    #[must_use]
    pub fn folded(&self, article: usize) -> &Folded {
        let all = self.folded.get_or_init(|| self.comparison.articles.iter().map(|a| Folded::new(&a.text)).collect());
        &all[article]
    }

    /// The comparison.
    #[must_use]
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    /// An article's styled runs, built the first time it is shown.
    #[must_use]
    pub fn styled(&self, article: usize) -> Rc<StyledArticle> {
        let mut styled = self.styled.borrow_mut();
        if let Some(Some(done)) = styled.get(article) {
            return Rc::clone(done);
        }
        let built = Rc::new(StyledArticle::new(&self.comparison, article));
        if let Some(slot) = styled.get_mut(article) {
            *slot = Some(Rc::clone(&built));
        }
        built
    }

    /// The paragraph an article shows in a row.
    #[must_use]
    pub fn cell(&self, row: usize, article: usize) -> Option<usize> {
        self.comparison.rows.get(row)?.cells.get(article).copied().flatten()
    }

    /// For a paragraph shown out of order: the row holding its counterparts.
    #[must_use]
    pub fn moved(&self, row: usize, article: usize) -> Option<usize> {
        self.comparison.rows.get(row)?.moved.get(article).copied().flatten()
    }

    /// The row of an article's paragraph.
    #[must_use]
    pub fn row_of_paragraph(&self, article: usize, paragraph: usize) -> Option<usize> {
        self.row_of_paragraph.get(article)?.get(paragraph).copied()
    }

    /// The paragraph holding a byte of an article.
    #[must_use]
    pub fn paragraph_at(&self, article: usize, byte: usize) -> Option<usize> {
        let paragraphs = &self.comparison.articles.get(article)?.paragraphs;
        let index = paragraphs.partition_point(|p| p.span.end <= byte);
        (index < paragraphs.len()).then_some(index).or(paragraphs.len().checked_sub(1))
    }

    /// A paragraph's wrapped lines at a width (cached).
    #[must_use]
    pub fn lines(&self, article: usize, paragraph: usize, width: u16) -> Rc<[Span]> {
        let Some(content) = self.comparison.articles.get(article) else { return Rc::from(Vec::new()) };
        let Some(span) = content.paragraphs.get(paragraph).map(|p| p.span) else { return Rc::from(Vec::new()) };
        let styled = self.markers.then(|| self.styled(article));
        self.wraps.borrow_mut().get_or_insert_with(article, paragraph, width, || {
            let markers = styled.as_ref().map_or(&[][..], |s| &s.marker_offsets[..]);
            wrap(&content.text, span, width, markers)
        })
    }

    /// Drops wrapped paragraphs of widths no longer on screen.
    pub fn retain_widths(&self, widths: &[u16]) {
        self.wraps.borrow_mut().retain_widths(widths);
    }

    /// How many paragraphs are wrapped and cached.
    #[must_use]
    pub fn cached_paragraphs(&self) -> usize {
        self.wraps.borrow().len()
    }

    /// How far into an article a pane whose top is at `row` has read, in percent.
    #[must_use]
    pub fn progress(&self, article: usize, row: usize) -> usize {
        let Some(rows) = self.rows_of.get(article) else { return 0 };
        if rows.len() < 2 {
            return 0;
        }
        (rows.partition_point(|r| *r < row) * 100 / (rows.len() - 1)).min(100)
    }

    /// Number of aligned rows.
    #[must_use]
    pub fn row_count(&self) -> usize {
        self.comparison.rows.len()
    }

    /// The first row at or after `from` where a pane of the flow has a paragraph.
    #[must_use]
    pub fn next_row(&self, flow: &[Column], from: usize) -> Option<usize> {
        flow.iter()
            .filter_map(|column| {
                let rows = self.rows_of.get(column.article)?;
                rows.get(rows.partition_point(|r| *r < from)).copied()
            })
            .min()
    }

    /// The rows an article has a paragraph in, ascending.
    #[must_use]
    pub fn rows_of(&self, article: usize) -> &[usize] {
        self.rows_of.get(article).map_or(&[], Vec::as_slice)
    }

    /// Runs `f` on the placement of a flow (created on first use).
    fn with_placement<R>(&self, flow: &[Column], f: impl FnOnce(&mut Placement, &Self) -> R) -> R {
        let mut placements = self.placements.borrow_mut();
        if !placements.contains_key(flow) {
            if placements.len() >= PLACEMENTS_KEPT {
                placements.clear();
            }
            placements.insert(flow.to_vec(), Placement::new(flow));
        }
        let placement = placements.get_mut(flow).unwrap_or_else(|| unreachable!("inserted above"));
        f(placement, self)
    }

    /// Lays out more of a flow until `deadline` (idle work, so that a later
    /// jump far down finds its rows placed); true while rows are left.
    pub fn place_ahead(&self, flow: &[Column], deadline: std::time::Instant) -> bool {
        self.with_placement(flow, |placement, reader| placement.advance(reader, deadline))
    }

    /// The screen line (from the top of the flow) of a pane's top.
    #[must_use]
    pub fn top(&self, flow: &[Column], column: usize, pos: Pos) -> usize {
        self.with_placement(flow, |placement, reader| placement.y_of(reader, column, pos))
    }

    /// The position of a pane whose top is at screen line `y`.
    #[must_use]
    pub fn pos_at(&self, flow: &[Column], column: usize, y: usize) -> Pos {
        self.with_placement(flow, |placement, reader| placement.pos_at(reader, column, y))
    }

    /// `y` kept between the first line and the lowest top that still fills
    /// a pane of `height` lines.
    #[must_use]
    pub fn clamp(&self, flow: &[Column], y: usize, height: usize) -> usize {
        self.with_placement(flow, |placement, reader| {
            placement.fill(reader, y.saturating_add(height));
            match placement.end() {
                Some(end) => y.min(end.saturating_sub(height)),
                None => y,
            }
        })
    }

    /// The lowest top that still fills a pane of `height` lines (places everything).
    #[must_use]
    pub fn last_top(&self, flow: &[Column], height: usize) -> usize {
        self.clamp(flow, usize::MAX / 2, height)
    }

    /// The paragraphs of a pane that show between screen lines `from` and `to`.
    #[must_use]
    pub fn placed(&self, flow: &[Column], column: usize, from: usize, to: usize) -> Vec<Placed> {
        self.with_placement(flow, |placement, reader| placement.between(reader, column, from, to))
    }

    /// A pane's first paragraph starting at or below screen line `y`.
    #[must_use]
    pub fn next_placed(&self, flow: &[Column], column: usize, y: usize) -> Option<Placed> {
        self.with_placement(flow, |placement, reader| placement.next_from(reader, column, y))
    }

    /// The position of the line that holds `byte` of a pane's article.
    #[must_use]
    pub fn locate(&self, flow: &[Column], column: usize, byte: usize) -> Pos {
        let Some(article) = flow.get(column).map(|c| c.article) else { return Pos::default() };
        let Some(width) = flow.get(column).map(|c| c.width) else { return Pos::default() };
        let Some(paragraph) = self.paragraph_at(article, byte) else { return Pos::default() };
        let Some(row) = self.row_of_paragraph(article, paragraph) else { return Pos::default() };
        let lines = self.lines(article, paragraph, width);
        let line = lines.partition_point(|l| l.start <= byte).saturating_sub(1);
        Pos { row, offset: isize::try_from(line).unwrap_or(0) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Settings, compare_texts};

    fn reader() -> Reader {
        let comparison = compare_texts(
            &[
                (
                    "a.txt",
                    "Dam bursts\n\nAbout 4,500 residents were evacuated on Tuesday night from the low districts.\n\nA bakery gave out free bread to everyone who came.",
                ),
                (
                    "b.txt",
                    "Flood\n\nA school opened its gym.\n\nMore than 4,000 residents were evacuated on Tuesday night from the low districts.",
                ),
            ],
            &Settings::default(),
        );
        Reader::new(Arc::new(comparison), false)
    }

    #[test]
    fn shared_statements_line_up_and_others_are_not_held_back() {
        let reader = reader();
        let flow = [Column { article: 0, width: 20 }, Column { article: 1, width: 20 }];
        let comparison = reader.comparison();
        let evacuated = |article: usize| comparison.articles[article].text.find("evacuated").expect("offset");
        let line = |column: usize| reader.top(&flow, column, reader.locate(&flow, column, evacuated(column)));
        assert_eq!(line(0), line(1), "the shared statement starts on one line in both panes");
        assert!(line(0) > 0);
        // Both titles start at the top: neither waits for the other's paragraphs.
        assert_eq!(reader.top(&flow, 0, Pos::default()), 0);
        assert_eq!(reader.top(&flow, 1, Pos::default()), 0);
        let first = reader.placed(&flow, 1, 0, 1);
        assert_eq!(first.first().map(|p| p.paragraph), Some(0));
    }

    #[test]
    fn positions_and_lines_convert_both_ways() {
        let reader = reader();
        let flow = [Column { article: 0, width: 20 }, Column { article: 1, width: 20 }];
        let end = reader.last_top(&flow, 1) + 1;
        for column in 0..2 {
            for y in 0..end {
                let pos = reader.pos_at(&flow, column, y);
                assert_eq!(reader.top(&flow, column, pos), y, "column {column}, line {y}: {pos:?}");
            }
        }
        // A position survives a change of layout: the same paragraph stays on top.
        let pos = reader.locate(&flow, 1, reader.comparison().articles[1].text.find("evacuated").expect("offset"));
        let alone = [Column { article: 1, width: 30 }];
        let y = reader.top(&alone, 0, pos);
        let shown = reader.placed(&alone, 0, y, y + 1);
        assert_eq!(shown.first().map(|p| p.row), Some(pos.row));
    }

    #[test]
    fn last_top_fills_the_pane() {
        let reader = reader();
        let flow = [Column { article: 0, width: 20 }];
        let top = reader.last_top(&flow, 5);
        let end = reader.last_top(&flow, 1) + 1;
        assert_eq!(top + 5, end, "the last line is at the bottom");
        assert_eq!(reader.clamp(&flow, usize::MAX / 4, 5), top);
        assert_eq!(reader.last_top(&flow, 1000), 0, "short content stays at the top");
    }

    #[test]
    fn wrapping_is_cached_per_width() {
        let reader = reader();
        let first = reader.lines(0, 1, 20);
        assert!(Rc::ptr_eq(&first, &reader.lines(0, 1, 20)));
        let _ = reader.lines(0, 1, 30);
        assert_eq!(reader.cached_paragraphs(), 2);
        reader.retain_widths(&[30]);
        assert_eq!(reader.cached_paragraphs(), 1);
    }
}
