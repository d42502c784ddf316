//! An input that keeps the run waiting (a FIFO nobody writes to, a silent
//! pipe) says so on standard error. Before the reader opens, the terminal
//! is also watched for `q`, `Esc` or `Ctrl-C` (read in raw mode, the mode
//! given back when the wait ends), so the wait is cancelled as the reader
//! would be quit.

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use parallax::ingest::WaitNotice;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// The exit code of a wait cancelled with a key (as `Ctrl-C` would end it).
pub const CANCELLED: i32 = 130;

/// Prints lines on standard error (through the progress bar when there
/// is one).
pub type Say = Box<dyn Fn(&str) + Send + Sync>;

/// The notices of one run, and the key watch while the reader is to open.
pub struct Waiting {
    watch: Arc<Mutex<Option<KeyWatch>>>,
}

impl Waiting {
    /// The notice for [`parallax::ingest::IngestOptions::on_wait`]: prints
    /// (unless `quiet`) what an input waits for; with `keys` (the reader is
    /// to open on this terminal), also watches for the cancelling keys.
    pub fn notice(&self, say: Say, quiet: bool, keys: bool) -> WaitNotice {
        let watch = Arc::clone(&self.watch);
        WaitNotice::new(move |source, waiting| {
            let mut watching = watch.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            // Standard input from the terminal is the article being typed:
            // its keys are the article's, not commands.
            let typing = source == "-" && std::io::stdin().is_terminal();
            let cancels = if keys && !typing { "q or Ctrl-C cancels" } else { "Ctrl-C cancels" };
            let line = super::message_line(&format!("{source}: {waiting}; {cancels}"));
            match watching.as_ref() {
                // Raw mode: a line break needs its carriage return.
                Some(_) if !quiet => eprint!("{line}\r\n"),
                Some(_) => {}
                None => {
                    if !quiet {
                        say(&line);
                    }
                    if keys && !typing {
                        *watching = KeyWatch::start(source);
                    }
                }
            }
        })
    }

    /// Ends the key watch (the inputs are read), giving the terminal back.
    pub fn done(&self) {
        let watch = self.watch.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        drop(watch);
    }
}

impl Default for Waiting {
    fn default() -> Self {
        Self { watch: Arc::new(Mutex::new(None)) }
    }
}

/// Watches the terminal for the cancelling keys on a thread.
struct KeyWatch {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl KeyWatch {
    fn start(source: &str) -> Option<Self> {
        crossterm::terminal::enable_raw_mode().ok()?;
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let source = source.to_owned();
        let thread = std::thread::spawn(move || {
            while !flag.load(Ordering::SeqCst) {
                match event::poll(Duration::from_millis(100)) {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(_) => return,
                }
                let Ok(Event::Key(key)) = event::read() else { continue };
                let control_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
                let cancel = matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) || control_c;
                if key.kind == KeyEventKind::Press && cancel {
                    let _ = crossterm::terminal::disable_raw_mode();
                    eprintln!("{}", super::message_line(&format!("cancelled while waiting for {source}")));
                    parallax::temporaries::remove_temporaries();
                    std::process::exit(CANCELLED);
                }
            }
        });
        Some(Self { stop, thread: Some(thread) })
    }
}

impl Drop for KeyWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        let _ = crossterm::terminal::disable_raw_mode();
    }
}
