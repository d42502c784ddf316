//! Reports: the [`Comparison`] written for people and scripts. Every format
//! renders the same comparison, so the TUI, the headless export and every
//! file agree; the same input always gives a byte-identical report.
//!
//! Front ends call exactly two things: [`ReportFormat::from_path`] /
//! [`ReportFormat::from_name`] to pick a format, and [`render`] to produce
//! the text (then [`write_atomic`] to store it).

pub mod csv;
pub mod figures_csv;
pub mod html;
pub mod json;
pub mod markdown;
mod provenance;
pub mod review;
mod write;

#[cfg(unix)]
pub use write::remove_temporaries_on_signal;
pub use write::{WriteError, write_atomic};

use crate::{Comparison, Settings};

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportFormat {
    /// Versioned JSON for scripts (see `docs/report-format.md`).
    Json,
    /// Markdown for GitHub, GitLab and plain reading.
    Markdown,
    /// One self-contained HTML page: side by side, discrepancy index, shared facts.
    Html,
    /// One row per number mention, for spreadsheets.
    Csv,
    /// One row per figure read (quantity or not), for spreadsheets.
    FiguresCsv,
}

impl ReportFormat {
    /// Every format, in the order menus list them.
    pub const ALL: [Self; 5] = [Self::Html, Self::Markdown, Self::Json, Self::Csv, Self::FiguresCsv];

    /// The names accepted by `--format` and as file extensions.
    pub const NAMES: &'static [&'static str] = &["json", "md", "markdown", "html", "htm", "csv", "figures-csv"];

    /// The format a name or extension stands for (case-insensitive).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(Self::Json),
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" => Some(Self::Html),
            "csv" => Some(Self::Csv),
            "figures-csv" => Some(Self::FiguresCsv),
            _ => None,
        }
    }

    /// The format a file name's extension implies.
    #[must_use]
    pub fn from_path(path: &str) -> Option<Self> {
        if path.to_ascii_lowercase().ends_with(".figures.csv") {
            return Some(Self::FiguresCsv);
        }
        let extension = std::path::Path::new(path).extension()?.to_str()?;
        Self::from_name(extension)
    }

    /// The usual file extension (without the dot), for suggesting a file name.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Csv => "csv",
            Self::FiguresCsv => "figures-csv",
        }
    }

    /// The name people know the format by ("HTML", "Markdown").
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Json => "JSON",
            Self::Markdown => "Markdown",
            Self::Html => "HTML",
            Self::Csv => "CSV",
            Self::FiguresCsv => "figures CSV",
        }
    }

    /// A human list of the accepted names, for error messages and help.
    #[must_use]
    pub fn list() -> String {
        "html (htm), md (markdown), json, csv, figures-csv".to_owned()
    }
}

/// What a report states about how it was made, besides the comparison.
#[derive(Debug, Clone, Default)]
pub struct ReportContext {
    /// The settings that shaped the analysis.
    pub settings: Settings,
    /// The user configuration file that was read, if any.
    pub config_file: Option<String>,
    /// The reviewer's verdicts and corrections, when a review is in force
    /// (the comparison rendered is then `review.comparison`).
    pub review: Option<std::sync::Arc<crate::review::Reviewed>>,
}

/// Renders a comparison in a format. The TUI's export and the headless
/// `--export` both call this, so they write the same bytes.
#[must_use]
pub fn render(comparison: &Comparison, format: ReportFormat, context: &ReportContext) -> String {
    match format {
        ReportFormat::Json => json::render(comparison, context),
        ReportFormat::Markdown => markdown::render(comparison, context),
        ReportFormat::Html => html::render(comparison, context),
        ReportFormat::Csv => csv::render(comparison, context),
        ReportFormat::FiguresCsv => figures_csv::render(comparison, context),
    }
}

/// Renders a reviewed comparison: the corrected comparison, with the
/// reviewer's verdicts, notes and corrections beside each discrepancy.
#[must_use]
pub fn render_reviewed(
    reviewed: std::sync::Arc<crate::review::Reviewed>,
    format: ReportFormat,
    context: &ReportContext,
) -> String {
    let context = ReportContext { review: Some(std::sync::Arc::clone(&reviewed)), ..context.clone() };
    render(&reviewed.comparison, format, &context)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_name_parses_and_every_format_has_a_name() {
        for name in ReportFormat::NAMES {
            assert!(ReportFormat::from_name(name).is_some(), "{name}");
            assert!(ReportFormat::list().contains(name), "list() mentions {name}");
        }
        for format in ReportFormat::ALL {
            assert_eq!(ReportFormat::from_name(format.extension()), Some(format));
        }
    }

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(ReportFormat::from_path("out/report.HTML"), Some(ReportFormat::Html));
        assert_eq!(ReportFormat::from_path("report.htm"), Some(ReportFormat::Html));
        assert_eq!(ReportFormat::from_path("numbers.csv"), Some(ReportFormat::Csv));
        assert_eq!(ReportFormat::from_path("out/all.Figures.csv"), Some(ReportFormat::FiguresCsv));
        assert_eq!(ReportFormat::from_path("notes.markdown"), Some(ReportFormat::Markdown));
        assert_eq!(ReportFormat::from_path("report.pdf"), None);
        assert_eq!(ReportFormat::from_path("report"), None);
    }
}
