//! The reader's state and its one entry point for change, [`App::apply`]:
//! keys become [`Action`]s through the keymap, and actions change the
//! state. Nothing here draws; nothing here analyses. The comparison is
//! read through a [`Reader`] and never modified.

mod mouse;
mod navigation;
mod prompt;
mod review;
mod search;

pub use prompt::{Prompt, PromptKind};
pub use review::{NoteEditor, NoteKind, ReviewFilter, ReviewState};
pub use search::{SearchMatch, SearchState};

use super::action::Action;
use super::keymap::{Key, Keymap, Mode};
use super::layout::{self, Arrangement, LayoutState, Screen, ScrollLimits};
use super::reader::{Pos, Reader};
use super::theme::Theme;
use crate::Stage;
use crate::kinds::KindSet;
use crate::model::{Comparison, DiscrepancyKind};
use crate::report::ReportContext;
use crate::report::order::{self, ListOrder};
use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind};
use ratatui::layout::Rect;
use std::sync::Arc;
use std::time::Instant;

/// Where the analysis is.
#[derive(Debug)]
pub enum Phase {
    /// The engine is still running.
    Loading(Loading),
    /// The comparison is ready.
    Ready(Box<Reader>),
    /// The engine failed.
    Failed(String),
}

/// Progress of a running analysis.
#[derive(Debug, Clone, Copy)]
pub struct Loading {
    /// How many articles are being compared.
    pub articles: usize,
    /// The stage running, once known.
    pub stage: Option<Stage>,
    /// When the analysis started.
    pub started: Instant,
}

/// A full-screen view or popup over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Every article's version of the selected discrepancy.
    Detail,
    /// The keys.
    Help,
    /// The kind filter.
    Filter,
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// What to say (already safe to print).
    pub text: String,
    /// An error (drawn as one).
    pub error: bool,
}

/// Something only the terminal owner can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Suspend the process (Ctrl-Z).
    Suspend,
    /// Turn mouse capture on or off.
    MouseCapture(bool),
}

/// Where `e` writes reports, and what it states about them.
#[derive(Debug, Clone, Default)]
pub struct ExportTarget {
    /// Settings and config file, as the headless export states them.
    pub context: ReportContext,
    /// The input files (a report never replaces one).
    pub inputs: Vec<String>,
    /// The path the prompt proposes.
    pub default_path: String,
}

/// What the reader is configured with.
#[derive(Debug, Clone)]
pub struct Options {
    /// Key bindings.
    pub keymap: Keymap,
    /// Styles.
    pub theme: Theme,
    /// Report export.
    pub export: ExportTarget,
    /// Start with the mouse captured.
    pub mouse: bool,
    /// Where the review is kept (`None`: reviewing works, nothing is kept).
    pub review: Option<crate::review::store::Location>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            keymap: Keymap::default(),
            theme: Theme::default(),
            export: ExportTarget::default(),
            mouse: true,
            review: None,
        }
    }
}

/// How far the overlays scroll, from the state and the terminal size.
pub type Measure = fn(&App, Rect) -> ScrollLimits;

/// The reader's whole state.
#[derive(Debug)]
pub struct App {
    pub(crate) phase: Phase,
    pub(crate) keymap: Keymap,
    pub(crate) theme: Theme,
    pub(crate) export: ExportTarget,
    pub(crate) articles: usize,
    /// The focused article (always one of the visible panes).
    pub(crate) focus: usize,
    /// The first article of the pane window.
    pub(crate) first_pane: usize,
    /// The top of each article's pane.
    pub(crate) positions: Vec<Pos>,
    pub(crate) sync: bool,
    pub(crate) arrangement: Arrangement,
    pub(crate) show_list: bool,
    pub(crate) show_legend: bool,
    pub(crate) mouse: bool,
    /// The selected discrepancy (index into the comparison's list).
    pub(crate) selected: Option<usize>,
    /// Which kinds are shown.
    pub(crate) kinds: KindSet,
    /// The order of the list and of `n`/`N`.
    pub(crate) order: ListOrder,
    /// The list in `order` (indices into the comparison's list), kept with the comparison.
    pub(crate) ordered: Vec<usize>,
    /// Highlight layers the user turned off.
    pub(crate) hidden: Layers,
    pub(crate) search: SearchState,
    pub(crate) overlays: Vec<Overlay>,
    pub(crate) prompt: Option<Prompt>,
    /// The path of an export waiting for the all / as filtered answer.
    pub(crate) pending_export: Option<String>,
    pub(crate) detail_scroll: usize,
    pub(crate) help_scroll: usize,
    /// Measures how far the overlays scroll (see [`App::measured_by`]).
    measure: Measure,
    pub(crate) filter_cursor: usize,
    pub(crate) message: Option<Message>,
    pub(crate) size: Rect,
    pub(crate) review: ReviewState,
    quit: bool,
    effects: Vec<Effect>,
}

/// A highlight layer that can be turned off (in the filter overlay).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// The shading of statements several articles share.
    Shared,
    /// The shading of details only one article reports.
    Unique,
    /// Words of a shared statement that differ from the reference wording.
    Changed,
}

impl Layer {
    /// Every layer, in the order the filter overlay lists them.
    pub const ALL: [Self; 3] = [Self::Shared, Self::Unique, Self::Changed];

    /// The layer's name in the filter overlay.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Shared => "shared statements shaded",
            Self::Unique => "unique details shaded",
            Self::Changed => "changed words marked",
        }
    }
}

/// The highlight layers turned off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layers {
    /// No shading for shared statements.
    pub shared: bool,
    /// No shading for unique details.
    pub unique: bool,
    /// No marking of changed words.
    pub changed: bool,
}

impl Layers {
    /// Whether a layer is off.
    #[must_use]
    pub const fn hides(self, layer: Layer) -> bool {
        match layer {
            Layer::Shared => self.shared,
            Layer::Unique => self.unique,
            Layer::Changed => self.changed,
        }
    }

    fn toggle(&mut self, layer: Layer) {
        let flag = match layer {
            Layer::Shared => &mut self.shared,
            Layer::Unique => &mut self.unique,
            Layer::Changed => &mut self.changed,
        };
        *flag = !*flag;
    }
}

/// Lines of context kept above a line the reader jumps to.
const CONTEXT_LINES: usize = 2;

impl App {
    /// A reader waiting for the analysis of `articles` articles.
    #[must_use]
    pub fn loading(options: Options, articles: usize) -> Self {
        let loading = Loading { articles, stage: None, started: Instant::now() };
        Self::with_phase(options, Phase::Loading(loading), articles)
    }

    /// A reader for a finished comparison.
    #[must_use]
    pub fn ready(options: Options, comparison: Arc<Comparison>) -> Self {
        let articles = comparison.articles.len();
        let markers = options.theme.markers;
        let ordered = order::ordered(&comparison, ListOrder::default());
        let mut app =
            Self::with_phase(options, Phase::Ready(Box::new(Reader::new(Arc::clone(&comparison), markers))), articles);
        app.ordered = ordered;
        app.start_review(comparison);
        app
    }

    /// The state with the overlays' scrolling clamped by `measure` (the
    /// reader passes `view::scroll_limits`); without it they scroll freely
    /// and are clamped when drawn.
    #[must_use]
    pub fn measured_by(mut self, measure: Measure) -> Self {
        self.measure = measure;
        self
    }

    fn with_phase(options: Options, phase: Phase, articles: usize) -> Self {
        Self {
            phase,
            keymap: options.keymap,
            theme: options.theme,
            export: options.export,
            articles,
            focus: 0,
            first_pane: 0,
            positions: vec![Pos::default(); articles],
            sync: true,
            arrangement: Arrangement::Auto,
            show_list: false,
            show_legend: true,
            mouse: options.mouse,
            selected: None,
            kinds: KindSet::all(),
            order: ListOrder::default(),
            ordered: Vec::new(),
            hidden: Layers::default(),
            search: SearchState::default(),
            overlays: Vec::new(),
            prompt: None,
            pending_export: None,
            detail_scroll: 0,
            help_scroll: 0,
            measure: |_, _| ScrollLimits::NONE,
            filter_cursor: 0,
            message: None,
            size: Rect::new(0, 0, 80, 24),
            review: ReviewState { location: options.review, ..ReviewState::default() },
            quit: false,
            effects: Vec::new(),
        }
    }

    /// Records the stage the engine reached.
    pub fn set_stage(&mut self, stage: Stage) {
        if let Phase::Loading(loading) = &mut self.phase {
            loading.stage = Some(stage);
        }
    }

    /// Takes the finished comparison.
    pub fn finish(&mut self, comparison: Arc<Comparison>) {
        let elapsed = match &self.phase {
            Phase::Loading(loading) => Some(loading.started.elapsed()),
            _ => None,
        };
        self.articles = comparison.articles.len();
        self.positions = vec![Pos::default(); self.articles];
        self.ordered = order::ordered(&comparison, self.order);
        self.phase = Phase::Ready(Box::new(Reader::new(Arc::clone(&comparison), self.theme.markers)));
        self.start_review(comparison);
        if let Some(elapsed) = elapsed
            && self.message.is_none()
        {
            self.info(format!("compared {} articles in {:.1} s", self.articles, elapsed.as_secs_f64()));
        }
    }

    /// Records that the engine failed.
    pub fn fail(&mut self, message: String) {
        self.phase = Phase::Failed(message);
    }

    /// The reader, once the comparison is ready.
    #[must_use]
    pub fn reader(&self) -> Option<&Reader> {
        match &self.phase {
            Phase::Ready(reader) => Some(reader),
            _ => None,
        }
    }

    /// Records the terminal size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        self.keep_focus_visible();
    }

    /// True once the user asked to leave.
    #[must_use]
    pub const fn should_quit(&self) -> bool {
        self.quit
    }

    /// Effects for the terminal owner, oldest first.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Whether the mouse is captured.
    #[must_use]
    pub const fn mouse_captured(&self) -> bool {
        self.mouse
    }

    /// Shows an informational message in the status line.
    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message { text: text.into(), error: false });
    }

    /// Shows an error in the status line.
    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message { text: text.into(), error: true });
    }

    /// What keys mean right now.
    #[must_use]
    pub fn mode(&self) -> Mode {
        if self.prompt.is_some() {
            return Mode::Prompt;
        }
        match self.overlays.last() {
            Some(Overlay::Detail) => Mode::Detail,
            Some(Overlay::Help) => Mode::Help,
            Some(Overlay::Filter) => Mode::Filter,
            None if self.search.active => Mode::Searching,
            None => Mode::Reading,
        }
    }

    /// The overlay on top, if any.
    #[must_use]
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlays.last().copied()
    }

    /// The screen layout at the current size.
    #[must_use]
    pub fn screen(&self) -> Screen {
        self.screen_in(self.size)
    }

    /// The screen layout in an area.
    #[must_use]
    pub fn screen_in(&self, area: Rect) -> Screen {
        layout::screen(
            area,
            &LayoutState {
                articles: self.articles,
                first_pane: self.first_pane,
                arrangement: self.arrangement,
                show_list: self.show_list,
                show_legend: self.show_legend,
                show_selection: self.selected.is_some() && self.reader().is_some(),
            },
        )
    }

    /// The discrepancies that pass the kind filter, in list order.
    #[must_use]
    pub fn filtered(&self) -> Vec<usize> {
        let Some(reader) = self.reader() else { return Vec::new() };
        let list = &reader.comparison().discrepancies;
        self.ordered
            .iter()
            .copied()
            .filter(|i| list.get(*i).is_some_and(|d| self.kind_shown(d.kind)) && self.review_shown(*i))
            .collect()
    }

    /// Whether the kind filter hides anything.
    #[must_use]
    pub fn is_filtered(&self) -> bool {
        self.kinds != KindSet::all()
    }

    /// Switches between the checker's order and reading order, keeping the selection.
    fn toggle_order(&mut self) {
        self.order = self.order.toggled();
        if let Some(reader) = self.reader() {
            self.ordered = order::ordered(reader.comparison(), self.order);
        }
        let first =
            if self.order == ListOrder::Checker { "n goes to what matters most" } else { "n walks down the articles" };
        self.info(format!("list in {}: {first}", self.order.label()));
    }

    /// Whether the filter shows a kind.
    #[must_use]
    pub fn kind_shown(&self, kind: DiscrepancyKind) -> bool {
        self.kinds.contains(kind)
    }

    /// Handles a terminal event.
    pub fn handle_event(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.handle_key(*key),
            Event::Mouse(mouse) => self.handle_mouse(*mouse),
            Event::Resize(width, height) => self.resize(*width, *height),
            _ => {}
        }
    }

    /// Handles a key press: through the keymap, or into the prompt.
    pub fn handle_key(&mut self, event: KeyEvent) {
        if self.review.note.is_some() {
            self.edit_note(event);
            return;
        }
        let key = Key::from_event(event);
        let mode = self.mode();
        match self.keymap.resolve(key, mode) {
            Some(action) => {
                self.message = None;
                self.apply(action);
            }
            None if mode == Mode::Prompt => self.edit_prompt(key),
            None => {}
        }
    }

    /// Carries out an action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Help => self.toggle_overlay(Overlay::Help),
            Action::Close => {
                self.overlays.pop();
            }
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.effects.push(Effect::MouseCapture(self.mouse));
                if self.mouse {
                    self.info("mouse on: wheel scrolls, click focuses");
                } else {
                    self.info("mouse off: select and copy text with the mouse");
                }
            }
            _ if self.reader().is_none() => {}
            Action::Confirm => self.confirm_prompt(),
            Action::Cancel => self.cancel_prompt(),
            _ => match self.overlay() {
                Some(Overlay::Detail) => self.apply_in_detail(action),
                Some(Overlay::Help) => self.apply_in_help(action),
                Some(Overlay::Filter) => self.apply_in_filter(action),
                None => self.apply_reading(action),
            },
        }
    }

    fn apply_reading(&mut self, action: Action) {
        let page = self.page_height();
        match action {
            Action::ScrollDown => self.scroll_lines(1, true),
            Action::ScrollUp => self.scroll_lines(1, false),
            Action::PageDown => self.scroll_lines(page.saturating_sub(2).max(1), true),
            Action::PageUp => self.scroll_lines(page.saturating_sub(2).max(1), false),
            Action::HalfPageDown => self.scroll_lines((page / 2).max(1), true),
            Action::HalfPageUp => self.scroll_lines((page / 2).max(1), false),
            Action::Top => self.scroll_to_end(false),
            Action::Bottom => self.scroll_to_end(true),
            Action::FocusNext => self.focus_step(true),
            Action::FocusPrevious => self.focus_step(false),
            Action::PanesLeft => self.shift_panes(false),
            Action::PanesRight => self.shift_panes(true),
            Action::NextDiscrepancy => self.step_discrepancy(true),
            Action::PreviousDiscrepancy => self.step_discrepancy(false),
            Action::OpenDetail => self.open_detail(),
            Action::Search => self.open_prompt(PromptKind::Search),
            Action::NextMatch => self.step_match(true),
            Action::PreviousMatch => self.step_match(false),
            Action::ClearSearch => {
                self.search = SearchState::default();
            }
            Action::Filter => self.toggle_overlay(Overlay::Filter),
            Action::Export => self.open_prompt(PromptKind::Export),
            Action::ToggleList => self.show_list = !self.show_list,
            Action::ToggleSync => self.toggle_sync(),
            Action::ToggleLayout => self.toggle_arrangement(),
            Action::ToggleLegend => self.show_legend = !self.show_legend,
            Action::ToggleOrder => self.toggle_order(),
            other => self.apply_review(other),
        }
        self.keep_focus_visible();
    }

    fn apply_in_detail(&mut self, action: Action) {
        let step = |scroll: &mut usize, down: bool, lines: usize| {
            *scroll = if down { scroll.saturating_add(lines) } else { scroll.saturating_sub(lines) };
        };
        let page = usize::from(self.size.height.saturating_sub(6)).max(1);
        match action {
            Action::NextDiscrepancy => self.step_discrepancy(true),
            Action::PreviousDiscrepancy => self.step_discrepancy(false),
            Action::ScrollDown => step(&mut self.detail_scroll, true, 1),
            Action::ScrollUp => step(&mut self.detail_scroll, false, 1),
            Action::PageDown | Action::HalfPageDown => step(&mut self.detail_scroll, true, page),
            Action::PageUp | Action::HalfPageUp => step(&mut self.detail_scroll, false, page),
            Action::Top => self.detail_scroll = 0,
            Action::Bottom => self.detail_scroll = usize::MAX,
            other => self.apply_review(other),
        }
        let limit = (self.measure)(self, self.size).detail;
        self.detail_scroll = self.detail_scroll.min(limit);
    }

    fn apply_in_help(&mut self, action: Action) {
        let page = usize::from(self.size.height.saturating_sub(6)).max(1);
        self.help_scroll = match action {
            Action::ScrollDown => self.help_scroll.saturating_add(1),
            Action::ScrollUp => self.help_scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => self.help_scroll.saturating_add(page),
            Action::PageUp | Action::HalfPageUp => self.help_scroll.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => usize::MAX,
            _ => self.help_scroll,
        };
        self.help_scroll = self.help_scroll.min((self.measure)(self, self.size).help);
    }

    fn apply_in_filter(&mut self, action: Action) {
        let count = DiscrepancyKind::ALL.len() + Layer::ALL.len();
        match action {
            Action::ScrollDown => self.filter_cursor = (self.filter_cursor + 1) % count,
            Action::ScrollUp => self.filter_cursor = (self.filter_cursor + count - 1) % count,
            Action::ToggleItem => self.toggle_kind(self.filter_cursor),
            Action::ToggleNumbers => self.toggle_kind(0),
            Action::ToggleNames => self.toggle_kind(1),
            Action::ToggleDates => self.toggle_kind(2),
            Action::ToggleUnique => self.toggle_kind(3),
            Action::ToggleSharedLayer => self.hidden.toggle(Layer::Shared),
            Action::ToggleUniqueLayer => self.hidden.toggle(Layer::Unique),
            Action::ToggleChangedLayer => self.hidden.toggle(Layer::Changed),
            Action::ShowAllKinds => {
                self.kinds = KindSet::all();
                self.hidden = Layers::default();
            }
            Action::Filter => {
                self.overlays.pop();
            }
            _ => {}
        }
        // A selection the filter now hides is dropped.
        if let Some(selected) = self.selected
            && let Some(kind) = self.reader().and_then(|r| r.comparison().discrepancies.get(selected)).map(|d| d.kind)
            && !self.kind_shown(kind)
        {
            self.selected = None;
        }
    }

    /// Toggles filter row `index`: the kinds, then the highlight layers.
    fn toggle_kind(&mut self, index: usize) {
        if let Some(kind) = DiscrepancyKind::ALL.get(index) {
            self.kinds.toggle(*kind);
        } else if let Some(layer) = index.checked_sub(DiscrepancyKind::ALL.len()).and_then(|i| Layer::ALL.get(i)) {
            self.hidden.toggle(*layer);
        }
    }

    fn toggle_overlay(&mut self, overlay: Overlay) {
        if self.overlay() == Some(overlay) {
            self.overlays.pop();
        } else {
            self.overlays.retain(|o| *o != overlay);
            self.overlays.push(overlay);
            if overlay == Overlay::Help {
                self.help_scroll = 0;
            }
        }
    }

    fn open_detail(&mut self) {
        if self.selected.is_none() {
            self.step_discrepancy(true);
        }
        if self.selected.is_some() {
            self.detail_scroll = 0;
            self.toggle_overlay(Overlay::Detail);
        }
    }

    fn toggle_sync(&mut self) {
        self.sync = !self.sync;
        if self.sync {
            let screen = self.screen();
            self.follow_focus(&screen);
            self.info("sync on: panes scroll together");
        } else {
            self.info("sync off: panes scroll on their own");
        }
    }

    fn toggle_arrangement(&mut self) {
        let stacked = self.screen().stacked;
        self.arrangement = if stacked { Arrangement::SideBySide } else { Arrangement::Stacked };
        self.info(if stacked { "panes side by side" } else { "panes stacked" });
    }

    /// Lines in the focused pane.
    fn page_height(&self) -> usize {
        let screen = self.screen();
        screen.pane_of(self.focus).map_or(1, |p| usize::from(p.text.height).max(1))
    }

    /// The selected discrepancy's place in the filtered list: (1-based, total).
    #[must_use]
    pub fn position_in_list(&self) -> (Option<usize>, usize) {
        let list = self.filtered();
        let place = self.selected.and_then(|s| list.iter().position(|i| *i == s)).map(|p| p + 1);
        (place, list.len())
    }
}

#[cfg(test)]
mod tests;
