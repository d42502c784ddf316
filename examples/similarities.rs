//! Prints sentence similarities for a set of articles: every cross-article
//! pair above a floor, strongest first. A tuning aid:
//! `cargo run --example similarities -- assets/samples/dravik-dam 0.15`.

use parallax::ingest::{IngestOptions, load_inputs};
use parallax::matching::SimilarityIndex;
use parallax::{SentenceKind, SentenceRef};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let floor: f64 = args.get(1).and_then(|f| f.parse().ok()).unwrap_or(0.15);
    let loaded = load_inputs(&args[..1], &IngestOptions::default());
    let articles: Vec<parallax::Article> = loaded.documents.into_iter().map(parallax::segment::segment).collect();
    let analyses = parallax::analysis::analyse(&articles);
    let index = SimilarityIndex::new(&articles, &analyses);
    let content: Vec<SentenceRef> = articles
        .iter()
        .enumerate()
        .flat_map(|(a, article)| {
            article
                .sentences
                .iter()
                .enumerate()
                .filter(|(_, s)| s.kind == SentenceKind::Content)
                .map(move |(s, _)| SentenceRef { article: a, sentence: s })
        })
        .collect();
    let mut pairs = Vec::new();
    for (i, x) in content.iter().enumerate() {
        for y in &content[i + 1..] {
            if x.article != y.article {
                let similarity = index.similarity(*x, *y);
                if similarity >= floor {
                    pairs.push((similarity, *x, *y));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let short = |r: SentenceRef| -> String { articles[r.article].sentence_text(r.sentence).chars().take(70).collect() };
    for (similarity, x, y) in pairs {
        println!("{similarity:.3}  [{}] {}  ~  [{}] {}", x.article + 1, short(x), y.article + 1, short(y));
    }
}
