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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DiscrepancyKind;
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
