//! One article's highlights ([`crate::highlight`]) flattened for drawing:
//! the text cut into runs that each carry one sentence role and at most one
//! mark, so a line of any length is styled with a binary search and a walk
//! over the runs it covers. Nothing here analyses anything; it only
//! rearranges what the highlights say.

use super::theme::marker;
use crate::highlight::{MarkKind, SentenceRole, article_highlights, mark_runs};
use crate::model::{Comparison, Span};

/// A stretch of text with one look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The role of the sentence the run lies in (none between sentences).
    pub role: Option<SentenceRole>,
    /// The strongest mark on the run.
    pub mark: Option<MarkKind>,
}

/// An article ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyledArticle {
    /// Runs covering the whole text, in order, without gaps.
    pub runs: Vec<Run>,
    /// Where a marker (`≠ ≈ ~ @`) goes when markers are on: byte offset and
    /// the mark it introduces, sorted by offset, one per offset.
    pub markers: Vec<(usize, MarkKind)>,
    /// The same offsets alone, for the line wrapper.
    pub marker_offsets: Vec<usize>,
}

impl StyledArticle {
    /// Flattens the highlights of one article.
    #[must_use]
    pub fn new(comparison: &Comparison, article: usize) -> Self {
        let Some(content) = comparison.articles.get(article) else {
            return Self { runs: Vec::new(), markers: Vec::new(), marker_offsets: Vec::new() };
        };
        let highlights = article_highlights(comparison, article);
        let length = content.text.len();
        // The marks flattened as the HTML report flattens them, then cut
        // where sentences begin and end so each piece has one role.
        let mut bounds: Vec<usize> =
            content.sentences.iter().flat_map(|s| [s.span.start.min(length), s.span.end.min(length)]).collect();
        bounds.sort_unstable();
        bounds.dedup();
        let mut pieces: Vec<Run> = Vec::new();
        for run in mark_runs(&content.text, Span::new(0, length), &highlights.marks) {
            let mark = run.mark.map(|(kind, _)| kind);
            let mut start = run.span.start;
            let inside = bounds.partition_point(|b| *b <= start);
            for cut in bounds[inside..].iter().take_while(|b| **b < run.span.end) {
                pieces.push(Run { start, end: *cut, role: None, mark });
                start = *cut;
            }
            pieces.push(Run { start, end: run.span.end, role: None, mark });
        }
        let piece_at = |pieces: &[Run], byte: usize| pieces.partition_point(|p| p.end <= byte);
        for (sentence, role) in content.sentences.iter().zip(&highlights.roles) {
            let mut index = piece_at(&pieces, sentence.span.start);
            while let Some(piece) = pieces.get_mut(index).filter(|p| p.start < sentence.span.end) {
                piece.role = Some(*role);
                index += 1;
            }
        }
        let mut runs: Vec<Run> = Vec::with_capacity(pieces.len());
        for piece in pieces {
            match runs.last_mut() {
                Some(last) if last.role == piece.role && last.mark == piece.mark => last.end = piece.end,
                _ => runs.push(piece),
            }
        }

        let mut markers: Vec<(usize, MarkKind)> = highlights
            .marks
            .iter()
            .filter(|m| marker(m.kind).is_some() && m.span.start < length)
            .map(|m| (m.span.start, m.kind))
            .collect();
        markers.sort_unstable();
        markers.dedup_by_key(|(offset, _)| *offset);
        let marker_offsets = markers.iter().map(|(offset, _)| *offset).collect();
        Self { runs, markers, marker_offsets }
    }

    /// The runs that overlap a span, clipped to it.
    pub fn runs_in(&self, span: Span) -> impl Iterator<Item = Run> + '_ {
        let first = self.runs.partition_point(|r| r.end <= span.start);
        self.runs[first..].iter().take_while(move |r| r.start < span.end).map(move |r| Run {
            start: r.start.max(span.start),
            end: r.end.min(span.end),
            ..*r
        })
    }

    /// The role of the sentence at a byte, if any.
    #[must_use]
    pub fn role_at(&self, byte: usize) -> Option<SentenceRole> {
        let index = self.runs.partition_point(|r| r.end <= byte);
        self.runs.get(index).and_then(|r| r.role)
    }

    /// The markers inside a span.
    #[must_use]
    pub fn markers_in(&self, span: Span) -> &[(usize, MarkKind)] {
        let first = self.markers.partition_point(|(offset, _)| *offset < span.start);
        let last = self.markers.partition_point(|(offset, _)| *offset < span.end);
        &self.markers[first..last]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Settings, compare_texts};

    #[test]
    fn runs_cover_the_text_and_carry_the_highlights() {
        let comparison = compare_texts(
            &[
                ("a.txt", "Dam bursts\n\nAbout 4,500 residents were evacuated on Tuesday.\n\nA bakery gave out bread."),
                ("b.txt", "Flood\n\nMore than 4,000 residents were evacuated on Tuesday."),
            ],
            &Settings::default(),
        );
        let styled = StyledArticle::new(&comparison, 0);
        let text = &comparison.articles[0].text;
        assert_eq!(styled.runs.first().map(|r| r.start), Some(0));
        assert_eq!(styled.runs.last().map(|r| r.end), Some(text.len()));
        assert!(styled.runs.windows(2).all(|w| w[0].end == w[1].start), "no gaps");
        let number: Vec<&str> = styled
            .runs
            .iter()
            .filter(|r| r.mark == Some(MarkKind::NumberCompatible))
            .map(|r| &text[r.start..r.end])
            .collect();
        assert_eq!(number, ["About 4,500"]);
        let bakery = text.find("bakery").expect("bakery");
        assert_eq!(styled.role_at(bakery), Some(SentenceRole::Unique));
        assert_eq!(styled.markers, [(text.find("About").expect("about"), MarkKind::NumberCompatible)]);
        let line = Span::new(text.find("4,500").expect("4,500"), text.find("were").expect("were"));
        let clipped: Vec<Run> = styled.runs_in(line).collect();
        assert_eq!(clipped.first().map(|r| r.start), Some(line.start));
        assert_eq!(clipped.last().map(|r| r.end), Some(line.end));
    }

    #[test]
    fn the_reader_marks_the_same_runs_as_the_html_report() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/dravik-dam");
        let loaded = crate::ingest::load_inputs(&[folder.to_string_lossy().into_owned()], &Default::default());
        let comparison = crate::compare_documents(loaded.documents, loaded.skipped, &Settings::default());
        let mut marked = 0;
        for (a, article) in comparison.articles.iter().enumerate() {
            let styled = StyledArticle::new(&comparison, a);
            let highlights = article_highlights(&comparison, a);
            for sentence in &article.sentences {
                let mut html: Vec<(usize, Option<&str>)> = Vec::new();
                let mut at = sentence.span.start;
                for fragment in
                    crate::report::html::fragments::fragments(&article.text, sentence.span, &highlights.marks, |_| true)
                {
                    let class = fragment.mark.as_ref().map(|m| m.class);
                    at += fragment.text.len();
                    match html.last_mut() {
                        Some(last) if last.1 == class => last.0 = at,
                        _ => html.push((at, class)),
                    }
                }
                let reader: Vec<(usize, Option<&str>)> =
                    styled.runs_in(sentence.span).map(|r| (r.end, r.mark.map(|m| m.info().class))).collect();
                assert_eq!(reader, html, "{}", article.slice(sentence.span));
                marked += html.iter().filter(|(_, class)| class.is_some()).count();
            }
        }
        assert!(marked > 20, "the samples carry marks ({marked})");
    }
}
