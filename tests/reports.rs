//! The reports as the command writes them: every format from its extension
//! or `--format`, byte-identical across runs and between a file and standard
//! output, and writing that fails cleanly (clear message, old report kept,
//! nothing half-written left behind).

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/dravik-dam")
}

fn parallax() -> Command {
    Command::cargo_bin("parallax").expect("the parallax binary")
}

fn export(path: &Path, extra: &[&str]) -> std::process::Output {
    parallax().arg("--quiet").arg("--export").arg(path).args(extra).arg(samples()).output().expect("parallax runs")
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_format_from_its_extension_and_byte_identical_across_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = [
        ("report.html", "<!doctype html>"),
        ("report.htm", "<!doctype html>"),
        ("report.md", "# Comparison of 5 articles"),
        ("numbers.csv", "article,outlet,quantity,text,value"),
        ("report.json", "{\n  \"version\": 1,"),
    ];
    for (name, start) in cases {
        let path = dir.path().join(name);
        let output = export(&path, &[]);
        assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
        let first = std::fs::read(&path).expect("report written");
        assert!(first.starts_with(start.as_bytes()), "{name} starts with {start:?}");
        let again = export(&path, &[]);
        assert!(again.status.success());
        assert_eq!(std::fs::read(&path).expect("report"), first, "{name}: same input, same bytes");
    }
}

#[test]
fn standard_output_and_file_get_the_same_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    for format in ["html", "md", "csv", "json"] {
        let path = dir.path().join(format!("report.{format}"));
        assert!(export(&path, &[]).status.success());
        let stdout = parallax()
            .args(["--quiet", "--export", "-", "--format", format])
            .arg(samples())
            .output()
            .expect("parallax runs");
        assert!(stdout.status.success());
        assert_eq!(stdout.stdout, std::fs::read(&path).expect("report"), "{format}");
    }
}

#[test]
fn format_flag_overrides_the_extension_and_unknown_formats_are_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("numbers.txt");
    assert!(export(&path, &["--format", "csv"]).status.success());
    assert!(std::fs::read_to_string(&path).expect("csv").starts_with("article,outlet,"));

    let output = export(&dir.path().join("report.pdf"), &[]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    for name in ["html", "md", "json", "csv"] {
        assert!(message.contains(name), "{message}");
    }
}

#[test]
fn an_unwritable_path_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("notes.txt");
    std::fs::write(&blocker, "x").expect("write");
    let path = blocker.join("report.html");
    let output = export(&path, &[]);
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.starts_with(&format!("parallax: {}: cannot write report: ", path.display())), "{message}");
    assert_eq!(message.lines().count(), 1, "one line: {message}");
    assert_eq!(names_in(dir.path()), ["notes.txt"]);
}

/// A full disk, simulated with a file-size limit (`ulimit -f`, with the
/// SIGXFSZ signal ignored so the write fails as on a full disk): the error
/// is clear, the previous report is untouched and no temporary file stays.
#[cfg(unix)]
#[test]
fn a_failed_write_keeps_the_old_report_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.html");
    std::fs::write(&path, "previous report").expect("write");
    let binary = assert_cmd::cargo::cargo_bin("parallax");
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 16 && exec \"$0\" --quiet --export \"$1\" \"$2\"")
        .arg(&binary)
        .arg(&path)
        .arg(samples())
        .output()
        .expect("sh runs");
    let message = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(
        message.starts_with(&format!("parallax: {}: cannot write report: File too large", path.display())),
        "{message}"
    );
    assert!(!message.contains(".parallax-"), "the temporary file is no concern of the user's: {message}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "previous report");
    assert_eq!(names_in(dir.path()), ["report.html"], "no temporary file left");
}
