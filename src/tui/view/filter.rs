//! The kind filter popup.

use crate::tui::app::App;
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
    let popup = centered(body, 36, 8);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.style(Element::BorderFocused))
        .title(Line::from(Span::styled(" Show kinds ", theme.style(Element::Title))))
        .title_bottom(Line::from(Span::styled(" Space toggles · a all · Esc ", theme.style(Element::Muted))));
    let inner = block.inner(popup);
    Clear.render(popup, buf);
    block.render(popup, buf);
    let counts = reader.comparison().counts_by_kind();
    for (index, (kind, count)) in counts.iter().enumerate() {
        let Ok(row) = u16::try_from(index) else { break };
        if row >= inner.height {
            break;
        }
        let shown = app.kind_shown(*kind);
        let label = kind.info().filter;
        let text = format!(" [{}] {}  {label:<15}{count:>5} ", if shown { 'x' } else { ' ' }, index + 1);
        let style =
            if index == app.filter_cursor { theme.style(Element::Selected) } else { theme.style(Element::Title) };
        buf.set_line(inner.x, inner.y + row, &Line::from(Span::styled(text, style)), inner.width);
    }
}
