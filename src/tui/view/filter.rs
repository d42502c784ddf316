//! The filter popup: the kinds of discrepancy listed, and the highlight
//! layers drawn.

use crate::tui::app::{App, Layer};
use crate::tui::layout::centered;
use crate::tui::reader::Reader;
use crate::tui::theme::Element;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

/// Draws the filter over `body`.
pub fn render(app: &App, reader: &Reader, body: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let popup = centered(body, 42, 13);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.style(Element::BorderFocused))
        .title(Line::from(Span::styled(" Show ", theme.style(Element::Title))))
        .title_bottom(Line::from(Span::styled(" Space toggles · a all · Esc ", theme.style(Element::Muted))));
    let inner = block.inner(popup);
    Clear.render(popup, buf);
    block.render(popup, buf);
    let mut lines: Vec<(Option<usize>, String)> = vec![(None, " Discrepancies listed".to_owned())];
    for (index, (kind, count)) in reader.comparison().counts_by_kind().iter().enumerate() {
        let label = kind.info().filter;
        let mark = if app.kind_shown(*kind) { 'x' } else { ' ' };
        lines.push((Some(index), format!(" [{mark}] {}  {label:<24}{count:>5} ", index + 1)));
    }
    lines.push((None, " Highlights drawn".to_owned()));
    let kinds = crate::model::DiscrepancyKind::ALL.len();
    for (offset, layer) in Layer::ALL.iter().enumerate() {
        let index = kinds + offset;
        let mark = if app.hidden.hides(*layer) { ' ' } else { 'x' };
        lines.push((Some(index), format!(" [{mark}] {}  {} ", index + 1, layer.label())));
    }
    for (row, (index, text)) in lines.into_iter().enumerate() {
        let Ok(row) = u16::try_from(row) else { break };
        if row >= inner.height {
            break;
        }
        let style = match index {
            Some(index) if index == app.filter_cursor => theme.style(Element::Selected),
            Some(_) => theme.style(Element::Title),
            None => theme.style(Element::Muted),
        };
        buf.set_line(inner.x, inner.y + row, &Line::from(Span::styled(text, style)), inner.width);
    }
}
