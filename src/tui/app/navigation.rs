//! Moving around: scrolling, focus, the pane window, and jumping to a
//! discrepancy's mentions.

use super::{App, CONTEXT_LINES};
use crate::tui::layout::{PaneArea, Screen};
use crate::tui::reader::{Column, Pos, Reader};

impl App {
    /// The panes laid out together with a pane, and its index among them:
    /// all visible panes when they sit side by side in sync (so shared
    /// statements line up), else the pane alone.
    pub(crate) fn flow(&self, screen: &Screen, pane: &PaneArea) -> (Vec<Column>, usize) {
        if self.sync && !screen.stacked {
            let index = screen.panes.iter().position(|p| p.article == pane.article).unwrap_or(0);
            (screen.panes.iter().map(PaneArea::column).collect(), index)
        } else {
            (vec![pane.column()], 0)
        }
    }

    /// Uses idle time to lay out the visible flows further, until
    /// `deadline`: the first jump to the end of a 50,000-word article would
    /// otherwise place every row on the spot (about 25 ms). True while work
    /// is left.
    pub fn prepare(&self, deadline: std::time::Instant) -> bool {
        let Some(reader) = self.reader() else { return false };
        let screen = self.screen();
        let mut more = false;
        let mut done: Vec<Vec<Column>> = Vec::new();
        for pane in &screen.panes {
            let (flow, _) = self.flow(&screen, pane);
            if !done.contains(&flow) {
                more |= reader.place_ahead(&flow, deadline);
                done.push(flow);
            }
        }
        more
    }

    /// The top line of a pane as it is drawn (clamped).
    pub(crate) fn pane_top(&self, reader: &Reader, screen: &Screen, pane: &PaneArea) -> usize {
        let (flow, column) = self.flow(screen, pane);
        let position = self.positions.get(pane.article).copied().unwrap_or_default();
        reader.clamp(&flow, reader.top(&flow, column, position), usize::from(pane.text.height))
    }

    pub(super) fn scroll_lines(&mut self, lines: usize, down: bool) {
        self.move_focused(|_, _, top, _| if down { top.saturating_add(lines) } else { top.saturating_sub(lines) });
    }

    pub(super) fn scroll_to_end(&mut self, bottom: bool) {
        self.move_focused(|reader, flow, _, height| if bottom { reader.last_top(flow, height) } else { 0 });
    }

    /// Scrolls the pane of `article` (focusing it) by whole lines.
    pub(crate) fn scroll_pane(&mut self, article: usize, lines: usize, down: bool) {
        if article < self.articles {
            self.focus = article;
            self.scroll_lines(lines, down);
        }
    }

    fn move_focused(&mut self, step: impl Fn(&Reader, &[Column], usize, usize) -> usize) {
        let screen = self.screen();
        let Some(reader) = self.reader() else { return };
        let Some(pane) = screen.pane_of(self.focus) else { return };
        let (flow, column) = self.flow(&screen, pane);
        let height = usize::from(pane.text.height);
        let top = self.pane_top(reader, &screen, pane);
        let moved = reader.clamp(&flow, step(reader, &flow, top, height), height);
        let position = reader.pos_at(&flow, column, moved);
        if let Some(slot) = self.positions.get_mut(self.focus) {
            *slot = position;
        }
        self.follow_focus(&screen);
    }

    /// With sync on, brings every other pane to the focused pane's place:
    /// side by side, to the same line; stacked, to the same aligned row.
    pub(super) fn follow_focus(&mut self, screen: &Screen) {
        if !self.sync {
            return;
        }
        let Some(anchor) = self.positions.get(self.focus).copied() else { return };
        let Some(reader) = self.reader() else { return };
        let joint = screen.pane_of(self.focus).filter(|_| !screen.stacked).map(|pane| {
            let (flow, column) = self.flow(screen, pane);
            let y = reader.clamp(&flow, reader.top(&flow, column, anchor), usize::from(pane.text.height));
            (flow, y)
        });
        let mut positions = self.positions.clone();
        for (article, position) in positions.iter_mut().enumerate() {
            if article == self.focus {
                continue;
            }
            *position = match (&joint, screen.panes.iter().position(|p| p.article == article)) {
                (Some((flow, y)), Some(column)) => reader.pos_at(flow, column, *y),
                _ => Pos { row: anchor.row, offset: 0 },
            };
        }
        self.positions = positions;
    }

    pub(super) fn focus_step(&mut self, forward: bool) {
        if self.articles == 0 {
            return;
        }
        self.focus =
            if forward { (self.focus + 1) % self.articles } else { (self.focus + self.articles - 1) % self.articles };
        self.reveal(self.focus);
    }

    pub(super) fn shift_panes(&mut self, right: bool) {
        let screen = self.screen();
        // A terminal too small for any pane still has a window of one.
        let count = screen.pane_count().max(1);
        let last_start = self.articles.saturating_sub(count);
        let first = screen.first_pane;
        let shifted = if right { (first + 1).min(last_start) } else { first.saturating_sub(1) };
        if shifted == first {
            self.info(if right { "already at the last article" } else { "already at the first article" });
        }
        self.first_pane = shifted;
        self.keep_focus_visible();
    }

    /// Shifts the pane window as little as possible to show an article.
    pub(crate) fn reveal(&mut self, article: usize) {
        let screen = self.screen();
        let count = screen.pane_count().max(1);
        let first = screen.first_pane;
        if article < first {
            self.first_pane = article;
        } else if article >= first + count {
            self.first_pane = article + 1 - count;
        } else {
            self.first_pane = first;
        }
    }

    /// Moves focus into the pane window when the window moved away from it.
    pub(super) fn keep_focus_visible(&mut self) {
        let screen = self.screen();
        if screen.panes.is_empty() {
            return;
        }
        self.first_pane = screen.first_pane;
        let first = screen.first_pane;
        let last = first + screen.pane_count() - 1;
        self.focus = self.focus.clamp(first, last);
    }

    pub(super) fn step_discrepancy(&mut self, forward: bool) {
        let list = self.filtered();
        if list.is_empty() {
            let total = self.reader().map_or(0, |r| r.comparison().discrepancies.len());
            if total == 0 {
                self.info("no discrepancies: the articles agree on every figure, name and date");
            } else {
                self.info("no discrepancy of the kinds shown (f changes the filter)");
            }
            return;
        }
        let current = self.selected.and_then(|s| list.iter().position(|i| *i == s));
        let next = match (current, forward) {
            (Some(p), true) if p + 1 < list.len() => p + 1,
            (Some(_), true) => {
                self.info("wrapped to the first discrepancy");
                0
            }
            (Some(0), false) => {
                self.info("wrapped to the last discrepancy");
                list.len() - 1
            }
            (Some(p), false) => p - 1,
            (None, true) => 0,
            (None, false) => list.len() - 1,
        };
        self.select_discrepancy(list[next]);
    }

    /// Selects a discrepancy and brings every pane to its mentions.
    pub(crate) fn select_discrepancy(&mut self, index: usize) {
        let Some(discrepancy) = self.reader().and_then(|r| r.comparison().discrepancies.get(index)) else { return };
        let mentioned = discrepancy.articles();
        self.selected = Some(index);
        self.detail_scroll = 0;

        // The window that shows the most mentioned articles, staying put on a tie.
        let screen = self.screen();
        let count = screen.pane_count().max(1);
        let visible_in = |start: usize| mentioned.iter().filter(|a| (start..start + count).contains(a)).count();
        let mut best = screen.first_pane;
        for start in 0..=self.articles.saturating_sub(count) {
            if visible_in(start) > visible_in(best) {
                best = start;
            }
        }
        self.first_pane = best;
        let screen = self.screen();
        if (!mentioned.contains(&self.focus) || screen.pane_of(self.focus).is_none())
            && let Some(first) = mentioned.iter().find(|a| screen.pane_of(**a).is_some())
        {
            self.focus = *first;
        }
        self.keep_focus_visible();
        let screen = self.screen();

        let Some(reader) = self.reader() else { return };
        let mentions = &reader.comparison().discrepancies[index].mentions;
        let first_mention = |article: usize| mentions.iter().find(|m| m.at.article == article);
        // Where a pane shows its own mention, a little above it.
        let target = |pane: &PaneArea, byte: usize| {
            let (flow, column) = self.flow(&screen, pane);
            let height = usize::from(pane.text.height);
            let line = reader.top(&flow, column, reader.locate(&flow, column, byte));
            let y = reader.clamp(&flow, line.saturating_sub(CONTEXT_LINES), height);
            (reader.pos_at(&flow, column, y), y)
        };
        let anchor_mention = first_mention(self.focus).or(mentions.first());
        let anchor_row = anchor_mention
            .and_then(|m| {
                reader.paragraph_at(m.at.article, m.span.start).and_then(|p| reader.row_of_paragraph(m.at.article, p))
            })
            .unwrap_or(0);
        let anchor_y = anchor_mention
            .and_then(|m| screen.pane_of(m.at.article).map(|pane| target(pane, m.span.start).1))
            .unwrap_or(0);
        let mut positions = self.positions.clone();
        for (article, position) in positions.iter_mut().enumerate() {
            *position = match (screen.pane_of(article), first_mention(article)) {
                (Some(pane), Some(mention)) => target(pane, mention.span.start).0,
                (Some(pane), None) if self.sync && !screen.stacked => {
                    let (flow, column) = self.flow(&screen, pane);
                    reader.pos_at(&flow, column, anchor_y)
                }
                (None, Some(mention)) => {
                    let row = reader
                        .paragraph_at(article, mention.span.start)
                        .and_then(|p| reader.row_of_paragraph(article, p));
                    Pos { row: row.unwrap_or(anchor_row), offset: 0 }
                }
                _ => Pos { row: anchor_row, offset: 0 },
            };
        }
        self.positions = positions;
    }

    /// Focuses an article's pane and scrolls it to a byte, others following.
    pub(crate) fn show_byte(&mut self, article: usize, byte: usize) {
        self.focus = article;
        self.reveal(article);
        self.keep_focus_visible();
        let screen = self.screen();
        let Some(reader) = self.reader() else { return };
        let Some(pane) = screen.pane_of(article) else { return };
        let (flow, column) = self.flow(&screen, pane);
        let line = reader.top(&flow, column, reader.locate(&flow, column, byte));
        let y = reader.clamp(&flow, line.saturating_sub(CONTEXT_LINES), usize::from(pane.text.height));
        let position = reader.pos_at(&flow, column, y);
        if let Some(slot) = self.positions.get_mut(article) {
            *slot = position;
        }
        self.follow_focus(&screen);
    }
}
