//! The article panes: border with outlet, title and source; a gutter with
//! markers (selected mention, current match, moved paragraph) and role
//! bars; the text, aligned by row, drawn only for the rows on screen.

use super::line::{Overlays, styled_line};
use crate::highlight::SentenceRole;
use crate::model::Span;
use crate::normalize::clean_line;
use crate::tui::app::App;
use crate::tui::layout::{PaneArea, Screen};
use crate::tui::reader::Reader;
use crate::tui::styled::StyledArticle;
use crate::tui::theme::{Element, Theme};
use crate::tui::wrap::{truncate, truncate_start};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

/// Draws every visible pane.
pub fn render(app: &App, reader: &Reader, screen: &Screen, buf: &mut Buffer) {
    let widths: Vec<u16> = screen.panes.iter().map(|p| p.column().width).collect();
    reader.retain_widths(&widths);
    for pane in &screen.panes {
        render_pane(app, reader, screen, pane, buf);
    }
}

fn render_pane(app: &App, reader: &Reader, screen: &Screen, pane: &PaneArea, buf: &mut Buffer) {
    let theme = &app.theme;
    let comparison = reader.comparison();
    let Some(article) = comparison.articles.get(pane.article) else { return };
    let focused = app.focus == pane.article;
    let top = app.pane_top(reader, screen, pane);
    let (flow, column) = app.flow(screen, pane);

    let percent = format!(" {}% ", reader.progress(pane.article, reader.pos_at(&flow, column, top).row));
    let number = format!(" {} ", pane.article + 1);
    // Corners, the number, the spaces around the heading: outlet and title
    // get the whole top border; the source and the percentage sit below.
    let room = usize::from(pane.outer.width).saturating_sub(2 + number.len() + 2);
    let heading = heading(&clean_line(&article.outlet), &clean_line(&article.title), room);
    let (border, title) = if focused {
        (theme.style(Element::BorderFocused), theme.style(Element::TitleFocused))
    } else {
        (theme.style(Element::Border), theme.style(Element::Title))
    };
    let bottom_room = usize::from(pane.outer.width).saturating_sub(4 + percent.len() + 1);
    let source = truncate_start(&clean_line(&article.source), bottom_room.saturating_sub(2));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(if focused { BorderType::Thick } else { BorderType::Rounded })
        .border_style(border)
        .title(Line::from(vec![TextSpan::styled(number, title), TextSpan::styled(format!(" {heading} "), title)]))
        .title_bottom(Line::from(TextSpan::styled(format!(" {source} "), theme.style(Element::Muted))))
        .title_bottom(Line::from(TextSpan::styled(percent, theme.style(Element::Muted))).right_aligned());
    block.render(pane.outer, buf);

    let styled = reader.styled(pane.article);
    let selected: Vec<Span> = app
        .selected
        .and_then(|index| comparison.discrepancies.get(index))
        .map(|d| {
            let mut spans: Vec<Span> =
                d.mentions.iter().filter(|m| m.at.article == pane.article).map(|m| m.span).collect();
            spans.sort_unstable();
            spans
        })
        .unwrap_or_default();
    let matches = app.search.spans_in(pane.article);
    let current = app.search.current_match().filter(|m| m.article == pane.article).map(|m| m.span);
    let overlays = Overlays { selected: &selected, matches: &matches, current, hidden: app.hidden };
    let by_reviewer = reviewer_grouped(app, comparison, pane.article);

    let width = pane.column().width;
    let height = usize::from(pane.text.height);
    let shown = reader.placed(&flow, column, top, top + height);
    if shown.is_empty() && height > 0 {
        // The pane waits for a statement another pane reaches first: say so
        // rather than look empty.
        let note = match reader.next_placed(&flow, column, top) {
            Some(next) => format!("⋯ this article goes on {} lines down", next.y - top),
            None => "⋯ end of this article".to_owned(),
        };
        let note = truncate(&note, usize::from(pane.text.width));
        buf.set_string(pane.text.x, pane.text.y, note, theme.style(Element::Muted));
    }
    for placed in shown {
        let moved = reader.moved(placed.row, pane.article).is_some();
        let lines = reader.lines(pane.article, placed.paragraph, width);
        for (index, line) in lines.iter().enumerate() {
            let y = placed.y + index;
            if y < top || y >= top + height {
                continue;
            }
            let screen_y = pane.text.y + u16::try_from(y - top).unwrap_or(0);
            let gutter = Rect { y: screen_y, height: 1, ..pane.gutter };
            let marks = Marks { first_of_moved: moved && index == 0, by_reviewer: by_reviewer.as_slice() };
            draw_gutter(theme, &styled, &overlays, *line, &marks, gutter, buf);
            let styled_text = styled_line(&article.text, *line, &styled, theme, &overlays);
            buf.set_line(pane.text.x, screen_y, &styled_text, pane.text.width);
        }
    }
}

/// "Outlet · Title" in `room` columns: the outlet whole when it leaves the
/// title a few words, else both shortened, the outlet to at most half.
fn heading(outlet: &str, title: &str, room: usize) -> String {
    let full = format!("{outlet} · {title}");
    if crate::tui::wrap::text_width(&full) <= room || title.is_empty() {
        return truncate(&full, room);
    }
    // The outlet whole when it leaves the title a dozen columns, else up to
    // three fifths of the room; the title cut at a word when it can be.
    let outlet_width = crate::tui::wrap::text_width(outlet);
    let outlet =
        if outlet_width + 3 + 12 <= room { outlet.to_owned() } else { truncate(outlet, (room * 3 / 5).max(8)) };
    let rest = room.saturating_sub(crate::tui::wrap::text_width(&outlet) + 3);
    if rest < 4 {
        return truncate(&outlet, room);
    }
    let cut = truncate(title, rest);
    let at_word =
        cut.trim_end_matches('…').rfind(' ').filter(|at| *at * 2 >= rest).map(|at| format!("{}…", &cut[..at]));
    format!("{outlet} · {}", at_word.unwrap_or(cut))
}

/// The spans of this article's sentences in a shared statement the
/// reviewer's corrections formed or changed: their gutter says so (`*`, as
/// the list marks what a correction shaped), so the reviewer's grouping is
/// never taken for the engine's.
fn reviewer_grouped(app: &App, comparison: &crate::model::Comparison, article: usize) -> Vec<Span> {
    let Some(reviewed) = app.reviewed() else { return Vec::new() };
    let mut spans: Vec<Span> = comparison
        .groups
        .iter()
        .enumerate()
        .filter(|(g, _)| reviewed.group_corrections.get(*g).is_some_and(|c| !c.is_empty()))
        .flat_map(|(_, group)| group.members.iter().filter(|m| m.article == article))
        .filter_map(|m| comparison.articles.get(article)?.sentences.get(m.sentence).map(|s| s.span))
        .collect();
    spans.sort_unstable();
    spans
}

/// What the gutter marks besides the overlays.
struct Marks<'a> {
    /// The line opens a paragraph placed out of its article's order.
    first_of_moved: bool,
    /// Sentence spans in statements the reviewer grouped.
    by_reviewer: &'a [Span],
}

fn draw_gutter(
    theme: &Theme,
    styled: &StyledArticle,
    overlays: &Overlays<'_>,
    line: Span,
    marks: &Marks<'_>,
    gutter: Rect,
    buf: &mut Buffer,
) {
    if gutter.width == 0 {
        return;
    }
    let (symbol, style) = if overlays.selects(line) {
        ("▶", theme.style(Element::Selected))
    } else if overlays.holds_current(line) {
        ("»", theme.style(Element::SearchCurrent))
    } else if marks.first_of_moved {
        ("↕", theme.style(Element::Accent))
    } else if marks.by_reviewer.iter().any(|s| s.start < line.end && line.start < s.end) {
        ("*", theme.style(Element::Accent))
    } else {
        (" ", Style::new())
    };
    buf.set_string(gutter.x, gutter.y, symbol, style);
    if gutter.width > 1 {
        // A line holding a dateline and a shared sentence shows the sentence's bar.
        let mut roles = styled.runs_in(line).filter_map(|run| run.role);
        let first = roles.next();
        let telling = |role: &SentenceRole| !matches!(role, SentenceRole::Plain | SentenceRole::Boilerplate);
        let role = first.filter(telling).or_else(|| roles.find(telling)).or(first);
        let (bar, bar_style) = theme.role_bar(role);
        buf.set_string(gutter.x + 1, gutter.y, bar, bar_style);
    }
}
