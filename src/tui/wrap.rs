//! Word wrapping by display width, and a cache of wrapped paragraphs.
//!
//! Widths are measured exactly as ratatui measures them when it writes to
//! the screen (grapheme clusters, `CellWidth`, control characters dropped),
//! so wide CJK characters, emoji and combining marks never push a line past
//! its pane. A wrapped line is a byte range of the article's text: the
//! styling is applied when the line is drawn, from the same spans the
//! engine produced.

use crate::model::Span;
use ratatui::buffer::CellWidth;
use std::collections::HashMap;
use std::rc::Rc;
use unicode_segmentation::UnicodeSegmentation;

/// The columns a grapheme takes on screen (0 for control characters, which
/// ratatui does not draw).
#[must_use]
pub fn grapheme_width(grapheme: &str) -> usize {
    if grapheme.contains(char::is_control) { 0 } else { usize::from(grapheme.cell_width()) }
}

/// The columns a string takes on screen.
#[must_use]
pub fn text_width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

/// Cuts a string to at most `width` columns, adding `…` when cut.
#[must_use]
pub fn truncate(text: &str, width: usize) -> String {
    if text_width(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme_width(grapheme);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push_str(grapheme);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Cuts a string to at most `width` columns from the left, starting with
/// `…` when cut (for paths, whose end says the most).
#[must_use]
pub fn truncate_start(text: &str, width: usize) -> String {
    if text_width(text) <= width {
        return text.to_owned();
    }
    let mut kept = Vec::new();
    let mut used = 0;
    for grapheme in text.graphemes(true).rev() {
        let w = grapheme_width(grapheme);
        if used + w + 1 > width {
            break;
        }
        used += w;
        kept.push(grapheme);
    }
    let mut out = String::from(if width > 0 { "…" } else { "" });
    out.extend(kept.into_iter().rev());
    out
}

/// Spaces a line may break at. No-break spaces join words, so they are
/// not among them.
fn is_break_space(grapheme: &str) -> bool {
    grapheme.chars().all(|c| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
}

/// Wraps `text[span]` to `width` columns, breaking at spaces (and inside
/// words longer than a line). Line breaks in the text are kept. `markers`
/// are sorted byte offsets where the view inserts a one-column marker.
/// Returns at least one line; lines carry no leading or trailing spaces.
#[must_use]
pub fn wrap(text: &str, span: Span, width: u16, markers: &[usize]) -> Vec<Span> {
    let width = usize::from(width.max(1));
    let Some(body) = text.get(span.range()) else {
        return vec![Span::new(span.start, span.start)];
    };
    let mut lines = Vec::new();
    let mut line = LineState::default();
    let mut next_marker = markers.partition_point(|m| *m < span.start);
    for (offset, grapheme) in body.grapheme_indices(true) {
        let at = span.start + offset;
        let mut extra = 0;
        while let Some(marker) = markers.get(next_marker).filter(|m| **m <= at) {
            extra += usize::from(*marker == at);
            next_marker += 1;
        }
        if grapheme.contains('\n') {
            lines.push(line.finish(at));
            line = LineState::default();
            continue;
        }
        if is_break_space(grapheme) {
            line.space(at, grapheme_width(grapheme));
            continue;
        }
        line.word_part(at, at + grapheme.len(), grapheme_width(grapheme) + extra, width, &mut lines);
    }
    if line.start.is_some() || lines.is_empty() {
        lines.push(line.finish(span.end));
    }
    lines
}

/// Where a line may be broken: after `line_end`, continuing at `next_start`.
#[derive(Debug, Clone, Copy)]
struct Break {
    line_end: usize,
    next_start: usize,
    column: usize,
}

#[derive(Debug, Default)]
struct LineState {
    /// First byte of the line, once it has content.
    start: Option<usize>,
    /// One past the last non-space byte.
    end: usize,
    /// Columns used, spaces included.
    column: usize,
    /// A run of spaces just seen (its column width is in `column`).
    in_space: bool,
    last_break: Option<Break>,
}

impl LineState {
    fn finish(&self, fallback: usize) -> Span {
        match self.start {
            Some(start) => Span::new(start, self.end.max(start)),
            None => Span::new(fallback, fallback),
        }
    }

    fn space(&mut self, _at: usize, width: usize) {
        // Spaces at the start of a line are dropped.
        if self.start.is_some() {
            self.in_space = true;
            self.column += width;
        }
    }

    fn word_part(&mut self, at: usize, end: usize, width: usize, limit: usize, lines: &mut Vec<Span>) {
        if self.in_space {
            self.last_break = Some(Break { line_end: self.end, next_start: at, column: self.column });
            self.in_space = false;
        }
        let start = *self.start.get_or_insert(at);
        if self.column + width > limit && self.column > 0 {
            if let Some(point) = self.last_break.take() {
                lines.push(Span::new(start, point.line_end));
                self.start = Some(point.next_start);
                self.column -= point.column;
            }
            // A word longer than a whole line is cut where the line ends.
            if self.column + width > limit && self.column > 0 {
                lines.push(Span::new(self.start.unwrap_or(at), self.end));
                self.start = Some(at);
                self.column = 0;
            }
        }
        self.column += width;
        self.end = end;
    }
}

/// Wrapped paragraphs by (article, paragraph, width). Only what has been
/// on screen is ever wrapped; widths no pane uses any more are dropped.
#[derive(Debug, Default)]
pub struct WrapCache {
    entries: HashMap<(usize, usize, u16), Rc<[Span]>>,
}

impl WrapCache {
    /// The cached lines, or wraps with `wrap_lines` and caches.
    pub fn get_or_insert_with(
        &mut self,
        article: usize,
        paragraph: usize,
        width: u16,
        wrap_lines: impl FnOnce() -> Vec<Span>,
    ) -> Rc<[Span]> {
        self.entries.entry((article, paragraph, width)).or_insert_with(|| Rc::from(wrap_lines())).clone()
    }

    /// Forgets every width but these.
    pub fn retain_widths(&mut self, widths: &[u16]) {
        self.entries.retain(|(_, _, width), _| widths.contains(width));
    }

    /// How many paragraphs are cached.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is cached.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: u16) -> Vec<&str> {
        wrap(text, Span::new(0, text.len()), width, &[]).iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn wraps_at_spaces_without_leading_or_trailing_spaces() {
        assert_eq!(lines("the quick brown fox jumps", 10), ["the quick", "brown fox", "jumps"]);
        assert_eq!(lines("  spaced   out  ", 20), ["spaced   out"]);
        assert_eq!(lines("exactly ten", 11), ["exactly ten"]);
    }

    #[test]
    fn long_words_are_cut_and_line_breaks_kept() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(lines("one\ntwo three", 20), ["one", "two three"]);
        assert_eq!(lines("", 5), [""]);
    }

    #[test]
    fn wide_and_combining_characters_count_their_columns() {
        // 東京 is 4 columns; e + combining acute is 1; the emoji is 2.
        assert_eq!(lines("東京 東京 東京", 9), ["東京 東京", "東京"]);
        assert_eq!(lines("東京都庁舎", 4), ["東京", "都庁", "舎"]);
        assert_eq!(lines("cafe\u{301} cafe\u{301}", 10), ["cafe\u{301} cafe\u{301}"]);
        assert_eq!(lines("ok 🌊🌊🌊", 6), ["ok", "🌊🌊🌊"]);
        assert_eq!(lines("🌊🌊🌊🌊", 5), ["🌊🌊", "🌊🌊"]);
        for width in 1..12 {
            for line in lines("混合 text 東京 🌊 cafe\u{301} words", width) {
                assert!(text_width(line) <= usize::from(width).max(2), "{line:?} at {width}");
            }
        }
    }

    #[test]
    fn markers_take_a_column() {
        let text = "about 4,500 people";
        let at = text.find("4,500").expect("offset");
        let wrapped: Vec<&str> =
            wrap(text, Span::new(0, text.len()), 11, &[at]).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(wrapped, ["about", "4,500", "people"], "'about ≈4,500' needs 12 columns");
    }

    #[test]
    fn wraps_a_span_inside_a_larger_text() {
        let text = "first paragraph\n\nsecond one here";
        let start = text.find("second").expect("offset");
        let spans = wrap(text, Span::new(start, text.len()), 10, &[]);
        assert_eq!(spans, [Span::new(start, start + 10), Span::new(start + 11, text.len())]);
    }

    #[test]
    fn truncates_by_columns() {
        assert_eq!(truncate("Continental Press", 8), "Contine…");
        assert_eq!(truncate("東京東京", 5), "東京…");
        assert_eq!(truncate("short", 8), "short");
        assert_eq!(truncate_start("samples/01-cpa.txt", 11), "…01-cpa.txt");
        assert_eq!(truncate_start("東京東京", 5), "…東京");
    }
}
