//! Moving around: scrolling, focus, the pane window, and jumping to a
//! discrepancy's mentions.

use super::{App, CONTEXT_LINES};
use crate::tui::layout::{PaneArea, Screen};
use crate::tui::reader::{Column, Pos, Reader};

impl App {
    /// The panes laid out together with a pane: all visible panes when
    /// they sit side by side in sync (so rows line up), else the pane alone.
    pub(crate) fn flow(&self, screen: &Screen, pane: &PaneArea) -> Vec<Column> {
        if self.sync && !screen.stacked {
            screen.panes.iter().map(PaneArea::column).collect()
        } else {
            vec![pane.column()]
        }
    }

    /// The top of a pane as it is drawn: normalised and clamped.
    pub(crate) fn pane_top(&self, reader: &Reader, screen: &Screen, pane: &PaneArea) -> Pos {
        let flow = self.flow(screen, pane);
        let position = self.positions.get(pane.article).copied().unwrap_or_default();
        reader.clamp(&flow, position, usize::from(pane.text.height))
    }

    pub(super) fn scroll_lines(&mut self, lines: usize, down: bool) {
        self.move_focused(
            |reader, flow, top, _| {
                if down { reader.advance(flow, top, lines) } else { reader.retreat(flow, top, lines) }
            },
        );
    }

    pub(super) fn scroll_to_end(&mut self, bottom: bool) {
        self.move_focused(
            |reader, flow, _, height| if bottom { reader.last_top(flow, height) } else { reader.first(flow) },
        );
    }

    /// Scrolls the pane of `article` (focusing it) by whole lines.
    pub(crate) fn scroll_pane(&mut self, article: usize, lines: usize, down: bool) {
        if article < self.articles {
            self.focus = article;
            self.scroll_lines(lines, down);
        }
    }

    fn move_focused(&mut self, step: impl Fn(&Reader, &[Column], Pos, usize) -> Pos) {
        let screen = self.screen();
        let Some(reader) = self.reader() else { return };
        let Some(pane) = screen.pane_of(self.focus) else { return };
        let flow = self.flow(&screen, pane);
        let height = usize::from(pane.text.height);
        let top = self.pane_top(reader, &screen, pane);
        let moved = reader.clamp(&flow, step(reader, &flow, top, height), height);
        if let Some(position) = self.positions.get_mut(self.focus) {
            *position = moved;
        }
        self.follow_focus(&screen);
    }

    /// With sync on, brings every other pane to the focused pane's row.
    pub(super) fn follow_focus(&mut self, screen: &Screen) {
        if !self.sync {
            return;
        }
        let Some(anchor) = self.positions.get(self.focus).copied() else { return };
        // Side by side the panes share one flow, so the line carries over too.
        let line = if screen.stacked { 0 } else { anchor.line };
        for (article, position) in self.positions.iter_mut().enumerate() {
            if article != self.focus {
                *position = Pos { row: anchor.row, line };
            }
        }
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
        let count = screen.pane_count();
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
        let row_of = |article: usize, byte: usize| {
            reader.paragraph_at(article, byte).and_then(|p| reader.row_of_paragraph(article, p)).unwrap_or(0)
        };
        let anchor = first_mention(self.focus).or(mentions.first()).map_or(0, |m| row_of(m.at.article, m.span.start));
        let mut positions = self.positions.clone();
        for (article, position) in positions.iter_mut().enumerate() {
            *position = match (screen.pane_of(article), first_mention(article)) {
                (Some(pane), Some(mention)) => {
                    let flow = self.flow(&screen, pane);
                    let line = reader.locate(&flow, pane.column(), mention.span.start);
                    let top = reader.retreat(&flow, line, CONTEXT_LINES);
                    reader.clamp(&flow, top, usize::from(pane.text.height))
                }
                (Some(pane), None) => {
                    let flow = self.flow(&screen, pane);
                    reader.clamp(&flow, Pos { row: anchor, line: 0 }, usize::from(pane.text.height))
                }
                (None, Some(mention)) => Pos { row: row_of(article, mention.span.start), line: 0 },
                (None, None) => Pos { row: anchor, line: 0 },
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
        let flow = self.flow(&screen, pane);
        let line = reader.locate(&flow, pane.column(), byte);
        let top = reader.clamp(&flow, reader.retreat(&flow, line, CONTEXT_LINES), usize::from(pane.text.height));
        if let Some(position) = self.positions.get_mut(article) {
            *position = top;
        }
        self.follow_focus(&screen);
    }
}
