//! Static word vectors distilled from all-MiniLM-L6-v2
//! (`assets/semantic/embeddings-en.bin`, built by
//! `scripts/build-embeddings.py`; Apache-2.0, see
//! `assets/semantic/NOTICE-all-MiniLM-L6-v2.txt`).
//!
//! Each of the commonest English words went alone through the sentence
//! model; its sentence vector, reduced by PCA and quantised to `i8`, is the
//! word's vector. A sentence's vector is the mean of its words' vectors,
//! each weighted by how rare the word is in English (`a / (a + p(word))`,
//! the SIF weight), so "said" and "the" barely move it. Cosine of two
//! sentence vectors sees paraphrase that shares no stem: "temblor" ~
//! "tremor", "troops" ~ "soldiers", "felt in" ~ "shook".
//!
//! The table is read in place: no parsing at start-up, only a header
//! check on first use. `build.rs` reorders the asset's rows from the
//! commonest word to the rarest, so the few hundred words of a run share
//! a few pages of the 13 MB table instead of touching one page each, and
//! writes a hash index of the words (start-up, issue 11).

use std::sync::LazyLock;

/// `assets/semantic/embeddings-en.bin` with its rows by frequency.
static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embeddings-en.bin"));
/// The words' hash index: slot `i` holds 1 + a row, 0 when empty; a word
/// goes to `slots::hash(word) % count`, else the next free slot.
static SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embeddings-en.slots"));

/// The SIF constant: a word of probability `p` weighs `a / (a + p)`.
const SIF: f32 = 1e-4;

/// The table's sections, located once.
struct Table {
    count: usize,
    dims: usize,
    offsets: usize,
    words: usize,
    zipf: usize,
    scales: usize,
    vectors: usize,
}

static TABLE: LazyLock<Option<Table>> = LazyLock::new(|| Table::locate(BYTES));

impl Table {
    fn locate(bytes: &[u8]) -> Option<Self> {
        if bytes.get(..8)? != b"PXEMB1\0\0" {
            return None;
        }
        let count = read_u32(bytes, 8)? as usize;
        let dims = read_u32(bytes, 12)? as usize;
        let offsets = 16;
        let words = offsets + 4 * (count + 1);
        let words_len = read_u32(bytes, offsets + 4 * count)? as usize;
        let zipf = words + words_len;
        let scales = zipf + count;
        let vectors = scales + 4 * count;
        (bytes.len() == vectors + count * dims).then_some(Self { count, dims, offsets, words, zipf, scales, vectors })
    }

    fn word(&self, i: usize) -> &'static [u8] {
        let start = read_u32(BYTES, self.offsets + 4 * i).unwrap_or(0) as usize;
        let end = read_u32(BYTES, self.offsets + 4 * (i + 1)).unwrap_or(0) as usize;
        BYTES.get(self.words + start..self.words + end).unwrap_or_default()
    }

    fn find(&self, word: &str) -> Option<usize> {
        let count = SLOTS.len() / 4;
        let first = usize::try_from(super::slots::hash(word.as_bytes()) % u64::try_from(count).ok()?.max(1)).ok()?;
        for slot in (first..count).chain(0..first) {
            let row = usize::try_from(read_u32(SLOTS, 4 * slot)?.checked_sub(1)?).ok()?;
            if row < self.count && self.word(row) == word.as_bytes() {
                return Some(row);
            }
        }
        None
    }
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// Dimensions of the vectors (0 when the table is unusable).
#[must_use]
pub fn dims() -> usize {
    TABLE.as_ref().map_or(0, |t| t.dims)
}

/// A word's row: its quantised vector, scale and Zipf frequency.
fn row(table: &Table, i: usize) -> Option<(&'static [u8], f32, f32)> {
    let zipf = f32::from(*BYTES.get(table.zipf + i)?) / 10.0;
    let scale = f32::from_le_bytes(BYTES.get(table.scales + 4 * i..table.scales + 4 * i + 4)?.try_into().ok()?);
    let start = table.vectors + i * table.dims;
    Some((BYTES.get(start..start + table.dims)?, scale, zipf))
}

/// True when the table knows a folded word.
#[must_use]
pub fn knows(folded: &str) -> bool {
    TABLE.as_ref().and_then(|t| t.find(folded)).is_some()
}

/// The SIF weight of a word of Zipf frequency `zipf`.
fn weight(zipf: f32) -> f32 {
    let probability = 10f32.powf(zipf - 9.0);
    SIF / (SIF + probability)
}

/// The unit-length vector of a text: the SIF-weighted mean of its words'
/// vectors; `None` when no word of it is in the table.
#[must_use]
pub fn text_vector(text: &str) -> Option<Vec<f32>> {
    let table = TABLE.as_ref()?;
    let mut sum = vec![0f32; table.dims];
    let mut any = false;
    for word in crate::tokens::words(text) {
        let folded = crate::tokens::fold_cow(word.text);
        let Some((vector, scale, zipf)) = table.find(&folded).and_then(|i| row(table, i)) else { continue };
        let factor = weight(zipf) * scale;
        for (total, byte) in sum.iter_mut().zip(vector) {
            *total += factor * f32::from(byte.cast_signed());
        }
        any = true;
    }
    let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
    (any && norm > 0.0).then(|| sum.into_iter().map(|x| x / norm).collect())
}

/// Cosine of two unit-length vectors.
#[must_use]
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    // Eight running sums, so the compiler can keep them in one vector
    // register (a single sum is a chain it may not reorder): the matcher
    // takes this cosine for every candidate pair.
    const LANES: usize = 8;
    let mut sums = [0f32; LANES];
    let (a_chunks, b_chunks) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let tail: f32 = a_chunks.remainder().iter().zip(b_chunks.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in a_chunks.zip(b_chunks) {
        for lane in 0..LANES {
            sums[lane] += x[lane] * y[lane];
        }
    }
    sums.iter().sum::<f32>() + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    fn similarity(a: &str, b: &str) -> f32 {
        cosine(&text_vector(a).expect("known words"), &text_vector(b).expect("known words"))
    }

    #[test]
    fn the_table_is_well_formed_and_knows_common_words() {
        assert!(TABLE.is_some(), "embeddings-en.bin does not parse");
        assert!(dims() >= 64);
        for word in ["the", "earthquake", "soldiers", "emergency"] {
            assert!(knows(word), "{word}");
        }
        assert!(!knows("zzqxv"));
        assert!(!knows(""));
    }

    #[test]
    fn the_index_finds_every_word_and_nothing_else() {
        let table = TABLE.as_ref().expect("table");
        assert_eq!(SLOTS.len() / 4, super::super::slots::slot_count(table.count), "half the slots stay empty");
        let rows: std::collections::HashMap<&[u8], usize> = (0..table.count).map(|i| (table.word(i), i)).collect();
        assert_eq!(rows.len(), table.count, "no word twice");
        for i in 0..table.count {
            let word = std::str::from_utf8(table.word(i)).expect("utf-8");
            assert_eq!(table.find(word), Some(i), "{word}");
            // Keys next to real ones: extensions, other cases, prefixes.
            let near = [format!("{word}s"), word.to_uppercase(), format!(" {word}"), word[..word.len() - 1].to_owned()];
            for other in near {
                assert_eq!(table.find(&other), rows.get(other.as_bytes()).copied(), "{other:?}");
            }
        }
        for other in ["", "zzqxv", "\u{10FFFF}", "the\n"] {
            assert_eq!(table.find(other), None, "{other:?}");
        }
    }

    #[test]
    fn the_table_holds_the_assets_rows_commonest_first() {
        let table = TABLE.as_ref().expect("table");
        let asset = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/semantic/embeddings-en.bin"))
            .expect("the asset");
        assert_eq!(asset.len(), BYTES.len());
        let original = Table::locate(&asset).expect("the asset parses");
        assert_eq!((original.count, original.dims), (table.count, table.dims));
        let row_of = |bytes: &'static [u8], t: &Table, i: usize| {
            let start = t.vectors + i * t.dims;
            (&bytes[t.zipf + i], &bytes[t.scales + 4 * i..t.scales + 4 * i + 4], &bytes[start..start + t.dims])
        };
        let asset: &'static [u8] = asset.leak();
        let asset_word = |i: usize| {
            let at = |k: usize| read_u32(asset, original.offsets + 4 * k).expect("an offset") as usize;
            &asset[original.words + at(i)..original.words + at(i + 1)]
        };
        for i in 0..original.count {
            let word = std::str::from_utf8(asset_word(i)).expect("utf-8");
            let row = table.find(word).expect("every word of the asset");
            assert_eq!(row_of(BYTES, table, row), row_of(asset, &original, i), "{word}");
        }
        for i in 1..table.count {
            assert!(BYTES[table.zipf + i - 1] >= BYTES[table.zipf + i], "row {i} is commoner than the one before");
        }
    }

    #[test]
    fn paraphrase_is_closer_than_another_topic() {
        let close = similarity("The tremor shook the coast", "The earthquake was felt along the shore");
        let far = similarity("The tremor shook the coast", "The budget vote was delayed again");
        assert!(close > far + 0.1, "{close} vs {far}");
        let troops = similarity("troops", "soldiers");
        let other = similarity("troops", "bananas");
        assert!(troops > other + 0.2, "{troops} vs {other}");
    }

    #[test]
    fn texts_without_known_words_have_no_vector() {
        assert!(text_vector("").is_none());
        assert!(text_vector("zzqxv 12345 !!").is_none());
    }
}
