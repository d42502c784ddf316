//! The progress bar a long `--export` shows on standard error.
//!
//! Quick runs must print nothing extra (scripts parse stderr, and a bar
//! flashing for 30 ms is noise), so the bar stays hidden until the run has
//! taken [`SHOW_AFTER`]; from then on it ticks on its own thread, because
//! one engine stage can take seconds without reporting anything.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use parallax::Stage;
use std::io::IsTerminal;
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a run goes before the bar appears.
pub const SHOW_AFTER: Duration = Duration::from_secs(1);

/// Whole-bar length: stage shares are fractions of this.
const STEPS: u64 = 1000;

/// A progress bar that appears only when the run is slow and standard
/// error is a terminal.
pub struct ExportProgress {
    bar: ProgressBar,
    finished: Arc<(Mutex<bool>, Condvar)>,
    revealer: Option<JoinHandle<()>>,
}

impl ExportProgress {
    /// Starts timing; `enabled` is false for `--quiet`.
    pub fn start(enabled: bool) -> Self {
        let bar = ProgressBar::with_draw_target(Some(STEPS), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("parallax: {bar:32} {percent:>3}% {msg} ({elapsed})") {
            bar.set_style(style.progress_chars("█▉▊▋▌▍▎▏ "));
        }
        bar.set_message(Stage::Ingest.describe());
        let finished = Arc::new((Mutex::new(false), Condvar::new()));
        let revealer = (enabled && std::io::stderr().is_terminal()).then(|| {
            let bar = bar.clone();
            let finished = Arc::clone(&finished);
            std::thread::spawn(move || reveal_when_slow(&bar, &finished))
        });
        Self { bar, finished, revealer }
    }

    /// Records that `stage` has started.
    pub fn stage(&self, stage: Stage) {
        // Truncation is the intent: a share in 0..1 scaled to whole steps.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        self.bar.set_position((stage.share_done() * STEPS as f64) as u64);
        self.bar.set_message(stage.describe());
    }

    /// Prints a line on standard error without tearing the bar.
    pub fn note(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// [`Self::note`] for another thread (a notice while an input is read).
    pub fn notifier(&self) -> impl Fn(&str) + Send + Sync + 'static {
        let bar = self.bar.clone();
        move |line| bar.suspend(|| eprintln!("{line}"))
    }

    /// Clears the bar (if it was shown) before the final message prints.
    pub fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        let (lock, signal) = &*self.finished;
        if let Ok(mut finished) = lock.lock() {
            *finished = true;
        }
        signal.notify_all();
        if let Some(revealer) = self.revealer.take() {
            let _ = revealer.join();
        }
        self.bar.finish_and_clear();
    }
}

impl Drop for ExportProgress {
    fn drop(&mut self) {
        if self.revealer.is_some() {
            self.stop();
        }
    }
}

/// Waits [`SHOW_AFTER`] (or until the run ends) and then shows the bar.
fn reveal_when_slow(bar: &ProgressBar, finished: &(Mutex<bool>, Condvar)) {
    let (lock, signal) = finished;
    let Ok(guard) = lock.lock() else { return };
    let Ok((guard, _)) = signal.wait_timeout_while(guard, SHOW_AFTER, |finished| !*finished) else {
        return;
    };
    if !*guard {
        bar.set_draw_target(ProgressDrawTarget::stderr());
        bar.enable_steady_tick(Duration::from_millis(120));
    }
}
