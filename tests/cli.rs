//! The command line as a script uses it: exit codes, messages, formats,
//! determinism.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn parallax() -> Command {
    let mut command = Command::cargo_bin("parallax").expect("binary");
    command.env("NO_COLOR", "1");
    command
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/dravik-dam")
}

fn stdout_of(args: &[&str], envs: &[(&str, &str)]) -> Vec<u8> {
    let mut command = parallax();
    command.args(args).arg(samples());
    for (key, value) in envs {
        command.env(key, value);
    }
    let output = command.output().expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    output.stdout
}

#[test]
fn version_and_help() {
    let version = parallax().arg("--version").output().expect("runs");
    assert!(version.status.success());
    assert!(String::from_utf8_lossy(&version.stdout).starts_with(&format!("parallax {}", env!("CARGO_PKG_VERSION"))));
    let help = parallax().arg("--help").output().expect("runs");
    let text = String::from_utf8_lossy(&help.stdout);
    for option in ["--export", "--format", "--max-input-size", "--match-threshold", "Exit codes"] {
        assert!(text.contains(option), "help lacks {option}");
    }
}

#[test]
fn reports_are_byte_identical_across_runs_and_thread_counts() {
    let first = stdout_of(&["--export", "-", "--format", "json"], &[]);
    let second = stdout_of(&["--export", "-", "--format", "json"], &[]);
    let single_thread = stdout_of(&["--export", "-", "--format", "json"], &[("RAYON_NUM_THREADS", "1")]);
    assert!(first == second, "two runs differ");
    assert!(first == single_thread, "thread count changes the report");
}

#[test]
fn standard_output_defaults_to_markdown() {
    let markdown = String::from_utf8(stdout_of(&["--export", "-"], &[])).expect("utf-8");
    assert!(markdown.starts_with("# Comparison of 5 articles"), "{}", &markdown[..80.min(markdown.len())]);
    assert!(markdown.contains("## Discrepancies"));
}

#[test]
fn export_format_comes_from_the_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.json");
    let output = parallax().arg("--export").arg(&path).arg(samples()).output().expect("runs");
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("report written to"));
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).expect("written")).expect("json");
    assert_eq!(report["version"], 1);
    assert_eq!(report["articles"].as_array().map(Vec::len), Some(5));
}

#[test]
fn unknown_extension_is_a_clear_error_listing_formats() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.docx");
    let output = parallax().arg("--export").arg(&path).arg(samples()).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("report.docx") && message.contains("json") && message.contains("md"), "{message}");
    assert!(!path.exists(), "nothing is written");
    let unknown = parallax().args(["--export", "-", "--format", "pdf"]).arg(samples()).output().expect("runs");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown format 'pdf'"));
}

#[test]
fn unusable_inputs_are_skipped_with_a_warning_and_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n\n ").expect("write");
    let output = parallax()
        .args(["--export", "-", "--format", "json"])
        .arg(samples().join("01-cpa-wire.txt"))
        .arg(samples().join("05-kanal-nord.txt"))
        .arg(&empty)
        .arg(dir.path().join("missing.txt"))
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("empty.txt: empty: no text (skipped)"), "{stderr}");
    assert!(stderr.contains("missing.txt: no such file or folder (skipped)"), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let skipped = report["skipped"].as_array().expect("skipped");
    assert_eq!(skipped.len(), 2);
    assert_eq!(report["articles"].as_array().map(Vec::len), Some(2));
}

#[test]
fn fewer_than_two_articles_exits_3() {
    let output = parallax().args(["--export", "-"]).arg(samples().join("01-cpa-wire.txt")).output().expect("runs");
    assert_eq!(output.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&output.stderr).contains("need at least two usable articles"));
}

#[test]
fn an_unwritable_report_path_fails_cleanly() {
    let output = parallax().args(["--export", "/no/such/folder/report.json"]).arg(samples()).output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("/no/such/folder/report.json: cannot write report"), "{stderr}");
}

#[test]
fn a_script_reading_standard_error_sees_no_progress_bar() {
    // The bar is for people at a terminal; piped stderr gets only messages.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.md");
    let output = parallax().arg("--export").arg(&path).arg(samples()).output().expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).expect("utf-8");
    assert_eq!(stderr, format!("parallax: report written to {}\n", path.display()));
}

#[test]
fn timings_are_printed_by_the_command_from_stage_callbacks_and_change_no_report() {
    let args = ["--no-config", "--export", "-", "--format", "json"];
    let run = |envs: &[(&str, &str)]| {
        let mut command = parallax();
        command.args(args).arg(samples()).envs(envs.iter().copied());
        command.output().expect("runs")
    };
    let timed = run(&[("PARALLAX_TIMINGS", "1")]);
    let plain = run(&[]);
    assert_eq!(timed.stdout, plain.stdout, "timings never touch the report");
    let stderr = String::from_utf8_lossy(&timed.stderr);
    for stage in ["splitting sentences: ", "matching statements: ", "aligning paragraphs: ", "finding discrepancies: "]
    {
        assert!(stderr.lines().any(|l| l.starts_with(stage) && l.ends_with(" ms")), "{stage}missing in {stderr}");
    }
    assert!(plain.stderr.is_empty(), "{}", String::from_utf8_lossy(&plain.stderr));
}
