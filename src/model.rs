//! The data every stage produces and every view shows.
//!
//! Everything that points into an article is a byte range into that
//! article's [`Article::text`] (the decoded, normalised text), so the TUI,
//! the reports and the JSON all highlight exactly the same characters.

use serde::{Deserialize, Serialize};
use std::ops::Range;

mod document;
mod figures;

pub use document::{Block, BlockRole, Document, Metadata};
pub use figures::{
    Figure, FigureReading, NotQuantity, Qualifier, Quantity, QuantityClass, QuantityFigure, QuantityKey, Verdict,
};

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The span as a `Range` for slicing.
    #[must_use]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Shifts the span by `offset` bytes (used to turn a sentence-relative
    /// span into an article-relative one).
    #[must_use]
    pub const fn shifted(self, offset: usize) -> Self {
        Self { start: self.start + offset, end: self.end + offset }
    }

    /// True when the two spans share at least one byte.
    #[must_use]
    pub const fn overlaps(self, other: Self) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What role a sentence plays in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentenceKind {
    /// The article's headline.
    Title,
    /// A section heading or a standalone short line such as a standfirst.
    Heading,
    /// Body text: the sentences that carry the reporting.
    Content,
    /// An image or figure caption.
    Caption,
    /// Bylines, share bars, "Read more", tag lists, copyright lines: kept
    /// and shown, never counted as a detail.
    Boilerplate,
}

impl SentenceKind {
    /// The name used in reports and the JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Heading => "heading",
            Self::Content => "content",
            Self::Caption => "caption",
            Self::Boilerplate => "boilerplate",
        }
    }
}

/// One sentence of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where the sentence lies in the article's text (trimmed of spaces).
    pub span: Span,
    /// Index into [`Article::paragraphs`].
    pub paragraph: usize,
    /// Its role.
    pub kind: SentenceKind,
}

/// One paragraph (block) of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Where the paragraph lies in the article's text.
    pub span: Span,
    /// The sentences it holds, as a range of indices into [`Article::sentences`].
    pub sentences: Range<usize>,
}

/// A calendar date as an article states it (year may be unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DayDate {
    /// The year, when known.
    pub year: Option<i16>,
    /// 1–12.
    pub month: i8,
    /// 1–31.
    pub day: i8,
}

/// The English name of month 1–12 ("March": the calendar lexicon's full
/// name, capitalised), `?` outside that range.
#[must_use]
pub fn month_name(month: i8) -> &'static str {
    static NAMES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        (1..=12).map(|number| crate::lexicon::CALENDAR.month_name(number).unwrap_or_else(|| "?".to_owned())).collect()
    });
    usize::try_from(month - 1).ok().and_then(|i| NAMES.get(i)).map_or("?", String::as_str)
}

impl DayDate {
    /// `4 March 2026`, or `4 March` when the year is unknown: for people.
    #[must_use]
    pub fn human(self) -> String {
        let month = month_name(self.month);
        match self.year {
            Some(year) => format!("{} {month} {year}", self.day),
            None => format!("{} {month}", self.day),
        }
    }

    /// `2026-03-04`, or `--03-04` when the year is unknown (ISO 8601).
    #[must_use]
    pub fn iso(self) -> String {
        match self.year {
            Some(year) => format!("{year:04}-{:02}-{:02}", self.month, self.day),
            None => format!("--{:02}-{:02}", self.month, self.day),
        }
    }
}

/// Where an article came from and how it was read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Provenance {
    /// Hex SHA-256 of the input bytes as read (before decoding).
    pub content_sha256: String,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// The input format that was recognised (`text`, `markdown`, `html`).
    pub format: String,
    /// The character encoding the bytes were decoded from.
    pub encoding: String,
    /// For URLs: the final address after redirects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    /// For URLs: when the page was fetched (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched_at: Option<String>,
    /// For URLs: whether the page came from the local cache.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_cache: bool,
}

/// One article, read and segmented.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The path or URL as the user gave it.
    pub source: String,
    /// The headline.
    pub title: String,
    /// The outlet (site or agency name) when known, else derived from the file name.
    pub outlet: String,
    /// The byline when one was found.
    pub byline: Option<String>,
    /// The publication date when one was found; relative dates are resolved against it.
    pub date: Option<DayDate>,
    /// The decoded, normalised text every span points into.
    pub text: String,
    /// The paragraphs in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// The sentences in reading order.
    pub sentences: Vec<Sentence>,
    /// How the input was read.
    pub provenance: Provenance,
}

impl Article {
    /// The text of sentence `index`.
    ///
    /// # Panics
    /// Panics when `index` is out of range (an engine bug, never user data).
    #[must_use]
    pub fn sentence_text(&self, index: usize) -> &str {
        &self.text[self.sentences[index].span.range()]
    }

    /// The text under a span.
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or_default()
    }
}

/// A sentence of one article: the address used by groups and mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SentenceRef {
    /// Index into [`Comparison::articles`].
    pub article: usize,
    /// Index into that article's sentences.
    pub sentence: usize,
}

/// The word-level difference between one member of a group and the
/// group's reference member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberDiff {
    /// Words of this member that the reference lacks (article-text spans).
    pub changed: Vec<Span>,
    /// Words of the reference that this member lacks (spans into the reference's article text).
    pub reference_changed: Vec<Span>,
}

/// Sentences in different articles that report the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// Members in reading order (article, then sentence).
    pub members: Vec<SentenceRef>,
    /// Mean pairwise similarity of the members (0–1).
    pub similarity: f64,
    /// Index into `members` of the member the diffs are taken against.
    pub reference: usize,
    /// One diff per member, in the order of `members` (the reference's own is empty).
    pub diffs: Vec<MemberDiff>,
    /// Sentences of articles without a member that carry this statement in
    /// one clause of a longer sentence grouped elsewhere or not at all
    /// ("The tremor shook the coast, forcing workers out of their
    /// buildings" carries "The tremor shook the coast."), with the clause
    /// similarity; in reading order.
    #[serde(default)]
    pub also: Vec<Closest>,
}

impl Group {
    /// How many distinct articles carry this group.
    #[must_use]
    pub fn article_count(&self) -> usize {
        let mut articles: Vec<usize> = self.members.iter().map(|m| m.article).collect();
        articles.dedup();
        articles.len()
    }
}

/// A row of the paragraph alignment: at most one paragraph per article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignedRow {
    /// One entry per article: the paragraph index in that article, if any.
    pub cells: Vec<Option<usize>>,
    /// For cells whose paragraph was moved (it matches another row but lies
    /// out of order in this article): the row holding its counterparts.
    /// Same length as `cells`.
    pub moved: Vec<Option<usize>>,
}

/// The kind of a discrepancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyKind {
    /// The same quantity with different figures.
    Number,
    /// Different spellings of one name.
    Name,
    /// The same event dated differently.
    Date,
    /// A detail only one article reports.
    Unique,
}

/// Whether differing figures (or dates) can both be true.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// The ranges overlap ("more than 4,000" and "about 4,500").
    Compatible,
    /// The ranges are disjoint ("three" and "at least five").
    Conflicting,
    /// The figure moved between reports ("has risen to", reports a day apart).
    Changed,
}

impl Agreement {
    /// The name used in reports and the JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Compatible => "compatible",
            Self::Conflicting => "conflicting",
            Self::Changed => "changed",
        }
    }
}

/// What a mention shows: the evidence its finder read.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// A figure (number discrepancies).
    Figure(Figure),
    /// A resolved date (date discrepancies).
    Date(DayDate),
    /// One spelling of a name (name discrepancies): the span's text.
    Spelling,
    /// A sentence only one article carries (unique details), with the
    /// closest sentence of every other article, so the claim can be judged.
    Detail(Vec<Closest>),
}

/// The sentence of another article closest to a given sentence, and how
/// close it is (the matcher's similarity, 0–1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Closest {
    /// The other article's sentence.
    pub at: SentenceRef,
    /// The matcher's similarity of the two sentences.
    pub similarity: f32,
}

/// One place a discrepancy shows up.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The sentence.
    pub at: SentenceRef,
    /// The exact surface span in the article's text.
    pub span: Span,
    /// What the finder read there.
    pub evidence: Evidence,
}

impl Mention {
    /// For number mentions: the figure.
    #[must_use]
    pub const fn figure(&self) -> Option<&Figure> {
        match &self.evidence {
            Evidence::Figure(figure) => Some(figure),
            _ => None,
        }
    }

    /// For date mentions: the resolved date.
    #[must_use]
    pub const fn date(&self) -> Option<DayDate> {
        match self.evidence {
            Evidence::Date(date) => Some(date),
            _ => None,
        }
    }
}

/// Serialised as it always was: `at`, `span`, and the optional `figure`
/// and `date` (null when the evidence is of another kind).
impl Serialize for Mention {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'a> {
            at: SentenceRef,
            span: Span,
            figure: Option<&'a Figure>,
            date: Option<DayDate>,
        }
        Shape { at: self.at, span: self.span, figure: self.figure(), date: self.date() }.serialize(serializer)
    }
}

/// One entry of the navigable discrepancy list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discrepancy {
    /// Number, name, date or unique.
    pub kind: DiscrepancyKind,
    /// A one-line human summary.
    pub summary: String,
    /// For numbers and dates: whether the versions can all be true.
    pub agreement: Option<Agreement>,
    /// A short label for what the discrepancy is about ("people killed").
    pub label: String,
    /// The places it shows up, in reading order.
    pub mentions: Vec<Mention>,
}

impl Discrepancy {
    /// The distinct articles that carry a mention, in order.
    #[must_use]
    pub fn articles(&self) -> Vec<usize> {
        let mut articles: Vec<usize> = self.mentions.iter().map(|m| m.at.article).collect();
        articles.sort_unstable();
        articles.dedup();
        articles
    }
}

/// An input that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Skipped {
    /// The path or URL as given.
    pub source: String,
    /// Why it was skipped, in one line.
    pub reason: String,
}

/// The whole analysis: built once, shown by every view, serialised by every report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The articles, numbered in input order.
    pub articles: Vec<Article>,
    /// Inputs that were skipped.
    pub skipped: Vec<Skipped>,
    /// Groups of sentences that report the same thing, ordered by first member.
    pub groups: Vec<Group>,
    /// For each article, for each sentence: the group it belongs to, if any.
    pub sentence_groups: Vec<Vec<Option<usize>>>,
    /// The paragraph alignment rows the panes scroll by.
    pub rows: Vec<AlignedRow>,
    /// The ordered discrepancy list.
    pub discrepancies: Vec<Discrepancy>,
    /// For each article: every figure read in it, in reading order.
    #[serde(default)]
    pub figures: Vec<Vec<FigureReading>>,
    /// Every quantity stated by at least two articles, also when they agree.
    #[serde(default)]
    pub quantities: Vec<Quantity>,
}

impl Comparison {
    /// The text of a referenced sentence.
    #[must_use]
    pub fn sentence_text(&self, at: SentenceRef) -> &str {
        self.articles[at.article].sentence_text(at.sentence)
    }

    /// The group a sentence belongs to.
    #[must_use]
    pub fn group_of(&self, at: SentenceRef) -> Option<usize> {
        self.sentence_groups.get(at.article)?.get(at.sentence).copied().flatten()
    }

    /// How many discrepancies of each kind, in [`DiscrepancyKind::ALL`] order.
    #[must_use]
    pub fn counts_by_kind(&self) -> [(DiscrepancyKind, usize); DiscrepancyKind::ALL.len()] {
        DiscrepancyKind::ALL.map(|kind| (kind, self.discrepancies.iter().filter(|d| d.kind == kind).count()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_named_from_the_calendar() {
        let names: Vec<&str> = (1..=12).map(month_name).collect();
        assert_eq!(names.first(), Some(&"January"));
        assert_eq!(names.get(2), Some(&"March"));
        assert_eq!(names.last(), Some(&"December"));
        assert!(names.iter().all(|n| n.len() >= 3 && n.starts_with(char::is_uppercase)));
        assert_eq!([month_name(0), month_name(13)], ["?", "?"]);
        assert_eq!(DayDate { year: Some(2026), month: 3, day: 4 }.human(), "4 March 2026");
    }
}
