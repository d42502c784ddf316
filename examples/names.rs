//! Prints every name read from the compared articles, sentence by
//! sentence, then the name discrepancies: a tuning aid for the name
//! finder. `cargo run --release --example names -- FOLDER`
use parallax::ingest::IngestOptions;
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let c = parallax::compare_inputs(&args, &IngestOptions::default(), &parallax::Settings::default());
    let analyses = parallax::analysis::analyse(&c.articles);
    for (a, sentences) in analyses.iter().enumerate() {
        for (s, an) in sentences.iter().enumerate() {
            if an.names.is_empty() {
                continue;
            }
            let forms: Vec<String> = an.names.iter().map(|n| n.form()).collect();
            println!("[{a}:{s}] {}", forms.join(" | "));
        }
    }
    for d in c.discrepancies.iter().filter(|d| d.kind == parallax::model::DiscrepancyKind::Name) {
        let mut texts: Vec<String> = d
            .mentions
            .iter()
            .filter_map(|m| {
                Some(format!("{}:{}", m.at.article, c.articles.get(m.at.article)?.text.get(m.span.range())?))
            })
            .collect();
        texts.dedup();
        println!("NAME {}\n     {}", d.summary, texts.join(" | "));
    }
}
