//! The aligned articles side by side: one column per article, one row per
//! alignment row, every sentence shaded by its role and every mark the
//! reader shows, all read off [`crate::highlight`]. Built twice: the key
//! rows (those holding a figure, name or date discrepancy) and every row
//! (see [`super::anchors`]). In the key rows a paragraph shows only the
//! sentences that hold such a discrepancy and their counterparts in the
//! row's other articles; the rest is cut to "…" (it is in the full view).

use super::anchors::{Anchors, sentence_id};
use super::fragments::{Fragment, numbered_fragments};
use crate::highlight::{ArticleHighlights, SentenceRole};
use crate::model::{Article, Comparison, SentenceKind, SentenceRef, Span};

/// One alignment row.
#[derive(Debug)]
pub struct RowView {
    /// 1-based row number.
    pub number: usize,
    /// The row's anchor id (`row-N`, `k-row-N` among the key rows).
    pub id: String,
    /// Rows left out just before this one (key rows only).
    pub skipped_before: usize,
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
    /// For a paragraph that lies out of order: the 1-based row of its
    /// counterparts and the id to link to.
    pub moved_to: Option<(usize, String)>,
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
    /// Sentences left out of a key row.
    Elided,
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

/// Which rows to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// Every row; sentences carry their canonical ids.
    All,
    /// The key rows only; ids carry the `k-` prefix.
    Key,
}

/// Builds the rows.
pub fn rows(comparison: &Comparison, highlights: &[ArticleHighlights], anchors: &Anchors, which: Rows) -> Vec<RowView> {
    let prefix = if which == Rows::Key { "k-" } else { "" };
    let context = Context { comparison, highlights, anchors, prefix, key: which == Rows::Key };
    let mut previous: Option<usize> = None;
    let mut out = Vec::new();
    for (index, row) in comparison.rows.iter().enumerate() {
        if which == Rows::Key && !anchors.is_key_row(index) {
            continue;
        }
        let skipped_before = previous.map_or(index, |p| index - p - 1);
        previous = Some(index);
        out.push(RowView {
            number: index + 1,
            id: format!("{prefix}row-{}", index + 1),
            skipped_before: if which == Rows::Key { skipped_before } else { 0 },
            cells: row
                .cells
                .iter()
                .enumerate()
                .map(|(column, cell)| CellView {
                    column,
                    paragraph: cell.and_then(|p| paragraph(&context, column, p)),
                    moved_to: row.moved.get(column).copied().flatten().map(|r| {
                        let target = if which == Rows::Key { anchors.row_target(r) } else { format!("row-{}", r + 1) };
                        (r + 1, target)
                    }),
                })
                .collect(),
        });
    }
    out
}

/// What building a paragraph needs.
#[derive(Clone, Copy)]
struct Context<'a> {
    comparison: &'a Comparison,
    highlights: &'a [ArticleHighlights],
    anchors: &'a Anchors,
    /// Prefix of sentence ids (`k-` among the key rows).
    prefix: &'static str,
    /// True in the key rows, which show only [`Anchors::in_key_rows`] sentences.
    key: bool,
}

fn paragraph(context: &Context<'_>, article_index: usize, paragraph_index: usize) -> Option<ParagraphView> {
    let Context { comparison, highlights, .. } = *context;
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
        let at = SentenceRef { article: article_index, sentence: index };
        if context.key && !context.anchors.in_key_rows(at) {
            if !matches!(pieces.last(), Some(Piece::Elided)) {
                pieces.push(Piece::Elided);
            }
            cursor = sentence.span.end;
            continue;
        }
        if matches!(pieces.last(), Some(Piece::Elided)) {
            cursor = sentence.span.start;
        }
        push_gap(article, Span::new(cursor, sentence.span.start), cursor == paragraph.span.start, &mut pieces);
        pieces.push(Piece::Sentence(sentence_view(context, article, highlight, at)));
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
    context: &Context<'_>,
    article: &Article,
    highlight: &ArticleHighlights,
    at: SentenceRef,
) -> SentenceView {
    let comparison = context.comparison;
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
                .map(|d| context.anchors.number(*d))
        })
    } else {
        None
    };
    SentenceView {
        id: format!("{}{}", context.prefix, sentence_id(at)),
        class: role_class(role),
        title,
        fragments: numbered_fragments(&article.text, span, &highlight.marks, |_| true, context.anchors.numbers()),
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
