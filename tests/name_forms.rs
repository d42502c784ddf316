//! No name discrepancy is one name in two grammatical forms: a place and
//! its demonym (Ruritania / Ruritanian, Velmora / Velmorese), a plural or
//! possessive ending (Democrat / Democrats), or a change of case alone.
//! Run over the real dev clusters of `../shared/gold` and a sample of the
//! corpus clusters in `../shared/corpus` (every 15th folder, in order;
//! `PARALLAX_NAME_SAMPLE=1` for every one). Skips, with a note, where
//! `../shared` (or `$PARALLAX_SHARED`) is absent: nothing is copied from it.
//!
//! The check is written here on its own, not with the engine's word lists,
//! so that a change to those lists cannot make it pass.

use parallax::ingest::IngestOptions;
use parallax::{DiscrepancyKind, Settings, compare_inputs};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The endings the issue names (-n, -an, -ian, -ese, -i, -ish, -s), their
/// plurals, and the final vowels they replace (China / Chinese, Italy /
/// Italian, Mexico / Mexican); "" is the bare stem.
const ENDINGS: &[&str] =
    &["", "n", "an", "ian", "ese", "i", "ish", "s", "ns", "ans", "ians", "is", "'s", "a", "e", "o", "y"];

fn shared() -> PathBuf {
    std::env::var_os("PARALLAX_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// Lower case, typographic apostrophes straightened (diacritics are kept:
/// Sánchez / Sanchez is a spelling difference).
fn fold(word: &str) -> String {
    word.to_lowercase().replace(['’', '‘', '`'], "'")
}

/// Two words that are one stem (four letters or more) with two of the
/// endings, or the same word. `plural_is_form`: whether a plural ending
/// counts (not inside a longer name, where "Central Elections Commission"
/// is a real misspelling).
fn one_word_in_two_forms(a: &str, b: &str, plural_is_form: bool) -> bool {
    let (a, b) = (fold(a), fold(b));
    let endings: Vec<&str> =
        ENDINGS.iter().copied().filter(|e| plural_is_form || !(e.ends_with('s') && e.len() <= 2)).collect();
    a == b
        || a.replace('\'', "") == b.replace('\'', "")
        || endings
            .iter()
            .filter_map(|ea| a.strip_suffix(ea))
            .any(|stem| stem.chars().count() >= 4 && endings.iter().any(|eb| b.strip_suffix(eb) == Some(stem)))
}

/// Whether every two forms of one length differ only in those endings
/// (forms of other lengths, a lone surname beside a full name, are left
/// out), with at least one such pair.
fn only_forms(forms: &[String]) -> bool {
    let mut pairs = 0;
    for (i, a) in forms.iter().enumerate() {
        for b in &forms[i + 1..] {
            let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split_whitespace().collect(), b.split_whitespace().collect());
            if wa.len() != wb.len() {
                continue;
            }
            let n = wa.len();
            if !wa.iter().zip(&wb).enumerate().all(|(k, (x, y))| one_word_in_two_forms(x, y, k == 0 || k + 1 == n)) {
                return false;
            }
            pairs += 1;
        }
    }
    pairs > 0
}

#[test]
fn the_check_itself() {
    let forms = |list: &[&str]| -> Vec<String> { list.iter().map(|s| (*s).to_owned()).collect() };
    assert!(only_forms(&forms(&["Ruritania", "Ruritanian"])));
    assert!(only_forms(&forms(&["Velmora", "Velmorese", "Velmorans"])));
    assert!(only_forms(&forms(&["Ana Lind", "ANA LIND", "Lind"])));
    assert!(only_forms(&forms(&["Federalist", "Federalists"])));
    assert!(!only_forms(&forms(&["Halvard Okonjo", "Halvard Okonyo"])));
    assert!(!only_forms(&forms(&["Angels", "Angeles"])));
    assert!(!only_forms(&forms(&["Sandra Brecht", "Sandra", "Sandi"])));
    assert!(!only_forms(&forms(&["Ana Lind", "Ana Lindh", "ANA LIND"])));
    assert!(!only_forms(&forms(&["Ana Sánchez", "Ana Sanchez"])));
    assert!(only_forms(&forms(&["Hurricanes Ostra", "Hurricane Ostra"])));
    assert!(!only_forms(&forms(&["Central Rivers Authority", "Central River Authority"])));
}

/// The article files of the clusters to check: the dev gold's, then the sample.
fn clusters() -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let gold_dir = shared().join("gold");
    for file in ["real-dev-a.json", "real-dev-b.json"] {
        let Ok(text) = std::fs::read_to_string(gold_dir.join(file)) else { continue };
        let Ok(gold) = serde_json::from_str::<Value>(&text) else { continue };
        for cluster in gold["clusters"].as_array().into_iter().flatten() {
            let root = shared().join("corpus").join(cluster["root"].as_str().unwrap_or_default());
            let paths: Vec<String> = cluster["files"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(|n| root.join(n).to_string_lossy().into_owned())
                .collect();
            if !paths.is_empty() && paths.iter().all(|p| Path::new(p).is_file()) {
                out.push((root.display().to_string(), paths));
            }
        }
    }
    let step: usize =
        std::env::var("PARALLAX_NAME_SAMPLE").ok().and_then(|s| s.parse().ok()).filter(|s| *s > 0).unwrap_or(15);
    let mut folders: Vec<PathBuf> = Vec::new();
    for set in std::fs::read_dir(shared().join("corpus")).into_iter().flatten().flatten() {
        for cluster in std::fs::read_dir(set.path()).into_iter().flatten().flatten() {
            if cluster.path().is_dir() {
                folders.push(cluster.path());
            }
        }
    }
    folders.sort();
    for folder in folders.into_iter().step_by(step) {
        let mut paths: Vec<String> = std::fs::read_dir(&folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md" || e == "html"))
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        paths.sort();
        if paths.len() >= 2 {
            out.push((folder.display().to_string(), paths));
        }
    }
    out
}

#[test]
fn no_name_set_is_one_name_in_two_grammatical_forms() {
    let clusters = clusters();
    if clusters.is_empty() {
        eprintln!("skipped: no corpus under {}", shared().display());
        return;
    }
    let mut sets = 0;
    let mut wrong = Vec::new();
    for (cluster, paths) in &clusters {
        let comparison = compare_inputs(paths, &IngestOptions::default(), &Settings::default());
        for discrepancy in comparison.discrepancies.iter().filter(|d| d.kind == DiscrepancyKind::Name) {
            let mut forms: Vec<String> = Vec::new();
            for mention in &discrepancy.mentions {
                let text = comparison.articles[mention.at.article].text.get(mention.span.range()).unwrap_or_default();
                if !forms.iter().any(|f| f == text) {
                    forms.push(text.to_owned());
                }
            }
            sets += 1;
            if only_forms(&forms) {
                wrong.push(format!("{cluster}: {}", forms.join(" / ")));
            }
        }
    }
    eprintln!("{} clusters, {sets} name sets", clusters.len());
    assert!(wrong.is_empty(), "name sets that are one name in two grammatical forms:\n{}", wrong.join("\n"));
}
