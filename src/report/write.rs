//! Writing a report file atomically: the text goes to a temporary file in
//! the target's folder, which is then renamed over the target. A crash or a
//! full disk leaves the old file (or none), never half a report; a
//! termination signal while it is written removes the temporary file
//! (see [`crate::temporaries`]).

use std::io::Write;
use std::path::Path;

#[cfg(unix)]
pub use crate::temporaries::remove_temporaries_on_signal;
use crate::temporaries::{Tracked, pause_for_tests};

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The target is one of the articles being compared.
    #[error("{0}: refusing to overwrite an input article")]
    WouldOverwriteInput(String),
    /// The folder is missing or not writable, the disk is full, ...
    #[error("{path}: cannot write report: {reason}")]
    Io {
        /// The target path.
        path: String,
        /// What went wrong.
        reason: String,
    },
}

/// Writes `content` to `path` atomically. `inputs` are the files being
/// compared: a report never replaces one of them. Paths are OS paths (a
/// file name that is not UTF-8 is written as it is); messages show them
/// lossily.
///
/// # Errors
/// [`WriteError`] when the target is an input or the file cannot be written.
pub fn write_atomic<P: AsRef<Path>, I: AsRef<Path>>(path: P, content: &str, inputs: &[I]) -> Result<(), WriteError> {
    let target = path.as_ref();
    let path = target.to_string_lossy();
    if let Ok(target_canonical) = target.canonicalize() {
        let clash = inputs.iter().any(|input| input.as_ref().canonicalize().is_ok_and(|c| c == target_canonical));
        if clash {
            return Err(WriteError::WouldOverwriteInput(path.into_owned()));
        }
    }
    let io = |error: std::io::Error| WriteError::Io { path: path.clone().into_owned(), reason: reason(&error) };
    // Devices and pipes (/dev/null, /dev/stdout, a FIFO) are written in
    // place: renaming a file over them would replace the device itself.
    if let Ok(metadata) = std::fs::metadata(target)
        && !metadata.is_file()
    {
        if metadata.is_dir() {
            return Err(WriteError::Io { path: path.into_owned(), reason: "is a folder".into() });
        }
        let mut file = open_in_place(target, &metadata).map_err(io)?;
        return file.write_all(content.as_bytes()).map_err(io);
    }
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".parallax-").suffix(".tmp");
    #[cfg(unix)]
    {
        // A report is an ordinary file, readable as the umask allows;
        // tempfile's default (owner only) would hide it from a web server
        // or a colleague.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    crate::temporaries::before_making_a_temporary();
    let mut temporary = builder.tempfile_in(folder).map_err(io)?;
    let _tracked = Tracked::new(temporary.path());
    pause_for_tests();
    // Replacing a report keeps its permissions.
    if let Ok(existing) = std::fs::metadata(target) {
        temporary.as_file().set_permissions(existing.permissions()).map_err(io)?;
    }
    temporary.write_all(content.as_bytes()).map_err(io)?;
    temporary.as_file().sync_all().map_err(io)?;
    temporary.persist(target).map_err(|e| io(e.error))?;
    Ok(())
}

/// How long a report waits for a program to read from a FIFO it is to be
/// written to (opening one without a reader would block for ever).
pub const PIPE_READER_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Opens a device or pipe for writing in place. A FIFO is opened without
/// blocking, which fails while no program reads from it: that is retried
/// for [`PIPE_READER_WAIT`], then given up with a clear reason.
fn open_in_place(target: &Path, metadata: &std::fs::Metadata) -> std::io::Result<std::fs::File> {
    #[cfg(any(target_os = "linux", target_os = "macos"))]
    {
        use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
        // O_NONBLOCK and ENXIO ("no reader") on these systems (no libc
        // dependency for two numbers).
        const O_NONBLOCK: i32 = if cfg!(target_os = "linux") { 0o4000 } else { 0x0004 };
        const ENXIO: i32 = 6;
        if metadata.file_type().is_fifo() {
            let deadline = std::time::Instant::now() + PIPE_READER_WAIT;
            loop {
                match std::fs::OpenOptions::new().write(true).custom_flags(O_NONBLOCK).open(target) {
                    // A reader is there: open it again blocking (returns at
                    // once), and only then let the probe go. Closing the
                    // probe first could let the reader see the end of the
                    // stream and leave, and the blocking open would wait for
                    // a reader for ever.
                    Ok(probe) => {
                        let file = std::fs::OpenOptions::new().write(true).open(target);
                        drop(probe);
                        return file;
                    }
                    Err(error) if error.raw_os_error() == Some(ENXIO) => {
                        if std::time::Instant::now() >= deadline {
                            return Err(std::io::Error::other(format!(
                                "a pipe that no program reads from (waited {} s)",
                                PIPE_READER_WAIT.as_secs()
                            )));
                        }
                        std::thread::sleep(std::time::Duration::from_millis(50));
                    }
                    Err(error) => return Err(error),
                }
            }
        }
    }
    #[cfg(not(any(target_os = "linux", target_os = "macos")))]
    let _ = metadata;
    std::fs::OpenOptions::new().write(true).open(target)
}

/// The reason in the user's terms: the OS message ("No space left on
/// device"), without the temporary file's name that tempfile appends and
/// without the "(os error 28)".
fn reason(error: &std::io::Error) -> String {
    // tempfile wraps OS errors as "<error> at path \"<temporary file>\"" and
    // exposes no inner error to unwrap, so the suffix is cut off.
    let text = error.to_string();
    let text = text.split(" at path \"").next().unwrap_or_default();
    text.split(" (os error").next().unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No input articles to guard.
    const NONE: &[&str] = &[];

    #[test]
    fn writes_and_replaces_atomically() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("r.md").to_string_lossy().into_owned();
        write_atomic(&path, "one", NONE).expect("write");
        write_atomic(&path, "two", NONE).expect("write");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "two");
        let leftovers = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn new_reports_follow_the_umask_and_replaced_ones_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let status = std::fs::read_to_string("/proc/self/status").expect("process status");
        let umask = status
            .lines()
            .find_map(|l| l.strip_prefix("Umask:"))
            .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
            .expect("umask in /proc/self/status");
        let dir = tempfile::tempdir().expect("tempdir");
        let fresh = dir.path().join("new.html");
        write_atomic(&fresh, "x", NONE).expect("write");
        let mode = std::fs::metadata(&fresh).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode, 0o666 & !umask, "mode {mode:o} with umask {umask:o}");

        let kept = dir.path().join("kept.html");
        std::fs::write(&kept, "old").expect("write");
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        write_atomic(&kept, "new", NONE).expect("write");
        assert_eq!(std::fs::metadata(&kept).expect("metadata").permissions().mode() & 0o777, 0o640);
    }

    #[test]
    fn refuses_to_overwrite_an_input() {
        let dir = tempfile::tempdir().expect("tempdir");
        let input = dir.path().join("a.txt");
        std::fs::write(&input, "article").expect("write");
        let path = input.to_string_lossy().into_owned();
        let error = write_atomic(&path, "report", std::slice::from_ref(&path)).expect_err("refused");
        assert!(matches!(error, WriteError::WouldOverwriteInput(_)));
        assert_eq!(std::fs::read_to_string(&input).expect("read"), "article");
    }

    #[test]
    fn devices_are_written_in_place_not_replaced() {
        write_atomic("/dev/null", "discarded", NONE).expect("write to /dev/null");
        let metadata = std::fs::metadata("/dev/null").expect("metadata");
        assert!(!metadata.is_file(), "/dev/null is still a device");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_fifo_nobody_reads_is_given_up_with_a_reason() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("report.md");
        if !std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
            return;
        }
        let clock = std::time::Instant::now();
        let error = write_atomic(&fifo, "report", NONE).expect_err("no reader");
        assert_eq!(
            error.to_string(),
            format!("{}: cannot write report: a pipe that no program reads from (waited 10 s)", fifo.display())
        );
        assert!(clock.elapsed() >= PIPE_READER_WAIT);
        // With a reader it is written in place.
        let reader_path = fifo.clone();
        let reader = std::thread::spawn(move || std::fs::read_to_string(reader_path).expect("read"));
        write_atomic(&fifo, "report", NONE).expect("written");
        assert_eq!(reader.join().expect("reader"), "report");
    }

    #[test]
    fn a_folder_is_not_a_report_path() {
        let dir = tempfile::tempdir().expect("tempdir");
        let error = write_atomic(dir.path(), "x", NONE).expect_err("refused");
        assert!(error.to_string().contains("is a folder"), "{error}");
    }

    /// The names in a folder, to show that a failed write leaves nothing behind.
    fn names_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .expect("read folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_file_in_the_way_is_a_clear_error_and_leaves_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let blocker = dir.path().join("notes.txt");
        std::fs::write(&blocker, "not a folder").expect("write");
        let path = blocker.join("report.html").to_string_lossy().into_owned();
        let error = write_atomic(&path, "<html>", NONE).expect_err("fails");
        let message = error.to_string();
        assert!(message.starts_with(&format!("{path}: cannot write report: ")), "{message}");
        assert_eq!(names_in(dir.path()), ["notes.txt"], "no temporary or partial file");
        assert_eq!(std::fs::read_to_string(&blocker).expect("read"), "not a folder");
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_is_a_clear_error_and_keeps_the_old_report() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("reports");
        std::fs::create_dir(&folder).expect("mkdir");
        let path = folder.join("report.md");
        std::fs::write(&path, "old report").expect("write");
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
        // Root ignores permissions: then the situation cannot be made here.
        let probe = folder.join(".probe");
        if std::fs::write(&probe, "").is_ok() {
            let _ = std::fs::remove_file(&probe);
            std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
            eprintln!("skipped: running with permission to write into read-only folders (root?)");
            return;
        }
        let target = path.to_string_lossy().into_owned();
        let result = write_atomic(&target, "new report", NONE);
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
        let error = result.expect_err("fails");
        assert!(error.to_string().starts_with(&format!("{target}: cannot write report: ")), "{error}");
        assert!(error.to_string().contains("ermission denied"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "old report", "old report intact");
        assert_eq!(names_in(&folder), ["report.md"], "no temporary file left");
    }

    #[test]
    fn missing_folder_is_a_clear_error() {
        let error = write_atomic("/no/such/folder/r.json", "x", NONE).expect_err("fails");
        assert!(error.to_string().starts_with("/no/such/folder/r.json: cannot write report"), "{error}");
    }
}
