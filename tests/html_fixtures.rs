//! Saved pages of fictional outlets (`tests/fixtures/html/<name>/page.html`)
//! read exactly as their `expected.json` says: headline, outlet, byline,
//! date, encoding, and the body paragraphs, headings and captions in order.
//! Pages without article text (`tests/fixtures/html-refused/`) are refused
//! with a reason, and the command line lists them as skipped.

use assert_cmd::Command;
use parallax::ingest::{BlockRole, IngestError, IngestOptions, read_file};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn strings(value: &Value, key: &str) -> Vec<String> {
    value[key]
        .as_array()
        .unwrap_or_else(|| panic!("expected.json lacks {key}"))
        .iter()
        .map(|v| v.as_str().expect("a string").to_owned())
        .collect()
}

#[test]
fn saved_pages_read_exactly_as_expected() {
    let mut checked = 0;
    let mut folders: Vec<PathBuf> = std::fs::read_dir(fixtures().join("html"))
        .expect("fixtures folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        let name = folder.file_name().expect("name").to_string_lossy().into_owned();
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(folder.join("expected.json")).expect("expected.json"))
                .expect("expected.json is JSON");
        let page = folder.join("page.html").to_string_lossy().into_owned();
        let document = read_file(&page, &IngestOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let of_role = |role: BlockRole| -> Vec<String> {
            document
                .blocks
                .iter()
                .filter(|b| b.role == role)
                .map(|b| document.text[b.span.range()].to_owned())
                .collect()
        };
        assert_eq!(of_role(BlockRole::Body), strings(&expected, "body"), "{name}: body");
        assert_eq!(of_role(BlockRole::Heading), strings(&expected, "headings"), "{name}: headings");
        assert_eq!(of_role(BlockRole::Caption), strings(&expected, "captions"), "{name}: captions");
        assert_eq!(of_role(BlockRole::Title), [expected["title"].as_str().expect("title")], "{name}: title block");
        assert_eq!(document.provenance.encoding, expected["encoding"].as_str().expect("encoding"), "{name}");
        assert_eq!(document.provenance.format, "html", "{name}");
        assert!(!document.text.contains('\r'), "{name}: carriage returns survive");

        let article = parallax::segment::segment(document);
        assert_eq!(article.title, expected["title"].as_str().expect("title"), "{name}: title");
        assert_eq!(article.outlet, expected["outlet"].as_str().expect("outlet"), "{name}: outlet");
        assert_eq!(article.byline.as_deref(), expected["byline"].as_str(), "{name}: byline");
        assert_eq!(article.date.map(|d| d.iso()).as_deref(), expected["date"].as_str(), "{name}: date");
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} fixtures found");
}

#[test]
fn pages_without_article_text_are_refused_with_reasons() {
    let refused = fixtures().join("html-refused");
    let read = |file: &str| read_file(&refused.join(file).to_string_lossy(), &IngestOptions::default());
    match read("paywalled.html") {
        Err(IngestError::NoArticleText(reason)) => assert!(reason.contains("paywalled"), "{reason}"),
        other => panic!("paywalled page: {other:?}"),
    }
    match read("app-shell.html") {
        Err(IngestError::NoArticleText(reason)) => assert!(reason.contains("JavaScript"), "{reason}"),
        other => panic!("app shell: {other:?}"),
    }
}

#[test]
fn the_report_lists_refused_pages_and_non_articles_under_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let image = dir.path().join("photo.png");
    std::fs::write(&image, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").expect("write image");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n\n ").expect("write empty file");
    let html = fixtures().join("html");
    let output = Command::cargo_bin("parallax")
        .expect("binary")
        .args(["--export", "-", "--format", "json"])
        .arg(html.join("northern-courier/page.html"))
        .arg(fixtures().join("html-refused/paywalled.html"))
        .arg(&image)
        .arg(&empty)
        .arg(html.join("selka-valley-herald/page.html"))
        .output()
        .expect("parallax runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("paywalled.html: no article text"), "{stderr}");
    assert!(stderr.contains("photo.png: not an article: PNG image data (skipped)"), "{stderr}");
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let skipped: Vec<&str> =
        report["skipped"].as_array().expect("skipped").iter().map(|s| s["reason"].as_str().expect("reason")).collect();
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    assert!(skipped[0].starts_with("no article text: only "), "{skipped:?}");
    assert_eq!(skipped[1], "not an article: PNG image data");
    assert_eq!(skipped[2], "empty: no text");
    let outlets: Vec<&str> = report["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| a["outlet"].as_str().expect("outlet"))
        .collect();
    assert_eq!(outlets, ["The Northern Courier", "Selka Valley Herald"]);
}

#[test]
fn one_usable_page_is_not_enough() {
    let output = Command::cargo_bin("parallax")
        .expect("binary")
        .args(["--export", "-", "--format", "json"])
        .arg(fixtures().join("html/rks-news/page.html"))
        .arg(fixtures().join("html-refused/app-shell.html"))
        .output()
        .expect("parallax runs");
    assert_eq!(output.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("app-shell.html: no article text"), "{stderr}");
    assert!(stderr.contains("need at least two usable articles"), "{stderr}");
}

#[test]
fn a_page_piped_to_standard_input_is_read_as_html() {
    let page = std::fs::read(fixtures().join("html/rks-news/page.html")).expect("fixture");
    let output = Command::cargo_bin("parallax")
        .expect("binary")
        .args(["--export", "-", "--format", "json", "-"])
        .arg(fixtures().join("html/northern-courier/page.html"))
        .write_stdin(page)
        .output()
        .expect("parallax runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let first = &report["articles"][0];
    assert_eq!(first["source"], "-");
    assert_eq!(first["outlet"], "RKS News");
    assert_eq!(first["title"], "Paper mill fire in Halvik under control");
    assert_eq!(first["provenance"]["format"], "html");
}
