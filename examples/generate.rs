//! Writes a generated benchmark set to a folder:
//! `cargo run --release --example generate -- OUT_DIR ARTICLES WORDS [SEED]`.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(articles), Some(words)) =
        (args.first(), args.get(1).and_then(|a| a.parse().ok()), args.get(2).and_then(|w| w.parse().ok()))
    else {
        eprintln!("usage: generate OUT_DIR ARTICLES WORDS [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/dravik-dam");
    if let Err(error) = std::fs::create_dir_all(out) {
        eprintln!("generate: {out}: {error}");
        std::process::exit(1);
    }
    for (name, text) in corpus::generate(&samples, articles, words, seed) {
        if let Err(error) = std::fs::write(Path::new(out).join(&name), text) {
            eprintln!("generate: {name}: {error}");
            std::process::exit(1);
        }
    }
}
