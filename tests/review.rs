//! Reviews end to end: the real binary keeps a review across quit and
//! reopen (in a pseudo-terminal), and headless exports carry a review given
//! with `--review PATH`, the editor's summary (`--only confirmed`), and a
//! corrupt review file set aside in one line.

#[path = "common/pty.rs"]
mod pty;

use assert_cmd::Command;
use parallax::ingest::IngestOptions;
use parallax::review::{self, Fingerprint, Review, Verdict, store};
use parallax::{Settings, compare_inputs};
use pty::Session;
use std::path::Path;

const SAMPLES: &str = "assets/samples/dravik-dam";

/// The reader on the samples, its reviews kept in `data_dir`.
fn start(data_dir: &Path) -> Session {
    Session::start_with(&[("PARALLAX_DATA_DIR", data_dir.to_str().expect("a UTF-8 temporary path"))])
}

/// Quits the reader and checks it exits cleanly.
fn quit(session: &mut Session) {
    session.press(b"q");
    assert!(session.wait_exit().success(), "parallax exits cleanly");
}

fn saved_reviews(data_dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(data_dir.join("reviews"))
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn a_review_survives_quit_and_reopen() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut session = start(data.path());
    session.wait_for("Source: Continental Press");
    session.wait_for("? help");
    session.press(b"n");
    session.wait_for(" 1/");
    session.press(b"c");
    session.wait_for("confirmed (u undoes)");
    session.wait_for(" reviewed");
    session.press(b"a");
    session.wait_for("Ctrl-S keeps");
    session.press(b"checked with the ministry\rsecond line");
    session.press(b"\x13"); // Ctrl-S
    session.wait_for("note kept");
    quit(&mut session);

    let files = saved_reviews(data.path());
    assert_eq!(files.len(), 1, "one review file in the data folder: {files:?}");
    let text = std::fs::read_to_string(&files[0]).expect("the review file");
    assert!(text.contains("\"confirmed\"") && text.contains("checked with the ministry\\nsecond line"), "{text}");

    let mut session = start(data.path());
    session.wait_for("review restored: 1/");
    session.wait_for(" reviewed");
    let screen = session.contents();
    let progress = screen.split(" reviewed").next().and_then(|before| before.rsplit(' ').next()).unwrap_or_default();
    assert!(progress.starts_with("1/"), "one of the discrepancies is reviewed: {screen}");
    session.press(b"d");
    session.wait_for("1✓");
    quit(&mut session);
}

fn sample_review() -> (Review, usize) {
    let comparison = compare_inputs(&[SAMPLES.to_owned()], &IngestOptions::default(), &Settings::default());
    let mut review = Review::new(review::articles_of(&comparison));
    let target = Fingerprint::of(&comparison, &comparison.discrepancies[0]);
    let judgement = review.judgement_mut(None, &target, "2026-03-05T10:00:00Z");
    judgement.verdict = Some(Verdict::Confirmed);
    judgement.note = "per the ministry".to_owned();
    let target = Fingerprint::of(&comparison, &comparison.discrepancies[1]);
    review.judgement_mut(None, &target, "2026-03-05T10:01:00Z").verdict = Some(Verdict::FalseAlarm);
    (review, comparison.discrepancies.len())
}

#[test]
fn a_headless_export_carries_the_review_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("review.json");
    let (review, total) = sample_review();
    store::save(&path, &review).expect("saved");
    let output = Command::cargo_bin("parallax")
        .expect("binary")
        .args(["--no-config", "--export", "-", "--format", "json", "--review"])
        .arg(&path)
        .arg(SAMPLES)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["review"]["reviewed"], 2);
    assert_eq!(report["review"]["total"], total);
    assert_eq!(report["discrepancies"][0]["review"]["verdict"], "confirmed");
    assert_eq!(report["discrepancies"][0]["review"]["note"], "per the ministry");
    assert_eq!(report["discrepancies"][1]["review"]["verdict"], "false_alarm");
    assert!(report["discrepancies"][2].get("review").is_none());
    assert_eq!(report["review"]["verdicts"][0]["by"], "reviewer");

    // The editor's summary: the confirmed discrepancy alone, with its note.
    let output = Command::cargo_bin("parallax")
        .expect("binary")
        .args(["--no-config", "--export", "-", "--format", "md", "--only", "confirmed", "--review"])
        .arg(&path)
        .arg(SAMPLES)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let markdown = String::from_utf8_lossy(&output.stdout);
    assert!(markdown.contains("Editor's summary"), "{markdown}");
    assert!(markdown.contains("Note: per the ministry"));
    assert!(markdown.contains("### 1. ") && !markdown.contains("### 2. "), "{markdown}");

    // The CSV adds the reviewer's columns.
    let output = Command::cargo_bin("parallax")
        .expect("binary")
        .args(["--no-config", "--export", "-", "--format", "csv", "--review"])
        .arg(&path)
        .arg(SAMPLES)
        .output()
        .expect("runs");
    let csv = String::from_utf8_lossy(&output.stdout);
    let header = csv.lines().next().unwrap_or_default();
    assert!(header.ends_with("verdict,note,pinned,reviewer_corrections"), "{header}");
    assert!(csv.lines().skip(1).any(|row| row.contains(",confirmed,per the ministry,")), "{csv}");

    // The figures CSV too: the reviewer's columns after the engine's, and
    // in the editor's summary only the confirmed discrepancy's figures.
    let figures = |only: bool| {
        let mut command = Command::cargo_bin("parallax").expect("binary");
        command.args(["--no-config", "--export", "-", "--format", "figures-csv", "--review"]).arg(&path);
        if only {
            command.args(["--only", "confirmed"]);
        }
        let output = command.arg(SAMPLES).output().expect("runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let all = figures(false);
    let header = all.lines().next().unwrap_or_default();
    assert!(header.ends_with(",reviewer_verdict,reviewer_note,reviewer_pinned,reviewer_corrections"), "{header}");
    assert!(all.lines().any(|row| row.contains(",confirmed,per the ministry,")), "{all}");
    let summary = figures(true);
    let rows: Vec<&str> = summary.lines().skip(1).collect();
    assert!(!rows.is_empty() && rows.len() < all.lines().count() - 1, "{summary}");
    assert!(rows.iter().all(|row| row.contains(",confirmed,per the ministry,")), "{summary}");

    // Without the review, the report is the engine's alone.
    let plain = Command::cargo_bin("parallax")
        .expect("binary")
        .args(["--no-config", "--no-review", "--export", "-", "--format", "json", SAMPLES])
        .output()
        .expect("runs");
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).expect("JSON");
    assert!(plain.get("review").is_none());
}

#[test]
fn a_corrupt_review_file_is_set_aside_in_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("review.json");
    std::fs::write(&path, "{ not json").expect("write");
    let output = Command::cargo_bin("parallax")
        .expect("binary")
        .args(["--no-config", "--export", "-", "--format", "json", "--review"])
        .arg(&path)
        .arg(SAMPLES)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("review file")).collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].contains("is corrupt") && lines[0].contains("set aside"), "{stderr}");
    assert_eq!(std::fs::read_to_string(dir.path().join("review.json.corrupt")).expect("kept"), "{ not json");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(report.get("review").is_none());
    // An unknown verdict is a usage error.
    Command::cargo_bin("parallax")
        .expect("binary")
        .args(["--no-config", "--export", "-", "--only", "maybe", SAMPLES])
        .assert()
        .code(2);
}
