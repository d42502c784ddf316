//! End to end: the real binary in a pseudo-terminal, driven by key
//! presses, its screen read back through a terminal emulator (vt100).
//! Checks what is on screen after `n`, `Enter`, `?` and `q`, and that the
//! terminal is given back (main screen, cursor shown, mouse released).

#[path = "common/pty.rs"]
mod pty;

use pty::Session;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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
        assert_eq!(status.exit_code(), 130, "exit status {status:?}: as a cancelled wait");
        session.assert_restored();
        assert!(session.contents().contains("cancelled while reading the inputs"), "{}", session.contents());
    }
}
