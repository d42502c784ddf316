//! Owning the terminal: raw mode, the alternate screen, mouse capture, and
//! giving all of it back on every way out — a normal quit, an error (the
//! guard's `Drop`), a panic (a hook that restores before the message is
//! printed), `SIGTERM`/`SIGHUP`/`SIGINT` (a flag the event loop checks, and a
//! watchdog for when the loop cannot), and
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
///
/// The event loop checks the flag between events. That alone is not
/// enough: when the terminal itself goes away (a closed window, `tmux
/// kill-server`), crossterm's Unix event source spins on reads that return
/// nothing and never gives control back (crossterm issue #793), so the flag
/// would never be seen and the process would burn a core forever. A watchdog
/// thread therefore waits [`GRACE`] after a signal for the loop to finish,
/// and otherwise restores what it can and exits itself.
pub struct Signals {
    caught: Arc<AtomicBool>,
    finished: Arc<AtomicBool>,
    #[cfg(unix)]
    ids: Vec<signal_hook::SigId>,
    #[cfg(unix)]
    watchdog: Option<signal_hook::iterator::Handle>,
}

/// How long the event loop gets to notice a termination signal.
pub const GRACE: std::time::Duration = std::time::Duration::from_millis(500);

/// The exit status when the watchdog ends a stuck reader: the same
/// "failure" status the reader returns for a signal it handles itself.
const TERMINATED_STATUS: i32 = 1;

impl Signals {
    /// Starts catching `SIGTERM`, `SIGHUP` and `SIGINT`.
    ///
    /// # Errors
    /// When a handler cannot be installed.
    pub fn catch() -> io::Result<Self> {
        let caught = Arc::new(AtomicBool::new(false));
        let finished = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            let mut ids = Vec::new();
            for signal in [SIGTERM, SIGHUP, SIGINT] {
                ids.push(signal_hook::flag::register(signal, Arc::clone(&caught))?);
            }
            let mut incoming = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
            let watchdog = incoming.handle();
            let done = Arc::clone(&finished);
            std::thread::Builder::new().name("parallax-signals".into()).spawn(move || {
                // The iterator ends when the handle is closed (the reader
                // finished on its own).
                if incoming.forever().next().is_some() {
                    let deadline = std::time::Instant::now() + GRACE;
                    while std::time::Instant::now() < deadline {
                        if done.load(Ordering::SeqCst) {
                            return;
                        }
                        std::thread::sleep(std::time::Duration::from_millis(10));
                    }
                    if !done.load(Ordering::SeqCst) {
                        // Writes to a vanished terminal fail at once, so
                        // this cannot hang; the main thread is stuck.
                        let _ = leave();
                        std::process::exit(TERMINATED_STATUS);
                    }
                }
            })?;
            Ok(Self { caught, finished, ids, watchdog: Some(watchdog) })
        }
        #[cfg(not(unix))]
        Ok(Self { caught, finished })
    }

    /// True once a signal arrived.
    #[must_use]
    pub fn caught(&self) -> bool {
        self.caught.load(Ordering::SeqCst)
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        self.finished.store(true, Ordering::SeqCst);
        #[cfg(unix)]
        {
            if let Some(watchdog) = self.watchdog.take() {
                watchdog.close();
            }
            for id in self.ids.drain(..) {
                signal_hook::low_level::unregister(id);
            }
        }
    }
}
