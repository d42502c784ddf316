//! A sentence cut into runs of text, each with at most one mark, from the
//! highlights the reader shows ([`crate::highlight`]). Marks may overlap (a
//! changed word inside a figure, a date inside a name); where they do, the
//! stronger mark wins (the [`MarkKind`] order: conflicting figures first,
//! changed words last), so the HTML never nests or crosses elements.

use crate::highlight::{Mark, MarkKind, floor_boundary, mark_runs};
use crate::model::Span;

/// A run of sentence text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    /// The text (escaped by the template).
    pub text: String,
    /// The mark on it, if any.
    pub mark: Option<MarkView>,
}

/// How a marked run is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkView {
    /// The CSS class (`mk-conflict`, `mk-compatible`, `mk-name`, `mk-date`, `mk-changed`).
    pub class: &'static str,
    /// The 1-based discrepancy number it belongs to (none for changed words).
    pub reference: Option<usize>,
    /// A tooltip saying what the mark means.
    pub title: String,
}

/// The CSS class for a mark kind.
#[must_use]
pub fn mark_class(kind: MarkKind) -> &'static str {
    kind.info().class
}

fn mark_title(kind: MarkKind, reference: Option<usize>) -> String {
    let what = kind.info().title;
    match reference {
        Some(number) => format!("{what} (discrepancy {number})"),
        None => what.to_owned(),
    }
}

/// Cuts `span` of `text` into fragments carrying the marks `keep` accepts
/// ([`crate::highlight::mark_runs`], the reader's flattening too). `marks`
/// must be sorted by start (as [`crate::highlight`] returns them).
/// Discrepancies are numbered by their engine index + 1.
#[cfg(test)]
pub fn fragments(text: &str, span: Span, marks: &[Mark], keep: impl Fn(&Mark) -> bool) -> Vec<Fragment> {
    numbered_fragments(text, span, marks, keep, &[])
}

/// [`fragments`], numbering discrepancy `d` as `numbers[d]` (the page's own
/// numbering; engine index + 1 where `numbers` has no entry).
pub fn numbered_fragments(
    text: &str,
    span: Span,
    marks: &[Mark],
    keep: impl Fn(&Mark) -> bool,
    numbers: &[usize],
) -> Vec<Fragment> {
    let span = Span::new(floor_boundary(text, span.start), floor_boundary(text, span.end));
    // Marks lie inside one sentence (mentions and changed words are found
    // per sentence), so the first mark starting in the span is the first
    // that can touch it.
    let first = marks.partition_point(|m| m.span.start < span.start);
    let relevant = marks[first..].iter().take_while(|m| m.span.start < span.end).filter(|m| keep(m));
    mark_runs(text, span, relevant)
        .into_iter()
        .filter_map(|run| {
            let piece = text.get(run.span.range()).filter(|piece| !piece.is_empty())?;
            let mark = run.mark.map(|(kind, discrepancy)| {
                let reference = discrepancy.map(|d| numbers.get(d).copied().unwrap_or(d + 1));
                MarkView { class: mark_class(kind), reference, title: mark_title(kind, reference) }
            });
            Some(Fragment { text: piece.to_owned(), mark })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, kind: MarkKind, discrepancy: Option<usize>) -> Mark {
        Mark { span: Span::new(start, end), kind, discrepancy }
    }

    fn shown(fragments: &[Fragment]) -> Vec<(String, Option<&'static str>)> {
        fragments.iter().map(|f| (f.text.clone(), f.mark.as_ref().map(|m| m.class))).collect()
    }

    #[test]
    fn overlapping_marks_are_flattened_strongest_first() {
        let text = "About 4,500 people fled on Tuesday.";
        let marks = [
            mark(0, 11, MarkKind::NumberCompatible, Some(0)),
            mark(6, 18, MarkKind::Changed, None),
            mark(27, 34, MarkKind::Date, Some(2)),
        ];
        let out = fragments(text, Span::new(0, text.len()), &marks, |_| true);
        assert_eq!(
            shown(&out),
            [
                ("About 4,500".to_owned(), Some("mk-compatible")),
                (" people".to_owned(), Some("mk-changed")),
                (" fled on ".to_owned(), None),
                ("Tuesday".to_owned(), Some("mk-date")),
                (".".to_owned(), None),
            ]
        );
        assert_eq!(out[0].mark.as_ref().and_then(|m| m.reference), Some(1), "1-based");
        assert_eq!(out.iter().map(|f| f.text.as_str()).collect::<String>(), text, "no text lost");
    }

    #[test]
    fn filter_and_clipping_and_char_boundaries() {
        let text = "Kouznetsov said «nein». Next.";
        let marks = [mark(0, 10, MarkKind::NameVariant, Some(4)), mark(16, 21, MarkKind::Changed, None)];
        let sentence = Span::new(0, text.find(" Next").expect("sentence end"));
        let out = fragments(text, sentence, &marks, |m| m.discrepancy.is_some());
        assert_eq!(shown(&out), [("Kouznetsov".to_owned(), Some("mk-name")), (" said «nein».".to_owned(), None)]);
        // A span ending inside a multi-byte character is floored, not a panic.
        let out = fragments(text, Span::new(0, 17), &[], |_| true);
        assert_eq!(out[0].text, "Kouznetsov said ");
    }
}
