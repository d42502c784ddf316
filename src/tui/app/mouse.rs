//! The mouse: the wheel scrolls what is under it, a click focuses a pane
//! or selects a discrepancy in the list.

use super::{App, Overlay};
use crate::tui::action::Action;
use crate::tui::layout::list_offset;
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

/// Lines one wheel notch scrolls.
const WHEEL_LINES: usize = 3;

impl App {
    pub(super) fn handle_mouse(&mut self, mouse: MouseEvent) {
        if !self.mouse || self.prompt.is_some() || self.reader().is_none() {
            return;
        }
        let down = match mouse.kind {
            MouseEventKind::ScrollDown => Some(true),
            MouseEventKind::ScrollUp => Some(false),
            _ => None,
        };
        let at = Position { x: mouse.column, y: mouse.row };
        if let Some(overlay) = self.overlay() {
            if let (Some(down), Overlay::Detail | Overlay::Help) = (down, overlay) {
                let action = if down { Action::ScrollDown } else { Action::ScrollUp };
                for _ in 0..WHEEL_LINES {
                    self.apply(action);
                }
            }
            return;
        }
        let screen = self.screen();
        if let Some(list) = screen.list.filter(|l| l.contains(at)) {
            match (down, mouse.kind) {
                (Some(down), _) => self.apply(if down { Action::NextDiscrepancy } else { Action::PreviousDiscrepancy }),
                (None, MouseEventKind::Down(MouseButton::Left)) => {
                    // The list's first line inside its border is item `offset`.
                    let items = self.filtered();
                    let height = usize::from(list.height.saturating_sub(2));
                    let place = self.selected.and_then(|s| items.iter().position(|i| *i == s));
                    let offset = list_offset(items.len(), place, height);
                    let line = usize::from(mouse.row.saturating_sub(list.y + 1));
                    if mouse.row > list.y
                        && let Some(index) = items.get(offset + line)
                    {
                        self.message = None;
                        self.select_discrepancy(*index);
                    }
                }
                _ => {}
            }
            return;
        }
        let Some(article) = screen.pane_at(mouse.column, mouse.row).map(|p| p.article) else { return };
        match (down, mouse.kind) {
            (Some(down), _) => self.scroll_pane(article, WHEEL_LINES, down),
            (None, MouseEventKind::Down(MouseButton::Left)) => self.focus = article,
            _ => {}
        }
    }
}
