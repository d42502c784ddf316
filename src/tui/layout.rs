//! Where everything goes on screen, computed from the terminal size and
//! the view state alone, so key handling, mouse clicks and drawing agree.

use super::reader::Column;
use ratatui::layout::Rect;

/// Narrower panes are not readable: this many columns at least.
pub const MIN_PANE_WIDTH: u16 = 32;
/// Stacked panes get at least this many lines.
pub const MIN_PANE_HEIGHT: u16 = 7;
/// Below this size the reader shows "terminal too small".
pub const MIN_WIDTH: u16 = 40;
/// Below this size the reader shows "terminal too small".
pub const MIN_HEIGHT: u16 = 10;
/// Columns left of a pane's text: a marker and a role bar.
pub const GUTTER: u16 = 2;

/// How far the detail view and the help can scroll at the current size.
/// Their content is the view's, so the view measures it
/// (`view::scroll_limits`) and the state clamps to it without importing
/// the drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScrollLimits {
    /// Lines the detail view can scroll.
    pub detail: usize,
    /// Lines the help can scroll.
    pub help: usize,
}

impl ScrollLimits {
    /// No limit: before a view has been asked to measure.
    pub const NONE: Self = Self { detail: usize::MAX, help: usize::MAX };
}

/// How panes are arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    /// Side by side when two panes fit, else stacked.
    Auto,
    /// Side by side.
    SideBySide,
    /// One above another.
    Stacked,
}

/// What the layout depends on besides the size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutState {
    /// How many articles there are.
    pub articles: usize,
    /// The first article of the pane window (clamped here).
    pub first_pane: usize,
    /// The arrangement chosen.
    pub arrangement: Arrangement,
    /// The discrepancy list panel is open.
    pub show_list: bool,
    /// The legend line is on.
    pub show_legend: bool,
    /// A discrepancy is selected (its summary line shows).
    pub show_selection: bool,
}

/// One pane on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneArea {
    /// The article shown.
    pub article: usize,
    /// The pane with its border.
    pub outer: Rect,
    /// The gutter (markers and role bars).
    pub gutter: Rect,
    /// The text.
    pub text: Rect,
}

impl PaneArea {
    /// The pane as a column of a flow (article and text width).
    #[must_use]
    pub fn column(&self) -> Column {
        Column { article: self.article, width: self.text.width.max(1) }
    }
}

/// The whole screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    /// The terminal is below [`MIN_WIDTH`] × [`MIN_HEIGHT`].
    pub too_small: bool,
    /// Panes, list panel and overlays share this.
    pub body: Rect,
    /// The panes, left to right or top to bottom.
    pub panes: Vec<PaneArea>,
    /// The first article of the window.
    pub first_pane: usize,
    /// Panes are stacked.
    pub stacked: bool,
    /// The discrepancy list panel.
    pub list: Option<Rect>,
    /// The summary line of the selected discrepancy.
    pub selection: Option<Rect>,
    /// The legend line.
    pub legend: Option<Rect>,
    /// The status line.
    pub status: Rect,
}

impl Screen {
    /// How many panes are visible.
    #[must_use]
    pub fn pane_count(&self) -> usize {
        self.panes.len()
    }

    /// The pane showing an article, if visible.
    #[must_use]
    pub fn pane_of(&self, article: usize) -> Option<&PaneArea> {
        self.panes.iter().find(|p| p.article == article)
    }

    /// The pane under a screen cell.
    #[must_use]
    pub fn pane_at(&self, column: u16, row: u16) -> Option<&PaneArea> {
        self.panes.iter().find(|p| p.outer.contains(ratatui::layout::Position { x: column, y: row }))
    }
}

/// How many panes fit side by side in a width.
#[must_use]
pub fn panes_across(width: u16) -> usize {
    usize::from((width / MIN_PANE_WIDTH).max(1))
}

/// Lays out the screen.
#[must_use]
pub fn screen(area: Rect, state: &LayoutState) -> Screen {
    let too_small = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
    let mut rest = area;
    let status = take_bottom(&mut rest, 1);
    let legend = (state.show_legend && rest.height >= 16).then(|| take_bottom(&mut rest, 1));
    let selection = (state.show_selection && rest.height >= 12).then(|| take_bottom(&mut rest, 1));
    let body = rest;

    let mut panes_area = body;
    let list = state.show_list.then(|| {
        let width = (body.width / 5 * 2).clamp(30, 64);
        if body.width >= width + MIN_PANE_WIDTH {
            let list = Rect { x: body.right() - width, width, ..body };
            panes_area.width -= width;
            list
        } else {
            // Too narrow for both side by side: the list takes the lower half.
            let height = (body.height / 2).max(3).min(body.height);
            let list = Rect { y: body.bottom() - height, height, ..body };
            panes_area.height -= height;
            list
        }
    });

    let stacked = match state.arrangement {
        Arrangement::Auto => panes_area.width < 2 * MIN_PANE_WIDTH && state.articles > 1,
        Arrangement::SideBySide => false,
        Arrangement::Stacked => true,
    };
    let fit = if stacked {
        usize::from((panes_area.height / MIN_PANE_HEIGHT).max(1))
    } else {
        panes_across(panes_area.width)
    };
    let count = fit.min(state.articles);
    // Even with no room for a pane the window starts at a real article.
    let first_pane = state.first_pane.min(state.articles.saturating_sub(count.max(1)));
    let panes = if too_small || count == 0 {
        Vec::new()
    } else {
        split(panes_area, count, stacked)
            .into_iter()
            .enumerate()
            .map(|(index, outer)| pane_area(first_pane + index, outer))
            .collect()
    };
    Screen { too_small, body, panes, first_pane, stacked, list, selection, legend, status }
}

fn take_bottom(rest: &mut Rect, height: u16) -> Rect {
    let height = height.min(rest.height);
    let taken = Rect { y: rest.bottom() - height, height, ..*rest };
    rest.height -= height;
    taken
}

/// Splits an area into `count` equal parts (the last takes the remainder).
fn split(area: Rect, count: usize, stacked: bool) -> Vec<Rect> {
    let count_u16 = u16::try_from(count).unwrap_or(u16::MAX).max(1);
    let total = if stacked { area.height } else { area.width };
    let size = total / count_u16;
    (0..count_u16)
        .map(|i| {
            let offset = i * size;
            let length = if i + 1 == count_u16 { total - offset } else { size };
            if stacked {
                Rect { y: area.y + offset, height: length, ..area }
            } else {
                Rect { x: area.x + offset, width: length, ..area }
            }
        })
        .collect()
}

fn pane_area(article: usize, outer: Rect) -> PaneArea {
    let inner = Rect {
        x: outer.x.saturating_add(1),
        y: outer.y.saturating_add(1),
        width: outer.width.saturating_sub(2),
        height: outer.height.saturating_sub(2),
    };
    let gutter_width = GUTTER.min(inner.width);
    let gutter = Rect { width: gutter_width, ..inner };
    let text = Rect { x: inner.x + gutter_width, width: inner.width - gutter_width, ..inner };
    PaneArea { article, outer, gutter, text }
}

/// The first item of a list of `len` items shown in `height` lines so that
/// `selected` stays in view, near the middle when it can.
#[must_use]
pub fn list_offset(len: usize, selected: Option<usize>, height: usize) -> usize {
    let Some(selected) = selected else { return 0 };
    if len <= height {
        return 0;
    }
    selected.saturating_sub(height / 2).min(len - height)
}

/// A rectangle of at most `width` × `height` centred in `area`.
#[must_use]
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(articles: usize) -> LayoutState {
        LayoutState {
            articles,
            first_pane: 0,
            arrangement: Arrangement::Auto,
            show_list: false,
            show_legend: true,
            show_selection: false,
        }
    }

    #[test]
    fn as_many_panes_as_fit_at_a_readable_width() {
        let screen = screen(Rect::new(0, 0, 240, 60), &state(7));
        assert_eq!(screen.pane_count(), 7);
        assert!(screen.panes.iter().all(|p| p.outer.width >= MIN_PANE_WIDTH));
        assert!(!screen.stacked);
        let screen = super::screen(Rect::new(0, 0, 100, 30), &state(7));
        assert_eq!(screen.pane_count(), 3);
        assert_eq!(screen.panes.iter().map(|p| p.outer.width).sum::<u16>(), 100, "no column wasted");
    }

    #[test]
    fn the_window_is_clamped_and_narrow_terminals_stack() {
        let mut s = state(7);
        s.first_pane = 6;
        let screen = screen(Rect::new(0, 0, 100, 30), &s);
        assert_eq!(screen.first_pane, 4, "panes 5–7 of 7");
        assert_eq!(screen.panes.last().map(|p| p.article), Some(6));

        let narrow = super::screen(Rect::new(0, 0, 60, 30), &state(5));
        assert!(narrow.stacked);
        assert!(narrow.panes.iter().all(|p| p.outer.width == 60 && p.outer.height >= MIN_PANE_HEIGHT));
    }

    #[test]
    fn too_small_is_flagged_and_tiny_sizes_never_panic() {
        for (w, h) in [(0, 0), (1, 1), (39, 30), (80, 9), (2, 50)] {
            let screen = screen(Rect::new(0, 0, w, h), &state(5));
            assert!(screen.too_small, "{w}x{h}");
        }
        let mut s = state(5);
        s.show_list = true;
        s.show_selection = true;
        for w in 0..90 {
            for h in 0..30 {
                let _ = screen(Rect::new(0, 0, w, h), &s);
            }
        }
    }

    #[test]
    fn the_list_panel_keeps_room_for_a_pane() {
        let mut s = state(5);
        s.show_list = true;
        let wide = screen(Rect::new(0, 0, 120, 40), &s);
        let list = wide.list.expect("list");
        assert!(list.x >= MIN_PANE_WIDTH && list.height == wide.body.height);
        let narrow = screen(Rect::new(0, 0, 50, 40), &s);
        assert_eq!(narrow.list.map(|l| l.width), Some(50), "below the panes");
    }

    #[test]
    fn list_offset_keeps_the_selection_in_view() {
        assert_eq!(list_offset(5, Some(4), 10), 0);
        assert_eq!(list_offset(100, Some(0), 10), 0);
        assert_eq!(list_offset(100, Some(50), 10), 45);
        assert_eq!(list_offset(100, Some(99), 10), 90);
    }
}
