//! The legend: what each highlight means, drawn in the highlight's own style.

use crate::highlight::{MarkKind, SentenceRole};
use crate::tui::app::App;
use crate::tui::theme::{Element, Theme, marker};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Sample text in each style, with its meaning.
#[must_use]
pub fn entries(theme: &Theme) -> Vec<(Vec<Span<'static>>, &'static str)> {
    let role = |role: SentenceRole, sample: &'static str| {
        let (bar, bar_style) = theme.role_bar(Some(role));
        vec![Span::styled(bar, bar_style), Span::styled(sample, theme.role(role))]
    };
    let mark = |kind: MarkKind, sample: &'static str| {
        let mut spans = Vec::new();
        if theme.markers
            && let Some(symbol) = marker(kind)
        {
            spans.push(Span::styled(symbol.to_string(), theme.mark(kind)));
        }
        spans.push(Span::styled(sample, theme.mark(kind)));
        spans
    };
    let mut entries = vec![
        (role(SentenceRole::SharedAll, "all"), "shared by all"),
        (role(SentenceRole::SharedSome, "some"), "shared by some"),
        (role(SentenceRole::Unique, "one"), "unique detail"),
    ];
    entries.extend(crate::kinds::MARKS.iter().map(|info| (mark(info.kind, info.sample), info.legend)));
    entries.extend([
        (vec![Span::styled("boiler", theme.role(SentenceRole::Boilerplate))], "boilerplate"),
        (vec![Span::styled("↕", theme.style(Element::Accent))], "moved paragraph"),
        (vec![Span::styled("▶", theme.style(Element::Selected))], "selected"),
    ]);
    entries
}

/// Draws the legend line, as many entries as fit.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    let mut used = 1;
    for (sample, meaning) in entries(&app.theme) {
        let width: usize = sample.iter().map(Span::width).sum::<usize>() + meaning.chars().count() + 3;
        if used + width > usize::from(area.width) {
            break;
        }
        used += width;
        spans.push(Span::raw(" "));
        spans.extend(sample);
        spans.push(Span::styled(format!(" {meaning} "), app.theme.style(Element::Muted)));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}
