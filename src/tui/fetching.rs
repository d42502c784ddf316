//! Reading the inputs before the reader opens, with a screen that shows
//! each input's progress while web pages are fetched, and `q`, `Esc` or
//! `Ctrl-C` to cancel (the terminal is given back as it was).
//!
//! Files alone are read at once and never show this screen; neither do
//! pages that come from the cache within [`PATIENCE`].

use super::terminal::{Session, Signals};
use crate::ingest::{IngestOptions, InputProgress, InputState, Loaded, load_inputs_with_progress};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use std::ffi::OsString;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Reading that finishes within this time shows no screen.
pub const PATIENCE: Duration = Duration::from_millis(300);

/// How reading the inputs ended.
#[derive(Debug)]
pub enum Fetched {
    /// Everything was read (or skipped with a reason).
    Loaded(Loaded),
    /// The user cancelled.
    Cancelled,
    /// A termination signal arrived.
    Terminated,
}

enum Message {
    Progress(InputProgress),
    Done(Loaded),
}

/// One input's line on the screen.
#[derive(Debug, Clone)]
struct Row {
    source: String,
    url: bool,
    state: Option<InputState>,
    started: Option<Instant>,
}

/// What the screen shows.
#[derive(Debug, Default)]
struct Screen {
    rows: Vec<Row>,
    /// The whole-transfer limit for one page (4 × the timeout).
    limit: Duration,
}

impl Screen {
    fn update(&mut self, progress: InputProgress) {
        if self.rows.len() < progress.total {
            self.rows.resize(progress.total, Row { source: String::new(), url: false, state: None, started: None });
        }
        let Some(row) = self.rows.get_mut(progress.index) else { return };
        row.source = crate::normalize::clean_line(&progress.source);
        row.url = progress.url;
        if progress.state == InputState::Started {
            row.started = Some(Instant::now());
        }
        row.state = Some(progress.state);
    }

    fn finished(&self) -> usize {
        self.rows.iter().filter(|r| matches!(r.state, Some(InputState::Done | InputState::Skipped(_)))).count()
    }
}

impl Widget for &Screen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let dim = Style::default().add_modifier(Modifier::DIM);
        let mut lines = vec![
            Line::from(vec![
                Span::styled("parallax", bold),
                Span::raw(format!(" · reading {} of {} inputs", self.finished(), self.rows.len())),
            ]),
            Line::styled("q, Esc or Ctrl-C cancels", dim),
            Line::raw(""),
        ];
        let width = usize::from(area.width).saturating_sub(4);
        for row in &self.rows {
            let (mark, note) = match &row.state {
                None => ("·", "waiting".to_owned()),
                Some(InputState::Started) => {
                    let seconds = row.started.map_or(0, |t| t.elapsed().as_secs());
                    if row.url {
                        ("…", format!("fetching, {seconds} s (gives up after {} s)", self.limit.as_secs()))
                    } else {
                        ("…", "reading".to_owned())
                    }
                }
                Some(InputState::Done) => ("✓", if row.url { "fetched".to_owned() } else { "read".to_owned() }),
                Some(InputState::Skipped(reason)) => {
                    ("✗", format!("skipped: {}", crate::normalize::clean_line(reason)))
                }
            };
            let source: String = if row.source.chars().count() > width {
                let tail: String = row.source.chars().rev().take(width.saturating_sub(1)).collect();
                format!("…{}", tail.chars().rev().collect::<String>())
            } else {
                row.source.clone()
            };
            lines.push(Line::from(vec![Span::styled(format!(" {mark} "), bold), Span::raw(source)]));
            lines.push(Line::styled(format!("     {note}"), dim));
        }
        Paragraph::new(lines).wrap(Wrap { trim: false }).render(area, buf);
    }
}

/// Reads `inputs`; when that takes longer than [`PATIENCE`] (a page to
/// fetch), shows each input's progress until done or cancelled.
///
/// # Errors
/// When the terminal cannot be taken over or read; it is restored first.
pub fn load(inputs: &[OsString], options: &IngestOptions) -> std::io::Result<Fetched> {
    let (sender, receiver) = mpsc::channel();
    let inputs = inputs.to_vec();
    let worker_options = options.clone();
    std::thread::Builder::new().name(super::terminal::WORKER_THREAD.to_owned()).spawn(move || {
        let progress_sender = sender.clone();
        let progress = move |progress: InputProgress| {
            let _ = progress_sender.send(Message::Progress(progress));
        };
        let loaded = load_inputs_with_progress(&inputs, &worker_options, &progress);
        let _ = sender.send(Message::Done(loaded));
    })?;
    let mut screen = Screen { rows: Vec::new(), limit: options.timeout.saturating_mul(4) };
    let deadline = Instant::now() + PATIENCE;
    loop {
        match receiver.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(Message::Progress(progress)) => screen.update(progress),
            Ok(Message::Done(loaded)) => return Ok(Fetched::Loaded(loaded)),
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => return Ok(Fetched::Loaded(Loaded::default())),
        }
    }
    let mut session = Session::start(false)?;
    let signals = Signals::catch()?;
    loop {
        session.terminal.draw(|frame| frame.render_widget(&screen, frame.area()))?;
        if event::poll(Duration::from_millis(200))?
            && let Event::Key(key) = event::read()?
            && key.kind != KeyEventKind::Release
            && cancels(key.code, key.modifiers)
        {
            return Ok(Fetched::Cancelled);
        }
        loop {
            match receiver.try_recv() {
                Ok(Message::Progress(progress)) => screen.update(progress),
                Ok(Message::Done(loaded)) => return Ok(Fetched::Loaded(loaded)),
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => return Ok(Fetched::Loaded(Loaded::default())),
            }
        }
        if signals.caught() {
            return Ok(Fetched::Terminated);
        }
    }
}

/// `q`, `Esc` and `Ctrl-C` cancel.
fn cancels(code: KeyCode, modifiers: KeyModifiers) -> bool {
    match code {
        KeyCode::Char('c') => modifiers.contains(KeyModifiers::CONTROL),
        KeyCode::Char('q') | KeyCode::Esc => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn progress(index: usize, source: &str, url: bool, state: InputState) -> InputProgress {
        InputProgress { index, total: 3, source: source.to_owned(), url, state }
    }

    #[test]
    fn the_screen_shows_each_input_and_how_to_cancel() {
        let mut screen = Screen { rows: Vec::new(), limit: Duration::from_secs(120) };
        screen.update(progress(0, "a.txt", false, InputState::Started));
        screen.update(progress(0, "a.txt", false, InputState::Done));
        screen.update(progress(1, "https://a.example/story", true, InputState::Started));
        let mut terminal = Terminal::new(TestBackend::new(80, 12)).expect("terminal");
        terminal.draw(|frame| frame.render_widget(&screen, frame.area())).expect("draw");
        let text: String = terminal
            .backend()
            .buffer()
            .content
            .chunks(80)
            .map(|line| line.iter().map(ratatui::buffer::Cell::symbol).collect::<String>() + "\n")
            .collect();
        assert!(text.contains("reading 1 of 3 inputs"), "{text}");
        assert!(text.contains("q, Esc or Ctrl-C cancels"), "{text}");
        assert!(text.contains("✓ a.txt"), "{text}");
        assert!(text.contains("… https://a.example/story"), "{text}");
        assert!(text.contains("fetching, 0 s (gives up after 120 s)"), "{text}");
        assert!(text.contains("waiting"), "the third input: {text}");
    }

    #[test]
    fn q_esc_and_ctrl_c_cancel_and_other_keys_do_not() {
        assert!(cancels(KeyCode::Char('q'), KeyModifiers::NONE));
        assert!(cancels(KeyCode::Esc, KeyModifiers::NONE));
        assert!(cancels(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert!(!cancels(KeyCode::Char('c'), KeyModifiers::NONE));
        assert!(!cancels(KeyCode::Char('n'), KeyModifiers::NONE));
    }
}
