//! The help overlay, generated from the active keymap: every key listed
//! is a key that works, including the user's own bindings.

use super::legend;
use crate::tui::app::App;
use crate::tui::layout::centered;
use crate::tui::theme::Element;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

const WIDTH: u16 = 74;

/// The help text.
#[must_use]
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let heading = |text: &str| Line::from(Span::styled(text.to_owned(), theme.style(Element::Accent)));
    let entry = |keys: &str, description: &str| {
        Line::from(vec![
            Span::styled(format!("  {keys:<22}"), theme.style(Element::Title)),
            Span::raw(description.to_owned()),
        ])
    };
    let mut out = Vec::new();
    for (context, entries) in app.keymap.help_sections() {
        out.push(heading(context.title()));
        for (keys, description) in entries {
            out.push(entry(&keys, description));
        }
        out.push(Line::default());
    }
    out.push(heading("Typing"));
    out.push(entry("Backspace Del ← →", "edit; Home/End jump; Ctrl-u clears; Ctrl-w deletes a word"));
    out.push(Line::default());
    out.push(heading("Mouse (when captured)"));
    out.push(entry("wheel", "scroll the pane under the pointer, or the list"));
    out.push(entry("click", "focus a pane; pick a discrepancy in the list"));
    out.push(Line::default());
    out.push(heading("Legend"));
    for (sample, meaning) in legend::entries(theme) {
        let mut spans = vec![Span::raw("  ")];
        spans.extend(sample);
        spans.push(Span::raw(format!("  {meaning}")));
        out.push(Line::from(spans));
    }
    out
}

fn area(screen: Rect, line_count: usize) -> Rect {
    let height = u16::try_from(line_count + 2).unwrap_or(u16::MAX);
    centered(screen, WIDTH, height.min(screen.height.saturating_sub(2)).max(3))
}

/// How far the help can scroll at a terminal size.
#[must_use]
pub fn max_scroll(app: &App, size: Rect) -> usize {
    let body = app.screen_in(size).body;
    let count = lines(app).len();
    let visible = usize::from(area(body, count).height.saturating_sub(2));
    count.saturating_sub(visible)
}

/// Draws the help over `body`.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let content = lines(app);
    let popup = area(body, content.len());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.style(Element::BorderFocused))
        .title(Line::from(Span::styled(" Keys ", theme.style(Element::Title))))
        .title_bottom(Line::from(Span::styled(" j/k scroll · Esc or ? closes ", theme.style(Element::Muted))));
    let inner = block.inner(popup);
    Clear.render(popup, buf);
    block.render(popup, buf);
    let scroll = app.help_scroll.min(content.len().saturating_sub(usize::from(inner.height)));
    for (row, line) in content.iter().skip(scroll).take(usize::from(inner.height)).enumerate() {
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        buf.set_line(inner.x + 1, y, line, inner.width.saturating_sub(1));
    }
}
