//! Prints every figure of the compared articles with the identity read from
//! its clause (thing, predicate, names, scope, times): a tuning aid for the
//! number finder. `cargo run --example identities -- FOLDER`
use parallax::ingest::IngestOptions;
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let c = parallax::compare_inputs(&args, &IngestOptions::default(), &parallax::Settings::default());
    let analyses = parallax::analysis::analyse(&c.articles);
    for (a, article) in c.articles.iter().enumerate() {
        for (s, an) in analyses[a].iter().enumerate() {
            if an.numbers.is_empty() {
                continue;
            }
            let sent = &article.sentences[s];
            let off = sent.span.start;
            let text = article.slice(sent.span);
            let back = |sp: parallax::Span| parallax::Span::new(sp.start - off, sp.end - off);
            let spans: Vec<_> = an.numbers.iter().map(|m| back(m.span)).collect();
            let names: Vec<_> = an.names.iter().map(|n| back(n.span)).collect();
            let ids = parallax::numbers::identity::read_sentence(text, &spans, &names);
            println!("[{a}:{s}] {}", text);
            for (m, id) in an.numbers.iter().zip(ids) {
                println!(
                    "    {:?} {:?} thing={:?} mods={:?} pred={:?} names={:?} scope={:?} times={:?} part={} rate={} add={}",
                    article.slice(m.span),
                    m.class,
                    id.thing,
                    id.modifiers,
                    id.predicate.map(|p| p.concept),
                    id.names,
                    id.scope,
                    id.times,
                    id.part,
                    id.rate,
                    id.additional
                );
            }
        }
    }
}
