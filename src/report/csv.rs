//! The CSV report: one row per number mention, for spreadsheets.
//!
//! Rows follow the discrepancy list (then each discrepancy's mentions in
//! reading order). Besides the figure, every row carries its provenance (the
//! article's source and content hash, for URLs the final address and fetch
//! time) and the run's (parallax version, user configuration, settings), so
//! a sheet copied out of context still says where its numbers came from.
//!
//! Text cells are untrusted: control characters and line breaks become
//! spaces, and a cell a spreadsheet could read as a formula (starting with
//! `=`, `+`, `-`, `@`, tab or carriage return) is prefixed with `'`.
//! Quoting is the `csv` crate's (RFC 4180, CRLF line ends).

use super::ReportContext;
use super::provenance::{VERSION, format_number, settings_line};
use crate::model::{Comparison, DiscrepancyKind};

/// The header row.
pub const HEADER: [&str; 19] = [
    "article",
    "outlet",
    "quantity",
    "text",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "status",
    "discrepancy",
    "sentence",
    "source",
    "content_sha256",
    "final_url",
    "fetched_at",
    "parallax_version",
    "config_file",
    "settings",
];

/// Renders the CSV report.
#[must_use]
pub fn render(comparison: &Comparison, context: &ReportContext) -> String {
    let review = super::review::of(context);
    // With a review in force, four columns follow (the reviewer's, per discrepancy).
    let mut header: Vec<&str> = HEADER.to_vec();
    if review.is_some() {
        header.extend(REVIEW_HEADER);
    }
    table(&header, rows(comparison, context, review))
}

/// A CSV file (CRLF line ends) of `header` and `rows`, for both CSV
/// reports. Writing into memory cannot fail short of a bug; if it does, the
/// file says so in one cell rather than the program panicking.
pub(super) fn table<R, S>(header: &[&str], rows: impl IntoIterator<Item = R>) -> String
where
    R: IntoIterator<Item = S>,
    S: AsRef<[u8]>,
{
    let write = || -> Result<String, Box<dyn std::error::Error>> {
        let mut writer = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
        writer.write_record(header)?;
        for row in rows {
            writer.write_record(row)?;
        }
        Ok(String::from_utf8(writer.into_inner()?)?)
    };
    write().unwrap_or_else(|error| format!("error\r\n{}\r\n", neutralise(&error.to_string())))
}

/// One row per mention of a number discrepancy.
fn rows(
    comparison: &Comparison,
    context: &ReportContext,
    review: Option<&crate::review::Reviewed>,
) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let settings = neutralise(&settings_line(&context.settings));
    let config_file = context.config_file.as_deref().map(neutralise).unwrap_or_default();
    for (index, discrepancy) in comparison.discrepancies.iter().enumerate() {
        if discrepancy.kind != DiscrepancyKind::Number {
            continue;
        }
        let status = discrepancy.agreement.map(|a| a.as_str()).unwrap_or_default();
        for mention in &discrepancy.mentions {
            let Some(article) = comparison.articles.get(mention.at.article) else { continue };
            let figure = mention.figure();
            let sentence =
                article.sentences.get(mention.at.sentence).map(|s| article.slice(s.span)).unwrap_or_default();
            let provenance = &article.provenance;
            let mut row = vec![
                (mention.at.article + 1).to_string(),
                neutralise(&article.outlet),
                neutralise(&discrepancy.label),
                neutralise(article.slice(mention.span)),
                figure.map(|f| format_number(f.value)).unwrap_or_default(),
                figure.map(|f| format_number(f.low)).unwrap_or_default(),
                figure.map(|f| format_number(f.high)).unwrap_or_default(),
                figure.map(|f| neutralise(&f.unit)).unwrap_or_default(),
                figure.map(|f| f.qualifier.as_str().to_owned()).unwrap_or_default(),
                status.to_owned(),
                (index + 1).to_string(),
                neutralise(sentence),
                neutralise(&article.source),
                neutralise(&provenance.content_sha256),
                provenance.final_url.as_deref().map(neutralise).unwrap_or_default(),
                provenance.fetched_at.as_deref().map(neutralise).unwrap_or_default(),
                VERSION.to_owned(),
                config_file.clone(),
                settings.clone(),
            ];
            if let Some(review) = review {
                row.extend(review_cells(review, index));
            }
            rows.push(row);
        }
    }
    rows
}

/// The columns added when a review is in force.
pub const REVIEW_HEADER: [&str; 4] = ["verdict", "note", "pinned", "reviewer_corrections"];

/// The reviewer's verdict, note (lines joined with ` / `), pinned value
/// (`value (source)`) and corrections (`;`-separated) for discrepancy `index`.
pub(super) fn review_cells(review: &crate::review::Reviewed, index: usize) -> [String; 4] {
    let judgement = review.judgement(index);
    let verdict = judgement.and_then(|j| j.verdict).map(|v| v.as_str().to_owned()).unwrap_or_default();
    let note = judgement.map(|j| j.note.lines().collect::<Vec<_>>().join(" / ")).unwrap_or_default();
    let pinned = judgement
        .and_then(|j| j.pinned.as_ref())
        .map(|p| if p.source.is_empty() { p.value.clone() } else { format!("{} ({})", p.value, p.source) })
        .unwrap_or_default();
    let corrections = review
        .entries
        .get(index)
        .map(|e| {
            e.corrections
                .iter()
                .filter_map(|c| review.review.corrections.get(*c))
                .map(|c| format!("{} ({})", c.change.describe(), c.at))
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default();
    [neutralise(&verdict), neutralise(&note), neutralise(&pinned), neutralise(&corrections)]
}

/// A text cell made safe for spreadsheets: controls and line breaks become
/// spaces, and a leading formula trigger is defused with a `'` prefix (the
/// convention Excel, LibreOffice and Google Sheets show as plain text).
#[must_use]
pub fn neutralise(text: &str) -> String {
    let starts_with_control = text.starts_with(['\t', '\r']);
    let cleaned: String = text
        .chars()
        .filter(|c| !crate::normalize::is_invisible(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    // Leading spaces do not stop every spreadsheet from evaluating "  =1+1".
    let trigger = cleaned.trim_start().starts_with(['=', '+', '-', '@']);
    if starts_with_control || trigger { format!("'{cleaned}") } else { cleaned }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::{Settings, compare_texts};

    /// A CSV report's rows, read back with the `csv` crate.
    pub(crate) fn parse(text: &str) -> Vec<Vec<String>> {
        let mut reader = ::csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
        reader.records().map(|r| r.expect("valid CSV").iter().map(str::to_owned).collect()).collect()
    }

    #[test]
    fn formula_triggers_are_defused() {
        assert_eq!(neutralise("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(neutralise("+1"), "'+1");
        assert_eq!(neutralise("-5 degrees"), "'-5 degrees");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\t=1"), "' =1");
        assert_eq!(neutralise("\r=1"), "' =1");
        assert_eq!(neutralise("  =1+1"), "'  =1+1");
        assert_eq!(neutralise("About 4,500"), "About 4,500");
        assert_eq!(neutralise("a\nb\u{1b}[31m"), "a b [31m");
    }

    #[test]
    fn one_row_per_number_mention_with_header_and_quoting() {
        let comparison = compare_texts(
            &[
                ("a.txt", "Dam bursts\n\nAbout 4,500 residents were evacuated, officials said on Tuesday."),
                ("=SUM(A1).txt", "Flood\n\n@cmd More than 4,000 residents were evacuated, officials said."),
            ],
            &Settings::default(),
        );
        let mentions: usize = comparison
            .discrepancies
            .iter()
            .filter(|d| d.kind == DiscrepancyKind::Number)
            .map(|d| d.mentions.len())
            .sum();
        assert!(mentions >= 2, "the sample has a number discrepancy");
        let context = ReportContext { settings: Settings::default(), config_file: None, review: None, scope: None };
        let text = render(&comparison, &context);
        let rows = parse(&text);
        assert_eq!(rows[0], HEADER);
        assert_eq!(rows.len(), 1 + mentions);
        let column = |name: &str| HEADER.iter().position(|h| *h == name).expect("column");
        let values: Vec<&str> = rows[1..].iter().map(|r| r[column("value")].as_str()).collect();
        assert!(values.contains(&"4500") && values.contains(&"4000"), "{values:?}");
        let open_ended = rows[1..].iter().find(|r| r[column("value")] == "4000").expect("the 4,000 row");
        assert_eq!(open_ended[column("qualifier")], "over");
        assert_eq!(open_ended[column("high")], "", "no upper bound");
        assert_eq!(open_ended[column("article")], "2");
        assert_eq!(open_ended[column("discrepancy")], "1");
        assert_eq!(open_ended[column("content_sha256")].len(), 64);
        assert_eq!(open_ended[column("parallax_version")], VERSION);
        assert!(open_ended[column("settings")].contains("matching.threshold=0.3"));
        assert!(
            rows.iter().flatten().all(|cell| !cell.starts_with(['=', '+', '-', '@'])),
            "no cell starts with a formula trigger"
        );
    }
}
