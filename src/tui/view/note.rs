//! The note editor: a multi-line text box over the panes for the reviewer's
//! note on the selected discrepancy, or for the value held correct (first
//! line) and its source (the lines after).

use crate::normalize::clean_line;
use crate::tui::app::{App, NoteKind};
use crate::tui::layout::centered;
use crate::tui::theme::Element;
use crate::tui::wrap::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

/// Draws the editor over `body`, when it is open.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(editor) = app.note_editor() else { return };
    let theme = &app.theme;
    let popup = centered(body, 72, 12);
    let about = app
        .reviewed()
        .and_then(|r| r.comparison.discrepancies.get(editor.target))
        .map(|d| format!("#{} {}", editor.target + 1, clean_line(&d.label)))
        .unwrap_or_default();
    let title = match editor.kind {
        NoteKind::Note => format!(" Note on {about} "),
        NoteKind::Pin => format!(" Correct value for {about} "),
    };
    let hint = match editor.kind {
        NoteKind::Note => " Ctrl-S keeps · Esc drops ",
        NoteKind::Pin => " first line: the value · then: its source · Ctrl-S keeps · Esc drops ",
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.style(Element::BorderFocused))
        .title(Line::from(Span::styled(
            truncate(&title, usize::from(popup.width.saturating_sub(4))),
            theme.style(Element::Title),
        )))
        .title_bottom(Line::from(Span::styled(hint, theme.style(Element::Muted))));
    let inner = block.inner(popup);
    Clear.render(popup, buf);
    block.render(popup, buf);
    editor.textarea.render(inner, buf);
}
