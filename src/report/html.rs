//! The HTML report: one self-contained page an editor can open, share and
//! print. An editor's summary (the counts, what the articles agree on, the
//! discrepancies that matter most with who says what), every discrepancy in
//! the checker's order with every article's version, the side-by-side rows
//! that hold a figure, name or date discrepancy (every row one click away,
//! in a `<details>`), the shared facts, and (beyond [`WIDE`] articles) a
//! per-fact table, then the provenance. Printed, the closed parts stay
//! closed, so the page prints as the summary and the evidence.
//!
//! The page comes from askama templates (`templates/report.html`), which
//! escape every value by default: article text, titles, outlets and sources
//! can never become markup. There is no script at all (the column chooser
//! and filters are CSS checkboxes), no external resource, and a Content
//! Security Policy that forbids both, so even a bug in escaping could run
//! nothing and fetch nothing.

mod anchors;
pub(crate) mod fragments;
mod index;
mod side_by_side;
mod summary;

use super::ReportContext;
use super::provenance::{VERSION, settings_pairs};
use crate::highlight::article_highlights;
use crate::model::{Agreement, Comparison, DiscrepancyKind, Provenance};
use anchors::Anchors;
use askama::Template;
use index::{FactRow, FactView, TierView};
use side_by_side::{Piece, RowView, Rows};
use summary::EditorSummary;

/// Beyond this many articles the page adds the per-fact table and scrolls
/// the side-by-side view sideways.
pub const WIDE: usize = 6;

/// The whole page.
#[derive(Template)]
#[template(path = "report.html")]
struct Page {
    version: &'static str,
    lede: String,
    wide: bool,
    articles: Vec<ArticleView>,
    skipped: Vec<(String, String)>,
    groups: usize,
    groups_in_all: usize,
    kinds: Vec<KindCount>,
    /// The editor's summary.
    editor: EditorSummary,
    /// Every alignment row.
    rows: Vec<RowView>,
    /// The rows that hold a figure, name or date discrepancy.
    key_rows: Vec<RowView>,
    /// Rows after the last key row.
    key_rows_after: usize,
    /// The discrepancies by tier, in the checker's order.
    tiers: Vec<TierView>,
    discrepancy_count: usize,
    facts: Vec<FactView>,
    fact_rows: Vec<FactRow>,
    settings: Vec<(String, String)>,
    config_file: Option<String>,
    /// What part of the discrepancies the report holds, when not all.
    scope: Option<String>,
    any_url: bool,
    /// The review at a glance and its corrections, when one is in force.
    review_summary: Vec<String>,
}

/// An article in the summary, the column headers and the provenance.
struct ArticleView {
    /// 0-based column.
    column: usize,
    /// 1-based number.
    number: usize,
    outlet: String,
    title: String,
    date: String,
    byline: String,
    source: String,
    provenance: Provenance,
}

/// Discrepancies of one kind, for the summary and the filters.
struct KindCount {
    kind: &'static str,
    label: &'static str,
    /// "number discrepancies", "details only one article reports".
    description: String,
    count: usize,
    conflicting: usize,
}

/// Renders the HTML report.
#[must_use]
pub fn render(comparison: &Comparison, context: &ReportContext) -> String {
    let page = page(comparison, context);
    match page.render() {
        Ok(mut html) => {
            if !html.ends_with('\n') {
                html.push('\n');
            }
            html
        }
        // Only a failing Display impl could get here; say so in the page.
        Err(error) => format!(
            "<!doctype html>\n<meta charset=\"utf-8\"><title>parallax report</title>\
             <p>The report could not be rendered: {}</p>\n",
            html_escape(&error.to_string())
        ),
    }
}

fn page(comparison: &Comparison, context: &ReportContext) -> Page {
    let highlights: Vec<_> = (0..comparison.articles.len()).map(|a| article_highlights(comparison, a)).collect();
    let articles = comparison
        .articles
        .iter()
        .enumerate()
        .map(|(column, article)| ArticleView {
            column,
            number: column + 1,
            outlet: article.outlet.clone(),
            title: article.title.clone(),
            date: article.date.map(crate::model::DayDate::human).unwrap_or_default(),
            byline: article.byline.clone().unwrap_or_default(),
            source: article.source.clone(),
            provenance: article.provenance.clone(),
        })
        .collect();
    let kinds = DiscrepancyKind::ALL
        .iter()
        .map(|kind| {
            let of_kind = comparison.discrepancies.iter().filter(|d| d.kind == *kind);
            let count = of_kind.clone().count();
            let info = kind.info();
            let description = if count == 1 { info.description_one } else { info.description_many }.to_owned();
            KindCount {
                kind: kind.as_str(),
                label: index::kind_label(*kind),
                description,
                count,
                conflicting: of_kind.filter(|d| d.agreement == Some(Agreement::Conflicting)).count(),
            }
        })
        .collect();
    let wide = comparison.articles.len() > WIDE;
    let anchors = Anchors::new(comparison);
    let review = super::review::of(context);
    let group_lines = |group: usize| review.map(|r| super::review::group_lines(r, group)).unwrap_or_default();
    let facts = index::facts(comparison, &anchors, &group_lines);
    let fact_rows = if wide { index::fact_rows(comparison, &anchors, &facts) } else { Vec::new() };
    let review_lines = |index: usize| review.map(|r| super::review::lines(r, index)).unwrap_or_default();
    let key_rows = side_by_side::rows(comparison, &highlights, &anchors, Rows::Key);
    let key_rows_after = key_rows.last().map_or(0, |last| comparison.rows.len() - last.number);
    Page {
        version: VERSION,
        lede: comparison.articles.first().map(|a| a.title.clone()).unwrap_or_default(),
        wide,
        articles,
        skipped: comparison.skipped.iter().map(|s| (s.source.clone(), s.reason.clone())).collect(),
        groups: comparison.groups.len(),
        groups_in_all: comparison.groups.iter().filter(|g| g.article_count() == comparison.articles.len()).count(),
        kinds,
        editor: summary::summary(comparison, &anchors, &facts),
        rows: side_by_side::rows(comparison, &highlights, &anchors, Rows::All),
        key_rows,
        key_rows_after,
        tiers: index::tiers(comparison, &highlights, &anchors, &review_lines),
        discrepancy_count: comparison.discrepancies.len(),
        facts,
        fact_rows,
        settings: settings_pairs(&context.settings),
        config_file: context.config_file.clone(),
        scope: context.scope.clone(),
        any_url: comparison.articles.iter().any(|a| a.provenance.final_url.is_some()),
        review_summary: review.map(super::review::summary_lines).unwrap_or_default(),
    }
}

impl Page {
    fn article_count(&self) -> usize {
        self.articles.len()
    }

    fn discrepancy_count(&self) -> usize {
        self.discrepancy_count
    }

    /// Figure, name and date discrepancies (those with versions to compare).
    fn differing_count(&self) -> usize {
        self.kinds.iter().filter(|k| k.kind != "unique").map(|k| k.count).sum()
    }

    /// Of those, the conflicting ones.
    fn conflicting_count(&self) -> usize {
        self.kinds.iter().map(|k| k.conflicting).sum()
    }

    /// Details only one article reports.
    fn unique_count(&self) -> usize {
        self.kinds.iter().filter(|k| k.kind == "unique").map(|k| k.count).sum()
    }
}

/// Escaping for the one message written without the template.
fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests;
