//! The JSON report: a versioned public contract for scripts. Field names
//! listed in `docs/report-format.md` are never renamed or dropped; new
//! fields may be added.

use super::ReportContext;
use crate::Settings;
use crate::model::{Comparison, Provenance, Skipped};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// The report format version: raised only by a change that breaks the contract.
pub const VERSION: u32 = 1;

/// The minor version: raised by every addition to the contract (new fields
/// only), so a script can tell which fields to expect. See
/// `docs/report-format.md` for what each minor version added.
pub const VERSION_MINOR: u32 = 8;

/// The whole JSON report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// Format version ([`VERSION`]).
    pub version: u32,
    /// Minor format version ([`VERSION_MINOR`]): which additions are present
    /// (0 in reports written before it existed).
    #[serde(default)]
    pub version_minor: u32,
    /// The program that wrote it.
    pub generator: Generator,
    /// The settings that shaped the results.
    pub settings: Settings,
    /// The user configuration file read, or null when none was used.
    pub config_file: Option<String>,
    /// Present when the report holds only part of the discrepancies (an
    /// export from the reader "as filtered"): which part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Counts at a glance.
    pub summary: Summary,
    /// The compared articles, in input order.
    pub articles: Vec<ReportArticle>,
    /// Inputs that were not compared, with the reason.
    pub skipped: Vec<Skipped>,
    /// Sentences in different articles that report the same thing.
    pub groups: Vec<ReportGroup>,
    /// Paragraph alignment: one entry per row, one cell per article.
    pub rows: Vec<ReportRow>,
    /// The ordered discrepancy list.
    pub discrepancies: Vec<ReportDiscrepancy>,
    /// The reviewer's verdicts, notes, pinned values and corrections; absent
    /// when no review is in force (added in 1.2, see `docs/report-format.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<super::review::ReportReview>,
    /// Every quantity stated by at least two articles, also when they agree:
    /// the figures each article gives and the verdict on them.
    #[serde(default)]
    pub quantities: Vec<ReportQuantity>,
}

/// One quantity: what is counted, every article's figures, the verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportQuantity {
    /// 1-based position in the list (stable for the same input).
    pub id: usize,
    /// What is counted and what happened to it, in the articles' words.
    pub label: String,
    /// The figures' unit ("people", "USD", "percent").
    pub unit: String,
    /// `agree`, `compatible`, `conflicting` or `changed`.
    pub verdict: String,
    /// The `id` of the number discrepancy these figures form, or null when they agree.
    pub discrepancy: Option<usize>,
    /// Every figure, in reading order.
    pub figures: Vec<ReportQuantityFigure>,
}

/// One figure of a quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportQuantityFigure {
    /// Index into `articles`.
    pub article: usize,
    /// Index into that article's `sentences`.
    pub sentence: usize,
    /// The figure as written (`text[start..end]` of the article).
    pub text: String,
    /// First byte in the article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The figure as written (a representative value for vague words).
    pub value: f64,
    /// The lowest value the wording allows.
    pub low: f64,
    /// The highest value the wording allows (null: no upper bound).
    pub high: Option<f64>,
    /// `exact`, `approx`, `over`, `under`, `at_least`, `at_most`, `range`.
    pub qualifier: String,
}

/// Name and version of the writer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Generator {
    /// Always "parallax".
    pub name: String,
    /// The parallax version.
    pub version: String,
}

/// Counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    /// Articles compared.
    pub articles: usize,
    /// Groups of matched sentences.
    pub groups: usize,
    /// Groups carried by every article.
    pub groups_in_all_articles: usize,
    /// Discrepancies by kind (`number`, `name`, `date`, `unique`).
    pub discrepancies: BTreeMap<String, usize>,
}

/// One article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportArticle {
    /// Path or URL as given.
    pub source: String,
    /// Headline.
    pub title: String,
    /// Outlet name (or the file name when unknown).
    pub outlet: String,
    /// Byline, when found.
    pub byline: Option<String>,
    /// Publication date (ISO 8601; `--MM-DD` when the year is unknown).
    pub date: Option<String>,
    /// The article's decoded, normalised text; every offset points into it.
    pub text: String,
    /// Paragraphs as byte ranges.
    pub paragraphs: Vec<ReportSpan>,
    /// Sentences in reading order.
    pub sentences: Vec<ReportSentence>,
    /// Content hash, size, format, encoding; for URLs the final address and fetch time.
    pub provenance: Provenance,
}

/// A byte range into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReportSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportSentence {
    /// The sentence's text (`text[start..end]` of its article).
    pub text: String,
    /// `title`, `heading`, `content`, `caption` or `boilerplate`.
    pub kind: String,
    /// Index into the article's paragraphs.
    pub paragraph: usize,
    /// First byte in the article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index into `groups`, or null for a sentence no other article shares.
    pub group: Option<usize>,
    /// Every figure read in the sentence, in reading order (added in 1.3).
    #[serde(default)]
    pub figures: Vec<ReportFigure>,
}

/// One figure read in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportFigure {
    /// The exact surface text, from the hedge to the unit (`text[start..end]` of the article).
    pub text: String,
    /// First byte in the article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The figure as written (a representative value for vague words).
    pub value: f64,
    /// The lowest value the wording allows (null: no lower bound, only for
    /// negative figures such as "below -30").
    pub low: Option<f64>,
    /// The highest value the wording allows (null: no upper bound).
    pub high: Option<f64>,
    /// `exact`, `approx`, `over`, `under`, `at_least`, `at_most`, `range`.
    pub qualifier: String,
    /// What is counted or the unit ("peopl", "EUR", "percent", "m3"), or null.
    pub unit: Option<String>,
    /// `count`, `money`, `percent`, `measure`, `duration`, `age`, `ordinal`,
    /// `year` or `not_a_quantity`.
    pub class: String,
    /// For `not_a_quantity`: why (`scale`, `date_or_time`, `name`,
    /// `identifier`, `phone`, `address`, `kind`, `pronoun`); else null.
    pub reason: Option<String>,
    /// The `id` of the quantity (in the report's `quantities`) the figure
    /// belongs to; null when no other article states that quantity.
    pub quantity: Option<usize>,
}

/// A group of matched sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportGroup {
    /// The member sentences.
    pub members: Vec<ReportMember>,
    /// Mean pairwise similarity (0–1).
    pub similarity: f64,
    /// Index into `members` of the reference the changes are measured against.
    pub reference: usize,
    /// How many distinct articles carry it.
    pub articles: usize,
    /// Sentences of other articles (none of whose sentences is a member)
    /// that carry this statement in one clause of a longer sentence, with
    /// the clause similarity (0–1); omitted when none (since 1.8).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub also: Vec<ReportClosest>,
}

/// One member of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReportMember {
    /// Index into `articles`.
    pub article: usize,
    /// Index into that article's `sentences`.
    pub sentence: usize,
    /// Words of this member the reference lacks (byte ranges in this article's text).
    pub changes: Vec<ReportSpan>,
}

/// One alignment row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReportRow {
    /// Per article: the paragraph index in this row, or null.
    pub paragraphs: Vec<Option<usize>>,
    /// Per article: for a moved paragraph, the row holding its counterparts.
    pub moved: Vec<Option<usize>>,
}

/// One discrepancy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportDiscrepancy {
    /// 1-based position in the list (stable for the same input).
    pub id: usize,
    /// `number`, `name`, `date` or `unique`.
    pub kind: String,
    /// One-line summary.
    pub summary: String,
    /// Short label of what it is about.
    pub label: String,
    /// For numbers and dates: `compatible` or `conflicting`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub status: Option<String>,
    /// Where it shows up.
    pub mentions: Vec<ReportMention>,
    /// The reviewer's verdict, note and corrections for it; absent when
    /// there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<super::review::DiscrepancyReview>,
}

/// One mention of a discrepancy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportMention {
    /// Index into `articles`.
    pub article: usize,
    /// Index into that article's `sentences`.
    pub sentence: usize,
    /// The exact surface text (`text[start..end]` of the article).
    pub text: String,
    /// First byte in the article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Numbers: the figure as written (a representative value for vague words).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value: Option<f64>,
    /// Numbers: the lowest value the wording allows.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub low: Option<f64>,
    /// Numbers: the highest value the wording allows (null: no upper bound).
    #[serde(skip_serializing_if = "is_unbounded_absent", default, deserialize_with = "present_or_null")]
    pub high: Option<Option<f64>>,
    /// Numbers: `exact`, `approx`, `over`, `under`, `at_least`, `at_most`, `range`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub qualifier: Option<String>,
    /// Numbers: what is counted or the unit ("people", "EUR", "percent", "m3").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit: Option<String>,
    /// Dates: the resolved date (ISO 8601).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<String>,
    /// Unique details: the closest sentence of every other article, with
    /// the matcher's similarity (0–1), so the claim "only one article
    /// reports this" can be judged.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub closest: Option<Vec<ReportClosest>>,
}

/// The sentence of another article closest to a unique detail's sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportClosest {
    /// Index into `articles`.
    pub article: usize,
    /// Index into that article's `sentences`.
    pub sentence: usize,
    /// The matcher's similarity (0–1; 1 is the same statement).
    pub similarity: f64,
}

impl From<&crate::model::Closest> for ReportClosest {
    /// A sentence of another article with its similarity, rounded to three places.
    fn from(closest: &crate::model::Closest) -> Self {
        Self {
            article: closest.at.article,
            sentence: closest.at.sentence,
            similarity: (f64::from(closest.similarity) * 1000.0).round() / 1000.0,
        }
    }
}

#[allow(clippy::ref_option)] // serde's skip_serializing_if passes a reference
fn is_unbounded_absent(high: &Option<Option<f64>>) -> bool {
    high.is_none()
}

/// Reads `high` back as written: a present `null` ("no upper bound") is
/// `Some(None)`, an absent field (not a number mention) is `None`. Serde's
/// default would read both as `None`, and a report would not round-trip.
fn present_or_null<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Option<f64>>, D::Error> {
    Option::<f64>::deserialize(deserializer).map(Some)
}

/// Builds the report value.
#[must_use]
pub fn build(comparison: &Comparison, context: &ReportContext) -> Report {
    let articles = comparison
        .articles
        .iter()
        .enumerate()
        .map(|(a, article)| ReportArticle {
            source: article.source.clone(),
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            byline: article.byline.clone(),
            date: article.date.map(crate::model::DayDate::iso),
            text: article.text.clone(),
            paragraphs: article
                .paragraphs
                .iter()
                .map(|p| ReportSpan { start: p.span.start, end: p.span.end })
                .collect(),
            sentences: article
                .sentences
                .iter()
                .enumerate()
                .map(|(s, sentence)| ReportSentence {
                    text: article.slice(sentence.span).to_owned(),
                    kind: sentence.kind.as_str().to_owned(),
                    paragraph: sentence.paragraph,
                    start: sentence.span.start,
                    end: sentence.span.end,
                    group: comparison.sentence_groups.get(a).and_then(|g| g.get(s)).copied().flatten(),
                    figures: comparison
                        .figures
                        .get(a)
                        .map(|figures| sentence_figures(article, figures, s))
                        .unwrap_or_default(),
                })
                .collect(),
            provenance: article.provenance.clone(),
        })
        .collect();
    let groups = comparison
        .groups
        .iter()
        .map(|group| ReportGroup {
            members: group
                .members
                .iter()
                .zip(&group.diffs)
                .map(|(m, diff)| ReportMember {
                    article: m.article,
                    sentence: m.sentence,
                    changes: diff.changed.iter().map(|s| ReportSpan { start: s.start, end: s.end }).collect(),
                })
                .collect(),
            similarity: group.similarity,
            reference: group.reference,
            articles: group.article_count(),
            also: group.also.iter().map(ReportClosest::from).collect(),
        })
        .collect();
    let rows =
        comparison.rows.iter().map(|r| ReportRow { paragraphs: r.cells.clone(), moved: r.moved.clone() }).collect();
    let discrepancies = comparison
        .discrepancies
        .iter()
        .enumerate()
        .map(|(i, d)| ReportDiscrepancy {
            id: i + 1,
            kind: d.kind.as_str().to_owned(),
            summary: d.summary.clone(),
            label: d.label.clone(),
            status: d.agreement.map(|a| a.as_str().to_owned()),
            mentions: d
                .mentions
                .iter()
                .map(|m| ReportMention {
                    article: m.at.article,
                    sentence: m.at.sentence,
                    text: comparison.articles[m.at.article].slice(m.span).to_owned(),
                    start: m.span.start,
                    end: m.span.end,
                    value: m.figure().map(|f| f.value),
                    low: m.figure().map(|f| f.low),
                    high: m.figure().map(|f| f.high.is_finite().then_some(f.high)),
                    qualifier: m.figure().map(|f| f.qualifier.as_str().to_owned()),
                    unit: m.figure().map(|f| f.unit.clone()).filter(|u| !u.is_empty()),
                    date: m.date().map(crate::model::DayDate::iso),
                    closest: match &m.evidence {
                        crate::model::Evidence::Detail(closest) => {
                            Some(closest.iter().map(ReportClosest::from).collect())
                        }
                        _ => None,
                    },
                })
                .collect(),
            review: super::review::of(context).and_then(|r| super::review::beside(r, i)),
        })
        .collect();
    let quantities = comparison
        .quantities
        .iter()
        .enumerate()
        .map(|(i, q)| ReportQuantity {
            id: i + 1,
            label: q.label.clone(),
            unit: q.unit.clone(),
            verdict: q.verdict.as_str().to_owned(),
            discrepancy: q.figures.first().and_then(|first| {
                comparison
                    .discrepancies
                    .iter()
                    .position(|d| {
                        d.kind == crate::model::DiscrepancyKind::Number
                            && d.mentions.iter().any(|m| m.at == first.at && m.span == first.span)
                    })
                    .map(|d| d + 1)
            }),
            figures: q
                .figures
                .iter()
                .map(|f| ReportQuantityFigure {
                    article: f.at.article,
                    sentence: f.at.sentence,
                    text: comparison.articles[f.at.article].slice(f.span).to_owned(),
                    start: f.span.start,
                    end: f.span.end,
                    value: f.figure.value,
                    low: f.figure.low,
                    high: f.figure.high.is_finite().then_some(f.figure.high),
                    qualifier: f.figure.qualifier.as_str().to_owned(),
                })
                .collect(),
        })
        .collect();
    let discrepancy_counts =
        comparison.counts_by_kind().iter().map(|(kind, count)| (kind.as_str().to_owned(), *count)).collect();
    Report {
        version: VERSION,
        version_minor: VERSION_MINOR,
        generator: Generator { name: "parallax".into(), version: env!("CARGO_PKG_VERSION").into() },
        settings: context.settings.clone(),
        config_file: context.config_file.clone(),
        scope: context.scope.clone(),
        summary: Summary {
            articles: comparison.articles.len(),
            groups: comparison.groups.len(),
            groups_in_all_articles: comparison
                .groups
                .iter()
                .filter(|g| g.article_count() == comparison.articles.len())
                .count(),
            discrepancies: discrepancy_counts,
        },
        articles,
        skipped: comparison.skipped.clone(),
        groups,
        rows,
        discrepancies,
        review: super::review::of(context).map(super::review::section),
        quantities,
    }
}

/// The figures of sentence `sentence` (readings are in reading order, so
/// they are found by binary search).
fn sentence_figures(
    article: &crate::model::Article,
    figures: &[crate::model::FigureReading],
    sentence: usize,
) -> Vec<ReportFigure> {
    let first = figures.partition_point(|f| f.sentence < sentence);
    figures[first..]
        .iter()
        .take_while(|f| f.sentence == sentence)
        .map(|f| ReportFigure {
            text: article.slice(f.span).to_owned(),
            start: f.span.start,
            end: f.span.end,
            value: f.figure.value,
            low: f.figure.low.is_finite().then_some(f.figure.low),
            high: f.figure.high.is_finite().then_some(f.figure.high),
            qualifier: f.figure.qualifier.as_str().to_owned(),
            unit: Some(f.figure.unit.clone()).filter(|u| !u.is_empty()),
            class: f.class.as_str().to_owned(),
            reason: match f.class {
                crate::model::QuantityClass::NotQuantity(reason) => Some(reason.as_str().to_owned()),
                _ => None,
            },
            quantity: f.quantity.map(|index| index + 1),
        })
        .collect()
}

/// The JSON Schema of [`Report`] (draft 2020-12), pretty-printed and
/// newline-terminated: the text committed as `docs/report.schema.json`.
#[must_use]
pub fn schema() -> String {
    let schema = schemars::schema_for!(Report);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

/// Renders the JSON report (pretty-printed, newline-terminated).
#[must_use]
pub fn render(comparison: &Comparison, context: &ReportContext) -> String {
    let report = build(comparison, context);
    // The articles' texts are written twice (whole and by sentence), with
    // the structure around them.
    let texts: usize = report.articles.iter().map(|a| a.text.len()).sum();
    let mut bytes = Vec::with_capacity(4 * texts + 4096);
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, Pretty::default());
    match report.serialize(&mut serializer).map_err(|e| e.to_string()).and_then(|()| {
        bytes.push(b'\n');
        String::from_utf8(bytes).map_err(|e| e.to_string())
    }) {
        Ok(text) => text,
        Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
    }
}

/// A newline followed by the indentation of [`INDENT_DEPTH`] levels.
const NEWLINE_INDENT: &[u8] = b"\n                                                                                ";
/// Levels of two spaces written from [`NEWLINE_INDENT`] in one piece.
const INDENT_DEPTH: usize = 40;

/// `serde_json`'s `PrettyFormatter` with two-space indentation (the same
/// bytes), writing a line break and its indentation in one piece instead
/// of one write per level.
#[derive(Default)]
struct Pretty {
    current_indent: usize,
    has_value: bool,
}

impl Pretty {
    fn newline<W: ?Sized + std::io::Write>(&self, writer: &mut W) -> std::io::Result<()> {
        if self.current_indent <= INDENT_DEPTH {
            writer.write_all(&NEWLINE_INDENT[..1 + 2 * self.current_indent])
        } else {
            writer.write_all(b"\n")?;
            (0..self.current_indent).try_for_each(|_| writer.write_all(b"  "))
        }
    }

    /// Opens an array or an object: one level deeper, nothing in it yet.
    fn open<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, mark: &[u8]) -> std::io::Result<()> {
        self.current_indent += 1;
        self.has_value = false;
        writer.write_all(mark)
    }

    /// Closes an array or an object, on a line of its own when it held anything.
    fn close<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, mark: &[u8]) -> std::io::Result<()> {
        self.current_indent -= 1;
        if self.has_value {
            self.newline(writer)?;
        }
        writer.write_all(mark)
    }

    /// Starts an element or a key on its own line, after a comma unless first.
    fn next_line<W: ?Sized + std::io::Write>(&self, writer: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.newline(writer)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        self.next_line(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _writer: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        self.next_line(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _writer: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Settings, compare_texts};

    fn sample() -> Comparison {
        compare_texts(
            &[
                (
                    "a.txt",
                    "Dam bursts\n\nMore than 4,000 residents were evacuated on Tuesday.\n\nA bakery gave out bread.",
                ),
                ("b.txt", "Flood\n\nAbout 4,500 residents were evacuated on Tuesday."),
            ],
            &Settings::default(),
        )
    }

    #[test]
    fn report_round_trips_through_json() {
        let comparison = sample();
        let context = ReportContext {
            settings: Settings::default(),
            config_file: Some("/home/u/parallax.toml".into()),
            scope: None,
            review: None,
        };
        let report = build(&comparison, &context);
        // The sample must exercise the unbounded `high` ("more than"), which
        // serde would otherwise read back as absent.
        let unbounded = report.discrepancies.iter().flat_map(|d| &d.mentions).any(|m| m.high == Some(None));
        assert!(unbounded, "the sample has an open-ended figure");
        let text = render(&comparison, &context);
        let back: Report = serde_json::from_str(&text).expect("the report parses");
        assert_eq!(back, report);
    }

    #[test]
    fn pretty_writes_what_serde_json_writes() {
        // Nested deeper than the indentation written in one piece.
        let mut value = serde_json::json!({"a": [1, {"b": []}, {}], "c": "d\"e"});
        for depth in 0..45 {
            value = serde_json::json!({ "level": depth, "inner": [value, null] });
        }
        let mut bytes = Vec::new();
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut bytes, Pretty::default())).expect("writes");
        assert_eq!(String::from_utf8(bytes).expect("UTF-8"), serde_json::to_string_pretty(&value).expect("writes"));
    }

    #[test]
    fn committed_schema_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/report.schema.json");
        let current = schema();
        if std::env::var_os("PARALLAX_UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &current).expect("write the schema");
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == current,
            "docs/report.schema.json is stale: the report types changed. Regenerate it with \
             `PARALLAX_UPDATE_SCHEMA=1 cargo test --lib committed_schema_is_current` and review the diff"
        );
    }

    #[test]
    fn schema_describes_the_contract_fields() {
        let schema: serde_json::Value = serde_json::from_str(&schema()).expect("schema is JSON");
        let top = schema["properties"].as_object().expect("top-level properties");
        for field in [
            "version",
            "generator",
            "settings",
            "config_file",
            "summary",
            "articles",
            "skipped",
            "groups",
            "rows",
            "discrepancies",
        ] {
            assert!(top.contains_key(field), "schema lacks `{field}`");
        }
        let provenance = &schema["$defs"]["Provenance"]["properties"];
        for field in ["content_sha256", "final_url", "fetched_at"] {
            assert!(provenance.get(field).is_some(), "provenance lacks `{field}`");
        }
    }
}
