//! What to highlight, and how, in each article: one answer shared by every
//! view (the reader, the HTML report), so they all show the same thing.
//!
//! This is presentation data read off a [`Comparison`], never new analysis:
//! a role for every sentence (shared by all articles, by some, unique,
//! boilerplate, ...) and marks on exact spans (diverging figures, name
//! variants, differing dates, words that changed within a shared statement).

pub use crate::kinds::MarkKind;
use crate::model::{Comparison, SentenceKind, Span};
use serde::Serialize;

/// The role of a whole sentence, for shading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SentenceRole {
    /// In a group every article carries.
    SharedAll,
    /// In a group some (at least two) articles carry.
    SharedSome,
    /// A content sentence no other article carries.
    Unique,
    /// A title, heading or caption no other article carries.
    Plain,
    /// Bylines, share bars and the like: dimmed.
    Boilerplate,
}

/// A mark on a span of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// Where.
    pub span: Span,
    /// What it means.
    pub kind: MarkKind,
    /// The discrepancy it belongs to (index into `Comparison::discrepancies`),
    /// `None` for changed words.
    pub discrepancy: Option<usize>,
}

/// Everything to highlight in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleHighlights {
    /// One role per sentence.
    pub roles: Vec<SentenceRole>,
    /// Marks sorted by position; discrepancy marks come before changed-word
    /// marks that overlap them.
    pub marks: Vec<Mark>,
    /// For each sentence: the discrepancies that mention it, in list order.
    pub sentence_discrepancies: Vec<Vec<usize>>,
}

/// Computes the highlights of one article.
#[must_use]
pub fn article_highlights(comparison: &Comparison, article: usize) -> ArticleHighlights {
    let Some(content) = comparison.articles.get(article) else {
        return ArticleHighlights { roles: Vec::new(), marks: Vec::new(), sentence_discrepancies: Vec::new() };
    };
    let article_count = comparison.articles.len();
    let roles = content
        .sentences
        .iter()
        .enumerate()
        .map(|(index, sentence)| {
            let group = comparison.sentence_groups.get(article).and_then(|g| g.get(index)).copied().flatten();
            match (sentence.kind, group) {
                (SentenceKind::Boilerplate, _) => SentenceRole::Boilerplate,
                (_, Some(group)) if comparison.groups[group].article_count() == article_count => {
                    SentenceRole::SharedAll
                }
                (_, Some(_)) => SentenceRole::SharedSome,
                (SentenceKind::Content, None) => SentenceRole::Unique,
                (_, None) => SentenceRole::Plain,
            }
        })
        .collect();

    let mut marks = Vec::new();
    let mut sentence_discrepancies = vec![Vec::new(); content.sentences.len()];
    for (index, discrepancy) in comparison.discrepancies.iter().enumerate() {
        let kind = discrepancy.kind.mark(discrepancy.agreement);
        for mention in discrepancy.mentions.iter().filter(|m| m.at.article == article) {
            if let Some(list) = sentence_discrepancies.get_mut(mention.at.sentence)
                && !list.contains(&index)
            {
                list.push(index);
            }
            if let Some(kind) = kind {
                marks.push(Mark { span: mention.span, kind, discrepancy: Some(index) });
            }
        }
    }
    for group in &comparison.groups {
        for (member, diff) in group.members.iter().zip(&group.diffs) {
            if member.article != article {
                continue;
            }
            for span in &diff.changed {
                // Figures, names and dates already carry a stronger mark.
                if !marks.iter().any(|m| m.discrepancy.is_some() && m.span.overlaps(*span)) {
                    marks.push(Mark { span: *span, kind: MarkKind::Changed, discrepancy: None });
                }
            }
        }
    }
    marks.sort_by_key(|m| (m.span.start, m.kind, m.span.end));
    ArticleHighlights { roles, marks, sentence_discrepancies }
}

/// A stretch of text with at most one mark: the strongest of the marks
/// covering it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkRun {
    /// Where (char boundaries of the text).
    pub span: Span,
    /// The winning mark's kind and discrepancy, if any mark covers the run.
    pub mark: Option<(MarkKind, Option<usize>)>,
}

/// Cuts `span` of `text` into runs, each carrying the strongest mark that
/// covers it: the smallest [`MarkKind`] (conflicting figures first, changed
/// words last), then the earliest discrepancy. Adjacent runs with the same
/// mark are merged; the runs cover `span` without gaps. Ends are floored
/// to char boundaries, so a span or mark ending inside a character never
/// panics. The one flattening the reader and the HTML report share.
#[must_use]
pub fn mark_runs<'a>(text: &str, span: Span, marks: impl IntoIterator<Item = &'a Mark>) -> Vec<MarkRun> {
    let span = Span::new(floor_boundary(text, span.start), floor_boundary(text, span.end));
    let clipped: Vec<(Span, MarkKind, Option<usize>)> = marks
        .into_iter()
        .map(|m| {
            let start = floor_boundary(text, m.span.start.max(span.start));
            let end = floor_boundary(text, m.span.end.min(span.end));
            (Span::new(start, end.max(start)), m.kind, m.discrepancy)
        })
        .filter(|(clipped, _, _)| !clipped.is_empty())
        .collect();
    let mut cuts: Vec<usize> = vec![span.start, span.end];
    cuts.extend(clipped.iter().flat_map(|(s, _, _)| [s.start, s.end]));
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces: Vec<MarkRun> =
        cuts.windows(2).map(|w| MarkRun { span: Span::new(w[0], w[1]), mark: None }).collect();
    for (clip, kind, discrepancy) in clipped {
        let mut index = pieces.partition_point(|p| p.span.end <= clip.start);
        while let Some(piece) = pieces.get_mut(index).filter(|p| p.span.start < clip.end) {
            let key = |(kind, discrepancy): (MarkKind, Option<usize>)| (kind, discrepancy.unwrap_or(usize::MAX));
            if piece.mark.is_none_or(|current| key((kind, discrepancy)) < key(current)) {
                piece.mark = Some((kind, discrepancy));
            }
            index += 1;
        }
    }
    let mut runs: Vec<MarkRun> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match runs.last_mut() {
            Some(last) if last.mark == piece.mark => last.span.end = piece.span.end,
            _ => runs.push(piece),
        }
    }
    runs
}

/// The nearest char boundary at or before `index`.
pub(crate) fn floor_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DiscrepancyKind;

    fn mark(start: usize, end: usize, kind: MarkKind, discrepancy: Option<usize>) -> Mark {
        Mark { span: Span::new(start, end), kind, discrepancy }
    }

    #[test]
    fn overlapping_marks_become_runs_strongest_first() {
        let text = "About 4,500 people fled on Tuesday.";
        let marks = [
            mark(0, 11, MarkKind::NumberCompatible, Some(3)),
            mark(0, 5, MarkKind::NumberCompatible, Some(1)),
            mark(6, 18, MarkKind::Changed, None),
            mark(27, 34, MarkKind::Date, Some(2)),
        ];
        let runs = mark_runs(text, Span::new(0, text.len()), &marks);
        let shown: Vec<_> = runs.iter().map(|r| (&text[r.span.range()], r.mark)).collect();
        assert_eq!(
            shown,
            [
                ("About", Some((MarkKind::NumberCompatible, Some(1)))),
                (" 4,500", Some((MarkKind::NumberCompatible, Some(3)))),
                (" people", Some((MarkKind::Changed, None))),
                (" fled on ", None),
                ("Tuesday", Some((MarkKind::Date, Some(2)))),
                (".", None),
            ]
        );
    }

    #[test]
    fn mark_runs_cover_the_span_and_floor_char_boundaries() {
        let text = "Kouznetsov said «nein».";
        let marks = [mark(0, 10, MarkKind::NameVariant, None), mark(16, 21, MarkKind::Changed, None)];
        // 17 lies inside «: the span and the mark are floored, never a panic.
        let runs = mark_runs(text, Span::new(3, 17), &marks);
        assert_eq!(runs.first().map(|r| r.span.start), Some(3));
        assert_eq!(runs.last().map(|r| r.span.end), Some(16));
        assert!(runs.windows(2).all(|w| w[0].span.end == w[1].span.start && w[0].mark != w[1].mark));
        assert!(mark_runs(text, Span::new(5, 5), &marks).is_empty());
    }
    use crate::{Settings, compare_texts};

    #[test]
    fn roles_and_marks_follow_the_comparison() {
        let comparison = compare_texts(
            &[
                (
                    "a.txt",
                    "Dam bursts\n\nBy Ana Ruiz | 5 min read\n\nAbout 4,500 residents were evacuated on Tuesday.\n\nA bakery gave out free bread.",
                ),
                ("b.txt", "Flood\n\nMore than 4,000 residents were evacuated on Tuesday."),
            ],
            &Settings::default(),
        );
        let highlights = article_highlights(&comparison, 0);
        assert_eq!(
            highlights.roles,
            [SentenceRole::Plain, SentenceRole::Boilerplate, SentenceRole::SharedAll, SentenceRole::Unique]
        );
        let text = &comparison.articles[0].text;
        let number: Vec<&str> = highlights
            .marks
            .iter()
            .filter(|m| m.kind == MarkKind::NumberCompatible)
            .map(|m| &text[m.span.range()])
            .collect();
        assert_eq!(number, ["About 4,500"]);
        assert!(
            highlights.sentence_discrepancies[3]
                .iter()
                .any(|d| comparison.discrepancies[*d].kind == DiscrepancyKind::Unique)
        );
    }
}
