//! Folds a word-frequency list into the stem-frequency table the matcher
//! ships (`assets/semantic/frequency-en.tsv`); run by `scripts/build-frequency.sh`.
//!
//! Reads `word<TAB>zipf` lines on standard input, stems every word with the
//! matcher's own folding and stemmer, adds up the frequencies of the words
//! of one stem, and prints `stem<TAB>zipf×10` sorted by stem (bytewise), so
//! the table can be searched in place without parsing it.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

fn main() {
    let mut stems: BTreeMap<String, f64> = BTreeMap::new();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let Some((word, zipf)) = line.split_once('\t') else { continue };
        let Ok(zipf) = zipf.trim().parse::<f64>() else { continue };
        let folded = parallax::tokens::fold_word(word);
        if folded.is_empty() || folded.contains(['\t', '\n']) {
            continue;
        }
        let stem = parallax::tokens::stem(&folded);
        *stems.entry(stem).or_default() += 10f64.powf(zipf);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (stem, frequency) in stems {
        let tenths = (frequency.log10() * 10.0).round().clamp(0.0, 99.0);
        let _ = writeln!(out, "{stem}\t{tenths}");
    }
}
