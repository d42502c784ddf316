//! Every cluster of the shared real-article corpus (`../shared/corpus`, or
//! the folder in `PARALLAX_CORPUS`) goes through the whole comparison and
//! must load cleanly: no skipped input, every article with content
//! sentences, every span on character boundaries. Prints per-cluster counts
//! (articles, sentences, groups, discrepancies by kind) and timings.
//! Skips, with a note, when the corpus is absent: it is never copied into
//! the project.

use parallax::ingest::IngestOptions;
use parallax::{DiscrepancyKind, SentenceKind, Settings, compare_inputs};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn corpus_root() -> PathBuf {
    std::env::var_os("PARALLAX_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

fn folders(path: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(path)
        .map(|entries| entries.flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

fn article_files(cluster: &Path) -> usize {
    std::fs::read_dir(cluster)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| {
                    let name = e.file_name().to_string_lossy().to_ascii_lowercase();
                    parallax::ingest::ARTICLE_EXTENSIONS.iter().any(|ext| name.ends_with(&format!(".{ext}")))
                })
                .count()
        })
        .unwrap_or(0)
}

/// One cluster's outcome: a printable line, its counts, and what went wrong.
struct Outcome {
    line: String,
    articles: usize,
    sentences: usize,
    groups: usize,
    by_kind: [usize; 4],
    problems: Vec<String>,
}

fn run_cluster(dataset: &str, cluster: &Path) -> Outcome {
    let name = format!("{dataset}/{}", cluster.file_name().unwrap_or_default().to_string_lossy());
    let started = Instant::now();
    let comparison =
        compare_inputs(&[cluster.to_string_lossy().into_owned()], &IngestOptions::default(), &Settings::default());
    let elapsed = started.elapsed();
    let mut problems: Vec<String> =
        comparison.skipped.iter().map(|s| format!("{name}: skipped {}: {}", s.source, s.reason)).collect();
    let expected = article_files(cluster);
    if comparison.articles.len() != expected {
        problems.push(format!("{name}: {} articles read of {expected} files", comparison.articles.len()));
    }
    for article in &comparison.articles {
        if !article.sentences.iter().any(|s| s.kind == SentenceKind::Content) {
            problems.push(format!("{name}: {} has no content sentence", article.source));
        }
        for sentence in &article.sentences {
            if article.text.get(sentence.span.range()).is_none_or(|t| t.trim().is_empty()) {
                problems.push(format!("{name}: {} has a bad sentence span {:?}", article.source, sentence.span));
            }
        }
    }
    let mut by_kind = [0usize; 4];
    for discrepancy in &comparison.discrepancies {
        let slot = match discrepancy.kind {
            DiscrepancyKind::Number => 0,
            DiscrepancyKind::Name => 1,
            DiscrepancyKind::Date => 2,
            DiscrepancyKind::Unique => 3,
        };
        by_kind[slot] += 1;
    }
    let sentences: usize = comparison.articles.iter().map(|a| a.sentences.len()).sum();
    let line = format!(
        "{name:<40} {:>2} articles {:>4} sentences {:>4} groups  number {:>3} name {:>3} date {:>2} unique {:>4}  {:>7.1} ms",
        comparison.articles.len(),
        sentences,
        comparison.groups.len(),
        by_kind[0],
        by_kind[1],
        by_kind[2],
        by_kind[3],
        elapsed.as_secs_f64() * 1000.0
    );
    Outcome { line, articles: comparison.articles.len(), sentences, groups: comparison.groups.len(), by_kind, problems }
}

#[test]
fn every_corpus_cluster_loads_and_compares() {
    let root = corpus_root();
    if !root.is_dir() {
        eprintln!("note: no corpus at {} (set PARALLAX_CORPUS); skipping", root.display());
        return;
    }
    let mut problems = Vec::new();
    let mut clusters_seen = 0;
    for dataset_path in folders(&root) {
        let dataset = dataset_path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let clusters: Vec<PathBuf> = folders(&dataset_path).into_iter().filter(|c| article_files(c) > 0).collect();
        let started = Instant::now();
        let outcomes: Vec<Outcome> = clusters.par_iter().map(|cluster| run_cluster(&dataset, cluster)).collect();
        let mut totals = [0usize; 4];
        for outcome in &outcomes {
            eprintln!("{}", outcome.line);
            for (total, count) in totals.iter_mut().zip(outcome.by_kind) {
                *total += count;
            }
        }
        eprintln!(
            "== {dataset}: {} clusters, {} articles, {} sentences, {} groups; discrepancies number {} name {} date {} unique {}; {:.2} s\n",
            outcomes.len(),
            outcomes.iter().map(|o| o.articles).sum::<usize>(),
            outcomes.iter().map(|o| o.sentences).sum::<usize>(),
            outcomes.iter().map(|o| o.groups).sum::<usize>(),
            totals[0],
            totals[1],
            totals[2],
            totals[3],
            started.elapsed().as_secs_f64()
        );
        clusters_seen += outcomes.len();
        problems.extend(outcomes.into_iter().flat_map(|o| o.problems));
    }
    assert!(clusters_seen > 0, "the corpus at {} holds no clusters", root.display());
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}
