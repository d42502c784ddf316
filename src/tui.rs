//! The interactive reader: articles side by side, scrolling together by
//! aligned paragraph, with every discrepancy one key away.
//!
//! This is the front end, not the engine: it renders a [`Comparison`]
//! and the engine's highlights ([`crate::highlight`]) and never analyses
//! text itself. The split follows The Elm Architecture:
//!
//! - [`app`]: the state ([`App`]); [`App::apply`] is the only way it changes.
//! - [`action`]: the vocabulary ([`Action`]) keys, config and help share.
//! - [`keymap`]: keys to actions, a pure [`Keymap::resolve`].
//! - [`view`]: `impl Widget for &App`, drawing only.
//! - [`reader`], [`wrap`], [`styled`], [`layout`]: rows, wrapped lines,
//!   styled runs and screen areas, computed for what is visible only.
//! - [`terminal`]: taking over and giving back the terminal.
//! - [`fetching`]: reading the inputs, with per-input progress while pages
//!   are fetched, before the reader opens.
//!
//! [`run`] ties them together: the engine runs on a worker thread while
//! the reader shows a progress gauge (unless it finishes within
//! [`QUICK`], in which case the first frame already shows the articles).

pub mod action;
pub mod app;
pub mod fetching;
pub mod keymap;
pub mod layout;
pub mod reader;
pub mod styled;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod wrap;

pub use action::Action;
pub use app::{App, Options};
pub use keymap::Keymap;
pub use theme::Theme;

use crate::ingest::Document;
use crate::model::{Comparison, Skipped};
use crate::{Settings, Stage, compare_documents_with_progress};
use ratatui::crossterm::event;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

/// An analysis that finishes within this time is shown in the first frame;
/// a longer one opens the reader at once with a progress gauge.
pub const QUICK: Duration = Duration::from_millis(50);

/// One slice of idle layout work between checks for input.
const IDLE_SLICE: Duration = Duration::from_millis(4);

/// What the reader needs to start.
#[derive(Debug)]
pub struct Launch {
    /// The articles, read.
    pub documents: Vec<Document>,
    /// Inputs that could not be read.
    pub skipped: Vec<Skipped>,
    /// The analysis settings.
    pub settings: Settings,
    /// Keys, theme, export target.
    pub options: Options,
}

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The user quit.
    Quit,
    /// A termination signal arrived.
    Terminated,
    /// The engine failed (the user read the message and quit).
    Failed,
}

enum Progress {
    Stage(Stage),
    Done(Box<Comparison>),
    Failed(String),
}

/// Runs the reader until the user quits.
///
/// # Errors
/// When the terminal cannot be set up, read or written; it is restored first.
pub fn run(launch: Launch) -> std::io::Result<Outcome> {
    let Launch { documents, skipped, settings, options } = launch;
    let articles = documents.len();
    let skipped_note = skipped_message(&skipped);
    let receiver = spawn_engine(documents, skipped, settings)?;

    // Wait briefly: a quick analysis goes straight into the first frame.
    let deadline = Instant::now() + QUICK;
    let mut stage = None;
    let mut app = loop {
        match receiver.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(Progress::Stage(reached)) => stage = Some(reached),
            Ok(Progress::Done(comparison)) => {
                break App::ready(options, Arc::new(*comparison)).measured_by(view::scroll_limits);
            }
            Ok(Progress::Failed(message)) => {
                let mut app = App::loading(options, articles).measured_by(view::scroll_limits);
                app.fail(message);
                break app;
            }
            Err(RecvTimeoutError::Timeout) => {
                let mut app = App::loading(options, articles).measured_by(view::scroll_limits);
                if let Some(reached) = stage {
                    app.set_stage(reached);
                }
                break app;
            }
            Err(RecvTimeoutError::Disconnected) => {
                let mut app = App::loading(options, articles).measured_by(view::scroll_limits);
                app.fail("the comparison stopped unexpectedly".to_owned());
                break app;
            }
        }
    };
    if let Some(note) = skipped_note {
        app.info(note);
    }

    let mut session = terminal::Session::start(app.mouse_captured())?;
    let signals = terminal::Signals::catch()?;
    let size = session.terminal.size()?;
    app.resize(size.width, size.height);
    let mut dirty = true;
    let panic_on_render = panic_on_render_for_tests();
    loop {
        if dirty {
            session.terminal.draw(|frame| {
                assert!(!panic_on_render, "PARALLAX_TEST_PANIC_ON_RENDER is set: a panic while drawing, for tests");
                frame.render_widget(&app, frame.area());
                if let Some(position) = view::cursor(&app, frame.area()) {
                    frame.set_cursor_position(position);
                }
            })?;
            dirty = false;
        }
        let loading = matches!(app.phase, app::Phase::Loading(_));
        let timeout = if loading { Duration::from_millis(100) } else { Duration::from_millis(250) };
        // Idle: lay out rows ahead in short slices, checking for keys
        // between them, so far jumps later cost no more than a scroll.
        while !loading && !event::poll(Duration::ZERO)? && app.prepare(Instant::now() + IDLE_SLICE) {}
        if event::poll(timeout)? {
            // Drain what is queued before drawing again, so held keys do not lag.
            loop {
                app.handle_event(&event::read()?);
                if app.should_quit() || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
            dirty = true;
        } else if loading {
            dirty = true; // the gauge shows the elapsed time
        }
        match receive(&receiver, &mut app) {
            Received::Nothing => {}
            Received::Changed => dirty = true,
            Received::Failed => {
                // The worker's panic message went to standard error, over the screen.
                session.terminal.clear()?;
                dirty = true;
            }
        }
        for effect in app.take_effects() {
            match effect {
                app::Effect::Suspend => session.suspend()?,
                app::Effect::MouseCapture(on) => session.set_mouse(on)?,
            }
            dirty = true;
        }
        if app.should_quit() {
            let failed = matches!(app.phase, app::Phase::Failed(_));
            return Ok(if failed { Outcome::Failed } else { Outcome::Quit });
        }
        if signals.caught() {
            return Ok(Outcome::Terminated);
        }
    }
}

/// True when `PARALLAX_TEST_PANIC_ON_RENDER` asks the reader to panic while
/// drawing, so the end-to-end tests can check the terminal is restored
/// after a crash. Debug builds only: a release build never reads it.
fn panic_on_render_for_tests() -> bool {
    cfg!(debug_assertions) && std::env::var_os("PARALLAX_TEST_PANIC_ON_RENDER").is_some()
}

enum Received {
    Nothing,
    Changed,
    Failed,
}

fn receive(receiver: &Receiver<Progress>, app: &mut App) -> Received {
    let mut received = Received::Nothing;
    loop {
        match receiver.try_recv() {
            Ok(Progress::Stage(stage)) => {
                app.set_stage(stage);
                received = Received::Changed;
            }
            Ok(Progress::Done(comparison)) => {
                app.finish(Arc::new(*comparison));
                return Received::Changed;
            }
            Ok(Progress::Failed(message)) => {
                app.fail(message);
                return Received::Failed;
            }
            Err(TryRecvError::Empty) => return received,
            Err(TryRecvError::Disconnected) => {
                if matches!(app.phase, app::Phase::Loading(_)) {
                    app.fail("the comparison stopped unexpectedly".to_owned());
                    return Received::Failed;
                }
                return received;
            }
        }
    }
}

fn spawn_engine(
    documents: Vec<Document>,
    skipped: Vec<Skipped>,
    settings: Settings,
) -> std::io::Result<Receiver<Progress>> {
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new().name(terminal::WORKER_THREAD.to_owned()).spawn(move || {
        let stages = sender.clone();
        let progress = move |stage: Stage| {
            let _ = stages.send(Progress::Stage(stage));
        };
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            compare_documents_with_progress(documents, skipped, &settings, &progress)
        }));
        let message = match result {
            Ok(comparison) => Progress::Done(Box::new(comparison)),
            Err(payload) => {
                let reason = payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown error".to_owned());
                Progress::Failed(format!("internal error in the engine: {}", crate::normalize::clean_line(&reason)))
            }
        };
        // The reader may have quit already; nobody to tell then.
        let _ = sender.send(message);
    })?;
    Ok(receiver)
}

fn skipped_message(skipped: &[Skipped]) -> Option<String> {
    let first = skipped.first()?;
    let source = crate::normalize::clean_line(&first.source);
    let reason = crate::normalize::clean_line(&first.reason);
    Some(match skipped.len() {
        1 => format!("skipped {source}: {reason}"),
        n => format!("skipped {n} inputs, e.g. {source}: {reason}"),
    })
}
