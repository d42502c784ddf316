//! Temporary files being written (a report, a page-cache entry) and their
//! removal when a signal ends the run: a file is written to a temporary
//! name beside its target and renamed into place, so a crash leaves the
//! old file or none, never half of one; [`remove_temporaries_on_signal`]
//! makes `SIGINT`, `SIGTERM` and `SIGHUP` remove the temporary too.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// Temporary files being written, removed if a signal ends the run.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Whether the signal watcher ends the run (false while the reader, which
/// restores the terminal first, handles signals itself).
static ARMED: AtomicBool = AtomicBool::new(true);

/// Removes the temporary files being written (a signal is ending the run
/// before they were renamed into place).
pub fn remove_temporaries() {
    let mut pending = TEMPORARIES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    for path in pending.drain(..) {
        let _ = std::fs::remove_file(path);
    }
}

/// From now on, `SIGTERM`, `SIGINT` and `SIGHUP` first remove the
/// temporary files being written, then end the process as the signal
/// would have (exit status 128 + the signal). The watcher (a thread and
/// the handlers) is installed before the first temporary file is made
/// ([`before_making_a_temporary`]), so a run that
/// writes none (a report on standard output) never starts it (start-up,
/// issue 11); until then a signal has nothing to remove. Safe to call more
/// than once.
#[cfg(unix)]
pub fn remove_temporaries_on_signal() {
    WANTED.store(true, Ordering::SeqCst);
}

/// Whether [`remove_temporaries_on_signal`] was called.
#[cfg(unix)]
static WANTED: AtomicBool = AtomicBool::new(false);

/// Installs the signal watcher, once.
#[cfg(unix)]
fn install_watcher() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) else { return };
        std::thread::spawn(move || {
            for signal in signals.forever() {
                if !ARMED.load(Ordering::SeqCst) {
                    // The reader's own handlers end the run.
                    continue;
                }
                remove_temporaries();
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    });
}

/// Hands signals over to a front end with its own handlers (the reader,
/// which restores the terminal before it ends): the watcher installed by
/// [`remove_temporaries_on_signal`] ignores them from now on. (Its
/// handlers cannot be removed: signal-hook would then ignore the signals.)
pub fn hand_signals_over() {
    ARMED.store(false, Ordering::SeqCst);
}

/// Called before a temporary file is made: starts the signal watcher if
/// [`remove_temporaries_on_signal`] asked for it (not once the reader
/// handles signals itself), so a signal from then on removes the file.
pub(crate) fn before_making_a_temporary() {
    #[cfg(unix)]
    if WANTED.load(Ordering::SeqCst) && ARMED.load(Ordering::SeqCst) {
        install_watcher();
    }
}

/// Keeps a temporary file's name in the list while it exists.
pub(crate) struct Tracked(PathBuf);

impl Tracked {
    pub(crate) fn new(path: &Path) -> Self {
        TEMPORARIES.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(path.to_path_buf());
        Self(path.to_path_buf())
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        TEMPORARIES.lock().unwrap_or_else(std::sync::PoisonError::into_inner).retain(|p| *p != self.0);
    }
}

/// Debug builds only: waits `PARALLAX_DEBUG_WRITE_PAUSE_MS` milliseconds
/// with a temporary file in place, so a test can send a signal while a
/// file is being written (a real write is over too fast to hit).
pub(crate) fn pause_for_tests() {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("PARALLAX_DEBUG_WRITE_PAUSE_MS").ok().and_then(|v| v.parse::<u64>().ok()) {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporaries_are_tracked_while_they_exist() {
        let dir = tempfile::tempdir().expect("tempdir");
        let temporary = tempfile::Builder::new().prefix(".parallax-").tempfile_in(dir.path()).expect("temp");
        let path = temporary.path().to_path_buf();
        let (_file, kept) = temporary.keep().expect("keep");
        let tracked = Tracked::new(&kept);
        assert!(TEMPORARIES.lock().expect("lock").contains(&path));
        drop(tracked);
        assert!(!TEMPORARIES.lock().expect("lock").contains(&path), "forgotten once renamed or removed");
        // (remove_temporaries itself is not called here: it would remove the
        // temporaries of tests running beside this one; tests/bad_input.rs
        // and tests/hostile.rs check it through a signal.)
    }
}
