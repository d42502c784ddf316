//! Build-time tables (start-up, issue 11): the given-name groups of
//! `assets/lexicon/nicknames.txt`, indexed by transliteration key with the
//! engine's own `fold_key` (`src/names/fold.rs`, compiled here as well),
//! written as a sorted static table so a run folds no name of the table.
//! `names::given`'s tests rebuild the index at run time and compare.

use std::collections::BTreeMap;
use std::fmt::Write as _;

#[path = "src/names/fold.rs"]
#[allow(dead_code)]
mod fold;

/// The part of `crate::normalize` that `fold.rs` uses, for ASCII text (the
/// table is ASCII; checked below): lower case, as the engine's ASCII path.
mod normalize {
    pub fn fold_diacritics_lower(text: &str) -> String {
        assert!(text.is_ascii(), "nicknames.txt must stay ASCII: {text:?}");
        text.to_ascii_lowercase()
    }
}

fn main() {
    println!("cargo::rerun-if-changed=assets/lexicon/nicknames.txt");
    println!("cargo::rerun-if-changed=src/names/fold.rs");
    let table = std::fs::read_to_string("assets/lexicon/nicknames.txt").expect("assets/lexicon/nicknames.txt");
    let mut groups: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let lines = table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    for (index, line) in (0u32..).zip(lines) {
        for name in line.split_whitespace() {
            let entry = groups.entry(fold::fold_key(name)).or_default();
            if !entry.contains(&index) {
                entry.push(index);
            }
        }
    }
    let mut out = String::from("&[\n");
    for (key, lines) in &groups {
        writeln!(out, "    ({key:?}, &{lines:?}),").expect("write to a string");
    }
    out.push(']');
    let path = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("nickname_groups.rs");
    std::fs::write(path, out).expect("write nickname_groups.rs");
}
