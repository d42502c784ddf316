//! # parallax
//!
//! Compare news articles about the same event: what they agree on, what
//! only one of them says, and where their numbers, names and dates differ.
//!
//! The engine is a one-way pipeline, each stage a module with a small API:
//!
//! 1. [`ingest`]: files, folders and standard input become [`ingest::Document`]s
//!    (decoded, cleaned text split into blocks, with metadata).
//! 2. [`segment`]: documents become [`Article`]s: paragraphs and sentences,
//!    each a byte range into the article's text, each sentence with a
//!    [`SentenceKind`].
//! 3. [`analysis`], [`matching`] and [`align`]: sentences that report the
//!    same thing form [`Group`]s across all articles; paragraphs are aligned
//!    into [`AlignedRow`]s so side-by-side panes can scroll together.
//! 4. [`discrepancies`]: diverging figures ([`numbers`]), name spellings
//!    ([`names`]), dates ([`dates`]) and unique details, in one ordered list.
//! 5. [`report`]: the [`Comparison`] as JSON, Markdown, HTML or CSV.
//!
//! The engine knows nothing about terminals; the TUI only renders a
//! [`Comparison`].
//!
//! ```
//! use parallax::{Settings, compare_texts};
//! let comparison = compare_texts(
//!     &[
//!         ("a.txt", "Dam bursts\n\nAbout 4,500 residents were evacuated on Tuesday."),
//!         ("b.txt", "Flood in town\n\nNearly 5,000 residents were evacuated on Tuesday."),
//!     ],
//!     &Settings::default(),
//! );
//! assert_eq!(comparison.articles.len(), 2);
//! assert_eq!(comparison.groups.len(), 1);
//! assert!(comparison.discrepancies.iter().any(|d| d.kind == parallax::DiscrepancyKind::Number));
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod align;
pub mod analysis;
pub mod dates;
pub mod discrepancies;
pub mod highlight;
pub mod ingest;
pub mod kinds;
pub mod lexicon;
pub mod matching;
pub(crate) mod memo;
pub mod model;
pub mod names;
pub mod normalize;
pub mod numbers;
pub(crate) mod prefilter;
pub mod report;
pub mod review;
pub mod segment;
pub mod semantic;
pub mod temporaries;
pub mod tokens;
#[cfg(feature = "tui")]
pub mod tui;

pub use discrepancies::DiscrepancySettings;
pub use matching::MatchSettings;
pub use model::*;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Every setting that shapes the analysis (and so the report).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Sentence matching.
    pub matching: MatchSettings,
    /// The discrepancy finders.
    pub discrepancies: DiscrepancySettings,
}

/// The stages of a comparison, reported to a progress callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and decoding inputs.
    Ingest,
    /// Splitting into paragraphs and sentences.
    Segment,
    /// Analysing and matching sentences.
    Match,
    /// Aligning paragraphs.
    Align,
    /// Finding discrepancies.
    Discrepancies,
    /// The comparison is built (reported last, so a caller can time the
    /// final stage).
    Done,
}

impl Stage {
    /// What the stage does, for progress displays ("matching statements").
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Ingest => "reading",
            Self::Segment => "splitting sentences",
            Self::Match => "matching statements",
            Self::Align => "aligning paragraphs",
            Self::Discrepancies => "finding discrepancies",
            Self::Done => "done",
        }
    }

    /// The share of a typical run's time spent before this stage starts, so
    /// a progress bar moves roughly evenly. From `PARALLAX_TIMINGS=1` on the
    /// generated 100 x 1,000-word set: segmenting ~10%, analysing and
    /// matching ~70%, aligning ~1%, discrepancies ~18%.
    #[must_use]
    pub fn share_done(self) -> f64 {
        match self {
            Self::Ingest => 0.0,
            Self::Segment => 0.03,
            Self::Match => 0.12,
            Self::Align => 0.8,
            Self::Discrepancies => 0.81,
            Self::Done => 1.0,
        }
    }
}

/// Runs the whole pipeline on documents that are already read.
#[must_use]
pub fn compare_documents(documents: Vec<ingest::Document>, skipped: Vec<Skipped>, settings: &Settings) -> Comparison {
    compare_documents_with_progress(documents, skipped, settings, &|_| {})
}

/// As [`compare_documents`], calling `progress` as each stage starts.
#[must_use]
pub fn compare_documents_with_progress(
    documents: Vec<ingest::Document>,
    skipped: Vec<Skipped>,
    settings: &Settings,
    progress: &(dyn Fn(Stage) + Sync),
) -> Comparison {
    progress(Stage::Segment);
    let articles: Vec<Article> = documents.into_par_iter().map(segment::segment).collect();
    progress(Stage::Match);
    let analyses = analysis::analyse(&articles);
    let matching = matching::match_sentences(&articles, &analyses, &settings.matching);
    progress(Stage::Align);
    let rows = align::align_paragraphs(&articles, &matching.sentence_groups);
    progress(Stage::Discrepancies);
    let (discrepancies, quantities) =
        discrepancies::find_discrepancies_and_quantities(&articles, &analyses, &matching, &settings.discrepancies);
    progress(Stage::Done);
    let mut figures = figure_readings(&analyses);
    link_figures_to_quantities(&mut figures, &quantities);
    // The analyses are freed on a worker while the caller goes on (writing
    // the report): thousands of small allocations, ~1% of a run on the
    // samples on the critical path (start-up, issue 11). With one worker
    // (the caller's own thread) they are freed here, as before.
    if rayon::current_num_threads() > 1 {
        rayon::spawn(move || drop(analyses));
    } else {
        drop(analyses);
    }
    Comparison {
        articles,
        skipped,
        groups: matching.groups,
        sentence_groups: matching.sentence_groups,
        rows,
        discrepancies,
        figures,
        quantities,
    }
}

/// Builds now what the engine otherwise builds on first use: the sentence
/// splitter's patterns (`sentencex` compiles them on its first call, about
/// 2 ms), the lexicons and the recognisers' patterns, by segmenting and
/// analysing a short paragraph of our own. For a caller with a spare core and
/// other work to do first: the CLI runs it on a second thread while it
/// reads its inputs (start-up, issue 11). Changes no result: everything it
/// builds is built the same way by whichever thread comes first. Starts no
/// thread and uses no thread pool.
pub fn warm_up() {
    // The sentence splitter's patterns first: segmenting needs them first.
    drop(segment::split_sentences(WARM_UP_SPLITTER, "en"));
    let Ok(document) = ingest::parse_bytes("warm-up.txt", WARM_UP_TEXT.as_bytes(), ingest::Format::Text) else {
        return;
    };
    analysis::warm_up(&segment::segment(document));
}

/// A paragraph that takes `sentencex` through each of its patterns: a
/// parenthesis, a quotation ending in a terminator before a capital, an
/// address.
const WARM_UP_SPLITTER: &str =
    "Two were hurt (one seriously). \"We will not close again.\" Officials wrote to desk@tidewater.example.";

/// What [`warm_up`] segments and analyses: one short paragraph with a
/// dateline, a name, figures, an amount of money and dates (our own
/// fictional text), enough to build the lexicons and recognisers the
/// analysis reads. Kept short: a longer text (six sentences, with
/// quotations) cost about 5 million more instructions for the same
/// patterns, CPU that competes with the run itself on a busy machine
/// (start-up, issue 11, seventh round).
const WARM_UP_TEXT: &str = "Ferry services resume\n\n\
    HAVENMOOR, March 3 (Tidewater Wire) - The harbour master, Ines Calloway, said 1,200 passengers had waited on \
    Monday and about $40,000 of damage was reported.\n";

/// Points every figure read at the quantity it belongs to (an index into
/// `quantities`), matched by article, sentence and span.
fn link_figures_to_quantities(figures: &mut [Vec<model::FigureReading>], quantities: &[model::Quantity]) {
    for (index, quantity) in quantities.iter().enumerate() {
        for member in &quantity.figures {
            let Some(article) = figures.get_mut(member.at.article) else { continue };
            // Readings are in reading order: find the sentence's first one by
            // binary search, not by a scan of the whole article per member.
            let first = article.partition_point(|r| r.sentence < member.at.sentence);
            if let Some(reading) = article[first..]
                .iter_mut()
                .take_while(|r| r.sentence == member.at.sentence)
                .find(|r| r.span.overlaps(member.span))
            {
                reading.quantity = Some(index);
            }
        }
    }
}

/// Every figure of every article, in reading order, from the analyses.
fn figure_readings(analyses: &[Vec<analysis::SentenceAnalysis>]) -> Vec<Vec<model::FigureReading>> {
    analyses
        .iter()
        .map(|sentences| {
            sentences
                .iter()
                .enumerate()
                .flat_map(|(sentence, analysis)| {
                    analysis.figures.iter().map(move |m| model::FigureReading {
                        sentence,
                        span: m.span,
                        figure: m.figure.clone(),
                        class: m.class.clone(),
                        quantity: None,
                    })
                })
                .collect()
        })
        .collect()
}

/// Reads the inputs (files, folders, `-`) and compares them. Unusable
/// inputs are listed in [`Comparison::skipped`].
#[must_use]
pub fn compare_inputs(args: &[String], options: &ingest::IngestOptions, settings: &Settings) -> Comparison {
    let loaded = ingest::load_inputs(args, options);
    compare_documents(loaded.documents, loaded.skipped, settings)
}

/// Compares in-memory texts given as `(name, text)`; the name's extension
/// picks the format (`.md` is Markdown, anything else plain text).
#[must_use]
pub fn compare_texts(texts: &[(&str, &str)], settings: &Settings) -> Comparison {
    let mut documents = Vec::new();
    let mut skipped = Vec::new();
    for (name, text) in texts {
        match ingest::parse_bytes(name, text.as_bytes(), ingest::Format::from_path(name)) {
            Ok(document) => documents.push(document),
            Err(error) => skipped.push(Skipped { source: (*name).to_owned(), reason: error.to_string() }),
        }
    }
    compare_documents(documents, skipped, settings)
}

#[cfg(test)]
mod stage_tests {
    use super::*;

    #[test]
    fn stages_are_reported_in_order_ending_with_done() {
        let seen = std::sync::Mutex::new(Vec::new());
        let documents = ["a.txt", "b.txt"]
            .iter()
            .filter_map(|name| ingest::parse_bytes(name, b"Ten people died.", ingest::Format::Text).ok())
            .collect();
        let _ = compare_documents_with_progress(documents, Vec::new(), &Settings::default(), &|stage| {
            if let Ok(mut seen) = seen.lock() {
                seen.push(stage);
            }
        });
        let seen = seen.into_inner().unwrap_or_default();
        assert_eq!(seen, [Stage::Segment, Stage::Match, Stage::Align, Stage::Discrepancies, Stage::Done]);
    }
}
