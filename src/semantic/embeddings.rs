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
//! The table is searched in place (binary search over sorted words): no
//! parsing at start-up, only a header check on first use.

use std::sync::LazyLock;

static BYTES: &[u8] = include_bytes!("../../assets/semantic/embeddings-en.bin");

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
        let (mut low, mut high) = (0, self.count);
        while low < high {
            let middle = low + (high - low) / 2;
            match self.word(middle).cmp(word.as_bytes()) {
                std::cmp::Ordering::Equal => return Some(middle),
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
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
        let folded = crate::tokens::fold_word(word.text);
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
    a.iter().zip(b).map(|(x, y)| x * y).sum()
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
    fn words_are_sorted_so_search_finds_every_one() {
        let table = TABLE.as_ref().expect("table");
        for i in 1..table.count {
            assert!(table.word(i - 1) < table.word(i), "{i}");
        }
        for i in (0..table.count).step_by(97) {
            let word = std::str::from_utf8(table.word(i)).expect("utf-8");
            assert_eq!(table.find(word), Some(i));
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
