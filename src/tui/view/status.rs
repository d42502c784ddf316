//! The bottom lines: the selected discrepancy's summary, and the status
//! line (counts, messages, position, or the prompt being typed).

use super::kind_symbol;
use crate::model::DiscrepancyKind;
use crate::normalize::clean_line;
use crate::tui::action::Action;
use crate::tui::app::{App, Phase};
use crate::tui::keymap::Mode;
use crate::tui::layout::Screen;
use crate::tui::theme::Element;
use crate::tui::wrap::{text_width, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

/// The one-line summary of the selected discrepancy.
pub fn render_selection(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let Some(reader) = app.reader() else { return };
    let Some(discrepancy) = app.selected.and_then(|i| reader.comparison().discrepancies.get(i)) else { return };
    let (place, total) = app.position_in_list();
    let (mut tag, tag_style) = kind_symbol(theme, discrepancy);
    if let crate::review::State::Judged(verdict) =
        app.selected.map_or(crate::review::State::Unreviewed, |i| app.review_state(i))
    {
        tag = format!("{tag} [{}]", verdict.label());
    }
    let position = place.map_or_else(String::new, |p| format!(" {p}/{total} "));
    let hint = app.keymap.hint(Action::OpenDetail, Mode::Reading).map(|k| format!(" {k} detail ")).unwrap_or_default();
    let used = text_width(&position) + text_width(&tag) + 2 + text_width(&hint);
    let comparison = reader.comparison();
    let lead = clean_line(&crate::report::order::lead(comparison, discrepancy));
    let about = match discrepancy.kind {
        DiscrepancyKind::Unique => crate::report::order::outlets(comparison, &discrepancy.articles()),
        _ => clean_line(&discrepancy.label),
    };
    let text = if about.is_empty() { lead } else { format!("{lead} · {about}") };
    let summary = truncate(&text, usize::from(area.width).saturating_sub(used));
    let line = Line::from(vec![
        Span::styled(position, theme.style(Element::Selected)),
        Span::raw(" "),
        Span::styled(tag, tag_style),
        Span::raw(" "),
        Span::styled(summary, theme.style(Element::Title)),
    ]);
    buf.set_line(area.x, area.y, &line, area.width);
    let hint_width = u16::try_from(text_width(&hint)).unwrap_or(0);
    if hint_width < area.width {
        buf.set_string(area.right() - hint_width, area.y, hint, theme.style(Element::Muted));
    }
}

/// The status line.
pub fn render(app: &App, screen: &Screen, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let base = theme.style(Element::Status);
    buf.set_style(area, base);
    if let Some(prompt) = &app.prompt {
        let mut spans = vec![Span::styled(prompt.kind.label(), base.patch(theme.style(Element::Accent)))];
        spans.push(Span::styled(prompt.input.clone(), base));
        if prompt.kind == crate::tui::app::PromptKind::Search && !prompt.input.is_empty() {
            let count = app.search.matches.len();
            let more = if app.search.truncated { "+" } else { "" };
            spans.push(Span::styled(format!("   {count}{more} matches"), base.patch(theme.style(Element::Muted))));
        }
        buf.set_line(area.x, area.y, &Line::from(spans), area.width);
        return;
    }

    let mut right = right_side(app, screen, false);
    // A message that does not fit takes the room of the pane window, sync,
    // mouse and help hints (the position and the review progress stay).
    if let Some(message) = &app.message
        && text_width(&message.text) + 2 + text_width(&right) > usize::from(area.width)
    {
        right = right_side(app, screen, true);
    }
    let right_width = u16::try_from(text_width(&right)).unwrap_or(u16::MAX).min(area.width);
    let left_width = usize::from(area.width - right_width);
    let left = match &app.message {
        Some(message) => {
            let style =
                if message.error { theme.style(Element::Error) } else { base.patch(theme.style(Element::Accent)) };
            Line::from(Span::styled(format!(" {}", truncate(&message.text, left_width.saturating_sub(2))), style))
        }
        None => Line::from(Span::styled(format!(" {}", truncate(&counts(app), left_width.saturating_sub(2))), base)),
    };
    buf.set_line(area.x, area.y, &left, area.width);
    if right_width > 0 {
        buf.set_string(area.right() - right_width, area.y, right, base.patch(theme.style(Element::Muted)));
    }
}

/// Articles, shared statements and discrepancies by kind.
fn counts(app: &App) -> String {
    match &app.phase {
        Phase::Loading(loading) => format!("comparing {} articles…", loading.articles),
        Phase::Failed(_) => "the comparison failed".to_owned(),
        Phase::Ready(reader) => {
            let comparison = reader.comparison();
            let mut parts =
                vec![format!("{} articles", comparison.articles.len()), format!("{} shared", comparison.groups.len())];
            for (kind, count) in comparison.counts_by_kind() {
                let name = if count == 1 { kind.info().count_one } else { kind.info().count_many };
                parts.push(format!("{count} {name}"));
            }
            if !comparison.skipped.is_empty() {
                parts.push(format!("{} skipped", comparison.skipped.len()));
            }
            parts.join(" · ")
        }
    }
}

/// Position in the list or search, the review progress, and (unless
/// `compact`) the pane window, sync, mouse and the help key.
fn right_side(app: &App, screen: &Screen, compact: bool) -> String {
    let mut parts = Vec::new();
    if app.search.active {
        let current = app.search.current.map_or(0, |c| c + 1);
        parts.push(format!("match {current}/{}", app.search.matches.len()));
    } else if app.reader().is_some() {
        let (place, total) = app.position_in_list();
        parts.push(match place {
            Some(place) => format!("{place}/{total}"),
            None if total == 1 => "1 discrepancy".to_owned(),
            None => format!("{total} discrepancies"),
        });
    }
    parts.extend(app.review_progress());
    if compact {
        return format!("{} ", parts.join(" · "));
    }
    let count = screen.pane_count();
    if app.reader().is_some() && count > 0 && count < app.articles {
        let first = screen.first_pane + 1;
        parts.push(format!("panes {first}–{} of {}", first + count - 1, app.articles));
    }
    if !app.sync {
        parts.push("sync off".to_owned());
    }
    if !app.mouse {
        parts.push("mouse off".to_owned());
    }
    if let Some(key) = app.keymap.hint(Action::Help, Mode::Reading) {
        parts.push(format!("{key} help"));
    }
    format!("{} ", parts.join(" · "))
}

/// Where the terminal cursor goes: at the end of the prompt while typing.
#[must_use]
pub fn cursor(app: &App, screen: &Screen) -> Option<Position> {
    let prompt = app.prompt.as_ref()?;
    let before = format!("{}{}", prompt.kind.label(), prompt.input.get(..prompt.cursor).unwrap_or_default());
    let x = u16::try_from(text_width(&before)).unwrap_or(u16::MAX);
    let area = screen.status;
    (area.width > 0).then(|| Position { x: area.x + x.min(area.width - 1), y: area.y })
}
