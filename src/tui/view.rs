//! Drawing: `impl Widget for &App`. Every function here reads the state
//! and the comparison and writes cells; none changes anything (the wrap
//! cache aside, which only remembers work).

pub mod detail;
pub mod filter;
pub mod help;
pub mod legend;
pub mod line;
pub mod list;
pub mod note;
pub mod notice;
pub mod panes;
pub mod status;

use super::app::{App, Overlay, Phase};
use super::layout::ScrollLimits;
use super::theme::{Element, Theme, marker};
use crate::highlight::SentenceRole;
use crate::model::Discrepancy;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render(self, area, buf);
    }
}

/// How far the detail view and the help scroll: the [`Measure`] the reader
/// gives its state.
///
/// [`Measure`]: super::app::Measure
#[must_use]
pub fn scroll_limits(app: &App, size: Rect) -> ScrollLimits {
    ScrollLimits { detail: detail::max_scroll(app, size), help: help::max_scroll(app, size) }
}

/// Draws the whole screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let screen = app.screen_in(area);
    if screen.too_small {
        notice::too_small(app, area, buf);
        return;
    }
    match &app.phase {
        Phase::Loading(loading) => notice::loading(app, loading, screen.body, buf),
        Phase::Failed(message) => notice::failed(app, message, screen.body, buf),
        Phase::Ready(reader) => {
            panes::render(app, reader, &screen, buf);
            if let Some(list_area) = screen.list {
                list::render(app, reader, list_area, buf);
            }
            if let Some(selection) = screen.selection {
                status::render_selection(app, selection, buf);
            }
            if let Some(legend_area) = screen.legend {
                legend::render(app, legend_area, buf);
            }
            for overlay in &app.overlays {
                match overlay {
                    Overlay::Detail => detail::render(app, reader, screen.body, buf),
                    Overlay::Help => help::render(app, screen.body, buf),
                    Overlay::Filter => filter::render(app, reader, screen.body, buf),
                }
            }
            note::render(app, screen.body, buf);
        }
    }
    if matches!(app.phase, Phase::Loading(_)) && app.overlays.contains(&Overlay::Help) {
        help::render(app, screen.body, buf);
    }
    status::render(app, &screen, screen.status, buf);
}

/// Where to put the terminal cursor (only while typing).
#[must_use]
pub fn cursor(app: &App, area: Rect) -> Option<Position> {
    let screen = app.screen_in(area);
    if screen.too_small {
        return None;
    }
    status::cursor(app, &screen)
}

/// A discrepancy's kind as a short tag (`≠ number`) and its style.
#[must_use]
pub fn kind_tag(theme: &Theme, discrepancy: &Discrepancy) -> (String, Style) {
    match discrepancy.kind.mark(discrepancy.agreement) {
        Some(kind) => {
            let symbol = marker(kind).unwrap_or(' ');
            (format!("{symbol} {:<6}", discrepancy.kind.as_str()), theme.mark(kind))
        }
        None => ("+ unique".to_owned(), theme.role(SentenceRole::Unique).patch(theme.style(Element::Title))),
    }
}

/// A discrepancy's marker alone (`≠ ≈ ~ @ +`) and its style, for rows
/// that lead with the versions themselves.
#[must_use]
pub fn kind_symbol(theme: &Theme, discrepancy: &Discrepancy) -> (String, Style) {
    match discrepancy.kind.mark(discrepancy.agreement) {
        Some(kind) => (marker(kind).unwrap_or(' ').to_string(), theme.mark(kind)),
        None => ("+".to_owned(), theme.role_bar(Some(SentenceRole::Unique)).1),
    }
}
