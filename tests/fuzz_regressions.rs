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

/// `fuzz/Cargo.lock` is kept out of the workspace, so nothing updates it
/// when the main crate's dependencies change, and `cargo fuzz build` then
/// fails (or quietly builds other versions). The parallax package must
/// list the same dependencies in both locks, and every package both locks
/// hold must be at the same version.
#[test]
fn the_fuzz_lock_follows_the_main_lock() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |path: &str| -> toml::Table {
        let text = std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let packages = |lock: &toml::Table| -> Vec<(String, String, Vec<String>)> {
        lock["package"]
            .as_array()
            .expect("packages")
            .iter()
            .map(|p| {
                let field = |key: &str| p.get(key).and_then(toml::Value::as_str).unwrap_or_default().to_owned();
                let mut dependencies: Vec<String> = p
                    .get("dependencies")
                    .and_then(toml::Value::as_array)
                    .map(|d| d.iter().filter_map(toml::Value::as_str).map(str::to_owned).collect())
                    .unwrap_or_default();
                dependencies.sort();
                (field("name"), field("version"), dependencies)
            })
            .collect()
    };
    let main = packages(&read("Cargo.lock"));
    let fuzz = packages(&read("fuzz/Cargo.lock"));
    // Dependency names without the version a lock adds when two are held.
    let parallax = |all: &[(String, String, Vec<String>)]| -> Vec<String> {
        let deps = all.iter().find(|(name, ..)| name == "parallax").map(|(_, _, deps)| deps.clone());
        let mut names: Vec<String> =
            deps.expect("parallax").iter().map(|d| d.split(' ').next().unwrap_or_default().to_owned()).collect();
        names.sort();
        names
    };
    // The main lock also holds the dev-dependencies; the fuzz crate gets
    // the normal ones only (`[dependencies]`, `[target.*.dependencies]`).
    let manifest = read("Cargo.toml");
    let mut normal: Vec<&String> = manifest["dependencies"].as_table().expect("dependencies").keys().collect();
    if let Some(targets) = manifest.get("target").and_then(toml::Value::as_table) {
        for target in targets.values() {
            if let Some(dependencies) = target.get("dependencies").and_then(toml::Value::as_table) {
                normal.extend(dependencies.keys());
            }
        }
    }
    let expected: Vec<String> = parallax(&main).into_iter().filter(|d| normal.contains(&d)).collect();
    assert_eq!(parallax(&fuzz), expected, "run `cargo fuzz build` (or `cargo update -w` in fuzz/) and commit");
    let mut stale = Vec::new();
    for (name, version, _) in &fuzz {
        let in_main: Vec<&String> = main.iter().filter(|(n, ..)| n == name).map(|(_, v, _)| v).collect();
        if !in_main.is_empty() && !in_main.contains(&version) {
            stale.push(format!("{name} {version} (main: {in_main:?})"));
        }
    }
    assert!(stale.is_empty(), "fuzz/Cargo.lock has other versions than Cargo.lock: {stale:?}");
}
