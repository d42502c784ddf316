//! The harness for tests that run the real binary in a pseudo-terminal
//! (portable-pty) and read its screen back through a terminal emulator
//! (vt100): `tests/pty.rs` and `tests/review.rs` include it with
//! `#[path = "common/pty.rs"] mod pty;`.

// Each test file uses part of the harness.
#![allow(dead_code)]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The terminal's size.
pub const ROWS: u16 = 40;
/// The terminal's size.
pub const COLUMNS: u16 = 140;

/// The reader running on the samples in a pseudo-terminal.
pub struct Session {
    /// The emulated terminal, fed by a thread reading the pseudo-terminal.
    pub screen: Arc<Mutex<vt100::Parser>>,
    /// Keys go here.
    pub writer: Box<dyn Write + Send>,
    /// The reader's process.
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The terminal's own side, open for the session's lifetime.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    /// Starts the reader on the samples.
    pub fn start() -> Self {
        Self::start_with(&[])
    }

    /// Starts the reader on the samples with extra environment variables.
    pub fn start_with(env: &[(&str, &str)]) -> Self {
        Self::start_args(&["--no-config", "assets/samples/dravik-dam"], env)
    }

    /// Starts parallax with these arguments and extra environment variables.
    pub fn start_args(args: &[&str], env: &[(&str, &str)]) -> Self {
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

    /// The screen as text.
    pub fn contents(&self) -> String {
        self.screen.lock().expect("screen lock").screen().contents()
    }

    /// Types `keys`.
    pub fn press(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).expect("send keys");
        self.writer.flush().expect("flush");
    }

    /// Waits until the screen shows `text`; panics with the screen if not.
    pub fn wait_for(&self, text: &str) {
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
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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
    pub fn assert_restored(&self) {
        let parser = self.screen.lock().expect("screen lock");
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "back on the main screen:\n{}", screen.contents());
        assert!(!screen.hide_cursor(), "cursor visible again");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse released");
    }

    /// Sends a signal (`TERM`, `HUP`) to the reader.
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a process id");
        let status = std::process::Command::new("kill").args([format!("-{name}"), pid.to_string()]).status();
        assert!(status.expect("kill runs").success(), "kill -{name} {pid}");
    }

    /// Waits until the screen no longer shows `text`.
    pub fn wait_gone(&self, text: &str) {
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
