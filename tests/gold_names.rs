//! Names on the real dev gold (`../shared/gold/real-dev-*.json`, with the
//! corpus beside it): how many gold sets of spelling variants one name
//! discrepancy covers (scored as `../shared/gold/score.py` scores them), and
//! how many name discrepancies are reported in all. Skips, with a note,
//! when `../shared` (or `$PARALLAX_SHARED`) is absent: the gold is never copied into the project.
//!
//! Thresholds are the figures measured (names 12 of 13 when this test was
//! written, 13 of 13 since the lone given name joins its full name; 12 then
//! 13 name discrepancies, every one real when read by eye).

use parallax::ingest::IngestOptions;
use parallax::{DiscrepancyKind, Settings, compare_inputs};
use serde_json::Value;
use std::path::{Path, PathBuf};

const FOUND_AT_LEAST: usize = 13;
const REPORTED_AT_MOST: usize = 16;

/// `../shared`, or the folder in `PARALLAX_SHARED`.
fn shared() -> PathBuf {
    std::env::var_os("PARALLAX_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn plain(text: &str) -> String {
    text.replace(['’', '‘'], "'").to_lowercase().trim().to_owned()
}

#[test]
fn names_on_the_dev_gold() {
    let gold_dir = shared().join("gold");
    let files: Vec<PathBuf> = ["real-dev-a.json", "real-dev-b.json"].iter().map(|f| gold_dir.join(f)).collect();
    if !files.iter().all(|f| f.is_file()) {
        eprintln!("skipped: no dev gold in {}", gold_dir.display());
        return;
    }
    let (mut found, mut total, mut reported) = (0, 0, 0);
    let mut missed = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("gold readable");
        let gold: Value = serde_json::from_str(&text).expect("gold parses");
        for cluster in gold["clusters"].as_array().into_iter().flatten() {
            let root = shared().join("corpus").join(cluster["root"].as_str().unwrap_or_default());
            let names: Vec<&str> =
                cluster["files"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
            let paths: Vec<String> = names.iter().map(|n| root.join(n).to_string_lossy().into_owned()).collect();
            if !paths.iter().all(|p| Path::new(p).is_file()) {
                eprintln!("skipped cluster {}: corpus files missing", root.display());
                continue;
            }
            let comparison = compare_inputs(&paths, &IngestOptions::default(), &Settings::default());
            let discrepancies: Vec<_> =
                comparison.discrepancies.iter().filter(|d| d.kind == DiscrepancyKind::Name).collect();
            reported += discrepancies.len();
            for item in cluster["names"].as_array().into_iter().flatten() {
                if item["form"].as_str() == Some("fuller") {
                    continue;
                }
                total += 1;
                let variants: Vec<(usize, String)> = item["variants"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| {
                        let article = names.iter().position(|n| Some(*n) == v["file"].as_str())?;
                        Some((article, plain(v["text"].as_str()?)))
                    })
                    .collect();
                let hit = discrepancies.iter().any(|d| {
                    let mut covered: Vec<&str> = variants
                        .iter()
                        .filter(|(article, variant)| {
                            d.mentions.iter().any(|m| {
                                let text = plain(
                                    comparison.articles[m.at.article].text.get(m.span.range()).unwrap_or_default(),
                                );
                                m.at.article == *article
                                    && text.chars().count() >= 4
                                    && (variant.contains(&text) || text.contains(variant.as_str()))
                            })
                        })
                        .map(|(_, variant)| variant.as_str())
                        .collect();
                    covered.sort_unstable();
                    covered.dedup();
                    covered.len() >= 2
                });
                if hit {
                    found += 1;
                } else {
                    missed.push(item["id"].as_str().unwrap_or_default().to_owned());
                }
            }
        }
    }
    eprintln!("names {found}/{total}, {reported} name discrepancies; missed: {missed:?}");
    assert!(found >= FOUND_AT_LEAST, "names {found}/{total} (missed {missed:?}), expected at least {FOUND_AT_LEAST}");
    assert!(reported <= REPORTED_AT_MOST, "{reported} name discrepancies, expected at most {REPORTED_AT_MOST}");
}
