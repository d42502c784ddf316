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

/// The legend line's entries: the sample's marker or bar, then a short
/// meaning written in the highlight's own style, and a rank (lower stays
/// longer when the line is narrow).
fn compact(theme: &Theme) -> Vec<(Vec<Span<'static>>, u8)> {
    let short = [
        "in all",
        "in some",
        "only one",
        "conflicting",
        "compatible",
        "name",
        "date",
        "changed",
        "boilerplate",
        "moved",
        "selected",
    ];
    let ranks = [4, 5, 3, 0, 1, 1, 2, 6, 7, 8, 9];
    entries(theme)
        .into_iter()
        .zip(short.into_iter().zip(ranks))
        .map(|((sample, _), (text, rank))| {
            // Keep the leading marker or bar; the words take the sample's style.
            let style = sample.last().map(|s| s.style).unwrap_or_default();
            let mut spans: Vec<Span<'static>> =
                sample.iter().filter(|s| s.content.chars().count() == 1).cloned().collect();
            spans.push(Span::styled(text, style));
            (spans, rank)
        })
        .collect()
}

/// Draws the legend line: the entries that fit, most telling first kept,
/// shown in their usual order; an entry is never cut.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let entries = compact(&app.theme);
    let widths: Vec<usize> =
        entries.iter().map(|(spans, _)| spans.iter().map(Span::width).sum::<usize>() + 2).collect();
    let mut by_rank: Vec<usize> = (0..entries.len()).collect();
    by_rank.sort_by_key(|i| entries[*i].1);
    let mut keep = vec![false; entries.len()];
    let mut used = 1;
    for index in by_rank {
        // Stop at the first that does not fit: the line never shows a
        // lesser entry in place of a more telling one.
        if used + widths[index] > usize::from(area.width) {
            break;
        }
        used += widths[index];
        keep[index] = true;
    }
    let mut spans = vec![Span::raw(" ")];
    for ((sample, _), kept) in entries.into_iter().zip(keep) {
        if kept {
            spans.extend(sample);
            spans.push(Span::raw("  "));
        }
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}
