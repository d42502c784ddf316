//! Short and long forms of one given name (Jim / James, Ken / Kenneth,
//! Sandy / Sandra), from `assets/lexicon/nicknames.txt`: the PyPI package
//! `nicknames` (Apache-2.0, see `nicknames.LICENSE`), regrouped by
//! `scripts/build-nicknames.py`. Names are compared by transliteration key,
//! so "Sandi" is found as "Sandy".

use super::fold::fold_key;
use std::collections::HashMap;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../assets/lexicon/nicknames.txt");

/// For each key, the formal names (numbered by line) it belongs to.
static GROUPS: LazyLock<HashMap<String, Vec<u32>>> = LazyLock::new(|| {
    let mut groups: HashMap<String, Vec<u32>> = HashMap::new();
    // Most short forms stand on several lines: each is folded once.
    let mut keys: HashMap<&str, String> = HashMap::new();
    let lines = TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    for (index, line) in (0u32..).zip(lines) {
        for name in line.split_whitespace() {
            let key = keys.entry(name).or_insert_with(|| fold_key(name));
            let entry = groups.entry(key.clone()).or_default();
            if !entry.contains(&index) {
                entry.push(index);
            }
        }
    }
    groups
});

/// The formal names a given-name key belongs to (empty when unknown).
#[must_use]
pub fn groups(key: &str) -> &'static [u32] {
    GROUPS.get(key).map_or(&[], Vec::as_slice)
}

/// Whether two given-name keys are forms of one formal name.
#[must_use]
pub fn same_given_name(a: &str, b: &str) -> bool {
    let (ga, gb) = (groups(a), groups(b));
    ga.iter().any(|g| gb.contains(g))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        same_given_name(&fold_key(a), &fold_key(b))
    }

    #[test]
    fn short_and_long_forms() {
        assert!(same("Jim", "James"));
        assert!(same("Ken", "Kenneth"));
        assert!(same("Mike", "Michael"));
        assert!(same("Sandi", "Sandra"));
        assert!(same("Bill", "William"));
        assert!(!same("Linda", "Loretta"));
        assert!(!same("James", "Michael"));
        assert!(!same("Qzx", "Qzx"));
    }
}
