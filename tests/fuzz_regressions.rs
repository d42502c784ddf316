//! Replays every input the fuzzers ever crashed on (tests/fuzz-regressions/
//! <target>/<file>) through the same code the fuzz target drives, so a
//! fixed crash stays fixed. See scripts/fuzz.sh.

use parallax::ingest::{Format, parse_bytes};
use parallax::{Settings, compare_texts};
use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions").join(target);
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .map(|d| {
            d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.file_name().is_some_and(|n| n != ".keep")).collect()
        })
        .unwrap_or_default();
    files.sort();
    files.into_iter().filter_map(|f| Some((f.display().to_string(), std::fs::read(&f).ok()?))).collect()
}

#[test]
fn segment_regressions() {
    for (_, data) in inputs("segment") {
        for format in [Format::Text, Format::Markdown] {
            if let Ok(document) = parse_bytes("fuzz", &data, format) {
                let article = parallax::segment::segment(document);
                assert!(article.sentences.iter().all(|s| article.text.is_char_boundary(s.span.start)));
            }
        }
    }
}

#[test]
fn numbers_regressions() {
    for (_, data) in inputs("numbers") {
        let text = String::from_utf8_lossy(&data);
        for mention in parallax::numbers::extract(&text) {
            assert!(text.is_char_boundary(mention.span.start) && text.is_char_boundary(mention.span.end));
        }
    }
}

#[test]
fn html_regressions() {
    for (_, data) in inputs("html") {
        if let Ok(document) = parse_bytes("fuzz.html", &data, Format::Html) {
            let _ = parallax::segment::segment(document);
        }
    }
}

#[test]
fn pipeline_regressions() {
    for (_, data) in inputs("pipeline") {
        let text = String::from_utf8_lossy(&data);
        let parts: Vec<&str> = text.splitn(3, '\u{1}').collect();
        if parts.len() >= 2 {
            let names = ["a.txt", "b.md", "c.txt"];
            let inputs: Vec<(&str, &str)> = parts.iter().enumerate().map(|(i, p)| (names[i], *p)).collect();
            let comparison = compare_texts(&inputs, &Settings::default());
            assert!(comparison.groups.iter().all(|g| g.article_count() >= 2));
        }
    }
}
