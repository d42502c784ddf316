//! Build-time tables (start-up, issue 11): the given-name groups of
//! `assets/lexicon/nicknames.txt`, indexed by transliteration key with the
//! engine's own `fold_key` (`src/names/fold.rs`, compiled here as well),
//! written as a sorted static table so a run folds no name of the table.
//! `names::given`'s tests rebuild the index at run time and compare.
//!
//! Also the lexicon files (`assets/lexicon/*.toml`) as JSON: a run parses
//! the few it uses with `serde_json` into the same typed shapes, several
//! times faster than parsing TOML. `lexicon`'s tests check that the JSON
//! holds exactly what the TOML says.

use std::collections::BTreeMap;
use std::fmt::Write as _;

#[path = "src/semantic/slots.rs"]
#[allow(dead_code)]
mod slots;

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
    lexicon_as_json();
    semantic_slots("frequency-en");
    semantic_slots("synonyms-en");
    semantic_slots("person-nouns-en");
    embeddings_by_frequency();
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

/// Writes `lexicon_json.rs`: `&[(name, JSON text)]` for every
/// `assets/lexicon/*.toml`, sorted by name.
fn lexicon_as_json() {
    println!("cargo::rerun-if-changed=assets/lexicon");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir("assets/lexicon")
        .expect("assets/lexicon")
        .map(|entry| entry.expect("a lexicon directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut out = String::from("&[\n");
    for path in &files {
        println!("cargo::rerun-if-changed={}", path.display());
        let name = path.file_stem().and_then(|s| s.to_str()).expect("a UTF-8 file name");
        let source = std::fs::read_to_string(path).expect("a lexicon file");
        let value: serde_json::Value =
            toml::from_str(&source).unwrap_or_else(|e| panic!("assets/lexicon/{name}.toml: {e}"));
        let json = serde_json::to_string(&value).expect("JSON of a TOML document");
        writeln!(out, "    ({name:?}, {json:?}),").expect("write to a string");
    }
    out.push(']');
    let path = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("lexicon_json.rs");
    std::fs::write(path, out).expect("write lexicon_json.rs");
}

/// Writes `<name>.slots`: the hash index of `assets/semantic/<name>.tsv`
/// (`key<TAB>value` lines), so a look-up reads one or two slots instead of
/// a binary search's dozen and more lines (start-up, issue 11). Slot `i`
/// holds 1 + the byte offset of a line's start, 0 when empty, as
/// little-endian `u32`; a key goes to `slots::hash(key) % count`, else the
/// next free slot (linear probing). `semantic`'s tests check that every
/// line is found and that the look-up agrees with a binary search.
fn semantic_slots(name: &str) {
    let path = format!("assets/semantic/{name}.tsv");
    println!("cargo::rerun-if-changed={path}");
    println!("cargo::rerun-if-changed=src/semantic/slots.rs");
    let table = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut starts = Vec::new();
    let mut offset = 0;
    for line in table.split_inclusive('\n') {
        starts.push(offset);
        offset += line.len();
    }
    let count = slots::slot_count(starts.len());
    let mut index = vec![0u32; count];
    for start in starts {
        let line = &table[start..];
        let key = &line[..line.find(['\t', '\n']).unwrap_or(line.len())];
        let mut slot = usize::try_from(slots::hash(key.as_bytes()) % count as u64).expect("a slot");
        while index[slot] != 0 {
            slot = (slot + 1) % count;
        }
        index[slot] = u32::try_from(start + 1).expect("tables under 4 GiB");
    }
    let bytes: Vec<u8> = index.iter().flat_map(|slot| slot.to_le_bytes()).collect();
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join(format!("{name}.slots"));
    std::fs::write(out, bytes).expect("write a slot index");
}

/// Writes `embeddings-en.bin`: the rows of `assets/semantic/embeddings-en.bin`
/// (same `PXEMB1` format) reordered from the commonest word to the rarest
/// (Zipf frequency, then bytewise), and `embeddings-en.slots`, its hash
/// index (as [`semantic_slots`]: slot `i` holds 1 + a row, 0 when empty).
/// A run looks up a few hundred words, most of them common: rows sorted by
/// word put each on its own page of the 13 MB table, rows by frequency put
/// them on a few (start-up, issue 11). The asset itself stays as
/// `scripts/build-embeddings.py` writes it; `semantic::embeddings`' tests
/// check that the reordered table holds the asset's rows.
fn embeddings_by_frequency() {
    let path = "assets/semantic/embeddings-en.bin";
    println!("cargo::rerun-if-changed={path}");
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes")) as usize;
    assert_eq!(&bytes[..8], b"PXEMB1\0\0", "{path}: not a PXEMB1 table");
    let (count, dims) = (u32_at(8), u32_at(12));
    let offsets = 16;
    let words = offsets + 4 * (count + 1);
    let zipf = words + u32_at(offsets + 4 * count);
    let scales = zipf + count;
    let vectors = scales + 4 * count;
    assert_eq!(bytes.len(), vectors + count * dims, "{path}: sections do not add up");
    let word = |i: usize| &bytes[words + u32_at(offsets + 4 * i)..words + u32_at(offsets + 4 * (i + 1))];
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by(|&a, &b| bytes[zipf + b].cmp(&bytes[zipf + a]).then_with(|| word(a).cmp(word(b))));
    let mut out = bytes[..16].to_vec();
    let mut offset = 0u32;
    out.extend_from_slice(&offset.to_le_bytes());
    for &i in &order {
        offset += u32::try_from(word(i).len()).expect("short words");
        out.extend_from_slice(&offset.to_le_bytes());
    }
    for &i in &order {
        out.extend_from_slice(word(i));
    }
    out.extend(order.iter().map(|&i| bytes[zipf + i]));
    for &i in &order {
        out.extend_from_slice(&bytes[scales + 4 * i..scales + 4 * i + 4]);
    }
    for &i in &order {
        out.extend_from_slice(&bytes[vectors + i * dims..vectors + (i + 1) * dims]);
    }
    let slot_count = slots::slot_count(count);
    let mut index = vec![0u32; slot_count];
    for (row, &i) in order.iter().enumerate() {
        let mut slot = usize::try_from(slots::hash(word(i)) % slot_count as u64).expect("a slot");
        while index[slot] != 0 {
            slot = (slot + 1) % slot_count;
        }
        index[slot] = u32::try_from(row + 1).expect("rows fit u32");
    }
    let dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(dir.join("embeddings-en.bin"), out).expect("write the reordered embeddings");
    let index: Vec<u8> = index.iter().flat_map(|slot| slot.to_le_bytes()).collect();
    std::fs::write(dir.join("embeddings-en.slots"), index).expect("write the embeddings' slot index");
}
