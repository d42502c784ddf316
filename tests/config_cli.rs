//! The command line around the reader: configuration files (good and bad),
//! `--print-config`, `--help`, and the Markdown fallback when standard
//! output is not a terminal.

use assert_cmd::Command;
use std::path::Path;

const SAMPLES: &str = "assets/samples/dravik-dam";

fn parallax() -> Command {
    let mut command = Command::cargo_bin("parallax").expect("binary");
    // Never pick up the machine's own config from the home folder.
    command.env("XDG_CONFIG_HOME", "/nonexistent-parallax-test").env("HOME", "/nonexistent-parallax-test");
    command
}

fn json_with(config: Option<&Path>) -> serde_json::Value {
    let mut command = parallax();
    if let Some(path) = config {
        command.arg("--config").arg(path);
    }
    let output = command.args(["--export", "-", "--format", "json", SAMPLES]).output().expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("json")
}

#[test]
fn print_config_prints_the_commented_defaults() {
    let output = parallax().arg("--print-config").output().expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("utf-8");
    for section in ["# [matching]", "# [theme.styles]", "# [keys.reading]", "# next_discrepancy = [\"n\"]"] {
        assert!(text.contains(section), "missing {section}");
    }
}

#[test]
fn help_lists_the_options() {
    let output = parallax().arg("--help").output().expect("runs");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    for option in ["--export", "--format", "--config", "--no-config", "--print-config", "--quiet", "--version"] {
        assert!(text.contains(option), "--help lacks {option}");
    }
}

#[test]
fn no_arguments_prints_usage_and_exits_2() {
    let output = parallax().output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("Usage: parallax"));
}

#[test]
fn a_bad_config_names_the_file_and_the_line_and_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[matching]\nthreshold = 0.3\n\n[keys.reading]\nquit = [\"ctrl-nope\"]\n").expect("write");
    let output = parallax().arg("--config").arg(&path).arg(SAMPLES).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with(&format!("parallax: {}: line 5:", path.display())), "{stderr}");
    assert!(stderr.contains("unknown key 'ctrl-nope'"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");

    // --no-config ignores it; --config and --no-config together are refused.
    let ignored = parallax().arg("--no-config").args(["--export", "-", SAMPLES]).output().expect("runs");
    assert!(ignored.status.success());
    let both = parallax().arg("--config").arg(&path).arg("--no-config").arg(SAMPLES).output().expect("runs");
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn config_thresholds_apply_to_the_export_and_are_recorded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("strict.toml");
    std::fs::write(&path, "[matching]\nthreshold = 0.9\nlink_threshold = 0.9\n").expect("write");
    let default = json_with(None);
    let strict = json_with(Some(&path));
    assert_eq!(default["config_file"], serde_json::Value::Null);
    assert_eq!(strict["config_file"], serde_json::Value::String(path.display().to_string()));
    assert_eq!(strict["settings"]["matching"]["threshold"], serde_json::json!(0.9));
    let groups = |report: &serde_json::Value| report["groups"].as_array().map_or(0, Vec::len);
    assert!(groups(&strict) < groups(&default), "a stricter threshold matches fewer statements");
}

#[test]
fn without_a_terminal_the_markdown_report_goes_to_standard_output() {
    let output = parallax().arg(SAMPLES).output().expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.starts_with("# Comparison of 5 articles"), "{}", &text[..text.len().min(200)]);
}
