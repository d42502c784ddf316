//! The aligned articles side by side: one column per article, one row per
//! alignment row, every sentence shaded by its role and every mark the
//! reader shows, all read off [`crate::highlight`].

use super::fragments::{Fragment, fragments};
use crate::highlight::{ArticleHighlights, SentenceRole};
use crate::model::{Article, Comparison, SentenceKind, SentenceRef, Span};

/// One alignment row.
#[derive(Debug)]
pub struct RowView {
    /// 1-based row number (the anchor is `row-N`).
    pub number: usize,
    /// One cell per article, in article order.
    pub cells: Vec<CellView>,
}

/// One article's cell in a row.
#[derive(Debug)]
pub struct CellView {
    /// The article's 0-based column (for the column chooser).
    pub column: usize,
    /// The paragraph shown, if the article has one in this row.
    pub paragraph: Option<ParagraphView>,
    /// For a paragraph that lies out of order: the 1-based row of its counterparts.
    pub moved_to: Option<usize>,
}

/// A paragraph: its look and its pieces.
#[derive(Debug)]
pub struct ParagraphView {
    /// CSS class from the paragraph's kind (`p-title`, `p-heading`, `p-body`, `p-caption`, `p-boilerplate`).
    pub class: &'static str,
    /// Sentences and the text between them.
    pub pieces: Vec<Piece>,
}

/// Part of a paragraph.
#[derive(Debug)]
pub enum Piece {
    /// Text between sentences (spaces, line breaks).
    Gap(String),
    /// A sentence.
    Sentence(SentenceView),
}

/// A sentence with its role and marks.
#[derive(Debug)]
pub struct SentenceView {
    /// The element id (`a0-s3`): discrepancy and fact links point here.
    pub id: String,
    /// CSS class from the role (`r-all`, `r-some`, `r-unique`, `r-plain`, `r-boiler`).
    pub class: &'static str,
    /// Tooltip ("In 3 of 5 articles").
    pub title: String,
    /// The text, cut at marks.
    pub fragments: Vec<Fragment>,
    /// For a detail only this article reports: the 1-based discrepancy number.
    pub unique_reference: Option<usize>,
}

/// The anchor id of a sentence.
#[must_use]
pub fn sentence_id(at: SentenceRef) -> String {
    format!("a{}-s{}", at.article, at.sentence)
}

/// The CSS class of a sentence role.
#[must_use]
pub const fn role_class(role: SentenceRole) -> &'static str {
    match role {
        SentenceRole::SharedAll => "r-all",
        SentenceRole::SharedSome => "r-some",
        SentenceRole::Unique => "r-unique",
        SentenceRole::Plain => "r-plain",
        SentenceRole::Boilerplate => "r-boiler",
    }
}

/// Builds every row.
pub fn rows(comparison: &Comparison, highlights: &[ArticleHighlights]) -> Vec<RowView> {
    comparison
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| RowView {
            number: index + 1,
            cells: row
                .cells
                .iter()
                .enumerate()
                .map(|(column, cell)| CellView {
                    column,
                    paragraph: cell.and_then(|p| paragraph(comparison, highlights, column, p)),
                    moved_to: row.moved.get(column).copied().flatten().map(|r| r + 1),
                })
                .collect(),
        })
        .collect()
}

fn paragraph(
    comparison: &Comparison,
    highlights: &[ArticleHighlights],
    article_index: usize,
    paragraph_index: usize,
) -> Option<ParagraphView> {
    let article = comparison.articles.get(article_index)?;
    let paragraph = article.paragraphs.get(paragraph_index)?;
    let highlight = highlights.get(article_index)?;
    let kinds: Vec<SentenceKind> =
        article.sentences.get(paragraph.sentences.clone()).unwrap_or_default().iter().map(|s| s.kind).collect();
    // A dateline split off as boilerplate must not make the reporting after
    // it look like boilerplate: the paragraph takes the most telling kind.
    let kind = [SentenceKind::Title, SentenceKind::Content]
        .into_iter()
        .find(|k| kinds.contains(k))
        .or_else(|| kinds.first().copied())
        .unwrap_or(SentenceKind::Content);
    let mut pieces = Vec::new();
    let mut cursor = paragraph.span.start;
    for index in paragraph.sentences.clone() {
        let Some(sentence) = article.sentences.get(index) else { continue };
        push_gap(article, Span::new(cursor, sentence.span.start), cursor == paragraph.span.start, &mut pieces);
        let at = SentenceRef { article: article_index, sentence: index };
        pieces.push(Piece::Sentence(sentence_view(comparison, article, highlight, at)));
        cursor = sentence.span.end;
    }
    if cursor < paragraph.span.end && pieces.is_empty() {
        // A paragraph without sentences still shows its text.
        pieces.push(Piece::Gap(article.slice(Span::new(cursor, paragraph.span.end)).trim().to_owned()));
    }
    Some(ParagraphView { class: paragraph_class(kind), pieces })
}

/// Text between sentences: kept (a line break inside a paragraph matters),
/// except leading space, which would only indent the cell.
fn push_gap(article: &Article, span: Span, leading: bool, pieces: &mut Vec<Piece>) {
    if span.is_empty() {
        return;
    }
    let text = article.slice(span);
    let text = if leading { text.trim_start() } else { text };
    if !text.is_empty() {
        pieces.push(Piece::Gap(text.to_owned()));
    }
}

fn sentence_view(
    comparison: &Comparison,
    article: &Article,
    highlight: &ArticleHighlights,
    at: SentenceRef,
) -> SentenceView {
    let span = article.sentences[at.sentence].span;
    let role = highlight.roles.get(at.sentence).copied().unwrap_or(SentenceRole::Plain);
    let total = comparison.articles.len();
    let title = match role {
        SentenceRole::SharedAll => format!("In all {total} articles"),
        SentenceRole::SharedSome => {
            let carriers = comparison.group_of(at).map_or(0, |g| comparison.groups[g].article_count());
            format!("In {carriers} of {total} articles")
        }
        SentenceRole::Unique => "Only in this article".to_owned(),
        SentenceRole::Boilerplate => "Boilerplate (not compared)".to_owned(),
        SentenceRole::Plain => String::new(),
    };
    let unique_reference = if role == SentenceRole::Unique {
        highlight.sentence_discrepancies.get(at.sentence).and_then(|list| {
            list.iter()
                .find(|d| comparison.discrepancies[**d].kind == crate::model::DiscrepancyKind::Unique)
                .map(|d| d + 1)
        })
    } else {
        None
    };
    SentenceView {
        id: sentence_id(at),
        class: role_class(role),
        title,
        fragments: fragments(&article.text, span, &highlight.marks, |_| true),
        unique_reference,
    }
}

const fn paragraph_class(kind: SentenceKind) -> &'static str {
    match kind {
        SentenceKind::Title => "p-title",
        SentenceKind::Heading => "p-heading",
        SentenceKind::Content => "p-body",
        SentenceKind::Caption => "p-caption",
        SentenceKind::Boilerplate => "p-boilerplate",
    }
}
