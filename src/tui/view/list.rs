//! The discrepancy list panel: one line per discrepancy the filter shows,
//! the selected one reversed, the position in the title.

use super::kind_tag;
use crate::normalize::clean_line;
use crate::tui::app::App;
use crate::tui::layout::list_offset;
use crate::tui::reader::Reader;
use crate::tui::theme::Element;
use crate::tui::wrap::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// Draws the panel.
pub fn render(app: &App, reader: &Reader, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let items = app.filtered();
    let (place, total) = app.position_in_list();
    let position = match place {
        Some(place) => format!(" {place}/{total} "),
        None => format!(" {total} "),
    };
    let all = reader.comparison().discrepancies.len();
    let filter = if total == all { " f filters ".to_owned() } else { format!(" filtered: {total} of {all} · f ") };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.style(Element::Border))
        .title(Line::from(vec![
            Span::styled(" Discrepancies ", theme.style(Element::Title)),
            Span::styled(position, theme.style(Element::Accent)),
        ]))
        .title_bottom(Line::from(Span::styled(filter, theme.style(Element::Muted))));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    if items.is_empty() {
        let note = if all == 0 { "The articles agree: nothing to list." } else { "No discrepancy of the kinds shown." };
        buf.set_string(inner.x + 1, inner.y, truncate(note, usize::from(inner.width) - 1), theme.style(Element::Muted));
        return;
    }
    let height = usize::from(inner.height);
    let selected_place = place.map(|p| p - 1);
    let offset = list_offset(items.len(), selected_place, height);
    let width = usize::from(inner.width);
    for (line, index) in items.iter().skip(offset).take(height).enumerate() {
        let Some(discrepancy) = reader.comparison().discrepancies.get(*index) else { continue };
        let (tag, tag_style) = kind_tag(theme, discrepancy);
        // A review mark takes the space after the number (`  12✓`).
        let number = match app.review_mark(*index) {
            Some(mark) => format!("{:>3}{mark} ", index + 1),
            None => format!("{:>4} ", index + 1),
        };
        let used = number.chars().count() + tag.chars().count() + 1;
        let summary = truncate(&clean_line(&discrepancy.summary), width.saturating_sub(used));
        let mut spans = vec![
            Span::styled(number, theme.style(Element::Muted)),
            Span::styled(tag, tag_style),
            Span::raw(" "),
            Span::raw(summary),
        ];
        let y = inner.y + u16::try_from(line).unwrap_or(u16::MAX);
        if Some(*index) == app.selected {
            let selected = theme.style(Element::Selected);
            for span in &mut spans {
                span.style = span.style.patch(selected);
            }
            buf.set_style(Rect { y, height: 1, ..inner }, selected);
        }
        buf.set_line(inner.x, y, &Line::from(spans), inner.width);
    }
}
