//! End to end: the real binary in a pseudo-terminal, driven by key
//! presses, its screen read back through a terminal emulator (vt100).
//! Checks what is on screen after `n`, `Enter`, `?` and `q`, and that the
//! terminal is given back (main screen, cursor shown, mouse released).

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 40;
const COLUMNS: u16 = 140;

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The terminal's own side, open for the session's lifetime.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start() -> Self {
        Self::start_with(&[])
    }

    /// Starts the reader on the samples with extra environment variables.
    fn start_with(env: &[(&str, &str)]) -> Self {
        Self::start_args(&["--no-config", "assets/samples/dravik-dam"], env)
    }

    /// Starts parallax with these arguments and extra environment variables.
    fn start_args(args: &[&str], env: &[(&str, &str)]) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize { rows: ROWS, cols: COLUMNS, pixel_width: 0, pixel_height: 0 })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        command.args(args);
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pty.slave.spawn_command(command).expect("spawn parallax");
        // Only the child holds the terminal side, so reading ends when it exits.
        drop(pty.slave);
        let rows = NonZeroU16::new(ROWS).expect("rows");
        let columns = NonZeroU16::new(COLUMNS).expect("columns");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, columns, 0)));
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buffer = [0_u8; 8192];
            while let Ok(read) = reader.read(&mut buffer) {
                if read == 0 {
                    break;
                }
                feed.lock().expect("screen lock").process(&buffer[..read]);
            }
        });
        let writer = pty.master.take_writer().expect("writer");
        Self { screen, writer, child, _master: pty.master }
    }

    fn contents(&self) -> String {
        self.screen.lock().expect("screen lock").screen().contents()
    }

    fn press(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).expect("send keys");
        self.writer.flush().expect("flush");
    }

    /// Waits until the screen shows `text`; panics with the screen if not.
    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("timed out waiting for {text:?}; the screen shows:\n{}", self.contents());
    }

    /// Waits for the process to end; panics with the screen if it does not.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(30);
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                break status;
            }
            assert!(Instant::now() < deadline, "parallax did not exit; screen:\n{}", self.contents());
            std::thread::sleep(Duration::from_millis(50));
        };
        // Let the reader thread take in the last bytes.
        std::thread::sleep(Duration::from_millis(200));
        status
    }

    /// Asserts the terminal was given back: main screen, cursor, mouse.
    fn assert_restored(&self) {
        let parser = self.screen.lock().expect("screen lock");
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "back on the main screen:\n{}", screen.contents());
        assert!(!screen.hide_cursor(), "cursor visible again");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse released");
    }

    fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a process id");
        let status = std::process::Command::new("kill").args([format!("-{name}"), pid.to_string()]).status();
        assert!(status.expect("kill runs").success(), "kill -{name} {pid}");
    }

    fn wait_gone(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if !self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("timed out waiting for {text:?} to go; the screen shows:\n{}", self.contents());
    }
}

#[test]
fn keys_drive_the_reader_and_quitting_restores_the_terminal() {
    let mut session = Session::start();
    session.wait_for("Source: Continental Press");
    session.wait_for("? help");
    {
        let parser = session.screen.lock().expect("screen lock");
        assert!(parser.screen().alternate_screen(), "the reader uses the alternate screen");
        assert!(parser.screen().hide_cursor(), "and hides the cursor");
    }

    session.press(b"n");
    session.wait_for("▶"); // the selected mentions' marker
    session.wait_for(" 1/");

    session.press(b"\r");
    session.wait_for("Discrepancy 1/");
    session.wait_for("reference wording");

    session.press(b"?");
    session.wait_for("Keys");
    session.wait_for("next discrepancy (panes jump to it)");

    // q closes the help, then the detail view, then quits.
    session.press(b"q");
    session.wait_gone("Keys ");
    session.wait_for("Discrepancy 1/");
    session.press(b"q");
    session.wait_gone("Discrepancy 1/");
    session.press(b"q");

    let status = session.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    session.assert_restored();
}

/// `SIGTERM` and `SIGHUP` (the terminal closed) end the reader with the
/// terminal restored and exit code 1.
#[test]
fn termination_signals_restore_the_terminal_and_exit_1() {
    for signal in ["TERM", "HUP"] {
        let mut session = Session::start();
        session.wait_for("? help");
        assert!(session.screen.lock().expect("screen lock").screen().alternate_screen());
        session.signal(signal);
        let status = session.wait_exit();
        assert_eq!(status.exit_code(), 1, "SIG{signal}: {status:?}");
        session.assert_restored();
    }
}

/// A panic while drawing (forced through a variable only debug builds
/// read) restores the terminal, prints the message, and exits non-zero.
#[test]
fn a_panic_while_drawing_restores_the_terminal_and_says_so() {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: release builds ignore PARALLAX_TEST_PANIC_ON_RENDER");
        return;
    }
    let mut session = Session::start_with(&[("PARALLAX_TEST_PANIC_ON_RENDER", "1"), ("RUST_BACKTRACE", "0")]);
    let status = session.wait_exit();
    assert_eq!(status.exit_code(), 101, "a panic's exit code: {status:?}");
    session.assert_restored();
    let contents = session.contents();
    assert!(contents.contains("panicked"), "the message is on screen:\n{contents}");
    assert!(contents.contains("PARALLAX_TEST_PANIC_ON_RENDER is set"), "{contents}");
}

#[test]
fn closing_the_terminal_ends_the_reader() {
    // A closed window or `tmux kill-server`: the terminal hangs up under the
    // reader. It must exit, not linger on a dead terminal (crossterm alone
    // would spin on empty reads for ever, burning a core). tmux gives a
    // real hang-up; without it the test has nothing to drive.
    let socket = format!("parallax-hangup-{}", std::process::id());
    let tmux = |args: &[&str]| std::process::Command::new("tmux").arg("-L").arg(&socket).args(args).output();
    let binary = env!("CARGO_BIN_EXE_parallax");
    let command = format!("exec {binary} --no-config assets/samples/dravik-dam");
    let Ok(started) = tmux(&["new-session", "-d", "-x", "120", "-y", "40", "-c", env!("CARGO_MANIFEST_DIR"), &command])
    else {
        eprintln!("skipped: tmux is not installed");
        return;
    };
    assert!(started.status.success(), "tmux: {}", String::from_utf8_lossy(&started.stderr));
    let pane = tmux(&["display-message", "-p", "#{pane_pid}"]).expect("tmux display");
    let pid = String::from_utf8_lossy(&pane.stdout).trim().to_owned();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let screen = tmux(&["capture-pane", "-p"]).expect("tmux capture");
        if String::from_utf8_lossy(&screen.stdout).contains("? help") {
            break;
        }
        assert!(Instant::now() < deadline, "the reader did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = tmux(&["kill-server"]);
    let process = std::path::PathBuf::from(format!("/proc/{pid}"));
    let deadline = Instant::now() + Duration::from_secs(10);
    while process.exists() {
        // A zombie has exited already; only its parent's reaping is left.
        let state = std::fs::read_to_string(process.join("stat")).unwrap_or_default();
        if state.split_whitespace().nth(2) == Some("Z") {
            break;
        }
        if Instant::now() > deadline {
            // Do not leave a spinning process behind a failed test.
            let _ = std::process::Command::new("kill").args(["-9", &pid]).status();
            panic!("parallax (pid {pid}) still ran 10 s after its terminal hung up");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// While a page is fetched, each input's progress is on screen, and `q` or
/// `Ctrl-C` cancels at once with the terminal given back.
#[test]
fn fetching_shows_progress_and_q_or_ctrl_c_cancels() {
    // A server that accepts and never answers.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a local port");
    let url = format!("http://{}/story", listener.local_addr().expect("address"));
    let held = Arc::new(Mutex::new(Vec::new()));
    let keep = Arc::clone(&held);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            keep.lock().expect("held").push(stream);
        }
    });
    let cache = tempfile::tempdir().expect("cache dir");
    let cache_dir = cache.path().to_string_lossy().into_owned();
    for key in [&b"q"[..], &b"\x03"[..]] {
        let mut session = Session::start_args(
            &["--no-config", "assets/samples/dravik-dam/01-cpa-wire.txt", &url],
            &[("PARALLAX_CACHE_DIR", &cache_dir)],
        );
        session.wait_for("reading 1 of 2 inputs");
        session.wait_for("✓ assets/samples/dravik-dam/01-cpa-wire.txt");
        session.wait_for("fetching, ");
        session.wait_for("q, Esc or Ctrl-C cancels");
        let asked = Instant::now();
        session.press(key);
        let status = session.wait_exit();
        assert!(asked.elapsed() < Duration::from_secs(5), "cancelled at once, not after the timeout");
        assert!(status.success(), "exit status {status:?}");
        session.assert_restored();
        assert!(session.contents().contains("cancelled while reading the inputs"), "{}", session.contents());
    }
}
