//! Placing paragraphs on screen lines, row by row, only as far as needed.
//!
//! Rows are taken in alignment order. A row's paragraphs go to the lowest
//! line that is free in every pane sharing the row, so shared statements
//! start side by side; each pane then continues below its paragraph (plus
//! one blank line). Panes that do not share the row are not held back.

use super::{Column, Pos, Reader};

/// A paragraph placed in a pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// Its first screen line, from the top of the flow.
    pub y: usize,
    /// Lines it takes, the blank line after it included.
    pub height: usize,
    /// Its aligned row.
    pub row: usize,
    /// The paragraph (index into the article's paragraphs).
    pub paragraph: usize,
}

/// The placement of one flow, as far as it has got.
#[derive(Debug)]
pub struct Placement {
    columns: Vec<Column>,
    /// The first row not placed yet.
    next_row: usize,
    /// Per pane: the first free line.
    free: Vec<usize>,
    /// Per pane: its paragraphs, by row and by line (both ascending).
    placed: Vec<Vec<Placed>>,
    finished: bool,
}

impl Placement {
    pub fn new(flow: &[Column]) -> Self {
        Self {
            columns: flow.to_vec(),
            next_row: 0,
            free: vec![0; flow.len()],
            placed: vec![Vec::new(); flow.len()],
            finished: flow.is_empty(),
        }
    }

    /// Places the next row any pane has a paragraph in; false at the end.
    fn step(&mut self, reader: &Reader) -> bool {
        if self.finished {
            return false;
        }
        let Some(row) = reader.next_row(&self.columns, self.next_row) else {
            self.finished = true;
            return false;
        };
        let sharing: Vec<(usize, usize)> = self
            .columns
            .iter()
            .enumerate()
            .filter_map(|(index, column)| reader.cell(row, column.article).map(|paragraph| (index, paragraph)))
            .collect();
        let y = sharing.iter().map(|(index, _)| self.free[*index]).max().unwrap_or(0);
        for (index, paragraph) in sharing {
            let column = self.columns[index];
            let height = reader.lines(column.article, paragraph, column.width).len() + 1;
            self.placed[index].push(Placed { y, height, row, paragraph });
            self.free[index] = y + height;
        }
        self.next_row = row + 1;
        true
    }

    /// Places rows until `deadline`; true while rows are left to place.
    pub fn advance(&mut self, reader: &Reader, deadline: std::time::Instant) -> bool {
        while !self.finished && std::time::Instant::now() < deadline {
            if !self.step(reader) {
                break;
            }
        }
        !self.finished
    }

    /// Whether a pane has rows left to place.
    fn has_more(&self, reader: &Reader, column: usize) -> bool {
        let rows = reader.rows_of(self.columns[column].article);
        rows.last().is_some_and(|last| *last >= self.next_row)
    }

    /// Places rows until every pane is placed down to line `y` (or has
    /// nothing more to place).
    pub fn fill(&mut self, reader: &Reader, y: usize) {
        while (0..self.columns.len()).any(|c| self.free[c] < y && self.has_more(reader, c)) {
            if !self.step(reader) {
                break;
            }
        }
        if (0..self.columns.len()).all(|c| !self.has_more(reader, c)) {
            self.finished = true;
        }
    }

    /// Places rows until pane `column` has placed its paragraph at or after `row`.
    fn reach(&mut self, reader: &Reader, column: usize, row: usize) {
        while self.placed[column].last().is_none_or(|p| p.row < row) && self.has_more(reader, column) {
            if !self.step(reader) {
                break;
            }
        }
    }

    /// The last line of the flow plus one, once everything is placed.
    pub fn end(&self) -> Option<usize> {
        self.finished.then(|| self.free.iter().copied().max().unwrap_or(0))
    }

    /// The screen line of a position.
    pub fn y_of(&mut self, reader: &Reader, column: usize, pos: Pos) -> usize {
        if column >= self.columns.len() {
            return 0;
        }
        self.reach(reader, column, pos.row);
        let placed = &self.placed[column];
        let anchor = placed.get(placed.partition_point(|p| p.row < pos.row)).or(placed.last());
        anchor.map_or(0, |p| p.y.saturating_add_signed(pos.offset))
    }

    /// The position whose screen line is `y`: anchored to the pane's last
    /// paragraph starting at or above `y` (or its first, from above).
    pub fn pos_at(&mut self, reader: &Reader, column: usize, y: usize) -> Pos {
        if column >= self.columns.len() {
            return Pos::default();
        }
        self.fill(reader, y.saturating_add(1));
        let placed = &self.placed[column];
        let index = placed.partition_point(|p| p.y <= y);
        let offset = |p: &Placed| isize::try_from(y).unwrap_or(isize::MAX) - isize::try_from(p.y).unwrap_or(0);
        match index.checked_sub(1).and_then(|i| placed.get(i)).or(placed.first()) {
            Some(anchor) => Pos { row: anchor.row, offset: offset(anchor) },
            None => Pos { row: 0, offset: isize::try_from(y).unwrap_or(0) },
        }
    }

    /// A pane's first paragraph starting at or below line `y`.
    pub fn next_from(&mut self, reader: &Reader, column: usize, y: usize) -> Option<Placed> {
        if column >= self.columns.len() {
            return None;
        }
        while self.placed[column].last().is_none_or(|p| p.y < y) && self.has_more(reader, column) {
            if !self.step(reader) {
                break;
            }
        }
        self.placed[column].iter().find(|p| p.y >= y).copied()
    }

    /// A pane's paragraphs that show between lines `from` and `to`.
    pub fn between(&mut self, reader: &Reader, column: usize, from: usize, to: usize) -> Vec<Placed> {
        if column >= self.columns.len() {
            return Vec::new();
        }
        self.fill(reader, to);
        let placed = &self.placed[column];
        let first = placed.partition_point(|p| p.y + p.height <= from);
        placed[first..].iter().take_while(|p| p.y < to).copied().collect()
    }
}
