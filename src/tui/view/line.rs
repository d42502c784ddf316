//! One wrapped line of an article, styled: sentence role, marks, markers,
//! and what the user is looking at (the selected discrepancy, search
//! matches) on top.

use crate::highlight::{MarkKind, SentenceRole};
use crate::model::Span;
use crate::tui::app::Layers;
use crate::tui::styled::StyledArticle;
use crate::tui::theme::{Element, Theme, marker};
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};

/// Spans highlighted on top of the article's own styling; each list is
/// sorted and free of overlaps.
#[derive(Debug, Clone, Copy, Default)]
pub struct Overlays<'a> {
    /// Mentions of the selected discrepancy.
    pub selected: &'a [Span],
    /// Search matches.
    pub matches: &'a [Span],
    /// The current search match.
    pub current: Option<Span>,
    /// Highlight layers turned off.
    pub hidden: Layers,
}

impl Overlays<'_> {
    /// Whether a line holds a selected mention.
    #[must_use]
    pub fn selects(&self, line: Span) -> bool {
        any_overlap(self.selected, line)
    }

    /// Whether a line holds the current search match.
    #[must_use]
    pub fn holds_current(&self, line: Span) -> bool {
        self.current.is_some_and(|c| c.overlaps(line) || (c.start == line.start && !line.is_empty()))
    }
}

fn any_overlap(spans: &[Span], line: Span) -> bool {
    let index = spans.partition_point(|s| s.end <= line.start);
    spans.get(index).is_some_and(|s| s.start < line.end)
}

fn covers(spans: &[Span], byte: usize) -> bool {
    let index = spans.partition_point(|s| s.end <= byte);
    spans.get(index).is_some_and(|s| s.start <= byte)
}

/// Builds the styled line for `text[line]`.
#[must_use]
pub fn styled_line<'a>(
    text: &'a str,
    line: Span,
    styled: &StyledArticle,
    theme: &Theme,
    overlays: &Overlays<'_>,
) -> Line<'a> {
    let mut cuts = vec![line.start, line.end];
    cuts.extend(styled.runs_in(line).map(|r| r.start));
    let clip = |span: &Span| [span.start.clamp(line.start, line.end), span.end.clamp(line.start, line.end)];
    for list in [overlays.selected, overlays.matches] {
        let first = list.partition_point(|s| s.end <= line.start);
        for span in list[first..].iter().take_while(|s| s.start < line.end) {
            cuts.extend(clip(span));
        }
    }
    if let Some(current) = overlays.current {
        cuts.extend(clip(&current));
    }
    let markers = if theme.markers { styled.markers_in(line) } else { &[] };
    cuts.extend(markers.iter().map(|(offset, _)| *offset));
    cuts.sort_unstable();
    cuts.dedup();

    let mut runs = styled.runs_in(line).peekable();
    let mut spans = Vec::with_capacity(cuts.len());
    for window in cuts.windows(2) {
        let (start, end) = (window[0], window[1]);
        if start >= end {
            continue;
        }
        while runs.peek().is_some_and(|r| r.end <= start) {
            runs.next();
        }
        let run = runs.peek().copied();
        let mut style = Style::new();
        if let Some(role) = run.and_then(|r| r.role) {
            let hidden = match role {
                SentenceRole::SharedAll | SentenceRole::SharedSome => overlays.hidden.shared,
                SentenceRole::Unique => overlays.hidden.unique,
                SentenceRole::Plain | SentenceRole::Boilerplate => false,
            };
            if !hidden {
                style = style.patch(theme.role(role));
            }
        }
        let mark = run.and_then(|r| r.mark).filter(|kind| !(overlays.hidden.changed && *kind == MarkKind::Changed));
        if let Some(kind) = mark {
            style = style.patch(theme.mark(kind));
        }
        if covers(overlays.matches, start) {
            style = style.patch(theme.style(Element::SearchMatch));
        }
        if overlays.current.is_some_and(|c| c.start <= start && start < c.end) {
            style = style.patch(theme.style(Element::SearchCurrent));
        }
        if covers(overlays.selected, start) {
            style = style.patch(theme.style(Element::Selected));
        }
        if let Some(symbol) = markers.iter().find(|(offset, _)| *offset == start).and_then(|(_, kind)| marker(*kind)) {
            spans.push(TextSpan::styled(symbol.to_string(), style));
        }
        if let Some(piece) = text.get(start..end) {
            spans.push(TextSpan::styled(piece, style));
        }
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::styled::Run;
    use ratatui::style::Modifier;

    fn article(text: &str, mark: Span) -> StyledArticle {
        let runs = vec![
            Run { start: 0, end: mark.start, role: None, mark: None },
            Run { start: mark.start, end: mark.end, role: None, mark: Some(MarkKind::NumberConflicting) },
            Run { start: mark.end, end: text.len(), role: None, mark: None },
        ];
        StyledArticle {
            runs,
            markers: vec![(mark.start, MarkKind::NumberConflicting)],
            marker_offsets: vec![mark.start],
        }
    }

    #[test]
    fn marks_markers_and_selection_are_drawn() {
        let text = "Three people died";
        let styled = article(text, Span::new(0, 5));
        let theme = Theme::monochrome();
        let selected = [Span::new(0, 5)];
        let overlays = Overlays { selected: &selected, ..Overlays::default() };
        let line = styled_line(text, Span::new(0, text.len()), &styled, &theme, &overlays);
        let shown: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(shown, "≠Three people died");
        assert!(line.spans[1].style.add_modifier.contains(Modifier::REVERSED), "selected");
        assert!(line.spans[1].style.add_modifier.contains(Modifier::UNDERLINED), "still marked");
        assert!(!line.spans[2].style.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn search_matches_split_runs() {
        let text = "Three people died";
        let styled = article(text, Span::new(0, 5));
        let theme = Theme::default();
        let matches = [Span::new(6, 12)];
        let overlays = Overlays { matches: &matches, current: Some(Span::new(6, 12)), ..Overlays::default() };
        let line = styled_line(text, Span::new(0, text.len()), &styled, &theme, &overlays);
        let pieces: Vec<&str> = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(pieces, ["Three", " ", "people", " died"]);
        assert_eq!(line.spans[2].style.bg, theme.style(Element::SearchCurrent).bg);
        assert!(overlays.holds_current(Span::new(0, 8)));
        assert!(!overlays.holds_current(Span::new(13, 17)));
    }
}
