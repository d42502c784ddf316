//! Whole-pipeline and per-stage benchmarks on the bundled samples and on a
//! generated set of 100 articles x 1,000 words (see benches/support/corpus.rs).
//! Run: `cargo bench --bench pipeline`. Whole-process timings (hyperfine)
//! live in benches/compare.sh.

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use parallax::ingest::{Document, Format, parse_bytes};
use parallax::report::{ReportContext, ReportFormat, render};
use parallax::{Article, Settings, analysis, compare_documents, segment};
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/dravik-dam")
}

/// (name, bytes) of the samples.
fn sample_inputs() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(samples_dir())
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|f| f.extension().is_some_and(|e| e == "txt" || e == "md"));
    files.sort();
    files.into_iter().filter_map(|f| Some((f.to_string_lossy().into_owned(), std::fs::read(&f).ok()?))).collect()
}

fn generated_inputs(articles: usize, words: usize) -> Vec<(String, Vec<u8>)> {
    corpus::generate(&samples_dir(), articles, words, 1)
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect()
}

fn documents(inputs: &[(String, Vec<u8>)]) -> Vec<Document> {
    inputs.iter().filter_map(|(name, bytes)| parse_bytes(name, bytes, Format::from_path(name)).ok()).collect()
}

fn stages(c: &mut Criterion, label: &str, inputs: &[(String, Vec<u8>)]) {
    let settings = Settings::default();
    let docs = documents(inputs);
    let articles: Vec<Article> = docs.iter().cloned().map(segment::segment).collect();
    let analyses = analysis::analyse(&articles);
    let matching = parallax::matching::match_sentences(&articles, &analyses, &settings.matching);
    let comparison = compare_documents(docs.clone(), Vec::new(), &settings);
    let context = ReportContext::default();

    let mut group = c.benchmark_group(label);
    group.sample_size(10);
    group.bench_function("whole pipeline (from bytes)", |b| {
        b.iter(|| compare_documents(documents(black_box(inputs)), Vec::new(), &settings))
    });
    group.bench_function("ingest", |b| b.iter(|| documents(black_box(inputs))));
    group.bench_function("segment", |b| {
        b.iter_batched(
            || docs.clone(),
            |d| d.into_iter().map(segment::segment).collect::<Vec<_>>(),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("analyse", |b| b.iter(|| analysis::analyse(black_box(&articles))));
    group.bench_function("match", |b| {
        b.iter(|| parallax::matching::match_sentences(black_box(&articles), &analyses, &settings.matching))
    });
    group.bench_function("align", |b| {
        b.iter(|| parallax::align::align_paragraphs(black_box(&articles), &matching.sentence_groups))
    });
    group.bench_function("discrepancies", |b| {
        b.iter(|| {
            parallax::discrepancies::find_discrepancies(
                black_box(&articles),
                &analyses,
                &matching,
                &settings.discrepancies,
            )
        })
    });
    group.bench_function("report json", |b| b.iter(|| render(black_box(&comparison), ReportFormat::Json, &context)));
    group.bench_function("report markdown", |b| {
        b.iter(|| render(black_box(&comparison), ReportFormat::Markdown, &context))
    });
    group.finish();
}

fn samples(c: &mut Criterion) {
    stages(c, "samples (5 articles)", &sample_inputs());
}

fn generated_100(c: &mut Criterion) {
    stages(c, "generated 100 x 1000 words", &generated_inputs(100, 1000));
}

criterion_group!(benches, samples, generated_100);
criterion_main!(benches);
