//! The discrepancy list panel: one line per discrepancy the filter shows,
//! in the chosen order, each leading with what differs (the figures, the
//! spellings, the dates, the first words of a detail) and then what it is
//! about and who says it; the selected one reversed, the position and the
//! order in the title.

use super::kind_symbol;
use crate::model::DiscrepancyKind;
use crate::normalize::clean_line;
use crate::report::order::{self, ListOrder};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Mode;
use crate::tui::layout::list_offset;
use crate::tui::reader::Reader;
use crate::tui::theme::Element;
use crate::tui::wrap::{text_width, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// The stale verdicts and corrections, wrapped, in place of the list.
fn stale(app: &App, inner: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let lines = app.stale_lines();
    let width = usize::from(inner.width).saturating_sub(2).max(1);
    if lines.is_empty() {
        let note = "No stale review item: every verdict and correction found its finding.";
        buf.set_string(inner.x + 1, inner.y, truncate(note, width), theme.style(Element::Muted));
        return;
    }
    let mut y = inner.y;
    for line in &lines {
        let clean = clean_line(line);
        let words: Vec<&str> = clean.split(' ').collect();
        let mut row = String::new();
        let mut rows = Vec::new();
        for word in words {
            if !row.is_empty() && row.chars().count() + 1 + word.chars().count() > width {
                rows.push(std::mem::take(&mut row));
            }
            if !row.is_empty() {
                row.push(' ');
            }
            row.push_str(word);
        }
        rows.push(row);
        for (at, text) in rows.iter().enumerate() {
            if y >= inner.y + inner.height {
                return;
            }
            let style = if at == 0 { theme.style(Element::Accent) } else { theme.style(Element::Muted) };
            buf.set_string(inner.x + 1, y, truncate(text, width), style);
            y += 1;
        }
    }
}

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
    let key = |action| app.keymap.hint(action, Mode::Reading).map(|k| k.to_string()).unwrap_or_default();
    let other = app.order.toggled();
    let order_hint = format!("{} {}", key(Action::ToggleOrder), other.label());
    let filter = if total == all {
        format!(" {order_hint} · {} filter ", key(Action::Filter))
    } else {
        format!(" filtered: {total} of {all} · {order_hint} ")
    };
    let order_name = match app.order {
        ListOrder::Checker => " important first ",
        ListOrder::Reading => " reading order ",
    };
    // A narrow panel keeps the title whole with a shorter name of the order.
    let title_width = " Discrepancies ".len() + position.len() + order_name.chars().count() + 2;
    let order_name = match app.order {
        _ if title_width <= usize::from(area.width) => order_name,
        ListOrder::Checker => " ranked ",
        ListOrder::Reading => " in order ",
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.style(Element::Border))
        .title(Line::from(vec![
            Span::styled(" Discrepancies ", theme.style(Element::Title)),
            Span::styled(position, theme.style(Element::Accent)),
            Span::styled(order_name, theme.style(Element::Muted)),
        ]))
        .title_bottom(Line::from(Span::styled(filter, theme.style(Element::Muted))));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    if app.review_filter() == crate::tui::app::ReviewFilter::Stale {
        stale(app, inner, buf);
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
    let comparison = reader.comparison();
    for (at, index) in items.iter().enumerate().skip(offset).take(height) {
        let line = at - offset;
        let Some(discrepancy) = comparison.discrepancies.get(*index) else { continue };
        let (symbol, symbol_style) = kind_symbol(theme, discrepancy);
        // A review mark takes the space after the number (`  12✓`).
        let number = match app.review_mark(*index) {
            Some(mark) => format!("{:>3}{mark} ", at + 1),
            None => format!("{:>3}  ", at + 1),
        };
        let lead = clean_line(&order::lead(comparison, discrepancy));
        let about = match discrepancy.kind {
            DiscrepancyKind::Unique => order::outlets(comparison, &discrepancy.articles()),
            _ => clean_line(&discrepancy.label),
        };
        let about = if lead.to_lowercase().contains(&about.to_lowercase()) { String::new() } else { about };
        let room = width.saturating_sub(text_width(&number) + 2);
        // The lead gets the room first; what it is about follows when it fits.
        let lead = truncate(&lead, room);
        let rest = room.saturating_sub(text_width(&lead));
        let about = if about.is_empty() || rest < 6 { String::new() } else { truncate(&format!(" · {about}"), rest) };
        let mut spans = vec![
            Span::styled(number, theme.style(Element::Muted)),
            Span::styled(symbol, symbol_style),
            Span::raw(" "),
            Span::styled(lead, theme.style(Element::Title)),
            Span::styled(about, theme.style(Element::Muted)),
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
