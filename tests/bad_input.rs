//! Hostile and broken input through the real command: each case gets its
//! exact behaviour — the exit code, the one-line message naming the input,
//! or the graceful result in the report — as the README's "Bad input"
//! section documents it. Nothing here may panic (a panic exits with 101).
//!
//! Heavy cases (a 200 MB file read with the limit raised, a 10 MB line) are
//! `#[ignore]`d; run them with `cargo test --release --test bad_input -- --ignored`.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/dravik-dam")
}

fn sample(name: &str) -> String {
    samples().join(name).to_string_lossy().into_owned()
}

/// Two good articles that carry the run while a bad input is skipped.
fn good_pair() -> [String; 2] {
    [sample("01-cpa-wire.txt"), sample("05-kanal-nord.txt")]
}

struct Run {
    code: Option<i32>,
    stderr: String,
    stdout: Vec<u8>,
    elapsed: Duration,
}

impl Run {
    fn lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }

    fn report(&self) -> Value {
        serde_json::from_slice(&self.stdout).unwrap_or_else(|e| panic!("a JSON report ({e}); stderr: {}", self.stderr))
    }
}

/// Runs `parallax --no-config --export - --format json ARGS`.
fn parallax<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    parallax_with(&["--no-config", "--export", "-", "--format", "json"], args)
}

fn parallax_with<I, S>(options: &[&str], args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let clock = Instant::now();
    let output = Command::cargo_bin("parallax")
        .expect("binary")
        .env("NO_COLOR", "1")
        .args(options)
        .args(args)
        .timeout(Duration::from_secs(300))
        .output()
        .expect("runs");
    let run = Run {
        code: output.status.code(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        stdout: output.stdout,
        elapsed: clock.elapsed(),
    };
    assert_ne!(run.code, Some(101), "parallax panicked:\n{}", run.stderr);
    run
}

/// A bad input given with two good ones: skipped with exactly `reason`,
/// listed in the report, and the run succeeds on the other two.
fn assert_skipped(bad: &Path, reason: &str) {
    let bad_name = bad.to_string_lossy().into_owned();
    let [first, second] = good_pair();
    let run = parallax([first.as_str(), bad_name.as_str(), second.as_str()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.lines(), [format!("parallax: warning: {bad_name}: {reason} (skipped)")]);
    let report = run.report();
    assert_eq!(report["articles"].as_array().map(Vec::len), Some(2));
    assert_eq!(report["skipped"][0]["source"], bad_name.as_str());
    assert_eq!(report["skipped"][0]["reason"], reason);
}

#[test]
fn no_arguments_print_usage_and_exit_2() {
    let run = parallax_with(&[], std::iter::empty::<&str>());
    assert_eq!(run.code, Some(2));
    assert_eq!(run.lines()[0], "parallax: no inputs given");
    assert!(run.stderr.contains("Usage: parallax [OPTIONS] <INPUT>..."), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn a_missing_path_is_skipped_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_skipped(&dir.path().join("missing.txt"), "no such file or folder");
}

#[test]
fn an_unreadable_file_is_skipped_as_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, "The Dravik dam burst.").expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&locked).is_ok() {
        // Root reads it anyway: the situation cannot be made here.
        eprintln!("skipped: this user can read a file with mode 000 (root?)");
        return;
    }
    assert_skipped(&locked, "permission denied");
}

#[test]
fn a_folder_without_articles_is_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("notes.json"), "{}").expect("write");
    std::fs::write(dir.path().join(".hidden.txt"), "The dam burst.").expect("write");
    assert_skipped(dir.path(), "folder holds no article files (.txt, .md, .markdown, .html, .htm)");
}

#[test]
fn empty_and_whitespace_only_files_are_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    assert_skipped(&empty, "empty: no text");
    let blank = dir.path().join("blank.md");
    std::fs::write(&blank, " \n\t\r\n\u{a0}\u{200b}\n").expect("write");
    assert_skipped(&blank, "empty: no text");
}

#[test]
fn binary_files_are_skipped_naming_what_they_are() {
    let dir = tempfile::tempdir().expect("tempdir");
    let png = dir.path().join("photo.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06").expect("write");
    assert_skipped(&png, "not an article: PNG image data");
    let elf = dir.path().join("program");
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0".to_vec();
    bytes.extend(std::iter::repeat_n(0u8, 4096));
    std::fs::write(&elf, bytes).expect("write");
    assert_skipped(&elf, "not an article: ELF executable data");
    let noise = dir.path().join("noise.md");
    std::fs::write(&noise, (0..4096u32).map(|i| (i * 7 % 32) as u8).collect::<Vec<u8>>()).expect("write");
    assert_skipped(&noise, "not an article: binary data (control bytes, not text)");
}

#[test]
fn invalid_utf8_is_decoded_as_a_legacy_encoding_not_replaced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let latin = dir.path().join("latin.txt");
    // Windows-1252: é, curly quotes; not valid UTF-8.
    std::fs::write(
        &latin,
        b"Source: Velmora Post\n\nThe caf\xe9 on Mill Street said \x93we are open\x94 to everyone who fled the flood.",
    )
    .expect("write");
    let run = parallax([latin.as_os_str(), samples().join("01-cpa-wire.txt").as_os_str()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "", "no warning: the file is usable");
    let report = run.report();
    let article = &report["articles"][0];
    let text = article["text"].as_str().expect("text");
    assert!(text.contains("The café on Mill Street said \u{201c}we are open\u{201d}"), "{text}");
    assert!(!text.contains('\u{fffd}'), "no replacement characters: {text}");
    let encoding = article["provenance"]["encoding"].as_str().expect("encoding");
    assert!(encoding.starts_with("windows-125"), "{encoding}");

    // Mostly UTF-8 with a stray byte: still read, never a panic.
    let stray = dir.path().join("stray.txt");
    std::fs::write(&stray, b"Z\xc3\xbcrich reported 4,500 evacuated \xff on Tuesday.").expect("write");
    let run = parallax([stray.as_os_str(), samples().join("01-cpa-wire.txt").as_os_str()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let report = run.report();
    assert!(report["articles"][0]["text"].as_str().expect("text").contains("4,500 evacuated"));
}

#[test]
fn a_200_megabyte_file_is_refused_before_it_is_read_naming_the_flag() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("big.txt");
    // Sparse: 200 MB on paper, no disk used; refused from its size alone.
    std::fs::File::create(&big).and_then(|f| f.set_len(200_000_000)).expect("sparse file");
    assert_skipped(&big, "200000000 bytes is over the 67108864-byte limit (raise it with --max-input-size)");
}

#[test]
fn the_limit_follows_max_input_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("a.txt");
    std::fs::copy(samples().join("04-sunday-ledger-feature.txt"), &article).expect("copy");
    let size = std::fs::metadata(&article).expect("metadata").len();
    let [first, second] = good_pair();
    let refused = parallax_with(
        &["--no-config", "--export", "-", "--format", "json", "--max-input-size", &(size - 1).to_string()],
        [article.as_os_str(), first.as_ref(), second.as_ref()],
    );
    let name = article.to_string_lossy();
    assert_eq!(
        refused.lines(),
        [format!(
            "parallax: warning: {name}: {size} bytes is over the {}-byte limit (raise it with --max-input-size) (skipped)",
            size - 1
        )]
    );
    let accepted = parallax_with(
        &["--no-config", "--export", "-", "--format", "json", "--max-input-size", &size.to_string()],
        [article.as_os_str(), first.as_ref(), second.as_ref()],
    );
    assert_eq!((accepted.code, accepted.stderr.as_str()), (Some(0), ""));
    assert_eq!(accepted.report()["articles"].as_array().map(Vec::len), Some(3));
}

/// Words without a single punctuation mark, `bytes` long.
fn unpunctuated_line(bytes: usize) -> String {
    const WORDS: &[&str] = &["river", "dam", "town", "flood", "water", "people", "rescue", "night", "bridge", "valley"];
    let mut line = String::with_capacity(bytes + 8);
    let mut state = 12_345_u64;
    while line.len() < bytes {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        line.push_str(WORDS[(state % WORDS.len() as u64) as usize]);
        line.push(' ');
    }
    line.truncate(bytes);
    line
}

fn check_long_line(bytes: usize, limit: Duration) {
    let dir = tempfile::tempdir().expect("tempdir");
    let long = dir.path().join("long.txt");
    std::fs::write(&long, unpunctuated_line(bytes)).expect("write");
    let run = parallax([long.as_os_str(), samples().join("01-cpa-wire.txt").as_os_str()]);
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    assert!(run.elapsed < limit, "took {:?}", run.elapsed);
    let report = run.report();
    let sentences = report["articles"][0]["sentences"].as_array().expect("sentences");
    // Cut into sentences of at most 2,000 bytes at spaces, covering the line.
    assert!(sentences.len() >= bytes / 2_000, "{} sentences", sentences.len());
    for sentence in sentences {
        let length = sentence["end"].as_u64().expect("end") - sentence["start"].as_u64().expect("start");
        assert!(length <= 2_000, "a {length}-byte sentence");
    }
}

#[test]
fn a_long_line_without_punctuation_is_cut_into_bounded_sentences() {
    // 256 KB keeps a debug build fast; the 10 MB case is below (ignored).
    check_long_line(256 * 1024, Duration::from_secs(60));
}

#[test]
#[ignore = "heavy: run with --release -- --ignored"]
fn a_10_megabyte_line_without_punctuation_finishes_in_seconds() {
    // 2.9 s in a release build on a 2-core machine; quadratic it took minutes.
    let limit = if cfg!(debug_assertions) { 300 } else { 30 };
    check_long_line(10_000_000, Duration::from_secs(limit));
}

#[test]
#[ignore = "heavy: minutes and gigabytes; run with -- --ignored"]
fn a_200_megabyte_file_with_the_limit_raised_runs_in_bounded_memory() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/big-input.sh");
    let status = std::process::Command::new("bash").arg(script).arg("200").status().expect("runs the script");
    assert!(status.success(), "scripts/big-input.sh failed");
}

#[test]
fn a_thousand_one_sentence_files_are_compared() {
    let dir = tempfile::tempdir().expect("tempdir");
    let places = ["Velmora", "Dravik", "Orlen", "Kesh", "Mill Street"];
    for i in 0..1_000 {
        let text = format!("The water reached {} at {} o'clock, {i} residents said.\n", places[i % 5], i % 12 + 1);
        std::fs::write(dir.path().join(format!("{i:04}.txt")), text).expect("write");
    }
    let run = parallax([dir.path()]);
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    assert!(run.elapsed < Duration::from_secs(60), "took {:?}", run.elapsed);
    let report = run.report();
    let articles = report["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 1_000);
    // Natural order: 0000.txt first, 0999.txt last.
    assert!(articles[0]["source"].as_str().is_some_and(|s| s.ends_with("0000.txt")));
    assert!(articles[999]["source"].as_str().is_some_and(|s| s.ends_with("0999.txt")));
}

#[test]
fn the_same_file_given_twice_is_read_once_and_the_repeat_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("a.txt");
    std::fs::copy(samples().join("01-cpa-wire.txt"), &article).expect("copy");
    let first = article.to_string_lossy().into_owned();
    let again = dir.path().join(".").join("a.txt").to_string_lossy().into_owned();
    let other = sample("05-kanal-nord.txt");
    // Also through the folder that holds it.
    let folder = dir.path().to_string_lossy().into_owned();
    let run = parallax([&first, &again, &other, &folder]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let folder_copy = dir.path().join("a.txt").to_string_lossy().into_owned();
    assert_eq!(
        run.lines(),
        [
            format!("parallax: warning: {again}: the same file as {first}, given twice (skipped)"),
            format!("parallax: warning: {folder_copy}: the same file as {first}, given twice (skipped)"),
        ]
    );
    assert_eq!(run.report()["articles"].as_array().map(Vec::len), Some(2));

    // Given twice and nothing else: one article, so exit 3.
    let alone = parallax_with(&["--no-config", "--export", "-"], [&first, &first]);
    assert_eq!(alone.code, Some(3));
    assert_eq!(
        alone.lines(),
        [
            format!("parallax: warning: {first}: the same file as {first}, given twice (skipped)"),
            "parallax: need at least two usable articles to compare, got 1".to_owned(),
        ]
    );
}

#[test]
fn identical_articles_agree_on_everything() {
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("copy.txt");
    std::fs::copy(samples().join("01-cpa-wire.txt"), &copy).expect("copy");
    let run = parallax([sample("01-cpa-wire.txt").as_str(), copy.to_string_lossy().as_ref()]);
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    let summary = &run.report()["summary"];
    assert!(summary["groups"].as_u64().is_some_and(|n| n > 10), "{summary}");
    assert_eq!(summary["groups_in_all_articles"], summary["groups"], "every statement shared by both");
    for kind in ["number", "name", "date", "unique"] {
        assert_eq!(summary["discrepancies"][kind], 0, "{kind}: {summary}");
    }
}

#[test]
fn articles_with_nothing_in_common_share_nothing_and_mislead_nowhere() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dam = dir.path().join("dam.txt");
    std::fs::write(&dam, "The Dravik dam burst on Tuesday.\n\nAbout 4,500 residents of Velmora were evacuated.")
        .expect("write");
    let chess = dir.path().join("chess.txt");
    std::fs::write(&chess, "Magnus Carlsen won the blitz final in Oslo.\n\nThe prize fund was 300,000 crowns.")
        .expect("write");
    let run = parallax([&dam, &chess]);
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    let summary = &run.report()["summary"];
    assert_eq!(summary["groups"], 0, "{summary}");
    for kind in ["number", "name", "date"] {
        assert_eq!(summary["discrepancies"][kind], 0, "{kind}: {summary}");
    }
}

#[test]
fn a_single_article_exits_3() {
    let run = parallax([sample("01-cpa-wire.txt")]);
    assert_eq!(run.code, Some(3));
    assert_eq!(run.lines(), ["parallax: need at least two usable articles to compare, got 1"]);
    assert!(run.stdout.is_empty(), "no report");
}

#[test]
fn articles_in_two_languages_are_compared_without_translation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let russian = dir.path().join("ru.txt");
    std::fs::write(
        &russian,
        "Источник: Вестник\n\nПрорыв дамбы в Вельморе\n\nДамба Дравик прорвалась во вторник. Эвакуированы 4500 \
         жителей. Погибли три человека.",
    )
    .expect("write");
    let run = parallax([sample("01-cpa-wire.txt").as_str(), russian.to_string_lossy().as_ref()]);
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    let report = run.report();
    let articles = report["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 2);
    let russian_sentences: Vec<&str> =
        articles[1]["sentences"].as_array().expect("sentences").iter().filter_map(|s| s["text"].as_str()).collect();
    assert!(russian_sentences.contains(&"Эвакуированы 4500 жителей."), "{russian_sentences:?}");
}

#[test]
fn an_export_over_an_input_article_is_refused_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("a.md");
    std::fs::copy(samples().join("03-northern-courier.md"), &article).expect("copy");
    let original = std::fs::read(&article).expect("read");
    // The same file under another spelling of its path.
    let target = dir.path().join(".").join("a.md").to_string_lossy().into_owned();
    let run = parallax_with(
        &["--no-config", "--export", &target],
        [article.as_os_str(), samples().join("01-cpa-wire.txt").as_os_str()],
    );
    assert_eq!(run.code, Some(1));
    assert_eq!(run.lines(), [format!("parallax: {target}: refusing to overwrite an input article")]);
    assert_eq!(std::fs::read(&article).expect("read"), original, "the article is untouched");
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names, ["a.md"], "no partial or temporary file");
}
