//! The finished comparison as the panes see it: aligned rows, wrapped
//! paragraphs and scroll positions.
//!
//! Panes scroll by aligned row. Panes laid out together (a *flow*: the
//! visible panes side by side with sync on, or one pane alone) are cut into
//! [`Band`]s: a paragraph row two panes share lines up across them, and the
//! paragraphs only one pane has sit side by side between such rows. A
//! position is a band and a line inside it. Every computation here touches
//! only the bands between the top of a pane and its bottom (a band spans at
//! most [`BAND_ROWS`] rows), and each paragraph is wrapped once per width,
//! so the cost of a frame or a key press does not grow with the length of
//! the articles.

use super::styled::StyledArticle;
use super::wrap::{WrapCache, wrap};
use crate::model::{Comparison, Span};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// One pane of a flow: an article and its text width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The article.
    pub article: usize,
    /// Columns available for its text.
    pub width: u16,
}

/// A scroll position: a band (by its first row) and a line inside it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// The band's first row (an index into `Comparison::rows`).
    pub row: usize,
    /// Line inside the band.
    pub line: usize,
}

/// Rows `start..end` laid out as one block. A row two or more panes of a
/// flow share is a band of its own, so it lines up across the panes; the
/// unshared rows between two shared ones form a band in which each pane
/// stacks its own paragraphs, side by side, like the two halves of a diff
/// hunk. Bands never cross a multiple of [`BAND_ROWS`], which bounds the
/// work of finding one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    /// First row.
    pub start: usize,
    /// One past the last row.
    pub end: usize,
}

/// The most rows one band spans.
pub const BAND_ROWS: usize = 128;

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
        Self { comparison, rows_of, row_of_paragraph, markers, styled, wraps: RefCell::default() }
    }

    /// The comparison.
    #[must_use]
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    /// A shared handle on the comparison (for exports).
    #[must_use]
    pub fn comparison_arc(&self) -> Arc<Comparison> {
        Arc::clone(&self.comparison)
    }

    /// Whether marked spans get a marker column.
    #[must_use]
    pub const fn markers(&self) -> bool {
        self.markers
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

    /// The last row before `before` where a pane of the flow has a paragraph.
    #[must_use]
    pub fn previous_row(&self, flow: &[Column], before: usize) -> Option<usize> {
        flow.iter()
            .filter_map(|column| {
                let rows = self.rows_of.get(column.article)?;
                rows.partition_point(|r| *r < before).checked_sub(1).map(|i| rows[i])
            })
            .max()
    }

    /// Whether two or more panes of the flow have a paragraph in a row:
    /// such rows line up across the panes.
    fn is_shared(&self, flow: &[Column], row: usize) -> bool {
        flow.iter().filter(|c| self.cell(row, c.article).is_some()).nth(1).is_some()
    }

    /// The band holding a row: the row alone when it is shared, else the
    /// run of unshared rows around it (within one block of [`BAND_ROWS`]).
    #[must_use]
    pub fn band_of(&self, flow: &[Column], row: usize) -> Band {
        // A pane on its own has nothing to line up with: every row is a band.
        if flow.len() < 2 || self.is_shared(flow, row) {
            return Band { start: row, end: row + 1 };
        }
        let floor = row - row % BAND_ROWS;
        let ceiling = (floor + BAND_ROWS).min(self.row_count()).max(row + 1);
        let mut start = row;
        while start > floor && !self.is_shared(flow, start - 1) {
            start -= 1;
        }
        let mut end = row + 1;
        while end < ceiling && !self.is_shared(flow, end) {
            end += 1;
        }
        Band { start, end }
    }

    /// The paragraphs an article shows in a band, with their rows.
    pub fn band_cells(&self, article: usize, band: Band) -> impl Iterator<Item = (usize, usize)> + '_ {
        (band.start..band.end).filter_map(move |row| self.cell(row, article).map(|p| (row, p)))
    }

    /// Lines one column takes in a band: its paragraphs, each followed by a blank line.
    fn column_height(&self, column: Column, band: Band) -> usize {
        self.band_cells(column.article, band).map(|(_, p)| self.lines(column.article, p, column.width).len() + 1).sum()
    }

    /// Lines a band takes in a flow: its tallest column (0 when no pane of
    /// the flow has a paragraph in it).
    #[must_use]
    pub fn band_height(&self, flow: &[Column], band: Band) -> usize {
        flow.iter().map(|c| self.column_height(*c, band)).max().unwrap_or(0)
    }

    /// The band a position is in (normalise the position first).
    #[must_use]
    pub fn band_at(&self, flow: &[Column], pos: Pos) -> Band {
        self.band_of(flow, pos.row)
    }

    /// The band after a band, skipping rows the flow does not show.
    #[must_use]
    pub fn next_band(&self, flow: &[Column], band: Band) -> Option<Band> {
        self.next_row(flow, band.end).map(|row| self.band_of(flow, row))
    }

    fn previous_band(&self, flow: &[Column], band: Band) -> Option<Band> {
        self.previous_row(flow, band.start).map(|row| self.band_of(flow, row))
    }

    /// A position moved onto a band the flow shows (`row` is the band's
    /// first row), its line kept inside the band.
    #[must_use]
    pub fn normalize(&self, flow: &[Column], pos: Pos) -> Pos {
        if pos.row < self.row_count() {
            let band = self.band_of(flow, pos.row);
            let height = self.band_height(flow, band);
            if height > 0 {
                // A row inside a band (from another flow) starts at the band's top.
                let line = if band.start == pos.row { pos.line.min(height - 1) } else { 0 };
                return Pos { row: band.start, line };
            }
            if let Some(row) = self.next_row(flow, band.end) {
                return Pos { row: self.band_of(flow, row).start, line: 0 };
            }
        }
        match self.previous_row(flow, pos.row.min(self.row_count())) {
            Some(row) => {
                let band = self.band_of(flow, row);
                Pos { row: band.start, line: self.band_height(flow, band).saturating_sub(1) }
            }
            None => Pos::default(),
        }
    }

    /// The first position of a flow.
    #[must_use]
    pub fn first(&self, flow: &[Column]) -> Pos {
        self.normalize(flow, Pos::default())
    }

    /// `lines` lines further down (stops at the last line).
    #[must_use]
    pub fn advance(&self, flow: &[Column], pos: Pos, lines: usize) -> Pos {
        let mut pos = self.normalize(flow, pos);
        let mut band = self.band_of(flow, pos.row);
        let mut left = lines;
        loop {
            let height = self.band_height(flow, band);
            if height == 0 {
                return pos;
            }
            let room = height - 1 - pos.line.min(height - 1);
            if left <= room {
                pos.line += left;
                return pos;
            }
            left -= room + 1;
            match self.next_band(flow, band) {
                Some(next) => {
                    band = next;
                    pos = Pos { row: next.start, line: 0 };
                }
                None => return Pos { row: band.start, line: height - 1 },
            }
        }
    }

    /// `lines` lines further up (stops at the first line).
    #[must_use]
    pub fn retreat(&self, flow: &[Column], pos: Pos, lines: usize) -> Pos {
        let mut pos = self.normalize(flow, pos);
        let mut band = self.band_of(flow, pos.row);
        let mut left = lines;
        loop {
            if left <= pos.line {
                pos.line -= left;
                return pos;
            }
            left -= pos.line + 1;
            match self.previous_band(flow, band) {
                Some(previous) => {
                    band = previous;
                    pos = Pos { row: previous.start, line: self.band_height(flow, previous).saturating_sub(1) };
                }
                None => return Pos { row: band.start, line: 0 },
            }
        }
    }

    /// The lowest top position that still fills a pane of `height` lines.
    #[must_use]
    pub fn last_top(&self, flow: &[Column], height: usize) -> Pos {
        let Some(last) = self.previous_row(flow, usize::MAX) else { return Pos::default() };
        let band = self.band_of(flow, last);
        let end = Pos { row: band.start, line: self.band_height(flow, band).saturating_sub(1) };
        self.retreat(flow, end, height.saturating_sub(1))
    }

    /// A top position kept between the first line and [`Self::last_top`].
    #[must_use]
    pub fn clamp(&self, flow: &[Column], pos: Pos, height: usize) -> Pos {
        self.normalize(flow, pos).min(self.last_top(flow, height))
    }

    /// The position of the line that holds `byte` of `column`'s article.
    #[must_use]
    pub fn locate(&self, flow: &[Column], column: Column, byte: usize) -> Pos {
        let Some(paragraph) = self.paragraph_at(column.article, byte) else { return self.first(flow) };
        let Some(row) = self.row_of_paragraph(column.article, paragraph) else { return self.first(flow) };
        let band = self.band_of(flow, row);
        let above: usize = self
            .band_cells(column.article, band)
            .take_while(|(r, _)| *r < row)
            .map(|(_, p)| self.lines(column.article, p, column.width).len() + 1)
            .sum();
        let lines = self.lines(column.article, paragraph, column.width);
        let line = lines.partition_point(|l| l.start <= byte).saturating_sub(1);
        self.normalize(flow, Pos { row: band.start, line: above + line })
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
    fn rows_line_up_and_positions_walk_through_them() {
        let reader = reader();
        let flow = [Column { article: 0, width: 20 }, Column { article: 1, width: 20 }];
        let comparison = reader.comparison();
        let evacuated = comparison.articles[0].text.find("evacuated").expect("offset");
        let pos_a = reader.locate(&flow, flow[0], evacuated);
        let pos_b = reader.locate(&flow, flow[1], comparison.articles[1].text.find("evacuated").expect("offset"));
        assert_eq!(pos_a.row, pos_b.row, "the shared statement sits in one row");

        let mut total = 0;
        let mut row = 0;
        while row < reader.row_count() {
            let band = reader.band_of(&flow, row);
            total += reader.band_height(&flow, band);
            row = band.end;
        }
        let mut pos = reader.first(&flow);
        let mut steps = 0;
        while reader.advance(&flow, pos, 1) != pos {
            pos = reader.advance(&flow, pos, 1);
            steps += 1;
        }
        assert_eq!(steps + 1, total, "advancing one line at a time visits every line");
        assert_eq!(reader.retreat(&flow, pos, total), reader.first(&flow));
        assert_eq!(reader.advance(&flow, reader.first(&flow), steps), pos);
    }

    #[test]
    fn last_top_fills_the_pane() {
        let reader = reader();
        let flow = [Column { article: 0, width: 20 }];
        let top = reader.last_top(&flow, 5);
        let mut pos = top;
        for _ in 0..4 {
            pos = reader.advance(&flow, pos, 1);
        }
        assert_eq!(reader.advance(&flow, pos, 1), pos, "the last line is at the bottom");
        assert_eq!(reader.clamp(&flow, Pos { row: usize::MAX, line: 0 }, 5), top);
        assert_eq!(reader.last_top(&flow, 1000), reader.first(&flow), "short content stays at the top");
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
