//! The figures CSV: one row per figure read in the articles, quantities or
//! not, for spreadsheets (`--format figures-csv`, or an export file named
//! `*.figures.csv`).
//!
//! Rows follow the articles in input order and each article's figures in
//! reading order. Text cells are made safe as in the discrepancy CSV
//! ([`super::csv::neutralise`]); numbers are plain decimals without float
//! noise, empty for an open bound.

use super::ReportContext;
use super::csv::{neutralise, table};
use super::provenance::{VERSION, format_number};
use crate::model::{Comparison, DiscrepancyKind, QuantityClass, Span};
use std::collections::HashMap;

/// The header row.
pub const HEADER: [&str; 17] = [
    "article",
    "outlet",
    "sentence",
    "text",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "class",
    "reason",
    "quantity",
    "verdict",
    "discrepancy",
    "source",
    "content_sha256",
    "parallax_version",
];

/// The columns added when a review is in force: the reviewer's word on the
/// number discrepancy the figure is shown in (`verdict` is the engine's).
pub const REVIEW_HEADER: [&str; 4] = ["reviewer_verdict", "reviewer_note", "reviewer_pinned", "reviewer_corrections"];

/// Renders the figures CSV. With a review in force, the reviewer's columns
/// follow; in the editor's summary (`--only confirmed`), only the figures
/// of the discrepancies kept.
#[must_use]
pub fn render(comparison: &Comparison, context: &ReportContext) -> String {
    let rows = rows(comparison);
    let Some(review) = super::review::of(context) else { return table(&HEADER, rows.into_iter().map(|(row, _)| row)) };
    let mut header: Vec<&str> = HEADER.to_vec();
    header.extend(REVIEW_HEADER);
    let rows = rows.into_iter().filter_map(|(row, discrepancy)| {
        if review.only.is_some() && discrepancy.is_none() {
            return None;
        }
        let cells = discrepancy.map(|d| super::csv::review_cells(review, d)).unwrap_or_default();
        Some(row.into_iter().chain(cells).collect::<Vec<String>>())
    });
    table(&header, rows.collect::<Vec<_>>())
}

/// One row per figure read, with the index of the number discrepancy it is
/// shown in.
fn rows(comparison: &Comparison) -> Vec<([String; 17], Option<usize>)> {
    // A figure shown in a number discrepancy carries its verdict and id.
    let mut shown: HashMap<(usize, Span), (usize, &'static str)> = HashMap::new();
    for (index, discrepancy) in comparison.discrepancies.iter().enumerate() {
        if discrepancy.kind != DiscrepancyKind::Number {
            continue;
        }
        let verdict = discrepancy.agreement.map(|a| a.as_str()).unwrap_or_default();
        for mention in &discrepancy.mentions {
            shown.entry((mention.at.article, mention.span)).or_insert((index + 1, verdict));
        }
    }
    let mut rows = Vec::new();
    for (a, figures) in comparison.figures.iter().enumerate() {
        let Some(article) = comparison.articles.get(a) else { continue };
        for reading in figures {
            let sentence = article.sentences.get(reading.sentence).map(|s| article.slice(s.span)).unwrap_or_default();
            let figure = &reading.figure;
            let reason = match reading.class {
                QuantityClass::NotQuantity(reason) => reason.as_str(),
                _ => "",
            };
            let found = shown.get(&(a, reading.span));
            let (discrepancy, verdict) = found.map_or((String::new(), ""), |(id, verdict)| (id.to_string(), *verdict));
            rows.push((
                [
                    (a + 1).to_string(),
                    neutralise(&article.outlet),
                    neutralise(sentence),
                    neutralise(article.slice(reading.span)),
                    format_number(figure.value),
                    format_number(figure.low),
                    format_number(figure.high),
                    figure.qualifier.as_str().to_owned(),
                    neutralise(&figure.unit),
                    reading.class.as_str().to_owned(),
                    reason.to_owned(),
                    reading.quantity.map(|q| (q + 1).to_string()).unwrap_or_default(),
                    verdict.to_owned(),
                    discrepancy,
                    neutralise(&article.source),
                    neutralise(&article.provenance.content_sha256),
                    VERSION.to_owned(),
                ],
                found.map(|(id, _)| id - 1),
            ));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::csv::tests::parse;
    use crate::{Settings, compare_texts};

    #[test]
    fn one_row_per_figure_with_class_and_verdict() {
        let comparison = compare_texts(
            &[
                ("a.txt", "Dam bursts\n\nAbout 4,500 residents were evacuated in 2024, officials said on Tuesday."),
                ("b.txt", "Flood\n\nMore than 4,000 residents were evacuated, officials said on Flight 447."),
            ],
            &Settings::default(),
        );
        let text = render(&comparison, &ReportContext::default());
        let rows = parse(&text);
        assert_eq!(rows[0], HEADER);
        let column = |name: &str| HEADER.iter().position(|h| *h == name).expect("column");
        let row = |surface: &str| rows[1..].iter().find(|r| r[column("text")] == surface).expect(surface);
        assert_eq!(rows.len(), 5, "{rows:?}");
        let about = row("About 4,500");
        assert_eq!((about[column("value")].as_str(), about[column("low")].as_str()), ("4500", "4050"));
        assert_eq!((about[column("class")].as_str(), about[column("verdict")].as_str()), ("count", "compatible"));
        assert_eq!(row("More than 4,000")[column("high")], "", "no upper bound");
        assert_eq!(row("2024")[column("class")], "year");
        let flight = row("447");
        assert_eq!(
            (flight[column("class")].as_str(), flight[column("reason")].as_str()),
            ("not_a_quantity", "identifier")
        );
        assert_eq!(flight[column("verdict")], "");
    }
}
