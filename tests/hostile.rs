//! Hostile input, second round, through the real command: OS paths that
//! are not UTF-8 for every path option, standard input that never sends
//! anything, and signals while the page cache is written. Each case
//! asserts the exit code and the one line naming the input (README, "Bad
//! input" and "Exit codes").

#![cfg(unix)]

use assert_cmd::Command;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/dravik-dam").join(name)
}

/// Two good articles.
fn good_pair() -> [PathBuf; 2] {
    [sample("01-cpa-wire.txt"), sample("05-kanal-nord.txt")]
}

struct Run {
    code: Option<i32>,
    stderr: String,
    stdout: Vec<u8>,
}

impl Run {
    fn lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

fn run<I, S>(args: I, stdin: Option<&[u8]>) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::cargo_bin("parallax").expect("binary");
    command.env("NO_COLOR", "1").args(args).timeout(Duration::from_secs(300));
    if let Some(stdin) = stdin {
        command.write_stdin(stdin.to_vec());
    }
    let output = command.output().expect("runs");
    let run = Run {
        code: output.status.code(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        stdout: output.stdout,
    };
    assert_ne!(run.code, Some(101), "parallax panicked:\n{}", run.stderr);
    run
}

/// A name with a byte that is not UTF-8, in `dir`; None where the file
/// system refuses such names.
fn non_utf8(dir: &Path, stem: &[u8], extension: &str) -> Option<PathBuf> {
    let mut name = stem.to_vec();
    name.extend_from_slice(b"\xe9");
    name.extend_from_slice(extension.as_bytes());
    let path = dir.join(OsStr::from_bytes(&name));
    let probe = std::fs::write(&path, "").and_then(|()| std::fs::remove_file(&path));
    if probe.is_err() {
        eprintln!("skipped: this file system refuses names that are not UTF-8");
        return None;
    }
    Some(path)
}

#[test]
fn an_export_path_that_is_not_utf8_is_written_as_it_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(target) = non_utf8(dir.path(), b"report-", ".json") else { return };
    let [first, second] = good_pair();
    let mut args = vec![OsStr::new("--no-config").to_owned(), "--export".into(), target.clone().into()];
    args.extend([first.clone().into(), second.clone().into()]);
    let result = run(&args, None);
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    assert_eq!(result.lines(), [format!("parallax: report written to {}", target.to_string_lossy())]);
    let written = std::fs::read(&target).expect("the report, under its own name");
    let report: serde_json::Value = serde_json::from_slice(&written).expect("a JSON report");
    assert_eq!(report["articles"].as_array().map(Vec::len), Some(2));

    // One that cannot be written: one line naming it (lossily), exit 1.
    let missing = dir.path().join(OsStr::from_bytes(b"no-such-\xe9")).join("r.md");
    let result = run(
        [OsStr::new("--no-config"), OsStr::new("--export"), missing.as_os_str(), first.as_os_str(), second.as_os_str()],
        None,
    );
    assert_eq!(result.code, Some(1), "{}", result.stderr);
    assert_eq!(
        result.lines(),
        [format!("parallax: {}: cannot write report: No such file or directory", missing.to_string_lossy())]
    );

    // Without a known extension: the format cannot be told, exit 2, named.
    let bare = dir.path().join(OsStr::from_bytes(b"report-\xe9"));
    let result = run(
        [OsStr::new("--no-config"), OsStr::new("--export"), bare.as_os_str(), first.as_os_str(), second.as_os_str()],
        None,
    );
    assert_eq!(result.code, Some(2), "{}", result.stderr);
    assert_eq!(
        result.lines(),
        [format!(
            "parallax: cannot tell the report format from '{}': use an extension or --format (html (htm), md \
             (markdown), json, csv, figures-csv)",
            bare.to_string_lossy()
        )]
    );
}

#[test]
fn an_input_with_a_name_that_is_not_utf8_is_never_overwritten_by_the_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(input) = non_utf8(dir.path(), b"article-", ".md") else { return };
    std::fs::copy(sample("05-kanal-nord.txt"), &input).expect("copy");
    let before = std::fs::read(&input).expect("read");
    let [first, _] = good_pair();
    let result = run(
        [OsStr::new("--no-config"), OsStr::new("--export"), input.as_os_str(), first.as_os_str(), input.as_os_str()],
        None,
    );
    assert_eq!(result.code, Some(1), "{}", result.stderr);
    assert_eq!(
        result.lines(),
        [format!("parallax: {}: refusing to overwrite an input article", input.to_string_lossy())]
    );
    assert_eq!(std::fs::read(&input).expect("read"), before, "the article is untouched");
}

#[test]
fn config_and_review_paths_that_are_not_utf8_are_used_as_they_are() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(config) = non_utf8(dir.path(), b"config-", ".toml") else { return };
    let [first, second] = good_pair();
    // A config that exists is read (its setting shows in the report).
    std::fs::write(&config, "[matching]\nthreshold = 0.61\n").expect("write");
    let result = run(
        [
            OsStr::new("--config"),
            config.as_os_str(),
            OsStr::new("--export"),
            OsStr::new("-"),
            OsStr::new("--format"),
            OsStr::new("json"),
            first.as_os_str(),
            second.as_os_str(),
        ],
        None,
    );
    assert_eq!((result.code, result.stderr.as_str()), (Some(0), ""));
    let report: serde_json::Value = serde_json::from_slice(&result.stdout).expect("a JSON report");
    assert_eq!(report["settings"]["matching"]["threshold"], 0.61, "{}", report["settings"]);
    // A config that is broken is named lossily, exit 2.
    std::fs::write(&config, "[matching\n").expect("write");
    let result = run(
        [OsStr::new("--config"), config.as_os_str(), OsStr::new("--export"), OsStr::new("-")]
            .into_iter()
            .chain([first.as_os_str(), second.as_os_str()]),
        None,
    );
    assert_eq!(result.code, Some(2), "{}", result.stderr);
    assert_eq!(result.lines().len(), 1, "{}", result.stderr);
    assert!(result.stderr.starts_with(&format!("parallax: {}: ", config.to_string_lossy())), "{}", result.stderr);

    // A review file under such a name is opened (an empty one: nothing to apply).
    let review = dir.path().join(OsStr::from_bytes(b"review-\xe9.json"));
    let result = run(
        [
            OsStr::new("--no-config"),
            OsStr::new("--review"),
            review.as_os_str(),
            OsStr::new("--export"),
            OsStr::new("-"),
        ]
        .into_iter()
        .chain([first.as_os_str(), second.as_os_str()]),
        None,
    );
    assert_eq!((result.code, result.stderr.as_str()), (Some(0), ""));
}

#[allow(dead_code)]
fn elapsed_since(clock: Instant) -> Duration {
    clock.elapsed()
}
