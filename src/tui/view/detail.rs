//! The detail view of one discrepancy: every article's version side by
//! side (stacked when they do not fit), the mentions selected, the words
//! that differ from the reference wording marked, for figures the range
//! the engine read into the wording, and the sentences of other articles
//! that tell a shared statement within a longer sentence (`Group::also`).

use super::kind_tag;
use super::line::{Overlays, styled_line};
use crate::model::{Discrepancy, Evidence, Figure, Mention, Span};
use crate::normalize::clean_line;
use crate::tui::app::App;
use crate::tui::reader::Reader;
use crate::tui::theme::Element;
use crate::tui::wrap::{truncate, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};
use std::collections::BTreeMap;

/// Closest sentences less similar than this are not shown for a unique detail.
const MIN_CLOSEST_SHOWN: f32 = 0.05;

/// Versions narrower than this are stacked instead of side by side.
const MIN_COLUMN_WIDTH: u16 = 30;

/// The laid-out content.
struct Content<'a> {
    header: Vec<Line<'a>>,
    columns: Vec<Vec<Line<'a>>>,
    column_width: u16,
    side_by_side: bool,
}

impl Content<'_> {
    fn body_height(&self) -> usize {
        if self.side_by_side {
            self.columns.iter().map(Vec::len).max().unwrap_or(0)
        } else {
            self.columns.iter().map(|c| c.len() + 1).sum()
        }
    }

    fn height(&self) -> usize {
        self.header.len() + self.body_height()
    }
}

fn frame(app: &App, discrepancy: &Discrepancy, index: usize) -> Block<'static> {
    let theme = &app.theme;
    let (place, total) = app.position_in_list();
    let position = place.map_or_else(|| format!("#{}", index + 1), |p| format!("{p}/{total}"));
    let status = discrepancy.agreement.map(|a| format!(" · {}", a.as_str())).unwrap_or_default();
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.style(Element::BorderFocused))
        .title(Line::from(vec![
            TextSpan::styled(" Discrepancy ", theme.style(Element::Title)),
            TextSpan::styled(format!("{position} "), theme.style(Element::Accent)),
            TextSpan::styled(format!("· {}{status} ", discrepancy.kind.as_str()), theme.style(Element::Title)),
        ]))
        .title_bottom(Line::from(TextSpan::styled(
            " n/N next/previous · j/k scroll · Esc back ",
            theme.style(Element::Muted),
        )))
}

/// Draws the detail view over `area`.
pub fn render(app: &App, reader: &Reader, area: Rect, buf: &mut Buffer) {
    let Some(index) = app.selected else { return };
    let Some(discrepancy) = reader.comparison().discrepancies.get(index) else { return };
    let block = frame(app, discrepancy, index);
    let inner = block.inner(area);
    Clear.render(area, buf);
    block.render(area, buf);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let content = build(app, reader, discrepancy, inner.width);
    let scroll = app.detail_scroll.min(content.height().saturating_sub(usize::from(inner.height)));
    let separator = app.theme.style(Element::Border);
    for screen_line in 0..inner.height {
        let y = inner.y + screen_line;
        let virtual_line = scroll + usize::from(screen_line);
        if let Some(line) = content.header.get(virtual_line) {
            buf.set_line(inner.x, y, line, inner.width);
            continue;
        }
        let body_line = virtual_line - content.header.len();
        if content.side_by_side {
            for (number, column) in content.columns.iter().enumerate() {
                let offset = u16::try_from(number).unwrap_or(0) * (content.column_width + 1);
                let x = inner.x + offset;
                if number > 0 {
                    buf.set_string(x - 1, y, "│", separator);
                }
                if let Some(line) = column.get(body_line) {
                    buf.set_line(x, y, line, content.column_width);
                }
            }
        } else {
            let mut remaining = body_line;
            for column in &content.columns {
                if remaining < column.len() {
                    buf.set_line(inner.x, y, &column[remaining], inner.width);
                    break;
                }
                if remaining == column.len() {
                    break; // the blank line between versions
                }
                remaining -= column.len() + 1;
            }
        }
    }
}

/// How far the detail view can scroll at a terminal size.
#[must_use]
pub fn max_scroll(app: &App, size: Rect) -> usize {
    let Some(reader) = app.reader() else { return 0 };
    let Some(index) = app.selected else { return 0 };
    let Some(discrepancy) = reader.comparison().discrepancies.get(index) else { return 0 };
    let inner = frame(app, discrepancy, index).inner(app.screen_in(size).body);
    if inner.width < 4 {
        return 0;
    }
    build(app, reader, discrepancy, inner.width).height().saturating_sub(usize::from(inner.height))
}

fn build<'a>(app: &App, reader: &'a Reader, discrepancy: &'a Discrepancy, width: u16) -> Content<'a> {
    let theme = &app.theme;
    let comparison = reader.comparison();
    let mut header = Vec::new();
    let (tag, tag_style) = kind_tag(theme, discrepancy);
    let summary = clean_line(&discrepancy.summary);
    for (number, piece) in wrap(&summary, Span::new(0, summary.len()), width.saturating_sub(10), &[]).iter().enumerate()
    {
        let text = summary.get(piece.range()).unwrap_or_default().to_owned();
        let lead =
            if number == 0 { TextSpan::styled(format!("{tag} "), tag_style) } else { TextSpan::raw(" ".repeat(9)) };
        header.push(Line::from(vec![lead, TextSpan::styled(text, theme.style(Element::Title))]));
    }
    header.push(Line::from(TextSpan::styled(explanation(discrepancy), theme.style(Element::Muted))));
    // The reviewer's verdict, pinned value, note and corrections.
    let review = app.selected.and_then(|i| app.reviewed().map(|r| crate::report::review::lines(r, i)));
    for line in review.unwrap_or_default() {
        let text = truncate(&clean_line(&line), usize::from(width));
        header.push(Line::from(TextSpan::styled(text, theme.style(Element::Accent))));
    }
    header.push(Line::default());

    // Every article with a mention, plus the articles that carry the same
    // statement as a mentioned sentence (so a missing figure shows too).
    let mut sentences: BTreeMap<usize, Vec<(usize, bool)>> = BTreeMap::new();
    for mention in &discrepancy.mentions {
        add(&mut sentences, mention.at.article, mention.at.sentence, true);
    }
    for mention in &discrepancy.mentions {
        if let Some(group) = comparison.group_of(mention.at).and_then(|g| comparison.groups.get(g)) {
            for member in &group.members {
                add(&mut sentences, member.article, member.sentence, false);
            }
            // Sentences that tell the statement as one clause of a longer one.
            for also in &group.also {
                add(&mut sentences, also.at.article, also.at.sentence, false);
            }
        }
        // A unique detail: the closest sentence of every other article, so
        // the claim "only one article reports this" can be judged.
        if let Evidence::Detail(closest) = &mention.evidence {
            // A sentence that shares nothing says nothing about the claim.
            for other in closest.iter().filter(|c| c.similarity >= MIN_CLOSEST_SHOWN) {
                add(&mut sentences, other.at.article, other.at.sentence, false);
            }
        }
    }

    let count = u16::try_from(sentences.len()).unwrap_or(u16::MAX).max(1);
    let side_by_side = count > 1 && count * MIN_COLUMN_WIDTH + (count - 1) <= width;
    let column_width = if side_by_side { (width - (count - 1)) / count } else { width };
    let columns = sentences
        .iter()
        .map(|(article, items)| version(app, reader, discrepancy, *article, items, column_width))
        .collect();
    Content { header, columns, column_width, side_by_side }
}

fn add(sentences: &mut BTreeMap<usize, Vec<(usize, bool)>>, article: usize, sentence: usize, mention: bool) {
    let items = sentences.entry(article).or_default();
    match items.iter_mut().find(|(s, _)| *s == sentence) {
        Some(item) => item.1 |= mention,
        None => {
            items.push((sentence, mention));
            items.sort_unstable();
        }
    }
}

fn explanation(discrepancy: &Discrepancy) -> String {
    let about = clean_line(&discrepancy.label);
    let reading = discrepancy.kind.explanation(discrepancy.agreement);
    format!("about: {about} — {reading}")
}

/// One article's version: its sentences with notes under them.
fn version<'a>(
    app: &App,
    reader: &'a Reader,
    discrepancy: &Discrepancy,
    article: usize,
    items: &[(usize, bool)],
    width: u16,
) -> Vec<Line<'a>> {
    let theme = &app.theme;
    let comparison = reader.comparison();
    let Some(content) = comparison.articles.get(article) else { return Vec::new() };
    let styled = reader.styled(article);
    let mut selected: Vec<Span> =
        discrepancy.mentions.iter().filter(|m| m.at.article == article).map(|m| m.span).collect();
    selected.sort_unstable();
    let overlays = Overlays { selected: &selected, ..Overlays::default() };
    let markers = if theme.markers { &styled.marker_offsets[..] } else { &[] };

    let heading = truncate(&clean_line(&format!("{} {}", article + 1, content.outlet)), usize::from(width));
    let mut lines = vec![Line::from(TextSpan::styled(heading, theme.style(Element::Title)))];
    for (sentence, is_mention) in items {
        let Some(span) = content.sentences.get(*sentence).map(|s| s.span) else { continue };
        for line in wrap(&content.text, span, width, markers) {
            lines.push(styled_line(&content.text, line, &styled, theme, &overlays));
        }
        let at = crate::model::SentenceRef { article, sentence: *sentence };
        let mut notes: Vec<String> = discrepancy
            .mentions
            .iter()
            .filter(|m| m.at == at)
            .filter_map(|m| mention_note(content.slice(m.span), m))
            .collect();
        if let Some(group) = comparison.group_of(at).and_then(|g| comparison.groups.get(g)) {
            let reference = group.members.get(group.reference).copied();
            if reference == Some(at) {
                notes.push("reference wording".to_owned());
            } else if let Some(diff) = group.members.iter().position(|m| *m == at).and_then(|i| group.diffs.get(i))
                && !diff.changed.is_empty()
            {
                notes.push("marked: words not in the reference wording".to_owned());
            }
        }
        if !is_mention {
            match (closest_similarity(discrepancy, at), also_similarity(reader, discrepancy, at)) {
                (Some(similarity), _) => notes.push(format!("closest sentence here (similarity {similarity:.2})")),
                (None, Some(similarity)) => {
                    notes.push(format!("also told within a longer sentence (similarity {similarity:.2})"));
                }
                (None, None) => notes.push("same statement, without the mention".to_owned()),
            }
        }
        for note in notes {
            let note = clean_line(&note);
            let pieces = wrap(&note, Span::new(0, note.len()), width.saturating_sub(2), &[]);
            for (index, piece) in pieces.iter().enumerate() {
                let lead = if index == 0 { "→ " } else { "  " };
                let text = format!("{lead}{}", note.get(piece.range()).unwrap_or_default());
                lines.push(Line::from(TextSpan::styled(text, theme.style(Element::Muted))));
            }
        }
        lines.push(Line::default());
    }
    if lines.last().is_some_and(|l| l.spans.is_empty()) {
        lines.pop();
    }
    lines
}

/// How closely a clause of `at` tells the statement of a mentioned sentence's
/// group, when `at` is listed with that group as telling it within a longer
/// sentence (`Group::also`).
fn also_similarity(reader: &Reader, discrepancy: &Discrepancy, at: crate::model::SentenceRef) -> Option<f32> {
    let comparison = reader.comparison();
    discrepancy.mentions.iter().find_map(|m| {
        let group = comparison.group_of(m.at).and_then(|g| comparison.groups.get(g))?;
        group.also.iter().find(|c| c.at == at).map(|c| c.similarity)
    })
}

/// How close a unique detail's nearest sentence in another article is.
fn closest_similarity(discrepancy: &Discrepancy, at: crate::model::SentenceRef) -> Option<f32> {
    discrepancy.mentions.iter().find_map(|m| match &m.evidence {
        Evidence::Detail(closest) => closest.iter().find(|c| c.at == at).map(|c| c.similarity),
        _ => None,
    })
}

fn mention_note(text: &str, mention: &Mention) -> Option<String> {
    match &mention.evidence {
        Evidence::Figure(figure) => Some(format!("{text}: {}", figure_range(figure))),
        Evidence::Date(date) => Some(format!("{text}: {}", date.iso())),
        Evidence::Spelling | Evidence::Detail(_) => None,
    }
}

fn figure_range(figure: &Figure) -> String {
    let number = |value: f64| {
        if value.fract() == 0.0 && value.abs() < 1e15 { format!("{value:.0}") } else { format!("{value}") }
    };
    let range = if figure.high.is_infinite() {
        format!("{} or more", number(figure.low))
    } else if (figure.high - figure.low).abs() < f64::EPSILON {
        number(figure.low)
    } else {
        format!("{}–{}", number(figure.low), number(figure.high))
    };
    // The unit is the engine's matching key (often a stem), not for display.
    format!("{range} ({})", figure.qualifier.as_str().replace('_', " "))
}
