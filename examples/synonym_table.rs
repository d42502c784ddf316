//! Folds WordNet synonym pairs into the stem synonym table the matcher
//! ships (`assets/semantic/synonyms-en.tsv`); run by
//! `scripts/build-synonyms.sh`.
//!
//! Reads `word<TAB>synonym` lines, stems both with the matcher's folding and
//! stemmer, drops pairs of one stem, stop words, and pairs of two stems the
//! frequency table does not know (too rare to matter), and prints
//! `stem<TAB>synonym synonym …` sorted by stem (bytewise).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};

fn main() {
    let mut table: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let stem = |word: &str| -> Option<String> {
        let folded = parallax::tokens::fold_word(word);
        (!folded.is_empty() && !parallax::tokens::is_stop_word(&folded)).then(|| parallax::tokens::stem(&folded))
    };
    let known = |stem: &str| parallax::semantic::zipf(stem).is_some();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let Some((word, synonym)) = line.split_once('\t') else { continue };
        let (Some(a), Some(b)) = (stem(word), stem(synonym)) else { continue };
        if a != b && (known(&a) || known(&b)) {
            table.entry(a).or_default().insert(b);
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (stem, synonyms) in table {
        let list: Vec<&str> = synonyms.iter().map(String::as_str).collect();
        let _ = writeln!(out, "{stem}\t{}", list.join(" "));
    }
}
