//! Whole-screen notices: the progress gauge while the engine runs, the
//! engine's failure, and "terminal too small".

use crate::Stage;
use crate::tui::app::{App, Loading};
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH, centered};
use crate::tui::theme::Element;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Gauge, Paragraph, Widget, Wrap};

/// "Terminal too small", with the size and what is needed. Fits any size.
pub fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let lines = vec![
        Line::from(Span::styled("Terminal too small", theme.style(Element::Accent))),
        Line::from(format!("{}×{} (need {MIN_WIDTH}×{MIN_HEIGHT})", area.width, area.height)),
        Line::from(Span::styled("q quits", theme.style(Element::Muted))),
    ];
    let height = u16::try_from(lines.len()).unwrap_or(0).min(area.height);
    let box_area = Rect { y: area.y + (area.height - height) / 2, height, ..area };
    Paragraph::new(lines).centered().wrap(Wrap { trim: true }).render(box_area, buf);
}

/// The progress gauge.
pub fn loading(app: &App, loading: &Loading, body: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let popup = centered(body, 60, 5);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.style(Element::BorderFocused))
        .title(Line::from(Span::styled(" parallax ", theme.style(Element::Title))));
    let inner = block.inner(popup);
    block.render(popup, buf);
    if inner.height < 3 {
        return;
    }
    let (done, label) = stage(loading.stage);
    let elapsed = loading.started.elapsed().as_secs_f64();
    let heading = format!("Comparing {} articles · {elapsed:.1} s", loading.articles);
    buf.set_line(inner.x + 1, inner.y, &Line::from(heading), inner.width.saturating_sub(2));
    let gauge_area = Rect { x: inner.x + 1, y: inner.y + 1, width: inner.width.saturating_sub(2), height: 1 };
    Gauge::default()
        .ratio(done)
        .label(label)
        .gauge_style(theme.style(Element::Accent))
        .use_unicode(true)
        .render(gauge_area, buf);
    let hint = "The reader opens when the comparison is done · q quits";
    buf.set_line(
        inner.x + 1,
        inner.y + 2,
        &Line::from(Span::styled(hint, theme.style(Element::Muted))),
        inner.width.saturating_sub(2),
    );
}

/// The share of the work done when a stage starts, and its name.
fn stage(stage: Option<Stage>) -> (f64, &'static str) {
    let stage = stage.unwrap_or(Stage::Ingest);
    (stage.share_done(), stage.describe())
}

/// The engine failed.
pub fn failed(app: &App, message: &str, body: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let popup = centered(body, 70, 6);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.style(Element::Error))
        .title(Line::from(Span::styled(" The comparison failed ", theme.style(Element::Error))));
    let text = vec![Line::from(message.to_owned()), Line::default(), Line::from("q quits")];
    Paragraph::new(text).wrap(Wrap { trim: true }).block(block).render(popup, buf);
}
