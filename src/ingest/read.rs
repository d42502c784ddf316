//! Reading bytes with bounds: a regular file is refused from its size
//! before it is read; a pipe or device (`/dev/zero`, `<(yes)`, a FIFO) is
//! read up to the size limit and given up when it stays silent, so no
//! input can exhaust memory or hang the run.

use super::IngestError;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub(crate) fn check_size(size: u64, limit: u64) -> Result<(), IngestError> {
    if size > limit { Err(IngestError::TooLarge { size, limit }) } else { Ok(()) }
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
    read_stream(path.to_path_buf(), limit, wait)
}

/// Reads a pipe or device on a helper thread (opening a FIFO blocks until
/// a writer comes), chunk by chunk, giving up after `wait` without data or
/// past `limit` bytes. An abandoned thread stays blocked until the process
/// ends, which costs nothing.
fn read_stream(path: PathBuf, limit: u64, wait: Duration) -> Result<Vec<u8>, IngestError> {
    const CHUNK: usize = 64 * 1024;
    let (sender, receiver) = std::sync::mpsc::sync_channel::<std::io::Result<Vec<u8>>>(4);
    std::thread::spawn(move || {
        let mut file = match std::fs::File::open(&path) {
            Ok(file) => file,
            Err(error) => {
                let _ = sender.send(Err(error));
                return;
            }
        };
        loop {
            let mut chunk = vec![0; CHUNK];
            match file.read(&mut chunk) {
                Ok(read) => {
                    chunk.truncate(read);
                    // The reader hung up (limit or wait reached), or end of data.
                    if sender.send(Ok(chunk)).is_err() || read == 0 {
                        return;
                    }
                }
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                Err(error) => {
                    let _ = sender.send(Err(error));
                    return;
                }
            }
        }
    });
    let mut bytes = Vec::new();
    loop {
        match receiver.recv_timeout(wait) {
            Ok(Ok(chunk)) if chunk.is_empty() => return Ok(bytes),
            Ok(Ok(chunk)) => {
                bytes.extend_from_slice(&chunk);
                if bytes.len() as u64 > limit {
                    return Err(IngestError::TooLargeStream { limit });
                }
            }
            Ok(Err(error)) => return Err(error.into()),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                return Err(IngestError::Stalled { wait });
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Ok(bytes),
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
