//! Short and long forms of one given name (Jim / James, Ken / Kenneth,
//! Sandy / Sandra), from `assets/lexicon/nicknames.txt`: the PyPI package
//! `nicknames` (Apache-2.0, see `nicknames.LICENSE`), regrouped by
//! `scripts/build-nicknames.py`. Names are compared by transliteration key,
//! so "Sandi" is found as "Sandy".

#[cfg(test)]
use super::fold_key;

/// For each key, the formal names (numbered by line) it belongs to, sorted
/// by key: built from `assets/lexicon/nicknames.txt` by `build.rs` with
/// this crate's `fold_key`, so a run folds none of the table's 2,000 names
/// (that took about 2 ms of every start).
static GROUPS: &[(&str, &[u32])] = include!(concat!(env!("OUT_DIR"), "/nickname_groups.rs"));

/// The formal names a given-name key belongs to (empty when unknown).
#[must_use]
pub fn groups(key: &str) -> &'static [u32] {
    GROUPS.binary_search_by(|(k, _)| (*k).cmp(key)).map_or(&[], |i| GROUPS[i].1)
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

    /// The table built at compile time is the one the engine's folding
    /// gives (the build script compiles `fold.rs` on its own).
    #[test]
    fn the_built_table_is_the_folded_nickname_list() {
        const TABLE: &str = include_str!("../../assets/lexicon/nicknames.txt");
        let mut expected: std::collections::BTreeMap<String, Vec<u32>> = std::collections::BTreeMap::new();
        let lines = TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        for (index, line) in (0u32..).zip(lines) {
            for name in line.split_whitespace() {
                let entry = expected.entry(fold_key(name)).or_default();
                if !entry.contains(&index) {
                    entry.push(index);
                }
            }
        }
        let built: Vec<(String, Vec<u32>)> = GROUPS.iter().map(|(k, g)| ((*k).to_owned(), g.to_vec())).collect();
        assert_eq!(built, expected.into_iter().collect::<Vec<_>>());
        assert!(GROUPS.len() > 1_000);
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
