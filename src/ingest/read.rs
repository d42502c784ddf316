//! Reading bytes with bounds: a regular file is refused from its size
//! before it is read; a pipe or device (`/dev/zero`, `<(yes)`, a FIFO) is
//! read up to the size limit and given up when it stays silent, so no
//! input can exhaust memory or hang the run.

use super::IngestError;
use std::io::{IsTerminal, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

pub(crate) fn check_size(size: u64, limit: u64) -> Result<(), IngestError> {
    if size > limit { Err(IngestError::TooLarge { size, limit }) } else { Ok(()) }
}

/// How long an input may keep the run waiting before [`WaitNotice`] is told.
pub const NOTICE_AFTER: Duration = Duration::from_secs(2);

/// Told (once per input) when an input keeps the run waiting: a FIFO no
/// program has opened for writing, a pipe that sends nothing, standard
/// input from a terminal. The front end shows it, so a wait is never
/// silent; the engine itself prints nothing. Arguments: the input as shown
/// and what it waits for.
#[derive(Clone, Default)]
pub struct WaitNotice(Option<Tell>);

/// What a [`WaitNotice`] calls.
type Tell = Arc<dyn Fn(&str, &str) + Send + Sync>;

impl WaitNotice {
    /// A notice that calls `tell(source, message)`.
    pub fn new(tell: impl Fn(&str, &str) + Send + Sync + 'static) -> Self {
        Self(Some(Arc::new(tell)))
    }

    pub(crate) fn tell(&self, source: &str, message: &str) {
        if let Some(tell) = &self.0 {
            tell(source, message);
        }
    }
}

impl std::fmt::Debug for WaitNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() { "WaitNotice(set)" } else { "WaitNotice(none)" })
    }
}

/// Reads a whole file, refusing more than `limit` bytes. A regular file is
/// refused from its size before it is read. Anything else (a pipe, a
/// device such as `/dev/zero`, `<(command)`) is read up to the limit on a
/// helper thread, and abandoned when it gives no data for `wait` (a FIFO
/// nobody writes to would otherwise hang the run without a word).
///
/// # Errors
/// [`IngestError::TooLarge`] / [`IngestError::TooLargeStream`] over the
/// limit, [`IngestError::Stalled`] after the wait, else as the OS says.
pub fn read_capped(path: &Path, limit: u64, wait: Duration) -> Result<Vec<u8>, IngestError> {
    read_capped_noticed(path, limit, wait, &WaitNotice::default())
}

/// As [`read_capped`], telling `notice` when a pipe or device keeps the run
/// waiting for [`NOTICE_AFTER`] (and `wait` is longer).
///
/// # Errors
/// As [`read_capped`].
pub fn read_capped_noticed(
    path: &Path,
    limit: u64,
    wait: Duration,
    notice: &WaitNotice,
) -> Result<Vec<u8>, IngestError> {
    let metadata = std::fs::metadata(path)?;
    if metadata.is_dir() {
        return Err(IngestError::NotAnArticle("a folder".into()));
    }
    if metadata.is_file() {
        check_size(metadata.len(), limit)?;
        let mut bytes = Vec::new();
        // The file may grow between the size check and the read.
        std::fs::File::open(path)?.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
        check_size(bytes.len() as u64, limit)?;
        return Ok(bytes);
    }
    let source = super::display_path(path);
    let path = path.to_path_buf();
    let waiting = Waiting { source: &source, what: "data", wait: Some(wait), notice };
    read_stream(move || std::fs::File::open(path), limit, &waiting)
}

/// Standard input, up to `limit` bytes. From a pipe or file it is given
/// up after `wait` without data (`notice` is told after [`NOTICE_AFTER`]);
/// from a terminal a person is typing, so it waits for Ctrl-D as long as it
/// takes, and `notice` is told at once how to end the text.
///
/// # Errors
/// As [`read_capped`].
pub fn read_stdin_capped(limit: u64, wait: Duration, notice: &WaitNotice) -> Result<Vec<u8>, IngestError> {
    let terminal = std::io::stdin().is_terminal();
    if terminal {
        notice.tell(
            "-",
            "reading the article from the terminal: type or paste it, then press Ctrl-D on a line of its own",
        );
    }
    let quiet = WaitNotice::default();
    let waiting = if terminal {
        Waiting { source: "-", what: "standard input", wait: None, notice: &quiet }
    } else {
        Waiting { source: "-", what: "standard input", wait: Some(wait), notice }
    };
    read_stream(|| Ok(std::io::stdin()), limit, &waiting)
}

/// What a stream read waits for, and for how long.
struct Waiting<'a> {
    /// The input as shown.
    source: &'a str,
    /// What it waits for, in the notice ("data", "standard input").
    what: &'a str,
    /// Give up after this long without data; `None`: wait as long as it takes.
    wait: Option<Duration>,
    notice: &'a WaitNotice,
}

impl Waiting<'_> {
    /// The notice after [`NOTICE_AFTER`] without data.
    fn message(&self, opened: bool, received: usize) -> String {
        let waited = NOTICE_AFTER.as_secs();
        let what = self.what;
        let state = if !opened {
            format!("waiting for a program to open it for writing (nothing for {waited} s: a pipe nobody writes to?)")
        } else if received == 0 {
            format!("waiting for {what} (nothing for {waited} s)")
        } else {
            format!("waiting for more {what} (nothing for {waited} s after {received} bytes)")
        };
        match self.wait {
            Some(wait) => format!("{state}; giving up after {} s without data (--timeout)", wait.as_secs_f64()),
            None => state,
        }
    }
}

/// What the helper thread reports.
enum Event {
    /// The stream is open (a FIFO has a writer).
    Opened,
    /// A chunk (empty at the end of data), or the error that ended it.
    Data(std::io::Result<Vec<u8>>),
}

/// Reads a pipe or device on a helper thread (opening a FIFO blocks until
/// a writer comes), chunk by chunk, giving up after the wait without data
/// or past `limit` bytes. An abandoned thread stays blocked until the
/// process ends, which costs nothing.
fn read_stream<R, F>(open: F, limit: u64, waiting: &Waiting<'_>) -> Result<Vec<u8>, IngestError>
where
    R: Read,
    F: FnOnce() -> std::io::Result<R> + Send + 'static,
{
    const CHUNK: usize = 64 * 1024;
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Event>(4);
    std::thread::spawn(move || {
        let mut stream = match open() {
            Ok(stream) => stream,
            Err(error) => {
                let _ = sender.send(Event::Data(Err(error)));
                return;
            }
        };
        if sender.send(Event::Opened).is_err() {
            return;
        }
        loop {
            let mut chunk = vec![0; CHUNK];
            match stream.read(&mut chunk) {
                Ok(read) => {
                    chunk.truncate(read);
                    // The reader hung up (limit or wait reached), or end of data.
                    if sender.send(Event::Data(Ok(chunk))).is_err() || read == 0 {
                        return;
                    }
                }
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                Err(error) => {
                    let _ = sender.send(Event::Data(Err(error)));
                    return;
                }
            }
        }
    });
    let mut bytes = Vec::new();
    let mut opened = false;
    let mut noticed = false;
    // When the current silence began.
    let mut silent_since = Instant::now();
    loop {
        let give_up = waiting.wait.map(|wait| silent_since + wait);
        let wake = match (noticed, give_up) {
            (false, Some(give_up)) => Some(give_up.min(silent_since + NOTICE_AFTER)),
            (false, None) => Some(silent_since + NOTICE_AFTER),
            (true, give_up) => give_up,
        };
        let event = match wake {
            Some(wake) => receiver.recv_timeout(wake.saturating_duration_since(Instant::now())),
            None => receiver.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match event {
            Ok(Event::Opened) => {
                opened = true;
                silent_since = Instant::now();
            }
            Ok(Event::Data(Ok(chunk))) if chunk.is_empty() => return Ok(bytes),
            Ok(Event::Data(Ok(chunk))) => {
                bytes.extend_from_slice(&chunk);
                if bytes.len() as u64 > limit {
                    return Err(IngestError::TooLargeStream { limit });
                }
                silent_since = Instant::now();
            }
            Ok(Event::Data(Err(error))) => return Err(error.into()),
            Err(RecvTimeoutError::Timeout) => match waiting.wait {
                Some(wait) if silent_since.elapsed() >= wait => return Err(IngestError::Stalled { wait }),
                _ => {
                    noticed = true;
                    waiting.notice.tell(waiting.source, &waiting.message(opened, bytes.len()));
                }
            },
            Err(RecvTimeoutError::Disconnected) => return Ok(bytes),
        }
    }
}

/// An OS error in the user's terms: "Permission denied", without the
/// "(os error 13)" and without the temporary file's name that tempfile
/// appends ("... at path \"/x/.tmpAbc\"").
pub(crate) fn os_reason(error: &std::io::Error) -> String {
    let text = error.to_string();
    let text = text.split(" at path \"").next().unwrap_or_default();
    text.split(" (os error").next().unwrap_or_default().to_owned()
}
