//! Owning the terminal: raw mode, the alternate screen, mouse capture, and
//! giving all of it back on every way out — a normal quit, an error (the
//! guard's `Drop`), a panic (a hook that restores before the message is
//! printed), `SIGTERM`/`SIGHUP`/`SIGINT` (a flag the event loop checks), and
//! around `Ctrl-Z` (restore, stop, take back on resume).

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use std::io::{self, Stdout, stdout};
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

/// The name of the engine's worker thread: its panics are reported by the
/// reader, not by tearing down the screen under it.
pub const WORKER_THREAD: &str = "parallax-engine";

/// The terminal, taken over for the reader's lifetime.
pub struct Session {
    /// The ratatui terminal.
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
    mouse: bool,
}

impl Session {
    /// Takes over the terminal.
    ///
    /// # Errors
    /// When the terminal cannot be put into raw mode or written to; it is
    /// restored before the error is returned.
    pub fn start(mouse: bool) -> io::Result<Self> {
        install_panic_hook();
        if let Err(error) = enter(mouse) {
            let _ = leave();
            return Err(error);
        }
        match Terminal::new(CrosstermBackend::new(stdout())) {
            Ok(terminal) => Ok(Self { terminal, mouse }),
            Err(error) => {
                let _ = leave();
                Err(error)
            }
        }
    }

    /// Turns mouse capture on or off.
    ///
    /// # Errors
    /// When the terminal cannot be written to.
    pub fn set_mouse(&mut self, on: bool) -> io::Result<()> {
        self.mouse = on;
        if on { execute!(stdout(), EnableMouseCapture) } else { execute!(stdout(), DisableMouseCapture) }
    }

    /// Gives the terminal back, stops the process (as Ctrl-Z would have
    /// outside raw mode), and takes the terminal again when resumed.
    ///
    /// # Errors
    /// When the terminal cannot be restored or taken again.
    pub fn suspend(&mut self) -> io::Result<()> {
        leave()?;
        #[cfg(unix)]
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        enter(self.mouse)?;
        self.terminal.clear()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = leave();
    }
}

fn enter(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
    if mouse {
        execute!(stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Restores the terminal: raw mode off, main screen back, mouse released,
/// cursor shown. Safe to call more than once.
///
/// # Errors
/// When the terminal cannot be written to.
pub fn leave() -> io::Result<()> {
    // Raw mode first: it has the widest effect if anything below fails.
    let raw = disable_raw_mode();
    execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, Show)?;
    raw
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(WORKER_THREAD) {
                let _ = leave();
            }
            previous(info);
        }));
    });
}

/// Termination signals caught while the reader runs, so the terminal is
/// restored before exiting.
pub struct Signals {
    caught: Arc<AtomicBool>,
    #[cfg(unix)]
    ids: Vec<signal_hook::SigId>,
}

impl Signals {
    /// Starts catching `SIGTERM`, `SIGHUP` and `SIGINT`.
    ///
    /// # Errors
    /// When a handler cannot be installed.
    pub fn catch() -> io::Result<Self> {
        let caught = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            let mut ids = Vec::new();
            for signal in [SIGTERM, SIGHUP, SIGINT] {
                ids.push(signal_hook::flag::register(signal, Arc::clone(&caught))?);
            }
            Ok(Self { caught, ids })
        }
        #[cfg(not(unix))]
        Ok(Self { caught })
    }

    /// True once a signal arrived.
    #[must_use]
    pub fn caught(&self) -> bool {
        self.caught.load(Ordering::SeqCst)
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        #[cfg(unix)]
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}
